"""Markdown for people who would rather read than parse.

``render(doc)`` gives the heading, the paragraphs, lists, quotes and tables,
page breaks as quiet markers (``⟨p. 543⟩``), notes as Markdown footnotes
(``[^80]``), emphasis, and links to history.state.gov for every reference whose
target has an address. The corrected reading of emendations is shown unless
``reading="original"``.
"""

from __future__ import annotations

import re
from typing import Literal

from frusdoc import model as m

__all__ = ["render"]

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
        if isinstance(node, m.Text):
            return _escape(node.text)
        if isinstance(node, m.NoteRef):
            return self.footnote(node)
        if isinstance(node, m.PageBreak):
            return f"⟨p. {_escape(node.label)}⟩"
        if isinstance(node, m.LineBreak):
            return "  \n"
        if isinstance(node, m.Emphasis):
            inner = self.inlines(node.children)
            if not inner.strip():
                return inner
            mark = "**" if node.rend in ("strong", "bold") else "*" if node.rend == "italic" else ""
            return f"{mark}{inner}{mark}"
        if isinstance(node, m.Reference):
            inner = self.inlines(node.children)
            url = node.target.url
            return f"[{inner}]({url})" if url else inner
        if isinstance(node, m.Emendation):
            corrected = self.reading == "corrected" and node.status != "rejected"
            return self.inlines(node.corrected if corrected else node.original)
        if isinstance(node, m.Embedded):
            return "\n\n" + self.block(node.block) + "\n\n"
        if isinstance(node, m.RawInline) and node.tag.startswith("#"):
            return ""
        return self.inlines(getattr(node, "children", ()))

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
        if isinstance(block, m.Paragraph | m.Plain | m.Dateline | m.Signed):
            text = self.run(block.inlines)
            if isinstance(block, m.Dateline | m.Signed):
                return f"*{text}*" if text else ""
            return text
        if isinstance(block, m.Heading):
            return "### " + self.inlines(block.inlines).strip()
        if isinstance(block, m.Quote):
            inner = self.blocks(block.blocks)
            return "\n".join("> " + line if line else ">" for line in inner.split("\n"))
        if isinstance(block, m.ListBlock):
            lines = [f"**{self.inlines(block.head).strip()}**", ""] if block.head else []
            for item in block.items:
                marker = f"{item.label} " if item.label else "- "
                body = self.blocks(item.blocks).split("\n")
                lines.append(marker + body[0])
                lines.extend(("   " + line) if line else "" for line in body[1:])
            return "\n".join(lines)
        if isinstance(block, m.Table):
            rows = [[self.inlines(c.inlines).strip().replace("\n", " ") for c in r.cells] for r in block.rows]
            width = max((len(r) for r in rows), default=0)
            if not width:
                return ""
            rows = [r + [""] * (width - len(r)) for r in rows]
            head = "| " + " | ".join(rows[0]) + " |"
            rule = "|" + "---|" * width
            return "\n".join([head, rule, *("| " + " | ".join(r) + " |" for r in rows[1:])])
        if isinstance(block, m.Attachment):
            heading = self.inlines(block.title).strip()
            content = self.blocks(block.blocks)
            return f"#### {heading}\n\n{content}" if heading else content
        if isinstance(block, m.Opener | m.Closer | m.Postscript):
            return self.blocks(block.blocks)
        return self.blocks(block.content)  # RawBlock


def render(doc: m.Document, *, reading: Literal["original", "corrected"] = "corrected") -> str:
    """The document as Markdown (CommonMark with footnotes)."""
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
