"""What a cross-reference points at.

Every target keeps ``raw``: the reference exactly as the source wrote it (a TEI
``@target`` such as ``frus1961-63v14#d277``, or the prose ``Document 3``), so
nothing is lost when the parsed parts are incomplete or wrong. The parsed parts
are optional because real references are often partial (a page with no volume
means "this volume").
"""

from __future__ import annotations

import re
from typing import Union

import attrs

from frusdoc import _args
from frusdoc.errors import ModelValueError
from frusdoc.model._checks import checked

__all__ = [
    "ArchivalTarget",
    "DocumentTarget",
    "NoteTarget",
    "PageTarget",
    "PublicationTarget",
    "Target",
    "UnknownTarget",
    "UrlTarget",
    "VolumeTarget",
]

HSG = "https://history.state.gov/historicaldocuments"


def document_url(volume: str | None, document: str | None) -> str | None:
    """The history.state.gov address of a document (``{HSG}/frus1942v03/d545``),
    ``None`` unless both the volume and the document id are known: the one
    place the model builds document addresses."""
    return f"{HSG}/{volume}/{document}" if volume and document else None


@attrs.frozen(kw_only=True, field_transformer=checked)
class DocumentTarget:
    """A FRUS document: ``#d12``, ``frus1942v03#d5``, ``Document 3``.

    ``volume`` is ``None`` for a document of the same volume.
    """

    raw: str
    document: str
    volume: str | None = None

    @property
    def url(self) -> str | None:
        """The history.state.gov address, when the volume is known."""
        return document_url(self.volume, self.document)


@attrs.frozen(kw_only=True, field_transformer=checked)
class PageTarget:
    """A printed page: ``#pg_543``, ``p. 786``, ``frus1931-41v02#pg_117``."""

    raw: str
    page: str
    volume: str | None = None

    @property
    def url(self) -> str | None:
        """The history.state.gov address, when the volume is known."""
        return f"{HSG}/{self.volume}/pg_{self.page}" if self.volume else None


_NOTE_POINTER = re.compile(r"d\d+fn\w+")


@attrs.frozen(kw_only=True, field_transformer=checked)
class NoteTarget:
    """A footnote: ``#d59fn3``, ``frus1964-68v02#d337fn5``, ``footnote 3, Document 59``.

    A reference names a note by its id or by its printed label, and the two
    differ wherever ids drift from labels, so they are kept apart: ``id`` is
    the note's id (``d118fn85`` of the TEI pointer ``#d118fn85``), ``label``
    the label printed in prose (``3`` of ``footnote 3, Document 59``). Either
    may be unknown. ``document`` and ``volume`` are ``None`` for the same
    document and volume.

    Format 1.0 had one field ``note`` for both (the part after ``fn`` of a
    pointer, or the printed label); it is read as ``id`` when ``raw`` is a note
    pointer ending in it, as ``label`` otherwise (see ``docs/citations.md``).
    """

    raw: str
    id: str | None = None
    label: str | None = None
    document: str | None = None
    volume: str | None = None

    @staticmethod
    def legacy_fields(raw: object, note: str) -> dict[str, str]:
        """The 1.1 field (``id`` or ``label``) for a format 1.0 ``note`` value, told apart by ``raw``."""
        _args.expect_str("NoteTarget.legacy_fields(note)", note)
        anchor = raw.rpartition("#")[2] if isinstance(raw, str) and "#" in raw else ""
        if _NOTE_POINTER.fullmatch(anchor) and anchor.endswith("fn" + note):
            return {"id": anchor}
        return {"label": note}

    @property
    def url(self) -> str | None:
        """The address of the note's document, when volume and document are known."""
        if self.volume and self.document:
            anchor = self.label or (self.id.rpartition("fn")[2] if self.id else None)
            base = document_url(self.volume, self.document)
            return f"{base}#fn:{anchor}" if anchor else base
        return None


@attrs.frozen(kw_only=True, field_transformer=checked)
class VolumeTarget:
    """A whole FRUS volume: ``frus1961-63v06``."""

    raw: str
    volume: str

    @property
    def url(self) -> str | None:
        """The history.state.gov address of the volume."""
        return f"{HSG}/{self.volume}"


def _unique_names(inst: object, _attr: object, parts: tuple[tuple[str, str], ...]) -> None:
    # Runs after the type check, so parts is a tuple of string pairs here.
    names = [name for name, _ in parts]
    if len(set(names)) != len(names):
        raise ModelValueError(type(inst).__name__, "parts", "pairs with distinct names", parts)


@attrs.frozen(kw_only=True, field_transformer=checked)
class ArchivalTarget:
    """An archival citation: a decimal file, a lot file, a presidential library.

    ``scheme`` names the citation grammar (``decimal-file``, ``lot-file``,
    ``library``, …); ``parts`` holds its named components in source order, for
    example ``(("class", "740.0011"), ("subject", "European War 1939"),
    ("item", "21011a"))``.
    """

    raw: str
    scheme: str
    parts: tuple[tuple[str, str], ...] = attrs.field(default=(), validator=_unique_names)

    def part(self, name: str) -> str | None:
        """The value of a named component, or ``None``."""
        _args.expect_str("ArchivalTarget.part(name)", name)
        for key, value in self.parts:
            if key == name:
                return value
        return None

    @property
    def url(self) -> str | None:
        """Archival citations have no web address."""
        return None


@attrs.frozen(kw_only=True, field_transformer=checked)
class PublicationTarget:
    """A printed publication: ``Department of State Bulletin, June 13, 1942, p. 531``."""

    raw: str
    title: str
    volume: str | None = None
    page: str | None = None

    @property
    def url(self) -> str | None:
        """Publications outside FRUS have no address here."""
        return None


@attrs.frozen(kw_only=True, field_transformer=checked)
class UrlTarget:
    """An external address: ``https://…``."""

    raw: str

    @property
    def url(self) -> str | None:
        """The address itself."""
        return self.raw


@attrs.frozen(kw_only=True, field_transformer=checked)
class UnknownTarget:
    """A target frusdoc could not interpret, kept verbatim."""

    raw: str

    @property
    def url(self) -> str | None:
        """Unknown targets have no address."""
        return None


Target = Union[
    DocumentTarget,
    PageTarget,
    NoteTarget,
    VolumeTarget,
    ArchivalTarget,
    PublicationTarget,
    UrlTarget,
    UnknownTarget,
]
"""Any cross-reference target."""
