"""HTML pages for readers: every corpus document's page parses as HTML5 without
an error, its ids are unique, every in-page link lands on an id of the page,
note markers and notes link both ways, text is escaped, and the page reads
the document's text."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, cast

import html5lib
import pytest
from hypothesis import given, settings

import frusdoc
from frusdoc import html
from frusdoc import model as m
from frusdoc.cli import main
from frusdoc.testing import documents, volumes
from tests.corpus import TEI_DIR, text_files

VOLUMES = sorted(TEI_DIR.glob("*.xml"))
PAGES = text_files()


def parse(page: str) -> ET.Element:
    """The page's tree; the parser's errors fail the test (html5lib, strict)."""
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    tree: ET.Element = parser.parse(page)
    assert parser.errors == [], parser.errors[:5]
    assert page.startswith("<!DOCTYPE html>\n")
    return tree


def classes(el: ET.Element) -> set[str]:
    return set((el.get("class") or "").split())


_BLOCK_TAGS = frozenset(
    ["address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"]
)


def reading_text(el: ET.Element) -> str:
    """The text a reader reads, page and note markers left out (the document's
    plain text leaves them out too), whitespace collapsed."""
    parts: list[str] = []

    def visit(node: ET.Element) -> None:
        skip = not isinstance(node.tag, str) or node.tag in ("style", "title", "head")
        skip = skip or bool(classes(node) & {"pb", "noteref"})  # comments are no text either
        # A block element is read apart from the text around it (plain_text
        # separates blocks too): a block inside a heading is no part of its words.
        block = isinstance(node.tag, str) and node.tag in _BLOCK_TAGS
        if not skip:
            parts.append(" " if block else "")
            parts.append(node.text or "")
            for child in node:
                visit(child)
            parts.append(" " if block else "")
        parts.append(node.tail or "")

    visit(el)
    return " ".join("".join(parts).split())


def first_paragraph(tree: ET.Element) -> ET.Element:
    """The first paragraph of the document's text (after the heading and the meta line)."""
    return next(p for p in tree.iter("p") if not classes(p) & {"meta", "volume-title", "volume-id"})


def squash(text: str) -> str:
    return " ".join(text.split())


def has_note(doc: m.Document, ref: m.NoteRef) -> bool:
    """Whether the document has the note ``ref`` points at (by id, or by its
    label; a marker without a label points at a note without one)."""
    if ref.note is not None and any(n.id == ref.note for n in doc.notes):
        return True
    return any(n.label == (ref.label or None) for n in doc.notes)


def shown_markers(doc: m.Document) -> list[m.NoteRef]:
    """The document's note markers the page shows: an emendation shows one
    reading (the corrected one, unless rejected), so the markers of the
    other are not there, nor those inside comments."""
    hidden: set[int] = set()
    for _, node in frusdoc.walk(doc):
        if isinstance(node, m.Emendation):
            side: tuple[object, ...] = node.original if node.status != "rejected" else node.corrected
        elif frusdoc.is_markup(node):  # a comment's content is no text of the page
            side = (node,)
        else:
            continue
        hidden.update(id(n) for child in side for _, n in frusdoc.walk(child))
    return [n for _, n in frusdoc.walk(doc) if isinstance(n, m.NoteRef) and id(n) not in hidden]


