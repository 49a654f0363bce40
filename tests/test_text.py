"""Plain text: lossless reading and writing of history.state.gov pages."""

from __future__ import annotations

import json
import re
import typing
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import frusdoc
from frusdoc import check, testing, text
from frusdoc import model as m
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
        # one marker per note, in order; a label printed again refers to the same note
        assert list(dict.fromkeys(r.label for _, r in refs)) == [n.label for n in listed]
    for p, ref in refs:
        start, end = spans[p]
        assert s[start:end] == ref.label  # the marker is where the page prints it


# The hand-checked answer key: per page, every marker's printed label in order,
# with the text it is glued to (marker included) as printed.
KEY: dict[str, list[tuple[str, str]]] = {
    name: [(label, context) for label, context in entries]
    for name, entries in json.loads((DATA / "expect" / "text_notes.json").read_text(encoding="utf-8")).items()
    if not name.startswith("_")
}

# Pages outside the key whose markers were read off the pages by hand earlier.
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
    **{name: [label for label, _ in entries] for name, entries in KEY.items()},
}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_markers_are_the_printed_ones(path: Path) -> None:
    # Every page with a footnote list has its markers checked by hand; the
    # others (no list, or a list cut before its first note) have none.
    doc = text.parse(read(path))
    assert [r.label for _, r in _refs(doc)] == EXPECTED_MARKERS.get(path.name, [])


@pytest.mark.parametrize("name", sorted(KEY))
def test_key_page_has_exactly_its_markers_where_printed(name: str) -> None:
    s = read(DATA / "text" / name)
    doc = text.parse(s)
    spans = text.spans(doc)
    found = []
    for p, ref in _refs(doc):
        found.append((ref.label, s[: spans[p][1]]))
    assert [label for label, _ in found] == [label for label, _ in KEY[name]]
    for (label, before), (_, context) in zip(found, KEY[name], strict=True):
        assert before.endswith(context), (label, before[-40:], context)


def test_every_listed_page_has_hand_checked_markers() -> None:
    # The expectations cover every page whose list holds a note (the key's own rule).
    for name, row in text_index().items():
        if row["footnote_style"] != "none":
            assert name in EXPECTED_MARKERS, name


_PAGE_MARKER = re.compile(r"\[(?:Facsimile |Typeset )?Page (?:\[[^\]\n]*\]|[^\[\]\n])*\]")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_page_breaks_are_the_printed_markers(path: Path) -> None:
    s = read(path)
    doc = text.parse(s)
    breaks = [(p, n) for p, n in frusdoc.walk(doc) if isinstance(n, m.PageBreak)]
    printed = _PAGE_MARKER.findall(s)
    assert len(breaks) == len(printed)
    spans = text.spans(doc)
    assert [s[slice(*spans[p])] for p, _ in breaks] == printed


def test_pages_without_a_footnote_list_keep_their_digits_as_text() -> None:
    # d400 prints "1918,1" but its list was cut off: nothing is guessed.
    s = read(DATA / "text" / "frus1918Russiav03_d400.txt")
    doc = text.parse(s)
    assert _refs(doc) == []
    assert "1918,1 which" in text.render(doc)


def test_a_label_printed_twice_refers_to_one_note() -> None:
    # d70 prints "1936,38", "11 a.m.,38" and "8 p.m.38)" for one note; its list
    # was cut off, so the test gives it one.
    s = read(DATA / "text" / "frus1936v03_d70.txt") + "\n  1. Not printed."
    doc = text.parse(s)
    assert [r.label for _, r in _refs(doc)] == ["38", "38", "38"]
    assert [n.label for n in doc.notes if n.rend != "inline"] == ["38"]
    assert "No. 38 of March" in text.render(doc, markers=False)  # the digits of the text stay text
    # The model pairs one marker with one note: check names the repeats, and no note goes unmarked.
    repeats = [p for p, _ in _refs(doc)][1:]
    assert [d.anchor.path for d in check(doc) if d.code in ("FD001", "FD002")] == repeats
    assert text.render(doc) == s


def test_markers_that_cannot_be_matched_stay_text_and_check_says_so() -> None:
    # d109 with a fourth note that no marker refers to: the labels cannot all be
    # matched, so none is guessed, and check names every note without a marker.
    s = read(DATA / "text" / "frus1943CairoTehran_d109.txt") + "\n  4. Not printed."
    doc = text.parse(s)
    assert _refs(doc) == []
    assert "November 82 to Molotov" in text.render(doc, markers=False)
    listed = [i for i, n in enumerate(doc.notes) if n.rend != "inline"]
    assert all(doc.notes[i].label is None for i in listed)
    unmatched = [d for d in check(doc) if d.code == "FD002"]
    assert [d.anchor.path for d in unmatched] == [("notes", i) for i in listed]
    assert text.render(doc) == s


