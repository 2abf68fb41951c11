"""Request dependencies of the API and the pages: the unit of work, who asks, and may they."""

from __future__ import annotations

import hmac
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from borderwatch.accounts import service as accounts
from borderwatch.accounts.roles import Action, require
from borderwatch.errors import AuthenticationError, PermissionDeniedError
from borderwatch.flows.context import FlowContext
from borderwatch.store.session import Store

SESSION_COOKIE = "bw_session"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True)
class Principal:
    """Who is asking: a signed-in person (with a CSRF token) or a machine with an API token."""

    username: str
    role: str
    via: str
    csrf_token: str = ""


def get_store(request: Request) -> Store:
    """The store the app was created with."""
    store: Store = request.app.state.store
    return store


def get_db(request: Request) -> Iterator[Session]:
    """One unit of work per request: committed when the handler succeeds, rolled back otherwise."""
    with get_store(request).unit_of_work() as session:
        yield session


DB = Annotated[Session, Depends(get_db)]


def context_of(request: Request) -> FlowContext:
    """The region pack, extraction pipeline and picture frame the app serves."""
    context: FlowContext = request.app.state.context
    return context


def get_principal(request: Request, db: DB) -> Principal | None:
    """The caller from a bearer token or the session cookie, or None when anonymous."""
    authorization = request.headers.get("authorization", "")
    if authorization.lower().startswith("bearer "):
        user = accounts.get_token_user(db, authorization[7:].strip())
        if user is None:
            raise AuthenticationError("unknown or revoked API token")
        return Principal(user.username, user.role, "token")
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        return None
    web_session = accounts.get_session(db, cookie)
    if web_session is None:
        return None
    user = web_session.user
    return Principal(user.username, user.role, "session", web_session.csrf_token)


async def _check_csrf(request: Request, principal: Principal) -> None:
    if principal.via != "session" or request.method in SAFE_METHODS:
        return
    sent = request.headers.get(CSRF_HEADER, "")
    if not sent and "form" in request.headers.get("content-type", ""):
        sent = str((await request.form()).get(CSRF_FIELD, ""))
    if not sent or not hmac.compare_digest(sent, principal.csrf_token):
        raise PermissionDeniedError("missing or wrong CSRF token: reload the page and try again")


def requires(action: Action) -> Callable[..., object]:
    """A dependency that lets the request through only for a caller whose role allows `action`."""

    async def dependency(
        request: Request, principal: Annotated[Principal | None, Depends(get_principal)]
    ) -> Principal:
        if principal is None:
            raise AuthenticationError("sign in first")
        require(principal.role, action)
        await _check_csrf(request, principal)
        request.state.principal = principal
        return principal

    return dependency
