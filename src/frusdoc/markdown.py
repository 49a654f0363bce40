"""Markdown for people who would rather read than parse.

``render(doc)`` gives the heading, the paragraphs, lists, quotes and tables,
page breaks as quiet markers (``⟨p. 543⟩``), notes as Markdown footnotes
(``[^80]``), emphasis, and links to history.state.gov for every reference whose
target has an address. The corrected reading of emendations is shown unless
``reading="original"``.

Markdown is written, never read: of the verbs every format module shares
(``docs/core.md``) this module has :func:`dumps` (:func:`render`) and
:func:`dump`, no ``loads``/``load``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Literal

from frusdoc import _args
from frusdoc import model as m
from frusdoc._io import Writable, write_target
from frusdoc.errors import NodeTypeError

__all__ = ["dump", "dumps", "render"]

_ESCAPE = re.compile(r"([\\`*_\[\]<>|])")
_LINE_START = re.compile(r"^(\s*)(?:([#>+\-])|(\d+)([.)]))(?=\s)", re.M)


def _escape_line_starts(text: str) -> str:
    # A paragraph starting "1. " or "- " must not turn into a list: "1\. ", "\- ".
    def fix(mt: re.Match[str]) -> str:
        if mt.group(2):
            return f"{mt.group(1)}\\{mt.group(2)}"
        return f"{mt.group(1)}{mt.group(3)}\\{mt.group(4)}"

    return _LINE_START.sub(fix, text)


def _escape(text: str) -> str:
    return _ESCAPE.sub(r"\\\1", text)


class _Writer:
    def __init__(self, doc: m.Document, reading: Literal["original", "corrected"]) -> None:
        self.reading = reading
        self.footnotes: dict[int, str] = {}  # id(note) -> footnote name
        self.names: set[str] = set()
        self.notes = list(doc.notes)
        self.used = [False] * len(self.notes)

    def footnote(self, ref: m.NoteRef) -> str:
        for i, note in enumerate(self.notes):
            if self.used[i]:
                continue
            if (ref.note is not None and note.id == ref.note) or (
                ref.note is None and note.label == ref.label
            ):
                self.used[i] = True
                name = self._name(ref.label or str(i + 1))
                self.footnotes[i] = name
                return f"[^{name}]"
        return f"<sup>{_escape(ref.label)}</sup>"

    def _name(self, label: str) -> str:
        base = re.sub(r"[^\w-]", "", label) or "n"
        name, k = base, 1
        while name in self.names:
            k += 1
            name = f"{base}-{k}"
        self.names.add(name)
        return name

    def inlines(self, inlines: tuple[m.Inline, ...]) -> str:
        return "".join(self.inline(i) for i in inlines)

    def inline(self, node: m.Inline) -> str:
        write = _INLINE.get(type(node))
        if write is None:
            raise NodeTypeError(
                f"markdown.render() has no case for {type(node).__name__} in a run of inlines"
            )
        return write(self, node)

    def _text(self, node: m.Text) -> str:
        return _escape(node.text)

    def _page_break(self, node: m.PageBreak) -> str:
        return f"⟨p. {_escape(node.label)}⟩"

    def _line_break(self, node: m.LineBreak) -> str:
        return "  \n"

    def _emphasis(self, node: m.Emphasis) -> str:
        inner = self.inlines(node.children)
        if not inner.strip():
            return inner
        mark = "**" if node.rend in ("strong", "bold") else "*" if node.rend == "italic" else ""
        return f"{mark}{inner}{mark}"

    def _reference(self, node: m.Reference) -> str:
        inner = self.inlines(node.children)
        url = node.target.url
        return f"[{inner}]({url})" if url else inner

    def _emendation(self, node: m.Emendation) -> str:
        corrected = self.reading == "corrected" and node.status != "rejected"
        return self.inlines(node.corrected if corrected else node.original)

    def _embedded(self, node: m.Embedded) -> str:
        return "\n\n" + self.block(node.block) + "\n\n"

    def _children(self, node: m.Name | m.DateText | m.Gap) -> str:
        return self.inlines(node.children)

    def _raw_inline(self, node: m.RawInline) -> str:
        # comments and processing instructions are not shown
        return "" if node.tag.startswith("#") else self.inlines(node.children)

    def run(self, inlines: tuple[m.Inline, ...]) -> str:
        """A block's run of inlines; a list or quote embedded in it stands as its own block."""
        parts: list[str] = []
        current: list[m.Inline] = []
        for node in (*inlines, None):
            if node is None or isinstance(node, m.Embedded):
                text = _escape_line_starts(self.inlines(tuple(current)).strip())
                if text:
                    parts.append(text)
                current = []
                if node is not None:
                    parts.append(self.block(node.block))
            else:
                current.append(node)
        return "\n\n".join(parts)

    def blocks(self, blocks: tuple[m.Block, ...]) -> str:
        return "\n\n".join(b for b in (self.block(x) for x in blocks) if b.strip())

    def block(self, block: m.Block) -> str:
        write = _BLOCK.get(type(block))
        if write is None:
            raise NodeTypeError(
                f"markdown.render() has no case for {type(block).__name__} where blocks stand"
            )
        return write(self, block)

    def _paragraph(self, block: m.Paragraph | m.Plain) -> str:
        return self.run(block.inlines)

    def _set_off(self, block: m.Dateline | m.Signed) -> str:
        text = self.run(block.inlines)
        return f"*{text}*" if text else ""

    def _heading(self, block: m.Heading) -> str:
        return "### " + self.inlines(block.inlines).strip()

    def _quote(self, block: m.Quote) -> str:
        inner = self.blocks(block.blocks)
        return "\n".join("> " + line if line else ">" for line in inner.split("\n"))

    def _list(self, block: m.ListBlock) -> str:
        lines = [f"**{self.inlines(block.head).strip()}**", ""] if block.head else []
        for item in block.items:
            marker = f"{item.label} " if item.label else "- "
            body = self.blocks(item.blocks).split("\n")
            lines.append(marker + body[0])
            lines.extend(("   " + line) if line else "" for line in body[1:])
        return "\n".join(lines)

    def _table(self, block: m.Table) -> str:
        rows = [[self.inlines(c.inlines).strip().replace("\n", " ") for c in r.cells] for r in block.rows]
        width = max((len(r) for r in rows), default=0)
        if not width:
            return ""
        rows = [r + [""] * (width - len(r)) for r in rows]
        head = "| " + " | ".join(rows[0]) + " |"
        rule = "|" + "---|" * width
        return "\n".join([head, rule, *("| " + " | ".join(r) + " |" for r in rows[1:])])

    def _attachment(self, block: m.Attachment) -> str:
        heading = self.inlines(block.title).strip()
        content = self.blocks(block.blocks)
        return f"#### {heading}\n\n{content}" if heading else content

    def _container(self, block: m.Opener | m.Closer | m.Postscript) -> str:
        return self.blocks(block.blocks)

    def _raw_block(self, block: m.RawBlock) -> str:
        return self.blocks(block.content)


