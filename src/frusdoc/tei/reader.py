"""FRUS TEI elements → model nodes.

Every element and attribute is either modelled or kept: attributes the model
does not name go to ``extra`` (or ``attributes`` of raw nodes), elements it
does not know become :class:`~frusdoc.RawInline` or :class:`~frusdoc.RawBlock`
with their content. Whitespace is normalised as TEI intends (CONVENTIONS §12):
runs collapse to one space, whitespace at the edges of a block and between
blocks goes, and nothing is ever added at an element boundary.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Any, get_args

import attrs

from frusdoc import _args
from frusdoc import model as m
from frusdoc._construct import fast_constructor
from frusdoc.tags import CLASS_OF_TAG
from frusdoc.tei.names import FRUS, XML, local
from frusdoc.tei.pointers import parse_target

__all__ = ["BLOCK_TAGS", "INLINE_TAGS", "Reader"]

_WS = re.compile(r"[ \t\r\n]+")
_XWS = " \t\r\n"  # XML whitespace; other Unicode spaces are text
# Blank text, which a block's edge drops, is tested as ``isascii() and
# isspace()``: ASCII isspace also takes the C0 separators (\x0b, \x1c...),
# which XML 1.0 does not allow in text, so on parsed text it is XML's rule;
# NBSP and the other Unicode spaces are not ASCII and stay text.
XML_ID = f"{{{XML}}}id"
F_MIN = f"{{{FRUS}}}doc-dateTime-min"
F_MAX = f"{{{FRUS}}}doc-dateTime-max"
F_VOLUME = f"{{{FRUS}}}volume"
F_PAGE = f"{{{FRUS}}}page"
F_TARGET = f"{{{FRUS}}}target"
F_REASON = f"{{{FRUS}}}reason"
F_FACSIMILE = f"{{{FRUS}}}facsimile"
F_PAGE_KIND = f"{{{FRUS}}}page-kind"
ATTACHMENT = f"{{{FRUS}}}attachment"

#: Elements that are blocks wherever they stand.
BLOCK_TAGS = frozenset(
    {
        "p",
        "list",
        "quote",
        "table",
        "dateline",
        "opener",
        "closer",
        "signed",
        "postscript",
        ATTACHMENT,
        "head",
        "div",
    }
)
"""The TEI elements (local names) the reader reads as blocks."""
_KINDS = frozenset(get_args(m.EmendationKind))
_STATUSES = frozenset(get_args(m.EmendationStatus))


def normalize_space(text: str) -> str:
    """``_WS.sub(" ", text)``: every run of XML whitespace is one space.

    Three quarters of the texts and tails of a volume need nothing or are
    whitespace only (the indentation between elements); those are answered
    without a regular expression. The rest is :func:`_collapse`.
    """
    if "\n" in text or "  " in text or "\t" in text or "\r" in text:
        return _collapse(text)
    return text


_SPACE = itertools.repeat(" ")  # str.strip's argument for every line (map takes one per line)
_SPACES = re.compile(" {2,}")


def _collapse(text: str) -> str:
    """``normalize_space`` of a text that has a run to collapse, all in C.

    Pretty-printed TEI wraps its paragraphs: most runs are a line end and the
    next line's indentation. So a text is split at its line ends (tabs and
    CRs made line ends first) and each line stripped, which is half the work
    of splitting it into words, and any run left inside a line (rare) is
    collapsed after. ASCII lines are stripped of all whitespace (ASCII
    whitespace for ``str.strip`` is XML's and the C0 separators, which XML
    1.0 does not allow in text); other lines only of spaces, since NBSP and
    the other Unicode spaces are text. A short ASCII text is split into words
    and joined, faster below some fifty characters.
    """
    ascii = text.isascii()
    if ascii and len(text) < 48:
        joined = " ".join(text.split())
    else:
        lines = text.replace("\t", "\n").replace("\r", "\n") if "\t" in text or "\r" in text else text
        if ascii:
            joined = " ".join(map(str.strip, lines.split("\n")))
            if "  " in joined:  # a run inside a line, or an empty line
                joined = " ".join(joined.split())
            elif joined[:1] == " " or joined[-1:] == " ":  # an empty first or last line
                joined = joined.strip(" ")
        else:
            joined = " ".join(map(str.strip, lines.split("\n"), _SPACE))
            if "  " in joined:
                joined = _SPACES.sub(" ", joined)
            joined = joined.strip(" ")
    if not joined:
        return " "
    if text[0] in _XWS:
        joined = " " + joined
    if text[-1] in _XWS:
        joined += " "
    return joined


_Text = fast_constructor(m.Text)
Text = m.Text
_new = object.__new__
_set_text = m.Text.__dict__["text"].__set__
_Emphasis = fast_constructor(m.Emphasis)
# The slots' own setters, for the two most frequent inline elements (see _hi, _names).
Emphasis, Name = m.Emphasis, m.Name
_set_rend = Emphasis.__dict__["rend"].__set__
_set_children = Emphasis.__dict__["children"].__set__
_set_extra = Emphasis.__dict__["extra"].__set__
_set_kind = Name.__dict__["kind"].__set__
_set_name_children = Name.__dict__["children"].__set__
_set_ref = Name.__dict__["ref"].__set__
_set_role = Name.__dict__["role"].__set__
_set_name_extra = Name.__dict__["extra"].__set__
_Name = fast_constructor(m.Name)
_DateText = fast_constructor(m.DateText)
_Reference = fast_constructor(m.Reference)
_NoteRef = fast_constructor(m.NoteRef)
_Note = fast_constructor(m.Note)
_PageBreak = fast_constructor(m.PageBreak)
_LineBreak = fast_constructor(m.LineBreak)
_Gap = fast_constructor(m.Gap)
_Embedded = fast_constructor(m.Embedded)
_RawInline = fast_constructor(m.RawInline)
_Plain = fast_constructor(m.Plain)
_Paragraph = fast_constructor(m.Paragraph)
_Heading = fast_constructor(m.Heading)
_Quote = fast_constructor(m.Quote)
_ListItem = fast_constructor(m.ListItem)
_ListBlock = fast_constructor(m.ListBlock)
_Cell = fast_constructor(m.Cell)
_Row = fast_constructor(m.Row)
_Table = fast_constructor(m.Table)
_Attachment = fast_constructor(m.Attachment)
_RawBlock = fast_constructor(m.RawBlock)
_RUNS: dict[type, Callable[..., m.Block]] = {
    m.Dateline: fast_constructor(m.Dateline),
    m.Signed: fast_constructor(m.Signed),
}
_BLOCKS_OF: dict[type, Callable[..., m.Block]] = {
    m.Opener: fast_constructor(m.Opener),
    m.Closer: fast_constructor(m.Closer),
    m.Postscript: fast_constructor(m.Postscript),
}


def _attributes(el: Any, named: frozenset[str]) -> m.Attributes:
    """The attributes of ``el`` but the ``named`` ones, in source order.

    All of them are ``tuple(el.items())`` (the empty tuple when there are
    none), written so at each call: ``el.items()`` is one list from C, where
    ``el.attrib`` would build a proxy first."""
    items = el.items()
    if not items:
        return ()
    return tuple([kv for kv in items if kv[0] not in named])


def _flush(out: list[m.Inline], raw: str, lstrip: bool, rstrip: bool) -> None:
    """Add the gathered text ``raw``, normalised, stripped at the edge of a block."""
    # no run to collapse is the most frequent text: then at most a space to strip
    text = _collapse(raw) if "\n" in raw or "  " in raw or "\t" in raw or "\r" in raw else raw
    if lstrip and text[0] == " ":
        text = text[1:]
    if rstrip and text and text[-1] == " ":
        text = text[:-1]
    if text:
        node = _new(m.Text)  # _Text(text=text), without its call: the most frequent node
        _set_text(node, text)
        out.append(node)


@attrs.define
class Reader:
    """Converts the elements of one document (or volume) and collects its notes."""

    notes: list[m.Note] = attrs.Factory(list)
    #: The label of the last page break read (the page the reader is on).
    page: str | None = None

    # -- inline context ---------------------------------------------------------

    def _inline_content(self, el: Any, strip: bool = False) -> list[m.Inline]:
        """The inlines inside ``el``; ``strip`` drops the whitespace at their
        edges, as those of a block.

        Text is gathered raw (the element's text, the tails of its children)
        and normalised once per run: a run of whitespace that spans two pieces
        is one space either way, and no :class:`Text` is built for a piece that
        is merged or stripped away.
        """
        out: list[m.Inline] = []
        pending = el.text  # each read of .text or .tail decodes a new string: read once
        handlers = _INLINE_BY_TAG
        for child in el:
            # inline(child), without its call
            tag = child.tag
            handler = handlers.get(tag) or _inline_handler(tag)
            node = handler(self, child)
            if node is None:
                node = self._other(child)
            if type(node) is Text:
                pending = node.text if not pending else pending + node.text
            else:
                if pending:
                    _flush(out, pending, strip and not out, False)
                    pending = None
                out.append(node)
            tail = child.tail
            if tail:
                pending = tail if not pending else pending + tail
        if pending and not (strip and pending.isascii() and pending.isspace()):  # blank: see _XWS
            _flush(out, pending, strip and not out, strip)
        return out

    def _children(self, el: Any) -> tuple[m.Inline, ...]:
        """``tuple(self._inline_content(el))``, at once for an element that holds
        only text (most of the names and highlights of a volume)."""
        if len(el):
            return tuple(self._inline_content(el))
        text = el.text
        if not text:
            return ()
        if "\n" in text or "  " in text or "\t" in text or "\r" in text:
            out: list[m.Inline] = []
            _flush(out, text, False, False)
            return tuple(out)
        node = _new(m.Text)
        _set_text(node, text)
        return (node,)

    def _inline(self, el: Any) -> m.Inline | None:
        tag = el.tag
        handler = _INLINE_BY_TAG.get(tag) or _inline_handler(tag)
        # An inline handler decides before it reads anything (notes, the page),
        # so one that gives up (None) leaves nothing to roll back.
        node: m.Inline | None = handler(self, el)
        return node if node is not None else self._other(el)

    def _other(self, el: Any) -> m.Inline:
        """An element no inline handler took: a block inside a run, or kept raw."""
        name = local(el.tag)
        if name in BLOCK_TAGS and name != "div":
            return _Embedded(block=self._block(el))
        return _RawInline(tag=name, attributes=tuple(el.items()), children=self._children(el))

    def _special(self, el: Any) -> m.Inline:
        # Comments and processing instructions are kept as raw inlines.
        content = el.text
        text = (_Text(text=content),) if content else ()
        if callable(el.tag) and el.tag.__name__ == "Comment":
            return _RawInline(tag="#comment", children=text)
        return _RawInline(tag="#pi", attributes=(("target", el.target),), children=text)

    def _hi(self, el: Any) -> m.Inline | None:
        items = el.items()
        if len(items) == 1 and items[0][0] == "rend":  # the most frequent inline element
            rend, extra = items[0][1], ()
        else:
            rend = el.get("rend")
            if rend is None:
                return None
            extra = tuple([kv for kv in items if kv[0] != "rend"])
        # _Emphasis(rend=rend, children=..., extra=extra), without its call
        node = _new(Emphasis)
        _set_rend(node, rend)
        _set_children(node, self._children(el))
        _set_extra(node, extra)
        return node

    def _date(self, el: Any) -> m.Inline:
        return _DateText(
            children=self._children(el),
            when=el.get("when"),
            not_before=el.get("notBefore"),
            not_after=el.get("notAfter"),
            calendar=el.get("calendar"),
            kind=el.get("type"),
            extra=_attributes(el, _DATE),
        )

    def _ref(self, el: Any) -> m.Inline | None:
        raw = el.get("target")
        if raw is None:
            return None
        target = parse_target(raw)
        named = _TARGET
        explicit = _explicit_target(el, raw)
        if explicit is not None:
            target = explicit
            named = frozenset(k for k in el.attrib if k == "target" or k.startswith(f"{{{FRUS}}}target"))
        return _Reference(target=target, children=self._children(el), extra=_attributes(el, named))

    def _note(self, el: Any) -> m.Inline:
        note = self._collect(el)
        return _NoteRef(label=note.label or "", note=note.id)

    def _collect(self, el: Any) -> m.Note:
        """Read a note into ``notes``, in document order: a note before the
        notes inside it."""
        index = len(self.notes)
        self.notes.append(_EMPTY_NOTE)  # its place, filled once its content is read
        note = self._read_note(el)
        self.notes[index] = note
        return note

    def _read_note(self, el: Any) -> m.Note:
        return _Note(
            blocks=tuple(self._block_content(el)),
            label=el.get("n"),
            id=el.get(XML_ID),
            kind=el.get("type"),
            rend=el.get("rend"),
            extra=_attributes(el, _NOTE),
        )

    def _pb(self, el: Any) -> m.Inline | None:
        label = el.get("n")
        if label is None or len(el) or el.text:
            return None
        self.page = label
        return _PageBreak(
            label=label,
            id=el.get(XML_ID),
            facs=el.get("facs"),
            kind=_page_kind(el),
            extra=_attributes(el, _pb_known(el)),
        )

    def _lb(self, el: Any) -> m.Inline | None:
        if len(el) or el.text:
            return None
        return _LineBreak(extra=tuple(el.items()))

    def _gap(self, el: Any) -> m.Inline:
        return _Gap(
            children=self._children(el),
            reason=el.get("reason"),
            extent=el.get("extent"),
            extra=_attributes(el, _GAP),
        )

    def _choice(self, el: Any) -> m.Inline | None:
        # <choice type=kind subtype=status><sic>…</sic><corr resp= cert=>…</corr></choice>
        children = [c for c in el if isinstance(c.tag, str)]
        if len(children) != 2 or [local(c.tag) for c in children] != ["sic", "corr"]:
            return None
        if (el.text or "").strip(_XWS) or any((c.tail or "").strip(_XWS) for c in children):
            return None
        sic, corr = children
        kind, status = el.get("type", "ocr"), el.get("subtype", "proposed")
        cert = corr.get("cert")
        if kind not in _KINDS or status not in _STATUSES or sic.attrib or set(corr.attrib) - {"resp", "cert"}:
            return None
        if set(el.attrib) - {"type", "subtype", XML_ID, F_REASON}:
            return None
        try:
            confidence = float(cert) if cert is not None else None
        except ValueError:
            return None
        if confidence is not None and not 0 <= confidence <= 1:
            return None
        return m.Emendation(
            original=tuple(self._inline_content(sic)),
            corrected=tuple(self._inline_content(corr)),
            kind=kind,
            status=status,
            confidence=confidence,
            resp=corr.get("resp"),
            reason=el.get(F_REASON),
            id=el.get(XML_ID),
        )

    # -- block context ----------------------------------------------------------

    def _block_content(
        self, el: Any, skip: frozenset[Any] = frozenset(), stop: Any | None = None
    ) -> list[m.Block]:
        """The blocks inside ``el`` (before its child ``stop``, if given); runs of
        text and inline elements become :class:`Plain`."""
        blocks: list[m.Block] = []
        run: list[m.Inline] = []  # the inlines of the Plain block being gathered, as inline_content
        pending = el.text
        children = list(el)
        if stop is not None:
            children = children[: children.index(stop)]
        kinds = _BLOCK_KIND
        for child in children:
            tail = child.tail
            if skip and child in skip:
                pass  # read elsewhere (a heading, a leading note); its tail is still text here
            elif (kind := kinds.get(tag := child.tag) or _block_kind(tag)) == _ALWAYS or (
                # An unknown element is a block when it starts a run (nothing
                # but whitespace before it) and no text follows it.
                kind == _DEPENDS
                and not run
                and not (pending or "").strip(_XWS)
                and not (tail or "").strip(_XWS)
            ):
                if pending:
                    if not (pending.isascii() and pending.isspace()):  # blank: see _XWS
                        _flush(run, pending, not run, True)
                    pending = None
                if run:
                    blocks.append(_Plain(inlines=tuple(run)))
                    run = []
                blocks.append(self._block(child, tag))
            else:
                node = self._inline(child)
                if node is not None:
                    if type(node) is m.Text:
                        pending = node.text if not pending else pending + node.text
                    else:
                        if pending:
                            _flush(run, pending, not run, False)
                            pending = None
                        run.append(node)
            if tail:
                pending = tail if not pending else pending + tail
        if pending and not (pending.isascii() and pending.isspace()):  # blank: see _XWS
            _flush(run, pending, not run, True)
        if run:
            blocks.append(_Plain(inlines=tuple(run)))
        return blocks

    def _block(self, el: Any, tag: Any = None) -> m.Block:
        # tag: el.tag, when the caller has read it (each read builds the string anew)
        if tag is None:
            tag = el.tag
        method = _BLOCK_BY_TAG.get(tag, _UNSEEN)
        if method is _UNSEEN:
            method = _BLOCK.get(local(tag))
            if len(_BLOCK_BY_TAG) < 10_000:
                _BLOCK_BY_TAG[tag] = method
        if method is not None:
            notes, page = len(self.notes), self.page
            node: m.Block | None = method(self, el)
            if node is not None:
                return node
            del self.notes[notes:]  # as _rollback: the element is read again, as a raw block
            self.page = page
        return self._raw_block(el)

    def _mark(self) -> tuple[int, str | None]:
        return len(self.notes), self.page

    def _rollback(self, mark: tuple[int, str | None]) -> None:
        # A reader that gave up may have read notes already: they are read again.
        del self.notes[mark[0] :]
        self.page = mark[1]

    def _raw_block(self, el: Any) -> m.RawBlock:
        return _RawBlock(tag=local(el.tag), attributes=tuple(el.items()), content=tuple(self._block_content(el)))

    def _p(self, el: Any) -> m.Block:
        items = el.items()  # most paragraphs have no attributes: one look instead of two
        return _Paragraph(
            inlines=tuple(self._inline_content(el, True)),
            rend=el.get("rend") if items else None,
            extra=tuple([kv for kv in items if kv[0] != "rend"]) if items else (),
        )

    def _head(self, el: Any) -> m.Block:
        return _Heading(inlines=tuple(self._inline_content(el, True)), extra=tuple(el.items()))

    def _quote(self, el: Any) -> m.Block:
        return _Quote(blocks=tuple(self._block_content(el)), rend=el.get("rend"), extra=_attributes(el, _REND))

    def _between(self, child: Any) -> m.Inline | None:
        """A page break, note or comment standing between the items of a list or
        the rows of a table; ``None`` for anything else."""
        if isinstance(child.tag, str) and local(child.tag) not in ("pb", "note"):
            return None
        node = self._inline(child)
        return (
            node
            if isinstance(node, (m.PageBreak, m.NoteRef, m.RawInline))
            and not (isinstance(node, m.RawInline) and not node.tag.startswith("#"))
            else None
        )

    def _list(self, el: Any) -> m.Block | None:
        if (el.text or "").strip(_XWS):
            return None
        head: tuple[m.Inline, ...] = ()
        items: list[m.ListItem] = []
        label: str | None = None
        before: list[m.Inline] = []
        for i, child in enumerate(el):
            if (child.tail or "").strip(_XWS):
                return None
            name = local(child.tag) if isinstance(child.tag, str) else ""
            if name == "head" and i == 0 and not child.attrib:
                head = tuple(self._inline_content(child, True))
            elif name == "label" and label is None and not child.attrib and not len(child):
                label = _WS.sub(" ", child.text or "").strip(_XWS)
                if not label:
                    return None
            elif name == "item":
                items.append(
                    _ListItem(
                        blocks=tuple(self._block_content(child)),
                        label=label,
                        before=tuple(before),
                        extra=tuple(child.items()),
                    )
                )
                label, before = None, []
            elif label is None and (node := self._between(child)) is not None:
                before.append(node)
            else:
                return None
        if label is not None:
            return None
        return _ListBlock(
            items=tuple(items),
            kind=el.get("type"),
            head=head,
            after=tuple(before),
            extra=_attributes(el, _TYPE),
        )

    def _table(self, el: Any) -> m.Block | None:
        rows: list[m.Row] = []
        if (el.text or "").strip(_XWS):
            return None
        before: list[m.Inline] = []
        for row in el:
            if (row.tail or "").strip(_XWS):
                return None
            if not (isinstance(row.tag, str) and local(row.tag) == "row"):
                node = self._between(row)
                if node is None:
                    return None
                before.append(node)
                continue
            if (row.text or "").strip(_XWS):
                return None
            cells = []
            for cell in row:
                if (
                    not isinstance(cell.tag, str)
                    or local(cell.tag) != "cell"
                    or (cell.tail or "").strip(_XWS)
                ):
                    return None
                cells.append(
                    _Cell(inlines=tuple(self._inline_content(cell, True)), extra=tuple(cell.items()))
                )
            rows.append(_Row(cells=tuple(cells), before=tuple(before), extra=tuple(row.items())))
            before = []
        return _Table(rows=tuple(rows), after=tuple(before), extra=tuple(el.items()))

    def _attachment(self, el: Any) -> m.Block:
        heads = [c for c in el if isinstance(c.tag, str) and local(c.tag) == "head"]
        title: tuple[m.Inline, ...] = ()
        skip: frozenset[Any] = frozenset()
        first = next((c for c in el if isinstance(c.tag, str)), None)
        if heads and first is heads[0] and not first.attrib and not (el.text or "").strip(_XWS):
            title = tuple(self._inline_content(heads[0], True))
            skip = frozenset({heads[0]})
        return _Attachment(
            blocks=tuple(self._block_content(el, skip)),
            title=title,
            id=el.get(XML_ID),
            extra=_attributes(el, _ID),
        )

    def _div(self, el: Any) -> m.Block:
        # A div inside a document or a note: kept whole.
        return self._raw_block(el)


    # -- the public entry points: each checks its arguments once, then reads
    # with the methods above, which call one another unchecked (a guard per
    # element was about 3 % of a volume's reading)

    def inline_content(self, el: Any, *, strip: bool = False) -> list[m.Inline]:
        """The inlines inside ``el``; ``strip`` drops the whitespace at their
        edges, as those of a block."""
        _args.expect_element("Reader.inline_content(el)", el)
        return self._inline_content(el, strip)

    def children(self, el: Any) -> tuple[m.Inline, ...]:
        """``tuple(self.inline_content(el))``."""
        _args.expect_element("Reader.children(el)", el)
        return self._children(el)

    def inline(self, el: Any) -> m.Inline | None:
        """The inline an element stands for (a raw inline if it is none the model names)."""
        _args.expect_element("Reader.inline(el)", el)
        return self._inline(el)

    def collect(self, el: Any) -> m.Note:
        """Read a note into ``notes``, in document order: a note before the
        notes inside it."""
        _args.expect_element("Reader.collect(el)", el)
        return self._collect(el)

    def note(self, el: Any) -> m.Note:
        """A ``<note>`` as a :class:`~frusdoc.Note` (its inner notes collected)."""
        _args.expect_element("Reader.note(el)", el)
        return self._read_note(el)

    def block_content(
        self, el: Any, *, skip: frozenset[Any] = frozenset(), stop: Any | None = None
    ) -> list[m.Block]:
        """The blocks inside ``el`` (before its child ``stop``, if given); runs of
        text and inline elements become :class:`Plain`."""
        _args.expect_element("Reader.block_content(el)", el)
        _args.expect("Reader.block_content(skip)", skip, (frozenset, set), "a set of elements")
        if stop is not None:
            _args.expect_element("Reader.block_content(stop)", stop)
        return self._block_content(el, skip, stop)

    def block(self, el: Any) -> m.Block:
        """The block an element stands for (a raw block if it is none the model names)."""
        _args.expect_element("Reader.block(el)", el)
        return self._block(el)

    def raw_block(self, el: Any) -> m.RawBlock:
        """An element kept as a :class:`~frusdoc.RawBlock`, its content read as blocks."""
        _args.expect_element("Reader.raw_block(el)", el)
        return self._raw_block(el)


def _explicit_target(el: Any, raw: str) -> m.Target | None:
    """A target the writer spelled out because its pointer alone does not say it."""
    tag = el.get(F_TARGET)
    if tag is None:
        return None
    cls = CLASS_OF_TAG.get(tag)
    if cls is None:
        return None  # not frusdoc's: the attributes are kept as they are
    fields: dict[str, Any] = {"raw": raw}
    parts: list[tuple[str, str]] = []
    prefix = f"{{{FRUS}}}target-"
    for key, value in el.attrib.items():
        if key.startswith(prefix + "part."):
            parts.append((key[len(prefix) + 5 :], value))
        elif key.startswith(prefix):
            fields[key[len(prefix) :].replace("-", "_")] = value
    if cls is m.ArchivalTarget:
        fields["parts"] = tuple(parts)
    if cls is m.NoteTarget and "note" in fields:  # as frusdoc 0.1 (format 1.0) wrote it
        fields.update(m.NoteTarget.legacy_fields(raw, fields.pop("note")))
    try:
        return cls(**fields)  # type: ignore[no-any-return]
    except (TypeError, ValueError):
        return None  # not as frusdoc writes it: the attributes are kept as they are


_REND = frozenset({"rend"})
_TYPE = frozenset({"type"})
_TYPE_AND = {pointer: frozenset({"type", pointer}) for pointer in ("corresp", "target")}
_EMPTY_NOTE = m.Note()
_ID = frozenset({XML_ID})
_DATE = frozenset({"when", "notBefore", "notAfter", "calendar", "type"})
_TARGET = frozenset({"target"})
_NOTE = frozenset({"n", XML_ID, "type", "rend"})
_PB = frozenset({"n", XML_ID, "facs"})


def _page_kind(el: Any) -> m.PageKind:
    # frus:page-kind (written since JSON format 1.1) or the older frus:facsimile="true".
    kind = el.get(F_PAGE_KIND)
    if kind == "facsimile":
        return "facsimile"
    if kind == "typeset":
        return "typeset"
    if kind is None and el.get(F_FACSIMILE) == "true":
        return "facsimile"
    return "page"


def _pb_known(el: Any) -> frozenset[str]:
    # The attributes the page break's fields stand for; any other value of them stays in extra.
    known = _PB
    kind = el.get(F_PAGE_KIND)
    if kind in ("facsimile", "typeset"):
        known |= {F_PAGE_KIND}
    elif kind is None and el.get(F_FACSIMILE) == "true":
        known |= {F_FACSIMILE}
    return known


_GAP = frozenset({"reason", "extent"})


def _names(kind: m.NameKind, pointer: str) -> Callable[[Reader, Any], m.Inline]:
    """The handler of a name element of ``kind`` whose id is in ``pointer``."""

    def read(reader: Reader, el: Any) -> m.Inline:
        # One pass over the attributes, in source order: the pointer (when it
        # is one "#id"), the type, and the rest kept in extra.
        ref = role = None
        extra: list[tuple[str, str]] = []
        for key, value in el.items():
            if key == pointer and value.startswith("#") and " " not in value and len(value) > 1:
                ref = value[1:]
            elif key == "type":
                role = value
            else:
                extra.append((key, value))
        # _Name(kind=kind, children=..., ref=ref, role=role, extra=...), without its call
        node = _new(Name)
        _set_kind(node, kind)
        _set_name_children(node, reader._children(el))
        _set_ref(node, ref)
        _set_role(node, role)
        _set_name_extra(node, tuple(extra) if extra else ())
        return node

    return read


_INLINE: dict[str, Any] = {
    "hi": Reader._hi,
    "persName": _names("person", "corresp"),
    "placeName": _names("place", "corresp"),
    "term": _names("term", "target"),
    "gloss": _names("gloss", "target"),
    "date": Reader._date,
    "ref": Reader._ref,
    "note": Reader._note,
    "pb": Reader._pb,
    "lb": Reader._lb,
    "gap": Reader._gap,
    "choice": Reader._choice,
}

def _runs_of(cls: type[m.Block]) -> Callable[[Reader, Any], m.Block]:
    """The reader of a block of ``cls`` that holds a run of inlines (a dateline, a signature)."""
    make = _RUNS[cls]

    def read(reader: Reader, el: Any) -> m.Block:
        return make(inlines=tuple(reader._inline_content(el, True)), extra=tuple(el.items()))

    return read


def _blocks_of(cls: type[m.Block]) -> Callable[[Reader, Any], m.Block]:
    """The reader of a block of ``cls`` that holds blocks (an opener, a closer, a postscript)."""
    make = _BLOCKS_OF[cls]

    def read(reader: Reader, el: Any) -> m.Block:
        return make(blocks=tuple(reader._block_content(el)), extra=tuple(el.items()))

    return read


_BLOCK: dict[str, Any] = {
    "p": Reader._p,
    "head": Reader._head,
    "list": Reader._list,
    "quote": Reader._quote,
    "table": Reader._table,
    "dateline": _runs_of(m.Dateline),
    "signed": _runs_of(m.Signed),
    "opener": _blocks_of(m.Opener),
    "closer": _blocks_of(m.Closer),
    "postscript": _blocks_of(m.Postscript),
    ATTACHMENT: Reader._attachment,
    "div": Reader._div,
}

#: Elements that are modelled inlines (anything else unknown is raw).
INLINE_TAGS = frozenset(_INLINE)
"""The TEI elements (local names) the reader reads as inlines."""

# The inline handler of each tag seen (Clark name, or the factory of comments
# and processing instructions): one dictionary look-up per child instead of
# local(), _INLINE and a method call. A vocabulary, not data: bounded anyway.
_INLINE_BY_TAG: dict[Any, Callable[[Reader, Any], m.Inline | None]] = {}


def _inline_handler(tag: Any) -> Callable[[Reader, Any], m.Inline | None]:
    handler: Callable[[Reader, Any], m.Inline | None] = (
        Reader._special if type(tag) is not str else _INLINE.get(local(tag), Reader._other)
    )
    if len(_INLINE_BY_TAG) < 10_000:
        _INLINE_BY_TAG[tag] = handler
    return handler


# Whether the element of each tag seen is a block where blocks stand: always
# (BLOCK_TAGS), never (comments, processing instructions, modelled inlines), or
# it depends (an unknown element: see block_content); and the block reader of
# each tag (None: read raw). Bounded, as _INLINE_BY_TAG.
_ALWAYS, _NEVER, _DEPENDS = 1, 2, 3
_BLOCK_KIND: dict[Any, int] = {}
_BLOCK_BY_TAG: dict[Any, Any] = {}
_UNSEEN = object()


def _block_kind(tag: Any) -> int:
    if type(tag) is not str:
        kind = _NEVER
    else:
        name = local(tag)
        kind = _ALWAYS if name in BLOCK_TAGS else _NEVER if name in _INLINE else _DEPENDS
    if len(_BLOCK_KIND) < 10_000:
        _BLOCK_KIND[tag] = kind
    return kind
