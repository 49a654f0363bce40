"""Archival citations and prose cross-references, from real lines of the corpus."""

from __future__ import annotations

import re
from pathlib import Path

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
    # item serials that are dates with a two-digit month, read whole (issue 11)
    (
        "740.0011 Moscow/10–1843",
        "decimal-file",
        {"class": "740.0011", "subject": "Moscow", "item": "10–1843"},
    ),
    ("893.01/11–2948: Telegram", "decimal-file", {"class": "893.01", "item": "11–2948", "form": "Telegram"}),
    ("893.00/11–948", "decimal-file", {"class": "893.00", "item": "11–948"}),
    ("793B.00/12–2650", "decimal-file", {"class": "793B.00", "item": "12–2650"}),
    ("600.0012/7-2061", "decimal-file", {"class": "600.0012", "item": "7-2061"}),
    (
        "701.56d11/11–2949: Telegram",
        "decimal-file",
        {"class": "701.56d11", "item": "11–2949", "form": "Telegram"},
    ),
    # "File No. No." is a slip of the printed volume (frus1918Supp02_d496)
    ("File No. No. 763.72112/5397", "decimal-file", {"class": "763.72112", "item": "5397"}),
    # a class printed spaced, a subject that is a number or in parentheses (1927, 1942)
    ("500.A15 a 1/262a", "decimal-file", {"class": "500.A15 a 1", "item": "262a"}),
    (
        "710.Consultation 3/130: Telegram",
        "decimal-file",
        {"class": "710.Consultation", "subject": "3", "item": "130", "form": "Telegram"},
    ),
    (
        "710.Consultation (2)A/47",
        "decimal-file",
        {"class": "710.Consultation", "subject": "(2)A", "item": "47"},
    ),
]


@pytest.mark.parametrize(("raw", "kind", "parts"), CITATIONS, ids=[c[0] for c in CITATIONS])
def test_citation_grammar(raw: str, kind: str, parts: dict[str, str]) -> None:
    citation = citations.parse(raw)
    assert str(citation) == raw
    assert citation.kind == kind
    assert dict(citation.parts()) == parts


@pytest.mark.parametrize(
    "raw", ["1939/21011a", "No. 116.]", "1942.", "random words", "", "NSC 114/1", "184.00101/-"]
)
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
    note = frusdoc.plain_text(seed.note("80"))
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
def test_annotate_keeps_the_text(path: Path) -> None:
    doc = text.parse(read(path))
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


# -- item serials: the whole serial, never a prefix of it ---------------------------


def test_a_class_never_starts_inside_a_number() -> None:
    # frus1951v07p2 d2: "memorandum of conversation, May 17, 1974 (611.93/1–651)."
    line = "memorandum of conversation, May 17, 1974 (611.93/1–651)."
    (found,) = citations.find(line)
    assert line[found.start : found.end] == "611.93/1–651"
    assert dict(found.citation.parts()) == {"class": "611.93", "item": "1–651"}


_DASHES = st.sampled_from(["–", "-"])
_SUFFIX = st.sampled_from(["", "", "", "a", "b", "c", "d", "e", "½"])
# The shapes of the corpus: numbered serials ("451", "21011a", "538½", "6a")
# and date serials month–day+year, months and days of one or two digits
# ("5–2945", "1–1055", "11–948", "12–2650", "10–1843", "7-2061").
_NUMBERED = st.tuples(st.integers(1, 99999), _SUFFIX).map(lambda t: f"{t[0]}{t[1]}")
_DATED = st.tuples(st.integers(1, 12), _DASHES, st.integers(1, 31), st.integers(0, 99), _SUFFIX).map(
    lambda t: f"{t[0]}{t[1]}{t[2]}{t[3]:02d}{t[4]}"
)
# Classes and subjects as the corpus prints them, before the slash.
_PREFIXES = st.sampled_from(
    [
        ("861.77", None),
        ("740.0011", "Moscow"),
        ("740.0011", "European War 1939"),
        ("740.00119", "Control (Germany)"),
        ("893.01", None),
        ("751G.5", "MSP"),
        ("500.A15a3", None),
        ("710.Consultation", "(3)"),
        ("033.1100", "NI"),
        ("320", None),
        ("793B.00", None),
    ]
)
_AFTER = st.sampled_from(["", ".", ")", ",", ": Telegram", "; ", ". Secret."])


@given(_PREFIXES, st.one_of(_NUMBERED, _DATED), _AFTER)
def test_item_serials_are_read_whole(prefix: tuple[str, str | None], item: str, after: str) -> None:
    file_class, subject = prefix
    if subject == "NI":
        raw = f"{file_class}–NI/{item}"
    else:
        raw = f"{file_class}{' ' + subject if subject else ''}/{item}"
    line = f"Source: Department of State, Central Files, {raw}{after}"
    found = [f for f in citations.find(line) if f.citation.kind == "decimal-file"]
    assert len(found) == 1
    citation = found[0].citation
    assert isinstance(citation, citations.DecimalFile)
    assert (citation.file_class, citation.subject, citation.item) == (file_class, subject, item)
    assert citations.parse(raw) == citation if after != ": Telegram" else citation.form == "Telegram"


def _corpus_texts() -> list[tuple[str, str]]:
    out = [(p.name, read(p)) for p in text_files()]
    for path in sorted((DATA / "tei").glob("*.xml")):
        # the TEI as text: elements dropped, so a serial split by markup still reads
        out.append((path.name, re.sub(r"<[^>]+>", "", read(path))))
    return out


