"""Benchmark: a deployment plan for 500 synthetic sections, timed against a proportional split."""

from __future__ import annotations

import math
import random
import statistics
import time

from borderwatch.planning.deploy import SectionInput, plan_deployment, section_bounds
from borderwatch.planning.standards import bundled_staffing
from borderwatch.types import ImpactLevel

SECTIONS = 500
RUNS = 5
TARGET_SECONDS = 1.0


def synthetic_border(count: int, seed: int = 2021) -> list[SectionInput]:
    """Sections of 2-120 km, mostly low, some high and critical, a few crossings."""
    rng = random.Random(seed)
    levels = list(ImpactLevel)
    return [
        SectionInput(
            id=f"s{i:03d}",
            length_km=rng.uniform(2, 120),
            impact_level=rng.choices(levels, weights=[6, 2, 1.5, 0.5])[0],
            crossings=rng.choices([0, 1, 2], weights=[8, 2, 1])[0],
            terrain_factor=rng.choice([0.7, 1.0, 1.0, 1.3]),
        )
        for i in range(count)
    ]


def proportional(sections: list[SectionInput], available: int) -> list[int]:
    """The baseline: personnel in proportion to weight x length, largest remainder, no bounds."""
    staffing = bundled_staffing()
    shares = [section_bounds(s, staffing)[2] * s.length_km for s in sections]
    total = sum(shares)
    exact = [available * share / total for share in shares]
    counts = [math.floor(e) for e in exact]
    order = sorted(range(len(sections)), key=lambda i: counts[i] - exact[i])
    for i in order[: available - sum(counts)]:
        counts[i] += 1
    return counts


def timed(action: object) -> float:
    """Median wall time of RUNS calls."""
    assert callable(action)
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    """Print the MILP's solve time, the baseline's, their ratio and the target."""
    sections = synthetic_border(SECTIONS)
    staffing = bundled_staffing()
    need = sum(section_bounds(s, staffing)[0] for s in sections)
    personnel = int(need * 2.5)
    plan = plan_deployment(sections, personnel, staffing, 0.1)
    milp = timed(lambda: plan_deployment(sections, personnel, staffing, 0.1))
    baseline = timed(lambda: proportional(sections, personnel - plan.reserve))
    total_km = sum(s.length_km for s in sections)
    print(f"sections: {SECTIONS}, {total_km:,.0f} km, personnel {personnel:,}")
    print(f"plan: allocated {plan.allocated:,} + reserve {plan.reserve:,} = {personnel:,}")
    print(f"MILP (HiGHS) plan, median of {RUNS}:      {milp * 1000:8.1f} ms")
    print(f"proportional baseline, median of {RUNS}:  {baseline * 1000:8.1f} ms")
    print(f"ratio MILP / baseline:                {milp / baseline:8.1f}x")
    verdict = "meets" if milp < TARGET_SECONDS else "MISSES"
    print(f"target < {TARGET_SECONDS:.0f} s: {verdict} ({milp:.3f} s)")


if __name__ == "__main__":
    main()
