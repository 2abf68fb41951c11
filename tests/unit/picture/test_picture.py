"""The picture of a made-up two-section border computed from fused events."""

from __future__ import annotations

from datetime import date

from tests.unit.fusion.claim_factory import PLACES, claim, people

from borderwatch.fusion.fuse import fuse
from borderwatch.picture.alerts import alerts
from borderwatch.picture.compute import picture
from borderwatch.picture.frame import Frame, SectionFrame
from borderwatch.picture.render import picture_geojson, picture_json
from borderwatch.picture.rules import load_impact_rules
from borderwatch.types import ImpactLevel

FRAME = Frame(
    sections=(
        SectionFrame(
            "s1",
            1,
            {"AA": "aa-north-east", "BB": "bb-south-bank"},
            60.0,
            ("aa-ford",),
            ((1.0, 2.0), (1.5, 2.5)),
        ),
        SectionFrame(
            "s2",
            2,
            {"AA": "aa-north-west", "BB": "bb-south-hill"},
            40.0,
            (),
            ((1.5, 2.5), (2.0, 3.0)),
        ),
    ),
    places=PLACES,
    home_country="BB",
    far_country="AA",
    initial_control={"aa": "aa-government", "bb": "bb-government"},
    official_length_km=100.0,
    official_length_source="treaty",
)
CAPTURE = claim(1, "territorial_control_change", day="2021-07-04", actors=["taliban"])
CROSSING = claim(2, day="2021-07-05", quantities=[people(1037)], places=["aa-ford"])
COPY = claim(3, day="2021-07-05", quantities=[people(1037)], places=["aa-north-east"])


def test_the_far_side_passes_to_the_taker_and_the_level_says_why() -> None:
    events = fuse([CAPTURE], PLACES)
    before = picture(FRAME, events, date(2021, 7, 3))
    after = picture(FRAME, events, date(2021, 7, 20))
    assert before.sections[0].far.controller == "aa-government"
    s1, s2 = after.sections
    assert (s1.far.controller, s1.far.since, s1.far.events) == (
        "taliban",
        date(2021, 7, 4),
        ("ev-1",),
    )
    assert s1.near.controller == "bb-government"
    assert s2.far.controller == "aa-government"
    assert s1.impact_level == ImpactLevel.HIGH
    assert s1.reasons[0].text == "far side held by taliban, a non-state armed group"
    assert "reinforce border control" in s1.reaction
    assert s2.impact_level == ImpactLevel.LOW


def test_a_province_level_report_changes_no_district_but_says_so() -> None:
    province = claim(1, "territorial_control_change", places=["aa-north"], actors=["taliban"])
    state = picture(FRAME, fuse([province], PLACES), date(2021, 7, 6)).sections[0]
    assert state.far.controller == "aa-government"
    assert state.notes == ("ev-1 reports a change for the wider area, not for this district",)


def test_crossings_are_counted_once_and_raise_the_level_to_critical() -> None:
    events = fuse([CAPTURE, CROSSING, COPY], PLACES)
    result = picture(FRAME, events, date(2021, 7, 5))
    s1 = result.sections[0]
    assert s1.people_crossed == 1037
    assert result.figures.people_crossed == 1037
    assert s1.impact_level == ImpactLevel.CRITICAL
    assert {r.rule for r in s1.reasons} >= {"far_side_non_state", "mass_crossing"}
    assert s1.activity["cross_border_movement"] == ("ev-2",)


def test_the_border_share_is_computed_beside_the_claimed_share() -> None:
    claimed = claim(
        4,
        "territorial_control_change",
        day="2021-07-05",
        places=["aa"],
        actors=["taliban"],
        quantities=[
            {
                "text": "two-thirds",
                "value": 0.667,
                "low": 0.667,
                "high": 0.667,
                "qualifier": "fraction",
                "unit": "",
                "of": "border",
            }
        ],
        attribution=["ANI", "RFE/RL", "Tajik authorities"],
    )
    result = picture(FRAME, fuse([CAPTURE, claimed], PLACES), date(2021, 7, 5))
    assert result.figures.by_controller == (("taliban", 60.0, 0.6), ("aa-government", 40.0, 0.4))
    (reported,) = result.figures.reported
    assert reported.sentence == (
        "claimed two-thirds under Taliban control, per Tajik authorities via RFE/RL via ANI; "
        "computed from district control: 60%"
    )


