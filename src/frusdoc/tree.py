"""Traversal of the model and values derived from it.

Everything here is computed on demand, never stored: paths of nodes, the plain
text of a run of inlines, word counts.
"""

from __future__ import annotations

import itertools
import re
import typing
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal, Union

import attrs

from frusdoc import _args
from frusdoc import model as m
from frusdoc.errors import NodeTypeError
from frusdoc.tags import TAG_OF_CLASS

__all__ = [
    "Node",
    "Path",
    "Replacement",
    "Reading",
    "format_path",
    "is_markup",
    "page_marker",
    "plain_text",
    "raw_nodes",
    "transform",
    "walk",
    "word_count",
]

Path = tuple[str | int, ...]
"""Where a node sits below the root: field names and tuple indices."""

Reading = Literal["original", "corrected"]
"""Which side of an emendation a derived value reads: the printed ``original`` or the ``corrected`` text."""


def _child_fields(cls: type) -> tuple[str, ...]:
    # Fields that can hold model nodes; text-layout and date ranges are data,
    # not nodes, but they are still yielded so that walk() covers everything.
    return tuple(a.name for a in attrs.fields(cls))


_FIELDS: dict[type, tuple[str, ...]] = {cls: _child_fields(cls) for cls in TAG_OF_CLASS}


@typing.overload
def walk(node: Node) -> Iterator[tuple[Path, Node]]: ...
@typing.overload
def walk(node: object) -> Iterator[tuple[Path, object]]: ...
def walk(node: object) -> Iterator[tuple[Path, object]]:
    """Yield ``(path, node)`` for ``node`` and every model node below it, in
    document order (depth first, pre-order).

    The path of the root is ``()``; ``("blocks", 3, "inlines", 2)`` is the third
    inline of the fourth block. A root that is no model node is yielded alone.
    Iterative, so arbitrarily deep trees are fine.
    """
    stack: list[tuple[Path, object]] = [((), node)]
    while stack:
        path, current = stack.pop()
        yield path, current
        names = _FIELDS.get(type(current))
        if names is None:
            continue
        children: list[tuple[Path, Any]] = []
        for name in names:
            value = getattr(current, name)
            if type(value) in _FIELDS:
                children.append(((*path, name), value))
            elif type(value) is tuple:
                children.extend(((*path, name, i), v) for i, v in enumerate(value) if type(v) in _FIELDS)
        stack.extend(reversed(children))


@attrs.define
class _Frame:
    # One node whose children are being transformed: ``kids`` are its child
    # nodes as (field, index or None, node), ``results`` what each became.
    path: Path
    node: Any
    kids: list[tuple[str, int | None, Any]]
    results: list[Any] = attrs.Factory(list)


def _kids(
    node: Any, path: Path, descend: Callable[[Path, Node], bool] | None
) -> list[tuple[str, int | None, Any]]:
    names = _FIELDS.get(type(node))
    if not names or (descend is not None and not descend(path, node)):
        return []
    kids: list[tuple[str, int | None, Any]] = []
    for name in names:
        value = getattr(node, name)
        if type(value) in _FIELDS:
            kids.append((name, None, value))
        elif type(value) is tuple:
            kids.extend((name, i, v) for i, v in enumerate(value) if type(v) in _FIELDS)
    return kids


def _rebuilt(frame: _Frame) -> Any:
    # The node with its children's results in place; the node itself (same
    # identity) when every child came back unchanged.
    changes: dict[str, Any] = {}
    groups: dict[str, list[tuple[int | None, Any, Any]]] = {}
    for (name, index, old), new in zip(frame.kids, frame.results, strict=True):
        groups.setdefault(name, []).append((index, old, new))
    for name, group in groups.items():
        if all(old is new for _, old, new in group):
            continue
        if group[0][0] is None:  # a single node field
            new = group[0][2]
            if type(new) is tuple:
                raise NodeTypeError(
                    f"transform(): {format_path((*frame.path, name))} holds one node, not a tuple of nodes"
                )
            changes[name] = new
            continue
        results = {index: new for index, _, new in group}
        out: list[Any] = []
        for i, value in enumerate(getattr(frame.node, name)):
            new = results.get(i, value)
            if type(new) is tuple:
                out.extend(new)
            else:
                out.append(new)
        changes[name] = tuple(out)
    return attrs.evolve(frame.node, **changes) if changes else frame.node


