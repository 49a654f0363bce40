"""The error contract, tested by machine (issue 12, point 2).

Every public callable is found by walking the package, not listed by hand:
every name in the ``__all__`` of every public module (no leading underscore
anywhere in its dotted name; ``frusdoc.testing`` included), the constructors
of the public classes, and their public methods that take arguments. Each
parameter is then driven in turn with wrong values (hypothesis draws, plus a
fixed set of nasty ones: ``None``, numbers, bytes for text, lists for tuples,
a volume for a document and the reverse, ``""``, a 1 MB string, values nested
thousands deep, deeply nested JSON and XML text), the other parameters
holding valid values built from their annotations and the corpus.

The contract: the call returns normally, or raises an exception that is a
:class:`frusdoc.FrusdocError` *and* a builtin error (``TypeError``,
``ValueError``, ``LookupError``, ``OSError``), whose message says where (the
function or the parameter, a field, a position) and what was expected.
Anything else (a bare ``AttributeError``, ``RecursionError``, ``KeyError``)
fails with the callable, the argument and the traceback.

The numbers of callables and of calls are printed in the terminal summary
(``tests/conftest.py``).
"""

from __future__ import annotations

import collections.abc as cabc
import contextlib
import datetime
import enum
import importlib
import inspect
import io
import itertools
import os
import re
import reprlib
import traceback
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

import frusdoc
import frusdoc.batch
import frusdoc.cli
import frusdoc.pairing
import frusdoc.tei.safe
import frusdoc.tei.writer
from frusdoc import model as m
from tests.corpus import DATA, public_modules

# --- the corpus values every valid argument is built from --------------------

VOLUME_PATH = DATA / "tei" / "frus1938v03.xml"
VOL = frusdoc.tei.read_volume(VOLUME_PATH)
DOC = VOL.document("d1")
PAGE_PATH = DATA / "seed.txt"
PAGE = PAGE_PATH.read_text(encoding="utf-8")
PAGE_DOC = frusdoc.text.parse(PAGE)
SOURCE_NOTE = "Department of State, Central Files, 611.61/3-962. Secret. Drafted by Smith."
TEI_DOCUMENT = frusdoc.tei.write_document(DOC)
#: The first text node of DOC: where a valid proposal is anchored.
TEXT_PATH = next(path for path, node in frusdoc.walk(DOC) if type(node) is m.Text)

#: Callables left out, each with why. Besides these, by kind: the error classes
#: (frusdoc builds them from values it holds; the contract is about what is
#: raised, and every call checks that) and enum-like aliases.
EXCLUDED: dict[str, str] = {}

#: Parameters that take a function: a callable of the wrong shape (``int``)
#: fails inside the caller's own code, and its exception propagates unchanged,
#: as Python's own ``map`` or ``sorted(key=...)`` let it.
CALLBACKS: dict[str, str] = {
    "frusdoc.tree.transform.fn": "the caller's function, called as fn(path, node)",
    "frusdoc.tree.transform.descend": "the caller's predicate, called as descend(path, node)",
    "frusdoc.batch.run.function": "the caller's function, called as function(*task)",
    "frusdoc.emend.operations.accept.which": "the caller's predicate, called with each emendation",
    "frusdoc.emend.operations.reject.which": "the caller's predicate, called with each emendation",
    "frusdoc.emend.operations.revert.which": "the caller's predicate, called with each emendation",
}

#: Callables that may end the program, each with why: SystemExit is how it says so.
EXITS: dict[str, str] = {
    "frusdoc.cli.main": "the command line: argparse's usage errors and --help exit (code 2, 0) as in every argparse program",
}

#: Single (callable prefix, fixed value) pairs left out, each with why.
EXCLUDED_VALUES: dict[tuple[str, str], str] = {
    ("frusdoc.tei.reader.Reader.", "deep element"): (
        "the per-element methods of the TEI reader recurse once per level; a guard on each call "
        "would tax the reader's hot path, so the entry points (document_element, volume_element, "
        "read_document, read_volume, iter_documents) turn the RecursionError into a TeiError"
    ),
}

