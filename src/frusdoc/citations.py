"""Archival citations: the grammar of FRUS source notes, parsed into typed parts.

``parse(text)`` reads one citation, ``find(text)`` every citation in a run of
text with its span. Every result keeps the text it came from: ``str(c)`` gives
it back exactly, whatever was or was not understood; forms not recognised are
:class:`Unknown`, never an exception.

Recognised: State Department decimal files (``740.0011 European War
1939/21011a``, ``File No. 861.77/451``, ``711.93/538½``, ``751G.5–MSP/1–1055``,
``740.0011 Moscow/10–1843``, ``740.0011 Pacific War/3461: Telegram``; the item
serial always whole), subject-numeric Central Files
(``POL 26 S VIET``), lot files (``Lot 64 D 199``, ``Lot F–96``, ``Lot 63D135``),
embassy and post files, presidential libraries and their collections
(``Kennedy Library, National Security Files, Germany, Berlin``), papers
(``Roosevelt Papers``), National Archives record groups (``RG 59``), CIA job and
box numbers, and whole ``Source:`` notes (repository, collection, locators,
classification marking found by its own grammar, remarks).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from frusdoc import _args
from frusdoc import model as m

__all__ = [
    "CLASSIFICATIONS",
    "Citation",
    "DecimalFile",
    "Found",
    "Lot",
    "Repository",
    "SourceNote",
    "SubjectFile",
    "Unknown",
    "find",
    "parse",
    "parse_source_note",
]


@attrs.frozen
class DecimalFile:
    """A State Department decimal file: class, optional subject, item serial.

    ``740.0011 European War 1939/21011a`` is class ``740.0011``, subject
    ``European War 1939``, item ``21011a``; ``: Telegram`` after it is the
    ``form``; ``File No.`` before it is kept in ``raw`` only.
    """

    raw: str
    file_class: str
    item: str
    subject: str | None = None
    form: str | None = None

    kind = "decimal-file"

    def __str__(self) -> str:
        return self.raw

    def parts(self) -> tuple[tuple[str, str], ...]:
        """The named parts, for an :class:`~frusdoc.ArchivalTarget`."""
        out = [("class", self.file_class)]
        if self.subject:
            out.append(("subject", self.subject))
        out.append(("item", self.item))
        if self.form:
            out.append(("form", self.form))
        return tuple(out)


@attrs.frozen
class SubjectFile:
    """A subject-numeric Central Files code (1963 on): ``POL 26 S VIET``."""

    raw: str
    subject: str
    number: str
    country: str | None = None

    kind = "subject-file"

    def __str__(self) -> str:
        return self.raw

    def parts(self) -> tuple[tuple[str, str], ...]:
        """The named parts."""
        out = [("subject", self.subject), ("number", self.number)]
        if self.country:
            out.append(("country", self.country))
        return tuple(out)


@attrs.frozen
class Lot:
    """A lot file: ``Lot 64 D 199`` (normal form ``64D199``), ``Lot F–96`` (``F96``)."""

    raw: str
    lot: str

    kind = "lot-file"

    def __str__(self) -> str:
        return self.raw

    def parts(self) -> tuple[tuple[str, str], ...]:
        """The named parts."""
        return (("lot", self.lot),)


@attrs.frozen
class Repository:
    """A named archive or collection: ``Kennedy Library``, ``Roosevelt Papers``,
    ``Central Files``, ``Moscow Embassy Files``, ``RG 59``, ``Job 80–B01676R``."""

    raw: str
    kind: str
    name: str

    def __str__(self) -> str:
        return self.raw

    def parts(self) -> tuple[tuple[str, str], ...]:
        """The named parts."""
        return (("name", self.name),)


@attrs.frozen
class SourceNote:
    """A whole source note: where the original is and what it was.

    ``Source: Kennedy Library, National Security Files, Germany, Berlin.
    Secret; Eyes Only.`` has repository ``Kennedy Library``, collection
    ``National Security Files``, locators ``Germany`` and ``Berlin``,
    classification ``Secret; Eyes Only``; further sentences (``Drafted by
    …``) are ``remarks``; ``citations`` are the file and lot citations inside.
    """

    raw: str
    repository: str | None = None
    collection: str | None = None
    locators: tuple[str, ...] = ()
    classification: str | None = None
    remarks: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()

    kind = "source-note"

    def __str__(self) -> str:
        return self.raw

    def parts(self) -> tuple[tuple[str, str], ...]:
        """The named parts (locators numbered)."""
        out = []
        if self.repository:
            out.append(("repository", self.repository))
        if self.collection:
            out.append(("collection", self.collection))
        out.extend((f"locator{i + 1}", loc) for i, loc in enumerate(self.locators))
        if self.classification:
            out.append(("classification", self.classification))
        return tuple(out)


@attrs.frozen
class Unknown:
    """Text that is not a citation frusdoc knows, kept as it was."""

    raw: str

    kind = "unknown"

    def __str__(self) -> str:
        return self.raw

    def parts(self) -> tuple[tuple[str, str], ...]:
        """No parts."""
        return ()


Citation = DecimalFile | SubjectFile | Lot | Repository | SourceNote | Unknown
"""Any parsed citation."""


@attrs.frozen
class Found:
    """A citation found in a run of text, and where: ``text[start:end] == str(citation)``."""

    start: int
    end: int
    citation: Citation

    def target(self) -> m.ArchivalTarget:
        """The model's target for this citation."""
        return to_target(self.citation)


