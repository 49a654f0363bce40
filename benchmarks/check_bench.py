"""``frusdoc.check`` of a volume: linear in its size, against a walk floor.

Synthetic volumes of 100, 200 and 400 documents are built from the real
documents of the corpus TEI volumes (tests/data/tei), copied round-robin with
their ids renamed (``d1`` … ``dN``, note ids ``dNfnK``), the persons and terms
of every source volume in the volume's lists, and every cross-reference that
pointed inside its own volume pointing inside the synthetic one, so that each
is resolved (a reference to another volume is never looked up). The floor is
one :func:`frusdoc.walk` over the same volume, timed in the same run: check
can hardly be cheaper than visiting every node once.

    python benchmarks/check_bench.py [--sizes 100 200 400] [--repeat 5] [--summary]

``--summary`` prints JSON lines for benchmarks/run_all.py: the ratio of the
largest size's check time to the one before it (linear is 2.0 for a doubling)
and, for each size, check over the walk floor. Times are medians of
``--repeat`` rounds, each round timing every size in turn (the machine may be
shared: a spell of load then falls on all sizes alike); the growth is the
median of the ratios within each round.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import NamedTuple

import attrs

import frusdoc
from frusdoc import model as m
from frusdoc.tree import Node, Replacement
from frusdoc.tree import Path as NodePath

DATA = Path(__file__).parents[1] / "tests" / "data" / "tei"
VOLUME = "frus1999synth"


def _sources() -> tuple[list[tuple[str, m.Document]], list[m.Person], list[m.Term]]:
    documents: list[tuple[str, m.Document]] = []
    persons: dict[str, m.Person] = {}
    terms: dict[str, m.Term] = {}
    for path in sorted(DATA.glob("*.xml")):
        volume = frusdoc.tei.read_volume(path)
        documents += [(volume.id or "", d) for d in volume.iter_documents()]
        for p in volume.persons:
            persons.setdefault(p.id, p)
        for t in volume.terms:
            terms.setdefault(t.id, t)
    return documents, list(persons.values()), list(terms.values())


def _moved(target: m.Target) -> m.Target:
    # one case per class: mypy sees each evolve's own fields
    if isinstance(target, m.DocumentTarget):
        return attrs.evolve(target, volume=VOLUME)
    if isinstance(target, m.PageTarget):
        return attrs.evolve(target, volume=VOLUME)
    if isinstance(target, m.NoteTarget):
        return attrs.evolve(target, volume=VOLUME)
    if isinstance(target, m.VolumeTarget):
        return attrs.evolve(target, volume=VOLUME)
    return target


def _renamed(doc: m.Document, source: str, number: int) -> m.Document:
    new_id = f"d{number}"

    def visit(path: NodePath, node: Node) -> Replacement:
        if isinstance(node, m.Reference) and getattr(node.target, "volume", None) == source:
            return attrs.evolve(node, target=_moved(node.target))
        if isinstance(node, m.Note) and node.id is not None:
            return attrs.evolve(node, id=f"{new_id}fn{path[-1]}")
        return node

    new = frusdoc.transform(doc, visit)
    assert isinstance(new, m.Document)
    return attrs.evolve(new, id=new_id, volume=VOLUME)


def volume_of(size: int) -> m.Volume:
    """A synthetic volume of ``size`` real documents (see the module docstring)."""
    documents, persons, terms = _sources()
    picks = (documents[k % len(documents)] for k in range(size))
    body = tuple(_renamed(doc, source, k + 1) for k, (source, doc) in enumerate(picks))
    return m.Volume(id=VOLUME, body=body, persons=tuple(persons), terms=tuple(terms))


def _walk_all(volume: m.Volume) -> int:
    return sum(1 for _ in frusdoc.walk(volume))


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


class Row(NamedTuple):
    documents: int
    references: int
    walk: float  # median seconds
    check: float  # median seconds
    growth: float | None  # median over rounds of check / check of the size before


def timings(sizes: list[int], repeat: int) -> list[Row]:
    """Medians of ``repeat`` rounds per size. Each round times every size in
    turn, so a spell of load on the (shared) machine falls on all sizes alike;
    the growth from one size to the next is the median of the ratios within
    each round, which cancels a spell that spans a round."""
    volumes = [volume_of(size) for size in sizes]
    walks: list[list[float]] = [[] for _ in sizes]
    checks: list[list[float]] = [[] for _ in sizes]
    for _ in range(repeat):
        for k, volume in enumerate(volumes):
            walks[k].append(_timed(partial(_walk_all, volume)))
            checks[k].append(_timed(partial(frusdoc.check, volume)))
    rows = []
    for k, (size, volume) in enumerate(zip(sizes, volumes, strict=True)):
        growth = None
        if k:
            growth = statistics.median(b / a for a, b in zip(checks[k - 1], checks[k], strict=True))
        references = sum(1 for _, n in frusdoc.walk(volume) if isinstance(n, m.Reference))
        rows.append(Row(size, references, statistics.median(walks[k]), statistics.median(checks[k]), growth))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 200, 400])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--summary", action="store_true", help="JSON lines for benchmarks/run_all.py")
    args = parser.parse_args()

    rows = timings(args.sizes, args.repeat)

    if args.summary:
        if len(rows) > 1:
            small, large = rows[-2], rows[-1]
            measure = f"check {large.documents} vs check {small.documents} documents"
            print(json.dumps({"benchmark": "check", "measure": measure, "ratio": large.growth}))
        for row in rows:
            measure = f"check vs walk, {row.documents} documents"
            print(json.dumps({"benchmark": "check", "measure": measure, "ratio": row.check / row.walk}))
        return
    print(f"medians of {args.repeat} rounds")
    print(f"{'documents':>10}{'references':>12}{'walk s':>9}{'check s':>9}{'× walk':>8}{'× previous':>12}")
    for row in rows:
        growth = f"{row.growth:>11.2f}×" if row.growth is not None else ""
        print(
            f"{row.documents:>10}{row.references:>12}{row.walk:>9.3f}{row.check:>9.3f}"
            f"{row.check / row.walk:>7.1f}×{growth}"
        )


if __name__ == "__main__":
    main()
