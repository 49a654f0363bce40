"""The frusdoc JSON format: ``dumps``/``loads`` for any model value, JSON Lines.

The format is described by :func:`make_converter` and, formally, by
:func:`frusdoc.schema.json_schema`. Reading is strict: every problem of an
input is reported at once, each with its JSON path, in a
:class:`~frusdoc.ValidationError`.
"""

from __future__ import annotations

import json as _stdjson
import os
import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, TypeVar, cast, get_args, get_origin, overload

import attrs
import cattrs
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from frusdoc import _args, _jsonfast
from frusdoc import model as m
from frusdoc._bulk import bulk
from frusdoc._io import read_source, write_target
from frusdoc.errors import ArgumentTypeError, FormatVersionError, FrusdocError, Problem, ValidationError
from frusdoc.tags import CLASS_OF_TAG, TAG_OF_CLASS

try:  # the extra ``fast``
    import orjson as _orjson
except ImportError:  # pragma: no cover - exercised in environments without orjson
    _orjson = None  # type: ignore[assignment]

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "dump_lines",
    "dumps",
    "from_data",
    "dump",
    "load",
    "load_lines",
    "loads",
    "make_converter",
    "to_data",
]

FORMAT_NAME = "frusdoc"
"""The key of the format marker on every root object."""
FORMAT_VERSION = "1.1"
"""The version of the JSON format this release writes (and reads, for major 1).

1.1 added ``PageBreak.kind`` (``page``, ``facsimile``, ``typeset``) in place of
1.0's ``"facsimile": true``, which is still read (as ``kind: "facsimile"``) and
never written, and ``TextLayout.note_cut``."""

T = TypeVar("T")

PathOrFile = str | os.PathLike[str] | IO[bytes] | IO[str]
"""What :func:`load` reads: a path or a file object open for reading (binary or text)."""
PathOrTextFile = str | os.PathLike[str] | IO[str]
"""Where :func:`dump` writes: a path or a text file object open for writing."""

# The field annotations as types rather than strings, for every class: the
# converter's generated hooks, the fast path and frusdoc.schema read them.
for _cls in TAG_OF_CLASS:
    attrs.resolve_types(_cls)
del _cls

#: Model classes whose instances can stand in a union position, by union.
_UNIONS: dict[Any, tuple[type, ...]] = {
    m.Inline: get_args(m.Inline),
    m.Block: get_args(m.Block),
    m.Target: get_args(m.Target),
    m.DivisionChild: get_args(m.DivisionChild),
    m.OutsideNode: get_args(m.OutsideNode),
}


class _Expected(ValueError):
    """A value of the wrong shape; the message says what was expected."""


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the string {value!r}" if len(value) < 40 else "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _is_attributes(t: Any) -> bool:
    return bool(t == tuple[tuple[str, str], ...])


