"""Places in a document anchored to its nodes: :class:`Anchor`.

A diagnostic of :func:`frusdoc.check` and an emendation proposal of
:func:`frusdoc.emend.propose` say where they are by the path of a node (as
:func:`frusdoc.walk` gives it) and a stretch of that node's own text, never by
an offset in one rendering of the document. An offset in the plain text is
derived from the anchor when asked for (:meth:`Anchor.span`), for whatever
layout the text is rendered in: a finding or a proposal stays where it is when
the document is rendered in another :class:`~frusdoc.TextLayout`, re-rendered,
or when text is added before it elsewhere in the document.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal, cast

import attrs

from frusdoc import model as m
from frusdoc.errors import ArgumentTypeError, ArgumentValueError, FrusdocError, short_repr
from frusdoc.text import render, spans
from frusdoc.tree import Node, Path, format_path, plain_text

__all__ = ["Anchor", "AnchorError", "locate"]


class AnchorError(FrusdocError, LookupError):
    """An anchor that does not fit the document: no node at its path, or a
    stretch beyond the end of the node's text."""


@attrs.frozen(kw_only=True)
class Anchor:
    """A node of a document and a stretch of its text.

    ``path`` is the node's path from the document (``("blocks", 3,
    "inlines", 0)``; ``()`` is the document itself). ``offset`` and ``length``
    delimit a stretch of the node's text: for a :class:`~frusdoc.Text` its
    ``text``, for any other node its plain text (:func:`frusdoc.plain_text`
    with markers and page breaks: a note marker's text is its label, a
    note's the text of its blocks without its label).
    ``length=None`` is the whole node from ``offset``.
    """

    path: Path = ()
    offset: int = 0
    length: int | None = None

    def __attrs_post_init__(self) -> None:
        path = self.path
        if type(path) is not tuple or not all(type(step) in (str, int) for step in path):
            raise ArgumentTypeError(
                f"Anchor(path): expected a tuple of field names and indexes, got {_shown(path)}"
            )
        for name, value in (("offset", self.offset), ("length", self.length)):
            if value is None and name == "length":
                continue
            if type(value) is not int:
                raise ArgumentTypeError(f"Anchor({name}): expected an int, got {_shown(value)}")
            if value < 0:
                raise ArgumentValueError(f"Anchor({name}): expected 0 or more, got {value}")

    def __str__(self) -> str:
        where = format_path(self.path)
        if self.length is None and not self.offset:
            return where
        end = "" if self.length is None else str(self.offset + self.length)
        return f"{where}[{self.offset}:{end}]"

    def node(self, doc: m.Document | m.Volume) -> Node:
        """The node the anchor is in (:class:`AnchorError` when ``doc`` has none
        there). ``doc`` is a volume for a finding on the volume as a whole."""
        if not isinstance(doc, m.Document | m.Volume):
            raise ArgumentTypeError(f"Anchor.node(doc): expected a Document or Volume, got {_shown(doc)}")
        node: Any = doc
        for step in self.path:
            try:
                node = node[step] if isinstance(step, int) else getattr(node, step)
            except (IndexError, AttributeError, TypeError):
                node = None
            if node is None or (type(step) is int and step < 0):
                raise AnchorError(f"{format_path(self.path)} is not a node of the document")
        if not attrs.has(type(node)):  # a field's tuple, a string: no node
            raise AnchorError(f"{format_path(self.path)} is not a node of the document")
        return cast(Node, node)

    def _own_text(self, doc: m.Document | m.Volume) -> str:
        node = self.node(doc)
        if type(node) is m.Text:
            return node.text
        if type(node) is m.Note:
            # the note's own text: its label is the footnote list's numbering
            return "\n\n".join(plain_text(b, markers=True, page_breaks=True) for b in node.blocks)
        return plain_text(node, markers=True, page_breaks=True)

    def text(self, doc: m.Document | m.Volume) -> str:
        """The anchored text: the stretch of the node's text (see the class)."""
        own = self._own_text(doc)
        end = len(own) if self.length is None else self.offset + self.length
        if end > len(own):
            raise AnchorError(f"{self}: the node's text has {len(own)} characters, the anchor reaches {end}")
        return own[self.offset : end]

    def span(
        self, doc: m.Document, *, layout: m.TextLayout | Literal["canonical"] | None = None
    ) -> tuple[int, int] | None:
        """Where the anchored text is in ``frusdoc.text.render(doc)``: ``(start, end)``.

        ``layout`` renders the document in another layout first (a
        :class:`~frusdoc.TextLayout`, or ``"canonical"``); ``None`` is the
        document's own. A stretch inside a text node is that stretch of the
        node's rendering; an anchor on any other node is the node's whole
        rendering (a note with its ``1.`` before it). ``None`` when the node
        is not rendered (the corrected side of an emendation). For many
        anchors of one document, :func:`locate` renders it once.
        """
        return locate(doc, [self], layout=layout)[0]


def locate(
    doc: m.Document,
    anchors: Iterable[Anchor],
    *,
    layout: m.TextLayout | Literal["canonical"] | None = None,
) -> list[tuple[int, int] | None]:
    """:meth:`Anchor.span` of each anchor, the document rendered once."""
    if not isinstance(doc, m.Document):
        raise ArgumentTypeError(f"locate(doc): expected a Document, got {_shown(doc)}")
    if not (layout is None or layout == "canonical" or isinstance(layout, m.TextLayout)):
        raise ArgumentTypeError(
            f"locate(layout): expected a TextLayout, 'canonical' or None, got {_shown(layout)}"
        )
    try:
        anchors = list(anchors)
    except TypeError:
        raise ArgumentTypeError(f"locate(anchors): expected Anchor values, got {_shown(anchors)}") from None
    if not all(isinstance(a, Anchor) for a in anchors):
        raise ArgumentTypeError("locate(anchors): expected Anchor values")
    if layout is not None:
        doc = attrs.evolve(doc, layout=None if layout == "canonical" else layout)
    where: dict[Path, tuple[int, int]] | None = None
    out: list[tuple[int, int] | None] = []
    for anchor in anchors:
        if not anchor.path:
            total = len(render(doc))
            out.append(
                (0, total) if anchor.length is None else (anchor.offset, anchor.offset + anchor.length)
            )
            continue
        if where is None:
            where = spans(doc)
        found = where.get(anchor.path)
        node = anchor.node(doc)  # an anchor that fits no node says so
        if found is None or type(node) is not m.Text or (anchor.length is None and not anchor.offset):
            out.append(found)
            continue
        start, end = found
        length = (end - start - anchor.offset) if anchor.length is None else anchor.length
        out.append((start + anchor.offset, start + anchor.offset + length))
    return out


def _shown(value: object) -> str:
    # short_repr: repr itself recurses on a value nested thousands deep.
    text = short_repr(value)
    return f"{type(value).__name__} {text if len(text) <= 40 else text[:37] + '...'}"
