"""Deployment: whole numbers of personnel per section, solved as a MILP with HiGHS (pure)."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from borderwatch.errors import InputError, PlanningError
from borderwatch.planning.schemas import StaffingStandard
from borderwatch.types import ImpactLevel

Binding = Literal["minimum", "maximum", "none"]
# Pieces of the concave coverage curve per section: enough for a smooth allocation, few enough
# that 500 sections solve well under a second.
SEGMENTS = 24


class InfeasiblePlanError(PlanningError):
    """The bounds cannot all be met with the personnel given; the message names them."""

    code = "plan_infeasible"


@dataclass(frozen=True)
class SectionInput:
    """What the planner needs to know of one section."""

    id: str
    length_km: float
    impact_level: ImpactLevel
    crossings: int = 0
    terrain_factor: float = 1.0
    far_side_controller: str | None = None
    name: str = ""


@dataclass(frozen=True)
class SectionAllocation:
    """One section's figure in a plan, with the bounds and weight that explain it."""

    section: SectionInput
    personnel: int
    minimum: int
    maximum: int
    weight: float
    binding: Binding

    @property
    def per_km(self) -> float:
        """Personnel per kilometre of the section."""
        return self.personnel / self.section.length_km

    def explanation(self) -> str:
        """Why the section gets this figure, in one sentence."""
        s = self.section
        why = {
            "minimum": "the minimum for its level binds",
            "maximum": "the maximum for its level binds",
            "none": "between its bounds, where one more person adds no more weighted coverage "
            "than anywhere else",
        }[self.binding]
        return (
            f"{s.impact_level.value} level, {s.length_km:,.1f} km, {s.crossings} crossing(s), "
            f"terrain x{s.terrain_factor:g} (weight {self.weight:g}): {self.personnel:,} "
            f"({self.per_km:.1f}/km), bounds {self.minimum:,}-{self.maximum:,}; {why}"
        )

    def to_json(self) -> dict[str, Any]:
        """The allocation as printed by `plan deploy --format json`."""
        s = self.section
        return {
            "section": s.id,
            "name": s.name,
            "impact_level": s.impact_level.value,
            "length_km": round(s.length_km, 3),
            "crossings": s.crossings,
            "terrain_factor": s.terrain_factor,
            "far_side_controller": s.far_side_controller,
            "personnel": self.personnel,
            "per_km": round(self.per_km, 2),
            "minimum": self.minimum,
            "maximum": self.maximum,
            "weight": round(self.weight, 4),
            "binding": self.binding,
            "explanation": self.explanation(),
        }


@dataclass(frozen=True)
class DeploymentPlan:
    """Personnel per section plus a reserve; allocated + reserve is exactly the personnel given."""

    personnel: int
    reserve_fraction: float
    reserve: int
    allocations: tuple[SectionAllocation, ...]
    notes: tuple[str, ...] = ()
    solve_seconds: float = field(default=0.0, compare=False)

    @property
    def allocated(self) -> int:
        """Personnel placed on sections."""
        return sum(a.personnel for a in self.allocations)

    def to_json(self) -> dict[str, Any]:
        """The plan as printed by `plan deploy --format json`."""
        return {
            "personnel": self.personnel,
            "reserve_fraction": self.reserve_fraction,
            "reserve": self.reserve,
            "allocated": self.allocated,
            "notes": list(self.notes),
            "sections": [a.to_json() for a in self.allocations],
        }


def section_bounds(section: SectionInput, staffing: StaffingStandard) -> tuple[int, int, float]:
    """Minimum, maximum and weight of a section from the staffing for its impact level."""
    rule = staffing.levels[section.impact_level]
    low = rule.min_per_km * section.length_km + rule.min_per_crossing * section.crossings
    high = rule.max_per_km * section.length_km + rule.max_per_crossing * section.crossings
    minimum = math.ceil(low - 1e-9)
    maximum = max(minimum, math.floor(high + 1e-9))
    crossing_factor = 1 + staffing.crossing_weight * section.crossings
    return minimum, maximum, rule.weight * section.terrain_factor * crossing_factor


def reserve_for(personnel: int, reserve_fraction: float) -> int:
    """The reserve held back: the fraction of personnel, rounded half up to a whole person."""
    return math.floor(personnel * reserve_fraction + 0.5)


