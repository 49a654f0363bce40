"""The JSON format: round trips, schema validity, byte-identical backends, bad input."""

from __future__ import annotations

import io
import json as stdjson
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import frusdoc
from frusdoc import json as fj
from frusdoc import model as m
from frusdoc import testing
from frusdoc.schema import json_schema
from frusdoc.tags import CLASS_OF_TAG, TAG_OF_CLASS

VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def _roundtrip(value: object) -> None:
    text = fj.dumps(value)
    assert fj.loads(text, type=type(value)) == value
    assert fj.loads(text) == value  # the root's tag alone is enough
    VALIDATOR.validate(stdjson.loads(text))
    # orjson and the standard library write the same bytes
    data = fj.to_data(value)
    assert fj._std_dumps(data, indent=False) == text
    assert fj._std_dumps(data, indent=True) == fj.dumps(value, indent=True)


@given(testing.inlines())
def test_inline_roundtrip(node: m.Inline) -> None:
    _roundtrip(node)


@given(testing.blocks())
def test_block_roundtrip(node: m.Block) -> None:
    _roundtrip(node)


@given(testing.targets())
def test_target_roundtrip(node: m.Target) -> None:
    _roundtrip(node)


@given(testing.notes())
def test_note_roundtrip(node: m.Note) -> None:
    _roundtrip(node)


@given(testing.documents())
def test_document_roundtrip(doc: m.Document) -> None:
    _roundtrip(doc)


@given(testing.volumes())
def test_volume_roundtrip(vol: m.Volume) -> None:
    _roundtrip(vol)


@given(st.lists(testing.documents(), max_size=3))
def test_json_lines_roundtrip(docs: list[m.Document]) -> None:
    text = fj.dump_lines(docs)
    assert text.count("\n") == len(docs)
    assert list(fj.load_lines(text, type=m.Document)) == docs


def test_dump_lines_returns_the_text_or_writes_it_to_the_file() -> None:
    docs = [m.Document(id="d1"), m.Document(id="d2")]
    text: str = fj.dump_lines(docs)  # a str by the overloads, no None to rule out
    out = io.StringIO()
    assert fj.dump_lines(docs, out) is None
    assert out.getvalue() == text == (
        '{"frusdoc":"1.1","type":"document","id":"d1"}\n{"frusdoc":"1.1","type":"document","id":"d2"}\n'
    )


def test_every_class_has_a_tag_and_strategies_cover_every_tag() -> None:
    model_classes = {getattr(m, name) for name in m.__all__ if isinstance(getattr(m, name), type)}
    assert model_classes == set(TAG_OF_CLASS)
    assert set(CLASS_OF_TAG.values()) == model_classes


def test_text_is_a_plain_string_and_type_comes_first() -> None:
    p = m.Paragraph(inlines=(m.Text(text="It is unfortunate"), m.NoteRef(label="81")))
    assert (
        fj.dumps(p)
        == '{"frusdoc":"1.1","type":"p","inlines":["It is unfortunate",{"type":"note-ref","label":"81"}]}'
    )
    assert fj.dumps(m.Text(text="x")) == '{"frusdoc":"1.1","type":"text","text":"x"}'


# -- bad input ----------------------------------------------------------------

GOOD: dict[str, Any] = {
    "frusdoc": "1.0",
    "type": "document",
    "title": ["Roosevelt to Stalin", {"type": "note-ref", "label": "80"}],
    "blocks": [
        {"type": "p", "inlines": ["a"]},
        {"type": "p", "inlines": ["b"]},
        {"type": "p", "inlines": ["c"]},
        {"type": "p", "inlines": ["d", "e", {"type": "note-ref", "label": "81"}]},
    ],
}


def _problems(data: Any) -> list[str]:
    with pytest.raises(frusdoc.ValidationError) as info:
        fj.loads(stdjson.dumps(data), type=m.Document)
    assert isinstance(info.value, frusdoc.FrusdocError)
    assert isinstance(info.value, ValueError)
    return [str(p) for p in info.value.problems]