def make_converter(*, detailed: bool = False) -> cattrs.Converter:
    """Build the converter between model values and JSON-ready Python data.

    Encoding rules:

    * Every model object is a JSON object: a ``"type"`` key first, whose value
      comes from the frozen table :data:`frusdoc.tags.TAG_OF_CLASS`, then the
      field names in the order the class declares them. Fields equal to their
      default are omitted.
    * A :class:`~frusdoc.Text` inline is a plain JSON string.
    * Tuples are arrays. Attribute lists (``extra``, ``attributes``,
      ``ArchivalTarget.parts``) are JSON objects, keys in source order.
    * Strings, numbers and booleans are checked strictly: no coercion of ``5``
      into ``"5"`` or of a string into a list.
    * Unknown keys are errors, never silently dropped.

    With ``detailed=True`` the converter collects every error with its path
    (slower; :func:`loads` uses it only to explain a failure).
    """
    conv = cattrs.Converter(omit_if_default=True, forbid_extra_keys=False, detailed_validation=detailed)

    def strict(expected_type: type, name: str) -> Callable[[Any, Any], Any]:
        def hook(value: Any, _: Any) -> Any:
            if type(value) is expected_type:
                return value
            raise _Expected(f"expected {name}, got {_json_kind(value)}")

        return hook

    conv.register_structure_hook(str, strict(str, "a string"))
    conv.register_structure_hook(bool, strict(bool, "a boolean"))

    def structure_float(value: Any, _: Any) -> float:
        if type(value) in (int, float):
            return float(value)
        raise _Expected(f"expected a number, got {_json_kind(value)}")

    conv.register_structure_hook(float, structure_float)

    # The commonest field type, checked in one step rather than through
    # cattrs' generic Optional handling.
    def structure_optional_str(value: Any, _: Any) -> str | None:
        if value is None or type(value) is str:
            return value
        raise _Expected(f"expected a string or null, got {_json_kind(value)}")

    conv.register_structure_hook_func(lambda t: t == (str | None), structure_optional_str)

    # Attribute lists: a JSON object of string values.
    def structure_attributes(value: Any, _: Any) -> tuple[tuple[str, str], ...]:
        if type(value) is not dict:
            raise _Expected(f"expected an object of strings, got {_json_kind(value)}")
        bad = [k for k, v in value.items() if type(v) is not str]
        if bad:
            raise _Expected(f"expected string values, got non-strings for {bad!r}")
        return tuple(value.items())

    conv.register_structure_hook_func(_is_attributes, structure_attributes)
    conv.register_unstructure_hook_func(_is_attributes, dict)

    for union, members in _UNIONS.items():
        _register_union(conv, union, members)

    # Classes: generated hooks, wrapped to check the shape, forbid unknown keys
    # (the "type" key is allowed when it names the class) and, for union
    # members, to put the tag first.
    for cls, tag in TAG_OF_CLASS.items():
        if cls is m.Text:
            continue
        _register_class(conv, cls, tag, detailed)

    # Text is a plain string wherever it appears.
    text_tag = TAG_OF_CLASS[m.Text]

    def structure_text(value: Any, _: Any) -> m.Text:
        if type(value) is str:
            return m.Text(text=value)
        if type(value) is dict and value.get("type") == text_tag:
            extra = value.keys() - {"type", "text"}
            if extra:
                raise ForbiddenExtraKeysError("", m.Text, extra)
            if type(value.get("text")) is not str:
                raise _Expected("expected a string in 'text'")
            return m.Text(text=value["text"])
        raise _Expected(f"expected a string, got {_json_kind(value)}")

    conv.register_structure_hook(m.Text, structure_text)
    conv.register_unstructure_hook(m.Text, lambda t: {"type": text_tag, "text": t.text})

    # Homogeneous tuples must come from JSON arrays (cattrs would iterate a string).
    def is_tuple(t: Any) -> bool:
        args = get_args(t)
        return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis and not _is_attributes(t)

    def tuple_factory(t: Any) -> Callable[[Any, Any], Any]:
        (item_type, _) = get_args(t)
        item_hook = conv.get_structure_hook(item_type)
        if detailed:

            def structure_detailed(value: Any, _: Any) -> tuple[Any, ...]:
                if type(value) is not list:
                    raise _Expected(f"expected an array, got {_json_kind(value)}")
                out: list[Any] = []
                errors: list[Exception] = []
                for i, item in enumerate(value):
                    try:
                        out.append(item_hook(item, item_type))
                    except Exception as exc:  # noqa: BLE001 - collected and re-raised below
                        note = cattrs.IterableValidationNote(f"index {i}", i, item_type)
                        exc.add_note(note)
                        errors.append(exc)
                if errors:
                    raise cattrs.IterableValidationError("while structuring an array", errors, t)
                return tuple(out)

            return structure_detailed

        def structure_fast(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise _Expected(f"expected an array, got {_json_kind(value)}")
            return tuple([item_hook(item, item_type) for item in value])

        return structure_fast

    conv.register_structure_hook_factory(is_tuple, tuple_factory)
    return conv


def _note_target_1_0(value: dict[str, Any]) -> dict[str, Any]:
    """A note target as format 1.0 wrote it, in the fields of format 1.1.

    Format 1.0 had one field ``note`` for what 1.1 keeps apart: the part after
    ``fn`` of a TEI pointer (``#d118fn85`` gave ``"85"``) or the label printed
    in prose (``footnote 3, Document 59`` gave ``"3"``). What frusdoc wrote is
    told apart by ``raw``: a note pointer ending in ``fn`` + ``note`` gives the
    note's ``id`` (the pointer's anchor, ``d118fn85``); anything else gives
    the ``label``.
    """
    if "note" not in value:
        return value
    note = value["note"]
    if type(note) is not str:
        raise _Expected(f"expected a string in 'note' (format 1.0), got {_json_kind(note)}")
    if "id" in value or "label" in value:
        raise _Expected("'note' (format 1.0) cannot stand beside 'id' or 'label' (format 1.1)")
    out = {k: v for k, v in value.items() if k != "note"}
    out.update(m.NoteTarget.legacy_fields(value.get("raw"), note))
    return out


def _page_break_1_0(value: dict[str, Any]) -> dict[str, Any]:
    """Format 1.0 marked a facsimile page ``"facsimile": true``; 1.1 has ``"kind"``."""
    if "facsimile" not in value:
        return value
    value = dict(value)
    flag = value.pop("facsimile")
    if type(flag) is not bool:
        raise _Expected(f"expected a boolean in 'facsimile' (format 1.0), got {_json_kind(flag)}")
    if flag:
        if value.get("kind", "facsimile") != "facsimile":
            raise _Expected(f"'facsimile': true (format 1.0) contradicts 'kind': {_json_kind(value['kind'])}")
        value["kind"] = "facsimile"
    return value


#: Keys of older 1.x files, read into the current fields and never written.
_OLDER_FORMS: dict[type, Callable[[dict[str, Any]], dict[str, Any]]] = {
    m.PageBreak: _page_break_1_0,
    m.NoteTarget: _note_target_1_0,
}


def _emendation_range(value: dict[str, Any]) -> None:
    # The model rounds a confidence to thousandths before checking it, so
    # Emendation(confidence=1.0004) is 1.0; the format (and its schema) take
    # the number as written, which must itself lie between 0 and 1.
    confidence = value.get("confidence")
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)):
        return  # not a number: the field's own hook says so
    if not 0 <= confidence <= 1:
        raise _Expected(f"confidence must be between 0 and 1, got {float(confidence)!r}")