def check_page(page: str, doc: m.Document | None = None) -> ET.Element:
    tree = parse(page)
    ids = [el.get("id") or "" for el in tree.iter() if el.get("id") is not None]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    by_id = {el.get("id"): el for el in tree.iter() if el.get("id") is not None}
    for a in tree.iter("a"):
        href = a.get("href") or ""
        assert href, ET.tostring(a)
        if href.startswith("#"):
            assert href[1:] in by_id, href
    if doc is None:
        return tree
    markers = [el for el in tree.iter("sup") if "noteref" in classes(el)]
    notes = [el for el in tree.iter("div") if "note" in classes(el)]
    # Every marker links to a note, and that note links back to the marker.
    for sup in markers:
        link = sup.find("a")
        if link is None:
            continue  # inside a link (links do not nest) or without a note of its label
        note = by_id[(link.get("href") or "")[1:]]
        if classes(note) & {"note-inline", "source-line"}:
            continue  # a note printed in the line, or above the heading, that a second marker names
        assert "note" in classes(note)
        backs = {
            (b.get("href") or "")[1:] for b in note.iter("a") if (b.get("title") or "") == "back to the text"
        }
        assert link.get("id") in backs
    for note in notes:
        for back in note.iter("a"):
            if back.get("title") == "back to the text":
                target = by_id[(back.get("href") or "")[1:]]
                if target.tag == "sup":  # a marker inside a link: it cannot link on
                    assert "noteref" in classes(target)
                else:
                    assert target.tag == "a"
                    assert (target.get("href") or "") == f"#{note.get('id')}"
    # A marker is paired with its note when it links to it, or, inside a link
    # (links do not nest), when the note links back to it.
    backed = {
        (b.get("href") or "")[1:] for n in notes for b in n.iter("a") if b.get("title") == "back to the text"
    }
    resolved = sum(1 for sup in markers if sup.find("a") is not None or sup.get("id") in backed)
    inline = [el for el in tree.iter("span") if "note-inline" in classes(el)]
    # The page's markers are the document's, each with its note when the
    # document has it; a note printed in the line of the text (TEI
    # rend="inline", no label) stands where its marker stood.
    refs = shown_markers(doc)
    assert len(markers) + len(inline) == len(refs)
    assert resolved + len(inline) == sum(1 for r in refs if has_note(doc, r))
    lines = [el for el in tree.iter("div") if "source-line" in classes(el)]
    assert len(notes) + len(lines) + len(inline) == len(doc.notes)
    # The page reads the document's text: its title, each block and each note.
    text = reading_text(tree)
    for node in (m.Heading(inlines=doc.title), *doc.blocks, *doc.notes):
        expected = squash(frusdoc.plain_text(node, reading="corrected"))
        assert expected in text, expected[:200]
    return tree


@pytest.mark.parametrize("path", VOLUMES, ids=lambda p: p.name)
def test_every_document_of_every_tei_volume(path: Path) -> None:
    volume = frusdoc.read(path)
    assert isinstance(volume, m.Volume)
    for doc in volume.documents:
        tree = check_page(html.render(doc, volume=volume), doc)
        h1 = tree.find(".//h1")
        assert h1 is not None
        assert reading_text(h1) == squash(frusdoc.plain_text(doc.title) or f"Document {doc.label}")
        # Names the volume lists are linked to an entry of the page holding the list's words.
        for a in tree.iter("a"):
            if "name" in classes(a):
                entry = tree.find(f".//dt[@id='{(a.get('href') or '')[1:]}']")
                assert entry is not None
                listed = volume.person(entry.get("id") or "") or volume.term(entry.get("id") or "")
                if listed is not None:  # ids are the volume's own unless two would clash
                    assert entry.text == (listed.name if isinstance(listed, m.Person) else listed.term)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_every_text_page(path: Path) -> None:
    doc = frusdoc.read(path)
    assert isinstance(doc, m.Document)
    check_page(html.render(doc), doc)


@pytest.mark.parametrize("path", VOLUMES, ids=lambda p: p.name)
def test_json_documents_give_the_same_pages(path: Path) -> None:
    volume = frusdoc.read(path)
    assert isinstance(volume, m.Volume)
    again = frusdoc.json.loads(frusdoc.json.dumps(volume), type=m.Volume)
    assert [html.render(d, volume=again) for d in again.documents] == [
        html.render(d, volume=volume) for d in volume.documents
    ]


def test_the_corpus_counts() -> None:
    # The parametrised tests above cover this many documents: they must not
    # shrink to nothing unnoticed.
    tei = sum(len(v.documents) for v in (frusdoc.read(p) for p in VOLUMES) if isinstance(v, m.Volume))
    assert (len(VOLUMES), tei, len(PAGES)) == (18, 110, 176)


@pytest.mark.parametrize("path", VOLUMES, ids=lambda p: p.name)
def test_a_volume_as_linked_pages(path: Path) -> None:
    volume = frusdoc.read(path)
    assert isinstance(volume, m.Volume)
    stem = path.stem
    pages = html.render_pages(volume, name=stem)
    assert len(pages) == len(volume.documents) + 1
    index = check_page(pages[f"{stem}.html"])
    contents = [a.get("href") for a in index.iter("a")]
    assert contents == [f"{stem}/{d.id}.html" for d in volume.documents]
    for doc in volume.documents:
        name = f"{stem}/{doc.id}.html"
        tree = check_page(pages[name], doc)
        for a in tree.iter("a"):
            href = a.get("href") or ""
            if not href.startswith(("#", "https://")):
                # a link to another page of the set: it is there
                assert str(Path(name).parent / href).replace(f"{stem}/../", "") in pages, href
    whole = check_page(html.render_volume(volume))
    assert len(list(whole.iter("article"))) == len(volume.documents)


