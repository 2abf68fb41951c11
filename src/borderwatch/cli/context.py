"""What every command shares: consoles, the settings, the store, and JSON output on stdout."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from rich.console import Console

from borderwatch.settings import Settings

if TYPE_CHECKING:
    from borderwatch.store.session import Store

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


def open_store(settings: Settings | None = None) -> Store:
    """The store named by the settings, migrated to the newest schema."""
    # SQLAlchemy and Alembic load only for the commands that open the store.
    from borderwatch.store.engine import make_engine
    from borderwatch.store.migrate import upgrade
    from borderwatch.store.session import Store

    settings = settings or Settings.from_env()
    engine = make_engine(settings.database_url)
    upgrade(engine)
    return Store(engine)


def print_json(value: Any) -> None:
    """One JSON document on stdout, nothing else."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, default=str) + "\n")


def print_json_lines(values: list[Any]) -> None:
    """One JSON object per line on stdout."""
    for value in values:
        sys.stdout.write(json.dumps(value, ensure_ascii=False, default=str) + "\n")
