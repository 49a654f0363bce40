"""Plain text of a history.state.gov document page → :class:`~frusdoc.Document`.

The reader is total: any string gives a document, and
``render(parse(s)) == s`` always holds, because every separator the page used is
recorded in the document's :class:`~frusdoc.TextLayout` and everything not
recognised stays text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from frusdoc import _args
from frusdoc import model as m
from frusdoc._construct import fast_constructor
from frusdoc.model import trusted
from frusdoc.text.markers import Marker, align
from frusdoc.text.writer import canonical_layout

__all__ = ["parse"]

_SEPARATOR = re.compile(r"((?:[ \t]*\r?\n)+)")
_PAGE = re.compile(r"\[(?:(Facsimile|Typeset) )?Page ((?:\[[^\]\n]*\]|[^\]\n\[])*)\]")
_PAGE_KINDS: dict[str | None, m.PageKind] = {None: "page", "Facsimile": "facsimile", "Typeset": "typeset"}
_NUMBERED_NOTE = re.compile(r"  ([1-9]\d*)\. (.*)\Z", re.S)
_ARROW_NOTE = re.compile(r"- (.*)↩\Z", re.S)
_NOTE_INDENT = "    "  # a footnote's second paragraph: "\n\n    text"
_SOURCE_LINE = re.compile(
    r"(?:File No\. )?\d{3}\.?[\w.]*(?: [\w() .,]+?)?/\S*(?:[ \w().,–-]*)?(?:: [\w ,—-]+)?"
    r"|[A-Z][\w.]*(?: [A-Z][\w.]*)* Papers(?:: [\w ,—-]+)?"
)
_BULLET = re.compile(r"( +)• (.*)\Z", re.S)
_LABEL = re.compile(r"(?:\d{1,2}|[a-z]|[IVX]{1,4})\.|\((?:\d{1,2}|[a-z])\)")
_DASH_ITEM = re.compile(r"- (.*)\Z", re.S)
# The two kinds of label/text pair: "1." then the text; "- 1." then "- text".
_PAIRS: tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...] = (
    ("labels", _LABEL, None),
    ("dash-labels", re.compile(r"- (" + _LABEL.pattern + r")"), _DASH_ITEM),
)
_CAPTION = re.compile(r"[A-Z][A-Z ]{2,30}")
_CAPTION_MAX = 31
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATELINE = re.compile(rf"\[?[A-Z][\w .,’'“”-]{{1,60}}, {_MONTH} \d{{1,2}}, \d{{4}}[^\n]{{0,40}}")
_DATELINE_MAX = 1 + 1 + 60 + 2 + len("September") + 1 + 2 + 2 + 4 + 40
_SIGNATURE = re.compile(r"[A-Z][\w.’'\[\]-]*(?: [A-Z\[][\w.’'\[\]-]*){0,4}")
_HEADING_LABEL = re.compile(r"(\d{1,4})\. ")
# Titles that never end a sentence: a line ending with one goes on.
_TITLE_END = re.compile(r"(?:^|\s)(?:Mr|Mrs|Messrs|Dr|Gen|Col|Capt|Lieut|Adm|Hon|Rev|Sr|Sra)\.\Z")
_CLASSIFICATION = re.compile(r"[a-z]+(?: +[a-z]+){0,2}")

# Constructors without the per-field checks (see frusdoc._construct): the parser
# builds only tuples and known literals.
_Cell = fast_constructor(m.Cell)
_Closer = fast_constructor(m.Closer)
_Dateline = fast_constructor(m.Dateline)
_Document = fast_constructor(m.Document)
_Heading = fast_constructor(m.Heading)
_LineBreak = fast_constructor(m.LineBreak)
_ListBlock = fast_constructor(m.ListBlock)
_ListItem = fast_constructor(m.ListItem)
_Note = fast_constructor(m.Note)
_NoteRef = fast_constructor(m.NoteRef)
_PageBreak = fast_constructor(m.PageBreak)
_Paragraph = fast_constructor(m.Paragraph)
_Plain = fast_constructor(m.Plain)
_Row = fast_constructor(m.Row)
_Signed = fast_constructor(m.Signed)
_Table = fast_constructor(m.Table)
_Text = fast_constructor(m.Text)
_TextLayout = fast_constructor(m.TextLayout)


def parse(s: str) -> m.Document:
    """Read the plain text of a document page.

    Never raises on a ``str``; any other argument is a ``TypeError``.
    """
    _args.expect_str("text.parse(s)", s)
    if not isinstance(s, str):
        raise TypeError(
            f"frusdoc.text.parse() expects str, got {type(s).__name__}"
            + ("; decode it first, e.g. data.decode('utf-8')" if isinstance(s, (bytes, bytearray)) else "")
        )
    # The parser builds only tuples and known literals (tests/test_invariants.py
    # re-checks its output on the corpus), so the construction checks are skipped.
    with trusted():
        return _parse(s)


def _parse(s: str) -> m.Document:
    parts = _split(s)
    leading = ""
    if parts and parts[0] == "" and len(parts) > 1:
        leading = parts[1]
        parts = parts[2:]
    trailing = ""
    if len(parts) > 1 and parts[-1] == "":
        trailing = parts[-2]
        parts = parts[:-2]
    lines = parts[0::2]
    seps = parts[1::2]
    if lines == [""]:
        lines = []

    note_start, note_style, note_texts, note_cut = _find_notes(lines, seps)
    body = lines[:note_start]
    # A note's further paragraphs are one piece with it: the separators before
    # them are written by the note itself, not the layout.
    inside: list[int] = []
    line = note_start
    for texts in note_texts:
        inside.extend(range(line, line + len(texts) - 1))
        line += len(texts)
    for k in reversed(inside):
        del seps[k]

    source: str | None = None
    if len(body) >= 2 and _SOURCE_LINE.fullmatch(body[0]):
        source = body[0]
    title_index = 1 if source is not None else 0

    markers = _align(body, title_index, note_texts)

    notes: list[m.Note] = []
    if source is not None:
        notes.append(_Note(kind="source", rend="inline", blocks=(_Plain(inlines=_inlines(source, [])),)))

    title: tuple[m.Inline, ...] = ()
    if len(body) > title_index:
        # A hard-wrapped heading ("Mr. Rockhill to Mr." / "Hay.") is one title.
        end = title_index
        while end + 1 < len(body) and seps[end] == "\n" and _continues(body[end], body[end + 1]):
            end += 1
        if end > title_index:
            title = _wrapped_inlines([(body[k], markers.get(k, [])) for k in range(title_index, end + 1)])
            _merge(seps, title_index, end)
            body = _collapse(body, title_index, end)
            markers = _shift(markers, title_index, end)
        else:
            title = _inlines(body[title_index], markers.get(title_index, []))

    blocks, list_styles = _blocks(body, seps, title_index + 1, markers)

    by_label = [mk.label for mk in markers_in_order(markers) if not mk.repeat]
    for k, texts in enumerate(note_texts):
        label = by_label[k] if k < len(by_label) else None
        kind = "source" if texts[0].startswith("Source: ") else None
        paragraphs = tuple(_Plain(inlines=_inlines(t, [])) for t in texts)
        notes.append(_Note(label=label, kind=kind, blocks=paragraphs))

    label_match = _HEADING_LABEL.match(body[title_index]) if len(body) > title_index else None
    layout = _TextLayout(
        separators=tuple(seps),
        leading=leading,
        trailing=trailing,
        list_styles=tuple(list_styles),
        note_style=note_style,
        note_cut=note_cut,
    )
    doc = _Document(
        title=title,
        blocks=tuple(blocks),
        notes=tuple(notes),
        label=label_match.group(1) if label_match else None,
        layout=layout,
    )
    if canonical_layout(doc) == layout:
        doc = _Document(title=doc.title, blocks=doc.blocks, notes=doc.notes, label=doc.label, layout=None)
    return doc


def _split(s: str) -> list[str]:
    """``_SEPARATOR.split(s)``, faster: the lines and the whitespace runs between them.

    The regular expression tries a match at every space of the text; this
    looks only at line ends. A separator is the spaces or tabs ending a line,
    an optional ``\r``, the ``\n``, and every blank line after it.
    """
    if "\n" not in s:
        return [s]
    pieces = s.split("\n")
    last = len(pieces) - 1
    out: list[str] = []
    sep: str | None = None  # the separator being gathered
    for k, piece in enumerate(pieces):
        if sep is not None:
            if k < last and _blank(piece):
                sep += piece + "\n"
                continue
            out.append(sep)
            sep = None
        if k == last:
            out.append(piece)
            break
        body = piece[:-1] if piece.endswith("\r") else piece
        text = body.rstrip(" \t")
        out.append(text)
        sep = piece[len(text) :] + "\n"
    return out


def _blank(piece: str) -> bool:
    # Spaces and tabs, and at most a \r at the very end: a line that is all separator.
    body = piece[:-1] if piece.endswith("\r") else piece
    return not body.strip(" \t")


def markers_in_order(markers: dict[int, list[Marker]]) -> list[Marker]:
    """The aligned markers in reading order."""
    return [mk for line in sorted(markers) for mk in markers[line]]


def _find_notes(lines: Sequence[str], seps: Sequence[str]) -> tuple[int, m.NoteStyle, list[list[str]], bool]:
    """The footnote list at the end of the page: where it starts (``len(lines)``
    when there is none), its flavour, the paragraphs of each note, and whether
    the page ends inside its last arrow note (before the ``↩``)."""
    n = len(lines)
    # Numbered: the last "  1. " line from which the numbers run 1, 2, … to the
    # end, each note starting on a line of its own; a note's further paragraphs
    # follow a blank line, indented four spaces.
    for start in range(n - 1, 0, -1):
        first = _NUMBERED_NOTE.fullmatch(lines[start])
        if first is None or first.group(1) != "1":
            continue
        notes: list[list[str]] = []
        for j in range(start, n):
            mt = _NUMBERED_NOTE.fullmatch(lines[j])
            if mt is not None and mt.group(1) == str(len(notes) + 1) and (j == start or seps[j - 1] == "\n"):
                notes.append([mt.group(2)])
            elif notes and seps[j - 1] == "\n\n" and lines[j].startswith(_NOTE_INDENT):
                notes[-1].append(lines[j][len(_NOTE_INDENT) :])
            else:
                break
        else:
            return start, "numbered", notes, False
        break
    # Arrow: a run of "- text↩" lines at the end; the very last may have lost
    # its "↩" when the excerpt was cut inside it.
    start = n
    cut = n > 2 and not lines[-1].endswith("↩") and _DASH_ITEM.fullmatch(lines[-1]) is not None
    if cut:
        start -= 1
    while start > 1 and _ARROW_NOTE.fullmatch(lines[start - 1]) and (start == n or seps[start - 1] == "\n"):
        start -= 1
    if cut and (start == n - 1 or seps[n - 2] != "\n"):
        start, cut = n, False  # a dash line alone is a dash item, not a note
    if start < n:
        texts = [[line[2:-1]] for line in lines[start : n - 1 if cut else n]]
        if cut:
            texts.append([lines[-1][2:]])
        return start, "arrow", texts, cut
    return n, "numbered", [], False


def _align(body: Sequence[str], title_index: int, notes: Sequence[Sequence[str]]) -> dict[int, list[Marker]]:
    """The markers of the heading and body, keyed by line, aligned with the notes."""
    if not notes:
        return {}
    searchable = [line if i >= title_index else "" for i, line in enumerate(body)]
    found = align(searchable, len(notes), source_first=notes[0][0].startswith("Source: "))
    if found is None:
        return {}
    out: dict[int, list[Marker]] = {}
    for mk in found:
        out.setdefault(mk.line, []).append(mk)
    return out


def _inlines(line: str, markers: Sequence[Marker]) -> tuple[m.Inline, ...]:
    """A line's inlines: text runs, page breaks and the given note markers."""
    if not markers and "Page " not in line:  # most lines: one run of text
        return (_Text(text=line),) if line else ()
    cuts: list[tuple[int, int, m.Inline]] = []
    for mt in _PAGE.finditer(line):
        cuts.append((mt.start(), mt.end(), _PageBreak(label=mt.group(2), kind=_PAGE_KINDS[mt.group(1)])))
    for mk in markers:
        cuts.append((mk.start, mk.end, _NoteRef(label=mk.label)))
    cuts.sort(key=lambda c: c[0])
    out: list[m.Inline] = []
    pos = 0
    for start, end, node in cuts:
        if start < pos:
            continue
        if start > pos:
            out.append(_Text(text=line[pos:start]))
        out.append(node)
        pos = end
    if pos < len(line):
        out.append(_Text(text=line[pos:]))
    return tuple(out)