def test_no_serial_of_the_corpus_is_cut_short() -> None:
    checked = 0
    for name, body in _corpus_texts():
        for found in citations.find(body):
            if found.citation.kind != "decimal-file":
                continue
            checked += 1
            # what follows the citation does not go on with the serial
            assert not re.match(r"[–-]?[0-9A-Za-z½]", body[found.end :]), (name, str(found.citation))
    assert checked >= 150  # every decimal file of the corpus, page texts and TEI


# -- classification markings of real source notes -----------------------------------

# (corpus file, document, locators, classification, first remark or None)
REAL_SOURCE_NOTES = [
    ("frus1961-63v04_d224.txt", None, ("POL 26 S VIET",), "Secret; Immediate; Exdis", "The source text is"),
    (
        "frus1961-63v03_d157.txt",
        None,
        ("SOC 14-1 S VIET",),
        "Secret; Operational Immediate; Limited Distribution",
        "Repeated to CINCPAC.",
    ),
    # the period before the marking is missing in print
    ("frus1961-63v03_d147.txt", None, ("SOC 14-1 S VIET",), "Secret; Operational Immediate", "Drafted by"),
    ("frus1961-63v15_d4.txt", None, ("Germany", "Berlin"), "Secret; Eyes Only", None),
    ("frus1961-63v15_d168.txt", None, ("700.5611/1–1563",), "Confidential", "Drafted and initialed by"),
    ("frus1958-60v10p1_d96.txt", None, ("033.1100–NI/7–2459",), "Secret; Limit Distribution", None),
    # "Dept." is no sentence end
    (
        "frus1964-68v14_d256.txt",
        None,
        ("Job 78–06423A", "Box 3", "Folder 6", "US Govt-State Dept"),
        "Confidential",
        "Attached to a routing slip",
    ),
    (
        "frus1977-80v02_d3.txt",
        None,
        ("Staff Material", "Global Issues—Mathews Subject File", "Box 7", "Human Rights (HR): 12/75–1/77"),
        "No classification marking",
        None,
    ),
    ("frus1955-57v02_d88.txt", None, ("293.9322/2–555",), None, None),
    # "Vol." is no sentence end; "S." of a file code ends the locators
    (
        "frus1964-68v03.xml",
        "d1",
        ("Country File", "Vietnam", "Vol. XXXV", "Cables (B)"),
        "Top Secret; Immediate",
        "Repeated to JCS.",
    ),
    ("frus1964-68v03.xml", "d2", ("POL 15 VIET S",), "Secret; Priority; Limdis", "Repeated to Bangkok"),
    ("frus1964-68v03.xml", "d3", ("Vietnam I",), "No classification marking", "Drafted in Ball"),
    ("frus1961-63v15.xml", "d2", ("Lot 65 D 533", "CF 2058A"), "Secret", "Drafted by Hillenbrand"),
    (
        "frus1969-76v19p1.xml",
        "d5",
        (
            "White House Special Files",
            "President’s Office Files",
            "Box 77",
            "Memoranda for the President",
            "Beginning March 30",
            "1969",
        ),
        "Secret; Sensitive",
        "Presumably drafted by Sneider.",
    ),
]


def _source_note_text(name: str, document: str | None) -> str:
    if document is None:
        doc = text.parse(read(DATA / "text" / name))
    else:
        doc = next(d for d in tei.iter_documents(DATA / "tei" / name) if d.id == document)
    note = doc.source_note
    assert note is not None
    return " ".join(frusdoc.plain_text(getattr(b, "inlines", ())) for b in note.blocks).strip()


@pytest.mark.parametrize(
    ("name", "document", "locators", "classification", "remark"),
    REAL_SOURCE_NOTES,
    ids=[f"{r[0]}:{r[1]}" if r[1] else r[0] for r in REAL_SOURCE_NOTES],
)
def test_real_source_notes(
    name: str, document: str | None, locators: tuple[str, ...], classification: str | None, remark: str | None
) -> None:
    raw = _source_note_text(name, document)
    note = citations.parse_source_note(raw)
    assert str(note) == raw
    assert note.locators == locators
    assert note.classification == classification
    if remark is None:
        assert note.remarks == ()
    else:
        assert note.remarks[0].startswith(remark)
    # the marking is in neither the locators nor the first remark
    assert not any(level in loc for loc in note.locators for level in ("Secret", "Confidential", "marking"))
    if classification and note.remarks:
        assert classification not in note.remarks[0]


def test_every_source_note_of_the_corpus_has_its_marking_split_off() -> None:
    notes = []
    for path in text_files():
        doc = text.parse(read(path))
        if doc.source_note is not None:
            notes.append(
                " ".join(frusdoc.plain_text(getattr(b, "inlines", ())) for b in doc.source_note.blocks)
            )
    for path in sorted((DATA / "tei").glob("*.xml")):
        for doc in tei.iter_documents(path):
            if doc.source_note is not None:
                notes.append(
                    " ".join(frusdoc.plain_text(getattr(b, "inlines", ())) for b in doc.source_note.blocks)
                )
    notes = [n.strip() for n in notes if n.strip().startswith("Source:")]
    assert len(notes) >= 35
    for raw in notes:
        note = citations.parse_source_note(raw)
        marked = re.search(
            r"(?:^|\. |[A-Z] )(?:Top Secret|Secret|Confidential|Official Use Only|No classification marking)[.;]",
            raw,
        )
        assert (note.classification is not None) == (marked is not None), raw
        if note.classification:
            assert note.classification in raw
            assert not note.remarks or not note.remarks[0].startswith(note.classification), raw
