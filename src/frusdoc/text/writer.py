""":class:`~frusdoc.Document` → plain text, as history.state.gov prints it.

A document read from a page carries the page's :class:`~frusdoc.TextLayout`
and is written back byte for byte. Any other document is written in the
canonical layout: the source line and heading, a blank line between blocks,
the footnote list ``  k. text`` after the last block, no trailing newline.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import attrs

from frusdoc import _args
from frusdoc import model as m
from frusdoc._construct import fast_constructor
from frusdoc.errors import NodeTypeError
from frusdoc.tree import Path, Reading, is_markup, page_marker

__all__ = ["canonical_layout", "render", "spans"]

BLOCK_SEPARATOR = "\n\n"
NOTE_SEPARATOR = "\n"
# A footnote's further paragraphs, as history.state.gov prints them: after a
# blank line, indented four spaces.
NOTE_PARAGRAPH = "\n\n    "
TABLE_CELL_END = "|"

Span = tuple[int, int]

_TextLayout = fast_constructor(m.TextLayout)


@attrs.define
class _Out:
    """The text being written, and the span of every node when asked for."""

    reading: Reading
    markers: bool
    page_breaks: bool
    record: bool
    chunks: list[str] = attrs.Factory(list)
    length: int = 0
    spans: dict[Path, Span] = attrs.Factory(dict)

    def write(self, s: str) -> None:
        if s:
            self.chunks.append(s)
            self.length += len(s)

    def ends_with_space(self) -> bool:
        return bool(self.chunks) and self.chunks[-1].endswith(" ")


# -- inlines: one handler per class (tests/test_dispatch.py checks every class has one)

_Skip = list[bool]  # one flag: drop the next text's leading space (after a hidden page break)


def _text(out: _Out, node: m.Text, path: Path, skip_space: _Skip, last: bool) -> None:
    text = node.text
    if skip_space[0] and text.startswith(" "):
        text = text[1:]
    skip_space[0] = False
    out.write(text)


def _note_ref(out: _Out, node: m.NoteRef, path: Path, skip_space: _Skip, last: bool) -> None:
    if out.markers:
        out.write(node.label)


def _page_break(out: _Out, node: m.PageBreak, path: Path, skip_space: _Skip, last: bool) -> None:
    if out.page_breaks:
        out.write(page_marker(node))
    elif out.ends_with_space():
        # "we [Page 543] hope" reads "we hope" without the marker.
        skip_space[0] = True


def _line_break(out: _Out, node: m.LineBreak, path: Path, skip_space: _Skip, last: bool) -> None:
    out.write("\n")


def _emendation(out: _Out, node: m.Emendation, path: Path, skip_space: _Skip, last: bool) -> None:
    corrected = out.reading == "corrected" and node.status != "rejected"
    name = "corrected" if corrected else "original"
    _inlines(out, node.corrected if corrected else node.original, (*path, name), skip_space)


def _children(out: _Out, node: _WithChildren, path: Path, skip_space: _Skip, last: bool) -> None:
    if not is_markup(node):  # comments and processing instructions are not text
        _inlines(out, node.children, (*path, "children"), skip_space)


def _embedded(out: _Out, node: m.Embedded, path: Path, skip_space: _Skip, last: bool) -> None:
    # A list or quote inside a paragraph is set off as the website does.
    out.write(BLOCK_SEPARATOR)
    _block(out, node.block, (*path, "block"))
    if not last:
        out.write(BLOCK_SEPARATOR)


_WithChildren = m.Emphasis | m.Reference | m.Name | m.DateText | m.Gap | m.RawInline

_INLINE: dict[type, Callable[[_Out, Any, Path, _Skip, bool], None]] = {
    m.Text: _text,
    m.Emphasis: _children,
    m.NoteRef: _note_ref,
    m.PageBreak: _page_break,
    m.LineBreak: _line_break,
    m.Reference: _children,
    m.Name: _children,
    m.DateText: _children,
    m.Emendation: _emendation,
    m.Gap: _children,
    m.Embedded: _embedded,
    m.RawInline: _children,
}


def _inline(out: _Out, node: m.Inline, path: Path, skip_space: _Skip, last: bool = False) -> None:
    write = _INLINE.get(type(node))
    if write is None:
        raise NodeTypeError(f"text.render() has no case for {type(node).__name__} in a run of inlines")
    start = out.length
    write(out, node, path, skip_space, last)
    if out.record:
        out.spans[path] = (start, out.length)


def _inlines(out: _Out, inlines: tuple[m.Inline, ...], path: Path, skip_space: _Skip | None = None) -> None:
    flag = skip_space if skip_space is not None else [False]
    last = len(inlines) - 1
    for i, node in enumerate(inlines):
        _inline(out, node, (*path, i), flag, i == last)


def _list_lines(out: _Out, block: m.ListBlock, path: Path, style: str, level: int = 0) -> None:
    for i, item in enumerate(block.items):
        item_path = (*path, "items", i)
        start = out.length
        if i:
            out.write("\n")
            start = out.length
        if style == "bullet":
            out.write("  " * (level + 1) + "• ")
        elif style == "labels":
            out.write(f"{item.label or ''}\n")
        elif style == "dash-labels":
            out.write(f"- {item.label or ''}\n- ")
        else:  # dash
            out.write("- ")
        for k, child in enumerate(item.blocks):
            child_path = (*item_path, "blocks", k)
            if isinstance(child, m.ListBlock) and style == "bullet":
                out.write("\n")
                _list_lines(out, child, child_path, style, level + 1)
            else:
                if k:
                    out.write("\n")
                _block(out, child, child_path, style)
        if out.record:
            out.spans[item_path] = (start, out.length)


# -- blocks: one handler per class


def _run_block(out: _Out, block: _RunBlock, path: Path, list_style: str | None) -> None:
    _inlines(out, block.inlines, (*path, "inlines"))


def _list(out: _Out, block: m.ListBlock, path: Path, list_style: str | None) -> None:
    if block.head:
        _inlines(out, block.head, (*path, "head"))
        out.write("\n")
    style = list_style or _default_list_style(block)
    _list_lines(out, block, path, style)


def _table(out: _Out, block: m.Table, path: Path, list_style: str | None) -> None:
    for r, row in enumerate(block.rows):
        if r:
            out.write("\n")
        # As history.state.gov flattens a table: each cell followed by "|"
        # ("Sir Maurice Hankey, K. C. B. | } | Secretaries. |").
        for c, cell in enumerate(row.cells):
            _inlines(out, cell.inlines, (*path, "rows", r, "cells", c, "inlines"))
            out.write(TABLE_CELL_END)


def _attachment(out: _Out, block: m.Attachment, path: Path, list_style: str | None) -> None:
    if block.title:
        _inlines(out, block.title, (*path, "title"))
        if block.blocks:
            out.write(BLOCK_SEPARATOR)
    _blocks(out, block.blocks, (*path, "blocks"))


def _container(out: _Out, block: _Container, path: Path, list_style: str | None) -> None:
    _blocks(out, block.blocks, (*path, "blocks"))


def _raw_block(out: _Out, block: m.RawBlock, path: Path, list_style: str | None) -> None:
    _blocks(out, block.content, (*path, "content"))


_RunBlock = m.Paragraph | m.Plain | m.Heading | m.Dateline | m.Signed
_Container = m.Quote | m.Opener | m.Closer | m.Postscript

_BLOCK: dict[type, Callable[[_Out, Any, Path, str | None], None]] = {
    m.Paragraph: _run_block,
    m.Plain: _run_block,
    m.Heading: _run_block,
    m.Quote: _container,
    m.ListBlock: _list,
    m.Table: _table,
    m.Dateline: _run_block,
    m.Opener: _container,
    m.Signed: _run_block,
    m.Closer: _container,
    m.Postscript: _container,
    m.Attachment: _attachment,
    m.RawBlock: _raw_block,
}


def _block(out: _Out, block: m.Block, path: Path, list_style: str | None = None) -> None:
    write = _BLOCK.get(type(block))
    if write is None:
        raise NodeTypeError(f"text.render() has no case for {type(block).__name__} where blocks stand")
    start = out.length
    write(out, block, path, list_style)
    if out.record:
        out.spans[path] = (start, out.length)


def _blocks(out: _Out, blocks: tuple[m.Block, ...], path: Path) -> None:
    for k, child in enumerate(blocks):
        if k:
            out.write(BLOCK_SEPARATOR)
        _block(out, child, (*path, k))


# -- the same writer without spans: render() with page markers written -------------
#
# Most calls of render() want the text only, with every page marker: no node
# paths to build, no lengths to count, and no space to drop after a hidden
# page break. These functions write exactly what the handlers above write in
# that case (tests/test_text.py compares the two on the corpus), one call per
# node instead of three or four.


def _fast_inlines(out: _Out, inlines: tuple[m.Inline, ...]) -> None:
    append = out.chunks.append
    last = len(inlines) - 1
    for i, node in enumerate(inlines):
        # Exact classes, as the tables dispatch: a subclass is refused by name.
        if type(node) is m.Text:
            append(node.text)
        elif type(node) is m.NoteRef:
            if out.markers:
                append(node.label)
        elif type(node) is m.PageBreak:
            append(page_marker(node))
        elif type(node) is m.LineBreak:
            append("\n")
        elif isinstance(node, _WITH_CHILDREN_T) and type(node) in _WITH_CHILDREN:
            if not is_markup(node):
                _fast_inlines(out, node.children)
        elif type(node) is m.Emendation:
            corrected = out.reading == "corrected" and node.status != "rejected"
            _fast_inlines(out, node.corrected if corrected else node.original)
        elif type(node) is m.Embedded:
            append(BLOCK_SEPARATOR)
            _fast_block(out, node.block)
            if i != last:
                append(BLOCK_SEPARATOR)
        else:
            raise NodeTypeError(f"text.render() has no case for {type(node).__name__} in a run of inlines")


def _fast_block(out: _Out, block: m.Block, list_style: str | None = None) -> None:
    if isinstance(block, _RUN_BLOCKS_T) and type(block) in _RUN_BLOCKS:
        _fast_inlines(out, block.inlines)
    elif isinstance(block, _CONTAINERS_T) and type(block) in _CONTAINERS:
        _fast_blocks(out, block.blocks)
    elif type(block) is m.ListBlock:
        if block.head:
            _fast_inlines(out, block.head)
            out.chunks.append("\n")
        _fast_list_lines(out, block, list_style or _default_list_style(block))
    elif type(block) is m.Table:
        append = out.chunks.append
        for r, row in enumerate(block.rows):
            if r:
                append("\n")
            for cell in row.cells:
                _fast_inlines(out, cell.inlines)
                append(TABLE_CELL_END)
    elif type(block) is m.Attachment:
        if block.title:
            _fast_inlines(out, block.title)
            if block.blocks:
                out.chunks.append(BLOCK_SEPARATOR)
        _fast_blocks(out, block.blocks)
    elif type(block) is m.RawBlock:
        _fast_blocks(out, block.content)
    else:
        raise NodeTypeError(f"text.render() has no case for {type(block).__name__} where blocks stand")


def _fast_blocks(out: _Out, blocks: tuple[m.Block, ...]) -> None:
    for k, child in enumerate(blocks):
        if k:
            out.chunks.append(BLOCK_SEPARATOR)
        _fast_block(out, child)


def _fast_list_lines(out: _Out, block: m.ListBlock, style: str, level: int = 0) -> None:
    append = out.chunks.append
    for i, item in enumerate(block.items):
        if i:
            append("\n")
        if style == "bullet":
            append("  " * (level + 1) + "• ")
        elif style == "labels":
            append(f"{item.label or ''}\n")
        elif style == "dash-labels":
            append(f"- {item.label or ''}\n- ")
        else:  # dash
            append("- ")
        for k, child in enumerate(item.blocks):
            if isinstance(child, m.ListBlock) and style == "bullet":
                append("\n")
                _fast_list_lines(out, child, style, level + 1)
            else:
                if k:
                    append("\n")
                _fast_block(out, child, style)


_WITH_CHILDREN_T = (m.Emphasis, m.Reference, m.Name, m.DateText, m.Gap, m.RawInline)
_RUN_BLOCKS_T = (m.Paragraph, m.Plain, m.Heading, m.Dateline, m.Signed)
_CONTAINERS_T = (m.Quote, m.Opener, m.Closer, m.Postscript)
_WITH_CHILDREN = frozenset(_WITH_CHILDREN_T)
_RUN_BLOCKS = frozenset(_RUN_BLOCKS_T)
_CONTAINERS = frozenset(_CONTAINERS_T)
# The fast writer names the same classes as the tables (tests/test_dispatch.py checks those).
assert _WITH_CHILDREN | {m.Text, m.NoteRef, m.PageBreak, m.LineBreak, m.Emendation, m.Embedded} == set(
    _INLINE
)
assert _RUN_BLOCKS | _CONTAINERS | {m.ListBlock, m.Table, m.Attachment, m.RawBlock} == set(_BLOCK)


def _default_list_style(block: m.ListBlock) -> str:
    return "labels" if any(item.label for item in block.items) else "bullet"


def _inline_source_notes(doc: m.Document) -> list[int]:
    return [i for i, n in enumerate(doc.notes) if n.rend == "inline" and n.label is None]


def _pieces(doc: m.Document) -> list[tuple[str, Path]]:
    """The kinds of piece the page is made of, in order: ``(kind, path)``."""
    inline = _inline_source_notes(doc)
    pieces: list[tuple[str, Path]] = [("source", ("notes", i)) for i in inline]
    pieces.append(("title", ("title",)))
    pieces.extend([("block", ("blocks", i)) for i in range(len(doc.blocks))])
    if inline:
        skip = set(inline)
        pieces.extend([("note", ("notes", i)) for i in range(len(doc.notes)) if i not in skip])
    else:
        pieces.extend([("note", ("notes", i)) for i in range(len(doc.notes))])
    return pieces


def _canonical_separators(pieces: list[tuple[str, Path]]) -> tuple[str, ...]:
    return tuple([NOTE_SEPARATOR if kind == "note" else BLOCK_SEPARATOR for kind, _ in pieces[1:]])


def _effective_layout(
    doc: m.Document, layout: m.TextLayout | None, pieces: int, canonical: Callable[[], tuple[str, ...]]
) -> tuple[tuple[str, ...], tuple[str, ...], str, bool, str, str]:
    """The layout a document is written in: separators, list styles, note style,
    note cut, leading and trailing text. With no layout, or one that no longer
    fits the ``pieces`` (the title, each block, each note: the document was
    edited), the canonical layout, keeping only the layout's note style."""
    if (
        layout is None
        or len(layout.separators) != pieces - 1
        or len(layout.list_styles) != sum(1 for b in doc.blocks if isinstance(b, m.ListBlock))
    ):
        note_style = layout.note_style if layout else "numbered"
        return canonical(), _default_list_styles(doc), note_style, False, "", ""
    return layout.separators, layout.list_styles, layout.note_style, layout.note_cut, layout.leading, layout.trailing


