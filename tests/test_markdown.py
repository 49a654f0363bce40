"""Markdown for readers, and robustness of the derived outputs on any document."""

from __future__ import annotations

from hypothesis import given

import frusdoc
from frusdoc import markdown, tei, testing, text
from frusdoc import model as m
from tests.corpus import DATA, TEI_DIR, read


def test_seed_as_markdown() -> None:
    md = markdown.render(text.parse(read(DATA / "seed.txt")))
    assert md.startswith("## President Roosevelt to the President of the Council of People’s Commissars")
    assert "(Stalin)[^80]" in md
    assert "as well as we ⟨p. 543⟩ hope" in md
    assert "the conduct of the war" not in md  # no emendation recorded: the print stands
    assert md.count("[^8") == 6  # three markers, three definitions
    assert md.rstrip().endswith("[^82]: Harry L. Hopkins, Special Assistant to the President.")


def test_references_become_links_and_emphasis_marks() -> None:
    d1 = tei.read_volume(TEI_DIR / "frus1961-63v15.xml").document("d1")
    md = markdown.render(d1)
    assert "[vol. XIV, Document 277](https://history.state.gov/historicaldocuments/frus1961-63v14/d277)" in md
    assert "*Washington, March 9, 1962.*" in md
    assert "\n1. We anticipate that" in md
    assert "**John Kennedy**" in md


def test_markdown_shows_the_corrected_reading_by_default() -> None:
    run = (
        m.Text(text="the "),
        m.Emendation(original=(m.Text(text="eondud"),), corrected=(m.Text(text="conduct"),)),
    )
    doc = m.Document(title=(m.Text(text="T"),), blocks=(m.Paragraph(inlines=run),))
    assert "the conduct" in markdown.render(doc)
    assert "the eondud" in markdown.render(doc, reading="original")


def test_markdown_escapes_what_would_be_markup() -> None:
    doc = m.Document(title=(m.Text(text="T"),), blocks=(m.Paragraph(inlines=(m.Text(text="1. a *b* [c]"),)),))
    assert "1\\. a \\*b\\* \\[c\\]" in markdown.render(doc)


@given(testing.documents())
def test_every_output_accepts_any_document(doc: m.Document) -> None:
    assert isinstance(markdown.render(doc), str)
    assert isinstance(
        text.render(doc, reading="corrected", markers=False, notes=False, page_breaks=False), str
    )
    for finding in frusdoc.check(doc):
        assert finding.code in frusdoc.diagnostics.RULES
    assert frusdoc.refs.annotate(doc) is not None


@given(testing.volumes())
def test_check_accepts_any_volume(volume: m.Volume) -> None:
    assert isinstance(frusdoc.check(volume), list)