def validate_figures(personnel: int, reserve_fraction: float) -> None:
    """Refuse personnel and reserve figures no plan can be made from, naming the problem."""
    if isinstance(personnel, bool) or not isinstance(personnel, int) or personnel <= 0:
        raise InputError(f"personnel must be a whole number above zero, got {personnel}")
    if not 0 <= reserve_fraction < 1:
        raise InputError(
            f"reserve must be a fraction from 0 up to (not including) 1, got {reserve_fraction:g}"
        )


def validate(sections: list[SectionInput], personnel: int, reserve_fraction: float) -> None:
    """Refuse inputs no plan can be made from, naming the problem."""
    validate_figures(personnel, reserve_fraction)
    if not sections:
        raise InputError("no sections to deploy to")
    for s in sections:
        if s.length_km <= 0 or s.crossings < 0 or s.terrain_factor <= 0:
            raise InputError(
                f"section {s.id}: length, crossings and terrain factor must be positive "
                f"(got {s.length_km} km, {s.crossings} crossings, terrain {s.terrain_factor})"
            )
    ids = [s.id for s in sections]
    if len(set(ids)) != len(ids):
        raise InputError("section ids must be unique")


def plan_deployment(
    sections: list[SectionInput],
    personnel: int,
    staffing: StaffingStandard,
    reserve_fraction: float = 0.1,
) -> DeploymentPlan:
    """Allocate `personnel` (minus the reserve) to sections, maximising weighted coverage."""
    validate(sections, personnel, reserve_fraction)
    started = time.perf_counter()
    reserve = reserve_for(personnel, reserve_fraction)
    bounds = [section_bounds(s, staffing) for s in sections]
    if sum(b[0] for b in bounds) > personnel - reserve:
        raise InfeasiblePlanError(_minimum_message(sections, bounds, personnel, reserve))
    counts, surplus, notes = _allocate(sections, bounds, personnel - reserve, staffing)
    allocations = tuple(
        SectionAllocation(s, int(n), b[0], b[1], b[2], _binding(int(n), b[0], b[1]))
        for s, n, b in zip(sections, counts, bounds, strict=True)
    )
    plan = DeploymentPlan(
        personnel,
        reserve_fraction,
        reserve + surplus,
        allocations,
        notes,
        time.perf_counter() - started,
    )
    if plan.allocated + plan.reserve != personnel:
        raise PlanningError(f"the solver returned {plan.allocated:,} + {plan.reserve:,} personnel")
    return plan


def _allocate(
    sections: list[SectionInput],
    bounds: list[tuple[int, int, float]],
    available: int,
    staffing: StaffingStandard,
) -> tuple[np.ndarray, int, tuple[str, ...]]:
    """Counts per section, personnel the maximums cannot absorb (to the reserve), and notes."""
    maxima = np.array([b[1] for b in bounds], dtype=np.int64)
    absorb = int(maxima.sum())
    if absorb >= available:
        return _solve(sections, bounds, available, staffing.coverage_density_per_km), 0, ()
    note = (
        f"the maximums of all sections absorb only {absorb:,} personnel; "
        f"the other {available - absorb:,} are added to the reserve"
    )
    return maxima, available - absorb, (note,)


def _binding(count: int, minimum: int, maximum: int) -> Binding:
    if count == minimum:
        return "minimum"
    return "maximum" if count == maximum else "none"


def _minimum_message(
    sections: list[SectionInput],
    bounds: list[tuple[int, int, float]],
    personnel: int,
    reserve: int,
) -> str:
    need = sum(b[0] for b in bounds)
    largest = sorted(zip(sections, bounds, strict=True), key=lambda pair: -pair[1][0])[:3]
    named = "; ".join(
        f"{s.id} ({s.impact_level.value}, {s.length_km:,.1f} km, {s.crossings} crossing(s)) "
        f"needs {b[0]:,}"
        for s, b in largest
    )
    return (
        f"infeasible: the minimum staffing of {len(sections)} sections needs {need:,} personnel "
        f"but only {personnel - reserve:,} are available ({personnel:,} less a reserve of "
        f"{reserve:,}); largest minimums: {named}. Add personnel, lower the reserve or lower "
        f"a section's level"
    )


def _coverage(density: np.ndarray, reference_density: float) -> np.ndarray:
    # Share of a kilometre watched at a density: diminishing returns, so personnel spread out
    # instead of piling onto the single most important section.
    result: np.ndarray = 1.0 - np.exp(-density / reference_density)
    return result


