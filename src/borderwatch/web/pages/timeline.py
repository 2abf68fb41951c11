"""The Timeline screen: events by day, filtered by type, place, source and credibility."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy import select

from borderwatch.accounts.roles import Action
from borderwatch.api import queries
from borderwatch.api.deps import DB, Principal, context_of, requires
from borderwatch.errors import InputError
from borderwatch.region.schemas import Place
from borderwatch.store.tables.reports import Source
from borderwatch.types import EventType
from borderwatch.web.render import page

router = APIRouter()
Reader = Annotated[Principal, Depends(requires(Action.READ))]
FILTER_PLACE_KINDS = ("province", "district", "crossing", "settlement")


def _credibility(raw: str) -> int | None:
    if not raw:
        return None
    if raw not in {"1", "2", "3", "4", "5", "6"}:
        raise InputError("credibility is a number from 1 (confirmed) to 6 (cannot be judged)")
    return int(raw)


def _place_options(places: Iterable[Place]) -> list[dict[str, str]]:
    options = [
        {"id": p.id, "name": f"{p.name} ({p.kind}, {p.country})"}
        for p in places
        if p.kind in FILTER_PLACE_KINDS
    ]
    return sorted(options, key=lambda p: p["name"])


@router.get("/timeline", include_in_schema=False)
@router.get("/timeline.json", include_in_schema=False)
def timeline_page(
    request: Request,
    db: DB,
    _: Reader,
    type: str = "",
    place: str = "",
    source: str = "",
    credibility: str = "",
) -> Response:
    """Events by day with the chosen filters; conflicting claims are marked."""
    context = context_of(request)
    wanted = queries.TimelineFilter(type, place, source.strip(), _credibility(credibility))
    data = queries.timeline_view(db, context.frame, wanted)
    data["options"] = {
        "types": [t.value for t in EventType],
        "places": _place_options(context.pack.places.values()),
        "sources": list(db.scalars(select(Source.name).order_by(Source.name))),
    }
    return page(request, "timeline.html", data)
