"""Every writer names every node class: a new class of the model without a case
in some writer fails here, and a node of no known class is refused by name,
not written as "its children"."""

from __future__ import annotations

import typing
from collections.abc import Callable, Mapping

import pytest

import frusdoc
from frusdoc import html, markdown, tei, text
from frusdoc import model as m
from frusdoc.tei import writer as tei_writer
from frusdoc.text import writer as text_writer

INLINES = frozenset(typing.get_args(m.Inline))
BLOCKS = frozenset(typing.get_args(m.Block))

TABLES: dict[str, tuple[Mapping[type, object], frozenset[type]]] = {
    "text inlines": (text_writer._INLINE, INLINES),
    "text blocks": (text_writer._BLOCK, BLOCKS),
    "markdown inlines": (markdown._INLINE, INLINES),
    "markdown blocks": (markdown._BLOCK, BLOCKS),
    "HTML inlines": (html._INLINE, INLINES),
    "HTML blocks": (html._BLOCK, BLOCKS),
    "TEI inlines": (tei_writer._INLINE, INLINES),
    "TEI inline elements": (tei_writer._ELEMENT, INLINES - {m.Text}),  # text is no element
    "TEI blocks": (tei_writer._BLOCK, BLOCKS),
}


def test_the_unions_are_what_the_tables_are_checked_against() -> None:
    # If the unions shrank to nothing, the next test would pass vacuously.
    assert len(INLINES) == 12
    assert len(BLOCKS) == 13
    assert {m.Text, m.Emendation, m.Embedded, m.RawInline} <= INLINES
    assert {m.Paragraph, m.ListBlock, m.Table, m.Attachment, m.RawBlock} <= BLOCKS


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_class_has_a_case(name: str) -> None:
    table, classes = TABLES[name]
    missing = sorted(c.__name__ for c in classes - table.keys())
    extra = sorted(c.__name__ for c in table.keys() - classes)
    assert missing == [], f"{name}: no case for {missing}"
    assert extra == [], f"{name}: cases for classes that are not there: {extra}"
    assert all(callable(handler) for handler in table.values())


def _forced(node: object, field: str, value: tuple[object, ...]) -> object:
    # Builds what the constructors would refuse: a node holding a child of the
    # wrong kind, as a careless tool might through attrs' back door.
    object.__setattr__(node, field, value)
    return node


def _doc_with_inline(child: object) -> m.Document:
    return m.Document(blocks=(typing.cast(m.Block, _forced(m.Paragraph(), "inlines", (child,))),))


def _doc_with_block(child: object) -> m.Document:
    return m.Document(blocks=(typing.cast(m.Block, _forced(m.Quote(), "blocks", (child,))),))


WRITERS: dict[str, Callable[[m.Document], str]] = {
    "text": text.render,
    "markdown": markdown.render,
    "HTML": html.render,
    "TEI": tei.write_document,
}


@pytest.mark.parametrize("writer", sorted(WRITERS))
@pytest.mark.parametrize(
    ("build", "stranger"),
    [(_doc_with_inline, m.Cell()), (_doc_with_inline, m.Quote()), (_doc_with_block, m.ListItem())],
    ids=["cell-in-run", "quote-in-run", "item-among-blocks"],
)
def test_an_unknown_class_is_refused_by_name(
    writer: str, build: Callable[[object], m.Document], stranger: object
) -> None:
    doc = build(stranger)
    with pytest.raises(frusdoc.NodeTypeError) as info:
        WRITERS[writer](doc)
    assert isinstance(info.value, TypeError)
    assert type(stranger).__name__ in str(info.value)
    assert "no case" in str(info.value)


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_every_class_written_by_every_writer(writer: str) -> None:
    # One document holding every inline and block class: each writer writes it.
    target = m.DocumentTarget(raw="#d1", document="d1")
    run: tuple[m.Inline, ...] = (
        m.Text(text="a "),
        m.Emphasis(rend="italic", children=(m.Text(text="b"),)),
        m.NoteRef(label="1"),
        m.PageBreak(label="5"),
        m.LineBreak(),
        m.Reference(target=target, children=(m.Text(text="Document 1"),)),
        m.Name(kind="person", children=(m.Text(text="Rusk"),)),
        m.DateText(children=(m.Text(text="May 1"),)),
        m.Emendation(original=(m.Text(text="teh"),), corrected=(m.Text(text="the"),)),
        m.Gap(),
        m.Embedded(block=m.Quote(blocks=(m.Paragraph(inlines=(m.Text(text="q"),)),))),
        m.RawInline(tag="seg", children=(m.Text(text="raw"),)),
    )
    assert {type(i) for i in run} == INLINES
    blocks: tuple[m.Block, ...] = (
        m.Paragraph(inlines=run),
        m.Plain(inlines=(m.Text(text="plain"),)),
        m.Heading(inlines=(m.Text(text="head"),)),
        m.Quote(blocks=(m.Paragraph(inlines=(m.Text(text="quoted"),)),)),
        m.ListBlock(items=(m.ListItem(blocks=(m.Plain(inlines=(m.Text(text="item"),)),)),)),
        m.Table(rows=(m.Row(cells=(m.Cell(inlines=(m.Text(text="cell"),)),)),)),
        m.Dateline(inlines=(m.Text(text="Washington"),)),
        m.Opener(blocks=(m.Paragraph(inlines=(m.Text(text="Sir:"),)),)),
        m.Signed(inlines=(m.Text(text="Hull"),)),
        m.Closer(blocks=(m.Paragraph(inlines=(m.Text(text="Yours"),)),)),
        m.Postscript(blocks=(m.Paragraph(inlines=(m.Text(text="P.S."),)),)),
        m.Attachment(title=(m.Text(text="Enclosure"),), blocks=(m.Paragraph(inlines=(m.Text(text="att"),)),)),
        m.RawBlock(tag="figure", content=(m.Plain(inlines=(m.Text(text="fig"),)),)),
    )
    assert {type(b) for b in blocks} == BLOCKS
    doc = m.Document(
        id="d1",
        title=(m.Text(text="1. Memorandum"),),
        blocks=blocks,
        notes=(m.Note(label="1", blocks=(m.Plain(inlines=(m.Text(text="Note."),)),)),),
    )
    out = WRITERS[writer](doc)
    for word in (
        "plain",
        "quoted",
        "item",
        "cell",
        "Washington",
        "Hull",
        "P.S.",
        "att",
        "fig",
        "Rusk",
        "raw",
    ):
        assert word in out, (writer, word)
