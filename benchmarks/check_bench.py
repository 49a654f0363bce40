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
shared: a spell of load then falls on all sizes alike).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

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


def timings(sizes: list[int], repeat: int) -> list[tuple[int, int, float, float]]:
    """``(documents, references, walk seconds, check seconds)`` per size,
    medians of ``repeat`` rounds. Each round times every size in turn, so a
    spell of load on the (shared) machine falls on all sizes alike and the
    ratios between sizes stay fair."""
    volumes = [volume_of(size) for size in sizes]
    walks: list[list[float]] = [[] for _ in sizes]
    checks: list[list[float]] = [[] for _ in sizes]
    for _ in range(repeat):
        for k, volume in enumerate(volumes):
            walks[k].append(_timed(partial(_walk_all, volume)))
            checks[k].append(_timed(partial(frusdoc.check, volume)))
    return [
        (
            size,
            sum(1 for _, n in frusdoc.walk(volume) if isinstance(n, m.Reference)),
            statistics.median(walk),
            statistics.median(check),
        )
        for size, volume, walk, check in zip(sizes, volumes, walks, checks, strict=True)
    ]


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
            (small, _, _, t_small), (large, _, _, t_large) = rows[-2], rows[-1]
            measure = f"check {large} vs check {small} documents"
            print(json.dumps({"benchmark": "check", "measure": measure, "ratio": t_large / t_small}))
        for size, _, floor, checked in rows:
            measure = f"check vs walk, {size} documents"
            print(json.dumps({"benchmark": "check", "measure": measure, "ratio": checked / floor}))
        return
    print(f"medians of {args.repeat} runs")
    print(f"{'documents':>10}{'references':>12}{'walk s':>9}{'check s':>9}{'× walk':>8}{'× previous':>12}")
    previous = None
    for size, references, floor, checked in rows:
        growth = f"{checked / previous:>11.2f}×" if previous else ""
        print(f"{size:>10}{references:>12}{floor:>9.3f}{checked:>9.3f}{checked / floor:>7.1f}×{growth}")
        previous = checked


if __name__ == "__main__":
    main()