def _checked(value: object, path: Path) -> object:
    if type(value) in _FIELDS or (type(value) is tuple and all(type(v) in _FIELDS for v in value)):
        return value
    raise NodeTypeError(
        f"transform(): the function returned {type(value).__name__} for {format_path(path)}, "
        "not a model node or a tuple of model nodes"
    )


def transform(
    node: Node,
    fn: Callable[[Path, Node], Replacement],
    *,
    descend: Callable[[Path, Node], bool] | None = None,
) -> Node:
    """``node`` rebuilt bottom-up by ``fn``, without changing ``node``.

    ``fn(path, node)`` is called once for every model node (paths as in
    :func:`walk`, the place of the node in the *input* tree), children before
    their parent (post-order), the parent seeing its children's results. It
    returns the node itself for no change, a replacement node, or, for a node
    inside a tuple field (a run of inlines, a list of blocks), a tuple of
    nodes spliced in its place (``()`` removes it). Only the path from a
    changed node up to the root is copied: every unchanged subtree is the
    same object in the result. ``descend(path, node)``, when given, says
    whether to visit a node's children at all (``fn`` is still called on the
    node itself): a cheap way to leave whole subtrees alone.

    Iterative, so arbitrarily deep trees are fine. Raises
    :class:`~frusdoc.NodeTypeError` (a ``TypeError``) when ``fn`` returns
    something else than a node or a tuple of nodes, or a tuple where one node
    belongs (the root, a single-node field).
    """
    _args.expect_callable("transform(fn)", fn)
    _args.expect_callable("transform(descend)", descend, optional=True)
    kids = _kids(node, (), descend)
    if not kids:
        return _root(fn((), node))
    stack = [_Frame((), node, kids)]
    while True:
        frame = stack[-1]
        done = len(frame.results)
        if done < len(frame.kids):
            name, index, child = frame.kids[done]
            path = (*frame.path, name) if index is None else (*frame.path, name, index)
            kids = _kids(child, path, descend)
            if kids:
                stack.append(_Frame(path, child, kids))
            else:
                frame.results.append(_checked(fn(path, child), path))
            continue
        stack.pop()
        value = _checked(fn(frame.path, _rebuilt(frame)), frame.path)
        if not stack:
            return _root(value)
        stack[-1].results.append(value)


def _root(value: object) -> Node:
    _checked(value, ())
    if type(value) is tuple:
        raise NodeTypeError("transform(): the root must be replaced by one node, not a tuple of nodes")
    return typing.cast(Node, value)  # _checked: a model node


def is_markup(node: object) -> bool:
    """Is ``node`` a comment or processing instruction (``RawInline``/``RawBlock``
    with tag ``#comment`` or ``#pi``)? They are kept in the model and in TEI, and
    are never part of a document's text."""
    return isinstance(node, (m.RawInline, m.RawBlock)) and node.tag in ("#comment", "#pi")


def raw_nodes(node: object) -> Iterator[tuple[Path, m.RawBlock | m.RawInline]]:
    """Every :class:`RawBlock` and :class:`RawInline` below ``node``, with its path:
    what a reader kept because the model has no type for it there, nested raw
    nodes each counted. Not included: comments and processing instructions
    (:func:`is_markup`: kept by design, not for want of a type), and a volume's
    ``header``, raw by design."""
    for path, child in walk(node):
        if (
            isinstance(child, (m.RawBlock, m.RawInline))
            and not is_markup(child)
            and not (isinstance(node, m.Volume) and path[:1] == ("header",))
        ):
            yield path, child


