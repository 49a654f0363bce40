"""frusdoc.transform: post-order, immutable, copying only the changed path."""

from __future__ import annotations

import typing

import pytest

import frusdoc
from frusdoc import model as m
from frusdoc.tree import Node, Path, Replacement, transform, walk


def _doc() -> m.Document:
    return m.Document(
        title=(m.Text(text="Memorandum"),),
        blocks=(
            m.Paragraph(inlines=(m.Text(text="See Document 12 here."),)),
            m.Quote(
                blocks=(m.Paragraph(inlines=(m.Emphasis(rend="italic", children=(m.Text(text="x"),)),)),)
            ),
        ),
        notes=(m.Note(label="1", blocks=(m.Plain(inlines=(m.Text(text="Source."),)),)),),
    )


def _at(node: object, path: Path) -> typing.Any:
    for step in path:
        if isinstance(step, int):
            assert isinstance(node, tuple)
            node = node[step]
        else:
            node = getattr(node, step)
    return node


def _same(path: Path, node: Node) -> Replacement:
    return node


def test_identity_when_nothing_changes() -> None:
    doc = _doc()
    assert transform(doc, _same) is doc


def test_only_the_changed_path_is_copied() -> None:
    doc = _doc()

    def shout(path: Path, node: Node) -> Replacement:
        return m.Text(text="X") if path == ("blocks", 1, "blocks", 0, "inlines", 0, "children", 0) else node

    new = transform(doc, shout)
    assert isinstance(new, m.Document)
    assert new is not doc
    assert new.title is doc.title
    assert new.blocks[0] is doc.blocks[0]
    assert new.notes is doc.notes
    assert new.blocks[1] is not doc.blocks[1]
    emph = _at(new, ("blocks", 1, "blocks", 0, "inlines", 0))
    assert isinstance(emph, m.Emphasis)
    assert emph.children == (m.Text(text="X"),)
    assert emph.rend == "italic"
    # the input is untouched
    assert _at(doc, ("blocks", 1, "blocks", 0, "inlines", 0, "children")) == (m.Text(text="x"),)


def test_splice_one_text_into_three() -> None:
    doc = _doc()

    def link(path: Path, node: Node) -> Replacement:
        if isinstance(node, m.Text) and "Document 12" in node.text:
            before, _, after = node.text.partition("Document 12")
            ref = m.Reference(
                target=m.DocumentTarget(raw="d12", document="d12"), children=(m.Text(text="Document 12"),)
            )
            return (m.Text(text=before), ref, m.Text(text=after))
        return node

    new = transform(doc, link)
    assert isinstance(new, m.Document)
    assert [type(n).__name__ for n in _at(new, ("blocks", 0, "inlines"))] == ["Text", "Reference", "Text"]
    assert frusdoc.plain_text(new) == frusdoc.plain_text(doc)


def test_post_order_and_input_paths() -> None:
    doc = _doc()
    seen: list[Path] = []

    def record(path: Path, node: Node) -> Replacement:
        seen.append(path)
        return () if isinstance(node, m.Text) and node.text == "Memorandum" else node

    new = transform(doc, record)
    assert isinstance(new, m.Document)
    assert new.title == ()
    assert seen[-1] == ()  # the root comes last
    assert (
        seen.index(("blocks", 1, "blocks", 0, "inlines", 0, "children", 0))
        < seen.index(("blocks", 1, "blocks", 0, "inlines", 0))
        < seen.index(("blocks", 1))
    )
    # every node of the input is visited once, at its input path
    assert sorted(seen, key=repr) == sorted((p for p, _ in walk(doc)), key=repr)


def test_descend_leaves_a_subtree_alone() -> None:
    doc = _doc()
    visited: list[Path] = []

    def record(path: Path, node: Node) -> Replacement:
        visited.append(path)
        return node

    transform(doc, record, descend=lambda path, node: not isinstance(node, m.Quote))
    assert ("blocks", 1) in visited
    assert not [p for p in visited if p[:2] == ("blocks", 1) and len(p) > 2]


