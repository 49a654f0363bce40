"""Cross-references: whole-run annotation, note ids and labels, FRUS context, TEI pairing."""

from __future__ import annotations

import functools
import itertools
import json
import re
from typing import Any, cast

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import frusdoc
from frusdoc import check, refs, tei, text
from frusdoc import model as m
from frusdoc.schema import json_schema
from frusdoc.tei import TeiError
from tests.corpus import TEI_DIR, TEXT_DIR, read, text_files

# -- annotate wraps a run that is wholly one reference -------------------------------


def _whole_runs(doc: m.Document) -> list[str]:
    """Runs of the annotated document that are one Reference and nothing else."""
    out = []
    for _, node in frusdoc.walk(refs.annotate(doc)):
        inlines = getattr(node, "inlines", None)
        if isinstance(inlines, tuple) and len(inlines) == 1 and isinstance(inlines[0], m.Reference):
            out.append(inlines[0].target.raw)
    return out


def test_a_source_line_that_is_one_citation_is_annotated() -> None:
    # "File No. 861.77/451" alone on the first line of the page
    doc = text.parse(read(TEXT_DIR / "frus1918Russiav03_d396.txt"))
    assert _whole_runs(doc) == ["File No. 861.77/451"]
    ((_, ref),) = refs.references(refs.annotate(doc))
    assert ref.target == m.ArchivalTarget(
        raw="File No. 861.77/451", scheme="decimal-file", parts=(("class", "861.77"), ("item", "451"))
    )


def test_every_corpus_line_that_is_one_file_number_is_annotated() -> None:
    # data-driven: every page whose first line is a decimal file and nothing else
    pages = [
        p
        for p in text_files()
        if re.fullmatch(r"(?:File No\. )+\d{3}\.\d+/\d+[a-z]?", read(p).split("\n")[0])
    ]
    assert len(pages) >= 10
    for path in pages:
        first = read(path).split("\n")[0]
        assert first in _whole_runs(text.parse(read(path))), path.name


def test_a_bare_document_reference_is_annotated() -> None:
    doc = m.Document(
        id="d5", volume="frus1961-63v15", blocks=(m.Paragraph(inlines=(m.Text(text="Document 3"),)),)
    )
    annotated = refs.annotate(doc)
    assert annotated.blocks[0] == m.Paragraph(
        inlines=(
            m.Reference(
                target=m.DocumentTarget(raw="Document 3", document="d3", volume="frus1961-63v15"),
                children=(m.Text(text="Document 3"),),
            ),
        )
    )
    assert text.render(annotated) == text.render(doc)


def test_markup_inside_a_reference_does_not_change_what_it_is() -> None:
    # TEI prints the volume number in small capitals: "vol. <hi>vi</hi>, p. 508"
    doc = m.Document(
        volume="frus1951v07p2",
        blocks=(
            m.Paragraph(
                inlines=(
                    m.Text(text="see Foreign Relations, 1950, vol. "),
                    m.Emphasis(rend="smallcaps", children=(m.Text(text="vi"),)),
                    m.Text(text=", p. 508. See also Document 3."),
                )
            ),
        ),
    )
    annotated = refs.annotate(doc)
    # the page is of frus1950v06, across the markup: not wrapped, and never a page of this volume
    assert [r.target for _, r in refs.references(annotated)] == [
        m.DocumentTarget(raw="Document 3", document="d3", volume="frus1951v07p2")
    ]
    assert text.render(annotated) == text.render(doc)


def test_a_document_without_references_comes_back_unchanged() -> None:
    doc = m.Document(blocks=(m.Paragraph(inlines=(m.Text(text="No references here."),)),))
    assert refs.annotate(doc).blocks[0] is doc.blocks[0]


# -- NoteTarget: the note's id and its printed label, apart --------------------------


def test_a_tei_pointer_names_the_note_id_not_its_label() -> None:
    assert tei.parse_target("#d118fn85") == m.NoteTarget(raw="#d118fn85", id="d118fn85", document="d118")
    assert tei.parse_target("frus1964-68v02#d337fn5") == m.NoteTarget(
        raw="frus1964-68v02#d337fn5", id="d337fn5", document="d337", volume="frus1964-68v02"
    )


