"""Releases that install: the sdist holds what the tests need, one version, floors, metadata, CI's commands."""

from __future__ import annotations

import importlib.util
import re
import sys
import tarfile
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hatchling.build import build_sdist

import frusdoc
from frusdoc.schema import SITE_URL

ROOT = Path(__file__).parents[1]
PYPROJECT: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT: dict[str, Any] = PYPROJECT["project"]
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, set[str]]:
    """The sdist built from this tree: its top folder and its member names below it."""
    out = tmp_path_factory.mktemp("dist")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)  # a PEP 517 backend builds the project in the current directory
        name = build_sdist(str(out))
    with tarfile.open(out / name) as tar:
        members = tar.getnames()
    top = members[0].split("/")[0]
    return top, {m.removeprefix(top + "/") for m in members if m != top}


def test_the_sdist_holds_what_the_tests_need(sdist: tuple[str, set[str]]) -> None:
    _, names = sdist
    # Without the root conftest.py, pytest from the sdist silently skips every example.
    needed = {"conftest.py", "pyproject.toml", "README.md", "CHANGELOG.md", "LICENSE", "mkdocs.yml"}
    needed |= {".ci/run", ".ci/floors.py", "tests/conftest.py", "tests/corpus.py"}
    assert needed - names == set()
    for folder in ("docs", "tests/data", "src/frusdoc"):
        on_disk = {
            p.relative_to(ROOT).as_posix()
            for p in (ROOT / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        }
        assert on_disk, folder
        assert on_disk - names == set(), folder
    assert not any(n.startswith((".venv/", "site/", ".ci/venv/")) for n in names)


def test_the_version_is_written_once(sdist: tuple[str, set[str]]) -> None:
    assert "version" not in PROJECT and PROJECT["dynamic"] == ["version"]
    assert PYPROJECT["tool"]["hatch"]["version"]["path"] == "src/frusdoc/_version.py"
    top, _ = sdist
    assert top == f"frusdoc-{frusdoc.__version__}"
    assert re.fullmatch(r"\d+\.\d+\.\d+", frusdoc.__version__)


def _floors_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ci_floors", ROOT / ".ci" / "floors.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_runtime_dependency_has_a_floor_ci_pins() -> None:
    floors: dict[str, str] = _floors_module().floors(ROOT / "pyproject.toml")
    # The core's floors, found by installing them (.ci/run tests them on every run):
    # cattrs 24.1 is the first with Converter.get_unstructure_hook and needs attrs 23.1.
    assert {k: floors[k] for k in ("attrs", "cattrs", "lxml")} == {
        "attrs": "23.1",
        "cattrs": "24.1",
        "lxml": "4.9.1",
    }
    extras = {req for reqs in PROJECT["optional-dependencies"].values() for req in reqs}
    assert len(floors) == len(
        {re.split(r"[\[<>=]", r)[0].lower() for r in extras | set(PROJECT["dependencies"])}
    )


def test_floors_refuse_a_dependency_without_one(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\ndependencies = ["attrs"]\n', encoding="utf-8")
    with pytest.raises(SystemExit, match="'attrs' is not written name>=version"):
        _floors_module().floors(pyproject)


def test_python_classifiers_name_the_versions_ci_runs() -> None:
    versions = {
        c.rsplit(" :: ", 1)[1]
        for c in PROJECT["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    }
    assert f"{sys.version_info.major}.{sys.version_info.minor}" in versions
    assert PROJECT["requires-python"] == f">={min(versions, key=lambda v: int(v.split('.')[1]))}"


def test_project_urls_name_the_site_and_the_source() -> None:
    urls = PROJECT["urls"]
    assert urls["Documentation"] == urls["Homepage"] == SITE_URL
    assert set(urls) == {"Homepage", "Documentation", "Source", "Issues", "Changelog"}
    assert urls["Changelog"].endswith("/CHANGELOG.md") and urls["Issues"].startswith(urls["Source"])


def _readme_command(marker: str) -> str:
    match = re.search(rf"<!-- {marker} -->\n```sh\n(.+?)\n```", README, re.S)
    assert match is not None, marker
    return match.group(1)


def test_readme_has_three_commands_and_ci_reads_two() -> None:
    markers = ["main-command", "test-command", "docs-command"]
    assert sorted(markers, key=README.index) == markers
    assert _readme_command("docs-command").endswith("mkdocs build --strict")
    assert "--group docs" in _readme_command("docs-command")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "run_readme_command test-command" in ci and "run_readme_command docs-command" in ci
    assert "floors.py" in ci and "HYPOTHESIS_PROFILE=quick" in ci and "wait" in ci


def test_the_changelog_has_a_dated_section_for_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$", changelog, flags=re.M)
    assert headings[0] == ("Unreleased", "")
    assert headings[1][0] == frusdoc.__version__ and headings[1][1], headings[1]
    for name, _ in headings:  # Keep a Changelog: every section heading is a link
        assert re.search(rf"^\[{re.escape(name)}\]: https://", changelog, flags=re.M), name