#: The keys that mark each older form (the fast path converts only objects having one).
_OLDER_KEYS: dict[type, tuple[str, ...]] = {m.PageBreak: ("facsimile",), m.NoteTarget: ("note",)}


#: Checks of the values as written, where the model would accept more.
_AS_WRITTEN: dict[type, Callable[[dict[str, Any]], None]] = {m.Emendation: _emendation_range}


def _register_class(conv: cattrs.Converter, cls: type, tag: str, detailed: bool) -> None:
    # The generated functions are made on first use, once every hook they
    # depend on (unions, other classes) has been registered.
    allowed = frozenset(a.name for a in attrs.fields(cls)) | {"type"}
    generated: dict[str, Callable[..., Any]] = {}
    older = _OLDER_FORMS.get(cls)
    as_written = _AS_WRITTEN.get(cls)

    def structure(value: Any, _: Any) -> Any:
        if type(value) is not dict:
            raise _Expected(f"expected an object ({tag}), got {_json_kind(value)}")
        if older is not None:
            value = older(value)
        if not value.keys() <= allowed:
            raise ForbiddenExtraKeysError("", cls, set(value.keys() - allowed))
        found = value.get("type", tag)
        if found != tag:
            raise _Expected(f"expected type {tag!r} here, got {_json_kind(found)}")
        if as_written is not None:
            as_written(value)
        gen = generated.get("s")
        if gen is None:
            gen = generated["s"] = make_dict_structure_fn(
                cls, conv, _cattrs_forbid_extra_keys=False, _cattrs_detailed_validation=detailed
            )
        try:
            return gen(value, cls)
        except (ValueError, TypeError) as exc:
            # A validator of the model itself (for example a confidence above 1).
            if isinstance(exc, (_Expected, cattrs.BaseValidationError)):
                raise
            raise _Expected(str(exc)) from None

    def unstructure(obj: Any) -> dict[str, Any]:
        gen = generated.get("u")
        if gen is None:
            gen = generated["u"] = make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True)
        out: dict[str, Any] = {"type": tag}
        out.update(gen(obj))
        return out

    conv.register_structure_hook(cls, structure)
    conv.register_unstructure_hook(cls, unstructure)


