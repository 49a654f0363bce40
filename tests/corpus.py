"""Where the copied corpus lives, and small helpers to read it."""

from __future__ import annotations

import json
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
