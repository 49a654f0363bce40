"""The volume's lists of persons and terms, between the typed fields and the tree.

A FRUS volume prints its principal persons and its abbreviations as lists in
front-matter sections (``<div xml:id="persons">``, ``<div xml:id="terms">``),
one ``<item>`` an entry: ``<persName xml:id="p_AD1">Acheson, Dean</persName>,
Secretary of State``. :attr:`Volume.persons` and :attr:`Volume.terms` are the
source of truth: :func:`person_entries` reads them off the tree, and
:func:`reconcile` makes the tree say what the fields say before TEI is written
(an entry whose field is unchanged keeps its item exactly as it was printed;
a changed one is written afresh, a removed one is dropped, a new one added at
the end of the section's last list, and a volume without the section gets
one at the end of its front matter).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Literal

import attrs

from frusdoc import _args
from frusdoc import model as m
from frusdoc.tei.names import XML
from frusdoc.tree import plain_text

__all__ = ["person_entries", "reconcile"]

XML_ID = f"{{{XML}}}id"
Kind = Literal["person", "term"]
Entry = m.Person | m.Term
_SECTION: dict[Kind, str] = {"person": "persons", "term": "terms"}
_SEPARATORS = " ,.;:"


def _find_section(
    nodes: tuple[m.Division | m.Document | m.PageBreak | m.RawBlock, ...], id: str
) -> m.Division | None:
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        if isinstance(node, m.Division):
            if node.id == id:
                return node
            stack.extend(reversed(node.children))
    return None


def _entry_name(node: m.Inline, kind: Kind) -> m.Name | None:
    """The entry's name: a :class:`Name` of the kind with an ``xml:id``, in ``node`` or below it."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, m.Name):
            if current.kind == kind and any(k == XML_ID for k, _ in current.extra):
                return current
            continue
        stack.extend(reversed(getattr(current, "children", ())))
    return None


Item = m.ListItem | m.RawBlock
"""An item of a list: typed, or raw (``<item>`` of a list the reader kept raw, as
one with page breaks between its items)."""


def _is_raw_item(block: m.Block) -> bool:
    return isinstance(block, m.RawBlock) and block.tag == "item"


def _item_blocks(item: Item) -> tuple[m.Block, ...]:
    return item.blocks if isinstance(item, m.ListItem) else item.content


def _split(item: Item, kind: Kind) -> tuple[m.Name, tuple[m.Inline, ...]] | None:
    """The entry's name and what follows it, when the item is an entry."""
    blocks = _item_blocks(item)
    if not blocks or not isinstance(blocks[0], (m.Plain, m.Paragraph)):
        return None
    inlines = blocks[0].inlines
    for i, node in enumerate(inlines):
        name = _entry_name(node, kind)
        if name is not None:
            return name, _rest(inlines[i + 1 :])
    return None


def _rest(inlines: tuple[m.Inline, ...]) -> tuple[m.Inline, ...]:
    # The comma that separates name and description is print, not description.
    if inlines and type(inlines[0]) is m.Text:
        first = inlines[0].text.lstrip(_SEPARATORS)
        inlines = ((m.Text(text=first),) if first else ()) + inlines[1:]
    if inlines and type(inlines[-1]) is m.Text:
        last = inlines[-1].text.rstrip(" ")
        inlines = inlines[:-1] + ((m.Text(text=last),) if last else ())
    return inlines


def _entry(item: Item, kind: Kind) -> Entry | None:
    found = _split(item, kind)
    if found is None:
        return None
    name, rest = found
    id = dict(name.extra)[XML_ID]
    text = " ".join(plain_text(name.children).split())
    if kind == "person":
        return m.Person(id=id, name=text, description=rest)
    return m.Term(id=id, term=text, description=rest)


def _items(blocks: tuple[m.Block, ...]) -> Iterator[Item]:
    for block in blocks:
        if isinstance(block, m.ListBlock):
            for item in block.items:
                yield item
                yield from _items(item.blocks[1:])
        elif isinstance(block, m.RawBlock) and block.tag == "item":
            yield block
            yield from _items(block.content[1:])
        elif isinstance(block, m.RawBlock):
            yield from _items(block.content)
        elif isinstance(block, m.Quote):
            yield from _items(block.blocks)


def person_entries(
    parts: tuple[m.Division | m.Document | m.PageBreak | m.RawBlock, ...],
) -> tuple[tuple[m.Person, ...], tuple[m.Term, ...]]:
    """The persons and terms that the volume's lists print, in order."""
    _args.expect("person_entries(parts)", parts, tuple, "a tuple of volume parts")
    found: dict[Kind, list[Entry]] = {"person": [], "term": []}
    for kind, section_id in _SECTION.items():
        section = _find_section(parts, section_id)
        if section is not None:
            found[kind] = [e for item in _items(section.blocks) if (e := _entry(item, kind)) is not None]
    persons = tuple(p for p in found["person"] if isinstance(p, m.Person))
    terms = tuple(t for t in found["term"] if isinstance(t, m.Term))
    return persons, terms


def _entry_blocks(entry: Entry, kind: Kind) -> tuple[m.Block, ...]:
    text = entry.name if isinstance(entry, m.Person) else entry.term
    name = m.Name(kind=kind, children=(m.Text(text=text),) if text else (), extra=((XML_ID, entry.id),))
    rest: tuple[m.Inline, ...] = (m.Text(text=", "), *entry.description) if entry.description else ()
    return (m.Plain(inlines=(name, *rest)),)