def _register_union(conv: cattrs.Converter, union: Any, members: tuple[type, ...]) -> None:
    # Member hooks are looked up on first use: unions are registered before the
    # classes, whose generated hooks need the union hooks to exist.
    classes = {TAG_OF_CLASS[c]: c for c in members if c is not m.Text}
    structure_hooks: dict[str, Callable[[Any, Any], Any]] = {}
    unstructure_hooks: dict[type, Callable[[Any], Any]] = {}
    allows_text = m.Text in members
    expected = ", ".join(sorted(classes))

    def structure(value: Any, _: Any) -> Any:
        if allows_text and type(value) is str:
            return m.Text(text=value)
        if type(value) is not dict:
            what = "a string or an object" if allows_text else "an object"
            raise _Expected(f"expected {what}, got {_json_kind(value)}")
        tag = value.get("type")
        hook = structure_hooks.get(tag) if isinstance(tag, str) else None
        if hook is None:
            cls = classes.get(tag) if isinstance(tag, str) else None
            if cls is None:
                if tag is None:
                    raise _Expected(f"missing 'type'; expected one of: {expected}")
                raise _Expected(f"unknown type {_json_kind(tag)}; expected one of: {expected}")
            hook = structure_hooks[str(tag)] = conv.get_structure_hook(cls)
        return hook(value, None)

    def unstructure(obj: Any) -> Any:
        cls = obj.__class__
        if cls is m.Text:
            return obj.text
        hook = unstructure_hooks.get(cls)
        if hook is None:
            hook = unstructure_hooks[cls] = conv.get_unstructure_hook(cls)
        return hook(obj)

    conv.register_structure_hook_func(lambda t: t == union, structure)
    conv.register_unstructure_hook_func(lambda t: t == union, unstructure)


_CATTRS: cattrs.Converter | None = None
_DETAILED: cattrs.Converter | None = None
_GENERATED: _jsonfast.Generated | None = None


def _cattrs() -> cattrs.Converter:
    global _CATTRS  # built lazily: only values the generated writers refuse need it
    if _CATTRS is None:
        _CATTRS = make_converter()
    return _CATTRS


def _detailed() -> cattrs.Converter:
    global _DETAILED  # built lazily: only failing inputs need it
    if _DETAILED is None:
        _DETAILED = make_converter(detailed=True)
    return _DETAILED


def _generated() -> _jsonfast.Generated:
    # The fast path (frusdoc._jsonfast), generated on first use from the same
    # model fields and the same older forms and checks as the converter.
    global _GENERATED
    if _GENERATED is None:
        older = {cls: (_OLDER_KEYS[cls], convert) for cls, convert in _OLDER_FORMS.items()}
        _GENERATED = _jsonfast.build(older, _AS_WRITTEN)
    return _GENERATED


def _format_exception(exc: BaseException, _type: Any) -> str:
    if isinstance(exc, ForbiddenExtraKeysError):
        names = ", ".join(repr(k) for k in sorted(exc.extra_fields))
        return f"unexpected field(s) {names}"
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ValueError):
        # _Expected, or a validator of the model (a confidence above 1)
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _problems(exc: BaseException, path: str = "$") -> list[Problem]:
    problems = []
    for line in cattrs.transform_error(exc, path=path, format_exception=_format_exception):
        message, _, where = line.rpartition(" @ ")
        problems.append(Problem(path=where or path, message=message or line))
    return problems


# -- serialising --------------------------------------------------------------


def to_data(value: object) -> dict[str, Any]:
    """The JSON-ready dict of a model value, with the format marker first."""
    _args.expect_node("json.to_data(value)", value)
    cls = type(value)
    if cls not in TAG_OF_CLASS:
        raise ArgumentTypeError(f"json.to_data(value): expected a frusdoc model value, got {cls.__name__}")
    with bulk():
        try:
            body = _generated().writers[cls](value)
        except Exception:  # noqa: BLE001 - anything unforeseen: the cattrs converter decides
            body = _cattrs().unstructure(value, cls)
    return {FORMAT_NAME: FORMAT_VERSION, **body}


