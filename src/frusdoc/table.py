"""The corpus as tables: flat rows of documents, notes and references, for
DuckDB, pandas, Parquet and CSV.

Three tables, each a small frozen row class with a fixed column order and
types (the order of the class's fields; :func:`columns` lists them with their
meaning):

- ``documents`` (:class:`DocumentRow`): one row per document;
- ``notes`` (:class:`NoteRow`): one row per note of a document;
- ``references`` (:class:`ReferenceRow`): one row per
  :class:`~frusdoc.Reference` of a document (its title, blocks and notes).

:func:`document_rows`, :func:`note_rows` and :func:`reference_rows` take a
:class:`~frusdoc.Document`, a :class:`~frusdoc.Volume`, or an iterable of
them and yield rows; :func:`tables` gives all three at once. Rows are joined
on ``(source, ordinal)``: ``ordinal`` numbers the documents given, from 0,
and the notes and references of a document carry it as ``document_ordinal``,
which joins even where a document has no id (a history.state.gov page does
not name its volume or id).

:func:`write_parquet` and :func:`write_csv` write the three tables to a
directory as ``documents.parquet``, ``notes.parquet``, ``references.parquet``
(explicit Arrow schemas, :func:`arrow_schema`; the extra ``table``, pyarrow) or
the same names ending ``.csv`` (standard library); :func:`convert_files` does
it for many input files, in parallel, as ``frusdoc convert … --to parquet``
and ``--to csv`` do.

Dates: ``start`` and ``end`` are instants in UTC (Arrow
``timestamp[us, tz=UTC]``): one column holds one time zone, and FRUS writes
several offsets (``-05:00`` mostly, ``Z``, ``+12:00``), so the instants are
kept exact and comparable, and the values as written, offset included, are
kept in ``not_before`` and ``not_after``. ``start_date`` and ``end_date`` are
the calendar dates at the written offset, the dates FRUS prints: filter years
on them, not on the UTC instants (a day ending ``23:59:59-05:00`` ends the
next day in UTC).
"""

# No ``from __future__ import annotations`` here: the row classes' annotations
# stay real types, from which columns() derives each column's type.
import csv
import functools
import json
import multiprocessing
import os
import types
import typing
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Union

import attrs

from frusdoc import _args, batch, citations, refs
from frusdoc import model as m
from frusdoc._io import FileAccessError
from frusdoc._version import __version__
from frusdoc.accessors import source_citation
from frusdoc.errors import ArgumentTypeError, DateValueError, FrusdocError

# The model's construction checks, from the annotations: a row built by hand
# with a wrong value fails as a model node does (frusdoc.ModelTypeError).
from frusdoc.model._checks import checked
from frusdoc.tree import is_markup, plain_text, walk, word_count

if TYPE_CHECKING:
    import pyarrow

__all__ = [
    "FORMATS",
    "TABLES",
    "Column",
    "DocumentRow",
    "Documents",
    "ExtraMissingError",
    "NoteRow",
    "ReferenceRow",
    "Row",
    "TableName",
    "Tables",
    "arrow_schema",
    "arrow_table",
    "columns",
    "convert_files",
    "csv_record",
    "document_rows",
    "note_rows",
    "reference_rows",
    "tables",
    "write_csv",
    "write_parquet",
]

TableName = Literal["documents", "notes", "references"]
"""The name of one of the three tables: ``documents``, ``notes`` or ``references``."""
TABLES: tuple[TableName, ...] = typing.get_args(TableName)
"""The tables, in the order they are written."""

FORMATS: tuple[str, ...] = ("parquet", "csv")
"""The output formats of :func:`convert_files` (``frusdoc convert --to``)."""


class ExtraMissingError(FrusdocError, ImportError):
    """An optional dependency is not installed (Parquet needs the extra ``table``: pyarrow)."""


def _doc(text: str) -> dict[str, str]:
    return {"doc": text}


# -- the rows ---------------------------------------------------------------------