# One handler per class (tests/test_dispatch.py checks every class has one).
_INLINE: dict[type, Callable[[_Writer, Any], str]] = {
    m.Text: _Writer._text,
    m.Emphasis: _Writer._emphasis,
    m.NoteRef: _Writer.footnote,
    m.PageBreak: _Writer._page_break,
    m.LineBreak: _Writer._line_break,
    m.Reference: _Writer._reference,
    m.Name: _Writer._children,
    m.DateText: _Writer._children,
    m.Emendation: _Writer._emendation,
    m.Gap: _Writer._children,
    m.Embedded: _Writer._embedded,
    m.RawInline: _Writer._raw_inline,
}

_BLOCK: dict[type, Callable[[_Writer, Any], str]] = {
    m.Paragraph: _Writer._paragraph,
    m.Plain: _Writer._paragraph,
    m.Heading: _Writer._heading,
    m.Quote: _Writer._quote,
    m.ListBlock: _Writer._list,
    m.Table: _Writer._table,
    m.Dateline: _Writer._set_off,
    m.Opener: _Writer._container,
    m.Signed: _Writer._set_off,
    m.Closer: _Writer._container,
    m.Postscript: _Writer._container,
    m.Attachment: _Writer._attachment,
    m.RawBlock: _Writer._raw_block,
}


def render(doc: m.Document, *, reading: Literal["original", "corrected"] = "corrected") -> str:
    """The document as Markdown (CommonMark with footnotes)."""
    _args.expect_node("markdown.render(doc)", doc, m.Document)
    _args.expect_one_of("markdown.render(reading)", reading, ("original", "corrected"))
    w = _Writer(doc, reading)
    parts = []
    title = w.inlines(doc.title).strip()
    source_lines = [n for n in doc.notes if n.rend == "inline" and n.label is None]
    for note in source_lines:
        w.used[w.notes.index(note)] = True
        parts.append("*" + w.blocks(note.blocks) + "*")
    if title:
        parts.append("## " + title)
    body = w.blocks(doc.blocks)
    if body:
        parts.append(body)
    # Footnote bodies may refer to further notes: write until none is left.
    written: set[int] = set()
    definitions = []
    while True:
        pending = [i for i in w.footnotes if i not in written]
        if not pending:
            break
        for i in pending:
            written.add(i)
            text = w.blocks(w.notes[i].blocks).replace("\n\n", "\n\n    ")
            definitions.append(f"[^{w.footnotes[i]}]: {text}")
    unreferenced = [n for i, n in enumerate(w.notes) if not w.used[i]]
    for note in unreferenced:
        definitions.append(f"- {w.blocks(note.blocks)}")
    if definitions:
        parts.append("\n".join(definitions))
    return "\n\n".join(parts) + "\n"


dumps = render
"""The Markdown of a document: :func:`render` under the name every format module shares."""


def dump(doc: m.Document, fp_or_path: Writable, *, reading: Literal["original", "corrected"] = "corrected") -> None:
    """Write :func:`render` of ``doc`` to a path (UTF-8, no newline
    translation, parent directories created) or to a text file object."""
    write_target(render(doc, reading=reading), fp_or_path, "markdown.dump(fp_or_path)")
