"""Block nodes: paragraphs, headings, lists, tables, quotes, openers and closers."""

from __future__ import annotations

from typing import Union

import attrs

from frusdoc.model import inlines as _inlines
from frusdoc.model._checks import checked
from frusdoc.model.inlines import Attributes, Inline

__all__ = [
    "Attachment",
    "Block",
    "Cell",
    "Closer",
    "Dateline",
    "Heading",
    "ListBlock",
    "ListItem",
    "Opener",
    "Paragraph",
    "Plain",
    "Postscript",
    "Quote",
    "RawBlock",
    "Row",
    "Signed",
    "Table",
]


@attrs.frozen(kw_only=True, field_transformer=checked)
class Paragraph:
    """A paragraph; ``rend`` is its TEI rendition (``center``, ``flushleft``)."""

    inlines: tuple[Inline, ...] = ()
    rend: str | None = None
    extra: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class Plain:
    """Inline content standing directly in a container, not wrapped in a
    paragraph: the text of a footnote, of a list item, of a TEI ``<item>`` or
    ``<note>`` without ``<p>``. Rendered like a paragraph."""

    inlines: tuple[Inline, ...] = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class Heading:
    """A heading inside a document or division (``SUBJECT``, an attachment's title)."""

    inlines: tuple[Inline, ...] = ()
    extra: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class Quote:
    """Quoted material set off from the text (``rend="blockquote"``)."""

    blocks: tuple[Block, ...] = ()
    rend: str | None = None
    extra: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class ListItem:
    """One item of a list, with its printed label (``1.``, ``(a)``) when it has one.

    ``before`` holds what stood between the previous item and this one without
    being part of either: page breaks (a list that runs over a page), notes,
    comments.
    """

    blocks: tuple[Block, ...] = ()
    label: str | None = None
    before: tuple[Inline, ...] = ()
    extra: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class ListBlock:
    """A list. ``kind`` is the TEI ``@type`` (``subject``, ``participants``, ``toc``);
    ``head`` its caption (``SUBJECT``); ``after`` what follows the last item
    inside the list (page breaks, notes, comments; see :attr:`ListItem.before`)."""

    items: tuple[ListItem, ...] = ()
    kind: str | None = None
    head: tuple[Inline, ...] = ()
    after: tuple[Inline, ...] = ()
    extra: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class Cell:
    """A table cell."""

    inlines: tuple[Inline, ...] = ()
    extra: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class Row:
    """A table row; ``before`` holds what stood between the previous row and
    this one (page breaks, notes, comments)."""

    cells: tuple[Cell, ...] = ()
    before: tuple[Inline, ...] = ()
    extra: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class Table:
    """A table (participants of a meeting, the list of papers); ``after`` what
    follows the last row inside the table (see :attr:`Row.before`)."""

    rows: tuple[Row, ...] = ()
    after: tuple[Inline, ...] = ()
    extra: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class Dateline:
    """Place and date of writing; the place and date are :class:`Name` and
    :class:`DateText` inlines inside."""

    inlines: tuple[Inline, ...] = ()
    extra: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class Opener:
    """The opening of a letter or telegram: ``[Telegram]``, the dateline, a file number."""

    blocks: tuple[Block, ...] = ()
    extra: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class Signed:
    """A signature (``Franklin D. Roosevelt``, ``C[ordell] H[ull]``)."""

    inlines: tuple[Inline, ...] = ()
    extra: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class Closer:
    """The closing of a document: complimentary close and signature."""

    blocks: tuple[Block, ...] = ()
    extra: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class Postscript:
    """A postscript, editorial or original."""

    blocks: tuple[Block, ...] = ()
    extra: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class Attachment:
    """An enclosure or attachment printed with its document (``Tab A``)."""

    blocks: tuple[Block, ...] = ()
    title: tuple[Inline, ...] = ()
    id: str | None = None
    extra: Attributes = ()


@attrs.frozen(kw_only=True, field_transformer=checked)
class RawBlock:
    """A block element frusdoc does not model, kept whole: its ``tag`` (the
    local name for TEI elements, ``{namespace}name`` otherwise), its
    ``attributes`` and its content (inline runs as :class:`Plain`)."""

    tag: str
    attributes: Attributes = ()
    content: tuple[Block, ...] = ()


Block = Union[
    Paragraph,
    Plain,
    Heading,
    Quote,
    ListBlock,
    Table,
    Dateline,
    Opener,
    Closer,
    Signed,
    Postscript,
    Attachment,
    RawBlock,
]
"""Any block node."""

for _cls in (Quote, ListItem, ListBlock, Row, Table, Opener, Closer, Postscript, Attachment, RawBlock):
    attrs.resolve_types(_cls, globals(), locals())
del _cls
attrs.resolve_types(_inlines.Embedded, globals(), locals())
