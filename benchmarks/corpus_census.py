"""A census of a corpus: every TEI volume and every page through every reader and writer, and back.

    python benchmarks/corpus_census.py PATH... [--json] [--key FILE] [--details N]

Each PATH is a TEI volume (``*.xml``), a page (``*.txt``) or a directory searched recursively for
both (other files are ignored). For each TEI volume:

- ``read_volume`` and ``iter_documents`` read it, and give equal documents (*readers agree*);
- every document read is in TEI normal form (``tei.normalize(d) == d``);
- every document written (``write_document``) is well-formed XML that adds no duplicate xml:id,
  and reads back equal;
- the volume written (``write_volume``) is well-formed, reads back equal, and its XML event stream
  equals the source's (*XML events*): elements and attributes (namespace URIs, not prefixes),
  comments, processing instructions and text, with runs of XML whitespace collapsed and
  whitespace at the edges of a text run ignored; the XML declaration and namespace declarations
  are not compared. The first difference is shown with its line in the source and in the output;
- plain text (``frusdoc.text.render``) and Markdown (``frusdoc.markdown.render``) render every
  document, the JSON round trip gives back the volume and every document, ``frusdoc.check`` runs.

For each page (read as bytes, decoded as UTF-8 without newline translation):

- ``text.render(text.parse(s)) == s`` (*lossless*);
- the number of ``PageBreak`` nodes equals the number of page markers printed (``[Page N]``,
  ``[Facsimile Page N]``, ``[Typeset Page N]``, found by a regular expression of this script);
- where the page is listed in the answer key ``expect/text_notes.json``, the labels of its
  ``NoteRef`` nodes, in ``frusdoc.walk`` order, are the hand-checked labels. The key used is the
  nearest ``expect/text_notes.json`` in the page's directory or above it (up to the PATH given),
  else ``--key``, else the project's ``tests/data/expect/text_notes.json``;
- Markdown renders, the JSON round trip gives the document back, ``check`` runs.

*Raw nodes* counts what the readers kept without typing it: ``frusdoc.raw_nodes`` (every
``RawBlock`` and ``RawInline``, nested ones included, except comments and processing
instructions, counted apart as *comments*, and except the volume's ``teiHeader``, raw by
design). ``--json`` gives the raw nodes by tag as well.

Output: one row per file, totals, then the first failures in detail (``--json``: everything, as
one JSON object). Exit status 0 when every check passes, 1 on any failure, 2 on bad usage. The
checks are importable (``census``, ``census_volume``, ``census_page``): the test suite runs them
on the corpus copied into ``tests/data``.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar, cast

import attrs
from lxml import etree

import frusdoc
import frusdoc.json as fjson
from frusdoc import markdown, tei, text

__all__ = [
    "DEFAULT_KEY",
    "PAGE_MARKER",
    "Failure",
    "FileReport",
    "Report",
    "census",
    "census_page",
    "census_volume",
    "census_volume_bytes",
    "first_difference",
    "find_files",
    "format_report",
    "id_counts",
    "load_key",
    "main",
    "note_labels",
    "page_markers",
    "parse",
    "xml_difference",
    "xml_events",
    "UsageError",
]

DEFAULT_KEY = Path(__file__).resolve().parents[1] / "tests" / "data" / "expect" / "text_notes.json"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

# Written independently of frusdoc.text's own pattern, so that the two can disagree: a label is
# anything up to the closing bracket, bracketed labels such as "[Page [VI]]" included.
PAGE_MARKER = re.compile(r"\[(?:Facsimile |Typeset )?Page (?:\[[^\]\n]*\]|[^\[\]\n])+\]")
_XWS = re.compile(r"[ \t\r\n]+")

Key = dict[str, list[str]]
T = TypeVar("T")


@dataclass(frozen=True)
class Failure:
    """One failed check: which, on what (a document id, when it is about one), and how."""

    check: str
    message: str
    where: str | None = None

    def __str__(self) -> str:
        return f"{self.check}{' [' + self.where + ']' if self.where else ''}: {self.message}"


@dataclass(frozen=True)
class FileReport:
    """The census of one file."""

    path: str
    kind: Literal["tei", "page"]
    documents: int = 0
    raw: int = 0
    comments: int = 0
    raw_tags: dict[str, int] = field(default_factory=dict)
    failures: tuple[Failure, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.failures


@dataclass(frozen=True)
class Report:
    """The census of a set of files."""

    files: tuple[FileReport, ...]

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.files)

    @property
    def failures(self) -> int:
        return sum(len(f.failures) for f in self.files)

    def totals(self) -> dict[str, int]:
        return {
            "tei files": sum(f.kind == "tei" for f in self.files),
            "pages": sum(f.kind == "page" for f in self.files),
            "documents": sum(f.documents for f in self.files),
            "raw nodes": sum(f.raw for f in self.files),
            "comments": sum(f.comments for f in self.files),
            "failures": self.failures,
            "failing files": sum(not f.ok for f in self.files),
        }

    def to_data(self) -> dict[str, Any]:
        return {
            "totals": self.totals(),
            "files": [
                {
                    "file": f.path,
                    "kind": f.kind,
                    "documents": f.documents,
                    "raw": f.raw,
                    "comments": f.comments,
                    "raw_tags": f.raw_tags,
                    "failures": [
                        {"check": x.check, "where": x.where, "message": x.message} for x in f.failures
                    ],
                }
                for f in self.files
            ],
        }


# -- helpers ------------------------------------------------------------------------------


def _short(value: object, limit: int = 120) -> str:
    s = repr(value)
    return s if len(s) <= limit else s[: limit - 1] + "…"


def first_difference(a: object, b: object, path: str = "$") -> str | None:
    """Where two model values first differ (``$.blocks[2].inlines[0].text: 'a' != 'b'``), or None."""
    if a == b:
        return None
    if type(a) is not type(b):
        return f"{path}: {type(a).__name__} {_short(a)} != {type(b).__name__} {_short(b)}"
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            found = first_difference(x, y, f"{path}[{i}]")
            if found:
                return found
        return f"{path}: {len(a)} items != {len(b)} items"
    if attrs.has(type(a)):
        for f in attrs.fields(cast("type[attrs.AttrsInstance]", type(a))):
            found = first_difference(getattr(a, f.name), getattr(b, f.name), f"{path}.{f.name}")
            if found:
                return found
    return f"{path}: {_short(a)} != {_short(b)}"


def _parser() -> etree.XMLParser:
    # Safe: no entities, no DTD, no network (the census reads whatever tree it is given).
    # collect_ids off: duplicate xml:ids are counted and reported by the census, not refused.
    return etree.XMLParser(
        resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False, collect_ids=False
    )


def parse(data: bytes | str) -> Any:
    """An lxml root element, parsed safely (no entities, no DTD, no network; duplicate ids kept)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return etree.fromstring(data, _parser())


