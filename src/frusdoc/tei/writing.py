"""Writing FRUS TEI: documents and volumes, from the model's fields.

What is written comes from the model: a volume's header facts from its typed
fields (applied over the raw rest of ``teiHeader``), its persons and terms
lists from :attr:`~frusdoc.Volume.persons` and :attr:`~frusdoc.Volume.terms`,
notes at their markers. Written XML is always well-formed; a value XML cannot
hold is refused with a :class:`~frusdoc.FrusdocError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from lxml import etree

from frusdoc import _args
from frusdoc import model as m
from frusdoc.pairing import NoteMatcher
from frusdoc.tei.names import FRUS, TEI, clark
from frusdoc.tei.people import reconcile
from frusdoc.tei.reader import F_MAX, F_MIN, F_PAGE, F_VOLUME, XML_ID
from frusdoc.tei.writer import NSMAP, Writer, volume_note_sources

__all__ = ["leading_notes", "write_document", "write_volume"]

_XWS = " \t\r\n"
_WS = re.compile(r"[ \t\r\n]+")
_NS = {"t": TEI, "frus": FRUS}


def _misread_first(holder: Any) -> bool:
    """Would a reader take the first of these elements for the document's title
    (a bare ``head``) or for a note no marker refers to (a ``note`` that no
    text follows)? Only then does a document without a title need ``<head/>``."""
    if (holder.text or "").strip(_XWS) or not len(holder):
        return False
    first = holder[0]
    if first.tag == clark("head"):
        return not first.attrib
    return bool(first.tag == clark("note") and not (first.tail or "").strip(_XWS))


# -- documents --------------------------------------------------------------------


def leading_notes(doc: m.Document) -> list[int]:
    """The notes no marker refers to, by index: they are written before the heading.

    Found by pairing markers with notes in writing order; the notes are then
    paired again in document order (these notes first) when writing.
    """
    _args.expect_node("leading_notes(doc)", doc, m.Document)
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
    if not doc.title and _misread_first(holder):
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

    ``read_document(write_document(d))`` gives back :func:`frusdoc.tei.normalize`
    of ``d`` (``d`` itself when it is in TEI normal form, as every document read
    from TEI is). ``volume`` and ``page`` are written as ``frus:volume`` and
    ``frus:page``; the plain-text layout is not part of TEI.
    """
    _args.expect_node("tei.write_document(doc)", doc, m.Document)
    if not isinstance(doc, m.Document):
        raise _args.ArgumentTypeError(f"write_document expects a Document, got {type(doc).__name__}")
    try:
        el = _document(doc, standalone=True)
    except ValueError as exc:  # lxml refuses characters XML cannot hold
        raise _args.ArgumentValueError(f"document {doc.id or ''} cannot be written as XML: {exc}") from None
    _check_ids(el, f"document {doc.id or ''}")
    return _serialise(el)


def _check_ids(root: Any, what: str) -> None:
    """Refuse to write two elements with one ``xml:id``: the XML would not be valid TEI."""
    seen: dict[str, str] = {}
    for el in root.iter():
        value = el.get(XML_ID) if isinstance(el.tag, str) else None
        if value is None:
            continue
        name = etree.QName(el).localname
        if value in seen:
            raise _args.ArgumentValueError(
                f"{what} cannot be written as TEI: xml:id {value!r} is used twice "
                f"(by a <{seen[value]}> and by a <{name}>); ids must be unique"
            )
        seen[value] = name


# -- divisions and volumes --------------------------------------------------------

Child = m.Division | m.Document | m.PageBreak | m.RawBlock


def matcher_for(notes: tuple[m.Note, ...], nodes: Iterable[object]) -> NoteMatcher:
    """A matcher for the notes of a division or volume, the notes that the
    markers in ``nodes`` name by id reserved (as for a document)."""
    return NoteMatcher.for_notes(notes, nodes)


def structural_nodes(div: m.Division) -> list[object]:
    """What a division's own notes are referenced from: its heading, blocks and raw children."""
    return [*div.title, *div.blocks, *(c for c in div.children if isinstance(c, m.RawBlock))]


def _child(parent: Any, node: Child, writer: Writer) -> None:
    if isinstance(node, m.Document):
        parent.append(_document(node, standalone=False))
    elif isinstance(node, m.Division):
        parent.append(_division(node))
    elif isinstance(node, m.PageBreak):
        parent.append(writer.inline(node))
    elif isinstance(node, m.RawBlock):
        writer.block(parent, node)
    else:
        raise _args.ArgumentValueError(f"not a division, document, page break or raw block: {type(node).__name__}")