def _segments(
    length_km: float, minimum: int, maximum: int, weight: float, reference_density: float
) -> tuple[np.ndarray, np.ndarray]:
    """Integer widths and value per person of the pieces of a section's coverage curve."""
    pieces = min(SEGMENTS, maximum - minimum)
    if pieces == 0:
        return np.zeros(0), np.zeros(0)
    breaks = np.round(np.linspace(minimum, maximum, pieces + 1))
    values = weight * length_km * _coverage(breaks / length_km, reference_density)
    widths = np.diff(breaks)
    keep = widths > 0
    return widths[keep], (np.diff(values)[keep] / widths[keep])


def _solve(
    sections: list[SectionInput],
    bounds: list[tuple[int, int, float]],
    available: int,
    reference_density: float,
) -> np.ndarray:
    """The MILP (HiGHS): whole persons per piece of each coverage curve, using what is left.

    x_i = min_i + the persons in section i's pieces; the pieces have whole-person widths and
    are integer, so every x_i is whole. One row: the pieces use up `available` - sum(min_i).
    Pieces of a concave curve have falling values, so they fill in order without extra rows.
    """
    pieces = [
        _segments(s.length_km, lo, hi, w, reference_density)
        for s, (lo, hi, w) in zip(sections, bounds, strict=True)
    ]
    minima = np.array([b[0] for b in bounds], dtype=np.int64)
    sizes = np.array([len(p[0]) for p in pieces], dtype=np.int64)
    left = float(available - int(minima.sum()))
    if int(sizes.sum()) == 0:
        return minima
    widths = np.concatenate([p[0] for p in pieces])
    slopes = np.concatenate([p[1] for p in pieces])
    filled = np.rint(_run_highs(slopes / slopes.max(), widths, left)).astype(np.int64)
    _top_up(filled, widths, slopes, int(left))
    owner = np.repeat(np.arange(len(sections)), sizes)
    counts: np.ndarray = minima + np.bincount(
        owner, weights=filled, minlength=len(sections)
    ).astype(np.int64)
    return counts


def _top_up(filled: np.ndarray, widths: np.ndarray, slopes: np.ndarray, left: int) -> None:
    """Place whoever the solver left over: pieces past the point where more staff add no
    coverage have no value, so the optimum may leave persons out; the plan must be exact.
    They go to the pieces with room, steepest first (all of them within the maximums)."""
    short = left - int(filled.sum())
    for i in np.argsort(-slopes, kind="stable"):
        if short <= 0:
            break
        add = min(short, int(widths[i]) - int(filled[i]))
        if add > 0:
            filled[i] += add
            short -= add


def _run_highs(values: np.ndarray, widths: np.ndarray, left: float) -> np.ndarray:
    """Maximise values . pieces with whole pieces in [0, width] using at most `left` persons.

    The one constraint row is all ones, a totally unimodular matrix, and every bound is whole,
    so the dual simplex's optimal vertex is already whole: HiGHS solves the relaxation in
    milliseconds. Should a vertex ever come back fractional, HiGHS's MIP solver takes over.
    """
    # imported here: SciPy takes about a second and most commands never solve a plan
    from scipy.optimize import Bounds, LinearConstraint, linprog, milp

    row = np.ones((1, len(values)))
    # "At most" rather than "exactly": every piece has a positive value, so the optimum uses
    # all that is left anyway (the caller checks the total), and zero is always feasible.
    # Presolve is off: it spends seconds on one dense row and removes nothing.
    relaxed = linprog(
        -values,
        A_ub=row,
        b_ub=[left],
        bounds=np.column_stack([np.zeros(len(values)), widths]),
        method="highs-ds",
        options={"presolve": False, "time_limit": 30.0},
    )
    if relaxed.x is not None and np.abs(relaxed.x - np.rint(relaxed.x)).max(initial=0) < 1e-6:
        solution: np.ndarray = relaxed.x
        return solution
    result = milp(
        c=-values,
        constraints=LinearConstraint(row, 0, left),
        integrality=np.ones(len(values)),
        bounds=Bounds(np.zeros(len(values)), widths),
        options={"presolve": False, "time_limit": 30.0},
    )
    if result.x is None:
        raise PlanningError(f"the solver found no plan: {result.message}")
    whole: np.ndarray = result.x
    return whole
