"""Finding likely OCR errors, offline: ``propose(doc_or_volume)``.

Four pieces of knowledge:

* **a dictionary with word frequencies**, the English list shipped by
  pyspellchecker (extra ``emend``), and its French, German, Spanish, Italian and
  Portuguese lists to recognise foreign words;
* **an OCR confusion model**: ``c``/``e``, ``rn``/``m``, ``ii``/``in``,
  ``l``/``1``/``I``, ``cl``/``d``, ``ct``/``d``, ``li``/``h``, ``vv``/``w``,
  ``0``/``o``. Every dictionary word is indexed under its *OCR skeleton*, the
  word with each confusable sequence replaced by one representative, so that
  a misread word finds the words it may stand for in one lookup, however many
  confusions it holds (``eondud`` and ``conduct`` share the skeleton
  ``condud``);
* **context**, for what no dictionary sees: a real word that one OCR confusion
  turns into a word making a phrase printed at least twice elsewhere in the
  same document, with a neighbour that goes with it (not ``the`` or ``of``),
  while the printed phrase occurs only here (``on hoard`` beside ``on
  board``); a little grammar of closed word classes (a bare ``1`` between a
  clause word and a verb is the pronoun ``I``, ``he`` after a preposition is
  ``the`` without its ``t``); the shapes of numbers (thousands separators every
  three digits, no letters among digits, even in file numbers) and of
  punctuation (``However.,``), and a capital read twice (``gGermany``);
* **protection** for what is not an error: names (a capitalised word is
  proposed only when printed once and one letter away from a common word),
  names and terms of the volume's lists, words in italics (foreign phrases),
  roman numerals, abbreviations, citations, file numbers and references, and
  words the editors marked ``[sic]``.

A word is proposed for correction by the dictionary rule only when it is not a
word of any of the dictionaries and its skeleton leads to a frequent English
word; the confidence reflects how clearly one candidate wins. Every rule is
measured on a hand-made key of the real slips of real scanned pages
(``benchmarks/emend_bench.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import compress, pairwise
from typing import NamedTuple

from frusdoc import _args, citations, refs
from frusdoc import model as m
from frusdoc.anchor import Anchor
from frusdoc.emend.operations import Proposal
from frusdoc.errors import FrusdocError
from frusdoc.text import render, spans
from frusdoc.tree import Path, walk

__all__ = ["propose", "skeleton"]

# Applied in this order, each to the whole word: a misreading and the word it
# stands for end up with the same skeleton ("n" is expanded to "ii" so that
# "gaiii" and "gain" meet whatever the reading order of the i's).
_SKELETON_STEPS = [
    ("0", "o"),
    ("1", "l"),
    ("e", "c"),
    ("rn", "m"),
    ("vv", "w"),
    ("li", "h"),
    ("cl", "d"),
    ("ct", "d"),
    ("n", "ii"),
    ("i", "l"),
]
_LANGUAGES = ("fr", "de", "es", "it", "pt")


def skeleton(word: str) -> str:
    """The OCR skeleton of a lower-case word: confusable spellings share it."""
    _args.expect_str("emend.skeleton(word)", word)
    for a, b in _SKELETON_STEPS:
        word = word.replace(a, b)
    return word


@lru_cache(maxsize=1)
def _english() -> tuple[dict[str, int], dict[str, list[tuple[int, str]]]]:
    # The one import left inside a function in frusdoc.emend: pyspellchecker is
    # the optional extra ``emend``, so frusdoc (and emend.apply) import without it.
    try:
        from spellchecker import SpellChecker
    except ImportError:
        raise FrusdocError(
            "frusdoc.emend.propose needs the word lists of pyspellchecker: pip install 'frusdoc[emend]'"
        ) from None
    frequencies = dict(SpellChecker(language="en").word_frequency.dictionary)
    index: dict[str, list[tuple[int, str]]] = {}
    for word, count in frequencies.items():
        if count >= 50 and word.isalpha():
            index.setdefault(skeleton(word), []).append((count, word))
    for candidates in index.values():
        candidates.sort(reverse=True)
    return frequencies, index


@lru_cache(maxsize=1)
def _foreign() -> frozenset[str]:
    from spellchecker import SpellChecker  # the extra, as in _english (called first)

    words: set[str] = set()
    for language in _LANGUAGES:
        frequency = SpellChecker(language=language).word_frequency
        words.update(w for w, c in frequency.dictionary.items() if c >= 20)
    return frozenset(words)


_WORD = re.compile(r"(?<![\w/.-])[A-Za-z0-9][A-Za-z0-9]*(?:[’'][a-z]+)?(?![\w/-])")
_ROMAN = re.compile(r"m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})", re.I)
_SIC = re.compile(r"\s*\[(?:sic|sic\.)\]")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+")
# The words of the page in reading order, for the rules that need context.
_STREAM = re.compile(r"[A-Za-z0-9]+(?:[’'][A-Za-z]+)?")
# What may stand between two words that still read as neighbours: spaces, a line
# break, and page markers (the page turns in the middle of a sentence).
_PAGE_MARKER = re.compile(r"\[(?:Facsimile |Typeset )?Page [^\]\n]*\]")


def _words(listing: str) -> frozenset[str]:
    return frozenset(listing.split())


class _Token(NamedTuple):
    start: int  # offsets in the document's plain text as rendered here
    end: int
    text: str
    # whether a proposal may be made here: None inside a protected inline,
    # True in a run with nothing protected, else the run to look into
    run: bool | tuple[str, int, list[tuple[int, int]]] | None

    @property
    def free(self) -> bool:
        if not isinstance(self.run, tuple):
            return bool(self.run)
        text, offset, shielded = self.run
        return _free(text, shielded, self.start - offset, self.end - offset)


def propose(node: m.Document | m.Volume, *, threshold: float = 0.0) -> list[Proposal]:
    """Likely OCR errors of a document (or of every document of a volume),
    each anchored to its text node (the node's path and the offset in its
    text), with the correction, a confidence and a reason. Nothing is
    applied: see :func:`frusdoc.emend.apply`."""
    _args.expect_node("emend.propose(node)", node, (m.Document, m.Volume))
    _args.expect("emend.propose(threshold)", threshold, (int, float), "a number")
    if isinstance(node, m.Volume):
        protected = _volume_names(node)
        pages = [_Page(doc, protected) for doc in node.iter_documents()]
    else:
        pages = [_Page(node, frozenset())]
    # The phrases of each document are its context: what a document prints
    # several times ("on board") tells what a lone variant ("on hoard") meant.
    # Not those of the whole volume: over a hundred thousand words, "hands of"
    # recurs and a real "bands of" would look like a misreading.
    out: list[Proposal] = []
    for page in pages:
        out.extend(page.proposals(page.bigrams(), threshold))
    return out


def _volume_names(volume: m.Volume) -> frozenset[str]:
    names: set[str] = set()
    for person in volume.persons:
        names.update(w.lower() for w in re.findall(r"[A-Za-z]+", person.name))
    for term in volume.terms:
        names.update(w.lower() for w in re.findall(r"[A-Za-z]+", term.term))
    return frozenset(names)


def _runs(doc: m.Document) -> Iterator[tuple[Path, m.Text, bool]]:
    """Every text run with its path, and whether it is protected as a whole
    (in italics, inside a reference or a name, already emended)."""
    protected_paths: list[Path] = []
    for path, node in walk(doc):
        if isinstance(node, m.Emphasis | m.Reference | m.Name | m.Emendation | m.RawInline | m.Gap):
            if not isinstance(node, m.Emphasis) or node.rend == "italic":
                protected_paths.append(path)
        elif isinstance(node, m.Text):
            inside = any(path[: len(p)] == p for p in protected_paths)
            yield path, node, inside


def _free(text: str, shielded: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a proposal may touch ``text[start:end]``: not in a citation or
    reference, not marked ``[sic]``."""
    if shielded and any(a < end and start < b for a, b in shielded):
        return False
    return not ("[sic" in text and _SIC.match(text, end))