def test_prose_names_the_printed_label() -> None:
    (hit,) = refs.find("See footnote 7, Document 281.", volume="frus1961-63v03")
    assert hit.target == m.NoteTarget(
        raw="footnote 7, Document 281", label="7", document="d281", volume="frus1961-63v03"
    )
    assert hit.target.url == "https://history.state.gov/historicaldocuments/frus1961-63v03/d281#fn:7"


@functools.cache
def _drifting_volume() -> m.Volume:
    """frus1949v07p1 as far as the corpus has it: its notes' ids drift from their
    labels (d2fn5 is labelled 4) and document 2 prints the label 2 twice."""
    path = TEI_DIR / "frus1949v07p1.xml"
    return m.Volume(id="frus1949v07p1", body=tuple(tei.iter_documents(path)))


def test_resolution_goes_by_id() -> None:
    volume = _drifting_volume()
    d2 = volume.document("d2")
    assert [(n.id, n.label) for n in d2.notes if n.id] == [
        ("d2fn1", "1"),
        ("d2fn2", "2"),
        ("d2fn3", "2"),
        ("d2fn4", "3"),
        ("d2fn5", "4"),
        ("d2fn6", "5"),
    ]
    note = refs.resolve(tei.parse_target("#d2fn5"), volume)
    assert isinstance(note, m.Note) and (note.id, note.label) == ("d2fn5", "4")
    # by label only when no id is known
    by_label = refs.resolve(m.NoteTarget(raw="footnote 4, Document 2", label="4", document="d2"), volume)
    assert by_label is note
    assert refs.resolve(m.NoteTarget(raw="#d2fn9", id="d2fn9", document="d2"), volume) is None
    assert refs.resolve(m.NoteTarget(raw="#d9fn1", id="d9fn1", document="d9"), volume) is None
    # a note of the same document: the document the reference stands in decides
    same = refs.resolve(m.NoteTarget(raw="footnote 5", label="5"), volume, document=d2)
    assert isinstance(same, m.Note) and same.id == "d2fn6"


def test_an_ambiguous_label_is_reported_not_guessed() -> None:
    volume = _drifting_volume()
    target = m.NoteTarget(raw="footnote 2, Document 2", label="2", document="d2")
    with pytest.raises(refs.AmbiguousTargetError) as caught:
        refs.resolve(target, volume)
    assert [getattr(n, "id", None) for n in caught.value.candidates] == ["d2fn2", "d2fn3"]
    assert isinstance(caught.value, frusdoc.FrusdocError) and isinstance(caught.value, LookupError)
    # check says so (FD013) instead of resolving it to one of them
    d1 = volume.document("d1")
    pointing = attrs.evolve(
        d1,
        blocks=(
            *d1.blocks,
            m.Paragraph(inlines=(m.Reference(target=target, children=(m.Text(text=target.raw),)),)),
        ),
    )
    body = tuple(pointing if d is d1 else d for d in volume.body)
    found = [d for d in check(attrs.evolve(volume, body=body)) if d.code == "FD013"]
    assert [d.message for d in found] == ["'footnote 2, Document 2' fits 2 notes (d2fn2, d2fn3) in d1"]


# Format 1.0 wrote one field "note" for both; files of 1.0 keep reading.
OLD_NOTE_TARGETS = [
    (
        {"raw": "#d118fn85", "note": "85", "document": "d118"},
        m.NoteTarget(raw="#d118fn85", id="d118fn85", document="d118"),
    ),
    (
        {"raw": "frus1964-68v02#d337fn5", "note": "5", "document": "d337", "volume": "frus1964-68v02"},
        m.NoteTarget(raw="frus1964-68v02#d337fn5", id="d337fn5", document="d337", volume="frus1964-68v02"),
    ),
    (
        {"raw": "footnote 3, Document 59", "note": "3", "document": "d59"},
        m.NoteTarget(raw="footnote 3, Document 59", label="3", document="d59"),
    ),
]


