"""FRUS TEI elements → model nodes.

Every element and attribute is either modelled or kept: attributes the model
does not name go to ``extra`` (or ``attributes`` of raw nodes), elements it
does not know become :class:`~frusdoc.RawInline` or :class:`~frusdoc.RawBlock`
with their content. Whitespace is normalised as TEI intends (CONVENTIONS §12):
runs collapse to one space, whitespace at the edges of a block and between
blocks goes, and nothing is ever added at an element boundary.
"""

from __future__ import annotations

import re
from typing import Any, get_args

import attrs

from frusdoc import _args
from frusdoc import model as m
from frusdoc.tags import CLASS_OF_TAG
from frusdoc.tei.names import FRUS, XML, local
from frusdoc.tei.pointers import parse_target

__all__ = ["BLOCK_TAGS", "INLINE_TAGS", "Reader"]

_WS = re.compile(r"[ \t\r\n]+")
_XWS = " \t\r\n"  # XML whitespace; other Unicode spaces are text
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


def _attributes(el: Any, named: frozenset[str] = frozenset()) -> m.Attributes:
    attrib = el.attrib
    if not attrib:
        return ()
    return tuple((k, v) for k, v in attrib.items() if k not in named)


def _strip(inlines: list[m.Inline]) -> tuple[m.Inline, ...]:
    """Drop the whitespace at the edges of a block's run of inlines."""
    if inlines and type(inlines[0]) is m.Text and inlines[0].text.startswith(" "):
        text = inlines[0].text.lstrip(" ")
        if text:
            inlines[0] = m.Text(text=text)
        else:
            del inlines[0]
    if inlines and type(inlines[-1]) is m.Text and inlines[-1].text.endswith(" "):
        text = inlines[-1].text.rstrip(" ")
        if text:
            inlines[-1] = m.Text(text=text)
        else:
            del inlines[-1]
    return tuple(inlines)


def _add_text(out: list[m.Inline], text: str) -> None:
    if not text:
        return
    if out and isinstance(out[-1], m.Text):
        merged = out[-1].text + text
        out[-1] = m.Text(text=_WS.sub(" ", merged))
    else:
        out.append(m.Text(text=text))


