"""JSON Schema of the frusdoc JSON format, derived from the model.

The schema is generated from the attrs classes and the frozen tag table, never
written by hand, so it cannot drift from what :mod:`frusdoc.json` writes. The
current schema is committed at ``docs/schema/frusdoc-1.1.json``.
"""

from __future__ import annotations

import json as _stdjson
import types
from typing import Any, Literal, Union, get_args, get_origin

import attrs

from frusdoc import model as m
from frusdoc.json import FORMAT_NAME, FORMAT_VERSION
from frusdoc.tags import TAG_OF_CLASS

__all__ = ["SCHEMA_ID", "SITE_URL", "json_schema", "json_schema_text"]

SITE_URL = "https://frusdoc.github.io/frusdoc/"
"""The address of frusdoc's documentation site: ``site_url`` in mkdocs.yml.

The site publishes ``docs/schema/`` as is, so the committed schema is served at
:data:`SCHEMA_ID`; tests/test_docs_site.py builds the site and checks both."""

SCHEMA_ID = f"{SITE_URL}schema/frusdoc-{FORMAT_VERSION}.json"
"""The schema's ``$id``: where the documentation site publishes the committed
file, ``docs/schema/frusdoc-1.1.json``.

An absolute URI, so a validator registers the schema under one name wherever
the file was read from; it is derived from :data:`SITE_URL`, and the site
build is tested to contain the committed file at exactly this address (the
old ids, ``frusdoc.readthedocs.io`` and then a bare relative file name, named
no published file)."""

# The format markers the reader reads (frusdoc.json._check_version): major 1,
# any minor, ASCII digits without leading zeros. The lookahead ends the string
# in both ECMA 262 and Python regular expressions; "$" would also match before
# a final newline in Python, so the jsonschema package would pass "1.1\n".
_MARKER_PATTERN = r"^1\.(0|[1-9][0-9]*)(?![\s\S])"

_UNION_NAMES: dict[Any, str] = {
    m.Inline: "Inline",
    m.Block: "Block",
    m.Target: "Target",
    m.DivisionChild: "DivisionChild",
    m.OutsideNode: "OutsideNode",
}

_ATTRIBUTES = {
    "type": "object",
    "additionalProperties": {"type": "string"},
    "description": "Attributes as name: value, in source order.",
}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


def _type_schema(t: Any) -> dict[str, Any]:
    if t is str:
        return {"type": "string"}
    if t is bool:
        return {"type": "boolean"}
    if t is int:
        return {"type": "integer"}
    if t is float:
        return {"type": "number"}
    if t in _UNION_NAMES:
        return _ref(_UNION_NAMES[t])
    if t in TAG_OF_CLASS:
        return _ref(TAG_OF_CLASS[t])
    if t == tuple[tuple[str, str], ...]:
        return dict(_ATTRIBUTES)
    origin, args = get_origin(t), get_args(t)
    if origin is Literal:
        return {"enum": list(args)}
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return {"type": "array", "items": _type_schema(args[0])}
    if origin in (Union, types.UnionType):
        members = [a for a in args if a is not type(None)]
        inner = _type_schema(members[0]) if len(members) == 1 else _type_schema(Union[tuple(members)])
        if type(None) in args:
            return {"anyOf": [inner, {"type": "null"}]}
        return inner
    raise TypeError(f"no JSON Schema rule for {t!r}")  # pragma: no cover - guards model growth


def _class_schema(cls: type) -> dict[str, Any]:
    tag = TAG_OF_CLASS[cls]
    hints = {a.name: a.type for a in attrs.fields(cls)}  # resolved by the model modules
    properties: dict[str, Any] = {"type": {"const": tag}}
    # "type" may be left out where only one class can stand (docs/json.md):
    # union positions and the root require it through their dispatch. A Text
    # object is only ever read at the root, where the reader needs its tag.
    required = ["type"] if cls is m.Text else []
    for field in attrs.fields(cls):
        properties[field.name] = _type_schema(hints[field.name])
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema: dict[str, Any] = {
        "type": "object",
        "description": (cls.__doc__ or "").strip().split("\n\n")[0],
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    if cls is m.Emendation:
        properties["confidence"]["anyOf"][0].update(minimum=0, maximum=1)
    if cls is m.NoteTarget:
        # Format 1.0 files stay valid: their one field for id and label is read
        # as one of the two (frusdoc.json._note_target_1_0); 1.1 never writes it.
        properties["note"] = {
            "type": "string",
            "description": "Format 1.0: the note's id after 'fn' or its printed label; read as id or label.",
        }
        schema["not"] = {"anyOf": [{"required": ["note", "id"]}, {"required": ["note", "label"]}]}
    if cls is m.PageBreak:
        # Format 1.0's flag, still read (json._page_break_1_0), never written.
        properties["facsimile"] = {
            "type": "boolean",
            "deprecated": True,
            "description": 'Format 1.0: true for a facsimile page, read as "kind": "facsimile".',
        }
        schema["if"] = {"properties": {"facsimile": {"const": True}}, "required": ["facsimile"]}
        schema["then"] = {"properties": {"kind": {"const": "facsimile"}}}
    return schema


def _dispatch(schemas: dict[str, Any]) -> dict[str, Any]:
    # Dispatch on the "type" tag with if/then rather than oneOf: validators
    # then check one branch instead of all, and report errors from that branch.
    return {
        "type": "object",
        "required": ["type"],
        "properties": {"type": {"enum": list(schemas)}},
        "allOf": [
            {"if": {"properties": {"type": {"const": tag}}}, "then": schema}
            for tag, schema in schemas.items()
        ],
    }


def _union_schema(members: tuple[type, ...]) -> dict[str, Any]:
    objects = _dispatch({TAG_OF_CLASS[c]: _ref(TAG_OF_CLASS[c]) for c in members if c is not m.Text})
    if m.Text not in members:
        return objects
    return {"if": {"type": "string"}, "then": {"description": "A run of text."}, "else": objects}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of frusdoc's JSON format, version 1.1.

    A document validates exactly when :func:`frusdoc.json.loads` reads it
    (``tests/test_schema_equals_reader.py`` holds the two together): a root
    object carrying the format marker, whose ``"type"`` names the class;
    ``"type"`` may be left out below the root where only one class can stand.
    Every output of :func:`frusdoc.json.dumps` validates.
    """
    defs: dict[str, Any] = {}
    for cls in TAG_OF_CLASS:
        defs[TAG_OF_CLASS[cls]] = _class_schema(cls)
    for union, name in _UNION_NAMES.items():
        defs[name] = _union_schema(get_args(union))
    marker = {
        "type": "string",
        "pattern": _MARKER_PATTERN,
        "description": f"The format marker; this schema describes version {FORMAT_VERSION}.",
    }
    roots: dict[str, Any] = {}
    for cls, tag in TAG_OF_CLASS.items():
        root = _class_schema(cls)
        root["properties"] = {FORMAT_NAME: marker, **root["properties"]}
        root["required"] = [FORMAT_NAME, "type", *(r for r in root["required"] if r != "type")]
        roots[tag] = root
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"frusdoc JSON format {FORMAT_VERSION}",
        "description": "A FRUS document, volume or node as written by frusdoc.json.dumps.",
        **_dispatch(roots),
        "$defs": defs,
    }


def json_schema_text() -> str:
    """The schema as the indented JSON text committed in ``docs/schema``."""
    return _stdjson.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
