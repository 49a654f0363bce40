"""Time frusdoc's JSON against a floor measured in the same run.

The floor is orjson (and, for reference, the standard library) serialising and
parsing the equivalent plain dicts; frusdoc adds building and checking typed
model objects. Prints the ratios; no threshold is enforced here.

    python benchmarks/json_bench.py [--nodes 20000]
"""

from __future__ import annotations

import argparse
import json
import json as _json
import time
from collections.abc import Callable

import orjson

import frusdoc
from frusdoc import model as m
from frusdoc.json import dumps, loads, to_data


def build_volume(min_nodes: int) -> m.Volume:
    """A synthetic volume shaped like a real one: paragraphs of text runs,
    markers, page breaks, names, notes."""
    docs: list[m.Document] = []
    nodes = 0
    n = 0
    while nodes < min_nodes:
        n += 1
        paragraphs = tuple(
            m.Paragraph(
                inlines=(
                    m.Text(
                        text="The Ambassador called on the Secretary of State this morning and said that "
                    ),
                    m.Name(kind="person", ref="p_RD3", children=(m.Text(text="Rusk"),)),
                    m.Text(text=" had agreed to the proposal for a meeting of the Foreign Ministers."),
                    m.NoteRef(label=str(k + 1)),
                    m.Text(text=" He added that "),
                    m.Emphasis(rend="italic", children=(m.Text(text="sic"),)),
                    m.PageBreak(label=str(100 + n), id=f"pg_{100 + n}", facs=f"{n:04d}"),
                    m.Text(text="the Soviets would not accept any such arrangement."),
                )
            )
            for k in range(6)
        )
        notes = tuple(
            m.Note(
                label=str(k + 1),
                id=f"d{n}fn{k + 1}",
                blocks=(
                    m.Paragraph(
                        inlines=(m.Text(text="Source: Department of State, Central Files, 611.61/1–1562."),)
                    ),
                ),
            )
            for k in range(6)
        )
        docs.append(
            m.Document(
                id=f"d{n}",
                label=str(n),
                kind="historical-document",
                title=(
                    m.Text(
                        text=f"{n}. Telegram From the Embassy in the Soviet Union to the Department of State"
                    ),
                ),
                blocks=paragraphs,
                notes=notes,
            )
        )
        nodes += sum(1 for _ in frusdoc.walk(docs[-1]))
    chapter = m.Division(kind="chapter", id="ch1", title=(m.Text(text="Berlin"),), children=tuple(docs))
    return m.Volume(id="frus1961-63v15", title="Berlin Crisis", body=(chapter,))


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=24_000)
    parser.add_argument("--summary", action="store_true", help="JSON lines for benchmarks/run_all.py")
    args = parser.parse_args()

    vol = build_volume(args.nodes)
    node_count = sum(1 for _ in frusdoc.walk(vol))
    text = dumps(vol)
    data = orjson.loads(text)
    assert loads(text, type=m.Volume) == vol

    floor_orjson = best_of(lambda: orjson.loads(orjson.dumps(data)))
    floor_std = best_of(lambda: json.loads(json.dumps(data, ensure_ascii=False, separators=(",", ":"))))
    t_dumps = best_of(lambda: dumps(vol))
    t_loads = best_of(lambda: loads(text, type=m.Volume))
    t_unstructure = best_of(lambda: to_data(vol))
    total = t_dumps + t_loads

    if args.summary:
        for name, t in [
            ("dumps+loads vs orjson", total),
            ("dumps vs orjson", t_dumps),
            ("loads vs orjson", t_loads),
        ]:
            print(_json.dumps({"benchmark": "json", "measure": name, "ratio": t / floor_orjson}))
        return
    print(f"volume: {node_count:,} nodes, {len(text.encode()) / 1e6:.2f} MB of JSON")
    print(f"{'measure':<34}{'seconds':>10}{'× orjson floor':>16}")
    for name, t in [
        ("floor: orjson dumps+loads (dicts)", floor_orjson),
        ("floor: stdlib json dumps+loads", floor_std),
        ("frusdoc dumps (model -> str)", t_dumps),
        ("  of which model -> dicts", t_unstructure),
        ("frusdoc loads (str -> model)", t_loads),
        ("frusdoc dumps+loads", total),
    ]:
        print(f"{name:<34}{t:>10.4f}{t / floor_orjson:>15.1f}×")
    print(f"frusdoc dumps+loads vs stdlib floor: {total / floor_std:.1f}×")


if __name__ == "__main__":
    main()
