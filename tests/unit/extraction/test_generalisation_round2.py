"""The failure classes of the second blind set, each checked on text of our own."""

from __future__ import annotations

from datetime import date

import pytest

from borderwatch.extraction.assertions import AssertionFilter, inside
from borderwatch.extraction.document import Claim
from borderwatch.extraction.pipeline import Pipeline, build_pipeline
from borderwatch.types import EventType

AUG_3 = date(2021, 8, 3)  # a Tuesday


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return build_pipeline("tj-af")


def claims(pipeline: Pipeline, text: str, reference: date = AUG_3) -> list[Claim]:
    return pipeline.extract_claims(text, reference_date=reference)


def types(found: list[Claim]) -> list[EventType]:
    return [c.type for c in found]


# --- non-assertions ------------------------------------------------------------------------


def test_questions_and_hypotheses_make_no_claim(pipeline: Pipeline) -> None:
    text = (
        "Analysts ask whether the militants will cross the river into Tajikistan. "
        "Officials fear that fighting could spread to the bank opposite Khorog. "
        "Whether the drills reassure the public is another matter."
    )
    assert claims(pipeline, text) == []


def test_a_speculation_after_the_trigger_does_not_cancel_it(pipeline: Pipeline) -> None:
    text = "Russia was ready to use its base to help Tajikistan if the situation worsened."
    assert types(claims(pipeline, text)) == [EventType.DIPLOMATIC_STATEMENT_OR_SUPPORT]


def test_headings_and_reader_comments_make_no_claim(pipeline: Pipeline) -> None:
    text = (
        "KEY POINTS\n"
        "Taliban fighters cross into Tajikistan\n\n"
        "The Tajik border service said on Monday that 300 Afghan soldiers crossed into "
        "Tajikistan near Khorog overnight.\n\n"
        "The soldiers were given food and shelter by the Tajik authorities, officials said.\n\n"
        "reader_77: I heard 9,000 Taliban crossed at Panji Poyon today!!\n"
    )
    found = claims(pipeline, text)
    evidence = " ".join(c.evidence_text for c in found)
    assert "reader_77" not in evidence and "KEY POINTS" not in evidence
    assert all("fighters cross into" not in c.evidence_text for c in found)
    assert EventType.CROSS_BORDER_MOVEMENT in types(found)


def test_a_comments_heading_silences_the_rest() -> None:
    text = "Story text.\n\nComments (3)\nSomeone: the Taliban took Khorog\n"
    silent = AssertionFilter([], ["comments?"]).silent_spans(text)
    assert inside(silent, text.index("Someone")) and not inside(silent, 0)


def test_terse_field_notes_keep_lines_without_stops(pipeline: Pipeline) -> None:
    text = "TJ border guards closed Ruzvai bridge til further notice\nheavy firing across river"
    assert EventType.BORDER_CLOSURE_OR_OPENING in types(claims(pipeline, text))


# --- types ---------------------------------------------------------------------------------


def test_live_firing_and_firing_positions_are_no_clash(pipeline: Pipeline) -> None:
    drill = "Tactical exercises with live firing were held by the Tajik army at Lyaur."
    dig = "Tajik soldiers were digging new firing positions facing the Afghan bank."
    assert types(claims(pipeline, drill)) == [EventType.MILITARY_EXERCISE]
    assert types(claims(pipeline, dig)) == [EventType.TROOP_DEPLOYMENT]


def test_a_readiness_check_is_an_exercise(pipeline: Pipeline) -> None:
    text = "The defence ministry put 200,000 reservists through a combat-readiness check."
    assert types(claims(pipeline, text)) == [EventType.MILITARY_EXERCISE]


def test_displaced_families_sheltering_are_a_state_not_aid(pipeline: Pipeline) -> None:
    text = "About 500 families displaced by the fighting are sheltering in schools in Kunduz."
    assert types(claims(pipeline, text)) == [EventType.OTHER]


def test_preparations_for_arrivals(pipeline: Pipeline) -> None:
    texts = [
        "WFP has moved 40 tonnes of food to Kulob for possible arrivals.",
        "UNHCR said it was helping the government prepare for up to 30,000 arrivals.",
    ]
    for text in texts:
        assert types(claims(pipeline, text)) == [EventType.REFUGEE_PREPARATION], text


def test_a_pledge_of_aid_is_a_statement(pipeline: Pipeline) -> None:
    text = "Tokaev said Kazakhstan was ready to provide humanitarian aid to Tajikistan."
    assert types(claims(pipeline, text)) == [EventType.DIPLOMATIC_STATEMENT_OR_SUPPORT]


def test_more_guards_arriving_is_a_deployment(pipeline: Pipeline) -> None:
    text = "15 more BG + 3 BTR arrived from Kulob this aft."
    assert types(claims(pipeline, text)) == [EventType.TROOP_DEPLOYMENT]


# --- quantities ----------------------------------------------------------------------------


def figures(claim: Claim) -> list[tuple[float, str]]:
    return [(q.value, q.qualifier.value) for q in claim.quantities]


def test_a_figure_repeated_in_brackets_counts_once(pipeline: Pipeline) -> None:
    for text in (
        "The ministry announced the call-up of 15,000 (fifteen thousand) reservists.",
        "Rakhmon ordered the call-up of 15,000 reservists (15 tysyach prizyvnikov).",
    ):
        (claim,) = claims(pipeline, text)
        assert figures(claim) == [(15000.0, "exact")], text