@attrs.frozen(kw_only=True, field_transformer=checked)
class DocumentRow:
    """One document (table ``documents``)."""

    source: str | None = attrs.field(
        metadata=_doc("the input the document came from (a file path), if given")
    )
    ordinal: int = attrs.field(
        metadata=_doc("the document's place among the documents of its source, from 0")
    )
    volume: str | None = attrs.field(metadata=_doc("volume id (frus1961-63v15)"))
    id: str | None = attrs.field(metadata=_doc("document id (d1)"))
    label: str | None = attrs.field(metadata=_doc("printed number (1)"))
    kind: str | None = attrs.field(metadata=_doc("TEI subtype: historical-document, editorial-note, …"))
    title: str = attrs.field(metadata=_doc("the heading's plain text"))
    start: datetime | None = attrs.field(metadata=_doc("earliest instant the document covers, in UTC"))
    end: datetime | None = attrs.field(metadata=_doc("latest instant the document covers, in UTC"))
    start_date: date | None = attrs.field(metadata=_doc("the calendar date of start at the offset written"))
    end_date: date | None = attrs.field(metadata=_doc("the calendar date of end at the offset written"))
    not_before: str | None = attrs.field(metadata=_doc("start as written (ISO 8601, offset kept)"))
    not_after: str | None = attrs.field(metadata=_doc("end as written (ISO 8601, offset kept)"))
    page: str | None = attrs.field(metadata=_doc("the printed page the document starts on"))
    url: str | None = attrs.field(metadata=_doc("the history.state.gov address"))
    source_note: str | None = attrs.field(metadata=_doc("the source note's plain text"))
    classification: str | None = attrs.field(
        metadata=_doc("the source note's classification marking with caveats (Top Secret; Eyes Only)")
    )
    classification_level: str | None = attrs.field(
        metadata=_doc("the marking's level alone (Top Secret), one of frusdoc.citations.CLASSIFICATIONS")
    )
    repository: str | None = attrs.field(metadata=_doc("where the original is (Kennedy Library)"))
    collection: str | None = attrs.field(metadata=_doc("the collection there (National Security Files)"))
    text: str = attrs.field(metadata=_doc("the body's plain text: blocks, without title and notes"))
    word_count: int = attrs.field(metadata=_doc("words of title, body and notes (frusdoc.word_count)"))
    note_count: int = attrs.field(metadata=_doc("notes of the document"))
    reference_count: int = attrs.field(metadata=_doc("references of the document (rows of references)"))


@attrs.frozen(kw_only=True, field_transformer=checked)
class NoteRow:
    """One note of a document (table ``notes``)."""

    source: str | None = attrs.field(metadata=_doc("the input the document came from, if given"))
    document_ordinal: int = attrs.field(metadata=_doc("the document's ordinal (documents.ordinal)"))
    volume: str | None = attrs.field(metadata=_doc("volume id"))
    document: str | None = attrs.field(metadata=_doc("document id (documents.id)"))
    ordinal: int = attrs.field(metadata=_doc("the note's place among the document's notes, from 0"))
    id: str | None = attrs.field(metadata=_doc("note id (d1fn1)"))
    label: str | None = attrs.field(metadata=_doc("printed marker (1, 84a, *)"))
    kind: str | None = attrs.field(metadata=_doc("TEI type: source, …"))
    text: str = attrs.field(metadata=_doc("the note's plain text"))
    citation_count: int = attrs.field(metadata=_doc("archival citations found in the text"))
    citations: tuple[str, ...] = attrs.field(
        metadata=_doc("each citation's text as printed, in order (frusdoc.citations.find)")
    )
    citation_kinds: tuple[str, ...] = attrs.field(
        metadata=_doc("each citation's kind: decimal-file, lot-file, subject-file, files, library, …")
    )


_TargetKind = Literal["document", "page", "note", "volume", "archival", "publication", "url", "unknown"]

_TARGET_KINDS: dict[type, _TargetKind] = {
    m.DocumentTarget: "document",
    m.PageTarget: "page",
    m.NoteTarget: "note",
    m.VolumeTarget: "volume",
    m.ArchivalTarget: "archival",
    m.PublicationTarget: "publication",
    m.UrlTarget: "url",
    m.UnknownTarget: "unknown",
}


