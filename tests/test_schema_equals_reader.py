"""The published schema accepts exactly what ``frusdoc.json.loads`` accepts.

A tool that validates with ``docs/schema/frusdoc-1.1.json`` must never refuse
a file frusdoc reads, nor pass one frusdoc refuses. The property starts from
valid JSON of drawn model values and mutates it the ways hand-written and
foreign JSON goes wrong: keys dropped, added and renamed at any depth, scalars
of the wrong type, arrays for objects and the reverse, a missing, unknown or
foreign ``"type"``, a wrong or missing format marker, and the older 1.x forms
the reader still reads. Whatever comes out, the schema's verdict and the
reader's must be the same.

Counts of operations and verdicts are hypothesis events: run with
``pytest --hypothesis-show-statistics tests/test_schema_equals_reader.py``.
"""

from __future__ import annotations

import copy
import json as stdjson
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

import frusdoc
from frusdoc import json as fj
from frusdoc import model as m
from frusdoc import testing
from frusdoc.schema import json_schema
from frusdoc.tags import TAG_OF_CLASS

VALIDATOR = jsonschema.Draft202012Validator(json_schema())

Json = Any  # what json.loads returns: dicts, lists, strings, numbers, booleans, null
JsonPath = tuple[str | int, ...]

_TAGS = sorted(TAG_OF_CLASS.values())
_FIELD_NAMES = sorted({f.name for cls in TAG_OF_CLASS for f in attrs.fields(cls)})
#: Keys to add or rename to: every field name of the model (so that a key
#: valid on another class lands where it is not), the format's own keys, the
#: older forms' keys and plain strangers.
_KEYS = [*_FIELD_NAMES, "type", "frusdoc", "facsimile", "note", "Type", "bogus", ""]
_SCALARS: list[Json] = [
    None,
    True,
    False,
    0,
    1,
    -1,
    2,
    0.0,
    0.5,
    1.0,
    1.5,
    1.0004,
    0.9996,
    -0.0004,
    1e300,
    "",
    "x",
    "1.1",
    "page",
    "facsimile",
    "typeset",
    "person",
    "ocr",
    "accepted",
    "numbered",
    "arrow",
    "body",
    "prolog",
    "d1fn3",
    "#d1fn3",
    "3",
]
#: Format markers: the versions this reader reads, a newer minor (read), other
#: majors (refused) and malformed ones.
_MARKERS: list[Json] = [
    "1.1",
    "1.0",
    "1.9",
    "1.10",
    "1.01",
    "2.0",
    "0.9",
    "10.1",
    "1",
    "1.",
    ".1",
    "01.1",
    "1.1.0",
    " 1.1",
    "1.1\n",
    "v1.1",
    "1.x",
    "١.١",
    "１.１",
    "",
    1.1,
    1,
    None,
    True,
    ["1.1"],
]


@st.composite
def _values(draw: st.DrawFn, tree: Json) -> Json:
    """A value to put somewhere: a scalar, an empty or small container, a
    tagged stub, or a piece of the tree itself (a valid value of some other
    place)."""
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return draw(st.sampled_from(_SCALARS))
    if kind == 1:
        return draw(st.sampled_from([[], {}, ["x"], [{}], {"x": "y"}]))
    if kind == 2:
        return {"type": draw(st.sampled_from(_TAGS))}
    return copy.deepcopy(_pick(draw, _nodes(tree))[1])


def _pick(draw: st.DrawFn, items: list[Any]) -> Any:
    # A uniform index (st.integers favours small ones, here the root) rather
    # than sampled_from(items): hypothesis would build the repr of every
    # (large) candidate.
    return items[draw(st.sampled_from(range(len(items))))]


def _nodes(tree: Json, path: JsonPath = ()) -> list[tuple[JsonPath, Json]]:
    out: list[tuple[JsonPath, Json]] = [(path, tree)]
    if isinstance(tree, dict):
        for k, v in tree.items():
            out.extend(_nodes(v, (*path, k)))
    elif isinstance(tree, list):
        for i, v in enumerate(tree):
            out.extend(_nodes(v, (*path, i)))
    return out


def _replace(tree: Json, path: JsonPath, value: Json) -> Json:
    if not path:
        return value
    parent = tree
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return tree