def id_counts(root: Any) -> collections.Counter[str]:
    """How often each xml:id occurs in an lxml tree."""
    return collections.Counter(
        v for el in root.iter() if isinstance(el.tag, str) and (v := el.get(XML_ID)) is not None
    )


def _added_duplicates(written: Any, source: collections.Counter[str]) -> list[str]:
    counts = id_counts(written)
    return sorted(k for k, n in counts.items() if n > 1 and n > source.get(k, 0))


def _norm(s: str) -> str:
    return _XWS.sub(" ", s).strip(" ")


def xml_events(root: Any) -> list[tuple[int, str]]:
    """The event stream of an lxml tree as ``(line, event)``: elements with their attributes,
    comments, processing instructions and non-whitespace text (whitespace runs collapsed,
    edges of a text run ignored), the comments and instructions around the root included."""
    out: list[tuple[int, str]] = []
    pending: list[str] = []
    line = 0

    def flush() -> None:
        s = _norm("".join(pending))
        pending.clear()
        if s:
            out.append((line, f"text {s!r}"))

    def emit(el: Any, event: str) -> None:
        nonlocal line
        flush()
        line = el.sourceline or line
        out.append((line, event))

    def leaf(el: Any) -> str:
        if isinstance(el, etree._Comment):
            return f"<!--{_norm(el.text or '')}-->"
        return f"<?{el.target} {_norm(el.text or '')}?>"

    for before in reversed(list(root.itersiblings(preceding=True))):
        emit(before, leaf(before))
    for event, el in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        if event == "start":
            attributes = " ".join(f"{k}={v!r}" for k, v in sorted(el.attrib.items()))
            emit(el, f"<{el.tag}{' ' + attributes if attributes else ''}>")
            pending.append(el.text or "")
            continue
        if event == "end":
            emit(el, f"</{el.tag}>")
        else:
            emit(el, leaf(el))
        if el is not root:
            pending.append(el.tail or "")
    flush()
    for after in root.itersiblings():
        emit(after, leaf(after))
    return out


