"""Where the copied corpus lives, and small helpers to read it."""

from __future__ import annotations

import json
import pkgutil
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
TEXT_DIR = DATA / "text"
TEI_DIR = DATA / "tei"


def text_files() -> list[Path]:
    """Every history.state.gov page of the corpus, the seed first."""
    return [DATA / "seed.txt", *sorted(TEXT_DIR.glob("*.txt"))]


def text_index() -> dict[str, dict[str, Any]]:
    """``text/index.jsonl`` by file name."""
    rows = [json.loads(line) for line in (TEXT_DIR / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    return {row["file"]: row for row in rows}


def read(path: Path) -> str:
    """A corpus file's text exactly as stored (no newline translation)."""
    return path.read_bytes().decode("utf-8")


def public_modules() -> list[str]:
    """Every module of frusdoc whose dotted name has no part starting with ``_``,
    the package first and the rest in order: the public surface the docs, the
    module table and the error contract all cover."""
    import frusdoc

    names = [
        info.name
        for info in pkgutil.walk_packages(frusdoc.__path__, "frusdoc.")
        if not any(part.startswith("_") for part in info.name.split("."))
    ]
    return ["frusdoc", *sorted(names)]