def _division(div: m.Division) -> Any:
    if div.kind == "document":
        raise _args.ArgumentValueError(
            f"division {div.id or ''}: kind 'document' is a Document, not a Division (TEI reads it as one)"
        )
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
    writer = Writer(matcher_for(div.notes, structural_nodes(div)))
    holder = etree.Element("holder")
    if div.title:
        writer.inlines(etree.SubElement(holder, clark("head")), div.title)
    elif not div.title and div.blocks and _starts_with_head(div.blocks[0]):
        holder.append(etree.Element(clark("head")))  # else the heading would read back as the title
    writer.blocks(holder, div.blocks)
    children = etree.Element("children")
    for child in div.children:
        _child(children, child, writer)
    while (note := writer.matcher.take_unused()) is not None:
        holder.append(writer.note(note))  # a note no marker refers to: it ends the blocks
    _move_content(holder, el)
    _move_content(children, el)
    return el


def _move_content(source: Any, target: Any) -> None:
    """Append the text and children of ``source`` to the end of ``target``."""
    if source.text:
        if len(target):
            target[-1].tail = (target[-1].tail or "") + source.text
        else:
            target.text = (target.text or "") + source.text
    for child in list(source):
        target.append(child)


def _starts_with_head(block: m.Block) -> bool:
    return isinstance(block, m.Heading) and not block.extra


def _part_attributes(volume: m.Volume) -> dict[str, m.Attributes]:
    out: dict[str, m.Attributes] = {}
    for entry in volume.part_attributes:
        out.setdefault(entry.part, entry.attributes)
    return out


def write_volume(volume: m.Volume) -> str:
    """A :class:`Volume` as a TEI file (a string of XML, with its declaration).

    Everything written comes from the volume's fields: the header facts
    (``title``, ``titles``, ``editors``, ``publication_date``, ``coverage``)
    are applied over the raw ``header`` (or make a new one), the persons and
    terms lists are written from ``persons`` and ``terms``, and what stood
    outside the parts (``outside``) goes back where it was.
    ``read_volume(write_volume(v)) == normalize(v)``.
    """
    _args.expect_node("tei.write_volume(volume)", volume, m.Volume)
    if not isinstance(volume, m.Volume):
        raise _args.ArgumentTypeError(f"write_volume expects a Volume, got {type(volume).__name__}")
    volume = reconcile(volume)
    try:
        root = _volume(volume)
        _check_ids(root, f"volume {volume.id}")
        prolog = [_special(o.node, o.place) for o in volume.outside if o.place == "prolog"]
        epilog = [_special(o.node, o.place) for o in volume.outside if o.place == "epilog"]
        body = _serialise(root)
    except ValueError as exc:
        raise _args.ArgumentValueError(f"volume {volume.id} cannot be written as XML: {exc}") from None
    pieces = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        *(p + "\n" for p in prolog),
        body,
        *("\n" + e for e in epilog),
    ]
    return "".join(pieces) + "\n"


def _special(node: m.PageBreak | m.RawBlock, place: str) -> str:
    if not isinstance(node, m.RawBlock) or node.tag not in ("#comment", "#pi"):
        raise _args.ArgumentValueError(
            f"only comments and processing instructions can stand in the {place} of a TEI file"
        )
    holder = etree.Element("holder")
    Writer(NoteMatcher([])).block(holder, node)
    return _serialise(holder[0]).rsplit(">", 1)[0] + ">" if len(holder) else ""


def _volume(volume: m.Volume) -> Any:
    root = etree.Element(clark("TEI"), nsmap=NSMAP)
    root.set(XML_ID, volume.id)
    for name, value in volume.extra:
        root.set(name, value)
    # The volume's own notes are referenced from the header, from what stands
    # outside the parts, and from raw nodes directly in a part.
    sources = volume_note_sources(
        volume.header, (o.node for o in volume.outside), volume.front + volume.body + volume.back
    )
    writer = Writer(matcher_for(volume.notes, sources))
    outside: dict[str, list[m.PageBreak | m.RawBlock]] = {}
    for entry in volume.outside:
        outside.setdefault(entry.place, []).append(entry.node)

    def place(parent: Any, name: str) -> None:
        for node in outside.get(name, ()):
            _child(parent, node, writer)

    place(root, "before-header")
    if volume.header is not None:
        writer.block(root, volume.header)
        apply_header(root[-1], volume)
    elif (
        volume.title is not None
        or volume.titles
        or volume.editors
        or volume.publication_date is not None
        or volume.coverage
    ):
        root.append(_header(volume))  # a header made from the facts (none is written without any)
    place(root, "after-header")
    text = etree.SubElement(root, clark("text"))
    attributes = _part_attributes(volume)
    for name, value in attributes.get("text", ()):
        text.set(name, value)
    place(text, "text-start")
    for name, part in (("front", volume.front), ("body", volume.body), ("back", volume.back)):
        if part or name in attributes:
            part_el = etree.SubElement(text, clark(name))
            for key, value in attributes.get(name, ()):
                part_el.set(key, value)
            for child in part:
                _child(part_el, child, writer)
        place(text, f"after-{name}")
    place(root, "after-text")
    while (note := writer.matcher.take_unused()) is not None:
        root.append(writer.note(note))  # a note no marker refers to ends the file
    return root


