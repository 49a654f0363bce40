"""frusdoc.read and frusdoc.write: every corpus file kind from a path, bytes, a
file object and text; round trips; sniffing; the errors; json.load/dump and the
deprecated positional ``type``."""

from __future__ import annotations

import io
import json as stdjson
import shutil
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any, cast

import pytest

import frusdoc
from frusdoc import batch, markdown, tei
from frusdoc import json as fj
from frusdoc import model as m
from frusdoc import text as ftext
from tests.corpus import TEI_DIR, read, text_files

PAGES = text_files()
VOLUMES = sorted(TEI_DIR.glob("*.xml"))


def _ids(p: Path) -> str:
    return p.name


# -- every kind of corpus file, every kind of source ---------------------------


@pytest.mark.parametrize("path", PAGES, ids=_ids)
def test_page_text_from_every_source(path: Path) -> None:
    content = read(path)
    expected = ftext.parse(content)
    assert frusdoc.read(path) == expected
    assert frusdoc.read(str(path)) == expected
    assert frusdoc.read(path.read_bytes()) == expected
    assert frusdoc.read(io.BytesIO(path.read_bytes())) == expected
    assert frusdoc.read(io.StringIO(content, newline="")) == expected
    assert frusdoc.read(content) == expected  # a str with line breaks is content
    # writing it back as text gives the page, byte for byte
    assert frusdoc.write(expected, "text") == content


@pytest.mark.parametrize("path", VOLUMES, ids=_ids)
def test_tei_volume_from_every_source(path: Path) -> None:
    expected = tei.read_volume(path)
    data = path.read_bytes()
    assert frusdoc.read(path) == expected
    assert frusdoc.read(data) == expected
    with path.open("rb") as fp:
        assert frusdoc.read(fp) == expected
    assert frusdoc.read(data.decode("utf-8")) == expected
    assert frusdoc.read(io.StringIO(data.decode("utf-8"))) == expected


@pytest.mark.parametrize("path", VOLUMES[:4], ids=_ids)
def test_tei_document_text(path: Path) -> None:
    doc = tei.read_volume(path).documents[0]
    xml = tei.write_document(doc)
    assert frusdoc.read(xml) == tei.read_document(xml)
    assert frusdoc.read(xml.encode(), format="tei") == tei.read_document(xml)


@pytest.mark.parametrize("path", VOLUMES, ids=_ids)
def test_json_and_jsonl_round_trip(path: Path, tmp_path: Path) -> None:
    volume = tei.read_volume(path)
    docs = list(volume.documents)

    text = frusdoc.write(volume, "json", tmp_path / "v.json")
    assert (tmp_path / "v.json").read_text(encoding="utf-8") == text
    assert frusdoc.read(tmp_path / "v.json") == volume
    assert frusdoc.read(text) == volume
    assert frusdoc.read(text.encode()) == volume
    assert frusdoc.read(frusdoc.write(volume, "json", compact=True).encode()) == volume

    lines = frusdoc.write(volume, "jsonl", tmp_path / "v.jsonl")
    assert lines.count("\n") == len(docs)
    assert frusdoc.read(tmp_path / "v.jsonl") == docs
    if len(docs) > 1:  # sniffed: one line is one JSON document, no line is page text
        with (tmp_path / "v.jsonl").open(encoding="utf-8") as fp:
            assert frusdoc.read(fp) == docs
    assert frusdoc.read(lines, format="jsonl") == docs
    assert frusdoc.write(docs, "jsonl") == lines


@pytest.mark.parametrize("path", PAGES[:12], ids=_ids)
def test_write_formats_agree_with_the_format_modules(path: Path) -> None:
    doc = ftext.parse(read(path))
    assert frusdoc.write(doc, "markdown") == markdown.render(doc)
    assert frusdoc.write(doc, "tei") == tei.write_document(doc) + "\n"
    assert frusdoc.write(doc, "json") == fj.dumps(doc, indent=True) + "\n"
    assert frusdoc.write(doc, "json", compact=True) == fj.dumps(doc) + "\n"
    assert frusdoc.write(doc, "jsonl") == fj.dumps(doc) + "\n"
    assert frusdoc.read(frusdoc.write(doc, "json")) == doc
    out = io.StringIO()
    assert frusdoc.write(doc, "markdown", out) == out.getvalue()


