"""Volumes: the header facts, the persons and terms lists, and the tree of divisions."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal, Union

import attrs

from frusdoc import _args
from frusdoc.errors import DocumentNotFoundError
from frusdoc.model._checks import checked
from frusdoc.model.blocks import Block, RawBlock
from frusdoc.model.document import DateRange, Document, Note
from frusdoc.model.inlines import Attributes, Inline, PageBreak

__all__ = [
    "Division",
    "Editor",
    "DivisionChild",
    "Outside",
    "OutsideNode",
    "OutsidePlace",
    "Part",
    "PartAttributes",
    "Person",
    "Term",
    "Title",
    "Volume",
]

OutsidePlace = Literal[
    "prolog",
    "before-header",
    "after-header",
    "text-start",
    "after-front",
    "after-body",
    "after-back",
    "after-text",
    "epilog",
]
"""Where, outside the header and the three parts, a TEI volume held something."""

Part = Literal["text", "front", "body", "back"]
"""The part of a TEI volume a division stands in: ``text`` itself, or its ``front``, ``body`` or ``back``."""

OutsideNode = Union[PageBreak, RawBlock]
"""What can stand outside the parts: a page break, or anything else kept raw."""


@attrs.frozen(kw_only=True, field_transformer=checked)
class Person:
    """An entry of the volume's list of principal persons (``p_LR1``)."""

    id: str
    name: str
    description: tuple[Inline, ...] = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class Term:
    """An entry of the volume's list of abbreviations (``t_ACA1``)."""

    id: str
    term: str
    description: tuple[Inline, ...] = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class Title:
    """A typed title of the volume (``complete``, ``series``, ``volume-number``, …)."""

    text: str
    kind: str | None = None


@attrs.frozen(kw_only=True, field_transformer=checked)
class Editor:
    """An editor of the volume with their role (``primary``, ``general``)."""

    name: str
    role: str | None = None


@attrs.frozen(kw_only=True, field_transformer=checked)
class Division:
    """A section, compilation, chapter or subchapter of a volume.

    ``kind`` is the TEI ``@type`` (``compilation``, ``chapter``, ``section``),
    ``subtype`` its ``@subtype`` (``index``, ``table-of-contents``); ``blocks``
    the division's own content (front-matter prose, a persons list) and
    ``children`` the divisions and documents inside it, with the page breaks
    that fall between them (and, kept whole, any other element found there:
    comments as ``RawBlock(tag="#comment")``, stray text as ``"#text"``).
    ``notes`` are the notes of the heading, of the blocks and of raw children,
    in reading order, each referenced by a :class:`NoteRef` where it stood.
    """

    kind: str
    title: tuple[Inline, ...] = ()
    id: str | None = None
    subtype: str | None = None
    date: DateRange | None = None
    blocks: tuple[Block, ...] = ()
    children: tuple[Division | Document | PageBreak | RawBlock, ...] = ()
    notes: tuple[Note, ...] = ()
    extra: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class Outside:
    """Something a TEI volume held outside its header and its three parts:
    a page break between ``</front>`` and ``<body>``, a comment before the
    root, an element TEI allows beside ``<text>``. ``place`` says where, and
    the TEI writer puts it back there."""

    place: OutsidePlace
    node: OutsideNode


@attrs.frozen(kw_only=True, field_transformer=checked)
class PartAttributes:
    """The attributes of the volume's ``<text>``, ``<front>``, ``<body>`` or ``<back>``."""

    part: Part
    attributes: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class Volume:
    """A FRUS volume (``frus1942v03``).

    ``front``, ``body`` and ``back`` are the trees of the volume's front matter,
    body and back matter: divisions, documents and the page breaks between
    them; :attr:`divisions` is all three, :attr:`documents` lists every
    document in order. The header facts (titles, editors, publication date,
    coverage) are typed fields; ``header`` keeps the rest of the TEI
    ``teiHeader`` raw, and the typed fields win over it when TEI is written.
    ``persons`` and ``terms`` are the volume's lists of principal persons and
    abbreviations; the TEI writer writes the lists from them. ``outside`` holds
    what stood outside the header and the parts, ``notes`` the notes found
    there or in the header, ``part_attributes`` the attributes of ``<text>``
    and its parts.
    """

    id: str
    title: str | None = None
    titles: tuple[Title, ...] = ()
    editors: tuple[Editor, ...] = ()
    publication_date: str | None = None
    coverage: DateRange | None = None
    persons: tuple[Person, ...] = ()
    terms: tuple[Term, ...] = ()
    front: tuple[Division | Document | PageBreak | RawBlock, ...] = ()
    body: tuple[Division | Document | PageBreak | RawBlock, ...] = ()
    back: tuple[Division | Document | PageBreak | RawBlock, ...] = ()
    header: RawBlock | None = None
    outside: tuple[Outside, ...] = ()
    notes: tuple[Note, ...] = ()
    part_attributes: tuple[PartAttributes, ...] = ()
    extra: Attributes = ()

    @property
    def divisions(self) -> tuple[Division | Document | PageBreak | RawBlock, ...]:
        """The front matter, body and back matter, in order."""
        return self.front + self.body + self.back

    @property
    def documents(self) -> list[Document]:
        """Every document of the volume, in order (a new list at each call)."""
        return list(self.iter_documents())

    def iter_documents(self) -> Iterator[Document]:
        """Every document of the volume, in order, without building a tuple."""
        stack: list[Iterator[Division | Document | PageBreak | RawBlock]] = [iter(self.divisions)]
        while stack:
            node = next(stack[-1], None)
            if node is None:
                stack.pop()
            elif isinstance(node, Document):
                yield node
            elif isinstance(node, Division):
                stack.append(iter(node.children))

    def document(self, id: str) -> Document:
        """The document with this id (``d12``).

        Raises :class:`~frusdoc.DocumentNotFoundError` (a ``KeyError``) when there is none.
        """
        _args.expect_str("Volume.document(id)", id)
        for doc in self.iter_documents():
            if doc.id == id:
                return doc
        raise DocumentNotFoundError(f"volume {self.id} has no document {id!r}")

    def person(self, id: str) -> Person | None:
        """The persons-list entry with this id, or ``None``."""
        _args.expect_str("Volume.person(id)", id)
        return next((p for p in self.persons if p.id == id), None)

    def term(self, id: str) -> Term | None:
        """The terms-list entry with this id, or ``None``."""
        _args.expect_str("Volume.term(id)", id)
        return next((t for t in self.terms if t.id == id), None)


attrs.resolve_types(Division, globals(), locals())
attrs.resolve_types(Volume, globals(), locals())

DivisionChild = Union[Division, Document, PageBreak, RawBlock]
"""What a division (or a part of a volume) holds, in order."""
