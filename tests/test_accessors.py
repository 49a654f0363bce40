"""The accessors downstream tools ask for first, tried on the real corpus:
dates as instants, addresses, parsed source notes, the text of any node,
names, senders and recipients, note and document lookups."""

from __future__ import annotations

import functools
import zoneinfo
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest
from hypothesis import given

import frusdoc
from frusdoc import accessors, citations, tei, testing
from frusdoc import model as m
from tests.corpus import TEI_DIR, read, text_files

EST = timezone(timedelta(hours=-5))


@functools.cache
def volume(name: str) -> m.Volume:
    return tei.read_volume(TEI_DIR / f"{name}.xml")


def doc(name: str, id: str) -> m.Document:
    return volume(name).document(id)


def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except zoneinfo.ZoneInfoNotFoundError:  # pragma: no cover - a system without the tz database
        pytest.skip("no time-zone database")


# -- dates --------------------------------------------------------------------------


def test_a_date_only_document_spans_its_washington_day() -> None:
    date_range = doc("frus1961-63v15", "d1").date
    assert date_range is not None
    assert date_range.start == datetime(1962, 3, 9, 0, 0, 0, tzinfo=EST)
    assert date_range.end == datetime(1962, 3, 9, 23, 59, 59, tzinfo=EST)
    # the offset is kept as written, so the calendar date is the printed one
    assert date_range.start.utcoffset() == timedelta(hours=-5)
    assert (date_range.start.date(), date_range.end.date()) == (date(1962, 3, 9), date(1962, 3, 9))
    # converting to UTC first would move the end into the next day
    assert date_range.end.astimezone(UTC).date() == date(1962, 3, 10)


def test_minute_precision_meeting_times() -> None:
    # "the meeting was held at the White House from 12:24 to 12:41 p.m." (April 1,
    # 1969, before daylight saving time began on April 27)
    date_range = doc("frus1969-76v19p1", "d5").date
    assert date_range is not None and date_range.start is not None and date_range.end is not None
    assert date_range.start.astimezone(UTC) == datetime(1969, 4, 1, 17, 24, tzinfo=UTC)
    assert date_range.end - date_range.start == timedelta(minutes=17)
    washington = _zone("America/New_York")
    assert date_range.start.astimezone(washington).strftime("%H:%M %Z") == "12:24 EST"


def test_a_fixed_minus_five_offset_all_year_gives_true_instants() -> None:
    # frus1964-68v03 writes instants at -05:00 even in summer: "Washington, June
    # 14, 1965, 8:50 p.m." (daylight time) is 19:50-05:00, and "Saigon, June 13,
    # 1965, 7:15 a.m." is 18:15-05:00 the day before.
    washington = _zone("America/New_York")
    d3 = doc("frus1964-68v03", "d3").date
    assert d3 is not None and d3.start is not None
    assert d3.not_before == "1965-06-14T19:50:00-05:00"
    assert d3.start.astimezone(washington).strftime("%B %d, %H:%M %Z") == "June 14, 20:50 EDT"
    d1 = doc("frus1964-68v03", "d1").date
    assert d1 is not None and d1.start is not None
    assert d1.start.astimezone(_zone("Asia/Saigon")).strftime("%B %d, %H:%M") == "June 13, 07:15"
    # frus1949v07p1 likewise: "Paris, January 14, 1949—2 p. m." is 08:00-05:00
    paris = doc("frus1949v07p1", "d1").date
    assert paris is not None and paris.start is not None
    assert paris.start.astimezone(_zone("Europe/Paris")).hour == 14


def test_other_offsets_are_kept_as_written() -> None:
    # frus1938v03 writes Z, frus1949v07p1's Wellington chapter +12:00
    hankow = doc("frus1938v03", "d1").date
    assert hankow is not None and hankow.start == datetime(1938, 1, 1, 22, tzinfo=UTC)
    chapter = next(
        n for _, n in frusdoc.walk(volume("frus1949v07p1")) if isinstance(n, m.Division) and n.id == "ch2"
    )
    assert chapter.date is not None and chapter.date.start is not None
    assert chapter.date.start.utcoffset() == timedelta(hours=12)
    assert chapter.date.start.isoformat() == "1949-03-03T00:00:00+12:00"


def test_every_corpus_date_reads_as_an_aware_datetime() -> None:
    ranges = [
        n
        for path in sorted(TEI_DIR.glob("*.xml"))
        for _, n in frusdoc.walk(volume(path.stem))
        if isinstance(n, m.DateRange)
    ]
    instants = [d for r in ranges for d in (r.start, r.end) if d is not None]
    # every frus:doc-dateTime-min/max of the copied volumes, and 12 volumes' coverage
    assert len(instants) == 300 + 2 * 12
    assert all(d.tzinfo is not None for d in instants)
    assert all(r.start <= r.end for r in ranges if r.start and r.end)


