"""Bring a database to the newest schema with Alembic, or say how it differs from the tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from borderwatch.errors import StoreError
from borderwatch.store import tables  # noqa: F401  (registers every table on the metadata)
from borderwatch.store.base import Base

MIGRATIONS = Path(__file__).parent / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade(engine: Engine) -> None:
    """Apply every migration not yet applied; running it twice changes nothing."""
    config = _config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as exc:
        raise StoreError(f"cannot open the database: {exc.orig}") from exc


def revision(engine: Engine, message: str) -> None:
    """Write a new migration from the difference between the tables and `engine`'s schema."""
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.revision(config, message=message, autogenerate=True)


def drift(engine: Engine) -> list[Any]:
    """Differences between the migrated schema of `engine` and the table definitions."""
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))
