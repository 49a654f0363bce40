"""Converting many files: inputs, formats, one task per file, in parallel.

Each task converts one input file to one output file and returns a small
:class:`Result`; a failure is a result too, so one bad file never stops the
rest. TEI volumes converted to JSON Lines are streamed document by document,
so a worker's memory stays flat however large the volume. The functions here
are plain and picklable: the same :func:`convert_file` runs under
``concurrent.futures``, Dask (``dask.bag.from_sequence(paths).map(...)``) or
Spark (``sc.parallelize(paths).map(...)``).
"""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import IO, Any

import attrs

import frusdoc
from frusdoc import _args, emend, html
from frusdoc import model as m
from frusdoc.errors import FrusdocError
from frusdoc.tree import Node, raw_nodes, transform
from frusdoc.tree import Path as NodePath

__all__ = [
    "FORMATS_IN",
    "FORMATS_OUT",
    "SUFFIXES",
    "InputError",
    "Result",
    "UsageError",
    "check_file",
    "convert_file",
    "detect",
    "emend_file",
    "expand_inputs",
    "load",
    "run",
    "stats_file",
    "why",
]

FORMATS_IN: tuple[str, ...] = ("text", "json", "tei")
"""The input formats of a conversion (``--from``)."""
FORMATS_OUT: tuple[str, ...] = ("json", "jsonl", "text", "tei", "markdown")  # frusdoc.formats.FORMATS_OUT
"""The output formats of a conversion (``--to``)."""
SUFFIXES = {"json": ".json", "jsonl": ".jsonl", "text": ".txt", "tei": ".xml", "markdown": ".md"}
"""The file suffix written for each output format."""
FORMATS_OUT += ("html",)  # frusdoc.html: a page per document (convert_file), not a frusdoc.write format
SUFFIXES["html"] = ".html"
_KNOWN = {".xml": "tei", ".tei": "tei", ".json": "json", ".jsonl": "json", ".txt": "text"}


class UsageError(FrusdocError, ValueError):
    """The command was asked something it cannot do (exit code 2)."""


class InputError(FrusdocError, ValueError):
    """An input that is not valid in its format. ``str()`` names the file;
    ``reason`` is the rest, for the command line, which names the file itself."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.reason = reason


def why(exc: BaseException) -> str:
    """What went wrong with an input, without its file name (the caller gives it)."""
    _args.expect("batch.why(exc)", exc, BaseException, "an exception")
    reason = getattr(exc, "reason", None)
    return reason if isinstance(reason, str) else str(exc)


@attrs.frozen
class Result:
    """What converting (or counting) one file gave."""

    source: str
    target: str | None = None
    documents: int = 0
    error: str | None = None
    stats: dict[str, int] = attrs.field(factory=dict)
    messages: tuple[str, ...] = ()


def detect(path: str, given: str | None) -> str:
    """The input format of ``path``: ``given``, or from its suffix."""
    _args.expect_str("batch.detect(path)", path)
    _args.expect_str("batch.detect(given)", given, optional=True)
    if given:
        return given
    suffix = Path(path).suffix.lower()
    if suffix in _KNOWN:
        return _KNOWN[suffix]
    if path == "-":
        raise UsageError("-: pass --from (text, json, tei) to read standard input")
    raise UsageError(
        f"{path}: cannot tell the input format from {suffix or 'no suffix'!r}; pass --from (text, json, tei)"
    )


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Files named, found in directories (recursively, by known suffix) or matched by globs."""
    _args.expect_strings("batch.expand_inputs(inputs)", inputs)
    out: list[str] = []
    for item in inputs:
        if item == "-":
            out.append(item)
        elif os.path.isdir(item):
            found = sorted(
                str(p) for p in Path(item).rglob("*") if p.suffix.lower() in _KNOWN and p.is_file()
            )
            out.extend(p for p in found if Path(p).name != "index.jsonl")
        elif any(ch in item for ch in "*?["):
            matched = sorted(glob.glob(item, recursive=True))
            if not matched:
                raise UsageError(f"{item}: no file matches")
            out.extend(matched)
        else:
            out.append(item)
    return out


def _read_bytes(path: str) -> bytes:
    import sys

    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise frusdoc.FileAccessError(Path(path), "read", exc.strerror or str(exc)) from None


