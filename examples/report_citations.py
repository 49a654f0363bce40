"""List the archival citations and cross-references of a document.

    python examples/report_citations.py [PAGE.txt | VOLUME.xml]

Reads a page (or every document of a TEI volume), marks its prose references
and citations with frusdoc.refs.annotate, and prints each with its typed target
and, where it has one, its history.state.gov address.
"""

from __future__ import annotations

import sys
from pathlib import Path

import frusdoc
from frusdoc import citations, refs

SEED = Path(__file__).parents[1] / "tests" / "data" / "seed.txt"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
    if path.suffix == ".xml":
        docs = list(frusdoc.tei.iter_documents(path))
    else:
        docs = [frusdoc.text.parse(path.read_bytes().decode("utf-8"))]
    for doc in docs:
        annotated = refs.annotate(doc)
        print(f"{doc.id or path.name}:")
        for _, reference in refs.references(annotated):
            target = reference.target
            where = f"  -> {target.url}" if target.url else ""
            print(f"  {type(target).__name__:<18} {target.raw}{where}")
        source = doc.source_note
        if source is not None:
            body = " ".join(frusdoc.plain_text(getattr(b, "inlines", ())) for b in source.blocks)
            parsed = citations.parse(body)
            print(f"  source: {type(parsed).__name__}: {dict(parsed.parts())}")


if __name__ == "__main__":
    main()
