"""Needs of people received: food, water, covered space and latrines from Sphere figures (pure)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from borderwatch.errors import InputError, PlanningError
from borderwatch.planning.schemas import Site, SphereStandards

TOTAL = "total"


@dataclass(frozen=True)
class Needs:
    """What `people` need over `days` at one site (or in total), by Sphere's minimum standards."""

    site: str
    people: int
    days: int
    cold: bool
    kcal: float
    ration_kg: float
    drinking_litres_per_day: float
    domestic_litres_per_day: float
    covered_m2: float
    latrines_emergency: int
    latrines_later: int
    capacity: int | None = None

    @property
    def water_litres_per_day(self) -> float:
        """Drinking and domestic water per day."""
        return self.drinking_litres_per_day + self.domestic_litres_per_day

    @property
    def water_litres(self) -> float:
        """All water over the period."""
        return self.water_litres_per_day * self.days

    @property
    def over_capacity(self) -> int:
        """People beyond the site's capacity (0 when within it or when no capacity applies)."""
        return max(0, self.people - self.capacity) if self.capacity is not None else 0

    def to_json(self) -> dict[str, Any]:
        """The needs as printed by `plan needs --format json`."""
        return {
            "site": self.site,
            "people": self.people,
            "days": self.days,
            "cold": self.cold,
            "capacity": self.capacity,
            "over_capacity": self.over_capacity,
            "food_kcal": self.kcal,
            "food_kcal_per_day": self.kcal / self.days,
            "ration_kg": round(self.ration_kg, 1),
            "ration_kg_per_day": round(self.ration_kg / self.days, 1),
            "drinking_water_litres_per_day": self.drinking_litres_per_day,
            "domestic_water_litres_per_day": self.domestic_litres_per_day,
            "water_litres_per_day": self.water_litres_per_day,
            "water_litres": self.water_litres,
            "covered_space_m2": self.covered_m2,
            "latrines_emergency": self.latrines_emergency,
            "latrines_later": self.latrines_later,
        }


@dataclass(frozen=True)
class NeedsReport:
    """Needs per site and in total, with the standards used and any warnings."""

    sites: tuple[Needs, ...]
    total: Needs
    warnings: tuple[str, ...]
    standards: SphereStandards

    def to_json(self) -> dict[str, Any]:
        """The report as printed by `plan needs --format json`."""
        return {
            "standards": {"source": self.standards.source, "edition": self.standards.edition},
            "sites": [needs.to_json() for needs in self.sites],
            "total": self.total.to_json(),
            "warnings": list(self.warnings),
        }


def _check(people: int, days: int) -> None:
    if isinstance(people, bool) or not isinstance(people, int) or people <= 0:
        raise InputError(f"people must be a whole number above zero, got {people}")
    if isinstance(days, bool) or not isinstance(days, int) or days <= 0:
        raise InputError(f"days must be a whole number above zero, got {days}")


def needs_for(
    people: int,
    days: int,
    standards: SphereStandards,
    cold: bool = False,
    site: str = TOTAL,
    capacity: int | None = None,
) -> Needs:
    """The minimum needs of `people` for `days`."""
    _check(people, days)
    food, water, shelter = standards.food, standards.water, standards.shelter
    kcal = people * food.kcal_per_person_day * days
    space = shelter.covered_m2_per_person_cold if cold else shelter.covered_m2_per_person
    return Needs(
        site=site,
        people=people,
        days=days,
        cold=cold,
        kcal=kcal,
        ration_kg=kcal / food.ration_kcal_per_kg,
        drinking_litres_per_day=people * water.drinking_litres_per_person_day,
        domestic_litres_per_day=people * water.domestic_litres_per_person_day,
        covered_m2=people * space,
        latrines_emergency=math.ceil(people / standards.sanitation.people_per_latrine_emergency),
        latrines_later=math.ceil(people / standards.sanitation.people_per_latrine_later),
        capacity=capacity,
    )


def _sum(parts: list[Needs], days: int) -> Needs:
    return Needs(
        site=TOTAL,
        people=sum(p.people for p in parts),
        days=days,
        cold=any(p.cold for p in parts),
        kcal=sum(p.kcal for p in parts),
        ration_kg=sum(p.ration_kg for p in parts),
        drinking_litres_per_day=sum(p.drinking_litres_per_day for p in parts),
        domestic_litres_per_day=sum(p.domestic_litres_per_day for p in parts),
        covered_m2=sum(p.covered_m2 for p in parts),
        # Each site digs its own latrines, so the total is the sum of per-site counts.
        latrines_emergency=sum(p.latrines_emergency for p in parts),
        latrines_later=sum(p.latrines_later for p in parts),
    )


def needs_at_sites(
    people_by_site: Mapping[str, int],
    sites: Mapping[str, Site],
    days: int,
    standards: SphereStandards,
    cold: bool = False,
) -> NeedsReport:
    """Needs per site and in total; warns when a site is over capacity."""
    if not people_by_site:
        raise InputError("no people to plan for")
    parts: list[Needs] = []
    warnings: list[str] = []
    for key, people in people_by_site.items():
        site = sites.get(key)
        if site is None:
            raise PlanningError(
                f"unknown site {key!r}; known: {', '.join(sorted(sites)) or 'none'}"
            )
        if site.capacity is None:
            raise PlanningError(
                f"site {site.id!r} ({site.name}) has no capacity recorded; add one to the "
                f"region pack's planning.json before planning arrivals there"
            )
        needs = needs_for(
            people, days, standards, cold or site.climate == "cold", site.id, site.capacity
        )
        if needs.over_capacity:
            warnings.append(
                f"site {site.id!r} ({site.name}): {people:,} people exceed its capacity of "
                f"{site.capacity:,} by {needs.over_capacity:,}"
            )
        parts.append(needs)
    return NeedsReport(tuple(parts), _sum(parts, days), tuple(warnings), standards)


def split_by_capacity(people: int, sites: list[Site]) -> dict[str, int]:
    """Share people among sites in proportion to capacity (largest remainder, whole people)."""
    _check(people, 1)
    for site in sites:
        if site.capacity is None:
            raise PlanningError(
                f"site {site.id!r} ({site.name}) has no capacity recorded; add one to the "
                f"region pack's planning.json before planning arrivals there"
            )
    capacities = [site.capacity or 0 for site in sites]
    total = sum(capacities)
    exact = [people * c / total for c in capacities]
    shares = [math.floor(e) for e in exact]
    by_remainder = sorted(range(len(sites)), key=lambda i: shares[i] - exact[i])
    for i in by_remainder[: people - sum(shares)]:
        shares[i] += 1
    return {site.id: share for site, share in zip(sites, shares, strict=True)}


def people_from_forecast(
    expected_by_unit: Mapping[str, float], sites: list[Site]
) -> tuple[dict[str, int], list[str]]:
    """People per site from expected arrivals per section or unit, using each site's `serves`."""
    by_site: dict[str, float] = {}
    unserved: list[str] = []
    for unit, expected in expected_by_unit.items():
        serving = [site for site in sites if unit in site.serves]
        if not serving:
            unserved.append(unit)
            continue
        by_site[serving[0].id] = by_site.get(serving[0].id, 0.0) + expected
    people = {key: math.ceil(value) for key, value in by_site.items() if math.ceil(value) > 0}
    return people, unserved
