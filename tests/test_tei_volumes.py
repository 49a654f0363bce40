"""TEI volumes: total readers that agree, XML always well-formed and id-unique,
volumes written from the model's fields. Each test starts from a real file."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from lxml import etree

import frusdoc
from frusdoc import model as m
from frusdoc import tei, testing
from frusdoc.tei.names import TEI, XML
from tests.corpus import TEI_DIR

VOLUMES = sorted(TEI_DIR.glob("*.xml"))
NS = {"t": TEI}
XML_ID = f"{{{XML}}}id"


def _read(name: str) -> m.Volume:
    return tei.read_volume(TEI_DIR / f"{name}.xml")


def _ids(xml: str) -> Counter[str]:
    root = etree.fromstring(xml.encode())
    return Counter(str(el.get(XML_ID)) for el in root.iter() if isinstance(el.tag, str) and el.get(XML_ID))


def _xml_ws(s: str) -> str:
    # TEI's whitespace: runs of space, tab, CR and LF are one space; other spaces are text.
    return re.sub(r"[ \t\r\n]+", " ", s).strip(" ")


def _source(name: str) -> bytes:
    return (TEI_DIR / f"{name}.xml").read_bytes()


# -- one reader, two ways to call it ----------------------------------------------------


@pytest.mark.parametrize("path", VOLUMES, ids=lambda p: p.name)
def test_both_readers_give_equal_documents(path: Path) -> None:
    volume = tei.read_volume(path)
    assert list(tei.iter_documents(path)) == volume.documents
    assert list(tei.iter_documents(path, chunk_size=512)) == volume.documents
    assert tei.read_volume(path, chunk_size=777) == volume
    # the reader of an element tree gives the same volume, and leaves the tree alone
    root = etree.parse(str(path)).getroot()
    before = etree.tostring(root)
    assert tei.volume_element(root) == volume
    assert etree.tostring(root) == before


@pytest.mark.parametrize("path", VOLUMES, ids=lambda p: p.name)
def test_every_corpus_volume_reads_and_writes_back(path: Path) -> None:
    volume = tei.read_volume(path)
    written = tei.write_volume(volume)
    assert max(_ids(written).values(), default=1) == 1
    assert tei.read_volume(written) == volume
    assert tei.normalize(volume) == volume  # what TEI gives is in normal form


# -- what sits where the model does not expect it: kept, and written back there ----------


def test_a_page_break_between_front_and_body_is_outside_the_parts() -> None:
    # frus1901China: </front> <pb n="[2]"/> <pb n="3"/> <body>
    volume = _read("frus1901China")
    between = [(o.place, o.node) for o in volume.outside]
    assert [(place, node.label) for place, node in between if isinstance(node, m.PageBreak)] == [
        ("after-front", "[2]"),
        ("after-front", "3"),
    ]
    root = etree.fromstring(tei.write_volume(volume).encode())
    text = root.find("t:text", NS)
    assert text is not None
    assert [etree.QName(c).localname for c in text] == ["front", "pb", "pb", "body"]
    # the first document starts on the last page seen before it, in both readers
    assert volume.documents[0].page == next(tei.iter_documents(TEI_DIR / "frus1901China.xml")).page


def test_a_note_in_a_chapter_heading_is_a_note_of_the_division() -> None:
    # frus1938v03: <head>Undeclared War Between Japan and China:<note n="1" xml:id="comp1fn1">…
    volume = _read("frus1938v03")
    comp1 = next(d for d in volume.body if isinstance(d, m.Division) and d.id == "comp1")
    refs = [n for n in comp1.title if isinstance(n, m.NoteRef)]
    assert refs == [m.NoteRef(label="1", note="comp1fn1")]
    assert [(n.label, n.id) for n in comp1.notes] == [("1", "comp1fn1")]
    first = comp1.notes[0].blocks[0]
    assert isinstance(first, m.Plain)
    assert frusdoc.plain_text(first.inlines).startswith("Continued from")
    written = tei.write_volume(volume)
    assert _ids(written)["comp1fn1"] == 1
    assert '<head>Undeclared War Between Japan and China:<note n="1" xml:id="comp1fn1">' in written


def test_a_note_in_front_matter_is_kept_typed() -> None:
    # frus1969-76v12: the note on covert actions carries footnotes of its own
    volume = _read("frus1969-76v12")
    section = next(d for d in volume.front if isinstance(d, m.Division) and d.id == "actionsstatement")
    assert section.notes, "the section's footnotes"
    refs = [n for b in section.blocks for _, n in frusdoc.walk(b) if isinstance(n, m.NoteRef)]
    assert [r.note for r in refs] == [n.id for n in section.notes]
    assert all(_ids(tei.write_volume(volume))[n.id or ""] == 1 for n in section.notes)


def test_page_breaks_between_list_items_keep_the_list_typed() -> None:
    # frus1918Russiav03: the list of persons runs over pages VII-VIII
    volume = _read("frus1918Russiav03")
    persons = next(d for d in volume.front if isinstance(d, m.Division) and d.id == "persons")
    (names,) = [b for b in persons.blocks if isinstance(b, m.ListBlock)]
    breaks = [
        (i, p.label) for i, item in enumerate(names.items) for p in item.before if isinstance(p, m.PageBreak)
    ]
    assert breaks and all(isinstance(label, str) for _, label in breaks)
    lansing = volume.person("p_LR1")
    assert lansing is not None and lansing.name == "Lansing, Robert"
    assert len(volume.persons) == len(names.items)


def test_page_breaks_between_table_rows_keep_the_table_typed() -> None:
    # frus1872p2v2: tables that run over pages, <pb/> between rows
    volume = _read("frus1872p2v2")
    tables = [b for _, b in frusdoc.walk(volume) if isinstance(b, m.Table)]
    between = [p for t in tables for r in t.rows for p in r.before if isinstance(p, m.PageBreak)]
    assert between, "page breaks between rows"
    assert tei.read_volume(tei.write_volume(volume)) == volume


def test_a_note_in_a_labelled_list_is_written_once() -> None:
    # frus1952-54v01p1 d4: <list><label>3.</label><item>… Lodge<note n="2" xml:id="d4fn2">…
    volume = _read("frus1952-54v01p1")
    doc = volume.document("d4")
    assert [n.id for n in doc.notes].count("d4fn2") == 1
    written = tei.write_document(doc)
    assert _ids(written)["d4fn2"] == 1
    assert tei.read_document(written) == doc


@pytest.mark.parametrize(
    ("where", "insert"),
    [
        ("//t:body", '<pb n="X1" xml:id="pg_X1"/>'),
        ("//t:text", "<!-- between the parts -->"),
        ("//t:body", '<frus:marker xmlns:frus="http://history.state.gov/frus/ns/1.0">kept</frus:marker>'),
        ("//t:body", '<note n="9" xml:id="bodyfn9">A note between divisions.</note>'),
        ("//t:body", "stray text between divisions"),
        ("/t:TEI", "<standOff><p>kept</p></standOff>"),
        ("//t:body", "<?frus check?>"),
    ],
)
def test_anything_anywhere_is_kept_and_written_back(where: str, insert: str) -> None:
    # a real volume with something inserted before the first child of `where`
    root = etree.fromstring(_source("frus1961-63v15"))
    (parent,) = root.xpath(where, namespaces=NS)
    holder = etree.fromstring(f'<holder xmlns="{TEI}">{insert}</holder>')
    if len(holder):
        parent.insert(0, holder[0])
    else:
        parent.text = (holder.text or "") + (parent.text or "")
    data = etree.tostring(root)
    volume = tei.read_volume(data)
    assert list(tei.iter_documents(data)) == volume.documents
    assert [d.id for d in volume.documents] == ["d1", "d2", "d3", "d4", "d5"]
    written = tei.write_volume(volume)
    assert tei.read_volume(written) == volume
    kept = re.sub(r"\s+", " ", insert.split(">")[-2] if ">" in insert else insert)
    assert kept.split("<")[0].strip(" >") in written


# -- written XML is always well-formed and id-unique ---------------------------------------


def _write_or_refuse(write: Any, value: Any) -> str | None:
    try:
        return str(write(value))
    except frusdoc.FrusdocError as exc:  # only ever for an id the model uses twice
        refused = exc
    assert re.search(r"xml:id '[^']*' is used twice", str(refused)), refused
    return None


@given(testing.documents())
def test_written_documents_are_well_formed_and_id_unique(doc: m.Document) -> None:
    written = _write_or_refuse(tei.write_document, doc)
    if written is not None:
        assert max(_ids(written).values(), default=1) == 1


@given(testing.volumes())
def test_volumes_round_trip_from_the_model(volume: m.Volume) -> None:
    written = _write_or_refuse(tei.write_volume, volume)
    if written is None:
        return
    assert max(_ids(written).values(), default=1) == 1
    back = tei.read_volume(written)
    assert back == tei.normalize(volume)
    assert tei.read_volume(tei.write_volume(back)) == back  # the normal form is a fixed point
    # what is written comes from the fields: documents ...
    assert [attrs.evolve(d, volume=None, page=None) for d in back.documents] == [
        attrs.evolve(tei.normalize(d), volume=None, page=None) for d in volume.documents
    ]
    assert all(d.volume == volume.id for d in back.documents)
    # ... the persons and terms, by id, in order (a repeated id once) ...
    assert [p.id for p in back.persons] == list(dict.fromkeys(p.id for p in volume.persons))
    assert [t.id for t in back.terms] == list(dict.fromkeys(t.id for t in volume.terms))
    # ... and the header facts
    assert [e.role for e in back.editors] == [e.role for e in volume.editors]
    assert [_xml_ws(e.name) for e in volume.editors] == [e.name for e in back.editors]
    assert back.publication_date == (_xml_ws(volume.publication_date or "") or None)
    assert len(back.titles) == max(len(volume.titles), 1 if volume.title is not None else 0)


# -- the model is the source of truth --------------------------------------------------------


def test_edits_made_in_code_are_written() -> None:
    volume = _read("frus1961-63v15")
    rusk = volume.person("p_RD3")
    assert rusk is not None
    newcomer = m.Person(id="p_NEW1", name="Newcomer, Ann", description=(m.Text(text="a new entry"),))
    edited = attrs.evolve(
        volume,
        persons=(
            *(
                attrs.evolve(p, description=(m.Text(text="Secretary of State, 1961–1969"),))
                if p.id == "p_RD3"
                else p
                for p in volume.persons
                if p.id != "p_BGW1"
            ),
            newcomer,
        ),
        title="A retitled volume",
        editors=(m.Editor(name="Someone Else", role="primary"),),
        publication_date="2001",
    )
    back = tei.read_volume(tei.write_volume(edited))
    assert back.person("p_RD3") == attrs.evolve(
        rusk, description=(m.Text(text="Secretary of State, 1961–1969"),)
    )
    assert back.person("p_NEW1") == newcomer
    assert back.person("p_BGW1") is None
    assert [p.id for p in back.persons] == [p.id for p in edited.persons]
    assert back.title == "A retitled volume"
    assert back.editors == (m.Editor(name="Someone Else", role="primary"),)
    assert back.publication_date == "2001"
    assert back.documents == volume.documents  # the rest unchanged
    untouched = [p for p in volume.persons if p.id not in ("p_RD3", "p_BGW1")]
    assert all(back.person(p.id) == p for p in untouched)


def test_a_volume_built_in_code_keeps_its_lists() -> None:
    volume = m.Volume(
        id="frus1999v01",
        title="A volume built in code",
        persons=(
            m.Person(id="p_AD1", name="Acheson, Dean", description=(m.Text(text="Secretary of State"),)),
        ),
        terms=(m.Term(id="t_UN1", term="UN", description=(m.Text(text="United Nations"),)),),
        body=(m.Document(id="d1", title=(m.Text(text="A document"),)),),
    )
    back = tei.read_volume(tei.write_volume(volume))
    assert back.persons == volume.persons
    assert back.terms == volume.terms
    assert back.title == "A volume built in code"
    assert [d.id for d in back.documents] == ["d1"]
    assert back == tei.normalize(volume)


# -- comments and processing instructions are not text -------------------------------------


def test_comments_are_kept_and_are_not_text() -> None:
    source = _source("frus1961-63v15").replace(
        b"<p>In your discussions with",
        b"<p>In your <!-- an editor's remark -->discussions <?frus note?>with",
        1,
    )
    assert source != _source("frus1961-63v15")
    volume = tei.read_volume(source)
    original = _read("frus1961-63v15")
    (doc,) = [d for d in volume.documents if d != original.document(d.id or "")]
    clean = original.document(doc.id or "")
    assert any(frusdoc.is_markup(n) for _, n in frusdoc.walk(doc))
    assert "editor" not in frusdoc.text.render(doc)
    assert frusdoc.word_count(doc) == frusdoc.word_count(clean)
    assert frusdoc.markdown.render(doc) == frusdoc.markdown.render(clean)
    assert "<!-- an editor's remark -->" in tei.write_document(doc)
    for _, node in frusdoc.walk(doc):
        for field in ("inlines", "title"):
            run = getattr(node, field, None)
            if isinstance(run, tuple) and any(frusdoc.is_markup(i) for i in run):
                assert "editor" not in frusdoc.plain_text(run)


def test_raw_nodes_are_counted() -> None:
    volume = _read("frus1961-63v15")
    assert sum(1 for _ in frusdoc.raw_nodes(volume)) == 0  # a fully typed volume
    raw = list(frusdoc.raw_nodes(_read("frus1872p2v2")))
    assert raw and all(isinstance(n, (m.RawBlock, m.RawInline)) for _, n in raw)
    assert not any(path[:1] == ("header",) for path, _ in raw)


def test_explicit_targets_as_frusdoc_0_1_wrote_them_read() -> None:
    ns = 'xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0"'
    old = f'<div {ns} type="document"><p><ref target="#d118fn85" frus:target="note-target" frus:target-note="85">n. 85</ref></p></div>'
    (ref,) = [n for _, n in frusdoc.walk(tei.read_document(old)) if isinstance(n, m.Reference)]
    assert ref.target == m.NoteTarget(raw="#d118fn85", id="d118fn85")
    # a frus:target that is not frusdoc's is kept as an attribute, not refused
    odd = f'<div {ns} type="document"><p><ref target="#d3" frus:target="nonsense">x</ref></p></div>'
    (ref,) = [n for _, n in frusdoc.walk(tei.read_document(odd)) if isinstance(n, m.Reference)]
    assert ref.target == m.DocumentTarget(raw="#d3", document="d3")
    assert ("{http://history.state.gov/frus/ns/1.0}target", "nonsense") in ref.extra
    assert 'frus:target="nonsense"' in tei.write_document(tei.read_document(odd))
