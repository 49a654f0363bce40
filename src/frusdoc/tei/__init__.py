"""FRUS TEI in and out: whole volumes, streams of documents, single documents.

XML is parsed safely (no entities, no DTD, no network). Every element and
attribute the model does not name is kept and written back; whitespace is
normalised as TEI intends. See ``docs/tei.md`` for the element ↔ class mapping.
"""

from frusdoc.tei.normal import normalize
from frusdoc.tei.pointers import parse_target
from frusdoc.tei.reading import document_element, iter_documents, read_document, read_volume, volume_element
from frusdoc.tei.safe import Source, TeiError
from frusdoc.tei.writing import write_document, write_volume

__all__ = [
    "Source",
    "TeiError",
    "document_element",
    "iter_documents",
    "normalize",
    "parse_target",
    "read_document",
    "read_volume",
    "volume_element",
    "write_document",
    "write_volume",
]