def _default_list_styles(doc: m.Document) -> tuple[str, ...]:
    return tuple([_default_list_style(b) for b in doc.blocks if isinstance(b, m.ListBlock)])


def _canonical_separators_of(doc: m.Document) -> tuple[str, ...]:
    # _canonical_separators(_pieces(doc)) without the pieces: a blank line
    # before every piece but the first up to the last block, one newline
    # before each listed note.
    sources = len(_inline_source_notes(doc))
    return (BLOCK_SEPARATOR,) * (sources + len(doc.blocks)) + (NOTE_SEPARATOR,) * (len(doc.notes) - sources)


def canonical_layout(doc: m.Document) -> m.TextLayout:
    """The layout ``render`` uses for a document without one."""
    _args.expect_node("text.canonical_layout(doc)", doc, m.Document)
    return _TextLayout(
        separators=_canonical_separators_of(doc),
        list_styles=_default_list_styles(doc),
        note_style="numbered",
    )


def _write(
    doc: m.Document,
    *,
    reading: Reading,
    markers: bool,
    notes: bool,
    page_breaks: bool,
    record: bool,
) -> _Out:
    out = _Out(reading=reading, markers=markers, page_breaks=page_breaks, record=record)
    pieces = _pieces(doc)
    layout = doc.layout
    # The canonical layout has a separator between any two pieces (the title,
    # each block, each note) and a style per list; its fields are computed only
    # when it is used, and no TextLayout is built for them.
    separators, list_styles, note_style, note_cut, leading, trailing = _effective_layout(
        doc, layout, len(pieces), lambda: _canonical_separators(pieces)
    )
    out.write(leading)
    list_index = 0
    note_number = 0
    written = False
    last_piece = len(pieces) - 1
    for n, (kind, path) in enumerate(pieces):
        if not notes and kind in ("note", "source"):
            continue
        if written:
            out.write(separators[n - 1])
        written = True
        if kind == "title":
            start = out.length
            _inlines(out, doc.title, path)
            if record:
                out.spans[path] = (start, out.length)
        elif kind == "block":
            block = doc.blocks[path[1]]  # type: ignore[index]
            style = None
            if isinstance(block, m.ListBlock):
                style = list_styles[list_index]
                list_index += 1
            _block(out, block, path, style)
        else:
            note = doc.notes[path[1]]  # type: ignore[index]
            start = out.length
            if kind == "note":
                note_number += 1
                out.write(f"  {note_number}. " if note_style == "numbered" else "- ")
            _note_body(out, note, path)
            if kind == "note" and note_style == "arrow" and not (note_cut and n == last_piece):
                out.write("↩")
            if record:
                out.spans[path] = (start, out.length)
    out.write(trailing)
    return out


