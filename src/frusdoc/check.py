"""Quality rules for documents and volumes: ``frusdoc.check(doc_or_volume)``.

Each rule has a code, a severity and a one-line explanation (:data:`RULES`);
each finding is a :class:`Diagnostic` with where it is: the document, the
node path and the offset in the document's plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

import attrs

from frusdoc import _args
from frusdoc import model as m
from frusdoc.pairing import NoteMatcher
from frusdoc.refs import AmbiguousTargetError, resolve
from frusdoc.walk import Path, format_path, plain_text, walk

__all__ = ["RULES", "Diagnostic", "Location", "Severity", "check"]

Severity = Literal["error", "warning", "info"]


@attrs.frozen
class Location:
    """Where a finding is: document id, node path, offset in the rendered plain text."""

    document: str | None = None
    path: Path = ()
    offset: int | None = None

    def __str__(self) -> str:
        parts = [self.document or "document", format_path(self.path)]
        if self.offset is not None:
            parts.append(f"offset {self.offset}")
        return " ".join(parts)


@attrs.frozen
class Diagnostic:
    """One finding of :func:`check`."""

    code: str
    severity: Severity
    message: str
    location: Location

    def __str__(self) -> str:
        return f"{self.location}: {self.severity} {self.code}: {self.message}"


#: Every rule: code → (severity, what it checks).
RULES: dict[str, tuple[Severity, str]] = {
    "FD001": ("error", "a note marker without its note"),
    "FD002": ("error", "a note that no marker refers to (an unmarked source note excepted)"),
    "FD003": ("warning", "note labels not consecutive in the numbering scheme of the volume's era"),
    "FD004": ("warning", "a footnote id not prefixed by its document id (d12fn3)"),
    "FD005": ("warning", "whitespace before a note marker"),
    "FD006": ("warning", "two note markers with nothing between them"),
    "FD007": ("warning", "a source note without the 'Source:' prefix in a volume covering 1950 onward"),
    "FD008": ("warning", "a page range that does not ascend (often a lost dash: pp. 399404)"),
    "FD009": ("warning", "unbalanced quotation marks"),
    "FD010": ("warning", "a letter l next to a digit (an OCR slip for 1)"),
    "FD011": ("error", "a date whose not-before is after its not-after"),
    "FD012": ("error", "a person or term reference that is not in the volume's lists"),
    "FD013": (
        "error",
        "a cross-reference to a document, page or note missing from the volume, or fitting several notes",
    ),
    "FD014": ("error", "two notes of a document with the same id (TEI xml:id must be unique)"),
    "FD015": ("error", "two documents of a volume with the same id (TEI xml:id must be unique)"),
}


def _diag(
    code: str, message: str, doc: m.Document | None, path: Path, offsets: dict[Path, tuple[int, int]]
) -> Diagnostic:
    span = offsets.get(path)
    return Diagnostic(
        code=code,
        severity=RULES[code][0],
        message=message,
        location=Location(document=doc.id if doc else None, path=path, offset=span[0] if span else None),
    )


def check(node: m.Document | m.Volume) -> list[Diagnostic]:
    """Every problem found in a document or a volume, in document order."""
    _args.expect_node("check(node)", node, (m.Document, m.Volume))
    if isinstance(node, m.Volume):
        out: list[Diagnostic] = []
        for doc in node.iter_documents():
            out.extend(_document(doc, node))
        out.extend(_dates(node, None, {}))
        out.extend(_document_ids(node))
        return out
    return list(_document(node, None))


def _document(doc: m.Document, volume: m.Volume | None) -> Iterator[Diagnostic]:
    from frusdoc.text import spans  # derived offsets; the check module itself reads no format

    offsets = spans(doc)
    yield from _notes(doc, offsets)
    yield from _note_ids(doc, offsets)
    yield from _labels(doc, volume, offsets)
    yield from _markers(doc, offsets)
    yield from _text_rules(doc, offsets)
    yield from _dates(doc, doc, offsets)
    if volume is not None:
        yield from _references(doc, volume, offsets)


def _notes(doc: m.Document, offsets: dict[Path, tuple[int, int]]) -> Iterator[Diagnostic]:
    matcher = NoteMatcher.for_document(doc)
    for path, ref in ((p, n) for p, n in walk(doc) if isinstance(n, m.NoteRef)):
        if matcher.match_index(ref) is None:
            yield _diag("FD001", f"marker {ref.label!r} has no note", doc, path, offsets)
    for i, note in enumerate(doc.notes):
        if not matcher.used[i] and not (note.rend == "inline" and note.label is None):
            label = f"labelled {note.label!r}" if note.label else "without a label"
            yield _diag("FD002", f"note {i + 1} ({label}) has no marker", doc, ("notes", i), offsets)
        if note.id and doc.id and not note.id.startswith(f"{doc.id}fn"):
            yield _diag(
                "FD004", f"note id {note.id!r} is not prefixed {doc.id + 'fn'!r}", doc, ("notes", i), offsets
            )


def _note_ids(doc: m.Document, offsets: dict[Path, tuple[int, int]]) -> Iterator[Diagnostic]:
    # Reported rather than refused by the model: a duplicate is a whole-tree
    # fact no node's constructor sees, and a file that has one must still load
    # so that this can say where (the TEI writer refuses to write it).
    first: dict[str, int] = {}
    for i, note in enumerate(doc.notes):
        if note.id is None:
            continue
        if note.id in first:
            yield _diag(
                "FD014",
                f"note {i + 1} has id {note.id!r}, already the id of note {first[note.id] + 1}",
                doc,
                ("notes", i),
                offsets,
            )
        else:
            first[note.id] = i


def _document_ids(volume: m.Volume) -> Iterator[Diagnostic]:
    # Paths from the volume, as for the volume's own dates (FD011): the
    # document id alone would not say which of the two is meant.
    first: dict[str, Path] = {}
    stack: list[tuple[Path, object]] = [
        ((part, i), child)
        for part in ("back", "body", "front")
        for i, child in reversed(list(enumerate(getattr(volume, part))))
    ]
    while stack:
        path, node = stack.pop()
        if isinstance(node, m.Division):
            stack.extend(((*path, "children", i), c) for i, c in reversed(list(enumerate(node.children))))
        elif isinstance(node, m.Document) and node.id is not None:
            if node.id in first:
                message = f"document id {node.id!r} is already the id of the document at {format_path(first[node.id])}"
                yield _diag("FD015", message, None, path, {})
            else:
                first[node.id] = path


def _era(volume: m.Volume | None, doc: m.Document) -> int | None:
    vid = (volume.id if volume else None) or doc.volume or ""
    match = re.match(r"frus(\d{4})", vid)
    return int(match.group(1)) if match else None


def _number(label: str) -> tuple[int, str] | None:
    match = re.fullmatch(r"(\d+)([a-z]?)", label)
    return (int(match.group(1)), match.group(2)) if match else None


def _labels(
    doc: m.Document, volume: m.Volume | None, offsets: dict[Path, tuple[int, int]]
) -> Iterator[Diagnostic]:
    year = _era(volume, doc)
    sequence: list[tuple[Path, str, bool]] = []  # path, label, page turned since the previous one
    turned = False
    for path, node in walk(doc):
        if isinstance(node, m.PageBreak):
            turned = True
        elif isinstance(node, m.NoteRef):
            sequence.append((path, node.label, turned))
            turned = False
    previous: tuple[int, str] | None = None
    for path, label, page_turned in sequence:
        number = _number(label)
        if number is None:
            previous = None
            continue
        if previous is not None:
            (pn, ps), (n, s) = previous, number
            follows = (n == pn + 1 and not s) or (n == pn and s > ps)
            restart = page_turned and (year is None or year < 1930) and not s and n <= 3
            if not (follows or restart):
                yield _diag("FD003", f"label {label!r} does not follow {pn}{ps!s}", doc, path, offsets)
        elif year is not None and year >= 1950 and number[0] > 1:
            yield _diag(
                "FD003", f"first label {label!r}: notes of this era start at 0 or 1", doc, path, offsets
            )
        previous = number


def _markers(doc: m.Document, offsets: dict[Path, tuple[int, int]]) -> Iterator[Diagnostic]:
    for path, node in walk(doc):
        runs = [node.inlines] if isinstance(node, m.Paragraph | m.Plain | m.Heading) else []
        if isinstance(node, m.Document):
            runs = [node.title]
        for run in runs:
            base = ("title",) if isinstance(node, m.Document) else (*path, "inlines")
            for k, inline in enumerate(run):
                if not isinstance(inline, m.NoteRef) or k == 0:
                    continue
                before = run[k - 1]
                if isinstance(before, m.Text) and before.text.endswith((" ", "\n", "\t")):
                    yield _diag(
                        "FD005", f"whitespace before marker {inline.label!r}", doc, (*base, k), offsets
                    )
                if isinstance(before, m.NoteRef):
                    yield _diag(
                        "FD006",
                        f"markers {before.label!r} and {inline.label!r} touch: they read as {before.label + inline.label!r}",
                        doc,
                        (*base, k),
                        offsets,
                    )
    year = _era(None, doc)
    source = doc.source_note
    if source is not None and year is not None and year >= 1950 and source.rend != "inline":
        text = " ".join(plain_text(b.inlines) for b in source.blocks if hasattr(b, "inlines")).strip()
        if not text.startswith("Source:"):
            yield _diag(
                "FD007",
                f"source note starts {text[:30]!r}, not 'Source:'",
                doc,
                ("notes", doc.notes.index(source)),
                offsets,
            )


_PAGE_RANGE = re.compile(r"\bpp\. (\d+)[–-](\d+)|\bpp\. (\d{5,})\b")
_L_DIGIT = re.compile(r"\b(?=\w*\d)(?=\w*l)[0-9l]*(?:\dl|l\d)[0-9l]*\b")


def _text_rules(doc: m.Document, offsets: dict[Path, tuple[int, int]]) -> Iterator[Diagnostic]:
    opening = closing = 0
    first_quote: Path | None = None
    for path, node in walk(doc):
        if not isinstance(node, m.Text):
            continue
        text = node.text
        for match in _PAGE_RANGE.finditer(text):
            if match.group(3):
                yield _diag(
                    "FD008",
                    f"{match.group(0)!r}: a page number this long is likely a range that lost its dash",
                    doc,
                    path,
                    offsets,
                )
            elif int(match.group(2)) < int(match.group(1)) and len(match.group(2)) >= len(match.group(1)):
                yield _diag("FD008", f"{match.group(0)!r} does not ascend", doc, path, offsets)
        for match in _L_DIGIT.finditer(text):
            yield _diag("FD010", f"{match.group(0)!r}: a letter l among digits", doc, path, offsets)
        opening += text.count("“")
        closing += text.count("”")
        if first_quote is None and ("“" in text or "”" in text):
            first_quote = path
    if opening != closing:
        yield _diag(
            "FD009",
            f"{opening} opening and {closing} closing quotation marks",
            doc,
            first_quote or (),
            offsets,
        )


def _dates(
    node: object, doc: m.Document | None, offsets: dict[Path, tuple[int, int]]
) -> Iterator[Diagnostic]:
    for path, child in walk(node):
        if isinstance(child, m.Document) and child is not node and doc is None:
            continue
        low = getattr(child, "not_before", None)
        high = getattr(child, "not_after", None)
        if isinstance(child, m.DateRange | m.DateText) and low and high and _key(low) > _key(high):
            yield _diag("FD011", f"not-before {low} is after not-after {high}", doc, path, offsets)


def _key(stamp: str) -> str:
    # ISO dates compare as strings once the offsets are alike; FRUS uses -05:00 throughout.
    return stamp[:19]


def _references(
    doc: m.Document, volume: m.Volume, offsets: dict[Path, tuple[int, int]]
) -> Iterator[Diagnostic]:
    persons = {p.id for p in volume.persons}
    terms = {t.id for t in volume.terms}
    for path, node in walk(doc):
        if isinstance(node, m.Name) and node.ref:
            if node.kind == "person" and persons and node.ref not in persons:
                yield _diag("FD012", f"person {node.ref!r} is not in the list of persons", doc, path, offsets)
            if node.kind in ("gloss", "term") and terms and node.ref not in terms:
                yield _diag(
                    "FD012", f"term {node.ref!r} is not in the list of abbreviations", doc, path, offsets
                )
        elif isinstance(node, m.Reference):
            try:
                found = resolve(node.target, volume, document=doc)
            except AmbiguousTargetError as exc:
                # a label printed on several notes: say so, never pick one
                yield _diag("FD013", f"{exc} in {doc.id or 'the document'}", doc, path, offsets)
                continue
            if found is None:
                yield _diag(
                    "FD013", f"{node.target.raw!r} points at nothing in {volume.id}", doc, path, offsets
                )
