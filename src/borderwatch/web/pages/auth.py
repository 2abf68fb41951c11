"""Signing in and out: rate-limited, CSRF-protected, HttpOnly SameSite session cookies."""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from borderwatch.accounts import service as accounts
from borderwatch.accounts.roles import Action
from borderwatch.api.deps import DB, SESSION_COOKIE, Principal, requires
from borderwatch.errors import AuthenticationError, PermissionDeniedError
from borderwatch.web.render import page

router = APIRouter()
LOGIN_CSRF_COOKIE = "bw_login_csrf"


def _safe_next(target: str) -> str:
    """Only local paths, so a sign-in link cannot send anyone elsewhere."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


@router.get("/login", include_in_schema=False)
def login_form(request: Request, next: str = "/") -> Response:
    """The sign-in form, with a double-submit CSRF token."""
    token = secrets.token_urlsafe(24)
    response = page(request, "login.html", {"next": _safe_next(next), "csrf_token": token})
    response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict")
    return response


@router.post("/login", include_in_schema=False)
def login(
    request: Request,
    db: DB,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    csrf_token: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    """Check the credentials, start a session, and go where the user was heading."""
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not hmac.compare_digest(expected, csrf_token):
        raise PermissionDeniedError("the sign-in form expired: reload it and try again")
    throttle: accounts.LoginThrottle = request.app.state.throttle
    client = f"ip:{request.client.host if request.client else '?'}"
    throttle.check(client, f"user:{username}")
    try:
        user = accounts.authenticate(db, username, password)
    except AuthenticationError:
        throttle.fail(client, f"user:{username}")
        raise
    throttle.succeed(f"user:{username}")
    token, _ = accounts.create_session(db, user)
    response = RedirectResponse(_safe_next(next), status_code=303)
    secure = request.url.scheme == "https"
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="lax", secure=secure)
    response.delete_cookie(LOGIN_CSRF_COOKIE)
    return response


@router.post("/logout", include_in_schema=False)
def logout(
    request: Request, db: DB, _: Annotated[Principal, Depends(requires(Action.READ))]
) -> Response:
    """End the session."""
    accounts.delete_session(db, request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
