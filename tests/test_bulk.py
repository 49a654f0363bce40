"""The readers' hold on full collections restores the process state exactly."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from typing import cast

import pytest

import frusdoc
from frusdoc import tei
from frusdoc._bulk import HELD_THRESHOLD, bulk
from tests.corpus import TEI_DIR


@pytest.fixture(autouse=True)
def collector() -> Iterator[None]:
    """Each test starts with the collector on and the default thresholds, and
    whatever it does to them is undone."""
    enabled, thresholds = gc.isenabled(), gc.get_threshold()
    gc.enable()
    gc.set_threshold(700, 10, 10)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        (gc.enable if enabled else gc.disable)()


def test_full_collections_are_held_and_the_thresholds_restored_even_on_error() -> None:
    seen: list[tuple[bool, tuple[int, ...]]] = []

    def fails() -> None:
        with bulk():
            seen.append((gc.isenabled(), gc.get_threshold()))
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        fails()
    assert seen == [(True, (700, 0, HELD_THRESHOLD))]  # young collections go on
    assert gc.get_threshold() == (700, 10, 10)
    assert gc.isenabled()


def test_the_applications_own_thresholds_come_back_as_they_were() -> None:
    gc.set_threshold(5000, 3, 77)
    with bulk():
        assert gc.get_threshold() == (5000, 0, HELD_THRESHOLD)
    assert gc.get_threshold() == (5000, 3, 77)


@pytest.mark.parametrize("off", ["disable", "threshold 0"])
def test_a_collector_the_application_turned_off_stays_off(off: str) -> None:
    if off == "disable":
        gc.disable()
    else:
        gc.set_threshold(0, 10, 10)
    state = (gc.isenabled(), gc.get_threshold())
    with bulk():
        assert (gc.isenabled(), gc.get_threshold()) == state
    assert (gc.isenabled(), gc.get_threshold()) == state


def test_nested_and_threaded_holds_restore_only_when_the_last_leaves() -> None:
    inside = threading.Event()
    release = threading.Event()

    def reader() -> None:
        with bulk():
            inside.set()
            release.wait(10)

    worker = threading.Thread(target=reader)
    with bulk():
        with bulk():
            worker.start()
            inside.wait(10)
        assert gc.get_threshold()[2] == HELD_THRESHOLD
    # this thread has left, the worker is still inside: the hold stays
    assert gc.get_threshold()[2] == HELD_THRESHOLD
    release.set()
    worker.join(10)
    assert gc.get_threshold() == (700, 10, 10)


def test_the_hold_can_be_turned_off() -> None:
    previous = frusdoc.set_gc_pause(False)
    try:
        assert previous is True
        assert frusdoc.gc_pause_enabled() is False
        with bulk():
            assert gc.get_threshold() == (700, 10, 10)
    finally:
        frusdoc.set_gc_pause(previous)
    assert frusdoc.gc_pause_enabled() is True


def test_a_volume_is_read_with_young_collections_and_no_full_one() -> None:
    """What the hold is for, seen from inside the collector: while read_volume
    builds, young collections run (over the nodes just made) and the oldest
    generation is out of reach; with the hold off, the thresholds are the
    application's all along."""
    path = TEI_DIR / "frus1918Russiav03.xml"
    seen: list[tuple[int, tuple[int, ...]]] = []

    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append((info["generation"], gc.get_threshold()))

    gc.set_threshold(100, 2, 0)  # full collections as often as CPython allows
    gc.callbacks.append(callback)
    try:
        volume = tei.read_volume(path)
        held = list(seen)
        seen.clear()
        previous = frusdoc.set_gc_pause(False)
        try:
            again = tei.read_volume(path)
        finally:
            frusdoc.set_gc_pause(previous)
    finally:
        gc.callbacks.remove(callback)
    assert again == volume
    # (the collections before and after the hold, in the call's first and last steps, are the usual ones)
    inside = [generation for generation, thresholds in held if thresholds == (100, 0, HELD_THRESHOLD)]
    assert len(inside) > 10
    assert set(inside) == {0, 1}
    assert {thresholds for _, thresholds in held} <= {(100, 0, HELD_THRESHOLD), (100, 2, 0)}
    assert len(seen) > 10
    assert {thresholds for _, thresholds in seen} == {(100, 2, 0)}


def test_setting_refuses_non_booleans() -> None:
    with pytest.raises(frusdoc.ArgumentTypeError, match=r"set_gc_pause\(enabled\): expected True or False, got int 1"):
        frusdoc.set_gc_pause(cast(bool, 1))
    with pytest.raises(TypeError):
        frusdoc.set_gc_pause(cast(bool, "no"))
