"""Plain text: lossless reading and writing of history.state.gov pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import frusdoc
from frusdoc import model as m
from frusdoc import testing, text
from tests.corpus import DATA, read, text_files, text_index

FILES = text_files()


def _refs(doc: m.Document) -> list[tuple[frusdoc.Path, m.NoteRef]]:
    return [(p, n) for p, n in frusdoc.walk(doc) if isinstance(n, m.NoteRef)]


# -- the corpus ---------------------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_file_round_trips_byte_for_byte(path: Path) -> None:
    s = read(path)
    assert text.render(text.parse(s)) == s


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_markers_match_notes_and_show_their_label(path: Path) -> None:
    s = read(path)
    doc = text.parse(s)
    listed = [n for n in doc.notes if n.rend != "inline"]
    refs = _refs(doc)
    spans = text.spans(doc)
    if listed:
        assert [r.label for _, r in refs] == [n.label for n in listed]
    for p, ref in refs:
        start, end = spans[p]
        assert s[start:end] == ref.label  # the marker is where the page prints it


# The markers each page prints, in order, read off the pages by hand.
EXPECTED_MARKERS = {
    "seed.txt": ["80", "81", "82"],
    "frus1900_d171.txt": ["1"],  # "telegram,1"
    "frus1918Russiav03_d310.txt": ["3"],  # heading "Secretary of State3" -> list item 1
    "frus1918Russiav03_d393.txt": ["1"],
    "frus1918Russiav03_d398.txt": ["1", "2"],
    "frus1928v02_d175.txt": ["74"],  # "Wu74"
    "frus1941v04_d564.txt": ["31"],  # "study.31"
    "frus1943CairoTehran_d122.txt": ["1", "2"],  # arrow footnotes
    "frus1944v01_d416.txt": ["83", "84", "85", "86"],  # "Secretary of State 83", after a space
    "frus1944v06_d722.txt": ["29"],  # "Stalin,29"
    "frus1950v07_d537.txt": ["1"],  # "September 23,1"
    "frus1950v07_d85.txt": ["1"],  # "July 19491" = 1949 + marker 1
    "frus1955-57v03mSupp_d460.txt": ["1"],
    "frus1961-63v03_d286.txt": ["1", "2", "3", "4", "5"],  # "02913" = telegram 0291 + marker 3
    "frus1961-63v04_d224.txt": ["1", "2", "3"],
    "frus1961-63v15_d168.txt": ["0", "1"],  # list cut after two notes: only two markers matched
    "frus1961-63v15_d4.txt": ["0", "1", "2"],  # source note 0 is list item 1
}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_markers_are_the_printed_ones(path: Path) -> None:
    doc = text.parse(read(path))
    assert [r.label for _, r in _refs(doc)] == EXPECTED_MARKERS.get(path.name, [])


def test_pages_without_a_footnote_list_keep_their_digits_as_text() -> None:
    # d400 prints "1918,1" but its list was cut off: nothing is guessed.
    s = read(DATA / "text" / "frus1918Russiav03_d400.txt")
    doc = text.parse(s)
    assert _refs(doc) == []
    assert "1918,1 which" in text.render(doc)


def test_index_footnote_styles_agree() -> None:
    for name, row in text_index().items():
        doc = text.parse(read(DATA / "text" / name))
        listed = [n for n in doc.notes if n.rend != "inline"]
        assert bool(listed) == (row["footnote_style"] != "none"), name
        if row["footnote_style"] == "arrow":
            assert doc.layout is not None
            assert doc.layout.note_style == "arrow"


# -- the seed, in full ----------------------------------------------------------


def test_seed_structure(seed_text: str) -> None:
    doc = text.parse(seed_text)
    assert doc.layout is None  # the seed is the canonical flavour
    assert doc.title[-1] == m.NoteRef(label="80")
    assert frusdoc.plain_text(doc.title).endswith("Soviet Union (Stalin)")

    first = doc.blocks[0]
    assert isinstance(first, m.Paragraph)
    i = next(k for k, n in enumerate(first.inlines) if isinstance(n, m.PageBreak))
    assert first.inlines[i] == m.PageBreak(label="543")
    before, after = first.inlines[i - 1], first.inlines[i + 1]
    assert isinstance(before, m.Text) and before.text.endswith(" as we ")
    assert isinstance(after, m.Text) and after.text.startswith(" hope, you and I")

    closer = doc.blocks[-1]
    assert closer == m.Closer(blocks=(m.Signed(inlines=(m.Text(text="Franklin D. Roosevelt"),)),))
    assert len(doc.blocks) == 9

    refs = [(p, r) for p, r in _refs(doc)]
    assert [r.label for _, r in refs] == ["80", "81", "82"]
    for (path, ref), before_text in zip(
        refs[1:], ["in the immediate future.", "I have sent Hopkins"], strict=True
    ):
        block = doc.blocks[path[1]]  # type: ignore[index]
        assert isinstance(block, m.Paragraph)
        k = path[-1]
        assert isinstance(k, int)
        previous = block.inlines[k - 1]
        assert isinstance(previous, m.Text) and previous.text.endswith(before_text), ref

    assert [n.label for n in doc.notes] == ["80", "81", "82"]
    texts = [frusdoc.plain_text(n.blocks[0].inlines) for n in doc.notes]  # type: ignore[union-attr]
    assert texts[0].startswith("Copy obtained from the Franklin D. Roosevelt Library, Hyde Park, N. Y.")
    assert texts[0].endswith("(740.0011 European War 1939/21011a)")
    assert texts[1].startswith("In a telegram of April 22, 1942, President Roosevelt advised")
    assert texts[2] == "Harry L. Hopkins, Special Assistant to the President."
    assert doc.note("82") is doc.notes[2]


def test_seed_derived_views(seed_text: str) -> None:
    doc = text.parse(seed_text)
    clean = text.render(doc, markers=False, notes=False, page_breaks=False)
    assert "as well as we hope, you" in clean
    assert "(Stalin)\n" in clean
    assert "Copy obtained" not in clean
    assert "future. Time" in clean
    assert clean.endswith("Franklin D. Roosevelt")
    no_pages = text.render(doc, page_breaks=False)
    assert "we hope" in no_pages
    assert "future.81" in no_pages


def test_corrected_reading_applies_emendations(seed_text: str) -> None:
    doc = text.parse(seed_text)
    para = doc.blocks[0]
    assert isinstance(para, m.Paragraph)
    first = para.inlines[0]
    assert isinstance(first, m.Text)
    head, _, tail = first.text.partition("eondud")
    fixed = m.Paragraph(
        inlines=(
            m.Text(text=head),
            m.Emendation(original=(m.Text(text="eondud"),), corrected=(m.Text(text="conduct"),)),
            m.Text(text=tail),
            *para.inlines[1:],
        )
    )
    emended = m.Document(title=doc.title, blocks=(fixed, *doc.blocks[1:]), notes=doc.notes)
    assert text.render(emended) == seed_text  # the original reading is the page
    assert "the conduct of the war" in text.render(emended, reading="corrected")


def test_spans_locate_every_node(seed_text: str) -> None:
    doc = text.parse(seed_text)
    spans = text.spans(doc)
    for path, node in frusdoc.walk(doc):
        if isinstance(node, m.PageBreak):
            start, end = spans[path]
            assert seed_text[start:end] == "[Page 543]"
        if isinstance(node, m.Note):
            start, end = spans[path]
            assert seed_text[start:end].startswith("  ")
    start, end = spans[("blocks", 8)]
    assert seed_text[start:end] == "Franklin D. Roosevelt"


# -- layouts --------------------------------------------------------------------


def test_single_newline_flavour_keeps_its_separators() -> None:
    s = read(DATA / "text" / "frus1918Russiav03_d400.txt")
    doc = text.parse(s)
    assert doc.layout is not None
    assert set(doc.layout.separators) == {"\n"}
    assert len(doc.blocks) == 4


def test_lists_in_their_flavours() -> None:
    d136 = text.parse(read(DATA / "text" / "frus1961-63v15_d136.txt"))
    participants = d136.blocks[1]
    assert isinstance(participants, m.ListBlock)
    us = participants.items[0]
    assert frusdoc.plain_text(us.blocks[0].inlines) == "U.S."  # type: ignore[union-attr]
    nested = us.blocks[1]
    assert isinstance(nested, m.ListBlock)
    names = [frusdoc.plain_text(i.blocks[0].inlines) for i in nested.items]  # type: ignore[union-attr]
    assert names == ["The Secretary", "Mr. Akalovsky"]

    d27 = text.parse(read(DATA / "text" / "frus1961-63v15_d27.txt"))
    lists = [b for b in d27.blocks if isinstance(b, m.ListBlock)]
    assert [i.label for i in lists[0].items][:3] == ["1.", "2.", "3."]
    assert d27.layout is not None
    assert d27.layout.list_styles == ("dash-labels",)

    d224 = text.parse(read(DATA / "text" / "frus1961-63v04_d224.txt"))
    assert d224.label == "224"
    (numbered,) = d224.blocks
    assert isinstance(numbered, m.ListBlock)
    assert [i.label for i in numbered.items] == ["1.", "2.", "3.", "4."]


def test_source_line_before_heading() -> None:
    doc = text.parse(read(DATA / "text" / "frus1918Russiav03_d400.txt"))
    source = doc.source_note
    assert source is not None
    assert source.rend == "inline"
    assert frusdoc.plain_text(source.blocks[0].inlines) == "File No. 861.77/451"  # type: ignore[union-attr]
    assert frusdoc.plain_text(doc.title) == "The Secretary of State to the British Chargé (Barclay)"


def test_page_markers_in_every_form() -> None:
    doc = text.parse("Title\n\n[Page [II]]\n\nword[Page 250]it and [Facsimile Page 1] more [Page XII]")
    breaks = [n for _, n in frusdoc.walk(doc) if isinstance(n, m.PageBreak)]
    assert breaks == [
        m.PageBreak(label="[II]"),
        m.PageBreak(label="250"),
        m.PageBreak(label="1", facsimile=True),
        m.PageBreak(label="XII"),
    ]


def test_digits_of_the_text_are_not_markers() -> None:
    s = "Heading1\n\nFiled as 740.0011 European War 1939/21011a in 1942. See No. 116.]\n  1. A note."
    doc = text.parse(s)
    assert [r.label for _, r in _refs(doc)] == ["1"]
    assert text.render(doc) == s


def test_bytes_are_refused_clearly() -> None:
    with pytest.raises(TypeError, match=r"expects str, got bytes; decode it first"):
        text.parse(b"Heading")  # type: ignore[arg-type]


def test_edited_document_falls_back_to_canonical_layout() -> None:
    doc = text.parse(read(DATA / "text" / "frus1918Russiav03_d400.txt"))
    shorter = m.Document(title=doc.title, blocks=doc.blocks[:2], notes=doc.notes, layout=doc.layout)
    assert text.render(shorter).count("\n\n") == 3  # source-heading, heading-block, block-block


# -- properties ---------------------------------------------------------------------

TRICKY = st.one_of(
    st.sampled_from(
        [
            "\n",
            "\n\n",
            "\r\n",
            "\t",
            " ",
            "  ",
            "[Page ",
            "]",
            "[Page 5]",
            "[Page [II]]",
            "[Facsimile Page 1]",
            "↩",
            "- ",
            "  1. ",
            "  2. ",
            "  • ",
            "    • ",
            "1.",
            "(1)",
            "80",
            "Hopkins",
            ".",
            ",",
            "0",
            "1",
            "2",
            "19491",
            "File No. 861.77/451",
            "Source: ",
            "SUBJECT",
            "Washington, March 9, 1962.",
            "Rusk",
            "𝔘",
            "é",
            "\u2028",
        ]
    ),
    st.text(max_size=3),
)


@given(st.lists(TRICKY, max_size=40).map("".join))
def test_render_parse_is_identity_on_any_string(s: str) -> None:
    doc = text.parse(s)
    assert text.render(doc) == s
    # the derived views never fail either
    text.render(doc, markers=False, notes=False, page_breaks=False, reading="corrected")


@given(st.text())
def test_render_parse_is_identity_on_unicode(s: str) -> None:
    assert text.render(text.parse(s)) == s


@given(testing.canonical_documents())
def test_parse_render_is_identity_on_canonical_documents(doc: m.Document) -> None:
    rendered = text.render(doc)
    assert text.parse(rendered) == doc
    assert "\n\n\n" not in rendered
    assert not rendered.endswith("\n")


@given(testing.canonical_documents())
def test_spans_match_rendering(doc: m.Document) -> None:
    rendered = text.render(doc)
    spans = text.spans(doc)
    for path, node in frusdoc.walk(doc):
        if isinstance(node, m.NoteRef):
            start, end = spans[path]
            assert rendered[start:end] == node.label
        elif isinstance(node, m.Text) and path in spans:
            start, end = spans[path]
            assert rendered[start:end] == node.text


@given(testing.documents())
def test_any_document_renders(doc: m.Document) -> None:
    rendered = text.render(doc)
    assert isinstance(rendered, str)
    assert text.render(text.parse(rendered)) == rendered


def test_hard_wrapped_lines_are_joined() -> None:
    d27 = text.parse(read(DATA / "text" / "frus1961-63v15_d27.txt"))
    dateline = d27.blocks[0]
    assert dateline == m.Dateline(
        inlines=(m.Text(text="Geneva, March 26,"), m.LineBreak(), m.Text(text="1962, midnight."))
    )
    cairo = text.parse(read(DATA / "text" / "frus1943CairoTehran_d122.txt"))
    first = cairo.blocks[0]
    assert isinstance(first, m.Dateline)
    assert frusdoc.plain_text(first.inlines) == "[Aboard\nthe U. S. S. “Iowa”, November 12, 1943.]"
    # not joined: a line ending a sentence, a list label, a blank line between
    doc = text.parse("Title\nIt ended.\nthen more\n1.\nitem,\n\n2 lines")
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Paragraph", "ListBlock", "Paragraph"]
