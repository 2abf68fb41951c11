"""The migrations create exactly the tables the code defines, on SQLite and PostgreSQL."""

from __future__ import annotations

from borderwatch.store.migrate import drift, upgrade
from borderwatch.store.session import Store


def test_migrations_match_the_tables(store: Store) -> None:
    assert drift(store.engine) == []


def test_upgrade_twice_changes_nothing(store: Store) -> None:
    upgrade(store.engine)
    assert drift(store.engine) == []
