"""The failure classes of the twelfth and thirteenth blind sets, each checked on text of our own."""

from __future__ import annotations

from datetime import date

import pytest

from borderwatch.extraction.document import Claim
from borderwatch.extraction.pipeline import Pipeline
from borderwatch.types import EventType

JUL_14 = date(2021, 7, 14)


def claims(pipeline: Pipeline, text: str) -> list[Claim]:
    return pipeline.extract_claims(text, reference_date=JUL_14)


def place_ids(pipeline: Pipeline, text: str) -> list[list[str | None]]:
    return [[p.place_id for p in c.places] for c in claims(pipeline, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A unit word after a list of names, or before its first, is every name's.
        (
            "The guards closed the Ishkoshim, Khorog and Vanj bridges on Monday.",
            ["tj-crossing-ishkoshim", "tj-crossing-khorugh", "tj-crossing-vanj"],
        ),
        (
            "The crossings at Ishkoshim and Khorugh stayed closed to passengers.",
            ["tj-crossing-ishkoshim", "tj-crossing-khorugh"],
        ),
        (
            "Traffic through the Panji Poyon and Ishkoshim checkpoints was suspended.",
            ["tj-crossing-panji-poyon", "tj-crossing-ishkoshim"],
        ),
        # "the" before a list with a name that is no river names no river.
        (
            "Tajik border guards moved extra units to the Panj and Farkhor sections on Monday.",
            ["tj-khatlon-panj", "tj-khatlon-farkhor"],
        ),
        # A unit word the name was matched with ("Pyandzh district") beats "the" (a river).
        ("Guards sent reinforcements to the Pyandzh district.", ["tj-khatlon-panj"]),
        # Field-note abbreviations of a crossing.
        ("Vanj br. closed to all traffic since Monday.", ["tj-crossing-vanj"]),
        ("The guards closed Panji Poyon BCP to passengers on Monday.", ["tj-crossing-panji-poyon"]),
        # A bare name a city shares with its district or province is the city.
        (
            "The Taliban took Kunduz and Taloqan on Sunday.",
            ["af-town-kunduz", "af-town-taloqan"],
        ),
        # ... but not after "the province of".
        (
            "Militants captured the Shir Khan Bandar crossing in the province of Kunduz.",
            ["af-crossing-shir-khan-bandar"],
        ),
    ],
)
def test_place_kinds(rules: Pipeline, text: str, expected: list[str]) -> None:
    assert place_ids(rules, text) == [expected]


def test_one_sides_spelling_keeps_its_side(rules: Pipeline) -> None:
    # "Eshkashem" is the Afghan spelling: a report about the Tajik side does not move it.
    text = (
        "Border guards sent reinforcements to Panj district on Monday. "
        "The Taliban took Eshkashem district on Tuesday."
    )
    assert place_ids(rules, text)[-1] == ["af-badakhshan-ishkashim"]


def test_a_day_and_month_abbreviation_end_a_sentence(rules: Pipeline) -> None:
    text = "Ishkoshim bridge: closed since 5 Jul. Vanj bridge: reopened on Jul. 12 for cargo."
    found = claims(rules, text)
    assert [c.evidence_text for c in found] == [
        "Ishkoshim bridge: closed since 5 Jul.",
        "Vanj bridge: reopened on Jul. 12 for cargo.",
    ]
    assert [c.date for c in found] == [date(2021, 7, 5), date(2021, 7, 12)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "took" and "fell" mean a change of control only with a place name beside them.
        (
            "The Taliban took Khwahan and Shekay on Sunday.",
            ["af-badakhshan-khwahan", "af-badakhshan-shekay"],
        ),
        ("Wakhan district fell on 7 July, officials said.", ["af-badakhshan-wakhan"]),
        (
            "Yangi Qala and Dasht-i-Qala fell the same day.",
            ["af-takhar-yangi-qala", "af-takhar-dasht-e-qala"],
        ),
    ],
)
def test_control_from_a_verb_beside_a_place(
    rules: Pipeline, text: str, expected: list[str]
) -> None:
    found = claims(rules, text)
    assert [c.type for c in found] == [EventType.TERRITORIAL_CONTROL_CHANGE]
    assert [p.place_id for p in found[0].places] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Guards took the soldiers to Khorog on Sunday.",
        "Flour prices in Kulob fell sharply this week.",
    ],
)
def test_no_control_without_a_place_beside_the_verb(rules: Pipeline, text: str) -> None:
    assert EventType.TERRITORIAL_CONTROL_CHANGE not in [c.type for c in claims(rules, text)]


