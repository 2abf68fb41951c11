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
from borderwatch.planning.arrivals import ArrivalsHistory, Forecast, forecast_all
from borderwatch.planning.compare import compare
from borderwatch.planning.deploy import DeploymentPlan, SectionInput, plan_deployment
from borderwatch.planning.deploy import validate_figures as validate_deployment
from borderwatch.planning.inputs import sections_by_far_unit
from borderwatch.planning.needs import (
    NeedsReport,
    needs_at_sites,
    needs_for,
    people_from_forecast,
    split_by_capacity,
)
from borderwatch.planning.schemas import Site
from borderwatch.planning.service import (
    PlanningRegion,
    get_histories_from_scenario,
    get_histories_from_store,
    get_inputs_from_pack,
    get_inputs_from_picture,
    get_region,
)
from borderwatch.planning.standards import bundled_arrivals_model

LevelsFrom = Literal["picture", "pack"]
History = Literal["store", "scenario"]
# A forecast walks every day of its horizon for every district: a year is already more than
# the model's few weeks of history can say anything about.
MAX_HORIZON_DAYS = 365


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


def history(raw: str) -> History:
    """Where the arrivals history comes from, as typed in a form: store or scenario."""
    for known in get_args(History):
        if raw == known:
            return cast(History, known)
    raise InputError(f"history {raw!r}: use store or scenario")


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


def _histories(
    session: Session, region: PlanningRegion, when: PlanTime, history: History
) -> tuple[list[ArrivalsHistory], list[str]]:
    if history == "scenario":
        note = "history: the bundled SYNTHETIC scenario (plausible, not recorded, figures)"
        return get_histories_from_scenario(region), [note]
    result = get_histories_from_store(session, region, when.as_of, when.known_at)
    if any(h.daily for h in result):
        return result, []
    note = (
        "history: no crossings recorded in the store; every forecast is the floor rate "
        "(history=scenario uses the bundled synthetic scenario)"
    )
    return result, [note]


def _forecasts(
    session: Session, region: PlanningRegion, when: PlanTime, horizon: int, history: History
) -> tuple[list[Forecast], list[str]]:
    if not 0 < horizon <= MAX_HORIZON_DAYS:
        raise InputError(f"horizon must be from 1 to {MAX_HORIZON_DAYS} days, got {horizon}")
    histories, notes = _histories(session, region, when, history)
    return forecast_all(histories, when.as_of, horizon, bundled_arrivals_model()), notes


def arrivals_view(
    session: Session,
    region: PlanningRegion,
    when: PlanTime,
    horizon: int = 7,
    history: History = "store",
) -> dict[str, Any]:
    """People expected from each far-side district over the horizon, with an interval."""
    forecasts, notes = _forecasts(session, region, when, horizon, history)
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


def _sites(region: PlanningRegion) -> dict[str, Site]:
    return {s.id: s for s in region.planning.sites}


def _needs_from_forecast(
    session: Session,
    region: PlanningRegion,
    when: PlanTime,
    asked: NeedsRequest,
    chosen: list[Site],
) -> tuple[NeedsReport, list[str]]:
    forecasts, notes = _forecasts(session, region, when, asked.horizon, asked.history)
    sites = chosen or [s for s in region.planning.sites if s.serves]
    # Plan for the high end of the interval: running short hurts more than a surplus.
    people, unserved = people_from_forecast({f.section: f.high for f in forecasts}, sites)
    if unserved:
        notes.append(f"no chosen site serves {', '.join(unserved)}")
    if not people:
        raise InputError("the forecast expects nobody at the chosen site(s)")
    notes.append(f"people: the high end of the {asked.horizon}-day arrivals forecast, per site")
    report = needs_at_sites(people, _sites(region), asked.days, region.sphere, asked.cold)
    return report, notes


def _needs(
    session: Session, region: PlanningRegion, when: PlanTime, asked: NeedsRequest
) -> tuple[NeedsReport, list[str]]:
    if (asked.people is None) != asked.from_forecast:
        raise InputError("give either people=N or from_forecast=true (one of them)")
    chosen = [region.site(name) for name in asked.sites]
    if asked.from_forecast:
        return _needs_from_forecast(session, region, when, asked, chosen)
    people = asked.people or 0
    if people <= 0:
        raise InputError(f"people must be a whole number above zero, got {people}")
    if chosen:
        split = split_by_capacity(people, chosen)
        sphere = region.sphere
        return needs_at_sites(split, _sites(region), asked.days, sphere, asked.cold), []
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