# -- the header -------------------------------------------------------------------


def _text_of(el: Any) -> str:
    return _WS.sub(" ", "".join(el.itertext())).strip(_XWS)


def _set_text(el: Any, text: str) -> None:
    if _text_of(el) != text:
        for child in list(el):
            el.remove(child)
        el.text = text


def _sync(
    parent: Any, tag: str, wanted: list[tuple[str, str | None]], kind_attr: str, after: str | None
) -> None:
    """Make the ``tag`` children of ``parent`` say ``wanted`` (text, and type or role), in order.

    An element that already says it is left exactly as it is; new ones follow
    the last existing one (or the last ``after`` element, or start ``parent``).
    """
    existing = parent.findall(f"t:{tag}", _NS)
    for el, (text, kind) in zip(existing, wanted, strict=False):
        _set_text(el, text)
        if el.get(kind_attr) != kind:
            if kind is None:
                del el.attrib[kind_attr]
            else:
                el.set(kind_attr, kind)
    for el in existing[len(wanted) :]:
        parent.remove(el)
    kept = existing[: len(wanted)]
    anchor = kept[-1] if kept else (parent.findall(f"t:{after}", _NS) or [None])[-1] if after else None
    for text, kind in wanted[len(existing) :]:
        new = etree.Element(clark(tag))
        if kind is not None:
            new.set(kind_attr, kind)
        new.text = text
        if anchor is None:
            parent.insert(0, new)
        else:
            anchor.addnext(new)
        anchor = new


def _titles(volume: m.Volume) -> list[tuple[str, str | None]]:
    titles = [(t.text, t.kind) for t in volume.titles]
    if volume.title is not None:
        index = next((i for i, (_, kind) in enumerate(titles) if kind == "complete"), None)
        if index is not None:
            titles[index] = (volume.title, "complete")
        elif titles:
            titles[0] = (volume.title, titles[0][1])
        else:
            titles.append((volume.title, "complete"))
    return titles


def apply_header(header: Any, volume: m.Volume) -> None:
    """Write the volume's typed header facts over the raw ``teiHeader`` element ``header``."""
    titles, editors = _titles(volume), [(e.name, e.role) for e in volume.editors]
    file_desc = _child_el(header, "fileDesc", 0, create=bool(titles or editors or volume.publication_date))
    title_stmt = _child_el(file_desc, "titleStmt", 0, create=bool(titles or editors))
    if title_stmt is not None:
        _sync(title_stmt, "title", titles, "type", None)
        _sync(title_stmt, "editor", editors, "role", "title")
    pub = _child_el(file_desc, "publicationStmt", 1, create=volume.publication_date is not None)
    dates = pub.findall("t:date", _NS) if pub is not None else []
    pub_date = next((d for d in dates if d.get("type") in (None, "publication-date")), None)
    if pub_date is not None and (_text_of(pub_date) or None) == volume.publication_date:
        pass  # says it already
    elif volume.publication_date is None:
        if pub_date is not None:
            pub.remove(pub_date)
    elif pub_date is None:
        etree.SubElement(pub, clark("date"), type="publication-date").text = volume.publication_date
    else:
        _set_text(pub_date, volume.publication_date)
    coverage = header.find("t:xenoData/frus:coverage", _NS)
    if coverage is None:
        coverage = next((d for d in dates if d.get("type") == "content-date"), None)
    want = volume.coverage
    if coverage is None and want is not None and (want.not_before or want.not_after):
        coverage = etree.SubElement(etree.SubElement(header, clark("xenoData")), f"{{{FRUS}}}coverage")
    if coverage is not None:
        for attr, value in (
            ("notBefore", want.not_before if want else None),
            ("notAfter", want.not_after if want else None),
        ):
            if value is None:
                coverage.attrib.pop(attr, None)
            elif coverage.get(attr) != value:
                coverage.set(attr, value)


def _child_el(parent: Any, name: str, index: int, *, create: bool) -> Any:
    """The ``name`` child of ``parent``; made (at ``index``) only when ``create``: a
    header is given no element that has nothing to say."""
    found = parent.find(f"t:{name}", _NS) if parent is not None else None
    if found is None and create and parent is not None:
        found = etree.Element(clark(name))
        parent.insert(min(index, len(parent)), found)
    return found


def _header(volume: m.Volume) -> Any:
    header = etree.Element(clark("teiHeader"))
    file_desc = etree.SubElement(header, clark("fileDesc"))
    etree.SubElement(file_desc, clark("titleStmt"))
    etree.SubElement(file_desc, clark("publicationStmt"))
    etree.SubElement(etree.SubElement(file_desc, clark("sourceDesc")), clark("p"))
    apply_header(header, volume)
    return header