def _blocks(
    body: Sequence[str], seps: list[str], first: int, markers: dict[int, list[Marker]]
) -> tuple[list[m.Block], list[str]]:
    """Group the body lines after the heading into blocks.

    Lines joined by a single newline form a list when they are bullets
    (``  • ``), label/text pairs (``1.`` then the text), dash pairs (``- 1.``
    then ``- text``) or dash items; every other line is a block of its own.
    The separators inside a group are removed from ``seps`` (in place), so
    that each block is one piece of the layout.
    """
    blocks: list[m.Block] = []
    styles: list[str] = []
    i = first
    n = len(body)
    last_body = n - 1

    def joined(j: int) -> bool:  # is line j+1 attached to line j by a single newline?
        return j + 1 < n and seps[j] == "\n"

    while i < n:
        line = body[i]
        # a table flattened to rows of cells, each ending in "|"
        if line.endswith("|"):
            j = i
            while joined(j) and body[j + 1].endswith("|"):
                j += 1
            blocks.append(_table(body, i, j, markers))
            _merge(seps, i, j)
            body, n, last_body = _collapse(body, i, j), n - (j - i), last_body - (j - i)
            markers = _shift(markers, i, j)
            i += 1
            continue
        # bullets
        if line.startswith(" ") and _BULLET.fullmatch(line):
            j = i
            while joined(j) and _BULLET.fullmatch(body[j + 1]):
                j += 1
            block = _bullet_list(body, i, j, markers)
            if block is not None:
                blocks.append(block)
                styles.append("bullet")
                _merge(seps, i, j)
                body, n, last_body = _collapse(body, i, j), n - (j - i), last_body - (j - i)
                markers = _shift(markers, i, j)
                i += 1
                continue
        # label/text pairs, plain or dash-prefixed (a pair needs the next line attached)
        for style, label_rx, text_rx in _PAIRS if joined(i) else ():
            j = i
            items: list[m.ListItem] = []
            while j + 1 < n and (j == i or joined(j - 1)) and joined(j):
                lm = label_rx.fullmatch(body[j])
                nxt = body[j + 1]
                tm = text_rx.fullmatch(nxt) if text_rx else None
                if lm is None or (text_rx is not None and tm is None) or label_rx.fullmatch(nxt):
                    break
                if text_rx is None and (_BULLET.fullmatch(nxt) or _DASH_ITEM.fullmatch(nxt)):
                    break
                label = lm.group(1) if style == "dash-labels" else lm.group(0)
                text = tm.group(1) if tm else nxt
                offset = len(nxt) - len(text)
                item_markers = [
                    Marker(mk.line, mk.start - offset, mk.end - offset, mk.label)
                    for mk in markers.get(j + 1, [])
                ]
                items.append(_ListItem(label=label, blocks=(_Plain(inlines=_inlines(text, item_markers)),)))
                j += 2
            if items:
                end = i + 2 * len(items) - 1
                blocks.append(_ListBlock(items=tuple(items)))
                styles.append(style)
                _merge(seps, i, end)
                body, n, last_body = _collapse(body, i, end), n - (end - i), last_body - (end - i)
                markers = _shift(markers, i, end)
                i += 1
                break
        else:
            # A line that visibly goes on (an open bracket, a trailing comma before a
            # number or a lower-case word) is joined with the next: hard-wrapped text.
            j = i
            while joined(j) and _continues(body[j], body[j + 1]):
                j += 1
            if j > i:
                pieces = [(body[k], markers.get(k, [])) for k in range(i, j + 1)]
                blocks.append(_wrapped(pieces, is_last=j == last_body))
                _merge(seps, i, j)
                body, n, last_body = _collapse(body, i, j), n - (j - i), last_body - (j - i)
                markers = _shift(markers, i, j)
            else:
                blocks.append(_single(line, markers.get(i, []), is_last=i == last_body))
            i += 1
    return blocks, styles


