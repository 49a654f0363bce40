"""Model nodes → FRUS TEI elements.

The inverse of :mod:`frusdoc.tei.reader`: modelled fields become the TEI
elements and attributes they came from, ``extra`` attributes and raw nodes are
written back as they were. Notes are written at their :class:`NoteRef`; notes
that no marker refers to (the 1918 inline source note) go before the heading.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs
from lxml import etree

from frusdoc import _args
from frusdoc import model as m
from frusdoc.errors import NodeTypeError
from frusdoc.pairing import NoteMatcher
from frusdoc.tags import TAG_OF_CLASS
from frusdoc.tei.names import FRUS, TEI, XI, XML, clark
from frusdoc.tei.pointers import parse_target

__all__ = ["NSMAP", "Writer", "volume_note_sources"]

NSMAP = {None: TEI, "frus": FRUS, "xi": XI}
"""The namespace prefixes of written TEI: TEI as the default, ``frus`` and ``xi``."""
XML_ID = f"{{{XML}}}id"
F = f"{{{FRUS}}}"


def _set(el: Any, name: str, value: str | None) -> None:
    if value is not None:
        el.set(name, value)


def _extra(el: Any, extra: m.Attributes) -> None:
    for name, value in extra:
        el.set(name, value)


def _append_text(parent: Any, text: str) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _check_text(text: str) -> str:
    # XML 1.0 cannot hold most control characters; say so rather than let lxml fail.
    for ch in text:
        if (ord(ch) < 0x20 and ch not in "\t\n\r") or ch in "\ufffe\uffff" or 0xD800 <= ord(ch) <= 0xDFFF:
            raise _args.ArgumentValueError(
                f"Text.text: holds U+{ord(ch):04X}, which XML (so the TEI writer) cannot represent: {text[:40]!r}"
            )
    return text


def volume_note_sources(
    header: m.RawBlock | None, outside: Iterable[object], parts: Iterable[object]
) -> list[object]:
    """Where a volume's own notes are referenced from, in writing order: the header,
    what stands outside the parts, and raw nodes directly in a part.

    The reader pairs the header's markers over the same nodes as the writer, so
    that the header facts it reads (the titles) are the ones written back.
    """
    _args.expect_node("volume_note_sources(header)", header, (m.RawBlock, type(None)))
    for name, value in (("outside", outside), ("parts", parts)):
        if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
            _args.wrong_type(f"volume_note_sources({name})", "an iterable of nodes", value)
    return [
        *([header] if header is not None else []),
        *outside,
        *(c for c in parts if isinstance(c, m.RawBlock)),
    ]


@attrs.define
class Writer:
    """Writes the nodes of one document, pairing markers with notes."""

    matcher: NoteMatcher

    # -- inlines ------------------------------------------------------------------

    def inlines(self, parent: Any, inlines: tuple[m.Inline, ...]) -> None:
        _args.expect_element("Writer.inlines(parent)", parent)
        _args.expect("Writer.inlines(inlines)", inlines, tuple, "a tuple of nodes")
        for node in inlines:
            write = _INLINE.get(type(node))
            if write is None:
                raise NodeTypeError(
                    f"the TEI writer has no case for {type(node).__name__} in a run of inlines"
                )
            write(self, parent, node)

    def _text(self, parent: Any, node: m.Text) -> None:
        _append_text(parent, _check_text(node.text))

    def _element(self, parent: Any, node: m.Inline) -> None:
        parent.append(self.inline(node))

    def _embedded_in_run(self, parent: Any, node: m.Embedded) -> None:
        if isinstance(node.block, m.Plain):
            self.inlines(parent, node.block.inlines)
        else:
            parent.append(self.inline(node))

    def inline(self, node: m.Inline) -> Any:
        """The TEI element of an inline node (text is no element: see :meth:`inlines`)."""
        _args.expect_node("Writer.inline(node)", node)
        make = _ELEMENT.get(type(node))
        if make is None:
            raise NodeTypeError(f"Writer.inline(node): the TEI writer has no case for {type(node).__name__}")
        return make(self, node)

    def _emphasis(self, node: m.Emphasis) -> Any:
        el = etree.Element(clark("hi"), rend=node.rend)
        _extra(el, node.extra)
        self.inlines(el, node.children)
        return el

    def _note_ref(self, node: m.NoteRef) -> Any:
        return self.note(self.matcher.match(node))

    def _page_break(self, node: m.PageBreak) -> Any:
        el = etree.Element(clark("pb"), n=node.label)
        _set(el, XML_ID, node.id)
        _set(el, "facs", node.facs)
        if node.kind != "page":
            el.set(F + "page-kind", node.kind)
        _extra(el, node.extra)
        return el

    def _line_break(self, node: m.LineBreak) -> Any:
        el = etree.Element(clark("lb"))
        _extra(el, node.extra)
        return el

    def _name(self, node: m.Name) -> Any:
        tag, pointer = _NAMES[node.kind]
        el = etree.Element(clark(tag))
        if node.ref is not None:
            el.set(pointer, "#" + node.ref)
        _set(el, "type", node.role)
        _extra(el, node.extra)
        self.inlines(el, node.children)
        return el

    def _date(self, node: m.DateText) -> Any:
        el = etree.Element(clark("date"))
        _set(el, "when", node.when)
        _set(el, "notBefore", node.not_before)
        _set(el, "notAfter", node.not_after)
        _set(el, "calendar", node.calendar)
        _set(el, "type", node.kind)
        _extra(el, node.extra)
        self.inlines(el, node.children)
        return el

    def _emendation(self, node: m.Emendation) -> Any:
        el = etree.Element(clark("choice"), type=node.kind, subtype=node.status)
        _set(el, XML_ID, node.id)
        _set(el, F + "reason", node.reason)
        sic = etree.SubElement(el, clark("sic"))
        self.inlines(sic, node.original)
        corr = etree.SubElement(el, clark("corr"))
        _set(corr, "resp", node.resp)
        if node.confidence is not None:
            corr.set("cert", repr(node.confidence))
        self.inlines(corr, node.corrected)
        return el

    def _gap(self, node: m.Gap) -> Any:
        el = etree.Element(clark("gap"))
        _set(el, "reason", node.reason)
        _set(el, "extent", node.extent)
        _extra(el, node.extra)
        self.inlines(el, node.children)
        return el

    def _embedded(self, node: m.Embedded) -> Any:
        holder = etree.Element("holder")
        self.block(holder, node.block)
        if len(holder) != 1 or holder.text:
            raise _args.ArgumentValueError(f"an embedded {type(node.block).__name__} must be an element")
        return holder[0]

    def raw_inline(self, node: m.RawInline) -> Any:
        _args.expect_node("Writer.raw_inline(node)", node, m.RawInline)
        text = "".join(c.text for c in node.children if isinstance(c, m.Text))
        if node.tag == "#comment":
            return etree.Comment(text)
        if node.tag == "#pi":
            return etree.PI(dict(node.attributes).get("target", "pi"), text)
        el = etree.Element(clark(node.tag))
        _extra(el, node.attributes)
        self.inlines(el, node.children)
        return el

    def reference(self, node: m.Reference) -> Any:
        _args.expect_node("Writer.reference(node)", node, m.Reference)
        target = node.target
        el = etree.Element(clark("ref"), target=target.raw)
        if parse_target(target.raw) != target:
            # The pointer alone does not say what the model holds: spell it out.
            el.set(F + "target", TAG_OF_CLASS[type(target)])
            for field in attrs.fields(type(target)):
                value = getattr(target, field.name)
                if field.name == "raw" or value is None:
                    continue
                if field.name == "parts":
                    for key, part in value:
                        el.set(f"{F}target-part.{key}", part)
                else:
                    el.set(F + "target-" + field.name.replace("_", "-"), value)
        _extra(el, node.extra)
        self.inlines(el, node.children)
        return el

    def note(self, note: m.Note) -> Any:
        _args.expect_node("Writer.note(note)", note, m.Note)
        el = etree.Element(clark("note"))
        _set(el, "n", note.label)
        _set(el, XML_ID, note.id)
        _set(el, "type", note.kind)
        _set(el, "rend", note.rend)
        _extra(el, note.extra)
        self.blocks(el, note.blocks)
        return el

    # -- blocks -------------------------------------------------------------------

    def blocks(self, parent: Any, blocks: tuple[m.Block, ...]) -> None:
        _args.expect_element("Writer.blocks(parent)", parent)
        _args.expect("Writer.blocks(blocks)", blocks, tuple, "a tuple of nodes")
        for block in blocks:
            self.block(parent, block)

    def block(self, parent: Any, block: m.Block) -> None:
        _args.expect_element("Writer.block(parent)", parent)
        _args.expect_node("Writer.block(block)", block)
        write = _BLOCK.get(type(block))
        if write is None:
            raise NodeTypeError(f"Writer.block(block): the TEI writer has no case for {type(block).__name__} where blocks stand")
        write(self, parent, block)

    def _plain(self, parent: Any, block: m.Plain) -> None:
        self.inlines(parent, block.inlines)

    def _paragraph(self, parent: Any, block: m.Paragraph) -> None:
        el = etree.SubElement(parent, clark("p"))
        _set(el, "rend", block.rend)
        _extra(el, block.extra)
        self.inlines(el, block.inlines)

    def _run_block(self, parent: Any, block: m.Heading | m.Dateline | m.Signed) -> None:
        el = etree.SubElement(parent, clark(_RUNS[type(block)]))
        _extra(el, block.extra)
        self.inlines(el, block.inlines)

    def _container(self, parent: Any, block: m.Opener | m.Closer | m.Postscript) -> None:
        el = etree.SubElement(parent, clark(_CONTAINERS[type(block)]))
        _extra(el, block.extra)
        self.blocks(el, block.blocks)

    def _quote(self, parent: Any, block: m.Quote) -> None:
        el = etree.SubElement(parent, clark("quote"))
        _set(el, "rend", block.rend)
        _extra(el, block.extra)
        self.blocks(el, block.blocks)

    def _list(self, parent: Any, block: m.ListBlock) -> None:
        el = etree.SubElement(parent, clark("list"))
        _set(el, "type", block.kind)
        _extra(el, block.extra)
        if block.head:
            self.inlines(etree.SubElement(el, clark("head")), block.head)
        for item in block.items:
            self.inlines(el, _no_text(item.before))
            if item.label is not None:
                etree.SubElement(el, clark("label")).text = _check_text(item.label)
            it = etree.SubElement(el, clark("item"))
            _extra(it, item.extra)
            self.blocks(it, item.blocks)
        self.inlines(el, _no_text(block.after))

    def _table(self, parent: Any, block: m.Table) -> None:
        el = etree.SubElement(parent, clark("table"))
        _extra(el, block.extra)
        for row in block.rows:
            self.inlines(el, _no_text(row.before))
            r = etree.SubElement(el, clark("row"))
            _extra(r, row.extra)
            for cell in row.cells:
                c = etree.SubElement(r, clark("cell"))
                _extra(c, cell.extra)
                self.inlines(c, cell.inlines)
        self.inlines(el, _no_text(block.after))

    def _attachment(self, parent: Any, block: m.Attachment) -> None:
        el = etree.SubElement(parent, F + "attachment")
        _set(el, XML_ID, block.id)
        _extra(el, block.extra)
        if block.title:
            self.inlines(etree.SubElement(el, clark("head")), block.title)
        self.blocks(el, block.blocks)
        first = el[0] if len(el) else None
        heading_first = first is not None and first.tag == clark("head") and not first.attrib
        if not block.title and heading_first and not (el.text or "").strip(" \t\r\n"):
            # An empty title: else the heading written first would read back as the title.
            el.insert(0, etree.Element(clark("head")))

    def _raw_block(self, parent: Any, block: m.RawBlock) -> None:
        if block.tag == "#text":  # text and inline elements where blocks stand
            self.blocks(parent, block.content)
        elif block.tag in ("#comment", "#pi"):
            inlines = tuple(i for b in block.content if isinstance(b, m.Plain) for i in b.inlines)
            parent.append(
                self.raw_inline(m.RawInline(tag=block.tag, attributes=block.attributes, children=inlines))
            )
        else:
            el = etree.SubElement(parent, clark(block.tag))
            _extra(el, block.attributes)
            self.blocks(el, block.content)


# One handler per class (tests/test_dispatch.py checks every class has one).
# _INLINE appends a node of a run to its parent element; _ELEMENT makes the
# element of every inline but text.
_INLINE: dict[type, Callable[[Writer, Any, Any], None]] = {
    m.Text: Writer._text,
    m.Emphasis: Writer._element,
    m.NoteRef: Writer._element,
    m.PageBreak: Writer._element,
    m.LineBreak: Writer._element,
    m.Reference: Writer._element,
    m.Name: Writer._element,
    m.DateText: Writer._element,
    m.Emendation: Writer._element,
    m.Gap: Writer._element,
    m.Embedded: Writer._embedded_in_run,
    m.RawInline: Writer._element,
}

_ELEMENT: dict[type, Callable[[Writer, Any], Any]] = {
    m.Emphasis: Writer._emphasis,
    m.NoteRef: Writer._note_ref,
    m.PageBreak: Writer._page_break,
    m.LineBreak: Writer._line_break,
    m.Reference: Writer.reference,
    m.Name: Writer._name,
    m.DateText: Writer._date,
    m.Emendation: Writer._emendation,
    m.Gap: Writer._gap,
    m.Embedded: Writer._embedded,
    m.RawInline: Writer.raw_inline,
}

_BLOCK: dict[type, Callable[[Writer, Any, Any], None]] = {
    m.Paragraph: Writer._paragraph,
    m.Plain: Writer._plain,
    m.Heading: Writer._run_block,
    m.Quote: Writer._quote,
    m.ListBlock: Writer._list,
    m.Table: Writer._table,
    m.Dateline: Writer._run_block,
    m.Opener: Writer._container,
    m.Signed: Writer._run_block,
    m.Closer: Writer._container,
    m.Postscript: Writer._container,
    m.Attachment: Writer._attachment,
    m.RawBlock: Writer._raw_block,
}


def _no_text(inlines: tuple[m.Inline, ...]) -> tuple[m.Inline, ...]:
    # Between items and rows TEI holds elements only; text there would not read back.
    for node in inlines:
        if isinstance(node, m.Text) and node.text.strip(" \t\r\n"):
            raise _args.ArgumentValueError(
                f"text between list items or table rows cannot be written as TEI: {node.text[:40]!r}"
            )
    return tuple(n for n in inlines if not isinstance(n, m.Text))


_NAMES = {
    "person": ("persName", "corresp"),
    "place": ("placeName", "corresp"),
    "term": ("term", "target"),
    "gloss": ("gloss", "target"),
}
_RUNS = {m.Heading: "head", m.Dateline: "dateline", m.Signed: "signed"}
_CONTAINERS = {m.Opener: "opener", m.Closer: "closer", m.Postscript: "postscript"}