def test_unknown_bounds_are_none() -> None:
    assert m.DateRange().start is None
    assert m.DateRange(not_after="1962-03-09T23:59:59-05:00").start is None


@pytest.mark.parametrize(
    "value",
    [
        "1962-03-09",  # a date alone is no instant
        "1962-03-09T00:00:00",  # nor is a time without offset (TEI's <date when> form)
        "March 9, 1962",
        "1962-02-30T00:00:00-05:00",  # no such day
        "1962-03-09T24:00:00-05:00",
        "1962-03-09 00:00:00-05:00",
        "",
    ],
)
def test_a_value_that_is_no_instant_raises(value: str) -> None:
    with pytest.raises(frusdoc.DateValueError) as info:
        _ = m.DateRange(not_before=value).start
    assert isinstance(info.value, ValueError) and isinstance(info.value, frusdoc.FrusdocError)
    assert str(info.value).startswith(f"DateRange.not_before is {value!r}, not an ISO 8601 date-time")
    with pytest.raises(frusdoc.DateValueError, match="not_after"):
        _ = m.DateRange(not_after=value).end


# -- addresses ------------------------------------------------------------------------


def test_document_url() -> None:
    assert (
        doc("frus1961-63v15", "d1").url == "https://history.state.gov/historicaldocuments/frus1961-63v15/d1"
    )
    assert doc("frus1918Russiav03", "d385").url == (
        "https://history.state.gov/historicaldocuments/frus1918Russiav03/d385"
    )
    assert m.Document(id="d1").url is None
    assert m.Document(volume="frus1961-63v15").url is None
    # the same address a reference to the document has
    target = m.DocumentTarget(raw="frus1961-63v15#d1", volume="frus1961-63v15", document="d1")
    assert target.url == doc("frus1961-63v15", "d1").url


# -- source notes ---------------------------------------------------------------------


def test_source_citation_of_a_kennedy_library_note() -> None:
    cited = accessors.source_citation(doc("frus1961-63v15", "d1"))
    assert isinstance(cited, citations.SourceNote)
    assert cited.repository == "Kennedy Library"
    assert cited.collection == "National Security Files"
    assert cited.locators == ("Germany", "Berlin")
    assert cited.classification == "Top Secret"
    assert cited.remarks == ("The source text bears no drafting information.",)
    assert str(cited) == frusdoc.plain_text(doc("frus1961-63v15", "d1").note("0"))


def test_source_citation_of_a_note_with_names_inside() -> None:
    # the source note of d5 holds <persName>s; its text is read through them
    cited = accessors.source_citation(doc("frus1969-76v19p1", "d5"))
    assert isinstance(cited, citations.SourceNote)
    assert cited.repository == "National Archives"
    assert cited.collection == "Nixon Presidential Materials"
    assert cited.classification == "Secret; Sensitive"
    assert cited.remarks[0] == "Presumably drafted by Sneider."


def test_source_citation_of_a_1918_file_number() -> None:
    cited = accessors.source_citation(doc("frus1918Russiav03", "d385"))
    assert cited == citations.DecimalFile("File No. 861.77/460", "861.77", "460")


def test_no_source_note_no_citation() -> None:
    assert accessors.source_citation(doc("frus1901China", "d1")) is None


# -- plain text -----------------------------------------------------------------------


def test_plain_text_of_a_real_document() -> None:
    d1 = doc("frus1961-63v15", "d1")
    text = frusdoc.plain_text(d1)
    assert text.startswith(
        "1. Memorandum From President Kennedy to Secretary of State Rusk\n\n"
        "Washington, March 9, 1962.\n\n"
        "In your discussions with Foreign Minister Gromyko at Geneva, you should"
    )
    assert "Source:" not in text  # notes only when asked for
    with_notes = frusdoc.plain_text(d1, notes=True)
    assert with_notes.startswith(text + "\n\nSource: Kennedy Library")
    assert "\n\nRusk was in Geneva March 10–27" in with_notes
    assert "\n\n0 Source: Kennedy Library" in frusdoc.plain_text(d1, notes=True, markers=True)
    # a list inside the paragraph is set off, its items one a line after their labels
    assert "for your guidance: \n\n1. We anticipate that, at an appropriate stage" in text
    assert text.endswith("\n\nJohn Kennedy")


