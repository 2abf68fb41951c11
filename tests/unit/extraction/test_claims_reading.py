"""How claims read field notes, sitreps and translated statements: our own sentences in the
styles that arrive, each a class of wording rather than one report's sentence."""

from __future__ import annotations

from datetime import date

import pytest

from borderwatch.extraction.document import Claim
from borderwatch.extraction.pipeline import Pipeline, build_pipeline
from borderwatch.types import EventType

JULY_16 = date(2021, 7, 16)  # a Friday


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return build_pipeline("tj-af")


def claims(pipeline: Pipeline, text: str, **kwargs: object) -> list[Claim]:
    return pipeline.extract_claims(text, reference_date=JULY_16, **kwargs)  # type: ignore[arg-type]


def types(found: list[Claim]) -> list[str]:
    return [c.type.value for c in found]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("TB in Darvaz dist centre since 0300.", "territorial_control_change"),
        ("Eshkashem dist HQ handed to TB w/o fight.", "territorial_control_change"),
        (
            "The fall of Shughnan district to the Taliban came on Monday.",
            "territorial_control_change",
        ),
        ("approx 80 ANA waiting at river opp Kalaikhum, asking to cross.", "cross_border_movement"),
        ("Some 40 Afghan soldiers swam across to TJ at Nusay.", "cross_border_movement"),
        ("Two Afghan helicopters with 30 soldiers landed in Kulob.", "cross_border_movement"),
        ("2 BTR + approx 60 BG moved to Ruzvai bridge.", "troop_deployment"),
        (
            "Tajik border guards have sent about 200 more men to the Vanj sector.",
            "troop_deployment",
        ),
        ("Cargo via Panji Poyon bridge stopped, trucks turned back.", "border_closure_or_opening"),
        (
            "The Vanj bridge market is due to reopen for Afghan traders.",
            "border_closure_or_opening",
        ),
        ("UNHCR delivered 800 family kits to the Committee in Khorog.", "humanitarian_assistance"),
        ("Kazakhstan has sent 15 trucks of flour to Khatlon region.", "humanitarian_assistance"),
        (
            "In the district of Panj are readied 4 points of temporary placement.",
            "refugee_preparation",
        ),
        ("The team installed 10 latrines at the transit site in Jayhun.", "refugee_preparation"),
        (
            "The district hospital in Dusti has set aside 15 beds for arrivals.",
            "refugee_preparation",
        ),
        (
            "Schools in Ishkoshim had been prepared to house up to 300 people.",
            "refugee_preparation",
        ),
        ("Over 3,000 troops of Tajikistan took part in the drills.", "military_exercise"),
    ],
)
def test_field_and_sitrep_wording_gives_its_type(
    pipeline: Pipeline, text: str, event_type: str
) -> None:
    assert event_type in types(claims(pipeline, text))


def test_a_clock_time_in_a_field_note_is_no_figure(pipeline: Pipeline) -> None:
    found = claims(pipeline, "TJ BG boat crossing open since 0430, ~40 across already.")
    crossing = [c for c in found if c.type == EventType.CROSS_BORDER_MOVEMENT]
    assert [[(q.value, q.qualifier.value) for q in c.quantities] for c in crossing] == [
        [(40, "about")]
    ]


def test_an_event_in_a_relative_clause_is_a_claim_of_its_own(pipeline: Pipeline) -> None:
    # One claim per trigger per clause (docs/gold-set.md): every blind-set writer counted them.
    text = "Tajik border guards are feeding the Afghan soldiers who crossed the Panj near Khorog."
    assert sorted(types(claims(pipeline, text))) == [
        "cross_border_movement",
        "humanitarian_assistance",
    ]


def test_a_participle_describes_the_people_it_is_no_second_claim(pipeline: Pipeline) -> None:
    text = "Tajik border guards are feeding 300 families fleeing the fighting in Kunduz."
    assert types(claims(pipeline, text)) == ["humanitarian_assistance"]


def test_a_relative_clause_alone_is_the_claim(pipeline: Pipeline) -> None:
    text = "Some 50 Afghan servicemen who swam the river on July 5 are still in Ishkoshim."
    assert types(claims(pipeline, text)) == ["cross_border_movement"]