def format_path(path: Path) -> str:
    """A path in the JSONPath form used by error messages: ``$.blocks[3].inlines[2]``."""
    _args.expect("format_path(path)", path, tuple, "a tuple of str and int")
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)


Node = Union[
    m.Inline,
    m.Block,
    m.ListItem,
    m.Row,
    m.Cell,
    m.Note,
    m.Document,
    m.Division,
    m.Volume,
    m.Person,
    m.Term,
    m.Title,
    m.Editor,
    m.Outside,
    m.Target,
    m.DateRange,
    m.TextLayout,
    m.PartAttributes,
]
"""Any node of the model."""

Replacement = Union[Node, tuple[Node, ...]]
"""What a :func:`transform` function returns: a node, or nodes to splice into a tuple."""

# What stands between two blocks (and a title and its first block), two list
# items or table rows, two cells of a row in plain_text().
_BLOCK_SEPARATOR = "\n\n"
_LINE_SEPARATOR = "\n"
_CELL_SEPARATOR = "\t"

# Nodes without running text: data about a node, not text a reader reads.
_NO_TEXT = (m.DateRange, m.TextLayout, m.PartAttributes, *typing.get_args(m.Target))


def plain_text(
    node: Node | Iterable[m.Inline],
    *,
    reading: Reading = "original",
    markers: bool = False,
    page_breaks: bool = False,
    notes: bool = False,
) -> str:
    """The running text of a node or of a run of inlines: what a reader reads.

    Note markers and page breaks are left out unless asked for (``markers``
    shows a marker's label, ``page_breaks`` shows ``[Page N]``). ``reading``
    chooses the printed (``original``) or ``corrected`` side of emendations;
    rejected emendations always read as printed. Comments and processing
    instructions (:func:`is_markup`) are never text.

    A run of inlines (a tuple such as ``paragraph.inlines``) gives the text of
    the run itself, a block embedded in it (:class:`~frusdoc.Embedded`) left
    out. A node gives all of its text: an embedded block set off by blank
    lines; the blocks of a container, a note, a document or a division one
    after another with a blank line between them;
    list items and table rows one a line, cells separated by a tab. The text
    of a document is its title and its blocks; a document's, division's or
    volume's notes are added after them only with ``notes=True`` (each after
    its label and a space when ``markers=True``). A volume is its divisions'
    text; a person or term entry its name and description (``Rusk, Dean,
    Secretary of State``). Targets, date ranges and layouts have no text
    (``""``). Iterative, so arbitrarily deep trees are fine.

    Raises :class:`~frusdoc.NodeTypeError` (a ``TypeError``) for a value that
    is neither a model node nor a run of inlines.
    """
    if type(node) is tuple:  # the common case first: a field's run of inlines
        return _run_text(node, reading == "corrected", markers, page_breaks)
    if type(node) in _FIELDS:
        return _node_text(
            node, _Options(reading=reading, markers=markers, page_breaks=page_breaks, notes=notes)
        )
    if isinstance(node, (str, bytes)) or not isinstance(node, Iterable):
        raise NodeTypeError(f"plain_text() takes a model node or a run of inlines, not {type(node).__name__}")
    return _run_text(node, reading == "corrected", markers, page_breaks)


@attrs.frozen
class _Options:
    reading: Reading
    markers: bool
    page_breaks: bool
    notes: bool


