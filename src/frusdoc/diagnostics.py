"""Quality rules for documents and volumes: ``frusdoc.check(doc_or_volume)``.

Each rule has a code, a severity and a one-line explanation (:data:`RULES`);
each finding is a :class:`Diagnostic` that says where it is by an
:class:`~frusdoc.anchor.Anchor`: the node path, and for a finding inside a
text node the stretch of its text. Offsets in the rendered plain text are
derived from the anchor (:meth:`Diagnostic.span`), so a finding stays true
in any layout.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator
from typing import Any, Literal

import attrs

from frusdoc import _args
from frusdoc import model as m
from frusdoc.anchor import Anchor
from frusdoc.pairing import NoteMatcher
from frusdoc.refs import AmbiguousTargetError, VolumeIndex, resolve
from frusdoc.text import spans
from frusdoc.tree import Path, format_path, plain_text, walk

__all__ = ["RULES", "Anchor", "Diagnostic", "Location", "Severity", "check"]

Severity = Literal["error", "warning", "info"]
"""How much a diagnostic matters: an error, a warning, or information."""


@attrs.frozen
class Location:
    """Deprecated (read :attr:`Diagnostic.anchor` and :attr:`Diagnostic.document`):
    document id, node path, offset in the plain text rendered when checked."""

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
    """One finding of :func:`check`.

    ``anchor`` is where it is: the path of a node and, for a finding inside
    a text node (a page range, a quotation mark), the stretch of that node's
    text; ``document`` is the document's id. A finding on a volume as a whole
    (FD015, and FD011 on the volume's own dates) has ``document=None`` and a
    path from the volume.
    """

    code: str
    severity: Severity
    message: str
    anchor: Anchor
    document: str | None = None
    # The document checked, kept only to derive the deprecated
    # ``location.offset``; never compared, never printed.
    _source: m.Document | None = attrs.field(default=None, eq=False, repr=False, alias="_source")

    def span(
        self, doc: m.Document, *, layout: m.TextLayout | Literal["canonical"] | None = None
    ) -> tuple[int, int] | None:
        """Where the finding is in ``frusdoc.text.render(doc)`` (in ``layout`` if given):
        see :meth:`Anchor.span`."""
        return self.anchor.span(doc, layout=layout)

    @property
    def location(self) -> Location:
        """Deprecated: use :attr:`anchor`, :attr:`document` and :meth:`span`."""
        warnings.warn(
            "Diagnostic.location is deprecated: read Diagnostic.anchor and Diagnostic.document, "
            "and Diagnostic.span(doc) for an offset in the rendered text",
            DeprecationWarning,
            stacklevel=2,
        )
        offset = None
        if self._source is not None:
            found = spans(self._source).get(self.anchor.path)
            offset = found[0] if found else None
        return Location(document=self.document, path=self.anchor.path, offset=offset)

    def __str__(self) -> str:
        return f"{self.document or 'document'} {self.anchor}: {self.severity} {self.code}: {self.message}"


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
"""Every rule: its code, mapped to its severity and a one-line explanation."""


def _diag(
    code: str, message: str, doc: m.Document | None, path: Path, offset: int = 0, length: int | None = None
) -> Diagnostic:
    return Diagnostic(
        code=code,
        severity=RULES[code][0],
        message=message,
        anchor=Anchor(path=path, offset=offset, length=length),
        document=doc.id if doc else None,
        _source=doc,
    )


def check(node: m.Document | m.Volume) -> list[Diagnostic]:
    """Every problem found in a document or a volume, in document order.

    A volume is indexed once (:class:`frusdoc.refs.VolumeIndex`: its documents,
    pages, notes, persons and terms), and every cross-reference is looked up in
    the index: the time grows with the size of the volume, not its square.
    """
    _args.expect_node("check(node)", node, (m.Document, m.Volume))
    if isinstance(node, m.Volume):
        index = VolumeIndex.of(node)
        out: list[Diagnostic] = []
        for doc in node.iter_documents():
            out.extend(_document(doc, index))
        out.extend(_dates(walk(node), None))
        out.extend(_document_ids(node))
        return out
    return list(_document(node, None))


# Every node of a document with its path, from one walk that every rule reads.
_Nodes = list[tuple[Path, Any]]


def _document(doc: m.Document, index: VolumeIndex | None) -> Iterator[Diagnostic]:
    nodes: _Nodes = list(walk(doc))
    yield from _notes(doc, nodes)
    yield from _note_ids(doc)
    yield from _labels(doc, index.volume if index else None, nodes)
    yield from _markers(doc, nodes)
    yield from _text_rules(doc, nodes)
    yield from _dates(nodes, doc)
    if index is not None:
        yield from _references(doc, index, nodes)


def _notes(doc: m.Document, nodes: _Nodes) -> Iterator[Diagnostic]:
    matcher = NoteMatcher.for_document(doc)
    for path, ref in ((p, n) for p, n in nodes if isinstance(n, m.NoteRef)):
        if matcher.match_index(ref) is None:
            yield _diag("FD001", f"marker {ref.label!r} has no note", doc, path)
    for i, note in enumerate(doc.notes):
        if not matcher.used[i] and not (note.rend == "inline" and note.label is None):
            label = f"labelled {note.label!r}" if note.label else "without a label"
            yield _diag("FD002", f"note {i + 1} ({label}) has no marker", doc, ("notes", i))
        if note.id and doc.id and not note.id.startswith(f"{doc.id}fn"):
            yield _diag("FD004", f"note id {note.id!r} is not prefixed {doc.id + 'fn'!r}", doc, ("notes", i))


def _note_ids(doc: m.Document) -> Iterator[Diagnostic]:
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
                yield _diag("FD015", message, None, path)
            else:
                first[node.id] = path


def _era(volume: m.Volume | None, doc: m.Document) -> int | None:
    vid = (volume.id if volume else None) or doc.volume or ""
    match = re.match(r"frus(\d{4})", vid)
    return int(match.group(1)) if match else None


def _number(label: str) -> tuple[int, str] | None:
    match = re.fullmatch(r"(\d+)([a-z]?)", label)
    return (int(match.group(1)), match.group(2)) if match else None


def _labels(doc: m.Document, volume: m.Volume | None, nodes: _Nodes) -> Iterator[Diagnostic]:
    year = _era(volume, doc)
    sequence: list[tuple[Path, str, bool]] = []  # path, label, page turned since the previous one
    turned = False
    for path, node in nodes:
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
                yield _diag("FD003", f"label {label!r} does not follow {pn}{ps!s}", doc, path)
        elif year is not None and year >= 1950 and number[0] > 1:
            yield _diag("FD003", f"first label {label!r}: notes of this era start at 0 or 1", doc, path)
        previous = number


def _markers(doc: m.Document, nodes: _Nodes) -> Iterator[Diagnostic]:
    for path, node in nodes:
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
                    yield _diag("FD005", f"whitespace before marker {inline.label!r}", doc, (*base, k))
                if isinstance(before, m.NoteRef):
                    yield _diag(
                        "FD006",
                        f"markers {before.label!r} and {inline.label!r} touch: they read as {before.label + inline.label!r}",
                        doc,
                        (*base, k),
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
            )


_PAGE_RANGE = re.compile(r"\bpp\. (\d+)[–-](\d+)|\bpp\. (\d{5,})\b")
_L_DIGIT = re.compile(r"\b(?=\w*\d)(?=\w*l)[0-9l]*(?:\dl|l\d)[0-9l]*\b")


def _text_rules(doc: m.Document, nodes: _Nodes) -> Iterator[Diagnostic]:
    opening = closing = 0
    first_quote: tuple[Path, int] | None = None  # the text node, the offset in it
    for path, node in nodes:
        if not isinstance(node, m.Text):
            continue
        text = node.text
        for match in _PAGE_RANGE.finditer(text):
            if match.group(3):
                message = f"{match.group(0)!r}: a page number this long is likely a range that lost its dash"
                yield _diag("FD008", message, doc, path, *_stretch(match))
            elif int(match.group(2)) < int(match.group(1)) and len(match.group(2)) >= len(match.group(1)):
                yield _diag("FD008", f"{match.group(0)!r} does not ascend", doc, path, *_stretch(match))
        for match in _L_DIGIT.finditer(text):
            yield _diag("FD010", f"{match.group(0)!r}: a letter l among digits", doc, path, *_stretch(match))
        opening += text.count("“")
        closing += text.count("”")
        if first_quote is None and ("“" in text or "”" in text):
            first_quote = (path, min(i for i in (text.find("“"), text.find("”")) if i >= 0))
    if opening != closing:
        # at the first quotation mark of the document (there is one: the counts differ)
        assert first_quote is not None
        message = f"{opening} opening and {closing} closing quotation marks"
        yield _diag("FD009", message, doc, first_quote[0], first_quote[1], 1)


def _stretch(match: re.Match[str]) -> tuple[int, int]:
    return match.start(), match.end() - match.start()


def _dates(nodes: Iterable[tuple[Path, Any]], doc: m.Document | None) -> Iterator[Diagnostic]:
    # On a volume (doc None) only the volume's own dates: each document's are
    # its own findings, reported with it (walk is pre-order, so a document's
    # nodes follow it and share its path as prefix).
    inside: Path | None = None
    for path, child in nodes:
        if doc is None:
            if inside is not None and path[: len(inside)] == inside:
                continue
            inside = None
            if isinstance(child, m.Document):
                inside = path
                continue
        low = getattr(child, "not_before", None)
        high = getattr(child, "not_after", None)
        if isinstance(child, m.DateRange | m.DateText) and low and high and _key(low) > _key(high):
            yield _diag("FD011", f"not-before {low} is after not-after {high}", doc, path)


def _key(stamp: str) -> str:
    # ISO dates compare as strings once the offsets are alike; FRUS uses -05:00 throughout.
    return stamp[:19]


def _references(doc: m.Document, index: VolumeIndex, nodes: _Nodes) -> Iterator[Diagnostic]:
    persons, terms, volume = index.persons, index.terms, index.volume
    for path, node in nodes:
        if isinstance(node, m.Name) and node.ref:
            if node.kind == "person" and persons and node.ref not in persons:
                yield _diag("FD012", f"person {node.ref!r} is not in the list of persons", doc, path)
            if node.kind in ("gloss", "term") and terms and node.ref not in terms:
                yield _diag("FD012", f"term {node.ref!r} is not in the list of abbreviations", doc, path)
        elif isinstance(node, m.Reference):
            try:
                found = resolve(node.target, volume, document=doc, index=index)
            except AmbiguousTargetError as exc:
                # a label printed on several notes: say so, never pick one
                yield _diag("FD013", f"{exc} in {doc.id or 'the document'}", doc, path)
                continue
            if found is None:
                yield _diag("FD013", f"{node.target.raw!r} points at nothing in {volume.id}", doc, path)
