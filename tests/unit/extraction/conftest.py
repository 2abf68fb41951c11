"""Fixtures shared by the extraction tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from borderwatch.extraction.pipeline import Pipeline, build_pipeline
from borderwatch.types import EventType

AUG_20 = date(2021, 8, 20)


@pytest.fixture(scope="session")
def rules() -> Pipeline:
    """The rules alone, for tests about them rather than about the learned sentence model."""
    return build_pipeline("tj-af", sentence_model="off")


@pytest.fixture(scope="session")
def rule_types(rules: Pipeline) -> Callable[[str], list[EventType]]:
    """The types of the rules' claims of a text read on 20 August 2021, in text order."""

    def types(text: str) -> list[EventType]:
        return [c.type for c in rules.extract_claims(text, reference_date=AUG_20)]

    return types
