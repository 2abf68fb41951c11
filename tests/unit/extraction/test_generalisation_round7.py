"""Trigger phrasings missed in the twelfth and thirteenth blind sets, on text of our own."""

from __future__ import annotations

from datetime import date

import pytest

from borderwatch.extraction.pipeline import Pipeline
from borderwatch.types import EventType

JUL_14 = date(2021, 7, 14)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        (
            "About 40 villagers had walked across by dawn, the official said.",
            EventType.CROSS_BORDER_MOVEMENT,
        ),
        (
            "More than 500 Afghan soldiers had crossed over since Friday.",
            EventType.CROSS_BORDER_MOVEMENT,
        ),
        (
            "Some 20 civilians crossed by raft near Rushon on Sunday night.",
            EventType.CROSS_BORDER_MOVEMENT,
        ),
        (
            "The guards said 90 Afghan troops have crossed since Monday.",
            EventType.CROSS_BORDER_MOVEMENT,
        ),
        (
            "About 100 Afghan airmen flew their helicopters into Termez in August.",
            EventType.CROSS_BORDER_MOVEMENT,
        ),
        (
            "Since Sunday the guards have been passing bread and water to the families.",
            EventType.HUMANITARIAN_ASSISTANCE,
        ),
        (
            "The Vanj clinic is treating 4 wounded Afghan soldiers.",
            EventType.HUMANITARIAN_ASSISTANCE,
        ),
        (
            "The families were being housed in tents near Rushon, the official said.",
            EventType.HUMANITARIAN_ASSISTANCE,
        ),
        (
            "TB flags up over Maimay district centre since 0600.",
            EventType.TERRITORIAL_CONTROL_CHANGE,
        ),
        ("TB now hold Khwahan and Shekay.", EventType.TERRITORIAL_CONTROL_CHANGE),
        (
            "The Afghan post at Nusay was abandoned without a fight.",
            EventType.TERRITORIAL_CONTROL_CHANGE,
        ),
        (
            "The Taliban have taken four provincial capitals since Friday.",
            EventType.TERRITORIAL_CONTROL_CHANGE,
        ),
        (
            "The garrison had been reinforced with artillery, the ministry said.",
            EventType.TROOP_DEPLOYMENT,
        ),
        (
            "Buses carrying about 2,000 Tajik reservists left Bokhtar on Monday.",
            EventType.TROOP_DEPLOYMENT,
        ),
        (
            "Two tent camps with room for 3,000 people stand ready in Khatlon.",
            EventType.REFUGEE_PREPARATION,
        ),
        (
            "Preparations were under way to receive up to 5,000 refugees in Panj.",
            EventType.REFUGEE_PREPARATION,
        ),
        ("Termez bridge: pedestrians barred since Sunday.", EventType.BORDER_CLOSURE_OR_OPENING),
        (
            "Guards are turning back Afghans without papers at the bridge.",
            EventType.BORDER_CLOSURE_OR_OPENING,
        ),
        ("Crossing: CLOSED both directions since Sunday.", EventType.BORDER_CLOSURE_OR_OPENING),
        (
            "Dushanbe asked the Collective Security Treaty Organization for help on Friday.",
            EventType.DIPLOMATIC_STATEMENT_OR_SUPPORT,
        ),
        (
            "~40 ANA soldiers crossed Khorugh bridge to the TJ side.",
            EventType.CROSS_BORDER_MOVEMENT,
        ),
        (
            "About 30 Tajik traders came home from Afghanistan on Monday.",
            EventType.CROSS_BORDER_MOVEMENT,
        ),
        (
            "All districts along the border are now under Taliban control.",
            EventType.TERRITORIAL_CONTROL_CHANGE,
        ),
        (
            "Two tent camps have been fully equipped in Farkhor, officials said.",
            EventType.REFUGEE_PREPARATION,
        ),
        (
            "The ministry asked UN agencies to plan for up to 50,000 arrivals.",
            EventType.REFUGEE_PREPARATION,
        ),
        ("The Vanj sports hall can take another 120 people.", EventType.REFUGEE_PREPARATION),
        ("Government forces launched an operation to retake Imam Sahib.", EventType.ARMED_CLASH),
        (
            "The Ishkoshim checkpoint continues to operate in normal mode.",
            EventType.BORDER_CLOSURE_OR_OPENING,
        ),
    ],
)
def test_phrasing_gives_its_type(rules: Pipeline, text: str, event_type: EventType) -> None:
    found = rules.extract_claims(text, reference_date=JUL_14)
    assert event_type in [c.type for c in found]


def test_walking_into_a_district_centre_is_no_crossing(rules: Pipeline) -> None:
    text = "On Sunday we watched forty of them walk into the district centre at Maimay."
    found = rules.extract_claims(text, reference_date=JUL_14)
    assert EventType.CROSS_BORDER_MOVEMENT not in [c.type for c in found]


def test_what_is_true_now_is_dated_by_the_report(rules: Pipeline) -> None:
    text = (
        "Some 200 Afghans crossed near Panj on 10 July, officials said. "
        "Around 60 lorries are now stuck on the Tajik side of the bridge."
    )
    found = rules.extract_claims(text, reference_date=JUL_14)
    dates = {c.type: c.date for c in found}
    assert dates[EventType.CROSS_BORDER_MOVEMENT] == date(2021, 7, 10)
    assert dates[EventType.OTHER] == JUL_14


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Heavy MG fire for ~40 min opposite Maimay, TJ BG said.", []),
        ("Faizabad under TB control since 11/08 approx 2300, residents said.", []),
        ("Twelve Afghan soldiers, not 60 as first reported, crossed into Tajikistan.", [12.0]),
    ],
)
def test_figures_that_count_nothing(rules: Pipeline, text: str, expected: list[float]) -> None:
    found = rules.extract_claims(text, reference_date=JUL_14)
    assert [q.value for c in found for q in c.quantities] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beijing handed over two thousand tents to the Emergencies Committee.", (2000, "exact")),
        (
            "Officials prepared tents for two to three thousand refugees in Farkhor.",
            (2500, "about"),
        ),
        ("Between 300 and 400 soldiers crossed into Tajikistan on Monday.", (350, "about")),
    ],
)
def test_figures_as_written(rules: Pipeline, text: str, expected: tuple[float, str]) -> None:
    found = rules.extract_claims(text, reference_date=JUL_14)
    assert [(q.value, q.qualifier.value) for c in found for q in c.quantities] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The article also said that the Taliban had taken Darvoz.",
        "CORRECTION: A previous version of this report said 300 soldiers crossed at Panj.",
        "The Border Troops refute reports that Taliban fighters crossed into Tajikistan.",
    ],
)
def test_what_a_correction_or_refutation_retells_is_not_asserted(
    rules: Pipeline, text: str
) -> None:
    assert rules.extract_claims(text, reference_date=JUL_14) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Panji Poyon crossing, some 80 km to the west, was closed on Monday.", []),
        ("The committee has prepared 2 classrooms in Vanj to house up to 60 refugees.", [2, 60]),
    ],
)
def test_distances_place_and_classrooms_count(
    rules: Pipeline, text: str, expected: list[float]
) -> None:
    found = rules.extract_claims(text, reference_date=JUL_14)
    assert [q.value for c in found for q in c.quantities] == expected


def test_soldiers_asking_for_help_make_no_statement(rules: Pipeline) -> None:
    text = "Some 134 Afghan servicemen crossed at Panji Poyon and asked for help."
    types = [c.type for c in rules.extract_claims(text, reference_date=JUL_14)]
    assert EventType.DIPLOMATIC_STATEMENT_OR_SUPPORT not in types
