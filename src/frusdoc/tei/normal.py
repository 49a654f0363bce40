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
"""

from __future__ import annotations

import re
from typing import overload

import attrs

from frusdoc import _args
from frusdoc import model as m
from frusdoc.pairing import NoteMatcher
from frusdoc.tei.reader import BLOCK_TAGS, INLINE_TAGS

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
        from frusdoc.tei.reading import read_volume
        from frusdoc.tei.writing import write_volume

        return read_volume(write_volume(value))
    if not isinstance(value, m.Document):
        raise _args.ArgumentTypeError(f"normalize expects a Document or a Volume, got {type(value).__name__}")
    return _normalize_document(value)


def _normalize_document(doc: m.Document) -> m.Document:
    # First pair markers with notes, in the order the writer meets them; then
    # normalise the text and structure, which never touches the pairing.
    from frusdoc.tei.writing import leading_notes

    pairing = _Pairing(NoteMatcher.for_document(doc))
    for index in (leading := leading_notes(doc)):
        pairing.matcher.used[index] = True
    for index in leading:
        pairing.collect(doc.notes[index])
    title = pairing.inlines(doc.title)
    blocks = pairing.blocks(doc.blocks)
    while (left := pairing.matcher.take_unused()) is not None:
        pairing.collect(left)
    notes = pairing.collected

    state = _State()
    title = state.run(title, strip=True)
    blocks = state.blocks(blocks)
    date = doc.date if doc.date is not None and (doc.date.not_before or doc.date.not_after) else None
    return attrs.evolve(
        doc,
        title=title,
        blocks=blocks,
        notes=tuple(attrs.evolve(n, blocks=state.blocks(n.blocks)) for n in notes),
        layout=None,
        date=date,
    )


@attrs.define
class _Pairing:
    """Pairs each marker with its note in writing order (as the TEI writer does)."""

    matcher: NoteMatcher
    collected: list[m.Note] = attrs.Factory(list)

    def inlines(self, inlines: tuple[m.Inline, ...]) -> tuple[m.Inline, ...]:
        return tuple(self.inline(i) for i in inlines)

    def inline(self, node: m.Inline) -> m.Inline:
        if isinstance(node, m.NoteRef):
            note = self.collect(self.matcher.match(node))
            return m.NoteRef(label=note.label or "", note=note.id)
        if isinstance(node, m.Emendation):
            return attrs.evolve(
                node, original=self.inlines(node.original), corrected=self.inlines(node.corrected)
            )
        if isinstance(node, m.Embedded):
            return m.Embedded(block=self.block(node.block))
        children = getattr(node, "children", None)
        return attrs.evolve(node, children=self.inlines(children)) if children else node  # type: ignore[arg-type]

    def collect(self, note: m.Note) -> m.Note:
        # In document order, as the reader lists them: a note before the notes inside it.
        index = len(self.collected)
        self.collected.append(note)
        self.collected[index] = attrs.evolve(note, blocks=self.blocks(note.blocks))
        return self.collected[index]

    def blocks(self, blocks: tuple[m.Block, ...]) -> tuple[m.Block, ...]:
        return tuple(self.block(b) for b in blocks)

    def block(self, block: m.Block) -> m.Block:
        if isinstance(block, (m.Paragraph, m.Plain, m.Heading, m.Dateline, m.Signed)):
            return attrs.evolve(block, inlines=self.inlines(block.inlines))
        if isinstance(block, (m.Quote, m.Opener, m.Closer, m.Postscript)):
            return attrs.evolve(block, blocks=self.blocks(block.blocks))
        if isinstance(block, m.ListBlock):
            head = self.inlines(block.head)
            items = tuple(
                attrs.evolve(i, before=self.inlines(i.before), blocks=self.blocks(i.blocks))
                for i in block.items
            )
            return attrs.evolve(block, head=head, items=items, after=self.inlines(block.after))
        if isinstance(block, m.Table):
            rows = tuple(
                attrs.evolve(
                    r,
                    before=self.inlines(r.before),
                    cells=tuple(attrs.evolve(c, inlines=self.inlines(c.inlines)) for c in r.cells),
                )
                for r in block.rows
            )
            return attrs.evolve(block, rows=rows, after=self.inlines(block.after))
        if isinstance(block, m.Attachment):
            title = self.inlines(block.title)
            return attrs.evolve(block, title=title, blocks=self.blocks(block.blocks))
        if isinstance(block, m.RawBlock):
            return attrs.evolve(block, content=self.blocks(block.content))
        return block


@attrs.define
class _State:
    """Normalises text and structure; idempotent, so parts may be normalised again."""

    # -- inline runs --------------------------------------------------------------

    def run(self, inlines: tuple[m.Inline, ...], *, strip: bool = False) -> tuple[m.Inline, ...]:
        out: list[m.Inline] = []
        for node in inlines:
            for item in self.inline(node):
                if isinstance(item, m.Text):
                    if out and isinstance(out[-1], m.Text):
                        out[-1] = m.Text(text=_WS.sub(" ", out[-1].text + item.text))
                    elif item.text:
                        out.append(item)
                else:
                    out.append(item)
        if strip:
            if out and isinstance(out[0], m.Text):
                out[0] = m.Text(text=out[0].text.lstrip(" "))
            if out and isinstance(out[-1], m.Text):
                out[-1] = m.Text(text=out[-1].text.rstrip(" "))
        return tuple(i for i in out if not (isinstance(i, m.Text) and not i.text))

    def inline(self, node: m.Inline) -> list[m.Inline]:
        if isinstance(node, m.Text):
            return [m.Text(text=_WS.sub(" ", node.text))]
        if isinstance(node, m.Embedded):
            block = node.block
            if isinstance(block, m.Plain):
                return list(self.run(block.inlines))
            if isinstance(block, m.RawBlock) and block.tag not in BLOCK_TAGS:
                return self.inline(self.raw_inline(block))
            (normal,) = self.blocks((block,)) or (None,)
            return [m.Embedded(block=normal)] if normal is not None else []
        if isinstance(node, m.Emendation):
            return [attrs.evolve(node, original=self.run(node.original), corrected=self.run(node.corrected))]
        if isinstance(node, m.RawInline) and node.tag in ("#comment", "#pi"):
            text = "".join(c.text for c in node.children if isinstance(c, m.Text))
            if node.tag == "#pi":  # XML drops the whitespace after a processing instruction's target
                text = text.lstrip(_XWS)
            kept = (("target", dict(node.attributes).get("target", "pi")),) if node.tag == "#pi" else ()
            return [m.RawInline(tag=node.tag, attributes=kept, children=(m.Text(text=text),) if text else ())]
        children = getattr(node, "children", None)
        if children is not None:
            return [attrs.evolve(node, children=self.run(children))]  # type: ignore[arg-type]
        return [node]

    def raw_inline(self, block: m.RawBlock) -> m.RawInline:
        children: list[m.Inline] = []
        for child in block.content:
            if isinstance(child, m.Plain):
                children.extend(child.inlines)
            elif isinstance(child, m.RawBlock):
                children.append(self.raw_inline(child))
            else:
                children.append(m.Embedded(block=child))
        # Not normalised here: the run it joins is normalised once, as a whole.
        return m.RawInline(tag=block.tag, attributes=block.attributes, children=tuple(children))

    # -- blocks -------------------------------------------------------------------

    def blocks(self, blocks: tuple[m.Block, ...]) -> tuple[m.Block, ...]:
        # First turn raw blocks that touch text into inlines, then merge runs.
        pending: list[m.Block] = []
        for i, block in enumerate(blocks):
            if (
                isinstance(block, m.RawBlock)
                and block.tag not in BLOCK_TAGS
                and _touches_text(blocks, i, pending)
            ):
                pending.append(m.Plain(inlines=(self.raw_inline(block),)))
            else:
                pending.append(block)
        out: list[m.Block] = []
        run: list[m.Inline] = []

        def flush() -> None:
            out.extend(self.split(self.run(tuple(run))))
            run.clear()

        for block in pending:
            if isinstance(block, m.Plain):
                run.extend(block.inlines)
            else:
                flush()
                out.append(self.block(block))
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
            if isinstance(node, m.Embedded):  # a block element among blocks is a block
                close()
                out.append(self.block(node.block))
                continue
            nxt = inlines[k + 1] if k + 1 < len(inlines) else None
            starts = all(isinstance(t, m.Text) and not t.text.strip(_XWS) for t in current)
            followed = isinstance(nxt, m.Text) and bool(nxt.text.strip(_XWS))
            if isinstance(node, m.RawInline) and _unknown(node.tag) and starts and not followed:
                current.clear()
                out.append(self.block(self.raw_block(node)))
            else:
                current.append(node)
        close()
        return out

    def between(self, inlines: tuple[m.Inline, ...]) -> tuple[m.Inline, ...]:
        """Between list items or table rows only elements stand: whitespace goes."""
        return tuple(n for n in self.run(inlines) if not isinstance(n, m.Text))

    def raw_block(self, node: m.RawInline) -> m.RawBlock:
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

    def block(self, block: m.Block) -> m.Block:
        if isinstance(block, (m.Paragraph, m.Heading, m.Dateline, m.Signed)):
            return attrs.evolve(block, inlines=self.run(block.inlines, strip=True))
        if isinstance(block, (m.Quote, m.Opener, m.Closer, m.Postscript)):
            return attrs.evolve(block, blocks=self.blocks(block.blocks))
        if isinstance(block, m.ListBlock):
            items = tuple(
                attrs.evolve(
                    item,
                    label=(_WS.sub(" ", item.label).strip(_XWS) or None) if item.label is not None else None,
                    blocks=self.blocks(item.blocks),
                    before=self.between(item.before),
                )
                for item in block.items
            )
            return attrs.evolve(
                block, head=self.run(block.head, strip=True), items=items, after=self.between(block.after)
            )
        if isinstance(block, m.Table):
            rows = tuple(
                attrs.evolve(
                    row,
                    cells=tuple(attrs.evolve(c, inlines=self.run(c.inlines, strip=True)) for c in row.cells),
                    before=self.between(row.before),
                )
                for row in block.rows
            )
            return attrs.evolve(block, rows=rows, after=self.between(block.after))
        if isinstance(block, m.Attachment):
            title = self.run(block.title, strip=True)
            blocks = self.blocks(block.blocks)
            return attrs.evolve(block, title=title, blocks=blocks)
        if isinstance(block, m.RawBlock):
            return attrs.evolve(block, content=self.blocks(block.content))
        return block


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