def test_several_documents_as_text_and_markdown() -> None:
    docs = [ftext.parse(read(p)) for p in PAGES[:3]]
    assert frusdoc.write(docs, "text") == "\n\n\f\n\n".join(ftext.render(d) for d in docs)
    assert frusdoc.write(docs, "markdown") == "\n\n---\n\n".join(markdown.render(d) for d in docs)


# -- sniffing ------------------------------------------------------------------


def test_sniffing_without_suffix(tmp_path: Path) -> None:
    page = PAGES[1]
    volume_path = next(p for p in VOLUMES if len(tei.read_volume(p).documents) > 1)
    volume = tei.read_volume(volume_path)
    shutil.copy(page, tmp_path / "page")
    shutil.copy(volume_path, tmp_path / "volume")
    (tmp_path / "doc.dat").write_text(fj.dumps(volume.documents[0], indent=True), encoding="utf-8")
    frusdoc.write(volume, "jsonl", tmp_path / "lines")

    assert frusdoc.read(tmp_path / "page") == ftext.parse(read(page))
    assert frusdoc.read(tmp_path / "volume") == volume
    assert frusdoc.read(tmp_path / "doc.dat") == volume.documents[0]
    assert frusdoc.read(tmp_path / "lines") == list(volume.documents)
    assert [frusdoc.formats.sniff((tmp_path / n).read_bytes()) for n in ("page", "volume", "doc.dat", "lines")] == [
        "text",
        "tei",
        "json",
        "jsonl",
    ]


def test_given_format_wins_over_the_suffix(tmp_path: Path) -> None:
    doc = ftext.parse(read(PAGES[0]))
    (tmp_path / "doc.txt").write_text(fj.dumps(doc), encoding="utf-8")
    assert frusdoc.read(tmp_path / "doc.txt", format="json") == doc
    # one line of JSON Lines is sniffed as JSON: one document, not a list
    assert frusdoc.read(fj.dumps(doc) + "\n") == doc
    assert frusdoc.read(fj.dumps(doc) + "\n", format="jsonl") == [doc]


def test_batch_load_is_read(tmp_path: Path) -> None:
    volume = tei.read_volume(VOLUMES[0])
    frusdoc.write(volume, "jsonl", tmp_path / "v.jsonl")
    assert batch.load(str(tmp_path / "v.jsonl"), "json") == list(volume.documents)
    assert batch.load(str(VOLUMES[0]), "tei") == volume
    assert batch.render(volume, "jsonl") == frusdoc.write(volume, "jsonl")


# -- errors --------------------------------------------------------------------


def test_unknown_format_names() -> None:
    with pytest.raises(frusdoc.FormatNameError, match="'yaml': expected one of text, json, jsonl, tei") as exc:
        frusdoc.read(b"x", format="yaml")
    assert isinstance(exc.value, ValueError)
    doc = ftext.parse(read(PAGES[0]))
    with pytest.raises(frusdoc.FormatNameError, match="text, json, jsonl, tei, markdown"):
        frusdoc.write(doc, "html")