@st.composite
def _mutate_once(draw: st.DrawFn, tree: Json) -> Json:
    nodes = _nodes(tree)
    # Objects are where almost everything can go wrong, and there are more
    # places below the root than at it: pick those most often.
    inner = nodes[1:] or nodes
    objects = [n for n in inner if isinstance(n[1], dict)] or inner
    # The older forms only mean something on their classes: aim at those too.
    older = [n for n in inner if isinstance(n[1], dict) and n[1].get("type") in ("page-break", "note-target")]
    where = draw(st.sampled_from(["object", "object", "object", "any", "root", "older"]))
    if where == "older" and older:
        path, node = _pick(draw, older)
    elif where == "root":
        path, node = nodes[0]
    else:
        path, node = _pick(draw, inner if where == "any" else objects)
    node = copy.deepcopy(node)
    if isinstance(node, dict):
        keys = sorted(node)
        ops = ["add", "set-type", "marker", "wrap", "values"]
        if keys:
            ops += ["drop", "drop", "drop-type", "drop-type", "rename", "replace", "replace"]
        op = "older" if where == "older" else draw(st.sampled_from(ops))
        if op == "drop":
            del node[draw(st.sampled_from(keys))]
        elif op == "drop-type":
            node.pop("type", None)
        elif op == "add":
            node[draw(st.sampled_from(_KEYS))] = draw(_values(tree))
        elif op == "rename":
            old, new = draw(st.sampled_from(keys)), draw(st.sampled_from(_KEYS))
            node = {(new if k == old else k): v for k, v in node.items()}
        elif op == "replace":
            node[draw(st.sampled_from(keys))] = draw(_values(tree))
        elif op == "set-type":
            # another class's tag, or something that is no tag
            node["type"] = draw(st.sampled_from([*_TAGS, "para", "Text", "", None, 3, ["p"]]))
        elif op == "marker":
            node["frusdoc"] = draw(st.sampled_from(_MARKERS))
        elif op == "older":
            # the 1.0 forms the reader still reads, right and wrong
            if draw(st.booleans()):
                node["facsimile"] = draw(st.sampled_from([True, False, "yes", None, 1]))
            else:
                for key in draw(st.sets(st.sampled_from(["id", "label"]))):
                    node.pop(key, None)
                node["note"] = draw(st.sampled_from(["3", "85", "fn3", "", 3, None]))
        elif op == "wrap":
            node = [node]
        else:  # an object's values as an array
            node = list(node.values())
    elif isinstance(node, list):
        ops = ["object", "insert"] + (["unwrap", "delete"] if node else [])
        op = draw(st.sampled_from(ops))
        if op == "object":
            node = {str(i): v for i, v in enumerate(node)}
        elif op == "insert":
            node.insert(draw(st.integers(0, len(node))), draw(_values(tree)))
        elif op == "unwrap":
            node = node[0]
        else:
            del node[draw(st.integers(0, len(node) - 1))]
    else:
        op = "scalar"
        node = draw(_values(tree) | st.just([node]) | st.just({"type": "text", "text": node}))
    event(f"op: {op}")
    return _replace(tree, path, node)


#: Valid values of every shape, built once (building the strategies is dear).
_VALUES = st.one_of(
    # whole documents and volumes hold every class: draw them most often
    testing.documents(),
    testing.volumes(),
    testing.documents(),
    testing.volumes(),
    testing.notes(),
    testing.blocks(),
    testing.inlines(),
    testing.targets(),
    testing.emendations(),
    testing.text_layouts(),
    testing.date_ranges(),
    st.builds(m.Text, text=testing.texts()),
)


@st.composite
def _mutants(draw: st.DrawFn) -> Json:
    tree = stdjson.loads(fj.dumps(draw(_VALUES)))
    # Mostly one or two mutations, sometimes none (valid output must pass) or three.
    for _ in range(draw(st.sampled_from([0, 1, 1, 1, 2, 2, 3]))):
        tree = draw(_mutate_once(tree))
    return tree


def reader_accepts(data: Json) -> bool:
    """Whether ``loads`` reads the JSON text of ``data`` (any root type)."""
    try:
        fj.loads(stdjson.dumps(data, ensure_ascii=False))
    except frusdoc.ValidationError:  # FormatVersionError included
        return False
    return True


def schema_accepts(data: Json) -> bool:
    return bool(VALIDATOR.is_valid(data))


# At least 500 examples (about 20 s); the thorough profile runs more.
@settings(max_examples=max(500, settings().max_examples))
@given(_mutants())
def test_schema_accepts_exactly_what_loads_accepts(data: Json) -> None:
    by_reader, by_schema = reader_accepts(data), schema_accepts(data)
    verdicts = {(True, True): "accepted by both", (False, False): "refused by both"}
    event(verdicts.get((by_reader, by_schema), "DISAGREE"))
    assert by_reader == by_schema, (
        f"loads {'accepts' if by_reader else 'refuses'}, the schema {'accepts' if by_schema else 'refuses'}: "
        f"{stdjson.dumps(data, ensure_ascii=False)[:2000]}"
    )


# -- the disagreements the property found, kept as examples ---------------------
#
# Each was a file one side accepted and the other refused; the comment says
# which side changed (see docs/json.md).

