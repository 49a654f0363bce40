"""How many archival citations of the corpus frusdoc recognises, and what else it finds.

Collects every source note and footnote of the corpus (TEI volumes and page
texts), marks every place that looks like a decimal file or a lot file with a
deliberately loose pattern (the candidates), and compares with what
``frusdoc.citations.find`` recognises:

* recognised: candidates covered by a decimal-file or lot-file citation;
* missed: candidates not covered;
* false positives: decimal-file or lot-file citations found where no candidate is.

Prints the shares and lists every citation found, for checking by eye.

    python benchmarks/citations_report.py
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import frusdoc
from frusdoc import citations, tei, text

DATA = Path(__file__).parents[1] / "tests" / "data"
# Loose on purpose: anything like "ddd.x/y" or "Lot x".
CANDIDATE = re.compile(r"\b\d{3}(?:\.[\w]+)?[^\s/,;()]*(?: [^/,;()]{1,30})?/\S+|\bLot \S+(?: [A-Z] \d+)?")


def notes() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for path in sorted((DATA / "tei").glob("*.xml")):
        for doc in tei.iter_documents(path):
            for note in doc.notes:
                out.append((f"{path.stem}/{doc.id}", _text(note)))
    for path in [DATA / "seed.txt", *sorted((DATA / "text").glob("*.txt"))]:
        doc = text.parse(path.read_bytes().decode("utf-8"))
        for note in doc.notes:
            out.append((path.stem, _text(note)))
    return out


def _text(note: frusdoc.Note) -> str:
    return " ".join(frusdoc.plain_text(getattr(b, "inlines", ())) for b in note.blocks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--summary", action="store_true", help="JSON lines for benchmarks/run_all.py")
    args = parser.parse_args()
    candidates = recognised = false_positives = 0
    missed: list[str] = []
    wrong: list[str] = []
    found_all: list[str] = []
    for where, body in notes():
        found = [f for f in citations.find(body) if f.citation.kind in ("decimal-file", "lot-file")]
        spans = [(m.start(), m.end()) for m in CANDIDATE.finditer(body)]
        for start, end in spans:
            candidates += 1
            if any(f.start < end and start < f.end for f in found):
                recognised += 1
            else:
                missed.append(f"{where}: {body[start:end]}")
        for f in found:
            found_all.append(f"{where}: {f.citation.kind:<13} {f.citation}  {dict(f.citation.parts())}")
            if not any(f.start < end and start < f.end for start, end in spans):
                false_positives += 1
                wrong.append(f"{where}: {f.citation}")
    share = recognised / candidates if candidates else 1.0
    if args.summary:
        print(
            json.dumps(
                {
                    "benchmark": "citations",
                    "measure": "decimal and lot files recognised (share)",
                    "ratio": share,
                }
            )
        )
        return
    print(
        f"candidates {candidates}, recognised {recognised} ({share:.0%}), false positives {false_positives}"
    )
    for line in missed:
        print("  missed:", line)
    for line in wrong:
        print("  false positive:", line)
    print("found:")
    for line in found_all:
        print("  ", line)


if __name__ == "__main__":
    main()