def xml_difference(source: bytes | str | Any, written: bytes | str | Any) -> str | None:
    """The first difference between the event streams of two XML texts (or lxml roots), or None."""
    if isinstance(source, (bytes, str)):
        source = parse(source)
    if isinstance(written, (bytes, str)):
        written = parse(written)
    a, b = xml_events(source), xml_events(written)
    for i, ((la, ea), (lb, eb)) in enumerate(zip(a, b, strict=False)):
        if ea != eb:
            return f"event {i}: source line {la}: {_short(ea)}; written line {lb}: {_short(eb)}"
    if len(a) != len(b):
        i = min(len(a), len(b))
        if len(a) > len(b):
            return f"written stops at event {i}; source line {a[i][0]} goes on with {_short(a[i][1])}"
        return f"source stops at event {i}; written line {b[i][0]} adds {_short(b[i][1])}"
    return None


def _count_raw(value: object) -> tuple[int, int, dict[str, int]]:
    """(raw nodes, comments and instructions, raw nodes by tag) below ``value``; see the module doc."""
    tags = collections.Counter(node.tag for _, node in frusdoc.raw_nodes(value))
    comments = sum(1 for _, node in frusdoc.walk(value) if frusdoc.is_markup(node))
    return sum(tags.values()), comments, dict(sorted(tags.items()))


def page_markers(s: str) -> list[str]:
    """The page markers printed in a page, in order."""
    return PAGE_MARKER.findall(s)


def note_labels(doc: frusdoc.Document) -> list[str]:
    """The labels of a document's note markers, in ``frusdoc.walk`` order."""
    return [node.label for _, node in frusdoc.walk(doc) if isinstance(node, frusdoc.NoteRef)]


def load_key(path: Path) -> Key:
    """An answer key ``text_notes.json``: the hand-checked marker labels of each listed page."""
    data = json.loads(path.read_bytes().decode("utf-8"))
    return {
        name: [label for label, _context in rows] for name, rows in data.items() if not name.startswith("_")
    }