@pytest.mark.parametrize(("old", "new"), OLD_NOTE_TARGETS, ids=[o["raw"] for o, _ in OLD_NOTE_TARGETS])
def test_format_1_0_note_targets_read(old: dict[str, Any], new: m.NoteTarget) -> None:
    data = {"frusdoc": "1.0", "type": "note-target", **old}
    jsonschema.validate(data, json_schema())
    assert frusdoc.json.loads(json.dumps(data), type=m.NoteTarget) == new
    # and inside a document, as 1.0 wrote them
    doc = {
        "frusdoc": "1.0",
        "type": "document",
        "blocks": [
            {
                "type": "p",
                "inlines": [{"type": "ref", "target": {"type": "note-target", **old}, "children": ["x"]}],
            }
        ],
    }
    jsonschema.validate(doc, json_schema())
    read_back = frusdoc.json.loads(json.dumps(doc), type=m.Document)
    ((_, ref),) = refs.references(read_back)
    assert ref.target == new
    # written again, the 1.0 field is gone and the 1.1 fields stand
    written = json.loads(frusdoc.json.dumps(new))
    assert "note" not in written
    assert {k: written[k] for k in ("id", "label") if k in written} == {
        k: v for k, v in (("id", new.id), ("label", new.label)) if v is not None
    }


def test_format_1_0_note_beside_1_1_fields_is_refused() -> None:
    data = '{"frusdoc": "1.1", "type": "note-target", "raw": "#d1fn1", "note": "1", "id": "d1fn1"}'
    with pytest.raises(frusdoc.ValidationError) as caught:
        frusdoc.json.loads(data, type=m.NoteTarget)
    assert "cannot stand beside" in str(caught.value)
    assert not jsonschema.Draft202012Validator(json_schema()).is_valid(json.loads(data))


# -- prose pages and volumes only in a FRUS context -------------------------------

# Real notes of the corpus: (page file, the reference as printed, FRUS page or not)
CONTEXTS = [
    # another publication's title or author before the page: not this volume
    ("frus1943_d381.txt", "Hull, p. 1232", None),
    ("frus1944Quebec_ch4subch1.txt", "Churchill, Triumph and Tragedy, p. 215", None),
    ("frus1944Quebec_ch4subch1.txt", "Stalin’s Correspondence, vol. I, p. 257", None),
    ("frus1944Quebec_ch4subch1.txt", "Woodward, p. 307", None),
    ("frus1944Quebec_ch4subch1.txt", "Eden, p. 553", None),
    ("frus1943CairoTehran_d122.txt", "Tong, Chiang Kai-shek, p. 307", None),
    ("frus1943CairoTehran_d278.txt", "Elliott Roosevelt (p. 166)", None),
    ("frus1943CairoTehran_d278.txt", "indicating (p. 57)", None),
    ("frus1943CairoTehran_d278.txt", "Stilwell’s Command Problems, p. 65", None),
    ("frus1950v07_d85.txt", "Sawyer Military Advisors in Korea, pp. 121, 123", None),
    ("frus1961-63v04_d224.txt", "Don, in Our Endless War, p. 98", None),
    ("frus1961-63v07_d41.txt", "Documents on Disarmaments, 1961, pages 271-273", None),
    ("frus1961-63v10_d328.txt", "CIA Daily Summary (on Cuba), page 2", None),
    # FRUS: ante and post, see, printed on, a dated message, a sender
    ("frus1943_d381.txt", "See post, p. 1161", "1161"),
    ("frus1944Quebec_ch4subch1.txt", "see post, p. 469", "469"),
    ("frus1943CairoTehran_d122.txt", "see the Log, post, p. 293", "293"),
    ("frus1944v02_d27.txt", "printed on p. 22", "22"),
    ("frus1929v01_d158.txt", "printed on page 263", "263"),
    ("frus1944v01_d416.txt", "see pp. 924", "924"),
    ("frus1951v06p1_d328.txt", "telegram 908 to The Hague, February 1, p. 591", "591"),
    ("frus1949v07p1_d327.txt", "Telegrams 639, July 29, and 642, August 1, pp. 464", "464"),
    ("frus1949v01_d114.txt", "Of March 30, p. 271", "271"),
    ("frus1900_d135.txt", "from Mr. Wu, p. 280", "280"),
    ("frus1918Russiav03_d398.txt", "ante, page 246", "246"),
]