def test_plain_text_of_notes_blocks_and_single_inlines() -> None:
    d1 = doc("frus1961-63v15", "d1")
    assert frusdoc.plain_text(d1.note("1")) == (
        "Rusk was in Geneva March 10–27 for a meeting of the Eighteen-Nation Committee on "
        "Disarmament March 14–June 14."
    )
    dateline = next(b for b in d1.blocks if isinstance(b, m.Dateline))
    assert frusdoc.plain_text(dateline) == "Washington, March 9, 1962."
    assert frusdoc.plain_text(dateline) == frusdoc.plain_text(dateline.inlines)
    sender = accessors.senders(d1)[0]
    assert frusdoc.plain_text(sender) == "Kennedy"
    assert frusdoc.plain_text(m.NoteRef(label="1"), markers=True) == "1"
    assert frusdoc.plain_text(m.PageBreak(label="543"), page_breaks=True) == "[Page 543]"


def test_plain_text_of_lists_tables_and_embedded_blocks() -> None:
    listing = m.ListBlock(
        head=(m.Text(text="Participants"),),
        items=(
            m.ListItem(label="A.", blocks=(m.Plain(inlines=(m.Text(text="The President"),)),)),
            m.ListItem(blocks=(m.Plain(inlines=(m.Text(text="Secretary Rusk"),)),)),
        ),
    )
    assert frusdoc.plain_text(listing) == "Participants\nA. The President\nSecretary Rusk"
    table = m.Table(
        rows=(
            m.Row(cells=(m.Cell(inlines=(m.Text(text="a"),)), m.Cell(inlines=(m.Text(text="b"),)))),
            m.Row(cells=(m.Cell(inlines=(m.Text(text="c"),)),)),
        )
    )
    assert frusdoc.plain_text(table) == "a\tb\nc"
    paragraph = m.Paragraph(
        inlines=(m.Text(text="as follows:"), m.Embedded(block=listing), m.Text(text="end"))
    )
    assert frusdoc.plain_text(paragraph) == (
        "as follows:\n\nParticipants\nA. The President\nSecretary Rusk\n\nend"
    )
    # a run of inlines is the run's own text, as before
    assert frusdoc.plain_text(paragraph.inlines) == "as follows:end"
    # a block that ends a gap, a highlight or the side of an emendation read is set off from
    # the text after it as one standing in the run itself (found by the HTML page property)
    for wrap in (
        lambda b: m.Gap(children=(m.Embedded(block=b),)),
        lambda b: m.Emphasis(rend="italic", children=(m.Text(text="x "), m.Name(kind="person", children=(m.Embedded(block=b),)))),
        lambda b: m.Emendation(original=(m.Embedded(block=b),), corrected=(m.Text(text="y"),)),
    ):
        wrapped = m.Paragraph(inlines=(m.Text(text="as follows:"), wrap(listing), m.Text(text="end")))
        assert frusdoc.plain_text(wrapped).endswith("Secretary Rusk\n\nend")
    emended = m.Paragraph(
        inlines=(m.Emendation(original=(m.Embedded(block=listing),), corrected=(m.Text(text="y"),)), m.Text(text="end"))
    )
    assert frusdoc.plain_text(emended, reading="corrected") == "yend"  # the side read decides
    comment = m.RawBlock(tag="#comment", content=(m.Plain(inlines=(m.Text(text="editor"),)),))
    quote = m.Quote(blocks=(m.Paragraph(inlines=(m.Text(text="one"),)), comment, m.Paragraph()))
    assert frusdoc.plain_text(quote) == "one\n\n"
    assert frusdoc.plain_text(comment) == ""
    assert frusdoc.plain_text(m.RawInline(tag="#pi", children=(m.Text(text="x"),))) == ""


def test_plain_text_of_volume_entries_and_data_nodes() -> None:
    v15 = volume("frus1961-63v15")
    rusk = v15.person("p_RD3")
    assert rusk is not None and frusdoc.plain_text(rusk) == "Rusk, Dean, Secretary of State"
    assert frusdoc.plain_text(m.Title(text="Berlin Crisis", kind="volume")) == "Berlin Crisis"
    assert frusdoc.plain_text(m.DateRange(not_before="1962-03-09T00:00:00-05:00")) == ""
    assert frusdoc.plain_text(m.UrlTarget(raw="https://example.org")) == ""
    whole = frusdoc.plain_text(v15)
    assert frusdoc.plain_text(doc("frus1961-63v15", "d1")) in whole


