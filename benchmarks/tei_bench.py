"""TEI reading speed and memory, against lxml itself.

Builds volumes of at least 10 MB (and twice that) by repeating the documents of
tests/data/tei/frus1918Russiav03.xml, then measures, each in a fresh process:

* the floor: lxml parsing the file and iterating every element;
* frusdoc.tei.read_volume (the whole model in memory);
* frusdoc.tei.iter_documents (streaming, one document at a time);

and prints times, the ratio to the floor, and peak memory (max RSS). Memory of
iter_documents should stay flat as the file doubles.

    python benchmarks/tei_bench.py [--megabytes 10]
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SOURCE = Path(__file__).parents[1] / "tests" / "data" / "tei" / "frus1918Russiav03.xml"


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
    start = time.perf_counter()
    if kind == "floor":
        from lxml import etree

        root = etree.parse(path).getroot()
        count = sum(1 for _ in root.iter())
    elif kind == "read_volume":
        from frusdoc import tei

        count = len(tei.read_volume(path).documents)
    else:
        from frusdoc import tei

        count = sum(1 for _ in tei.iter_documents(path))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "rss_mb": _peak_rss_mb(), "count": count}


def _peak_rss_mb() -> float:
    # VmHWM is this process's own peak; ru_maxrss would carry over the peak of
    # the parent that started it (Linux keeps it across exec).
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(kind: str, path: Path) -> dict[str, float]:
    best: dict[str, float] | None = None
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, __file__, "--measure", kind, str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        result: dict[str, float] = json.loads(out.stdout)
        if best is None or result["seconds"] < best["seconds"]:
            best = result
    assert best is not None
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--summary", action="store_true", help="JSON lines for benchmarks/run_all.py")
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure[0], args.measure[1])))
        return
    with tempfile.TemporaryDirectory() as tmp:
        if not args.summary:
            print(f"{'file':>8} {'measure':<16}{'seconds':>9}{'× floor':>9}{'peak RSS MB':>13}{'docs/s':>9}")
        for factor in (1, 2):
            path = Path(tmp) / f"volume{factor}.xml"
            docs = build(args.megabytes * factor, path)
            size = path.stat().st_size / 1e6
            floor = run("floor", path)
            for kind in ("floor", "read_volume", "iter_documents"):
                r = floor if kind == "floor" else run(kind, path)
                rate = docs / r["seconds"] if kind != "floor" else float("nan")
                if args.summary:
                    if kind != "floor":
                        label = f"{kind} {size:.0f} MB vs lxml (peak {r['rss_mb']:.0f} MB)"
                        print(
                            json.dumps(
                                {
                                    "benchmark": "tei",
                                    "measure": label,
                                    "ratio": r["seconds"] / floor["seconds"],
                                }
                            )
                        )
                    continue
                print(
                    f"{size:>6.1f}MB {kind:<16}{r['seconds']:>9.2f}{r['seconds'] / floor['seconds']:>8.1f}×"
                    f"{r['rss_mb']:>13.0f}{rate:>9.0f}"
                )


if __name__ == "__main__":
    main()
