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
    assert main(["convert", "volume.xml"]) == 2
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
