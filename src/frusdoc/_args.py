"""The argument checks of the public functions: one implementation, one message form.

Every public function checks its arguments at the top with these helpers, so a
wrong argument fails at once with a :class:`~frusdoc.ArgumentTypeError` (also a
``TypeError``) or :class:`~frusdoc.ArgumentValueError` (also a ``ValueError``)
that names the function and the parameter, says what was expected and shows
what was given::

    text.parse(s): expected str, got bytes b'FRUS...'

rather than an ``AttributeError`` from deep inside. :func:`nesting` turns the
``RecursionError`` of input nested deeper than the interpreter's stack into the
reader's own error, saying so. Checks are shallow (the type of the argument,
not of every item of a long tuple), so they cost nothing next to the work.
See ``docs/core.md`` (errors).
"""

from __future__ import annotations

import functools
import io
import os
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from typing import NoReturn, TypeVar

from frusdoc.errors import ArgumentTypeError, ArgumentValueError, FrusdocError, short_repr

T = TypeVar("T")

__all__ = [
    "ArgumentTypeError",
    "ArgumentValueError",
    "expect",
    "expect_bool",
    "each_node",
    "expect_callable",
    "expect_element",
    "expect_model_class",
    "expect_int",
    "expect_node",
    "expect_render",
    "expect_selection",
    "expect_one_of",
    "expect_source",
    "expect_str",
    "expect_target",
    "expect_text_stream",
    "expect_strings",
    "nesting",
    "shown",
    "wrong_type",
]

def shown(value: object) -> str:
    """``int 7``, ``bytes b'FRUS...'``: the type and a short repr, safe for a
    1 MB string or a list nested thousands deep (``repr`` of one recurses)."""
    return "None" if value is None else f"{type(value).__name__} {short_repr(value)}"


def wrong_type(
    where: str, expected: str, value: object, *, error: type[ArgumentTypeError] = ArgumentTypeError
) -> NoReturn:
    """Raise the :class:`~frusdoc.ArgumentTypeError` (or ``error``, a subclass)
    of ``where`` (``"text.parse(s)"``)."""
    hint = "; decode it first: data.decode('utf-8')" if isinstance(value, bytes) and "str" in expected else ""
    raise error(f"{where}: expected {expected}, got {shown(value)}{hint}")


def expect(where: str, value: object, types: type | tuple[type, ...], expected: str) -> None:
    """``value`` must be an instance of ``types`` (``expected`` says so in words)."""
    if not isinstance(value, types):
        wrong_type(where, expected, value)


def expect_str(where: str, value: object, *, optional: bool = False, empty: bool = True) -> None:
    """A ``str`` (or ``None`` when ``optional``); ``empty=False`` also refuses ``""``."""
    if value is None and optional:
        return
    if not isinstance(value, str):
        wrong_type(where, "str or None" if optional else "str", value)
    if not empty and not value:
        raise ArgumentValueError(f"{where}: expected a non-empty str, got ''")


def expect_bool(where: str, value: object) -> None:
    """``True`` or ``False`` (not 0 or 1, which are usually a slip)."""
    if type(value) is not bool:
        wrong_type(where, "True or False", value)


def expect_int(where: str, value: object, *, minimum: int | None = None, maximum: int | None = None) -> None:
    """An ``int`` (never a ``bool``), within ``minimum``..``maximum`` when given."""
    if not isinstance(value, int) or isinstance(value, bool):
        wrong_type(where, "an int", value)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        low = "" if minimum is None else f"{minimum} <= "
        high = "" if maximum is None else f" <= {maximum}"
        raise ArgumentValueError(f"{where}: expected {low}n{high}, got {value}")


def expect_one_of(where: str, value: object, allowed: Collection[str]) -> None:
    """One of the strings ``allowed`` (a ``Literal``'s values)."""
    if not isinstance(value, str):
        wrong_type(where, "one of " + ", ".join(repr(a) for a in allowed), value)
    if value not in allowed:
        raise ArgumentValueError(
            f"{where}: expected one of {', '.join(repr(a) for a in allowed)}, got {short_repr(value)}"
        )


def expect_strings(where: str, value: object) -> None:
    """A list or tuple of ``str`` (a lone ``str`` is refused: it would be read
    character by character)."""
    if not isinstance(value, (list, tuple)):
        wrong_type(where, "a list or tuple of str", value)
    for item in value:
        if not isinstance(item, str):
            wrong_type(where, "a list or tuple of str", item)


def expect_element(where: str, value: object) -> None:
    """An lxml element (what the TEI reader's element functions take)."""
    if not isinstance(value, _element_class()):
        wrong_type(where, "an lxml element", value)


