"""Finding likely OCR errors, offline: ``propose(doc_or_volume)``.

Three pieces of knowledge:

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
* **protection** for what is not an error: capitalised words (names), names
  and terms of the volume's lists, words in italics (foreign phrases), roman
  numerals, abbreviations, citations, file numbers and references, and words
  the editors marked ``[sic]``.

A word is proposed for correction only when it is not a word of any of the
dictionaries and its skeleton leads to a frequent English word; the
confidence reflects how clearly one candidate wins and how much context
supports it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from frusdoc import model as m
from frusdoc.emend.operations import Proposal
from frusdoc.errors import FrusdocError
from frusdoc.walk import Path, walk

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
    for a, b in _SKELETON_STEPS:
        word = word.replace(a, b)
    return word


@lru_cache(maxsize=1)
def _english() -> tuple[dict[str, int], dict[str, list[tuple[int, str]]]]:
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
    from spellchecker import SpellChecker

    words: set[str] = set()
    for language in _LANGUAGES:
        frequency = SpellChecker(language=language).word_frequency
        words.update(w for w, c in frequency.dictionary.items() if c >= 20)
    return frozenset(words)


_WORD = re.compile(r"(?<![\w/.-])[A-Za-z0-9][A-Za-z0-9]*(?:[’'][a-z]+)?(?![\w/-])")
_ROMAN = re.compile(r"m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})", re.I)
_SIC = re.compile(r"\s*\[(?:sic|sic\.)\]")


def propose(node: m.Document | m.Volume, *, threshold: float = 0.0) -> list[Proposal]:
    """Likely OCR errors of a document (or of every document of a volume),
    each with its span in the document's plain text, the correction, a
    confidence and a reason. Nothing is applied: see :func:`frusdoc.emend.apply`."""
    if isinstance(node, m.Volume):
        protected = _volume_names(node)
        out: list[Proposal] = []
        for doc in node.iter_documents():
            out.extend(_document(doc, protected, threshold))
        return out
    return _document(node, frozenset(), threshold)


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


def _document(doc: m.Document, protected: frozenset[str], threshold: float) -> list[Proposal]:
    from frusdoc import citations, refs
    from frusdoc.text import spans

    frequencies, index = _english()
    foreign = _foreign()
    where = spans(doc)
    # words of the document itself that look deliberate: capitalised somewhere
    names = set(protected)
    for _, text_node, _ in _runs(doc):
        names.update(w.lower() for w in re.findall(r"\b[A-Z][a-z]+", text_node.text))
    out: list[Proposal] = []
    for path, text_node, inside in _runs(doc):
        if inside or path not in where:
            continue
        text = text_node.text
        offset = where[path][0]
        shielded = [(f.start, f.end) for f in citations.find(text)] + [
            (h.start, h.end) for h in refs.find(text)
        ]
        tokens = list(_WORD.finditer(text))
        for k, match in enumerate(tokens):
            word = match.group(0)
            start, end = match.span()
            if any(a < end and start < b for a, b in shielded) or _SIC.match(text, end):
                continue
            proposal = _judge(word, text, start, end, tokens, k, frequencies, index, foreign, names)
            if proposal is None:
                continue
            corrected, confidence, reason = proposal
            if confidence < threshold:
                continue
            out.append(
                Proposal(
                    start=offset + start,
                    end=offset + end,
                    original=word,
                    corrected=corrected,
                    confidence=confidence,
                    reason=reason,
                    document=doc.id,
                )
            )
    return _context_pairs(doc, out, where, frequencies, index, threshold)


def _judge(
    word: str,
    text: str,
    start: int,
    end: int,
    tokens: list[re.Match[str]],
    k: int,
    frequencies: dict[str, int],
    index: dict[str, list[tuple[int, str]]],
    foreign: frozenset[str],
    names: set[str],
) -> tuple[str, float, str] | None:
    digits = sum(ch.isdigit() for ch in word)
    if digits == len(word):
        return None
    if digits and (digits >= len(word) - 2 or (word[0] in "lIO" and word[1:2].isdigit())):
        return _numeral(word)  # "l9l8"
    if digits and set(word) & set("23456789"):
        return None  # a code such as "B29"
    if word[0].isupper() or len(word) < 3 or "’" in word or "'" in word:
        return None  # names, abbreviations, short words: see _context_pairs for "ii"
    lower = word.lower()
    if lower in frequencies or lower in foreign or lower in names or _ROMAN.fullmatch(lower):
        return None
    candidates = [(c, w) for c, w in index.get(skeleton(lower), ()) if w != lower]
    if not candidates:
        return None
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
    reason = f"not a word; OCR confusions ({_explain(lower, best)}) give the common word {best!r}"
    return best, round(confidence, 3), reason


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


def _context_pairs(
    doc: m.Document,
    found: list[Proposal],
    where: dict[Path, tuple[int, int]],
    frequencies: dict[str, int],
    index: dict[str, list[tuple[int, str]]],
    threshold: float,
) -> list[Proposal]:
    """Short misreadings that only context shows: ``ii accordance`` is
    ``in accordance`` (a lower-case ``ii`` between words is no numeral)."""
    out = list(found)
    pattern = re.compile(r"(?<=[a-z,;] )(?P<w>ii|iu|ot|tbe|tlie|aud|iu)(?= (?P<next>[a-z]{3,}))")
    fixes = {"ii": "in", "iu": "in", "tbe": "the", "tlie": "the", "aud": "and", "ot": "of"}
    for path, node, inside in _runs(doc):
        if inside or path not in where:
            continue
        for mt in pattern.finditer(node.text):
            word, following = mt.group("w"), mt.group("next")
            fix = fixes.get(word)
            if fix is None or following not in frequencies:
                continue
            if word == "ot" and frequencies.get("ot", 0) > 0:
                continue
            confidence = 0.9 if word in ("ii", "tbe", "tlie") else 0.75
            if confidence < threshold:
                continue
            # The span takes the next word too: it is the context that shows the error.
            start = where[path][0] + mt.start("w")
            out.append(
                Proposal(
                    start=start,
                    end=start + len(word) + 1 + len(following),
                    original=f"{word} {following}",
                    corrected=f"{fix} {following}",
                    confidence=confidence,
                    reason=f"{word!r} between words is the OCR misreading of {fix!r} (before {following!r})",
                    document=doc.id,
                )
            )
    return sorted(out, key=lambda p: p.start)
