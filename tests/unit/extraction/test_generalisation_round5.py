"""The failure classes of the sixth and seventh blind sets, each checked on text of our own."""

from __future__ import annotations

from datetime import date

import pytest

from borderwatch.extraction.document import Claim
from borderwatch.extraction.pipeline import Pipeline
from borderwatch.intake.clean import clean_text
from borderwatch.types import EventType

JUL_14 = date(2021, 7, 14)


def claims(pipeline: Pipeline, text: str) -> list[Claim]:
    return pipeline.extract_claims(text, reference_date=JUL_14)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        (
            "The militants now held 15 districts in Takhar, officials said.",
            EventType.TERRITORIAL_CONTROL_CHANGE,
        ),
        (
            "Afghan forces have retaken Kishim district, the ministry said.",
            EventType.TERRITORIAL_CONTROL_CHANGE,
        ),
        (
            "The posts were left after the establishment of control by Taliban units.",
            EventType.TERRITORIAL_CONTROL_CHANGE,
        ),
        (
            "Peskov said that if necessary Russia will help Tajikistan.",
            EventType.DIPLOMATIC_STATEMENT_OR_SUPPORT,
        ),
        (
            "Dushanbe had asked the CSTO for help on Monday.",
            EventType.DIPLOMATIC_STATEMENT_OR_SUPPORT,
        ),
        (
            "The ministry expresses its deep concern at the situation in Panjshir.",
            EventType.DIPLOMATIC_STATEMENT_OR_SUPPORT,
        ),
        ("UNHCR has prepositioned 2,500 family tents in Khatlon.", EventType.REFUGEE_PREPARATION),
        (
            "WFP dispatched 60 tonnes of flour to its warehouse in Kulob.",
            EventType.REFUGEE_PREPARATION,
        ),
        ("TJ BG have refused them entry since Friday.", EventType.BORDER_CLOSURE_OR_OPENING),
        (
            "The crossings at Panji Poyon and Ishkoshim remain closed to passengers.",
            EventType.BORDER_CLOSURE_OR_OPENING,
        ),
        ("Freight trains to Hairatan had resumed on Monday.", EventType.BORDER_CLOSURE_OR_OPENING),
        (
            "1,500 reservists from Sughd have been sent to Gorno-Badakhshan.",
            EventType.TROOP_DEPLOYMENT,
        ),
        (
            "Former border troops reservists are being assigned to the detachments in Darvoz.",
            EventType.TROOP_DEPLOYMENT,
        ),
    ],
)
def test_events_said_in_the_ways_of_the_sixth_and_seventh_blind_sets(
    rules: Pipeline, text: str, event_type: EventType
) -> None:
    assert event_type in [c.type for c in claims(rules, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Under the scenario, the three armies will destroy militants who crossed the border.",
        "Rumours in town that the Taliban crossed at Rushon last night are false.",
        "Someone online says 5,000 Afghans are about to arrive in Farkhor.",
        "Clashes in Kunduz: the soldiers asked for help at the bridge.",
    ],
)
def test_scenarios_rumours_and_a_soldiers_plea_are_no_claim_of_that_kind(
    rules: Pipeline, text: str
) -> None:
    assert EventType.DIPLOMATIC_STATEMENT_OR_SUPPORT not in [c.type for c in claims(rules, text)]
    if "Clashes" not in text:
        assert claims(rules, text) == []


def test_a_call_for_an_end_to_fighting_is_no_clash(rules: Pipeline) -> None:
    text = "China called for an immediate end to the fighting in Afghanistan."
    assert [c.type for c in claims(rules, text)] == [EventType.DIPLOMATIC_STATEMENT_OR_SUPPORT]


def test_a_photo_caption_line_is_clutter() -> None:
    text = "Photo caption: Afghan families on an island in the Pyanj.\n\nThe bridge stays shut."
    assert "island" not in clean_text(text)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Panji Poyon bridge opened 1000-1400 for cargo only, 22 trucks crossed.", [22]),
        ("Drills began some 20 km from the Afghan border with 2,500 troops.", [2500]),
        ("The Taliban took Kunduz and Taloqan, the capitals of the two provinces.", []),
    ],
)
def test_times_distances_and_determiners_are_no_figures(
    rules: Pipeline, text: str, figures: list[float]
) -> None:
    found = claims(rules, text)
    assert [q.value for c in found for q in c.quantities] == figures


