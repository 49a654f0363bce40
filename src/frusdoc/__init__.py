"""frusdoc: a typed document model for *Foreign Relations of the United States*.

The model (:mod:`frusdoc.model`, re-exported here) is immutable and free of
I/O; formats read into it and write out of it: :mod:`frusdoc.text` (the
plain text of history.state.gov pages), :mod:`frusdoc.json` and its schema
(:mod:`frusdoc.schema`), :mod:`frusdoc.tei` (the official TEI),
:mod:`frusdoc.markdown`; :func:`read` and :func:`write`
(:mod:`frusdoc.formats`) read and write any of them from a path, bytes, text
or a file object. Traversal is :mod:`frusdoc.tree` (:func:`walk`,
:func:`transform`, :func:`plain_text`), quality rules
:mod:`frusdoc.diagnostics` (:func:`check`). Every public module is an
attribute of the package after ``import frusdoc``; :mod:`frusdoc.testing`
(Hypothesis strategies, extra ``testing``) is imported on first use, because
importing it needs Hypothesis. ``docs/core.md`` lists the modules and which
are stable.
"""

import types as _types
import typing as _typing

from frusdoc import (
    _moved,
    accessors,
    anchor,
    batch,
    citations,
    cli,
    diagnostics,
    emend,
    errors,
    formats,
    html,
    json,
    markdown,
    model,
    pairing,
    refs,
    schema,
    table,
    tags,
    tei,
    text,
    tree,
)
from frusdoc._bulk import gc_pause_enabled, set_gc_pause
from frusdoc._version import __version__
from frusdoc.diagnostics import Diagnostic, Location, check
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
from frusdoc.tree import (
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

# The old module paths frusdoc.walk, frusdoc.check and frusdoc.emend.propose
# (now tree, diagnostics, emend.proposals), for one release: after the imports
# above, which make the new modules and the functions of the old names.
_moved.register()


if not _typing.TYPE_CHECKING:  # a module __getattr__ would make every unknown name type-check

    def __getattr__(name: str) -> _types.ModuleType:
        # frusdoc.testing needs Hypothesis (extra ``testing``): imported on
        # first use, so that ``import frusdoc`` works without it.
        if name == "testing":
            import frusdoc.testing  # lazy on purpose: needs the extra "testing"

            return frusdoc.testing
        raise AttributeError(f"module 'frusdoc' has no attribute {name!r}")

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
    "anchor",
    "batch",
    "check",
    "citations",
    "cli",
    "diagnostics",
    "emend",
    "errors",
    "formats",
    "Node",
    "Path",
    "format_path",
    "gc_pause_enabled",
    "html",
    "json",
    "markdown",
    "model",
    "is_markup",
    "plain_text",
    "read",
    "pairing",
    "raw_nodes",
    "refs",
    "schema",
    "set_gc_pause",
    "table",
    "tags",
    "tei",
    "text",
    "transform",
    "tree",
    "walk",
    "word_count",
    "write",
    *_model_all,
]
