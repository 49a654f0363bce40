"""Shared fixtures: the corpus copied into tests/data, hypothesis profiles."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from tests.corpus import DATA

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "thorough", deadline=None, max_examples=1000, suppress_health_check=[HealthCheck.too_slow]
)
# CI's second run, at the lowest allowed dependency versions, checks that the floors work, not
# the properties again: few examples (where a test does not set its own), derandomized and
# without the example database, so it gives the same verdict on every run.
settings.register_profile(
    "quick",
    deadline=None,
    max_examples=10,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def seed_text() -> str:
    """The founding example, byte for byte."""
    return (DATA / "seed.txt").read_text(encoding="utf-8")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The error-contract test's counts, so they show in a plain ``pytest -q`` run."""
    import sys

    contract = sys.modules.get("tests.test_error_contract")
    stats = getattr(contract, "STATS", None)
    if stats and stats["calls"]:
        terminalreporter.write_line(
            f"error contract: {stats['callables']} callables, {stats['calls']} calls"
        )
