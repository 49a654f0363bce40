"""Footnote markers in plain text: finding them, and aligning them with the list.

A page prints a note's label glued to the word or punctuation before it
(``(Stalin)80``, ``future.81``, ``U.S.S.R.”.1``, ``[Romme’s1]``), sometimes
after a space at the end of a heading or a list line (``Secretary of State 83``,
``Budget 5``), sometimes fused with a number (``July 19491`` is 1949 and
marker 1, ``November 82`` is November 8 and marker 2, ``7721`` telegram 772 and
marker 1). Digits of the text (``1939/21011a``, ``No. 116.]``, ``1942.``) look
the same, so candidates are only accepted as a run of labels that follow each
other, one per listed note. The algorithm is described in ``docs/text.md``
("How markers are aligned").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from frusdoc import _args

__all__ = ["Marker", "align", "candidates", "follows"]

# A label glued to a letter or closing punctuation, not followed by a word character.
# The look-behind comes after the first digit (it looks at the character before
# that digit): a pattern that starts with a digit is only tried where there is
# one, not at every position of the line.
_GLUED = re.compile(r"(\d(?<=(?:[^\W\d_]|[.,;:)\]”’\"?!])\d)\d{0,2}[a-d]?)(?![\w])")
# A label after one space at the very end of a line (headings: "Secretary of State 83";
# participant lists: "Mr. Hutchinson, Budget 5").
_SPACED = re.compile(r"(?<=[^\W\d_)\].,] )(\d{1,3}[a-d]?)$")
# A number with a label fused to its end: "July 19491" (1949 + 1), "June 182"
# (18 + 2), "telegram 4782" (478 + 2).
_NUMBER = re.compile(r"\d(?<![\w/–-]\d)\d+[a-d]?(?![\w/–-])")  # digit first, as _GLUED
# A month name just before a number: the number starts with a day (1–31), which
# may have a single digit ("November 82" is November 8 + marker 2).
_MONTH_BEFORE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December) \Z"
)
_BOTH = ((_GLUED, False), (_SPACED, True))
_GLUED_ONLY = ((_GLUED, False),)
_LABEL_ENDS = frozenset("0123456789abcd")
# Page markers are never note markers, nor is anything inside them.
_PAGE = re.compile(r"\[(?:(?:Facsimile|Typeset) )?Page [^\]\n]*\]*\]")


@attrs.frozen
class Marker:
    """A footnote marker found in a line: ``line`` index, character span, label.

    ``fused`` marks a label read off the end of a number, ``spaced`` one after
    a space; ``repeat`` a label printed again for the same note.
    """

    line: int
    start: int
    end: int
    label: str
    fused: bool = False
    spaced: bool = False
    repeat: bool = False


Candidates = list[tuple[int, int, list[Marker]]]


def candidates(lines: Sequence[str], *, fused: bool = False) -> Candidates:
    """Every place a marker could be, in reading order, with its possible readings.

    Returns ``(line, position, options)``. With ``fused``, labels fused to the
    end of a number are candidates too, one option per possible split.
    """
    _args.expect_strings("candidates(lines)", lines)
    _args.expect_bool("candidates(fused)", fused)
    found: dict[tuple[int, int], list[Marker]] = {}
    for i, line in enumerate(lines):
        if not line:
            continue
        page_spans = [mt.span() for mt in _PAGE.finditer(line)] if "Page " in line else []

        def inside_page(pos: int, spans: list[tuple[int, int]] = page_spans) -> bool:
            # Inside a page marker, or right after one ("[Page 220]1" is not a marker either).
            return any(a <= pos <= b for a, b in spans)

        # _SPACED ends at the end of the line: only a line ending with a label's
        # last character can hold it.
        end = line[-2:-1] if line[-1] == "\n" else line[-1]
        tried = _BOTH if end in _LABEL_ENDS else _GLUED_ONLY
        for rx, spaced in tried:
            for mt in rx.finditer(line):
                if page_spans and inside_page(mt.start()):
                    continue
                mk = Marker(i, mt.start(1), mt.end(1), mt.group(1), spaced=spaced)
                found.setdefault((i, mt.start(1)), []).append(mk)
        if not fused:
            continue
        for mt in _NUMBER.finditer(line):
            if (page_spans and inside_page(mt.start())) or not line[: mt.start()].strip():
                # A number that opens a line ("661. Gocus …", a telegram or
                # paragraph number) has nothing before it for a marker to annotate.
                continue
            run = mt.group(0)
            day = _MONTH_BEFORE.search(line, 0, mt.start()) is not None
            # The number keeps at least two digits ("01 July" is not 0 + 1); a
            # day after a month name may keep one ("November 82").
            for k in range(1 if day else max(2, len(run) - 3), len(run)):
                if k < max(2, len(run) - 3) and not 1 <= int(run[:k]) <= 31:
                    continue
                if run[k].isdigit() and (run[k] != "0" or k == len(run) - 1):
                    start = mt.start() + k
                    found.setdefault((i, start), []).append(Marker(i, start, mt.end(), run[k:], fused=True))
    return [(line, pos, opts) for (line, pos), opts in sorted(found.items())]


def _number(label: str) -> tuple[int, str]:
    digits = label.rstrip("abcd")
    return int(digits), label[len(digits) :]


def follows(prev: str, label: str, *, page_turned: bool = False) -> bool:
    """Can ``label`` be the note after ``prev``? ``84`` → ``85``, ``84`` →
    ``84a`` → ``84b`` → ``85``; after a page break, a restart at 1–3 (1918
    volumes number notes per printed page)."""
    _args.expect_str("follows(prev)", prev)
    _args.expect_str("follows(label)", label)
    for name, value in (("prev", prev), ("label", label)):
        if not value.rstrip("abcd").isdecimal():
            raise _args.ArgumentValueError(f"follows({name}): expected a note label (84, 84a), got {value!r:.40}")
    (pn, ps), (n, s) = _number(prev), _number(label)
    if n == pn and s and len(s) == 1:
        return ord(s) - (ord(ps) if ps else ord("a") - 1) == 1  # 84 -> 84a -> 84b
    if n == pn + 1 and not s:
        return True
    return page_turned and not s and n <= 3 and n <= pn


def _glued_later(cands: Candidates, k: int, label: str) -> bool:
    """Is there a glued candidate with ``label`` after position ``k``, before
    any candidate that could be the label after it?"""
    for _, _, options in cands[k + 1 :]:
        if any(not o.fused and o.label == label for o in options):
            return True
        if any(follows(label, o.label, page_turned=True) for o in options):
            return False
    return False


def align(lines: Sequence[str], count: int, *, source_first: bool = False) -> list[Marker] | None:
    """The markers of a footnote list of ``count`` notes, in reading order, or ``None``.

    A run is built from each candidate in turn: later candidates are taken
    greedily when their label follows the previous one (or repeats it, glued
    to a word: the same note referred to again), until ``count`` labels are
    found. The first run that finds them all wins. Labels fused to a number
    are tried only when glued and spaced ones cannot account for the list,
    and then the run must start where a document's numbering starts: 1, or
    0 when the first listed note is the source note (``source_first``; FRUS
    numbers the source note 0). Any number could otherwise hide a first
    label. When no run finds ``count`` labels, nothing is guessed.
    """
    _args.expect_strings("align(lines)", lines)
    _args.expect_int("align(count)", count, minimum=0)
    _args.expect_bool("align(source_first)", source_first)
    if count == 0:
        return []
    pages = [
        (i, mt.start()) for i, line in enumerate(lines) if "Page " in line for mt in _PAGE.finditer(line)
    ]
    firsts = ("0", "1") if source_first else ("1",)
    run = _align(count, candidates(lines), pages, ())
    if run is None:
        return _align(count, candidates(lines, fused=True), pages, firsts)
    return _fused_start(lines, run, count, firsts) or run


def _fused_start(
    lines: Sequence[str], run: list[Marker], count: int, firsts: tuple[str, ...]
) -> list[Marker] | None:
    """The run moved back onto a first label fused with a number, when the
    page shows that its list was cut: ``Conference, July 19551`` … ``Interior2``
    … ``Commerce3`` with a list of two notes is 1, 2 (not 2, 3) when the
    markers go on after the run (here ``Board4``)."""
    if count < 2 or run[0].label in firsts:
        return None
    cands = candidates(lines)
    last = run[-1]
    if not any(
        (line, pos) >= (last.line, last.end) and any(follows(last.label, o.label) for o in options)
        for line, pos, options in cands
    ):
        return None  # no marker after the run: the list is whole and starts where it says
    head = run[0]
    earlier = [
        o
        for line, pos, options in candidates(lines, fused=True)
        if (line, pos) < (head.line, head.start)
        for o in options
        if o.fused and o.label in firsts and follows(o.label, head.label)
    ]
    if not earlier:
        return None
    out = [earlier[-1]]
    labels = 1
    for mk in run:
        if labels == count:
            break
        out.append(mk)
        labels += not mk.repeat
    return out


def _align(
    count: int, cands: Candidates, pages: list[tuple[int, int]], firsts: tuple[str, ...]
) -> list[Marker] | None:
    for start in range(len(cands)):
        for first in cands[start][2]:
            if firsts and first.label not in firsts:
                continue
            run = [first]
            labels = 1
            for k, (line, pos, options) in enumerate(cands[start + 1 :], start=start + 1):
                prev = run[-1]
                if (line, pos) < (prev.line, prev.end):
                    continue
                turned = any((prev.line, prev.end) <= p < (line, pos) for p in pages)
                if labels == count:
                    # Only a repeat of the last label can still come (its note is listed).
                    again = next((o for o in options if _repeats(prev, o)), None)
                    if again is not None:
                        run.append(attrs.evolve(again, repeat=True))
                        continue
                    if any(follows(prev.label, o.label, page_turned=turned) for o in options):
                        break  # the next note's marker: its note was cut off the list
                    continue
                chosen = next((o for o in options if follows(prev.label, o.label, page_turned=turned)), None)
                if chosen is not None and chosen.fused and _glued_later(cands, k, chosen.label):
                    continue  # "0292.2": the glued 2 after the number, not the number's last digit
                if chosen is not None:
                    run.append(chosen)
                    labels += 1
                    continue
                again = next((o for o in options if _repeats(prev, o)), None)
                if again is not None:
                    run.append(attrs.evolve(again, repeat=True))
            if labels == count:
                return run
    return None


def _repeats(prev: Marker, option: Marker) -> bool:
    # The same label printed again ("1936,38" … "a.m.,38"): only glued, never
    # fused with a number or after a space, where digits of the text are likelier.
    return option.label == prev.label and not option.fused and not option.spaced and not prev.fused
