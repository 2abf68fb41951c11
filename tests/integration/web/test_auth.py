"""Signing in and out, sessions, CSRF and the login rate limit, as a browser sees them."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from tests.integration.web.conftest import PASSWORD, csrf_of, sign_in


def test_anonymous_pages_redirect_to_sign_in(make_client: Callable[..., TestClient]) -> None:
    response = make_client(None).get("/users", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/users"


def test_session_cookie_is_httponly_and_samesite(make_client: Callable[..., TestClient]) -> None:
    client = make_client(None)
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={"username": "admin", "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie


def test_wrong_password_is_refused_without_saying_which_part(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(None)
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login", data={"username": "admin", "password": "nope nope nope", "csrf_token": token}
    )
    assert response.status_code == 401
    assert "wrong username or password" in response.text


def test_login_attempts_are_rate_limited(make_client: Callable[..., TestClient]) -> None:
    client = make_client(None)
    for _ in range(5):
        token = csrf_of(client.get("/login").text)
        client.post("/login", data={"username": "admin", "password": "x" * 12, "csrf_token": token})
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login", data={"username": "admin", "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 401
    assert "too many sign-in attempts" in response.text


def test_login_form_without_csrf_token_is_refused(make_client: Callable[..., TestClient]) -> None:
    client = make_client(None)
    client.get("/login")
    response = client.post("/login", data={"username": "admin", "password": PASSWORD})
    assert response.status_code == 403


def test_a_form_post_without_csrf_token_is_refused(make_client: Callable[..., TestClient]) -> None:
    client = make_client("admin")
    response = client.post(
        "/users", data={"username": "eve", "password": "0123456789ab", "role": "viewer"}
    )
    assert response.status_code == 403
    assert "CSRF" in response.text


def test_admin_adds_a_user_who_can_then_sign_in(make_client: Callable[..., TestClient]) -> None:
    client = make_client("admin")
    token = csrf_of(client.get("/users").text)
    client.post(
        "/users",
        data={
            "username": "zara",
            "password": "zara's long password",
            "role": "analyst",
            "csrf_token": token,
        },
    )
    assert {"id": 5, "username": "zara", "role": "analyst", "active": True} in client.get(
        "/users.json"
    ).json()["users"]
    newcomer = make_client(None)
    sign_in(newcomer, "zara", "zara's long password")
    assert newcomer.get("/api/v1/me").json()["role"] == "analyst"


def test_sign_out_ends_the_session(make_client: Callable[..., TestClient]) -> None:
    client = make_client("admin")
    token = csrf_of(client.get("/users").text)
    response = client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303
    assert client.get("/api/v1/me").status_code == 401
