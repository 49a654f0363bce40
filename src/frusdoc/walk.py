"""Traversal of the model and values derived from it.

Everything here is computed on demand, never stored: paths of nodes, the plain
text of a run of inlines, word counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, Literal

import attrs

from frusdoc import model as m
from frusdoc.tags import TAG_OF_CLASS

__all__ = [
    "Path",
    "Reading",
    "format_path",
    "is_markup",
    "page_marker",
    "plain_text",
    "raw_nodes",
    "walk",
    "word_count",
]

Path = tuple[str | int, ...]
"""Where a node sits below the root: field names and tuple indices."""

Reading = Literal["original", "corrected"]


def _child_fields(cls: type) -> tuple[str, ...]:
    # Fields that can hold model nodes; text-layout and date ranges are data,
    # not nodes, but they are still yielded so that walk() covers everything.
    return tuple(a.name for a in attrs.fields(cls))


_FIELDS: dict[type, tuple[str, ...]] = {cls: _child_fields(cls) for cls in TAG_OF_CLASS}


def walk(node: object) -> Iterator[tuple[Path, Any]]:
    """Yield ``(path, node)`` for ``node`` and every model node below it, in
    document order (depth first, pre-order).

    The path of the root is ``()``; ``("blocks", 3, "inlines", 2)`` is the third
    inline of the fourth block. Iterative, so arbitrarily deep trees are fine.
    """
    stack: list[tuple[Path, Any]] = [((), node)]
    while stack:
        path, current = stack.pop()
        yield path, current
        names = _FIELDS.get(type(current))
        if names is None:
            continue
        children: list[tuple[Path, Any]] = []
        for name in names:
            value = getattr(current, name)
            if type(value) in _FIELDS:
                children.append(((*path, name), value))
            elif type(value) is tuple:
                children.extend(((*path, name, i), v) for i, v in enumerate(value) if type(v) in _FIELDS)
        stack.extend(reversed(children))


def is_markup(node: object) -> bool:
    """Is ``node`` a comment or processing instruction (``RawInline``/``RawBlock``
    with tag ``#comment`` or ``#pi``)? They are kept in the model and in TEI, and
    are never part of a document's text."""
    return isinstance(node, (m.RawInline, m.RawBlock)) and node.tag in ("#comment", "#pi")


def raw_nodes(node: object) -> Iterator[tuple[Path, m.RawBlock | m.RawInline]]:
    """Every :class:`RawBlock` and :class:`RawInline` below ``node``, with its path:
    what a reader kept because the model has no type for it there, nested raw
    nodes each counted. Not included: comments and processing instructions
    (:func:`is_markup`: kept by design, not for want of a type), and a volume's
    ``header``, raw by design."""
    for path, child in walk(node):
        if (
            isinstance(child, (m.RawBlock, m.RawInline))
            and not is_markup(child)
            and not (isinstance(node, m.Volume) and path[:1] == ("header",))
        ):
            yield path, child


def format_path(path: Path) -> str:
    """A path in the JSONPath form used by error messages: ``$.blocks[3].inlines[2]``."""
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)


def plain_text(
    inlines: Iterable[m.Inline],
    *,
    reading: Reading = "original",
    markers: bool = False,
    page_breaks: bool = False,
) -> str:
    """The running text of a run of inlines: what a reader reads.

    Note markers and page breaks are left out unless asked for (``markers``
    shows a marker's label, ``page_breaks`` shows ``[Page N]``). ``reading``
    chooses the printed (``original``) or ``corrected`` side of emendations;
    rejected emendations always read as printed.
    """
    out: list[str] = []
    stack: list[Iterator[m.Inline]] = [iter(inlines)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        cls = type(node)
        if cls is m.Text:
            out.append(node.text)  # type: ignore[union-attr]
        elif cls is m.NoteRef:
            if markers:
                out.append(node.label)  # type: ignore[union-attr]
        elif cls is m.PageBreak:
            if page_breaks:
                out.append(page_marker(node))  # type: ignore[arg-type]
        elif cls is m.LineBreak:
            out.append("\n")
        elif cls is m.Emendation:
            assert isinstance(node, m.Emendation)
            use_corrected = reading == "corrected" and node.status != "rejected"
            stack.append(iter(node.corrected if use_corrected else node.original))
        elif cls is m.RawInline and is_markup(node):
            pass  # an editor's comment or a processing instruction is not text
        else:
            stack.append(iter(getattr(node, "children", ())))
    return "".join(out)


_PAGE_WORDS: dict[str, str] = {"page": "Page", "facsimile": "Facsimile Page", "typeset": "Typeset Page"}


def page_marker(node: m.PageBreak) -> str:
    """The marker a page prints for a page break: ``[Page 543]``,
    ``[Facsimile Page 1]``, ``[Typeset Page 1]``."""
    return f"[{_PAGE_WORDS[node.kind]} {node.label}]"


_WORD = re.compile(r"\w+(?:[’'.-]\w+)*")


def word_count(node: object, *, reading: Reading = "original") -> int:
    """The number of words in the text of ``node`` and everything below it
    (a document's title and notes included)."""
    total = 0
    for _, child in walk(node):
        for name in _INLINE_FIELDS:
            value = getattr(child, name, None)
            if type(value) is tuple:
                total += len(_WORD.findall(plain_text(value, reading=reading)))
    return total


# The fields that own runs of inlines (inline nodes' own ``children`` are
# reached through plain_text, not counted twice).
_INLINE_FIELDS = ("inlines", "title", "head", "description")