def _continues(line: str, following: str) -> bool:
    """Is ``following`` the rest of ``line`` rather than a new block?

    Yes when ``line`` visibly goes on: an open bracket or parenthesis
    (``(Received February`` / ``14.)``), a title that never ends a sentence
    (``Mr. Rockhill to Mr.`` / ``Hay.``), a trailing comma before a number or a
    lower-case word, or no closing punctuation before a lower-case word
    (``Mr. Trescot`` / ``to Mr. Frelinghuysen.``). Lower-case lines of one to
    three words are classification lines (``secret`` / ``urgent``), not the
    rest of a sentence.
    """
    if following.startswith((" ", "\t")) or not following.strip() or line.endswith("|"):
        return False
    if _BULLET.fullmatch(following) or _LABEL.fullmatch(following) or _DASH_ITEM.fullmatch(following):
        return False
    if line.count("[") > line.count("]") or line.count("(") > line.count(")"):
        return True
    if line.endswith(".") and _TITLE_END.search(line):
        return True
    if not following[0].islower() and not (following[0].isdigit() and line.endswith(",")):
        return False
    if line.endswith(","):
        return True
    return (
        line[-1:].isalpha()
        and (len(line.split()) >= 4 or any(c.isupper() for c in line))
        and not _CLASSIFICATION.fullmatch(following)
    )