def test_a_figure_in_a_clause_without_a_trigger_counts_for_the_claim(rules: Pipeline) -> None:
    text = "Three schools in Panj town were earmarked as shelters, cap. up to 1,500 ppl, on Monday."
    found = claims(rules, text)
    assert [c.type for c in found] == [EventType.REFUGEE_PREPARATION]
    assert [(q.value, q.qualifier.value) for q in found[0].quantities] == [
        (3, "exact"),
        (1500, "up_to"),
    ]


def test_a_convoy_of_aid_crossing_is_the_aid_not_people_moving(rules: Pipeline) -> None:
    text = "A UNHCR convoy of 18 trucks with tents and blankets crossed into Afghanistan on Monday."
    types = [c.type for c in claims(rules, text)]
    assert EventType.CROSS_BORDER_MOVEMENT not in types


def test_people_crossing_beside_aid_stay_a_movement(rules: Pipeline) -> None:
    text = "Some 134 soldiers crossed into Tajikistan on Monday and were given food and tents."
    types = [c.type for c in claims(rules, text)]
    assert EventType.CROSS_BORDER_MOVEMENT in types


def test_a_state_by_its_formal_name_is_an_actor_not_a_place(rules: Pipeline) -> None:
    text = "The Republic of Tajikistan will not recognise any government in Afghanistan."
    (claim,) = claims(rules, text)
    assert [p.place_id for p in claim.places] == ["af"]
    assert [a.actor_id for a in claim.actors] == ["tajik-government"]


def test_uzbek_border_guards_are_uzbekistan(rules: Pipeline) -> None:
    text = "Uzbek border guards at Termez have turned back at least 200 Afghans."
    assert [[a.actor_id for a in c.actors] for c in claims(rules, text)] == [["uzbekistan"]]


def test_a_clash_told_as_a_cause_takes_the_places_of_its_sentence(rules: Pipeline) -> None:
    text = "Taliban fighters took Yangi Qala and Darqad on Monday after clashes with Afghan forces."
    by_type = {c.type: [p.place_id for p in c.places] for c in claims(rules, text)}
    assert by_type[EventType.ARMED_CLASH] == ["af-takhar-yangi-qala", "af-takhar-darqad"]


def test_two_events_of_one_clause_share_out_its_places(rules: Pipeline) -> None:
    text = (
        "About 150 Afghans crossed near the town of Panj on Sunday and are being accommodated "
        "at a school in Jayhun district."
    )
    by_type = {c.type: [p.place_id for p in c.places] for c in claims(rules, text)}
    assert by_type[EventType.CROSS_BORDER_MOVEMENT] == ["tj-town-panj"]
    assert by_type[EventType.HUMANITARIAN_ASSISTANCE] == ["tj-khatlon-jayhun"]


def test_while_starts_another_event(rules: Pipeline) -> None:
    text = (
        "The insurgents overran Maimay district on Sunday, while in neighbouring Nusay about 30 "
        "soldiers fled across the river into Tajikistan and in Yawan the militants seized "
        "three police posts."
    )
    found = claims(rules, text)
    control = [
        [p.place_id for p in c.places]
        for c in found
        if c.type is EventType.TERRITORIAL_CONTROL_CHANGE
    ]
    assert control == [["af-badakhshan-maimay"], ["af-badakhshan-yawan"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Badakhshan" on its own is the Afghan province (Tajik Badakhshan is Gorno-Badakhshan).
        (
            "Tajik border guards said the Taliban overran government posts across Badakhshan.",
            ["af-badakhshan"],
        ),
        # "Pamir" on its own is the mountains or a road, not the Pamir river.
        ("TJ army trucks moved along the Pamir Highway to Khorog.", ["tj-gbao-khorugh"]),
        # A country in a body's name is no place of the claim.
        ("46 servicemen of the Armed Forces of Afghanistan crossed into Tajikistan.", ["tj"]),
        # A place name in a source's name is no place of the claim.
        (
            "Taliban fighters took Yangi Qala district, residents told Badakhshan Voice.",
            ["af-takhar-yangi-qala"],
        ),
        # A name spelled as one side spells it keeps that side beside the other side's province.
        (
            "Aid was handed over to Afghan Badakhshan at the Ishkoshim bridge on Monday.",
            ["af-badakhshan", "tj-crossing-ishkoshim"],
        ),
    ],
)
def test_which_place_a_name_is(rules: Pipeline, text: str, expected: list[str]) -> None:
    assert place_ids(rules, text) == [expected]


def test_the_tem_bridge_is_the_afghan_end(rules: Pipeline) -> None:
    text = "About 30 Afghan soldiers crossed via the Tem bridge into Tajikistan on Monday."
    assert place_ids(rules, text) == [["af-crossing-tem", "tj"]]
