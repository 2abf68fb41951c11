"""Fusion against the store, on SQLite and PostgreSQL: July 2021 reports in, events out."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime

from tests.integration.fusion.july2021 import REPORTS, payload, store_report, store_sources

from borderwatch.fusion import service
from borderwatch.fusion.events import Event
from borderwatch.picture.frame import place_index
from borderwatch.region.pack import load_pack
from borderwatch.store.session import Store
from borderwatch.store.tables.reports import Claim, Report

PLACES = place_index(load_pack("tj-af"))


def _ingest_all(store: Store, keys: list[str], incremental: bool) -> list[Event]:
    with store.unit_of_work() as session:
        store_sources(session)
    for key in keys:
        with store.unit_of_work() as session:
            report_id = store_report(session, key)
            if incremental:
                service.update_for_report(session, report_id, PLACES)
    with store.unit_of_work() as session:
        if not incremental:
            service.rebuild(session, PLACES)
        return service.get_all(session)


def _crossing(events: list[Event]) -> Event:
    return next(e for e in events if e.type == "cross_border_movement")


def test_the_nights_crossing_is_one_event_with_every_figure_and_its_sources(store: Store) -> None:
    events = _ingest_all(store, [r[0] for r in REPORTS], incremental=False)
    crossing = _crossing(events)
    said = {(f.value, f.qualifier, f.source) for f in crossing.figures}
    assert said == {
        (300, "exact", "Pajhwok"),
        (1037, "exact", "AKIpress"),
        (1037, "exact", "Asia-Plus"),
        (1000, "more_than", "Reuters"),
        (1037, "exact", "Kabul blog"),
    }
    assert crossing.consolidated == 1037
    assert crossing.figure_range == (300, 1037)
    assert {c.kind for c in crossing.conflicts} == {"date", "figure", "place"}
    copy = next(link for link in crossing.claims if link.source == "Asia-Plus")
    assert not copy.counts and "near-identical text" in copy.dependency
    assert crossing.independent_sources == 4
    assert "af-takhar-yangi-qala" not in crossing.place_ids


def test_the_capture_counts_its_copies_once_and_the_later_report_joins(store: Store) -> None:
    events = _ingest_all(store, [r[0] for r in REPORTS], incremental=False)
    capture = next(
        e
        for e in events
        if e.type == "territorial_control_change" and "af-badakhshan-khwahan" in e.place_ids
    )
    assert {link.source for link in capture.claims} == {"AKIpress", "Asia-Plus", "ANI", "Reuters"}
    assert capture.independent_sources == 2
    ani = next(link for link in capture.claims if link.source == "ANI")
    assert "same origin" in ani.dependency and "AKIpress" in ani.dependency
    assert capture.date is not None and capture.date.isoformat() == "2021-07-05"
    assert capture.credibility == 2


def test_updating_report_by_report_in_any_order_equals_a_rebuild(store: Store) -> None:
    keys = [r[0] for r in REPORTS]
    random.Random(4).shuffle(keys)
    incremental = _ingest_all(store, keys, incremental=True)
    with store.unit_of_work() as session:
        rebuilt = service.rebuild(session, PLACES)
    assert [e.to_json() for e in incremental] == [e.to_json() for e in rebuilt]


def test_known_at_fuses_only_what_had_been_received(store: Store) -> None:
    _ingest_all(store, [r[0] for r in REPORTS], incremental=False)
    with store.unit_of_work() as session:
        early = service.get_known_at(session, PLACES, datetime(2021, 7, 5, 8, tzinfo=UTC))
    crossing = _crossing(early)
    assert {f.source for f in crossing.figures} == {"Pajhwok", "AKIpress"}


def test_daily_clash_reports_in_reverse_order_equal_a_rebuild(store: Store) -> None:
    days = [date(2021, 7, d) for d in range(1, 9)]
    for day in reversed(days):
        with store.unit_of_work() as session:
            text = f"Fighting went on near Khwahan on {day:%d %B}, residents said."
            report = Report(
                content_hash=text,
                raw=text.encode(),
                clean_text=text,
                published_on=day,
                received_at=datetime(2021, 7, 9, tzinfo=UTC),
            )
            body = payload(
                "armed_clash",
                day.isoformat(),
                ["af-badakhshan-khwahan"],
                ["taliban"],
                [],
                ["residents"],
            )
            report.claims.append(Claim(seq=0, type="armed_clash", valid_on=day, payload=body))
            session.add(report)
            session.flush()
            service.update_for_report(session, report.id, PLACES)
    with store.unit_of_work() as session:
        incremental = service.get_all(session)
        rebuilt = service.rebuild(session, PLACES)
    assert len(rebuilt) == 3
    assert [e.to_json() for e in incremental] == [e.to_json() for e in rebuilt]