def test_unreadable_and_unwritable_paths(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    with pytest.raises(frusdoc.FileAccessError, match=r"missing\.json: cannot read") as exc:
        frusdoc.read(missing)
    assert isinstance(exc.value, OSError)
    with pytest.raises(frusdoc.FileAccessError, match="cannot read"):
        frusdoc.read(tmp_path)  # a directory
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(frusdoc.FileAccessError, match="cannot write"):
        frusdoc.write(ftext.parse(read(PAGES[0])), "text", tmp_path / "file" / "under.txt")


def test_wrong_argument_types() -> None:
    # Typed Any: the wrong types are the point of the test.
    wrong: tuple[Any, ...] = (5, None, [b"x"])
    for bad in wrong:
        with pytest.raises(frusdoc.SourceTypeError, match="expected a path, bytes, text or a file object") as exc:
            frusdoc.read(bad)
        assert isinstance(exc.value, TypeError)
    doc = ftext.parse(read(PAGES[0]))
    with pytest.raises(frusdoc.SourceTypeError, match="expected a Document, a Volume or a list of documents"):
        frusdoc.write(cast(Any, m.Paragraph()), "text")
    with pytest.raises(frusdoc.SourceTypeError, match="write them as 'jsonl'"):
        frusdoc.write([doc, doc], "json")
    with pytest.raises(frusdoc.SourceTypeError, match="text file object"):
        frusdoc.write(doc, "text", cast(Any, io.BytesIO()))


def test_bad_content() -> None:
    with pytest.raises(frusdoc.ValidationError, match="not UTF-8") as exc:
        frusdoc.read(b"Page \xff\n", format="text")
    assert [str(p) for p in exc.value.problems] == ["byte 5: invalid UTF-8"]
    with pytest.raises(frusdoc.ValidationError, match="expected a document or a volume, got a Paragraph"):
        frusdoc.read(fj.dumps(m.Paragraph()) + "\n")
    with pytest.raises(tei.TeiError, match="line 1"):
        frusdoc.read(b"<TEI><unclosed></TEI>")


# -- json.load / json.dump -----------------------------------------------------


def test_json_load_and_dump(tmp_path: Path) -> None:
    volume = tei.read_volume(VOLUMES[1])
    fj.dump(volume, tmp_path / "v.json", indent=True)
    assert (tmp_path / "v.json").read_text(encoding="utf-8") == fj.dumps(volume, indent=True)
    loaded: m.Volume = fj.load(tmp_path / "v.json", type=m.Volume)
    assert loaded == volume
    assert fj.load(str(tmp_path / "v.json")) == volume
    with (tmp_path / "v.json").open("rb") as fp:
        assert fj.load(fp, type=m.Volume) == volume
    out = io.StringIO()
    fj.dump(volume.documents[0], out)
    assert fj.loads(out.getvalue(), type=m.Document) == volume.documents[0]
    with pytest.raises(frusdoc.FileAccessError):
        fj.load(tmp_path / "nope.json")


def test_positional_type_is_deprecated() -> None:
    doc = ftext.parse(read(PAGES[0]))
    s = fj.dumps(doc)
    with pytest.warns(DeprecationWarning, match=r"pass the class by keyword, loads\(\.\.\., type=cls\)"):
        assert fj.loads(s, m.Document) == doc
    with pytest.warns(DeprecationWarning, match="from_data"):
        assert fj.from_data(stdjson.loads(s), m.Document) == doc
    with pytest.warns(DeprecationWarning, match="load_lines"):
        lines = fj.load_lines(s + "\n" + s, m.Document)  # the warning comes at the call, not at reading
    assert list(lines) == [doc, doc]
    with pytest.raises(TypeError, match="both by position and by keyword"):
        cast(Any, fj.loads)(s, m.Document, type=m.Document)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert fj.loads(s, type=m.Document) == doc
        assert list(fj.load_lines(s, type=m.Document)) == [doc]


def test_load_lines_keeps_the_error_class() -> None:
    doc = ftext.parse(read(PAGES[0]))
    newer = fj.dumps(doc).replace(f'"frusdoc":"{fj.FORMAT_VERSION}"', '"frusdoc":"2.0"')
    with pytest.raises(frusdoc.FormatVersionError, match=r"line 2"):
        list(fj.load_lines(fj.dumps(doc) + "\n" + newer, type=m.Document))


def test_import_frusdoc_loads_emend_without_the_spellchecker() -> None:
    code = "import sys, frusdoc; assert 'spellchecker' not in sys.modules; print(frusdoc.emend.propose.__name__)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "propose"
