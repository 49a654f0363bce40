"""Parsing XML safely: no entities resolved, no DTD, no network.

FRUS TEI needs none of them; an input that declares a DTD or entities is
refused, which stops XXE payloads and entity bombs before they do anything.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import IO, Any, TypedDict, Union

from lxml import etree

from frusdoc import _args
from frusdoc.errors import FrusdocError

__all__ = ["PARSER_OPTIONS", "Source", "TeiError", "open_source", "parse_xml", "parser"]

Source = Union[str, os.PathLike[str], bytes, IO[bytes]]
"""A path, XML text (a string starting with ``<``), the bytes of a file, or a binary file object."""


class TeiError(FrusdocError, ValueError):
    """XML that is malformed, hostile, or not FRUS TEI; the message says where."""


class _Options(TypedDict):
    resolve_entities: bool
    no_network: bool
    load_dtd: bool
    huge_tree: bool
    remove_comments: bool
    remove_pis: bool
    collect_ids: bool


PARSER_OPTIONS: _Options = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "remove_comments": False,
    "remove_pis": False,
    # Duplicate xml:ids are an editing error to report, not a reason to refuse
    # a whole volume.
    "collect_ids": False,
}
"""The one parser configuration frusdoc uses for XML, whole or streamed."""


def parser() -> etree.XMLParser:
    """A parser with :data:`PARSER_OPTIONS`."""
    return etree.XMLParser(dtd_validation=False, **PARSER_OPTIONS)


def open_source(src: Source) -> tuple[IO[bytes], str]:
    """A binary stream for ``src`` and a name for messages."""
    _args.expect_source("open_source(src)", src, text=False)
    if isinstance(src, (bytes, bytearray)):
        return io.BytesIO(bytes(src)), "<bytes>"
    if isinstance(src, str) and src.lstrip().startswith("<"):
        # XML text, as write_document and write_volume return it
        return io.BytesIO(src.encode("utf-8")), "<string>"
    if isinstance(src, (str, os.PathLike)):
        path = Path(src)
        try:
            return path.open("rb"), str(path)
        except OSError as exc:
            raise TeiError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if hasattr(src, "read"):
        return src, getattr(src, "name", "<stream>")
    _args.wrong_type("open_source(src)", "a path, bytes, XML text or a binary file object", src)


def check_doctype(tree: Any, name: str) -> None:
    """Refuse any document type declaration (DTDs, entity declarations)."""
    docinfo = tree.docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise TeiError(
            f"{name}: a DOCTYPE declaration is not allowed (FRUS TEI has none; DTDs and entities "
            "are refused so that external entities and entity expansion cannot be abused)"
        )


def parse_xml(data: bytes, name: str = "<bytes>") -> etree._Element:
    """Parse bytes into an lxml element, refusing DTDs and reporting errors with line and column."""
    _args.expect("parse_xml(data)", data, bytes, "bytes")
    _args.expect_str("parse_xml(name)", name)
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
        raise TeiError(
            f"{name}: a DOCTYPE or ENTITY declaration is not allowed (FRUS TEI has none; DTDs and "
            "entities are refused so that external entities and entity expansion cannot be abused)"
        )
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (0, 0)
        message = exc.msg.split(", line ")[0] if exc.msg else "malformed XML"
        raise TeiError(f"{name}: line {line}, column {column}: {message}") from None
    check_doctype(root.getroottree(), name)
    return root
