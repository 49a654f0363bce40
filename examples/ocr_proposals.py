"""Propose OCR corrections for a page, apply the confident ones, show both readings.

    python examples/ocr_proposals.py [PAGE.txt]

Needs the extra `emend` (pip install 'frusdoc[emend]').
"""

from __future__ import annotations

import sys
from pathlib import Path

import frusdoc
from frusdoc import emend

SEED = Path(__file__).parents[1] / "tests" / "data" / "seed.txt"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
    page = path.read_bytes().decode("utf-8")
    doc = frusdoc.text.parse(page)
    proposals = emend.propose(doc)
    for p in proposals:
        print(f"{p.original!r} -> {p.corrected!r}  confidence {p.confidence:.2f}: {p.reason}")
    confident = [p for p in proposals if p.confidence >= 0.9]
    emended = emend.apply(doc, confident, status="accepted")
    assert frusdoc.text.render(emended) == page, "the page as printed is kept"
    corrected = frusdoc.text.render(emended, reading="corrected", markers=False)
    for p in confident:
        i = corrected.find(p.corrected)
        print(f"corrected reading: …{corrected[max(0, i - 30) : i + len(p.corrected) + 30]}…")
    assert emend.revert(emended) == doc


if __name__ == "__main__":
    main()
