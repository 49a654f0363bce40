"""FRUS TEI in and out: whole volumes, streams of documents, single documents.

XML is parsed safely (no entities, no DTD, no network). Every element and
attribute the model does not name is kept and written back; whitespace is
normalised as TEI intends. See ``docs/tei.md`` for the element ↔ class mapping.

The verbs every format module shares (``docs/core.md``): :func:`loads` and
:func:`dumps` for content, :func:`load` and :func:`dump` for paths and file
objects; a ``<TEI>`` root is a volume, a ``<div>`` root a document. The TEI
names stay: :func:`read_volume` (streamed, for large files),
:func:`read_document`, :func:`iter_documents`, :func:`write_volume`,
:func:`write_document`.
"""

from __future__ import annotations

from typing import TypeVar, overload

from frusdoc import model as m
from frusdoc._io import PathOrFile, Writable, read_file, source_name, write_target
from frusdoc.errors import ArgumentTypeError, short_repr
from frusdoc.tei.names import local
from frusdoc.tei.normal import normalize
from frusdoc.tei.pointers import parse_target
from frusdoc.tei.reading import document_element, iter_documents, read_document, read_volume, volume_element
from frusdoc.tei.safe import Source, TeiError, parse_xml
from frusdoc.tei.writing import write_document, write_volume

__all__ = [
    "Source",
    "TeiError",
    "document_element",
    "dump",
    "dumps",
    "iter_documents",
    "load",
    "loads",
    "normalize",
    "parse_target",
    "read_document",
    "read_volume",
    "volume_element",
    "write_document",
    "write_volume",
]

V = TypeVar("V", m.Document, m.Volume)


@overload
def loads(s: str | bytes, *, type: type[V], name: str = ...) -> V: ...
@overload
def loads(s: str | bytes, *, type: None = None, name: str = ...) -> m.Document | m.Volume: ...
def loads(s: str | bytes, *, type: type[V] | None = None, name: str = "<input>") -> V | m.Document | m.Volume:
    """A volume (root ``<TEI>``) or a document (root ``<div>``) from TEI content.

    ``type`` (keyword-only: :class:`~frusdoc.Volume` or
    :class:`~frusdoc.Document`) says which root is expected and gives the
    precise return type; a root of the other kind is a :class:`TeiError`.
    ``name`` is what error messages call the input. A ``str`` is always XML
    here (see :func:`load` for paths).
    """
    if type is not None and type not in (m.Volume, m.Document):
        raise ArgumentTypeError(f"tei.loads(type): expected Volume or Document, got {short_repr(type)}")
    if isinstance(s, str):
        data = s.encode("utf-8")
    elif isinstance(s, (bytes, bytearray, memoryview)):
        data = bytes(s)
    else:
        raise ArgumentTypeError(f"tei.loads(s): expected TEI as str or bytes, got {_type_of(s)}")
    root = parse_xml(data, name)
    is_volume = isinstance(root.tag, str) and local(root.tag) == "TEI"
    if type is m.Volume and not is_volume:
        raise TeiError(f"{name}: expected a TEI volume (root <TEI>), got <{_tag(root)}>")
    if type is m.Document and is_volume:
        raise TeiError(f"{name}: expected one document (root <div>), got a volume (root <TEI>)")
    return volume_element(root) if is_volume else document_element(root)


def _type_of(value: object) -> str:
    # ``type`` is a parameter of the verbs (as in json.loads): the builtin by another way.
    return value.__class__.__name__


def _tag(root: object) -> str:
    tag = getattr(root, "tag", None)
    return local(tag) if isinstance(tag, str) else "?"


@overload
def load(fp_or_path: PathOrFile, *, type: type[V]) -> V: ...
@overload
def load(fp_or_path: PathOrFile, *, type: None = None) -> m.Document | m.Volume: ...
def load(fp_or_path: PathOrFile, *, type: type[V] | None = None) -> V | m.Document | m.Volume:
    """:func:`loads` of a path (a ``str`` is always a path here) or of a file
    object open for reading, binary or text. A path that cannot be read
    raises :class:`~frusdoc.formats.FileAccessError`. For a volume too large
    to hold twice in memory, :func:`read_volume` streams it."""
    return loads(read_file(fp_or_path, "tei.load(fp_or_path)"), type=type, name=source_name(fp_or_path))


def dumps(value: m.Document | m.Volume) -> str:
    """TEI of a volume (:func:`write_volume`) or of a document (:func:`write_document`)."""
    if isinstance(value, m.Volume):
        return write_volume(value)
    if isinstance(value, m.Document):
        return write_document(value)
    raise ArgumentTypeError(f"tei.dumps(value): expected a Document or a Volume, got {_type_of(value)}")


def dump(value: m.Document | m.Volume, fp_or_path: Writable) -> None:
    """Write :func:`dumps` of ``value`` to a path (UTF-8, no newline
    translation, parent directories created) or to a text file object."""
    write_target(dumps(value), fp_or_path, "tei.dump(fp_or_path)")