#: Parameters whose valid sample the annotation alone cannot give (a path
#: that exists, a format name, a callback), by ``callable.parameter`` or by
#: parameter name.
NAMED_SAMPLES: dict[str, Callable[[], object]] = {
    "frusdoc.text.reader.parse.s": lambda: PAGE,
    "frusdoc.json.loads.s": lambda: frusdoc.json.dumps(DOC),
    "frusdoc.json.load.fp_or_path": lambda: io.StringIO(frusdoc.json.dumps(DOC)),
    "frusdoc.json.load_lines.source": lambda: frusdoc.json.dumps(DOC) + "\n",
    "frusdoc.json.from_data.data": lambda: frusdoc.json.to_data(DOC),
    "frusdoc.json.dump.fp_or_path": io.StringIO,
    "frusdoc.json.dump_lines.fp": io.StringIO,
    "frusdoc.formats.read.source": lambda: PAGE_PATH,
    "frusdoc._io.read_source.source": lambda: PAGE_PATH,
    "frusdoc.formats.sniff.content": lambda: PAGE,
    "frusdoc.formats.write.format": lambda: "json",
    "frusdoc.formats.write.target": io.StringIO,
    "frusdoc._io.write_target.target": io.StringIO,
    "frusdoc.tei.loads.s": lambda: TEI_DOCUMENT,
    "frusdoc.tei.load.fp_or_path": lambda: VOLUME_PATH,
    "frusdoc.text.load.fp_or_path": lambda: PAGE_PATH,
    "frusdoc.table.convert_files.to": lambda: "csv",
    "frusdoc.table.convert_files.inputs": lambda: [(str(PAGE_PATH), "text")],
    "frusdoc.emend.operations.Proposal.anchor": lambda: frusdoc.anchor.Anchor(path=TEXT_PATH),
    "frusdoc.emend.operations.Proposal.makes.doc": lambda: DOC,
    "frusdoc.tei.reading.read_document.xml": lambda: TEI_DOCUMENT,
    "frusdoc.tei.reading.read_volume.src": lambda: VOLUME_PATH,
    "frusdoc.tei.reading.iter_documents.src": lambda: VOLUME_PATH,
    "frusdoc.tei.reading.document_element.el": lambda: frusdoc.tei.safe.parse_xml(TEI_DOCUMENT.encode()),
    "frusdoc.tei.reading.volume_element.root": lambda: frusdoc.tei.safe.parse_xml(VOLUME_PATH.read_bytes()),
    "frusdoc.tei.safe.open_source.src": lambda: VOLUME_PATH,
    "frusdoc.tei.safe.parse_xml.data": lambda: TEI_DOCUMENT.encode(),
    "frusdoc.tei.pointers.parse_target.raw": lambda: "#d1",
    "frusdoc.citations.parse.text": lambda: SOURCE_NOTE,
    "frusdoc.citations.parse_source_note.text": lambda: SOURCE_NOTE,
    "frusdoc.citations.find.text": lambda: SOURCE_NOTE,
    "frusdoc.refs.roman_to_int.roman": lambda: "XIV",
    "frusdoc.refs.volume_id.years": lambda: "1961-63",
    "frusdoc.refs.volume_id.vol": lambda: "15",
    "frusdoc.tree.transform.fn": lambda: (lambda _path, node: node),
    "frusdoc.cli.main.argv": lambda: ["stats", str(PAGE_PATH)],
    "frusdoc.cli.main.stdout": io.StringIO,
    "frusdoc.batch.run.function": lambda: frusdoc.batch.stats_file,
    "frusdoc.batch.run.tasks": lambda: [(str(PAGE_PATH), "text")],
    "frusdoc.batch.run.jobs": lambda: 1,
    "frusdoc.batch.expand_inputs.inputs": lambda: [str(PAGE_PATH)],
    "frusdoc.text.markers.align.lines": lambda: PAGE.splitlines(),
    "frusdoc.text.markers.candidates.lines": lambda: PAGE.splitlines(),
    "frusdoc.text.markers.align.count": lambda: 3,
    "frusdoc.tei.writer.Writer.inlines.parent": lambda: frusdoc.tei.safe.parse_xml(b"<p/>"),
    "frusdoc.tei.writer.Writer.blocks.parent": lambda: frusdoc.tei.safe.parse_xml(b"<div/>"),
    "frusdoc.tei.writer.Writer.block.parent": lambda: frusdoc.tei.safe.parse_xml(b"<div/>"),
    "frusdoc.batch.load.path": lambda: str(PAGE_PATH),
    "frusdoc.batch.detect.path": lambda: str(PAGE_PATH),
    "frusdoc.batch.convert_file.target": lambda: "out.json",
    "frusdoc.batch.emend_file.target": lambda: "out.json",
    "frusdoc.tree.format_path.path": lambda: ("blocks", 0),
    "frusdoc.model.document.Document.note.label": lambda: next(n.label for n in DOC.notes if n.label),
    "frusdoc.tei.writer.Writer.inline.node": lambda: m.Emphasis(rend="italic", children=(m.Text(text="x"),)),
    "frusdoc.text.markers.follows.prev": lambda: "84",
    "frusdoc.text.markers.follows.label": lambda: "85",
    "source": lambda: str(PAGE_PATH),  # the batch functions' input file
    "fmt": lambda: "text",
    "to": lambda: "json",
    "status": lambda: "proposed",
    "directory": lambda: "tables",  # the table writers' output directory (not a file an earlier call wrote)
    "el": lambda: frusdoc.tei.safe.parse_xml(TEI_DOCUMENT.encode()),
    "root": lambda: frusdoc.tei.safe.parse_xml(VOLUME_PATH.read_bytes()),
}