def test_maybe_a_thousand_is_about_a_thousand(rules: Pipeline) -> None:
    found = claims(rules, "Maybe a thousand Afghan soldiers crossed into Tajikistan.")
    assert [(q.value, q.qualifier.value) for q in found[0].quantities] == [(1000, "about")]


# --- the eighth and ninth blind sets -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        (
            "Taliban units had taken up positions along the bank opposite Ishkoshim.",
            EventType.TROOP_DEPLOYMENT,
        ),
        ("Between 300 and 400 commandos were being flown to Faizabad.", EventType.TROOP_DEPLOYMENT),
        (
            "This month the border troops received reinforcements in Khatlon.",
            EventType.TROOP_DEPLOYMENT,
        ),
        (
            "Its posts in the Panj area had been reinforced, the service said.",
            EventType.TROOP_DEPLOYMENT,
        ),
        (
            "On Tuesday border guards turned back 40 Afghan traders at the Khorog bridge.",
            EventType.BORDER_CLOSURE_OR_OPENING,
        ),
        (
            "The families waited after border guards refused to let them land.",
            EventType.BORDER_CLOSURE_OR_OPENING,
        ),
        (
            "Uzbekistan said it will not allow refugees to cross the bridge.",
            EventType.BORDER_CLOSURE_OR_OPENING,
        ),
        (
            "Government forces had abandoned Kishim district overnight.",
            EventType.TERRITORIAL_CONTROL_CHANGE,
        ),
        (
            "The border troops have cancelled all leave for personnel in Khatlon.",
            EventType.MOBILISATION,
        ),
        (
            "Russian, Uzbek and Tajik troops exercised together at Harb-Maidon.",
            EventType.MILITARY_EXERCISE,
        ),
        (
            "Tashkent said it will not interfere in the internal affairs of Afghanistan.",
            EventType.DIPLOMATIC_STATEMENT_OR_SUPPORT,
        ),
        ("Some 20 Afghan pilots were detained by Uzbek border guards.", EventType.OTHER),
    ],
)
def test_events_said_in_the_ways_of_the_eighth_and_ninth_blind_sets(
    rules: Pipeline, text: str, event_type: EventType
) -> None:
    assert event_type in [c.type for c in claims(rules, text)]


def test_questions_and_an_interviewers_lines_make_no_claim(rules: Pipeline) -> None:
    text = (
        "Q: Have any Afghans crossed into Khatlon this month?\n"
        "Q: There were reports of 300 families on the islands near Farkhor.\n"
        "A: About 40 Afghan soldiers crossed near Panj on Friday."
    )
    found = claims(rules, text)
    assert [c.evidence_text[:8] for c in found] == ["A: About"]


# --- the tenth and eleventh blind sets -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("0900 BG post at bridge reinforced overnight.", EventType.TROOP_DEPLOYMENT),
        ("Afghan forces pulled back to Dasht-e Qala on Friday.", EventType.TROOP_DEPLOYMENT),
        (
            "The 201st base had moved part of its armour to the Harb-Maidon range.",
            EventType.TROOP_DEPLOYMENT,
        ),
        (
            "The land crossings at Panji Poyon, Ishkoshim and Khorugh remain closed.",
            EventType.BORDER_CLOSURE_OR_OPENING,
        ),
    ],
)
def test_events_said_in_the_ways_of_the_tenth_and_eleventh_blind_sets(
    rules: Pipeline, text: str, event_type: EventType
) -> None:
    assert event_type in [c.type for c in claims(rules, text)]


def test_soldiers_who_surrender_hand_over_no_place(rules: Pipeline) -> None:
    text = "At least 30 government soldiers surrendered to the Taliban on Friday."
    assert EventType.TERRITORIAL_CONTROL_CHANGE not in [c.type for c in claims(rules, text)]


def test_an_exercise_scenario_makes_no_claim(rules: Pipeline) -> None:
    text = "The scenario envisages the destruction of armed groups that have crossed the border."
    assert claims(rules, text) == []
