"""Statistics of a FRUS TEI volume: documents, notes, page breaks, references, words.

    python examples/volume_stats.py [VOLUME.xml]

Streams the volume (frusdoc.tei.iter_documents), so it works on the largest
volumes in flat memory.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import frusdoc
from frusdoc import NoteRef, PageBreak, Reference

VOLUME = Path(__file__).parents[1] / "tests" / "data" / "tei" / "frus1961-63v15.xml"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else VOLUME
    totals: Counter[str] = Counter()
    targets: Counter[str] = Counter()
    for doc in frusdoc.tei.iter_documents(path):
        totals["documents"] += 1
        totals["notes"] += len(doc.notes)
        totals["words"] += frusdoc.word_count(doc)
        for _, node in frusdoc.walk(doc):
            if isinstance(node, PageBreak):
                totals["page breaks"] += 1
            elif isinstance(node, NoteRef):
                totals["note markers"] += 1
            elif isinstance(node, Reference):
                totals["references"] += 1
                targets[type(node.target).__name__] += 1
    print(f"{path.name}")
    for key in ("documents", "notes", "note markers", "page breaks", "references", "words"):
        print(f"  {key:<13}{totals[key]:>8,}")
    for name, count in targets.most_common():
        print(f"    {name:<18}{count:>5}")


if __name__ == "__main__":
    main()
