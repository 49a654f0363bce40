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
    doc = frusdoc.json.loads(out.getvalue(), frusdoc.Document)
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
    assert err == f"frusdoc: {bad}: $.id: expected a string, got the number 5\n"


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
    doc = frusdoc.json.loads(result.stdout, frusdoc.Document)
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
    docs = list(frusdoc.json.load_lines(out.getvalue(), frusdoc.Document))
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
