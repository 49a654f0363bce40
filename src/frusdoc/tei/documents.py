"""Documents, divisions and volumes in FRUS TEI: reading, streaming and writing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs
from lxml import etree

from frusdoc import model as m
from frusdoc.errors import FrusdocError
from frusdoc.pairing import NoteMatcher
from frusdoc.tei.names import FRUS, TEI, XML, clark, local
from frusdoc.tei.reader import F_MAX, F_MIN, F_PAGE, F_VOLUME, XML_ID, Reader, _strip
from frusdoc.tei.safe import PARSER_OPTIONS, Source, TeiError, check_doctype, open_source, parse_xml
from frusdoc.tei.writer import NSMAP, Writer

__all__ = [
    "document_element",
    "iter_documents",
    "read_document",
    "read_volume",
    "volume_element",
    "write_document",
    "write_volume",
]

_DOC_ATTRS = frozenset({"type", XML_ID, "n", "subtype", F_MIN, F_MAX, F_VOLUME, F_PAGE})
_DIV_ATTRS = frozenset({"type", XML_ID, "subtype", F_MIN, F_MAX})
_WS = re.compile(r"\s+")
_XWS = " \t\r\n"  # XML whitespace; other Unicode spaces are text


def _where(el: Any) -> str:
    return f"line {el.sourceline}" if getattr(el, "sourceline", None) else "element"


def _date(el: Any) -> m.DateRange | None:
    low, high = el.get(F_MIN), el.get(F_MAX)
    if low is None and high is None:
        return None
    return m.DateRange(not_before=low, not_after=high)


def _is(el: Any, name: str) -> bool:
    return isinstance(el.tag, str) and local(el.tag) == name


def _is_document(el: Any) -> bool:
    return _is(el, "div") and el.get("type") == "document"


# -- reading ----------------------------------------------------------------------


def document_element(el: Any, *, volume: str | None = None, page: str | None = None) -> m.Document:
    """A :class:`Document` from an lxml ``<div type="document">`` element."""
    return _read_document(el, volume=volume, page=page)[0]


def _read_document(el: Any, *, volume: str | None, page: str | None) -> tuple[m.Document, str | None]:
    """The document, and the page the reader is on after it."""
    if not _is_document(el):
        found = local(el.tag) if isinstance(el.tag, str) else "a comment"
        raise TeiError(
            f'{_where(el)}: expected a FRUS document, <div type="document"> in the TEI namespace; '
            f"found <{found}{' type=' + repr(el.get('type')) if el.get('type') else ''}>"
        )
    reader = Reader()
    skip: set[Any] = set()
    head = None
    if not (el.text or "").strip(_XWS):
        for child in el:
            if not isinstance(child.tag, str):
                break
            if _is(child, "note") and not (child.tail or "").strip(_XWS):
                reader.collect(child)  # a note no marker refers to: the 1918 source line
                skip.add(child)
                continue
            if _is(child, "head") and not child.attrib:
                head = child
                skip.add(child)
            break
    title = _strip(reader.inline_content(head)) if head is not None else ()
    blocks = reader.block_content(el, skip=frozenset(skip))
    doc = m.Document(
        title=title,
        blocks=tuple(blocks),
        notes=tuple(reader.notes),
        id=el.get(XML_ID),
        volume=volume if volume is not None else el.get(F_VOLUME),
        label=el.get("n"),
        kind=el.get("subtype"),
        date=_date(el),
        page=page if page is not None else el.get(F_PAGE),
        extra=tuple((k, v) for k, v in el.attrib.items() if k not in _DOC_ATTRS),
    )
    return doc, reader.page if reader.page is not None else page


def read_document(xml: Source) -> m.Document:
    """One ``<div type="document">`` (bytes, a path or a binary file) as a :class:`Document`.

    The div must be in the TEI namespace (declare ``xmlns="http://www.tei-c.org/ns/1.0"``).
    """
    stream, name = open_source(xml)
    with stream:
        data = stream.read()
    return document_element(parse_xml(data, name))


@attrs.define
class _VolumeReader:
    volume: str
    page: str | None = None  # the page the reader is on

    def children(
        self, el: Any, start: int = 0
    ) -> tuple[m.Division | m.Document | m.PageBreak | m.RawBlock, ...]:
        out: list[m.Division | m.Document | m.PageBreak | m.RawBlock] = []
        for child in list(el)[start:]:
            if (child.tail or "").strip(_XWS):
                raise TeiError(
                    f"{_where(child)}: text between divisions is not supported: {child.tail.strip(_XWS)[:40]!r}"
                )
            if _is_document(child):
                doc, self.page = _read_document(child, volume=self.volume, page=self.page)
                out.append(doc)
            elif _is(child, "div"):
                out.append(self.division(child))
            elif _is(child, "pb") and not len(child) and child.get("n") is not None:
                node = Reader().inline(child)
                assert isinstance(node, m.PageBreak)
                self.page = node.label
                out.append(node)
            elif isinstance(child.tag, str):
                reader = Reader()
                out.append(reader.raw_block(child))
                self.page = reader.page or self.page
        return tuple(out)

    def division(self, el: Any) -> m.Division:
        elements = list(el)
        title: tuple[m.Inline, ...] = ()
        skip: set[Any] = set()
        reader = Reader()
        first = next((c for c in elements if isinstance(c.tag, str)), None)
        if first is not None and _is(first, "head") and not first.attrib and not (el.text or "").strip(_XWS):
            title = _strip(reader.inline_content(first))
            skip.add(first)
        split = next((i for i, c in enumerate(elements) if _is(c, "div")), len(elements))
        if reader.notes:
            raise TeiError(f"{_where(el)}: notes in a division heading are not supported")
        blocks = reader.block_content(el, skip=frozenset(skip | set(elements[split:])))
        if reader.notes:
            raise TeiError(f"{_where(el)}: notes outside documents are not supported")
        division_blocks = tuple(blocks)
        self.page = reader.page or self.page
        return m.Division(
            kind=el.get("type", ""),
            title=title,
            id=el.get(XML_ID),
            subtype=el.get("subtype"),
            date=_date(el),
            blocks=division_blocks,
            children=self.children(el, split),
            extra=tuple((k, v) for k, v in el.attrib.items() if k not in _DIV_ATTRS),
        )


def _text(el: Any | None) -> str | None:
    if el is None:
        return None
    return _WS.sub(" ", "".join(el.itertext())).strip(_XWS) or None


def volume_element(root: Any) -> m.Volume:
    """A :class:`Volume` from the lxml root ``<TEI>`` element of a FRUS volume."""
    if not _is(root, "TEI"):
        found = root.tag if isinstance(root.tag, str) else "?"
        raise TeiError(
            f"{_where(root)}: expected a FRUS TEI volume, a <TEI> root element in the namespace {TEI}; found {found}"
        )
    volume_id = root.get(XML_ID)
    if not volume_id:
        raise TeiError(f"{_where(root)}: the <TEI> root has no xml:id (the volume id, such as frus1942v03)")
    header = text = None
    for child in root:
        if _is(child, "teiHeader") and header is None:
            header = child
        elif _is(child, "text") and text is None:
            text = child
        elif isinstance(child.tag, str):
            raise TeiError(
                f"{_where(child)}: unexpected <{local(child.tag)}> in <TEI>; expected teiHeader and text"
            )
    if text is None:
        raise TeiError(f"{_where(root)}: the volume has no <text> element")
    reader = _VolumeReader(volume=volume_id)
    parts: dict[str, tuple[m.Division | m.Document | m.PageBreak | m.RawBlock, ...]] = {}
    for child in text:
        if not isinstance(child.tag, str):
            continue
        name = local(child.tag)
        if name not in ("front", "body", "back") or name in parts or child.attrib:
            raise TeiError(f"{_where(child)}: unexpected <{name}> in <text>; expected front, body, back")
        parts[name] = reader.children(child)
    ns = {"t": TEI, "frus": FRUS}
    titles: list[m.Title] = []
    editors: list[m.Editor] = []
    publication_date = coverage = None
    if header is not None:
        for t in header.iterfind("t:fileDesc/t:titleStmt/t:title", ns):
            titles.append(m.Title(text=_text(t) or "", kind=t.get("type")))
        for e in header.iterfind("t:fileDesc/t:titleStmt/t:editor", ns):
            editors.append(m.Editor(name=_text(e) or "", role=e.get("role")))
        dates = header.findall("t:fileDesc/t:publicationStmt/t:date", ns)
        pub = next((d for d in dates if d.get("type") in (None, "publication-date")), None)
        publication_date = _text(pub)
        cov = header.find("t:xenoData/frus:coverage", ns)
        if cov is None:
            cov = next((d for d in dates if d.get("type") == "content-date"), None)
        if cov is not None:
            coverage = m.DateRange(not_before=cov.get("notBefore"), not_after=cov.get("notAfter"))
    complete = next((t.text for t in titles if t.kind == "complete"), None)
    return m.Volume(
        id=volume_id,
        title=complete or (titles[0].text if titles else None),
        titles=tuple(titles),
        editors=tuple(editors),
        publication_date=publication_date,
        coverage=coverage,
        persons=tuple(_persons(text, ns)),
        terms=tuple(_terms(text, ns)),
        front=parts.get("front", ()),
        body=parts.get("body", ()),
        back=parts.get("back", ()),
        header=Reader().raw_block(header) if header is not None else None,
        extra=tuple((k, v) for k, v in root.attrib.items() if k != XML_ID),
    )


def _entries(text: Any, ns: dict[str, str], section: str, tag: str) -> Iterator[tuple[str, str, str]]:
    for item in text.iterfind(f".//t:div[@{{{XML}}}id='{section}']//t:item", ns):
        name = item.find(f".//t:{tag}[@{{{XML}}}id]", ns)
        if name is None:
            continue
        label = _text(name) or ""
        whole = _text(item) or ""
        rest = whole.split(label, 1)[1] if label in whole else whole
        yield name.get(f"{{{XML}}}id"), label, rest.lstrip(" ,.;:").strip(_XWS)


def _persons(text: Any, ns: dict[str, str]) -> Iterator[m.Person]:
    for pid, name, rest in _entries(text, ns, "persons", "persName"):
        yield m.Person(id=pid, name=name, description=(m.Text(text=rest),) if rest else ())


def _terms(text: Any, ns: dict[str, str]) -> Iterator[m.Term]:
    for tid, term, rest in _entries(text, ns, "terms", "term"):
        yield m.Term(id=tid, term=term, description=(m.Text(text=rest),) if rest else ())


def read_volume(src: Source) -> m.Volume:
    """A whole FRUS TEI volume (a path, bytes or a binary file) as a :class:`Volume`."""
    stream, name = open_source(src)
    with stream:
        data = stream.read()
    return volume_element(parse_xml(data, name))


def iter_documents(src: Source, *, chunk_size: int = 1 << 16) -> Iterator[m.Document]:
    """The documents of a volume, one at a time, in bounded memory.

    Parses incrementally and discards each document's elements once it has
    been read, so memory stays flat however large the volume is.
    """
    stream, name = open_source(src)
    pull = etree.XMLPullParser(events=("start", "end"), **PARSER_OPTIONS)
    div, pb = clark("div"), clark("pb")
    volume: str | None = None
    page: str | None = None
    depth = 0
    started = False
    prolog = b""
    with stream:
        while True:
            chunk = stream.read(chunk_size)
            if not started:
                prolog += chunk[:8192]
                upper = prolog.upper()
                if b"<!DOCTYPE" in upper or b"<!ENTITY" in upper:
                    raise TeiError(
                        f"{name}: a DOCTYPE or ENTITY declaration is not allowed (DTDs and entities are refused)"
                    )
            try:
                if chunk:
                    pull.feed(chunk)
                else:
                    pull.close()
                events = list(pull.read_events())
            except etree.XMLSyntaxError as exc:
                line, column = exc.position if exc.position else (0, 0)
                raise TeiError(
                    f"{name}: line {line}, column {column}: {exc.msg.split(', line ')[0]}"
                ) from None
            for event, el in events:
                if event == "start":
                    if not started:
                        started = True
                        check_doctype(el.getroottree(), name)
                        if not _is(el, "TEI"):
                            raise TeiError(
                                f"{name}: expected a FRUS TEI volume (<TEI> root in {TEI}); found {el.tag!r}"
                            )
                        volume = el.get(XML_ID)
                    if el.tag == div and el.get("type") == "document":
                        depth += 1
                    continue
                if el.tag == div and el.get("type") == "document":
                    depth -= 1
                    if depth == 0:
                        doc, page = _read_document(el, volume=volume, page=page)
                        yield doc
                        _discard(el)
                elif depth == 0:
                    if el.tag == pb and el.get("n") is not None:
                        page = el.get("n")
                    if el.getparent() is not None and not _is(el, "text") and not _is(el, "body"):
                        _discard(el)
            if not chunk:
                break
    if not started:
        raise TeiError(f"{name}: empty input, expected a FRUS TEI volume")


def _discard(el: Any) -> None:
    # Free what has been read: the element's content and the siblings before it.
    el.clear(keep_tail=True)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


# -- writing ----------------------------------------------------------------------


def _is_head_or_note(el: Any) -> bool:
    return (_is(el, "head") and not el.attrib) or _is(el, "note")


def leading_notes(doc: m.Document) -> list[int]:
    """The notes no marker refers to, by index: they are written before the heading.

    Found by pairing markers with notes in writing order; the notes are then
    paired again in document order (these notes first) when writing.
    """
    matcher = NoteMatcher.for_document(doc)
    writer = Writer(matcher)
    scratch = etree.Element("scratch")
    writer.inlines(scratch, doc.title)
    writer.blocks(scratch, doc.blocks)
    leading = []
    while (index := matcher.take_unused_index()) is not None:
        leading.append(index)
        writer.note(doc.notes[index])
    return leading


def _document(doc: m.Document, *, standalone: bool) -> Any:
    leading = leading_notes(doc)
    matcher = NoteMatcher.for_document(doc)
    for index in leading:
        matcher.used[index] = True
    writer = Writer(matcher)
    notes_first = [writer.note(doc.notes[i]) for i in leading]
    holder = etree.Element("holder")
    if doc.title:
        writer.inlines(etree.SubElement(holder, clark("head")), doc.title)
    writer.blocks(holder, doc.blocks)
    el = etree.Element(clark("div"), nsmap=NSMAP) if standalone else etree.Element(clark("div"))
    el.set("type", "document")
    for name, value in (
        (XML_ID, doc.id),
        ("n", doc.label),
        ("subtype", doc.kind),
        (F_MIN, doc.date.not_before if doc.date else None),
        (F_MAX, doc.date.not_after if doc.date else None),
    ):
        if value is not None:
            el.set(name, value)
    if standalone:
        if doc.volume is not None:
            el.set(F_VOLUME, doc.volume)
        if doc.page is not None:
            el.set(F_PAGE, doc.page)
    for name, value in doc.extra:
        el.set(name, value)
    if not doc.title and not (holder.text or "").strip(_XWS) and len(holder) and _is_head_or_note(holder[0]):
        # Without a title, a heading written first would read back as the
        # title, and a note as an unreferenced one: an empty <head/> keeps them.
        holder.insert(0, etree.Element(clark("head")))
    for note_el in notes_first:
        el.append(note_el)
    el.text = holder.text
    for child in list(holder):
        el.append(child)
    while (note := matcher.take_unused()) is not None:
        # Only when pairing in document order left a note over: keep it.
        el.append(writer.note(note))
    return el


def _serialise(el: Any) -> str:
    return etree.tostring(el, encoding="unicode")


def write_document(doc: m.Document) -> str:
    """A :class:`Document` as a TEI ``<div type="document">`` (a string of XML).

    ``read_document(write_document(d).encode())`` gives back
    :func:`frusdoc.tei.normalize` of ``d`` (``d`` itself when it is in TEI
    normal form, as every document read from TEI is). ``volume`` and ``page``
    are written as ``frus:volume`` and ``frus:page``; the plain-text layout is
    not part of TEI.
    """
    try:
        return _serialise(_document(doc, standalone=True))
    except ValueError as exc:  # lxml refuses characters XML cannot hold
        raise FrusdocError(f"document {doc.id or ''} cannot be written as XML: {exc}") from None


def _children(parent: Any, nodes: tuple[m.Division | m.Document | m.PageBreak | m.RawBlock, ...]) -> None:
    for node in nodes:
        if isinstance(node, m.Document):
            parent.append(_document(node, standalone=False))
        elif isinstance(node, m.Division):
            parent.append(_division(node))
        elif isinstance(node, m.PageBreak):
            parent.append(Writer(NoteMatcher([])).inline(node))
        else:
            Writer(NoteMatcher([])).block(parent, node)


def _division(div: m.Division) -> Any:
    el = etree.Element(clark("div"))
    if div.kind:
        el.set("type", div.kind)
    for name, value in (
        (XML_ID, div.id),
        ("subtype", div.subtype),
        (F_MIN, div.date.not_before if div.date else None),
        (F_MAX, div.date.not_after if div.date else None),
    ):
        if value is not None:
            el.set(name, value)
    for name, value in div.extra:
        el.set(name, value)
    writer = Writer(NoteMatcher([]))
    if div.title:
        writer.inlines(etree.SubElement(el, clark("head")), div.title)
    writer.blocks(el, div.blocks)
    _children(el, div.children)
    return el


def write_volume(volume: m.Volume) -> str:
    """A :class:`Volume` as a TEI file (a string of XML, with its declaration).

    The header is written from ``volume.header`` when the volume has one (as
    every volume read from TEI does); the typed header fields are read from it.
    """
    root = etree.Element(clark("TEI"), nsmap=NSMAP)
    root.set(XML_ID, volume.id)
    for name, value in volume.extra:
        root.set(name, value)
    try:
        if volume.header is not None:
            Writer(NoteMatcher([])).block(root, volume.header)
        else:
            root.append(_header(volume))
        text = etree.SubElement(root, clark("text"))
        for name, part in (("front", volume.front), ("body", volume.body), ("back", volume.back)):
            if part or name == "body":
                _children(etree.SubElement(text, clark(name)), part)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + _serialise(root) + "\n"
    except ValueError as exc:
        raise FrusdocError(f"volume {volume.id} cannot be written as XML: {exc}") from None


def _header(volume: m.Volume) -> Any:
    header = etree.Element(clark("teiHeader"))
    file_desc = etree.SubElement(header, clark("fileDesc"))
    title_stmt = etree.SubElement(file_desc, clark("titleStmt"))
    titles = volume.titles or ((m.Title(text=volume.title, kind="complete"),) if volume.title else ())
    for title in titles:
        t = etree.SubElement(title_stmt, clark("title"))
        if title.kind:
            t.set("type", title.kind)
        t.text = title.text
    for editor in volume.editors:
        e = etree.SubElement(title_stmt, clark("editor"))
        if editor.role:
            e.set("role", editor.role)
        e.text = editor.name
    pub = etree.SubElement(file_desc, clark("publicationStmt"))
    if volume.publication_date:
        d = etree.SubElement(pub, clark("date"), type="publication-date")
        d.text = volume.publication_date
    else:
        etree.SubElement(pub, clark("p"))
    etree.SubElement(etree.SubElement(file_desc, clark("sourceDesc")), clark("p"))
    if volume.coverage is not None:
        xeno = etree.SubElement(header, clark("xenoData"))
        cov = etree.SubElement(xeno, f"{{{FRUS}}}coverage")
        if volume.coverage.not_before:
            cov.set("notBefore", volume.coverage.not_before)
        if volume.coverage.not_after:
            cov.set("notAfter", volume.coverage.not_after)
    return header
