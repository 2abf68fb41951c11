"""Helpers for the intake tests: the fixture folder and the seed report outside the repo."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "data" / "intake"
SEEDS = Path("/work/shared/seeds")


@pytest.fixture
def intake_data() -> Path:
    """The folder of intake fixtures written for these tests."""
    return DATA


@pytest.fixture
def seed_bytes() -> bytes:
    """The seed report the project started from (read in place, never copied into the repo)."""
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        pytest.skip("the seed report is not available on this machine")
    return seeds[0].read_bytes()
