"""The exceptions frusdoc raises.

Every error derives from :class:`FrusdocError` *and* from the builtin exception a
caller would naturally catch (``ValueError``, ``KeyError``), so code that knows
nothing of frusdoc still handles it sensibly.
"""

from __future__ import annotations

import reprlib
from collections.abc import Sequence

import attrs

__all__ = [
    "AmbiguousNoteError",
    "ArgumentTypeError",
    "ArgumentValueError",
    "DateValueError",
    "DocumentNotFoundError",
    "FormatVersionError",
    "FrusdocError",
    "ModelError",
    "ModelTypeError",
    "ModelValueError",
    "NodeTypeError",
    "NoteNotFoundError",
    "Problem",
    "ValidationError",
]


_repr = reprlib.Repr()
_repr.maxstring = 60
_repr.maxother = 60
_repr.maxlevel = 2
_repr.maxlist = _repr.maxtuple = _repr.maxdict = _repr.maxset = 3


def short_repr(value: object) -> str:
    """A repr of at most 80 characters for error messages: ``repr`` itself
    recurses (a list nested thousands deep raises ``RecursionError``) and
    would copy a 1 MB string into the message."""
    try:
        text = repr(value)
    except RecursionError:
        text = _repr.repr(value)  # reprlib stops at a few levels
    except Exception:  # noqa: BLE001 - a broken __repr__ must not hide the error being reported
        text = f"<{type(value).__name__} object>"
    return text if len(text) <= 80 else f"{text[:77]}..."


class FrusdocError(Exception):
    """Base class of every error raised by frusdoc."""


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with an input: where it is and what was expected there.

    ``path`` is a JSONPath-like location (``$.blocks[3].inlines[2].label``) for
    JSON input, or ``line 3, column 7`` for syntax errors.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ValidationError(FrusdocError, ValueError):
    """Input that does not describe a valid frusdoc value.

    ``problems`` lists every problem found, each with its location, so a caller
    can fix them all at once rather than one per run.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Sequence[Problem], *, summary: str = "invalid frusdoc JSON") -> None:
        self.problems = tuple(problems)
        self.summary = summary
        lines = [f"{summary}: {len(self.problems)} problem(s)"]
        lines.extend(f"  {p}" for p in self.problems)
        super().__init__("\n".join(lines))


class FormatVersionError(ValidationError):
    """JSON written by a newer, incompatible major version of the frusdoc format."""


class NoteNotFoundError(FrusdocError, KeyError):
    """A document has no note with the requested label or id."""

    def __str__(self) -> str:
        # KeyError's str() is the repr of its argument; we want the sentence.
        return str(self.args[0]) if self.args else "note not found"


class DocumentNotFoundError(FrusdocError, KeyError):
    """A volume has no document with the requested id."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "document not found"


class AmbiguousNoteError(FrusdocError, LookupError):
    """A printed note label that fits more than one note: a document that prints
    label ``2`` twice (frus1949v07p1 d2), a volume that restarts its numbering on
    every page. frusdoc never picks one.

    ``label`` is what was asked for (a label, or the reference as written),
    ``candidates`` the notes it fits in document order, ``target`` the
    cross-reference target when the lookup came from one
    (:func:`frusdoc.refs.resolve`). Ask for a note by its id instead, or for
    all of them with :meth:`~frusdoc.Document.notes_labelled`.
    """

    def __init__(
        self,
        label: str,
        candidates: Sequence[object],
        *,
        where: str | None = None,
        hint: str | None = None,
        target: object = None,
    ) -> None:
        self.label = label
        self.candidates = tuple(candidates)
        self.target = target
        ids = ", ".join(str(getattr(c, "id", None) or "?") for c in self.candidates)
        message = f"{label!r} fits {len(self.candidates)} notes ({ids})"
        message = f"{message} in {where}" if where else message
        super().__init__(f"{message}: {hint}" if hint else message)


class DateValueError(FrusdocError, ValueError):
    """A stored date that is not an ISO 8601 date-time with an offset
    (``1962-03-09T00:00:00-05:00``), so it names no instant."""


class ArgumentTypeError(FrusdocError, TypeError):
    """An argument of a public function of the wrong type. The message names the
    function and the parameter, says what was expected and shows what was given:
    ``set_gc_pause(enabled): expected True or False, got int 1``."""


class ArgumentValueError(FrusdocError, ValueError):
    """An argument of the right type and a value the function does not take
    (an empty identifier, a negative count); the message says which and why."""


class NodeTypeError(FrusdocError, TypeError):
    """A value given where a model node was expected (``plain_text(5)``)."""


class ModelError(FrusdocError):
    """A model node constructed with a value its field does not allow
    (``Name(kind="bogus")``, ``Text(text=5)``, ``Paragraph(inlines=[...])``).

    ``cls`` and ``field`` name the field, ``expected`` says what it takes,
    ``value`` is what was given. Raised as :class:`ModelTypeError` (also a
    ``TypeError``) for a value of the wrong type, :class:`ModelValueError`
    (also a ``ValueError``) for a value of the right type out of range (a
    string that is not one of a ``Literal``'s values, a confidence above 1).
    """

    def __init__(self, cls: str, field: str, expected: str, value: object) -> None:
        self.cls = cls
        self.field = field
        self.expected = expected
        self.value = value
        super().__init__(f"{cls}.{field}: expected {expected}, got {short_repr(value)}")


class ModelTypeError(ModelError, TypeError):
    """A model field given a value of the wrong type (see :class:`ModelError`)."""


class ModelValueError(ModelError, ValueError):
    """A model field given a value of the right type that it does not allow (see :class:`ModelError`)."""