def test_text_is_escaped_and_round_trips_as_text() -> None:
    tricky = 'if a < b && c > d then "e" & <script>alert(1)</script> &amp;'
    doc = m.Document(
        id="d1",
        title=(m.Text(text="1. <b>Not bold</b> & co"),),
        blocks=(
            m.Paragraph(inlines=(m.Text(text=tricky), m.NoteRef(label="1"))),
            m.RawBlock(
                tag="x<y",
                attributes=(("a", '"><script>'),),
                content=(m.Plain(inlines=(m.Text(text="<raw>"),)),),
            ),
        ),
        notes=(m.Note(label="1", blocks=(m.Plain(inlines=(m.Text(text="<note> & more"),)),)),),
    )
    page = html.render(doc)
    tree = check_page(page, doc)
    assert tree.find(".//script") is None
    assert tree.find(".//h1/b") is None
    assert first_paragraph(tree).text == tricky
    h1 = tree.find(".//h1")
    assert h1 is not None
    assert h1.text == "1. <b>Not bold</b> & co"
    raw = next(el for el in tree.iter("div") if "raw" in classes(el))
    assert raw.get("data-tag") == "x<y"
    assert "<raw>" in "".join(raw.itertext())
    title = tree.find(".//title")
    assert title is not None
    assert title.text == "1. <b>Not bold</b> & co"


def test_characters_html_cannot_carry_are_shown_as_stand_ins() -> None:
    doc = m.Document(blocks=(m.Paragraph(inlines=(m.Text(text="a\x00b\x07c\ufffed\x85e\tf"),)),))
    tree = parse(html.render(doc))
    assert first_paragraph(tree).text == "a\u2400b\u2407c\ufffdd\ufffde\tf"


def test_notes_link_both_ways_even_when_referenced_twice() -> None:
    doc = m.Document(
        blocks=(
            m.Paragraph(
                inlines=(
                    m.Text(text="first"),
                    m.NoteRef(label="1", note="d1fn1"),
                    m.Text(text=" again"),
                    m.NoteRef(label="1", note="d1fn1"),
                    m.Text(text=" other"),
                    m.NoteRef(label="2"),
                    m.Text(text=" none"),
                    m.NoteRef(label="9"),
                )
            ),
        ),
        notes=(
            m.Note(label="1", id="d1fn1", blocks=(m.Plain(inlines=(m.Text(text="One."),)),)),
            m.Note(label="2", blocks=(m.Plain(inlines=(m.Text(text="Two, see"), m.NoteRef(label="3"))),)),
            m.Note(label="3", blocks=(m.Plain(inlines=(m.Text(text="Three."),)),)),
        ),
    )
    tree = check_page(html.render(doc), doc)
    links = [(a.get("id"), a.get("href")) for a in tree.iter("a") if a.get("id")]
    assert links == [("ref-1", "#note-1"), ("ref-1-2", "#note-1"), ("ref-2", "#note-2"), ("ref-3", "#note-3")]
    note1 = tree.find(".//div[@id='note-1']")
    assert note1 is not None
    assert [a.get("href") for a in note1.iter("a")] == ["#ref-1", "#ref-1-2"]
    unresolved = [el for el in tree.iter("sup") if "unresolved" in classes(el)]
    assert [el.text for el in unresolved] == ["9"]