@attrs.frozen(kw_only=True, field_transformer=checked)
class ReferenceRow:
    """One cross-reference of a document (table ``references``)."""

    source: str | None = attrs.field(metadata=_doc("the input the document came from, if given"))
    document_ordinal: int = attrs.field(metadata=_doc("the document's ordinal (documents.ordinal)"))
    volume: str | None = attrs.field(metadata=_doc("volume id of the document"))
    document: str | None = attrs.field(metadata=_doc("id of the document the reference stands in"))
    ordinal: int = attrs.field(metadata=_doc("the reference's place among the document's, from 0"))
    note_ordinal: int | None = attrs.field(
        metadata=_doc("the note it stands in (notes.ordinal), none in title and body")
    )
    text: str = attrs.field(metadata=_doc("the text shown"))
    target_kind: str = attrs.field(
        metadata=_doc("document, page, note, volume, archival, publication, url or unknown")
    )
    target: str = attrs.field(metadata=_doc("the target as written (#d12, frus1942v03#pg_543, Document 3)"))
    target_volume: str | None = attrs.field(metadata=_doc("the volume pointed at; none: the same volume"))
    target_document: str | None = attrs.field(metadata=_doc("the document pointed at (d12)"))
    target_page: str | None = attrs.field(metadata=_doc("the page pointed at"))
    target_note: str | None = attrs.field(metadata=_doc("the note pointed at: its id, else its label"))
    scheme: str | None = attrs.field(metadata=_doc("an archival citation's grammar (decimal-file, …)"))
    url: str | None = attrs.field(metadata=_doc("the target's address, where it has one"))
    resolved: bool | None = attrs.field(
        metadata=_doc(
            "true: found in the volume; false: points into it and is not there; "
            "none: cannot be told here (another volume, an archive, a label fitting several notes)"
        )
    )


Row = Union[DocumentRow, NoteRow, ReferenceRow]
"""A row of any of the three tables."""

_ROW_CLASSES: dict[TableName, type[DocumentRow] | type[NoteRow] | type[ReferenceRow]] = {
    "documents": DocumentRow,
    "notes": NoteRow,
    "references": ReferenceRow,
}


@attrs.frozen(field_transformer=checked)
class Tables:
    """The three tables of some documents, rows in document order."""

    documents: tuple[DocumentRow, ...] = ()
    notes: tuple[NoteRow, ...] = ()
    references: tuple[ReferenceRow, ...] = ()

    def rows(self, table: TableName) -> tuple[Row, ...]:
        """The rows of one table by name."""
        return typing.cast(tuple[Row, ...], getattr(self, _table_name(table, "Tables.rows(table)")))


# -- columns and types --------------------------------------------------------------

ColumnType = Literal["string", "int64", "bool", "timestamp", "date", "list<string>"]


@attrs.frozen(field_transformer=checked)
class Column:
    """A column of a table: ``name``, its ``type`` (``string``, ``int64``,
    ``bool``, ``timestamp`` = ``timestamp[us, tz=UTC]``, ``date``,
    ``list<string>``), whether it can be missing, and what it holds."""

    name: str
    type: ColumnType
    nullable: bool
    description: str


def _column_type(annotation: object) -> tuple[ColumnType, bool]:
    args = typing.get_args(annotation)
    nullable = isinstance(annotation, types.UnionType) and type(None) in args
    base = next(a for a in args if a is not type(None)) if nullable else annotation
    if base == tuple[str, ...]:
        return "list<string>", nullable
    simple: dict[object, ColumnType] = {
        str: "string",
        int: "int64",
        bool: "bool",
        datetime: "timestamp",
        date: "date",
    }
    return simple[base], nullable


def columns(table: TableName) -> tuple[Column, ...]:
    """The columns of ``table`` (``documents``, ``notes``, ``references``), in order."""
    out = []
    for field in attrs.fields(_ROW_CLASSES[_table_name(table, "columns(table)")]):
        kind, nullable = _column_type(field.type)
        out.append(Column(field.name, kind, nullable, field.metadata["doc"]))
    return tuple(out)


def _table_name(table: object, where: str) -> TableName:
    # ``where`` (``columns(table)``) is the place every message names.
    _args.expect_one_of(where, table, TABLES)
    return typing.cast(TableName, table)


# -- building the rows --------------------------------------------------------------

Documents = Union[m.Document, m.Volume, Iterable[Union[m.Document, m.Volume]]]
"""What the row functions take: a document, a volume, or an iterable of them
(the documents of a volume are taken in order, with the volume for resolving
references)."""


def _checked_value(value: object, where: str) -> Documents:
    # Checked when the function is called, not when its rows are first asked for.
    if isinstance(value, (m.Document, m.Volume)):
        return value
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes, bytearray, Tables)):
        return typing.cast(Documents, value)
    _args.wrong_type(where, "a Document, a Volume or an iterable of them", value)