def dumps(value: object, *, indent: bool = False) -> str:
    """Serialise a model value (a document, a volume or any node) to JSON.

    The output is compact (``indent=True``: two-space indentation) and the same,
    byte for byte, whether or not orjson is installed.
    """
    _args.expect_node("json.dumps(value)", value)
    _args.expect_bool("json.dumps(indent)", indent)
    cls = type(value)
    if cls not in TAG_OF_CLASS:
        raise ArgumentTypeError(f"json.dumps(value): expected a frusdoc model value, got {cls.__name__}")
    generated = _generated()
    with bulk():
        # The encoder walks the tree itself and asks the generated default
        # hook for each node's own dict: no plain copy of the whole tree.
        root = {FORMAT_NAME: FORMAT_VERSION, **generated.shallow[cls](value)}
        try:
            if _orjson is not None:
                opts = _orjson.OPT_INDENT_2 if indent else 0
                return _orjson.dumps(root, default=generated.default, option=opts).decode()
            if indent:
                return _stdjson.dumps(root, default=generated.default, ensure_ascii=False, indent=2)
            return _stdjson.dumps(root, default=generated.default, ensure_ascii=False, separators=(",", ":"))
        except (TypeError, ValueError, RecursionError):
            # orjson stops at 255 levels of nesting (the standard library
            # goes deeper and writes the same bytes), and a class outside the
            # model is the converter's to write.
            pass
        data = to_data(value)
        out = _encode(data, indent)
        del data
    return out


def _encode(data: object, indent: bool) -> str:
    if _orjson is not None:
        opts = _orjson.OPT_INDENT_2 if indent else 0
        try:
            return _orjson.dumps(data, option=opts).decode()
        except TypeError:
            # orjson stops at 255 levels of nesting; the standard library goes
            # deeper and writes the same bytes.
            pass
    return _std_dumps(data, indent)


def _std_dumps(data: object, indent: bool) -> str:
    if indent:
        return _stdjson.dumps(data, ensure_ascii=False, indent=2)
    return _stdjson.dumps(data, ensure_ascii=False, separators=(",", ":"))


# -- reading ------------------------------------------------------------------


def _parse_json(s: str | bytes) -> Any:
    if isinstance(s, (bytes, bytearray, memoryview)):
        try:
            s = bytes(s).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValidationError(
                [Problem(path=f"byte {exc.start}", message="invalid UTF-8")],
                summary="not JSON",
            ) from None
    if not isinstance(s, str):
        raise TypeError(f"loads() expects str or bytes, got {type(s).__name__}")
    try:
        return _orjson.loads(s) if _orjson is not None else _stdjson.loads(s)
    except _stdjson.JSONDecodeError as exc:  # orjson's error is a subclass
        if "depth" in exc.msg or "recursion" in exc.msg:
            raise _too_deep(f"line {exc.lineno}, column {exc.colno}") from None
        raise ValidationError(
            [Problem(path=f"line {exc.lineno}, column {exc.colno}", message=exc.msg)],
            summary="not JSON",
        ) from None
    except RecursionError:
        raise _too_deep("$") from None


def _too_deep(path: str) -> ValidationError:
    return ValidationError(
        [
            Problem(
                path=path,
                message="nested too deeply to read (a FRUS document nests a few dozen levels at most); refused",
            )
        ],
        summary="input too deeply nested",
    )


#: A format marker: MAJOR.MINOR in ASCII digits without leading zeros. Stricter
#: than "starts with digits" so that the schema (frusdoc.schema) can say the
#: same: "1", "1.x", "01.1" or "1.1\n" are no versions.
_VERSION = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)", re.ASCII)


def _check_version(data: Any) -> None:
    if FORMAT_NAME not in data:
        raise ValidationError(
            [Problem(path="$", message=f'missing format marker {FORMAT_NAME!r}: expected "{FORMAT_VERSION}"')]
        )
    version = data[FORMAT_NAME]
    parsed = _VERSION.fullmatch(version) if type(version) is str else None
    if parsed is None:
        raise ValidationError(
            [
                Problem(
                    path=f"$.{FORMAT_NAME}",
                    message=f'expected a version such as "{FORMAT_VERSION}", got {_json_kind(version)}',
                )
            ]
        )
    major = int(parsed[1])
    ours = int(FORMAT_VERSION.partition(".")[0])
    if major != ours:
        raise FormatVersionError(
            [
                Problem(
                    path=f"$.{FORMAT_NAME}",
                    message=f"format version {version} cannot be read by this frusdoc, which reads version {ours}.x (writes {FORMAT_VERSION})",
                )
            ],
            summary="incompatible format version",
        )


