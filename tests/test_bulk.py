"""The collector pause of the readers restores the process state exactly."""

from __future__ import annotations

import gc
import threading
from typing import cast

import pytest

import frusdoc
from frusdoc._bulk import bulk


def test_pause_restores_enabled_collector_even_on_error() -> None:
    assert gc.isenabled()
    seen: list[bool] = []

    def fails() -> None:
        with bulk():
            seen.append(gc.isenabled())
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        fails()
    assert seen == [False]
    assert gc.isenabled()


def test_pause_leaves_a_disabled_collector_disabled() -> None:
    gc.disable()
    try:
        with bulk():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_nested_and_threaded_pauses_restore_only_when_the_last_leaves() -> None:
    inside = threading.Event()
    release = threading.Event()

    def reader() -> None:
        with bulk():
            inside.set()
            release.wait(10)

    worker = threading.Thread(target=reader)
    with bulk():
        worker.start()
        inside.wait(10)
    # this thread has left, the worker is still inside: the pause holds
    assert not gc.isenabled()
    release.set()
    worker.join(10)
    assert gc.isenabled()


def test_pause_can_be_turned_off() -> None:
    previous = frusdoc.set_gc_pause(False)
    try:
        assert previous is True
        assert frusdoc.gc_pause_enabled() is False
        with bulk():
            assert gc.isenabled()
    finally:
        frusdoc.set_gc_pause(previous)
    assert frusdoc.gc_pause_enabled() is True


def test_setting_refuses_non_booleans() -> None:
    with pytest.raises(frusdoc.ArgumentTypeError, match=r"set_gc_pause\(enabled\): expected True or False, got int 1"):
        frusdoc.set_gc_pause(cast(bool, 1))
    with pytest.raises(TypeError):
        frusdoc.set_gc_pause(cast(bool, "no"))