def _words_of(text: str) -> Iterator[tuple[int, int, str]]:
    for mt in _STREAM.finditer(text):
        start, end = mt.span()
        yield start, end, text[start:end]


def _adjacent(between: str) -> bool:
    between = _PAGE_MARKER.sub(" ", between)
    return not between.strip() and between.count("\n") <= 1 and bool(between)


class _Page:
    """One document prepared for the rules: its plain text, its words in
    reading order (protected or not) and the proposals of the word rules."""

    def __init__(self, doc: m.Document, protected: frozenset[str]) -> None:
        self.doc = doc
        self.full = render(doc)
        self.tokens: list[_Token] = []
        # each proposal with its place in the rendered text, where the rules
        # look for overlaps
        self.found: list[tuple[int, int, Proposal]] = []
        self._neighbours: list[tuple[_Token | None, _Token, _Token | None]] | None = None
        self._linked: list[bool] | None = None
        frequencies, index = _english()
        foreign = _foreign()
        where = spans(doc)
        runs = [(path, node, inside) for path, node, inside in _runs(doc) if path in where]
        # the text runs in rendered order, to anchor a proposal found at an
        # offset of the rendered text to its run (the source note is
        # rendered before the heading: not walk order)
        self._placed = sorted((where[path][0], where[path][1], path) for path, _, _ in runs)
        self._starts = [start for start, _, _ in self._placed]
        # words of the document itself that look deliberate: capitalised somewhere
        names = set(protected)
        printed: Counter[str] = Counter()
        words = [list(_WORD.finditer(node.text)) for _, node, _ in runs]
        for (_, node, _), found in zip(runs, words, strict=True):
            names.update(w.lower() for w in _CAPITALISED.findall(node.text))
            printed.update(mt.group(0) for mt in found)
        for (path, node, inside), found in zip(runs, words, strict=True):
            text = node.text
            offset = where[path][0]
            shielded = [(f.start, f.end) for f in citations.find(text)] + [
                (h.start, h.end) for h in refs.find(text)
            ]
            plain = not shielded and "[sic" not in text
            # whether a word is free is asked of the few that a context rule looks at
            free = None if inside else (plain or (text, offset, shielded))
            # tuple.__new__ makes the named tuples without a Python call per word
            self.tokens += [
                tuple.__new__(_Token, (offset + start, offset + end, word, free))
                for start, end, word in _words_of(text)
            ]
            if inside:
                continue
            for match in found:
                word = match.group(0)
                start, end = match.span()
                if not plain and not _free(text, shielded, start, end):
                    continue
                judged = _judge(word, printed, frequencies, index, foreign, names, protected)
                if judged is not None:
                    self._add(offset + start, word, *judged)
            for rule in (_doubled_initial, _grouping, _doubled_punctuation, _short_pairs, _digits):
                for start, original, corrected, confidence, reason in rule(text, frequencies):
                    # letters among digits are misread even in a file number
                    end = start + len(original)
                    if _free(text, [] if rule is _digits else shielded, start, end):
                        self._add(offset + start, original, corrected, confidence, reason)

    def _add(self, start: int, original: str, corrected: str, confidence: float, reason: str) -> None:
        end = start + len(original)
        k = bisect_right(self._starts, start) - 1
        if k < 0 or end > self._placed[k][1]:
            # Every rule looks inside one run; a span across runs could not
            # be recorded in one text node, so it is no proposal.
            return
        run_start, _, path = self._placed[k]
        proposal = Proposal(
            anchor=Anchor(path=path, offset=start - run_start, length=len(original)),
            original=original,
            corrected=corrected,
            confidence=round(confidence, 3),
            reason=reason,
            document=self.doc.id,
            # the deprecated offsets, in the rendering made here
            start=start,
            end=end,
        )
        self.found.append((start, end, proposal))

    def neighbours(self) -> list[tuple[_Token | None, _Token, _Token | None]]:
        """Each word with the words just before and after it, when nothing but
        spaces, one line break or a page marker stands between them."""
        if self._neighbours is None:
            tokens, links = self.tokens, self._links()
            self._neighbours = [
                (
                    tokens[k - 1] if k and links[k - 1] else None,
                    token,
                    tokens[k + 1] if k < len(links) and links[k] else None,
                )
                for k, token in enumerate(tokens)
            ]
        return self._neighbours

    def _links(self) -> list[bool]:
        """Whether each word and the next are neighbours."""
        if self._linked is None:
            full = self.full
            self._linked = [
                full[a.end : b.start] == " " or _adjacent(full[a.end : b.start])
                for a, b in pairwise(self.tokens)
            ]
        return self._linked

    def bigrams(self) -> Counter[tuple[str, str]]:
        lower = [token.text.lower() for token in self.tokens]
        return Counter(compress(pairwise(lower), self._links()))

    def proposals(self, bigrams: Counter[tuple[str, str]], threshold: float) -> list[Proposal]:
        frequencies, _ = _english()
        phrases = _Phrases(bigrams)
        suspects = phrases.suspects | {"1", "he"}
        neighbours = self.neighbours()
        for k, (before, token, after) in enumerate(neighbours):
            if token.text not in suspects or not token.free:
                continue
            # other numbers close by: the sentence counts
            counting = token.text == "1" and any(
                t.text.isdigit() for _, t, _ in neighbours[max(0, k - 8) : k] + neighbours[k + 1 : k + 9]
            )
            judged = _pronoun_one(before, token, after, frequencies, counting) or _article(
                before, token, after
            )
            if judged is None and token.text in phrases.suspects:
                judged = phrases.judge(before, token, after, frequencies)
            if judged is not None:
                self._add(token.start, token.text, *judged)
        self._dates()
        # One proposal per place: the most confident wins where rules overlap.
        kept: list[tuple[int, int, Proposal]] = []
        for start, end, p in sorted(self.found, key=lambda f: (-f[2].confidence, f[0])):
            if p.confidence >= threshold and not any(a < end and start < b for a, b, _ in kept):
                kept.append((start, end, p))
        return [p for _, _, p in sorted(kept, key=lambda f: f[0])]

    def _dates(self) -> None:
        """A day no month has ("July 34th"), when the document gives the same
        month elsewhere with a day one digit away ("July 14th"): the misread
        digit. Otherwise nothing: a guess between 14, 24 and 31 is no proposal."""
        days: dict[str, set[str]] = {}
        impossible: list[tuple[str, _Token]] = []
        for before, token, _ in self.neighbours():
            day = _DAY.fullmatch(token.text)
            if before is None or day is None or before.text not in _MONTHS:
                continue
            if 1 <= int(day.group(1)) <= 31:
                days.setdefault(before.text, set()).add(token.text)
            elif token.free:
                impossible.append((before.text, token))
        for month, token in impossible:
            near = [
                d
                for d in days.get(month, ())
                if len(d) == len(token.text) and sum(a != b for a, b in zip(d, token.text, strict=True)) == 1
            ]
            if len(near) == 1:
                (other,) = near
                reason = f"no month has a day {token.text!r}; the document gives {month} {other} elsewhere"
                self._add(token.start, token.text, other, 0.8, reason)


