"""Invariants at construction: every model field refuses what its annotation
does not allow, the readers (which build without the checks) still build
values that pass them, and every strategy of frusdoc.testing builds valid values."""

from __future__ import annotations

import types
import typing  # typing.cast: a wrong value passed on purpose, the check at construction under test
from collections.abc import Callable
from pathlib import Path
from typing import Literal, Union

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import frusdoc
from frusdoc import model as m
from frusdoc import testing
from tests.corpus import DATA, read, text_files

CLASSES = sorted(
    (obj for name in m.__all__ if isinstance(obj := getattr(m, name), type) and attrs.has(obj)),
    key=lambda c: c.__name__,
)
FIELDS = [(cls, field) for cls in CLASSES for field in attrs.fields(cls)]


def _hint(cls: type, field: str) -> object:
    # As the model's own checks do: resolved where the class was (Embedded's
    # Block is resolved by the blocks module), else from the class's module.
    tp = attrs.fields_dict(cls)[field].type
    return typing.get_type_hints(cls)[field] if tp is None or isinstance(tp, str) else tp


def _optional(tp: object) -> bool:
    return typing.get_origin(tp) in (Union, types.UnionType) and type(None) in typing.get_args(tp)


def _valid(tp: object) -> object:
    """The smallest valid value of annotation ``tp``."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is Literal:
        return args[0]
    if origin is tuple:
        return () if args[-1] is Ellipsis else tuple(_valid(a) for a in args)
    if origin in (Union, types.UnionType):
        return None if type(None) in args else _valid(args[0])
    if tp is str:
        return "x"
    if tp is bool:
        return False
    if tp is float:
        return 0.5
    assert isinstance(tp, type) and attrs.has(tp), tp
    return _build(tp)


def _build(cls: type, **given: object) -> object:
    kwargs = {f.name: _valid(_hint(cls, f.name)) for f in attrs.fields(cls) if f.default is attrs.NOTHING}
    kwargs.update(given)
    return cls(**kwargs)


def _wrong(tp: object) -> st.SearchStrategy[tuple[object, type[Exception]]]:
    """Values ``tp`` refuses, each with the builtin it must be raised as."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    wrong_type = st.one_of(
        st.integers(), st.binary(max_size=4), st.floats(allow_nan=False), st.just(object())
    )
    typed = wrong_type.map(lambda v: (v, TypeError))
    if origin is Literal:
        bogus = st.text(max_size=8).filter(lambda s: s not in args)
        return st.one_of(typed, bogus.map(lambda v: (v, ValueError)))
    if origin is tuple:
        item = args[0]
        as_list = st.just([_valid(item)] if args[-1] is Ellipsis else [_valid(a) for a in args])
        with_bad_item = st.just((5, "x", None))
        return st.one_of(
            typed,
            st.just(([], TypeError)),
            as_list.map(lambda v: (v, TypeError)),
            with_bad_item.map(lambda v: (v, TypeError)),
        )
    if origin in (Union, types.UnionType):
        if all(isinstance(a, type) and attrs.has(a) for a in args if a is not type(None)):
            # A node of another class: a Text where a Target is expected.
            other = st.just(frusdoc.Paragraph() if frusdoc.Paragraph not in args else frusdoc.Text(text="x"))
            return st.one_of(
                typed, st.text(max_size=4).map(lambda v: (v, TypeError)), other.map(lambda v: (v, TypeError))
            )
        members = [a for a in args if a is not type(None)]
        return _wrong(members[0]) if len(members) == 1 else typed
    if tp is str:
        return st.one_of(typed, st.just((None, TypeError)), st.just((["x"], TypeError)))
    if tp is bool:
        return st.one_of(st.just((1, TypeError)), st.just(("yes", TypeError)), st.just((None, TypeError)))
    if tp is float:
        return st.one_of(st.just(("0.5", TypeError)), st.just((True, TypeError)), st.just((2.0, ValueError)))
    assert isinstance(tp, type), tp
    return st.one_of(typed, st.just((None, TypeError)), st.text(max_size=4).map(lambda v: (v, TypeError)))


@pytest.mark.parametrize(("cls", "field"), FIELDS, ids=[f"{c.__name__}.{f.name}" for c, f in FIELDS])
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_every_field_refuses_wrong_values(
    cls: type, field: attrs.Attribute[object], data: st.DataObject
) -> None:
    tp = _hint(cls, field.name)
    if _optional(tp) and typing.get_args(tp) == (str, type(None)):
        strategy: st.SearchStrategy[tuple[object, type[Exception]]] = _wrong(str).filter(
            lambda p: p[0] is not None
        )
    else:
        strategy = _wrong(tp)
    value, builtin = data.draw(strategy)
    with pytest.raises(frusdoc.ModelError) as caught:
        _build(cls, **{field.name: value})
    error = caught.value
    assert isinstance(error, builtin)
    assert (error.cls, error.field, error.value) == (cls.__name__, field.name, value)
    assert str(error).startswith(f"{cls.__name__}.{field.name}: expected ")
    assert repr(value)[:40] in str(error)