# --- finding the callables ---------------------------------------------------


def public_module_objects() -> list[types.ModuleType]:
    return [importlib.import_module(name) for name in public_modules()]


def _is_error(obj: object) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseException)


@dataclass(frozen=True)
class Case:
    """One callable: its name, how to get it (bound to a valid instance for a method)."""

    name: str
    get: Callable[[], Callable[..., object]]
    signature: inspect.Signature
    hints: dict[str, Any]


def _hints(fn: object, module: types.ModuleType) -> dict[str, Any]:
    target = fn.__init__ if isinstance(fn, type) and not attrs.has(fn) else fn  # type: ignore[misc]
    try:
        return typing.get_type_hints(target)
    except NameError:
        # A name only imported for type checking: resolve what resolves.
        out: dict[str, Any] = {}
        namespace = {**vars(frusdoc.model), **vars(module), "m": frusdoc.model}
        for name, ann in getattr(target, "__annotations__", {}).items():
            with contextlib.suppress(Exception):
                out[name] = eval(ann, namespace) if isinstance(ann, str) else ann
        return out


def _signature(fn: Callable[..., object]) -> inspect.Signature | None:
    try:
        return inspect.signature(fn)
    except (TypeError, ValueError):
        return None


def public_callables() -> list[Case]:
    cases: list[Case] = []
    seen: set[int] = set()
    for module in public_module_objects():
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if id(obj) in seen or inspect.ismodule(obj):
                continue
            if not (inspect.isfunction(obj) or (isinstance(obj, type) and not isinstance(obj, types.GenericAlias))):
                continue  # a constant or a type alias (``Block``, ``Path``)
            seen.add(id(obj))
            owner = getattr(obj, "__module__", module.__name__)
            qual = f"{owner}.{obj.__qualname__}"
            if _is_error(obj) or issubclass(type(obj), enum.EnumMeta):
                continue
            sig = _signature(obj)
            if sig is None:
                continue
            defining = importlib.import_module(owner)
            if sig.parameters:
                cases.append(Case(qual, _constant(obj), sig, _hints(obj, defining)))
            if isinstance(obj, type):
                cases.extend(_methods(obj, qual, defining))
    return [c for c in cases if c.name not in EXCLUDED]