_MONTHS = _words("January February March April May June July August September October November December")
_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th|d)?")


def _judge(
    word: str,
    printed: Counter[str],
    frequencies: dict[str, int],
    index: dict[str, list[tuple[int, str]]],
    foreign: frozenset[str],
    names: set[str],
    protected: frozenset[str],
) -> tuple[str, float, str] | None:
    """A word that is no word, and the common word its OCR skeleton leads to."""
    lower = word.lower()
    if lower in frequencies:
        return None
    digits = 0 if word.isalpha() else sum(ch.isdigit() for ch in word)
    if digits == len(word):
        return None
    if digits and (digits >= len(word) - 2 or (word[0] in "lIO" and word[1:2].isdigit())):
        return _numeral(word)  # "l9l8"
    if digits and set(word) & set("23456789"):
        return None  # a code such as "B29"
    if len(word) < 3 or "’" in word or "'" in word:
        return None  # abbreviations, short words: see _short_pairs for "ii"
    capital = word[0].isupper()
    if capital:
        # A capitalised word is a name unless it is printed once, looks like a
        # word (not "McCoy", not "USSR") and is a common word but for one
        # confusion: "Peaee" for "Peace"; names recur, misreadings do not.
        if not (word[1:].islower() and len(word) >= 5 and printed[word] == 1) or lower in protected:
            return None
    elif lower in names:
        return None
    if lower in foreign or _ROMAN.fullmatch(lower):
        return None
    candidates = [(c, w) for c, w in index.get(skeleton(lower), ()) if w != lower]
    if not candidates:
        return _stray_letter(word, frequencies)
    # The closest spelling wins over the merely frequent: "eall" is "call", not "can".
    ranked = sorted(candidates, key=lambda cw: (_distance(lower, cw[1]), -cw[0]))
    best_count, best = ranked[0]
    rivals = [c for c, w in ranked if _distance(lower, w) == _distance(lower, best)]
    share = best_count / sum(rivals)
    if best_count < 2000 or len(best) < 3:
        return None
    confidence = share * (0.95 if len(word) >= 5 else 0.85)
    if abs(len(best) - len(word)) > 2:
        confidence *= 0.8
    if capital:
        if best_count < 20000 or _distance(lower, best) != 1:
            return None
        best = best.capitalize()
        confidence *= 0.9
    reason = f"not a word; OCR confusions ({_explain(lower, best.lower())}) give the common word {best!r}"
    return best, confidence, reason