def _units(value: Documents, where: str = "rows(value)") -> Iterator[tuple[m.Document, m.Volume | None]]:
    # Every document given, with the volume it belongs to when that was given.
    items: Iterable[object] = (value,) if isinstance(value, (m.Document, m.Volume)) else value
    for item in items:
        if isinstance(item, m.Document):
            yield item, None
        elif isinstance(item, m.Volume):
            for doc in item.iter_documents():
                yield doc, item
        else:
            _args.wrong_type(f"{where}, an item", "a Document or a Volume", item)


def _flag(value: object, where: str) -> bool:
    _args.expect_bool(where, value)
    return typing.cast(bool, value)


def _source(source: object, where: str) -> str | None:
    _args.expect_str(where, source, optional=True)
    return typing.cast("str | None", source)


def _instant(bounds: m.DateRange | None, which: str) -> tuple[datetime | None, date | None, str | None]:
    # An unparsable bound (a date without time, a time without offset) names no
    # instant: the row keeps the string and leaves the instant and date empty.
    if bounds is None:
        return None, None, None
    written = bounds.not_before if which == "start" else bounds.not_after
    try:
        value = bounds.start if which == "start" else bounds.end
    except DateValueError:
        return None, None, written
    if value is None:
        return None, None, written
    return value.astimezone(UTC), value.date(), written


def _level(marking: str | None) -> str | None:
    if marking is None:
        return None
    return next((c for c in _LEVELS if marking.startswith(c)), None)


_LEVELS = sorted(citations.CLASSIFICATIONS, key=len, reverse=True)  # "Top Secret" before "Secret"


def _body_text(document: m.Document) -> str:
    # The document's plain text is its title and blocks; the body is the
    # blocks alone, joined the way plain_text joins them.
    return "\n\n".join(plain_text(b) for b in document.blocks if not is_markup(b))


def _document_row(document: m.Document, ordinal: int, source: str | None, references: int) -> DocumentRow:
    start, start_date, not_before = _instant(document.date, "start")
    end, end_date, not_after = _instant(document.date, "end")
    cited = source_citation(document)
    note = cited if isinstance(cited, citations.SourceNote) else None
    return DocumentRow(
        source=source,
        ordinal=ordinal,
        volume=document.volume,
        id=document.id,
        label=document.label,
        kind=document.kind,
        title=plain_text(document.title),
        start=start,
        end=end,
        start_date=start_date,
        end_date=end_date,
        not_before=not_before,
        not_after=not_after,
        page=document.page,
        url=document.url,
        source_note=None if cited is None else str(cited),
        classification=note.classification if note else None,
        classification_level=_level(note.classification) if note else None,
        repository=note.repository if note else None,
        collection=note.collection if note else None,
        text=_body_text(document),
        word_count=word_count(document),
        note_count=len(document.notes),
        reference_count=references,
    )


def _note_rows(document: m.Document, ordinal: int, source: str | None) -> Iterator[NoteRow]:
    for position, note in enumerate(document.notes):
        text = plain_text(note)
        found = citations.find(text)
        yield NoteRow(
            source=source,
            document_ordinal=ordinal,
            volume=document.volume,
            document=document.id,
            ordinal=position,
            id=note.id,
            label=note.label,
            kind=note.kind,
            text=text,
            citation_count=len(found),
            citations=tuple(str(f.citation) for f in found),
            citation_kinds=tuple(f.citation.kind for f in found),
        )


class _Index:
    """What resolving targets asks of a volume, looked up once: the answers
    of :func:`frusdoc.refs.resolve`, without walking the volume per target.
    Without a volume (a lone document) only targets inside the document can
    be told found; the rest is unknown."""

    def __init__(self, volume: m.Volume | None, document: m.Document) -> None:
        self.volume = volume
        self.home = volume.id if volume is not None else document.volume
        self.documents: dict[str, m.Document] = {}
        docs = volume.iter_documents() if volume is not None else iter((document,))
        for doc in docs:
            if doc.id is not None:
                self.documents.setdefault(doc.id, doc)
        self.root: m.Volume | m.Document = volume if volume is not None else document

    @functools.cached_property
    def pages(self) -> frozenset[str]:
        # The one walk of the whole volume, only once a page is asked for.
        return frozenset(n.label for _, n in walk(self.root) if isinstance(n, m.PageBreak))

    def resolved(self, target: m.Target, document: m.Document) -> bool | None:
        own = getattr(target, "volume", None)
        if own not in (None, self.home):
            return None  # another volume
        complete = self.volume is not None  # a lone document cannot tell what is missing
        if isinstance(target, m.VolumeTarget):
            return True if complete else None
        if isinstance(target, m.DocumentTarget):
            return True if target.document in self.documents else (False if complete else None)
        if isinstance(target, m.PageTarget):
            return True if target.page in self.pages else (False if complete else None)
        if isinstance(target, m.NoteTarget):
            return self._note(target, document, complete)
        return None  # archives, publications, addresses

    def _note(self, target: m.NoteTarget, document: m.Document, complete: bool) -> bool | None:
        # As refs.resolve with the reference's own document: a note of another
        # document is looked up there, by id when the target knows it, else by
        # its printed label, which may fit several notes (ambiguous: unknown).
        if target.document is not None:
            home = self.documents.get(target.document)
            if home is None:
                return False if complete else None
        else:
            home = document
        if target.id is not None:
            return any(n.id == target.id for n in home.notes)
        if target.label is None:
            return False
        fits = sum(1 for n in home.notes if n.label == target.label)
        return None if fits > 1 else fits == 1