def _run_text(inlines: Iterable[object], corrected: bool, markers: bool, page_breaks: bool) -> str:
    # The text of a run of inlines, embedded blocks left out: the offsets of
    # the run's own text (refs.annotate, check) depend on it. Exact-type tests
    # first (mypy narrows them): this is the hot loop of word_count and annotate.
    out: list[str] = []
    stack: list[Iterator[object]] = [iter(inlines)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
        elif type(node) is m.Text:
            out.append(node.text)
        elif type(node) is m.NoteRef:
            if markers:
                out.append(node.label)
        elif type(node) is m.PageBreak:
            if page_breaks:
                out.append(page_marker(node))
        elif type(node) is m.LineBreak:
            out.append("\n")
        elif type(node) is m.Emendation:
            use_corrected = corrected and node.status != "rejected"
            stack.append(iter(node.corrected if use_corrected else node.original))
        elif isinstance(node, (m.Emphasis, m.Reference, m.Name, m.DateText, m.Gap)):
            stack.append(iter(node.children))
        elif isinstance(node, m.RawInline):
            if not is_markup(node):  # an editor's comment or a processing instruction is not text
                stack.append(iter(node.children))
        elif not isinstance(node, m.Embedded):
            raise NodeTypeError(
                f"plain_text() found {type(node).__name__} in a run of inlines, not an inline"
            )
    return "".join(out)


def _node_text(root: object, options: _Options) -> str:
    # Each node expands to a sequence of strings and child nodes; the child
    # nodes are expanded in turn from an explicit stack, never by recursion.
    out: list[str] = []
    stack: list[Iterator[object]] = [iter((root,))]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
        elif type(item) is str:
            out.append(item)
        else:
            stack.append(_expand(item, options))
    return "".join(out)


def _joined(parts: Iterable[object], separator: str) -> Iterator[object]:
    first = True
    for part in parts:
        if is_markup(part):
            continue  # a comment between two blocks is no text and no separator
        if not first:
            yield separator
        first = False
        yield part


def _run(inlines: tuple[m.Inline, ...], options: _Options) -> Iterator[object]:
    last = len(inlines) - 1
    for i, node in enumerate(inlines):
        if type(node) is m.Embedded:
            # set off as a block, as the website sets off a list inside a paragraph
            yield _BLOCK_SEPARATOR
            yield node.block
            if i != last:
                yield _BLOCK_SEPARATOR
        else:
            yield node
            if i != last and _ends_with_block(node, options):
                yield _BLOCK_SEPARATOR  # a block that ends a highlight or a gap is set off too


def _ends_with_block(node: object, options: _Options) -> bool:
    """Whether the text of an inline ends with an embedded block (its last
    child's, or its last child's last child's...), read without recursion."""
    while True:
        if type(node) is m.Embedded:
            return True
        if isinstance(node, m.Emendation):
            corrected = options.reading == "corrected" and node.status != "rejected"
            children = node.corrected if corrected else node.original
        elif isinstance(node, (m.Emphasis, m.Reference, m.Name, m.DateText, m.Gap)) or (
            isinstance(node, m.RawInline) and not is_markup(node)
        ):
            children = node.children
        else:
            return False
        if not children:
            return False
        node = children[-1]


def _with_notes(pieces: Iterator[object], notes: tuple[m.Note, ...], options: _Options) -> Iterator[object]:
    if options.notes:
        pieces = itertools.chain(pieces, notes)
    return _joined(pieces, _BLOCK_SEPARATOR)


def _expand(node: object, options: _Options) -> Iterator[object]:
    if isinstance(node, m.Text):
        return iter((node.text,))
    if isinstance(node, m.NoteRef):
        return iter((node.label,) if options.markers else ())
    if isinstance(node, m.PageBreak):
        return iter((page_marker(node),) if options.page_breaks else ())
    if isinstance(node, m.LineBreak):
        return iter(("\n",))
    if isinstance(node, m.Emendation):
        corrected = options.reading == "corrected" and node.status != "rejected"
        return _run(node.corrected if corrected else node.original, options)
    if isinstance(node, m.Embedded):
        return iter((node.block,))
    if is_markup(node) or isinstance(node, _NO_TEXT):
        return iter(())
    if isinstance(node, (m.Emphasis, m.Reference, m.Name, m.DateText, m.Gap, m.RawInline)):
        return _run(node.children, options)
    if isinstance(node, (m.Paragraph, m.Plain, m.Heading, m.Dateline, m.Signed, m.Cell)):
        return _run(node.inlines, options)
    if isinstance(node, (m.Quote, m.Opener, m.Closer, m.Postscript)):
        return _joined(node.blocks, _BLOCK_SEPARATOR)
    if isinstance(node, m.RawBlock):
        return _joined(node.content, _BLOCK_SEPARATOR)
    if isinstance(node, m.Attachment):
        title = (m.Heading(inlines=node.title),) if node.title else ()
        return _joined(itertools.chain(title, node.blocks), _BLOCK_SEPARATOR)
    if isinstance(node, m.ListBlock):
        head = (*_run(node.head, options), _LINE_SEPARATOR) if node.head else ()
        return itertools.chain(head, _joined(node.items, _LINE_SEPARATOR), _run(node.after, options))
    if isinstance(node, m.ListItem):
        label = (node.label, " ") if node.label else ()
        return itertools.chain(_run(node.before, options), label, _joined(node.blocks, _LINE_SEPARATOR))
    if isinstance(node, m.Table):
        return itertools.chain(_joined(node.rows, _LINE_SEPARATOR), _run(node.after, options))
    if isinstance(node, m.Row):
        return itertools.chain(_run(node.before, options), _joined(node.cells, _CELL_SEPARATOR))
    if isinstance(node, m.Note):
        label = (node.label, " ") if options.markers and node.label else ()
        return itertools.chain(label, _joined(node.blocks, _BLOCK_SEPARATOR))
    if isinstance(node, m.Document):
        title = (m.Heading(inlines=node.title),) if node.title else ()
        return _with_notes(itertools.chain(title, node.blocks), node.notes, options)
    if isinstance(node, m.Division):
        title = (m.Heading(inlines=node.title),) if node.title else ()
        children = (c for c in node.children if options.page_breaks or not isinstance(c, m.PageBreak))
        return _with_notes(itertools.chain(title, node.blocks, children), node.notes, options)
    if isinstance(node, m.Volume):
        parts = (c for c in node.divisions if options.page_breaks or not isinstance(c, m.PageBreak))
        return _with_notes(iter(parts), node.notes, options)
    if isinstance(node, (m.Person, m.Term)):
        name = node.name if isinstance(node, m.Person) else node.term
        return itertools.chain((name,), (", ",) if node.description else (), _run(node.description, options))
    if isinstance(node, m.Title):
        return iter((node.text,))
    if isinstance(node, m.Editor):
        return iter((node.name,))
    if isinstance(node, m.Outside):
        return iter((node.node,))
    raise NodeTypeError(f"plain_text() takes a model node or a run of inlines, not {type(node).__name__}")


_PAGE_WORDS: dict[str, str] = {"page": "Page", "facsimile": "Facsimile Page", "typeset": "Typeset Page"}


def page_marker(node: m.PageBreak) -> str:
    """The marker a page prints for a page break: ``[Page 543]``,
    ``[Facsimile Page 1]``, ``[Typeset Page 1]``."""
    _args.expect_node("page_marker(node)", node, m.PageBreak)
    return f"[{_PAGE_WORDS[node.kind]} {node.label}]"


_WORD = re.compile(r"\w+(?:[’'.-]\w+)*")


def word_count(node: object, *, reading: Reading = "original") -> int:
    """The number of words in the text of ``node`` and everything below it
    (a document's title and notes included)."""
    _args.expect_one_of("word_count(reading)", reading, ("original", "corrected"))
    total = 0
    for _, child in walk(node):
        for name in _INLINE_FIELDS:
            value = getattr(child, name, None)
            if type(value) is tuple:
                total += len(_WORD.findall(plain_text(value, reading=reading)))
    return total


# The fields that own runs of inlines (inline nodes' own ``children`` are
# reached through plain_text, not counted twice).
_INLINE_FIELDS = ("inlines", "title", "head", "description")