def test_fused_markers_need_a_plausible_start() -> None:
    # "Gocus 770 and 7721": 772 + marker 1, not 77 + marker 0 (a 0 is the source note's label)
    doc = text.parse(read(DATA / "text" / "frus1949v07p1_d327.txt"))
    ((path, _),) = _refs(doc)
    b, k = path[1], path[-1]
    assert isinstance(b, int) and isinstance(k, int)
    block = doc.blocks[b]
    assert isinstance(block, m.Paragraph)
    before = block.inlines[k - 1]
    assert isinstance(before, m.Text) and before.text.endswith("(Gocus 770 and 772")
    # "November 82": a day after a month name can be a single digit
    d109 = text.parse(read(DATA / "text" / "frus1943CairoTehran_d109.txt"))
    assert [r.label for _, r in _refs(d109)] == ["1", "2", "3"]


def test_markers_after_a_space_in_participant_lists_and_a_cut_list() -> None:
    # d26: heading "…, 19551" (1955 + marker 1), participants "Interior2" … "Budget 5", "FOA 6";
    # its list was cut off: the test gives it the first five notes, as a cut list would.
    s = read(DATA / "text" / "frus1955-57v09_d26.txt")
    doc = text.parse(s + "".join(f"\n  {k}. Note {k}." for k in range(1, 6)))
    refs = _refs(doc)
    assert [r.label for _, r in refs] == ["1", "2", "3", "4", "5"]
    spans = text.spans(doc)
    rendered = text.render(doc)
    assert rendered[: spans[refs[0][0]][1]].endswith("19551")
    assert rendered[: spans[refs[4][0]][1]].endswith("Budget 5")
    # the whole list of ten: 1 fused, 5 and 6 after a space
    whole = text.parse(s + "".join(f"\n  {k}. Note {k}." for k in range(1, 11)))
    assert [r.label for _, r in _refs(whole)] == [str(k) for k in range(1, 11)]


def test_a_footnote_printed_as_a_paragraph_before_the_signature() -> None:
    # d157 prints the text of note 3 as a body paragraph before "Trueheart"; its list is cut in
    # note 2. Nothing on the page says the paragraph is a note: it stays a paragraph, marker 3
    # (whose note is not listed) stays text, and the signature is still the signature.
    doc = text.parse(read(DATA / "text" / "frus1961-63v03_d157.txt"))
    assert [r.label for _, r in _refs(doc)] == ["1", "2"]
    *_, before, last = doc.blocks
    assert last == m.Closer(blocks=(m.Signed(inlines=(m.Text(text="Trueheart"),)),))
    assert isinstance(before, m.Paragraph)
    assert frusdoc.plain_text(before.inlines).startswith("“Two hour meeting with Diem")
    assert len(doc.notes) == 2


def test_lettered_labels() -> None:
    # d71 prints "Suma98a" and "6 p.m.99", cut before its list: the test gives it the two notes
    s = read(DATA / "text" / "frus1931-41v02_d71.txt") + "\n  1. Note.\n  2. Note."
    doc = text.parse(s)
    assert [r.label for _, r in _refs(doc)] == ["98a", "99"]
    assert [n.label for n in doc.notes if n.rend != "inline"] == ["98a", "99"]


def test_footnotes_with_several_paragraphs() -> None:
    # d513: note 3 goes on after a blank line, indented four spaces; the excerpt ends inside it
    s = read(DATA / "text" / "frus1945v03_d513.txt")
    doc = text.parse(s)
    assert [n.label for n in doc.notes if n.rend != "inline"] == ["28", "29", "30"]
    third = doc.notes[-1]
    assert len(third.blocks) == 2
    second = third.blocks[1]
    assert isinstance(second, m.Plain)
    assert frusdoc.plain_text(second.inlines).startswith("In telegram 812, March 19, 6 p.m., from Moscow")
    assert text.render(doc) == s
    # the canonical form writes them the same way
    note = m.Note(
        label="1", blocks=(m.Plain(inlines=(m.Text(text="One."),)), m.Plain(inlines=(m.Text(text="Two."),)))
    )
    made = m.Document(title=(m.Text(text="Title"), m.NoteRef(label="1")), notes=(note,))
    assert text.render(made) == "Title1\n  1. One.\n\n    Two."
    assert text.parse(text.render(made)) == made


