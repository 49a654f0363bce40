"""Invariants at construction, derived once from the field annotations.

Every model class is declared ``@attrs.frozen(kw_only=True, field_transformer=checked)``:
:func:`checked` gives each field a validator that checks the value against the
field's annotation (``str``, ``X | None``, a ``Literal``, a tuple of nodes, a
node class or union), so a new field is checked without writing a check.

The annotations are strings when the class is created (``from __future__
import annotations``) and some name classes of modules imported later (an
inline :class:`~frusdoc.Embedded` holds a :data:`~frusdoc.Block`), so each
validator compiles its check on first use, when the whole model is loaded,
and keeps it.

Checks are shallow: a node checks that its children are of the right classes,
not the children's own fields, which their constructors checked already;
building a tree therefore costs one check per field and per child, not per
descendant.

Lists are refused where tuples are declared rather than converted: the
annotation (and so mypy) already says tuple, a converter would hide an
``O(n)`` copy on every construction and would make a list passed in and the
tuple stored different objects, and refusing keeps nodes hashable with no
exception. See ``docs/model.md``.

The readers (TEI, JSON, plain text) build values they have checked already;
:func:`trusted` lets them skip the checks while they build (see
``docs/model.md`` for the measured cost).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Literal, Union

import attrs

from frusdoc.errors import ModelTypeError, ModelValueError, short_repr

__all__ = ["checked", "trusted", "validate"]

Check = Callable[[object], "str | None"]
"""A compiled check: ``None`` when the value fits, else what was expected."""

# Per thread and per async task, so that a reader skipping the checks never
# skips them for code running beside it.
_TRUSTED: ContextVar[bool] = ContextVar("frusdoc_model_trusted", default=False)


@contextmanager
def trusted() -> Iterator[None]:
    """Skip the construction checks inside the ``with`` block.

    Only for the readers, which build values from input they have validated
    (the JSON schema checks of cattrs, the TEI and text parsers that only ever
    build tuples and known literals); the previous state is restored on exit,
    also on error. The state is per thread and per async task (a context
    variable): code running beside a reader keeps its checks.
    """
    token = _TRUSTED.set(True)
    try:
        yield
    finally:
        _TRUSTED.reset(token)


def _name(tp: object) -> str:
    if isinstance(tp, type):
        return tp.__name__
    return str(tp).replace("typing.", "").replace("frusdoc.model.", "")


def _compile(tp: object) -> tuple[Check, str]:
    """A check for annotation ``tp`` and the description of what it expects."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is type(None):
        return (lambda v: None if v is None else "None"), "None"
    if origin is Literal:
        allowed = frozenset(args)
        expected = "one of " + ", ".join(repr(a) for a in args)
        return (lambda v: None if type(v) is str and v in allowed else expected), expected
    if origin is Union or origin is types.UnionType:
        members = [a for a in args if a is not type(None)]
        optional = len(members) < len(args)
        if all(isinstance(a, type) and typing.get_origin(a) is None for a in members):
            classes = tuple(members)
            expected = " | ".join([_name(c) for c in classes] + (["None"] if optional else []))
            if optional:
                return (lambda v: None if v is None or isinstance(v, classes) else expected), expected
            return (lambda v: None if isinstance(v, classes) else expected), expected
        checks = [_compile(a)[0] for a in members]
        expected = " | ".join([_compile(a)[1] for a in members] + (["None"] if optional else []))

        def union(v: object) -> str | None:
            if v is None and optional:
                return None
            return None if any(c(v) is None for c in checks) else expected

        return union, expected
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item, item_expected = _compile(args[0])
            expected = f"a tuple of {item_expected}"

            def homogeneous(v: object) -> str | None:
                if type(v) is not tuple:
                    return expected
                for x in v:
                    if item(x) is not None:
                        return f"{expected} (item {short_repr(x)} is not)"
                return None

            return homogeneous, expected
        items = [_compile(a)[0] for a in args]
        expected = "a tuple (" + ", ".join(_compile(a)[1] for a in args) + ")"

        def fixed(v: object) -> str | None:
            if type(v) is not tuple or len(v) != len(items):
                return expected
            return None if all(c(x) is None for c, x in zip(items, v, strict=True)) else expected

        return fixed, expected
    if tp is bool:
        return (lambda v: None if type(v) is bool else "a bool"), "a bool"
    if tp is float:
        # The converter has made a float of any real number; bool is an int
        # but never a confidence.
        return (lambda v: None if type(v) is float else "a float"), "a float"
    if tp is int:
        return (lambda v: None if type(v) is int else "an int"), "an int"
    if isinstance(tp, type):
        expected = "a str" if tp is str else _name(tp)
        return (lambda v: None if isinstance(v, tp) else expected), expected
    raise TypeError(f"frusdoc.model: no construction check for annotation {tp!r}")


@attrs.define(slots=True)
class _Validator:
    """The validator of one field: compiles its check on first call."""

    field: str
    check: Check | None = None
    expected: str = ""
    literal: bool = False

    def __call__(self, instance: object, attribute: attrs.Attribute[object], value: object) -> None:
        if _TRUSTED.get():
            return
        check = self.check
        if check is None:
            cls = type(instance)
            if not attrs.has(cls):  # only attrs classes call their validators
                raise TypeError(f"{cls.__name__} is not an attrs class")
            tp = attrs.fields_dict(cls)[self.field].type
            if tp is None or isinstance(tp, str):
                # Not resolved yet: the class's own module names everything
                # its annotations use (cross-module ones were resolved there).
                tp = typing.get_type_hints(cls)[self.field]
            check, self.expected = _compile(tp)
            self.literal = typing.get_origin(tp) is Literal
            self.check = check
        problem = check(value)
        if problem is None:
            return
        owner = type(instance).__name__
        # A string that is not one of a Literal's values is of the right type
        # with a wrong value (ValueError); anything else is of the wrong type.
        error = ModelValueError if self.literal and type(value) is str else ModelTypeError
        if self.expected.startswith("a tuple") and isinstance(value, list):
            problem = f"{problem} (lists are refused: pass tuple(...))"
        raise error(owner, self.field, problem, value)


def checked(_cls: type, fields: list[attrs.Attribute[object]]) -> list[attrs.Attribute[object]]:
    """attrs ``field_transformer``: give every field its annotation's check,
    before any validator the field declares (which may then rely on the type)."""
    out = []
    for field in fields:
        check = _Validator(field.name)
        validator = check if field.validator is None else attrs.validators.and_(check, field.validator)
        out.append(field.evolve(validator=validator))
    return out


def validate(value: object) -> None:
    """Run the construction checks again on ``value`` and every node under it
    (also inside :func:`trusted`): the proof that a reader which skipped
    them built a valid tree. Raises the first :class:`~frusdoc.ModelError`."""
    token = _TRUSTED.set(False)
    try:
        stack = [value]
        while stack:
            node = stack.pop()
            if isinstance(node, tuple):
                stack.extend(node)
                continue
            cls = type(node)
            if not attrs.has(cls):
                continue
            for field in attrs.fields(cls):
                child = getattr(node, field.name)
                if field.validator is not None:
                    field.validator(node, field, child)
                if isinstance(child, tuple) or attrs.has(type(child)):
                    stack.append(child)
    finally:
        _TRUSTED.reset(token)
