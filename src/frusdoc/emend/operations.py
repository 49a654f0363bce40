"""Emendations as data: apply proposals, accept, reject, revert.

Nothing is ever overwritten: an applied proposal becomes an
:class:`~frusdoc.Emendation` holding what the page prints and what it should
read, and ``revert`` takes it out again.
"""

from __future__ import annotations

import typing
import warnings
from collections.abc import Callable, Collection, Iterable
from typing import Any, Literal

import attrs

from frusdoc import _args
from frusdoc import model as m
from frusdoc.anchor import Anchor, AnchorError
from frusdoc.errors import ArgumentValueError, FrusdocError
from frusdoc.text import render, spans
from frusdoc.tree import Node, Path, Replacement, format_path, transform

__all__ = ["Anchor", "Proposal", "accept", "apply", "reject", "revert"]


@attrs.frozen(kw_only=True)
class Proposal:
    """A proposed correction of a document's text, not yet applied.

    ``anchor`` is where it is: the path of a :class:`~frusdoc.Text` node and
    the offset of ``original`` in that node's text (``anchor.length`` is
    ``len(original)``); ``corrected`` is what it should read. The offsets in
    the rendered plain text are derived from the anchor, in any layout:
    :meth:`span`.

    Deprecated, for one release: ``start`` and ``end``, the offsets in
    ``frusdoc.text.render(doc)`` when the proposal was made. A proposal
    made with them and no anchor (the 0.x form) is still applied by
    :func:`apply`, which finds its text node in the document as rendered.
    """

    original: str
    corrected: str
    confidence: float
    reason: str
    anchor: Anchor | None = None
    document: str | None = None
    kind: m.EmendationKind = "ocr"
    resp: str = "frusdoc.emend"
    # The deprecated offsets in the rendering the proposal was made on: not
    # compared (an anchor is the place), not printed.
    _start: int | None = attrs.field(default=None, alias="start", eq=False, repr=False)
    _end: int | None = attrs.field(default=None, alias="end", eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _args.expect("Proposal(anchor)", self.anchor, (Anchor, type(None)), "an Anchor")
        if self.anchor is None:
            if self._start is None or self._end is None:
                raise ArgumentValueError(
                    "Proposal(anchor): expected an Anchor: give its anchor (or, deprecated, its start and end)"
                )
            warnings.warn(
                "Proposal(start=, end=) without an anchor is deprecated: give "
                "anchor=Anchor(path=<text node>, offset=<in its text>, length=len(original))",
                DeprecationWarning,
                stacklevel=3,
            )
        elif self.anchor.length is not None and self.anchor.length != len(self.original):
            raise ArgumentValueError(
                f"Proposal(): the anchor's length {self.anchor.length} is not len(original) {len(self.original)}"
            )

    @property
    def start(self) -> int:
        """Deprecated: ``span(doc)[0]``."""
        return self._legacy()[0]

    @property
    def end(self) -> int:
        """Deprecated: ``span(doc)[1]``."""
        return self._legacy()[1]

    def _legacy(self) -> tuple[int, int]:
        warnings.warn(
            "Proposal.start and Proposal.end are deprecated: Proposal.span(doc) derives them from the anchor",
            DeprecationWarning,
            stacklevel=3,
        )
        if self._start is None or self._end is None:
            raise AttributeError("this Proposal has an anchor and no offsets: use Proposal.span(doc)")
        return self._start, self._end

    def span(
        self, doc: m.Document, *, layout: m.TextLayout | Literal["canonical"] | None = None
    ) -> tuple[int, int]:
        """Where ``original`` is in ``frusdoc.text.render(doc)`` (rendered in
        ``layout`` if given: see :meth:`frusdoc.anchor.Anchor.span`)."""
        anchor = self._anchor_in(doc)
        found = anchor.span(doc, layout=layout)
        if found is None:
            raise AnchorError(f"proposal {self.original!r}: {anchor} is not rendered")
        return found

    def _anchor_in(self, doc: m.Document) -> Anchor:
        if self.anchor is not None:
            return self.anchor
        assert self._start is not None and self._end is not None  # made sure of at construction
        return _legacy_anchor(doc, self._start, self._end, self.original)

    def makes(self, at: int, wrong: str, right: str, *, doc: m.Document | None = None) -> bool:
        """Does this proposal correct ``wrong`` at offset ``at`` of
        ``frusdoc.text.render(doc)`` to ``right``, and nothing else? (How an
        answer key of real slips scores proposals.) Without ``doc``
        (deprecated), ``at`` is taken in the rendering the proposal was made on."""
        _args.expect_int("Proposal.makes(at)", at)
        _args.expect_str("Proposal.makes(wrong)", wrong)
        _args.expect_str("Proposal.makes(right)", right)
        if doc is not None:
            start, end = self.span(doc)
        elif self.anchor is not None and (self._start is None or self._end is None):
            # _legacy's AttributeError fits a property, not a wrong argument.
            raise ArgumentValueError(
                "Proposal.makes(doc): expected the document (this Proposal has an anchor and no offsets)"
            )
        else:
            start, end = self._legacy()
        if not (start <= at and at + len(wrong) <= end):
            return False
        i = at - start
        return self.original[i : i + len(wrong)] == wrong and self.corrected == (
            self.original[:i] + right + self.original[i + len(wrong) :]
        )

    def emendation(self, status: m.EmendationStatus = "proposed") -> m.Emendation:
        """The :class:`~frusdoc.Emendation` this proposal records."""
        _args.expect_one_of("Proposal.emendation(status)", status, typing.get_args(m.EmendationStatus))
        return m.Emendation(
            original=(m.Text(text=self.original),),
            corrected=(m.Text(text=self.corrected),),
            kind=self.kind,
            status=status,
            confidence=self.confidence,
            resp=self.resp,
            reason=self.reason,
        )


def _legacy_anchor(doc: m.Document, start: int, end: int, original: str) -> Anchor:
    """The anchor of a stretch ``[start, end)`` of ``render(doc)`` (0.x proposals)."""
    rendered = render(doc)
    if rendered[start:end] != original:
        raise FrusdocError(
            f"proposal {original!r} does not match the text at {start}: {rendered[start:end]!r}"
        )
    for path, (s, e) in spans(doc).items():
        if s <= start and end <= e and _is_text(doc, path):
            return Anchor(path=path, offset=start - s, length=end - start)
    raise FrusdocError(f"proposal {original!r} at {start} crosses the boundary of a text run")


def apply(
    doc: m.Document, proposals: Iterable[Proposal], *, status: m.EmendationStatus = "proposed"
) -> m.Document:
    """The document with each proposal recorded as an :class:`~frusdoc.Emendation`.

    A proposal's anchor must be a stretch of one text node's text and read
    ``original`` there (:class:`~frusdoc.FrusdocError` otherwise).
    ``text.render(result)`` is the page as printed; ``reading="corrected"``
    shows the corrections. Nothing is rendered to apply anchored proposals:
    the layout of ``doc`` does not matter.
    """
    _args.expect_node("emend.apply(doc)", doc, m.Document)
    _args.expect("emend.apply(proposals)", proposals, Iterable, "an iterable of Proposal")
    _args.expect_one_of("emend.apply(status)", status, typing.get_args(m.EmendationStatus))
    proposals = tuple(proposals)
    for proposal in proposals:
        _args.expect("emend.apply(proposals)", proposal, Proposal, "Proposal items")
    edits: dict[Path, list[tuple[int, int, m.Emendation]]] = {}
    for p in proposals:
        anchor = p._anchor_in(doc)
        node = anchor.node(doc)
        if type(node) is not m.Text:
            raise ArgumentValueError(
                f"proposal {p.original!r}: {format_path(anchor.path)} is a {type(node).__name__}, not a text node"
            )
        start = anchor.offset
        end = start + len(p.original)
        if node.text[start:end] != p.original:
            raise ArgumentValueError(
                f"proposal {p.original!r} -> {p.corrected!r} does not match the text at {anchor}: "
                f"{node.text[start:end]!r}"
            )
        edits.setdefault(anchor.path, []).append((start, end, p.emendation(status)))
    if not edits:
        return doc
    # Visit only the ancestors of edited text nodes: the rest is kept as it is.
    ancestors = {path[:k] for path in edits for k in range(len(path))}

    def split(path: Path, node: Node) -> Replacement:
        cuts = edits.get(path)
        if cuts is not None and isinstance(node, m.Text):
            return tuple(_split(node.text, cuts))
        return node

    return _document(transform(doc, split, descend=lambda path, _: path in ancestors))


def _document(node: Node) -> m.Document:
    # The functions given to transform here never replace the root document.
    assert isinstance(node, m.Document)
    return node


def _is_text(doc: m.Document, path: Path) -> bool:
    node: Any = doc
    for step in path:
        node = node[step] if isinstance(step, int) else getattr(node, step, None)
        if node is None:
            return False
    return type(node) is m.Text


def _split(text: str, cuts: list[tuple[int, int, m.Emendation]]) -> list[m.Inline]:
    out: list[m.Inline] = []
    position = 0
    for start, end, emendation in sorted(cuts, key=lambda c: c[0]):
        if start < position:
            raise _args.ArgumentValueError(f"overlapping proposals in {text[:40]!r}")
        if start > position:
            out.append(m.Text(text=text[position:start]))
        out.append(emendation)
        position = end
    if position < len(text):
        out.append(m.Text(text=text[position:]))
    return out


Which = Collection[str] | Callable[[m.Emendation], bool] | None


def _selected(which: Which) -> Callable[[m.Emendation], bool]:
    if which is None:
        return lambda e: True
    if callable(which):
        return which
    ids = set(which)
    return lambda e: e.id in ids


def _map_emendations(
    doc: m.Document, change: Callable[[m.Emendation], list[m.Inline] | m.Emendation]
) -> m.Document:
    # Runs where an emendation was replaced by inlines: (path of the owner,
    # field); their adjacent texts are merged when transform reaches the owner
    # (post-order: after the run's inlines).
    touched: dict[Path, set[str]] = {}

    def visit(path: Path, node: Node) -> Replacement:
        if type(node) is m.Emendation:
            result = change(node)
            if isinstance(result, list):
                touched.setdefault(path[:-2], set()).add(str(path[-2]))
                return tuple(result)
            return result
        fields = touched.get(path)
        if fields:
            merged: dict[str, Any] = {f: tuple(_merge(list(getattr(node, f)))) for f in fields}
            return attrs.evolve(node, **merged)
        return node

    # An emendation's own readings are left as they are (nested emendations too).
    return _document(transform(doc, visit, descend=lambda _, node: type(node) is not m.Emendation))


def _merge(inlines: list[Any]) -> list[Any]:
    out: list[Any] = []
    for node in inlines:
        if type(node) is m.Text and out and type(out[-1]) is m.Text:
            out[-1] = m.Text(text=out[-1].text + node.text)
        elif not (type(node) is m.Text and not node.text):
            out.append(node)
    return out


def accept(doc: m.Document, which: Which = None) -> m.Document:
    """Mark emendations accepted (all, those with these ids, or those a predicate picks)."""
    _args.expect_selection("emend.accept(which)", which)
    _args.expect_node("emend.accept(doc)", doc, m.Document)
    picked = _selected(which)
    return _map_emendations(doc, lambda e: attrs.evolve(e, status="accepted") if picked(e) else e)


def reject(doc: m.Document, which: Which = None) -> m.Document:
    """Mark emendations rejected: they stay recorded, and every reading shows the print."""
    _args.expect_selection("emend.reject(which)", which)
    _args.expect_node("emend.reject(doc)", doc, m.Document)
    picked = _selected(which)
    return _map_emendations(doc, lambda e: attrs.evolve(e, status="rejected") if picked(e) else e)


def revert(doc: m.Document, which: Which = None) -> m.Document:
    """Take emendations out, putting back what the page prints.

    Reverting every emendation of ``apply(doc, proposals)`` gives back ``doc``
    exactly, for documents whose runs of text are merged (as every document
    read from text, JSON written by frusdoc, or TEI is).
    """
    _args.expect_selection("emend.revert(which)", which)
    _args.expect_node("emend.revert(doc)", doc, m.Document)
    picked = _selected(which)
    return _map_emendations(doc, lambda e: list(e.original) if picked(e) else e)
