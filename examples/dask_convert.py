"""Convert a tree of FRUS files on Dask: a dask.bag of frusdoc.batch tasks on a
distributed.LocalCluster of worker processes.

    python examples/dask_convert.py [INPUT ...] [--to FORMAT] [-o OUT_DIR]

Writes the same files as `frusdoc convert INPUT ... --to FORMAT -o OUT_DIR --jobs 2`
(byte for byte: each worker runs frusdoc.batch.convert_file, the function the
command line's process pool runs) and reports bad inputs the same way: one line
`frusdoc: FILE: what is wrong` each on stderr, the others still converted,
exit code 1. With no INPUT, the corpus of tests/data (TEI volumes and
history.state.gov pages) goes to a temporary folder. On a real cluster, pass
the scheduler's address to Client() instead of a LocalCluster, and keep
inputs and OUT_DIR on storage every worker sees.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import dask.bag as db
from distributed import Client, LocalCluster

from frusdoc import batch

DATA = Path(__file__).parents[1] / "tests" / "data"

Task = tuple[str, str, str, str]


def plan(inputs: Sequence[str], to: str, out: Path) -> list[Task]:
    """One task per input file, as `frusdoc convert` plans them: the format
    from the suffix, the output mirroring the inputs' folders below their
    common folder (so that v1/index.xml and v2/index.xml stay apart)."""
    paths = batch.expand_inputs(inputs)
    resolved = [Path(p).resolve() for p in paths]
    base = Path(os.path.commonpath([p.parent for p in resolved]))
    suffix = batch.SUFFIXES[to]
    return [
        (path, batch.detect(path, None), to, str(out / full.relative_to(base).with_suffix(suffix)))
        for path, full in zip(paths, resolved, strict=True)
    ]


def convert(client: Client, tasks: list[Task]) -> list[batch.Result]:
    """Run every task on the cluster; the results in the tasks' order. A bad
    input is a result with ``error`` set: convert_file never raises for one."""
    bag = db.from_sequence(tasks, npartitions=max(1, min(len(tasks), 4 * len(client.nthreads()))))
    results: list[batch.Result] = bag.starmap(batch.convert_file).compute(scheduler=client)
    return results


def report(results: list[batch.Result]) -> int:
    """What `frusdoc convert` says on stderr, and its exit code."""
    failed = [r for r in results if r.error]
    for r in failed:
        print(f"frusdoc: {r.source}: {r.error}", file=sys.stderr)
    documents = sum(r.documents for r in results)
    if len(results) > 1:  # one input is reported by its own line alone
        print(
            f"frusdoc: {len(results) - len(failed)} of {len(results)} files converted, {documents} documents",
            file=sys.stderr,
        )
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("inputs", nargs="*", default=[str(DATA / "tei"), str(DATA / "text")])
    parser.add_argument("--to", choices=batch.FORMATS_OUT, default="jsonl")
    parser.add_argument("-o", "--output", type=Path, default=None)
    args = parser.parse_args(argv)
    out = args.output or Path(tempfile.mkdtemp(prefix="frusdoc-dask-"))
    tasks = plan(args.inputs, args.to, out)
    # Worker processes, not threads: converting is CPU-bound Python.
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        results = convert(client, tasks)
    code = report(results)
    written = sum(1 for p in out.rglob("*") if p.is_file())
    print(f"{len(results)} inputs on 2 Dask worker processes -> {written} files in {out}")
    return code


if __name__ == "__main__":
    sys.exit(main())
