"""Denials, drills and states of people missed in the sixteenth to nineteenth blind sets, on
text of our own."""

from __future__ import annotations

from datetime import date

import pytest

from borderwatch.extraction.document import Document
from borderwatch.extraction.pipeline import Pipeline
from borderwatch.types import EventType

AUG_20 = date(2021, 8, 20)


def types(rules: Pipeline, text: str) -> list[EventType]:
    return [c.type for c in rules.extract_claims(text, reference_date=AUG_20)]


@pytest.mark.parametrize(
    "text",
    [
        # a speculation marker inside the matched trigger phrase
        "Shopkeepers in Vanj say the bridge could reopen after the holiday.",
        # a clause that opens by denying its subject
        "No Afghan families have entered Tajikistan since the fall of Kabul, the agency said.",
        "- No Afghan soldiers have yet been allowed to cross at Darvoz since 9 July.",
        "Since 1 August the guards have not recorded any attempts by Afghans to cross the Panj.",
        # a refuting frame around the event
        "Reports that armed men crossed into Shamsiddin Shohin district are false.",
        "Claims in several media of shooting across the river at Rushon are groundless.",
        # a correction retelling what a story said
        "The same story said the Taliban had captured Warduj district on 2 July.",
    ],
)
def test_denied_or_retracted_events_are_not_asserted(rules: Pipeline, text: str) -> None:
    assert types(rules, text) == []


def test_a_drill_scenario_is_the_drill_not_a_crossing(rules: Pipeline) -> None:
    text = (
        "At the Momirak range the battalions practised destroying a gang that had crossed "
        "the river, the ministry said."
    )
    found = types(rules, text)
    assert EventType.CROSS_BORDER_MOVEMENT not in found
    assert EventType.ARMED_CLASH not in found


def test_a_held_group_told_with_its_crossing_is_two_claims(rules: Pipeline) -> None:
    text = (
        "Border guards said 35 Afghan soldiers who crossed near Vanj on Tuesday were being "
        "held at a post outside the town."
    )
    assert sorted(types(rules, text)) == [EventType.CROSS_BORDER_MOVEMENT, EventType.OTHER]


@pytest.mark.parametrize(
    "text",
    [
        "In Yawan about 60 soldiers and police surrendered to the Taliban on Sunday.",
        "A further 90 servicemen remained in Tajikistan, the committee said.",
        "About 45 Afghan lorries waiting on the approach to the Ruzvai bridge.",
    ],
)
def test_states_of_people_are_other(rules: Pipeline, text: str) -> None:
    assert types(rules, text) == [EventType.OTHER]


def test_where_a_speaker_sits_is_not_where_the_event_was(rules: Pipeline) -> None:
    text = "Afghan officials in Kunduz said Imam Sahib district had fallen to the Taliban."
    (claim,) = rules.extract_claims(text, reference_date=AUG_20)
    assert [p.place_id for p in claim.places] == ["af-kunduz-imam-sahib"]


def test_a_count_after_a_reference_word_still_counts(rules: Pipeline) -> None:
    text = "TJ BG report 14 AF soldiers crossed near Shurobod overnight."
    (claim,) = rules.extract_claims(text, reference_date=AUG_20)
    assert [q.value for q in claim.quantities] == [14]
    report = rules(
        Document(text="Report 14 says 30 families crossed near Panj.", reference_date=AUG_20)
    )
    assert sorted(q.value for q in report.quantities) == [30]
