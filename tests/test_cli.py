"""The command line, through main(argv) and as a subprocess."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import frusdoc
from frusdoc.cli import main
from tests.corpus import DATA, read

SEED = DATA / "seed.txt"


def test_convert_seed_to_json() -> None:
    out = io.StringIO()
    assert main(["convert", str(SEED)], stdout=out) == 0
    doc = frusdoc.json.loads(out.getvalue(), type=frusdoc.Document)
    assert frusdoc.text.render(doc) == read(SEED)


def test_json_back_to_text(tmp_path: Path) -> None:
    js = tmp_path / "seed.json"
    txt = tmp_path / "seed.txt"
    assert main(["convert", str(SEED), "-o", str(js), "--compact"]) == 0
    assert js.read_text(encoding="utf-8").count("\n") == 1
    assert main(["convert", str(js), "--to", "text", "-o", str(txt)]) == 0
    assert txt.read_bytes() == SEED.read_bytes()


def test_bad_json_is_one_line_with_file_and_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"frusdoc": "1.0", "type": "document", "id": 5}', encoding="utf-8")
    assert main(["convert", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err == f"frusdoc: {bad}: $.id: expected a string or null, got the number 5\n"


def test_missing_file_and_unknown_suffix(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "/nonexistent/x.txt"]) == 1
    assert "No such file" in capsys.readouterr().err
    assert main(["convert", "volume.docx"]) == 2
    assert "pass --from" in capsys.readouterr().err


def test_schema_command(tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == frusdoc.schema.json_schema()


def test_python_m_frusdoc_with_stdin() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "frusdoc", "convert", "-", "--from", "text", "--compact"],
        input=SEED.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    doc = frusdoc.json.loads(result.stdout, type=frusdoc.Document)
    assert [n.label for n in doc.notes] == ["80", "81", "82"]


def test_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "frusdoc", "--version"], capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == f"frusdoc {frusdoc.__version__}"


def test_tei_volume_to_jsonl_and_back_to_tei(tmp_path: Path) -> None:
    volume = DATA / "tei" / "frus1961-63v15.xml"
    out = io.StringIO()
    assert main(["convert", str(volume), "--to", "jsonl"], stdout=out) == 0
    docs = list(frusdoc.json.load_lines(out.getvalue(), type=frusdoc.Document))
    assert [d.id for d in docs] == ["d1", "d2", "d3", "d4", "d5"]
    assert docs[0].volume == "frus1961-63v15"
    tei_out = tmp_path / "v.xml"
    assert main(["convert", str(volume), "--to", "tei", "-o", str(tei_out)]) == 0
    assert frusdoc.tei.read_volume(tei_out) == frusdoc.tei.read_volume(volume)


def test_tei_document_to_text(tmp_path: Path) -> None:
    d4 = frusdoc.tei.read_volume(DATA / "tei" / "frus1961-63v15.xml").document("d4")
    src = tmp_path / "d4.xml"
    src.write_text(frusdoc.tei.write_document(d4), encoding="utf-8")
    out = io.StringIO()
    assert main(["convert", str(src), "--to", "text"], stdout=out) == 0
    assert out.getvalue().startswith(
        "4. Telegram From President Kennedy to Secretary of State Rusk, at Geneva0"
    )


def test_hostile_tei_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "x.xml"
    bad.write_bytes(b'<!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]><d>&e;</d>')
    assert main(["convert", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "DOCTYPE" in err


def _volumes(tmp: Path, count: int) -> Path:
    """A tree of ``count`` TEI volume files built from the corpus volumes."""
    tree = tmp / "volumes"
    for k in range(count):
        source = DATA / "tei" / ("frus1918Russiav03.xml" if k % 2 else "frus1961-63v15.xml")
        sub = tree / f"part{k % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        data = source.read_bytes().replace(b'xml:id="frus', f'xml:id="v{k:02d}frus'.encode(), 1)
        (sub / f"v{k:02d}.xml").write_bytes(data)
    return tree


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_tree_of_volumes_to_json_lines(
    tmp_path: Path, jobs: str, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = _volumes(tmp_path, 20)
    (tree / "part0" / "broken.xml").write_bytes(b"<TEI><text>")  # a bad file among good ones
    out = tmp_path / "out"
    assert main(["convert", str(tree), "--to", "jsonl", "-o", str(out), "--jobs", jobs]) == 1
    err = capsys.readouterr().err
    assert f"frusdoc: {tree / 'part0' / 'broken.xml'}: " in err
    assert "line 1, column" in err
    assert "20 of 21 files converted, 430 documents" in err
    written = sorted(out.rglob("*.jsonl"))
    assert len(written) == 20  # nothing left behind for the broken file
    assert not list(out.rglob("*.part"))
    assert (out / "part1" / "v01.jsonl").exists()
    first = list(
        frusdoc.json.load_lines(written[0].read_text(encoding="utf-8").split("\n"), type=frusdoc.Document)
    )
    assert first[0].id == "d1"
    assert first[0].volume == "v00frus1961-63v15"


def test_globs_stats_and_json_stats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree = _volumes(tmp_path, 3)
    out = io.StringIO()
    assert main(["stats", str(tree / "**" / "*.xml"), "--json"], stdout=out) == 0
    report = json.loads(out.getvalue())
    assert report["total"]["documents"] == 5 + 38 + 5
    assert set(report["files"]) == {str(p) for p in tree.rglob("*.xml")}
    table = io.StringIO()
    assert main(["stats", str(DATA / "seed.txt")], stdout=table) == 0
    lines = table.getvalue().splitlines()
    assert lines[0].split() == [
        "file",
        "documents",
        "notes",
        "markers",
        "references",
        "pages",
        "words",
        "raw",
    ]
    assert lines[1].split()[1:6] == ["1", "3", "3", "0", "1"]
    assert lines[1].split()[-1] == "0"  # a page read from text has nothing raw
    # raw nodes are counted in volumes, outside documents too
    raw = io.StringIO()
    assert main(["stats", str(DATA / "tei" / "frus1872p2v2.xml"), "--json"], stdout=raw) == 0
    counted = json.loads(raw.getvalue())["total"]["raw"]
    volume = frusdoc.tei.read_volume(DATA / "tei" / "frus1872p2v2.xml")
    assert counted == len(list(frusdoc.raw_nodes(volume))) > 0


def test_markdown_and_text_of_a_volume() -> None:
    volume = DATA / "tei" / "frus1961-63v15.xml"
    md = io.StringIO()
    assert main(["convert", str(volume), "--to", "markdown"], stdout=md) == 0
    assert md.getvalue().startswith("## 1. Memorandum From President Kennedy")
    assert "[^0]: Source: Kennedy Library" in md.getvalue()
    txt = io.StringIO()
    assert main(["convert", str(volume), "--to", "text"], stdout=txt) == 0
    assert txt.getvalue().count("\f") == 4


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "no-such-*.xml"]) == 2
    assert "no file matches" in capsys.readouterr().err
    assert main(["convert", "-"]) == 2
    assert "pass --from" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["convert", str(SEED), "--to", "pdf"])
    assert info.value.code == 2


def test_several_inputs_need_an_output_directory(capsys: pytest.CaptureFixture[str]) -> None:
    volume = DATA / "tei" / "frus1961-63v15.xml"
    assert main(["convert", str(SEED), str(volume), "--to", "tei"]) == 2
    assert "pass -o DIRECTORY" in capsys.readouterr().err


def test_subprocess_stdout_jsonl_of_a_volume() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "frusdoc",
            "convert",
            str(DATA / "tei" / "frus1918Russiav03.xml"),
            "--to",
            "jsonl",
        ],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(b"\n") == 38
    assert result.stderr == b""


def test_help_lists_examples_and_exit_codes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "frusdoc", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "examples:" in result.stdout
    assert "exit codes: 0 success, 1" in result.stdout
    for command in ("convert", "stats", "schema"):
        assert command in result.stdout


def test_check_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    assert main(["check", str(SEED)], stdout=out) == 0
    assert out.getvalue() == ""
    page = DATA / "text" / "frus1943CairoTehran_d278.txt"
    out = io.StringIO()
    assert main(["check", str(page)], stdout=out) == 0  # warnings only
    assert "FD008" in out.getvalue()
    out = io.StringIO()
    assert (
        main(["check", str(DATA / "tei" / "frus1918Russiav03.xml"), "--json"], stdout=out) == 3
    )  # dangling page refs
    report = json.loads(out.getvalue())
    assert any("FD013" in line for line in report[str(DATA / "tei" / "frus1918Russiav03.xml")])
    result = subprocess.run(
        [sys.executable, "-m", "frusdoc", "check", str(page)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.count("FD008") == 2
