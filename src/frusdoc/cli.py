"""The ``frusdoc`` command line.

Exit codes: 0 success; 1 an input could not be read (the message names the
file and the place); 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import frusdoc
from frusdoc import model as m

__all__ = ["main"]

_FORMATS_IN = ("text", "json", "tei")
_FORMATS_OUT = ("json", "jsonl", "text", "tei")

EPILOG = """examples:
  frusdoc convert seed.txt                         page text -> frusdoc JSON on stdout
  frusdoc convert doc.json --to text -o d.txt      JSON -> plain text
  frusdoc convert frus1961-63v15.xml --to jsonl    a TEI volume -> one JSON document per line
  frusdoc convert frus1961-63v15.xml --to tei      TEI -> model -> TEI
  cat seed.txt | frusdoc convert - --from text
  frusdoc schema -o frusdoc-1.0.json               the JSON Schema of the format

exit codes: 0 success, 1 an input could not be read or written, 2 wrong usage
"""


def _detect(path: str, given: str | None) -> str:
    if given:
        return given
    suffix = Path(path).suffix.lower()
    if suffix in (".json", ".jsonl"):
        return "json"
    if suffix in (".xml", ".tei"):
        return "tei"
    if suffix in (".txt", ""):
        return "text"
    raise _Usage(
        f"{path}: cannot tell the input format from {suffix!r}; pass --from ({', '.join(_FORMATS_IN)})"
    )


class _Usage(Exception):
    pass


def _read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise frusdoc.FrusdocError(f"{path}: {exc.strerror or exc}") from None


def _read(path: str) -> str:
    data = _read_bytes(path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise frusdoc.FrusdocError(f"{path}: not UTF-8 (byte {exc.start})") from None


def _read_tei(path: str) -> object:
    from frusdoc.tei.names import local
    from frusdoc.tei.safe import parse_xml

    data = _read_bytes(path)
    root = parse_xml(data, path)
    if isinstance(root.tag, str) and local(root.tag) == "TEI":
        return frusdoc.tei.volume_element(root)
    return frusdoc.tei.document_element(root)


def _convert(args: argparse.Namespace, out: TextIO) -> None:
    fmt = _detect(args.input, args.from_)
    doc: object
    if fmt == "tei":
        doc = _read_tei(args.input)
    elif fmt == "text":
        doc = frusdoc.text.parse(_read(args.input))
    else:
        source = _read(args.input)
        try:
            doc = frusdoc.json.loads(source)
        except frusdoc.ValidationError as exc:
            first = exc.problems[0]
            more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
            raise frusdoc.FrusdocError(f"{args.input}: {first.path}: {first.message}{more}") from None
    if args.to == "json":
        result = frusdoc.json.dumps(doc, indent=not args.compact) + "\n"
    elif args.to == "jsonl":
        docs = doc.documents if isinstance(doc, m.Volume) else (doc,)
        result = frusdoc.json.dump_lines(docs) or ""
    elif args.to == "tei":
        if isinstance(doc, m.Volume):
            result = frusdoc.tei.write_volume(doc)
        elif isinstance(doc, m.Document):
            result = frusdoc.tei.write_document(doc) + "\n"
        else:
            raise frusdoc.FrusdocError(f"{args.input}: only a document or a volume can be written as TEI")
    else:
        if not isinstance(doc, m.Document):
            raise frusdoc.FrusdocError(
                f"{args.input}: only a document can be written as text (a volume: use --to jsonl)"
            )
        result = frusdoc.text.render(doc)
    if args.output in (None, "-"):
        out.write(result)
    else:
        Path(args.output).write_text(result, encoding="utf-8", newline="")


def _schema(args: argparse.Namespace, out: TextIO) -> None:
    text = frusdoc.schema.json_schema_text()
    if args.output in (None, "-"):
        out.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frusdoc",
        description="Typed FRUS documents: convert between plain text, JSON and TEI; print the JSON Schema.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"frusdoc {frusdoc.__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    convert = sub.add_parser("convert", help="convert a document between formats")
    convert.add_argument("input", help="a file, or - for stdin")
    convert.add_argument(
        "--from", dest="from_", choices=_FORMATS_IN, help="input format (default: from the suffix)"
    )
    convert.add_argument("--to", choices=_FORMATS_OUT, default="json", help="output format (default: json)")
    convert.add_argument("-o", "--output", help="output file (default: stdout)")
    convert.add_argument("--compact", action="store_true", help="compact JSON on one line")
    convert.set_defaults(run=_convert)

    schema = sub.add_parser("schema", help="print the JSON Schema of the frusdoc format")
    schema.add_argument("-o", "--output", help="output file (default: stdout)")
    schema.set_defaults(run=_schema)
    return parser


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    out = stdout if stdout is not None else sys.stdout
    try:
        args.run(args, out)
    except _Usage as exc:
        print(f"frusdoc: {exc}", file=sys.stderr)
        return 2
    except frusdoc.FrusdocError as exc:
        print(f"frusdoc: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"frusdoc: {exc}", file=sys.stderr)
        return 1
    return 0
