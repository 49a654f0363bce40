"""Hypothesis strategies for every frusdoc node, for frusdoc and its downstream users.

Install the extra ``testing`` (``pip install frusdoc[testing]``) and use them in
your own property tests::

    from hypothesis import given
    from frusdoc import testing

    @given(testing.documents())
    def test_my_tool_accepts_any_document(doc): ...

Every strategy is bounded (recursion and sizes are capped) so that examples
stay small enough for fast tests, and every field of every class is drawn.
"""

from __future__ import annotations

from typing import Any, TypeVar, get_args

from hypothesis import strategies as st

from frusdoc import _args
from frusdoc import model as m

__all__ = [
    "attributes",
    "block_lists",
    "canonical_documents",
    "comments",
    "blocks",
    "date_ranges",
    "divisions",
    "documents",
    "emendations",
    "ids",
    "inline_lists",
    "inlines",
    "labels",
    "notes",
    "page_kinds",
    "targets",
    "text_layouts",
    "texts",
    "volumes",
]

T = TypeVar("T")

# Printable FRUS-like text plus the awkward characters real pages hold:
# typographic quotes and dashes, ½, accented letters, a non-BMP character,
# newlines, tabs and carriage returns. Control characters other than those,
# surrogates and non-characters are left out: no FRUS text holds them and XML
# cannot.
_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789     "
    ".,;:()[]/–—’“”½éÉ…\n\t\r↩•*<&>\"'#§°ßçñøüÆŒ中文Ωπ\u00a0\u2028\u200b𝔘🇺"
)


def _tuples(
    elements: st.SearchStrategy[T], *, max_size: int = 3, min_size: int = 0
) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(elements, min_size=min_size, max_size=max_size).map(tuple)


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def texts(*, min_size: int = 0, max_size: int = 24) -> st.SearchStrategy[str]:
    """Strings of FRUS-like text, including tricky characters."""
    _args.expect_int("testing.texts(min_size)", min_size, minimum=0, maximum=10_000)
    _args.expect_int("testing.texts(max_size)", max_size, minimum=min_size, maximum=10_000)
    return st.text(alphabet=_ALPHABET, min_size=min_size, max_size=max_size)


def ids() -> st.SearchStrategy[str]:
    """Identifiers shaped like FRUS ids (``d12``, ``p_LR1``, ``frus1942v03``)."""
    return st.one_of(
        st.builds(
            "{}{}".format,
            st.sampled_from(["d", "pg_", "p_LR", "t_GDR", "ch", "comp", "d1fn"]),
            st.integers(0, 999),
        ),
        st.sampled_from(["frus1942v03", "frus1961-63v15", "frus1918Russiav03", "persons", "toc"]),
    )


def labels() -> st.SearchStrategy[str]:
    """Printed footnote labels and page numbers: ``80``, ``0``, ``84a``, ``*``, ``XII``."""
    return st.one_of(
        st.integers(min_value=0, max_value=999).map(str),
        st.builds("{}{}".format, st.integers(1, 999), st.sampled_from("abcd")),
        st.sampled_from(["*", "†", "XII", "[VI]", "iv"]),
    )


def page_kinds() -> st.SearchStrategy[m.PageKind]:
    """The kinds of page a page break starts: ``page``, ``facsimile``, ``typeset``."""
    return st.sampled_from(get_args(m.PageKind))


def attributes() -> st.SearchStrategy[m.Attributes]:
    """Unmodelled XML attributes as ``(name, value)`` pairs with unique names."""
    # Names the model never uses for a field of its own, so that a TEI round
    # trip can tell them apart.
    names = st.one_of(
        st.builds("x{}".format, st.text(alphabet="abcdefz-", max_size=5)),
        st.sampled_from(["rendition", "{http://www.w3.org/XML/1998/namespace}lang", "facs-alt"]),
    )
    pairs = st.lists(st.tuples(names, texts(max_size=8)), min_size=1, max_size=2, unique_by=lambda p: p[0])
    # Mostly empty, as in real documents, and cheap to draw.
    return st.one_of(st.just(()), st.just(()), pairs.map(tuple))


