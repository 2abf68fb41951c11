"""Event-type triggers and the closed list of event types."""

from __future__ import annotations

import re

import pytest

from borderwatch.extraction.document import Document
from borderwatch.extraction.events import EventComponent, compile_pattern, event_types
from borderwatch.types import EventType


@pytest.fixture(scope="module")
def events() -> EventComponent:
    return EventComponent("en")


def types_in(events: EventComponent, text: str) -> set[str]:
    return {t.event_type.value for t in events(Document(text)).triggers}


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("Taliban militants took full control of the district.", "territorial_control_change"),
        ("The insurgents captured Khwahan overnight.", "territorial_control_change"),
        ("Shir Khan Bandar fell to the Taliban on June 22.", "territorial_control_change"),
        ("Government forces retook the town.", "territorial_control_change"),
        ("Two-thirds of the border is under Taliban control.", "territorial_control_change"),
        ("Clashes went on through the night.", "armed_clash"),
        ("Heavy fighting was reported near Kunduz.", "armed_clash"),
        ("1,037 Afghan troops crossed into Tajikistan.", "cross_border_movement"),
        ("Hundreds fled across the river.", "cross_border_movement"),
        ("The soldiers retreated to Tajikistan.", "cross_border_movement"),
        ("Some 300 servicemen entered Tajikistan at five points.", "cross_border_movement"),
        ("Rahmon ordered 20,000 reservists to the border.", "troop_deployment"),
        ("Moscow sent additional troops to its base.", "troop_deployment"),
        ("The army will deploy 20,000 personnel.", "troop_deployment"),
        ("Tajikistan called up 20,000 reservists.", "mobilisation"),
        ("Uzbekistan closed the Termez crossing.", "border_closure_or_opening"),
        ("The bridge was reopened on Monday.", "border_closure_or_opening"),
        ("Guards were providing the soldiers with food and shelter.", "humanitarian_assistance"),
        ("WFP delivered humanitarian aid to the camps.", "humanitarian_assistance"),
        ("They are preparing for an influx of refugees.", "refugee_preparation"),
        ("Officials set up tent camps in Khatlon.", "refugee_preparation"),
        ("Dushanbe could receive up to 100,000 refugees.", "refugee_preparation"),
        ("Both countries agreed to cooperate.", "diplomatic_statement_or_support"),
        ("Moscow was ready to provide support.", "diplomatic_statement_or_support"),
        ("Rahmon discussed the situation with Putin.", "diplomatic_statement_or_support"),
        ("Russian and Tajik troops held joint exercises at Harb-Maidon.", "military_exercise"),
    ],
)
def test_a_trigger_gives_its_type(events: EventComponent, sentence: str, event_type: str) -> None:
    assert event_type in types_in(events, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The weather in Khorog was mild.",
        "A former Soviet republic, Tajikistan is mountainous.",
        "The agreement entered into force in 2020.",
        "Refugees may try to enter the country.",
    ],
)
def test_quiet_sentences_have_no_trigger(events: EventComponent, sentence: str) -> None:
    assert types_in(events, sentence) == set()


def test_a_trigger_keeps_its_span_and_rule(events: EventComponent) -> None:
    text = "Later, Taliban militants Took Full Control of Hohon."
    (trigger,) = events(Document(text)).triggers
    assert text[trigger.start : trigger.end] == trigger.text == "Took Full Control of"
    assert trigger.rule == "control-took"
    assert events.strength(trigger) == pytest.approx(0.9)


def test_every_event_type_is_listed_once_with_an_acled_mapping() -> None:
    types = event_types()
    assert set(types) == set(EventType)
    assert types[EventType.ARMED_CLASH].acled_event_type == "Battles"
    assert all(info.definition and info.acled_sub_event_type for info in types.values())


def test_every_type_has_a_rule_and_an_argument_spec(events: EventComponent) -> None:
    with_rules = {rule.type for rule in events.rules.values()}
    assert with_rules == set(EventType)
    assert set(events.arguments) == set(EventType)


def test_other_needs_a_figure_to_be_a_claim(events: EventComponent) -> None:
    # `other` is the conservative catch-all: a counted state of affairs, never a bare phrase
    assert events.arguments[EventType.OTHER].required == ["quantity"]


def test_a_gap_skips_up_to_n_words() -> None:
    pattern = re.compile(compile_pattern("sent {2} troops"))
    assert pattern.search("they sent more fresh troops")
    assert not pattern.search("they sent many more fresh troops")
    assert not pattern.search("resent troops")


def test_a_negated_trigger_is_no_claim_except_for_a_closure(events: EventComponent) -> None:
    assert types_in(events, "The Taliban had no plans to cross the border.") == set()
    assert types_in(events, "Guards have not opened the crossing to civilians.") == {
        "border_closure_or_opening"
    }