@pytest.mark.parametrize(("name", "snippet", "page"), CONTEXTS, ids=[c[1] for c in CONTEXTS])
def test_pages_only_in_a_frus_context(name: str, snippet: str, page: str | None) -> None:
    line = next(line for line in read(TEXT_DIR / name).split("\n") if snippet in line)
    where = line.index(snippet)
    # the page number of the snippet: where the reference would be
    number = re.search(r"(?:pp?\.|pages?) ?(\d+)", snippet)
    assert number is not None
    at = where + number.start(1)
    hits = [h for h in refs.find(line, volume="frusX") if h.start <= at < h.end]
    if page is None:
        assert hits == []
    else:
        (hit,) = hits
        assert hit.target == m.PageTarget(raw=line[hit.start : hit.end], page=page, volume="frusX")


# Real notes of the TEI volumes (not marked as refs there): other publications
TEI_CONTEXTS = [
    ("frus1872p2v2.xml", "d1", "Chauveau et Hélié, t. 2, p. 61"),
    ("frus1872p2v2.xml", "d1", "Chauveau & Hélié (v. 2, p. 64)"),
    ("frus1872p2v2.xml", "d1", "by N. Carnot, 2d edition, 1 vol., p. 300"),
    ("frus1872p2v2.xml", "d1", "tome ler, p. 418"),
    ("frus1941v06.xml", "d3", "Government Printing Office, 1941), pp. 6"),
    ("frus1952-54v01p1.xml", "d1", "Mandate for Change (Garden City, N. Y., 1963), p. 84"),
    ("frus1952-54v01p1.xml", "d5", "is in Mandate for Change, pp. 93–96"),
    ("frus1969-76v12.xml", "d1", "in White House Years, pp. 234–235"),
    ("frus1969-76v12.xml", "d2", "Vol. VIII: U Thant, 1968–1971, pp. 514–525"),
]


@functools.cache
def _tei_runs(name: str, document: str) -> tuple[str, ...]:
    doc = next(d for d in tei.iter_documents(TEI_DIR / name) if d.id == document)
    runs = []
    for _, node in frusdoc.walk(doc):
        inlines = getattr(node, "inlines", None)
        if isinstance(inlines, tuple) and not isinstance(node, m.Document):
            runs.append(frusdoc.plain_text(inlines))
    return tuple(runs)


@pytest.mark.parametrize(("name", "document", "snippet"), TEI_CONTEXTS, ids=[c[2] for c in TEI_CONTEXTS])
def test_pages_of_other_publications_in_tei_notes(name: str, document: str, snippet: str) -> None:
    line = next(run for run in _tei_runs(name, document) if snippet in run)
    number = re.search(r"pp?\. (\d+)", snippet)
    assert number is not None
    at = line.index(snippet) + number.start(1)
    assert [h for h in refs.find(line, volume="frusX") if h.start <= at < h.end] == []


def test_a_bulletin_with_an_abbreviated_month() -> None:
    line = next(run for run in _tei_runs("frus1952-54v01p1.xml", "d1") if "Bulletin, Nov. 17" in run)
    (hit,) = [h for h in refs.find(line) if "Bulletin" in line[h.start : h.end]]
    assert hit.target == m.PublicationTarget(
        raw="Department of State Bulletin, Nov. 17, 1952, p. 771",
        title="Department of State Bulletin",
        volume="Nov. 17, 1952",
        page="771",
    )


