"""Bulk construction: hold off the cyclic collector's full collections while a reader builds.

A reader builds tens of thousands of small immutable nodes at once. None of
them can form a reference cycle (a node holds only strings, numbers and tuples
of nodes), yet each allocation counts toward the collector's thresholds, and
CPython's oldest-generation (full) collections scan the whole heap, which
grows with every node: left alone, they were about a third of ``json.loads``
and a fifth to a third of ``tei.read_volume`` on 10 MB inputs.

So, for the call, the threshold of the oldest generation is raised out of
reach: the young collections go on, each over the few thousand objects just
made (still in the processor's cache), and no full collection runs until the
call ends. The middle generation's threshold is set to 0 for the call, so that
every other young collection takes the middle generation too: the nodes a
reader builds all survive, and an object that has survived one young
collection goes on to the oldest generation at the next, instead of waiting
in the middle one for ten more and being visited again (about 6 % faster for
``tei.read_volume`` and ``json.loads`` of 10 MB). Disabling the collector instead (frusdoc 0.2.0)
saved the young collections too, but left one young collection over *every*
new node when the pause ended, with none of them in the cache any more:
measured on a 10 MB TEI volume, holding off the full collections is about a
tenth faster for the call, and the full collection that comes after costs the
same either way (``docs/core.md``). On Python 3.14 and later, whose collector
is incremental and has no such oldest generation, the collector is disabled
for the call, as before.

The collector is process-wide, so the hold follows library manners:

* it is scoped to the call (a context manager), and the thresholds (or the
  collector's state) found on entry are restored exactly on exit, also when
  the call raises;
* it is counted across threads: the first reader to enter saves the state and
  only the last one to leave restores it, so one thread finishing never
  lets full collections run under another;
* if the collector was disabled by the application, or its automatic
  collection turned off (a first threshold of 0), nothing changes;
* it can be turned off: :func:`set_gc_pause` (or the ``FRUSDOC_GC_PAUSE=0``
  environment variable, read at import) makes :func:`bulk` a no-op.

See ``docs/core.md`` (Performance and process state).
"""

from __future__ import annotations

import gc
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from frusdoc import _args

__all__ = ["HELD_THRESHOLD", "bulk", "gc_pause_enabled", "set_gc_pause"]

#: The oldest generation's threshold while full collections are held off: a
#: count of younger collections no call reaches (the C API takes an int). The
#: middle generation's is 0 meanwhile (see the module doc).
HELD_THRESHOLD = (1 << 31) - 1
_INCREMENTAL = sys.version_info >= (3, 14)  # no oldest generation to hold: disable instead

_lock = threading.Lock()
_depth = 0
#: What the last reader out restores: the thresholds, True (enable the
#: collector again), or None (nothing was changed).
_saved: tuple[int, ...] | bool | None = None
_enabled = os.environ.get("FRUSDOC_GC_PAUSE", "1").strip().lower() not in {"0", "false", "no", "off"}


def set_gc_pause(enabled: bool) -> bool:
    """Turn on or off the readers' hold on full garbage collections; return the previous setting."""
    _args.expect_bool("set_gc_pause(enabled)", enabled)
    global _enabled
    with _lock:
        previous, _enabled = _enabled, enabled
    return previous


def gc_pause_enabled() -> bool:
    """Whether the readers hold off the cyclic collector's full collections while they build."""
    return _enabled


def _hold() -> tuple[int, ...] | bool | None:
    if not gc.isenabled():
        return None
    if _INCREMENTAL:  # pragma: no cover - Python 3.14+
        gc.disable()
        return True
    thresholds = gc.get_threshold()
    if thresholds[0] == 0 or thresholds[-1] == HELD_THRESHOLD:
        return None  # no automatic collection to hold, or held already
    gc.set_threshold(thresholds[0], 0, HELD_THRESHOLD)
    return thresholds


def _release(saved: tuple[int, ...] | bool | None) -> None:
    if saved is True:  # pragma: no cover - Python 3.14+
        gc.enable()
    elif isinstance(saved, tuple):
        gc.set_threshold(*saved)


@contextmanager
def bulk() -> Iterator[None]:
    """Hold off full garbage collections for the ``with`` block (see the module doc)."""
    global _depth, _saved
    if not _enabled:
        yield
        return
    with _lock:
        if _depth == 0:
            _saved = _hold()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                saved, _saved = _saved, None
                _release(saved)