def test_plain_text_refuses_what_is_no_node() -> None:
    wrong_values: list[Any] = [5, None, "text", b"bytes", (m.Paragraph(),), [object()]]
    for wrong in wrong_values:
        with pytest.raises(frusdoc.NodeTypeError) as info:
            frusdoc.plain_text(wrong)
        assert isinstance(info.value, TypeError)
        assert "plain_text()" in str(info.value)


def test_accessors_refuse_what_is_no_document() -> None:
    v15 = volume("frus1961-63v15")
    d1 = v15.document("d1")
    wrong: Any = v15
    doc_as_volume: Any = d1
    nothing: Any = None
    calls: list[Callable[[], object]] = [
        lambda: accessors.source_citation(wrong),
        lambda: accessors.senders(wrong),
        lambda: accessors.recipients(wrong),
        lambda: accessors.person_mentions(wrong, v15),
        lambda: accessors.person_mentions(d1, doc_as_volume),
        lambda: accessors.persons(nothing, v15),
        lambda: accessors.names(nothing),
    ]
    for call in calls:
        with pytest.raises(frusdoc.NodeTypeError, match=r"must be a|takes a model node") as info:
            call()
        assert isinstance(info.value, TypeError)


def test_plain_text_survives_deep_blocks() -> None:
    block: m.Block = m.Paragraph(inlines=(m.Text(text="deep"),))
    for _ in range(5000):
        block = m.Quote(blocks=(block,))
    assert frusdoc.plain_text(block) == "deep"


@given(testing.documents())
def test_a_document_text_is_its_title_and_blocks(document: m.Document) -> None:
    parts = [frusdoc.plain_text(m.Heading(inlines=document.title))] if document.title else []
    parts += [frusdoc.plain_text(b) for b in document.blocks if not frusdoc.is_markup(b)]
    assert frusdoc.plain_text(document) == "\n\n".join(parts)


def test_every_real_document_and_note_has_text() -> None:
    for path in sorted(TEI_DIR.glob("*.xml")):
        for d in volume(path.stem).iter_documents():
            assert frusdoc.plain_text(d, notes=True).strip()
            assert all(frusdoc.plain_text(n).strip() for n in d.notes)


def test_the_text_of_a_page_read_from_history_state_gov() -> None:
    # a page read from history.state.gov: its text is the body of the page
    seed = frusdoc.text.parse(read(text_files()[0]))
    assert frusdoc.plain_text(seed).startswith(frusdoc.plain_text(seed.title) + "\n\n")
    assert frusdoc.plain_text(seed).startswith("President Roosevelt to the President of the Council")
    assert frusdoc.plain_text(seed).endswith("\n\nFranklin D. Roosevelt")


# -- names, persons, senders ------------------------------------------------------------


def test_sender_and_recipient_of_a_kennedy_memorandum() -> None:
    d1 = doc("frus1961-63v15", "d1")
    assert [(n.kind, n.ref, frusdoc.plain_text(n)) for n in accessors.senders(d1)] == [
        ("person", "p_KJF2", "Kennedy")
    ]
    assert [(n.ref, frusdoc.plain_text(n)) for n in accessors.recipients(d1)] == [("p_RD3", "Rusk")]
    v15 = volume("frus1961-63v15")
    assert [p.name for n, p in accessors.person_mentions(d1, v15) if p and n in accessors.senders(d1)] == [
        "Kennedy, John F."
    ]


def test_sender_and_recipient_of_real_telegrams() -> None:
    # "The Ambassador in Japan (Morris) to the Secretary of State", a telegram
    d385 = doc("frus1918Russiav03", "d385")
    assert "[Telegram]" in frusdoc.plain_text(d385)
    assert [(n.kind, n.ref, frusdoc.plain_text(n)) for n in accessors.senders(d385)] == [
        ("person", "p_MRS1", "Morris")
    ]
    assert [(n.kind, frusdoc.plain_text(n)) for n in accessors.recipients(d385)] == [
        ("gloss", "Secretary of State")
    ]
    # an office writes, a person receives: "Secretary of State to the Chargé in China (MacMurray)"
    d384 = doc("frus1918Russiav03", "d384")
    assert [frusdoc.plain_text(n) for n in accessors.senders(d384)] == ["Secretary of State"]
    assert [n.ref for n in accessors.recipients(d384)] == ["p_MJA1"]
    # two offices: the Department of State to the British Embassy
    d4 = doc("frus1938v03", "d4")
    assert [frusdoc.plain_text(n) for n in (*accessors.senders(d4), *accessors.recipients(d4))] == [
        "Department of State",
        "British Embassy",
    ]


def test_a_heading_without_roles_names_no_sender() -> None:
    d5 = doc("frus1969-76v19p1", "d5")  # a memorandum of conversation
    assert accessors.senders(d5) == () and accessors.recipients(d5) == ()