@overload
def from_data(data: Any, *, type: type[T]) -> T: ...
@overload
def from_data(data: Any, *, type: None = None) -> Any: ...
@overload
def from_data(data: Any, _type: type[T], /) -> T: ...  # deprecated positional form
def from_data(data: Any, *_type: type[T], type: type[T] | None = None) -> T | Any:
    """Build a model value from JSON-ready data (the inverse of :func:`to_data`).

    ``type`` is keyword-only; passing it by position still works in this
    release but warns (:class:`DeprecationWarning`).
    """
    _args.expect_model_class("json.from_data(type)", type)
    type = _keyword_type("from_data", _type, type)
    return _from_data(data, type)


def _from_data(data: Any, type: type[T] | None, *, fast: bool = True) -> T | Any:
    # fast=False reads with the detailed converter alone (the reference that
    # tests/test_json_fast.py holds the fast path to).
    if not isinstance(data, dict):
        raise ValidationError([Problem(path="$", message=f"expected an object, got {_json_kind(data)}")])
    _check_version(data)
    tag = data.get("type")
    if type is None:
        cls = CLASS_OF_TAG.get(tag) if isinstance(tag, str) else None
        if cls is None:
            raise ValidationError(
                [Problem(path="$.type", message=f"expected a frusdoc type tag, got {_json_kind(tag)}")]
            )
    else:
        cls = type
        want = TAG_OF_CLASS.get(cls)
        if want is None:
            raise _args.ArgumentTypeError(f"json: type: expected a frusdoc model class, got {cls!r}")
        if tag != want:
            raise ValidationError(
                [Problem(path="$.type", message=f"expected {want!r}, got {_json_kind(tag)}")]
            )
    body = {k: v for k, v in data.items() if k != FORMAT_NAME}
    if fast:
        # The generated reader: all or nothing, and silent about what is wrong.
        reader = _generated().readers[cls]
        with bulk(), m.trusted():
            try:
                return reader(body)
            except Exception:  # noqa: BLE001 - the detailed converter explains below
                pass
    try:
        value: Any = _detailed().structure(body, cls)
    except RecursionError:
        raise _too_deep("$") from None
    except Exception as exc:  # noqa: BLE001 - every failure becomes a ValidationError
        raise ValidationError(_problems(exc)) from None
    if not fast:
        return value
    raise FrusdocError("internal error: fast and detailed readers disagree")  # pragma: no cover


@overload
def loads(s: str | bytes, *, type: type[T]) -> T: ...
@overload
def loads(s: str | bytes, *, type: None = None) -> Any: ...
@overload
def loads(s: str | bytes, _type: type[T], /) -> T: ...  # deprecated positional form
def loads(s: str | bytes, *_type: type[T], type: type[T] | None = None) -> T | Any:
    """Read a model value from JSON.

    ``type`` is the class expected at the root (``Document`` by default in
    spirit: pass it to get a precise return type); ``None`` accepts whatever the
    root's ``"type"`` names. Raises :class:`~frusdoc.ValidationError` listing
    every problem with its JSON path. ``type`` is keyword-only; by position it
    still works in this release but warns (:class:`DeprecationWarning`).
    """
    _args.expect_model_class("json.loads(type)", type)
    _args.expect("json.loads(s)", s, (str, bytes, bytearray, memoryview), "str or bytes")
    type = _keyword_type("loads", _type, type)
    # Full collections held off over the parse too (orjson builds as many
    # containers as the reader does, and they are garbage again before the
    # call ends).
    with bulk():
        return from_data(_parse_json(s), type=type)


