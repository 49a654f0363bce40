"""The JSON fast path (``frusdoc._jsonfast``) against the detailed path.

``frusdoc.json`` reads and writes through readers and writers generated from
the model and asks the detailed cattrs converter only to explain a failure.
These tests hold the two together: for drawn model values the same plain data
and the same bytes out, the same values in; for mutated JSON (keys dropped,
added and renamed, scalars of the wrong type, missing, unknown and foreign
``"type"``, wrong format markers, the older 1.0 forms; the mutations of
``tests/test_schema_equals_reader.py``) the same verdict, the same value or
the same error, message for message. And the fast path's manners: the
collector pause is scoped and can be turned off, the construction checks are
skipped only inside the read.
"""

from __future__ import annotations

import contextlib
import gc
import json as stdjson
from collections.abc import Callable, Iterator
from typing import Any
from unittest import mock

import attrs
import orjson
import pytest
from hypothesis import given, settings

import frusdoc
from frusdoc import json as fj
from frusdoc import model as m
from frusdoc._bulk import HELD_THRESHOLD
from frusdoc.model import validate
from tests.test_schema_equals_reader import _VALUES, _mutants

Json = Any

_CATTRS = fj.make_converter()


def _reference_data(value: object) -> dict[str, Any]:
    """What ``to_data`` gave before the fast path: the cattrs converter's data."""
    return {fj.FORMAT_NAME: fj.FORMAT_VERSION, **_CATTRS.unstructure(value, type(value))}


def _outcome(read: Callable[[], object]) -> tuple[Any, ...]:
    try:
        return ("read", read())
    except frusdoc.ValidationError as exc:  # FormatVersionError included
        return (type(exc), str(exc), [str(p) for p in exc.problems])


def _fast(text: str) -> tuple[Any, ...]:
    return _outcome(lambda: fj.loads(text))


def _detailed(text: str) -> tuple[Any, ...]:
    # The same root checks, then the detailed converter alone.
    return _outcome(lambda: fj._from_data(fj._parse_json(text), None, fast=False))


# -- writing ------------------------------------------------------------------------


@settings(max_examples=max(150, settings().max_examples))
@given(_VALUES)
def test_writer_gives_the_data_and_bytes_of_the_converter(value: object) -> None:
    reference = _reference_data(value)
    data = fj.to_data(value)
    # equal dicts, and equal key order at every level (the bytes say both)
    assert data == reference
    assert fj.dumps(value) == orjson.dumps(reference).decode()
    assert fj.dumps(value) == stdjson.dumps(reference, ensure_ascii=False, separators=(",", ":"))
    assert fj.dumps(value, indent=True) == stdjson.dumps(reference, ensure_ascii=False, indent=2)
    assert fj.dump_lines([value, value]) == 2 * (orjson.dumps(reference).decode() + "\n")


@settings(max_examples=max(50, settings().max_examples))
@given(_VALUES)
def test_writer_without_orjson_gives_the_same_bytes(value: object) -> None:
    reference = orjson.dumps(_reference_data(value)).decode()
    with mock.patch.object(fj, "_orjson", None):  # as without the extra "fast"
        assert fj.dumps(value) == reference
        assert fj.dumps(value, indent=True) == stdjson.dumps(_reference_data(value), ensure_ascii=False, indent=2)


def test_writer_past_orjson_nesting_limit_gives_the_same_bytes() -> None:
    inner: m.Inline = m.Text(text="x")
    for _ in range(150):  # orjson stops at 255 levels: a dict and a list per level
        inner = m.Emphasis(rend="italic", children=(inner,))
    doc = m.Document(blocks=(m.Paragraph(inlines=(inner,)),))
    assert fj.dumps(doc) == stdjson.dumps(_reference_data(doc), ensure_ascii=False, separators=(",", ":"))
    assert fj.loads(fj.dumps(doc), type=m.Document) == doc


@attrs.frozen(kw_only=True)
class _OwnParagraph(m.Paragraph):
    """A class outside the model, standing where a block may."""


def test_writer_falls_back_to_the_converter_outside_the_model() -> None:
    doc = m.Document(id="d1", blocks=(_OwnParagraph(inlines=(m.Text(text="a"),)), m.Plain()))
    assert fj.to_data(doc) == _reference_data(doc)
    assert fj.dumps(doc) == orjson.dumps(_reference_data(doc)).decode()