def test_a_memoir_is_not_the_volume() -> None:
    for line in ("Hull, Memoirs, vol. II, p. 1234.", "See Hull, Memoirs, p. 1.", "Kennan, Memoirs, vol. I."):
        assert refs.find(line, volume="frus1943v03") == [], line
    # the same words in a FRUS context are references
    (hit,) = refs.find("See vol. II, p. 1234.", volume="frus1943v03")
    assert hit.target == m.PageTarget(raw="vol. II, p. 1234", page="1234", volume="frus1943v02")


FOREIGN_RELATIONS = [
    (
        "see Foreign Relations, 1943, vol. i, pp. 513 ff.",
        [m.PageTarget(raw="Foreign Relations, 1943, vol. i, pp. 513", page="513", volume="frus1943v01")],
    ),
    (
        "Foreign Relations, Japan, 1931–1941, vol. ii, pp. 670 and 672.",
        [
            m.PageTarget(
                raw="Foreign Relations, Japan, 1931–1941, vol. ii, pp. 670",
                page="670",
                volume="frus1931-41v02",
            ),
            m.PageTarget(raw="672", page="672", volume="frus1931-41v02"),
        ],
    ),
    (
        "Foreign Relations, 1964–1968, volume XIV, Soviet Union, Document 335.",
        [
            m.DocumentTarget(
                raw="Foreign Relations, 1964–1968, volume XIV, Soviet Union, Document 335",
                document="d335",
                volume="frus1964-68v14",
            )
        ],
    ),
    (
        "Foreign Relations, 1952–1954, volume XV, Korea, part 2, pp. 1607–1610.",
        [
            m.PageTarget(
                raw="Foreign Relations, 1952–1954, volume XV, Korea, part 2, pp. 1607–1610",
                page="1607",
                volume="frus1952-54v15p2",
            )
        ],
    ),
    (
        "Ante, pp. 258, 262, 257, and 241.",
        [
            m.PageTarget(raw="Ante, pp. 258", page="258", volume="frus1918Russiav03"),
            m.PageTarget(raw="262", page="262", volume="frus1918Russiav03"),
            m.PageTarget(raw="257", page="257", volume="frus1918Russiav03"),
            m.PageTarget(raw="241", page="241", volume="frus1918Russiav03"),
        ],
    ),
    (
        "Foreign Relations, 1950, vol. vi, p. 508; ibid., p. 591.",
        [
            m.PageTarget(raw="Foreign Relations, 1950, vol. vi, p. 508", page="508", volume="frus1950v06"),
            m.PageTarget(raw="ibid., p. 591", page="591", volume="frus1950v06"),
        ],
    ),
    (
        "Foreign Relations, 1950, vol. vi, p. 508; ibid., 1951, vol. ii, p. 5.",
        [
            m.PageTarget(raw="Foreign Relations, 1950, vol. vi, p. 508", page="508", volume="frus1950v06"),
            m.PageTarget(raw="ibid., 1951, vol. ii, p. 5", page="5", volume="frus1951v02"),
        ],
    ),
    # ibid. of something this text does not cite, or of another publication: not guessed
    ("See ibid., Document 337, footnote 3.", []),
    ("Ibid, p. 31.", []),
    (
        "Foreign Relations, 1950, vol. vi, p. 508; Hull, Memoirs, p. 3; ibid., p. 5.",
        [m.PageTarget(raw="Foreign Relations, 1950, vol. vi, p. 508", page="508", volume="frus1950v06")],
    ),
    # a volume alone after a comma is an archive's locator, after "see" a FRUS volume
    ("Source: Johnson Library, Country File, Vietnam, Box 3, Vol. II. Secret.", []),
    ("see volume VI.", [m.VolumeTarget(raw="volume VI", volume="frus1918Russiav06")]),
]


@pytest.mark.parametrize(("line", "targets"), FOREIGN_RELATIONS, ids=[f[0][:40] for f in FOREIGN_RELATIONS])
def test_foreign_relations_citations(line: str, targets: list[m.Target]) -> None:
    assert [h.target for h in refs.find(line, volume="frus1918Russiav03")] == targets


