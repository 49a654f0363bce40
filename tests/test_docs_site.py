"""The documentation site: every public name documented, the reference complete, the schema at its id.

The site is built here as README's docs command builds it (``mkdocs build --strict``), once for
the module, into a temporary directory; the checks then read the built pages.
"""

from __future__ import annotations

import importlib
import logging
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import griffe
import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

import frusdoc
from frusdoc.schema import SCHEMA_ID, SITE_URL
from tests.corpus import public_modules

ROOT = Path(__file__).parents[1]
DOCS = ROOT / "docs"
REFERENCE = DOCS / "reference"




def public_names() -> list[str]:
    """``module.name`` for every name in every public module's ``__all__``."""
    out: list[str] = []
    for module in public_modules():
        exported: list[str] = importlib.import_module(module).__all__
        out.extend(f"{module}.{name}" for name in exported)
    return out


@pytest.fixture(scope="module")
def config() -> MkDocsConfig:
    return load_config(str(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_there_are_public_modules_to_document() -> None:
    modules = public_modules()
    assert {"frusdoc", "frusdoc.model", "frusdoc.json", "frusdoc.tei", "frusdoc.text.reader"} <= set(modules)
    assert "frusdoc.__main__" not in modules and "frusdoc._bulk" not in modules
    assert len(public_names()) > 300


def test_every_public_module_has_its_reference_directive() -> None:
    directives: dict[str, list[str]] = {}
    for page in sorted(REFERENCE.glob("*.md")):
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.startswith("::: "):
                directives.setdefault(line[4:].strip(), []).append(page.name)
    assert sorted(directives) == public_modules()
    assert {name: pages for name, pages in directives.items() if len(pages) > 1} == {}


def _docstring(obj: Any) -> str:
    target = obj.final_target if obj.is_alias else obj
    return target.docstring.value.strip() if target.docstring else ""


def test_every_public_name_has_a_docstring() -> None:
    # griffe is what mkdocstrings renders from: attribute docstrings (a string right after an
    # assignment) count, as they do on the site; `#:` comments do not.
    package = griffe.load("frusdoc", search_paths=[str(ROOT / "src")], resolve_aliases=True)
    undocumented = []
    for module in public_modules():
        node = package if module == "frusdoc" else package[module.removeprefix("frusdoc.")]
        if not _docstring(node):
            undocumented.append(module)
        exported: list[str] = importlib.import_module(module).__all__
        undocumented.extend(f"{module}.{name}" for name in exported if not _docstring(node.members[name]))
    assert undocumented == []


def test_every_public_name_is_in_the_built_reference(site: Path) -> None:
    anchors: set[str] = set()
    for page in (site / "reference").rglob("index.html"):
        anchors.update(re.findall(r'id="(frusdoc[\w.]*)"', page.read_text(encoding="utf-8")))
    missing = [name for name in public_names() + public_modules() if name not in anchors]
    assert missing == []


def test_the_site_publishes_the_schema_at_its_id(config: MkDocsConfig, site: Path) -> None:
    assert config.site_url == SITE_URL
    assert SCHEMA_ID.startswith(SITE_URL)
    served = site / SCHEMA_ID.removeprefix(SITE_URL)
    committed = DOCS / "schema" / f"frusdoc-{frusdoc.json.FORMAT_VERSION}.json"
    assert served.read_bytes() == committed.read_bytes()
    assert f'"$id": "{SCHEMA_ID}"' in served.read_text(encoding="utf-8")


def _nav_pages(nav: object) -> Iterator[str]:
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_pages(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_pages(value)


def test_every_docs_page_is_in_the_nav(config: MkDocsConfig) -> None:
    pages = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
    assert sorted(_nav_pages(config.nav)) == pages


def test_the_build_is_strict_and_reads_the_source(config: MkDocsConfig) -> None:
    # Under --strict a warning fails the build: broken links and anchors, pages left out of
    # the nav, nav entries without a page, and every docstring warning mkdocstrings logs.
    assert config.strict is True
    levels = config.validation.links, config.validation.nav
    assert {
        levels[0].not_found,
        levels[0].anchors,
        levels[0].unrecognized_links,
        levels[1].omitted_files,
        levels[1].not_found,
    } == {logging.WARNING}
    python = config.plugins["mkdocstrings"].config.handlers["python"]
    assert python["paths"] == ["src"]