def _bad(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = stdjson.loads(stdjson.dumps(GOOD))
    target: Any
    for path, value in changes.items():
        target = data
        keys = path.split("__")
        for key in keys[:-1]:
            target = target[int(key)] if key.isdigit() else target[key]
        last = keys[-1]
        target[int(last) if last.isdigit() else last] = value
    return data


def test_good_input_loads() -> None:
    doc = fj.loads(stdjson.dumps(GOOD), type=m.Document)
    assert doc.title[1] == m.NoteRef(label="80")
    assert len(doc.blocks) == 4


def test_wrong_type_names_the_path() -> None:
    problems = _problems(_bad(blocks__3__inlines__2__label=81))
    assert problems == ["$.blocks[3].inlines[2].label: expected a string, got the number 81"]


def test_unknown_type_tag() -> None:
    problems = _problems(_bad(blocks__1__type="para"))
    assert len(problems) == 1
    assert problems[0].startswith("$.blocks[1]: unknown type the string 'para'; expected one of:")
    assert "p, " in problems[0]


def test_missing_field() -> None:
    problems = _problems(_bad(title__1={"type": "note-ref"}))
    assert problems == ["$.title[1].label: required field missing"]


def test_extra_field() -> None:
    problems = _problems(_bad(blocks__0__style="bold"))
    assert problems == ["$.blocks[0]: unexpected field(s) 'style'"]


def test_every_problem_is_listed() -> None:
    data = _bad(blocks__0__style="bold", blocks__2__inlines=["x", 5], id=7)
    problems = _problems(data)
    assert sorted(problems) == sorted(
        [
            "$.blocks[0]: unexpected field(s) 'style'",
            "$.blocks[2].inlines[1]: expected a string or an object, got the number 5",
            "$.id: expected a string or null, got the number 7",
        ]
    )


def test_strings_are_not_iterated_into_arrays() -> None:
    problems = _problems(_bad(blocks__0__inlines="abc"))
    assert problems == ["$.blocks[0].inlines: expected an array, got the string 'abc'"]


def test_model_validators_are_reported_with_their_path() -> None:
    emendation = {"type": "emendation", "original": ["eondud"], "corrected": ["conduct"], "confidence": 3}
    problems = _problems(_bad(blocks__0__inlines=[emendation]))
    assert problems == ["$.blocks[0].inlines[0]: confidence must be between 0 and 1, got 3.0"]


def test_invalid_json_gives_line_and_column() -> None:
    with pytest.raises(frusdoc.ValidationError) as info:
        fj.loads('{"frusdoc": "1.0",\n "type": "document",\n "title": [}', type=m.Document)
    (problem,) = info.value.problems
    assert problem.path == "line 3, column 12"  # the message wording depends on the JSON backend


def test_invalid_utf8_bytes() -> None:
    with pytest.raises(frusdoc.ValidationError, match="invalid UTF-8"):
        fj.loads(b'{"frusdoc": "\xff"}', type=m.Document)


def test_newer_major_version_names_both_versions() -> None:
    with pytest.raises(frusdoc.FormatVersionError) as info:
        fj.loads(stdjson.dumps({**GOOD, "frusdoc": "2.0"}), type=m.Document)
    message = str(info.value)
    assert "format version 2.0" in message and "reads version 1.x" in message
    assert isinstance(info.value, frusdoc.ValidationError)


def test_newer_minor_version_is_read() -> None:
    assert fj.loads(stdjson.dumps({**GOOD, "frusdoc": "1.7"}), type=m.Document).title


def test_missing_format_marker() -> None:
    data = {k: v for k, v in GOOD.items() if k != "frusdoc"}
    assert _problems(data) == ["$: missing format marker 'frusdoc': expected \"1.1\""]


def test_wrong_root_type() -> None:
    with pytest.raises(
        frusdoc.ValidationError, match=r"\$\.type: expected 'volume', got the string 'document'"
    ):
        fj.loads(stdjson.dumps(GOOD), type=m.Volume)


@pytest.mark.parametrize("depth", [1000, 5000, 100_000])
def test_deep_nesting_is_refused_cleanly(depth: int) -> None:
    emph = '{"type":"emph","rend":"italic","children":['
    inner = emph * depth + '"x"' + "]}" * depth
    text = '{"frusdoc":"1.0","type":"document","blocks":[{"type":"p","inlines":[' + inner + "]}]}"
    with pytest.raises(frusdoc.ValidationError, match="nested too deeply"):
        fj.loads(text, type=m.Document)


def test_nesting_within_the_limit_is_read() -> None:
    inner: m.Inline = m.Text(text="x")
    for _ in range(150):
        inner = m.Emphasis(rend="italic", children=(inner,))
    doc = m.Document(blocks=(m.Paragraph(inlines=(inner,)),))
    assert fj.loads(fj.dumps(doc), type=m.Document) == doc


def test_load_lines_names_the_line() -> None:
    good = fj.dumps(m.Document(id="d1"))
    with pytest.raises(frusdoc.ValidationError, match="line 3"):
        list(fj.load_lines(f"{good}\n\n{good.replace('d1', '')[:-1]}\n", type=m.Document))


def test_dumps_refuses_non_model_values() -> None:
    with pytest.raises(TypeError, match="frusdoc model value"):
        fj.dumps({"type": "document"})


# -- format 1.0 files -----------------------------------------------------------


def test_format_1_0_facsimile_flag_is_read_as_the_page_kind() -> None:
    def page(**fields: object) -> str:
        return stdjson.dumps({"frusdoc": "1.0", "type": "page-break", "label": "1", **fields})

    assert fj.loads(page(facsimile=True), type=m.PageBreak) == m.PageBreak(label="1", kind="facsimile")
    assert fj.loads(page(facsimile=False), type=m.PageBreak) == m.PageBreak(label="1")
    assert fj.loads(page(facsimile=True, kind="facsimile"), type=m.PageBreak).kind == "facsimile"
    # never written
    assert "facsimile" not in fj.dumps(m.PageBreak(label="1", kind="typeset"))
    assert fj.dumps(m.PageBreak(label="1", kind="facsimile")).endswith('"label":"1","kind":"facsimile"}')
    # inside a document, as 1.0 wrote it
    old_doc = (
        '{"frusdoc":"1.0","type":"document","blocks":[{"type":"p","inlines":'
        '["a ",{"type":"page-break","label":"5","facsimile":true}," b"]}]}'
    )
    doc = fj.loads(old_doc, type=m.Document)
    para = doc.blocks[0]
    assert isinstance(para, m.Paragraph)
    assert para.inlines[1] == m.PageBreak(label="5", kind="facsimile")
    for text in (page(facsimile=True), page(facsimile=False), old_doc):
        assert VALIDATOR.is_valid(stdjson.loads(text))


def test_format_1_0_facsimile_flag_wrong_or_contradicted() -> None:
    def page(**fields: object) -> dict[str, Any]:
        return {"frusdoc": "1.0", "type": "page-break", "label": "1", **fields}

    for data, message in [
        (page(facsimile="yes"), "$: expected a boolean in 'facsimile' (format 1.0), got the string 'yes'"),
        (
            page(facsimile=True, kind="typeset"),
            "$: 'facsimile': true (format 1.0) contradicts 'kind': the string 'typeset'",
        ),
    ]:
        with pytest.raises(frusdoc.ValidationError) as info:
            fj.loads(stdjson.dumps(data), type=m.PageBreak)
        assert [str(p) for p in info.value.problems] == [message]
        assert not VALIDATOR.is_valid(data)  # the schema refuses what loads refuses
    with pytest.raises(frusdoc.ValidationError):
        fj.loads(stdjson.dumps(page(kind="scan")), type=m.PageBreak)
    assert not VALIDATOR.is_valid(page(kind="scan"))


@pytest.mark.parametrize("marker", ["1", "1.x", "1.1.0", "01.1", "1.1\n", "١.١"])
def test_malformed_format_marker_is_named(marker: str) -> None:
    data = {"frusdoc": marker, "type": "document"}
    assert _problems(data) == [f'$.frusdoc: expected a version such as "1.1", got the string {marker!r}']


def test_null_format_marker_is_malformed_not_missing() -> None:
    data = {"frusdoc": None, "type": "document"}
    assert _problems(data) == ['$.frusdoc: expected a version such as "1.1", got null']