def _fresh(entry: Entry, kind: Kind, like: Item | None = None) -> m.ListItem:
    """A new item for ``entry``, with the label and attributes of the item it replaces."""
    if isinstance(like, m.ListItem):
        return m.ListItem(blocks=_entry_blocks(entry, kind), label=like.label, extra=like.extra)
    return m.ListItem(blocks=_entry_blocks(entry, kind))


def _fresh_raw(entry: Entry, kind: Kind, like: m.RawBlock | None = None) -> m.RawBlock:
    """A new raw item for ``entry`` (in a list the reader kept raw)."""
    return m.RawBlock(
        tag="item", attributes=like.attributes if like else (), content=_entry_blocks(entry, kind)
    )


def _rebuild_items(blocks: tuple[m.Block, ...], change: Callable[[Item], Item | None]) -> tuple[m.Block, ...]:
    out: list[m.Block] = []
    for block in blocks:
        if isinstance(block, m.ListBlock):
            items = []
            for item in block.items:
                changed = change(item)
                if isinstance(changed, m.ListItem):
                    nested = _rebuild_items(changed.blocks[1:], change)
                    items.append(attrs.evolve(changed, blocks=changed.blocks[:1] + nested))
            out.append(attrs.evolve(block, items=tuple(items)))
        elif _is_raw_item(block):
            assert isinstance(block, m.RawBlock)
            changed = change(block)
            if isinstance(changed, m.RawBlock):
                nested = _rebuild_items(changed.content[1:], change)
                out.append(attrs.evolve(changed, content=changed.content[:1] + nested))
        elif isinstance(block, m.RawBlock):
            out.append(attrs.evolve(block, content=_rebuild_items(block.content, change)))
        elif isinstance(block, m.Quote):
            out.append(attrs.evolve(block, blocks=_rebuild_items(block.blocks, change)))
        else:
            out.append(block)
    return tuple(out)


def _reconcile_section(section: m.Division, *, kind: Kind, entries: tuple[Entry, ...]) -> m.Division:
    wanted = {e.id: e for e in reversed(entries)}  # the first entry of an id wins
    seen: set[str] = set()

    def change(item: Item) -> Item | None:
        printed = _entry(item, kind)
        if printed is None:
            return item
        seen.add(printed.id)
        entry = wanted.get(printed.id)
        if entry is None:
            return None
        if entry == printed:
            return item
        return _fresh_raw(entry, kind, item) if isinstance(item, m.RawBlock) else _fresh(entry, kind, item)

    blocks = _rebuild_items(section.blocks, change)
    new: list[Entry] = []
    for entry in entries:
        if entry.id not in seen:
            seen.add(entry.id)
            new.append(entry)
    if new:
        last = max((i for i, b in enumerate(blocks) if _is_list(b)), default=None)
        if last is None:
            kind_name = "names" if kind == "person" else "terms"
            blocks = (*blocks, m.ListBlock(items=tuple(_fresh(e, kind) for e in new), kind=kind_name))
        else:
            lst = blocks[last]
            if isinstance(lst, m.ListBlock):
                lst = attrs.evolve(lst, items=lst.items + tuple(_fresh(e, kind) for e in new))
            else:
                assert isinstance(lst, m.RawBlock)
                lst = attrs.evolve(lst, content=lst.content + tuple(_fresh_raw(e, kind) for e in new))
            blocks = (*blocks[:last], lst, *blocks[last + 1 :])
    return attrs.evolve(section, blocks=blocks)


def _is_list(block: m.Block) -> bool:
    return isinstance(block, m.ListBlock) or (isinstance(block, m.RawBlock) and block.tag == "list")


def _replace(
    nodes: tuple[m.Division | m.Document | m.PageBreak | m.RawBlock, ...],
    id: str,
    fn: Callable[[m.Division], m.Division],
) -> tuple[tuple[m.Division | m.Document | m.PageBreak | m.RawBlock, ...], bool]:
    out: list[m.Division | m.Document | m.PageBreak | m.RawBlock] = []
    done = False
    for node in nodes:
        if not done and isinstance(node, m.Division):
            if node.id == id:
                node, done = fn(node), True
            else:
                children, done = _replace(node.children, id, fn)
                if done:
                    node = attrs.evolve(node, children=children)
        out.append(node)
    return tuple(out), done


def reconcile(volume: m.Volume) -> m.Volume:
    """``volume`` with its persons and terms lists saying what ``persons`` and ``terms`` say."""
    _args.expect_node("reconcile(volume)", volume, m.Volume)
    if person_entries(volume.front + volume.body + volume.back) == (volume.persons, volume.terms):
        return volume
    parts = {"front": volume.front, "body": volume.body, "back": volume.back}
    lists: tuple[tuple[Kind, tuple[Entry, ...]], ...] = (("person", volume.persons), ("term", volume.terms))
    for kind, entries in lists:
        fn = functools.partial(_reconcile_section, kind=kind, entries=entries)
        for name in ("front", "body", "back"):
            parts[name], done = _replace(parts[name], _SECTION[kind], fn)
            if done:
                break
        else:
            if entries:
                title = "Persons" if kind == "person" else "Abbreviations and Terms"
                section = m.Division(kind="section", id=_SECTION[kind], title=(m.Text(text=title),))
                parts["front"] = (*parts["front"], _reconcile_section(section, kind=kind, entries=entries))
    return attrs.evolve(volume, front=parts["front"], body=parts["body"], back=parts["back"])
