"""Archival citations and prose cross-references, from real lines of the corpus."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import frusdoc
from frusdoc import citations, refs, tei, text
from frusdoc import model as m
from frusdoc import testing as fts
from tests.corpus import DATA, read, text_files

# (line as printed in the corpus, expected kind, expected parts)
CITATIONS = [
    (
        "740.0011 European War 1939/21011a",
        "decimal-file",
        {"class": "740.0011", "subject": "European War 1939", "item": "21011a"},
    ),
    ("861.77/451", "decimal-file", {"class": "861.77", "item": "451"}),
    ("File No. 861.77/451", "decimal-file", {"class": "861.77", "item": "451"}),
    ("711.93/538½", "decimal-file", {"class": "711.93", "item": "538½"}),
    (
        "740.00119 Control (Germany)/5–2945",
        "decimal-file",
        {"class": "740.00119", "subject": "Control (Germany)", "item": "5–2945"},
    ),
    ("751G.5–MSP/1–1055", "decimal-file", {"class": "751G.5", "subject": "MSP", "item": "1–1055"}),
    (
        "740.0011 Pacific War/3461: Telegram",
        "decimal-file",
        {"class": "740.0011", "subject": "Pacific War", "item": "3461", "form": "Telegram"},
    ),
    ("795.00/6–2550: Telegram", "decimal-file", {"class": "795.00", "item": "6–2550", "form": "Telegram"}),
    ("500.CC/8–1444", "decimal-file", {"class": "500.CC", "item": "8–1444"}),
    ("700.00116 M.E./292", "decimal-file", {"class": "700.00116", "subject": "M.E.", "item": "292"}),
    ("500.A4d/114: Telegram", "decimal-file", {"class": "500.A4d", "item": "114", "form": "Telegram"}),
    ("861.77/468a", "decimal-file", {"class": "861.77", "item": "468a"}),
    (
        "026 Foreign Relations/326",
        "decimal-file",
        {"class": "026", "subject": "Foreign Relations", "item": "326"},
    ),
    ("Lot 64 D 199", "lot-file", {"lot": "64D199"}),
    ("Lot 65 D 533", "lot-file", {"lot": "65D533"}),
    ("Lot F–96", "lot-file", {"lot": "F96"}),
    ("Lot 63D135", "lot-file", {"lot": "63D135"}),
    ("POL 26 S VIET", "subject-file", {"subject": "POL", "number": "26", "country": "S VIET"}),
    ("Kennedy Library", "library", {"name": "Kennedy Library"}),
    ("Franklin D. Roosevelt Library", "library", {"name": "Franklin D. Roosevelt Library"}),
    ("Roosevelt Papers", "papers", {"name": "Roosevelt Papers"}),
    ("Taylor Papers", "papers", {"name": "Taylor Papers"}),
    ("Central Files", "files", {"name": "Central Files"}),
    ("Central Foreign Policy Files", "files", {"name": "Central Foreign Policy Files"}),
    ("Moscow Embassy Files", "files", {"name": "Moscow Embassy Files"}),
    ("RG 59", "record-group", {"name": "59"}),
    ("Job 80–B01676R, Box 17", "cia-job", {"name": "80–B01676R, Box 17"}),
]


@pytest.mark.parametrize(("raw", "kind", "parts"), CITATIONS, ids=[c[0] for c in CITATIONS])
def test_citation_grammar(raw: str, kind: str, parts: dict[str, str]) -> None:
    citation = citations.parse(raw)
    assert str(citation) == raw
    assert citation.kind == kind
    assert dict(citation.parts()) == parts


@pytest.mark.parametrize("raw", ["1939/21011a", "No. 116.]", "1942.", "random words", ""])
def test_not_citations_are_unknown(raw: str) -> None:
    citation = citations.parse(raw)
    assert isinstance(citation, citations.Unknown)
    assert str(citation) == raw


SOURCE_NOTES = [
    (
        "Source: Kennedy Library, National Security Files, Germany, Berlin. Secret; Eyes Only.",
        ("Kennedy Library", "National Security Files", ("Germany", "Berlin"), "Secret; Eyes Only", ()),
    ),
    (
        "Source: Department of State, Conference Files: Lot 65 D 533, CF 2058A. Secret. Drafted by "
        "Hillenbrand on March 9 and cleared in draft by Bohlen.",
        (
            "Department of State",
            "Conference Files",
            ("Lot 65 D 533", "CF 2058A"),
            "Secret",
            ("Drafted by Hillenbrand on March 9 and cleared in draft by Bohlen.",),
        ),
    ),
    (
        "Source: Department of State, Central Files, 611.93/1–2156. Official Use Only.",
        ("Department of State", "Central Files", ("611.93/1–2156",), "Official Use Only", ()),
    ),
    (
        "Source: Department of State, Central Files, POL 26 S VIET. Secret; Immediate; Exdis. The source text is "
        "CIA Station telegram 2003 from Saigon.",
        (
            "Department of State",
            "Central Files",
            ("POL 26 S VIET",),
            "Secret; Immediate; Exdis",
            ("The source text is CIA Station telegram 2003 from Saigon.",),
        ),
    ),
]


@pytest.mark.parametrize(("raw", "expected"), SOURCE_NOTES, ids=range(len(SOURCE_NOTES)))
def test_source_notes(raw: str, expected: tuple[object, ...]) -> None:
    note = citations.parse(raw)
    assert isinstance(note, citations.SourceNote)
    assert str(note) == raw
    assert (note.repository, note.collection, note.locators, note.classification, note.remarks) == expected


def test_citations_inside_a_source_note() -> None:
    note = citations.parse_source_note(
        "Source: Department of State, Central Files, 611.93/1–2156. Official Use Only."
    )
    (decimal,) = note.citations
    assert isinstance(decimal, citations.DecimalFile)
    assert decimal.item == "1–2156"


def test_find_in_the_seed_footnote() -> None:
    seed = text.parse(read(DATA / "seed.txt"))
    note = frusdoc.plain_text(seed.note("80").blocks[0].inlines)  # type: ignore[union-attr]
    found = citations.find(note)
    assert [note[f.start : f.end] for f in found] == [
        "Franklin D. Roosevelt Library",
        "740.0011 European War 1939/21011a",
    ]
    target = found[1].target()
    assert target == m.ArchivalTarget(
        raw="740.0011 European War 1939/21011a",
        scheme="decimal-file",
        parts=(("class", "740.0011"), ("subject", "European War 1939"), ("item", "21011a")),
    )


@given(st.text())
def test_parse_keeps_any_string(s: str) -> None:
    assert str(citations.parse(s)) == s
    for found in citations.find(s):
        assert s[found.start : found.end] == str(found.citation)


# -- prose references -------------------------------------------------------------

PROSE = [
    (
        "See Document 3.",
        "Document 3",
        m.DocumentTarget(raw="Document 3", document="d3", volume="frus1961-63v15"),
    ),
    (
        "Documents 31–53",
        "Documents 31–53",
        m.DocumentTarget(raw="Documents 31–53", document="d31", volume="frus1961-63v15"),
    ),
    (
        "See footnote 3, Document 59.",
        "footnote 3, Document 59",
        m.NoteTarget(raw="footnote 3, Document 59", label="3", document="d59", volume="frus1961-63v15"),
    ),
    ("p. 786", "p. 786", m.PageTarget(raw="p. 786", page="786", volume="frus1961-63v15")),
    ("Ante, p. 239.", "Ante, p. 239", m.PageTarget(raw="Ante, p. 239", page="239", volume="frus1961-63v15")),
    (
        "see vol. XIV, Document 277.",
        "vol. XIV, Document 277",
        m.DocumentTarget(raw="vol. XIV, Document 277", document="d277", volume="frus1961-63v14"),
    ),
    (
        "Foreign Relations, 1942, vol. III, p. 543",
        "Foreign Relations, 1942, vol. III, p. 543",
        m.PageTarget(raw="Foreign Relations, 1942, vol. III, p. 543", page="543", volume="frus1942v03"),
    ),
    (
        "Foreign Relations, The Conferences at Cairo and Tehran, 1943, p. 25",
        "Foreign Relations, The Conferences at Cairo and Tehran, 1943, p. 25",
        m.PageTarget(
            raw="Foreign Relations, The Conferences at Cairo and Tehran, 1943, p. 25",
            page="25",
            volume="frus1943CairoTehran",
        ),
    ),
    (
        "Department of State Bulletin, June 13, 1942, p. 531",
        "Department of State Bulletin, June 13, 1942, p. 531",
        m.PublicationTarget(
            raw="Department of State Bulletin, June 13, 1942, p. 531",
            title="Department of State Bulletin",
            volume="June 13, 1942",
            page="531",
        ),
    ),
    (
        "In telegram No. 97, April 14, 1942 the Department",
        "telegram No. 97, April 14, 1942",
        m.ArchivalTarget(
            raw="telegram No. 97, April 14, 1942",
            scheme="message",
            parts=(("form", "telegram"), ("number", "97"), ("date", "April 14, 1942")),
        ),
    ),
    (
        "Printed as Document 12.",
        "Document 12",
        m.DocumentTarget(raw="Document 12", document="d12", volume="frus1961-63v15"),
    ),
]


@pytest.mark.parametrize(("line", "span", "target"), PROSE, ids=[p[1] for p in PROSE])
def test_prose_references(line: str, span: str, target: m.Target) -> None:
    (hit,) = refs.find(line, volume="frus1961-63v15")
    assert line[hit.start : hit.end] == span
    assert hit.target == target


def test_several_pages() -> None:
    line = "see pp. 258, 262."
    hits = refs.find(line, volume="frus1918Russiav03")
    assert [line[h.start : h.end] for h in hits] == ["pp. 258", "262"]
    assert [h.target.page for h in hits if isinstance(h.target, m.PageTarget)] == ["258", "262"]


def test_tei_and_prose_targets_are_one_type() -> None:
    assert tei.parse_target("frus1961-63v14#d277") == m.DocumentTarget(
        raw="frus1961-63v14#d277", document="d277", volume="frus1961-63v14"
    )
    (hit,) = refs.find("vol. XIV, Document 277", volume="frus1961-63v15")
    assert type(hit.target) is m.DocumentTarget
    assert hit.target.url == "https://history.state.gov/historicaldocuments/frus1961-63v14/d277"


@pytest.mark.parametrize("path", text_files(), ids=lambda p: p.name)
def test_annotate_keeps_the_text(path: object) -> None:
    doc = text.parse(read(path))  # type: ignore[arg-type]
    annotated = refs.annotate(doc)
    assert text.render(annotated) == text.render(doc)


def test_annotate_the_seed() -> None:
    seed = refs.annotate(text.parse(read(DATA / "seed.txt")))
    found = [r.target for _, r in refs.references(seed)]
    kinds = [(type(t).__name__, t.raw) for t in found]
    assert ("ArchivalTarget", "telegram No. 97, April 14, 1942") in kinds
    assert ("ArchivalTarget", "740.0011 European War 1939/21011a") in kinds


@given(fts.canonical_documents())
def test_annotate_never_changes_the_text(doc: m.Document) -> None:
    assert text.render(refs.annotate(doc)) == text.render(doc)


def test_resolution_in_a_volume() -> None:
    volume = tei.read_volume(DATA / "tei" / "frus1961-63v15.xml")
    d1 = volume.document("d1")
    assert refs.resolve(m.DocumentTarget(raw="#d1", document="d1"), volume) is d1
    assert refs.resolve(m.DocumentTarget(raw="#d99", document="d99"), volume) is None
    page = refs.resolve(m.PageTarget(raw="#pg_2", page="2"), volume)
    assert isinstance(page, m.PageBreak) and page.id == "pg_2"
    note = refs.resolve(m.NoteTarget(raw="footnote 1, Document 1", label="1", document="d1"), volume)
    assert isinstance(note, m.Note) and note.id == "d1fn1"
    assert (
        refs.resolve(m.DocumentTarget(raw="x", document="d277", volume="frus1961-63v14"), volume)
        is NotImplemented
    )