def _stray_letter(word: str, frequencies: dict[str, int]) -> tuple[str, float, str] | None:
    """A long word with one letter too many, a letter repeated (a stutter of
    the scan or the keyboard): doubled, or echoing the letter before the one
    before, "Assisitance". Long, because a short non-word is one letter away
    from many words (and names are); repeated, because a dropped letter
    ("internatl", telegraphese) is an abbreviation, not a slip."""
    lower = word.lower()
    if len(word) < 8 or not word.isalpha():
        return None
    found = {
        lower[:i] + lower[i + 1 :]
        for i in range(1, len(lower))
        if lower[i] in (lower[i - 1], lower[i - 2] if i > 1 else "", lower[i + 1 : i + 2])
        and frequencies.get(lower[:i] + lower[i + 1 :], 0) >= 5000
    }
    if len(found) != 1:
        return None
    (best,) = found
    if word[0].isupper():
        best = best.capitalize()
    return best, 0.8, f"not a word; without one stray letter it is the common word {best!r}"


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (the words are short)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _numeral(word: str) -> tuple[str, float, str] | None:
    # "l9l8" is 1918: letters that OCR takes for digits, among digits
    fixed = word.replace("l", "1").replace("I", "1").replace("O", "0")
    if fixed == word or not fixed.isdigit() or sum(ch.isdigit() for ch in word) < 2:
        return None
    return fixed, 0.9, "letters l, I or O among digits read for 1 and 0"