def test_abbreviated_families(pipeline: Pipeline) -> None:
    (claim,) = claims(pipeline, "4 fam (approx 25 ppl) waiting on AF bank opp Kalaikhum.")
    assert figures(claim) == [(4.0, "exact"), (25.0, "about")]


# --- dates ---------------------------------------------------------------------------------


def test_abbreviated_weekdays_after_since(pipeline: Pipeline) -> None:
    (closed,) = claims(pipeline, "market at Ruzvai shut since mon.")
    (patrols,) = claims(pipeline, "TJ BG doubled patrols along the river since Sun.")
    assert closed.date == date(2021, 8, 2) and patrols.date == date(2021, 8, 1)


def test_a_weekday_naming_a_thing_is_no_date(pipeline: Pipeline) -> None:
    (claim,) = claims(pipeline, "The Saturday market at Ishkashim bridge is still shut.")
    assert claim.date == AUG_3


def test_a_range_ahead_keeps_the_reference_year(pipeline: Pipeline) -> None:
    text = "Russia and Tajikistan will hold joint exercises from August 5 to 10."
    (claim,) = claims(pipeline, text, reference=date(2021, 7, 20))
    assert claim.date == date(2021, 8, 5)


def test_this_morning_is_the_reference_day(pipeline: Pipeline) -> None:
    text = (
        "A WFP convoy of 10 trucks of flour reached Khorog yesterday. "
        "As of this morning the reception site in Roshtkala is ready for 400 people."
    )
    prepared = [c for c in claims(pipeline, text) if c.type == EventType.REFUGEE_PREPARATION]
    assert [c.date for c in prepared] == [AUG_3]


def test_a_log_stamp_yields_to_the_message_date(pipeline: Pipeline) -> None:
    (claim,) = claims(pipeline, "[SMS 03.08.2021 08:15] TJ BG doubled patrols since Sun.")
    assert claim.date == date(2021, 8, 1)


# --- places --------------------------------------------------------------------------------


def place_ids(claim: Claim) -> list[str | None]:
    return [p.place_id for p in claim.places]


def test_a_town_named_after_a_preposition_is_the_town(pipeline: Pipeline) -> None:
    (landed,) = claims(
        pipeline, "An Afghan plane with 90 soldiers landed at the airport in Bokhtar."
    )
    assert place_ids(landed) == ["tj-town-bokhtar"]
    (district,) = claims(pipeline, "Fighting raged in Imam Sahib district of Kunduz province.")
    assert place_ids(district) == ["af-kunduz-imam-sahib"]


def test_a_shared_name_takes_the_side_the_report_is_about(pipeline: Pipeline) -> None:
    text = (
        "Authorities levelled a reception site outside Panji Poyon for 2,000 tents.\n"
        "* In Farkhor district, the hospital has freed 60 beds for possible arrivals."
    )
    beds = [c for c in claims(pipeline, text) if "beds" in c.evidence_text]
    assert [place_ids(c) for c in beds] == [["tj-khatlon-farkhor"]]


# --- attribution ---------------------------------------------------------------------------


def test_a_letterhead_names_the_publisher(pipeline: Pipeline) -> None:
    text = (
        "VAKHSH VOLUNTEER LINE (fictional) - sms log\n\n"
        "14/07 1310: TJ border guards closed Ruzvai bridge til further notice.\n"
    )
    (claim,) = claims(pipeline, text)
    assert claim.attribution[0].lower() == "vakhsh volunteer line"


def test_a_log_stamp_alone_dates_its_line(pipeline: Pipeline) -> None:
    text = (
        "[SMS 01.08.2021 09:10] TJ BG closed Ruzvai bridge.\n[SMS 02.08.2021 10:00] heavy firing."
    )
    closed = [c for c in claims(pipeline, text) if c.type == EventType.BORDER_CLOSURE_OR_OPENING]
    assert [c.date for c in closed] == [date(2021, 8, 1)]


def test_this_year_dates_nothing(pipeline: Pipeline) -> None:
    text = "The market in Darvoz, shut since the pandemic began, will not reopen this year."
    (claim,) = claims(pipeline, text)
    assert claim.date == AUG_3


def test_a_city_district_stands_for_its_town(pipeline: Pipeline) -> None:
    text = "In the city of Khorugh the authorities readied 3 points for 500 refugees."
    (claim,) = claims(pipeline, text)
    assert place_ids(claim) == ["tj-gbao-khorugh"]


def test_the_village_of_a_name_is_the_village(pipeline: Pipeline) -> None:
    text = "Some 30 Afghan civilians crossed a shallow channel near the Tajik village of Ishkashim."
    (claim,) = claims(pipeline, text)
    assert "tj-town-ishkoshim" in place_ids(claim)


def test_reader_comment_lines_are_silent_wherever_they_stand() -> None:
    text = "guest_1: first\nThe border stayed open.\nbob_22: second\nreader.x: third"
    silent = AssertionFilter([], ["comments?"], [r"@?[a-z][a-z0-9_.]{2,24}:[ \t]"]).silent_spans(
        text
    )
    starts = [text.index("guest_1"), text.index("bob_22"), text.index("reader.x")]
    assert [start for start, _ in silent] == starts
    assert silent[0][1] == text.index("\nThe")
    # The heading's line starts after the first line break: a blank line opens it.
    later = "x\n\nComments (2)\nnice"
    assert (2, len(later)) in AssertionFilter([], ["comments?"]).silent_spans(later)