def load(path: str, fmt: str) -> m.Document | m.Volume | list[m.Document]:
    """Read one input (``-``: standard input): a document, a volume, or (JSON
    Lines) a list of documents; :func:`frusdoc.read` with messages for the
    command line."""
    _args.expect_str("batch.load(path)", path)
    _args.expect_one_of("batch.load(fmt)", fmt, (*FORMATS_IN, "jsonl"))
    if fmt == "json" and path.endswith(".jsonl"):
        fmt = "jsonl"  # the command line's --from json covers both
    # A Path, so that a file named "{x}.json" is never taken for content.
    source: bytes | Path = _read_bytes(path) if path == "-" else Path(path)
    try:
        return frusdoc.read(source, format=fmt)
    except frusdoc.ValidationError as exc:
        first = exc.problems[0]
        more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
        raise InputError(path, f"{first.path}: {first.message}{more}") from None


def _documents(value: m.Document | m.Volume | list[m.Document]) -> list[m.Document]:
    if isinstance(value, m.Volume):
        return list(value.documents)
    if isinstance(value, list):
        return value
    return [value]


def render(value: m.Document | m.Volume | list[m.Document], to: str, *, compact: bool = False) -> str:
    """One loaded input in an output format: :func:`frusdoc.write`; ``html``
    one page (:func:`frusdoc.html.render`, a volume's documents on one page)."""
    if to == "html":
        return html.render(value) if isinstance(value, m.Document) else html.render_volume(value)
    return frusdoc.write(value, to, compact=compact)


def convert_file(source: str, fmt: str, to: str, target: str | None, compact: bool = False) -> Result:
    """Convert one file; never raises for a bad input (the result says what went wrong)."""
    _args.expect_str("batch.convert_file(source)", source)
    _args.expect_str("batch.convert_file(to)", to)
    _args.expect_str("batch.convert_file(target)", target, optional=True)
    _args.expect_bool("batch.convert_file(compact)", compact)
    try:
        if fmt == "tei" and to == "jsonl" and source != "-":
            return _stream_volume(source, target)
        value = load(source, fmt)
        if to == "html" and target not in (None, "-"):  # a page per document: frusdoc.html.write
            html.write(value, str(target))
            return Result(source=source, target=target, documents=len(_documents(value)))
        out = render(value, to, compact=compact)
        _write(target, out)
        return Result(source=source, target=target, documents=len(_documents(value)))
    except (frusdoc.FrusdocError, OSError) as exc:
        return Result(source=source, target=target, error=why(exc))


def _stream_volume(source: str, target: str | None) -> Result:
    # A TEI volume to JSON Lines, one document at a time: flat memory. The file
    # is written under a temporary name and renamed once complete, so that a
    # volume that fails half-way leaves nothing behind.
    count = 0
    partial = None if target in (None, "-") else f"{target}.part"
    try:
        with _open(partial) as fp:
            for doc in frusdoc.tei.iter_documents(source):
                fp.write(frusdoc.json.dumps(doc))
                fp.write("\n")
                count += 1
    except BaseException:
        if partial is not None:
            Path(partial).unlink(missing_ok=True)
        raise
    if partial is not None and target is not None:
        os.replace(partial, target)
    return Result(source=source, target=target, documents=count)


class _Stdout:
    def __enter__(self) -> IO[str]:
        import sys

        return sys.stdout

    def __exit__(self, *exc: object) -> None:
        import sys

        sys.stdout.flush()


def _open(target: str | None) -> Any:
    if target in (None, "-"):
        return _Stdout()
    assert target is not None
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    return open(target, "w", encoding="utf-8", newline="")


def _write(target: str | None, text: str) -> None:
    with _open(target) as fp:
        fp.write(text)


#: What ``frusdoc stats`` counts, in its column order.
STATS = ("documents", "notes", "markers", "references", "pages", "words", "raw")


def stats_file(source: str, fmt: str) -> Result:
    """Counts for one file: documents, notes, note markers, references, pages, words, and
    raw nodes (what the reader kept without a type, see :func:`frusdoc.tree.raw_nodes`)."""
    _args.expect_str("batch.stats_file(source)", source)
    try:
        counts = dict.fromkeys(STATS, 0)
        value = load(source, fmt)
        values = value if isinstance(value, list) else [value]
        counts["raw"] = sum(1 for v in values for _ in raw_nodes(v))
        for doc in _documents(value):
            counts["documents"] += 1
            counts["notes"] += len(doc.notes)
            counts["words"] += frusdoc.word_count(doc)
            for _, node in frusdoc.walk(doc):
                kind = type(node)
                if kind is m.NoteRef:
                    counts["markers"] += 1
                elif kind is m.Reference:
                    counts["references"] += 1
                elif kind is m.PageBreak:
                    counts["pages"] += 1
        return Result(source=source, documents=counts["documents"], stats=counts)
    except (frusdoc.FrusdocError, OSError) as exc:
        return Result(source=source, error=why(exc))


