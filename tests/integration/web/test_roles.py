"""Role checks, route by route: every route refuses anonymous callers, every write a viewer."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from tests.integration.web.conftest import csrf_of

from borderwatch.accounts import service as accounts
from borderwatch.store.session import Store

WRITES = {"POST", "PATCH", "PUT", "DELETE"}
# Signing in must be open to anonymous callers; signing out is open to every signed-in role.
OPEN_TO_ANONYMOUS = {("POST", "/login"), ("GET", "/login")}
OPEN_TO_VIEWERS = {("POST", "/logout")}
NOT_APP_ROUTES = {"/api/v1/openapi.json"}


def _flat(routes: Iterable[Any]) -> Iterator[APIRoute]:
    # FastAPI 0.165 keeps included routers as wrappers holding the original router.
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif hasattr(route, "original_router"):
            yield from _flat(route.original_router.routes)


def _routes(client: TestClient) -> Iterator[tuple[str, str]]:
    for route in _flat(client.app.routes):  # type: ignore[attr-defined]
        if route.path in NOT_APP_ROUTES:
            continue
        for method in sorted(route.methods - {"HEAD"}):
            yield method, re.sub(r"\{[^}]+\}", "1", route.path)


def test_every_route_is_checked(make_client: Callable[..., TestClient]) -> None:
    routes = set(_routes(make_client(None)))
    assert len([r for r in routes if r[0] in WRITES]) >= 8
    assert ("PATCH", "/api/v1/claims/1") in routes and ("POST", "/reports") in routes


def test_every_route_refuses_an_anonymous_caller(make_client: Callable[..., TestClient]) -> None:
    client = make_client(None)
    for method, path in _routes(client):
        if (method, path) in OPEN_TO_ANONYMOUS:
            continue
        response = client.request(method, path, follow_redirects=False)
        refused = response.status_code == 401 or (
            response.status_code == 303 and response.headers["location"].startswith("/login")
        )
        assert refused, f"{method} {path} answered {response.status_code} to an anonymous caller"


@pytest.mark.parametrize("via", ["session", "token"])
def test_every_write_route_refuses_a_viewer(
    make_client: Callable[..., TestClient], app_store: Store, via: str
) -> None:
    client = make_client("viewer")
    headers = {"x-csrf-token": csrf_of(client.get("/reports").text)}
    if via == "token":
        with app_store.unit_of_work() as session:
            viewer = accounts.get_user_by_username(session, "viewer")
            assert viewer is not None
            headers = {"authorization": f"Bearer {accounts.create_token(session, viewer, 't')}"}
        client.cookies.clear()
    for method, path in _routes(client):
        if method not in WRITES or (method, path) in OPEN_TO_VIEWERS | OPEN_TO_ANONYMOUS:
            continue
        response = client.request(method, path, headers=headers, follow_redirects=False)
        assert response.status_code == 403, f"{method} {path} let a viewer through"


def test_a_planner_may_read_but_not_review(make_client: Callable[..., TestClient]) -> None:
    client = make_client("planner")
    assert client.get("/review").status_code == 200
    headers = {"x-csrf-token": csrf_of(client.get("/review").text)}
    response = client.patch("/api/v1/claims/1", json={"decision": "reject"}, headers=headers)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
