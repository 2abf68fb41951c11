"""Fixtures shared by the extraction tests."""

from __future__ import annotations

import pytest

from borderwatch.extraction.pipeline import Pipeline, build_pipeline


@pytest.fixture(scope="session")
def rules() -> Pipeline:
    """The rules alone, for tests about them rather than about the learned sentence model."""
    return build_pipeline("tj-af", sentence_model="off")