def _merge(seps: list[str], i: int, j: int) -> None:
    # Lines i..j become one piece: drop the separators between them.
    del seps[i:j]


def _collapse(body: Sequence[str], i: int, j: int) -> list[str]:
    return [*body[:i], "\n".join(body[i : j + 1]), *body[j + 1 :]]


def _shift(markers: dict[int, list[Marker]], i: int, j: int) -> dict[int, list[Marker]]:
    # After collapsing lines i..j into one, later line numbers move up.
    return {(k - (j - i) if k > j else k): v for k, v in markers.items() if not i <= k <= j}


def _table(body: Sequence[str], i: int, j: int, markers: dict[int, list[Marker]]) -> m.Table:
    """Lines i..j as a table: the cells are the pieces before each "|", with
    the spaces the page puts around them (``"Count Aldrovandi. | ||"``)."""
    rows = []
    for k in range(i, j + 1):
        cells = []
        start = 0
        for piece in body[k][:-1].split("|"):
            end = start + len(piece)
            mks = [
                Marker(mk.line, mk.start - start, mk.end - start, mk.label)
                for mk in markers.get(k, [])
                if start <= mk.start < end
            ]
            cells.append(_Cell(inlines=_inlines(piece, mks)))
            start = end + 1
        rows.append(_Row(cells=tuple(cells)))
    return _Table(rows=tuple(rows))


