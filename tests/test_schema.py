"""The JSON Schema is generated from the model and the committed copy is current."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from frusdoc.schema import SCHEMA_ID, SITE_URL, json_schema, json_schema_text

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
    # "$id" is where the documentation site publishes docs/schema/ (mkdocs copies
    # it as is): the site's address, then the committed file's path below docs/.
    # tests/test_docs_site.py builds the site and finds the file there.
    schema_id = json_schema()["$id"]
    assert schema_id == SCHEMA_ID == "https://frusdoc.github.io/frusdoc/schema/frusdoc-1.1.json"
    assert schema_id == SITE_URL + COMMITTED.relative_to(COMMITTED.parents[1]).as_posix()
    assert COMMITTED.is_file()


def test_schema_id_is_the_one_docs_json_names() -> None:
    page = (Path(__file__).parents[1] / "docs" / "json.md").read_text(encoding="utf-8")
    assert f'"$id": "{SCHEMA_ID}"' in page
