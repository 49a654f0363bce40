"""HTML for readers: a standalone, readable HTML5 page per document.

``render(doc, volume=vol)`` gives one page: the volume's title above, the
heading, the document's date, every block (datelines, paragraphs, lists,
tables, quotes, openers, closers, signatures, postscripts, attachments),
page breaks as quiet markers (``[Page 543]``) with an anchor each, footnotes
at the end linked both ways (marker → note, note → back to every marker),
names linked to the volume's persons and terms when the volume lists them
(each entry shown once, under the notes), and what frusdoc keeps raw shown,
outlined, with its TEI tag. Everything is escaped; characters HTML cannot
carry (controls, noncharacters) are shown as visible stand-ins. The page
holds its own small stylesheet and no script, so it reads offline.

For a volume, :func:`render_pages` gives an index page and one page per
document, linked to each other; :func:`write` writes them (``frusdoc convert
volume.xml --to html -o out/`` writes ``out/volume.html`` and the documents'
pages in ``out/volume/``). :func:`render_volume` gives every document on one
page instead. Of the verbs the format modules share, HTML has :func:`dumps`
(:func:`render`) and :func:`dump`: it is written, never read. See
``docs/html.md``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Literal, Union, cast

from frusdoc import _args
from frusdoc import model as m
from frusdoc._version import __version__
from frusdoc.errors import ArgumentValueError, NodeTypeError, short_repr
from frusdoc.formats import FileAccessError, Writable, write_target
from frusdoc.model.targets import HSG, document_url
from frusdoc.tree import is_markup, page_marker, plain_text, walk

__all__ = ["STYLESHEET", "Reading", "dump", "dumps", "render", "render_pages", "render_volume", "write"]

Reading = Literal["original", "corrected"]
"""Which side of an emendation a page shows (the printed text, or the correction)."""

Value = Union[m.Document, m.Volume, list[m.Document]]

STYLESHEET = """\
body{margin:0;background:#fdfdfb;color:#1d1d1d;font:17px/1.55 Georgia,"Times New Roman",serif}
main,header.volume,footer{max-width:42em;margin:0 auto;padding:0 1.2em}
header.volume{padding-top:1em;color:#555;font-size:.9em}
header.volume p{margin:.2em 0}
h1{font-size:1.45em;line-height:1.3;margin:.8em 0 .3em}
h2{font-size:1.15em;margin:1.6em 0 .4em}
h3{font-size:1em;margin:1.2em 0 .3em}
a{color:#1a4f8b}
.meta{color:#555;font-size:.9em;margin:0 0 1.2em}
.source-line{color:#555;font-size:.9em}
.dateline{font-style:italic;text-align:right}
.opener,.closer{margin:1em 0}
.signed{text-align:right;font-variant:small-caps}
.postscript{margin-top:1.2em}
.attachment{border-top:1px solid #ccc;margin-top:1.6em}
blockquote{margin:1em 1.5em;color:#333}
.list-head{font-weight:bold;margin-bottom:.2em}
ul.labelled{list-style:none;padding-left:1.5em}
.item-label{margin-right:.4em}
table{border-collapse:collapse;margin:1em 0}
td{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}
.rend-center{text-align:center}
.rend-right,.rend-flushright{text-align:right}
.rend-smallcaps{font-variant:small-caps}
.rend-underline{text-decoration:underline}
.pb{color:#888;font-size:.75em;font-family:sans-serif;white-space:nowrap}
sup.noteref{font-size:.75em;line-height:0}
sup.noteref a{text-decoration:none}
a.name{color:inherit;text-decoration:underline dotted #888}
.emendation{text-decoration:underline dotted #b35c00}
.gap{color:#777}
.raw{outline:1px dashed #b0a070;outline-offset:2px}
.raw::before{content:"<" attr(data-tag) ">";color:#9a8a50;font:.7em sans-serif;margin-right:.3em}
.notes,.names{border-top:1px solid #ccc;margin-top:2em;font-size:.92em}
.note{display:flex;gap:.6em}
.note-label{min-width:2.2em;text-align:right}
.note-label a{text-decoration:none}
.note-inline{color:#555}
.note-body>:first-child{margin-top:0}
.note:target,.name-entry:target{background:#fff6d5}
.backref{text-decoration:none;margin-left:.3em}
dt{font-weight:bold}
dd{margin:0 0 .5em 1.5em}
nav.pages{display:flex;justify-content:space-between;margin:2em 0;font-size:.9em}
footer{color:#888;font-size:.8em;padding-bottom:2em}
"""
"""The inline stylesheet of every page (no external resources, no script)."""

# What HTML cannot carry in text (the parser reports them, or replaces them):
# C0 and C1 controls other than tab, line feed, form feed and carriage
# return, lone surrogates and noncharacters.
_BAD = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
    "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
_SPECIAL = re.compile('[&<>"]')


def _stand_in(match: re.Match[str]) -> str:
    # A C0 control is shown as its Unicode control picture (U+2400 + code), so
    # that what the source held stays visible; anything else as U+FFFD.
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def _esc(text: str) -> str:
    """``text`` safe in element content and in double-quoted attribute values."""
    text = _BAD.sub(_stand_in, text)
    return _SPECIAL.sub(lambda mt: _ESCAPES[mt.group()], text)


_CLASS_CHARS = re.compile(r"[^A-Za-z0-9_-]+")


def _css(prefix: str, value: str | None) -> str:
    # A rendition (``center``, ``#italic``) as a class name.
    name = _CLASS_CHARS.sub("-", value or "").strip("-").lower()
    return f"{prefix}-{name}" if name else ""


# The values <time datetime> takes that FRUS writes: a year, a month, a day,
# a local or global date and time.
_DATETIME = re.compile(
    r"\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)?)?"
)

_ID_CHARS = re.compile(r"[^A-Za-z0-9_.:-]+")


class _Ids:
    """Unique ids for one page: a prefix, a readable slug, and a suffix when taken."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def new(self, base: str) -> str:
        base = _ID_CHARS.sub("_", base) or "x"
        name, k = base, 1
        while name in self.taken:
            k += 1
            name = f"{base}-{k}"
        self.taken.add(name)
        return name


def _attr(name: str, value: str | None) -> str:
    return f' {name}="{_esc(value)}"' if value else ""


class _Writer:
    """Writes one document (an ``<article>``) into a page whose ids it shares."""

    def __init__(
        self,
        doc: m.Document,
        volume: m.Volume | None,
        reading: Reading,
        ids: _Ids,
        prefix: str,
        siblings: Mapping[str, str],
    ) -> None:
        self.doc = doc
        self.reading = reading
        self.ids = ids
        self.prefix = prefix
        self.siblings = siblings  # document id -> href of its page, for same-volume links
        self.volume_id = doc.volume or (volume.id if volume is not None else None)
        self.persons = {p.id: p for p in volume.persons} if volume is not None else {}
        self.terms = {t.id: t for t in volume.terms} if volume is not None else {}
        self.named: dict[str, str] = {}  # persons/terms entry id -> its html id, in first-mention order
        self.links = 0  # > 0 inside an <a>: links do not nest
        self.embedded = 0  # > 0 inside a run of inlines: blocks there must not open <p> or <h*>
        self.quiet = 0  # > 0 in text from outside the document (an entry's description): no markers
        # Notes get their ids first, so that markers and references can point at them.
        self.note_ids = [ids.new(f"{prefix}note-{n.label or n.id or i + 1}") for i, n in enumerate(doc.notes)]
        self.backrefs: list[list[str]] = [[] for _ in doc.notes]
        self.used = [False] * len(doc.notes)
        self.placed = [False] * len(doc.notes)
        # The first break of each page gets its anchor up front, so that a
        # reference to the page can link to it before the break is written.
        self.page_anchor = {
            label: ids.new(f"{prefix}page-{label}") for label in dict.fromkeys(_page_labels(doc, reading))
        }
        self.anchored: set[str] = set()

    # -- notes ---------------------------------------------------------------

    def _note_index(self, ref: m.NoteRef) -> int | None:
        notes = self.doc.notes
        if ref.note is not None:
            for i, note in enumerate(notes):
                if note.id == ref.note:
                    return i
        # By label: the first note of that label not yet referenced (a label
        # printed twice names two notes), else the first of that label. A
        # marker without a label (TEI: a note without @n) takes the next
        # unlabelled note.
        label = ref.label or None
        # (A marker whose id names no note goes by its label too, as in
        # frusdoc.pairing: the TEI writer, check and Markdown read it so.)
        fits = [i for i, n in enumerate(notes) if n.label == label]
        for i in fits:
            if not self.used[i]:
                return i
        return fits[0] if fits else None

    def _referenced(self) -> set[int]:
        # A dry run over the markers: which notes some marker points at.
        found = set()
        for _, node in walk(self.doc):
            if isinstance(node, m.NoteRef):
                i = self._note_index(node)
                if i is not None:
                    self.used[i] = True
                    found.add(i)
        self.used = [False] * len(self.doc.notes)
        return found

    def _shown_inline(self, i: int) -> bool:
        # A note without a label printed in the line of the text (TEI
        # rend="inline": "[Extract]"), not as a footnote.
        note = self.doc.notes[i]
        return note.rend == "inline" and note.label is None

    def note_ref(self, ref: m.NoteRef) -> str:
        if self.quiet:
            return ""
        i = self._note_index(ref)
        label = _esc(ref.label) or "*"  # a marker without a label still needs something to click
        if i is None:
            return f'<sup class="noteref unresolved" title="no note with this label">{label}</sup>'
        self.used[i] = True
        runs = _runs(self.doc.notes[i].blocks)
        if self._shown_inline(i) and runs is not None and not self.placed[i]:
            # Only a note of runs of text goes in the line: a block (a list,
            # a table) there would close the paragraph around it.
            self.placed[i] = True
            inner = " ".join(self.inlines(run) for run in runs)
            return f'<span class="note-inline" id="{self.note_ids[i]}">{inner}</span>'
        back = self.ids.new(f"{self.prefix}ref-{ref.label}")
        self.backrefs[i].append(back)
        if self.links:
            return f'<sup class="noteref" id="{back}">{label}</sup>'
        return f'<sup class="noteref"><a id="{back}" href="#{self.note_ids[i]}">{label}</a></sup>'

    # -- inlines -------------------------------------------------------------

    def inlines(self, inlines: Iterable[m.Inline]) -> str:
        return "".join(self.inline(i) for i in inlines)

    def inline(self, node: m.Inline) -> str:
        write = _INLINE.get(type(node))
        if write is None:
            raise NodeTypeError(f"html.render() has no case for {type(node).__name__} in a run of inlines")
        return write(self, node)

    def _text(self, node: m.Text) -> str:
        return _esc(node.text)

    def _emphasis(self, node: m.Emphasis) -> str:
        inner = self.inlines(node.children)
        rend = node.rend.lstrip("#").lower()
        if rend in ("italic", "italics", "i"):
            return f"<i>{inner}</i>"
        if rend in ("strong", "bold", "b"):
            return f"<b>{inner}</b>"
        if rend in ("superscript", "sup"):
            return f"<sup>{inner}</sup>"
        if rend in ("subscript", "sub"):
            return f"<sub>{inner}</sub>"
        return f'<span class="{_css("rend", rend) or "rend"}">{inner}</span>'

    def _page_break(self, node: m.PageBreak) -> str:
        if self.quiet:
            return ""
        marker = page_marker(node)
        if node.label in self.page_anchor and node.label not in self.anchored:
            self.anchored.add(node.label)
            id = self.page_anchor[node.label]
        else:
            id = self.ids.new(f"{self.prefix}page-{node.label}")
        return f'<span class="pb" id="{id}"{_attr("data-facs", node.facs)}>{_esc(marker)}</span>'

    def _line_break(self, node: m.LineBreak) -> str:
        return "<br>\n"

    def _href(self, target: m.Target) -> str | None:
        same_volume = getattr(target, "volume", None) in (None, self.volume_id)
        if isinstance(target, m.NoteTarget) and same_volume and target.document in (None, self.doc.id):
            for i, note in enumerate(self.doc.notes):
                if (target.id is not None and note.id == target.id) or (
                    target.id is None and target.label is not None and note.label == target.label
                ):
                    return f"#{self.note_ids[i]}"
        if isinstance(target, m.DocumentTarget) and same_volume:
            if target.document == self.doc.id and self.doc.id is not None:
                return f"#{self.prefix}top"
            if target.document in self.siblings:
                return self.siblings[target.document]
            return document_url(self.volume_id, target.document)
        if isinstance(target, m.PageTarget) and same_volume:
            if target.page in self.page_anchor:
                return f"#{self.page_anchor[target.page]}"
            if self.volume_id:
                return f"{HSG}/{self.volume_id}/pg_{target.page}"
        return target.url

    def _reference(self, node: m.Reference) -> str:
        href = None if self.links else self._href(node.target)
        title = _attr("title", node.target.raw)
        if href is None:
            return f'<span class="ref"{title}>{self.inlines(node.children)}</span>'
        self.links += 1
        inner = self.inlines(node.children)
        self.links -= 1
        return f'<a class="ref" href="{_esc(href)}"{title}>{inner}</a>'

    def _name(self, node: m.Name) -> str:
        entry: m.Person | m.Term | None = None
        if node.ref is not None:
            entry = self.persons.get(node.ref) or self.terms.get(node.ref)
        kind = f"name {node.kind}"
        if entry is None or self.links:
            return f'<span class="{kind}"{_attr("data-ref", node.ref)}>{self.inlines(node.children)}</span>'
        target = self.named.get(entry.id)
        if target is None:
            target = self.named[entry.id] = self.ids.new(f"{self.prefix}{entry.id}")
        label = entry.name if isinstance(entry, m.Person) else entry.term
        about = plain_text(entry.description).strip()
        title = f"{label}, {about}" if about else label
        self.links += 1
        inner = self.inlines(node.children)
        self.links -= 1
        return f'<a class="{kind}" href="#{target}" title="{_esc(title)}">{inner}</a>'

    def _date(self, node: m.DateText) -> str:
        inner = self.inlines(node.children)
        when = node.when or node.not_before
        if when and _DATETIME.fullmatch(when):
            return f'<time datetime="{_esc(when)}">{inner}</time>'
        # A value HTML's <time> does not take (a range, free text) is kept as data.
        return f'<span class="date"{_attr("data-when", when)}>{inner}</span>'

    def _emendation(self, node: m.Emendation) -> str:
        corrected = self.reading == "corrected" and node.status != "rejected"
        shown, other = (node.corrected, node.original) if corrected else (node.original, node.corrected)
        word = "printed" if corrected else "correction"
        title = f"{word}: {plain_text(other)}" + (f" ({node.status})" if node.status != "accepted" else "")
        return f'<span class="emendation" title="{_esc(title)}">{self.inlines(shown)}</span>'

    def _gap(self, node: m.Gap) -> str:
        about = ", ".join(x for x in (node.reason, node.extent) if x)
        return f'<span class="gap"{_attr("title", about)}>{self.inlines(node.children)}</span>'

    def _embedded(self, node: m.Embedded) -> str:
        self.embedded += 1
        try:
            return self.block(node.block)
        finally:
            self.embedded -= 1

    def _raw_inline(self, node: m.RawInline) -> str:
        if node.tag in ("#comment", "#pi"):
            # Markup, not text (frusdoc.is_markup): kept in the page's source
            # only, as a comment HTML allows ("--" and ">" broken up).
            text = plain_text(node.children).replace("-", "- ").replace(">", "&gt;")
            return f"<!-- {_BAD.sub(_stand_in, text)} -->"
        return (
            f'<span class="raw" data-tag="{_esc(node.tag)}"{self._raw_title(node.tag, node.attributes)}>'
            f"{self.inlines(node.children)}</span>"
        )

    @staticmethod
    def _raw_title(tag: str, attributes: m.Attributes) -> str:
        shown = " ".join(f'{k}="{v}"' for k, v in attributes)
        return _attr("title", f"<{tag}{' ' + shown if shown else ''}>: kept as it was (not modelled)")

    # -- blocks --------------------------------------------------------------

    def blocks(self, blocks: Iterable[m.Block]) -> str:
        return "".join(self.block(b) for b in blocks)

    def block(self, block: m.Block) -> str:
        write = _BLOCK.get(type(block))
        if write is None:
            raise NodeTypeError(f"html.render() has no case for {type(block).__name__} where blocks stand")
        return write(self, block)

    def _run(self, tag: str, cls: str, inlines: tuple[m.Inline, ...], extra_class: str = "") -> str:
        # A run that embeds blocks (a list inside a TEI <p>), or one inside
        # such a run, goes in a <div>: HTML's parser closes a <p> at a list.
        if self.embedded or _embeds(inlines):
            tag, cls = "div", f"{cls} {tag}".strip()
        classes = " ".join(c for c in (cls, extra_class) if c)
        return f"<{tag}{_attr('class', classes)}>{self.inlines(inlines)}</{tag}>\n"

    def _paragraph(self, block: m.Paragraph) -> str:
        return self._run("p", "", block.inlines, _css("rend", block.rend))

    def _plain(self, block: m.Plain) -> str:
        return self._run("p", "", block.inlines)

    def _heading(self, block: m.Heading) -> str:
        return self._run("h3", "", block.inlines)

    def _dateline(self, block: m.Dateline) -> str:
        return self._run("p", "dateline", block.inlines)

    def _signed(self, block: m.Signed) -> str:
        return self._run("p", "signed", block.inlines)

    def _quote(self, block: m.Quote) -> str:
        return f"<blockquote{_attr('class', _css('rend', block.rend))}>\n{self.blocks(block.blocks)}</blockquote>\n"

    def _list(self, block: m.ListBlock) -> str:
        out = [f'<div class="list{" " + _css("list", block.kind) if block.kind else ""}">\n']
        if block.head:
            out.append(self._run("p", "list-head", block.head))
        labelled = any(item.label for item in block.items)
        out.append('<ul class="labelled">\n' if labelled else "<ul>\n")
        for item in block.items:
            out.append("<li>")
            if item.before:
                out.append(f'<span class="between">{self.inlines(item.before)}</span>')
            if item.label:
                out.append(f'<span class="item-label">{_esc(item.label)}</span> ')
            out.append(self.blocks(item.blocks))
            out.append("</li>\n")
        out.append("</ul>\n")
        if block.after:
            out.append(self._run("p", "between", block.after))
        out.append("</div>\n")
        return "".join(out)

    def _table(self, block: m.Table) -> str:
        out = ['<div class="table">\n<table>\n<tbody>\n']
        for row in block.rows:
            out.append("<tr>\n")
            # What stood between rows has no place of its own in a table: it
            # goes at the start of the row's first cell.
            before = f'<span class="between">{self.inlines(row.before)}</span>' if row.before else ""
            cells = row.cells or ((m.Cell(),) if before else ())
            for k, cell in enumerate(cells):
                out.append(f"<td>{before if k == 0 else ''}{self.inlines(cell.inlines)}</td>\n")
            out.append("</tr>\n")
        out.append("</tbody>\n</table>\n")
        if block.after:
            out.append(self._run("p", "between", block.after))
        out.append("</div>\n")
        return "".join(out)

    def _container(self, block: m.Opener | m.Closer | m.Postscript) -> str:
        cls = {m.Opener: "opener", m.Closer: "closer", m.Postscript: "postscript"}[type(block)]
        return f'<div class="{cls}">\n{self.blocks(block.blocks)}</div>\n'

    def _attachment(self, block: m.Attachment) -> str:
        id = _attr("id", self.ids.new(f"{self.prefix}{block.id}")) if block.id else ""
        title = self._run("h2", "", block.title) if block.title else ""
        return f'<section class="attachment"{id}>\n{title}{self.blocks(block.blocks)}</section>\n'

    def _raw_block(self, block: m.RawBlock) -> str:
        if block.tag == "#text":  # stray text where blocks stand: text, not an element
            return f"<div>{self.blocks(block.content)}</div>\n"
        if block.tag in ("#comment", "#pi"):
            return "".join(
                self._raw_inline(m.RawInline(tag=block.tag, children=_inlines_of(b))) for b in block.content
            )
        return (
            f'<div class="raw" data-tag="{_esc(block.tag)}"{self._raw_title(block.tag, block.attributes)}>\n'
            f"{self.blocks(block.content)}</div>\n"
        )

    # -- the document --------------------------------------------------------

    def article(self, heading_level: int = 1) -> str:
        doc = self.doc
        top = self.ids.new(f"{self.prefix}top")
        attrs = f' id="{top}"' + _attr("data-document", doc.id) + _attr("data-kind", doc.kind)
        out = [f'<article class="document"{attrs}>\n']
        # Unlabelled source lines printed above the heading (1918: "File No.
        # 861.77/451"): inline notes no marker places in the text.
        referenced = self._referenced()
        for i, note in enumerate(doc.notes):
            if self._shown_inline(i) and i not in referenced:
                self.placed[i] = True
                self.used[i] = True
                out.append(
                    f'<div class="source-line" id="{self.note_ids[i]}">\n{self.blocks(note.blocks)}</div>\n'
                )
        tag = f"h{heading_level}"
        if doc.title:
            out.append(self._run(tag, "", doc.title))
        else:
            out.append(f"<{tag}>{_esc(_fallback_title(doc))}</{tag}>\n")
        out.append(self._meta())
        out.append(self.blocks(doc.blocks))
        out.append(self._notes())
        out.append(self._names())
        out.append("</article>\n")
        return "".join(out)

    def _meta(self) -> str:
        doc = self.doc
        bits = []
        if doc.date is not None and (doc.date.not_before or doc.date.not_after):
            start, end = (doc.date.not_before or "")[:10], (doc.date.not_after or "")[:10]
            shown = start if start == end or not end else f"{start} – {end}" if start else f"until {end}"
            stamp = doc.date.not_before or doc.date.not_after or ""
            if _DATETIME.fullmatch(stamp):
                bits.append(f'<time datetime="{_esc(stamp)}">{_esc(shown)}</time>')
            else:
                bits.append(f'<span class="date">{_esc(shown)}</span>')
        if doc.kind:
            bits.append(_esc(doc.kind.replace("-", " ")))
        if doc.page:
            bits.append(f"page {_esc(doc.page)}")
        if doc.url:
            bits.append(f'<a href="{_esc(doc.url)}">history.state.gov</a>')
        return f'<p class="meta">{" · ".join(bits)}</p>\n' if bits else ""

    def _notes(self) -> str:
        # Notes may reference further notes: their markers are met while the
        # notes are written, so the back links are collected as they come and
        # the list is assembled at the end.
        bodies: list[tuple[int, str]] = []
        for i, note in enumerate(self.doc.notes):
            if self.placed[i]:
                continue
            self.placed[i] = True  # placed here: a marker inside it links, never repeats it
            bodies.append((i, self.blocks(note.blocks)))
        if not bodies:
            return ""
        out = ['<section class="notes">\n<h2>Notes</h2>\n']
        for i, body in bodies:
            note = self.doc.notes[i]
            label = _esc(note.label or "")
            backs = self.backrefs[i]
            if backs:
                label = f'<a href="#{backs[0]}" title="back to the text">{label or "↩"}</a>'
                more = "".join(
                    f' <a class="backref" href="#{b}" title="back to the text">↩{k + 2}</a>'
                    for k, b in enumerate(backs[1:])
                )
            else:
                more = ""
            kind = _attr("data-kind", note.kind)
            out.append(
                f'<div class="note" id="{self.note_ids[i]}"{kind}><span class="note-label">{label}</span>'
                f'<div class="note-body">\n{body}{more}</div></div>\n'
            )
        out.append("</section>\n")
        return "".join(out)

    def _names(self) -> str:
        if not self.named:
            return ""
        persons = [(self.persons[k], v) for k, v in self.named.items() if k in self.persons]
        terms = [(self.terms[k], v) for k, v in self.named.items() if k not in self.persons]
        out = ['<section class="names">\n']
        for heading, entries in (("Persons", persons), ("Abbreviations and terms", terms)):
            if not entries:
                continue
            out.append(f"<h2>{heading}</h2>\n<dl>\n")
            for entry, id in entries:
                name = entry.name if isinstance(entry, m.Person) else entry.term
                # Descriptions may name further entries: shown as text, so the
                # list stays what the document names. Their note markers and
                # page breaks belong to the list of persons, not to this page.
                self.links += 1
                self.quiet += 1
                about = self.inlines(entry.description)
                self.quiet -= 1
                self.links -= 1
                out.append(f'<dt class="name-entry" id="{id}">{_esc(name)}</dt><dd>{about}</dd>\n')
            out.append("</dl>\n")
        out.append("</section>\n")
        return "".join(out)


def _inlines_of(block: m.Block) -> tuple[m.Inline, ...]:
    inlines = getattr(block, "inlines", ())
    return inlines if isinstance(inlines, tuple) else ()


def _runs(blocks: tuple[m.Block, ...]) -> list[tuple[m.Inline, ...]] | None:
    """The runs of inlines of ``blocks`` when each is a run (paragraphs, plain
    text, headings, datelines, signatures) embedding no block; else ``None``."""
    runs = []
    for block in blocks:
        if not isinstance(block, (m.Paragraph, m.Plain, m.Heading, m.Dateline, m.Signed)):
            return None
        if _embeds(block.inlines):
            return None
        runs.append(block.inlines)
    return runs


def _embeds(inlines: Iterable[m.Inline]) -> bool:
    stack = list(inlines)
    while stack:
        node = stack.pop()
        if isinstance(node, m.Embedded):
            return True
        if isinstance(node, m.Emendation):
            stack.extend(node.original)
            stack.extend(node.corrected)
        else:
            stack.extend(getattr(node, "children", ()))
    return False


def _page_labels(doc: m.Document, reading: Reading) -> Iterable[str]:
    # The labels of the page breaks the page shows: not those on the side of an
    # emendation it does not show, nor inside a comment (written as an HTML
    # comment). An anchor reserved for a break never written would leave the
    # links to its page dangling.
    hidden: set[tuple[object, ...]] = set()
    for path, node in walk(doc):
        if hidden and any(path[:k] in hidden for k in range(1, len(path) + 1)):
            continue
        if isinstance(node, m.PageBreak):
            yield node.label
        elif isinstance(node, m.Emendation):
            shows_corrected = reading == "corrected" and node.status != "rejected"
            hidden.add((*path, "original" if shows_corrected else "corrected"))
        elif is_markup(node):
            hidden.add(path)


def _fallback_title(doc: m.Document) -> str:
    if doc.label:
        return f"Document {doc.label}"
    return f"Document {doc.id}" if doc.id else "Document"


# One handler per class (tests/test_dispatch.py checks every class has one).
_INLINE: dict[type, Callable[[_Writer, Any], str]] = {
    m.Text: _Writer._text,
    m.Emphasis: _Writer._emphasis,
    m.NoteRef: _Writer.note_ref,
    m.PageBreak: _Writer._page_break,
    m.LineBreak: _Writer._line_break,
    m.Reference: _Writer._reference,
    m.Name: _Writer._name,
    m.DateText: _Writer._date,
    m.Emendation: _Writer._emendation,
    m.Gap: _Writer._gap,
    m.Embedded: _Writer._embedded,
    m.RawInline: _Writer._raw_inline,
}

_BLOCK: dict[type, Callable[[_Writer, Any], str]] = {
    m.Paragraph: _Writer._paragraph,
    m.Plain: _Writer._plain,
    m.Heading: _Writer._heading,
    m.Quote: _Writer._quote,
    m.ListBlock: _Writer._list,
    m.Table: _Writer._table,
    m.Dateline: _Writer._dateline,
    m.Opener: _Writer._container,
    m.Signed: _Writer._signed,
    m.Closer: _Writer._container,
    m.Postscript: _Writer._container,
    m.Attachment: _Writer._attachment,
    m.RawBlock: _Writer._raw_block,
}


def _page(title: str, header: str, main: str, nav: str = "") -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="frusdoc {_esc(__version__)}">\n'
        f"<title>{_esc(title)}</title>\n<style>\n{STYLESHEET}</style>\n</head>\n<body>\n"
        f"{header}<main>\n{main}{nav}</main>\n"
        "<footer><p>Written by frusdoc from the <i>Foreign Relations of the United States</i> source.</p></footer>\n"
        "</body>\n</html>\n"
    )


def _volume_header(volume: m.Volume | None, volume_id: str | None, index: str | None = None) -> str:
    if volume is None and volume_id is None:
        return ""
    vid = volume.id if volume is not None else volume_id
    title = (volume.title if volume is not None else None) or vid or ""
    shown = f'<a href="{_esc(index)}">{_esc(title)}</a>' if index else _esc(title)
    line = f'<p class="volume-title">{shown}</p>\n'
    if volume is not None and title != vid:
        line += f'<p class="volume-id">{_esc(vid or "")}</p>\n'
    return f'<header class="volume">\n{line}</header>\n'


def _title_text(doc: m.Document) -> str:
    title = " ".join(plain_text(doc.title).split())
    return title or _fallback_title(doc)


def _check_reading(where: str, reading: object) -> Reading:
    _args.expect_one_of(f"{where}(reading)", reading, ("original", "corrected"))
    return cast(Reading, reading)


def render(document: m.Document, *, volume: m.Volume | None = None, reading: Reading = "corrected") -> str:
    """The document as a standalone HTML5 page (a ``str``, UTF-8 declared).

    With ``volume`` (the document's :class:`~frusdoc.Volume`), the page shows
    the volume's title and links the names the volume lists to their entries;
    without it, names are marked but not linked. ``reading`` chooses the
    corrected (default) or printed side of emendations; the other side is the
    marked text's tooltip. Raises :class:`~frusdoc.ArgumentTypeError` for a
    value that is not a document (or a volume that is not one), and
    :class:`~frusdoc.NodeTypeError` for a node of no model class inside it.
    """
    _expect_document("html.render", document, volume)
    return _render(document, volume, _check_reading("html.render", reading), {}, None, "")


#: A document's page: :func:`render` under the name every format module shares
#: (HTML is written, never read: no ``loads``/``load``).
dumps = render
"""The HTML page of a document: :func:`render` under the name every format module shares."""


def dump(
    document: m.Document,
    fp_or_path: Writable,
    *,
    volume: m.Volume | None = None,
    reading: Reading = "corrected",
) -> None:
    """Write :func:`render` of ``document`` to a path (UTF-8, no newline
    translation, parent directories created) or to a text file object."""
    _expect_document("html.dump", document, volume)
    _args.expect_target("html.dump(fp_or_path)", fp_or_path)
    write_target(render(document, volume=volume, reading=_check_reading("html.dump", reading)), fp_or_path)


def _expect_document(where: str, document: object, volume: object) -> None:
    _args.expect_node(f"{where}(document)", document, m.Document)
    if volume is not None:
        _args.expect_node(f"{where}(volume)", volume, m.Volume)


def _render(
    doc: m.Document,
    volume: m.Volume | None,
    reading: Reading,
    siblings: Mapping[str, str],
    index: str | None,
    nav: str,
) -> str:
    writer = _Writer(doc, volume, reading, _Ids(), "", siblings)
    article = writer.article()
    header = _volume_header(volume, doc.volume, index)
    return _page(_title_text(doc), header, article, nav)


def _documents(where: str, value: Value) -> list[m.Document]:
    if isinstance(value, m.Volume):
        return value.documents
    if isinstance(value, list) and all(isinstance(d, m.Document) for d in value):
        return value
    _args.wrong_type(f"{where}(value)", "a Document, a Volume or a list of documents", value)


def _file_names(docs: list[m.Document]) -> list[str]:
    # d12.html after the document's id; documents without one (or sharing one)
    # are numbered by position, so no page overwrites another.
    names: list[str] = []
    taken: set[str] = set()
    for k, doc in enumerate(docs, 1):
        base = _ID_CHARS.sub("_", doc.id) if doc.id else ""
        name = f"{base}.html" if base and base not in (".", "..") else f"document-{k}.html"
        if name in taken or name == "index.html":
            name = f"document-{k}.html"
        taken.add(name)
        names.append(name)
    return names


def render_pages(value: Value, *, name: str = "index", reading: Reading = "corrected") -> dict[str, str]:
    """Pages to write, by path relative to one folder: for a document,
    ``{name}.html``; for a volume or a list of documents, the index
    ``{name}.html`` (the volume's title, its documents with their titles) and
    each document's page ``{name}/{id}.html``, linked to the previous, next
    and index pages, references to documents of the same volume linked to
    their pages."""
    reading = _check_reading("html.render_pages", reading)
    _args.expect_str("html.render_pages(name)", name, empty=False)
    if "/" in name or "\\" in name or name in (".", ".."):
        raise ArgumentValueError(f"html.render_pages(name): expected a file name without folders, got {short_repr(name)}")
    if isinstance(value, m.Document):
        return {f"{name}.html": _render(value, None, reading, {}, None, "")}
    docs = _documents("html.render_pages", value)
    volume = value if isinstance(value, m.Volume) else None
    files = _file_names(docs)
    siblings = {d.id: f for d, f in zip(docs, files, strict=True) if d.id}
    pages: dict[str, str] = {}
    up = f"../{name}.html"
    for k, (doc, file) in enumerate(zip(docs, files, strict=True)):
        links = []
        if k > 0:
            links.append(f'<a rel="prev" href="{_esc(files[k - 1])}">← {_esc(_title_text(docs[k - 1]))}</a>')
        links.append(f'<a href="{_esc(up)}">Contents</a>')
        if k + 1 < len(docs):
            links.append(f'<a rel="next" href="{_esc(files[k + 1])}">{_esc(_title_text(docs[k + 1]))} →</a>')
        nav = '<nav class="pages">' + "".join(f"<span>{x}</span>" for x in links) + "</nav>\n"
        pages[f"{name}/{file}"] = _render(doc, volume, reading, siblings, up, nav)
    items = "".join(
        f'<li><a href="{_esc(name)}/{_esc(f)}">{_esc(_title_text(d))}</a></li>\n'
        for d, f in zip(docs, files, strict=True)
    )
    title = (volume.title or volume.id) if volume is not None else "Documents"
    main = f'<h1>{_esc(title)}</h1>\n<p class="meta">{len(docs)} documents</p>\n<ol class="contents">\n{items}</ol>\n'
    if not docs:
        main = f'<h1>{_esc(title)}</h1>\n<p class="meta">no documents</p>\n'
    pages[f"{name}.html"] = _page(title, _volume_header(volume, None) if volume is not None else "", main)
    return pages


def render_volume(value: Value, *, reading: Reading = "corrected") -> str:
    """Every document of a volume (or a list of documents, or one document) on
    one page, each an ``<article>`` after a table of contents; ids are made
    unique across the page."""
    reading = _check_reading("html.render_volume", reading)
    docs = [value] if isinstance(value, m.Document) else _documents("html.render_volume", value)
    volume = value if isinstance(value, m.Volume) else None
    ids = _Ids()
    # A reference to another document of the page links to its article.
    siblings = {d.id: f"#{_ID_CHARS.sub('_', d.id)}-top" for d in docs if d.id}
    articles: list[str] = []
    contents: list[str] = []
    for k, doc in enumerate(docs, 1):
        # Each article's ids start with its document's id, so that the notes
        # of two documents (both "note-1") stay apart.
        prefix = f"{_ID_CHARS.sub('_', doc.id) if doc.id else f'document-{k}'}-"
        writer = _Writer(doc, volume, reading, ids, prefix, siblings)
        article = writer.article(heading_level=2)
        articles.append(article)
        contents.append(f'<li><a href="#{prefix}top">{_esc(_title_text(doc))}</a></li>\n')
    if volume is not None:
        title = volume.title or volume.id
    elif len(docs) == 1:
        title = _title_text(docs[0])
    else:
        title = "Documents"
    toc = f'<nav class="contents">\n<ol>\n{"".join(contents)}</ol>\n</nav>\n' if len(docs) > 1 else ""
    main = f"<h1>{_esc(title)}</h1>\n{toc}{''.join(articles)}"
    header = _volume_header(volume, None) if volume is not None else ""
    return _page(title, header, main)


def write(value: Value, target: str | os.PathLike[str], *, reading: Reading = "corrected") -> list[Path]:
    """Write the pages of :func:`render_pages` for ``target`` (a path ending
    ``.html``): a document's page there; for a volume or a list of documents,
    the index there and the documents' pages in the folder of the same name
    beside it (``out/v.html`` and ``out/v/d1.html``, …). Parent folders are
    created; returns the paths written, the index or page first.

    Raises :class:`~frusdoc.FileAccessError` (an ``OSError``) when a file
    cannot be written.
    """
    _args.expect("html.write(target)", target, (str, os.PathLike), "a path to write to")
    path = Path(target)
    stem = path.name[: -len(".html")] if path.name.endswith(".html") else path.name
    pages = render_pages(value, name=stem or "index", reading=reading)
    first = f"{stem or 'index'}.html"
    written: list[Path] = []
    for relative in sorted(pages, key=lambda r: (r != first, r)):
        out = path.parent / relative
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            with open(out, "w", encoding="utf-8", newline="") as fp:
                fp.write(pages[relative])
        except OSError as exc:
            raise FileAccessError(out, "write", exc.strerror or str(exc)) from None
        written.append(out)
    return written