def test_a_purpose_that_repeats_the_call_up_is_no_deployment(pipeline: Pipeline) -> None:
    text = "Rahmon ordered the call-up of 20,000 reservists to reinforce the frontier."
    assert types(claims(pipeline, text)) == ["mobilisation"]


def test_the_longer_trigger_decides_the_type(pipeline: Pipeline) -> None:
    text = "A sudden inspection of combat readiness of the Tajik army began on Thursday."
    assert types(claims(pipeline, text)) == ["military_exercise"]


def test_other_is_a_counted_state_of_affairs_and_only_when_nothing_else_fits(
    pipeline: Pipeline,
) -> None:
    stranded = claims(pipeline, "Nearly 900 civilians were stranded on islands of the Panj.")
    assert types(stranded) == ["other"]
    assert types(claims(pipeline, "Civilians were stranded on islands of the Panj.")) == []
    crossing = "Dozens of ANA soldiers gathered on the bank opposite Darvoz and asked to cross."
    assert types(claims(pipeline, crossing)) == ["cross_border_movement"]


def test_an_aside_in_brackets_makes_no_claim(pipeline: Pipeline) -> None:
    text = "(The Panj Relief Cell is a made-up cell; exercise material)\n\nNothing new today."
    assert claims(pipeline, text) == []


def test_a_sentence_without_a_date_takes_the_time_its_predecessor_set(pipeline: Pipeline) -> None:
    text = (
        "DUSHANBE, July 16 (Asia-Plus) - Rahmon ordered more troops to the frontier on "
        "Thursday, a day after 300 Afghan soldiers fled into Tajikistan.\n\n"
        "Officials said the Taliban had taken control of the districts of Khwahan and Maimay."
    )
    control = [c for c in claims(pipeline, text) if c.type == EventType.TERRITORIAL_CONTROL_CHANGE]
    assert [c.date for c in control] == [date(2021, 7, 15)]


def test_heading_dates_and_since_spans_do_not_date_later_sentences(pipeline: Pipeline) -> None:
    text = (
        "RELIEF CELL - SITUATION UPDATE\nCovering: 9-15 July 2021\n\n"
        "• Some 1,600 Afghan servicemen have entered Tajikistan since early July.\n"
        "• WFP has pre-positioned 60 tonnes of flour in Kulob."
    )
    # stock moved in ahead of arrivals is preparation, as every blind-set writer annotated it
    stock = [c for c in claims(pipeline, text) if "WFP" in c.evidence_text]
    assert [(c.type, c.date) for c in stock] == [(EventType.REFUGEE_PREPARATION, JULY_16)]


def test_each_list_item_has_its_own_source(pipeline: Pipeline) -> None:
    text = (
        "• Tajik authorities say they are ready to receive 10,000 Afghan refugees.\n"
        "• WFP has pre-positioned 60 tonnes of flour in Kulob."
    )
    found = claims(pipeline, text, publisher="Relief Cell")
    stock = [c for c in found if "WFP" in c.evidence_text]
    assert [c.attribution for c in stock] == [["Relief Cell"]]


def test_a_subordinate_clause_of_the_same_type_is_its_own_claim(pipeline: Pipeline) -> None:
    text = (
        "Ishkashim district fell to the Taliban on Monday, hours after the militants overran Zebak."
    )
    control = [c for c in claims(pipeline, text) if c.type == EventType.TERRITORIAL_CONTROL_CHANGE]
    assert [[p.place_id for p in c.places] for c in control] == [
        ["af-badakhshan-ishkashim"],
        ["af-badakhshan-zebak"],
    ]


def test_a_request_or_a_wait_is_no_event(pipeline: Pipeline) -> None:
    text = "The police in Nusay had waited for reinforcements for more than a week."
    assert claims(pipeline, text) == []


def test_speculation_is_no_event_but_a_month_named_may_is_no_speculation(
    pipeline: Pipeline,
) -> None:
    assert claims(pipeline, "Analysts say the Taliban may try to take more districts.") == []
    text = "On 5 May fighting broke out near Kunduz between Taliban and Afghan forces."
    assert types(claims(pipeline, text)) == ["armed_clash"]
