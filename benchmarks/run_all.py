"""Run every benchmark and print one table of ratios to their floors.

Each benchmark measures its own floor in the same run (orjson, a regular
expression, lxml) and reports frusdoc's time as a multiple of it; smaller is
better. Some rows are other ratios, said in their name: the peak memory of
``tei.read_volume`` over the lxml tree's, the growth of a time or a peak as the
input doubles (1.0 is linear, or flat), frusdoc over a peer library, and the
citations report's share (1.0 is every citation recognised).

Every script prints one JSON line per measure with ``--summary``:
``{"benchmark": ..., "measure": ..., "ratio": float}`` and optionally a
``"detail"`` string (MB/s, megabytes, the target). ``--runs N`` gives the
medians of N runs: passed on to a script that takes medians itself (its
``--runs``, ``--rounds`` or ``--repeat`` option), otherwise the script is run N
times and the median of each ratio is taken. ``--quick`` runs every script at
a tiny size, once: a smoke run (tests/test_benchmarks.py), not a measure.

    python benchmarks/run_all.py [--runs 5] [--quick] [--only tei text ...]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent

#: script: (arguments for a measure, arguments for a smoke run). A script that
#: is not there (check_bench.py comes with the check index) is left out.
BENCHMARKS: dict[str, tuple[list[str], list[str]]] = {
    "json_bench.py": ([], ["--nodes", "3000"]),
    "tei_bench.py": (["--megabytes", "10"], ["--megabytes", "0.3"]),
    "text_bench.py": (["--megabytes", "10"], ["--megabytes", "0.2"]),
    "check_bench.py": (["--sizes", "200", "400"], ["--sizes", "10", "20"]),
    "corpus_bench.py": (["--volumes", "24", "--megabytes", "2"], ["--volumes", "2", "--megabytes", "0.05"]),
    "citations_report.py": ([], []),
    "emend_bench.py": ([], ["--errors", "20"]),
}
RUNS_OPTIONS = ("--runs", "--rounds", "--repeat")

Row = dict[str, object]
_FIGURE = re.compile(r"\d+(?:\.\d+)?")


def runs_option(script: Path) -> str | None:
    """The option the script takes for its number of runs, if any (read off its --help)."""
    result = subprocess.run(
        [sys.executable, str(script), "--help"], capture_output=True, text=True, check=False
    )
    return next((option for option in RUNS_OPTIONS if option in result.stdout.split()), None)


def run_script(script: Path, arguments: list[str]) -> list[Row]:
    """The summary rows of one run of ``script``; raises RuntimeError when it fails."""
    command = [sys.executable, str(script), *arguments, "--summary"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{script.name} failed ({result.returncode}):\n{result.stderr}")
    rows: list[Row] = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    if not rows:
        raise RuntimeError(f"{script.name} printed no summary rows:\n{result.stdout}{result.stderr}")
    return rows


def medians(runs: list[list[Row]]) -> list[Row]:
    """One row per measure: the median ratio over the runs. A measure is known by
    its name with the figures in it left out (``propose 5 KB (23.6 ms)``) and by
    its place among the rows of that name (``read_volume 10 MB``, then ``20 MB``);
    the row shown is the last run's, with the median ratio."""
    by_key: dict[tuple[str, str, int], list[Row]] = {}
    for rows in runs:
        seen: dict[tuple[str, str], int] = {}
        for row in rows:
            name = (str(row["benchmark"]), _FIGURE.sub("#", str(row["measure"])))
            seen[name] = seen.get(name, -1) + 1
            by_key.setdefault((*name, seen[name]), []).append(row)
    out = []
    for group in by_key.values():
        row = dict(group[-1])
        row["ratio"] = statistics.median(float(str(r["ratio"])) for r in group)
        out.append(row)
    return out


def collect(runs: int, quick: bool, only: list[str] | None) -> tuple[list[Row], list[str]]:
    rows: list[Row] = []
    failed: list[str] = []
    for name, (full, small) in BENCHMARKS.items():
        script = HERE / name
        if not script.exists() or (only and not any(o in name for o in only)):
            continue
        arguments = list(small if quick else full)
        repeat = 1
        option = runs_option(script)
        if option is not None:
            arguments += [option, "1" if quick else str(runs)]
        elif not quick:
            repeat = runs
        try:
            rows.extend(medians([run_script(script, arguments) for _ in range(repeat)]))
        except RuntimeError as exc:
            failed.append(name)
            print(exc, file=sys.stderr)
    return rows, failed


def table(rows: list[Row]) -> str:
    width = max([len(str(r["measure"])) for r in rows] + [len("measure")])
    lines = [f"{'benchmark':<10}{'measure':<{width + 2}}{'ratio':>9}  detail"]
    for row in rows:
        ratio = float(str(row["ratio"]))
        lines.append(
            f"{row['benchmark']!s:<10}{row['measure']!s:<{width + 2}}{ratio:>8.2f}×  {row.get('detail', '')}"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="tiny inputs, one run each: a smoke run")
    parser.add_argument("--runs", type=int, default=5, help="medians of this many runs (default 5)")
    parser.add_argument("--only", nargs="+", help="only the scripts whose name contains one of these")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON lines, not a table")
    args = parser.parse_args()
    rows, failed = collect(max(1, args.runs), args.quick, args.only)
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    elif rows:
        runs = "one run each (--quick)" if args.quick else f"medians of {max(1, args.runs)} runs"
        print(f"{runs}; ratios to each benchmark's floor unless the measure says otherwise\n")
        print(table(rows))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
