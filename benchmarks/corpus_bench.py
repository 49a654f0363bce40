"""Corpus-scale conversion: a tree of TEI volumes to JSON Lines, --jobs 1 and 2.

Builds a tree of volume files from the corpus volumes (each repeated to about
``--megabytes`` MB, with distinct ids), runs ``frusdoc convert TREE --to jsonl
-o OUT --jobs N`` through the command line's own ``main``, and prints
documents per second beside a floor measured in the same run: lxml parsing
every file and iterating its elements on one core.

    python benchmarks/corpus_bench.py [--volumes 24] [--megabytes 2]
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from pathlib import Path

from lxml import etree

from frusdoc.cli import main as frusdoc_main

DATA = Path(__file__).parents[1] / "tests" / "data" / "tei"


def build(tree: Path, volumes: int, megabytes: float) -> int:
    """Write the tree; returns the number of documents in it."""
    total = 0
    # Volumes with documents in a body to repeat (not the shells, not a front-only excerpt).
    sources = [
        xml
        for p in sorted(DATA.glob("*.xml"))
        if "<body>" in (xml := p.read_text(encoding="utf-8"))
        and '<div type="document"' in xml[xml.index("<body>") :]
    ]
    for k in range(volumes):
        xml = sources[k % len(sources)]
        start = xml.index("<body>") + len("<body>")
        end = xml.index("</body>")
        body = xml[start:end]
        copies = max(1, int(megabytes * 1e6 / len(body.encode())))
        parts = [xml[:start].replace('xml:id="frus', f'xml:id="v{k:02d}frus', 1)]
        for c in range(copies):
            parts.append(
                re.sub(r'xml:id="(d|pg_|ch|comp|excerpt)([^"]*)"', rf'xml:id="\g<1>\g<2>_{c}"', body)
            )
        parts.append(xml[end:])
        folder = tree / f"batch{k % 4}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"volume{k:02d}.xml").write_text("".join(parts), encoding="utf-8")
        total += copies * body.count('<div type="document"')
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--volumes", type=int, default=24)
    parser.add_argument("--megabytes", type=float, default=2.0)
    parser.add_argument("--summary", action="store_true", help="JSON lines for benchmarks/run_all.py")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "volumes"
        documents = build(tree, args.volumes, args.megabytes)
        size = sum(p.stat().st_size for p in tree.rglob("*.xml")) / 1e6

        start = time.perf_counter()
        for path in sorted(tree.rglob("*.xml")):
            for _ in etree.parse(str(path)).getroot().iter():
                pass
        floor = time.perf_counter() - start

        rows = []
        for jobs in (1, 2):
            out = Path(tmp) / f"out{jobs}"
            start = time.perf_counter()
            code = frusdoc_main(
                ["convert", str(tree), "--to", "jsonl", "-o", str(out), "--jobs", str(jobs), "-q"]
            )
            seconds = time.perf_counter() - start
            assert code == 0
            lines = sum(p.read_bytes().count(b"\n") for p in out.rglob("*.jsonl"))
            assert lines == documents, (lines, documents)
            rows.append((jobs, seconds))

        if args.summary:
            for jobs, seconds in rows:
                print(
                    json.dumps(
                        {"benchmark": "corpus", "measure": f"convert --jobs {jobs}", "ratio": seconds / floor}
                    )
                )
            return
        print(f"{args.volumes} volumes, {size:.1f} MB, {documents:,} documents")
        print(f"{'measure':<34}{'seconds':>9}{'docs/s':>9}{'× floor':>9}")
        print(f"{'floor: lxml parse + iterate, 1 core':<34}{floor:>9.2f}{documents / floor:>9.0f}{1:>8.1f}×")
        for jobs, seconds in rows:
            print(
                f"{'frusdoc convert --jobs ' + str(jobs):<34}{seconds:>9.2f}{documents / seconds:>9.0f}{seconds / floor:>8.1f}×"
            )


if __name__ == "__main__":
    main()
