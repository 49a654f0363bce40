"""The house (issue 12, points 1 and 7): modules, their names, their verbs, their layers.

* no public function shadows a submodule, and every public module is an
  attribute of ``frusdoc`` after ``import frusdoc`` (``frusdoc.testing`` on
  first use: it needs Hypothesis);
* the table of modules in ``docs/core.md`` names exactly the public modules;
* the moved modules (``frusdoc.walk``, ``frusdoc.check``,
  ``frusdoc.emend.propose``) still import, warn, and leave the functions of
  the same name in place, in either order of imports;
* every format module has the verbs of ``docs/core.md``;
* no module imports frusdoc inside a function, except the allow-list below.
"""

from __future__ import annotations

import ast
import importlib
import io
import pathlib
import re
import subprocess
import sys
import types
import typing

import pytest

import frusdoc
from frusdoc import json, markdown, tei, text
from frusdoc import model as m
from tests.corpus import public_modules

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "frusdoc"
CORE = ROOT / "docs" / "core.md"
SEED = ROOT / "tests" / "data" / "seed.txt"
VOLUME = ROOT / "tests" / "data" / "tei" / "frus1961-63v15.xml"

#: Imported on first use, and why.
LAZY = {"frusdoc.testing": "needs Hypothesis (extra 'testing')"}




