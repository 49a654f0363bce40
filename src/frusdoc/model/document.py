"""Documents and their notes."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Literal

import attrs

from frusdoc import _args
from frusdoc.errors import AmbiguousNoteError, DateValueError, NoteNotFoundError
from frusdoc.model._checks import checked
from frusdoc.model.blocks import Attachment, Block
from frusdoc.model.inlines import Attributes, Inline
from frusdoc.model.targets import document_url

__all__ = ["DateRange", "Document", "Note", "NoteStyle", "TextLayout"]

NoteStyle = Literal["numbered", "arrow"]
"""How a page marks its notes: numbered markers, or arrow footnotes closed by ``↩``."""


# What TEI's xs:dateTime allows and FRUS writes: a full date and time with an
# offset or Z. A date alone or a time without offset names no instant, so it is
# refused rather than guessed (datetime.fromisoformat would read either).
_DATE_TIME = re.compile(r"-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})")


def _instant(value: str | None, field: str) -> datetime | None:
    if value is None:
        return None
    if type(value) is str and _DATE_TIME.fullmatch(value):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass  # well formed but out of range: 1962-02-30, 24:00
    raise DateValueError(
        f"DateRange.{field} is {value!r}, not an ISO 8601 date-time with offset "
        "such as '1962-03-09T00:00:00-05:00'"
    )


@attrs.frozen(kw_only=True, field_transformer=checked)
class DateRange:
    """The span of time a document or division covers (TEI
    ``frus:doc-dateTime-min``/``-max``), ISO 8601 with offset.

    The strings are kept as written; :attr:`start` and :attr:`end` are the
    same values as timezone-aware :class:`~datetime.datetime`, with the offset
    written (FRUS writes ``-05:00`` all year; see ``docs/model.md`` for what
    the instants mean).
    """

    not_before: str | None = None
    not_after: str | None = None

    @property
    def start(self) -> datetime | None:
        """``not_before`` as an aware datetime, ``None`` when unknown.

        Raises :class:`~frusdoc.DateValueError` (a ``ValueError``) when the value
        is not an ISO 8601 date-time with offset.
        """
        return _instant(self.not_before, "not_before")

    @property
    def end(self) -> datetime | None:
        """``not_after`` as an aware datetime, ``None`` when unknown (same errors as :attr:`start`)."""
        return _instant(self.not_after, "not_after")


@attrs.frozen(kw_only=True, field_transformer=checked)
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


@attrs.frozen(kw_only=True, field_transformer=checked)
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


@attrs.frozen(kw_only=True, field_transformer=checked)
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

        Raises :class:`~frusdoc.NoteNotFoundError` (a ``KeyError``) when there is
        none, and :class:`~frusdoc.AmbiguousNoteError` (a ``LookupError``) naming
        the candidates' ids when several notes print ``label``: look those up by
        id, or take them all with :meth:`notes_labelled`.
        """
        _args.expect_str("Document.note(label)", label)
        fits = self.notes_labelled(label)
        if len(fits) == 1:
            return fits[0]
        if fits:
            where = f"document {self.id}" if self.id else "this document"
            raise AmbiguousNoteError(
                label, fits, where=where, hint=f"ask by id, or for all of them with notes_labelled({label!r})"
            )
        for note in self.notes:
            if note.id == label:
                return note
        known = ", ".join(repr(n.label) for n in self.notes if n.label is not None)
        where = f"document {self.id}" if self.id else "this document"
        raise NoteNotFoundError(f"{where} has no note labelled {label!r} (labels: {known or 'none'})")

    def notes_labelled(self, label: str) -> tuple[Note, ...]:
        """Every note printed with ``label``, in document order (none, one, or
        several where the document prints a label twice)."""
        _args.expect_str("Document.notes_labelled(label)", label)
        return tuple(n for n in self.notes if n.label == label)

    @property
    def url(self) -> str | None:
        """The document's history.state.gov address
        (``https://history.state.gov/historicaldocuments/frus1961-63v15/d1``),
        ``None`` when its volume or id is unknown."""
        return document_url(self.volume, self.id)

    @property
    def source_note(self) -> Note | None:
        """The source note (``kind == "source"``), if the document has one."""
        return next((n for n in self.notes if n.kind == "source"), None)

    @property
    def attachments(self) -> tuple[Attachment, ...]:
        """The document's top-level attachments and enclosures."""
        return tuple(b for b in self.blocks if isinstance(b, Attachment))