def _render_fast(doc: m.Document, reading: Reading, markers: bool, notes: bool) -> str:
    """``_write`` for ``render`` with page markers: the same pieces, separators and
    note prefixes, written without the list of pieces and their paths."""
    out = _Out(reading=reading, markers=markers, page_breaks=True, record=False)
    append = out.chunks.append
    doc_notes = doc.notes
    blocks = doc.blocks
    inline = _inline_source_notes(doc)
    count = 1 + len(blocks) + len(doc_notes)  # the pieces: the title, each block, each note
    layout = doc.layout
    separators, list_styles, note_style, note_cut, leading, trailing = _effective_layout(
        doc, layout, count, lambda: _canonical_separators_of(doc)
    )
    append(leading)
    n = 0  # the piece being written
    for i in inline:  # source lines first
        if notes:
            if n:
                append(separators[n - 1])
            _fast_note(out, doc_notes[i])
        n += 1
    if n and notes:
        append(separators[n - 1])
    _fast_inlines(out, doc.title)
    n += 1
    list_index = 0
    for block in blocks:
        append(separators[n - 1])
        style = None
        if isinstance(block, m.ListBlock):
            style = list_styles[list_index]
            list_index += 1
        _fast_block(out, block, style)
        n += 1
    if notes:
        skip = set(inline)
        number = 0
        for i, note in enumerate(doc_notes):
            if i in skip:
                continue
            append(separators[n - 1])
            number += 1
            append(f"  {number}. " if note_style == "numbered" else "- ")
            _fast_note(out, note)
            if note_style == "arrow" and not (note_cut and n == count - 1):
                append("↩")
            n += 1
    append(trailing)
    return "".join(out.chunks)