class _Checks:
    """Collects failures; each check runs guarded, so that one failure does not hide the others."""

    def __init__(self) -> None:
        self.failures: list[Failure] = []

    def fail(self, check: str, message: str, where: str | None = None) -> None:
        self.failures.append(Failure(check, message, where))

    def run(self, check: str, where: str | None, fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except Exception as exc:  # noqa: BLE001 - the census reports every exception, of any class
            self.fail(check, f"{type(exc).__name__}: {_short(str(exc), 300)}", where)
            return None

    def equal(self, check: str, where: str | None, got: object, want: object) -> None:
        found = first_difference(want, got)
        if found is not None:
            self.fail(check, found, where)


def _json_round_trip(value: T) -> T:
    return fjson.loads(fjson.dumps(value), type=type(value))


# -- TEI volumes ----------------------------------------------------------------------------


def census_volume(path: Path, *, display: str | None = None) -> FileReport:
    """Every check of the module doc on one TEI file."""
    return census_volume_bytes(path.read_bytes(), display or str(path))


def census_volume_bytes(data: bytes, name: str) -> FileReport:
    """Every check of the module doc on the bytes of a TEI file; ``name`` names it in the report."""
    c = _Checks()
    vol = c.run("read_volume", None, tei.read_volume, data)
    streamed = c.run("iter_documents", None, lambda: list(tei.iter_documents(data)))
    if vol is None:
        return FileReport(name, "tei", len(streamed or ()), failures=tuple(c.failures))
    assert isinstance(vol, frusdoc.Volume)
    documents = list(vol.documents)
    if streamed is not None:
        ids, streamed_ids = [d.id for d in documents], [d.id for d in streamed]
        if ids != streamed_ids:
            c.fail("readers agree", f"read_volume reads {_short(ids)}, iter_documents {_short(streamed_ids)}")
        else:
            for d, s in zip(documents, streamed, strict=True):
                c.equal("readers agree", d.id, s, d)
    source = parse(data)
    source_ids = {
        el.get(XML_ID): id_counts(el) for el in source.iter("{*}div") if el.get("type") == "document"
    }
    for d in documents:
        normal = c.run("normal form", d.id, tei.normalize, d)
        if normal is not None:
            c.equal("normal form", d.id, normal, d)
        written = c.run("write_document", d.id, tei.write_document, d)
        if written is not None:
            el = c.run("written document XML", d.id, parse, written)
            if el is not None and (dup := _added_duplicates(el, source_ids.get(d.id, collections.Counter()))):
                c.fail("written document XML", f"duplicate xml:id {', '.join(dup[:5])}", d.id)
            back = c.run("document round trip", d.id, tei.read_document, written.encode("utf-8"))
            if back is not None:
                c.equal("document round trip", d.id, back, d)
        c.run("text render", d.id, text.render, d)
        c.run("markdown render", d.id, markdown.render, d)
        back_json = c.run("json", d.id, _json_round_trip, d)
        if back_json is not None:
            c.equal("json", d.id, back_json, d)
    written_volume = c.run("write_volume", None, tei.write_volume, vol)
    if written_volume is not None:
        root = c.run("written volume XML", None, parse, written_volume)
        if root is not None:
            if dup := _added_duplicates(root, id_counts(source)):
                c.fail("written volume XML", f"duplicate xml:id {', '.join(dup[:5])}")
            if (diff := xml_difference(source, root)) is not None:
                c.fail("XML events", diff)
        back_volume = c.run("volume round trip", None, tei.read_volume, written_volume.encode("utf-8"))
        if back_volume is not None:
            # Read from TEI, the volume is in normal form: it must come back unchanged.
            c.equal("volume round trip", None, back_volume, vol)
    back_json = c.run("json", None, _json_round_trip, vol)
    if back_json is not None:
        c.equal("json", None, back_json, vol)
    c.run("check", None, frusdoc.check, vol)
    raw, comments, tags = _count_raw(vol)
    return FileReport(name, "tei", len(documents), raw, comments, tags, tuple(c.failures))


# -- pages ----------------------------------------------------------------------------------


def census_page(path: Path, key: Key | None = None, *, display: str | None = None) -> FileReport:
    """Every check of the module doc on one page; ``key`` maps page names to marker labels."""
    c = _Checks()
    name = display or str(path)
    s = path.read_bytes().decode("utf-8")
    doc = c.run("parse", None, text.parse, s)
    if doc is None:
        return FileReport(name, "page", failures=tuple(c.failures))
    assert isinstance(doc, frusdoc.Document)
    rendered = c.run("lossless", None, text.render, doc)
    if rendered is not None and rendered != s:
        i = next(
            (i for i, (x, y) in enumerate(zip(s, rendered, strict=False)) if x != y),
            min(len(s), len(rendered)),
        )
        line = s.count("\n", 0, i) + 1
        c.fail(
            "lossless", f"line {line}: page {_short(s[i : i + 40])}, rendered {_short(rendered[i : i + 40])}"
        )
    breaks = [node for _, node in frusdoc.walk(doc) if isinstance(node, frusdoc.PageBreak)]
    printed = page_markers(s)
    if len(breaks) != len(printed):
        c.fail(
            "page breaks",
            f"{len(breaks)} PageBreak nodes ({_short([b.label for b in breaks], 80)}), "
            f"{len(printed)} markers printed ({_short(printed, 80)})",
        )
    if key is not None and path.name in key:
        got, want = note_labels(doc), key[path.name]
        if got != want:
            c.fail("markers", f"NoteRef labels {_short(got, 100)}, hand-checked {_short(want, 100)}")
    c.run("markdown render", None, markdown.render, doc)
    back_json = c.run("json", None, _json_round_trip, doc)
    if back_json is not None:
        c.equal("json", None, back_json, doc)
    c.run("check", None, frusdoc.check, doc)
    raw, comments, tags = _count_raw(doc)
    return FileReport(name, "page", 1, raw, comments, tags, tuple(c.failures))


# -- trees ----------------------------------------------------------------------------------


class UsageError(Exception):
    """A path that does not exist or is neither a directory, a TEI file nor a page."""


def find_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, Path]]:
    """``(file, the PATH it was found under)`` for every TEI file and page, sorted within a PATH."""
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix in (".xml", ".txt"):
                    yield f, p
        elif p.is_file() and p.suffix in (".xml", ".txt"):
            yield p, p.parent
        elif p.exists():
            raise UsageError(f"{p}: not a TEI file (.xml), a page (.txt) or a directory")
        else:
            raise UsageError(f"{p}: no such file or directory")