def _bullet_list(body: Sequence[str], i: int, j: int, markers: dict[int, list[Marker]]) -> m.ListBlock | None:
    """Bullet lines i..j as a (nested) list; ``None`` when the indentation is irregular."""
    entries = []
    for k in range(i, j + 1):
        bm = _BULLET.fullmatch(body[k])
        assert bm is not None
        indent = len(bm.group(1))
        if indent % 2:
            return None
        offset = len(bm.group(1)) + 2
        mks = [Marker(mk.line, mk.start - offset, mk.end - offset, mk.label) for mk in markers.get(k, [])]
        entries.append((indent // 2 - 1, _Plain(inlines=_inlines(bm.group(2), mks))))
    if entries[0][0] != 0 or any(b[0] > a[0] + 1 for a, b in pairwise(entries)):
        return None

    def build(pos: int, level: int) -> tuple[m.ListBlock, int]:
        items: list[m.ListItem] = []
        while pos < len(entries) and entries[pos][0] == level:
            para = entries[pos][1]
            pos += 1
            if pos < len(entries) and entries[pos][0] > level:
                nested, pos = build(pos, level + 1)
                items.append(_ListItem(blocks=(para, nested)))
            else:
                items.append(_ListItem(blocks=(para,)))
        return _ListBlock(items=tuple(items)), pos

    return build(0, 0)[0]


def _wrapped_inlines(pieces: Sequence[tuple[str, Sequence[Marker]]]) -> tuple[m.Inline, ...]:
    """Hard-wrapped lines as one run of inlines, a ``LineBreak`` where each line ended."""
    parts: list[m.Inline] = []
    for k, (piece, markers) in enumerate(pieces):
        if k:
            parts.append(_LineBreak())
        parts.extend(_inlines(piece, markers))
    return tuple(parts)


def _wrapped(pieces: Sequence[tuple[str, Sequence[Marker]]], *, is_last: bool) -> m.Block:
    """Hard-wrapped lines as one block."""
    return _classify(" ".join(p for p, _ in pieces), _wrapped_inlines(pieces), is_last=is_last)


def _single(line: str, markers: Sequence[Marker], *, is_last: bool) -> m.Block:
    """One line as a paragraph, caption, dateline or signature."""
    return _classify(line, _inlines(line, markers), is_last=is_last)


def _classify(line: str, inlines: tuple[m.Inline, ...], *, is_last: bool) -> m.Block:
    """The block a line of text is: a caption, a dateline, a signature or a paragraph."""
    # The lengths first: the longest line each expression can match (a
    # paragraph line is mostly longer, and then no expression is tried).
    if len(line) <= _CAPTION_MAX and _CAPTION.fullmatch(line):
        return _Heading(inlines=inlines)
    if len(line) <= _DATELINE_MAX and _DATELINE.fullmatch(line) and not line.endswith((":", "etc.,")):
        return _Dateline(inlines=inlines)
    if (
        is_last
        and len(line) <= 40
        and _SIGNATURE.fullmatch(line)
        and "etc" not in line
        and not (line.endswith(".") and not line.endswith("]") and len(line.split()) == 1)
    ):
        return _Closer(blocks=(_Signed(inlines=inlines),))
    return _Paragraph(inlines=inlines)
