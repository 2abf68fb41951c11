"""The Review screen: analysts accept, reject or correct claims; admins read the audit log."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from borderwatch.accounts.roles import Action, allows
from borderwatch.api import actions, queries
from borderwatch.api.deps import DB, Principal, context_of, requires
from borderwatch.clocks import parse_day
from borderwatch.errors import InputError
from borderwatch.types import EventType
from borderwatch.web.render import page

router = APIRouter()
Reader = Annotated[Principal, Depends(requires(Action.READ))]
Reviewer = Annotated[Principal, Depends(requires(Action.REVIEW_CLAIM))]
Admin = Annotated[Principal, Depends(requires(Action.MANAGE_USERS))]
PLACE_KINDS = ("province", "district", "crossing", "settlement", "river", "country")


@router.get("/review", include_in_schema=False)
@router.get("/review.json", include_in_schema=False)
def review_page(request: Request, db: DB, principal: Reader, status: str = "proposed") -> Response:
    """Claims with a review status (proposed by default), each with its evidence."""
    data = queries.claims_view(db, status or None, None)
    data["statuses"] = list(queries.STATUSES)
    data["can_review"] = allows(principal.role, Action.REVIEW_CLAIM)
    return page(request, "review.html", data)


@router.get("/claims/{claim_id}", include_in_schema=False)
@router.get("/claims/{claim_id}.json", include_in_schema=False)
def claim_page(request: Request, db: DB, principal: Reader, claim_id: int) -> Response:
    """One claim with the form to accept, reject or correct it."""
    data = queries.claim_view(db, claim_id)
    data["can_review"] = allows(principal.role, Action.REVIEW_CLAIM)
    data["types"] = [t.value for t in EventType]
    places = context_of(request).pack.places.values()
    data["places"] = sorted(
        ({"id": p.id, "name": p.name, "kind": p.kind} for p in places if p.kind in PLACE_KINDS),
        key=lambda p: p["name"],
    )
    return page(request, "claim.html", data)


def correction_from_form(place_ids: str, date: str, figure: str, type: str) -> actions.Correction:
    """The fields an analyst filled in; blank fields leave the claim as it was."""
    ids = tuple(p for p in place_ids.replace(",", " ").split() if p)
    try:
        value = float(figure.replace(",", "")) if figure.strip() else None
    except ValueError:
        raise InputError(f"the figure must be a number, not {figure!r}") from None
    return actions.Correction(ids or None, parse_day(date, "date"), value, type.strip() or None)


@router.post("/claims/{claim_id}", include_in_schema=False)
def review_claim(
    request: Request,
    db: DB,
    principal: Reviewer,
    claim_id: int,
    decision: Annotated[str, Form()],
    place_ids: Annotated[str, Form()] = "",
    date: Annotated[str, Form()] = "",
    figure: Annotated[str, Form()] = "",
    type: Annotated[str, Form()] = "",
    back: Annotated[str, Form()] = "",
) -> Response:
    """Apply the decision; the events and the picture follow at once."""
    correction = correction_from_form(place_ids, date, figure, type)
    actions.review_claim(
        db, context_of(request), principal.username, claim_id, decision, correction
    )
    target = back if back.startswith("/") and not back.startswith("//") else f"/claims/{claim_id}"
    return RedirectResponse(target, status_code=303)


@router.get("/audit", include_in_schema=False)
@router.get("/audit.json", include_in_schema=False)
def audit_page(request: Request, db: DB, _: Admin) -> Response:
    """Every change, newest first: who, when, before and after."""
    return page(request, "audit.html", queries.audit_view(db))
