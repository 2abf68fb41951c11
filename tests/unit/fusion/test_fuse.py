"""Fusion of hand-written claims: matching, figures, independence, conflicts, flags."""

from __future__ import annotations

from tests.unit.fusion.claim_factory import PLACES, claim, people

from borderwatch.fusion.fuse import fuse

WIRE_STORY = (
    "More than a thousand Afghan soldiers crossed the river into Bland overnight after "
    "fighting near the Ford, the border guard said on Monday, adding that they were given "
    "food and shelter at five places along the river."
)


def test_claims_of_one_crossing_become_one_event_with_every_figure_kept() -> None:
    events = fuse(
        [
            claim(1, quantities=[people(1037)], source="Border guard", grade="B"),
            claim(2, quantities=[people(1000, "more_than")], source="Reuters", grade="B"),
            claim(3, places=["aa-ford"], quantities=[people(300)], source="Local radio"),
        ],
        PLACES,
    )
    assert len(events) == 1
    event = events[0]
    assert [(f.value, f.qualifier, f.source) for f in event.figures] == [
        (1037, "exact", "Border guard"),
        (1000, "more_than", "Reuters"),
        (300, "exact", "Local radio"),
    ]
    assert event.figure_range == (300, 1037)
    assert event.consolidated == 1037
    assert [c.kind for c in event.conflicts] == ["figure"]
    assert "300 soldiers per Local radio" in event.conflicts[0].message


def test_near_identical_copies_and_a_shared_origin_count_once() -> None:
    events = fuse(
        [
            claim(1, quantities=[people(1037)], source="AKIpress", text=WIRE_STORY),
            claim(2, quantities=[people(1037)], source="Asia-Plus", text=WIRE_STORY + " (AP)"),
            claim(3, quantities=[people(1037)], attribution=["ANI", "Border guard"], source="ANI"),
            claim(
                4, quantities=[people(1037)], attribution=["TASS", "Border guard"], source="TASS"
            ),
        ],
        PLACES,
    )
    (event,) = events
    assert event.independent_sources == 2
    links = {link.claim_id: link for link in event.claims}
    assert links[2].depends_on == 1 and "near-identical text" in links[2].dependency
    assert links[4].depends_on == 3 and "same origin" in links[4].dependency
    assert links[1].counts and links[3].counts


def test_a_report_with_the_wrong_district_joins_on_its_figure_and_is_flagged() -> None:
    events = fuse(
        [
            claim(1, places=["aa-north-east"], quantities=[people(1037)], source="A"),
            claim(2, places=["aa-north-west"], quantities=[people(1037)], source="B"),
        ],
        PLACES,
    )
    (event,) = events
    assert [c.kind for c in event.conflicts] == ["place"]
    assert "East per A" in event.conflicts[0].message
    assert "West per B" in event.conflicts[0].message


def test_a_province_claim_joins_the_district_claim_but_other_districts_stay_apart() -> None:
    events = fuse(
        [
            claim(1, "territorial_control_change", places=["aa-north-east"], actors=["taliban"]),
            claim(2, "territorial_control_change", places=["aa-north"], actors=["taliban"]),
            claim(3, "territorial_control_change", day="2021-06-01", places=["aa-north-west"]),
        ],
        PLACES,
    )
    assert [sorted(e.claim_ids) for e in events] == [[3], [1, 2]]


def test_dates_too_far_apart_or_actors_that_differ_make_separate_events() -> None:
    events = fuse(
        [
            claim(1, "armed_clash", day="2021-07-01", actors=["taliban"]),
            claim(2, "armed_clash", day="2021-07-10", actors=["taliban"]),
            claim(3, "armed_clash", day="2021-07-01", actors=["isis-k"]),
        ],
        PLACES,
    )
    assert len(events) == 3


def test_a_day_apart_is_one_event_dated_by_the_earliest_source_with_the_dates_flagged() -> None:
    # Reports lag events: the night of 4-5 July reported as "the 4th" by one source and "the
    # 5th" by two is one event that had happened by the 4th.
    (event,) = fuse(
        [
            claim(1, day="2021-07-04", source="A", quantities=[people(1037)]),
            claim(2, day="2021-07-05", source="B", quantities=[people(1037)]),
            claim(3, day="2021-07-05", source="C", quantities=[people(1037)]),
        ],
        PLACES,
    )
    assert event.date.isoformat() == "2021-07-04"
    assert [c.kind for c in event.conflicts] == ["date"]
    assert "2021-07-04 per A" in event.conflicts[0].message


def test_bad_claims_are_kept_flagged_and_explained() -> None:
    events = fuse(
        [
            claim(1, "troop_deployment", places=[]),
            claim(2, "armed_clash", places=[None], day=None, published=None),
            claim(3, "refugee_preparation", day="2021-07-20", published="2021-07-06"),
            claim(4, "armed_clash", day="2021-07-05", places=["zz-elsewhere"]),
        ],
        PLACES,
    )
    assert len(events) == 4
    codes = {e.claim_ids[0]: {f.code for f in e.flags} for e in events}
    assert codes[1] == {"no_place"}
    assert codes[2] == {"no_place", "unresolved_place", "no_date"}
    assert codes[3] == {"date_after_report"}
    assert codes[4] == {"no_place", "outside_region"}
    assert events[0].flags[0].message


def test_credibility_follows_independent_corroboration_and_grades() -> None:
    single_unknown = fuse([claim(1, source="Blog")], PLACES)[0]
    two_reliable = fuse([claim(1, source="A", grade="A"), claim(2, source="B", grade="B")], PLACES)[
        0
    ]
    copied = fuse(
        [
            claim(1, source="A", grade="B", text=WIRE_STORY),
            claim(2, source="B", grade="B", text=WIRE_STORY),
        ],
        PLACES,
    )[0]
    assert (single_unknown.credibility, single_unknown.credibility_meaning) == (
        6,
        "truth cannot be judged",
    )
    assert two_reliable.credibility == 1
    assert copied.credibility == 3


def test_event_ids_come_from_the_earliest_claim() -> None:
    events = fuse([claim(7), claim(3), claim(9, "armed_clash")], PLACES)
    assert [e.id for e in events] == ["ev-3", "ev-9"]


def test_daily_reports_from_one_district_do_not_chain_into_one_long_event() -> None:
    days = [f"2021-07-{d:02d}" for d in range(1, 11)]
    events = fuse([claim(i, "armed_clash", day=d) for i, d in enumerate(days, 1)], PLACES)
    assert len(events) == 4
    spans = [(e.claims[0].claim_id, len(e.claims)) for e in events]
    assert spans == [(1, 3), (4, 3), (7, 3), (10, 1)]


def test_a_country_wide_claim_joins_the_events_in_that_country() -> None:
    (event,) = fuse(
        [
            claim(1, places=["aa-north-east"], quantities=[people(1037)], source="A"),
            claim(2, places=["aa"], quantities=[people(1000, "more_than")], source="B"),
        ],
        PLACES,
    )
    assert event.place_ids == {"aa", "aa-north-east"}
    assert not event.conflicts


def test_a_crossing_told_from_either_country_is_one_event() -> None:
    (event,) = fuse(
        [
            claim(1, places=["aa"], quantities=[people(1000, "more_than")], source="A"),
            claim(2, places=["bb-south-bank"], quantities=[people(1037)], source="B"),
        ],
        PLACES,
    )
    assert event.consolidated == 1037
