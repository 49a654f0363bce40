"""Bulk construction: pause the cyclic garbage collector while a reader builds.

A reader builds tens of thousands of small immutable nodes at once. None of
them can form a reference cycle (a node holds only strings, numbers and tuples
of nodes), yet each allocation counts toward the collector's thresholds, so
CPython runs full generation scans over a heap that only grows: about a third
of ``json.loads`` and a fifth to a third of ``tei.read_volume`` on 10 MB
inputs. Pausing the collector for the call removes that cost.

The collector is process-wide, so the pause follows library manners:

* it is scoped to the call (a context manager), and the previous state is
  restored exactly on exit, also when the call raises;
* it is counted across threads: the collector is switched off by the first
  reader to enter and the state seen then is restored only when the last one
  leaves, so one thread finishing never re-enables collection under another;
* if the collector was already disabled by the application, nothing changes;
* it can be turned off: :func:`set_gc_pause` (or the ``FRUSDOC_GC_PAUSE=0``
  environment variable, read at import) makes :func:`bulk` a no-op.

See ``docs/core.md`` (Performance and process state).
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from frusdoc import _args
from frusdoc.errors import ArgumentTypeError

__all__ = ["bulk", "gc_pause_enabled", "set_gc_pause"]

_lock = threading.Lock()
_depth = 0
_restore = False
_enabled = os.environ.get("FRUSDOC_GC_PAUSE", "1").strip().lower() not in {"0", "false", "no", "off"}


def set_gc_pause(enabled: bool) -> bool:
    """Turn the collector pause of the readers on or off; return the previous setting."""
    _args.expect_bool("set_gc_pause(enabled)", enabled)
    global _enabled
    if not isinstance(enabled, bool):
        raise ArgumentTypeError(
            f"set_gc_pause(enabled): expected True or False, got {type(enabled).__name__} {enabled!r}"
        )
    with _lock:
        previous, _enabled = _enabled, enabled
    return previous


def gc_pause_enabled() -> bool:
    """Whether the readers pause the cyclic garbage collector while they build."""
    return _enabled


@contextmanager
def bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block (see the module doc)."""
    global _depth, _restore
    if not _enabled:
        yield
        return
    with _lock:
        if _depth == 0:
            _restore = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _restore:
                gc.enable()
