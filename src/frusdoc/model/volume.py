"""Volumes: the header facts, the persons and terms lists, and the tree of divisions."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from frusdoc.model.blocks import Block
from frusdoc.model.document import DateRange, Document
from frusdoc.model.inlines import Attributes, Inline

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
    ``children`` the divisions and documents inside it.
    """

    kind: str
    title: tuple[Inline, ...] = ()
    id: str | None = None
    subtype: str | None = None
    date: DateRange | None = None
    blocks: tuple[Block, ...] = ()
    children: tuple[Division | Document, ...] = ()
    extra: Attributes = ()


@attrs.frozen(kw_only=True)
class Volume:
    """A FRUS volume (``frus1942v03``).

    ``divisions`` is the tree of the volume; :attr:`documents` lists its
    documents in order.
    """

    id: str
    title: str | None = None
    titles: tuple[Title, ...] = ()
    editors: tuple[Editor, ...] = ()
    publication_date: str | None = None
    coverage: DateRange | None = None
    persons: tuple[Person, ...] = ()
    terms: tuple[Term, ...] = ()
    divisions: tuple[Division | Document, ...] = ()
    extra: Attributes = ()

    @property
    def documents(self) -> tuple[Document, ...]:
        """Every document of the volume, in order."""
        return tuple(self.iter_documents())

    def iter_documents(self) -> Iterator[Document]:
        """Every document of the volume, in order, without building a tuple."""
        stack: list[Iterator[Division | Document]] = [iter(self.divisions)]
        while stack:
            node = next(stack[-1], None)
            if node is None:
                stack.pop()
            elif isinstance(node, Document):
                yield node
            else:
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