def test_alerts_name_the_change_and_the_events_behind_it() -> None:
    found = alerts(FRAME, fuse([CAPTURE, CROSSING], PLACES))
    control = [a for a in found if a.kind == "control"]
    assert [
        (a.section_id, a.side, a.valid_on, a.before, a.after, a.event_ids) for a in control
    ] == [("s1", "far", date(2021, 7, 4), "aa-government", "taliban", ("ev-1",))]
    impact = [(a.valid_on, a.before, a.after) for a in found if a.kind == "impact"]
    assert impact[:2] == [(date(2021, 7, 4), "low", "high"), (date(2021, 7, 5), "high", "critical")]
    assert impact[-1][2] == "high"


def test_json_and_geojson_carry_each_sections_state() -> None:
    result = picture(FRAME, fuse([CAPTURE], PLACES), date(2021, 7, 5))
    body = picture_json(result)
    assert body["sections"][0]["far_side"]["controller"] == "taliban"
    geo = picture_geojson(result)
    feature = geo["features"][0]
    assert feature["geometry"] == {"type": "LineString", "coordinates": [[1.0, 2.0], [1.5, 2.5]]}
    assert feature["properties"]["impact_level"] == "high"


def test_every_impact_level_names_its_reaction_and_the_rules_their_source() -> None:
    rules = load_impact_rules()
    assert "2019/1896" in rules.source
    assert {r.level for r in rules.levels} == set(ImpactLevel)
    assert all(rules.reaction(level) for level in ImpactLevel)


def test_with_an_actor_lexicon_the_taker_is_the_other_side_and_a_retake_restores_the_state() -> (
    None
):
    from dataclasses import replace

    from borderwatch.picture.frame import ActorInfo

    frame = replace(
        FRAME,
        actors={
            "aa-government": ActorInfo("state", "AA"),
            "aa-forces": ActorInfo("state_forces", "AA"),
            "aa-president": ActorInfo("head_of_state", "AA"),
            "taliban": ActorInfo("armed_group"),
        },
    )
    taken = claim(
        1,
        "territorial_control_change",
        day="2021-07-04",
        actors=["aa-forces", "taliban"],
        source="A",
    )
    also = claim(
        2, "territorial_control_change", day="2021-07-04", actors=["aa-forces"], source="B"
    )
    speech = claim(3, "territorial_control_change", day="2021-07-08", actors=["aa-president"])
    retaken = claim(4, "territorial_control_change", day="2021-07-12", actors=["aa-forces"])
    events = fuse([taken, also, speech, retaken], PLACES)
    held = picture(frame, events, date(2021, 7, 9)).sections[0].far
    assert (held.controller, held.non_state) == ("taliban", True)
    back = picture(frame, events, date(2021, 7, 12)).sections[0].far
    assert (back.controller, back.non_state, back.events) == (
        "aa-government",
        False,
        ("ev-1", "ev-4"),
    )


def test_a_lone_doubtful_report_of_the_home_side_falling_is_a_note_not_a_change() -> None:
    rumour = claim(
        1, "territorial_control_change", places=["bb-south-bank"], actors=["taliban"], source="Blog"
    )
    state = picture(FRAME, fuse([rumour], PLACES), date(2021, 7, 6)).sections[0]
    assert state.near.controller == "bb-government"
    assert state.notes == (
        "ev-1 reports taliban took bb-south-bank; not applied: credibility 6 (truth cannot be "
        "judged), 2 or better is needed on this side",
    )


def test_the_home_side_changes_hands_on_a_probably_true_event() -> None:
    reports = [
        claim(
            n,
            "territorial_control_change",
            places=["bb-south-bank"],
            actors=["taliban"],
            source=source,
            grade=grade,
            report_id=n,
            text=f"report {n} written in its own words about the bank",
        )
        for n, source, grade in ((1, "Agency", "B"), (2, "Wire", "F"))
    ]
    events = fuse(reports, PLACES)
    assert [e.credibility for e in events] == [2]
    state = picture(FRAME, events, date(2021, 7, 6)).sections[0]
    assert (state.near.controller, state.notes) == ("taliban", ())
