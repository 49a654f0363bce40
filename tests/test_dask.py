"""Corpus scale on a real engine: examples/dask_convert.py (the code docs/cli.md
shows) converts a tree of TEI volumes and history.state.gov pages with
dask.bag on a distributed.LocalCluster of two worker processes, through
frusdoc.batch.convert_file, and writes the same files, byte for byte, as
``frusdoc convert --jobs 2``, reporting bad inputs the same way."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from distributed import Client, LocalCluster

import frusdoc
from frusdoc.cli import main
from tests.corpus import DATA, TEI_DIR, TEXT_DIR

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "dask_convert.py"

# Small volumes and pages of every era keep the run short; the cluster's start
# is most of it.
VOLUMES = ["frus1861.xml", "frus1917-72PubDipv02.xml", "frus1938v03.xml", "frus1961-63v15.xml"]
PAGES = ["frus1861_d72.txt", "frus1918Russiav03_d218.txt", "frus1943_d166.txt"]


def load_example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dask_convert", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


example = load_example()


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as c,
    ):
        yield c


def make_tree(root: Path) -> Path:
    """Volumes and pages in two folders, a nested page, and two bad inputs."""
    tree = root / "in"
    (tree / "tei").mkdir(parents=True)
    (tree / "text" / "more").mkdir(parents=True)
    for name in VOLUMES:
        shutil.copyfile(TEI_DIR / name, tree / "tei" / name)
    for name in PAGES[:-1]:
        shutil.copyfile(TEXT_DIR / name, tree / "text" / name)
    shutil.copyfile(TEXT_DIR / PAGES[-1], tree / "text" / "more" / PAGES[-1])
    shutil.copyfile(DATA / "seed.txt", tree / "seed.txt")
    # A volume cut short, and a JSON file that is no frusdoc document.
    whole = (TEI_DIR / "frus1938v03.xml").read_bytes()
    (tree / "tei" / "broken.xml").write_bytes(whole[: len(whole) // 2])
    (tree / "text" / "more" / "bad.json").write_text('{"type": "Document", "blocks": 3}\n', encoding="utf-8")
    return tree


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_cluster_has_two_worker_processes(client: Client) -> None:
    pids = client.run(os.getpid)
    assert len(pids) == 2
    assert os.getpid() not in pids.values()
    assert len(set(pids.values())) == 2


@pytest.mark.parametrize("to", ["jsonl", "html"])
def test_dask_writes_what_convert_jobs_2_writes(
    client: Client, tmp_path: Path, capsys: pytest.CaptureFixture[str], to: str
) -> None:
    tree = make_tree(tmp_path)
    code = main(
        ["convert", str(tree), "--to", to, "-o", str(tmp_path / "cli"), "--jobs", "2", "--no-progress"]
    )
    said = capsys.readouterr().err.splitlines()

    tasks = example.plan([str(tree)], to, tmp_path / "dask")
    results = example.convert(client, tasks)
    dask_code = example.report(results)
    dask_said = capsys.readouterr().err.splitlines()

    # The bad inputs are reported the same way, one line each, and fail the run.
    assert (code, dask_code) == (1, 1)
    assert sorted(said) == sorted(dask_said)
    problems = sorted(line for line in said if not line.endswith(" documents"))
    assert [re.sub(r": .*", "", line.removeprefix("frusdoc: ")) for line in problems] == [
        str(tree / "tei" / "broken.xml"),
        str(tree / "text" / "more" / "bad.json"),
    ]
    documents = sum(r.documents for r in results)
    assert said[-1] == f"frusdoc: 8 of 10 files converted, {documents} documents"
    assert [r.source for r in results] == [t[0] for t in tasks]  # the bag keeps the tasks' order

    # The same files, byte for byte.
    cli, dask = files(tmp_path / "cli"), files(tmp_path / "dask")
    assert cli == dask
    made = [f"tei/{n[:-4]}" for n in VOLUMES] + [f"text/{n[:-4]}" for n in PAGES[:-1]]
    made += [f"text/more/{PAGES[-1][:-4]}", "seed"]
    if to == "jsonl":
        assert sorted(cli) == sorted(f"{k}.jsonl" for k in made)
    else:
        # The index of each volume, and a page per document in the folder beside it.
        pages = []
        for name in VOLUMES:
            volume = frusdoc.read(TEI_DIR / name)
            assert isinstance(volume, frusdoc.Volume)
            pages += [f"tei/{name[:-4]}/{d.id}.html" for d in volume.documents]
        assert sorted(cli) == sorted([f"{k}.html" for k in made] + pages)
        assert len(pages) == documents - len(PAGES) - 1  # each text page (and the seed) is one document


def test_the_example_runs_with_its_defaults_and_reports_like_the_cli(
    client: Client, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # main() starts its own cluster (tests/test_examples.py runs it as a
    # script); here its planning and reporting are held to the command line's
    # on one bad file.
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI>", encoding="utf-8")
    assert main(["convert", str(bad), "-o", str(tmp_path / "cli.json")]) == 1
    said = capsys.readouterr().err
    results = example.convert(client, example.plan([str(bad)], "json", tmp_path / "dask"))
    assert example.report(results) == 1
    assert capsys.readouterr().err == said
    assert not (tmp_path / "dask").exists()


def test_docs_show_the_example_verbatim() -> None:
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", doc, flags=re.S)
    assert EXAMPLE.read_text(encoding="utf-8") in blocks