def date_ranges() -> st.SearchStrategy[m.DateRange]:
    """Date ranges as FRUS writes them (ISO 8601 with offset)."""
    stamp = st.builds(
        "19{:02d}-{:02d}-{:02d}T{:02d}:{:02d}:00-05:00".format,
        st.integers(0, 99),
        st.integers(1, 12),
        st.integers(1, 28),
        st.integers(0, 23),
        st.sampled_from([0, 30, 59]),
    )
    return st.builds(m.DateRange, not_before=_optional(stamp), not_after=_optional(stamp))


def targets() -> st.SearchStrategy[m.Target]:
    """Every kind of cross-reference target."""
    raw = texts(min_size=1, max_size=16)
    part_names = st.sampled_from(["class", "subject", "item", "lot", "repository", "collection"])
    return st.one_of(
        st.builds(m.DocumentTarget, raw=raw, document=ids(), volume=_optional(ids())),
        st.builds(m.PageTarget, raw=raw, page=labels(), volume=_optional(ids())),
        st.builds(
            m.NoteTarget,
            raw=raw,
            id=_optional(ids()),
            label=_optional(labels()),
            document=_optional(ids()),
            volume=_optional(ids()),
        ),
        st.builds(m.VolumeTarget, raw=raw, volume=ids()),
        st.builds(
            m.ArchivalTarget,
            raw=raw,
            scheme=st.sampled_from(["decimal-file", "lot-file", "library", "central-files"]),
            parts=st.lists(
                st.tuples(part_names, texts(max_size=10)), max_size=3, unique_by=lambda p: p[0]
            ).map(tuple),
        ),
        st.builds(
            m.PublicationTarget,
            raw=raw,
            title=texts(max_size=20),
            volume=_optional(texts(max_size=6)),
            page=_optional(labels()),
        ),
        st.builds(
            m.UrlTarget, raw=st.sampled_from(["https://history.state.gov/", "http://example.org/a?b=c"])
        ),
        st.builds(m.UnknownTarget, raw=raw),
    )


def _leaf_inlines() -> st.SearchStrategy[m.Inline]:
    return st.one_of(
        st.builds(m.Text, text=texts(min_size=1)),
        st.builds(m.NoteRef, label=labels(), note=_optional(ids())),
        st.builds(
            m.PageBreak,
            label=labels(),
            id=_optional(ids()),
            facs=_optional(st.integers(0, 9999).map("{:04d}".format)),
            kind=page_kinds(),
            extra=attributes(),
        ),
        st.builds(m.LineBreak, extra=attributes()),
    )


def emendations(
    children: st.SearchStrategy[tuple[m.Inline, ...]] | None = None,
) -> st.SearchStrategy[m.Emendation]:
    """Emendations of every kind and status, with both readings."""
    if children is not None:
        _args.expect("testing.emendations(children)", children, st.SearchStrategy, "a hypothesis strategy or None")
    runs = (
        children
        if children is not None
        else _tuples(st.builds(m.Text, text=texts(min_size=1)), min_size=1, max_size=2)
    )
    return st.builds(
        m.Emendation,
        original=runs,
        corrected=runs,
        kind=st.sampled_from(["ocr", "typo", "editorial", "regularisation", "supplied"]),
        status=st.sampled_from(["proposed", "accepted", "rejected"]),
        confidence=_optional(st.floats(min_value=0, max_value=1)),
        resp=_optional(st.sampled_from(["frusdoc.emend", "JW", "editor"])),
        reason=_optional(texts(max_size=20)),
        id=_optional(ids()),
    )


def _compound_inlines(children: st.SearchStrategy[m.Inline]) -> st.SearchStrategy[m.Inline]:
    kids = _tuples(children)
    return st.one_of(
        st.builds(
            m.Emphasis,
            rend=st.sampled_from(["italic", "smallcaps", "strong"]),
            children=kids,
            extra=attributes(),
        ),
        st.builds(m.Reference, target=targets(), children=kids, extra=attributes()),
        st.builds(
            m.Name,
            kind=st.sampled_from(["person", "place", "term", "gloss"]),
            children=kids,
            ref=_optional(ids()),
            role=_optional(st.sampled_from(["from", "to"])),
            extra=attributes(),
        ),
        st.builds(
            m.DateText,
            children=kids,
            when=_optional(st.sampled_from(["1918-09-13T12:00:00", "1962-03-09", "1943-11-12T16:00:00"])),
            not_before=_optional(st.just("1918-09-01")),
            not_after=_optional(st.just("1918-09-30")),
            calendar=_optional(st.just("gregorian")),
            kind=_optional(st.just("conversation-or-meeting-date")),
            extra=attributes(),
        ),
        emendations(kids),
        st.builds(
            m.Embedded,
            block=st.builds(m.Plain, inlines=kids)
            | st.builds(m.Quote, blocks=_tuples(st.builds(m.Plain, inlines=kids), max_size=2)),
        ),
        st.builds(
            m.Gap,
            children=kids,
            reason=_optional(st.just("declassification")),
            extent=_optional(st.just("1 line")),
            extra=attributes(),
        ),
        st.builds(
            m.RawInline,
            tag=st.sampled_from(["seg", "abbr", "{http://history.state.gov/frus/ns/1.0}mark"]),
            attributes=attributes(),
            children=kids,
        ),
    )