_CONFUSIONS = [
    ("c", "e"),
    ("rn", "m"),
    ("ii", "n"),
    ("l", "1"),
    ("cl", "d"),
    ("ct", "d"),
    ("li", "h"),
    ("vv", "w"),
    ("0", "o"),
]


def _explain(wrong: str, right: str) -> str:
    pairs = [
        f"{a}/{b}" for a, b in _CONFUSIONS if (a in wrong) != (a in right) or (b in wrong) != (b in right)
    ]
    return ", ".join(pairs) or "letter shapes"


# Rules on a run of text: each gives (start in the run, original, corrected,
# confidence, reason).
_Found = tuple[int, str, str, float, str]

# "gGermany": the scanner read the capital twice, once as a small letter.
_INITIAL = re.compile(r"(?<![\w’'])([a-z])([A-Z][a-z]{2,})(?![\w’'])")
# A number whose thousands separators do not fall every three digits.
_GROUPED = re.compile(r"(?<![\w.,])\$?\d+(?:,\d+)+(?![\w’']|[.,]\d)")
# A period before a comma after a whole word, the sentence going on: "However., in view".
_PERIOD_COMMA = re.compile(r"(?<![\w.’'-])([A-Za-z]{5,})\.,(?= [a-z])")
_SHORT = re.compile(r"(?<=[a-z,;] )(?P<w>ii|iu|tbe|tlie|aud)(?= (?P<next>[a-z]{3,}))")
_SHORT_FIXES = {"ii": "in", "iu": "in", "tbe": "the", "tlie": "the", "aud": "and"}
# Digits, with the points and slashes of file numbers, among which stand the
# letters l, I or O (never beside another letter): "711.94l1/23".
_AMONG_DIGITS = re.compile(r"(?<![\w.,/-])(?=[\d.,/]*\d[lIO]+\d)[\d.,/lIO]*\d(?![A-Za-z])")


def _doubled_initial(text: str, frequencies: dict[str, int]) -> Iterable[_Found]:
    for mt in _INITIAL.finditer(text):
        small, word = mt.groups()
        if small == word[0].lower():
            yield mt.start(), mt.group(0), word, 0.9, f"the capital of {word!r} read twice"


def _grouping(text: str, frequencies: dict[str, int]) -> Iterable[_Found]:
    for mt in _GROUPED.finditer(text):
        number = mt.group(0)
        groups = number.lstrip("$").split(",")
        if all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3:
            continue  # well formed
        # Only a lost comma: every group after the first is whole threes, and
        # the digits regrouped read as one number (a list "1918,19" does not).
        if any(len(g) % 3 for g in groups[1:]) or len(groups[0]) > 6 or groups[0].startswith("0"):
            continue
        fixed = number[: len(number) - len(number.lstrip("$"))] + f"{int(''.join(groups)):,}"
        yield mt.start(), number, fixed, 0.9, "a thousands separator lost: digits regrouped by three"


