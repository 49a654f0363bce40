"""Cross-references in prose, annotation, listing and resolution.

``find(text, volume=…)`` recognises the references FRUS prose makes —
``Document 3``, ``Documents 31–53``, ``footnote 3, Document 59``, ``p. 786``,
``pp. 258, 262``, ``Ante, p. 239``, ``vol. XIV, Document 277``, ``Foreign
Relations, 1942, vol. III, p. 543``, ``Foreign Relations, The Conferences at
Cairo and Tehran, 1943, p. 25``, ``Department of State Bulletin, June 13, 1942,
p. 531``, ``telegram No. 97, April 14, 1942`` — as the same typed targets TEI
``ref/@target`` gives. ``annotate(doc)`` wraps them, and archival citations,
in :class:`~frusdoc.Reference` inlines without changing the text;
``references(doc)`` lists every reference; ``resolve`` looks targets up in a
volume.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from frusdoc import citations
from frusdoc import model as m
from frusdoc.errors import FrusdocError
from frusdoc.walk import Path, walk

__all__ = [
    "AmbiguousTargetError",
    "Hit",
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
    total, previous = 0, 0
    for ch in reversed(roman.upper()):
        value = _ROMAN[ch]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


def volume_id(years: str, vol: str | None, subject: str | None = None) -> str:
    """The id of a FRUS volume from its years, subject and volume number:
    ``("1942", "III")`` → ``frus1942v03``, ``("1961–1963", "XIV")`` → ``frus1961-63v14``,
    ``("1918", "I", "Russia")`` → ``frus1918Russiav01``; ``vi`` reads as ``VI``."""
    span = re.split(r"[–-]", years)
    base = span[0] if len(span) == 1 else f"{span[0]}-{span[1][-2:]}"
    base += subject or ""
    if vol is None:
        return f"frus{base}"
    return f"frus{base}v{roman_to_int(vol):02d}"


@attrs.frozen
class Hit:
    """A reference found in text: its span and target."""

    start: int
    end: int
    target: m.Target


_ROMAN_RX = r"[IVXLC]+|[ivxlc]+"  # small capitals come out as lower case: "vol. vi"
_VOL = r"[Vv]ol(?:ume|\.)"
_DOC_NUMBER = r"\d{1,4}"
_RANGE = rf"(?P<first>{_DOC_NUMBER})(?:\s?[–-]\s?(?P<last>{_DOC_NUMBER}))?"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "foreign-relations",
        re.compile(
            r"Foreign Relations, (?:(?P<special>The Conferences? [^,]+(?:, \d{4}[–-]\d{4}, and [^,]+)?, \d{4})|"
            # the Japan volumes put the country first: "Foreign Relations, Japan, 1931–1941, vol. ii"
            r"(?:Japan, )?(?P<years>\d{4}(?:[–-]\d{2,4})?)"
            # a one-word subject before the volume: "Foreign Relations, 1918, Russia, volume I"
            rf"(?:, (?P<subject>[A-Z][a-z]+)(?=, {_VOL}))?)"
            rf"(?:, {_VOL} (?P<vol>{_ROMAN_RX}))?"
            rf"(?:, (?:(?P<pages>(?:pp?\.|pages?) (?P<page>\d+)(?:[–-]\d+)?)|Documents? (?P<doc>{_DOC_NUMBER})))?"
        ),
    ),
    (
        "bulletin",
        re.compile(
            r"Department of State Bulletin, (?P<issue>\w+ \d{1,2}, \d{4}|vol\. [IVXL]+), pp?\. (?P<page>\d+)"
        ),
    ),
    (
        "volume-document",
        re.compile(
            rf"\b{_VOL} (?P<vol>{_ROMAN_RX}), (?:Documents? (?P<doc>{_DOC_NUMBER})|pp?\. (?P<page>\d+))"
        ),
    ),
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
    # "page" only after ante/post ("ante, page 246"): alone it is any page of anything
    (
        "pages",
        re.compile(
            r"\b(?:(?P<lead>(?:Ante|Post|ante|post), )(?:pages?|pp?\.)|pp?\.) (?P<page>\d+)(?:[–-](?P<end>\d+))?"
        ),
    ),
]
# further pages of a list: "pp. 258, 262", "pp. 670 and 672"
_MORE_PAGES = re.compile(r"(?:, | and )(?P<page>\d+)(?![\d,]*\s*(?:and|[A-Z]))")

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
# * after a comma: the comma-separated phrase before it decides. A date names a
#   message printed in the volume ("telegram 908 to The Hague, February 1,
#   p. 591"), unless a title stands before the date ("New York Times, June 3,
#   1943, p. 4"). A title or a name ("Memoirs", "Triumph and Tragedy", "Hull":
#   capitalised words, connectors, no digits, optionally after "see" or "in")
#   is another publication. Anything else (a phrase with lower-case words or
#   numbers: "from Mr. Wu", "and 642") is FRUS.

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_BEFORE = re.compile(rf"(?:\b(?:{_MONTHS})\.? \d{{1,2}}(?:, \d{{4}})?|\b\d{{4}})\s*,\s*$")
_ANTE = re.compile(r"\b(?:ante|post)\s*,?\s*$", re.IGNORECASE)
_SEGMENT_END = re.compile(r"[,;:(\[“]|\.\s")
_CONNECTORS = frozenset({"of", "and", "the", "in", "on", "for", "to", "a", "an", "at", "by", "with", "&"})
_LEADS = frozenset({"see", "See", "in", "In", "cf.", "Cf.", "also"})


def _last_segment(text: str) -> str:
    """The comma-separated phrase at the end of ``text`` (its trailing comma removed)."""
    body = text.rstrip().removesuffix(",")
    cuts = [m.end() for m in _SEGMENT_END.finditer(body)]
    return body[cuts[-1] if cuts else 0 :].strip()


def _title_like(segment: str) -> bool:
    words = segment.split()
    while words and words[0] in _LEADS:
        words = words[1:]
    if not words or any(ch.isdigit() for ch in segment):
        return False
    capitals = [w for w in words if w[0].isupper()]
    return bool(capitals) and all(w[0].isupper() or w in _CONNECTORS for w in words) and words[0][0].isupper()


def _frus_context(before: str) -> bool:
    """Whether a bare page or volume reference after ``before`` is one of FRUS."""
    tail = before[-200:]
    if not tail.strip() or _ANTE.search(tail):
        return True
    stripped = tail.rstrip()
    if stripped.endswith(("(", "[")):
        return False
    if stripped.endswith(","):
        date = _DATE_BEFORE.search(stripped)
        if date is not None:
            ahead = stripped[: date.start()].rstrip()
            return not (ahead.endswith(",") and _title_like(_last_segment(ahead)))
        return not _title_like(_last_segment(stripped))
    word = stripped.split()[-1]
    return not word[0].isupper() or word in _LEADS


def find(text: str, *, volume: str | None = None) -> list[Hit]:
    """Every prose cross-reference in ``text``, in order, never overlapping.

    ``volume`` is the id of the volume the text is in: ``Document 3`` and
    ``vol. XIV, Document 277`` are resolved against it. Bare pages and volume
    numbers count only in a FRUS context (not after another publication's
    title: ``Hull, Memoirs, vol. II, p. 1234`` is no reference).
    """
    hits: list[Hit] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, target: m.Target) -> None:
        if not any(start < h.end and h.start < end for h in hits):
            hits.append(Hit(start, end, target))

    def claimed(start: int, end: int) -> bool:
        # a span a stronger pattern has seen, kept or rejected
        return any(start < e and s < end for s, e in taken)

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
                    vol = volume_id(groups["years"], groups["vol"], groups["subject"])
                if vol is None:
                    add(
                        start,
                        end,
                        m.PublicationTarget(raw=raw, title="Foreign Relations", volume=groups["special"]),
                    )
                elif groups["doc"]:
                    add(start, end, m.DocumentTarget(raw=raw, document=f"d{groups['doc']}", volume=vol))
                elif groups["page"]:
                    add(start, end, m.PageTarget(raw=raw, page=groups["page"], volume=vol))
                else:
                    add(start, end, m.VolumeTarget(raw=raw, volume=vol))
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
            elif name == "volume-document":
                if claimed(start, end):
                    continue
                taken.append((start, end))
                if not _frus_context(text[:start]):
                    continue
                sibling = _sibling(volume, groups["vol"])
                if groups["doc"]:
                    add(start, end, m.DocumentTarget(raw=raw, document=f"d{groups['doc']}", volume=sibling))
                else:
                    add(start, end, m.PageTarget(raw=raw, page=groups["page"], volume=sibling))
            elif name == "footnote":
                label = groups["note"] or groups["note2"]
                doc = groups["doc"] or groups["doc2"]
                add(start, end, m.NoteTarget(raw=raw, label=label, document=f"d{doc}", volume=volume))
            elif name == "documents":
                # a range ("Documents 31–53") points at its first document; raw keeps the range
                add(start, end, m.DocumentTarget(raw=raw, document=f"d{groups['first']}", volume=volume))
            elif name == "telegram":
                parts = (("form", groups["what"]), ("number", groups["number"]), ("date", groups["date"]))
                add(start, end, m.ArchivalTarget(raw=raw, scheme="message", parts=parts))
            elif name == "pages":
                if claimed(start, end) or not (groups["lead"] or _frus_context(text[:start])):
                    continue
                add(start, end, m.PageTarget(raw=raw, page=groups["page"], volume=volume))
                if not groups["end"]:
                    position = end
                    while (more := _MORE_PAGES.match(text, position)) is not None:
                        add(
                            more.start("page"),
                            more.end("page"),
                            m.PageTarget(raw=more.group("page"), page=more.group("page"), volume=volume),
                        )
                        position = more.end()
    return sorted(hits, key=lambda h: h.start)


def _sibling(volume: str | None, roman: str) -> str | None:
    """``vol. XIV`` inside ``frus1961-63v15`` is ``frus1961-63v14``."""
    if volume is None:
        return None
    match = re.fullmatch(r"(frus[\d-]+)v\d+\w*", volume)
    return f"{match.group(1)}v{roman_to_int(roman):02d}" if match else None


# -- annotation -------------------------------------------------------------------


def _hits(text: str, volume: str | None) -> list[Hit]:
    hits = find(text, volume=volume)
    for found in citations.find(text):
        wanted = found.citation.kind in ("decimal-file", "lot-file", "subject-file")
        if wanted and not any(found.start < h.end and h.start < found.end for h in hits):
            hits.append(Hit(found.start, found.end, found.target()))
    return sorted(hits, key=lambda h: h.start)


def _annotate_run(inlines: tuple[m.Inline, ...], volume: str | None) -> tuple[m.Inline, ...]:
    out: list[m.Inline] = []
    changed = False
    for node in inlines:
        if isinstance(node, m.Text):
            pieces = _split(node.text, volume)
            if pieces is None:
                out.append(node)
            else:
                # a run that is wholly one reference is one piece, and still a change
                changed = True
                out.extend(pieces)
        elif isinstance(node, m.Reference):
            out.append(node)  # already a reference: left as it is
        elif isinstance(node, m.Embedded):
            block = _annotate_block(node.block, volume)
            changed = changed or block is not node.block
            out.append(m.Embedded(block=block) if block is not node.block else node)
        elif isinstance(node, m.Emendation):
            out.append(node)  # both readings stay as they are
        elif hasattr(node, "children") and node.children:
            children = _annotate_run(node.children, volume)
            changed = changed or children is not node.children
            out.append(attrs.evolve(node, children=children) if children is not node.children else node)  # type: ignore[arg-type]
        else:
            out.append(node)
    return tuple(out) if changed else inlines


def _split(text: str, volume: str | None) -> list[m.Inline] | None:
    """The text cut into plain runs and references; ``None`` when it holds none."""
    hits = _hits(text, volume)
    if not hits:
        return None
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


_RUN_FIELDS = ("inlines", "title", "head")
_BLOCK_FIELDS = ("blocks", "content")


def _annotate_block(block: m.Block, volume: str | None) -> m.Block:
    changes: dict[str, object] = {}
    for name in _RUN_FIELDS:
        value = getattr(block, name, None)
        if isinstance(value, tuple):
            new = _annotate_run(value, volume)
            if new is not value:
                changes[name] = new
    for name in _BLOCK_FIELDS:
        value = getattr(block, name, None)
        if isinstance(value, tuple):
            new_blocks = tuple(_annotate_block(b, volume) for b in value)
            if any(a is not b for a, b in zip(new_blocks, value, strict=True)):
                changes[name] = new_blocks
    if isinstance(block, m.ListBlock):
        items = tuple(
            attrs.evolve(i, blocks=tuple(_annotate_block(b, volume) for b in i.blocks)) for i in block.items
        )
        if items != block.items:
            changes["items"] = items
    if isinstance(block, m.Table):
        rows = tuple(
            attrs.evolve(
                r, cells=tuple(attrs.evolve(c, inlines=_annotate_run(c.inlines, volume)) for c in r.cells)
            )
            for r in block.rows
        )
        if rows != block.rows:
            changes["rows"] = rows
    return attrs.evolve(block, **changes) if changes else block  # type: ignore[arg-type]


def annotate(doc: m.Document) -> m.Document:
    """The document with its prose references and archival citations as
    :class:`~frusdoc.Reference` inlines. The rendered text does not change:
    ``text.render(annotate(d)) == text.render(d)``."""
    volume = doc.volume
    return attrs.evolve(
        doc,
        title=_annotate_run(doc.title, volume),
        blocks=tuple(_annotate_block(b, volume) for b in doc.blocks),
        notes=tuple(
            attrs.evolve(n, blocks=tuple(_annotate_block(b, volume) for b in n.blocks)) for n in doc.notes
        ),
    )


def references(node: object) -> list[tuple[Path, m.Reference]]:
    """Every :class:`~frusdoc.Reference` below ``node`` with its path, in document order."""
    return [(path, n) for path, n in walk(node) if isinstance(n, m.Reference)]


# -- resolution -------------------------------------------------------------------


class AmbiguousTargetError(FrusdocError, LookupError):
    """A target that fits more than one node: a note label printed twice.

    ``candidates`` are the nodes it fits, in document order; frusdoc does not
    pick one.
    """

    def __init__(self, target: m.Target, candidates: Sequence[object]) -> None:
        self.target = target
        self.candidates = tuple(candidates)
        ids = ", ".join(str(getattr(c, "id", None) or "?") for c in self.candidates)
        super().__init__(f"{target.raw!r} fits {len(self.candidates)} notes ({ids})")


def resolve(target: m.Target, volume: m.Volume, *, document: m.Document | None = None) -> object | None:
    """What ``target`` points at in ``volume`` (a document, page break, note,
    or the volume itself), ``None`` when it points inside ``volume`` and is not
    there. Targets in other volumes, archives and publications cannot be
    resolved here: ``NotImplemented`` is returned for them.

    A note is looked up by its id when the target knows it (a TEI pointer,
    ``#d118fn85``), and only otherwise by its printed label, among the notes of
    the target's document (``document``, the document the reference stands in,
    when the target names none). A label that fits several notes raises
    :class:`AmbiguousTargetError`: it is reported, not guessed.
    """
    own = getattr(target, "volume", None)
    outside: object = NotImplemented
    if own not in (None, volume.id):
        return outside
    if isinstance(target, m.VolumeTarget):
        return volume
    if isinstance(target, m.DocumentTarget):
        return next((d for d in volume.iter_documents() if d.id == target.document), None)
    if isinstance(target, m.PageTarget):
        return next(
            (n for _, n in walk(volume) if isinstance(n, m.PageBreak) and n.label == target.page), None
        )
    if isinstance(target, m.NoteTarget):
        return _resolve_note(target, volume, document)
    return outside


def _resolve_note(target: m.NoteTarget, volume: m.Volume, document: m.Document | None) -> m.Note | None:
    if target.document is not None:
        home = next((d for d in volume.iter_documents() if d.id == target.document), None)
        if home is None:
            return None
    else:
        home = document
    if target.id is not None:
        docs = [home] if home is not None else list(volume.iter_documents())
        return next((n for d in docs for n in d.notes if n.id == target.id), None)
    if target.label is None or home is None:
        return None
    fits = [n for n in home.notes if n.label == target.label]
    if len(fits) > 1:
        raise AmbiguousTargetError(target, fits)
    return fits[0] if fits else None
