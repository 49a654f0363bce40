"""Cross-references in prose, annotation, listing and resolution.

``find(text, volume=…)`` recognises the references FRUS prose makes —
``Document 3``, ``Documents 31–53``, ``footnote 3, Document 59``, ``p. 786``,
``pp. 258, 262``, ``Ante, p. 239``, ``vol. XIV, Document 277``, ``Foreign
Relations, 1942, vol. III, p. 543``, ``Foreign Relations, The Conferences at
Cairo and Tehran, 1943, p. 25``, ``Department of State Bulletin, June 13, 1942,
p. 531``, ``telegram No. 97, April 14, 1942`` — as the same typed targets TEI
``ref/@target`` gives. Bare pages and volumes count only in a FRUS context
(``Hull, Memoirs, vol. II, p. 1234`` is no reference of the volume). ``annotate(doc)`` wraps them, and archival citations,
in :class:`~frusdoc.Reference` inlines without changing the text;
``references(doc)`` lists every reference; ``resolve`` looks targets up in a
volume.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable
from typing import Any

import attrs

from frusdoc import _args, citations
from frusdoc import model as m
from frusdoc.errors import AmbiguousNoteError, ArgumentTypeError, ArgumentValueError
from frusdoc.tree import Node, Path, Replacement, plain_text, transform, walk

__all__ = [
    "AmbiguousTargetError",
    "Hit",
    "VolumeIndex",
    "annotate",
    "find",
    "references",
    "resolve",
    "roman_to_int",
    "volume_id",
]

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_SPECIAL_VOLUMES = {
    "The Conferences at Cairo and Tehran, 1943": "frus1943CairoTehran",
    "The Conferences at Washington and Quebec, 1943": "frus1943",
    "The Conferences at Malta and Yalta, 1945": "frus1945Malta",
    "The Conference of Berlin (The Potsdam Conference), 1945": "frus1945Berlinv01",
    "The Conferences at Washington, 1941–1942, and Casablanca, 1943": "frus1941-43",
}


def roman_to_int(roman: str) -> int:
    """``XIV`` → 14 (``xiv`` too)."""
    _args.expect_str("refs.roman_to_int(roman)", roman)
    if not roman or any(ch not in _ROMAN for ch in roman.upper()):
        raise _args.ArgumentValueError(f"refs.roman_to_int(roman): expected a roman numeral (I, V, X, L, C, D, M), got {roman!r:.40}")
    total, previous = 0, 0
    for ch in reversed(roman.upper()):
        value = _ROMAN[ch]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


def volume_id(years: str, vol: str | None, subject: str | None = None, part: str | None = None) -> str:
    """The id of a FRUS volume from its years, subject, volume number and part:
    ``("1942", "III")`` → ``frus1942v03``, ``("1961–1963", "XIV")`` → ``frus1961-63v14``,
    ``("1918", "I", "Russia")`` → ``frus1918Russiav01``, ``("1952–1954", "xi", None, "1")``
    → ``frus1952-54v11p1``; ``vi`` reads as ``VI``, ``1`` as ``I``."""
    _args.expect_str("refs.volume_id(years)", years, empty=False)
    _args.expect_str("refs.volume_id(vol)", vol, optional=True)
    _args.expect_str("refs.volume_id(subject)", subject, optional=True)
    _args.expect_str("refs.volume_id(part)", part, optional=True)
    if vol is not None and not (vol.isdecimal() or (vol and all(ch in _ROMAN for ch in vol.upper()))):
        raise _args.ArgumentValueError(f"refs.volume_id(vol): expected a number or a roman numeral, got {vol!r:.40}")
    span = re.split(r"[–-]", years)
    base = span[0] if len(span) == 1 else f"{span[0]}-{span[1][-2:]}"
    base += subject or ""
    if vol is None:
        return f"frus{base}"
    return f"frus{base}v{_volume_number(vol):02d}" + (f"p{part}" if part else "")


def _volume_number(vol: str) -> int:
    return int(vol) if vol.isdigit() else roman_to_int(vol)


@attrs.frozen
class Hit:
    """A reference found in text: its span and target."""

    start: int
    end: int
    target: m.Target


_ROMAN_RX = r"[IVXLC]+|[ivxlc]+"  # small capitals come out as lower case: "vol. vi"
_VOLUME_NUMBER = rf"(?:{_ROMAN_RX}|\d{{1,2}})\b"
_VOL = r"[Vv]ol(?:ume|\.)"
_PART = r"(?:, [Pp]art (?P<part>\d))?"
_DOC_NUMBER = r"\d{1,4}"
_RANGE = rf"(?P<first>{_DOC_NUMBER})(?:\s?[–-]\s?(?P<last>{_DOC_NUMBER}))?"
_PAGE = r"(?:pp?\.|pages?) ?(?P<page>\d+)(?:[–-](?P<end>\d+))?"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "foreign-relations",
        re.compile(
            r"Foreign Relations, (?:(?P<special>The Conferences? [^,]+(?:, \d{4}[–-]\d{4}, and [^,]+)?, \d{4})|"
            # the Japan volumes put the country first: "Foreign Relations, Japan, 1931–1941, vol. ii"
            r"(?:Japan, )?(?P<years>\d{4}(?:[–-]\d{2,4})?)"
            # a one-word subject before the volume: "Foreign Relations, 1918, Russia, volume I"
            rf"(?:, (?P<subject>[A-Z][a-z]+)(?=, {_VOL}))?)"
            rf"(?:, {_VOL} (?P<vol>{_VOLUME_NUMBER}){_PART})?"
            rf"(?:, (?:(?P<pages>{_PAGE})|Documents? (?P<doc>{_DOC_NUMBER})))?"
        ),
    ),
    (
        "bulletin",
        re.compile(
            r"Department of State Bulletin, (?P<issue>\w+\.? \d{1,2}, \d{4}|vol\. [IVXL]+), pp?\. (?P<page>\d+)"
        ),
    ),
    (
        "volume-document",
        re.compile(
            rf"\b{_VOL} (?P<vol>{_VOLUME_NUMBER}){_PART}, "
            rf"(?:Documents? (?P<doc>{_DOC_NUMBER})|pp?\. ?(?P<page>\d+)(?:[–-](?P<end>\d+))?)"
        ),
    ),
    # a volume alone, of the same series: "see volume VI"
    ("volume", re.compile(rf"\b{_VOL} (?P<vol>{_VOLUME_NUMBER}){_PART}")),
    (
        "footnote",
        re.compile(
            rf"\bfootnote (?P<note>\d+[a-z]?), Document (?P<doc>{_DOC_NUMBER})\b"
            rf"|\bDocument (?P<doc2>{_DOC_NUMBER}), footnote (?P<note2>\d+[a-z]?)\b"
        ),
    ),
    ("documents", re.compile(rf"\bDocuments? {_RANGE}\b")),
    (
        "telegram",
        re.compile(
            r"\b(?P<what>telegram|despatch|airgram|instruction) No\. (?P<number>\d+), (?P<date>\w+ \d{1,2}, \d{4})"
        ),
    ),
    # "page" only after ante/post ("ante, page 246") or "printed on": alone it
    # is any page of anything ("the Daily Summary, page 2")
    (
        "pages",
        re.compile(
            r"\b(?:(?P<lead>(?:Ante|Post|ante|post), |(?<=printed on ))(?:pages?|pp?\.)|pp?\.)"
            r" ?(?P<page>\d+)(?:[–-](?P<end>\d+))?"
        ),
    ),
]
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# further pages or documents of a list: "pp. 258, 262, 257, and 241", "pp. 670
# and 672", "pp. 817 ff. and 1259 ff.", "Documents 156, 160, …, and 314"
_MORE = re.compile(rf"(?: ff\.)?(?:,? and |, )(?P<number>\d+)(?:[–-]\d+)?(?!\d|/|\s*(?:{_MONTHS})\b|\.\d)")

# -- is a bare page or volume one of FRUS? ------------------------------------------
#
# "p. 786", "pp. 258, 262" and "vol. XIV, Document 277" name pages and volumes of
# FRUS only in a FRUS context. After another publication's title or author
# ("Hull, Memoirs, vol. II, p. 1234", "Churchill, Triumph and Tragedy, p. 215",
# "Woodward, p. 307", "Elliott Roosevelt (p. 166)") they are pages of that
# publication and are not references of the volume. The context is the text
# just before the reference:
#
# * after ante/post, after a lower-case word ("see", "printed on"), or at the
#   start of the text: FRUS;
# * in parentheses: not FRUS (the short citation of a book named before it);
# * after a comma, the comma-separated phrases of the clause decide, read
#   backwards. Dates and years are passed over: they date a message printed in
#   the volume ("telegram 908 to The Hague, February 1, p. 591") or a
#   publication ("New York Times, June 3, 1943, p. 4"). The first other phrase
#   decides: another publication's volume ("t. 2", "tome 1er", "3 vol.",
#   "Vol. VIII: U Thant"), a title or a name ("Memoirs", "Triumph and
#   Tragedy", "Hull": capitalised words and connectors, no digits, optionally
#   after "see" or "in"), or a phrase ending in one ("… is in Mandate for
#   Change") is another publication; anything else (a phrase with lower-case
#   words or numbers: "from Mr. Wu", "and 642") is FRUS;
# * after a parenthesis with a year (an imprint: "(Washington, 1941), pp. 6"):
#   another publication.

_MONTH_ABBREVIATIONS = "Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec"
_DATE_PHRASE = re.compile(
    rf"(?:(?:{_MONTHS}|{_MONTH_ABBREVIATIONS})\.? \d{{1,2}}|\d{{1,2}} (?:{_MONTHS})|\d{{4}}(?:[–-]\d{{2,4}})?)"
)
# another publication's volume: "t. 2", "v. 2", "tome 3e", "3 vol.", "Vol. VIII: U Thant"
_OTHER_VOLUME = re.compile(
    r"(?:\b(?:t|v|tome|tom|Bd)\.? ?\d+\w*|\btome \w+|\d+ vols?\.|\b[Vv]ol(?:ume|\.) \w+:.*)"
)
_ANTE = re.compile(r"\b(?:ante|post)\s*,?\s*$", re.IGNORECASE)
# a clause ends at a semicolon, a bracket or a sentence end (not after "Mr.",
# an initial or a one-letter abbreviation such as "t." or "v.")
_CLAUSE_END = re.compile(r"[;(\[“:]|(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\b[A-Za-z])\.\s")
_IMPRINT = re.compile(r"\([^()]*\b1[5-9]\d\d\)$")
_CONNECTORS = frozenset({"of", "and", "the", "in", "on", "for", "to", "a", "an", "at", "by", "with", "&"})
_LEADS = frozenset({"see", "See", "in", "In", "cf.", "Cf.", "also"})
_IN_TITLE = re.compile(
    r"\bin ((?:[A-Z]\S*|of|and|the|for|on|to|a|an)(?: (?:[A-Z]\S*|of|and|the|for|on|to|a|an))*)$"
)


def _phrases(text: str) -> list[str]:
    """The comma-separated phrases of the clause ``text`` ends in, its trailing comma removed."""
    body = text.rstrip().removesuffix(",")
    cuts = [m.end() for m in _CLAUSE_END.finditer(body)]
    clause = body[cuts[-1] if cuts else 0 :]
    # "Vol. VIII: U Thant" keeps its colon: it is cut only before a clause, not inside a phrase
    return [p.strip() for p in clause.split(",") if p.strip()]


def _title_like(segment: str) -> bool:
    words = segment.split()
    while words and words[0] in _LEADS:
        words = words[1:]
    if not words or any(ch.isdigit() for ch in segment):
        return False
    capitals = [w for w in words if w[0].isupper()]
    return bool(capitals) and all(w[0].isupper() or w in _CONNECTORS for w in words) and words[0][0].isupper()


def _other_publication(phrases: list[str]) -> bool:
    for phrase in reversed(phrases):
        if _DATE_PHRASE.fullmatch(phrase):
            continue
        if _OTHER_VOLUME.fullmatch(phrase):
            return True
        match = _IN_TITLE.search(phrase)
        return _title_like(phrase) or (match is not None and _title_like(match.group(1)))
    return False


def _frus_context(before: str, *, after_comma: bool = True) -> bool:
    """Whether a bare page or volume reference after ``before`` is one of FRUS.

    ``after_comma=False`` refuses the comma rule: a volume alone after a comma
    is an archive's locator (``Country File, Vietnam, Vol. XXXV``, ``Box 3,
    Vol. II``), not a FRUS volume.
    """
    tail = before[-200:]
    if not tail.strip() or _ANTE.search(tail):
        return True
    stripped = tail.rstrip()
    if stripped.endswith(("(", "[")):
        return False
    if stripped.endswith(","):
        if not after_comma:
            return False
        if _IMPRINT.search(stripped[:-1].rstrip()):
            return False
        return not _other_publication(_phrases(stripped))
    word = stripped.split()[-1]
    return not word[0].isupper() or word in _LEADS


# "ibid." names the publication cited last: a volume of FRUS only when the
# text cites one before it ("Foreign Relations, 1950, vol. vi, p. 508; ibid.,
# p. 591"); "ibid., 1940, vol. v" is that series in another year.
_IBID = re.compile(r"\b[Ii]bid\.?,\s*(?:(?P<years>\d{4}(?:[–-]\d{2,4})?),\s*)?$")
# what may stand between a Foreign Relations volume and the document or page
# of it that follows: the volume's title, over commas ("…, volume XIV, Soviet
# Union, Document 335"); not a new sentence, clause or parenthesis
_TITLE_BETWEEN = re.compile(r",(?:(?![;()\[\]]|(?<![A-Z])\.\s|Foreign Relations).){0,160}?, $")
_PART_IN = re.compile(r"\b[Pp]art (\d)\b")


def find(text: str, *, volume: str | None = None) -> list[Hit]:
    """Every prose cross-reference in ``text``, in order, never overlapping.

    ``volume`` is the id of the volume the text is in: ``Document 3`` and
    ``vol. XIV, Document 277`` are resolved against it. Bare pages and volume
    numbers count only in a FRUS context (not after another publication's
    title: ``Hull, Memoirs, vol. II, p. 1234`` is no reference); a document or
    page after the title of a Foreign Relations volume is one of that volume;
    ``ibid.`` is followed only to a Foreign Relations volume cited before it.
    """
    _args.expect_str("refs.find(text)", text)
    _args.expect_str("refs.find(volume)", volume, optional=True)
    hits: list[Hit] = []
    taken: list[tuple[int, int]] = []
    cited: list[Hit] = []  # Foreign Relations volumes cited, for ibid. and titles
    elsewhere: list[int] = []  # ends of pages and volumes of other publications

    def add(start: int, end: int, target: m.Target) -> bool:
        if any(start < h.end and h.start < end for h in hits):
            return False
        hits.append(Hit(start, end, target))
        return True

    def claimed(start: int, end: int) -> bool:
        # a span a stronger pattern has seen, kept or rejected
        return any(start < e and s < end for s, e in taken)

    def more(position: int, make: Callable[[str, str], m.Target]) -> None:
        # the rest of a list of pages or documents, each its own reference
        while (mt := _MORE.match(text, position)) is not None:
            number = mt.group("number")
            add(mt.start("number"), mt.end("number"), make(number, number))
            position = mt.end()

    def in_volume(start: int, *, merge: bool = True) -> tuple[int, str | None] | None:
        """Where a reference starting at ``start`` takes its volume from, if
        not from the text's own: ``(new start, volume)``; volume ``None`` when
        it is a volume that cannot be told (an ibid. of something not cited)."""
        window = max(0, start - 40)  # an ibid. and a year fit in it
        ibid = _IBID.search(text, window, start)
        last = next((h for h in reversed(cited) if h.end <= start), None)
        if ibid is not None:
            if last is None or any(last.end <= e <= ibid.start() for e in elsewhere):
                # the last publication cited is not (or not known to be) FRUS
                return ibid.start(), None
            own = getattr(last.target, "volume", None)
            if ibid.group("years"):
                return ibid.start(), volume_id(ibid.group("years"), None)
            return ibid.start(), own
        if not merge:
            return None
        if last is not None and isinstance(last.target, m.VolumeTarget) and last in hits:
            between = text[last.end : start]
            inside = any(last.end <= h.start < start for h in hits)
            if not inside and (between == ", " or _TITLE_BETWEEN.fullmatch(between)):
                own = last.target.volume
                part = _PART_IN.search(between)
                if part and not re.search(r"p\d+$", own):
                    own += f"p{part.group(1)}"
                # one reference: the volume's title and the place in it
                hits.remove(last)
                cited.remove(last)
                return last.start, own
        return None

    def moved_back(start: int, end: int) -> tuple[int, str | None, str, bool] | None:
        """A reference's ``(start, volume, raw, moved)``: moved back to the volume
        it takes its place from (an ibid., a volume's title before it), or
        ``None`` when that volume cannot be told and the reference is dropped."""
        origin = in_volume(start)
        if origin is None:
            return start, volume, text[start:end], False
        if origin[1] is None:
            return None
        return origin[0], origin[1], text[origin[0] : end], True

    for name, pattern in _PATTERNS:
        for mt in pattern.finditer(text):
            raw = mt.group(0)
            start, end = mt.span()
            groups = mt.groupdict()
            if name == "foreign-relations":
                taken.append((start, end))
                if groups["special"]:
                    vol = _SPECIAL_VOLUMES.get(groups["special"])
                else:
                    vol = volume_id(groups["years"], groups["vol"], groups["subject"], groups["part"])
                if vol is None:
                    target: m.Target = m.PublicationTarget(
                        raw=raw, title="Foreign Relations", volume=groups["special"]
                    )
                elif groups["doc"]:
                    target = m.DocumentTarget(raw=raw, document=f"d{groups['doc']}", volume=vol)
                elif groups["page"]:
                    target = m.PageTarget(raw=raw, page=groups["page"], volume=vol)
                else:
                    target = m.VolumeTarget(raw=raw, volume=vol)
                if add(start, end, target):
                    cited.append(hits[-1])
                if groups["page"] and vol is not None:
                    more(end, _pages(vol))
            elif name == "bulletin":
                taken.append((start, end))
                add(
                    start,
                    end,
                    m.PublicationTarget(
                        raw=raw,
                        title="Department of State Bulletin",
                        volume=groups["issue"],
                        page=groups["page"],
                    ),
                )
            elif name in ("volume-document", "volume"):
                if claimed(start, end):
                    continue
                taken.append((start, end))
                origin = in_volume(start, merge=False)
                if origin is not None:
                    start = origin[0]
                    if origin[1] is None:
                        continue  # ibid. of something not cited here
                    series = re.sub(r"v\d+\w*$", "", origin[1])
                    there: str | None = f"{series}v{_volume_number(groups['vol']):02d}"
                    if groups["part"]:
                        there = f"{there}p{groups['part']}"
                elif not _frus_context(text[:start], after_comma=name != "volume"):
                    elsewhere.append(end)
                    continue
                else:
                    there = _sibling(volume, groups["vol"], groups["part"])
                raw = text[start:end]
                if there is None:
                    continue
                if name == "volume":
                    if add(start, end, m.VolumeTarget(raw=raw, volume=there)):
                        cited.append(hits[-1])
                elif groups["doc"]:
                    if add(start, end, m.DocumentTarget(raw=raw, document=f"d{groups['doc']}", volume=there)):
                        cited.append(hits[-1])
                    if "Documents" in raw:
                        more(end, _documents(there))
                else:
                    if add(start, end, m.PageTarget(raw=raw, page=groups["page"], volume=there)):
                        cited.append(hits[-1])
                    more(end, _pages(there))
            elif name == "footnote":
                label = groups["note"] or groups["note2"]
                doc = groups["doc"] or groups["doc2"]
                placed = moved_back(start, end)
                if placed is None:
                    continue
                start, there, raw, _ = placed
                add(start, end, m.NoteTarget(raw=raw, label=label, document=f"d{doc}", volume=there))
            elif name == "documents":
                if claimed(start, end):
                    continue
                placed = moved_back(start, end)
                if placed is None:
                    continue
                start, there, raw, _ = placed
                # a range ("Documents 31–53") points at its first document; raw keeps the range
                add(start, end, m.DocumentTarget(raw=raw, document=f"d{groups['first']}", volume=there))
                if "Documents" in raw:
                    more(end, _documents(there))
            elif name == "telegram":
                parts = (("form", groups["what"]), ("number", groups["number"]), ("date", groups["date"]))
                add(start, end, m.ArchivalTarget(raw=raw, scheme="message", parts=parts))
            elif name == "pages":
                if claimed(start, end):
                    continue
                placed = moved_back(start, end)
                if placed is None:
                    continue
                start, there, raw, moved = placed
                if not moved and not (groups["lead"] or _frus_context(text[:start])):
                    elsewhere.append(end)
                    continue
                add(start, end, m.PageTarget(raw=raw, page=groups["page"], volume=there))
                more(end, _pages(there))
    return sorted(hits, key=lambda h: h.start)


def _pages(volume: str | None) -> Callable[[str, str], m.Target]:
    def make(raw: str, number: str) -> m.Target:
        return m.PageTarget(raw=raw, page=number, volume=volume)

    return make


def _documents(volume: str | None) -> Callable[[str, str], m.Target]:
    def make(raw: str, number: str) -> m.Target:
        return m.DocumentTarget(raw=raw, document=f"d{number}", volume=volume)

    return make


def _sibling(volume: str | None, number: str, part: str | None = None) -> str | None:
    """``vol. XIV`` inside ``frus1961-63v15`` is ``frus1961-63v14``, ``volume I``
    inside ``frus1918Russiav03`` is ``frus1918Russiav01``."""
    if volume is None:
        return None
    match = re.fullmatch(r"(frus[\w-]+?)v\d+(?:p\d+)?", volume)
    if match is None:
        return None
    return f"{match.group(1)}v{_volume_number(number):02d}" + (f"p{part}" if part else "")


# -- annotation -------------------------------------------------------------------


def _hits(text: str, volume: str | None) -> list[Hit]:
    hits = find(text, volume=volume)
    for found in citations.find(text):
        wanted = found.citation.kind in ("decimal-file", "lot-file", "subject-file")
        if wanted and not any(found.start < h.end and h.start < found.end for h in hits):
            hits.append(Hit(found.start, found.end, found.target()))
    return sorted(hits, key=lambda h: h.start)


def _annotate_run(inlines: tuple[m.Inline, ...], volume: str | None) -> tuple[m.Inline, ...]:
    # References are found once in the plain text of the whole run, so the
    # words around a text node decide as they do on the printed page: markup
    # that splits "Foreign Relations, 1950, vol. <hi>vi</hi>, p. 508" does not
    # leave ", p. 508" to be read as a page of this volume. Only references
    # wholly inside one text node can be wrapped; one that crosses into
    # another node is left as text. The run's other inlines (and blocks
    # embedded in it) were annotated before, by transform (post-order).
    if not any(type(n) is m.Text for n in inlines):
        return inlines
    pieces = [node.text if isinstance(node, m.Text) else plain_text((node,)) for node in inlines]
    hits = _hits("".join(pieces), volume)
    out: list[m.Inline] = []
    changed = False
    offset = 0
    for node, piece in zip(inlines, pieces, strict=True):
        start, offset = offset, offset + len(piece)
        inside = [
            Hit(h.start - start, h.end - start, h.target)
            for h in hits
            if start <= h.start and h.end <= offset
        ]
        if not isinstance(node, m.Text) or not inside:
            out.append(node)
        else:
            # a run that is wholly one reference is one piece, and still a change
            changed = True
            out.extend(_split(node.text, inside))
    return tuple(out) if changed else inlines


def _split(text: str, hits: list[Hit]) -> list[m.Inline]:
    """The text cut into plain runs and the references at ``hits``."""
    out: list[m.Inline] = []
    position = 0
    for hit in hits:
        if hit.start > position:
            out.append(m.Text(text=text[position : hit.start]))
        out.append(m.Reference(target=hit.target, children=(m.Text(text=text[hit.start : hit.end]),)))
        position = hit.end
    if position < len(text):
        out.append(m.Text(text=text[position:]))
    return out


# The runs that are annotated: a block's or cell's text, a document's or
# attachment's title, a list's head, and the children of an inline in such a
# run (each its own run). Left as they are: a reference, both readings of an
# emendation, and the inlines between list items and table rows and after
# them (``before``, ``after``).
_RUN_FIELDS = ("inlines", "title", "head")
_INLINES: frozenset[type] = frozenset(typing.get_args(m.Inline))
_OWN_RUN: frozenset[type] = frozenset({m.Emphasis, m.Name, m.DateText, m.Gap, m.RawInline})
_LEFT_ALONE: frozenset[type] = frozenset({m.Reference, m.Emendation})
_UNANNOTATED_RUNS = ("before", "after")


def _unannotated(path: Path) -> bool:
    # a direct member of a run between or after list items and table rows
    return len(path) >= 2 and path[-2] in _UNANNOTATED_RUNS


def _annotator(volume: str | None) -> Callable[[Path, Node], Replacement]:
    def visit(path: Path, node: Node) -> Replacement:
        cls = type(node)
        if cls in _OWN_RUN:
            fields: tuple[str, ...] = ("children",)
        elif cls in _INLINES:
            return node
        else:
            fields = _RUN_FIELDS
        if _unannotated(path):
            return node
        changes: dict[str, Any] = {}
        for name in fields:
            value = getattr(node, name, None)
            if type(value) is tuple:
                new = _annotate_run(value, volume)
                if new is not value:
                    changes[name] = new
        if not changes:
            return node
        rebuilt: Node = attrs.evolve(node, **changes)
        return rebuilt

    return visit


def _descend(path: Path, node: Node) -> bool:
    return type(node) not in _LEFT_ALONE and not _unannotated(path)


def annotate(doc: m.Document) -> m.Document:
    """The document with its prose references and archival citations as
    :class:`~frusdoc.Reference` inlines. The rendered text does not change:
    ``text.render(annotate(d)) == text.render(d)``."""
    _args.expect_node("refs.annotate(doc)", doc, m.Document)
    new = transform(doc, _annotator(doc.volume), descend=_descend)
    assert isinstance(new, m.Document)  # the annotator keeps every node's class
    return new


def references(node: object) -> list[tuple[Path, m.Reference]]:
    """Every :class:`~frusdoc.Reference` below ``node`` with its path, in document order."""
    return [(path, n) for path, n in walk(node) if isinstance(n, m.Reference)]


# -- resolution -------------------------------------------------------------------


AmbiguousTargetError = AmbiguousNoteError
"""A target whose label fits more than one note: the one error class of
ambiguous note lookups, :class:`frusdoc.AmbiguousNoteError`, under the name
this module has always used (``candidates`` are the notes, ``target`` the
target)."""


@attrs.frozen(eq=False)
class VolumeIndex:
    """What cross-references are looked up in, built once for a volume by one walk.

    ``documents`` by id, ``pages`` (page breaks by printed label), ``notes``
    by id, and the ids of ``persons`` and ``terms``: the first of each in
    document order where a volume repeats one (as the walks of
    :func:`resolve` without an index find them). Resolving every reference
    of a volume against one index is linear in the volume's size; without
    it each lookup walks the volume. Build it with :meth:`of`; it describes
    the volume it was built from, and a volume is immutable, so it never
    goes stale.
    """

    volume: m.Volume
    documents: dict[str, m.Document]
    pages: dict[str, m.PageBreak]
    notes: dict[str, m.Note]
    persons: frozenset[str]
    terms: frozenset[str]

    @classmethod
    def of(cls, volume: m.Volume) -> VolumeIndex:
        """The index of ``volume``."""
        if not isinstance(volume, m.Volume):
            raise ArgumentTypeError(f"VolumeIndex.of(volume): expected a Volume, got {type(volume).__name__}")
        documents: dict[str, m.Document] = {}
        pages: dict[str, m.PageBreak] = {}
        notes: dict[str, m.Note] = {}
        for _, node in walk(volume):
            if type(node) is m.PageBreak:
                pages.setdefault(node.label, node)
        # the documents resolve() looks at: iter_documents', in its order
        for doc in volume.iter_documents():
            if doc.id is not None:
                documents.setdefault(doc.id, doc)
            for note in doc.notes:
                if note.id is not None:
                    notes.setdefault(note.id, note)
        return cls(
            volume=volume,
            documents=documents,
            pages=pages,
            notes=notes,
            persons=frozenset(p.id for p in volume.persons),
            terms=frozenset(t.id for t in volume.terms),
        )


def resolve(
    target: m.Target,
    volume: m.Volume,
    *,
    document: m.Document | None = None,
    index: VolumeIndex | None = None,
) -> object | None:
    """What ``target`` points at in ``volume`` (a document, page break, note,
    or the volume itself), ``None`` when it points inside ``volume`` and is not
    there. Targets in other volumes, archives and publications cannot be
    resolved here: ``NotImplemented`` is returned for them.

    A note is looked up by its id when the target knows it (a TEI pointer,
    ``#d118fn85``), and only otherwise by its printed label, among the notes of
    the target's document (``document``, the document the reference stands in,
    when the target names none). A label that fits several notes raises
    :class:`AmbiguousTargetError`: it is reported, not guessed.

    ``index`` (:meth:`VolumeIndex.of` of ``volume``) makes each lookup a
    dictionary access: pass it when resolving many targets of one volume.
    Without it the volume is walked for each target.
    """
    _args.expect_node("refs.resolve(target)", target, typing.get_args(m.Target))
    _args.expect_node("refs.resolve(volume)", volume, m.Volume)
    if document is not None:
        _args.expect_node("refs.resolve(document)", document, m.Document)
    if index is not None and not isinstance(index, VolumeIndex):
        raise ArgumentTypeError(f"resolve(index): expected a VolumeIndex or None, got {type(index).__name__}")
    if index is not None and index.volume is not volume:
        raise ArgumentValueError("resolve(): index must be the VolumeIndex of the volume given")
    own = getattr(target, "volume", None)
    outside: object = NotImplemented
    if own not in (None, volume.id):
        return outside
    if isinstance(target, m.VolumeTarget):
        return volume
    if isinstance(target, m.DocumentTarget):
        return _document(volume, target.document, index)
    if isinstance(target, m.PageTarget):
        if index is not None:
            return index.pages.get(target.page)
        return next(
            (n for _, n in walk(volume) if isinstance(n, m.PageBreak) and n.label == target.page), None
        )
    if isinstance(target, m.NoteTarget):
        return _resolve_note(target, volume, document, index)
    return outside


def _document(volume: m.Volume, id: str, index: VolumeIndex | None) -> m.Document | None:
    if index is not None:
        return index.documents.get(id)
    return next((d for d in volume.iter_documents() if d.id == id), None)


def _resolve_note(
    target: m.NoteTarget, volume: m.Volume, document: m.Document | None, index: VolumeIndex | None
) -> m.Note | None:
    if target.document is not None:
        home = _document(volume, target.document, index)
        if home is None:
            return None
    else:
        home = document
    if target.id is not None:
        if home is None and index is not None:
            return index.notes.get(target.id)
        docs = [home] if home is not None else list(volume.iter_documents())
        return next((n for d in docs for n in d.notes if n.id == target.id), None)
    if target.label is None or home is None:
        return None
    fits = [n for n in home.notes if n.label == target.label]
    if len(fits) > 1:
        raise AmbiguousNoteError(target.raw, fits, target=target)
    return fits[0] if fits else None
