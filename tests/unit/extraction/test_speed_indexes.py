"""The sorted-span shortcuts that let components look at a document once."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from borderwatch.extraction.places import _outside
from borderwatch.region.names import Resolution, Spot

NO_MATCH = Resolution("", "no_match", (), "")


spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 12)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=8,
)


@given(spans, spans)
def test_a_spot_is_kept_exactly_when_it_overlaps_no_actor(
    spot_spans: list[tuple[int, int]], taken: list[tuple[int, int]]
) -> None:
    spots = [Spot("x", s, e, NO_MATCH) for s, e in sorted(spot_spans)]
    expected = [s for s in spots if not any(a < s.end and s.start < b for a, b in taken)]
    assert _outside(spots, list(taken)) == expected