def test_parent_sees_transformed_children() -> None:
    doc = _doc()

    def upper(path: Path, node: Node) -> Replacement:
        if isinstance(node, m.Text):
            return m.Text(text=node.text.upper())
        if isinstance(node, m.Paragraph):
            assert all(i.text.isupper() for i in node.inlines if isinstance(i, m.Text))
        return node

    new = transform(doc, upper)
    assert frusdoc.plain_text(new) == frusdoc.plain_text(doc).upper()


def test_deep_tree_does_not_overflow() -> None:
    inline: m.Inline = m.Text(text="deep")
    for _ in range(5000):
        inline = m.Emphasis(rend="italic", children=(inline,))
    doc = m.Document(blocks=(m.Paragraph(inlines=(inline,)),))

    def rename(path: Path, node: Node) -> Replacement:
        return m.Text(text="deeper") if isinstance(node, m.Text) else node

    new = transform(doc, rename)
    assert frusdoc.plain_text(new) == "deeper"
    assert transform(doc, _same) is doc


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("blocks", 0), 5),
        ((), (m.Document(),)),
        (("date",), (m.DateRange(not_before="1950-01-01T00:00:00-05:00"),)),
    ],
)
def test_bad_results_are_refused(where: Path, value: object) -> None:
    doc = m.Document(blocks=(m.Paragraph(),), date=m.DateRange(not_before="1950-01-01T00:00:00-05:00"))

    def bad(path: Path, node: Node) -> Replacement:
        return typing.cast(Replacement, value) if path == where else node

    with pytest.raises(frusdoc.NodeTypeError) as info:
        transform(doc, bad)
    assert isinstance(info.value, TypeError)
    assert "transform()" in str(info.value)


def test_exported() -> None:
    assert frusdoc.transform is transform
    assert "transform" in frusdoc.__all__


# -- refs.annotate, built on transform -------------------------------------------------

_SEE = "See Document 12 for the reply."


def _refs(node: object) -> list[str]:
    return [r.target.raw for _, r in frusdoc.refs.references(node)]


def test_annotate_deep_tree() -> None:
    inline: m.Inline = m.Text(text=_SEE)
    for _ in range(5000):
        inline = m.Emphasis(rend="italic", children=(inline,))
    doc = m.Document(volume="frus1950v06", blocks=(m.Paragraph(inlines=(inline,)),))
    new = frusdoc.refs.annotate(doc)
    assert _refs(new) == ["Document 12"]
    assert frusdoc.plain_text(new) == frusdoc.plain_text(doc) == _SEE


def test_annotate_leaves_alone_what_it_always_left_alone() -> None:
    def run() -> tuple[m.Inline, ...]:
        return (m.Emphasis(rend="italic", children=(m.Text(text=_SEE),)),)

    kept = (
        m.ListBlock(items=(m.ListItem(blocks=(m.Plain(inlines=run()),), before=run()),), after=run()),
        m.Table(rows=(m.Row(cells=(m.Cell(inlines=run()),), before=run()),), after=run()),
        m.Paragraph(inlines=(m.Emendation(original=run(), corrected=run()),)),
    )
    doc = m.Document(volume="frus1950v06", title=(m.Text(text=_SEE),), blocks=kept)
    new = frusdoc.refs.annotate(doc)
    paths = [p for p, _ in frusdoc.refs.references(new)]
    # the title, the list item's text and the cell: not before/after runs, not emendations
    assert paths == [
        ("title", 1),
        ("blocks", 0, "items", 0, "blocks", 0, "inlines", 0, "children", 1),
        ("blocks", 1, "rows", 0, "cells", 0, "inlines", 0, "children", 1),
    ]
    assert new.blocks[2] is doc.blocks[2]
    unchanged = m.Document(
        volume="frus1950v06", blocks=(m.Paragraph(inlines=(m.Text(text="Nothing here."),)),)
    )
    assert frusdoc.refs.annotate(unchanged) is unchanged
