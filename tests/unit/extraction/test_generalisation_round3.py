"""The failure classes of the third blind set, each checked on text of our own."""

from __future__ import annotations

from datetime import date

import pytest

from borderwatch.extraction.attribution import AttributionComponent
from borderwatch.extraction.dates import DateComponent
from borderwatch.extraction.document import Claim, Document
from borderwatch.extraction.pipeline import Pipeline, build_pipeline
from borderwatch.extraction.tokenizer import Tokenizer
from borderwatch.types import EventType, Qualifier

JUL_14 = date(2021, 7, 14)  # a Wednesday


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return build_pipeline("tj-af")


def claims(pipeline: Pipeline, text: str, reference: date = JUL_14) -> list[Claim]:
    return pipeline.extract_claims(text, reference_date=reference)


def one(found: list[Claim], event_type: EventType) -> Claim:
    of_type = [c for c in found if c.type == event_type]
    assert len(of_type) == 1, found
    return of_type[0]


# --- dates ---------------------------------------------------------------------------------


def test_a_list_items_date_does_not_run_on_into_the_next_item(pipeline: Pipeline) -> None:
    text = (
        "BULLETIN No. 2 - 14 July 2021\n\n"
        "- Two Afghan helicopters carrying 40 soldiers landed at Kulob airport on 11 July.\n"
        "- The Panji Poyon crossing remains closed to travellers.\n"
    )
    found = claims(pipeline, text)
    assert one(found, EventType.CROSS_BORDER_MOVEMENT).date == date(2021, 7, 11)
    assert one(found, EventType.BORDER_CLOSURE_OR_OPENING).date == JUL_14


def test_an_updates_number_starts_no_date_range() -> None:
    doc = DateComponent()(
        Tokenizer()(Document("SITREP No. 7 - 13 July 2021", reference_date=JUL_14))
    )
    assert [(d.text, d.value) for d in doc.dates] == [("13 July 2021", date(2021, 7, 13))]


def test_a_four_digit_clock_after_a_date_is_no_year() -> None:
    text = "08 JUL 1015 TB reported in Nusay"
    doc = DateComponent()(Tokenizer()(Document(text, reference_date=JUL_14)))
    assert [d.value for d in doc.dates] == [date(2021, 7, 8)]


def test_history_told_in_a_report_is_background(pipeline: Pipeline) -> None:
    text = (
        "The Taliban captured Shir Khan Bandar on Monday. "
        "The militants had also attacked the port in 2016."
    )
    assert [c.type for c in claims(pipeline, text)] == [EventType.TERRITORIAL_CONTROL_CHANGE]


def test_a_title_standing_alone_at_the_top_makes_no_claim(pipeline: Pipeline) -> None:
    text = (
        "Khatlon Review\n\n"
        "After the fall of Kunduz: what the lost river districts mean for the south\n\n"
        "The Taliban captured Shir Khan Bandar on Monday, officials said, and the\n"
        "road to the bridge is now quiet.\n"
    )
    found = claims(pipeline, text)
    assert [c.evidence_text[:26] for c in found] == ["The Taliban captured Shir "]
    # a one-line paragraph that holds a sentence is no title, whatever follows its stop
    story = "Wire, 5 July.\n\nThe Taliban captured Khwahan, officials said. <b>more</b>"
    assert len(claims(pipeline, story)) == 1


def test_a_heading_block_makes_no_claim(pipeline: Pipeline) -> None:
    text = (
        "Steppe & Summit Review (quarterly, web edition)\n"
        "Clashes, crossings and the CSTO: three days on the Panj\n\n"
        "The Taliban captured Shir Khan Bandar on Monday, officials said."
    )
    found = claims(pipeline, text)
    assert [c.type for c in found] == [EventType.TERRITORIAL_CONTROL_CHANGE]


def test_a_date_in_a_relative_clause_dates_the_participant_not_the_event(
    pipeline: Pipeline,
) -> None:
    text = "Officials said the Afghan soldiers who crossed on 5 July were flown back on Monday."
    assert one(claims(pipeline, text), EventType.CROSS_BORDER_MOVEMENT).date == date(2021, 7, 12)


# --- quantities ----------------------------------------------------------------------------


def test_a_log_lines_opening_time_is_no_quantity(pipeline: Pipeline) -> None:
    text = (
        "RIVER DESK field notes\n"
        "1215 TJ border guards closed the Panji Poyon bridge, ~70 trucks queuing.\n"
        "6:1530 two more companies moved from Khorog to Ishkashim.\n"
    )
    found = claims(pipeline, text)
    closure = one(found, EventType.BORDER_CLOSURE_OR_OPENING)
    assert [q.value for q in closure.quantities] == [70]
    deployment = one(found, EventType.TROOP_DEPLOYMENT)
    assert [q.value for q in deployment.quantities] == [2]