def to_target(citation: Citation) -> m.ArchivalTarget:
    """An :class:`~frusdoc.ArchivalTarget` holding the citation's raw text and parts."""
    return m.ArchivalTarget(raw=citation.raw, scheme=citation.kind, parts=citation.parts())


# -- the grammar ----------------------------------------------------------------

_DASH = "–-"
# An item serial is read as one maximal run, never a prefix of one: a number
# with an optional letter or ½ (``21011a``, ``538½``), or a date serial
# month–day+year with one- or two-digit month and day (``5–2945``,
# ``10–1843``, ``11–948``). The atomic group and the look-ahead forbid
# stopping before a digit, letter, ½ or a dash that goes on, so ``11–2948`` is
# never read as ``11``.
_ITEM = rf"(?>[0-9][0-9A-Za-z½]*(?:[{_DASH}][0-9A-Za-z½]+)*)(?![0-9A-Za-z½/]|[{_DASH}][0-9A-Za-z½])"
# A class never starts inside a longer number or after a dot: "1974 (611.93/…"
# is the class 611.93, not 974; ``NSC 114/1`` is a paper of the National
# Security Council, not a file. ``500.A15 a 1`` is a class printed spaced.
_CLASS = r"(?<![\w.])(?<!NSC )\d{3}(?:\.[0-9A-Za-z]+)?[A-Z]?(?:\.[0-9]+)?(?: [a-z] \d{1,2}(?=/))?"
# A subject between class and item: words, digits, parentheses
# (``European War 1939``, ``Control (Germany)``, ``(2)A``, ``3``), never a
# second class (``736 (611.93/…`` is not class 736 with subject ``(611.93``).
_SUBJECT = r"(?!\(?\d{3}\.)[A-Z0-9(](?:(?!\d{3}\.)[\w().&’' -]){0,40}?"
_DECIMAL = re.compile(
    # "File No. No." is a real slip of the printed volumes (frus1918Supp02)
    rf"(?:File No\. (?:No\. )?)?(?P<class>{_CLASS})"
    rf"(?:(?P<hyphen>[{_DASH}][A-Z][A-Za-z0-9]*)|(?P<subject> {_SUBJECT}))?"
    rf"/(?P<item>{_ITEM})"
    r"(?P<form>: (?:Telegram|Airgram|Circular telegram|Circular airgram|Despatch|Memorandum))?"
    r"(?![\w/])"
)
_SUBJECT_FILE = re.compile(
    r"\b(?P<subject>POL|DEF|ORG|ECIN|FT|FN|AID|CSM|PPB|SOC|INCO|E|S/S|SP) (?P<number>\d+(?:[–-]\d+)*)"
    r"(?: (?P<country>(?:[A-Z]{2,}|[A-Z]{1,2})(?: [A-Z]{2,}){0,2}))?(?=[.;,)]|$)"
)
_LOT = re.compile(rf"\bLot (?P<lot>\d{{2}} ?[A-Z] ?\d{{1,4}}|[A-Z][{_DASH}]?\d{{1,4}})\b")
_LIBRARY = re.compile(r"\b(?:(?:[A-Z][a-z]+|[A-Z]\.) ){0,3}[A-Z][a-z]+ Library\b")
_PAPERS = re.compile(r"\b(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+ Papers\b")
_FILES = re.compile(
    r"\b(?:Central Foreign Policy Files|Central Files|(?:[A-Z][a-z]+ )?Embassy Files|"
    r"(?:[A-Z][a-z]+ ){1,2}Files(?=:))"
)
_RECORD_GROUP = re.compile(r"\b(?:RG|Record Group) (?P<rg>\d{1,3})\b")
_CIA = re.compile(rf"\bJob (?P<job>\d{{2}}[{_DASH}][A-Z0-9]+)(?:, Box (?P<box>\d+))?")

CLASSIFICATIONS = (
    "Top Secret",
    "Secret",
    "Confidential",
    "Limited Official Use",
    "Official Use Only",
    "Unclassified",
    "Restricted",
    "Personal and Confidential",
    "Strictly Confidential",
    "No classification marking",
)
"""The classification markings a source note can open with, as printed."""
# A marking is a classification and its handling caveats, each after "; "
# (``Secret; Operational Immediate; Limited Distribution``, ``Top Secret;
# Eyes Only``, ``Secret; Operational Immediate Limit Distribution``), up to a
# sentence end. It starts a sentence, or follows a file code whose period was
# dropped in print (``SOC 14-1 S VIET Secret; …``), never the middle of a
# remark (``classified Secret``).
_LEVEL = "|".join(sorted(CLASSIFICATIONS, key=len, reverse=True))
_MARKING = re.compile(
    rf"(?:^|(?<=\.\s)|(?<=[A-Z0-9]\s))(?P<marking>(?:{_LEVEL})(?:; ?[A-Z][^.;]*)*)(?:\.(?=\s|$)|$)"
)
_CLASSIFICATION = re.compile(rf"(?:{_LEVEL})(?:; ?[A-Z][^.;]*)*")


