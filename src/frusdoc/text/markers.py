"""Footnote markers in plain text: finding them, and aligning them with the list.

A page prints a note's label glued to the word or punctuation before it
(``(Stalin)80``, ``future.81``, ``Hopkins82``), sometimes after a space at the
end of a heading (``Secretary of State 83``), sometimes fused with a number
(``July 19491`` is 1949 and marker 1). Digits of the text (``1939/21011a``,
``No. 116.]``, ``1942.``) look the same, so candidates are only accepted as a
run of labels that follow each other, as many as the footnote list has notes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

__all__ = ["Marker", "align", "candidates"]

# A label glued to a letter or closing punctuation, not followed by a word character.
_GLUED = re.compile(r"(?<=[^\W\d_]|[.,;:)\]”’\"?!])(\d{1,3}[a-d]?)(?![\w])")
# A label after one space at the very end of a line (headings: "Secretary of State 83").
_SPACED = re.compile(r"(?<=[^\W\d_)\].,] )(\d{1,3}[a-d]?)$")
# A number with a label fused to its end: "July 19491" (1949 + 1), "June 182"
# (18 + 2), "telegram 4782" (478 + 2).
_NUMBER = re.compile(r"(?<![\w/–-])\d{2,}[a-d]?(?![\w/–-])")
_PAGE = re.compile(r"\[(?:Facsimile )?Page [^\]\n]*\]*\]")


@attrs.frozen
class Marker:
    """A footnote marker found in a line: ``line`` index, character span, label."""

    line: int
    start: int
    end: int
    label: str
    fused: bool = False


def candidates(lines: Sequence[str], *, fused: bool = False) -> list[tuple[int, int, list[Marker]]]:
    """Every place a marker could be, in reading order, with its possible readings.

    Returns ``(line, position, options)``. With ``fused``, labels fused to the
    end of a number are candidates too, one option per possible split.
    """
    found: dict[tuple[int, int], list[Marker]] = {}
    for i, line in enumerate(lines):
        page_ends = {m.end() for m in _PAGE.finditer(line)}
        page_spans = [m.span() for m in _PAGE.finditer(line)]

        def inside_page(pos: int, spans: list[tuple[int, int]] = page_spans) -> bool:
            return any(a <= pos < b for a, b in spans)

        for rx in (_GLUED, _SPACED):
            for m in rx.finditer(line):
                if m.start() in page_ends or inside_page(m.start()):
                    continue
                found.setdefault((i, m.start(1)), []).append(Marker(i, m.start(1), m.end(1), m.group(1)))
        if not fused:
            continue
        for m in _NUMBER.finditer(line):
            if inside_page(m.start()):
                continue
            run = m.group(0)
            # The number keeps at least two digits ("01 July" is not 0 + 1).
            for k in range(max(2, len(run) - 3), len(run)):
                if run[k].isdigit() and (run[k] != "0" or k == len(run) - 1):
                    start = m.start() + k
                    found.setdefault((i, start), []).append(Marker(i, start, m.end(), run[k:], fused=True))
    return [(line, pos, opts) for (line, pos), opts in sorted(found.items())]


def _glued_later(cands: list[tuple[int, int, list[Marker]]], k: int, label: str) -> bool:
    """Is there a glued candidate with ``label`` after position ``k``, before
    any candidate that could be the label after it?"""
    for _, _, options in cands[k + 1 :]:
        if any(not o.fused and o.label == label for o in options):
            return True
        if any(_follows(label, o.label, True) for o in options):
            return False
    return False


def _number(label: str) -> tuple[int, str]:
    digits = label.rstrip("abcd")
    return int(digits), label[len(digits) :]


def _follows(prev: str, label: str, page_turned: bool) -> bool:
    (pn, ps), (n, s) = _number(prev), _number(label)
    if n == pn and s and (not ps or s > ps) and len(s) == 1:
        return ord(s) - (ord(ps) if ps else ord("a") - 1) == 1  # 84 -> 84a -> 84b
    if n == pn + 1 and not s:
        return True
    # 1918 volumes number notes per printed page: a new page may restart.
    return page_turned and not s and n <= 3 and n <= pn


def align(lines: Sequence[str], count: int) -> list[Marker] | None:
    """The ``count`` markers of a footnote list of ``count`` notes, or ``None``.

    The first consistent run of labels wins: starting from each candidate in
    turn, later candidates are taken greedily when their label follows the
    previous one. A page break between two markers allows the numbering to
    restart (1918 volumes number notes per page). Labels fused to a number
    (``July 19491``) are tried only when that fails. When no run reaches
    ``count`` markers, nothing is guessed.
    """
    if count == 0:
        return []
    # Labels fused with a number are only considered when the glued ones
    # cannot account for every note.
    # A fused run must then start where a document's numbering starts (0 or
    # 1): any number could otherwise hide a first label.
    return _align(lines, count, candidates(lines), ()) or _align(
        lines, count, candidates(lines, fused=True), ("0", "1")
    )


def _align(
    lines: Sequence[str], count: int, cands: list[tuple[int, int, list[Marker]]], firsts: tuple[str, ...]
) -> list[Marker] | None:
    pages = [(i, m.start()) for i, line in enumerate(lines) for m in _PAGE.finditer(line)]
    for start in range(len(cands)):
        for first in cands[start][2]:
            if firsts and first.label not in firsts:
                continue
            run = [first]
            for k, (line, pos, options) in enumerate(cands[start + 1 :], start=start + 1):
                if len(run) == count:
                    break
                prev = run[-1]
                if (line, pos) < (prev.line, prev.end):
                    continue
                turned = any((prev.line, prev.end) <= p < (line, pos) for p in pages)
                chosen = next((o for o in options if _follows(prev.label, o.label, turned)), None)
                if chosen is not None and chosen.fused and _glued_later(cands, k, chosen.label):
                    continue  # "0292.2": the glued 2 after the number, not the number's last digit
                if chosen is not None:
                    run.append(chosen)
            if len(run) == count:
                return run
    return None