def test_the_persons_a_document_names() -> None:
    v15 = volume("frus1961-63v15")
    d1 = v15.document("d1")
    assert [p.name for p in accessors.persons(d1, v15)] == [
        "Kennedy, John F.",
        "Rusk, Dean",
        "Gromyko, Andrei I.",
        "Adzhubei, Alexei I.",
        "Khrushchev, Nikita S.",
        "Ulbricht, Walter",
        "Schroeder, Gerhard",
        "Legere, Colonel Lawrence J.",
        "Taylor, General Maxwell D.",
    ]
    mentions = accessors.person_mentions(d1, v15)
    assert [(frusdoc.plain_text(n), p.id if p else None) for n, p in mentions[:4]] == [
        ("Kennedy", "p_KJF2"),
        ("Rusk", "p_RD3"),
        ("Gromyko", "p_GAA1"),
        ("Adzhubei", "p_AAI1"),  # the title and the blocks, then the notes
    ]
    assert all(p is not None and p.id == n.ref for n, p in mentions)
    assert len(mentions) > len(accessors.persons(d1, v15))


def test_a_person_without_an_entry_is_paired_with_none() -> None:
    v = volume("frus1918Russiav03")
    d409 = v.document("d409")  # "Macchi di Cellere" has no ref
    unlisted = [frusdoc.plain_text(n) for n, p in accessors.person_mentions(d409, v) if p is None]
    assert "Macchi di Cellere" in unlisted
    stranger = m.Document(title=(m.Name(kind="person", ref="p_NOBODY", children=(m.Text(text="X"),)),))
    assert accessors.person_mentions(stranger, v) == [(stranger.title[0], None)]
    assert accessors.persons(stranger, v) == []


def test_names_by_kind() -> None:
    d1 = doc("frus1961-63v15", "d1")
    places = [frusdoc.plain_text(n) for n in accessors.names(d1, kind="place")]
    every = accessors.names(d1)
    assert len(every) == len(accessors.names(d1, kind="person")) + len(places) + len(
        [n for n in every if n.kind in ("term", "gloss")]
    )
    assert [n.ref for n in accessors.names(d1, kind="person")][:2] == ["p_KJF2", "p_RD3"]


# -- lookups --------------------------------------------------------------------------


def test_a_label_printed_twice_is_ambiguous() -> None:
    d2 = doc("frus1949v07p1", "d2")
    with pytest.raises(frusdoc.AmbiguousNoteError) as info:
        d2.note("2")
    error = info.value
    assert isinstance(error, LookupError) and isinstance(error, frusdoc.FrusdocError)
    assert not isinstance(error, KeyError)  # the note is there, twice: not "not found"
    assert [getattr(n, "id", None) for n in error.candidates] == ["d2fn2", "d2fn3"]
    assert str(error) == (
        "'2' fits 2 notes (d2fn2, d2fn3) in document d2: "
        "ask by id, or for all of them with notes_labelled('2')"
    )
    # the unambiguous ways
    assert [n.id for n in d2.notes_labelled("2")] == ["d2fn2", "d2fn3"]
    assert d2.note("d2fn3").label == "2"
    assert d2.note("1").id == "d2fn1"
    assert d2.notes_labelled("99") == ()
    # one error class for every ambiguous note lookup
    assert frusdoc.refs.AmbiguousTargetError is frusdoc.AmbiguousNoteError


def test_unique_labels_still_resolve_and_missing_ones_say_so() -> None:
    d1 = doc("frus1961-63v15", "d1")
    assert d1.note("0") is d1.source_note
    with pytest.raises(frusdoc.NoteNotFoundError, match="document d1 has no note labelled '99'"):
        d1.note("99")


def test_volume_document_lookup() -> None:
    v15 = volume("frus1961-63v15")
    assert v15.document("d1").url == "https://history.state.gov/historicaldocuments/frus1961-63v15/d1"
    with pytest.raises(frusdoc.DocumentNotFoundError) as info:
        v15.document("nope")
    assert isinstance(info.value, KeyError) and isinstance(info.value, frusdoc.FrusdocError)
    assert str(info.value) == "volume frus1961-63v15 has no document 'nope'"


def test_accessors_see_edits() -> None:
    # derived, never stored: an edited document answers for its new content
    d1 = doc("frus1961-63v15", "d1")
    edited = attrs.evolve(d1, id="d99", notes=())
    assert edited.url == "https://history.state.gov/historicaldocuments/frus1961-63v15/d99"
    assert accessors.source_citation(edited) is None