def test_an_arrow_footnote_cut_before_its_arrow() -> None:
    s = read(DATA / "text" / "frus1961-63v03_d223.txt")
    doc = text.parse(s)
    assert doc.layout is not None
    assert doc.layout.note_style == "arrow" and doc.layout.note_cut
    assert [n.label for n in doc.notes] == ["1", "2", "3", "4"]
    last = frusdoc.plain_text(doc.notes[-1])
    assert last.startswith("The Embassy reported, in telegram 96 from Saigon") and not last.endswith("↩")
    assert text.render(doc) == s
    # a dash line alone at the end is a dash item, not a cut note
    lone = text.parse("Title\n\nText.2\n- an item")
    assert lone.notes == () and lone.layout is not None and not lone.layout.note_cut


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
        b, k = path[1], path[-1]
        assert isinstance(b, int) and isinstance(k, int)
        block = doc.blocks[b]
        assert isinstance(block, m.Paragraph)
        previous = block.inlines[k - 1]
        assert isinstance(previous, m.Text) and previous.text.endswith(before_text), ref

    assert [n.label for n in doc.notes] == ["80", "81", "82"]
    texts = [frusdoc.plain_text(n) for n in doc.notes]
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
    assert frusdoc.plain_text(us.blocks[0]) == "U.S."
    nested = us.blocks[1]
    assert isinstance(nested, m.ListBlock)
    names = [frusdoc.plain_text(i) for i in nested.items]
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
    assert frusdoc.plain_text(source) == "File No. 861.77/451"
    assert frusdoc.plain_text(doc.title) == "The Secretary of State to the British Chargé (Barclay)"


def test_page_markers_in_every_form() -> None:
    s = "Title\n\n[Page [II]]\n\nword[Page 250]it and [Facsimile Page 1] [Typeset Page 1] more [Page XII]"
    doc = text.parse(s)
    breaks = [n for _, n in frusdoc.walk(doc) if isinstance(n, m.PageBreak)]
    assert breaks == [
        m.PageBreak(label="[II]"),
        m.PageBreak(label="250"),
        m.PageBreak(label="1", kind="facsimile"),
        m.PageBreak(label="1", kind="typeset"),
        m.PageBreak(label="XII"),
    ]
    assert text.render(doc) == s


def test_page_markers_that_split_a_word() -> None:
    # d18 prints "indi [Page 54] vidual", d45 "in[Page 138]corporating"
    for name, before, after in [
        ("frus1977-80v02_d18.txt", "any indi ", " vidual cause"),
        ("frus1977-80v02_d45.txt", "a redraft in", "corporating many"),
    ]:
        s = read(DATA / "text" / name)
        doc = text.parse(s)
        found = [
            (block, k)
            for block in doc.blocks
            if isinstance(block, m.Paragraph)
            for k, node in enumerate(block.inlines)
            if isinstance(node, m.PageBreak)
        ]
        (block, k), *_ = found
        previous, following = block.inlines[k - 1], block.inlines[k + 1]
        assert isinstance(previous, m.Text) and previous.text.endswith(before)
        assert isinstance(following, m.Text) and following.text.startswith(after)
        assert text.render(doc) == s
    glued = text.parse(read(DATA / "text" / "frus1977-80v02_d45.txt"))
    assert "a redraft incorporating many" in text.render(glued, page_breaks=False)


def test_a_page_that_begins_with_a_page_marker() -> None:
    s = "[Page 12]The Minister to the Secretary of State\n\nSir: I have the honor."
    doc = text.parse(s)
    assert doc.title[0] == m.PageBreak(label="12")
    assert frusdoc.plain_text(doc.title, page_breaks=False) == "The Minister to the Secretary of State"
    alone = text.parse("[Page 5]\n\nTitle\n\nText.")
    assert alone.title == (m.PageBreak(label="5"),)
    assert text.render(doc) == s


def test_a_page_marker_cut_off_at_the_end_is_text() -> None:
    # d98 ends at the 2,000-byte cap inside "[Page 12"
    s = read(DATA / "text" / "frus1901China_d98.txt")
    assert s.endswith("[Page 12")
    doc = text.parse(s)
    assert not any(isinstance(n, m.PageBreak) for _, n in frusdoc.walk(doc))
    last = doc.blocks[-1]
    assert isinstance(last, m.Paragraph)
    tail = last.inlines[-1]
    assert isinstance(tail, m.Text) and tail.text.endswith("[Page 12")


def test_digits_of_the_text_are_not_markers() -> None:
    s = "Heading1\n\nFiled as 740.0011 European War 1939/21011a in 1942. See No. 116.]\n  1. A note."
    doc = text.parse(s)
    assert [r.label for _, r in _refs(doc)] == ["1"]
    assert text.render(doc) == s


def test_bytes_are_refused_clearly() -> None:
    with pytest.raises(TypeError, match=r"text.parse\(s\): expected str, got bytes b'Heading'; decode it first"):
        text.parse(typing.cast(str, b"Heading"))  # the wrong type on purpose


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


