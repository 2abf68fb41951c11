"""The sentence model's packed sums must give every type's log-odds within rounding of the float
sums, and say "every type under its bar" exactly when each type's own sum is under it."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from borderwatch.extraction.sentence_lanes import SCALE, PackedRows

_WEIGHT = st.floats(min_value=-9.0, max_value=9.0, allow_nan=False)
_ROWS = st.integers(min_value=1, max_value=4).flatmap(
    lambda width: st.tuples(
        st.lists(st.lists(_WEIGHT, min_size=width, max_size=width), min_size=1, max_size=30),
        st.lists(_WEIGHT, min_size=width, max_size=width),
    )
)


def _drawn_total(
    rows: list[list[float]], biases: list[float], data: st.DataObject
) -> tuple[PackedRows, set[int], int]:
    """The rows packed, a drawn set of row numbers, and their packed total."""
    packed = PackedRows(rows, biases)
    ids = data.draw(st.sets(st.integers(min_value=0, max_value=len(rows) - 1)))
    return packed, ids, packed.total(ids)


@given(_ROWS, st.data())
def test_lanes_hold_each_types_sum(
    rows_and_biases: tuple[list[list[float]], list[float]], data: st.DataObject
) -> None:
    rows, biases = rows_and_biases
    packed, ids, total = _drawn_total(rows, biases, data)
    for t, logit in enumerate(packed.logits(total)):
        exact = biases[t] + sum(rows[i][t] for i in ids)
        assert abs(logit - exact) <= (len(ids) + 1) / SCALE + 1e-12 * (1 + abs(exact))


@given(_ROWS, st.data())
def test_below_says_whether_every_lane_is_under_its_bar(
    rows_and_biases: tuple[list[list[float]], list[float]], data: st.DataObject
) -> None:
    rows, biases = rows_and_biases
    packed, _, total = _drawn_total(rows, biases, data)
    bar = st.one_of(
        st.floats(min_value=-300.0, max_value=300.0), st.sampled_from([math.inf, -math.inf])
    )
    bars = data.draw(st.lists(bar, min_size=len(biases), max_size=len(biases)))
    # A bar on a lane's own value: under it is strict.
    if data.draw(st.booleans()):
        bars[0] = packed.lane(total, 0) / SCALE
    under = all(packed.lane(total, t) < b * SCALE for t, b in enumerate(bars))
    assert packed.below(total, packed.bars(bars)) is under


def test_a_type_without_a_bar_is_always_under_and_one_at_minus_infinity_never() -> None:
    packed = PackedRows([[5.0, -5.0]], [0.0, 0.0])
    total = packed.total([0])
    assert packed.below(total, packed.bars([math.inf, math.inf]))
    assert not packed.below(total, packed.bars([math.inf, -math.inf]))
    assert not packed.below(total, packed.bars([5.0, math.inf]))
    assert packed.below(total, packed.bars([5.0 + 1 / SCALE, math.inf]))
