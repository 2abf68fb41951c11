"""The Plan screen: deployment, a what-if comparison, expected arrivals and needs, on one page.

Its forms are GET: they compute plans and change nothing. Role: planner or admin (Action.PLAN).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel
from sqlalchemy.orm import Session

from borderwatch.accounts.roles import Action
from borderwatch.api import plan_queries as plans
from borderwatch.api.deps import DB, Principal, context_of, requires
from borderwatch.api.plan_queries import Deployment, NeedsRequest, PlanTime
from borderwatch.errors import InputError
from borderwatch.planning.service import PlanningRegion, history_source
from borderwatch.types import ImpactLevel
from borderwatch.web.render import page

router = APIRouter()
Planner = Annotated[Principal, Depends(requires(Action.PLAN))]


def _number(raw: str, field: str, kind: type[int] | type[float]) -> int | float:
    try:
        return kind(raw.replace(",", "").strip())
    except ValueError:
        raise InputError(f"{field} must be a number, not {raw!r}") from None


def _whole(raw: str, field: str) -> int:
    return int(_number(raw, field, int))


def _fraction(raw: str, field: str) -> float:
    return float(_number(raw, field, float))


class PlanForm(BaseModel):
    """The Plan page's query: every field as typed in a form, so a bad value gets a message."""

    personnel: str = "20000"
    reserve: str = "0.1"
    as_of: str = ""
    known_at: str = ""
    levels_from: str = "picture"
    level: list[str] = []
    personnel_b: str = ""
    reserve_b: str = ""
    section_b: str = ""
    level_b: str = ""
    horizon: str = "7"
    history: str = "store"
    people: str = ""
    days: str = "30"
    cold: str = ""
    site: list[str] = []
    from_forecast: str = ""

    def deployment(self) -> Deployment:
        """Plan A: the personnel and reserve of the deployment form."""
        return Deployment(
            _whole(self.personnel, "personnel"),
            _fraction(self.reserve, "reserve"),
            tuple(level for level in self.level if level),
        )

    def what_if(self) -> Deployment | None:
        """Plan B when the what-if form changes something, else None."""
        if self.level_b and not self.section_b:
            raise InputError(f"choose the section that would be at level {self.level_b} in plan B")
        if not (self.personnel_b.strip() or self.reserve_b.strip() or self.section_b):
            return None
        if self.section_b and not self.level_b:
            raise InputError(f"choose the level section {self.section_b} would have in plan B")
        base = self.deployment()
        return Deployment(
            _whole(self.personnel_b, "personnel B") if self.personnel_b.strip() else base.personnel,
            _fraction(self.reserve_b, "reserve B") if self.reserve_b.strip() else base.reserve,
            (*base.levels, f"{self.section_b}={self.level_b}") if self.section_b else base.levels,
        )

    def needs(self) -> NeedsRequest | None:
        """The needs asked for, or None when the form gives neither people nor the forecast."""
        wanted_forecast = bool(self.from_forecast)
        if not (self.people.strip() or wanted_forecast):
            return None
        return NeedsRequest(
            days=_whole(self.days, "days"),
            people=None if wanted_forecast else _whole(self.people, "people"),
            cold=bool(self.cold),
            sites=tuple(s for s in self.site if s),
            from_forecast=wanted_forecast,
            horizon=self.arrivals_horizon(),
            history=history_source(self.history),
        )

    def arrivals_horizon(self) -> int:
        """Days ahead for the arrivals forecast."""
        return _whole(self.horizon, "horizon")


def _optional(
    session: Session, region: PlanningRegion, when: PlanTime, form: PlanForm
) -> dict[str, Any]:
    levels_from = plans.levels_from(form.levels_from)
    plan_b = form.what_if()
    comparison = None
    if plan_b is not None:
        pair = (form.deployment(), plan_b)
        comparison = plans.compare_view(session, region, when, pair, levels_from)
    asked = form.needs()
    needs = plans.needs_view(session, region, when, asked) if asked else None
    return {"comparison": comparison, "needs": needs}


@router.get("/plan", include_in_schema=False)
@router.get("/plan.json", include_in_schema=False)
def plan_page(request: Request, db: DB, _: Planner, form: Annotated[PlanForm, Query()]) -> Response:
    """Deployment, what-if, arrivals and needs as of a day, as known at a time."""
    region = plans.region_of(context_of(request))
    when = plans.plan_time(db, form.as_of, form.known_at)
    levels_from = plans.levels_from(form.levels_from)
    deployment = plans.deploy_view(db, region, when, form.deployment(), levels_from)
    history = history_source(form.history)
    data = {
        **deployment,
        **_optional(db, region, when, form),
        "arrivals": plans.arrivals_view(db, region, when, form.arrivals_horizon(), history),
        "sites": plans.sites_view(region),
        "levels": [level.value for level in ImpactLevel],
        "form": form.model_dump(),
    }
    return page(request, "plan.html", data)