def _digits(text: str, frequencies: dict[str, int]) -> Iterable[_Found]:
    for mt in _AMONG_DIGITS.finditer(text):
        number = mt.group(0)
        fixed = number.replace("l", "1").replace("I", "1").replace("O", "0")
        yield mt.start(), number, fixed, 0.9, "letters l, I or O among digits read for 1 and 0"


def _doubled_punctuation(text: str, frequencies: dict[str, int]) -> Iterable[_Found]:
    for mt in _PERIOD_COMMA.finditer(text):
        word = mt.group(1)
        lower = word.lower()
        # a whole common word, not an abbreviation ("Assist.," "Excel.,"): no
        # more frequent word starts with it
        if frequencies.get(lower, 0) < 5000 or _truncation(lower, frequencies):
            continue
        yield mt.start(), f"{word}.,", f"{word},", 0.85, "a stray period before the comma after a whole word"


def _truncation(word: str, frequencies: dict[str, int]) -> bool:
    """Whether a more frequent word begins with this one (two letters longer at
    least): "assist" of "assistance", "admin" of "administration"."""
    words = _sorted_words()
    count = frequencies[word]
    i = bisect_left(words, word)
    while i < len(words) and words[i].startswith(word):
        if len(words[i]) >= len(word) + 2 and frequencies[words[i]] > count:
            return True
        i += 1
    return False


@lru_cache(maxsize=1)
def _sorted_words() -> list[str]:
    return sorted(_english()[0])


def _short_pairs(text: str, frequencies: dict[str, int]) -> Iterable[_Found]:
    """Short misreadings that only context shows: ``ii accordance`` is
    ``in accordance`` (a lower-case ``ii`` between words is no numeral)."""
    for mt in _SHORT.finditer(text):
        word, following = mt.group("w"), mt.group("next")
        fix = _SHORT_FIXES[word]
        if following not in frequencies:
            continue
        confidence = 0.9 if word in ("ii", "tbe", "tlie") else 0.75
        # The span takes the next word too: it is the context that shows the error.
        yield (
            mt.start("w"),
            f"{word} {following}",
            f"{fix} {following}",
            confidence,
            f"{word!r} between words is the OCR misreading of {fix!r} (before {following!r})",
        )


# Rules on a word and its neighbours: each gives (corrected, confidence, reason).
_Judged = tuple[str, float, str] | None


# Words after which a clause begins, never a bare number: "Whenever 1 sat down".
_CLAUSE = _words(
    "and but that when whenever if as because since which where wherever while whilst though although"
    " unless so nor whether what how why whom who"
)
# What follows the pronoun I: auxiliaries, verbs of saying and thinking, and
# the common irregular past forms (regular ones end in -ed).
_AFTER_I = _words(
    "am was have had shall should will would could can cannot may might must do did think believe hope"
    " trust fear feel know knew beg regret venture understand understood need wish desire suppose"
    " said saw sat went came told thought felt found took gave made met heard left kept sent stood wrote"
    " spoke got held brought began became read asked"
)
# Prepositions that take an object, never the pronoun "he": "advised by he Chinese"
# lost the "t" of "the". Not those that also join clauses ("for", "as", "than",
# "before", "after", "until", "since") nor those that are also adverbs ("later on he
# said", "once over he", "in", "through", "under", "within", "without").
_PREPOSITIONS = _words(
    "of by with from into upon onto at to among amongst between against toward towards during"
    " throughout concerning regarding respecting via"
)
# What follows the pronoun he, besides what follows I.
_AFTER_HE = _words("is has does says who whom himself also then thereupon")
# Neighbours too common to tell anything: "the case" beside "the ease" is no evidence.
_GENERIC = _words("the a an of and or to this that these those his her its their our my your")
# Letter confusions of OCR that turn one real word into another ("board" and
# "hoard"): only the context of the input can tell which was printed.
_REAL_WORD = [
    ("b", "h"),
    ("h", "b"),
    ("c", "e"),
    ("e", "c"),
    ("rn", "m"),
    ("m", "rn"),
    ("n", "u"),
    ("u", "n"),
    ("cl", "d"),
    ("li", "h"),
    ("n", "p"),
]