def inlines() -> st.SearchStrategy[m.Inline]:
    """Any inline node, nested a few levels deep."""
    return st.recursive(_leaf_inlines(), _compound_inlines, max_leaves=5)


def inline_lists(*, max_size: int = 3) -> st.SearchStrategy[tuple[m.Inline, ...]]:
    """Runs of inlines."""
    _args.expect_int("testing.inline_lists(max_size)", max_size, minimum=0, maximum=1_000)
    return _tuples(inlines(), max_size=max_size)


def comments() -> st.SearchStrategy[m.RawInline]:
    """Comments and processing instructions, as TEI can hold them."""
    words = st.text(alphabet="abc xyz", max_size=12).filter(lambda t: not t.endswith("-"))
    comment = st.builds(lambda t: m.RawInline(tag="#comment", children=(m.Text(text=t),) if t else ()), words)
    pi = st.builds(
        lambda t: m.RawInline(
            tag="#pi", attributes=(("target", "frus"),), children=(m.Text(text=t),) if t else ()
        ),
        words,
    )
    return comment | pi


def _between() -> st.SearchStrategy[tuple[m.Inline, ...]]:
    # What stands between list items or table rows: page breaks, notes, comments.
    return _tuples(
        st.one_of(_page_breaks(), st.builds(m.NoteRef, label=labels(), note=_optional(ids())), comments()),
        max_size=2,
    )


def _leaf_blocks() -> st.SearchStrategy[m.Block]:
    run = inline_lists()
    return st.one_of(
        st.builds(
            m.Paragraph,
            inlines=run,
            rend=_optional(st.sampled_from(["center", "flushleft"])),
            extra=attributes(),
        ),
        st.builds(m.Heading, inlines=run, extra=attributes()),
        st.builds(m.Dateline, inlines=run, extra=attributes()),
        st.builds(m.Signed, inlines=run, extra=attributes()),
        st.builds(
            m.Table,
            rows=_tuples(
                st.builds(
                    m.Row,
                    cells=_tuples(st.builds(m.Cell, inlines=run, extra=attributes())),
                    before=_between(),
                    extra=attributes(),
                ),
                max_size=2,
            ),
            after=_between(),
            extra=attributes(),
        ),
        st.builds(m.Plain, inlines=run),
        st.builds(m.RawBlock, tag=st.sampled_from(["figure", "ab"]), attributes=attributes()),
    )


def _compound_blocks(children: st.SearchStrategy[m.Block]) -> st.SearchStrategy[m.Block]:
    kids = _tuples(children)
    return st.one_of(
        st.builds(m.Quote, blocks=kids, rend=_optional(st.just("blockquote")), extra=attributes()),
        st.builds(
            m.ListBlock,
            items=_tuples(
                st.builds(
                    m.ListItem,
                    blocks=kids,
                    label=_optional(st.sampled_from(["1.", "(a)", "2."])),
                    before=_between(),
                    extra=attributes(),
                )
            ),
            kind=_optional(st.sampled_from(["subject", "participants"])),
            head=inline_lists(max_size=1),
            after=_between(),
            extra=attributes(),
        ),
        st.builds(m.Opener, blocks=kids, extra=attributes()),
        st.builds(m.Closer, blocks=kids, extra=attributes()),
        st.builds(m.Postscript, blocks=kids, extra=attributes()),
        st.builds(
            m.Attachment, blocks=kids, title=inline_lists(max_size=2), id=_optional(ids()), extra=attributes()
        ),
        st.builds(
            m.RawBlock,
            tag=st.sampled_from(["floatingText", "{http://history.state.gov/frus/ns/1.0}box"]),
            attributes=attributes(),
            content=kids,
        ),
    )


