"""Volumes: the header facts, the persons and terms lists, and the tree of divisions."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from frusdoc.model.blocks import Block, RawBlock
from frusdoc.model.document import DateRange, Document
from frusdoc.model.inlines import Attributes, Inline, PageBreak

__all__ = ["Division", "Editor", "Person", "Term", "Title", "Volume"]


@attrs.frozen(kw_only=True)
class Person:
    """An entry of the volume's list of principal persons (``p_LR1``)."""

    id: str
    name: str
    description: tuple[Inline, ...] = ()


@attrs.frozen(kw_only=True)
class Term:
    """An entry of the volume's list of abbreviations (``t_ACA1``)."""

    id: str
    term: str
    description: tuple[Inline, ...] = ()


@attrs.frozen(kw_only=True)
class Title:
    """A typed title of the volume (``complete``, ``series``, ``volume-number``, …)."""

    text: str
    kind: str | None = None


@attrs.frozen(kw_only=True)
class Editor:
    """An editor of the volume with their role (``primary``, ``general``)."""

    name: str
    role: str | None = None


@attrs.frozen(kw_only=True)
class Division:
    """A section, compilation, chapter or subchapter of a volume.

    ``kind`` is the TEI ``@type`` (``compilation``, ``chapter``, ``section``),
    ``subtype`` its ``@subtype`` (``index``, ``table-of-contents``); ``blocks``
    the division's own content (front-matter prose, a persons list) and
    ``children`` the divisions and documents inside it, with the page breaks
    that fall between them (and, kept whole, any other element found there).
    """

    kind: str
    title: tuple[Inline, ...] = ()
    id: str | None = None
    subtype: str | None = None
    date: DateRange | None = None
    blocks: tuple[Block, ...] = ()
    children: tuple[Division | Document | PageBreak | RawBlock, ...] = ()
    extra: Attributes = ()


@attrs.frozen(kw_only=True)
class Volume:
    """A FRUS volume (``frus1942v03``).

    ``front``, ``body`` and ``back`` are the trees of the volume's front matter,
    body and back matter: divisions, documents and the page breaks between
    them; :attr:`divisions` is all three, :attr:`documents` lists every
    document in order. The header facts (titles, editors, publication date,
    coverage) are typed fields; ``header`` keeps the TEI ``teiHeader`` whole, so
    that writing TEI loses nothing.
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
    extra: Attributes = ()

    @property
    def divisions(self) -> tuple[Division | Document | PageBreak | RawBlock, ...]:
        """The front matter, body and back matter, in order."""
        return self.front + self.body + self.back

    @property
    def documents(self) -> tuple[Document, ...]:
        """Every document of the volume, in order."""
        return tuple(self.iter_documents())

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
        """The document with this id (``d12``); ``KeyError`` if there is none."""
        for doc in self.iter_documents():
            if doc.id == id:
                return doc
        raise KeyError(f"volume {self.id} has no document {id!r}")

    def person(self, id: str) -> Person | None:
        """The persons-list entry with this id, or ``None``."""
        return next((p for p in self.persons if p.id == id), None)

    def term(self, id: str) -> Term | None:
        """The terms-list entry with this id, or ``None``."""
        return next((t for t in self.terms if t.id == id), None)


attrs.resolve_types(Division, globals(), locals())
attrs.resolve_types(Volume, globals(), locals())