def test_names_link_to_the_volume_entries_it_lists() -> None:
    doc = m.Document(
        id="d1",
        volume="frus1961-63v15",
        blocks=(
            m.Paragraph(
                inlines=(
                    m.Name(kind="person", ref="p_RD1", children=(m.Text(text="Rusk"),)),
                    m.Text(text=" met "),
                    m.Name(kind="person", ref="p_XX9", children=(m.Text(text="Nobody"),)),
                    m.Text(text=" at "),
                    m.Name(kind="term", ref="t_NATO1", children=(m.Text(text="NATO"),)),
                    m.Text(text=". "),
                    m.Reference(
                        target=m.DocumentTarget(raw="#d2", document="d2"),
                        children=(
                            m.Text(text="Document 2 with "),
                            m.Name(kind="person", ref="p_RD1", children=(m.Text(text="Rusk"),)),
                        ),
                    ),
                    m.PageBreak(label="7"),
                    m.Reference(target=m.PageTarget(raw="#pg_7", page="7"), children=(m.Text(text="p. 7"),)),
                )
            ),
        ),
    )
    volume = m.Volume(
        id="frus1961-63v15",
        title="Berlin",
        persons=(m.Person(id="p_RD1", name="Rusk, Dean", description=(m.Text(text="Secretary of State"),)),),
        terms=(
            m.Term(
                id="t_NATO1", term="NATO", description=(m.Text(text="North Atlantic Treaty Organization"),)
            ),
        ),
    )
    tree = check_page(html.render(doc, volume=volume), doc)
    links = [(a.get("class"), a.get("href"), "".join(a.itertext())) for a in tree.iter("a")]
    assert links == [
        (None, "https://history.state.gov/historicaldocuments/frus1961-63v15/d1", "history.state.gov"),
        ("name person", "#p_RD1", "Rusk"),
        ("name term", "#t_NATO1", "NATO"),
        ("ref", "https://history.state.gov/historicaldocuments/frus1961-63v15/d2", "Document 2 with Rusk"),
        ("ref", "#page-7", "p. 7"),
    ]
    entries = [(dt.get("id"), dt.text) for dt in tree.iter("dt")]
    assert entries == [("p_RD1", "Rusk, Dean"), ("t_NATO1", "NATO")]
    header = tree.find(".//header")
    assert header is not None
    assert "Berlin" in "".join(header.itertext())
    # Without the volume, names are marked but link nowhere.
    bare = check_page(html.render(doc), doc)
    assert [a.get("class") for a in bare.iter("a")] == [None, "ref", "ref"]


def test_every_block_kind_and_raw_nodes_are_shown() -> None:
    run: tuple[m.Inline, ...] = (
        m.Emphasis(rend="italic", children=(m.Text(text="it"),)),
        m.Emendation(original=(m.Text(text="teh"),), corrected=(m.Text(text="the"),)),
        m.Gap(reason="declassification", children=(m.Text(text="[1 line not declassified]"),)),
        m.Embedded(
            block=m.ListBlock(
                items=(m.ListItem(label="(a)", blocks=(m.Plain(inlines=(m.Text(text="inner"),)),)),)
            )
        ),
        m.RawInline(tag="seg", attributes=(("type", "margin"),), children=(m.Text(text="[201]"),)),
        m.RawInline(tag="#comment", children=(m.Text(text=" a -- b -->"),)),
    )
    doc = m.Document(
        blocks=(
            m.Paragraph(inlines=run),
            m.Heading(inlines=(m.Text(text="head"),)),
            m.Quote(blocks=(m.Paragraph(inlines=(m.Text(text="quoted"),)),)),
            m.Table(
                rows=(
                    m.Row(before=(m.PageBreak(label="3"),), cells=(m.Cell(inlines=(m.Text(text="cell"),)),)),
                )
            ),
            m.Opener(blocks=(m.Dateline(inlines=(m.Text(text="Washington"),)),)),
            m.Closer(blocks=(m.Signed(inlines=(m.Text(text="Hull"),)),)),
            m.Postscript(blocks=(m.Paragraph(inlines=(m.Text(text="P.S."),)),)),
            m.Attachment(
                title=(m.Text(text="Tab A"),),
                id="d1at1",
                blocks=(m.Paragraph(inlines=(m.Text(text="att"),)),),
            ),
            m.RawBlock(tag="salute", content=(m.Plain(inlines=(m.Text(text="Dear Sir:"),)),)),
        )
    )
    page = html.render(doc)
    tree = check_page(page, doc)
    shown = [
        (el.tag, el.get("class"), reading_text(el))
        for el in tree.iter()
        if el.get("class")
        in {
            "p",
            "dateline",
            "signed",
            "opener",
            "closer",
            "postscript",
            "attachment",
            "raw",
            "emendation",
            "gap",
        }
        or el.tag in ("blockquote", "td", "h3")
    ]
    assert shown == [
        ("div", "p", "itthe[1 line not declassified] (a) inner [201]"),
        ("span", "emendation", "the"),
        ("span", "gap", "[1 line not declassified]"),
        ("div", "p", "inner"),
        ("span", "raw", "[201]"),
        ("h3", None, "head"),
        ("blockquote", None, "quoted"),
        ("td", None, "cell"),
        ("div", "opener", "Washington"),
        ("p", "dateline", "Washington"),
        ("div", "closer", "Hull"),
        ("p", "signed", "Hull"),
        ("div", "postscript", "P.S."),
        ("section", "attachment", "Tab A att"),
        ("div", "raw", "Dear Sir:"),
    ]
    emendation = next(el for el in tree.iter("span") if el.get("class") == "emendation")
    assert emendation.get("title") == "printed: teh (proposed)"
    assert [el.get("data-tag") for el in tree.iter() if el.get("class") == "raw"] == ["seg", "salute"]
    assert "<!--  a - -  b - - &gt; -->" in page  # markup stays in the source, never in the text
    printed = parse(html.render(doc, reading="original"))
    assert "teh" in reading_text(printed)


