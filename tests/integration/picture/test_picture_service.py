"""The July 2021 picture from stored reports, on SQLite and PostgreSQL, and its alerts."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tests.integration.fusion.july2021 import REPORTS, SIX, store_report, store_sources

from borderwatch.picture import flows, service
from borderwatch.picture.frame import frame_from_pack
from borderwatch.region.pack import load_pack
from borderwatch.store.session import Store
from borderwatch.types import ImpactLevel

FRAME = frame_from_pack(load_pack("tj-af"))
JULY_5 = date(2021, 7, 5)


def _ingest(store: Store) -> None:
    with store.unit_of_work() as session:
        store_sources(session)
    for key, *_ in REPORTS:
        with store.unit_of_work() as session:
            flows.after_report(session, FRAME, store_report(session, key))


def test_as_of_5_july_the_six_districts_far_side_is_taliban(store: Store) -> None:
    _ingest(store)
    with store.unit_of_work() as session:
        result = service.get_picture(session, FRAME, JULY_5)
    taken = {s.section.id for s in result.sections if s.far.controller == "taliban"}
    six = {s.section.id for s in result.sections if s.far.unit in SIX}
    assert six <= taken
    kunduz = {s.section.id for s in result.sections if s.far.unit == "af-kunduz-imam-sahib"}
    assert taken == six | kunduz
    held = next(s for s in result.sections if s.far.unit == "af-badakhshan-khwahan")
    assert held.impact_level in (ImpactLevel.HIGH, ImpactLevel.CRITICAL)
    assert any("non-state" in r.text for r in held.reasons)
    assert result.figures.people_crossed == 1037


def test_the_computed_share_stands_beside_the_claimed_two_thirds(store: Store) -> None:
    _ingest(store)
    with store.unit_of_work() as session:
        result = service.get_picture(session, FRAME, JULY_5)
    shares = {c: share for c, _, share in result.figures.by_controller}
    expected = sum(s.section.length_km for s in result.sections if s.far.non_state) / sum(
        s.section.length_km for s in result.sections
    )
    assert abs(shares["taliban"] - expected) < 1e-9
    (reported,) = result.figures.reported
    assert reported.sentence.startswith(
        "claimed two-thirds under Taliban control, per Tajik authorities via RFE/RL via ANI; "
        "computed from district control: "
    )
    assert reported.sentence.endswith(f"{expected:.0%}")


def test_known_at_replays_what_was_known_then(store: Store) -> None:
    _ingest(store)
    with store.unit_of_work() as session:
        before_wire = service.get_picture(
            session, FRAME, JULY_5, datetime(2021, 7, 5, 6, tzinfo=UTC)
        )
        after_wire = service.get_picture(
            session, FRAME, JULY_5, datetime(2021, 7, 5, 7, 30, tzinfo=UTC)
        )
    held = [s for s in before_wire.sections if s.far.controller == "taliban"]
    assert {s.far.unit for s in held} == {"af-kunduz-imam-sahib"}
    assert before_wire.figures.people_crossed == 300
    assert {s.far.unit for s in after_wire.sections if s.far.controller == "taliban"} >= set(SIX)
    assert after_wire.figures.people_crossed == 1037


def test_alerts_are_recorded_once_with_the_events_behind_them(store: Store) -> None:
    _ingest(store)
    with store.unit_of_work() as session:
        recorded = service.get_alerts(session)
        again = service.record_alerts(session, FRAME)
    assert again == []
    control = [a for a in recorded if a.kind == "control" and a.valid_on == JULY_5]
    assert {a.section_id for a in control} == {s.id for s in FRAME.sections if s.units["AF"] in SIX}
    assert all(a.after == "taliban" and a.event_ids for a in control)
    assert any(a.kind == "impact" and a.section_id == "s04" for a in recorded)


def test_the_latest_event_date_is_the_day_worth_showing(store: Store) -> None:
    _ingest(store)
    with store.unit_of_work() as session:
        assert service.latest_event_date(session) == date(2021, 7, 6)