def _keyword_type(function: str, positional: tuple[T, ...], keyword: T | None) -> T | None:
    # One release of grace for the positional ``type`` of 0.1 (issue 12).
    if not positional:
        return keyword
    if len(positional) > 1:
        raise _args.ArgumentTypeError(f"{function}() takes one positional argument besides the input, got {1 + len(positional)}")
    if keyword is not None:
        raise _args.ArgumentTypeError(f"{function}() got type both by position and by keyword; pass type= only")
    warnings.warn(
        f"{function}(..., cls) is deprecated: pass the class by keyword, {function}(..., type=cls)",
        DeprecationWarning,
        stacklevel=3,
    )
    return positional[0]


@overload
def load(fp_or_path: PathOrFile, *, type: type[T]) -> T: ...
@overload
def load(fp_or_path: PathOrFile, *, type: None = None) -> Any: ...
def load(fp_or_path: PathOrFile, *, type: type[T] | None = None) -> T | Any:
    """Read a model value from a JSON file: a path (``str`` or path-like; a
    string is always a path here, see :func:`loads` for JSON text) or a file
    object open for reading, binary or text. Errors as :func:`loads`; a path
    that cannot be read raises :class:`~frusdoc.formats.FileAccessError`."""
    _args.expect_model_class("json.load(type)", type)
    _args.expect_source("json.load(fp_or_path)", fp_or_path)
    return loads(read_source(fp_or_path), type=type)


def dump(value: object, fp_or_path: PathOrTextFile, *, indent: bool = False) -> None:
    """Write :func:`dumps` of ``value`` to a path (UTF-8, no newline
    translation; parent directories must exist) or to a text file object."""
    _args.expect_node("json.dump(value)", value)
    _args.expect_target("json.dump(fp_or_path)", fp_or_path)
    write_target(dumps(value, indent=indent), fp_or_path)


@overload
def dump_lines(values: Iterable[object], fp: None = None) -> str: ...
@overload
def dump_lines(values: Iterable[object], fp: IO[str]) -> None: ...
def dump_lines(values: Iterable[object], fp: IO[str] | None = None) -> str | None:
    """Write values as JSON Lines: one compact JSON object per line.

    With ``fp``, lines are written to it and ``None`` is returned; otherwise the
    whole text is returned.
    """
    _args.expect("json.dump_lines(values)", values, Iterable, "an iterable of model values")
    values = _args.each_node("json.dump_lines(values)", values)
    if fp is None:
        return "".join(dumps(v) + "\n" for v in values)
    for v in values:
        fp.write(dumps(v))
        fp.write("\n")
    return None


@overload
def load_lines(source: str | Iterable[str], *, type: type[T]) -> Iterator[T]: ...
@overload
def load_lines(source: str | Iterable[str], *, type: None = None) -> Iterator[Any]: ...
@overload
def load_lines(source: str | Iterable[str], _type: type[T], /) -> Iterator[T]: ...  # deprecated positional
def load_lines(
    source: str | Iterable[str], *_type: type[T], type: type[T] | None = None
) -> Iterator[T] | Iterator[Any]:
    """Read JSON Lines lazily; blank lines are skipped. Errors name the line.

    ``source`` is the text or an iterable of lines (an open text file).
    ``type`` is keyword-only (by position: :class:`DeprecationWarning`).
    """
    _args.expect_model_class("json.load_lines(type)", type)
    _args.expect("json.load_lines(source)", source, (str, Iterable), "str or an iterable of lines")
    # Not itself a generator, so that the argument check and the warning come
    # at the call, not at the first line read.
    return _iter_lines(source, _keyword_type("load_lines", _type, type))


def _iter_lines(source: str | Iterable[str], cls: type[T] | None) -> Iterator[T]:
    # Only "\n" ends a line: JSON strings may hold U+2028 and other characters
    # that str.splitlines() would also split on.
    lines = source.split("\n") if isinstance(source, str) else source
    for number, line in enumerate(lines, start=1):
        if not isinstance(line, str):
            _args.wrong_type(f"json.load_lines(source), line {number}", "str", line)
        if not line.strip():
            continue
        try:
            yield cast(T, loads(line, type=cls))
        except ValidationError as exc:
            problems = [Problem(path=f"line {number}: {p.path}", message=p.message) for p in exc.problems]
            # The same class (a FormatVersionError stays one), the line named.
            raise type(exc)(problems, summary=f"invalid JSON Lines (line {number})") from None
