"""The JSON Schema is generated from the model and the committed copy is current."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import jsonschema

from frusdoc.schema import SCHEMA_ID, json_schema, json_schema_text

COMMITTED = Path(__file__).parents[1] / "docs" / "schema" / "frusdoc-1.1.json"


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())


def test_committed_schema_is_current() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == json_schema_text(), (
        "docs/schema/frusdoc-1.1.json is stale: run `python -m frusdoc schema -o docs/schema/frusdoc-1.1.json`"
    )


def test_schema_rejects_what_loads_rejects() -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    bad = {"frusdoc": "1.0", "type": "document", "blocks": [{"type": "p", "style": "x"}]}
    assert not validator.is_valid(bad)
    assert not validator.is_valid({"type": "document"})
    assert validator.is_valid(json.loads('{"frusdoc": "1.0", "type": "document"}'))


def test_schema_id_names_the_committed_file() -> None:
    # "$id" is resolved against where the schema is read from: next to the
    # committed file it must name the file itself, wherever docs/ is served.
    schema_id = json_schema()["$id"]
    assert schema_id == SCHEMA_ID == "frusdoc-1.1.json"
    assert (COMMITTED.parent / schema_id).resolve() == COMMITTED.resolve()
    assert COMMITTED.is_file()
    served = "https://docs.example.org/frusdoc/schema/frusdoc-1.1.json"
    assert urljoin(served, schema_id) == served


def test_schema_id_is_the_one_docs_json_names() -> None:
    page = (Path(__file__).parents[1] / "docs" / "json.md").read_text(encoding="utf-8")
    assert f'"$id": "{SCHEMA_ID}"' in page
