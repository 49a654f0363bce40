"""The model's own behaviour: immutability, lookups, traversal, derived values."""

from __future__ import annotations

from collections.abc import Callable

import attrs
import pytest
from hypothesis import given

import frusdoc
from frusdoc import testing
from frusdoc.model import (
    Closer,
    Division,
    Document,
    Emendation,
    Emphasis,
    Note,
    NoteRef,
    PageBreak,
    Paragraph,
    Signed,
    Text,
    Volume,
)


def _seedlike() -> Document:
    return Document(
        id="d545",
        volume="frus1942v03",
        title=(Text(text="President Roosevelt to Stalin"), NoteRef(label="80")),
        blocks=(
            Paragraph(
                inlines=(
                    Text(text="the "),
                    Emendation(original=(Text(text="eondud"),), corrected=(Text(text="conduct"),)),
                    Text(text=" of the war as we "),
                    PageBreak(label="543"),
                    Text(text=" hope"),
                    NoteRef(label="81"),
                )
            ),
            Closer(blocks=(Signed(inlines=(Text(text="Franklin D. Roosevelt"),)),)),
        ),
        notes=(
            Note(label="80", id="d545fn80", blocks=(Paragraph(inlines=(Text(text="Copy obtained."),)),)),
            Note(
                label="81",
                kind="source",
                blocks=(Paragraph(inlines=(Text(text="Source: Roosevelt Papers."),)),),
            ),
        ),
    )


FIELD = "id"


def test_nodes_are_frozen_and_keyword_only() -> None:
    doc = _seedlike()
    any_call: Callable[..., object] = Text
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(doc, FIELD, "d1")  # frozen: refused at run time, and by mypy if spelled doc.id = ...
    with pytest.raises(TypeError):
        any_call("positional")  # keyword-only: refused at run time, and by mypy if spelled Text("positional")
    assert hash(doc) == hash(_seedlike())


def test_note_lookup_by_label_and_id() -> None:
    doc = _seedlike()
    assert doc.note("80").id == "d545fn80"
    assert doc.note("d545fn80").label == "80"
    with pytest.raises(frusdoc.NoteNotFoundError) as info:
        doc.note("99")
    assert isinstance(info.value, KeyError)
    assert "'99'" in str(info.value) and "'80', '81'" in str(info.value)


def test_source_note_and_attachments_are_derived() -> None:
    doc = _seedlike()
    assert doc.source_note is not None and doc.source_note.label == "81"
    assert doc.attachments == ()


def test_walk_yields_paths_in_document_order() -> None:
    doc = _seedlike()
    paths = {path: node for path, node in frusdoc.walk(doc)}
    assert paths[()] is doc
    assert paths[("blocks", 0, "inlines", 3)] == PageBreak(label="543")
    assert frusdoc.format_path(("blocks", 0, "inlines", 3)) == "$.blocks[0].inlines[3]"
    kinds = [type(n).__name__ for _, n in frusdoc.walk(doc)]
    assert kinds.index("PageBreak") < kinds.index("Closer") < kinds.index("Note")


def test_walk_survives_deep_nesting() -> None:
    node: frusdoc.Inline = Text(text="x")
    for _ in range(5000):
        node = Emphasis(rend="italic", children=(node,))
    assert sum(1 for _ in frusdoc.walk(node)) == 5001
    assert frusdoc.plain_text((node,)) == "x"


def test_plain_text_readings_and_markers() -> None:
    paragraph = _seedlike().blocks[0]
    assert isinstance(paragraph, Paragraph)
    inlines = paragraph.inlines
    assert frusdoc.plain_text(paragraph) == frusdoc.plain_text(inlines)
    assert frusdoc.plain_text(inlines) == "the eondud of the war as we  hope"
    assert frusdoc.plain_text(inlines, reading="corrected") == "the conduct of the war as we  hope"
    assert (
        frusdoc.plain_text(inlines, markers=True, page_breaks=True)
        == "the eondud of the war as we [Page 543] hope81"
    )
    rejected = Emendation(original=(Text(text="a"),), corrected=(Text(text="b"),), status="rejected")
    assert frusdoc.plain_text((rejected,), reading="corrected") == "a"


def test_word_count_covers_title_body_and_notes() -> None:
    # title 4, body 8 + signature 3, notes 2 + 3
    assert frusdoc.word_count(_seedlike()) == 4 + 8 + 3 + 2 + 3


def test_emendation_confidence_is_checked_and_quantised() -> None:
    e = Emendation(original=(), corrected=(), confidence=0.12345)
    assert e.confidence == 0.123
    with pytest.raises(ValueError, match="between 0 and 1"):
        Emendation(original=(), corrected=(), confidence=1.5)


def test_volume_documents_in_tree_order() -> None:
    d1, d2, d3 = (Document(id=f"d{i}") for i in (1, 2, 3))
    vol = Volume(
        id="frus1961-63v15",
        body=(Division(kind="compilation", children=(Division(kind="chapter", children=(d1, d2)),)), d3),
    )
    assert [d.id for d in vol.documents] == ["d1", "d2", "d3"]
    assert vol.document("d2") is d2
    with pytest.raises(KeyError):
        vol.document("d9")


@given(testing.documents())
def test_walk_visits_every_note(doc: Document) -> None:
    seen = [n for _, n in frusdoc.walk(doc) if isinstance(n, Note)]
    assert len(seen) >= len(doc.notes)


def test_the_model_reference_names_every_class_and_field() -> None:
    from pathlib import Path

    from frusdoc.tags import TAG_OF_CLASS

    reference = (Path(__file__).parents[1] / "docs" / "model.md").read_text(encoding="utf-8")
    missing = [
        f"{cls.__name__}.{field.name}"
        for cls in TAG_OF_CLASS
        for field in attrs.fields(cls)
        if f"`{cls.__name__}`" not in reference or f"`{field.name}`" not in reference
    ]
    assert missing == []
