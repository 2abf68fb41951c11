"""A web app on a real store, with one user per role and a client that can sign in."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from borderwatch.accounts import service as accounts
from borderwatch.flows.context import FlowContext
from borderwatch.settings import Settings
from borderwatch.store.engine import make_engine
from borderwatch.store.migrate import upgrade
from borderwatch.store.session import Store
from borderwatch.types import Role
from borderwatch.web.app import create_app

PASSWORD = "a long test password"
TALIBAN_TAKE_KHWAHAN = (
    "On 5 July 2021 Taliban fighters took control of Khwahan district in Badakhshan, "
    "Afghan officials said."
)


@pytest.fixture(scope="session")
def flow_context() -> FlowContext:
    """One region pack context (and so one extraction pipeline) for the whole test session."""
    return FlowContext.for_pack("tj-af")


@pytest.fixture(scope="session")
def app_store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file with one user per role, built once: migrating and hashing
    passwords for every test would cost seconds each on the shared machine."""
    path = tmp_path_factory.mktemp("web-template") / "borderwatch.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    store = Store(engine)
    with store.unit_of_work() as session:
        for role in Role:
            accounts.create_user(session, role.value, PASSWORD, role)
    store.dispose()
    return path


@pytest.fixture
def app_store(app_store_template: Path, tmp_path: Path) -> Iterator[Store]:
    """A fresh copy of the template store: one user per role (named after the role)."""
    path = tmp_path / "borderwatch.db"
    shutil.copyfile(app_store_template, path)
    store = Store(make_engine(f"sqlite:///{path}"))
    yield store
    store.dispose()


@pytest.fixture
def make_client(
    app_store: Store, tmp_path: object, flow_context: FlowContext
) -> Callable[[str | None], TestClient]:
    """A factory of clients, signed in as the given role (or anonymous for None)."""
    settings = Settings.from_env({"BORDERWATCH_DATA_DIR": str(tmp_path)})
    app = create_app(settings, app_store, flow_context)

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


def paste(client: TestClient, text: str, source: str = "", published: str = "") -> int:
    """Paste a report through the Reports form; returns the id of the report it opened."""
    token = csrf_of(client.get("/reports").text)
    response = client.post(
        "/reports",
        data={"text": text, "source": source, "published": published, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return int(response.headers["location"].rsplit("/", 1)[1])
