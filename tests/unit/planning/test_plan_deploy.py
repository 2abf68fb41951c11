"""Deployment plans: exact totals, bounds respected, more per km where the level is higher."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from borderwatch.errors import InputError
from borderwatch.planning.compare import compare
from borderwatch.planning.deploy import (
    InfeasiblePlanError,
    SectionInput,
    plan_deployment,
    reserve_for,
    section_bounds,
)
from borderwatch.planning.standards import bundled_staffing
from borderwatch.types import ImpactLevel

STAFFING = bundled_staffing()
HIGH, LOW = ImpactLevel.HIGH, ImpactLevel.LOW


def border() -> list[SectionInput]:
    """A small border: two high sections facing a captured far side, three quiet ones."""
    return [
        SectionInput("s1", 120.0, HIGH, crossings=1, far_side_controller="taliban"),
        SectionInput("s2", 80.0, HIGH, crossings=0, far_side_controller="taliban"),
        SectionInput("s3", 200.0, LOW, crossings=1),
        SectionInput("s4", 150.0, LOW, crossings=0, terrain_factor=1.2),
        SectionInput("s5", 60.0, LOW, crossings=0),
    ]


def test_the_plan_adds_up_to_exactly_the_personnel_given() -> None:
    plan = plan_deployment(border(), 5_003, STAFFING, reserve_fraction=0.15)
    assert plan.reserve == 750  # 15 % of 5,003 = 750.45, rounded half up
    assert plan.allocated + plan.reserve == 5_003


def test_high_sections_get_more_per_km_than_low_ones() -> None:
    plan = plan_deployment(border(), 5_000, STAFFING, reserve_fraction=0.1)
    high = [a.per_km for a in plan.allocations if a.section.impact_level is HIGH]
    low = [a.per_km for a in plan.allocations if a.section.impact_level is LOW]
    assert min(high) > max(low)


def test_every_section_stays_within_its_bounds_and_the_binding_bound_is_named() -> None:
    plan = plan_deployment(border(), 3_200, STAFFING, reserve_fraction=0.0)
    for allocation in plan.allocations:
        assert allocation.minimum <= allocation.personnel <= allocation.maximum
        if allocation.binding == "minimum":
            assert allocation.personnel == allocation.minimum
    s1 = plan.allocations[0]
    assert s1.minimum == 8 * 120 + 40 * 1  # high: 8 per km and 40 per crossing
    assert "high level, 120.0 km, 1 crossing(s)" in s1.explanation()


def test_bounds_come_from_the_staffing_data() -> None:
    minimum, maximum, weight = section_bounds(SectionInput("x", 10.5, LOW, 2), STAFFING)
    assert (minimum, maximum) == (41, 206)  # 2*10.5 + 10*2, floor(12*10.5 + 40*2)
    assert weight == pytest.approx(1.5)  # level weight 1 x (1 + 0.25 per crossing x 2)


def test_too_few_personnel_for_the_minimums_names_the_sections_and_figures() -> None:
    with pytest.raises(InfeasiblePlanError) as caught:
        plan_deployment(border(), 2_000, STAFFING, reserve_fraction=0.1)
    message = caught.value.message
    # minimums: s1 960+40, s2 640, s3 400+10, s4 300, s5 120; 2,000 less a 10 % reserve
    assert "needs 2,470 personnel but only 1,800 are available" in message
    assert "s1 (high, 120.0 km, 1 crossing(s)) needs 1,000" in message


def test_more_personnel_than_the_maximums_absorb_go_to_the_reserve_and_say_so() -> None:
    plan = plan_deployment(border(), 50_000, STAFFING, reserve_fraction=0.1)
    assert all(a.binding == "maximum" for a in plan.allocations)
    assert plan.allocated + plan.reserve == 50_000
    assert "added to the reserve" in plan.notes[0]


@pytest.mark.parametrize("personnel", [0, -5])
def test_zero_or_negative_personnel_is_refused(personnel: int) -> None:
    with pytest.raises(InputError, match="personnel must be a whole number above zero"):
        plan_deployment(border(), personnel, STAFFING)


@pytest.mark.parametrize("reserve", [1.0, 1.5, -0.1])
def test_a_reserve_outside_0_to_1_is_refused(reserve: float) -> None:
    with pytest.raises(InputError, match="reserve must be a fraction"):
        plan_deployment(border(), 5_000, STAFFING, reserve_fraction=reserve)


def test_raising_a_section_level_moves_personnel_to_it() -> None:
    sections = border()
    before = plan_deployment(sections, 5_000, STAFFING)
    sections[4] = SectionInput("s5", 60.0, ImpactLevel.CRITICAL)
    after = plan_deployment(sections, 5_000, STAFFING)
    rows = {row.section: row for row in compare(before, after).sections}
    assert rows["s5"].change > 0
    assert sum(row.change for row in rows.values()) == after.allocated - before.allocated
    assert rows["s5"].to_json()["level_b"] == "critical"


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(1, 300), st.sampled_from(list(ImpactLevel)), st.integers(0, 3)),
        min_size=1,
        max_size=12,
    ),
    st.integers(1, 40_000),
    st.floats(0, 0.5),
)
# Found by Hypothesis: past full coverage a piece has no value and the solver left one out.
@example([(1.0, ImpactLevel.CRITICAL, 1)], 752, 0.5)
def test_any_feasible_plan_is_exact_and_within_bounds(
    rows: list[tuple[float, ImpactLevel, int]], personnel: int, reserve: float
) -> None:
    sections = [SectionInput(f"s{i}", km, level, n) for i, (km, level, n) in enumerate(rows)]
    try:
        plan = plan_deployment(sections, personnel, STAFFING, reserve)
    except InfeasiblePlanError:
        need = sum(section_bounds(s, STAFFING)[0] for s in sections)
        assert need > personnel - reserve_for(personnel, reserve)
        return
    assert plan.allocated + plan.reserve == personnel
    assert all(a.minimum <= a.personnel <= a.maximum for a in plan.allocations)


def test_the_mip_solver_gives_the_same_plan_when_the_relaxation_is_not_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from types import SimpleNamespace

    import scipy.optimize

    relaxed = plan_deployment(border(), 5_000, STAFFING)
    # the solver imports linprog when it runs, so replace it where it is imported from
    monkeypatch.setattr(scipy.optimize, "linprog", lambda *args, **kwargs: SimpleNamespace(x=None))
    whole = plan_deployment(border(), 5_000, STAFFING)
    assert [a.personnel for a in whole.allocations] == [a.personnel for a in relaxed.allocations]