def blocks() -> st.SearchStrategy[m.Block]:
    """Any block node, nested a few levels deep."""
    return st.recursive(_leaf_blocks(), _compound_blocks, max_leaves=4)


def block_lists(*, max_size: int = 3) -> st.SearchStrategy[tuple[m.Block, ...]]:
    """Sequences of blocks."""
    _args.expect_int("testing.block_lists(max_size)", max_size, minimum=0, maximum=1_000)
    return _tuples(blocks(), max_size=max_size)


def notes() -> st.SearchStrategy[m.Note]:
    """Footnotes and source notes."""
    return st.builds(
        m.Note,
        blocks=block_lists(max_size=2),
        label=_optional(labels()),
        id=_optional(ids()),
        kind=_optional(st.sampled_from(["source", "editorial"])),
        rend=_optional(st.just("inline")),
        extra=attributes(),
    )


def text_layouts() -> st.SearchStrategy[m.TextLayout]:
    """Plain-text layouts (separators, list and note flavours)."""
    return st.builds(
        m.TextLayout,
        separators=_tuples(st.sampled_from(["\n", "\n\n", "\n\n\n", "\r\n", " \n"]), max_size=4),
        leading=st.sampled_from(["", "\n"]),
        trailing=st.sampled_from(["", "\n", "\n\n"]),
        list_styles=_tuples(st.sampled_from(["bullet", "labels", "dash-labels", "dash"]), max_size=2),
        note_style=st.sampled_from(["numbered", "arrow"]),
        note_cut=st.booleans(),
    )


def documents() -> st.SearchStrategy[m.Document]:
    """Whole documents with every field drawn."""
    return st.builds(
        m.Document,
        title=inline_lists(max_size=2),
        blocks=block_lists(),
        notes=_tuples(notes(), max_size=2),
        id=_optional(ids()),
        volume=_optional(ids()),
        label=_optional(labels()),
        kind=_optional(st.sampled_from(["historical-document", "editorial-note"])),
        date=_optional(date_ranges()),
        page=_optional(labels()),
        layout=_optional(text_layouts()),
        extra=attributes(),
    )


def _page_breaks() -> st.SearchStrategy[m.PageBreak]:
    return st.builds(m.PageBreak, label=labels(), id=_optional(ids()), facs=_optional(st.just("0023")))


def divisions(
    children: st.SearchStrategy[m.Division | m.Document | m.PageBreak] | None = None,
) -> st.SearchStrategy[m.Division]:
    """Divisions of a volume (compilations, chapters, front-matter sections)."""
    if children is not None:
        _args.expect("testing.divisions(children)", children, st.SearchStrategy, "a hypothesis strategy or None")
    kids = children if children is not None else st.one_of(documents(), _page_breaks())
    return st.builds(
        m.Division,
        kind=st.sampled_from(["compilation", "chapter", "section", "subchapter"]),
        title=inline_lists(max_size=2),
        id=_optional(ids()),
        subtype=_optional(st.sampled_from(["index", "table-of-contents"])),
        date=_optional(date_ranges()),
        blocks=block_lists(max_size=2),
        children=_tuples(kids | _structural_raw(), max_size=2),
        notes=_tuples(notes(), max_size=1),
        extra=attributes(),
    )


def _structural_raw() -> st.SearchStrategy[m.RawBlock]:
    # Kept raw between divisions: comments, stray text, unknown elements.
    return st.one_of(
        _comment_blocks(),
        st.builds(lambda t: m.RawBlock(tag="#text", content=(m.Plain(inlines=(m.Text(text=t),)),)), texts()),
        st.builds(m.RawBlock, tag=st.sampled_from(["figure", "milestone"]), attributes=attributes()),
    )


def _comment_blocks() -> st.SearchStrategy[m.RawBlock]:
    # A comment or processing instruction where blocks stand.
    def block(c: m.RawInline) -> m.RawBlock:
        content = (m.Plain(inlines=c.children),) if c.children else ()
        return m.RawBlock(tag=c.tag, attributes=c.attributes, content=content)

    return st.builds(block, comments())


