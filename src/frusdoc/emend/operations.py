"""Emendations as data: apply proposals, accept, reject, revert.

Nothing is ever overwritten: an applied proposal becomes an
:class:`~frusdoc.Emendation` holding what the page prints and what it should
read, and ``revert`` takes it out again.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Collection, Iterable
from typing import Any

import attrs

from frusdoc import _args
from frusdoc import model as m
from frusdoc.walk import Node, Path, Replacement, transform

__all__ = ["Proposal", "accept", "apply", "reject", "revert"]


@attrs.frozen(kw_only=True)
class Proposal:
    """A proposed correction of a document's text, not yet applied.

    ``start`` and ``end`` are offsets in the document's plain text as printed
    (``frusdoc.text.render(doc)``); ``original`` is the text there and
    ``corrected`` what it should read.
    """

    start: int
    end: int
    original: str
    corrected: str
    confidence: float
    reason: str
    document: str | None = None
    kind: m.EmendationKind = "ocr"
    resp: str = "frusdoc.emend"

    def makes(self, at: int, wrong: str, right: str) -> bool:
        """Does this proposal correct ``wrong`` at offset ``at`` to ``right``, and
        nothing else? (How an answer key of real slips scores proposals.)"""
        _args.expect_int("Proposal.makes(at)", at)
        _args.expect_str("Proposal.makes(wrong)", wrong)
        _args.expect_str("Proposal.makes(right)", right)
        if not (self.start <= at and at + len(wrong) <= self.end):
            return False
        i = at - self.start
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


def apply(
    doc: m.Document, proposals: Iterable[Proposal], *, status: m.EmendationStatus = "proposed"
) -> m.Document:
    """The document with each proposal recorded as an :class:`~frusdoc.Emendation`.

    A proposal must lie within one run of text and match the text there
    (:class:`~frusdoc.FrusdocError` otherwise). ``text.render(result)`` is the
    page as printed; ``reading="corrected"`` shows the corrections.
    """
    _args.expect_node("emend.apply(doc)", doc, m.Document)
    _args.expect("emend.apply(proposals)", proposals, Iterable, "an iterable of Proposal")
    _args.expect_one_of("emend.apply(status)", status, typing.get_args(m.EmendationStatus))
    proposals = tuple(proposals)
    for proposal in proposals:
        _args.expect("emend.apply(proposals)", proposal, Proposal, "Proposal items")
    from frusdoc.text import render, spans

    proposals = sorted(proposals, key=lambda p: p.start)
    if not proposals:
        return doc
    rendered = render(doc)
    where = spans(doc)
    texts = [(span, path) for path, span in where.items() if _is_text(doc, path)]
    edits: dict[Path, list[tuple[int, int, m.Emendation]]] = {}
    for p in proposals:
        if rendered[p.start : p.end] != p.original:
            raise _args.ArgumentValueError(
                f"proposal {p.original!r} -> {p.corrected!r} does not match the text at {p.start}: "
                f"{rendered[p.start : p.end]!r}"
            )
        owner = next(((s, path) for s, path in texts if s[0] <= p.start and p.end <= s[1]), None)
        if owner is None:
            raise _args.ArgumentValueError(f"proposal {p.original!r} at {p.start} crosses the boundary of a text run")
        (start, _), path = owner
        edits.setdefault(path, []).append((p.start - start, p.end - start, p.emendation(status)))
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
