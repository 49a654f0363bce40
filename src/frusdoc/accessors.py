"""What a downstream tool asks of a document first, beyond its fields: its
source note parsed as a citation, the names it prints, the persons-list
entries of the persons it names, its senders and recipients.

These live here rather than on :class:`~frusdoc.Document` because they need
layers above the model: the citation grammar (:mod:`frusdoc.citations`) and
traversal (:mod:`frusdoc.tree`) both import the model, so a model property
could reach them only through an import deferred to call time, which hides a
cycle instead of removing it (DESIGN §6: data flows one way). What needs
nothing but the model is on the model: :attr:`DateRange.start
<frusdoc.DateRange.start>`/``end``, :attr:`Document.url
<frusdoc.Document.url>`, :meth:`Document.note <frusdoc.Document.note>`,
:meth:`Volume.document <frusdoc.Volume.document>`.
"""

from __future__ import annotations

from frusdoc import citations
from frusdoc import model as m
from frusdoc.errors import NodeTypeError
from frusdoc.tags import TAG_OF_CLASS
from frusdoc.tree import Node, plain_text, walk

__all__ = ["names", "person_mentions", "persons", "recipients", "senders", "source_citation"]


def _expect(value: object, cls: type, what: str) -> None:
    # A wrong argument says what was expected, rather than an AttributeError deep inside.
    if not isinstance(value, cls):
        raise NodeTypeError(f"{what} must be a {cls.__name__}, not {type(value).__name__}")


def source_citation(document: m.Document) -> citations.Citation | None:
    """The document's source note (:attr:`Document.source_note
    <frusdoc.Document.source_note>`) parsed by :func:`frusdoc.citations.parse`:
    a :class:`~frusdoc.citations.SourceNote` for a ``Source: …`` note
    (repository, collection, locators, classification, remarks, the file
    citations inside), a :class:`~frusdoc.citations.DecimalFile` for the 1918
    source line ``File No. 861.77/451``, :class:`~frusdoc.citations.Unknown`
    for a form the grammar does not know; ``None`` without a source note.
    ``str()`` of the result is the note's :func:`~frusdoc.plain_text`.
    """
    _expect(document, m.Document, "source_citation(document)")
    note = document.source_note
    return None if note is None else citations.parse(plain_text(note))


def names(node: Node, *, kind: m.NameKind | None = None) -> list[m.Name]:
    """Every :class:`~frusdoc.Name` below ``node`` (for a document: in its
    title, blocks and notes), in document order, names inside names included;
    only those of ``kind`` (``person``, ``place``, ``term``, ``gloss``) when given."""
    if type(node) not in TAG_OF_CLASS:
        raise NodeTypeError(f"names(node) takes a model node, not {type(node).__name__}")
    return [n for _, n in walk(node) if isinstance(n, m.Name) and (kind is None or n.kind == kind)]


def _heading_names(document: m.Document, role: str) -> tuple[m.Name, ...]:
    _expect(document, m.Document, "document")
    return tuple(n for n in names(m.Heading(inlines=document.title)) if n.role == role)


def senders(document: m.Document) -> tuple[m.Name, ...]:
    """The names the document's heading marks as its sender (TEI
    ``persName``/``gloss`` with ``type="from"``: :attr:`Name.role
    <frusdoc.Name.role>` ``"from"``), in order: a person (``Kennedy``, with its
    ``ref``) or an office (``Secretary of State``, a ``gloss``); usually one,
    several when a heading names several, none when it marks none."""
    return _heading_names(document, "from")


def recipients(document: m.Document) -> tuple[m.Name, ...]:
    """The names the document's heading marks as its recipient
    (``type="to"``), like :func:`senders`."""
    return _heading_names(document, "to")


def person_mentions(document: m.Document, volume: m.Volume) -> list[tuple[m.Name, m.Person | None]]:
    """Every person the document names (title, blocks and notes), in document
    order, with its entry in ``volume.persons``: ``None`` when the name has no
    ``ref`` or its ``ref`` is not in the list (``frusdoc.check`` reports the
    latter, rule FD012)."""
    _expect(document, m.Document, "person_mentions(document, volume): document")
    _expect(volume, m.Volume, "person_mentions(document, volume): volume")
    entries = {p.id: p for p in volume.persons}
    return [(n, entries.get(n.ref) if n.ref else None) for n in names(document, kind="person")]


def persons(document: m.Document, volume: m.Volume) -> list[m.Person]:
    """The entries of ``volume.persons`` the document names, each once, in
    the order of their first mention."""
    seen: dict[str, m.Person] = {}
    for _, person in person_mentions(document, volume):
        if person is not None:
            seen.setdefault(person.id, person)
    return list(seen.values())
