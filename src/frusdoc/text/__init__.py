"""Plain text of history.state.gov document pages, in and out, losslessly.

``render(parse(s)) == s`` for every string ``s``; ``parse(render(d)) == d`` for
every document in canonical form (see ``docs/text.md``).

The verbs every format module shares (``docs/core.md``): :func:`loads` and
:func:`dumps` for content (``dumps`` is :func:`render`, with its options),
:func:`load` and :func:`dump` for paths and file objects. ``parse`` and
``render`` stay the module's own names.
"""

from __future__ import annotations

from typing import Literal

from frusdoc import model as m
from frusdoc._io import PathOrFile, Writable, decode, read_file, source_name, write_target
from frusdoc.errors import ArgumentTypeError
from frusdoc.text.reader import parse
from frusdoc.text.writer import canonical_layout, render, spans

__all__ = ["canonical_layout", "dump", "dumps", "load", "loads", "parse", "render", "spans"]

#: The text of a document: :func:`render` under the name every format module shares.
dumps = render
"""The plain text of a document: :func:`render` under the name every format module shares."""


def loads(s: str | bytes) -> m.Document:
    """:func:`parse` of page text, given as ``str`` or as UTF-8 ``bytes``."""
    if isinstance(s, (bytes, bytearray, memoryview)):
        return parse(decode(bytes(s), "<bytes>"))
    if not isinstance(s, str):
        raise ArgumentTypeError(
            f"text.loads(s): expected page text as str or bytes, got {s.__class__.__name__}"
        )
    return parse(s)


def load(fp_or_path: PathOrFile) -> m.Document:
    """:func:`parse` of a path (a ``str`` is always a path here; read as
    UTF-8 without newline translation) or of a file object open for reading,
    binary or text. A path that cannot be read raises
    :class:`~frusdoc.formats.FileAccessError`."""
    return parse(decode(read_file(fp_or_path, "text.load(fp_or_path)"), source_name(fp_or_path)))


def dump(
    doc: m.Document,
    fp_or_path: Writable,
    *,
    reading: Literal["original", "corrected"] = "original",
    markers: bool = True,
    notes: bool = True,
    page_breaks: bool = True,
) -> None:
    """Write :func:`render` of ``doc`` (same options) to a path (UTF-8, no
    newline translation, parent directories created) or to a text file object."""
    write_target(
        render(doc, reading=reading, markers=markers, notes=notes, page_breaks=page_breaks),
        fp_or_path,
        "text.dump(fp_or_path)",
    )
