"""The Map screen and a section's page: the picture as of a day, and why each level is so."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from borderwatch.accounts.roles import Action
from borderwatch.api import queries
from borderwatch.api.deps import DB, Principal, context_of, requires
from borderwatch.clocks import parse_day, parse_moment
from borderwatch.fusion import service as fusion_service
from borderwatch.web.mapview import legend, map_svg, section_title
from borderwatch.web.render import page, wants_json

router = APIRouter()
Reader = Annotated[Principal, Depends(requires(Action.READ))]


@router.get("/", include_in_schema=False)
@router.get("/map.json", include_in_schema=False)
def map_page(request: Request, db: DB, _: Reader, as_of: str = "", known_at: str = "") -> Response:
    """The border: sections coloured by impact level, crossings and events sized by people."""
    context = context_of(request)
    picture = queries.get_picture(db, context.frame, parse_day(as_of), parse_moment(known_at))
    data = queries.picture_view(picture)
    data["legend"] = legend(picture)
    data["titles"] = {s.section.id: section_title(context.pack, s) for s in picture.sections}
    if not wants_json(request):
        data["svg"] = map_svg(context.pack, picture, fusion_service.get_all(db))
        data["known_at_text"] = known_at
    return page(request, "map.html", data)


@router.get("/sections/{section_id}", include_in_schema=False)
@router.get("/sections/{section_id}.json", include_in_schema=False)
def section_page(request: Request, db: DB, _: Reader, section_id: str, as_of: str = "") -> Response:
    """One section: its state, the reason for its level, its events and the reports behind them."""
    context = context_of(request)
    picture = queries.get_picture(db, context.frame, parse_day(as_of))
    data = queries.section_view(db, picture, section_id)
    state = next(s for s in picture.sections if s.section.id == section_id)
    data["title"] = section_title(context.pack, state)
    return page(request, "section.html", data)
