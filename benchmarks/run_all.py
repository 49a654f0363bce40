"""Run every benchmark and print one table of ratios to their floors.

Each benchmark measures its own floor in the same run (orjson, a regular
expression, lxml) and reports frusdoc's time as a multiple of it; smaller is
better. (The citations report's figure is a share, not a time: 1.0 is every
citation recognised.) Use --quick for smaller inputs.

    python benchmarks/run_all.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent

BENCHMARKS = {
    "json_bench.py": (["--nodes", "24000"], ["--nodes", "5000"]),
    "text_bench.py": (["--megabytes", "10"], ["--megabytes", "1"]),
    "tei_bench.py": (["--megabytes", "10"], ["--megabytes", "2"]),
    "corpus_bench.py": (["--volumes", "24", "--megabytes", "2"], ["--volumes", "20", "--megabytes", "0.3"]),
    "citations_report.py": ([], []),
    "emend_bench.py": ([], ["--errors", "100"]),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small inputs, for a smoke run")
    args = parser.parse_args()
    rows: list[dict[str, object]] = []
    failed = []
    for script, (full, quick) in BENCHMARKS.items():
        command = [sys.executable, str(HERE / script), *(quick if args.quick else full), "--summary"]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            failed.append(script)
            print(f"{script} failed:\n{result.stderr}", file=sys.stderr)
            continue
        rows.extend(json.loads(line) for line in result.stdout.splitlines() if line.startswith("{"))
    print(f"{'benchmark':<10}{'measure':<52}{'× floor':>9}")
    for row in rows:
        print(f"{row['benchmark']!s:<10}{row['measure']!s:<52}{float(str(row['ratio'])):>8.1f}×")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