def _outside() -> st.SearchStrategy[m.Outside]:
    inside = st.sampled_from([p for p in get_args(m.OutsidePlace) if p not in ("prolog", "epilog")])
    comment = _comment_blocks()
    return st.one_of(
        st.builds(m.Outside, place=inside, node=_page_breaks() | _structural_raw()),
        st.builds(m.Outside, place=st.sampled_from(["prolog", "epilog"]), node=comment),
    )


def volumes() -> st.SearchStrategy[m.Volume]:
    """Whole volumes: header facts, persons, terms and a tree of divisions."""
    tree: st.SearchStrategy[Any] = st.recursive(
        st.one_of(documents(), _page_breaks()), lambda kids: divisions(kids), max_leaves=3
    )
    return st.builds(
        m.Volume,
        id=ids(),
        title=_optional(texts()),
        titles=_tuples(
            st.builds(
                m.Title, text=texts(), kind=_optional(st.sampled_from(["complete", "series", "volume"]))
            )
        ),
        editors=_tuples(
            st.builds(m.Editor, name=texts(), role=_optional(st.sampled_from(["primary", "general"])))
        ),
        publication_date=_optional(st.sampled_from(["1932", "1994"])),
        coverage=_optional(date_ranges()),
        persons=_tuples(st.builds(m.Person, id=ids(), name=texts(), description=inline_lists(max_size=2))),
        terms=_tuples(st.builds(m.Term, id=ids(), term=texts(), description=inline_lists(max_size=2))),
        front=_tuples(tree, max_size=1),
        body=_tuples(tree, max_size=2),
        back=_tuples(tree, max_size=1),
        outside=_tuples(_outside(), max_size=2),
        notes=_tuples(notes(), max_size=1),
        part_attributes=_tuples(
            st.builds(
                m.PartAttributes,
                part=st.sampled_from(["text", "front", "body", "back"]),
                attributes=attributes(),
            ),
            max_size=1,
        ),
        header=_optional(
            st.builds(
                m.RawBlock,
                tag=st.just("teiHeader"),
                content=_tuples(st.builds(m.RawBlock, tag=st.just("fileDesc")), max_size=1),
            )
        ),
        extra=attributes(),
    )


# -- the plain-text canonical form ---------------------------------------------

_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
_CAPITALISED = st.builds(str.__add__, st.sampled_from("ABCDEFGHIJKLMNOPRSTUVWY"), _WORDS)
_PUNCT = st.sampled_from(["", "", "", ".", ",", ";", ":", ")", "’"])


@st.composite
def _canonical_line(
    draw: st.DrawFn, markers: list[int], *, words: int = 3, allow_markers: bool = True
) -> tuple[m.Inline, ...]:
    """A line of prose: a capitalised word, a lower-case word, more words with
    punctuation, page breaks between words and note markers glued after them."""
    count = draw(st.integers(min_value=words, max_value=words + 6))
    tokens: list[m.Inline] = []

    def text(s: str) -> None:
        if tokens and isinstance(tokens[-1], m.Text):
            tokens[-1] = m.Text(text=tokens[-1].text + s)
        else:
            tokens.append(m.Text(text=s))

    for k in range(count):
        if k:
            if draw(st.integers(0, 9)) == 0:
                text(" ")
                tokens.append(
                    m.PageBreak(
                        label=draw(st.one_of(st.integers(1, 999).map(str), st.sampled_from(["XII", "[VI]"]))),
                        kind=draw(page_kinds()),
                    )
                )
                if draw(st.booleans()):
                    text(" ")
            else:
                text(" ")
        word = draw(_CAPITALISED if k == 0 else _WORDS)
        text(word + draw(_PUNCT))
        if allow_markers and draw(st.integers(0, 5)) == 0:
            markers.append(len(markers))
            tokens.append(m.NoteRef(label="?"))
    text(".")
    return tuple(tokens)


def _number_markers(inlines: tuple[m.Inline, ...], labels: list[str]) -> tuple[m.Inline, ...]:
    out: list[m.Inline] = []
    for node in inlines:
        if isinstance(node, m.NoteRef):
            out.append(m.NoteRef(label=labels.pop(0)))
        else:
            out.append(node)
    return tuple(out)


