"""The corpus census (benchmarks/corpus_census.py): its checks on every corpus file, and the script itself."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.corpus import DATA, TEI_DIR, text_files

# benchmarks/ is a folder of scripts, not a package; the census's checks live in its script, so
# that the suite and the script cannot drift apart.
sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
import corpus_census

SCRIPT = Path(corpus_census.__file__)
KEY = corpus_census.load_key(DATA / "expect" / "text_notes.json")

# Remove once the total readers of issue 10 are merged: today several volumes are refused.


def _failures(report: corpus_census.FileReport) -> str:
    return "\n".join(str(f) for f in report.failures)


@pytest.mark.parametrize("path", sorted(TEI_DIR.glob("*.xml")), ids=lambda p: p.name)
def test_corpus_volume(path: Path) -> None:
    report = corpus_census.census_volume(path, display=path.name)
    assert report.failures == (), _failures(report)


@pytest.mark.parametrize("path", text_files(), ids=lambda p: p.name)
def test_corpus_page(path: Path) -> None:
    report = corpus_census.census_page(path, KEY, display=path.name)
    assert report.failures == (), _failures(report)


def test_every_corpus_file_is_in_the_census() -> None:
    report = corpus_census.census([DATA])
    names = sorted(Path(f.path).name for f in report.files)
    want = sorted(p.name for p in [*TEI_DIR.glob("*.xml"), *text_files()])
    assert names == want
    assert report.totals()["tei files"] == 18


# -- the checks themselves can fail ---------------------------------------------------------


def _events(xml: bytes) -> list[str]:
    return [event for _line, event in corpus_census.xml_events(corpus_census.parse(xml))]


def test_xml_events_ignore_whitespace_but_not_text_or_attributes() -> None:
    source = b'<a xmlns="urn:x">\n  <b n="1">one\n   two</b>\n  <!-- c -->\n</a>'
    assert _events(source) == [
        "<{urn:x}a>",
        "<{urn:x}b n='1'>",
        "text 'one two'",
        "</{urn:x}b>",
        "<!--c-->",
        "</{urn:x}a>",
    ]
    same = b'<p:a xmlns:p="urn:x"><p:b n="1">one two</p:b><!--c--></p:a>'
    assert corpus_census.xml_difference(source, same) is None
    lost = b'<a xmlns="urn:x"><b>one two</b><!-- c --></a>'
    assert corpus_census.xml_difference(source, lost) == (
        "event 1: source line 2: \"<{urn:x}b n='1'>\"; written line 1: '<{urn:x}b>'"
    )
    added = b'<a xmlns="urn:x"><b n="1">one two</b><!-- c --></a><?extra?>'
    assert corpus_census.xml_difference(source, added) == (
        "source stops at event 6; written line 1 adds '<?extra ?>'"
    )


def test_first_difference_names_the_path() -> None:
    from frusdoc import Document, Paragraph, Text

    a = Document(blocks=(Paragraph(inlines=(Text(text="one"),)),))
    b = Document(blocks=(Paragraph(inlines=(Text(text="two"),)),))
    assert corpus_census.first_difference(a, a) is None
    assert corpus_census.first_difference(a, b) == "$.blocks[0].inlines[0].text: 'one' != 'two'"


def test_page_markers_are_counted_independently() -> None:
    page = "a [Page 5] b [Facsimile Page [VI]] c\n[Typeset Page 7]\nd [Page\n9]"
    assert corpus_census.page_markers(page) == ["[Page 5]", "[Facsimile Page [VI]]", "[Typeset Page 7]"]


def test_raw_nodes_are_counted() -> None:
    volume = (
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="v">'
        b"<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt></fileDesc></teiHeader><text><body>"
        b'<div type="document" xml:id="d1"><p>One <frob n="1">two</frob> three.</p></div>'
        b"</body></text></TEI>"
    )
    report = corpus_census.census_volume_bytes(volume, "v.xml")
    # The header is raw by design and not counted; the unknown <frob> is.
    assert (report.documents, report.raw, report.raw_tags) == (1, 1, {"frob": 1})
    assert report.failures == ()


# -- the script -----------------------------------------------------------------------------


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _tree(tmp_path: Path, labels: list[str]) -> Path:
    """A tree with the seed page and an answer key of its own giving ``labels``."""
    (tmp_path / "text").mkdir()
    (tmp_path / "expect").mkdir()
    (tmp_path / "text" / "seed.txt").write_bytes((DATA / "seed.txt").read_bytes())
    key = {"seed.txt": [[label, label] for label in labels]}
    (tmp_path / "expect" / "text_notes.json").write_text(json.dumps(key), encoding="utf-8")
    return tmp_path


def test_script_passes_a_good_tree(tmp_path: Path) -> None:
    result = _run(_tree(tmp_path, ["80", "81", "82"]), "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["totals"]["pages"] == 1
    assert report["totals"]["failures"] == 0
    assert [f["file"] for f in report["files"]] == [str(tmp_path / "text" / "seed.txt")]


def test_script_fails_when_markers_contradict_the_key(tmp_path: Path) -> None:
    result = _run(_tree(tmp_path, ["80", "81", "83"]))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "markers: NoteRef labels ['80', '81', '82'], hand-checked ['80', '81', '83']" in result.stdout
    assert "1 failures in 1 files" in result.stdout


def test_script_refuses_bad_usage(tmp_path: Path) -> None:
    assert _run(tmp_path / "missing").returncode == 2
    assert _run().returncode == 2
    (tmp_path / "notes.md").write_text("not a corpus file", encoding="utf-8")
    assert _run(tmp_path / "notes.md").returncode == 2
    assert _run(tmp_path).returncode == 2  # no TEI file or page in it