@functools.cache
def _element_class() -> type:
    # Imported on first use: lxml is only needed by the TEI modules.
    from lxml import etree

    return etree._Element


def expect_callable(where: str, value: object, *, optional: bool = False) -> None:
    """A function (or ``None`` when ``optional``)."""
    if not (callable(value) or (optional and value is None)):
        wrong_type(where, "a function or None" if optional else "a function", value)


def expect_model_class(where: str, value: object, *, optional: bool = True) -> None:
    """A model class (``Document``), or ``None`` when ``optional``."""
    if optional and value is None:
        return
    if not (isinstance(value, type) and value in _model_classes()):
        wrong_type(where, "a frusdoc model class (Document, Volume, ...)", value)


def each_node(where: str, values: Iterable[T]) -> Iterator[T]:
    """``values``, each checked to be a model node as it is taken (lazily, so a
    stream stays a stream)."""
    for value in values:
        expect_node(where, value)
        yield value


_MODEL: frozenset[type] = frozenset()


def _model_classes() -> frozenset[type]:
    # Filled on first use: the model imports this module, so not at import time.
    global _MODEL
    if not _MODEL:
        from frusdoc.tags import CLASS_OF_TAG

        _MODEL = frozenset(CLASS_OF_TAG.values())
    return _MODEL


def expect_node(where: str, value: object, types: type | tuple[type, ...] | None = None) -> None:
    """A model node of ``types`` (any model class when ``None``)."""
    if types is None:
        # One set lookup: the model classes are never subclassed.
        if type(value) in (_MODEL or _model_classes()):
            return
        expected = "a frusdoc model value (a node)"
    elif isinstance(value, types):
        return
    elif isinstance(types, type):
        expected = f"a {types.__name__}"
    else:
        expected = " or ".join(f"a {t.__name__}" for t in types)
    wrong_type(where, expected, value)


def expect_render(where: str, doc: object, reading: object, **flags: object) -> None:
    """The arguments of a text writer: a document, a reading, flags that are bools."""
    from frusdoc.model import Document

    expect_node(f"{where}(doc)", doc, Document)
    expect_one_of(f"{where}(reading)", reading, ("original", "corrected"))
    for name, value in flags.items():
        expect_bool(f"{where}({name})", value)


def expect_selection(where: str, value: object) -> None:
    """``None`` (all), a predicate, or a collection of ids (not one ``str``,
    which would be taken character by character)."""
    if value is None or callable(value):
        return
    if isinstance(value, str) or not isinstance(value, Collection):
        wrong_type(where, "None, a predicate or a collection of ids", value)
    for item in value:
        if not isinstance(item, str):
            wrong_type(where, "None, a predicate or a collection of ids (str)", item)


def expect_source(
    where: str, value: object, *, text: bool = True, error: type[ArgumentTypeError] = ArgumentTypeError
) -> None:
    """What a reader reads: a path (``str``, path-like), ``bytes`` or a file
    object open for reading (binary, or also text when ``text``)."""
    if isinstance(value, (str, os.PathLike, bytes, bytearray, memoryview)):
        return
    reader = getattr(value, "read", None)
    if callable(reader):
        if not text and isinstance(value, io.TextIOBase):
            wrong_type(where, "a binary file object (open it with 'rb'), not a text one", value, error=error)
        return
    kinds = (
        "a path, bytes, text or a file object open for reading"
        if text
        else "a path, bytes or a binary file object (or XML text)"
    )
    wrong_type(where, kinds, value, error=error)


def expect_target(where: str, value: object) -> None:
    """Where a writer writes: a path (``str``, path-like) or a text file object."""
    if not isinstance(value, (str, os.PathLike)):
        expect_text_stream(where, value, "a path or a text file object open for writing")


def expect_text_stream(where: str, value: object, expected: str = "a text file object open for writing") -> None:
    """A file object to write ``str`` to (not a binary one)."""
    if not callable(getattr(value, "write", None)):
        wrong_type(where, expected, value)
    if isinstance(value, (io.RawIOBase, io.BufferedIOBase)):
        wrong_type(where, "a text file object (open it with 'w'), not a binary one", value)


@contextmanager
def nesting(where: str, error: Callable[[str], FrusdocError]) -> Iterator[None]:
    """Turn a ``RecursionError`` inside the block into ``error(message)``: the
    input nests deeper than the interpreter's stack allows (FRUS nests a few
    dozen levels at most)."""
    try:
        yield
    except RecursionError:
        raise error(
            f"{where}: nesting depth too great: the input nests deeper than frusdoc can follow "
            "(FRUS material nests a few dozen levels at most)"
        ) from None
