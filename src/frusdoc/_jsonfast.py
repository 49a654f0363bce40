"""The JSON fast path: a reader and a writer per model class, generated once
from the attrs fields.

:mod:`frusdoc.json` reads and writes through cattrs, whose generic hooks
(union dispatch, per-field hooks, ``list(generator)`` per tuple, attrs'
frozen ``__init__`` with a validator per field) cost several times the JSON
parse itself. This module generates, from the same field annotations the
cattrs converter and the construction checks read, one plain Python function
per class (source text compiled with :func:`exec`):

* a **reader** takes the parsed JSON of one object and returns the model
  value, or raises as soon as anything is not exactly as the format requires.
  It is all-or-nothing and says nothing about *what* is wrong: on any
  exception :mod:`frusdoc.json` runs the detailed cattrs converter over the
  same data, which collects every problem with its path (so error messages
  are those of the detailed path, unchanged). The reader checks everything
  the format and the construction checks require (types, literals, required
  fields, unknown keys, the ``"type"`` rules, the older 1.x forms, a
  confidence as written), so it builds the node with ``object.__new__`` and
  the slots' descriptors: attrs' frozen ``__init__`` would set each field
  through ``object.__setattr__`` and call a validator per field even inside
  :func:`frusdoc.model.trusted`. Field converters and the validators a field
  declares besides its type check (a confidence's range, distinct part
  names) still run, inside ``trusted()``.
* a **writer** returns the JSON-ready dict of a value (fields equal to their
  default left out, ``"type"`` first), as cattrs does, without its generic
  dispatch. Any surprise (a class outside the model, nesting past the
  recursion limit) makes :mod:`frusdoc.json` fall back to cattrs as well.

``tests/test_json_fast.py`` holds the two paths together: equal values, equal
bytes and equal error messages for drawn values and mutated JSON.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Literal, NamedTuple, Union

import attrs

from frusdoc import model as m
from frusdoc.model._checks import _Validator
from frusdoc.tags import TAG_OF_CLASS

__all__ = ["AsWritten", "Generated", "Older", "Reader", "Writer", "build"]

Reader = Callable[[Any], Any]
"""Parsed JSON of one object -> model value (raises on anything unexpected)."""
Writer = Callable[[Any], dict[str, Any]]
"""Model value -> JSON-ready dict."""
Older = tuple[tuple[str, ...], Callable[[dict[str, Any]], dict[str, Any]]]
"""The keys of an older 1.x form of a class and the conversion to the current form."""
AsWritten = Callable[[dict[str, Any]], None]
"""A check of an object as written (raises when refused)."""

_ATTRIBUTES = tuple[tuple[str, str], ...]
_IMMUTABLE = (type(None), str, bool, int, float, tuple)

#: The unions of the model, as the field annotations spell them.
_UNIONS: dict[Any, str] = {
    m.Inline: "Inline",
    m.Block: "Block",
    m.Target: "Target",
    m.DivisionChild: "DivisionChild",
    m.OutsideNode: "OutsideNode",
}


class _Gen:
    """The source text and namespace of the generated functions."""

    def __init__(self) -> None:
        self.ns: dict[str, Any] = {
            "_new": object.__new__,
            "_dict": dict,
            "_list": list,
            "_str": str,
            "_bool": bool,
            "_float": float,
            "_int": int,
            "_tuple": tuple,
            "_M": _MISSING,
            "Text": m.Text,
            "_set_text": m.Text.__dict__["text"].__set__,
        }
        self.tables: dict[str, dict[str, str]] = {}
        self.counter = 0

    def name(self, prefix: str, value: object) -> str:
        self.counter += 1
        key = f"_{prefix}{self.counter}"
        self.ns[key] = value
        return key


_MISSING = object()


def _union_name(tp: Any) -> str | None:
    for union, name in _UNIONS.items():
        if tp == union:
            return name
    return None


def _members(tp: Any) -> tuple[type, ...]:
    return tuple(typing.get_args(tp))


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (Union, types.UnionType)


def _optional_of(tp: Any) -> Any:
    """``X`` for ``X | None`` (one member besides None), else ``None``."""
    if not _is_union(tp):
        return None
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    if len(args) == 1 and len(typing.get_args(tp)) == 2:
        return args[0]
    return None


# -- readers ------------------------------------------------------------------


def _read_value(g: _Gen, tp: Any, indent: str) -> list[str]:
    """Statements checking and converting ``x`` (parsed JSON) to type ``tp``, in place."""
    i = indent
    if tp is str:
        return [f"{i}if x.__class__ is not _str: raise TypeError"]
    if tp is bool:
        return [f"{i}if x.__class__ is not _bool: raise TypeError"]
    if tp is float:
        return [
            f"{i}if x.__class__ is not _float:",
            f"{i}    if x.__class__ is not _int: raise TypeError",
            f"{i}    x = _float(x)",
        ]
    if typing.get_origin(tp) is Literal:
        allowed = g.name("lit", frozenset(typing.get_args(tp)))
        return [f"{i}if x.__class__ is not _str or x not in {allowed}: raise TypeError"]
    if tp == _ATTRIBUTES:
        return [
            f"{i}if x.__class__ is not _dict: raise TypeError",
            f"{i}for y in x.values():",
            f"{i}    if y.__class__ is not _str: raise TypeError",
            f"{i}x = _tuple(x.items())",
        ]
    inner = _optional_of(tp)
    if inner is not None:
        body = _read_value(g, inner, i + "    ")
        return [f"{i}if x is not None:", *body]
    union = _union_name(tp)
    if union is not None:
        return [f"{i}x = {_union_item(g, tp, 'x')}"]
    if tp in TAG_OF_CLASS:
        return [f"{i}x = _r_{tp.__name__}(x)"]
    args = typing.get_args(tp)
    if typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = args[0]
        head = [f"{i}if x.__class__ is not _list: raise TypeError"]
        if item is str:
            return [
                *head,
                f"{i}for y in x:",
                f"{i}    if y.__class__ is not _str: raise TypeError",
                f"{i}x = _tuple(x)",
            ]
        if _union_name(item) is not None:
            expr = _union_item(g, item, "y")
        elif item in TAG_OF_CLASS:
            expr = f"_r_{item.__name__}(y)"
        else:
            raise TypeError(f"frusdoc._jsonfast: no reader for annotation {tp!r}")
        # One item (a name's text, a note's paragraph) is the most frequent
        # list: read without the comprehension's own call and list.
        return [
            *head,
            f"{i}if len(x) == 1:",
            f"{i}    y = x[0]",
            f"{i}    x = ({expr},)",
            f"{i}else:",
            f"{i}    x = _tuple([{expr} for y in x])",
        ]
    raise TypeError(f"frusdoc._jsonfast: no reader for annotation {tp!r}")


def _union_item(g: _Gen, tp: Any, var: str) -> str:
    """An expression reading ``var`` as a member of union ``tp``.

    The tag picks the member's reader (a missing, unknown or unhashable tag
    raises); a string is a :class:`~frusdoc.Text` where the union has it.
    """
    members = _members(tp)
    table = {TAG_OF_CLASS[c]: f"_ru_{c.__name__}" for c in members if c is not m.Text}
    key = f"_u_{_union_name(tp)}"
    g.tables[key] = table
    g.ns.setdefault(key, {})  # filled once every reader exists
    call = f"{key}[{var}['type']]({var})"
    if m.Text in members:
        # A Text built in the expression (two C calls, no Python frame):
        # most items of an inline list are strings.
        return f"((_set_text(_t := _new(Text), {var}) or _t) if {var}.__class__ is _str else {call})"
    return call


def _reader_source(
    g: _Gen, cls: type, older: Older | None, as_written: AsWritten | None, member: bool
) -> list[str]:
    # member: the reader of a union member, called by the union's dispatch
    # with an object whose "type" is this class's tag.
    tag = TAG_OF_CLASS[cls]
    name = cls.__name__
    if any(hasattr(cls, hook) for hook in ("__attrs_pre_init__", "__attrs_post_init__")):
        # The reader bypasses __init__: a class that does more there needs a reader that calls it.
        raise TypeError(f"frusdoc._jsonfast: {name} has an __init__ hook the reader would skip")
    lines = [f"def _ru_{name}(v):"] if member else [f"def _r_{name}(v):", "    if v.__class__ is not _dict: raise TypeError"]
    if older is not None:
        # The older 1.x keys are rare: only then the shared conversion runs.
        keys, convert = older
        test = " or ".join(f"{k!r} in v" for k in keys)
        lines.append(f"    if {test}: v = {g.name('older', convert)}(v)")
    if as_written is not None:
        lines.append(f"    {g.name('written', as_written)}(v)")
    if member:
        lines.append("    n = 1")
    else:
        lines += [
            "    t = v.get('type', _M)",
            "    if t is _M: n = 0",
            f"    elif t != {tag!r}: raise TypeError",
            "    else: n = 1",
        ]
    lines.append(f"    o = _new({g.name('cls', cls)})")
    lines.append("    nv = len(v)")
    hints = _hints(cls)
    fields = attrs.fields(cls)
    setters = {f.name: g.name("set", cls.__dict__[f.name].__set__) for f in fields}
    for index, field in enumerate(fields):
        tp = hints[field.name]
        setter = setters[field.name]
        lines.append(f"    x = v.get({field.name!r}, _M)")
        if field.default is attrs.NOTHING:
            lines.append("    if x is _M: raise KeyError")
            lines.append("    n += 1")
            lines += _read_value(g, tp, "    ")
        elif field.default is None and _optional_of(tp) is not None:
            # Absent or null: the default. A null is not counted, so a count
            # short of the keys is settled by the exact check below.
            lines[-1] = f"    x = v.get({field.name!r})"
            lines.append("    if x is not None:")
            lines.append("        n += 1")
            lines += _read_value(g, _optional_of(tp), "        ")
        else:
            if type(field.default) not in _IMMUTABLE:
                # one default object is shared by every node read: it must not change
                raise TypeError(f"frusdoc._jsonfast: default of {name}.{field.name} is not immutable")
            lines.append(f"    if x is _M: x = {g.name('default', field.default)}")
            lines.append("    else:")
            lines.append("        n += 1")
            lines += _read_value(g, tp, "        ")
        if field.converter is not None:
            lines.append(f"    x = {g.name('conv', field.converter)}(x)")
        if field.validator is not None and type(field.validator) is not _Validator:
            # A check the field declares besides its type (the type check
            # itself is skipped: the caller runs under trusted()).
            lines.append(
                f"    {g.name('valid', field.validator)}(o, {g.name('field', field)}, x)"
            )
        lines.append(f"    {setter}(o, x)")
        lines += _rest_defaults(g, fields[index + 1 :], setters)
    allowed = g.name("keys", frozenset(f.name for f in attrs.fields(cls)) | {"type"})
    lines += [f"    if n != nv and not v.keys() <= {allowed}: raise KeyError", "    return o", ""]
    return lines


def _rest_defaults(g: _Gen, rest: tuple[attrs.Attribute[Any], ...], setters: dict[str, str]) -> list[str]:
    """Once every key of the object has been read (``n == nv``), the fields
    left are absent: their defaults are set without looking them up. Most
    objects as frusdoc writes them hold only their first fields (a paragraph
    its inlines, a note its blocks, label and id), so most lookups of the
    fields after them are saved. Only where every field left has a plain
    default (no converter, no check besides its type): otherwise the reader
    goes on looking each one up."""
    if not rest or any(
        f.default is attrs.NOTHING
        or type(f.default) not in _IMMUTABLE
        or f.converter is not None
        or (f.validator is not None and type(f.validator) is not _Validator)
        for f in rest
    ):
        return []
    lines = ["    if n == nv:"]
    lines += [f"        {setters[f.name]}(o, {g.name('default', f.default)})" for f in rest]
    lines.append("        return o")
    return lines


def _hints(cls: type) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in attrs.fields(cls):
        tp = field.type
        if tp is None or isinstance(tp, str):
            tp = typing.get_type_hints(cls)[field.name]
        out[field.name] = tp
    return out


# -- writers ------------------------------------------------------------------


def _write_value(g: _Gen, tp: Any, expr: str) -> str:
    """An expression giving the JSON-ready data of ``expr`` of type ``tp``."""
    if tp in (str, bool, float) or typing.get_origin(tp) is Literal:
        return expr
    if tp == _ATTRIBUTES:
        return f"_dict({expr})"
    inner = _optional_of(tp)
    if inner is not None:
        inner_expr = _write_value(g, inner, expr)
        return expr if inner_expr == expr else f"(None if {expr} is None else {inner_expr})"
    if _union_name(tp) is not None:
        return _union_write(tp, expr)
    if tp in TAG_OF_CLASS:
        return f"_w_{tp.__name__}({expr})"
    args = typing.get_args(tp)
    if typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = args[0]
        if item is str:
            return f"_list({expr})"
        return f"[{_write_value(g, item, 'y')} for y in {expr}]"
    raise TypeError(f"frusdoc._jsonfast: no writer for annotation {tp!r}")


def _union_write(tp: Any, var: str) -> str:
    call = f"_w[{var}.__class__]({var})"
    if m.Text in _members(tp):
        return f"({var}.text if {var}.__class__ is Text else {call})"
    return call


def _writer_source(g: _Gen, cls: type, shallow: bool) -> list[str]:
    # shallow: the object's own dict only, its tuples and nested nodes left
    # in place for the encoder's default hook (tuples are arrays to it).
    tag = TAG_OF_CLASS[cls]
    prefix = "_s_" if shallow else "_w_"
    lines = [f"def {prefix}{cls.__name__}(o):", f"    d = {{'type': {tag!r}}}"]
    hints = _hints(cls)
    for field in attrs.fields(cls):
        tp = hints[field.name]
        shallow_value = "_dict(x)" if tp == _ATTRIBUTES else "x"
        value = shallow_value if shallow else _write_value(g, tp, "x")
        lines.append(f"    x = o.{field.name}")
        if field.default is attrs.NOTHING:
            lines.append(f"    d[{field.name!r}] = {value}")
            continue
        default = field.default
        # cattrs leaves out a field equal to its default (omit_if_default).
        if default is None:
            test = "x is not None"
        elif default == ():
            test = "x"
        else:
            test = f"x != {g.name('default', default)}"
        lines.append(f"    if {test}: d[{field.name!r}] = {value}")
    lines += ["    return d", ""]
    return lines


#: The classes whose shallow writers the encoder's hook holds inline, most
#: frequent first (as in FRUS volumes: texts, then names, highlights and
#: paragraphs, note markers and page breaks): a class test each instead of a
#: table look-up and a second call, for most nodes. The others go by the table.
_FREQUENT = (
    m.Paragraph,
    m.Name,
    m.Emphasis,
    m.NoteRef,
    m.PageBreak,
    m.Note,
    m.Plain,
    m.DateText,
    m.Opener,
    m.Closer,
    m.Dateline,
    m.Signed,
    m.DateRange,
    m.Document,
)


def _default_source(g: _Gen) -> list[str]:
    """The ``default`` hook: a Text's string, or a node's shallow dict."""
    lines = ["def _default(o):", "    c = o.__class__", "    if c is Text: return o.text"]
    for cls in _FREQUENT:
        body = _writer_source(g, cls, shallow=True)[1:-1]  # without the def and the blank line
        lines.append(f"    if c is {g.name('cls', cls)}:")
        lines += ["    " + line for line in body]
    lines += [
        "    f = _s.get(c)",
        "    if f is None: raise TypeError",  # not a model class: the caller falls back
        "    return f(o)",
        "",
    ]
    return lines


# -- building -----------------------------------------------------------------


class Generated(NamedTuple):
    """The generated functions, by model class."""

    readers: dict[type, Reader]
    """Parsed JSON of one object -> model value."""
    writers: dict[type, Writer]
    """Model value -> its whole JSON-ready data (:func:`frusdoc.json.to_data`)."""
    shallow: dict[type, Writer]
    """Model value -> its own dict, children left as model values and tuples."""
    default: Callable[[object], object]
    """The ``default`` hook of an encoder given shallow dicts (orjson,
    :func:`json.dumps`): a child node's shallow dict, a Text's string."""


def build(older: Mapping[type, Older], as_written: Mapping[type, AsWritten]) -> Generated:
    """Generate the readers and the writers of every model class.

    ``older`` gives, by class, the keys of an older 1.x form and the function
    turning such an object into the current form (run only when one of the
    keys is present); ``as_written`` a check of the object as written, run
    before its fields are read. Both raise on a value they refuse.
    """
    g = _Gen()
    source = [
        "def _mk_text(s):",
        "    o = _new(Text)",
        "    _set_text(o, s)",
        "    return o",
        "",
        "def _r_Text(v):",
        # Only at the root (from_data has checked the tag): a Text inside a
        # union is a plain string, an object tagged "text" is refused there.
        "    if v.__class__ is not _dict or v.get('type', 'text') != 'text': raise TypeError",
        "    x = v['text']",
        "    if x.__class__ is not _str or len(v) != (2 if 'type' in v else 1): raise TypeError",
        "    return _mk_text(x)",
        "",
        "def _w_Text(o):",
        "    return {'type': 'text', 'text': o.text}",
        "",
        "_s_Text = _w_Text",
        "",
    ]
    source += _default_source(g)
    for cls in TAG_OF_CLASS:
        if cls is not m.Text:
            for member in (False, True):
                source += _reader_source(g, cls, older.get(cls), as_written.get(cls), member)
            source += _writer_source(g, cls, shallow=False)
            source += _writer_source(g, cls, shallow=True)
    g.ns["_w"] = {}
    g.ns["_s"] = {}
    exec(compile("\n".join(source), "<frusdoc._jsonfast>", "exec"), g.ns)
    for key, table in g.tables.items():
        g.ns[key].update({tag: g.ns[fn] for tag, fn in table.items()})
    out = Generated(
        readers={c: g.ns[f"_r_{c.__name__}"] for c in TAG_OF_CLASS},
        writers={c: g.ns[f"_w_{c.__name__}"] for c in TAG_OF_CLASS},
        shallow={c: g.ns[f"_s_{c.__name__}"] for c in TAG_OF_CLASS},
        default=g.ns["_default"],
    )
    g.ns["_w"].update(out.writers)
    g.ns["_s"].update(out.shallow)
    return out
