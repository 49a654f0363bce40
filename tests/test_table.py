"""frusdoc.table: rows of real corpus documents, the Parquet output read by DuckDB, CSV read back."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from contextlib import redirect_stderr
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, cast

import attrs
import duckdb
import pyarrow.parquet as pq
import pytest

import frusdoc
from frusdoc import cli, refs, table
from tests.corpus import DATA, TEI_DIR

V15 = TEI_DIR / "frus1961-63v15.xml"
V03 = TEI_DIR / "frus1964-68v03.xml"


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stderr(err):
        code = cli.main(argv, stdout=out)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def v15() -> frusdoc.Volume:
    value = frusdoc.read(V15)
    assert isinstance(value, frusdoc.Volume)
    return value


# -- rows of real documents -----------------------------------------------------------


def test_document_row_of_a_top_secret_memorandum(v15: frusdoc.Volume) -> None:
    row = next(table.document_rows(v15, source="v15.xml"))
    d1 = v15.document("d1")
    assert (row.source, row.ordinal, row.volume, row.id, row.label, row.kind) == (
        "v15.xml",
        0,
        "frus1961-63v15",
        "d1",
        "1",
        "historical-document",
    )
    assert row.title == "1. Memorandum From President Kennedy to Secretary of State Rusk"
    # the whole Washington day of March 9, 1962 (-05:00), as UTC instants
    assert row.start == datetime(1962, 3, 9, 5, 0, tzinfo=UTC)
    assert row.end == datetime(1962, 3, 10, 4, 59, 59, tzinfo=UTC)
    assert (row.start_date, row.end_date) == (date(1962, 3, 9), date(1962, 3, 9))
    assert (row.not_before, row.not_after) == ("1962-03-09T00:00:00-05:00", "1962-03-09T23:59:59-05:00")
    assert row.page == "1"
    assert row.url == "https://history.state.gov/historicaldocuments/frus1961-63v15/d1"
    assert row.source_note == (
        "Source: Kennedy Library, National Security Files, Germany, Berlin. Top Secret. "
        "The source text bears no drafting information."
    )
    assert (row.classification, row.classification_level) == ("Top Secret", "Top Secret")
    assert (row.repository, row.collection) == ("Kennedy Library", "National Security Files")
    assert row.text.startswith(
        "Washington, March 9, 1962.\n\nIn your discussions with Foreign Minister Gromyko"
    )
    assert row.text.endswith("irritating to our Allies.\n\nJohn Kennedy")
    assert (row.word_count, row.note_count, row.reference_count) == (1200, 4, 1)
    assert row.word_count == frusdoc.word_count(d1)


def test_classification_caveats_and_an_offset_other_than_midnight() -> None:
    rows = {r.id: r for r in table.document_rows(frusdoc.read(V03))}
    d1, d4 = rows["d1"], rows["d4"]
    assert (d1.classification, d1.classification_level) == ("Top Secret; Immediate", "Top Secret")
    assert (d4.classification, d4.classification_level) == ("Top Secret; Exdis", "Top Secret")
    # 18:15 at -05:00 is 23:15 UTC, the same calendar day
    assert d1.start == datetime(1965, 6, 12, 23, 15, tzinfo=UTC)
    assert d1.start_date == date(1965, 6, 12)
    assert (d1.word_count, d1.note_count, d1.reference_count) == (2234, 3, 3)


def test_every_corpus_row_agrees_with_the_accessors() -> None:
    for path in sorted(TEI_DIR.glob("*.xml")):
        value = frusdoc.tei.read_volume(path)
        docs = value.documents
        rows = list(table.document_rows(value))
        assert [r.id for r in rows] == [d.id for d in docs]
        for row, doc in zip(rows, docs, strict=True):
            cited = frusdoc.accessors.source_citation(doc)
            assert row.source_note == (None if cited is None else str(cited))
            assert row.note_count == len(doc.notes)
            assert row.reference_count == len(refs.references(doc))
            assert row.url == doc.url
            if doc.title and doc.blocks:  # the document's text is its title, then its body
                assert frusdoc.plain_text(doc) == f"{row.title}\n\n{row.text}"
            if doc.date is not None and doc.date.start is not None:
                assert row.start == doc.date.start
                assert row.start_date == doc.date.start.date()


def test_note_rows_with_the_citations_found(v15: frusdoc.Volume) -> None:
    notes = [r for r in table.note_rows(v15) if r.document == "d5"]
    assert [(n.ordinal, n.id, n.label, n.kind) for n in notes] == [
        (0, "d5fn0", "0", "source"),
        (1, "d5fn1", "1", None),
    ]
    assert notes[0].document_ordinal == 4
    assert notes[0].text == (
        "Source: Department of State, Central Files, 762.0221/3–1062. Secret. "
        "The source text bears no drafting information."
    )
    assert notes[0].citations == ("Central Files", "762.0221/3–1062")
    assert notes[0].citation_kinds == ("files", "decimal-file")
    assert notes[1].citations == ("962.72/3–1162", "Conference Files", "Lot 65 D 533")
    assert notes[1].citation_count == 3


def test_a_page_without_volume_or_id_is_keyed_by_source_and_ordinal(seed_text: str) -> None:
    seed = frusdoc.read(DATA / "seed.txt")
    [doc] = table.document_rows(seed, source="seed.txt")
    assert (doc.volume, doc.id, doc.start, doc.source_note) == (None, None, None, None)
    notes = list(table.note_rows(seed, source="seed.txt"))
    assert [(n.source, n.document_ordinal, n.ordinal, n.label) for n in notes] == [
        ("seed.txt", 0, 0, "80"),
        ("seed.txt", 0, 1, "81"),
        ("seed.txt", 0, 2, "82"),
    ]
    assert notes[0].citations == ("Franklin D. Roosevelt Library", "740.0011 European War 1939/21011a")
    assert notes[2].citation_count == 0


def test_reference_rows_and_their_resolution(v15: frusdoc.Volume) -> None:
    rows = list(table.reference_rows(v15))
    first = rows[0]
    assert (first.document, first.ordinal, first.note_ordinal, first.text) == (
        "d1",
        0,
        2,
        "vol. XIV, Document 277",
    )
    assert (first.target_kind, first.target, first.target_volume, first.target_document) == (
        "document",
        "frus1961-63v14#d277",
        "frus1961-63v14",
        "d277",
    )
    assert first.url == "https://history.state.gov/historicaldocuments/frus1961-63v14/d277"
    assert first.resolved is None  # another volume: cannot be told here
    last = rows[-1]
    assert (last.document, last.text, last.target, last.resolved) == ("d4", "Document 3.", "#d3", True)
    assert [r.target_kind for r in rows].count("volume") == 1


def test_resolved_is_what_refs_resolve_says_on_every_corpus_volume() -> None:
    compared = 0
    for path in sorted(TEI_DIR.glob("*.xml")):
        volume = frusdoc.read(path)
        if not isinstance(volume, frusdoc.Volume):
            continue
        docs = volume.documents
        for row in table.reference_rows(volume):
            doc = docs[row.document_ordinal]
            _, reference = refs.references(doc)[row.ordinal]
            try:
                found = refs.resolve(reference.target, volume, document=doc)
                expected = None if found is NotImplemented else found is not None
            except frusdoc.AmbiguousNoteError:
                expected = None
            assert row.resolved is expected, (path.name, row)
            compared += 1
    assert compared == 121


def test_a_lone_document_resolves_only_what_it_holds(v15: frusdoc.Volume) -> None:
    d4 = v15.document("d4")
    [row] = [r for r in table.reference_rows(d4)]
    assert (row.target, row.resolved) == ("#d3", None)  # d3 is not given: unknown, not missing
    [row] = [r for r in table.reference_rows(v15) if r.document == "d4"]
    assert row.resolved is True


def test_annotate_adds_the_prose_references() -> None:
    seed = frusdoc.read(DATA / "seed.txt")
    assert list(table.reference_rows(seed)) == []
    rows = list(table.reference_rows(seed, annotate=True))
    assert [(r.note_ordinal, r.target_kind, r.scheme, r.target) for r in rows] == [
        (0, "archival", "message", "telegram No. 97, April 14, 1942"),
        (0, "archival", "decimal-file", "740.0011 European War 1939/21011a"),
    ]
    [doc] = table.document_rows(seed, annotate=True)
    assert doc.reference_count == 2


def test_a_date_that_names_no_instant_keeps_its_string() -> None:
    doc = frusdoc.Document(id="d1", date=frusdoc.DateRange(not_before="1962-03-09", not_after=None))
    [row] = table.document_rows(doc)
    assert (row.start, row.start_date, row.not_before, row.end) == (None, None, "1962-03-09", None)


def test_tables_gives_the_three_at_once(v15: frusdoc.Volume, seed_text: str) -> None:
    seed = frusdoc.text.parse(seed_text)
    both = table.tables([v15, seed], source="s")
    assert [r.ordinal for r in both.documents] == [0, 1, 2, 3, 4, 5]
    assert both.documents == tuple(table.document_rows([v15, seed], source="s"))
    assert len(both.notes) == 20 + 3
    assert both.notes[-1].document_ordinal == 5
    assert both.references == tuple(table.reference_rows(v15, source="s"))


# -- columns and schemas ----------------------------------------------------------------


def test_columns_are_the_row_fields_in_order() -> None:
    for name, cls in (
        ("documents", table.DocumentRow),
        ("notes", table.NoteRow),
        ("references", table.ReferenceRow),
    ):
        cols = table.columns(cast(Any, name))
        assert [c.name for c in cols] == [f.name for f in attrs.fields(cls)]
        assert all(c.description for c in cols)
    types = {c.name: (c.type, c.nullable) for c in table.columns("documents")}
    assert types["start"] == ("timestamp", True)
    assert types["start_date"] == ("date", True)
    assert types["word_count"] == ("int64", False)
    assert types["title"] == ("string", False)
    assert {c.name: c.type for c in table.columns("notes")}["citations"] == "list<string>"
    assert {c.name: (c.type, c.nullable) for c in table.columns("references")}["resolved"] == ("bool", True)


def test_arrow_schema() -> None:
    schema = table.arrow_schema("documents")
    assert str(schema.field("start").type) == "timestamp[us, tz=UTC]"
    assert str(schema.field("start_date").type) == "date32[day]"
    assert schema.field("id").nullable and not schema.field("ordinal").nullable
    assert (
        schema.field("classification")
        .metadata[b"description"]
        .startswith(b"the source note's classification")
    )
    assert str(table.arrow_schema("notes").field("citations").type) == "list<item: string>"


def test_wrong_arguments_are_frusdoc_errors() -> None:
    with pytest.raises(frusdoc.ArgumentTypeError):
        table.document_rows(cast(Any, 42))
    with pytest.raises(frusdoc.ArgumentTypeError):
        list(table.note_rows(cast(Any, [frusdoc.Document(), "d1"])))
    with pytest.raises(frusdoc.ArgumentTypeError):
        table.reference_rows(frusdoc.Document(), source=cast(Any, 3))
    with pytest.raises(frusdoc.ArgumentValueError):
        table.columns(cast(Any, "pages"))
    with pytest.raises(frusdoc.ArgumentValueError):
        table.convert_files([], "out", "xlsx")
    with pytest.raises(frusdoc.ArgumentTypeError):
        table.csv_record(cast(Any, "row"))
    with pytest.raises(frusdoc.ArgumentTypeError):
        table.arrow_table(cast(Any, 42), "notes")
    with pytest.raises(frusdoc.ArgumentTypeError):
        table.arrow_table(list(table.document_rows(frusdoc.Document())), "notes")
    with pytest.raises(frusdoc.ArgumentValueError):
        table.arrow_table([], cast(Any, "pages"))
    with pytest.raises(frusdoc.ArgumentTypeError):
        table.write_csv(frusdoc.Document(), cast(Any, 7))
    row = next(table.note_rows(frusdoc.read(V15)))
    with pytest.raises(frusdoc.ModelTypeError):
        attrs.evolve(row, citations=cast(Any, ["Central Files"]))


def test_a_directory_that_is_a_file_is_a_file_access_error(tmp_path: Path) -> None:
    # mkdir's bare FileExistsError was no frusdoc error; the path is named.
    taken = tmp_path / "out"
    taken.write_text("a file", encoding="utf-8")
    for write in (table.write_csv, table.write_parquet):
        with pytest.raises(frusdoc.formats.FileAccessError, match=r"out: cannot write") as info:
            write(frusdoc.Document(id="d1"), taken)
        assert isinstance(info.value, OSError)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert taken.read_text(encoding="utf-8") == "a file"


# -- the corpus as Parquet, read by DuckDB -------------------------------------------------


@pytest.fixture(scope="module")
def corpus_parquet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("parquet")
    code, _, err = _run(["convert", str(DATA), "--to", "parquet", "-o", str(out)])
    # the two answer keys in tests/data/expect are JSON but not frusdoc JSON:
    # reported as every conversion reports a bad input, the rest converted
    assert code == 1
    bad = [line for line in err.splitlines() if "missing format marker" in line]
    assert [line.split(": ")[1] for line in bad] == [
        str(DATA / "expect" / "ocr_errors.json"),
        str(DATA / "expect" / "text_notes.json"),
    ]
    assert err.splitlines()[-1] == f"frusdoc: 194 of 196 files converted, 286 documents -> {out}"
    return out


@pytest.fixture
def sql(corpus_parquet: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    # closed after each test: a connection's threads must not outlive it
    with duckdb.connect() as con:
        yield _views(con, corpus_parquet)


def _views(con: duckdb.DuckDBPyConnection, directory: Path) -> duckdb.DuckDBPyConnection:
    for name in table.TABLES:
        # "references" is an SQL keyword: quoted
        con.execute(f"""CREATE VIEW "{name}" AS SELECT * FROM read_parquet('{directory / name}.parquet')""")
    return con


def test_parquet_row_counts_are_the_stats_counts(
    corpus_parquet: Path, sql: duckdb.DuckDBPyConnection
) -> None:
    code, out, _ = _run(["stats", str(DATA), "--json"])
    assert code == 1  # the same two bad inputs
    total = json.loads(out)["total"]
    con = sql
    counts = {name: con.execute(f'SELECT count(*) FROM "{name}"').fetchone() for name in table.TABLES}
    assert counts == {
        "documents": (total["documents"],),
        "notes": (total["notes"],),
        "references": (total["references"],),
    }
    assert total["documents"] == 286 and total["notes"] == 506 and total["references"] == 121
    assert [f.name for f in pq.read_schema(corpus_parquet / "documents.parquet")] == [
        c.name for c in table.columns("documents")
    ]


def test_duckdb_joins_notes_to_documents(sql: duckdb.DuckDBPyConnection) -> None:
    con = sql
    # every document's note_count is the number of its rows in notes
    mismatched = con.execute(
        """
        SELECT count(*) FROM documents d
        LEFT JOIN (SELECT source, document_ordinal, count(*) AS n FROM notes GROUP BY ALL) c
          ON c.source = d.source AND c.document_ordinal = d.ordinal
        WHERE coalesce(c.n, 0) <> d.note_count
        """
    ).fetchone()
    assert mismatched == (0,)
    top_secret = con.execute(
        """
        SELECT d.volume, d.id, d.start_date, n.id
        FROM notes n JOIN documents d ON n.source = d.source AND n.document_ordinal = d.ordinal
        WHERE n.kind = 'source' AND d.classification_level = 'Top Secret' AND d.id IS NOT NULL
        ORDER BY d.start
        """
    ).fetchall()
    assert top_secret == [
        ("frus1961-63v15", "d1", date(1962, 3, 9), "d1fn0"),
        ("frus1964-68v03", "d1", date(1965, 6, 12), "d1fn1"),  # this volume numbers its source notes 1
        ("frus1964-68v03", "d4", date(1965, 6, 16), "d4fn1"),
    ]
    start = con.execute(
        "SELECT start FROM documents WHERE volume = 'frus1961-63v15' AND id = 'd1'"
    ).fetchone()
    assert start is not None and start[0] == datetime(1962, 3, 9, 5, 0, tzinfo=UTC)
    central = con.execute(
        "SELECT count(*) FROM notes WHERE list_contains(citations, 'Central Files')"
    ).fetchone()
    assert central == (20,)


def test_parquet_holds_the_rows_of_the_library(corpus_parquet: Path, v15: frusdoc.Volume) -> None:
    got = pq.read_table(corpus_parquet / "notes.parquet").to_pylist()
    source = str(V15)
    expected = [attrs.asdict(r, recurse=False) for r in table.note_rows(v15, source=source)]
    mine = [row for row in got if row["source"] == source]
    for row in expected:
        row["citations"] = list(row["citations"])
        row["citation_kinds"] = list(row["citation_kinds"])
    assert mine == expected


def test_jobs_do_not_change_the_tables(corpus_parquet: Path, tmp_path: Path) -> None:
    code, _, _ = _run(["convert", str(DATA), "--to", "parquet", "-o", str(tmp_path), "--jobs", "2", "-q"])
    assert code == 1
    for name in table.TABLES:
        assert pq.read_table(tmp_path / f"{name}.parquet").equals(
            pq.read_table(corpus_parquet / f"{name}.parquet")
        )


# -- CSV ---------------------------------------------------------------------------------------


def _from_csv(column: table.Column, field: str) -> object:
    # What a reader of the CSV does with one field, from the documented encoding.
    if field == "":
        return None if column.nullable else ("" if column.type == "string" else field)
    if column.type == "int64":
        return int(field)
    if column.type == "bool":
        return {"true": True, "false": False}[field]
    if column.type == "timestamp":
        return datetime.fromisoformat(field)
    if column.type == "date":
        return date.fromisoformat(field)
    if column.type == "list<string>":
        return tuple(json.loads(field))
    return field


def test_csv_read_back_gives_the_same_rows(tmp_path: Path) -> None:
    inputs = [DATA / "seed.txt", V15, V03]
    code, _, err = _run(["convert", *map(str, inputs), "--to", "csv", "-o", str(tmp_path)])
    assert code == 0, err
    for name in table.TABLES:
        cols = table.columns(name)
        with open(tmp_path / f"{name}.csv", encoding="utf-8", newline="") as fp:
            records = list(csv.reader(fp))
        assert records[0] == [c.name for c in cols]
        back = [[_from_csv(c, f) for c, f in zip(cols, record, strict=True)] for record in records[1:]]
        rows = [r for path in inputs for r in table.tables(frusdoc.read(path), source=str(path)).rows(name)]
        # CSV has no null: a missing string and an empty one read back alike
        expected = [
            [
                None if v == "" and c.nullable else v
                for c, v in zip(cols, attrs.astuple(r, recurse=False), strict=True)
            ]
            for r in rows
        ]
        assert back == expected
        assert len(back) == {"documents": 12, "notes": 43, "references": 23}[name]


def test_library_writers(tmp_path: Path, v15: frusdoc.Volume) -> None:
    paths = table.write_parquet(v15, tmp_path / "p")
    assert [p.name for p in paths] == ["documents.parquet", "notes.parquet", "references.parquet"]
    assert pq.read_table(paths[0]).column("id").to_pylist() == ["d1", "d2", "d3", "d4", "d5"]
    paths = table.write_csv(table.tables(v15), tmp_path / "c")
    assert [p.name for p in paths] == ["documents.csv", "notes.csv", "references.csv"]
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == [
        "documents.csv",
        "notes.csv",
        "references.csv",
    ]


# -- the command line: bad input, usage, pyarrow missing ---------------------------------------


def test_a_bad_volume_is_reported_and_the_others_converted(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_bytes(V15.read_bytes()[:5000])  # cut inside the first document
    out = tmp_path / "out"
    code, _, err = _run(["convert", str(broken), str(V15), "--to", "csv", "-o", str(out)])
    assert code == 1
    assert err.splitlines()[0].startswith(f"frusdoc: {broken}: ")
    with open(out / "documents.csv", encoding="utf-8", newline="") as fp:
        assert [r[3] for r in csv.reader(fp)] == ["id", "d1", "d2", "d3", "d4", "d5"]


def test_tables_need_an_output_directory() -> None:
    code, _, err = _run(["convert", str(V15), "--to", "parquet"])
    assert code == 2
    assert err == "frusdoc: --to parquet writes documents, notes and references: pass -o DIRECTORY\n"


def test_an_interrupted_conversion_leaves_no_tables(tmp_path: Path) -> None:
    results = table.convert_files([(str(V15), "tei"), (str(V03), "tei")], tmp_path, "parquet")
    assert next(results).documents == 5
    results.close()  # the consumer stops half-way
    assert list(tmp_path.iterdir()) == []


def test_without_pyarrow_parquet_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    code, _, err = _run(["convert", str(V15), "--to", "parquet", "-o", str(tmp_path / "p")])
    assert code == 1
    assert err == (
        "frusdoc: Parquet needs pyarrow: pip install 'frusdoc[table]' (or write CSV: --to csv, write_csv)\n"
    )
    with pytest.raises(table.ExtraMissingError) as info:
        table.write_parquet(frusdoc.Document(), tmp_path / "q")
    assert isinstance(info.value, ImportError) and isinstance(info.value, frusdoc.FrusdocError)
    assert not (tmp_path / "p").exists() and not (tmp_path / "q").exists()
    code, _, _ = _run(["convert", str(V15), "--to", "csv", "-o", str(tmp_path / "c"), "-q"])
    assert code == 0  # CSV needs nothing more


def test_docs_list_every_column_as_it_is() -> None:
    # docs/query.md has one Markdown table per table: column, type, null, holds
    page = (Path(__file__).parent.parent / "docs" / "query.md").read_text(encoding="utf-8")
    for name in table.TABLES:
        section = page.split(f"\n### {name}\n", 1)[1].split("\n\n", 1)[0].strip()
        documented = [
            [cell.strip() for cell in line.strip("|").split(" | ")] for line in section.splitlines()[2:]
        ]
        assert documented == [
            [f"`{c.name}`", c.type, "yes" if c.nullable else "no", c.description] for c in table.columns(name)
        ]


def test_json_lines_documents_are_rows_without_their_volume(tmp_path: Path, v15: frusdoc.Volume) -> None:
    lines = tmp_path / "v15.jsonl"
    lines.write_text(frusdoc.write(v15.documents, "jsonl"), encoding="utf-8")
    code, _, err = _run(["convert", str(lines), "--to", "parquet", "-o", str(tmp_path / "out"), "-q"])
    assert code == 0, err
    documents = pq.read_table(tmp_path / "out" / "documents.parquet")
    assert documents.column("id").to_pylist() == ["d1", "d2", "d3", "d4", "d5"]
    assert documents.column("ordinal").to_pylist() == [0, 1, 2, 3, 4]
    references = pq.read_table(tmp_path / "out" / "references.parquet").to_pylist()
    # "#d3" of d4 points into the volume, which JSON Lines does not give: unknown
    assert [(r["document"], r["target"], r["resolved"]) for r in references][-1] == ("d4", "#d3", None)