def _methods(cls: type, qual: str, module: types.ModuleType) -> Iterator[Case]:
    for name, raw in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(raw, staticmethod):
            fn, bind = raw.__func__, False
        elif isinstance(raw, classmethod):
            fn, bind = raw.__func__, True
        elif inspect.isfunction(raw):
            fn, bind = raw, True
        else:
            continue  # properties take no arguments
        sig = inspect.signature(fn)
        params = list(sig.parameters.values())[1 if bind else 0 :]
        if not params:
            continue
        get = _getter(cls, name, bound=not isinstance(raw, (staticmethod, classmethod)))
        yield Case(f"{qual}.{name}", get, sig.replace(parameters=params), _hints(fn, module))


def _constant(obj: Callable[..., object]) -> Callable[[], Callable[..., object]]:
    return lambda: obj


def _getter(cls: type, name: str, *, bound: bool) -> Callable[[], Callable[..., object]]:
    def get() -> Callable[..., object]:
        method: Callable[..., object] = getattr(instance_of(cls) if bound else cls, name)
        return method

    return get


# --- valid samples -----------------------------------------------------------

_POOL: list[object] = []


def _pool() -> list[object]:
    if not _POOL:
        for root in (VOL, PAGE_DOC):
            _POOL.extend(node for _, node in frusdoc.walk(root))
        _POOL.extend(frusdoc.citations.find(SOURCE_NOTE))
        _POOL.append(frusdoc.citations.parse_source_note(SOURCE_NOTE))
        _POOL.extend(frusdoc.refs.find("See Document 5 and footnote 3 above."))
        _POOL.append(frusdoc.pairing.NoteMatcher.for_document(DOC))
    return _POOL


def instance_of(cls: type) -> object:
    """A valid instance of ``cls``: from the corpus, else built from its constructor's samples."""
    for node in _pool():
        if type(node) is cls:
            return node
    for node in _pool():
        if isinstance(node, cls):
            return node
    if cls is frusdoc.tei.writer.Writer:
        return cls(frusdoc.pairing.NoteMatcher.for_document(DOC))
    sig = inspect.signature(cls)
    hints = _hints(cls, importlib.import_module(cls.__module__))
    prefix = f"{cls.__module__}.{cls.__qualname__}"
    kwargs = {
        p.name: sample(f"{prefix}.{p.name}", p.name, hints.get(p.name, Any))
        for p in sig.parameters.values()
        if (p.default is inspect.Parameter.empty or f"{prefix}.{p.name}" in NAMED_SAMPLES)
        and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    }
    return cls(**kwargs)


class NoSample(Exception):
    pass


def sample(key: str, name: str, tp: Any) -> object:
    """A valid value for a parameter of annotation ``tp``."""
    for k in (key, name):
        if k in NAMED_SAMPLES:
            return NAMED_SAMPLES[k]()
    return _from_type(tp)


def _from_type(tp: Any) -> object:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp is Any or tp is object:
        return DOC
    if tp is type(None):
        return None
    if origin is typing.Literal:
        return args[0]
    if origin is typing.Union or origin is types.UnionType:
        for arg in args:
            if arg is not type(None):
                with contextlib.suppress(NoSample):
                    return _from_type(arg)
        return None
    if tp is str:
        return "d1"
    if tp is bool:
        return False
    if tp is int:
        return 1
    if tp is float:
        return 0.5
    if tp is bytes:
        return PAGE.encode()
    if origin in (tuple, cabc.Sequence, cabc.Iterable, cabc.Iterator):
        return ()
    if origin is list:
        return []
    if origin in (frozenset, set, cabc.Set):
        return frozenset()
    if tp is datetime.datetime:
        return datetime.datetime(1962, 3, 9, 5, tzinfo=datetime.UTC)
    if tp is datetime.date:
        return datetime.date(1962, 3, 9)
    if origin is dict:
        return {}
    if origin is type:
        return m.Document
    if origin is cabc.Callable:
        return lambda *_: None
    if isinstance(tp, type):
        if tp is m.Document:
            return DOC
        if tp is m.Volume:
            return VOL
        if issubclass(tp, BaseException):
            return tp("an error")
        return instance_of(tp)
    if isinstance(tp, typing.TypeVar):
        return m.Document
    if origin is typing.IO or tp is typing.TextIO:
        return io.StringIO()
    raise NoSample(repr(tp))