def _target_parts(target: m.Target) -> tuple[str | None, str | None, str | None, str | None, str | None]:
    # (volume, document, page, note, scheme) of a target, where it has them.
    volume = getattr(target, "volume", None)
    if isinstance(target, m.DocumentTarget):
        return volume, target.document, None, None, None
    if isinstance(target, m.PageTarget):
        return volume, None, target.page, None, None
    if isinstance(target, m.NoteTarget):
        return volume, target.document, None, target.id or target.label, None
    if isinstance(target, m.ArchivalTarget):
        return None, None, None, None, target.scheme
    if isinstance(target, m.PublicationTarget):
        return None, None, target.page, None, None
    return volume, None, None, None, None


def _reference_rows(
    document: m.Document, ordinal: int, source: str | None, index: Callable[[], _Index]
) -> list[ReferenceRow]:
    rows: list[ReferenceRow] = []
    for position, (path, reference) in enumerate(refs.references(document)):
        target = reference.target
        volume, doc, page, note, scheme = _target_parts(target)
        rows.append(
            ReferenceRow(
                source=source,
                document_ordinal=ordinal,
                volume=document.volume,
                document=document.id,
                ordinal=position,
                note_ordinal=path[1] if path[:1] == ("notes",) and isinstance(path[1], int) else None,
                text=plain_text(reference.children),
                target_kind=_TARGET_KINDS[type(target)],
                target=target.raw,
                target_volume=volume,
                target_document=doc,
                target_page=page,
                target_note=note,
                scheme=scheme,
                url=target.url,
                resolved=index().resolved(target, document),
            )
        )
    return rows


def _lazy_index(
    volume: m.Volume | None, document: m.Document, cache: dict[int, _Index]
) -> Callable[[], _Index]:
    # One index per volume, built only when one of its documents has a reference.
    def get() -> _Index:
        key = id(volume) if volume is not None else id(document)
        if key not in cache:
            cache.clear()  # the documents come volume by volume: keep one index alive
            cache[key] = _Index(volume, document)
        return cache[key]

    return get


def _prepared(doc: m.Document, annotate: bool) -> m.Document:
    return refs.annotate(doc) if annotate else doc


def document_rows(
    value: Documents, *, source: str | None = None, annotate: bool = False
) -> Iterator[DocumentRow]:
    """One :class:`DocumentRow` per document of ``value`` (a document, a
    volume, or an iterable of them), in order.

    ``source`` fills the ``source`` column (the command line gives each input's
    path); ``ordinal`` numbers the documents given, from 0. With ``annotate``,
    each document is first passed through :func:`frusdoc.refs.annotate`, so
    that prose references (``Document 3``, ``p. 786``) and archival citations
    count as references too; without it the references are those the
    document holds (TEI ``ref``), as ``frusdoc stats`` counts them.
    """
    return _document_rows(
        _checked_value(value, "document_rows(value)"),
        _source(source, "document_rows(source)"),
        _flag(annotate, "document_rows(annotate)"),
    )


def _document_rows(value: Documents, source: str | None, annotate: bool) -> Iterator[DocumentRow]:
    for ordinal, (original, _volume) in enumerate(_units(value, "document_rows(value)")):
        doc = _prepared(original, annotate)
        yield _document_row(doc, ordinal, source, len(refs.references(doc)))


def note_rows(value: Documents, *, source: str | None = None) -> Iterator[NoteRow]:
    """One :class:`NoteRow` per note of every document of ``value``, in order."""
    return _all_note_rows(_checked_value(value, "note_rows(value)"), _source(source, "note_rows(source)"))


