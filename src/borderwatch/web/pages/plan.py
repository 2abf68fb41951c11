"""The Plan screen: personnel per section from the picture's impact levels (planning/deploy)."""

from __future__ import annotations

from functools import cache
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from borderwatch.accounts.roles import Action
from borderwatch.api import queries
from borderwatch.api.deps import DB, Principal, context_of, requires
from borderwatch.errors import InputError
from borderwatch.planning.deploy import plan_deployment, validate_figures
from borderwatch.planning.service import PlanningRegion, get_inputs_from_picture, get_region
from borderwatch.web.render import page

router = APIRouter()
Planner = Annotated[Principal, Depends(requires(Action.PLAN))]


@cache
def _region(pack_path: str) -> PlanningRegion:
    return get_region(pack_path)


def _number(raw: str, field: str, kind: type[int] | type[float]) -> int | float:
    try:
        return kind(raw.replace(",", "").strip())
    except ValueError:
        raise InputError(f"{field} must be a number, not {raw!r}") from None


@router.get("/plan", include_in_schema=False)
@router.get("/plan.json", include_in_schema=False)
def plan_page(
    request: Request,
    db: DB,
    _: Planner,
    personnel: str = "20000",
    reserve: str = "0.1",
    as_of: str = "",
    known_at: str = "",
) -> Response:
    """A deployment plan for the personnel available, as of a day, as known at a time."""
    people = int(_number(personnel, "personnel", int))
    held_back = float(_number(reserve, "reserve", float))
    validate_figures(people, held_back)
    region = _region(str(context_of(request).pack.path))
    day = queries.parse_day(as_of) or queries.latest_day(db)
    moment = queries.parse_moment(known_at)
    inputs = get_inputs_from_picture(db, region, day, moment, [])
    plan = plan_deployment(inputs, people, region.staffing, held_back)
    data = {"as_of": day.isoformat(), "known_at": known_at, "plan": plan.to_json()}
    return page(request, "plan.html", data)
