"""Inline nodes: the runs of text inside paragraphs, headings, notes and cells.

Children are tuples of :data:`Inline`. Each node that comes from a TEI element
carries ``extra``: the element's attributes the model does not name, so that a
TEI round trip loses nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Union

import attrs

from frusdoc.errors import ModelTypeError, ModelValueError
from frusdoc.model._checks import checked
from frusdoc.model.targets import Target

if TYPE_CHECKING:
    from frusdoc.model.blocks import Block

__all__ = [
    "Attributes",
    "DateText",
    "Emendation",
    "EmendationKind",
    "EmendationStatus",
    "Embedded",
    "Emphasis",
    "Gap",
    "Inline",
    "LineBreak",
    "Name",
    "NameKind",
    "NoteRef",
    "PageBreak",
    "PageKind",
    "RawInline",
    "Reference",
    "Text",
]

Attributes = tuple[tuple[str, str], ...]
"""Attributes as ``(name, value)`` pairs in source order (names in Clark notation
``{namespace}local`` when namespaced)."""

NameKind = Literal["person", "place", "term", "gloss"]
"""What a :class:`Name` names: a person, a place, a term, or a glossed office."""
EmendationKind = Literal["ocr", "typo", "editorial", "regularisation", "supplied"]
"""What an :class:`Emendation` corrects: an OCR slip, a typing error, an editorial change, a regularisation, or supplied text."""
EmendationStatus = Literal["proposed", "accepted", "rejected"]
"""Where an :class:`Emendation` stands: proposed, accepted or rejected."""
PageKind = Literal["page", "facsimile", "typeset"]
"""What a page break starts: a page of the volume (``[Page 543]``), or, in the
microfiche supplements, a facsimile (``[Facsimile Page 1]``) or a typeset page
(``[Typeset Page 1]``)."""


def _quantize(value: float | None) -> float | None:
    # Confidences are kept to thousandths: finer precision means nothing for a
    # human judgement, and short decimals serialise identically in every JSON
    # library (no "1e-07" versus "1e-7").
    if value is None:
        return None
    if type(value) not in (int, float):  # bool is an int but no confidence; "0.5" is no number
        raise ModelTypeError("Emendation", "confidence", "a number between 0 and 1, or None", value)
    return round(float(value), 3)


def _check_confidence(inst: object, _attr: object, value: float | None) -> None:
    # A float the converter made, so only the range is left to check (NaN is
    # refused here too: it is between nothing).
    if value is not None and not 0.0 <= value <= 1.0:
        raise ModelValueError(type(inst).__name__, "confidence", "a number between 0 and 1", value)


@attrs.frozen(kw_only=True, field_transformer=checked)
class Text:
    """A run of characters, exactly as printed."""

    text: str


@attrs.frozen(kw_only=True, field_transformer=checked)
class Emphasis:
    """Highlighted text; ``rend`` is the TEI rendition (``italic``, ``smallcaps``, ``strong``)."""

    rend: str
    children: tuple[Inline, ...] = ()
    extra: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class NoteRef:
    """The point where a footnote is referenced.

    ``label`` is the printed marker (``80``, ``0``, ``84a``, ``*``); ``note`` is
    the id of the :class:`~frusdoc.Note` when it has one.
    """

    label: str
    note: str | None = None


@attrs.frozen(kw_only=True, field_transformer=checked)
class PageBreak:
    """The start of a printed page.

    ``label`` is the page number as printed (``543``, ``VII``, ``[VI]``); ``id``
    the TEI anchor (``pg_543``); ``facs`` the scan image number; ``kind`` the
    kind of page (:data:`PageKind`: ``page``, or the microfiche supplements'
    ``facsimile`` and ``typeset`` pages). One field rather than a flag per kind:
    JSON format 1.0 had ``facsimile: true``, which format 1.1 still reads.
    """

    label: str
    id: str | None = None
    facs: str | None = None
    kind: PageKind = "page"
    extra: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class LineBreak:
    """A line break inside a block (TEI ``lb``, or a hard-wrapped line of a page)."""

    extra: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class Reference:
    """A cross-reference: the text shown (``children``) and where it points (``target``)."""

    target: Target
    children: tuple[Inline, ...] = ()
    extra: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class Name:
    """A person, place, term or glossed office named in the text.

    ``ref`` is the id of the entry in the volume's persons or terms list
    (``p_SJF1``, ``t_GDR1``) without the leading ``#``; ``role`` is the TEI
    ``@type`` (``from``, ``to``) of a heading's sender or recipient.
    """

    kind: NameKind
    children: tuple[Inline, ...] = ()
    ref: str | None = None
    role: str | None = None
    extra: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class DateText:
    """A date as printed, with its machine-readable value.

    ``when`` is local time without offset, as FRUS encodes it
    (``1918-09-13T12:00:00``); ``not_before``/``not_after`` bound an uncertain
    date; ``kind`` is the TEI ``@type`` (``conversation-or-meeting-date``).
    """

    children: tuple[Inline, ...] = ()
    when: str | None = None
    not_before: str | None = None
    not_after: str | None = None
    calendar: str | None = None
    kind: str | None = None
    extra: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class Emendation:
    """A correction of the printed text that keeps both readings.

    ``original`` is what the source prints; ``corrected`` what it should read.
    Renderers choose a reading; nothing is ever overwritten. ``confidence`` is
    between 0 and 1 (kept to thousandths); ``resp`` names who or what proposed
    it (``frusdoc.emend``, an editor's initials); ``reason`` says why.
    """

    original: tuple[Inline, ...]
    corrected: tuple[Inline, ...]
    kind: EmendationKind = "ocr"
    status: EmendationStatus = "proposed"
    confidence: float | None = attrs.field(default=None, converter=_quantize, validator=_check_confidence)
    resp: str | None = None
    reason: str | None = None
    id: str | None = None


@attrs.frozen(kw_only=True, field_transformer=checked)
class Gap:
    """Omitted or withheld material; ``children`` is what the page shows in its place."""

    children: tuple[Inline, ...] = ()
    reason: str | None = None
    extent: str | None = None
    extra: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class Embedded:
    """Block-level content inside a paragraph: TEI allows a ``<list>``,
    ``<quote>`` or ``<table>`` inside ``<p>``, and FRUS uses it (1918 d405
    embeds a whole memorandum)."""

    block: Block


@attrs.frozen(kw_only=True, field_transformer=checked)
class RawInline:
    """An inline element frusdoc does not model, kept whole (tag, attributes, content)."""

    tag: str
    attributes: Attributes = ()
    children: tuple[Inline, ...] = ()


Inline = Union[
    Text,
    Emphasis,
    NoteRef,
    PageBreak,
    LineBreak,
    Reference,
    Name,
    DateText,
    Emendation,
    Gap,
    Embedded,
    RawInline,
]
"""Any inline node."""

# Embedded's annotation (Block) is resolved by frusdoc.model.blocks, which
# imports this module: blocks and inlines refer to each other.
for _cls in (Emphasis, Reference, Name, DateText, Emendation, Gap, RawInline):
    attrs.resolve_types(_cls, globals(), locals())
del _cls