def test_a_page_break_on_the_side_of_an_emendation_not_shown_gets_no_link() -> None:
    # Found by the document property test under random seeds: the break was on the
    # side of a rejected emendation, and a reference to its page linked to an anchor
    # reserved for it that the page never wrote.
    doc = m.Document(
        blocks=(
            m.Paragraph(
                inlines=(
                    m.Reference(target=m.PageTarget(raw="#pg_7", page="7"), children=(m.Text(text="p. 7"),)),
                    m.Text(text=" "),
                    m.Emendation(original=(m.PageBreak(label="7"),), corrected=(m.Text(text="seven"),)),
                )
            ),
        )
    )
    corrected = check_page(html.render(doc), doc)
    assert [a.get("href") for a in corrected.iter("a")] == []
    assert [(s.get("class"), s.text) for s in corrected.iter("span") if "ref" in classes(s)] == [("ref", "p. 7")]
    assert [s.get("id") for s in corrected.iter("span") if "pb" in classes(s)] == []
    # The printed reading shows the break: the reference links to it.
    original = parse(html.render(doc, reading="original"))
    assert [(a.get("href"), a.text) for a in original.iter("a")] == [("#page-7", "p. 7")]
    assert [(s.get("id"), s.text) for s in original.iter("span") if "pb" in classes(s)] == [("page-7", "[Page 7]")]
    # Nor inside a comment, which the page keeps as an HTML comment only.
    hidden = m.Document(
        blocks=(
            m.Paragraph(
                inlines=(
                    m.Reference(target=m.PageTarget(raw="#pg_7", page="7"), children=(m.Text(text="p. 7"),)),
                    m.RawInline(tag="#comment", children=(m.PageBreak(label="7"),)),
                )
            ),
        )
    )
    assert [a.get("href") for a in check_page(html.render(hidden), hidden).iter("a")] == []


def _gap_ending_in_a_block() -> m.Document:
    # A block embedded as the last child of a gap, text after the gap: the
    # smallest form of what random seeds draw for the volume test below.
    embedded = m.Embedded(block=m.Plain(inlines=(m.Text(text="W"),)))
    return m.Document(
        blocks=(m.Paragraph(inlines=(m.Text(text="before "), m.Gap(children=(embedded,)), m.Text(text="A:"))),)
    )


def test_a_block_embedded_at_the_end_of_a_gap_is_read_apart_from_the_text_after_it() -> None:
    tree = parse(html.render(_gap_ending_in_a_block()))
    runs = [el for el in tree.iter("div") if classes(el) == {"p"}]
    assert [reading_text(el) for el in runs] == ["before W A:", "W"]
    gap = next(el for el in tree.iter("span") if "gap" in classes(el))
    assert gap.tail == "A:"


def test_the_page_of_a_gap_ending_in_a_block_reads_plain_text() -> None:
    doc = _gap_ending_in_a_block()
    check_page(html.render(doc), doc)


# Random seeds: the one failure they found here (a page break on the hidden side of an
# emendation, 2 of 200 seeds on 2026-12-01) is fixed: see
# test_a_page_break_on_the_side_of_an_emendation_not_shown_gets_no_link.
@settings(max_examples=60)
@given(documents())
def test_any_document_gives_a_valid_page(doc: m.Document) -> None:
    check_page(html.render(doc))


# Random seeds: the failures they found here (2 of 60 pytest runs of 2026-12-01, seeds
# 541740490 and 522295787) were frusdoc.plain_text running a block embedded at the end of a
# gap into the text after it, now fixed (test_the_page_of_a_gap_ending_in_a_block_reads_plain_text).
# A failure here can take minutes to report: hypothesis shrinks (at most 5 minutes), then
# prints the failing volume, which its pretty-printer does in time exponential in the
# nesting of st.builds values.
@settings(max_examples=15)
@given(volumes())
def test_any_volume_gives_valid_pages(volume: m.Volume) -> None:
    # With a volume, names link to its entries, whose descriptions are text
    # from outside the document (their markers are not the document's).
    for doc in volume.documents:
        check_page(html.render(doc, volume=volume), doc)
    check_page(html.render_volume(volume))
    for page in html.render_pages(volume, name="v").values():
        check_page(page)


