"""The frozen table of ``"type"`` tags of the JSON format.

The tag of a class is part of the format, not of the code: renaming a class
must never change a tag. Tags are unique across the whole format, so any
object can be read back knowing only its tag.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from frusdoc import model as m

__all__ = ["CLASS_OF_TAG", "TAG_OF_CLASS"]

TAG_OF_CLASS: Mapping[type, str] = MappingProxyType(
    {
        # inlines
        m.Text: "text",
        m.Emphasis: "emph",
        m.NoteRef: "note-ref",
        m.PageBreak: "page-break",
        m.LineBreak: "line-break",
        m.Reference: "ref",
        m.Name: "name",
        m.DateText: "date",
        m.Emendation: "emendation",
        m.Gap: "gap",
        m.Embedded: "embedded",
        m.RawInline: "raw-inline",
        # blocks
        m.Paragraph: "p",
        m.Plain: "plain",
        m.Heading: "heading",
        m.Quote: "quote",
        m.ListBlock: "list",
        m.ListItem: "item",
        m.Table: "table",
        m.Row: "row",
        m.Cell: "cell",
        m.Dateline: "dateline",
        m.Opener: "opener",
        m.Closer: "closer",
        m.Signed: "signed",
        m.Postscript: "postscript",
        m.Attachment: "attachment",
        m.RawBlock: "raw-block",
        # targets
        m.DocumentTarget: "document-target",
        m.PageTarget: "page-target",
        m.NoteTarget: "note-target",
        m.VolumeTarget: "volume-target",
        m.ArchivalTarget: "archival-target",
        m.PublicationTarget: "publication-target",
        m.UrlTarget: "url-target",
        m.UnknownTarget: "unknown-target",
        # documents and volumes
        m.Note: "note",
        m.DateRange: "date-range",
        m.TextLayout: "text-layout",
        m.Document: "document",
        m.Person: "person",
        m.Term: "term",
        m.Title: "title",
        m.Editor: "editor",
        m.Division: "division",
        m.Outside: "outside",
        m.PartAttributes: "part-attributes",
        m.Volume: "volume",
    }
)
"""The tag of every model class."""

CLASS_OF_TAG: Mapping[str, type] = MappingProxyType({t: c for c, t in TAG_OF_CLASS.items()})
"""The model class of every tag."""

assert len(CLASS_OF_TAG) == len(TAG_OF_CLASS), "type tags must be unique"
