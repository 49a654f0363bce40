"""Plain-text throughput: frusdoc.text.parse and render against a regex floor.

The corpus pages (tests/data) are repeated until at least 10 MB have been
read; the floor is a single regular-expression scan of the same text (every
page marker and digit run), measured in the same run. Prints MB/s and ratios.

    python benchmarks/text_bench.py [--megabytes 10]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from frusdoc import text

DATA = Path(__file__).parents[1] / "tests" / "data"
FLOOR = re.compile(r"\[(?:Facsimile |Typeset )?Page [^\]]*\]|\d+|\n\s*\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--summary", action="store_true", help="JSON lines for benchmarks/run_all.py")
    args = parser.parse_args()

    pages = [
        p.read_bytes().decode("utf-8") for p in [DATA / "seed.txt", *sorted((DATA / "text").glob("*.txt"))]
    ]
    size = sum(len(p.encode()) for p in pages)
    rounds = max(1, int(args.megabytes * 1e6 / size) + 1)
    total_mb = rounds * size / 1e6

    start = time.perf_counter()
    for _ in range(rounds):
        for page in pages:
            sum(1 for _ in FLOOR.finditer(page))
    floor = time.perf_counter() - start

    start = time.perf_counter()
    docs = []
    for _ in range(rounds):
        docs = [text.parse(page) for page in pages]
    t_parse = time.perf_counter() - start

    start = time.perf_counter()
    for _ in range(rounds):
        for doc in docs:
            text.render(doc)
    t_render = time.perf_counter() - start

    if args.summary:
        for name, t in [("parse vs regex scan", t_parse), ("render vs regex scan", t_render)]:
            print(
                json.dumps(
                    {"benchmark": "text", "measure": name, "ratio": t / floor, "mb_per_s": total_mb / t}
                )
            )
        return
    print(f"{len(pages)} pages × {rounds} rounds = {total_mb:.1f} MB")
    print(f"{'measure':<28}{'seconds':>9}{'MB/s':>9}{'× floor':>9}")
    for name, t in [("floor: one regex scan", floor), ("text.parse", t_parse), ("text.render", t_render)]:
        print(f"{name:<28}{t:>9.2f}{total_mb / t:>9.1f}{t / floor:>8.1f}×")


if __name__ == "__main__":
    main()
