"""Claim assembly: one claim per event type per sentence, with its clause's arguments."""

from __future__ import annotations

from datetime import date

import pytest

from borderwatch.extraction.document import Claim, DateMention, Document
from borderwatch.extraction.pipeline import Pipeline, build_pipeline
from borderwatch.types import DatePrecision, EventType

JULY_6 = date(2021, 7, 6)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return build_pipeline("tj-af")


def claims(pipeline: Pipeline, text: str, **kwargs: object) -> list[Claim]:
    return pipeline.extract_claims(text, reference_date=JULY_6, **kwargs)  # type: ignore[arg-type]


def one(found: list[Claim], event_type: EventType) -> Claim:
    (claim,) = [c for c in found if c.type == event_type]
    return claim


def test_a_district_list_is_one_claim_without_its_province(pipeline: Pipeline) -> None:
    text = (
        "Taliban militants took full control of the districts of Hohon, Shekay and Nusay "
        "in the Afghan province of Badakhshan, which borders Tajikistan."
    )
    claim = one(claims(pipeline, text), EventType.TERRITORIAL_CONTROL_CHANGE)
    assert [p.place_id for p in claim.places] == [
        "af-badakhshan-khwahan",
        "af-badakhshan-shekay",
        "af-badakhshan-nusay",
    ]
    assert [a.actor_id for a in claim.actors] == ["taliban"]


def test_two_triggers_of_one_type_in_a_sentence_make_one_claim(pipeline: Pipeline) -> None:
    text = "Rahmon discussed the border with Mirziyoyev and both agreed to cooperate."
    found = claims(pipeline, text)
    assert [c.type for c in found] == [EventType.DIPLOMATIC_STATEMENT_OR_SUPPORT]
    assert [a.actor_id for a in found[0].actors] == ["emomali-rahmon", "shavkat-mirziyoyev"]


def test_each_type_takes_the_figures_of_its_own_clause(pipeline: Pipeline) -> None:
    text = (
        "The decision came a day after 1,037 Afghan troops retreated to Tajikistan "
        "following clashes with the Taliban."
    )
    found = claims(pipeline, text)
    crossing = one(found, EventType.CROSS_BORDER_MOVEMENT)
    clash = one(found, EventType.ARMED_CLASH)
    assert [q.value for q in crossing.quantities] == [1037]
    assert [p.place_id for p in crossing.places] == ["tj"]
    assert clash.quantities == [] and clash.places == []
    # both sides of a clash are its actors, wherever the sentence names them
    assert [a.actor_id for a in clash.actors] == ["afghan-government-forces", "taliban"]
    assert crossing.date == date(2021, 7, 5)


def test_a_speaker_is_not_an_actor_and_they_refers_back(rules: Pipeline) -> None:
    text = (
        "According to RadioFree Liberty, Tajik authorities say that two-thirds of the border is "
        "under Taliban control and they are preparing for an influx of refugees.\n\n"
    )
    found = claims(rules, text, publisher="ANI")
    control = one(found, EventType.TERRITORIAL_CONTROL_CHANGE)
    refugees = one(found, EventType.REFUGEE_PREPARATION)
    assert [a.actor_id for a in control.actors] == ["taliban"]
    assert [a.actor_id for a in refugees.actors] == ["tajik-government"]
    assert control.attribution == ["ANI", "RFE/RL", "Tajik authorities"]
    assert control.quantities[0].value == pytest.approx(0.667, abs=0.001)


def test_a_sentence_inherits_its_paragraphs_date_and_attribution(pipeline: Pipeline) -> None:
    text = (
        "DUSHANBE, July 6 (Reuters) - On July 4 the Taliban captured Khwahan, officials said. "
        "They are already providing the Afghan soldiers with food and shelter.\n\n"
        "Tajik authorities are preparing for an influx of refugees."
    )
    found = claims(pipeline, text)
    aid = one(found, EventType.HUMANITARIAN_ASSISTANCE)
    assert aid.date == date(2021, 7, 4)
    assert aid.attribution == ["Reuters", "officials"]
    refugees = one(found, EventType.REFUGEE_PREPARATION)
    assert refugees.attribution == ["Reuters"]


def test_an_undated_report_falls_back_to_its_reference_date(pipeline: Pipeline) -> None:
    claim = one(
        claims(pipeline, "Tajikistan closed the Ishkashim bridge."),
        EventType.BORDER_CLOSURE_OR_OPENING,
    )
    assert (claim.date, claim.date_precision) == (JULY_6, DatePrecision.DAY)
    without = pipeline.extract_claims("Tajikistan closed the bridge.", reference_date=None)
    assert without[0].date is None and without[0].date_precision == DatePrecision.UNKNOWN


def test_the_evidence_is_the_sentence_after_the_dateline_and_holds_the_trigger(
    pipeline: Pipeline,
) -> None:
    text = "Kabul (Afghanistan) July 6 (ANI): Tajik forces deployed 20,000 troops. Quiet after."
    (claim,) = claims(pipeline, text)
    assert claim.evidence_text == "Tajik forces deployed 20,000 troops."
    assert text[claim.evidence_start : claim.evidence_end] == claim.evidence_text
    assert claim.attribution == ["ANI"]


def test_confidence_rises_with_arguments_and_weak_bare_claims_are_dropped(
    rules: Pipeline,
) -> None:
    full = one(
        claims(rules, "The Taliban captured Khwahan on July 4."),
        EventType.TERRITORIAL_CONTROL_CHANGE,
    )
    bare = one(claims(rules, "It was captured."), EventType.TERRITORIAL_CONTROL_CHANGE)
    assert 0 < bare.confidence < full.confidence <= 0.99
    assert claims(rules, "They were fed.") == []


def test_claims_follow_the_json_contract(pipeline: Pipeline) -> None:
    (claim,) = claims(pipeline, "About 300 Afghan soldiers crossed into Tajikistan on Monday.")
    data = claim.to_json()
    assert list(data) == [
        "type", "date", "date_precision", "places", "actors", "quantities", "attribution",
        "evidence", "confidence",
    ]  # fmt: skip
    assert data["type"] == "cross_border_movement"
    assert data["date"] == "2021-07-05"
    assert data["quantities"][0]["qualifier"] == "about"


def test_the_assembler_works_on_hand_set_mentions(pipeline: Pipeline) -> None:
    doc = Document("Troops crossed into Tajikistan.", reference_date=JULY_6)
    for component in pipeline.components("en")[:1]:
        doc = component(doc)
    doc.dates = [DateMention(0, 0, "", date(2021, 7, 1), DatePrecision.WEEK)]
    for component in pipeline.components("en")[3:]:
        doc = component(doc)
    (claim,) = doc.claims
    assert (claim.date, claim.date_precision) == (date(2021, 7, 1), DatePrecision.WEEK)


def test_a_country_named_beside_a_town_stays_a_place_of_the_claim(pipeline: Pipeline) -> None:
    text = "134 Afghan servicemen crossed into Tajikistan near Panji Poyon on June 22."
    claim = one(claims(pipeline, text), EventType.CROSS_BORDER_MOVEMENT)
    assert [p.place_id for p in claim.places] == ["tj", "tj-town-panji-poyon"]