def _all_note_rows(value: Documents, source: str | None) -> Iterator[NoteRow]:
    for ordinal, (doc, _volume) in enumerate(_units(value, "note_rows(value)")):
        yield from _note_rows(doc, ordinal, source)


def reference_rows(
    value: Documents, *, source: str | None = None, annotate: bool = False
) -> Iterator[ReferenceRow]:
    """One :class:`ReferenceRow` per reference of every document of ``value``
    (in its title, blocks and notes), in order; ``resolved`` is looked up in the
    volume when ``value`` is or holds one (as :func:`frusdoc.refs.resolve`
    would), and for a lone document only among its own notes and pages.
    ``annotate`` as for :func:`document_rows`."""
    return _all_reference_rows(
        _checked_value(value, "reference_rows(value)"),
        _source(source, "reference_rows(source)"),
        _flag(annotate, "reference_rows(annotate)"),
    )


def _all_reference_rows(value: Documents, source: str | None, annotate: bool) -> Iterator[ReferenceRow]:
    cache: dict[int, _Index] = {}
    for ordinal, (doc, volume) in enumerate(_units(value, "reference_rows(value)")):
        yield from _reference_rows(_prepared(doc, annotate), ordinal, source, _lazy_index(volume, doc, cache))


def tables(value: Documents, *, source: str | None = None, annotate: bool = False) -> Tables:
    """The three tables of ``value`` at once (each document read once)."""
    given = _source(source, "tables(source)")
    annotate = _flag(annotate, "tables(annotate)")
    documents: list[DocumentRow] = []
    notes: list[NoteRow] = []
    references: list[ReferenceRow] = []
    cache: dict[int, _Index] = {}
    for ordinal, (original, volume) in enumerate(_units(_checked_value(value, "tables(value)"), "tables(value)")):
        doc = _prepared(original, annotate)
        found = _reference_rows(doc, ordinal, given, _lazy_index(volume, original, cache))
        documents.append(_document_row(doc, ordinal, given, len(found)))
        notes.extend(_note_rows(doc, ordinal, given))
        references.extend(found)
    return Tables(tuple(documents), tuple(notes), tuple(references))


def _tables_value(value: object, where: str) -> Documents | Tables:
    # Checked before the directory is made: a wrong value leaves nothing behind.
    return value if isinstance(value, Tables) else _checked_value(value, where)


def _tables_of(value: Documents | Tables, source: str | None) -> Tables:
    return value if isinstance(value, Tables) else tables(value, source=source)


# -- Arrow and Parquet ----------------------------------------------------------------


def _pyarrow() -> types.ModuleType:
    try:
        import pyarrow
        import pyarrow.parquet  # the submodule writes the files
    except ImportError:
        raise ExtraMissingError(
            "Parquet needs pyarrow: pip install 'frusdoc[table]' (or write CSV: --to csv, write_csv)"
        ) from None
    module: types.ModuleType = pyarrow
    return module


def arrow_schema(table: TableName) -> "pyarrow.Schema":
    """The Arrow schema of ``table``: the :func:`columns` in order, ``timestamp``
    as ``timestamp[us, tz=UTC]``, ``date`` as ``date32``, ``list<string>`` as a
    list of strings; each field's metadata ``description`` says what it holds.
    Raises :class:`ExtraMissingError` (an ``ImportError``) without pyarrow."""
    pa = _pyarrow()
    kinds = {
        "string": pa.string(),
        "int64": pa.int64(),
        "bool": pa.bool_(),
        "timestamp": pa.timestamp("us", tz="UTC"),
        "date": pa.date32(),
        "list<string>": pa.list_(pa.string()),
    }
    fields = [
        pa.field(c.name, kinds[c.type], nullable=c.nullable, metadata={"description": c.description})
        for c in columns(table)
    ]
    schema: pyarrow.Schema = pa.schema(
        fields, metadata={"frusdoc.table": table, "frusdoc.version": __version__}
    )
    return schema