def _pronoun_one(
    before: _Token | None,
    token: _Token,
    after: _Token | None,
    frequencies: dict[str, int],
    counting: bool,
) -> _Judged:
    if token.text != "1" or before is None or after is None or not after.text.islower():
        return None
    if counting:
        return None  # "2 sank and 1 was taken": a count among counts
    verb = after.text in _AFTER_I or (after.text.endswith("ed") and after.text in frequencies)
    if before.text.lower() in _CLAUSE and verb:
        return "I", 0.9, f"a digit 1 between {before.text!r} and the verb {after.text!r} is the pronoun I"
    return None


def _article(before: _Token | None, token: _Token, after: _Token | None) -> _Judged:
    if token.text != "he" or before is None or after is None or not after.text.isalpha():
        return None
    if before.text not in _PREPOSITIONS:
        return None
    following = after.text
    if following in _AFTER_I or following in _AFTER_HE or following.endswith("ed"):
        return None  # "by and by he came", "to he who": a pronoun before its verb
    return "the", 0.85, f"'he' cannot follow the preposition {before.text!r}: the 't' of 'the' is lost"


class _Phrases:
    """Real-word misreadings shown by the phrases of a document: a word that
    one OCR confusion turns into a word that makes, with the same neighbour,
    a phrase printed at least twice elsewhere ("on hoard" beside three "on
    board"), while the phrase as printed occurs only here."""

    def __init__(self, bigrams: Counter[tuple[str, str]]) -> None:
        self.bigrams = bigrams
        # how often each word is followed by a word, and follows one
        self.firsts: Counter[str] = Counter()
        self.seconds: Counter[str] = Counter()
        for (a, b), count in bigrams.items():
            self.firsts[a] += count
            self.seconds[b] += count
        # Only the words one confusion away from a word of a repeated phrase
        # are worth a look: inverting the confusions finds them at once.
        self.suspects: set[str] = set()
        for pair, count in bigrams.items():
            if count >= 2:
                for word in pair:
                    self.suspects.update(_misreadings(word))

    def judge(
        self, before: _Token | None, token: _Token, after: _Token | None, frequencies: dict[str, int]
    ) -> _Judged:
        word, bigrams = token.text, self.bigrams
        if len(word) < 3 or not word.isalpha() or not word.islower() or word not in frequencies:
            return None
        left = before.text.lower() if before is not None else None
        right = after.text.lower() if after is not None else None
        # the printed phrase must be unique: a phrase printed twice is meant
        if (left and bigrams[(left, word)] > 1) or (right and bigrams[(word, right)] > 1):
            return None
        best: tuple[int, str, str] | None = None
        for variant in _variants(word):
            if frequencies.get(variant, 0) < frequencies[word]:
                continue
            sides = []
            if left and left not in _GENERIC:
                sides.append((bigrams[(left, variant)], self.firsts[left], f"{left} {variant}"))
            if right and right not in _GENERIC:
                sides.append((bigrams[(variant, right)], self.seconds[right], f"{variant} {right}"))
            for support, occurrences, phrase in sides:
                # An association, not a mere co-occurrence: the neighbour comes
                # with the variant in a tenth of its occurrences at least ("on
                # board" 5 of 17 "on"), which "the case" or "hands of" never do
                # for "the" or "of".
                if support >= 2 and support >= 0.1 * occurrences and (best is None or support > best[0]):
                    best = (support, variant, phrase)
        if best is None:
            return None
        support, variant, phrase = best
        return variant, 0.8, f"OCR confusion: {phrase!r} is printed {support} times elsewhere in the document"


@lru_cache(maxsize=1 << 14)
def _misreadings(word: str) -> frozenset[str]:
    """The words that one confusion turns into ``word`` (cached: the words of
    repeated phrases are the same few from page to page)."""
    return frozenset(_variants(word, inverse=True))


def _variants(word: str, *, inverse: bool = False) -> Iterator[str]:
    """The words one confusion of ``_REAL_WORD`` makes of ``word`` (or, inverse,
    those that one confusion turns into ``word``)."""
    for a, b in _REAL_WORD:
        if inverse:
            a, b = b, a
        i = word.find(a)
        while i >= 0:
            yield word[:i] + b + word[i + len(a) :]
            i = word.find(a, i + 1)