def _decimal(match: re.Match[str]) -> DecimalFile:
    subject = match.group("subject")
    hyphen = match.group("hyphen")
    form = match.group("form")
    return DecimalFile(
        raw=match.group(0),
        file_class=match.group("class"),
        item=match.group("item"),
        subject=subject.strip() if subject else (hyphen[1:] if hyphen else None),
        form=form[2:] if form else None,
    )


def _lot(match: re.Match[str]) -> Lot:
    return Lot(raw=match.group(0), lot=re.sub(rf"[\s{_DASH}]", "", match.group("lot")))


def _scanners() -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], Citation]]]:
    return [
        (_DECIMAL, _decimal),
        (_LOT, _lot),
        (
            _SUBJECT_FILE,
            lambda mt: SubjectFile(mt.group(0), mt.group("subject"), mt.group("number"), mt.group("country")),
        ),
        (
            _CIA,
            lambda mt: Repository(
                mt.group(0),
                "cia-job",
                mt.group("job") + (f", Box {mt.group('box')}" if mt.group("box") else ""),
            ),
        ),
        (_RECORD_GROUP, lambda mt: Repository(mt.group(0), "record-group", mt.group("rg"))),
        (_LIBRARY, lambda mt: Repository(mt.group(0), "library", mt.group(0))),
        (_PAPERS, lambda mt: Repository(mt.group(0), "papers", mt.group(0))),
        (_FILES, lambda mt: Repository(mt.group(0), "files", mt.group(0))),
    ]


_SCANNERS = _scanners()


def find(text: str) -> list[Found]:
    """Every archival citation in ``text``, in order, never overlapping.

    File numbers, lot files and subject codes win over the names of the
    collections around them; a ``Source:`` note is not found as a whole (use
    :func:`parse_source_note`), its parts are.
    """
    _args.expect_str("citations.find(text)", text)
    hits: list[Found] = []
    for pattern, build in _SCANNERS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < h.end and h.start < end for h in hits):
                continue
            hits.append(Found(start, end, build(match)))
    return sorted(hits, key=lambda h: h.start)


def parse(text: str) -> Citation:
    """One citation: the whole of ``text`` as a citation, or :class:`Unknown`.

    A text starting with ``Source:`` is parsed as a whole source note.
    """
    _args.expect_str("citations.parse(text)", text)
    if text.startswith("Source:"):
        return parse_source_note(text)
    for pattern, build in _SCANNERS:
        match = pattern.fullmatch(text)
        if match:
            return build(match)
    return Unknown(text)


# Sentence ends: a period and a space before a capital, but not after the
# abbreviations of source notes (No., Nos., Vol., Dept., Mr., N. Y., initials).
_SENTENCE = re.compile(
    r"(?<!\bNo)(?<!\bNos)(?<!\bVol)(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bDept)(?<!\b[A-Z])"
    r"\.\s+(?=[A-Z(“])"
)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s.strip()]


def parse_source_note(text: str) -> SourceNote:
    """A whole source note (``Source: …``): repository, collection, locators,
    classification marking, remarks, and the citations inside.

    The classification marking is found first, by its own grammar (a level
    such as ``Secret`` and its caveats: ``Secret; Operational Immediate;
    Limited Distribution``, or ``No classification marking``): what stands
    before it is where the original is, what follows are the remarks. Without
    a marking, the first sentence is where the original is.
    """
    _args.expect_str("citations.parse_source_note(text)", text)
    body = text[len("Source:") :].strip() if text.startswith("Source:") else text.strip()
    classification = None
    marking = _MARKING.search(body)
    if marking is not None and marking.start() > 0:
        where = body[: marking.start()].rstrip()
        # one period ends the locators ("POL 15 VIET S. Secret"); keep the rest
        where = where[:-1] if where.endswith(".") else where
        classification = marking.group("marking").strip()
        rest = _sentences(body[marking.end() :])
    else:
        sentences = _sentences(body)
        where = sentences[0].rstrip(".") if sentences else ""
        rest = sentences[1:]
    repository = collection = None
    locators: list[str] = []
    fields = [f.strip() for f in where.split(", ")] if where else []
    if fields:
        repository = fields[0] or None
        if len(fields) > 1:
            collection, _, first_locator = fields[1].partition(": ")
            locators = ([first_locator] if first_locator else []) + fields[2:]
    remarks = [sentence if sentence.endswith(".") else sentence + "." for sentence in rest]
    citations = tuple(
        h.citation for h in find(body) if h.citation.kind in ("decimal-file", "lot-file", "subject-file")
    )
    return SourceNote(
        raw=text,
        repository=repository,
        collection=collection or None,
        locators=tuple(locators),
        classification=classification,
        remarks=tuple(remarks),
        citations=citations,
    )
