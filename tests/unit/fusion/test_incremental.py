"""Adding reports one by one, in any order, gives the events a full rebuild gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.unit.fusion.claim_factory import PLACES, claim, people

from borderwatch.fusion.events import event_order
from borderwatch.fusion.fuse import fuse, fused
from borderwatch.fusion.index import EventIndex
from borderwatch.fusion.records import ClaimRecord

PLACE_CHOICES = [["aa-north-east"], ["aa-north-west"], ["aa-north"], ["aa-ford"], [], [None]]
TYPES = ["cross_border_movement", "territorial_control_change", "armed_clash"]


@st.composite
def claims(draw: st.DrawFn) -> list[ClaimRecord]:
    """Up to 25 claims over a few days, places, actors and figures, grouped in reports."""
    count = draw(st.integers(1, 25))
    found = []
    for claim_id in range(1, count + 1):
        figure = draw(st.sampled_from([None, 300, 1000, 1037]))
        found.append(
            claim(
                claim_id,
                draw(st.sampled_from(TYPES)),
                day=draw(st.sampled_from([None, "2021-07-03", "2021-07-04", "2021-07-06"])),
                places=draw(st.sampled_from(PLACE_CHOICES)),
                actors=draw(st.sampled_from([[], ["taliban"], ["army"]])),
                quantities=[people(figure)] if figure else [],
                report_id=draw(st.integers(1, 8)),
                source=draw(st.sampled_from(["A", "B", "C"])),
            )
        )
    return found


def _snapshot(index: EventIndex) -> list[dict[str, object]]:
    events = [fused(index, e) for e in index.events]
    return [e.to_json() for e in sorted(events, key=event_order)]


@settings(max_examples=150, deadline=None)
@given(records=claims(), order=st.randoms(use_true_random=False))
def test_any_order_of_ingestion_gives_the_same_events(records, order) -> None:  # type: ignore[no-untyped-def]
    expected = [e.to_json() for e in fuse(records, PLACES)]
    reports: dict[int, list[ClaimRecord]] = {}
    for record in records:
        reports.setdefault(record.report_id, []).append(record)
    batches = list(reports.values())
    order.shuffle(batches)
    index = EventIndex(PLACES)
    for batch in batches:
        changed, gone = index.add(batch)
        assert changed <= set(index.events)
        assert not gone & set(index.events)
    assert _snapshot(index) == expected


@settings(max_examples=100, deadline=None)
@given(records=claims(), data=st.data())
def test_removing_claims_gives_what_a_rebuild_without_them_gives(records, data) -> None:  # type: ignore[no-untyped-def]
    doomed = data.draw(st.sets(st.sampled_from([r.claim_id for r in records])))
    index = EventIndex(PLACES)
    index.add(records)
    index.remove(doomed)
    kept = [r for r in records if r.claim_id not in doomed]
    assert _snapshot(index) == [e.to_json() for e in fuse(kept, PLACES)]


def test_adding_one_report_reports_only_the_events_it_touched() -> None:
    index = EventIndex(PLACES)
    index.add([claim(1), claim(2, "armed_clash"), claim(3, "troop_deployment", places=[])])
    changed, gone = index.add([claim(4, quantities=[people(1037)])])
    assert (changed, gone) == ({"ev-1"}, set())
    changed, gone = index.add([claim(5, "armed_clash", places=["aa-north"])])
    assert (changed, gone) == ({"ev-2"}, set())