# -- reading valid input ----------------------------------------------------------------


@settings(max_examples=max(150, settings().max_examples))
@given(_VALUES)
def test_reader_builds_what_the_detailed_path_builds(value: object) -> None:
    text = fj.dumps(value)
    fast = fj.loads(text)
    slow = fj._from_data(orjson.loads(text), None, fast=False)
    assert fast == slow == value
    assert type(fast) is type(value)
    # Built without the construction checks: they pass all the same.
    validate(fast)


# -- reading anything --------------------------------------------------------------------


@settings(max_examples=max(400, settings().max_examples))
@given(_mutants())
def test_mutated_json_gets_the_same_verdict_value_or_errors(data: Json) -> None:
    text = stdjson.dumps(data, ensure_ascii=False)
    fast = _fast(text)
    assert fast == _detailed(text)
    if fast[0] == "read":
        validate(fast[1])


_NOTE_REF = '{"frusdoc": "1.0", "type": "ref", "target": %s}'
_PAGE = '{"frusdoc": "1.0", "type": "page-break", "label": "1", %s}'

#: Hand-picked inputs at the edges of the format, with the verdict expected.
_CASES: list[tuple[str, bool]] = [
    # the format 1.0 note field, read as id or label, refused beside them
    (_NOTE_REF % '{"type": "note-target", "raw": "#d1fn3", "note": "3"}', True),
    (_NOTE_REF % '{"type": "note-target", "raw": "footnote 3, Document 1", "note": "3"}', True),
    (_NOTE_REF % '{"type": "note-target", "raw": "#d1fn3", "note": "3", "id": "d1fn3"}', False),
    (_NOTE_REF % '{"type": "note-target", "raw": "#d1fn3", "note": 3}', False),
    (_NOTE_REF % '{"type": "note-target", "raw": "#d1fn3", "note": "3", "bogus": 1}', False),
    # the format 1.0 facsimile flag, with and without kind
    (_PAGE % '"facsimile": true', True),
    (_PAGE % '"facsimile": false', True),
    (_PAGE % '"facsimile": false, "kind": "typeset"', True),
    (_PAGE % '"facsimile": true, "kind": "facsimile"', True),
    (_PAGE % '"facsimile": true, "kind": "typeset"', False),
    (_PAGE % '"facsimile": true, "kind": 3', False),
    (_PAGE % '"facsimile": "yes"', False),
    (_PAGE % '"kind": "bogus"', False),
    # "type" left out where one class stands, required where a union does
    ('{"frusdoc": "1.1", "type": "document", "notes": [{"label": "1"}], "date": {}}', True),
    ('{"frusdoc": "1.1", "type": "document", "notes": [{"type": "p"}]}', False),
    ('{"frusdoc": "1.1", "type": "document", "blocks": [{"inlines": []}]}', False),
    ('{"frusdoc": "1.1", "type": "document", "blocks": [{"type": 3}]}', False),
    ('{"frusdoc": "1.1", "type": "document", "blocks": [{"type": ["p"]}]}', False),
    ('{"frusdoc": "1.1", "type": "document", "blocks": ["text"]}', False),
    ('{"frusdoc": "1.1", "type": "list", "items": [{"label": "1."}, {"type": "item"}]}', True),
    # Text: a string in a union, an object only at the root
    ('{"frusdoc": "1.1", "type": "text", "text": "a"}', True),
    ('{"frusdoc": "1.1", "type": "text", "text": "a", "bogus": 1}', False),
    ('{"frusdoc": "1.1", "type": "text", "text": 1}', False),
    ('{"frusdoc": "1.1", "type": "text"}', False),
    ('{"frusdoc": "1.1", "type": "p", "inlines": [{"type": "text", "text": "a"}]}', False),
    # scalars strictly typed; a number may be an integer
    ('{"frusdoc": "1.1", "type": "emendation", "original": [], "corrected": [], "confidence": 1}', True),
    ('{"frusdoc": "1.1", "type": "emendation", "original": [], "corrected": [], "confidence": 0.9996}', True),
    ('{"frusdoc": "1.1", "type": "emendation", "original": [], "corrected": [], "confidence": 1.0004}', False),
    ('{"frusdoc": "1.1", "type": "emendation", "original": [], "corrected": [], "confidence": true}', False),
    ('{"frusdoc": "1.1", "type": "emendation", "original": [], "corrected": [], "confidence": "0.5"}', False),
    ('{"frusdoc": "1.1", "type": "emendation", "original": [], "corrected": [], "confidence": 1e400}', False),
    ('{"frusdoc": "1.1", "type": "emendation", "original": []}', False),
    ('{"frusdoc": "1.1", "type": "text-layout", "note_cut": 1}', False),
    ('{"frusdoc": "1.1", "type": "text-layout", "separators": ["\\n", 1]}', False),
    ('{"frusdoc": "1.1", "type": "text-layout", "separators": "\\n"}', False),
    ('{"frusdoc": "1.1", "type": "text-layout", "separators": {}}', False),
    ('{"frusdoc": "1.1", "type": "p", "inlines": {}}', False),
    ('{"frusdoc": "1.1", "type": "p", "rend": 5}', False),
    ('{"frusdoc": "1.1", "type": "p", "extra": {"a": 1}}', False),
    ('{"frusdoc": "1.1", "type": "p", "extra": [["a", "b"]]}', False),
    ('{"frusdoc": "1.1", "type": "p", "extra": {"a": "b", "c": "d"}}', True),
    ('{"frusdoc": "1.1", "type": "archival-target", "raw": "x", "scheme": "s", "parts": {"a": "b"}}', True),
    ('{"frusdoc": "1.1", "type": "name", "kind": "persons"}', False),
    ('{"frusdoc": "1.1", "type": "volume", "id": "v", "header": {"type": "raw-block", "tag": "x"}}', True),
    ('{"frusdoc": "1.1", "type": "volume", "id": "v", "header": {"type": "p"}}', False),
    ('{"frusdoc": "1.1", "type": "outside", "place": "prolog", "node": {"type": "page-break", "label": "i"}}', True),
    ('{"frusdoc": "1.1", "type": "outside", "place": "prolog", "node": {"type": "p"}}', False),
    ('{"frusdoc": "1.1", "type": "embedded", "block": {"type": "p"}}', True),
    ('{"frusdoc": "1.1", "type": "embedded", "block": "p"}', False),
    # unknown and foreign keys, the marker where it is no key
    ('{"frusdoc": "1.1", "type": "p", "bogus": 1}', False),
    ('{"frusdoc": "1.1", "type": "p", "inlines": [{"type": "note-ref", "label": "1", "frusdoc": "1.1"}]}', False),
    ('{"frusdoc": "1.1", "type": "p", "inlines": [{"type": "note-ref", "label": "1", "type ": "x"}]}', False),
    # format markers
    ('{"frusdoc": "1.9", "type": "p"}', True),
    ('{"frusdoc": "2.0", "type": "p"}', False),
    ('{"frusdoc": "1.x", "type": "p"}', False),
    ('{"type": "p"}', False),
]