_FRAGMENTS = st.sampled_from(
    [
        "Foreign Relations, 1950, vol. vi",
        ", ",
        "; ",
        "ibid., ",
        "p. 5",
        "pp. 1, 2, and 3",
        "Document 3",
        "Documents 4–7",
        " volume XIV",
        ", part 2",
        "Hull, Memoirs",
        "footnote 2, Document 9",
        "ante, ",
        "(",
        ". ",
        " and ",
    ]
)


@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=4)), max_size=12).map("".join))
def test_find_gives_ordered_disjoint_spans(line: str) -> None:
    hits = refs.find(line, volume="frus1961-63v15")
    assert all(0 <= h.start < h.end <= len(line) for h in hits)
    assert all(a.end <= b.start for a, b in itertools.pairwise(hits))
    for hit in hits:
        assert hit.target.raw == line[hit.start : hit.end]


# -- annotate + references gives the targets of the TEI refs -----------------------


def _paired() -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in (TEI_DIR / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    return [(row["file"], name) for row in rows for name in row.get("paired_text_files", [])]


@functools.cache
def _volume(name: str) -> m.Volume:
    return tei.read_volume(TEI_DIR / name)


def _place(target: m.Target, volume: m.Volume, doc: m.Document) -> tuple[object, ...]:
    """What a target points at: a node of the volume when it is in it, else its parts."""
    own = getattr(target, "volume", None) or volume.id
    if own == volume.id and isinstance(target, m.DocumentTarget | m.PageTarget | m.NoteTarget):
        found = refs.resolve(target, volume, document=doc)
        if found is not None:
            return ("node", id(found))
    fields = attrs.asdict(target)
    fields.pop("raw")
    fields["volume"] = own
    return (type(target).__name__, *sorted(fields.items()))


@pytest.mark.parametrize(("tei_file", "page"), _paired(), ids=[p for _, p in _paired()])
def test_annotate_gives_the_targets_of_the_tei_refs(tei_file: str, page: str) -> None:
    try:
        volume = _volume(tei_file)
    except TeiError as exc:
        pytest.skip(f"{tei_file} does not read yet: {exc}")
    doc_id = page.removesuffix(".txt").rpartition("_")[2]
    tei_doc = volume.document(doc_id)
    page_text = read(TEXT_DIR / page)
    page_doc = attrs.evolve(text.parse(page_text), volume=volume.id)
    plain = text.render(page_doc, markers=False, page_breaks=False)
    expected: list[tuple[object, ...]] = []
    seen: dict[str, int] = {}
    for _, ref in refs.references(tei_doc):
        link = frusdoc.plain_text(ref.children).strip()
        seen[link] = seen.get(link, 0) + 1
        # Exclusion: the page is an excerpt (history.state.gov search excerpts stop
        # after about 2000 characters), so a ref whose link text the page does not
        # print (as often as the TEI does) is not there to be found.
        if plain.count(link) < seen[link]:
            continue
        expected.append(_place(ref.target, volume, tei_doc))
    # Archival citations are plain text in the TEI (no ref), so they are left out.
    found = [
        _place(ref.target, volume, tei_doc)
        for _, ref in refs.references(refs.annotate(page_doc))
        if not isinstance(ref.target, m.ArchivalTarget)
    ]
    assert found == expected


def test_the_paired_documents_cover_refs() -> None:
    # the pairing test above is not vacuous: the readable volumes pair refs with page text
    total = 0
    for tei_file, page in _paired():
        try:
            volume = _volume(tei_file)
        except TeiError:
            continue
        tei_doc = volume.document(page.removesuffix(".txt").rpartition("_")[2])
        plain = read(TEXT_DIR / page)
        total += sum(frusdoc.plain_text(r.children).strip() in plain for _, r in refs.references(tei_doc))
    assert total >= 4


def test_resolution_in_the_seed_volume_data() -> None:
    # a corpus volume that reads: TEI note pointers resolve to the note they name
    volume = _volume("frus1961-63v15.xml")
    for doc in volume.iter_documents():
        for note in doc.notes:
            if note.id:
                assert refs.resolve(tei.parse_target(f"#{note.id}"), volume) is note


# -- the volume index: resolve without walking the volume for each target -------------


def _own_targets(volume: m.Volume) -> list[tuple[m.Target, m.Document]]:
    """Targets built from the volume's own nodes (each document, page, note id),
    with a document of the volume: each must resolve."""
    out: list[tuple[m.Target, m.Document]] = []
    for doc in volume.iter_documents():
        if doc.id:
            out.append((m.DocumentTarget(raw=f"#{doc.id}", document=doc.id), doc))
        out += [
            (m.PageTarget(raw=f"p. {n.label}", page=n.label), doc)
            for _, n in frusdoc.walk(doc)
            if isinstance(n, m.PageBreak)
        ]
        out += [(m.NoteTarget(raw=f"#{n.id}", id=n.id), doc) for n in doc.notes if n.id]
    return out


def _other_targets(volume: m.Volume) -> list[tuple[m.Target, m.Document]]:
    """Every reference of the volume's documents, every note by label (some
    ambiguous), and targets that are not there."""
    out: list[tuple[m.Target, m.Document]] = []
    for doc in volume.iter_documents():
        out += [(r.target, doc) for _, r in refs.references(doc)]
        out += [
            (m.NoteTarget(raw=f"footnote {n.label}", label=n.label, document=doc.id), doc)
            for n in doc.notes
            if n.label
        ]
        out += [
            (m.DocumentTarget(raw="#d9999", document="d9999"), doc),
            (m.PageTarget(raw="p. 0", page="0"), doc),
        ]
    return out


def _outcome(target: m.Target, volume: m.Volume, doc: m.Document, index: refs.VolumeIndex | None) -> object:
    try:
        found = refs.resolve(target, volume, document=doc, index=index)
    except refs.AmbiguousTargetError as exc:
        return ("ambiguous", tuple(id(n) for n in exc.candidates))
    return found if found is None or found is NotImplemented else id(found)


@pytest.mark.parametrize("name", sorted(p.name for p in TEI_DIR.glob("*.xml")))
def test_the_index_resolves_as_the_walks_do(name: str) -> None:
    volume = _volume(name)
    index = refs.VolumeIndex.of(volume)
    own, other = _own_targets(volume), _other_targets(volume)
    found = [_outcome(t, volume, d, index) for t, d in own + other]
    assert found == [_outcome(t, volume, d, None) for t, d in own + other]
    assert all(isinstance(f, int) for f in found[: len(own)])
    assert len(own) >= len(list(volume.iter_documents()))


def test_the_index_lists_the_volume() -> None:
    volume = _volume("frus1961-63v15.xml")
    index = refs.VolumeIndex.of(volume)
    assert list(index.documents) == ["d1", "d2", "d3", "d4", "d5"]
    assert index.documents["d3"] is volume.document("d3")
    pages = [n.label for _, n in frusdoc.walk(volume) if isinstance(n, m.PageBreak)]
    assert list(index.pages) == list(dict.fromkeys(pages)) and len(pages) >= 5
    assert index.notes["d4fn1"] is next(n for n in volume.document("d4").notes if n.id == "d4fn1")
    assert index.persons == {p.id for p in volume.persons} and len(index.persons) == 119
    assert index.terms == {t.id for t in volume.terms} and len(index.terms) == 112


def test_an_index_of_another_volume_is_refused() -> None:
    volume = _volume("frus1961-63v15.xml")
    other = refs.VolumeIndex.of(_volume("frus1964-68v03.xml"))
    with pytest.raises(frusdoc.ArgumentValueError, match="VolumeIndex of the volume"):
        refs.resolve(m.DocumentTarget(raw="#d1", document="d1"), volume, index=other)
    with pytest.raises(frusdoc.ArgumentTypeError, match=r"resolve\(index\): expected a VolumeIndex"):
        refs.resolve(m.DocumentTarget(raw="#d1", document="d1"), volume, index=cast(Any, {}))
    with pytest.raises(frusdoc.ArgumentTypeError, match=r"VolumeIndex.of\(volume\): expected a Volume"):
        refs.VolumeIndex.of(cast(Any, volume.document("d1")))
