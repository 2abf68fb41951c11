"""The /api/v1/plan routes: deployment, what-if, expected arrivals and needs.

Role: every route needs `Action.PLAN` (planner or admin; both may also READ). These GET routes
compute a plan from the picture and store nothing, but a plan is the planner's tool, so viewers
and analysts are refused, as on the Plan page. Bad figures answer the one JSON error shape (400).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from borderwatch.accounts.roles import Action
from borderwatch.api import plan_queries as plans
from borderwatch.api.deps import DB, Principal, context_of, requires
from borderwatch.api.plan_queries import Deployment, LevelsFrom, NeedsRequest
from borderwatch.planning.service import History

router = APIRouter(prefix="/api/v1/plan", tags=["plan"])
Planner = Annotated[Principal, Depends(requires(Action.PLAN))]
AsOf = Annotated[str, Query(description="valid day YYYY-MM-DD (default: the latest event's day)")]
KnownAt = Annotated[str, Query(description="as known at, ISO 8601 date-time (default: now)")]
Levels = Annotated[
    list[str],
    Query(description="SECTION=LEVEL or FACING-UNIT=LEVEL (low, medium, high, critical); repeat"),
]
Reserve = Annotated[float, Query(description="fraction held back, from 0 up to (not incl.) 1")]
Source = Annotated[LevelsFrom, Query(description="picture (the store) or pack (all low)")]
Horizon = Annotated[int, Query(description="days ahead, from 1 to 365")]
HistoryFrom = Annotated[History, Query(description="store, or scenario (bundled, SYNTHETIC)")]


@router.get("/deploy")
def deploy(
    request: Request,
    db: DB,
    _: Planner,
    personnel: int,
    reserve: Reserve = 0.1,
    as_of: AsOf = "",
    known_at: KnownAt = "",
    level: Levels = [],  # noqa: B006 - FastAPI copies query defaults per request
    levels_from: Source = "picture",
) -> dict[str, Any]:
    """Personnel per section (planner, admin): adds up to `personnel` exactly, each explained."""
    when = plans.plan_time(db, as_of, known_at)
    region = plans.region_of(context_of(request))
    asked = Deployment(personnel, reserve, tuple(level))
    return plans.deploy_view(db, region, when, asked, levels_from)


@router.get("/compare")
def compare(
    request: Request,
    db: DB,
    _: Planner,
    personnel: int,
    personnel_b: int | None = None,
    reserve: Reserve = 0.1,
    reserve_b: float | None = None,
    as_of: AsOf = "",
    known_at: KnownAt = "",
    level: Levels = [],  # noqa: B006 - FastAPI copies query defaults per request
    level_b: Levels = [],  # noqa: B006
    levels_from: Source = "picture",
) -> dict[str, Any]:
    """What-if (planner, admin): plan A and plan B side by side, with the change per section.

    Plan B takes `personnel_b` and `reserve_b` when given (else A's), and A's `level` overrides
    followed by its own `level_b` ones.
    """
    when = plans.plan_time(db, as_of, known_at)
    region = plans.region_of(context_of(request))
    plan_a = Deployment(personnel, reserve, tuple(level))
    plan_b = Deployment(
        personnel if personnel_b is None else personnel_b,
        reserve if reserve_b is None else reserve_b,
        (*level, *level_b),
    )
    return plans.compare_view(db, region, when, (plan_a, plan_b), levels_from)


@router.get("/arrivals")
def arrivals(
    request: Request,
    db: DB,
    _: Planner,
    as_of: AsOf = "",
    known_at: KnownAt = "",
    horizon: Horizon = 7,
    history: HistoryFrom = "store",
) -> dict[str, Any]:
    """Expected arrivals per far-side district with an interval (planner, admin)."""
    when = plans.plan_time(db, as_of, known_at)
    region = plans.region_of(context_of(request))
    return plans.arrivals_view(db, region, when, horizon, history)


@router.get("/needs")
def needs(
    request: Request,
    db: DB,
    _: Planner,
    days: int,
    people: int | None = None,
    cold: bool = False,
    site: Annotated[list[str], Query(description="reception site id or name; repeat")] = [],  # noqa: B006
    from_forecast: bool = False,
    as_of: AsOf = "",
    known_at: KnownAt = "",
    horizon: Horizon = 7,
    history: HistoryFrom = "store",
) -> dict[str, Any]:
    """Food, water, covered space, latrines per site and in total (planner, admin).

    Give `people`, or `from_forecast=true` for the high end of the arrivals forecast per site.
    """
    when = plans.plan_time(db, as_of, known_at)
    region = plans.region_of(context_of(request))
    asked = NeedsRequest(days, people, cold, tuple(site), from_forecast, horizon, history)
    return plans.needs_view(db, region, when, asked)


@router.get("/sites")
def sites(request: Request, _: Planner) -> dict[str, Any]:
    """The region pack's reception sites with their capacity and climate (planner, admin)."""
    return {"sites": plans.sites_view(plans.region_of(context_of(request)))}
