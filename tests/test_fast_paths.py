"""The fast paths of the readers and the text writer give what the plain ones
give: each is compared with the code or the expression it stands for, on the
corpus and on generated values."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from frusdoc import model as m
from frusdoc import tei, testing, text
from frusdoc._construct import fast_constructor
from frusdoc.tei.reader import normalize_space
from frusdoc.text import markers
from frusdoc.text.writer import _canonical_separators, _canonical_separators_of, _pieces, _write
from tests.corpus import TEI_DIR, read, text_files

_WS = re.compile(r"[ \t\r\n]+")
# The expressions the marker finder used before they were made to start with a digit.
_GLUED_BEFORE = re.compile(r"(?<=[^\W\d_]|[.,;:)\]”’\"?!])(\d{1,3}[a-d]?)(?![\w])")
_NUMBER_BEFORE = re.compile(r"(?<![\w/–-])\d{2,}[a-d]?(?![\w/–-])")

# Text with every kind of space: XML's four, Unicode spaces that are text, and non-ASCII letters.
_SPACED_TEXT = st.text(alphabet=st.sampled_from(list(" \t\r\nab.é\u00a0\u2003\u3000")), max_size=40)
# Lines like a page's: words, digits, punctuation, dashes, a month before a number.
_LINE = st.lists(
    st.sampled_from(
        ["a", "Z", "é", "1", "23", "1949", "0", " ", ".", ",", ")", "”", "/", "–", "-", "b", "July "]
    ),
    max_size=16,
).map("".join)


# Text as pretty-printed TEI wraps it, long enough for the line-by-line collapse:
# words, indented line ends, empty lines, runs inside a line; in ASCII, and
# with Unicode spaces (which are text) and letters.
_ASCII_PIECES = [" ", "\t", "\r", "\n", "\n" + " " * 24, "\n\n", "  ", "word ", "Secretary", "."]
_WRAPPED_TEXT = st.one_of(
    st.lists(st.sampled_from(_ASCII_PIECES), min_size=8, max_size=60),
    st.lists(st.sampled_from([*_ASCII_PIECES, "é", "–", "\u00a0", "\u2003", "\u3000"]), max_size=60),
).map("".join)


@given(st.one_of(_SPACED_TEXT, _WRAPPED_TEXT))
def test_normalize_space_is_the_regular_expression(s: str) -> None:
    assert normalize_space(s) == _WS.sub(" ", s)


@given(_LINE)
def test_marker_expressions_find_what_they_found_before(line: str) -> None:
    assert [mt.span(1) for mt in markers._GLUED.finditer(line)] == [
        mt.span(1) for mt in _GLUED_BEFORE.finditer(line)
    ]
    assert [mt.span() for mt in markers._NUMBER.finditer(line)] == [
        mt.span() for mt in _NUMBER_BEFORE.finditer(line)
    ]


def test_fast_constructors_build_equal_nodes() -> None:
    make = fast_constructor(m.PageBreak)
    assert make(label="5") == m.PageBreak(label="5")
    node = make(label="7", id="pg_7", kind="facsimile", extra=(("rend", "x"),))
    assert node == m.PageBreak(label="7", id="pg_7", kind="facsimile", extra=(("rend", "x"),))
    assert hash(node) == hash(m.PageBreak(label="7", id="pg_7", kind="facsimile", extra=(("rend", "x"),)))
    assert attrs.asdict(make(label="1")) == attrs.asdict(m.PageBreak(label="1"))
    with pytest.raises(TypeError):
        make()  # a field without a default is required, as in the class
    with pytest.raises(TypeError):
        make("5")  # keyword-only, as the class


def test_classes_that_do_more_at_construction_keep_their_constructor() -> None:
    # Emendation converts its confidence; ArchivalTarget checks its parts.
    assert fast_constructor(m.Emendation) is m.Emendation
    assert fast_constructor(m.ArchivalTarget) is m.ArchivalTarget
    assert fast_constructor(m.Emendation)(original=(), corrected=(), confidence=0.12345).confidence == 0.123


Options = tuple[Literal["original", "corrected"], bool, bool]
OPTIONS: list[Options] = [("original", True, True), ("corrected", False, True), ("original", True, False)]


def _same_text(doc: m.Document) -> None:
    # render (the writer without spans) against the writer with spans (the
    # general handlers), for each reading, with and without markers and notes.
    for reading, with_markers, with_notes in OPTIONS:
        general = _write(
            doc, reading=reading, markers=with_markers, notes=with_notes, page_breaks=True, record=True
        )
        assert text.render(doc, reading=reading, markers=with_markers, notes=with_notes) == "".join(
            general.chunks
        )


@pytest.mark.parametrize("path", text_files(), ids=lambda p: p.name)
def test_render_writes_what_the_general_writer_writes_on_the_corpus(path: Path) -> None:
    _same_text(text.parse(read(path)))


@pytest.mark.parametrize("path", sorted(TEI_DIR.glob("*.xml"))[:6], ids=lambda p: p.name)
def test_render_writes_what_the_general_writer_writes_on_tei_documents(path: Path) -> None:
    for doc in tei.iter_documents(path):
        _same_text(doc)


@given(testing.documents())
def test_render_writes_what_the_general_writer_writes(doc: m.Document) -> None:
    _same_text(doc)


@given(testing.documents())
def test_canonical_separators_are_those_of_the_pieces(doc: m.Document) -> None:
    assert _canonical_separators_of(doc) == _canonical_separators(_pieces(doc))
