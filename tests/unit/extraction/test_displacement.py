"""Movement inside one country is displacement (`other`), not a border crossing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from borderwatch.types import EventType

Types = Callable[[str], list[EventType]]


@pytest.mark.parametrize(
    "text",
    [
        "Some 300 families fled from Kunduz city to Khanabad overnight.",
        "About 1,500 families fled from Warduj and Yamgan to Faizabad last week.",
        "60 families from villages of Darvoz fled to the school in Kalai-Khumb.",
    ],
)
def test_people_moving_inside_one_country_are_displaced(rule_types: Types, text: str) -> None:
    assert rule_types(text) == [EventType.OTHER]


@pytest.mark.parametrize(
    "text",
    [
        # a crossing word, a foreigner, a country or a border place: a crossing
        "Some 134 Afghan servicemen fled to the Panj district on Monday.",
        "134 Afghan servicemen crossed the border in the Panj district.",
        "Some 200 soldiers fled into Tajikistan from Khwahan.",
        "The committee said 1,037 servicemen had retreated at five points in Badakhshan.",
    ],
)
def test_a_border_crossed_stays_a_crossing(rule_types: Types, text: str) -> None:
    assert rule_types(text) == [EventType.CROSS_BORDER_MOVEMENT]