@st.composite
def _canonical_block(draw: st.DrawFn, markers: list[int]) -> m.Block:
    kind = draw(st.sampled_from(["p", "p", "p", "p", "heading", "dateline", "bullets", "labels"]))
    if kind == "heading":
        return m.Heading(
            inlines=(m.Text(text=draw(st.sampled_from(["SUBJECT", "PARTICIPANTS", "TOP SECRET"]))),)
        )
    if kind == "dateline":
        place = draw(st.sampled_from(["Washington", "Geneva", "Moscow"]))
        month = draw(st.sampled_from(["March", "September"]))
        day = draw(st.integers(1, 28))
        return m.Dateline(inlines=(m.Text(text=f"{place}, {month} {day}, 19{draw(st.integers(10, 79))}."),))
    if kind == "bullets":
        items = []
        for _ in range(draw(st.integers(1, 3))):
            para = m.Plain(inlines=draw(_canonical_line(markers)))
            if draw(st.integers(0, 3)) == 0:
                nested = m.ListBlock(
                    items=tuple(
                        m.ListItem(blocks=(m.Plain(inlines=draw(_canonical_line(markers))),))
                        for _ in range(draw(st.integers(1, 2)))
                    )
                )
                items.append(m.ListItem(blocks=(para, nested)))
            else:
                items.append(m.ListItem(blocks=(para,)))
        return m.ListBlock(items=tuple(items))
    if kind == "labels":
        return m.ListBlock(
            items=tuple(
                m.ListItem(label=f"{k + 1}.", blocks=(m.Plain(inlines=draw(_canonical_line(markers))),))
                for k in range(draw(st.integers(1, 3)))
            )
        )
    return m.Paragraph(inlines=draw(_canonical_line(markers)))


@st.composite
def canonical_documents(draw: st.DrawFn) -> m.Document:
    """Documents in the plain-text canonical form: ``text.parse(text.render(d)) == d``.

    See ``docs/text.md`` for the rules these documents follow.
    """
    markers: list[int] = []
    number = draw(st.none() | st.integers(1, 999))
    title = draw(_canonical_line(markers))
    if number is not None:
        title = (m.Text(text=f"{number}. "), *title)
        if len(title) > 1 and isinstance(title[1], m.Text):
            title = (m.Text(text=f"{number}. {title[1].text}"), *title[2:])
    blocks = list(draw(st.lists(_canonical_block(markers), max_size=5)))
    if draw(st.booleans()):
        # "etc" never ends a signature ("Accept [etc.]"): the reader would read a paragraph.
        name = " ".join(
            draw(st.lists(_CAPITALISED, min_size=1, max_size=3).filter(lambda ws: "etc" not in " ".join(ws)))
        )
        blocks.append(m.Closer(blocks=(m.Signed(inlines=(m.Text(text=name),)),)))
    first = draw(st.sampled_from([0, 1, 1, 80]))
    labels = [str(first + k) for k in range(len(markers))]
    title = _number_markers(title, list(labels))
    pending = labels[sum(isinstance(i, m.NoteRef) for i in title) :]
    numbered: list[m.Block] = []
    for block in blocks:
        numbered.append(_renumber_block(block, pending))
    notes = []
    for label in labels:
        source = draw(st.booleans()) and label == labels[0]
        line = draw(_canonical_line([], allow_markers=False))
        if source:
            line = (
                (m.Text(text="Source: " + line[0].text), *line[1:]) if isinstance(line[0], m.Text) else line
            )
        # One paragraph per note: the TEI reader merges a note's consecutive Plain
        # blocks, and the TEI tests draw these documents too.
        notes.append(m.Note(label=label, kind="source" if source else None, blocks=(m.Plain(inlines=line),)))
    return m.Document(
        title=title,
        blocks=tuple(numbered),
        notes=tuple(notes),
        label=str(number) if number is not None else None,
    )


def _renumber_block(block: m.Block, labels: list[str]) -> m.Block:
    if isinstance(block, m.Paragraph):
        return m.Paragraph(inlines=_number_markers(block.inlines, labels))
    if isinstance(block, m.Plain):
        return m.Plain(inlines=_number_markers(block.inlines, labels))
    if isinstance(block, m.ListBlock):
        items = tuple(
            m.ListItem(label=item.label, blocks=tuple(_renumber_block(b, labels) for b in item.blocks))
            for item in block.items
        )
        return m.ListBlock(items=items)
    return block
