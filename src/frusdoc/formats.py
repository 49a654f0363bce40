"""One I/O surface: :func:`read` any frusdoc input, :func:`write` any output format.

``frusdoc.read`` and ``frusdoc.write`` are these functions. The format
modules (:mod:`frusdoc.text`, :mod:`frusdoc.json`, :mod:`frusdoc.tei`,
:mod:`frusdoc.markdown`) stay the place for options; this module picks the
right one and takes care of paths, bytes and file objects.

What a source is:

* a path-like object (:class:`pathlib.Path`): always a path;
* ``bytes`` (or ``bytearray``, ``memoryview``): the content of a file, UTF-8;
* a ``str``: **content** if it is empty, holds a line break or starts
  (after whitespace) with ``<`` or ``{``, otherwise a **path**. A FRUS page, a
  pretty-printed JSON file and a TEI file all hold line breaks; a file name
  never does. Pass one-line content as bytes or ``io.StringIO`` to be sure;
* a file object open for reading, binary or text.

The format is the one given (``"text"``, ``"json"``, ``"jsonl"``,
``"tei"``), else the one of a path's suffix (:data:`SUFFIXES`), else sniffed
from the content: ``<`` starts TEI, ``{`` starts JSON, and JSON Lines when
the second non-blank line starts with ``{`` too; anything else is page text.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Literal, Union, cast, get_args

from frusdoc import _args, markdown, tei
from frusdoc import json as fjson
from frusdoc import model as m
from frusdoc import text as ftext
from frusdoc._io import (
    FileAccessError,
    Readable,
    SourceTypeError,
    Writable,
    decode,
    is_content,
    read_source,
    source_name,
    write_target,
)
from frusdoc.errors import FrusdocError, Problem, ValidationError, short_repr

__all__ = [
    "FORMATS_IN",
    "FORMATS_OUT",
    "SUFFIXES",
    "FileAccessError",
    "FormatIn",
    "FormatNameError",
    "FormatOut",
    "Readable",
    "SourceTypeError",
    "Writable",
    "read",
    "read_source",
    "sniff",
    "write",
    "write_target",
]

FormatIn = Literal["text", "json", "jsonl", "tei"]
"""A format :func:`read` reads."""
FormatOut = Literal["text", "json", "jsonl", "tei", "markdown"]
"""A format :func:`write` writes."""
FORMATS_IN: tuple[str, ...] = get_args(FormatIn)
"""The names of the formats :func:`read` reads, in order."""
FORMATS_OUT: tuple[str, ...] = get_args(FormatOut)
"""The names of the formats :func:`write` writes, in order."""

SUFFIXES: dict[str, FormatIn] = {".txt": "text", ".json": "json", ".jsonl": "jsonl", ".xml": "tei", ".tei": "tei"}
"""The format of a path, by suffix (lower-cased)."""

Value = Union[m.Document, m.Volume, list[m.Document]]


class FormatNameError(FrusdocError, ValueError):
    """A format name frusdoc does not know (``read(..., format="yaml")``)."""


def sniff(content: bytes | str) -> FormatIn:
    """The format of ``content`` by its first characters (see the module's description)."""
    _args.expect("sniff(content)", content, (bytes, str), "bytes or str")
    head = content[:64]
    text = head.decode("utf-8", "replace") if isinstance(head, bytes) else head
    text = text.lstrip("\ufeff \t\r\n")
    if text.startswith("<"):
        return "tei"
    if not text.startswith("{"):
        return "text"
    # JSON Lines when the line after the first (which may be long: a whole
    # compact document) starts an object too; indented JSON goes on with a key.
    if isinstance(content, bytes):
        end = content.find(b"\n")
        after = content[end + 1 : end + 4097].decode("utf-8", "replace") if end >= 0 else ""
    else:
        end = content.find("\n")
        after = content[end + 1 : end + 4097] if end >= 0 else ""
    return "jsonl" if after.lstrip().startswith("{") else "json"


def _format_in(format: str | None, source: Readable, content: bytes | str) -> FormatIn:
    if format is not None:
        if format not in FORMATS_IN:
            raise FormatNameError(
                f"read(format): unknown input format {short_repr(format)}: expected one of {', '.join(FORMATS_IN)}"
            )
        return cast(FormatIn, format)
    if isinstance(source, os.PathLike) or (isinstance(source, str) and not is_content(source)):
        by_suffix = SUFFIXES.get(Path(source).suffix.lower())
        if by_suffix is not None:
            return by_suffix
    return sniff(content)


def read(source: Readable, *, format: str | None = None) -> m.Document | m.Volume | list[m.Document]:
    """Read a document, a volume or, from JSON Lines, a list of documents.

    Page text gives a :class:`~frusdoc.Document`; TEI a
    :class:`~frusdoc.Volume` (root ``<TEI>``) or a document (root ``<div>``);
    JSON what its root's ``"type"`` says (a document or a volume); JSON Lines
    always a ``list`` of documents, even of one.

    Raises :class:`FormatNameError` for an unknown ``format``,
    :class:`FileAccessError` for a path that cannot be read,
    :class:`SourceTypeError` for a source of the wrong type, and the format's
    own error (:class:`~frusdoc.ValidationError`,
    :class:`~frusdoc.tei.TeiError`) for content that is not what it should be.
    """
    _args.expect_source("read(source)", source, error=SourceTypeError)
    _args.expect_str("read(format)", format, optional=True)
    if format is not None and format not in FORMATS_IN:
        # Before touching the source: a bad name is the caller's first mistake.
        raise FormatNameError(
            f"read(format): unknown input format {short_repr(format)}: expected one of {', '.join(FORMATS_IN)}"
        )
    content = read_source(source)
    fmt = _format_in(format, source, content)
    name = source_name(source)
    if fmt == "tei":
        return tei.loads(content, name=name)
    text = decode(content, name)
    if fmt == "text":
        return ftext.parse(text)
    if fmt == "jsonl":
        return list(fjson.load_lines(text, type=m.Document))
    value = fjson.loads(text)
    if not isinstance(value, (m.Document, m.Volume)):
        raise ValidationError(
            [Problem(path="$.type", message=f"expected a document or a volume, got a {type(value).__name__}")],
            summary=f"{name}: not a frusdoc document",
        )
    return value


def _documents(value: Value) -> list[m.Document]:
    if isinstance(value, m.Volume):
        return list(value.documents)
    if isinstance(value, list):
        return value
    return [value]


def _check_value(value: object) -> Value:
    if isinstance(value, (m.Document, m.Volume)):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(d, m.Document) for d in value):
        return list(cast(Iterable[m.Document], value))
    raise SourceTypeError(
        f"write(value): expected a Document, a Volume or a list of documents, got {type(value).__name__}"
    )


