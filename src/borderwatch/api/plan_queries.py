"""Plans for the API and the Plan page as JSON-ready values: deployment, what-if, arrivals, needs.

Computing a plan stores nothing: these functions read the picture and the pack, call the pure
planners in `planning/`, and return what both the API and the page show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, Literal, cast, get_args

from sqlalchemy.orm import Session

from borderwatch.api import queries
from borderwatch.clocks import parse_day, parse_moment
from borderwatch.errors import InputError
from borderwatch.flows.context import FlowContext
from borderwatch.planning.compare import compare
from borderwatch.planning.deploy import DeploymentPlan, SectionInput, plan_deployment
from borderwatch.planning.deploy import validate_figures as validate_deployment
from borderwatch.planning.inputs import sections_by_far_unit
from borderwatch.planning.needs import (
    NeedsReport,
    needs_at_sites,
    needs_for,
    split_by_capacity,
)
from borderwatch.planning.service import (
    ForecastQuery,
    History,
    PlanningRegion,
    get_forecasts,
    get_inputs_from_pack,
    get_inputs_from_picture,
    get_needs_from_forecast,
    get_region,
)
from borderwatch.planning.standards import bundled_arrivals_model

LevelsFrom = Literal["picture", "pack"]


@dataclass(frozen=True)
class PlanTime:
    """The day a plan is made for, and the moment whose knowledge it uses (None: now)."""

    as_of: date
    known_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        """As shown beside every plan."""
        known = self.known_at.isoformat() if self.known_at else None
        return {"as_of": self.as_of.isoformat(), "known_at": known}


@dataclass(frozen=True)
class Deployment:
    """What a deployment is asked for: personnel, reserve and level overrides (SECTION=LEVEL)."""

    personnel: int
    reserve: float = 0.1
    levels: tuple[str, ...] = ()


@dataclass(frozen=True)
class NeedsRequest:
    """What needs are asked for: people (or the forecast's), days, climate and sites."""

    days: int
    people: int | None = None
    cold: bool = False
    sites: tuple[str, ...] = ()
    from_forecast: bool = False
    horizon: int = 7
    history: History = "store"


def levels_from(raw: str) -> LevelsFrom:
    """Where impact levels come from, as typed in a form: picture or pack."""
    for known in get_args(LevelsFrom):
        if raw == known:
            return cast(LevelsFrom, known)
    raise InputError(f"levels_from {raw!r}: use picture or pack")


@cache
def _region(pack_path: str) -> PlanningRegion:
    return get_region(pack_path)


def region_of(context: FlowContext) -> PlanningRegion:
    """The served pack ready for planning, loaded once per process."""
    return _region(str(context.pack.path))


def plan_time(session: Session, as_of: str, known_at: str) -> PlanTime:
    """The plan's day from a query value (default: the latest event's day) and its known-at."""
    day = parse_day(as_of) or queries.latest_day(session)
    return PlanTime(day, parse_moment(known_at))


def _inputs(
    session: Session,
    region: PlanningRegion,
    when: PlanTime,
    levels_from: LevelsFrom,
    levels: Sequence[str],
) -> list[SectionInput]:
    if levels_from == "pack":
        return get_inputs_from_pack(region, levels)
    return get_inputs_from_picture(session, region, when.as_of, when.known_at, levels)


def _levels_note(levels_from: LevelsFrom, when: PlanTime, overrides: int) -> str:
    if levels_from == "pack":
        return f"impact levels: low everywhere except {overrides} override(s); picture not used"
    return f"impact levels from the picture as of {when.as_of}, then {overrides} override(s)"


def _deploy(
    session: Session,
    region: PlanningRegion,
    when: PlanTime,
    asked: Deployment,
    levels_from: LevelsFrom,
) -> DeploymentPlan:
    validate_deployment(asked.personnel, asked.reserve)
    inputs = _inputs(session, region, when, levels_from, asked.levels)
    return plan_deployment(inputs, asked.personnel, region.staffing, asked.reserve)


def deploy_view(
    session: Session,
    region: PlanningRegion,
    when: PlanTime,
    asked: Deployment,
    levels_from: LevelsFrom = "picture",
) -> dict[str, Any]:
    """A deployment plan: personnel per section adding up exactly, each figure explained."""
    plan = _deploy(session, region, when, asked, levels_from)
    return {
        **when.to_json(),
        "levels_from": levels_from,
        "levels_note": _levels_note(levels_from, when, len(asked.levels)),
        "plan": plan.to_json(),
    }


def compare_view(
    session: Session,
    region: PlanningRegion,
    when: PlanTime,
    plans: tuple[Deployment, Deployment],
    levels_from: LevelsFrom = "picture",
) -> dict[str, Any]:
    """What-if: plan A and plan B side by side, with the change per section and in total."""
    asked_a, asked_b = plans
    plan_a = _deploy(session, region, when, asked_a, levels_from)
    plan_b = plan_a if asked_b == asked_a else _deploy(session, region, when, asked_b, levels_from)
    result = compare(plan_a, plan_b).to_json()
    return {
        **when.to_json(),
        "levels_from": levels_from,
        "levels_a": list(asked_a.levels),
        "levels_b": list(asked_b.levels),
        "change": plan_b.allocated - plan_a.allocated,
        **result,
    }


def arrivals_view(
    session: Session,
    region: PlanningRegion,
    when: PlanTime,
    horizon: int = 7,
    history: History = "store",
) -> dict[str, Any]:
    """People expected from each far-side district over the horizon, with an interval."""
    query = ForecastQuery(when.as_of, when.known_at, horizon, history)
    forecasts, notes = get_forecasts(session, region, query)
    sections = sections_by_far_unit(region.frame)
    return {
        **when.to_json(),
        "horizon_days": horizon,
        "history": history,
        "interval": bundled_arrivals_model().interval,
        "expected_total": round(sum(f.expected for f in forecasts), 1),
        "notes": notes,
        "forecasts": [{**f.to_json(), "sections": sections.get(f.section, [])} for f in forecasts],
    }


def _needs(
    session: Session, region: PlanningRegion, when: PlanTime, asked: NeedsRequest
) -> tuple[NeedsReport, list[str]]:
    if (asked.people is None) != asked.from_forecast:
        raise InputError("give either people=N or from_forecast=true (one of them)")
    chosen = [region.site(name) for name in asked.sites]
    if asked.from_forecast:
        query = ForecastQuery(when.as_of, when.known_at, asked.horizon, asked.history)
        needs = (chosen, asked.days, asked.cold)
        return get_needs_from_forecast(session, region, query, needs)
    people = asked.people or 0
    if people <= 0:
        raise InputError(f"people must be a whole number above zero, got {people}")
    if chosen:
        split = split_by_capacity(people, chosen)
        sphere = region.sphere
        return needs_at_sites(split, region.sites_by_id, asked.days, sphere, asked.cold), []
    total = needs_for(people, asked.days, region.sphere, asked.cold)
    return NeedsReport((), total, (), region.sphere), []


def needs_view(
    session: Session, region: PlanningRegion, when: PlanTime, asked: NeedsRequest
) -> dict[str, Any]:
    """Food, water, covered space and latrines by Sphere's minimums, per site and in total."""
    report, notes = _needs(session, region, when, asked)
    return {
        **when.to_json(),
        "from_forecast": asked.from_forecast,
        "notes": notes,
        **report.to_json(),
    }


def sites_view(region: PlanningRegion) -> list[dict[str, Any]]:
    """The pack's reception sites: id, name, capacity (None when not surveyed), climate."""
    return [
        {"id": s.id, "name": s.name, "capacity": s.capacity, "climate": s.climate}
        for s in region.planning.sites
    ]
