"""Documents and their notes."""

from __future__ import annotations

from typing import Literal

import attrs

from frusdoc.errors import NoteNotFoundError
from frusdoc.model.blocks import Attachment, Block
from frusdoc.model.inlines import Attributes, Inline

__all__ = ["DateRange", "Document", "Note", "NoteStyle", "TextLayout"]

NoteStyle = Literal["numbered", "arrow"]


@attrs.frozen(kw_only=True)
class DateRange:
    """The span of time a document or division covers (TEI
    ``frus:doc-dateTime-min``/``-max``), ISO 8601 with offset."""

    not_before: str | None = None
    not_after: str | None = None


@attrs.frozen(kw_only=True)
class Note:
    """A footnote or source note.

    ``label`` is the printed marker (``80``, ``0``, ``84a``, ``*``), ``None`` for
    an unmarked note such as the 1918 inline source line ``File No. 861.77/451``;
    ``id`` the TEI ``xml:id`` (``d1fn0``); ``kind`` the TEI ``@type``
    (``source``); ``rend`` its rendition (``inline`` for a source line printed
    above the heading).
    """

    blocks: tuple[Block, ...] = ()
    label: str | None = None
    id: str | None = None
    kind: str | None = None
    rend: str | None = None
    extra: Attributes = ()


@attrs.frozen(kw_only=True)
class TextLayout:
    """How a plain-text page laid the document out, so it can be reproduced byte
    for byte. ``None`` on a document means the canonical layout.

    ``separators`` are the whitespace runs between the page's pieces (source
    line, heading, each block, each note), in order; ``leading`` and
    ``trailing`` what precedes the first piece and follows the last; ``list_styles`` the flavour of each top-level
    list in order (``bullet``, ``labels``, ``dash-labels``, ``dash``);
    ``note_style`` the footnote list's flavour; ``note_cut`` that the page
    ends inside its last arrow footnote, before the ``↩`` that closes it (an
    excerpt cut short; added in JSON format 1.1).
    """

    separators: tuple[str, ...] = ()
    leading: str = ""
    trailing: str = ""
    list_styles: tuple[str, ...] = ()
    note_style: NoteStyle = "numbered"
    note_cut: bool = False


@attrs.frozen(kw_only=True)
class Document:
    """One FRUS document: a telegram, memorandum, letter, editorial note, ….

    ``id`` is the TEI ``xml:id`` (``d545``), ``volume`` the volume id
    (``frus1942v03``), ``label`` the printed number (``545``), ``kind`` the TEI
    ``@subtype`` (``historical-document``, ``editorial-note``), ``title`` the
    heading, ``page`` the printed page the document starts on. Notes are listed
    in document order; each is referenced from the text by a :class:`NoteRef`
    with its label (unmarked source notes excepted).
    """

    title: tuple[Inline, ...] = ()
    blocks: tuple[Block, ...] = ()
    notes: tuple[Note, ...] = ()
    id: str | None = None
    volume: str | None = None
    label: str | None = None
    kind: str | None = None
    date: DateRange | None = None
    page: str | None = None
    layout: TextLayout | None = None
    extra: Attributes = ()

    def note(self, label: str) -> Note:
        """The note printed with ``label`` (``"80"``), or with that ``id`` (``"d1fn0"``).

        Raises :class:`~frusdoc.NoteNotFoundError` (a ``KeyError``) when there is none.
        """
        for note in self.notes:
            if note.label == label:
                return note
        for note in self.notes:
            if note.id == label:
                return note
        known = ", ".join(repr(n.label) for n in self.notes if n.label is not None)
        where = f"document {self.id}" if self.id else "this document"
        raise NoteNotFoundError(f"{where} has no note labelled {label!r} (labels: {known or 'none'})")

    @property
    def source_note(self) -> Note | None:
        """The source note (``kind == "source"``), if the document has one."""
        return next((n for n in self.notes if n.kind == "source"), None)

    @property
    def attachments(self) -> tuple[Attachment, ...]:
        """The document's top-level attachments and enclosures."""
        return tuple(b for b in self.blocks if isinstance(b, Attachment))
