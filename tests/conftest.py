"""Shared fixtures: a real store on SQLite and, marked postgres, on the local PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from borderwatch.store.engine import make_engine
from borderwatch.store.migrate import upgrade
from borderwatch.store.session import Store

POSTGRES_URL = os.environ.get(
    "BORDERWATCH_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@pytest.fixture
def sqlite_store(tmp_path: object) -> Iterator[Store]:
    """A migrated SQLite store in a fresh file."""
    engine = make_engine(f"sqlite:///{tmp_path}/borderwatch.db")
    upgrade(engine)
    store = Store(engine)
    yield store
    store.dispose()


@pytest.fixture
def postgres_store() -> Iterator[Store]:
    """A migrated store in a fresh PostgreSQL database, dropped afterwards."""
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    name = f"borderwatch_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        admin.dispose()
        if os.environ.get("BORDERWATCH_REQUIRE_POSTGRES") == "1":
            raise
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL}: {exc}")
    engine = make_engine(make_url(POSTGRES_URL).set(database=name).render_as_string(False))
    upgrade(engine)
    store = Store(engine)
    yield store
    store.dispose()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest) -> Store:
    """The same test on SQLite and on PostgreSQL."""
    fixture = "sqlite_store" if request.param == "sqlite" else "postgres_store"
    result: Store = request.getfixturevalue(fixture)
    return result