def test_a_figure_belongs_to_the_nearest_claim_of_its_sentence(pipeline: Pipeline) -> None:
    text = (
        "On Monday 134 servicemen crossed the state border in the area of Panj district "
        "after armed clashes with Taliban units in Imam Sahib district."
    )
    found = claims(pipeline, text)
    assert [q.value for q in one(found, EventType.CROSS_BORDER_MOVEMENT).quantities] == [134]
    assert one(found, EventType.ARMED_CLASH).quantities == []


def test_a_plus_after_a_figure_means_more_than(pipeline: Pipeline) -> None:
    found = claims(pipeline, "0915 40+ ppl waiting on the AF bank nr Imam Sahib dist")
    assert [(q.value, q.qualifier) for q in one(found, EventType.OTHER).quantities] == [
        (40, Qualifier.MORE_THAN)
    ]


# --- what is not asserted ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The border service denied that Afghan soldiers had crossed into Tajikistan.",
        "Officials dismissed reports that the Taliban had captured the Ishkashim bridge.",
        "There was no evidence that 5,000 refugees had crossed the Panj overnight.",
        "Unconfirmed reports of fighting near Khorog spread on social media.",
    ],
)
def test_a_denied_or_unconfirmed_event_is_no_claim(pipeline: Pipeline, text: str) -> None:
    assert claims(pipeline, text) == []


# --- triggers in other words ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        (
            "A tent camp for up to 800 people has been set up in Farkhor district.",
            EventType.REFUGEE_PREPARATION,
        ),
        (
            "Officials listed nine schools in Shughnon as collective shelters.",
            EventType.REFUGEE_PREPARATION,
        ),
        (
            "Dushanbe will not recognise a government in Kabul imposed by force, it said.",
            EventType.DIPLOMATIC_STATEMENT_OR_SUPPORT,
        ),
        (
            "A Taliban spokesman said the movement had no intention of entering Tajik territory.",
            EventType.DIPLOMATIC_STATEMENT_OR_SUPPORT,
        ),
        (
            "Taliban flags were seen over the Khwahan district centre at dawn.",
            EventType.TERRITORIAL_CONTROL_CHANGE,
        ),
        (
            "Units of the 201st base moved to the Harbmaidon range on Monday.",
            EventType.TROOP_DEPLOYMENT,
        ),
        (
            "A convoy of 30 trucks left Termez for Mazar-i-Sharif on Tuesday.",
            EventType.HUMANITARIAN_ASSISTANCE,
        ),
        (
            "Heavy machine-gun fire was heard across the river from Shir Khan Bandar.",
            EventType.ARMED_CLASH,
        ),
    ],
)
def test_triggers_said_in_other_words(pipeline: Pipeline, text: str, event_type: EventType) -> None:
    assert event_type in {c.type for c in claims(pipeline, text)}


# --- attribution ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Thread by OxusWatcher (fictional account)", "OxusWatcher"),
        ("Khatlon Herald - Regional news (archive copy)", "Khatlon Herald"),
        ("two security sources", "security sources"),
        ("several local officials", "local officials"),
        ("Radio Ozodi", "RFE/RL"),
    ],
)
def test_a_source_is_named_without_what_only_describes_it(written: str, canonical: str) -> None:
    assert AttributionComponent().canonical(written) == canonical


# --- places --------------------------------------------------------------------------------


def test_a_district_named_beside_its_town_or_crossing_stays_but_a_province_goes(
    pipeline: Pipeline,
) -> None:
    text = (
        "The Ruzvai bridge in Darvoz district was closed on Monday. "
        "The Taliban took the districts of Khwahan and Shighnan in Badakhshan province."
    )
    found = claims(pipeline, text)
    closure = one(found, EventType.BORDER_CLOSURE_OR_OPENING)
    assert {p.place_id for p in closure.places} == {"tj-crossing-ruzvai", "tj-gbao-darvoz"}
    control = one(found, EventType.TERRITORIAL_CONTROL_CHANGE)
    assert "af-badakhshan" not in {p.place_id for p in control.places}


def test_an_official_body_in_a_first_paragraph_of_prose_is_no_publisher(pipeline: Pipeline) -> None:
    story = "\n\nAbout 300 Afghan families were waiting on the bank near Panj, residents said."
    prose = "Tajik border guards closed the Panji Poyon bridge on Monday." + story
    assert one(claims(pipeline, prose), EventType.OTHER).attribution == ["residents"]
    heading = "INFORMATION MESSAGE\nPress service of the Tajik border guards | 14.07.2021" + story
    assert one(claims(pipeline, heading), EventType.OTHER).attribution == [
        "Tajik border service",
        "residents",
    ]
