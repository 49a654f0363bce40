"""frusdoc: a typed document model for *Foreign Relations of the United States*.

The model (:mod:`frusdoc.model`, re-exported here) is immutable and free of
I/O; formats read into it and write out of it: :mod:`frusdoc.text` (the
plain text of history.state.gov pages), :mod:`frusdoc.json` and its schema
(:mod:`frusdoc.schema`), :mod:`frusdoc.tei` (the official TEI);
:func:`read` and :func:`write` (:mod:`frusdoc.formats`) read and write any of
them from a path, bytes, text or a file object. Hypothesis strategies for downstream tests are
in :mod:`frusdoc.testing` (extra ``testing``).
"""

from frusdoc import accessors, citations, emend, formats, json, markdown, refs, schema, tei, text
from frusdoc._bulk import gc_pause_enabled, set_gc_pause
from frusdoc.check import Diagnostic, Location, check
from frusdoc.errors import (
    AmbiguousNoteError,
    ArgumentTypeError,
    ArgumentValueError,
    DateValueError,
    DocumentNotFoundError,
    FormatVersionError,
    FrusdocError,
    ModelError,
    ModelTypeError,
    ModelValueError,
    NodeTypeError,
    NoteNotFoundError,
    Problem,
    ValidationError,
)
from frusdoc.formats import FileAccessError, FormatNameError, SourceTypeError, read, write
from frusdoc.model import *  # noqa: F403 - the model is the package's public surface
from frusdoc.model import __all__ as _model_all
from frusdoc.walk import (
    Node,
    Path,
    format_path,
    is_markup,
    plain_text,
    raw_nodes,
    transform,
    walk,
    word_count,
)

__version__ = "0.1.0"
"""The version of frusdoc, the one place it is written (the build reads it from here)."""

__all__ = [
    "AmbiguousNoteError",
    "ArgumentTypeError",
    "ArgumentValueError",
    "DateValueError",
    "DocumentNotFoundError",
    "Diagnostic",
    "FileAccessError",
    "FormatNameError",
    "FormatVersionError",
    "FrusdocError",
    "Location",
    "ModelError",
    "ModelTypeError",
    "ModelValueError",
    "NodeTypeError",
    "NoteNotFoundError",
    "Problem",
    "SourceTypeError",
    "ValidationError",
    "__version__",
    "accessors",
    "check",
    "citations",
    "emend",
    "formats",
    "Node",
    "Path",
    "format_path",
    "gc_pause_enabled",
    "json",
    "markdown",
    "is_markup",
    "plain_text",
    "read",
    "raw_nodes",
    "refs",
    "schema",
    "set_gc_pause",
    "tei",
    "text",
    "transform",
    "walk",
    "word_count",
    "write",
    *_model_all,
]