@pytest.mark.parametrize(("text", "accepted"), _CASES)
def test_fast_and_detailed_agree_on(text: str, accepted: bool) -> None:
    fast = _fast(text)
    assert fast == _detailed(text)
    assert (fast[0] == "read") is accepted, fast


def test_legacy_note_target_is_read_as_id_or_label() -> None:
    pointer = fj.loads(_CASES[0][0], type=m.Reference)
    prose = fj.loads(_CASES[1][0], type=m.Reference)
    assert pointer.target == m.NoteTarget(raw="#d1fn3", id="d1fn3")
    assert prose.target == m.NoteTarget(raw="footnote 3, Document 1", label="3")


def test_confidence_is_read_to_thousandths() -> None:
    text = '{"frusdoc": "1.1", "type": "emendation", "original": [], "corrected": [], "confidence": %s}'
    assert fj.loads(text % "0.9996", type=m.Emendation).confidence == 1.0
    assert fj.loads(text % "0.12345", type=m.Emendation).confidence == 0.123
    one = fj.loads(text % "1", type=m.Emendation).confidence
    assert one == 1.0 and type(one) is float


def test_error_messages_name_every_problem() -> None:
    text = (
        '{"frusdoc": "1.1", "type": "document", "id": 7, '
        '"blocks": [{"type": "p", "inlines": ["a", 5]}, {"type": "para"}], "notes": [{"bogus": 1}]}'
    )
    with pytest.raises(frusdoc.ValidationError) as info:
        fj.loads(text, type=m.Document)
    assert sorted(str(p) for p in info.value.problems) == [
        "$.blocks[0].inlines[1]: expected a string or an object, got the number 5",
        "$.blocks[1]: unknown type the string 'para'; expected one of: attachment, closer, dateline, "
        "heading, list, opener, p, plain, postscript, quote, raw-block, signed, table",
        "$.id: expected a string or null, got the number 7",
        "$.notes[0]: unexpected field(s) 'bogus'",
    ]