def _fast_note(out: _Out, note: m.Note) -> None:
    for k, paragraph in enumerate(note.blocks):
        if k:
            out.chunks.append(NOTE_PARAGRAPH)
        _fast_block(out, paragraph)


def _note_body(out: _Out, note: m.Note, path: Path) -> None:
    for k, block in enumerate(note.blocks):
        if k:
            out.write(NOTE_PARAGRAPH)
        _block(out, block, (*path, "blocks", k))


def render(
    doc: m.Document,
    *,
    reading: Literal["original", "corrected"] = "original",
    markers: bool = True,
    notes: bool = True,
    page_breaks: bool = True,
) -> str:
    """The plain text of a document.

    With the defaults, the exact inverse of :func:`frusdoc.text.parse`. The
    options give derived views for search and NLP: ``reading="corrected"``
    applies emendations; ``markers=False`` drops note markers,
    ``notes=False`` the footnote list and source line, ``page_breaks=False``
    the ``[Page N]`` markers (and the space doubled around them).
    """
    _args.expect_render("text.render", doc, reading, markers=markers, notes=notes, page_breaks=page_breaks)
    if page_breaks:
        return _render_fast(doc, reading, markers, notes)
    out = _write(doc, reading=reading, markers=markers, notes=notes, page_breaks=page_breaks, record=False)
    return "".join(out.chunks)


def spans(
    doc: m.Document,
    *,
    reading: Literal["original", "corrected"] = "original",
    markers: bool = True,
    notes: bool = True,
    page_breaks: bool = True,
) -> dict[Path, Span]:
    """The character span ``(start, end)`` of every node in the rendered text.

    Keys are the node paths of :func:`frusdoc.walk` (``("blocks", 3, "inlines", 2)``);
    ``text[start:end]`` is what that node rendered as.
    """
    _args.expect_render("text.spans", doc, reading, markers=markers, notes=notes, page_breaks=page_breaks)
    out = _write(doc, reading=reading, markers=markers, notes=notes, page_breaks=page_breaks, record=True)
    return out.spans