def write(value: Value, format: str, target: Writable | None = None, *, compact: bool = False) -> str:
    """``value`` in ``format`` (``"text"``, ``"json"``, ``"jsonl"``, ``"tei"``,
    ``"markdown"``), returned as a string and, with ``target``, also written
    there (a path, written as UTF-8 without newline translation, parent
    directories created; or a text file object).

    JSON is indented (``compact=True``: one line) and ends with a newline;
    JSON Lines is one document a line (a volume's documents, a list's, or one
    document). Several documents as text or Markdown follow one another,
    separated by a form feed (text) or a rule (Markdown); as TEI, a volume is
    one file and documents are ``<div>`` elements one after the other.
    """
    _args.expect_bool("write(compact)", compact)
    if format not in FORMATS_OUT:
        raise FormatNameError(
            f"write(format): unknown output format {short_repr(format)}: expected one of {', '.join(FORMATS_OUT)}"
        )
    value = _check_value(value)
    out = _render(value, format, compact)
    if target is not None:
        write_target(out, target)
    return out


def _render(value: Value, format: str, compact: bool) -> str:
    if format == "json":
        if isinstance(value, list):
            raise SourceTypeError("write(value): several documents are no one JSON value: write them as 'jsonl'")
        return fjson.dumps(value, indent=not compact) + "\n"
    if format == "jsonl":
        return "".join(fjson.dumps(d) + "\n" for d in _documents(value))
    if format == "tei":
        if isinstance(value, m.Volume):
            return tei.write_volume(value)
        return "".join(tei.write_document(d) + "\n" for d in _documents(value))
    docs = _documents(value)
    # Several documents as text or Markdown: one after the other.
    several = isinstance(value, m.Volume) or len(docs) != 1
    separator = ("\n\n\f\n\n" if format == "text" else "\n\n---\n\n") if several else ""
    if format == "text":
        return separator.join(ftext.render(d) for d in docs)
    return separator.join(markdown.render(d) for d in docs)