@attrs.define
class Reader:
    """Converts the elements of one document (or volume) and collects its notes."""

    notes: list[m.Note] = attrs.Factory(list)
    #: The label of the last page break read (the page the reader is on).
    page: str | None = None

    # -- inline context ---------------------------------------------------------

    def inline_content(self, el: Any) -> list[m.Inline]:
        _args.expect_element("Reader.inline_content(el)", el)
        out: list[m.Inline] = []
        if el.text:
            _add_text(out, _WS.sub(" ", el.text))
        for child in el:
            node = self.inline(child)
            if node is not None:
                if isinstance(node, m.Text):
                    _add_text(out, node.text)
                else:
                    out.append(node)
            if child.tail:
                _add_text(out, _WS.sub(" ", child.tail))
        return out

    def inline(self, el: Any) -> m.Inline | None:
        _args.expect_element("Reader.inline(el)", el)
        tag = el.tag
        if not isinstance(tag, str):
            return self._special(el)
        name = local(tag)
        method = _INLINE.get(name)
        if method is not None:
            mark = self._mark()
            node: m.Inline | None = method(self, el)
            if node is not None:
                return node
            self._rollback(mark)
        if name in BLOCK_TAGS and name != "div":
            return m.Embedded(block=self.block(el))
        return m.RawInline(tag=name, attributes=_attributes(el), children=tuple(self.inline_content(el)))

    def _special(self, el: Any) -> m.Inline:
        # Comments and processing instructions are kept as raw inlines.
        text = (m.Text(text=el.text),) if el.text else ()
        if callable(el.tag) and el.tag.__name__ == "Comment":
            return m.RawInline(tag="#comment", children=text)
        return m.RawInline(tag="#pi", attributes=(("target", el.target),), children=text)

    def _hi(self, el: Any) -> m.Inline | None:
        rend = el.get("rend")
        if rend is None:
            return None
        return m.Emphasis(rend=rend, children=tuple(self.inline_content(el)), extra=_attributes(el, _REND))

    def _name(self, el: Any, kind: m.NameKind, pointer: str) -> m.Inline:
        value = el.get(pointer)
        named = {"type"}
        ref = None
        if value is not None and value.startswith("#") and " " not in value and len(value) > 1:
            ref = value[1:]
            named.add(pointer)
        return m.Name(
            kind=kind,
            children=tuple(self.inline_content(el)),
            ref=ref,
            role=el.get("type"),
            extra=_attributes(el, frozenset(named)),
        )

    def _date(self, el: Any) -> m.Inline:
        return m.DateText(
            children=tuple(self.inline_content(el)),
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
        return m.Reference(
            target=target, children=tuple(self.inline_content(el)), extra=_attributes(el, named)
        )

    def _note(self, el: Any) -> m.Inline:
        note = self.collect(el)
        return m.NoteRef(label=note.label or "", note=note.id)

    def collect(self, el: Any) -> m.Note:
        """Read a note into ``notes``, in document order: a note before the
        notes inside it."""
        _args.expect_element("Reader.collect(el)", el)
        index = len(self.notes)
        self.notes.append(m.Note())  # its place, filled once its content is read
        note = self.note(el)
        self.notes[index] = note
        return note

    def note(self, el: Any) -> m.Note:
        _args.expect_element("Reader.note(el)", el)
        return m.Note(
            blocks=tuple(self.block_content(el)),
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
        return m.PageBreak(
            label=label,
            id=el.get(XML_ID),
            facs=el.get("facs"),
            kind=_page_kind(el),
            extra=_attributes(el, _pb_known(el)),
        )

    def _lb(self, el: Any) -> m.Inline | None:
        if len(el) or el.text:
            return None
        return m.LineBreak(extra=_attributes(el))

    def _gap(self, el: Any) -> m.Inline:
        return m.Gap(
            children=tuple(self.inline_content(el)),
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
            original=tuple(self.inline_content(sic)),
            corrected=tuple(self.inline_content(corr)),
            kind=kind,
            status=status,
            confidence=confidence,
            resp=corr.get("resp"),
            reason=el.get(F_REASON),
            id=el.get(XML_ID),
        )

    # -- block context ----------------------------------------------------------

    def block_content(
        self, el: Any, *, skip: frozenset[Any] = frozenset(), stop: Any | None = None
    ) -> list[m.Block]:
        """The blocks inside ``el`` (before its child ``stop``, if given); runs of
        text and inline elements become :class:`Plain`."""
        _args.expect_element("Reader.block_content(el)", el)
        _args.expect("Reader.block_content(skip)", skip, (frozenset, set), "a set of elements")
        if stop is not None:
            _args.expect_element("Reader.block_content(stop)", stop)
        blocks: list[m.Block] = []
        run: list[m.Inline] = []

        def flush() -> None:
            nonlocal run
            inlines = _strip(run)
            if inlines:
                blocks.append(m.Plain(inlines=inlines))
            run = []

        if el.text:
            _add_text(run, _WS.sub(" ", el.text))
        children = list(el)
        if stop is not None:
            children = children[: children.index(stop)]
        for child in children:
            if child in skip:  # read elsewhere (a heading, a leading note); its tail is still text here
                pass
            elif self._is_block(child, run):
                flush()
                blocks.append(self.block(child))
            else:
                node = self.inline(child)
                if node is not None:
                    run.append(node) if not isinstance(node, m.Text) else _add_text(run, node.text)
            if child.tail:
                _add_text(run, _WS.sub(" ", child.tail))
        flush()
        return blocks

    def _is_block(self, child: Any, run: list[m.Inline]) -> bool:
        if not isinstance(child.tag, str):
            return False
        name = local(child.tag)
        if name in BLOCK_TAGS:
            return True
        if name in _INLINE:
            return False
        # An unknown element is a block when it starts a run and no text follows it.
        run_empty = all(isinstance(t, m.Text) and not t.text.strip(_XWS) for t in run)
        return run_empty and not (child.tail or "").strip(_XWS)

    def block(self, el: Any) -> m.Block:
        _args.expect_element("Reader.block(el)", el)
        name = local(el.tag)
        method = _BLOCK.get(name)
        if method is not None:
            mark = self._mark()
            node: m.Block | None = method(self, el)
            if node is not None:
                return node
            self._rollback(mark)  # the element is read again, as a raw block
        return self.raw_block(el)

    def _mark(self) -> tuple[int, str | None]:
        return len(self.notes), self.page

    def _rollback(self, mark: tuple[int, str | None]) -> None:
        # A reader that gave up may have read notes already: they are read again.
        del self.notes[mark[0] :]
        self.page = mark[1]

    def raw_block(self, el: Any) -> m.RawBlock:
        _args.expect_element("Reader.raw_block(el)", el)
        return m.RawBlock(
            tag=local(el.tag), attributes=_attributes(el), content=tuple(self.block_content(el))
        )

    def _p(self, el: Any) -> m.Block:
        return m.Paragraph(
            inlines=_strip(self.inline_content(el)), rend=el.get("rend"), extra=_attributes(el, _REND)
        )

    def _head(self, el: Any) -> m.Block:
        return m.Heading(inlines=_strip(self.inline_content(el)), extra=_attributes(el))

    def _runs(self, cls: type[Any], el: Any) -> m.Block:
        return cls(inlines=_strip(self.inline_content(el)), extra=_attributes(el))  # type: ignore[no-any-return]

    def _blocks_of(self, cls: type[Any], el: Any) -> m.Block:
        return cls(blocks=tuple(self.block_content(el)), extra=_attributes(el))  # type: ignore[no-any-return]

    def _quote(self, el: Any) -> m.Block:
        return m.Quote(
            blocks=tuple(self.block_content(el)), rend=el.get("rend"), extra=_attributes(el, _REND)
        )

    def _between(self, child: Any) -> m.Inline | None:
        """A page break, note or comment standing between the items of a list or
        the rows of a table; ``None`` for anything else."""
        if isinstance(child.tag, str) and local(child.tag) not in ("pb", "note"):
            return None
        node = self.inline(child)
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
                head = _strip(self.inline_content(child))
            elif name == "label" and label is None and not child.attrib and not len(child):
                label = _WS.sub(" ", child.text or "").strip(_XWS)
                if not label:
                    return None
            elif name == "item":
                items.append(
                    m.ListItem(
                        blocks=tuple(self.block_content(child)),
                        label=label,
                        before=tuple(before),
                        extra=_attributes(child),
                    )
                )
                label, before = None, []
            elif label is None and (node := self._between(child)) is not None:
                before.append(node)
            else:
                return None
        if label is not None:
            return None
        return m.ListBlock(
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
                cells.append(m.Cell(inlines=_strip(self.inline_content(cell)), extra=_attributes(cell)))
            rows.append(m.Row(cells=tuple(cells), before=tuple(before), extra=_attributes(row)))
            before = []
        return m.Table(rows=tuple(rows), after=tuple(before), extra=_attributes(el))

    def _attachment(self, el: Any) -> m.Block:
        heads = [c for c in el if isinstance(c.tag, str) and local(c.tag) == "head"]
        title: tuple[m.Inline, ...] = ()
        skip: frozenset[Any] = frozenset()
        first = next((c for c in el if isinstance(c.tag, str)), None)
        if heads and first is heads[0] and not first.attrib and not (el.text or "").strip(_XWS):
            title = _strip(self.inline_content(heads[0]))
            skip = frozenset({heads[0]})
        return m.Attachment(
            blocks=tuple(self.block_content(el, skip=skip)),
            title=title,
            id=el.get(XML_ID),
            extra=_attributes(el, _ID),
        )

    def _div(self, el: Any) -> m.Block:
        # A div inside a document or a note: kept whole.
        return self.raw_block(el)


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

_INLINE: dict[str, Any] = {
    "hi": Reader._hi,
    "persName": lambda r, el: r._name(el, "person", "corresp"),
    "placeName": lambda r, el: r._name(el, "place", "corresp"),
    "term": lambda r, el: r._name(el, "term", "target"),
    "gloss": lambda r, el: r._name(el, "gloss", "target"),
    "date": Reader._date,
    "ref": Reader._ref,
    "note": Reader._note,
    "pb": Reader._pb,
    "lb": Reader._lb,
    "gap": Reader._gap,
    "choice": Reader._choice,
}

_BLOCK: dict[str, Any] = {
    "p": Reader._p,
    "head": Reader._head,
    "list": Reader._list,
    "quote": Reader._quote,
    "table": Reader._table,
    "dateline": lambda r, el: r._runs(m.Dateline, el),
    "signed": lambda r, el: r._runs(m.Signed, el),
    "opener": lambda r, el: r._blocks_of(m.Opener, el),
    "closer": lambda r, el: r._blocks_of(m.Closer, el),
    "postscript": lambda r, el: r._blocks_of(m.Postscript, el),
    ATTACHMENT: Reader._attachment,
    "div": Reader._div,
}

#: Elements that are modelled inlines (anything else unknown is raw).
INLINE_TAGS = frozenset(_INLINE)
"""The TEI elements (local names) the reader reads as inlines."""