def check_file(source: str, fmt: str) -> Result:
    """The diagnostics of one file (a volume is checked as a whole), as strings."""
    _args.expect_str("batch.check_file(source)", source)
    try:
        value = load(source, fmt)
        findings: list[frusdoc.Diagnostic] = []
        if isinstance(value, list):
            for doc in value:
                findings.extend(frusdoc.check(doc))
        else:
            findings = frusdoc.check(value)
        counts = {"error": 0, "warning": 0, "info": 0}
        for d in findings:
            counts[d.severity] += 1
        lines = [str(d) for d in findings]
        return Result(source=source, documents=len(_documents(value)), stats=counts, messages=tuple(lines))
    except (frusdoc.FrusdocError, OSError) as exc:
        return Result(source=source, error=why(exc))


def emend_file(
    source: str, fmt: str, threshold: float, target: str | None, to: str | None, status: m.EmendationStatus
) -> Result:
    """OCR proposals for one file, and with ``target`` the file written with them applied."""
    _args.expect_str("batch.emend_file(source)", source)
    _args.expect_str("batch.emend_file(target)", target, optional=True)
    _args.expect_str("batch.emend_file(to)", to, optional=True)
    try:
        value = load(source, fmt)
        docs = _documents(value)
        lines: list[str] = []
        emended: list[m.Document] = []
        for doc in docs:
            proposals = emend.propose(doc, threshold=threshold)
            rendered = frusdoc.text.render(doc)
            for p in proposals:
                start, end = p.span(doc)  # in the text rendered above
                line = rendered.count("\n", 0, start) + 1
                lines.append(
                    json.dumps(
                        {
                            "document": doc.id,
                            "line": line,
                            "start": start,
                            "end": end,
                            "path": list(p.anchor.path) if p.anchor else None,
                            "offset": p.anchor.offset if p.anchor else None,
                            "original": p.original,
                            "corrected": p.corrected,
                            "confidence": p.confidence,
                            "reason": p.reason,
                        },
                        ensure_ascii=False,
                    )
                )
            if target is not None:
                emended.append(emend.apply(doc, proposals, status=status))
        if target is not None:
            result: m.Document | m.Volume | list[m.Document]
            if isinstance(value, m.Volume):
                result = _replace_documents(value, emended)
            elif isinstance(value, list):
                result = emended
            else:
                result = emended[0]
            _write(target, render(result, to or "json"))
        return Result(source=source, target=target, documents=len(docs), messages=tuple(lines))
    except (frusdoc.FrusdocError, OSError) as exc:
        return Result(source=source, error=why(exc))


def _replace_documents(volume: m.Volume, documents: list[m.Document]) -> m.Volume:
    # The volume's documents, in order, replaced by ``documents``: one rebuild
    # (frusdoc.transform), not walking into the documents themselves.
    by_position = iter(documents)

    def replace(_path: NodePath, node: Node) -> Node:
        return next(by_position) if isinstance(node, m.Document) else node

    def into(_path: NodePath, node: Node) -> bool:
        return not isinstance(node, m.Document)

    result = transform(volume, replace, descend=into)
    assert isinstance(result, m.Volume)
    return result


def run(tasks: Sequence[tuple[object, ...]], function: Callable[..., Result], jobs: int) -> Iterator[Result]:
    """Run ``function(*task)`` for every task, in ``jobs`` processes; results as they finish."""
    _args.expect("batch.run(tasks)", tasks, list, "a list of argument tuples")
    for task in tasks:
        _args.expect("batch.run(tasks)", task, tuple, "a list of argument tuples")
    _args.expect_callable("batch.run(function)", function)
    _args.expect_int("batch.run(jobs)", jobs)
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield function(*task)
        return
    # Imported here: only parallel runs need the process machinery
    # (multiprocessing, subprocess, sockets), and import frusdoc imports batch.
    from concurrent.futures import ProcessPoolExecutor, as_completed

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures: list[Future[Result]] = [pool.submit(function, *task) for task in tasks]
        for future in as_completed(futures):
            yield future.result()
