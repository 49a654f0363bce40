"""TEI normal form: a document exactly as TEI can hold it.

TEI whitespace is not significant, XML has no way to tell two adjacent runs of
text apart, and a footnote is written where it is referenced. So
``read_document(write_document(d))`` is not ``d`` for every ``d``, but
:func:`normalize` of it, which is:

* no plain-text ``layout``; an empty date range is no date range;
* in every text run, whitespace (space, tab, CR, LF) collapsed to one space,
  adjacent texts merged, empty texts dropped; at the edges of a block's run
  (a paragraph, a heading, a cell, a title) no whitespace at all;
* adjacent :class:`Plain` blocks merged, empty ones dropped; an
  :class:`Embedded` plain run spliced into its paragraph;
* a :class:`RawBlock` that touches text is an inline element (RawInline);
* a list label that is only whitespace is no label;
* each :class:`NoteRef` paired with its note (by id, else by label, else a new
  empty note) and naming it by its id and label; notes listed as a reader of
  the TEI meets them: notes no marker refers to first, then the others in the
  order of their markers (a note inside a note before it).

Every document read from TEI is in normal form.

Both steps are :func:`frusdoc.transform` passes (post-order: a node sees its
children already normal). The few nodes whose normal form depends on where
they stand are left for their parent to decide, and normalised from their raw
content in a pass of their own: a :class:`RawBlock` of no TEI block element
(an inline element if it touches text, else a block) and a comment or
processing instruction (whose whitespace is its own).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TypeVar, overload

import attrs

from frusdoc import _args
from frusdoc import model as m
from frusdoc.pairing import NoteMatcher
from frusdoc.tei.reader import BLOCK_TAGS, INLINE_TAGS
from frusdoc.tei.reading import read_volume
from frusdoc.tei.writing import leading_notes, write_volume
from frusdoc.tree import Node, Path, Replacement, transform, walk

__all__ = ["normalize"]

_WS = re.compile(r"[ \t\r\n]+")
_XWS = " \t\r\n"


@overload
def normalize(value: m.Document) -> m.Document: ...
@overload
def normalize(value: m.Volume) -> m.Volume: ...
def normalize(value: m.Document | m.Volume) -> m.Document | m.Volume:
    """The document or volume as TEI holds it.

    For a document, computed on the model (the rules above), and equal to
    ``read_document(write_document(doc))``. For a volume it is *defined* as
    ``read_volume(write_volume(volume))`` (see ``docs/tei.md`` for what that
    changes); its documents are normal documents.
    """
    _args.expect_node("tei.normalize(value)", value, (m.Document, m.Volume))
    if isinstance(value, m.Volume):
        return read_volume(write_volume(value))
    if not isinstance(value, m.Document):
        raise _args.ArgumentTypeError(f"normalize expects a Document or a Volume, got {type(value).__name__}")
    return _normalize_document(value)


def _normalize_document(doc: m.Document) -> m.Document:
    # First pair markers with notes, in the order the writer meets them; then
    # normalise the text and structure, which never touches the pairing.
    paired = _Pairing(NoteMatcher.for_document(doc)).document(doc)
    normal = _Normal().part(paired)
    assert isinstance(normal, m.Document)  # fn keeps the class of the root
    date = doc.date if doc.date is not None and (doc.date.not_before or doc.date.not_after) else None
    return attrs.evolve(normal, layout=None, date=date)


# -- pairing ------------------------------------------------------------------------

_Part = TypeVar("_Part", m.Document, m.Note)

#: The order in which the TEI writer meets the fields of a class, where it is
#: not the order the class declares them in.
_WRITING_ORDER: dict[type, tuple[str, ...]] = {
    m.ListBlock: ("head", "items", "after"),
    m.ListItem: ("before", "blocks"),
    m.Row: ("before", "cells"),
    m.Attachment: ("title", "blocks"),
}


_RANKS: dict[tuple[type, str], int] = {}


def _rank(cls: type, field: str) -> int:
    rank = _RANKS.get((cls, field))
    if rank is None:
        order = _WRITING_ORDER.get(cls, ())
        names = [a.name for a in attrs.fields(cls)]
        rank = _RANKS[cls, field] = order.index(field) if field in order else len(order) + names.index(field)
    return rank


def _writing_key(path: Path, nodes: Mapping[Path, Node]) -> tuple[int, ...]:
    # A path as (field rank, index) pairs: sorting by it is the writer's order.
    key: list[int] = []
    i = 0
    while i < len(path):
        field = path[i]
        assert isinstance(field, str)
        key.append(_rank(type(nodes[path[:i]]), field))
        index = path[i + 1] if i + 1 < len(path) else None
        if isinstance(index, int):
            key.append(index)
            i += 2
        else:
            key.append(0)
            i += 1
    return tuple(key)


@attrs.define
class _Pairing:
    """Pairs each marker with its note in writing order (as the TEI writer does)."""

    matcher: NoteMatcher
    collected: list[m.Note] = attrs.Factory(list)

    def document(self, doc: m.Document) -> m.Document:
        for index in (leading := leading_notes(doc)):
            self.matcher.used[index] = True
        for index in leading:
            self.collect(doc.notes[index])
        body = self.part(doc)
        while (left := self.matcher.take_unused()) is not None:
            self.collect(left)
        return attrs.evolve(body, notes=tuple(self.collected))

    def collect(self, note: m.Note) -> m.Note:
        # In document order, as the reader lists them: a note before the notes inside it.
        index = len(self.collected)
        self.collected.append(note)
        self.collected[index] = self.part(note)
        return self.collected[index]

    def part(self, node: _Part) -> _Part:
        """``node`` with every marker naming its note (a document's notes left out)."""
        outside = ("notes",) if isinstance(node, m.Document) else None
        nodes = {p: n for p, n in walk(node) if outside is None or p[:1] != outside}
        markers = sorted(
            (p for p, n in nodes.items() if type(n) is m.NoteRef), key=lambda p: _writing_key(p, nodes)
        )
        paired: dict[Path, Node] = {}
        for path in markers:
            marker = nodes[path]
            assert isinstance(marker, m.NoteRef)
            note = self.collect(self.matcher.match(marker))
            paired[path] = m.NoteRef(label=note.label or "", note=note.id)
        if not paired:
            return node

        def pair(path: Path, child: Node) -> Replacement:
            return paired.get(path, child)

        result = transform(node, pair, descend=lambda p, _: outside is None or p[:1] != outside)
        assert isinstance(result, type(node))
        return result


# -- text and structure ---------------------------------------------------------------


def _pending(node: object) -> bool:
    """Is ``node`` a raw block whose normal form its parent decides: an inline
    element where it touches text, else a block (see the module's description)?"""
    return type(node) is m.RawBlock and node.tag not in BLOCK_TAGS


def _descend(path: Path, node: Node) -> bool:
    # Raw content stays raw for the node that decides about it: a pending raw
    # block's parent (or its own pass, as the root), a comment's own text.
    if type(node) is m.RawInline:
        return node.tag not in ("#comment", "#pi")
    return path == () or not _pending(node)


_CHILDREN = (m.Emphasis, m.Reference, m.Name, m.DateText, m.Gap, m.RawInline)
_LINES = (m.Paragraph, m.Heading, m.Dateline, m.Signed, m.Cell)
_CONTAINERS = (m.Quote, m.Opener, m.Closer, m.Postscript, m.Note)


class _Normal:
    """Normalises text and structure; idempotent, so parts may be normalised again."""

    def part(self, node: Node) -> Node:
        """``node`` in normal form, as the root of its own pass: normalised from its
        raw content even when it is one its parent decides about."""
        return transform(node, self.fn, descend=_descend)

    def fn(self, path: Path, node: Node) -> Replacement:
        # Post-order: children are normal, except those their parent decides
        # about (_pending), which are still raw; a node's own run is merged here.
        if type(node) is m.Text:
            return m.Text(text=_WS.sub(" ", node.text))
        if type(node) is m.RawInline and node.tag in ("#comment", "#pi"):
            return _markup(node)
        if isinstance(node, _CHILDREN):
            return attrs.evolve(node, children=self.run(node.children))
        if type(node) is m.Emendation:
            return attrs.evolve(node, original=self.run(node.original), corrected=self.run(node.corrected))
        if type(node) is m.Embedded:
            # A plain run is spliced into the run around it (by run()); an
            # element of no block kind is an inline element.
            if _pending(node.block):
                assert isinstance(node.block, m.RawBlock)
                return self.part(_raw_inline(node.block))
            return node
        if isinstance(node, _LINES):
            return attrs.evolve(node, inlines=self.run(node.inlines, strip=True))
        if isinstance(node, _CONTAINERS):
            return attrs.evolve(node, blocks=self.blocks(node.blocks))
        if type(node) is m.ListItem:
            label = (_WS.sub(" ", node.label).strip(_XWS) or None) if node.label is not None else None
            return attrs.evolve(node, label=label, blocks=self.blocks(node.blocks), before=self.between(node.before))
        if type(node) is m.ListBlock:
            return attrs.evolve(node, head=self.run(node.head, strip=True), after=self.between(node.after))
        if type(node) is m.Row:
            return attrs.evolve(node, before=self.between(node.before))
        if type(node) is m.Table:
            return attrs.evolve(node, after=self.between(node.after))
        if type(node) is m.Attachment:
            return attrs.evolve(node, title=self.run(node.title, strip=True), blocks=self.blocks(node.blocks))
        if type(node) is m.RawBlock and (path == () or not _pending(node)):
            return attrs.evolve(node, content=self.blocks(node.content))
        if type(node) is m.Document:
            return attrs.evolve(node, title=self.run(node.title, strip=True), blocks=self.blocks(node.blocks))
        return node  # Plain (its parent merges it), a pending RawBlock (its parent decides), data

    # -- inline runs --------------------------------------------------------------

    def run(self, inlines: tuple[m.Inline, ...], *, strip: bool = False) -> tuple[m.Inline, ...]:
        """A run of normal inlines merged: plain runs spliced in, adjacent texts
        joined, empty texts dropped, and with ``strip`` no whitespace at the edges."""
        out: list[m.Inline] = []
        for item in _spliced(inlines):
            if type(item) is m.Text:
                if out and type(out[-1]) is m.Text:
                    out[-1] = m.Text(text=_WS.sub(" ", out[-1].text + item.text))
                elif item.text:
                    out.append(item)
            else:
                out.append(item)
        if strip:
            if out and type(out[0]) is m.Text:
                out[0] = m.Text(text=out[0].text.lstrip(" "))
            if out and type(out[-1]) is m.Text:
                out[-1] = m.Text(text=out[-1].text.rstrip(" "))
        return tuple(i for i in out if not (type(i) is m.Text and not i.text))

    def between(self, inlines: tuple[m.Inline, ...]) -> tuple[m.Inline, ...]:
        """Between list items or table rows only elements stand: whitespace goes."""
        return tuple(n for n in self.run(inlines) if type(n) is not m.Text)

    # -- blocks -------------------------------------------------------------------

    def blocks(self, blocks: tuple[m.Block, ...]) -> tuple[m.Block, ...]:
        # Normal blocks, except plain runs (merged here) and raw blocks of no
        # block kind (still raw): an inline element where they touch text,
        # else a block.
        pending: list[m.Block] = []
        for i, block in enumerate(blocks):
            if _pending(block) and _touches_text(blocks, i, pending):
                assert isinstance(block, m.RawBlock)
                inline = self.part(_raw_inline(block))
                assert isinstance(inline, m.RawInline)
                pending.append(m.Plain(inlines=(inline,)))
            else:
                pending.append(block)
        out: list[m.Block] = []
        run: list[m.Inline] = []

        def flush() -> None:
            out.extend(self.split(self.run(tuple(run))))
            run.clear()

        for block in pending:
            if type(block) is m.Plain:
                run.extend(block.inlines)
            else:
                flush()
                out.append(self._block(self.part(block)) if _pending(block) else block)
        flush()
        return tuple(out)

    def split(self, inlines: tuple[m.Inline, ...]) -> list[m.Block]:
        """A run in block context: an unknown element that starts the run and is
        not followed by text stands as a block (as the reader sees it)."""
        out: list[m.Block] = []
        current: list[m.Inline] = []

        def close() -> None:
            rest = self.run(tuple(current), strip=True)
            if rest:
                out.append(m.Plain(inlines=rest))
            current.clear()

        for k, node in enumerate(inlines):
            if type(node) is m.Embedded:  # a block element among blocks is a block
                close()
                out.append(node.block)
                continue
            nxt = inlines[k + 1] if k + 1 < len(inlines) else None
            starts = all(type(t) is m.Text and not t.text.strip(_XWS) for t in current)
            followed = type(nxt) is m.Text and bool(nxt.text.strip(_XWS))
            if type(node) is m.RawInline and _unknown(node.tag) and starts and not followed:
                current.clear()
                out.append(self._block(self.part(_raw_block(node))))
            else:
                current.append(node)
        close()
        return out

    @staticmethod
    def _block(node: Node) -> m.Block:
        assert isinstance(node, m.RawBlock)  # the pass keeps the class of its root
        return node


def _spliced(inlines: tuple[m.Inline, ...]) -> list[m.Inline]:
    # The run with every embedded plain run in its place (at any depth).
    out: list[m.Inline] = []
    stack = [iter(inlines)]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
        elif type(item) is m.Embedded and type(item.block) is m.Plain:
            stack.append(iter(item.block.inlines))
        else:
            out.append(item)
    return out


def _markup(node: m.RawInline) -> m.RawInline:
    # A comment or processing instruction keeps its text as written (no whitespace rules).
    text = "".join(c.text for c in node.children if isinstance(c, m.Text))
    if node.tag == "#pi":  # XML drops the whitespace after a processing instruction's target
        text = text.lstrip(_XWS)
    kept = (("target", dict(node.attributes).get("target", "pi")),) if node.tag == "#pi" else ()
    return m.RawInline(tag=node.tag, attributes=kept, children=(m.Text(text=text),) if text else ())


def _raw_inline(block: m.RawBlock) -> m.RawInline:
    """A raw block as the inline element it is where it touches text (raw content)."""
    children: list[m.Inline] = []
    for child in block.content:
        if isinstance(child, m.Plain):
            children.extend(child.inlines)
        elif isinstance(child, m.RawBlock):
            children.append(_raw_inline(child))
        else:
            children.append(m.Embedded(block=child))
    return m.RawInline(tag=block.tag, attributes=block.attributes, children=tuple(children))


def _raw_block(node: m.RawInline) -> m.RawBlock:
    """An inline element as the block it is where it stands alone."""
    content: list[m.Block] = []
    run: list[m.Inline] = []
    for child in node.children:
        if isinstance(child, m.Embedded):
            if run:
                content.append(m.Plain(inlines=tuple(run)))
                run = []
            content.append(child.block)
        else:
            run.append(child)
    if run:
        content.append(m.Plain(inlines=tuple(run)))
    return m.RawBlock(tag=node.tag, attributes=node.attributes, content=tuple(content))


def _unknown(tag: str) -> bool:
    return not tag.startswith("#") and tag not in BLOCK_TAGS and tag not in INLINE_TAGS


def _touches_text(blocks: tuple[m.Block, ...], i: int, pending: list[m.Block]) -> bool:
    """Would text stand right before or after this block once written?"""
    before = pending[-1] if pending else None
    if isinstance(before, m.Plain) and any(
        not isinstance(x, m.Text) or x.text.strip(_XWS) for x in before.inlines
    ):
        return True
    after = blocks[i + 1] if i + 1 < len(blocks) else None
    if isinstance(after, m.Plain) and after.inlines:
        first = after.inlines[0]
        return isinstance(first, m.Text) and bool(_WS.sub(" ", first.text).strip(_XWS))
    return False
