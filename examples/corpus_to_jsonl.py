"""Convert a folder of TEI volumes to JSON Lines, one file per volume, in parallel.

    python examples/corpus_to_jsonl.py [VOLUMES_DIR] [OUT_DIR]

The same as `frusdoc convert VOLUMES_DIR --to jsonl -o OUT_DIR --jobs 2`, written
with the library so that it can be adapted (to Dask or Spark: map
frusdoc.batch.convert_file over the paths instead of using the process pool).
Then reads the result back and prints what it holds.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import frusdoc
from frusdoc import batch

VOLUMES = Path(__file__).parents[1] / "tests" / "data" / "tei"


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else VOLUMES
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp(prefix="frusdoc-"))
    paths = batch.expand_inputs([str(source)])
    tasks = [(p, "tei", "jsonl", str(out / (Path(p).stem + ".jsonl"))) for p in paths]
    for result in batch.run(tasks, batch.convert_file, jobs=2):
        status = result.error or f"{result.documents} documents"
        print(f"{Path(result.source).name}: {status}")
    for path in sorted(out.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fp:
            docs = list(frusdoc.json.load_lines(fp, type=frusdoc.Document))
        if not docs:  # a volume shell: the header and front matter, no documents yet
            print(f"{path.name}: no documents")
            continue
        pages = {d.page for d in docs if d.page}
        print(f"{path.name}: {len(docs)} documents, first {docs[0].id}, {len(pages)} distinct first pages")


if __name__ == "__main__":
    main()