def test_every_class_builds_with_valid_values() -> None:
    # The other side of the test above: the minimal values are accepted, so a
    # refusal there is the wrong value's doing.
    for cls in CLASSES:
        m.validate(_build(cls))


def test_messages_say_class_field_expectation_and_value() -> None:
    with pytest.raises(
        frusdoc.ModelValueError,
        match=r"^Name\.kind: expected one of 'person', 'place', 'term', 'gloss', got 'bogus'$",
    ):
        frusdoc.Name(kind=typing.cast(m.NameKind, "bogus"))
    with pytest.raises(frusdoc.ModelTypeError, match=r"^Text\.text: expected a str, got 5$"):
        frusdoc.Text(text=typing.cast(str, 5))
    with pytest.raises(
        frusdoc.ModelTypeError, match=r"lists are refused: pass tuple\(\.\.\.\)\), got \[Text\(text='a'\)\]$"
    ):
        frusdoc.Paragraph(inlines=typing.cast("tuple[m.Inline, ...]", [frusdoc.Text(text="a")]))
    with pytest.raises(
        frusdoc.ModelValueError,
        match=r"^Emendation\.confidence: expected a number between 0 and 1, got 1\.5$",
    ):
        frusdoc.Emendation(original=(), corrected=(), confidence=1.5)
    for place in typing.get_args(m.OutsidePlace):
        assert frusdoc.Outside(place=place, node=frusdoc.PageBreak(label="1")).place == place


def test_trusted_skips_the_checks_and_validate_finds_what_it_let_through() -> None:
    with m.trusted():
        bad = frusdoc.Paragraph(inlines=(frusdoc.Name(kind=typing.cast(m.NameKind, "bogus")),))
    with pytest.raises(frusdoc.ModelValueError, match=r"^Name\.kind: "):
        m.validate(frusdoc.Document(blocks=(bad,)))
    # restored on exit, also when the block raises
    with pytest.raises(RuntimeError), m.trusted():
        raise RuntimeError
    with pytest.raises(frusdoc.ModelTypeError):
        frusdoc.Text(text=typing.cast(str, 5))
    # validate checks even inside trusted()
    with m.trusted():
        five = frusdoc.Text(text=typing.cast(str, 5))
        with pytest.raises(frusdoc.ModelTypeError, match=r"^Text\.text: expected a str, got 5$"):
            m.validate((frusdoc.Plain(inlines=(five,)),))


TEI = sorted((DATA / "tei").glob("*.xml"))


@pytest.mark.parametrize("path", TEI, ids=lambda p: p.name)
def test_tei_and_json_readers_build_valid_values(path: Path) -> None:
    volume = frusdoc.tei.read_volume(path)
    m.validate(volume)
    m.validate(frusdoc.json.loads(frusdoc.json.dumps(volume), type=frusdoc.Volume))


def test_text_reader_builds_valid_values() -> None:
    pages = text_files()
    for path in pages:
        m.validate(frusdoc.text.parse(read(path)))
    assert len(pages) > 100


STRATEGIES: dict[str, Callable[[], st.SearchStrategy[object]]] = {
    name: getattr(testing, name) for name in testing.__all__
}


@pytest.mark.parametrize("name", sorted(STRATEGIES))
# Few examples: every other test drawing from these strategies runs the
# construction checks too; this one names each strategy once.
@settings(max_examples=5, deadline=None)
@given(data=st.data())
def test_every_testing_strategy_builds_valid_values(name: str, data: st.DataObject) -> None:
    value = data.draw(STRATEGIES[name]())
    m.validate(value)


def test_trusted_is_per_thread() -> None:
    import threading

    from frusdoc.model import trusted

    inside = threading.Event()
    leave = threading.Event()
    seen: list[BaseException | None] = []

    def reader() -> None:
        with trusted():
            inside.set()
            leave.wait(5)

    thread = threading.Thread(target=reader)
    thread.start()
    inside.wait(5)
    try:  # while another thread reads "trusted", this one still checks
        m.Text(text=typing.cast(str, 5))
        seen.append(None)
    except frusdoc.ModelError as exc:
        seen.append(exc)
    finally:
        leave.set()
        thread.join()
    assert isinstance(seen[0], frusdoc.ModelTypeError)