def test_wrong_arguments_are_refused_by_name() -> None:
    with pytest.raises(frusdoc.ArgumentTypeError, match="Document"):
        html.render(cast(Any, "d1"))
    with pytest.raises(frusdoc.ArgumentTypeError, match="Volume"):
        html.render(m.Document(), volume=cast(Any, "v"))
    with pytest.raises(frusdoc.ArgumentValueError, match="reading"):
        html.render(m.Document(), reading=cast(Any, "both"))
    with pytest.raises(frusdoc.ArgumentValueError, match="file name"):
        html.render_pages(m.Document(), name="a/b")


def test_write_and_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    volume_path = TEI_DIR / "frus1961-63v15.xml"
    volume = frusdoc.read(volume_path)
    assert isinstance(volume, m.Volume)
    written = html.write(volume, tmp_path / "lib" / "v.html")
    assert [p.relative_to(tmp_path).as_posix() for p in written] == [
        "lib/v.html",
        *sorted(f"lib/v/{d.id}.html" for d in volume.documents),
    ]
    out = tmp_path / "out"
    assert main(["convert", str(volume_path), str(PAGES[0]), "--to", "html", "-o", str(out), "-q"]) == 0
    made = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    assert made == sorted(
        [
            "seed.html",
            "tei/frus1961-63v15.html",
            *(f"tei/frus1961-63v15/{d.id}.html" for d in volume.documents),
        ]
    )
    for d in volume.documents:
        assert (out / "tei/frus1961-63v15" / f"{d.id}.html").read_text(encoding="utf-8") == html.render_pages(
            volume, name="frus1961-63v15"
        )[f"frus1961-63v15/{d.id}.html"]
    # One document to standard output: its page.
    assert main(["convert", str(PAGES[0]), "--to", "html"]) == 0
    seed = frusdoc.read(PAGES[0])
    assert isinstance(seed, m.Document)
    assert capsys.readouterr().out == html.render(seed)
    # A volume to standard output: its documents on one page.
    assert main(["convert", str(volume_path), "--to", "html"]) == 0
    assert capsys.readouterr().out == html.render_volume(volume)


def test_the_verbs_of_a_format_module(tmp_path: Path) -> None:
    volume = frusdoc.read(TEI_DIR / "frus1961-63v15.xml")
    assert isinstance(volume, m.Volume)
    doc = volume.documents[1]
    assert html.dumps(doc, volume=volume) == html.render(doc, volume=volume)
    html.dump(doc, tmp_path / "a" / "d2.html", volume=volume, reading="original")
    assert (tmp_path / "a" / "d2.html").read_text(encoding="utf-8") == html.render(
        doc, volume=volume, reading="original"
    )
    out = io.StringIO()
    html.dump(doc, out)
    assert out.getvalue() == html.render(doc)


def test_html_is_an_output_format_of_convert() -> None:
    from frusdoc import batch

    assert "html" in batch.FORMATS_OUT
    assert batch.SUFFIXES["html"] == ".html"


def test_dates_go_in_time_elements_only_when_html_takes_the_value() -> None:
    doc = m.Document(
        date=m.DateRange(not_before="1962-03-10T00:00:00-05:00", not_after="1962-03-12T23:59:59-05:00"),
        blocks=(
            m.Dateline(
                inlines=(
                    m.DateText(when="1962-03-10", children=(m.Text(text="March 10, 1962"),)),
                    m.Text(text=", "),
                    m.DateText(when="spring 1962", children=(m.Text(text="spring"),)),
                )
            ),
        ),
    )
    tree = check_page(html.render(doc), doc)
    assert [(t.get("datetime"), t.text) for t in tree.iter("time")] == [
        ("1962-03-10T00:00:00-05:00", "1962-03-10 – 1962-03-12"),
        ("1962-03-10", "March 10, 1962"),
    ]
    kept = [(s.get("data-when"), s.text) for s in tree.iter("span") if "date" in classes(s)]
    assert kept == [("spring 1962", "spring")]
