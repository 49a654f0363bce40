"""Pairing note markers with their notes: one rule for every part of frusdoc.

A :class:`~frusdoc.NoteRef` names its note by id (``NoteRef.note``) or, without
an id, by label. The TEI writer, :func:`frusdoc.check` and the Markdown writer
all pair markers and notes with :class:`NoteMatcher`, so they agree on which
marker belongs to which note.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import attrs

from frusdoc import _args
from frusdoc import model as m
from frusdoc.tree import walk

__all__ = ["NoteMatcher"]


@attrs.define
class NoteMatcher:
    """Pairs each :class:`NoteRef` with a note of the document, in writing order.

    A marker names its note by id (``NoteRef.note``) or, without an id, by
    label; the first unused note that fits is taken, and a note whose id some
    marker names is left to that marker. A marker that fits no note gets an
    empty one.
    """

    notes: list[m.Note]
    used: list[bool] = attrs.field(init=False)
    reserved: set[int] = attrs.field(init=False)
    spare: set[int] = attrs.field(init=False)
    issued: set[str] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        _args.expect("NoteMatcher(notes)", self.notes, list, "a list of Note")
        self.used = [False] * len(self.notes)
        self.reserved = set()
        self.spare = set()
        self.issued = set()

    @classmethod
    def for_document(cls, doc: m.Document) -> NoteMatcher:
        """A matcher for ``doc``'s notes, the notes named by id reserved."""
        _args.expect_node("NoteMatcher.for_document(doc)", doc, m.Document)
        return cls.for_notes(doc.notes, (*doc.title, *doc.blocks))

    @classmethod
    def for_notes(cls, notes: Iterable[m.Note], nodes: Iterable[object]) -> NoteMatcher:
        """A matcher for ``notes``, referenced from the markers in ``nodes`` and in
        the notes themselves (``nodes`` must not hold the notes: each marker counts
        once); the notes some marker names by id are reserved."""
        _args.expect("NoteMatcher.for_notes(notes)", notes, Iterable, "an iterable of Note")
        if isinstance(nodes, (str, bytes)) or not isinstance(nodes, Iterable):
            _args.wrong_type("NoteMatcher.for_notes(nodes)", "an iterable of model nodes", nodes)
        notes = tuple(notes)
        for note in notes:
            _args.expect_node("NoteMatcher.for_notes(notes)", note, m.Note)
        matcher = cls(list(notes))
        refs = [n for node in (*nodes, *matcher.notes) for _, n in walk(node) if isinstance(n, m.NoteRef)]
        named = {r.note for r in refs if r.note is not None}
        for i, note in enumerate(matcher.notes):
            if note.id is not None and note.id in named:
                matcher.reserved.add(i)
                named.discard(note.id)
        # Markers that go by label: where a label has more notes than markers, the
        # notes no marker refers to are the first ones (readers list them first).
        ids = {note.id for note in matcher.notes if note.id is not None}
        by_label = Counter((r.label or None) for r in refs if r.note is None or r.note not in ids)
        candidates: dict[str | None, list[int]] = {}
        for i, note in enumerate(matcher.notes):
            if i not in matcher.reserved:
                candidates.setdefault(note.label, []).append(i)
        for label, indices in candidates.items():
            matcher.spare.update(indices[: max(0, len(indices) - by_label[label])])
        return matcher

    def match_index(self, ref: m.NoteRef) -> int | None:
        """The index of the note ``ref`` names (claiming it), or ``None``."""
        _args.expect_node("NoteMatcher.match_index(ref)", ref, m.NoteRef)
        if ref.note is not None:
            # An id should be unique; if it is not, the label decides.
            for same_label in (True, False):
                for i, note in enumerate(self.notes):
                    if (
                        not self.used[i]
                        and note.id == ref.note
                        and (not same_label or note.label == (ref.label or None))
                    ):
                        self.used[i] = True
                        return i
        for i, note in enumerate(self.notes):
            if (
                not self.used[i]
                and i not in self.reserved
                and i not in self.spare
                and note.label == (ref.label or None)
            ):
                self.used[i] = True
                return i
        return None

    def match(self, ref: m.NoteRef) -> m.Note:
        """The note ``ref`` names (claiming it), or a new empty note with its label
        and id (without the id when a note with that id was already claimed: a
        second marker for one note must not make a second element with its id)."""
        _args.expect_node("NoteMatcher.match(ref)", ref, m.NoteRef)
        index = self.match_index(ref)
        note = self.notes[index] if index is not None else m.Note(label=ref.label or None, id=ref.note)
        if index is None and note.id in self.issued:
            note = m.Note(label=note.label)
        if note.id is not None:
            self.issued.add(note.id)
        return note

    def take_unused_index(self) -> int | None:
        """The index of the first note no marker has claimed yet (claiming it), or ``None``."""
        for i in range(len(self.notes)):
            if not self.used[i]:
                self.used[i] = True
                return i
        return None

    def take_unused(self) -> m.Note | None:
        """The first note no marker has claimed yet (claiming it), or ``None``."""
        index = self.take_unused_index()
        return None if index is None else self.notes[index]
