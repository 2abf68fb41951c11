"""The Event, Sources and Alerts screens."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from borderwatch.accounts.roles import Action, allows
from borderwatch.api import actions, queries
from borderwatch.api.deps import DB, Principal, context_of, requires
from borderwatch.web.render import page

router = APIRouter()
Reader = Annotated[Principal, Depends(requires(Action.READ))]
Grader = Annotated[Principal, Depends(requires(Action.GRADE_SOURCE))]


@router.get("/events/{event_id}", include_in_schema=False)
@router.get("/events/{event_id}.json", include_in_schema=False)
def event_page(request: Request, db: DB, _: Reader, event_id: str) -> Response:
    """An event: its claims, sources, attribution chains, conflicts and credibility."""
    return page(request, "event.html", queries.event_view(db, event_id))


@router.get("/sources", include_in_schema=False)
@router.get("/sources.json", include_in_schema=False)
def sources_page(request: Request, db: DB, principal: Reader) -> Response:
    """Every source with its reliability grade; analysts and admins can change it."""
    data = queries.sources_view(db)
    data["can_grade"] = allows(principal.role, Action.GRADE_SOURCE)
    return page(request, "sources.html", data)


@router.post("/sources/{source_id}", include_in_schema=False)
def grade_source(
    request: Request,
    db: DB,
    principal: Grader,
    source_id: int,
    reliability: Annotated[str, Form()],
) -> Response:
    """Set the grade; every event is re-fused so its credibility follows."""
    actions.grade_source(db, context_of(request), principal.username, source_id, reliability)
    return RedirectResponse("/sources", status_code=303)


@router.get("/alerts", include_in_schema=False)
@router.get("/alerts.json", include_in_schema=False)
def alerts_page(request: Request, db: DB, _: Reader) -> Response:
    """Changes of control and impact level, newest first."""
    return page(request, "alerts.html", queries.alerts_view(db))
