"""The ``frusdoc`` command line (also ``python -m frusdoc``).

Exit codes: 0 success; 1 one or more inputs could not be read or written (each
reported on one line with the file and the place); 2 wrong usage; 3 ``check``
found an error-level problem.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

import frusdoc
from frusdoc import _args, batch, table

__all__ = ["main"]

EPILOG = """examples:
  frusdoc convert seed.txt                          a history.state.gov page -> frusdoc JSON
  frusdoc convert doc.json --to text -o doc.txt     JSON -> the page text
  frusdoc convert frus1961-63v15.xml --to markdown  a TEI volume -> Markdown to read
  frusdoc convert frus1961-63v15.xml --to html -o out/  an HTML page per document, out/frus1961-63v15.html the index
  frusdoc convert volumes/ --to jsonl -o out/ --jobs 4
                                                    every TEI volume -> one JSON Lines file each
  frusdoc convert volumes/ --to parquet -o tables/  documents, notes, references: one table each
  cat seed.txt | frusdoc convert - --from text      standard input -> standard output
  frusdoc stats volumes/*.xml                       documents, notes, references, pages, words
  frusdoc check volumes/frus1961-63v15.xml          quality problems, one per line
  frusdoc emend seed.txt                            likely OCR errors and their corrections
  frusdoc emend seed.txt --apply --threshold 0.9 -o seed.json
                                                    the document with the corrections recorded
  frusdoc schema -o frusdoc-1.1.json                the JSON Schema of the format

exit codes: 0 success, 1 an input could not be read or written, 2 wrong usage,
            3 check found an error-level problem
"""


def _progress(results: Iterator[batch.Result], total: int, enabled: bool) -> Iterator[batch.Result]:
    """A progress bar on stderr when it is a terminal and tqdm is installed (extra ``progress``)."""
    if not enabled or total < 2 or not sys.stderr.isatty():
        yield from results
        return
    try:
        from tqdm import tqdm
    except ImportError:
        yield from results
        return
    with tqdm(total=total, unit="file", file=sys.stderr) as bar:
        for result in results:
            bar.update(1)
            yield result


def _targets(args: argparse.Namespace, inputs: list[str]) -> list[str | None]:
    suffix = batch.SUFFIXES[args.to]
    single = len(inputs) == 1 and not Path(inputs[0]).is_dir()
    if args.output in (None, "-"):
        if not single and args.to not in ("jsonl", "text", "markdown"):
            raise batch.UsageError(f"{len(inputs)} inputs: pass -o DIRECTORY to write one {suffix} file each")
        return [None] * len(inputs)
    out = Path(args.output)
    if single and not out.is_dir() and not args.output.endswith(("/", "\\")):
        return [args.output]
    # Outputs mirror the inputs' folders below their common folder, so that
    # v1/index.xml and v2/index.xml do not overwrite each other.
    paths = [Path(i).resolve() for i in inputs]
    base = Path(os.path.commonpath([p.parent for p in paths]))
    return [str(out / p.relative_to(base).with_suffix(suffix)) for p in paths]


def _tables(args: argparse.Namespace, inputs: list[str], formats: list[str]) -> int:
    # --to parquet/csv: the rows of all the inputs go into one set of three
    # tables (frusdoc.table), not one output per input.
    if args.output in (None, "-"):
        raise batch.UsageError(f"--to {args.to} writes documents, notes and references: pass -o DIRECTORY")
    pairs = list(zip(inputs, formats, strict=True))
    failed = documents = 0
    results = table.convert_files(pairs, args.output, args.to, jobs=args.jobs)
    for result in _progress(results, len(pairs), args.progress):
        if result.error:
            failed += 1
            print(f"frusdoc: {result.source}: {result.error}", file=sys.stderr)
        documents += result.documents
    if not args.quiet:
        print(
            f"frusdoc: {len(pairs) - failed} of {len(pairs)} files converted, {documents} documents"
            f" -> {args.output}",
            file=sys.stderr,
        )
    return 1 if failed else 0


def _convert(args: argparse.Namespace, out: TextIO) -> int:
    inputs = batch.expand_inputs(args.inputs)
    if not inputs:
        raise batch.UsageError("no input files found")
    formats = [batch.detect(i, args.from_) for i in inputs]
    if args.to in table.FORMATS:  # one set of tables for all the inputs
        return _tables(args, inputs, formats)
    targets = _targets(args, inputs)
    if args.output not in (None, "-") and len(targets) > 1:
        Path(args.output).mkdir(parents=True, exist_ok=True)
    failed = 0
    if all(t is None for t in targets) and out is not sys.stdout:
        # main(argv, stdout=...) as a library: capture what goes to stdout.
        for source, fmt in zip(inputs, formats, strict=True):
            try:
                value = batch.load(source, fmt)
                out.write(batch.render(value, args.to, compact=args.compact))
            except frusdoc.FrusdocError as exc:
                print(f"frusdoc: {source}: {batch.why(exc)}", file=sys.stderr)
                failed += 1
        return 1 if failed else 0
    tasks = [(s, f, args.to, t, args.compact) for s, f, t in zip(inputs, formats, targets, strict=True)]
    jobs = args.jobs if all(t is not None for t in targets) else 1  # stdout output keeps its order
    documents = 0
    for result in _progress(batch.run(tasks, batch.convert_file, jobs), len(tasks), args.progress):
        if result.error:
            failed += 1
            print(f"frusdoc: {result.source}: {result.error}", file=sys.stderr)
        documents += result.documents
    if len(tasks) > 1 and not args.quiet:
        print(
            f"frusdoc: {len(tasks) - failed} of {len(tasks)} files converted, {documents} documents",
            file=sys.stderr,
        )
    return 1 if failed else 0


def _stats(args: argparse.Namespace, out: TextIO) -> int:
    inputs = batch.expand_inputs(args.inputs)
    if not inputs:
        raise batch.UsageError("no input files found")
    tasks = [(i, batch.detect(i, args.from_)) for i in inputs]
    rows: dict[str, dict[str, int]] = {}
    failed = 0
    for result in _progress(batch.run(tasks, batch.stats_file, args.jobs), len(tasks), args.progress):
        if result.error:
            failed += 1
            print(f"frusdoc: {result.source}: {result.error}", file=sys.stderr)
        else:
            rows[result.source] = result.stats
    keys = batch.STATS
    total = {k: sum(r[k] for r in rows.values()) for k in keys}
    if args.json:
        json.dump({"files": {s: rows[s] for s in inputs if s in rows}, "total": total}, out, indent=2)
        out.write("\n")
    else:
        width = max([len(s) for s in rows] + [5])
        out.write(f"{'file':<{width}}" + "".join(f"{k:>11}" for k in keys) + "\n")
        for source in inputs:
            if source in rows:
                out.write(f"{source:<{width}}" + "".join(f"{rows[source][k]:>11,}" for k in keys) + "\n")
        if len(rows) > 1:
            out.write(f"{'total':<{width}}" + "".join(f"{total[k]:>11,}" for k in keys) + "\n")
    return 1 if failed else 0


def _check(args: argparse.Namespace, out: TextIO) -> int:
    inputs = batch.expand_inputs(args.inputs)
    if not inputs:
        raise batch.UsageError("no input files found")
    tasks = [(i, batch.detect(i, args.from_)) for i in inputs]
    failed = errors = 0
    report: dict[str, list[str]] = {}
    for result in _progress(batch.run(tasks, batch.check_file, args.jobs), len(tasks), args.progress):
        if result.error:
            failed += 1
            print(f"frusdoc: {result.source}: {result.error}", file=sys.stderr)
            continue
        errors += result.stats.get("error", 0)
        report[result.source] = list(result.messages)
    if args.json:
        json.dump(report, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        for source in inputs:
            for line in report.get(source, []):
                out.write(f"{source}: {line}\n")
    if failed:
        return 1
    return 3 if errors else 0


def _emend(args: argparse.Namespace, out: TextIO) -> int:
    inputs = batch.expand_inputs(args.inputs)
    if not inputs:
        raise batch.UsageError("no input files found")
    if args.apply and args.output is None and len(inputs) > 1:
        raise batch.UsageError("--apply with several inputs: pass -o DIRECTORY")
    # without --apply nothing is written; with it, "-" is standard output
    targets: list[str | None] = (
        [t or "-" for t in _targets(args, inputs)] if args.apply else [None] * len(inputs)
    )
    status = "accepted" if args.accept else "proposed"
    tasks = [
        (i, batch.detect(i, args.from_), args.threshold, t, args.to, status)
        for i, t in zip(inputs, targets, strict=True)
    ]
    failed = 0
    report: dict[str, list[dict[str, object]]] = {}
    for result in _progress(batch.run(tasks, batch.emend_file, args.jobs), len(tasks), args.progress):
        if result.error:
            failed += 1
            print(f"frusdoc: {result.source}: {result.error}", file=sys.stderr)
            continue
        report[result.source] = [json.loads(line) for line in result.messages]
    listing = sys.stderr if args.apply and targets[0] == "-" else out
    if args.json:
        json.dump(report, listing, indent=2, ensure_ascii=False)
        listing.write("\n")
    else:
        for source in inputs:
            for p in report.get(source, []):
                where = f"{p['document']} " if p["document"] else ""
                listing.write(
                    f"{source}: {where}line {p['line']}: {p['original']!r} -> {p['corrected']!r} "
                    f"({p['confidence']:.2f}; {p['reason']})\n"
                )
    return 1 if failed else 0


def _schema(args: argparse.Namespace, out: TextIO) -> int:
    text = frusdoc.schema.json_schema_text()
    if args.output in (None, "-"):
        out.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frusdoc",
        description="Typed FRUS documents: convert between plain text, JSON, TEI and Markdown; "
        "count what files hold; print the JSON Schema.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"frusdoc {frusdoc.__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, globs, or - for stdin")
        p.add_argument(
            "--from", dest="from_", choices=batch.FORMATS_IN, help="input format (default: from the suffix)"
        )
        p.add_argument("--jobs", "-j", type=int, default=1, help="files converted in parallel (default: 1)")
        p.add_argument(
            "--no-progress", dest="progress", action="store_false", help="no progress bar on stderr"
        )

    convert = sub.add_parser(
        "convert",
        help="convert documents and volumes between formats",
        description="Convert files between formats. Inputs: .txt (page text), .json/.jsonl (frusdoc "
        "JSON), .xml (TEI volume or document). One input goes to stdout or -o FILE; several go to "
        "-o DIRECTORY, one output per input.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    common(convert)
    convert.add_argument(
        "--to", choices=batch.FORMATS_OUT + table.FORMATS, default="json", help="output format (default: json)"
    )
    convert.add_argument(
        "-o", "--output", help="output file, or directory for several inputs (default: stdout)"
    )
    convert.add_argument("--compact", action="store_true", help="compact JSON on one line")
    convert.add_argument("--quiet", "-q", action="store_true", help="no summary line on stderr")
    convert.set_defaults(run=_convert)

    stats = sub.add_parser("stats", help="count documents, notes, references, pages and words")
    common(stats)
    stats.add_argument("--json", action="store_true", help="machine-readable output")
    stats.set_defaults(run=_stats)

    check = sub.add_parser(
        "check",
        help="report quality problems (markers without notes, label gaps, OCR slips, dangling references)",
        description="Check documents and volumes against frusdoc's quality rules (docs/check.md). "
        "Exit code 3 when an error-level problem is found.",
    )
    common(check)
    check.add_argument("--json", action="store_true", help="machine-readable output")
    check.set_defaults(run=_check)

    emend = sub.add_parser(
        "emend",
        help="propose OCR corrections; --apply records them in the document",
        description="List likely OCR errors with their corrections, confidence and reason. With --apply, "
        "write the document with the corrections recorded as emendations (both readings kept).",
    )
    common(emend)
    emend.add_argument("--json", action="store_true", help="machine-readable listing")
    emend.add_argument(
        "--threshold", type=float, default=0.0, help="only proposals at least this confident (0-1)"
    )
    emend.add_argument("--apply", action="store_true", help="write the document with the proposals recorded")
    emend.add_argument(
        "--accept", action="store_true", help="with --apply: record them as accepted, not proposed"
    )
    emend.add_argument("--to", choices=batch.FORMATS_OUT, default="json", help="output format for --apply")
    emend.add_argument("-o", "--output", help="output file or directory for --apply (default: stdout)")
    emend.set_defaults(run=_emend)

    schema = sub.add_parser("schema", help="print the JSON Schema of the frusdoc format")
    schema.add_argument("-o", "--output", help="output file (default: stdout)")
    schema.set_defaults(run=_schema)
    return parser


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line; returns the exit code."""
    if argv is not None:
        _args.expect_strings("cli.main(argv)", argv)
    if stdout is not None:
        _args.expect_text_stream("cli.main(stdout)", stdout)
    parser = _parser()
    args = parser.parse_args(argv)
    out = stdout if stdout is not None else sys.stdout
    try:
        code: int = args.run(args, out)
    except batch.UsageError as exc:
        print(f"frusdoc: {exc}", file=sys.stderr)
        return 2
    except frusdoc.FrusdocError as exc:
        print(f"frusdoc: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"frusdoc: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("frusdoc: interrupted", file=sys.stderr)
        return 130
    return code
