"""How many archival citations and cross-references of the corpus frusdoc recognises.

Archival citations. Collects the text of every block and note of the corpus
(TEI volumes and page texts: notes, source lines, paragraphs), marks every
place that looks like a decimal file or a lot file with a deliberately loose
pattern (the candidates), and compares with what ``frusdoc.citations.find``
recognises:

* recognised: candidates covered by a decimal-file or lot-file citation;
* missed: candidates not covered;
* unmatched: decimal-file or lot-file citations found where no candidate is
  (each is listed; whether it is a false positive is for the reader to judge).

Dangling references: ``annotate`` then ``check`` on every TEI volume that
reads; an FD013 finding that was not there before is a prose reference taken
for a page, document or note of the volume that it is not.

TEI references. Every ``ref`` of the TEI volumes is a reference a person
marked by hand; ``frusdoc.refs.find`` run on the plain text of its paragraph
or note should find it again, with the same target (a page, document, note or
volume of FRUS). Counts found again, found with another target, and not found.

Prose references of the page texts: every reference ``refs.find`` finds in
the plain text of the history.state.gov pages, listed for checking by eye.

    python benchmarks/citations_report.py [--summary]
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import attrs

import frusdoc
from frusdoc import citations, refs, tei, text
from frusdoc import model as m
from frusdoc.tree import walk

DATA = Path(__file__).parents[1] / "tests" / "data"
# Loose on purpose: anything like "ddd.x/y" (a subject of up to 30 characters,
# parentheses allowed) or "Lot x".
CANDIDATE = re.compile(r"\b\d{3}(?:\.[\w]+)?[^\s/,;()]*(?: [^/,;]{1,30})?/\S+|\bLot \S+(?: [A-Z] \d+)?")

# A citation that stops where the printed serial goes on ("893.01/11" of "893.01/11–2948")
CUT = re.compile(r"[–-]?[0-9A-Za-z½]")


def documents() -> Iterator[tuple[str, m.Document]]:
    """Every document of the corpus, named ``volume/doc`` (TEI) or by its page file."""
    for path in sorted((DATA / "tei").glob("*.xml")):
        for doc in tei.iter_documents(path):
            yield f"{path.stem}/{doc.id}", doc
    for path in [DATA / "seed.txt", *sorted((DATA / "text").glob("*.txt"))]:
        yield path.stem, text.parse(path.read_bytes().decode("utf-8"))


def runs(doc: m.Document) -> Iterator[tuple[m.Inline, ...]]:
    """The runs of inlines of a document: titles, blocks, notes, table cells."""
    yield doc.title
    for _, node in walk(doc):
        inlines = getattr(node, "inlines", None)
        if isinstance(inlines, tuple) and not isinstance(node, m.Document):
            yield inlines


class Cited(NamedTuple):
    candidates: int
    recognised: int
    cut: list[str]
    missed: list[str]
    unmatched: list[str]
    found: list[str]


class Marked(NamedTuple):
    again: int
    other: int
    lost: int
    lines: list[str]


def archival(docs: list[tuple[str, m.Document]]) -> Cited:
    candidates = recognised = 0
    missed: list[str] = []
    unmatched: list[str] = []
    found_all: list[str] = []
    cut: list[str] = []
    for where, doc in docs:
        for run in runs(doc):
            body = frusdoc.plain_text(run)
            found = [f for f in citations.find(body) if f.citation.kind in ("decimal-file", "lot-file")]
            spans = [(mt.start(), mt.end()) for mt in CANDIDATE.finditer(body)]
            for start, end in spans:
                candidates += 1
                if any(f.start < end and start < f.end for f in found):
                    recognised += 1
                else:
                    missed.append(f"{where}: {body[start:end]}")
            for f in found:
                if CUT.match(body, f.end):
                    cut.append(f"{where}: {f.citation} | {body[f.end : f.end + 12]}")
                found_all.append(f"{where}: {f.citation.kind:<13} {f.citation}  {dict(f.citation.parts())}")
                if not any(f.start < end and start < f.end for start, end in spans):
                    unmatched.append(f"{where}: {f.citation}")
    return Cited(candidates, recognised, cut, missed, unmatched, found_all)


def key(target: m.Target, own: str | None) -> tuple[str | None, ...]:
    """What a target points at, whatever its raw text: same-volume targets get the volume."""
    volume = getattr(target, "volume", None) or own
    if isinstance(target, m.DocumentTarget):
        return ("document", volume, target.document)
    if isinstance(target, m.PageTarget):
        return ("page", volume, target.page)
    if isinstance(target, m.NoteTarget):
        # a TEI pointer names the id, prose the label: compare the label with the id's number
        label = target.label or (target.id.rpartition("fn")[2] if target.id else None)
        return ("note", volume, target.document, label)
    if isinstance(target, m.VolumeTarget):
        return ("volume", target.volume)
    return (type(target).__name__, target.raw)


def same(found: m.Target, marked: m.Target, own: str | None) -> bool:
    """The same place, or (a ref marking a whole volume) a place in that volume."""
    if key(found, own) == key(marked, own):
        return True
    return isinstance(marked, m.VolumeTarget) and getattr(found, "volume", None) == marked.volume


def tei_references() -> Marked:
    again = other = lost = 0
    lines: list[str] = []
    for path in sorted((DATA / "tei").glob("*.xml")):
        for doc in tei.iter_documents(path):
            for run in runs(doc):
                position = 0
                marked: list[tuple[int, int, m.Target]] = []
                for node in run:
                    chunk = frusdoc.plain_text((node,))
                    if isinstance(node, m.Reference):
                        marked.append((position, position + len(chunk), node.target))
                    position += len(chunk)
                if not marked:
                    continue
                plain = frusdoc.plain_text(run)
                hits = refs.find(plain, volume=doc.volume)
                for start, end, target in marked:
                    near = [h for h in hits if h.start < end and start < h.end]
                    where = f"{path.stem}/{doc.id}: {plain[start:end]!r} → {target.raw}"
                    if any(same(h.target, target, doc.volume) for h in near):
                        again += 1
                    elif near:
                        other += 1
                        lines.append(f"  other target: {where}; found {[h.target.raw for h in near]}")
                    else:
                        lost += 1
                        lines.append(f"  not found:    {where}")
    return Marked(again, other, lost, lines)


def _annotated(
    node: m.Division | m.Document | m.PageBreak | m.RawBlock,
) -> m.Division | m.Document | m.PageBreak | m.RawBlock:
    if isinstance(node, m.Document):
        return refs.annotate(node)
    if isinstance(node, m.Division):
        return attrs.evolve(node, children=tuple(_annotated(c) for c in node.children))
    return node


def dangling() -> list[str]:
    """FD013 findings that ``annotate`` adds to the TEI volumes that read: each a
    prose reference taken for a page, document or note of the volume that is not
    there (most often a page of another publication)."""
    out: list[str] = []
    for path in sorted((DATA / "tei").glob("*.xml")):
        try:
            volume = tei.read_volume(path)
        except tei.TeiError:
            continue
        before = {str(d) for d in frusdoc.check(volume) if d.code == "FD013"}
        annotated = attrs.evolve(
            volume,
            front=tuple(_annotated(c) for c in volume.front),
            body=tuple(_annotated(c) for c in volume.body),
            back=tuple(_annotated(c) for c in volume.back),
        )
        out.extend(
            f"{path.stem}: {d.message}"
            for d in frusdoc.check(annotated)
            if d.code == "FD013" and str(d) not in before
        )
    return out


def prose(docs: list[tuple[str, m.Document]]) -> list[str]:
    out: list[str] = []
    for where, doc in docs:
        if "/" in where:  # TEI documents: their references are marked already
            continue
        for run in runs(doc):
            plain = frusdoc.plain_text(run)
            for hit in refs.find(plain, volume=doc.volume):
                if isinstance(hit.target, m.ArchivalTarget | m.PublicationTarget):
                    continue
                context = plain[max(0, hit.start - 40) : hit.end + 10]
                out.append(
                    f"{where}: {type(hit.target).__name__:<14} {plain[hit.start : hit.end]!r}  …{context!r}"
                )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--summary", action="store_true", help="JSON lines for benchmarks/run_all.py")
    args = parser.parse_args()
    docs = list(documents())
    cited = archival(docs)
    share = cited.recognised / cited.candidates if cited.candidates else 1.0
    marked = tei_references()
    total = marked.again + marked.other + marked.lost
    found_again = marked.again / total if total else 1.0
    if args.summary:
        for measure, ratio in (
            ("decimal and lot files recognised (share)", share),
            ("TEI references found again (share)", found_again),
        ):
            print(json.dumps({"benchmark": "citations", "measure": measure, "ratio": ratio}))
        return
    print(
        f"archival citations: candidates {cited.candidates}, recognised {cited.recognised} ({share:.0%}), "
        f"cut short {len(cited.cut)}, unmatched by a candidate {len(cited.unmatched)}"
    )
    for line in cited.cut:
        print("  cut short:", line)
    for line in cited.missed:
        print("  missed:", line)
    for line in cited.unmatched:
        print("  unmatched:", line)
    print(
        f"TEI references: {total}, found again {marked.again} ({found_again:.0%}), "
        f"with another target {marked.other}, not found {marked.lost}"
    )
    for line in marked.lines:
        print(line)
    added = dangling()
    print(f"dangling references (FD013) that annotate adds to the TEI volumes that read: {len(added)}")
    for line in added:
        print("  ", line)
    found_prose = prose(docs)
    print(f"prose references of FRUS in the page texts: {len(found_prose)}")
    for line in found_prose:
        print("  ", line)
    print("archival citations found:")
    for line in cited.found:
        print("  ", line)


if __name__ == "__main__":
    main()
