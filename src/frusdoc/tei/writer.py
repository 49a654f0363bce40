"""Model nodes → FRUS TEI elements.

The inverse of :mod:`frusdoc.tei.reader`: modelled fields become the TEI
elements and attributes they came from, ``extra`` attributes and raw nodes are
written back as they were. Notes are written at their :class:`NoteRef`; notes
that no marker refers to (the 1918 inline source note) go before the heading.
"""

from __future__ import annotations

from typing import Any

import attrs
from lxml import etree

from frusdoc import model as m
from frusdoc.errors import FrusdocError
from frusdoc.pairing import NoteMatcher
from frusdoc.tags import TAG_OF_CLASS
from frusdoc.tei.names import FRUS, TEI, XI, XML, clark
from frusdoc.tei.pointers import parse_target

__all__ = ["NSMAP", "Writer"]

NSMAP = {None: TEI, "frus": FRUS, "xi": XI}
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
            raise FrusdocError(f"text holds U+{ord(ch):04X}, which XML cannot represent: {text[:40]!r}")
    return text


@attrs.define
class Writer:
    """Writes the nodes of one document, pairing markers with notes."""

    matcher: NoteMatcher

    # -- inlines ------------------------------------------------------------------

    def inlines(self, parent: Any, inlines: tuple[m.Inline, ...]) -> None:
        for node in inlines:
            if type(node) is m.Text:
                _append_text(parent, _check_text(node.text))
            elif type(node) is m.Embedded and isinstance(node.block, m.Plain):
                self.inlines(parent, node.block.inlines)
            else:
                parent.append(self.inline(node))

    def inline(self, node: m.Inline) -> Any:
        if isinstance(node, m.Emphasis):
            el = etree.Element(clark("hi"), rend=node.rend)
            _extra(el, node.extra)
            self.inlines(el, node.children)
            return el
        if isinstance(node, m.NoteRef):
            return self.note(self.matcher.match(node))
        if isinstance(node, m.PageBreak):
            el = etree.Element(clark("pb"), n=node.label)
            _set(el, XML_ID, node.id)
            _set(el, "facs", node.facs)
            if node.kind != "page":
                el.set(F + "page-kind", node.kind)
            _extra(el, node.extra)
            return el
        if isinstance(node, m.LineBreak):
            el = etree.Element(clark("lb"))
            _extra(el, node.extra)
            return el
        if isinstance(node, m.Reference):
            return self.reference(node)
        if isinstance(node, m.Name):
            tag, pointer = _NAMES[node.kind]
            el = etree.Element(clark(tag))
            if node.ref is not None:
                el.set(pointer, "#" + node.ref)
            _set(el, "type", node.role)
            _extra(el, node.extra)
            self.inlines(el, node.children)
            return el
        if isinstance(node, m.DateText):
            el = etree.Element(clark("date"))
            _set(el, "when", node.when)
            _set(el, "notBefore", node.not_before)
            _set(el, "notAfter", node.not_after)
            _set(el, "calendar", node.calendar)
            _set(el, "type", node.kind)
            _extra(el, node.extra)
            self.inlines(el, node.children)
            return el
        if isinstance(node, m.Emendation):
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
        if isinstance(node, m.Gap):
            el = etree.Element(clark("gap"))
            _set(el, "reason", node.reason)
            _set(el, "extent", node.extent)
            _extra(el, node.extra)
            self.inlines(el, node.children)
            return el
        if isinstance(node, m.Embedded):
            holder = etree.Element("holder")
            self.block(holder, node.block)
            if len(holder) != 1 or holder.text:
                raise FrusdocError(f"an embedded {type(node.block).__name__} must be an element")
            return holder[0]
        if isinstance(node, m.RawInline):
            return self.raw_inline(node)
        raise TypeError(f"not an inline node: {node!r}")  # pragma: no cover

    def raw_inline(self, node: m.RawInline) -> Any:
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
        for block in blocks:
            self.block(parent, block)

    def block(self, parent: Any, block: m.Block) -> None:
        if isinstance(block, m.Plain):
            self.inlines(parent, block.inlines)
            return
        if isinstance(block, m.Paragraph):
            el = etree.SubElement(parent, clark("p"))
            _set(el, "rend", block.rend)
            _extra(el, block.extra)
            self.inlines(el, block.inlines)
        elif isinstance(block, (m.Heading, m.Dateline, m.Signed)):
            el = etree.SubElement(parent, clark(_RUNS[type(block)]))
            _extra(el, block.extra)
            self.inlines(el, block.inlines)
        elif isinstance(block, (m.Opener, m.Closer, m.Postscript)):
            el = etree.SubElement(parent, clark(_CONTAINERS[type(block)]))
            _extra(el, block.extra)
            self.blocks(el, block.blocks)
        elif isinstance(block, m.Quote):
            el = etree.SubElement(parent, clark("quote"))
            _set(el, "rend", block.rend)
            _extra(el, block.extra)
            self.blocks(el, block.blocks)
        elif isinstance(block, m.ListBlock):
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
        elif isinstance(block, m.Table):
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
        elif isinstance(block, m.Attachment):
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
        elif isinstance(block, m.RawBlock):
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
        else:  # pragma: no cover - guards model growth
            raise TypeError(f"not a block node: {block!r}")


def _no_text(inlines: tuple[m.Inline, ...]) -> tuple[m.Inline, ...]:
    # Between items and rows TEI holds elements only; text there would not read back.
    for node in inlines:
        if isinstance(node, m.Text) and node.text.strip(" \t\r\n"):
            raise FrusdocError(
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