def arrow_table(rows: Iterable[Row], table: TableName) -> "pyarrow.Table":
    """Rows of ``table`` as a ``pyarrow.Table`` with :func:`arrow_schema`."""
    name = _table_name(table, "arrow_table(table)")
    if isinstance(rows, (str, bytes)) or not isinstance(rows, Iterable):
        _args.wrong_type("arrow_table(rows)", "an iterable of rows", rows)
    pa = _pyarrow()
    schema = arrow_schema(name)
    fields = [c.name for c in columns(name)]
    cls = _ROW_CLASSES[name]
    values: list[list[object]] = [[] for _ in fields]
    for row in rows:
        if type(row) is not cls:
            _args.wrong_type("arrow_table(rows)", f"{cls.__name__} values (the rows of {name})", row)
        for i, field in enumerate(fields):
            values[i].append(getattr(row, field))
    arrays = [pa.array(v, type=f.type) for v, f in zip(values, schema, strict=True)]
    result: pyarrow.Table = pa.Table.from_arrays(arrays, schema=schema)
    return result


def _directory(directory: object, where: str) -> Path:
    _args.expect(where, directory, (str, os.PathLike), "a str or path of a directory")
    path = Path(typing.cast("str | os.PathLike[str]", directory))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file of that name, no permission: the path says which
        raise FileAccessError(path, "write", exc.strerror or str(exc)) from None
    return path


def write_parquet(
    value: Documents | Tables, directory: str | os.PathLike[str], *, source: str | None = None
) -> list[Path]:
    """Write the three tables of ``value`` (or of :class:`Tables`) to
    ``directory`` as ``documents.parquet``, ``notes.parquet`` and
    ``references.parquet``; returns their paths. Needs pyarrow (extra
    ``table``): :class:`ExtraMissingError` otherwise."""
    _pyarrow()
    value = _tables_value(value, "write_parquet(value)")
    _source(source, "write_parquet(source)")
    out = _directory(directory, "write_parquet(directory)")
    with _Sinks(out, "parquet") as sinks:
        sinks.add(_tables_of(value, source))
    return sinks.paths


def write_csv(
    value: Documents | Tables, directory: str | os.PathLike[str], *, source: str | None = None
) -> list[Path]:
    """Write the three tables of ``value`` to ``directory`` as
    ``documents.csv``, ``notes.csv`` and ``references.csv`` (UTF-8, a header
    row, the columns of the Parquet files in the same order); returns their
    paths. Values are written by :func:`csv_record`."""
    value = _tables_value(value, "write_csv(value)")
    _source(source, "write_csv(source)")
    out = _directory(directory, "write_csv(directory)")
    with _Sinks(out, "csv") as sinks:
        sinks.add(_tables_of(value, source))
    return sinks.paths


def csv_record(row: Row) -> list[str]:
    """A row as CSV fields: a missing value is empty (CSV has no null: an
    empty field is a missing value or an empty string), ``true``/``false``,
    integers in decimal, timestamps and dates in ISO 8601
    (``1962-03-09T05:00:00+00:00``, ``1962-03-09``), a list as a JSON array."""
    if not isinstance(row, (DocumentRow, NoteRow, ReferenceRow)):
        raise ArgumentTypeError(f"csv_record(row) takes a row, not {type(row).__name__}")
    return [_csv_value(getattr(row, f.name)) for f in attrs.fields(type(row))]


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, tuple):
        return json.dumps(list(value), ensure_ascii=False)
    return str(value)


_ROW_GROUP = 10_000  # rows of a Parquet row group, at most (a last, smaller one closes the file)