def run(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh interpreter, DeprecationWarnings shown once per place."""
    return subprocess.run(
        [sys.executable, "-W", "default::DeprecationWarning", "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )


# -- modules ------------------------------------------------------------------


def test_the_package_has_the_modules_it_should() -> None:
    # A floor, so that a walk finding nothing cannot pass the tests below.
    found = public_modules()
    assert {"frusdoc.tree", "frusdoc.diagnostics", "frusdoc.tei.reading", "frusdoc.emend.proposals"} <= set(found)
    assert not {"frusdoc.walk", "frusdoc.check", "frusdoc.emend.propose"} & set(found)
    assert len(found) >= 38


@pytest.mark.parametrize("name", [n for n in public_modules() if n != "frusdoc"])
def test_no_public_name_shadows_a_submodule(name: str) -> None:
    parent, _, child = name.rpartition(".")
    module = importlib.import_module(name)
    assert getattr(importlib.import_module(parent), child) is module


def test_every_public_module_is_an_attribute_after_import_frusdoc() -> None:
    names = [n for n in public_modules() if n != "frusdoc"]
    code = f"""
import sys
import frusdoc
missing = []
for name in {names!r}:
    obj = frusdoc
    for part in name.split(".")[1:]:
        obj = obj.__dict__.get(part)
        if obj is None:
            break
    if obj is None or sys.modules.get(name) is not obj:
        missing.append(name)
print(" ".join(missing))
print("hypothesis" in sys.modules)
print(frusdoc.testing.__name__)
"""
    result = run(code)
    assert result.returncode == 0, result.stderr
    missing, hypothesis_loaded, testing = result.stdout.splitlines()
    # Looked up in the package's own namespace (no __getattr__): only the lazy ones are absent.
    assert missing.split() == sorted(LAZY)
    assert hypothesis_loaded == "False"  # import frusdoc does not need the extra testing
    assert testing == "frusdoc.testing"  # and the attribute imports it on first use


def _module_table() -> dict[str, str]:
    section = CORE.read_text(encoding="utf-8").split("## Modules", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(frusdoc[\w.]*)` \| .+ \| (\w+) \|$", section, re.M)
    table = dict(rows)
    assert len(table) == len(rows), "a module has two rows"
    return table


def test_the_table_of_modules_names_every_public_module() -> None:
    table = _module_table()
    assert sorted(table) == public_modules()
    assert set(table.values()) == {"stable", "provisional"}
    assert table["frusdoc.tree"] == "stable"
    assert table["frusdoc.tei.reading"] == "provisional"


# -- moved modules ------------------------------------------------------------

MOVED = {
    "frusdoc.walk": ("frusdoc.tree", "transform"),
    "frusdoc.check": ("frusdoc.diagnostics", "RULES"),
    "frusdoc.emend.propose": ("frusdoc.emend.proposals", "skeleton"),
}


@pytest.mark.parametrize("old", sorted(MOVED))
@pytest.mark.parametrize("package_first", [True, False], ids=["package-first", "old-path-first"])
def test_an_old_module_path_warns_once_and_gives_the_new_names(old: str, package_first: bool) -> None:
    new, name = MOVED[old]
    parent, _, attr = old.rpartition(".")
    before = f"import {parent}\nassert callable({old})\n" if package_first else ""
    code = f"""{before}
import warnings
import {new} as new
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    from {old} import {name}
    from {old} import {name} as again
    import importlib
    alias = importlib.import_module("{old}")
import {parent}
assert {name} is again is new.{name}, "not the new module's object"
assert alias.__dict__.get("{name}") is None and getattr(alias, "{name}") is new.{name}
assert callable({parent}.{attr}) and not isinstance({parent}.{attr}, type(new)), "the function was shadowed"
assert {parent}.{attr} is new.{attr}
print(len(caught), caught[0].category.__name__, caught[0].filename)
print(str(caught[0].message))
"""
    result = run(code)
    assert result.returncode == 0, result.stderr
    count, message = result.stdout.splitlines()
    assert count == "1 DeprecationWarning <string>"  # once, and pointing at the importing code
    assert message.startswith(f"the module {old} is deprecated: import {new} (from {new} import {name})")


def test_an_old_module_path_star_import_gives_the_public_names() -> None:
    result = run("from frusdoc.walk import *\nimport frusdoc.tree\nprint(transform is frusdoc.tree.transform)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"
    assert "DeprecationWarning: the module frusdoc.walk is deprecated" in result.stderr


def test_an_alias_is_no_package_and_has_no_file() -> None:
    alias = sys.modules["frusdoc.walk"]
    assert not hasattr(alias, "__path__")
    assert not hasattr(alias, "__file__")
    assert "transform" in dir(alias)


# -- verbs --------------------------------------------------------------------

#: The verbs each format module has (docs/core.md, "The verbs of the format modules").
VERBS: dict[types.ModuleType, set[str]] = {
    text: {"loads", "dumps", "load", "dump"},
    json: {"loads", "dumps", "load", "dump"},
    tei: {"loads", "dumps", "load", "dump"},
    markdown: {"dumps", "dump"},
}


def test_the_table_of_verbs_is_the_modules_verbs() -> None:
    section = CORE.read_text(encoding="utf-8").split("## The verbs of the format modules", 1)[1]
    header, *rows = [line for line in section.splitlines() if line.startswith("| ")][:5]
    modules = re.findall(r"`frusdoc\.(\w+)`", header)
    assert modules == ["text", "json", "tei", "markdown"]
    table: dict[str, set[str]] = {name: set() for name in modules}
    for row in rows:
        verb, *cells = [c.strip() for c in row.strip("|").split("|")]
        for name, cell in zip(modules, cells, strict=True):
            if not cell.startswith("—"):
                table[name].add(verb.strip("`").split("(")[0])
    assert table == {module.__name__.removeprefix("frusdoc."): verbs for module, verbs in VERBS.items()}


@pytest.mark.parametrize("module", list(VERBS), ids=lambda mod: mod.__name__)
def test_every_format_module_has_every_verb(module: types.ModuleType) -> None:
    for verb in VERBS[module]:
        assert callable(getattr(module, verb)), verb
        assert verb in module.__all__, verb


def _seed() -> m.Document:
    return text.parse(SEED.read_text(encoding="utf-8"))


def test_text_verbs(tmp_path: pathlib.Path) -> None:
    page = SEED.read_text(encoding="utf-8")
    doc = text.loads(page)
    assert [n.label for n in doc.notes] == ["80", "81", "82"]
    assert text.loads(page.encode()) == doc
    assert text.load(SEED) == text.load(str(SEED)) == text.load(io.BytesIO(page.encode())) == doc
    assert text.dumps(doc) == page
    text.dump(doc, tmp_path / "a" / "seed.txt")  # parent directories made
    assert (tmp_path / "a" / "seed.txt").read_bytes() == SEED.read_bytes()
    out = io.StringIO()
    text.dump(doc, out, notes=False)
    assert out.getvalue() == text.render(doc, notes=False) != page


def test_tei_verbs(tmp_path: pathlib.Path) -> None:
    vol = tei.load(VOLUME, type=m.Volume)
    assert vol == tei.read_volume(VOLUME)
    assert [d.id for d in vol.documents] == [d.id for d in tei.iter_documents(VOLUME)]
    assert tei.loads(VOLUME.read_bytes()) == vol
    assert tei.dumps(vol) == tei.write_volume(vol)
    doc = vol.documents[0]
    assert tei.dumps(doc) == tei.write_document(doc)
    assert tei.loads(tei.dumps(doc), type=m.Document) == tei.read_document(tei.write_document(doc))
    tei.dump(vol, tmp_path / "v.xml")
    assert tei.load(str(tmp_path / "v.xml")) == vol
    with (tmp_path / "v.xml").open("rb") as fp:
        assert tei.load(fp) == vol
    with pytest.raises(tei.TeiError, match="expected one document"):
        tei.loads(tei.dumps(vol), type=m.Document)
    with pytest.raises(tei.TeiError, match=r"expected a TEI volume \(root <TEI>\), got <div>"):
        tei.loads(tei.dumps(doc), type=m.Volume)
    with pytest.raises(frusdoc.ArgumentTypeError, match="expected Volume or Document"):
        tei.loads(tei.dumps(doc), type=typing.cast("type[m.Document]", m.Paragraph))
    with pytest.raises(frusdoc.ArgumentTypeError, match="got int"):
        tei.dumps(typing.cast(m.Document, 5))


def test_load_takes_a_str_as_a_path_never_as_content() -> None:
    with pytest.raises(frusdoc.FileAccessError, match="cannot read"):
        tei.load("<div/>")
    with pytest.raises(frusdoc.FileAccessError, match="cannot read"):
        text.load("line one\nline two")
    with pytest.raises(frusdoc.SourceTypeError, match="use loads"):
        text.load(typing.cast(io.BytesIO, SEED.read_bytes()))


def test_markdown_verbs(tmp_path: pathlib.Path) -> None:
    doc = _seed()
    assert markdown.dumps(doc) == markdown.render(doc)
    markdown.dump(doc, tmp_path / "seed.md", reading="original")
    assert (tmp_path / "seed.md").read_text(encoding="utf-8") == markdown.render(doc, reading="original")
    assert "[^80]" in markdown.dumps(doc)


def test_json_verbs(tmp_path: pathlib.Path) -> None:
    doc = _seed()
    json.dump(doc, tmp_path / "seed.json")
    assert json.load(tmp_path / "seed.json", type=m.Document) == doc
    assert json.loads(json.dumps(doc), type=m.Document) == doc


# -- layers -------------------------------------------------------------------

#: Imports of frusdoc inside a function that stay, and why. An entry that no
#: longer matches is harmless (the owner may have removed the import).
ALLOWED_LATE_IMPORTS = {
    # import frusdoc must work without the extra "testing".
    ("frusdoc/__init__.py", "frusdoc.testing"),
    # The argument checks sit below the model (the model's methods use them), and
    # two of them name model classes: looked up on first use, not at import.
    ("frusdoc/_args.py", "frusdoc.tags"),
    ("frusdoc/_args.py", "frusdoc.model"),
}


def _late_imports(path: pathlib.Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if in_function and isinstance(child, ast.Import):
                found.extend((a.name, child.lineno) for a in child.names if a.name.split(".")[0] == "frusdoc")
            elif in_function and isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                if child.module.split(".")[0] == "frusdoc":
                    found.append((child.module, child.lineno))
            elif in_function and isinstance(child, ast.ImportFrom) and child.level > 0:
                found.append(("." * child.level + (child.module or ""), child.lineno))
            visit(child, inside)

    visit(tree, False)
    return found


def test_the_late_import_finder_finds_late_imports(tmp_path: pathlib.Path) -> None:
    # The finder itself can fail: a function importing frusdoc is found, a
    # module-level or TYPE_CHECKING import is not.
    source = (
        "import typing\nimport frusdoc.model\nif typing.TYPE_CHECKING:\n    from frusdoc import tree\n"
        "def f():\n    from frusdoc import json\n    import frusdoc.tei\n    import os\n"
    )
    path = tmp_path / "probe.py"
    path.write_text(source, encoding="utf-8")
    assert _late_imports(path) == [("frusdoc", 6), ("frusdoc.tei", 7)]


def test_no_function_imports_frusdoc_except_the_allow_list() -> None:
    late = {
        (str(p.relative_to(SRC.parent)), module, line)
        for p in sorted(SRC.rglob("*.py"))
        for module, line in _late_imports(p)
    }
    assert len(list(SRC.rglob("*.py"))) > 30
    unexpected = sorted((f, mod, line) for f, mod, line in late if (f, mod) not in ALLOWED_LATE_IMPORTS)
    assert unexpected == []


def test_nothing_of_frusdoc_imports_an_old_module_path() -> None:
    # After a merge, code written against the old paths would still run (with a
    # warning): this finds it. Code in .py files and in the docs' Python examples.
    old = re.compile(r"^\s*(?:from|import)\s+(?:" + "|".join(re.escape(p) for p in MOVED) + r")\b", re.M)
    sources = {
        p: p.read_text(encoding="utf-8")
        for folder in ("src", "tests", "examples", "benchmarks")
        for p in (ROOT / folder).rglob("*.py")
        if p != pathlib.Path(__file__).resolve()
    }
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        blocks = re.findall(r"^```python\n(.*?)^```", page.read_text(encoding="utf-8"), re.M | re.S)
        sources[page] = "\n".join(blocks)
    assert len(sources) > 60
    found = sorted(f"{p.relative_to(ROOT)}: {m.group(0).strip()}" for p, s in sources.items() for m in old.finditer(s))
    assert found == []
    # and the pattern finds what it should
    assert old.search("x = 1\nfrom frusdoc.check import RULES\n")
    assert not old.search("from frusdoc.checks import x\nimport frusdoc.tree\n")