def _key_for(page: Path, root: Path, fallback: Path | None, cache: dict[Path, Key]) -> Key | None:
    here = page.parent.resolve()
    top = root.resolve()
    candidates = []
    while True:
        candidates.append(here / "expect" / "text_notes.json")
        if here == top or here.parent == here or top not in here.parents:
            break
        here = here.parent
    if fallback is not None:
        candidates.append(fallback)
    for candidate in candidates:
        if candidate in cache or candidate.is_file():
            if candidate not in cache:
                cache[candidate] = load_key(candidate)
            return cache[candidate]
    return None


def census(paths: Sequence[str | Path], *, key: Path | None = DEFAULT_KEY) -> Report:
    """The census of every TEI file and page under ``paths``; ``key`` is the answer key used for
    pages with no ``expect/text_notes.json`` of their own above them."""
    cache: dict[Path, Key] = {}
    reports = []
    for f, root in find_files(paths):
        if f.suffix == ".xml":
            reports.append(census_volume(f))
        else:
            reports.append(census_page(f, _key_for(f, root, key, cache)))
    return Report(tuple(reports))


def format_report(report: Report, *, details: int = 25) -> str:
    """The table of files, the totals, and the first ``details`` failures."""
    width = max([len(f.path) for f in report.files] + [4])
    lines = [f"{'file':<{width}}  kind  documents    raw  comments  failures"]
    for f in report.files:
        lines.append(
            f"{f.path:<{width}}  {f.kind:<4}  {f.documents:>9}  {f.raw:>5}  {f.comments:>8}  {len(f.failures):>8}"
        )
    t = report.totals()
    lines.append(
        f"total: {t['tei files']} TEI files, {t['pages']} pages, {t['documents']} documents, "
        f"{t['raw nodes']} raw nodes, {t['comments']} comments and instructions; "
        f"{t['failures']} failures in {t['failing files']} files"
    )
    shown = 0
    for f in report.files:
        for failure in f.failures:
            if shown == details:
                lines.append(f"… and {report.failures - shown} more failures (--json lists them all)")
                return "\n".join(lines)
            if shown == 0:
                lines.append("")
                lines.append("failures:")
            lines.append(f"{f.path}: {failure}")
            shown += 1
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0] if __doc__ else None,
        epilog="Exit status: 0 all checks pass, 1 a check failed, 2 bad usage.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="TEI files, pages, or directories of them")
    parser.add_argument("--json", action="store_true", help="print the whole report as JSON")
    parser.add_argument(
        "--key", type=Path, default=DEFAULT_KEY, help="the answer key for pages with none above them"
    )
    parser.add_argument("--details", type=int, default=25, help="how many failures to show in detail")
    args = parser.parse_args(argv)  # exits with status 2 on bad usage
    try:
        report = census(args.paths, key=args.key)
    except UsageError as exc:
        print(f"corpus_census: {exc}", file=sys.stderr)
        return 2
    if not report.files:
        print("corpus_census: no TEI files (.xml) or pages (.txt) found", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_data(), ensure_ascii=False, indent=1))
    else:
        print(format_report(report, details=args.details))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
