"""A web app on a real store, with one user per role and a client that can sign in."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from borderwatch.accounts import service as accounts
from borderwatch.settings import Settings
from borderwatch.store.session import Store
from borderwatch.types import Role
from borderwatch.web.app import create_app

PASSWORD = "a long test password"


@pytest.fixture
def app_store(sqlite_store: Store) -> Store:
    """The store with one user per role (named after the role)."""
    with sqlite_store.unit_of_work() as session:
        for role in Role:
            accounts.create_user(session, role.value, PASSWORD, role)
    return sqlite_store


@pytest.fixture
def make_client(app_store: Store, tmp_path: object) -> Callable[[str | None], TestClient]:
    """A factory of clients, signed in as the given role (or anonymous for None)."""
    settings = Settings.from_env({"BORDERWATCH_DATA_DIR": str(tmp_path)})
    app = create_app(settings, app_store)

    def make(role: str | None) -> TestClient:
        client = TestClient(app)
        if role is not None:
            sign_in(client, role, PASSWORD)
        return client

    return make


def csrf_of(html: str) -> str:
    """The CSRF token a page's form carries."""
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "the page has no CSRF field"
    return match.group(1)


def sign_in(client: TestClient, username: str, password: str) -> None:
    """Sign in through the login form, as a person would."""
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
