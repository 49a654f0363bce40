"""Sources and targets, below every format: what a path, bytes, text or a file object holds.

:mod:`frusdoc.json` (``load``/``dump``), the other format modules' file verbs
and :mod:`frusdoc.formats` (``read``/``write``) all read their input and
write their output here, so that a format module never imports the module
that dispatches between formats. The public names are re-exported by
:mod:`frusdoc.formats`, where they are documented.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import IO, Union

from frusdoc import _args
from frusdoc.errors import ArgumentTypeError, FrusdocError, Problem, ValidationError

__all__ = [
    "FileAccessError",
    "Readable",
    "SourceTypeError",
    "Writable",
    "decode",
    "is_content",
    "PathOrFile",
    "read_file",
    "read_source",
    "source_name",
    "write_target",
]

Readable = Union[str, os.PathLike[str], bytes, bytearray, memoryview, IO[bytes], IO[str]]
"""What :func:`frusdoc.read` accepts: a path, content (bytes or text) or a file object."""
Writable = Union[str, os.PathLike[str], IO[str]]
"""Where :func:`frusdoc.write` and the ``dump`` verbs write: a path or a text file object open for writing."""
PathOrFile = Union[str, os.PathLike[str], IO[bytes], IO[str]]
"""What the ``load`` verbs read: a path (a ``str`` is always a path there) or a file object open for reading."""


class FileAccessError(FrusdocError, OSError):
    """A path that cannot be read or written; the message names it and why
    (``reason``: the system's words alone, for messages that name the path
    already)."""

    def __init__(self, path: Path, doing: str, reason: str) -> None:
        super().__init__(f"{path}: cannot {doing}: {reason}")
        self.path = path
        self.reason = f"cannot {doing}: {reason}"


# Documented and re-exported by frusdoc.formats, the public place of both.
FileAccessError.__module__ = "frusdoc.formats"


class SourceTypeError(ArgumentTypeError):
    """An argument of the wrong type: not a path, bytes, text or file object,
    or not a document, a volume or a list of documents."""


SourceTypeError.__module__ = "frusdoc.formats"


def is_content(s: str) -> bool:
    """Is the string ``s`` content rather than a path (see :mod:`frusdoc.formats`)?"""
    head = s.lstrip()[:1]
    # An empty string names no file: it is empty content (JSON Lines of no documents).
    return not s or "\n" in s or "\r" in s or head in ("<", "{")


def source_name(source: object) -> str:
    """What error messages call ``source``: its path, a file object's name, else ``<input>``."""
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else "<input>"


def read_source(source: Readable) -> bytes | str:
    """The content of ``source``: ``bytes`` from a path, bytes or a binary file,
    ``str`` from text or a text file. Paths are read without newline
    translation."""
    _args.expect_source("read_source(source)", source, error=SourceTypeError)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source)
    if isinstance(source, str) and is_content(source):
        return source
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        try:
            return path.read_bytes()
        except OSError as exc:
            raise FileAccessError(path, "read", exc.strerror or str(exc)) from None
    reader = getattr(source, "read", None)
    if not callable(reader):
        raise SourceTypeError(
            f"expected a path, bytes, text or a file object open for reading, got {type(source).__name__}"
        )
    data = reader()
    if isinstance(data, (bytes, str)):
        return data
    raise SourceTypeError(
        f"read(source): expected read() of a file object to give bytes or str, got {type(data).__name__}"
    )


def decode(data: bytes | str, name: str) -> str:
    """``data`` as text: bytes are UTF-8, or a :class:`~frusdoc.ValidationError` naming ``name``."""
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            [Problem(path=f"byte {exc.start}", message="invalid UTF-8")], summary=f"{name}: not UTF-8 text"
        ) from None


def write_target(text: str, target: Writable, where: str = "write(target)") -> None:
    """Write ``text`` to a path (UTF-8, no newline translation, parent
    directories created) or to a text file object; ``where`` is what an error
    about ``target`` names (the public verb and its parameter)."""
    _args.expect_str("write_target(text)", text)
    if isinstance(target, (str, os.PathLike)):
        path = Path(target)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="") as fp:
                fp.write(text)
        except OSError as exc:
            raise FileAccessError(path, "write", exc.strerror or str(exc)) from None
        return
    writer = getattr(target, "write", None)
    if not callable(writer):
        raise SourceTypeError(
            f"{where}: expected a path or a text file object to write to, got {type(target).__name__}"
        )
    if isinstance(target, (io.RawIOBase, io.BufferedIOBase)):
        raise SourceTypeError(f"{where}: expected a text file object to write to, got a binary one: open it with 'w'")
    writer(text)


def read_file(source: PathOrFile, where: str = "load(fp_or_path)") -> bytes | str:
    """The content of a path or a file object, for the ``load`` verbs: unlike
    :func:`read_source`, a ``str`` is always a path here, and content itself
    (bytes) is refused: pass it to ``loads``. ``where`` is what an error about
    ``source`` names (the public verb and its parameter)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        raise SourceTypeError(
            f"{where}: expected a path or a file object open for reading, got bytes: use loads() for content"
        )
    _args.expect_source(where, source, error=SourceTypeError)
    if isinstance(source, str):
        source = Path(source)
    return read_source(source)
