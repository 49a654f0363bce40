"""The benchmarks cannot rot: ``benchmarks/run_all.py --quick`` runs every
script at a tiny size and each one gives its rows. Nothing is timed here; the
figures are only checked to be ratios (finite, positive)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).parents[1] / "benchmarks"

# What each script must report (a measure containing each of the words).
EXPECTED: dict[str, list[str]] = {
    "json_bench.py": ["dumps", "loads"],
    "tei_bench.py": [
        "read_volume 0.",  # at the quick size, not "10 MB"
        "iter_documents",
        "peak memory vs lxml tree",
        "linearity",
        "iter_documents peak",
    ],
    "text_bench.py": ["parse vs regex scan", "render vs regex scan"],
    "check_bench.py": [""],
    "corpus_bench.py": ["convert --jobs 1", "convert --jobs 2"],
    "citations_report.py": ["recognised"],
    "emend_bench.py": ["propose", "precision"],
}
NAMES = {
    "json_bench.py": "json",
    "tei_bench.py": "tei",
    "text_bench.py": "text",
    "check_bench.py": "check",
    "corpus_bench.py": "corpus",
    "citations_report.py": "citations",
    "emend_bench.py": "emend",
}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run_all.py"), "--quick", "--json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def test_every_script_is_run_by_run_all() -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import run_all
    finally:
        sys.path.remove(str(BENCHMARKS))
    scripts = {p.name for p in BENCHMARKS.glob("*.py")} - {"run_all.py", "corpus_census.py"}
    assert scripts <= set(run_all.BENCHMARKS), sorted(scripts - set(run_all.BENCHMARKS))
    assert set(run_all.BENCHMARKS) <= set(EXPECTED)


@pytest.mark.parametrize("script", sorted(EXPECTED))
def test_each_script_gives_its_rows(rows: list[dict[str, object]], script: str) -> None:
    if not (BENCHMARKS / script).exists():
        pytest.skip(f"{script} is not in this tree")
    mine = [r for r in rows if r["benchmark"] == NAMES[script]]
    measures = [str(r["measure"]) for r in mine]
    for word in EXPECTED[script]:
        assert any(word in measure for measure in measures), (script, word, measures)
    for row in mine:
        ratio = float(str(row["ratio"]))
        assert math.isfinite(ratio)
        assert ratio > 0, row


def test_run_all_tables_the_rows(tmp_path: Path) -> None:
    # The table itself (not --json): one line per row of a script, under a header.
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run_all.py"), "--quick", "--only", "text_bench"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("benchmark"))
    body = [line.split()[:4] for line in lines[header + 1 :] if line.strip()]
    assert [cells[:4] for cells in body] == [
        ["text", "parse", "vs", "regex"],
        ["text", "render", "vs", "regex"],
    ]


def test_medians_are_taken_per_measure_and_place() -> None:
    # Rows of one name with different figures (10 MB, 20 MB) stay apart; a
    # figure that changes from run to run (a time) does not split a measure.
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import run_all
    finally:
        sys.path.remove(str(BENCHMARKS))
    runs: list[list[dict[str, object]]] = [
        [
            {"benchmark": "tei", "measure": "read_volume 10 MB", "ratio": 8.0},
            {"benchmark": "tei", "measure": "read_volume 20 MB", "ratio": 9.0},
            {"benchmark": "emend", "measure": "propose (1.2 ms)", "ratio": 3.0},
        ],
        [
            {"benchmark": "tei", "measure": "read_volume 10 MB", "ratio": 6.0},
            {"benchmark": "tei", "measure": "read_volume 20 MB", "ratio": 12.0},
            {"benchmark": "emend", "measure": "propose (2.5 ms)", "ratio": 5.0},
        ],
        [
            {"benchmark": "tei", "measure": "read_volume 10 MB", "ratio": 7.0},
            {"benchmark": "tei", "measure": "read_volume 20 MB", "ratio": 10.0},
            {"benchmark": "emend", "measure": "propose (2.0 ms)", "ratio": 4.5},
        ],
    ]
    assert [(r["measure"], r["ratio"]) for r in run_all.medians(runs)] == [
        ("read_volume 10 MB", 7.0),
        ("read_volume 20 MB", 10.0),
        ("propose (2.0 ms)", 4.5),
    ]