_DOC = {"frusdoc": "1.1", "type": "document"}
_PAGE = {"frusdoc": "1.1", "type": "page-break", "label": "1"}
_NOTE_TARGET = {"frusdoc": "1.1", "type": "note-target", "raw": "#d118fn85"}


def _emendation(confidence: Json) -> Json:
    return {"frusdoc": "1.1", "type": "emendation", "original": [], "corrected": [], "confidence": confidence}


@pytest.mark.parametrize(
    ("data", "accepted"),
    [
        pytest.param(_PAGE, True, id="valid"),
        # "type" left out where only one class fits: the reader read it, the
        # schema refused it; the schema now leaves "type" out of "required".
        pytest.param({**_DOC, "notes": [{"label": "1"}]}, True, id="note-without-type"),
        pytest.param({**_DOC, "date": {"not_before": "1942-04-11"}}, True, id="date-without-type"),
        pytest.param({**_DOC, "layout": {"note_cut": True}}, True, id="layout-without-type"),
        pytest.param(
            {**_DOC, "blocks": [{"type": "list", "items": [{"label": "1."}]}]}, True, id="item-without-type"
        ),
        pytest.param(
            {"frusdoc": "1.1", "type": "volume", "id": "v", "persons": [{"id": "p1", "name": "A"}]},
            True,
            id="person-without-type",
        ),
        # ... but never where a union stands, nor at the root
        pytest.param({**_DOC, "blocks": [{"inlines": []}]}, False, id="block-without-type"),
        pytest.param({**_DOC, "notes": [{"type": "p"}]}, False, id="note-typed-as-another-class"),
        pytest.param({"frusdoc": "1.1", "label": "1"}, False, id="root-without-type"),
        pytest.param({**_DOC, "notes": [{"type": None}]}, False, id="null-type"),
        # A Text object is read at the root only, with its tag.
        pytest.param({"frusdoc": "1.1", "type": "text", "text": "x"}, True, id="text-object-at-root"),
        pytest.param({**_DOC, "title": [{"type": "text", "text": "x"}]}, False, id="text-object-in-a-run"),
        # Format markers: the reader took anything starting with digits ("1.x",
        # "1.", "1.1.0", and Unicode digits such as "١.١"); the schema's
        # pattern took "1.1\n" (Python's "$"). Both now take MAJOR.MINOR in
        # ASCII digits without leading zeros, major 1.
        *(
            pytest.param({**_PAGE, "frusdoc": v}, True, id=f"marker-{v}")
            for v in ["1.0", "1.1", "1.9", "1.10"]
        ),
        *(
            pytest.param({**_PAGE, "frusdoc": v}, False, id=f"marker-{v!r}")
            for v in [
                "2.0",
                "0.9",
                "1",
                "1.",
                "1.x",
                "1.1.0",
                "01.1",
                "1.01",
                "1.1\n",
                " 1.1",
                "١.١",
                "１.１",
            ]
        ),
        pytest.param({**_PAGE, "frusdoc": None}, False, id="marker-null"),
        pytest.param({**_PAGE, "frusdoc": 1.1}, False, id="marker-number"),
        pytest.param({"type": "page-break", "label": "1"}, False, id="marker-missing"),
        # A confidence just outside [0, 1] was rounded into it by the model
        # (1.0004 -> 1.0) and read; the reader now checks the number as written.
        pytest.param(_emendation(1), True, id="confidence-1"),
        pytest.param(_emendation(0.9996), True, id="confidence-0.9996"),
        pytest.param(_emendation(1.0004), False, id="confidence-1.0004"),
        pytest.param(_emendation(-0.0004), False, id="confidence--0.0004"),
        pytest.param(_emendation(True), False, id="confidence-true"),
        # The older 1.x forms, read and valid, right and wrong.
        pytest.param({**_PAGE, "facsimile": True}, True, id="facsimile-true"),
        pytest.param({**_PAGE, "facsimile": False, "kind": "typeset"}, True, id="facsimile-false"),
        pytest.param({**_PAGE, "facsimile": True, "kind": "typeset"}, False, id="facsimile-contradicted"),
        pytest.param({**_PAGE, "facsimile": "yes"}, False, id="facsimile-not-a-boolean"),
        pytest.param({**_NOTE_TARGET, "note": "85"}, True, id="note-1.0"),
        pytest.param({**_NOTE_TARGET, "note": "85", "id": "d118fn85"}, False, id="note-beside-id"),
        pytest.param({**_NOTE_TARGET, "note": None}, False, id="note-null"),
    ],
)
def test_schema_and_reader_agree_on(data: Json, accepted: bool) -> None:
    assert (reader_accepts(data), schema_accepts(data)) == (accepted, accepted)
