"""The shortcuts that make fusion fast give exactly what comparing every pair would give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.unit.fusion.claim_factory import PLACES, claim, people

from borderwatch.fusion.consolidate import place_conflicts
from borderwatch.fusion.events import Event
from borderwatch.fusion.fuse import fuse
from borderwatch.fusion.similarity import near_duplicates, similarity

# Signatures over a tiny alphabet, so that near and exact copies are common.
SIGNATURES = st.lists(
    st.one_of(st.just(()), st.lists(st.integers(0, 3), min_size=8, max_size=8).map(tuple)),
    max_size=20,
)


@settings(max_examples=200, deadline=None)
@given(signatures=SIGNATURES, threshold=st.sampled_from([0.1, 0.5, 0.7, 0.75, 1.0]))
def test_near_duplicates_are_exactly_the_pairs_above_the_threshold(
    signatures: list[tuple[int, ...]], threshold: float
) -> None:
    found = near_duplicates(signatures, threshold)
    for first in signatures:
        expected = {s for s in signatures if similarity(first, s) >= threshold}
        assert found[first] == expected


def test_two_pairs_naming_unrelated_districts_conflict_on_the_first_such_pair() -> None:
    members = [
        claim(1, places=["aa-north-east"], quantities=[people(500)]),
        claim(2, places=["aa-north"], quantities=[people(500)]),
        claim(3, places=["bb-south-hill"], quantities=[people(500)], source="Radio"),
        claim(4, places=["bb-south-hill"], quantities=[people(500)]),
        claim(5, places=["aa-north-east"], quantities=[people(500)]),
    ]
    conflicts = place_conflicts(members, PLACES)
    assert [c.message for c in conflicts] == [
        "places disagree: East per Wire (claim 1); Hill per Radio (claim 3)"
    ]


def test_the_summary_keeps_shares_and_their_sources_and_drops_the_other_links() -> None:
    share = {"text": "two-thirds", "value": 0.667, "qualifier": "fraction", "of": "border"}
    events = fuse(
        [
            claim(1, "territorial_control_change", actors=["taliban"], quantities=[share]),
            claim(2, "territorial_control_change", actors=["taliban"], source="B", report_id=2),
            claim(3, "territorial_control_change", actors=["taliban"], source="C", report_id=3),
        ],
        PLACES,
    )
    [event] = events
    summary = Event.from_json(event.summary_json())
    assert [f.text for f in summary.figures] == ["two-thirds"]
    assert summary.claim_ids == (1,)
    assert summary.place_ids == event.place_ids and summary.actors == event.actors
    assert Event.from_json(event.to_json()) == event
