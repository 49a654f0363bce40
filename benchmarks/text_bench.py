"""Plain-text throughput: frusdoc.text.parse and render against a regex floor.

The corpus pages (tests/data) are repeated until at least 10 MB have been
read; the floor is a single regular-expression scan of the same text (every
page marker and digit run), measured in the same run, just before the parse
and the render. Prints MB/s and ratios, medians over ``--runs`` runs. Times are
the process's CPU time (``time.process_time``): on a shared machine the wall
clock mostly measures the wait for a core.

    python benchmarks/text_bench.py [--megabytes 10] [--runs 5] [--summary]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from pathlib import Path

from frusdoc import text

DATA = Path(__file__).parents[1] / "tests" / "data"
FLOOR = re.compile(r"\[(?:Facsimile |Typeset )?Page [^\]]*\]|\d+|\n\s*\n")
TARGETS = {"parse": 15.0, "render": 100.0}  # MB/s, issue 13


def one_run(pages: list[str], rounds: int) -> dict[str, float]:
    """CPU seconds of the floor, parse and render over ``rounds`` copies of ``pages``."""
    start = time.process_time()
    for _ in range(rounds):
        for page in pages:
            sum(1 for _ in FLOOR.finditer(page))
    floor = time.process_time() - start

    start = time.process_time()
    docs = []
    for _ in range(rounds):
        docs = [text.parse(page) for page in pages]
    t_parse = time.process_time() - start

    start = time.process_time()
    for _ in range(rounds):
        for doc in docs:
            text.render(doc)
    t_render = time.process_time() - start
    return {"floor": floor, "parse": t_parse, "render": t_render}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=5, help="runs to take the median of")
    parser.add_argument("--summary", action="store_true", help="JSON lines for benchmarks/run_all.py")
    args = parser.parse_args()

    pages = [
        p.read_bytes().decode("utf-8") for p in [DATA / "seed.txt", *sorted((DATA / "text").glob("*.txt"))]
    ]
    size = sum(len(p.encode()) for p in pages)
    rounds = max(1, int(args.megabytes * 1e6 / size) + 1)
    total_mb = rounds * size / 1e6
    runs = [one_run(pages, rounds) for _ in range(max(1, args.runs))]
    seconds = {k: statistics.median(r[k] for r in runs) for k in ("floor", "parse", "render")}
    ratio = {k: statistics.median(r[k] / r["floor"] for r in runs) for k in ("parse", "render")}
    rate = {k: statistics.median(total_mb / r[k] for r in runs) for k in ("floor", "parse", "render")}

    if args.summary:
        for name in ("parse", "render"):
            row = {
                "benchmark": "text",
                "measure": f"{name} vs regex scan",
                "ratio": ratio[name],
                "mb_per_s": rate[name],
                "detail": f"{rate[name]:.1f} MB/s (target ≥ {TARGETS[name]:.0f})",
            }
            print(json.dumps(row, ensure_ascii=False))
        return
    print(f"{len(pages)} pages × {rounds} rounds = {total_mb:.1f} MB; medians of {len(runs)} runs, CPU time")
    print(f"{'measure':<28}{'seconds':>9}{'MB/s':>9}{'× floor':>9}")
    print(f"{'floor: one regex scan':<28}{seconds['floor']:>9.2f}{rate['floor']:>9.1f}{1:>8.1f}×")
    for name in ("parse", "render"):
        label = f"text.{name}"
        print(f"{label:<28}{seconds[name]:>9.2f}{rate[name]:>9.1f}{ratio[name]:>8.1f}×")


if __name__ == "__main__":
    main()
