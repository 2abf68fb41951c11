"""The Users screen: an administrator creates users and sets their roles."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from borderwatch.accounts import service as accounts
from borderwatch.accounts.roles import Action
from borderwatch.api.deps import DB, Principal, requires
from borderwatch.store.tables.accounts import User
from borderwatch.types import Role
from borderwatch.web.render import page

router = APIRouter()
Admin = Annotated[Principal, Depends(requires(Action.MANAGE_USERS))]


def _user_json(user: User) -> dict[str, Any]:
    return {"id": user.id, "username": user.username, "role": user.role, "active": user.active}


@router.get("/users", include_in_schema=False)
@router.get("/users.json", include_in_schema=False)
def users_page(request: Request, db: DB, _: Admin) -> Response:
    """Every user with their role."""
    users = [_user_json(u) for u in accounts.get_all_users(db)]
    return page(request, "users.html", {"users": users, "roles": [r.value for r in Role]})


@router.post("/users", include_in_schema=False)
def create_user(
    request: Request,
    db: DB,
    principal: Admin,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    role: Annotated[str, Form()],
) -> Response:
    """Add a user."""
    user = accounts.create_user(db, username, password, role)
    accounts.record_audit(
        db, principal.username, "create_user", ("user", str(user.id)), None, _user_json(user)
    )
    return RedirectResponse("/users", status_code=303)


@router.post("/users/{user_id}", include_in_schema=False)
def update_user(
    request: Request,
    db: DB,
    principal: Admin,
    user_id: int,
    role: Annotated[str, Form()],
    active: Annotated[bool, Form()] = False,
) -> Response:
    """Change a user's role or switch them off."""
    before = _user_json(accounts.update_user(db, user_id))
    user = accounts.update_user(db, user_id, role=role, active=active)
    accounts.record_audit(
        db, principal.username, "update_user", ("user", str(user_id)), before, _user_json(user)
    )
    return RedirectResponse("/users", status_code=303)
