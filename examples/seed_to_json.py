"""Read the founding example (a history.state.gov page) and print it as JSON.

    python examples/seed_to_json.py [PAGE.txt]

Shows what the reader found: the heading and its note marker, the page break,
the signature, the notes; then checks that nothing was lost.
"""

from __future__ import annotations

import sys
from pathlib import Path

import frusdoc
from frusdoc import Closer, NoteRef, PageBreak

SEED = Path(__file__).parents[1] / "tests" / "data" / "seed.txt"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
    page = path.read_bytes().decode("utf-8")
    doc = frusdoc.text.parse(page)

    print("heading:", frusdoc.plain_text(doc.title))
    markers = [n.label for _, n in frusdoc.walk(doc) if isinstance(n, NoteRef)]
    pages = [n.label for _, n in frusdoc.walk(doc) if isinstance(n, PageBreak)]
    print("note markers:", ", ".join(markers) or "none")
    print("page breaks:", ", ".join(pages) or "none")
    if doc.blocks and isinstance(doc.blocks[-1], Closer):
        print("signed:", frusdoc.plain_text(doc.blocks[-1].blocks[0]))
    for note in doc.notes:
        first = frusdoc.plain_text(note.blocks[0]) if note.blocks else ""
        print(f"note {note.label}: {first[:70]}{'…' if len(first) > 70 else ''}")
    print(f"words: {frusdoc.word_count(doc)}")

    data = frusdoc.json.dumps(doc, indent=True)
    assert frusdoc.text.render(frusdoc.json.loads(data, type=frusdoc.Document)) == page, "lossless"
    print(data)


if __name__ == "__main__":
    main()
