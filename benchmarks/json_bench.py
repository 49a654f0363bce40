"""Time frusdoc's JSON against floors and peers measured in the same run.

The floor is orjson serialising and parsing the equivalent plain data (the
dicts, lists and strings ``frusdoc.json.to_data`` gives): what any typed
reader built on orjson has to pay before it builds a single object. frusdoc
adds building (``loads``) or walking (``dumps``) the typed model. Ratios are
frusdoc's time divided by the floor's (or a peer's); smaller is better. No
threshold is enforced here.

Peers (the ``bench`` dependency group; skipped with a note when absent):
pydantic v2 and msgspec decoding the same JSON text into equivalent typed
models and encoding them back. The peer models are generated from the attrs
fields of frusdoc's model (one class per model class, the same field names,
types, defaults and ``"type"`` tags; tagged unions; unknown keys refused;
frozen), except that a ``Text`` inline is a plain ``str`` in the peers, as it
is in the JSON. The bench checks that each peer's output is the same plain
data as frusdoc's before timing it.

Every contender runs as a caller gets it: frusdoc holds off the cyclic
collector's full collections itself for the call (unless
``frusdoc.set_gc_pause(False)``, see docs/core.md), so its young collections
run inside the call and the full collection it held off comes due after it,
as after any large allocation; orjson and the peers run with the collector as
it is. The floor is also timed with full collections held ("orjson, full
collections held": the floor at its fastest), for a stricter ratio.
``gc.collect()`` runs between timings, outside the clock, for every
contender (the bench's own heap, the volume, its data and text, is left to
the collector's usual rules: freezing it would reset them and make full
collections far more frequent than in a program). Each round times every
contender once; a ratio is the median over the rounds of the ratios within a
round (the machine is shared).

    python benchmarks/json_bench.py [--megabytes 10 | --nodes 24000] [--rounds 7] [--summary]
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
import types
import typing
from collections.abc import Callable
from typing import Any, Literal, Union

import attrs
import orjson

import frusdoc
from frusdoc import model as m
from frusdoc._bulk import bulk
from frusdoc.json import dumps, loads, to_data
from frusdoc.tags import TAG_OF_CLASS

#: About this many nodes per megabyte of JSON in build_volume's volumes.
NODES_PER_MB = 22_800


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


# -- peers, generated from the attrs fields ------------------------------------

_UNIONS = {
    m.Inline: "Inline",
    m.Block: "Block",
    m.Target: "Target",
    m.DivisionChild: "DivisionChild",
    m.OutsideNode: "OutsideNode",
}
_ATTRIBUTES = tuple[tuple[str, str], ...]


def _spell(tp: Any) -> str:
    """The annotation of a peer field, as source text over the peer classes."""
    for union, name in _UNIONS.items():
        if tp == union:
            return name
    if tp in (str, bool, float):
        return str(tp.__name__)
    if tp == _ATTRIBUTES:
        return "dict[str, str]"
    if tp in TAG_OF_CLASS:
        return str(tp.__name__)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is Literal:
        return f"Literal[{', '.join(repr(a) for a in args)}]"
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return f"tuple[{_spell(args[0])}, ...]"
    if origin in (Union, types.UnionType):
        return "Optional[" + " | ".join(_spell(a) for a in args if a is not type(None)) + "]"
    raise TypeError(f"no peer annotation for {tp!r}")


def _peer_fields(cls: type) -> list[tuple[str, str, Any]]:
    """(name, annotation, default or attrs.NOTHING) of each field; the root
    volume also takes the format marker."""
    out = [(f.name, _spell(f.type), f.default) for f in attrs.fields(cls)]
    if cls is m.Volume:
        out.insert(0, ("frusdoc", "str", attrs.NOTHING))
    return out


def _classes() -> list[type]:
    return [c for c in TAG_OF_CLASS if c is not m.Text]


def _module(name: str) -> dict[str, Any]:
    module = types.ModuleType(name)
    sys.modules[name] = module
    module.__dict__.update(Literal=Literal, Optional=typing.Optional, Union=Union)
    return module.__dict__


class Peer:
    """A peer library: decode JSON text into its typed volume, encode it back."""

    name: str
    decode: Callable[[bytes], Any]
    encode: Callable[[Any], bytes]


def msgspec_peer() -> Peer | str:
    try:
        import msgspec
    except ImportError:
        return "msgspec not installed (pip install --group bench)"
    ns = _module("_frusdoc_peer_msgspec")
    for cls in _classes():
        fields = [(n, t) if d is attrs.NOTHING else (n, t, d) for n, t, d in _peer_fields(cls)]
        ns[cls.__name__] = msgspec.defstruct(
            cls.__name__,
            fields,
            tag_field="type",
            tag=TAG_OF_CLASS[cls],
            omit_defaults=True,
            forbid_unknown_fields=True,
            frozen=True,
            kw_only=True,
            module="_frusdoc_peer_msgspec",
        )
    for union, name in _UNIONS.items():
        members = [str if c is m.Text else ns[c.__name__] for c in typing.get_args(union)]
        ns[name] = Union[tuple(members)]
    decoder = msgspec.json.Decoder(ns["Volume"])
    encoder = msgspec.json.Encoder()
    peer = Peer()
    peer.name, peer.decode, peer.encode = f"msgspec {msgspec.__version__}", decoder.decode, encoder.encode
    return peer


def pydantic_peer() -> Peer | str:
    try:
        import pydantic
    except ImportError:
        return "pydantic not installed (pip install --group bench)"
    ns = _module("_frusdoc_peer_pydantic")
    config = pydantic.ConfigDict(extra="forbid", frozen=True, strict=True)
    for cls in _classes():
        tag = TAG_OF_CLASS[cls]
        spec: dict[str, Any] = {"type": (Literal[tag], ...)}
        for n, t, d in _peer_fields(cls):
            spec[n] = (t, ... if d is attrs.NOTHING else d)
        ns[cls.__name__] = pydantic.create_model(
            cls.__name__, __config__=config, __module__="_frusdoc_peer_pydantic", **spec
        )
    for union, name in _UNIONS.items():
        models = [ns[c.__name__] for c in typing.get_args(union) if c is not m.Text]
        annotated: Any = typing.Annotated  # built at run time: no alias mypy could check
        tagged = annotated[Union[tuple(models)], pydantic.Field(discriminator="type")]
        ns[name] = Union[str, tagged] if m.Text in typing.get_args(union) else tagged
    for cls in _classes():
        ns[cls.__name__].model_rebuild(_types_namespace=ns)
    volume = ns["Volume"]
    peer = Peer()
    peer.name = f"pydantic {pydantic.VERSION}"
    peer.decode = volume.model_validate_json
    peer.encode = lambda v: v.model_dump_json(exclude_defaults=True).encode()
    return peer


# -- timing ---------------------------------------------------------------------


def _time(fn: Callable[[], object], hold: bool) -> float:
    gc.collect()
    if not hold:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start
    with bulk():
        start = time.perf_counter()
        fn()
        elapsed = time.perf_counter() - start
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--megabytes", type=float, default=10.0, help="size of the volume's JSON (default 10)")
    size.add_argument("--nodes", type=int, help="nodes in the volume instead of --megabytes")
    parser.add_argument("--rounds", type=int, default=7, help="rounds of timings (medians are taken)")
    parser.add_argument("--summary", action="store_true", help="JSON lines for benchmarks/run_all.py")
    args = parser.parse_args()

    vol = build_volume(args.nodes if args.nodes is not None else int(args.megabytes * NODES_PER_MB))
    node_count = sum(1 for _ in frusdoc.walk(vol))
    text = dumps(vol)
    raw = text.encode()
    data = orjson.loads(text)
    assert loads(text, type=m.Volume) == vol

    contenders: dict[str, Callable[[], object]] = {
        "orjson dumps+loads": lambda: orjson.loads(orjson.dumps(data)),
        "orjson, full collections held": lambda: orjson.loads(orjson.dumps(data)),
        "orjson dumps": lambda: orjson.dumps(data),
        "orjson loads": lambda: orjson.loads(raw),
        "frusdoc dumps": lambda: dumps(vol),
        "frusdoc loads": lambda: loads(text, type=m.Volume),
        "  of which model -> dicts": lambda: to_data(vol),
    }
    notes: list[str] = []
    peers: list[str] = []
    for make in (pydantic_peer, msgspec_peer):
        peer = make()
        if isinstance(peer, str):
            notes.append(f"skipped: {peer}")
            continue
        value = peer.decode(raw)
        if orjson.loads(peer.encode(value)) != data:
            notes.append(f"skipped: {peer.name} does not give back the same data")
            continue
        peers.append(peer.name)
        contenders[f"{peer.name} loads"] = lambda p=peer: p.decode(raw)  # type: ignore[misc]
        contenders[f"{peer.name} dumps"] = lambda p=peer, v=value: p.encode(v)  # type: ignore[misc]

    times: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(args.rounds):
        for name, fn in contenders.items():
            times[name].append(_time(fn, hold="held" in name))

    def ratio(top: list[str], bottom: list[str]) -> float:
        # per round, then the median: both sides timed minutes apart at most
        return statistics.median(
            sum(times[t][r] for t in top) / sum(times[b][r] for b in bottom) for r in range(args.rounds)
        )

    both = ["frusdoc dumps", "frusdoc loads"]
    floor = ["orjson dumps+loads"]
    measures = [
        ("dumps+loads vs orjson", ratio(both, floor)),
        ("dumps vs orjson", ratio(["frusdoc dumps"], floor)),
        ("loads vs orjson", ratio(["frusdoc loads"], floor)),
        ("dumps+loads vs orjson, full collections held", ratio(both, ["orjson, full collections held"])),
        ("dumps vs orjson dumps alone", ratio(["frusdoc dumps"], ["orjson dumps"])),
    ]
    for peer in peers:
        measures += [
            (f"dumps+loads vs {peer}", ratio(both, [f"{peer} dumps", f"{peer} loads"])),
            (f"dumps vs {peer}", ratio(["frusdoc dumps"], [f"{peer} dumps"])),
            (f"loads vs {peer}", ratio(["frusdoc loads"], [f"{peer} loads"])),
        ]

    if args.summary:
        for name, value in measures:
            print(json.dumps({"benchmark": "json", "measure": name, "ratio": value}))
        for note in notes:
            print(f"json_bench: {note}", file=sys.stderr)
        return
    print(f"volume: {node_count:,} nodes, {len(raw) / 1e6:.2f} MB of JSON; {args.rounds} rounds")
    for note in notes:
        print(note)
    print(f"{'contender':<36}{'median s':>10}")
    for name, ts in times.items():
        print(f"{name:<36}{statistics.median(ts):>10.4f}")
    print(f"{'ratio (median of per-round ratios)':<36}{'×':>10}")
    for name, value in measures:
        print(f"frusdoc {name:<28}{value:>9.2f}×")


if __name__ == "__main__":
    main()