def test_json_lines_read_through_the_fast_path() -> None:
    docs = [m.Document(id="d1", notes=(m.Note(label="1"),)), m.Document(id="d2")]
    text = fj.dump_lines(docs)
    assert text is not None
    assert list(fj.load_lines(text, type=m.Document)) == docs
    bad = text.replace('"label":"1"', '"label":1')
    with pytest.raises(frusdoc.ValidationError) as info:
        list(fj.load_lines(bad, type=m.Document))
    assert [str(p) for p in info.value.problems] == ["line 1: $.notes[0].label: expected a string or null, got the number 1"]


# -- manners: the collector and the checks ---------------------------------------------------


@pytest.fixture
def collections() -> Iterator[list[tuple[int, int]]]:
    """The collections the cyclic collector runs (generation, and the oldest
    generation's threshold then), with low thresholds so that reading a
    small document would run several, full ones among them."""
    seen: list[tuple[int, int]] = []

    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append((info["generation"], gc.get_threshold()[2]))

    threshold = gc.get_threshold()
    enabled = gc.isenabled()
    gc.enable()
    gc.set_threshold(20, 2, 0)
    gc.callbacks.append(callback)
    try:
        yield seen
    finally:
        gc.callbacks.remove(callback)
        gc.set_threshold(*threshold)
        if not enabled:
            gc.disable()


_DOC = m.Document(
    id="d1",
    blocks=tuple(m.Paragraph(inlines=(m.Text(text=f"t{i}"), m.NoteRef(label=str(i)))) for i in range(200)),
    notes=tuple(m.Note(label=str(i), blocks=(m.Plain(inlines=(m.Text(text="n"),)),)) for i in range(200)),
)


def _collections_during(collections: list[tuple[int, int]], call: Callable[[], object]) -> list[tuple[int, int]]:
    before = len(collections)
    call()
    return collections[before:]


def test_reading_and_writing_hold_off_full_collections(collections: list[tuple[int, int]]) -> None:
    text = fj.dumps(_DOC)
    for call in (lambda: fj.loads(text, type=m.Document), lambda: fj.to_data(_DOC)):
        during = _collections_during(collections, call)
        held = [generation for generation, threshold in during if threshold == HELD_THRESHOLD]
        assert held, during  # the young collections go on, the threshold held out of reach
        assert set(held) <= {0, 1}
        assert {threshold for _, threshold in during} <= {0, HELD_THRESHOLD}
    assert gc.isenabled() and gc.get_threshold() == (20, 2, 0)


def test_the_hold_can_be_turned_off(collections: list[tuple[int, int]]) -> None:
    text = fj.dumps(_DOC)
    previous = frusdoc.set_gc_pause(False)
    try:
        for call in (lambda: fj.loads(text, type=m.Document), lambda: fj.to_data(_DOC)):
            during = _collections_during(collections, call)
            assert len(during) > 10
            assert {threshold for _, threshold in during} == {0}
    finally:
        frusdoc.set_gc_pause(previous)


def test_the_collector_state_is_restored_also_on_error() -> None:
    bad = fj.dumps(_DOC).replace('"label":"7"', '"label":7')
    enabled = gc.isenabled()
    try:
        for state in (True, False):
            (gc.enable if state else gc.disable)()
            with pytest.raises(frusdoc.ValidationError):
                fj.loads(bad, type=m.Document)
            assert gc.isenabled() is state
            assert fj.loads(fj.dumps(_DOC), type=m.Document) == _DOC
            assert gc.isenabled() is state
    finally:
        (gc.enable if enabled else gc.disable)()


def test_checks_are_skipped_only_inside_the_read() -> None:
    bad = fj.dumps(_DOC).replace('"label":"7"', '"label":7')
    for text in (fj.dumps(_DOC), bad):
        with contextlib.suppress(frusdoc.ValidationError):
            fj.loads(text, type=m.Document)
        with pytest.raises(frusdoc.ModelTypeError):
            m.Paragraph(inlines=[m.Text(text="a")])  # type: ignore[arg-type]
