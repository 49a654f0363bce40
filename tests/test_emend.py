"""Emendations: proposals on the seed and the corpus, operations, round trips."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import frusdoc
from frusdoc import emend, tei, text
from frusdoc import model as m
from frusdoc import testing as fts
from frusdoc.cli import main
from tests.corpus import DATA, TEI_DIR, read, text_files

SEED = read(DATA / "seed.txt")


def test_seed_has_exactly_the_two_ocr_errors() -> None:
    proposals = emend.propose(text.parse(SEED))
    assert [(p.original, p.corrected) for p in proposals] == [
        ("eondud", "conduct"),
        ("ii accordance", "in accordance"),
    ]
    for p in proposals:
        assert SEED[p.start : p.end] == p.original
        assert 0.8 <= p.confidence <= 1
        assert p.reason


def test_no_false_proposals_on_the_rest_of_the_corpus() -> None:
    words = 0
    found = []
    for path in text_files()[1:]:
        doc = text.parse(read(path))
        words += frusdoc.word_count(doc)
        found += [(path.name, p.original) for p in emend.propose(doc)]
    for path in sorted(TEI_DIR.glob("*.xml")):
        volume = tei.read_volume(path)
        words += sum(frusdoc.word_count(d) for d in volume.documents)
        found += [(p.document or "", p.original) for p in emend.propose(volume)]
    assert words > 20_000
    assert found == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The Ambassador vvill call on the Minister.", [("vvill", "will")]),
        ("He was informed of the decision in 19l8 by the Department.", [("19l8", "1918")]),
        ("The rnatter was discussed.", [("rnatter", "matter")]),
        ("The Department has instrueted him.", [("instrueted", "instructed")]),
        ("See 740.0011 European War 1939/21011a for the text.", []),  # a file number
        ("The Generalissimo spoke of Chungking.", []),  # names
        ("It was done mutatis mutandis and status qua ante.", []),  # foreign words
        ("Czeeho-Slovak [sic] troops.", []),
        ("Paragraph ii of the treaty.", []),  # a roman numeral, not between lower-case words
    ],
)
def test_proposals_and_protections(line: str, expected: list[tuple[str, str]]) -> None:
    doc = text.parse(f"Heading\n\n{line}")
    assert [(p.original, p.corrected) for p in emend.propose(doc)] == expected


def test_italic_words_are_protected() -> None:
    doc = m.Document(
        title=(m.Text(text="T"),),
        blocks=(
            m.Paragraph(
                inlines=(
                    m.Text(text="he said "),
                    m.Emphasis(rend="italic", children=(m.Text(text="ceteris"),)),
                )
            ),
        ),
    )
    assert emend.propose(doc) == []


def test_apply_accept_reject_revert() -> None:
    doc = text.parse(SEED)
    proposals = emend.propose(doc)
    emended = emend.apply(doc, proposals)
    assert text.render(emended) == SEED  # the page as printed
    corrected = text.render(emended, reading="corrected")
    assert "the conduct of the war" in corrected and "in accordance with" in corrected
    found = [n for _, n in frusdoc.walk(emended) if isinstance(n, m.Emendation)]
    assert [e.status for e in found] == ["proposed", "proposed"]
    assert found[0].original == (m.Text(text="eondud"),) and found[0].corrected == (m.Text(text="conduct"),)
    rejected = emend.reject(emended, lambda e: e.original == (m.Text(text="ii accordance"),))
    assert "ii accordance" in text.render(rejected, reading="corrected")
    accepted = emend.accept(emended)
    assert {n.status for _, n in frusdoc.walk(accepted) if isinstance(n, m.Emendation)} == {"accepted"}
    assert emend.revert(emended) == doc
    assert emend.revert(accepted) == doc


def test_stale_proposals_are_refused() -> None:
    doc = text.parse(SEED)
    (first, _) = emend.propose(doc)
    other = text.parse(SEED.replace("eondud", "conduct"))
    with pytest.raises(frusdoc.FrusdocError, match="does not match"):
        emend.apply(other, [first])


def test_emendations_survive_json_and_tei() -> None:
    volume = tei.read_volume(TEI_DIR / "frus1961-63v15.xml")
    doc = text.parse(SEED)
    emended = emend.apply(doc, emend.propose(doc), status="accepted")
    assert frusdoc.json.loads(frusdoc.json.dumps(emended), m.Document) == emended
    back = tei.read_document(tei.write_document(emended).encode())
    assert [n for _, n in frusdoc.walk(back) if isinstance(n, m.Emendation)] == [
        n for _, n in frusdoc.walk(emended) if isinstance(n, m.Emendation)
    ]
    assert text.render(back, reading="corrected") == text.render(tei.normalize(emended), reading="corrected")
    assert volume.id  # the corpus volume reads, emendations or not


@st.composite
def _documents_with_proposals(draw: st.DrawFn) -> tuple[m.Document, list[emend.Proposal]]:
    doc = draw(fts.canonical_documents())
    where = text.spans(doc)
    runs = [
        (span, n.text) for path, n in frusdoc.walk(doc) if isinstance(n, m.Text) and (span := where.get(path))
    ]
    proposals = []
    taken: list[tuple[int, int]] = []
    for (start, _), run in draw(st.lists(st.sampled_from(runs), max_size=3)) if runs else []:
        if not run:
            continue
        a = draw(st.integers(0, len(run) - 1))
        b = draw(st.integers(a + 1, len(run)))
        if any(a + start < y and x < b + start for x, y in taken):
            continue
        taken.append((a + start, b + start))
        proposals.append(
            emend.Proposal(
                start=start + a,
                end=start + b,
                original=run[a:b],
                corrected=draw(fts.texts(max_size=6)),
                confidence=0.5,
                reason="test",
            )
        )
    return doc, proposals


@given(_documents_with_proposals())
def test_revert_apply_is_identity_and_print_is_kept(case: tuple[m.Document, list[emend.Proposal]]) -> None:
    doc, proposals = case
    emended = emend.apply(doc, proposals)
    assert emend.revert(emended) == doc
    assert text.render(emended, reading="original") == text.render(doc)
    assert frusdoc.json.loads(frusdoc.json.dumps(emended), m.Document) == emended
    normal = tei.normalize(emended)
    assert tei.read_document(tei.write_document(emended).encode()) == normal


def test_emend_command(tmp_path: Path) -> None:
    out = io.StringIO()
    assert main(["emend", str(DATA / "seed.txt"), "--json"], stdout=out) == 0
    (listing,) = json.loads(out.getvalue()).values()
    assert [p["corrected"] for p in listing] == ["conduct", "in accordance"]
    target = tmp_path / "seed.json"
    assert (
        main(
            ["emend", str(DATA / "seed.txt"), "--apply", "--threshold", "0.92", "-o", str(target)],
            stdout=io.StringIO(),
        )
        == 0
    )
    doc = frusdoc.json.loads(target.read_text(encoding="utf-8"), m.Document)
    assert [n.corrected for _, n in frusdoc.walk(doc) if isinstance(n, m.Emendation)] == [
        (m.Text(text="conduct"),)
    ]
    assert text.render(doc) == SEED