# --- wrong values ------------------------------------------------------------


class Unrelated:
    """An object of a class frusdoc knows nothing of."""

    def __repr__(self) -> str:
        return "Unrelated()"


def _nested_list(depth: int) -> list[object]:
    value: list[object] = []
    for _ in range(depth):
        value = [value]
    return value


def _nested_dict(depth: int) -> dict[str, object]:
    value: dict[str, object] = {}
    for _ in range(depth):
        value = {"type": "Document", "blocks": value}
    return value


DEPTH = 20_000
DEEP_JSON = "[" * DEPTH + "]" * DEPTH
DEEP_FRUSDOC = (
    '{"frusdoc": "1.1", "type": "Document", "blocks": [{"type": "Paragraph", "inlines": '
    + '[{"type": "Emphasis", "rend": "italic", "children": ' * DEPTH
    + "[]"
    + "}]" * DEPTH
    + "}]}"
)
DEEP_XML = "<a>" * DEPTH + "</a>" * DEPTH
DEEP_TEI = (
    '<div xmlns="http://www.tei-c.org/ns/1.0" type="document" xml:id="d1"><p>'
    + "<hi rend='italic'>" * DEPTH
    + "x"
    + "</hi>" * DEPTH
    + "</p></div>"
)
HUGE = "FRUS " * 200_000  # 1 MB of text
DEEP_LIST = _nested_list(DEPTH)
DEEP_ELEMENT = frusdoc.tei.safe.parse_xml(TEI_DOCUMENT.encode())
_leaf = DEEP_ELEMENT
for _ in range(DEPTH // 4):  # lxml builds trees deeper than its parser reads
    _leaf = etree.SubElement(_leaf, "{http://www.tei-c.org/ns/1.0}hi")
DEEP_DICT = _nested_dict(DEPTH)


@dataclass(frozen=True)
class Fixed:
    """A fixed wrong value, shown by its label."""

    label: str
    make: Callable[[], object]

    def __repr__(self) -> str:
        return f"<{self.label}>"

#: Fixed wrong values, run for every parameter before hypothesis draws more.
#: Each is made fresh for each call (file objects are consumed), and handed to
#: hypothesis as its label only: hypothesis's own printer recurses.
FIXED: list[tuple[str, Callable[[], object]]] = [
    ("None", lambda: None),
    ("int", lambda: 7),
    ("negative int", lambda: -1),
    ("big int", lambda: 2**80),
    ("float", lambda: 1.5),
    ("nan", lambda: float("nan")),
    ("bool", lambda: True),
    ("bytes", lambda: b"bytes \xff\xfe"),
    ("bytes of the page", lambda: PAGE.encode()),
    ("empty str", lambda: ""),
    ("huge str", lambda: HUGE),
    ("deep JSON text", lambda: DEEP_JSON),
    ("deep frusdoc JSON text", lambda: DEEP_FRUSDOC),
    ("deep XML text", lambda: DEEP_XML),
    ("deep TEI text", lambda: DEEP_TEI),
    ("deep XML bytes", lambda: DEEP_TEI.encode()),
    ("list", lambda: ["d1"]),
    ("list of nodes", lambda: [m.Text(text="x")]),
    ("tuple of junk", lambda: (1, None)),
    ("dict", lambda: {"type": "Document"}),
    ("deep list", lambda: DEEP_LIST),
    ("deep dict", lambda: DEEP_DICT),
    ("object", Unrelated),
    ("Volume", lambda: VOL),
    ("Document", lambda: DOC),
    ("Paragraph", lambda: m.Paragraph()),
    ("Text", lambda: m.Text(text="x")),
    ("NoteRef", lambda: m.NoteRef(label="99")),
    ("Note", lambda: m.Note()),
    ("type", lambda: int),
    ("deep element", lambda: DEEP_ELEMENT),
    ("document holding U+0000", lambda: m.Document(id="d1", blocks=(m.Paragraph(inlines=(m.Text(text="a\x00b"),)),))),
    ("text file", lambda: io.StringIO("not a frusdoc input")),
    ("binary file", lambda: io.BytesIO(b"\x00\x01")),
]

DRAWN = st.one_of(
    st.none(),
    st.integers(),
    st.floats(),
    st.binary(max_size=16),
    st.text(max_size=12),
    st.lists(st.integers() | st.text(max_size=4), max_size=3),
    st.tuples(st.integers(), st.text(max_size=3)),
    st.dictionaries(st.text(max_size=4), st.integers() | st.none(), max_size=3),
    st.sampled_from([VOL, DOC, m.Paragraph(), m.Text(text="x"), m.PageBreak(label="3"), Unrelated()]),
)

# --- the contract ------------------------------------------------------------

BUILTINS = (TypeError, ValueError, LookupError, OSError, ArithmeticError)
SAYS_WHAT = ("expected", "takes", "must", "not a", "not an", "is not", "no ", "cannot", "too deep", "depth")

STATS = {"callables": 0, "calls": 0}
_short = reprlib.Repr()
_short.maxstring = 60
_short.maxother = 60
_short.maxlevel = 3


def _consume(result: object) -> None:
    # Lazy results (generators, iterators) raise when iterated, not when made.
    if isinstance(result, (cabc.Iterator, cabc.Generator)):
        for _ in itertools.islice(result, 50):
            pass


_POSITION = re.compile(r"\b(line|byte|column|offset) \d|\$")
_FILE = re.compile(r": cannot (read|write)\b")  # "{path}: cannot read: ...", the file is the place
_FIELD = re.compile(r"\b[A-Z]\w*\.\w+: ")


def _violation(case: Case, param: str, exc: BaseException) -> str | None:
    """What is wrong with ``exc`` as a frusdoc error for a call of ``case``, or ``None``."""
    message = str(exc)
    if not isinstance(exc, frusdoc.FrusdocError):
        return "not a FrusdocError"
    if not isinstance(exc, BUILTINS):
        return "a FrusdocError but no builtin error"
    if not message.strip():
        return "an empty message"
    parts = case.name.split(".")
    short = parts[-1]
    owner = f"{parts[-2]}." if parts[-2][:1].isupper() else short  # a method: its class names the place
    position = _POSITION.search(message) is not None or _FILE.search(message) is not None
    if not (short in message or owner in message or param in message or position or _FIELD.search(message)):
        return "a message that names no place (function, parameter, field or position)"
    # A parser's message at a position says what is wrong there.
    if not (position or any(word in message.lower() for word in SAYS_WHAT)):
        return "a message that does not say what was expected"
    return None


def drive(case: Case, param: str, value: object, valid: dict[str, object]) -> None:
    """Call ``case`` with ``value`` for ``param`` and valid values elsewhere; check what it raises."""
    if isinstance(value, Fixed):
        if any(case.name.startswith(prefix) and value.label == label for prefix, label in EXCLUDED_VALUES):
            return
        value = value.make()
    if callable(value) and f"{case.name}.{param}" in CALLBACKS:
        return
    fn = case.get()
    given_values = {**valid, param: value}
    args: list[object] = []
    named: dict[str, object] = {}
    for p in case.signature.parameters.values():
        if p.name not in given_values:
            continue
        if p.kind is p.POSITIONAL_ONLY:
            args.append(given_values[p.name])
        else:
            named[p.name] = given_values[p.name]
    STATS["calls"] += 1
    try:
        _consume(fn(*args, **named))
    except KeyboardInterrupt:
        raise
    except SystemExit:
        if case.name not in EXITS:
            raise AssertionError(f"{case.name}({param}={_short.repr(value)}) raised SystemExit") from None
    except BaseException as exc:  # noqa: BLE001 - SystemExit, RecursionError: all are checked
        problem = _violation(case, param, exc)
        if problem is not None:
            trace = "".join(traceback.format_exception(exc))
            raise AssertionError(
                f"{case.name}({param}={_short.repr(value)}) raised {type(exc).__name__}: {problem}\n"
                f"message: {str(exc)[:300]!r}\n{trace[-3000:]}"
            ) from None


CASES = public_callables()


def _valid(case: Case) -> dict[str, object]:
    out: dict[str, object] = {}
    for p in case.signature.parameters.values():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if p.default is not inspect.Parameter.empty and f"{case.name}.{p.name}" not in NAMED_SAMPLES:
            continue
        out[p.name] = sample(f"{case.name}.{p.name}", p.name, case.hints.get(p.name, Any))
    return out


@pytest.fixture(autouse=True, scope="module")
def _in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    # Writers given a path write there: never into the checkout.
    here = os.getcwd()
    os.chdir(tmp_path_factory.mktemp("contract"))
    try:
        yield
    finally:
        os.chdir(here)


def test_enumeration_finds_the_surface() -> None:
    names = {c.name for c in CASES}
    # A few of each kind, so an enumeration that silently finds nothing fails.
    for expected in (
        "frusdoc.text.reader.parse",
        "frusdoc.formats.read",
        "frusdoc.json.loads",
        "frusdoc.tei.reading.read_volume",
        "frusdoc.model.document.Document",
        "frusdoc.model.volume.Volume.document",
        "frusdoc.diagnostics.Diagnostic",
        "frusdoc.pairing.NoteMatcher.match",
        "frusdoc.emend.operations.Proposal.emendation",
        "frusdoc.testing.texts",
    ):
        assert expected in names, expected
    assert len(CASES) > 150


def test_valid_arguments_are_valid() -> None:
    # The wrong values only reach the code under test if the other arguments
    # are right: every callable called with its valid samples alone succeeds.
    failed = []
    for case in CASES:
        valid = _valid(case)
        params = case.signature.parameters.values()
        args = [valid[p.name] for p in params if p.kind is p.POSITIONAL_ONLY and p.name in valid]
        named = {p.name: valid[p.name] for p in params if p.kind is not p.POSITIONAL_ONLY and p.name in valid}
        try:
            _consume(case.get()(*args, **named))
        except Exception as exc:  # noqa: BLE001 - listed, then asserted empty
            failed.append(f"{case.name}: {type(exc).__name__}: {str(exc)[:100]}")
    assert failed == []


def test_named_samples_name_real_parameters() -> None:
    # A sample keyed by a callable and parameter that no longer exist would
    # silently stop being used.
    known = {f"{c.name}.{p}" for c in CASES for p in c.signature.parameters}
    names = {p for c in CASES for p in c.signature.parameters}
    stale = [k for k in NAMED_SAMPLES if k not in known and k not in names]
    assert stale == []
    assert set(CALLBACKS) <= known
    assert set(EXITS) <= {c.name for c in CASES}


@pytest.mark.parametrize("case", CASES, ids=[c.name.removeprefix("frusdoc.") for c in CASES])
def test_error_contract(case: Case) -> None:
    STATS["callables"] += 1
    valid = _valid(case)
    for p in case.signature.parameters.values():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        _drive_parameter(case, p.name, valid)


def _drive_parameter(case: Case, param: str, valid: dict[str, object]) -> None:
    @settings(
        max_examples=4,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(value=DRAWN)
    def run(value: object) -> None:
        drive(case, param, value, valid)

    test = run
    for label, make in reversed(FIXED):
        test = example(value=Fixed(label, make))(test)
    test()
