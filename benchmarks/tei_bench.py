"""TEI reading speed and memory, against lxml itself.

Builds volumes of at least 10 MB (and twice that) by repeating the documents of
tests/data/tei/frus1918Russiav03.xml, then measures, each in a fresh process:

* the floor: lxml parsing the file and iterating every element;
* frusdoc.tei.read_volume (the whole model in memory);
* frusdoc.tei.iter_documents (streaming, one document at a time);

and prints times, the ratio to the floor, and peak memory. Each run measures
the floor and then each reader, one fresh process each, so a ratio compares
times taken moments apart; the figures are medians over ``--runs`` runs.

What is timed is the call, not the start of Python: every process imports
lxml and frusdoc before its clock starts (importing frusdoc is about 0.15 s,
paid once per process, not per file). Times are the process's CPU time
(``time.process_time``): on a machine shared with other work, wall-clock time
mostly measures the queue for a core. Memory is the process's own peak
resident size (VmHWM) minus its size once the imports are done: for the floor
that is the lxml tree, for read_volume the model (with the parts of the tree
still being read), for iter_documents one document at a time, so it should
stay flat as the file doubles.

    python benchmarks/tei_bench.py [--megabytes 10] [--runs 5] [--summary]
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SOURCE = Path(__file__).parents[1] / "tests" / "data" / "tei" / "frus1918Russiav03.xml"
KINDS = ("floor", "read_volume", "iter_documents")


def build(target_mb: float, out: Path) -> int:
    """Write a volume of at least ``target_mb`` MB; returns its document count."""
    xml = SOURCE.read_text(encoding="utf-8")
    start = xml.index("<body>") + len("<body>")
    end = xml.index("</body>")
    body = xml[start:end]
    docs = len(re.findall(r'<div type="document"', body))
    copies = max(1, int(target_mb * 1e6 / len(body.encode())) + 1)
    parts = [xml[:start]]
    for k in range(copies):
        # distinct ids per copy, as in a real volume
        parts.append(re.sub(r'xml:id="(d|pg_|excerpt)([^"]*)"', rf'xml:id="\g<1>\g<2>_{k}"', body))
    parts.append(xml[end:])
    out.write_text("".join(parts), encoding="utf-8")
    return docs * copies


def measure(kind: str, path: str) -> dict[str, float]:
    """One measure, in this (fresh) process."""
    from lxml import etree

    from frusdoc import tei

    base = _rss_mb("VmRSS")
    start = time.process_time()
    if kind == "floor":
        root = etree.parse(path).getroot()
        count = sum(1 for _ in root.iter())
    elif kind == "read_volume":
        count = len(tei.read_volume(path).documents)
    else:
        count = sum(1 for _ in tei.iter_documents(path))
    seconds = time.process_time() - start
    peak = _rss_mb("VmHWM")
    return {"seconds": seconds, "peak_mb": peak - base, "rss_mb": peak, "count": count}


def _rss_mb(field: str) -> float:
    # VmHWM is this process's own peak; ru_maxrss would carry over the peak of
    # the parent that started it (Linux keeps it across exec).
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def once(kind: str, path: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--measure", kind, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


def run(path: Path, runs: int) -> dict[str, dict[str, float]]:
    """Medians over ``runs`` rounds of (floor, read_volume, iter_documents)."""
    rounds = [{kind: once(kind, path) for kind in KINDS} for _ in range(runs)]
    out: dict[str, dict[str, float]] = {}
    for kind in KINDS:
        out[kind] = {
            "seconds": statistics.median(r[kind]["seconds"] for r in rounds),
            "ratio": statistics.median(r[kind]["seconds"] / r["floor"]["seconds"] for r in rounds),
            "peak_mb": statistics.median(r[kind]["peak_mb"] for r in rounds),
            "memory": statistics.median(r[kind]["peak_mb"] / r["floor"]["peak_mb"] for r in rounds),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=5, help="rounds to take the median of")
    parser.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--summary", action="store_true", help="JSON lines for benchmarks/run_all.py")
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure[0], args.measure[1])))
        return
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for factor in (1, 2):
            path = Path(tmp) / f"volume{factor}.xml"
            docs = build(args.megabytes * factor, path)
            size = path.stat().st_size / 1e6
            results.append((size, docs, run(path, max(1, args.runs))))
    (small, _, first), (large, _, second) = results
    # (measure, ratio, detail): the measure names stay the same from run to run,
    # so that benchmarks/run_all.py can take medians of them.
    rows: list[tuple[str, float, str]] = []
    for label, (size, _, r) in zip(("10 MB", "20 MB"), results, strict=True):
        if args.megabytes != 10.0:
            label = f"{size:.1f} MB"
        for kind in ("read_volume", "iter_documents"):
            rows.append(
                (f"{kind} {label} vs lxml parse+iterate", r[kind]["ratio"], f"{r[kind]['seconds']:.2f} s CPU")
            )
        rows.append(
            (
                f"read_volume {label} peak memory vs lxml tree",
                r["read_volume"]["memory"],
                f"{r['read_volume']['peak_mb']:.0f} MB / {r['floor']['peak_mb']:.0f} MB",
            )
        )
    rows.append(
        (
            "linearity: read_volume ratio at 2× size / at 1×",
            second["read_volume"]["ratio"] / first["read_volume"]["ratio"],
            f"{large:.1f} MB / {small:.1f} MB",
        )
    )
    rows.append(
        (
            "iter_documents peak at 2× size / at 1× (flat: 1)",
            second["iter_documents"]["peak_mb"] / max(first["iter_documents"]["peak_mb"], 0.5),
            f"{second['iter_documents']['peak_mb']:.1f} MB / {first['iter_documents']['peak_mb']:.1f} MB",
        )
    )
    if args.summary:
        for measure_name, ratio, detail in rows:
            print(json.dumps({"benchmark": "tei", "measure": measure_name, "ratio": ratio, "detail": detail}))
        return
    print(f"medians of {args.runs} runs; CPU seconds; memory is each process's peak above its imports")
    print(f"{'file':>8} {'measure':<16}{'seconds':>9}{'× floor':>9}{'peak MB':>9}{'docs/s':>9}")
    for size, docs, r in results:
        for kind in KINDS:
            rate = f"{docs / r[kind]['seconds']:>9.0f}" if kind != "floor" else f"{'':>9}"
            print(
                f"{size:>6.1f}MB {kind:<16}{r[kind]['seconds']:>9.2f}{r[kind]['ratio']:>8.1f}×"
                f"{r[kind]['peak_mb']:>9.0f}{rate}"
            )
    for measure_name, ratio, detail in rows[-2:]:
        print(f"{measure_name}: {ratio:.2f} ({detail})")


if __name__ == "__main__":
    main()