@given(st.text(alphabet=" \t\r\nab\u2028", max_size=40))
def test_line_splitting_is_the_separator_pattern(s: str) -> None:
    # the reader splits lines by hand for speed; the regular expression is the specification
    from frusdoc.text.reader import _SEPARATOR, _split

    assert _split(s) == _SEPARATOR.split(s)


@given(st.text())
def test_render_parse_is_identity_on_unicode(s: str) -> None:
    assert text.render(text.parse(s)) == s


@given(testing.canonical_documents())
def test_parse_render_is_identity_on_canonical_documents(doc: m.Document) -> None:
    rendered = text.render(doc)
    assert text.parse(rendered) == doc
    assert "\n\n\n" not in rendered
    assert not rendered.endswith("\n")


@given(testing.canonical_documents(), st.data())
def test_parse_render_is_identity_with_footnotes_of_several_paragraphs(
    doc: m.Document, data: st.DataObject
) -> None:
    # Further paragraphs of a footnote: one-line Plain blocks, like the first.
    notes = []
    for note in doc.notes:
        more = data.draw(
            st.lists(
                st.sampled_from(["Not printed.", "See Document 5.", "Telegram 544, March 9."]), max_size=2
            )
        )
        notes.append(
            attrs.evolve(note, blocks=(*note.blocks, *(m.Plain(inlines=(m.Text(text=t),)) for t in more)))
        )
    longer = attrs.evolve(doc, notes=tuple(notes))
    assert text.parse(text.render(longer)) == longer


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


def test_tables_flattened_to_cells() -> None:
    # d79: "Sir Maurice Hankey, K. C. B. | } | Secretaries. |", each cell followed by "|"
    s = read(DATA / "text" / "frus1919Parisv06_d79.txt")
    doc = text.parse(s)
    (table,) = [b for b in doc.blocks if isinstance(b, m.Table)]
    cells = [[frusdoc.plain_text(c.inlines) for c in row.cells] for row in table.rows]
    assert cells == [
        ["Sir Maurice Hankey, K. C. B. ", " } ", " Secretaries. "],
        ["Count Aldrovandi. ", " ", ""],
        ["Capt. A. Portier. ", " ", ""],
        ["M. P. J. Mantoux.—Interpreter. "],
    ]
    assert text.render(doc) == s
    made = m.Document(
        title=(m.Text(text="Title"),),
        blocks=(m.Table(rows=(m.Row(cells=(m.Cell(inlines=(m.Text(text="a "),)), m.Cell())),)),),
    )
    assert text.render(made) == "Title\n\na ||"


def test_names_and_punctuation_on_lines_of_their_own_join_their_line() -> None:
    # hard-wrapped headings and datelines: "Mr. Rockhill to Mr." / "Hay.", "(Received February" / "14.)"
    d98 = text.parse(read(DATA / "text" / "frus1901China_d98.txt"))
    assert d98.title == (m.Text(text="Mr. Rockhill to Mr."), m.LineBreak(), m.Text(text="Hay."))
    d38 = text.parse(read(DATA / "text" / "frus1882_d38.txt"))
    texts = [frusdoc.plain_text(b.inlines) for b in d38.blocks if isinstance(b, m.Paragraph)]
    assert "Mr. Trescot\nto Mr. Frelinghuysen." in texts
    assert "January 13, 1882. (Received February\n14.)" in texts
    # lower-case classification lines stay lines of their own
    d109 = text.parse(read(DATA / "text" / "frus1943CairoTehran_d109.txt"))
    assert [frusdoc.plain_text(b) for b in d109.blocks[:2]] == ["secret", "urgent"]


def _alternates() -> list[tuple[str, str]]:
    return [
        (name, row["alternate_of"])
        for name, row in text_index().items()
        if row["alternate_of"] and (DATA / "text" / row["alternate_of"]).exists()
    ]


@pytest.mark.parametrize(("alternate", "original"), _alternates())
def test_alternate_flavours_of_a_page_agree(alternate: str, original: str) -> None:
    # The same page rendered twice (with and without heading, signature,
    # captions, file line; hard-wrapped or not) reads to the same structure.
    a, b = (text.parse(read(DATA / "text" / name)) for name in (alternate, original))

    def pages(d: m.Document) -> list[str]:
        return [n.label for _, n in frusdoc.walk(d) if isinstance(n, m.PageBreak)]

    def words(inlines: tuple[m.Inline, ...]) -> str:
        return " ".join(frusdoc.plain_text(inlines, markers=False).split())

    def body(d: m.Document) -> str:
        return " ".join(text.render(d, markers=False, notes=False, page_breaks=False).split())

    assert pages(a) == pages(b)
    assert [r.label for _, r in _refs(a)] == [r.label for _, r in _refs(b)]
    # the titles agree, unless one flavour lost its heading and starts with the body
    ta, tb = words(a.title), words(b.title)
    assert ta == tb or ta in body(b) or tb in body(a)


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