class _Sinks:
    """The three output files of one conversion, written input by input.

    Each file is written under a temporary name and renamed when all inputs
    are in, so that an interrupted conversion leaves no table behind that
    looks complete."""

    def __init__(self, directory: Path, to: str) -> None:
        self.to = to
        self.paths = [directory / f"{t}.{to}" for t in TABLES]
        self.parts = [p.with_name(p.name + ".part") for p in self.paths]
        self.writers: list[typing.Any] = []
        self.files: list[typing.IO[str]] = []
        self.pending: list[list[Row]] = [[] for _ in TABLES]

    def __enter__(self) -> "_Sinks":
        try:
            for table, part in zip(TABLES, self.parts, strict=True):
                if self.to == "parquet":
                    import pyarrow.parquet as pq

                    self.writers.append(pq.ParquetWriter(part, arrow_schema(table), compression="zstd"))
                else:
                    fp = open(part, "w", encoding="utf-8", newline="")
                    self.files.append(fp)
                    writer = csv.writer(fp)
                    writer.writerow([c.name for c in columns(table)])
                    self.writers.append(writer)
        except BaseException:
            self._close()
            self._remove()
            raise
        return self

    def add(self, rows: Tables) -> None:
        """Append one input's rows to the three files."""
        for i, table in enumerate(TABLES):
            batch_rows = rows.rows(table)
            if self.to == "csv":
                self.writers[i].writerows(csv_record(r) for r in batch_rows)
                continue
            # Parquet rows are gathered into large row groups: a group per
            # input (a page is one document) would cost more in metadata than
            # in data, and scans would skip nothing.
            self.pending[i].extend(batch_rows)
            if len(self.pending[i]) >= _ROW_GROUP:
                self._flush(i)

    def _flush(self, i: int) -> None:
        if self.pending[i]:
            self.writers[i].write_table(arrow_table(self.pending[i], TABLES[i]))
            self.pending[i] = []

    def _close(self) -> None:
        if self.to == "parquet":
            for writer in self.writers:
                writer.close()
        for fp in self.files:
            fp.close()

    def _remove(self) -> None:
        for part in self.parts:
            part.unlink(missing_ok=True)

    def __exit__(self, kind: object, *exc: object) -> None:
        try:
            if kind is None and self.to == "parquet":
                for i in range(len(TABLES)):
                    self._flush(i)
        finally:
            self._close()
        if kind is not None:
            self._remove()
            return
        for part, path in zip(self.parts, self.paths, strict=True):
            os.replace(part, path)


# -- many files: the command line -------------------------------------------------------


def _file_tables(source: str, fmt: str) -> tuple[batch.Result, Tables | None]:
    # One input file read and turned into rows; a bad input is a result, never
    # an exception, as for every other conversion (frusdoc.batch).
    try:
        value = batch.load(source, fmt)
        values: Documents = value if not isinstance(value, list) else tuple(value)
        rows = tables(values, source=source)
    except (FrusdocError, OSError) as exc:
        return batch.Result(source=source, error=str(exc)), None
    return batch.Result(source=source, documents=len(rows.documents)), rows


def convert_files(
    inputs: Sequence[tuple[str, str]], directory: str | os.PathLike[str], to: str, *, jobs: int = 1
) -> Generator[batch.Result, None, None]:
    """Convert many input files, given as ``(path, format)`` pairs (format
    ``text``, ``json`` or ``tei``), into one set of three tables in
    ``directory`` (``to``: ``parquet`` or ``csv``), reading ``jobs`` files in
    parallel. Yields one :class:`frusdoc.batch.Result` per input, in input
    order; a bad input is reported in its result (``error``) and leaves no
    rows, the others are still converted. The rows are written in input
    order, whatever ``jobs``; the files appear when the last input is in, and
    a generator closed before that (or an error) leaves none behind.

    With ``jobs`` above 1 the workers are spawned processes (not forked: the
    open Parquet writers hold pyarrow's threads), so a script calling this
    needs the usual ``if __name__ == "__main__":`` guard.
    """
    _args.expect_one_of("convert_files(to)", to, FORMATS)
    _args.expect_int("convert_files(jobs)", jobs)
    if isinstance(inputs, (str, bytes)) or not isinstance(inputs, Iterable):
        _args.wrong_type("convert_files(inputs)", "(path, format) pairs", inputs)
    pairs = list(inputs)
    for pair in pairs:
        if not (isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(p, str) for p in pair)):
            _args.wrong_type("convert_files(inputs)", "(path, format) pairs of str", pair)
    if to == "parquet":
        _pyarrow()  # before any input is read: say what is missing at once
    return _convert(pairs, _directory(directory, "convert_files(directory)"), to, jobs)


def _convert(
    pairs: list[tuple[str, str]], out: Path, to: str, jobs: int
) -> Generator[batch.Result, None, None]:
    with _Sinks(out, to) as sinks:
        if jobs <= 1 or len(pairs) <= 1:
            done: Iterable[tuple[batch.Result, Tables | None]] = (_file_tables(s, f) for s, f in pairs)
        else:
            # Spawned, not forked: the parent holds pyarrow's threads (the
            # Parquet writers are open), and a fork of a threaded process can
            # deadlock or crash in the child.
            pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"))
            # map keeps the input order, so the tables do not depend on jobs
            done = pool.map(_file_tables, *zip(*pairs, strict=True))
        try:
            for result, rows in done:
                if rows is not None:
                    sinks.add(rows)
                yield attrs.evolve(result, target=str(out))
        finally:
            if jobs > 1 and len(pairs) > 1:
                pool.shutdown(cancel_futures=True)
