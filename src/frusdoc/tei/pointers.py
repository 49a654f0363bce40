"""TEI pointers (``ref/@target``) as typed targets, and back.

``#d3`` is a document of this volume, ``#pg_249`` a page, ``#d59fn3`` a note,
``frus1961-63v14#d277`` a document of another volume, ``frus1961-63v06`` a
whole volume, ``http…`` an address; anything else is kept as unknown.
"""

from __future__ import annotations

import re

from frusdoc import _args
from frusdoc import model as m

__all__ = ["parse_target"]

_VOLUME = r"frus[0-9][\w-]*"
_POINTER = re.compile(rf"(?P<volume>{_VOLUME})?(?:#(?P<anchor>[\w.-]+))?")
_DOC = re.compile(r"d(\d+)")
_PAGE = re.compile(r"pg_(.+)")
_NOTE = re.compile(r"(d\d+)fn\w+")


def parse_target(raw: str) -> m.Target:
    """The typed target of a TEI pointer; the raw pointer is always kept."""
    _args.expect_str("tei.parse_target(raw)", raw)
    if raw.startswith(("http://", "https://")):
        return m.UrlTarget(raw=raw)
    match = _POINTER.fullmatch(raw)
    if match is None or not raw:
        return m.UnknownTarget(raw=raw)
    volume, anchor = match.group("volume"), match.group("anchor")
    if anchor is None:
        return m.VolumeTarget(raw=raw, volume=volume) if volume else m.UnknownTarget(raw=raw)
    if _DOC.fullmatch(anchor):
        return m.DocumentTarget(raw=raw, document=anchor, volume=volume)
    page = _PAGE.fullmatch(anchor)
    if page:
        return m.PageTarget(raw=raw, page=page.group(1), volume=volume)
    note = _NOTE.fullmatch(anchor)
    if note:
        # the anchor is the note's id; its printed label is not in the pointer
        return m.NoteTarget(raw=raw, id=anchor, document=note.group(1), volume=volume)
    return m.UnknownTarget(raw=raw)
