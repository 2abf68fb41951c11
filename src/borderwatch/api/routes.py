"""The /api/v1 routes: reports, claims, events, sections, picture, alerts, sources, plans."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from borderwatch.accounts.roles import Action
from borderwatch.api.deps import Principal, requires

router = APIRouter(prefix="/api/v1", tags=["borderwatch"])
Reader = Annotated[Principal, Depends(requires(Action.READ))]


@router.get("/me")
def me(principal: Reader) -> dict[str, Any]:
    """Who the caller is and what role they act with."""
    return {"username": principal.username, "role": principal.role, "via": principal.via}
