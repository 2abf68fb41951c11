"""What every command shares: consoles, the settings, the store, and JSON output on stdout."""

from __future__ import annotations

import json
import sys
from datetime import UTC, date, datetime
from typing import Any

from rich.console import Console

from borderwatch.errors import InputError
from borderwatch.settings import Settings
from borderwatch.store.engine import make_engine
from borderwatch.store.migrate import upgrade
from borderwatch.store.session import Store

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


def open_store(settings: Settings | None = None) -> Store:
    """The store named by the settings, migrated to the newest schema."""
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


def parse_date(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value, or a one-line InputError naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise InputError(f"{option} must be a date like 2021-07-05, not {value!r}") from exc


def parse_datetime(value: str | None, option: str) -> datetime | None:
    """An ISO date-time option value (UTC when no zone is given), or a one-line InputError."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise InputError(
            f"{option} must be a date-time like 2021-07-06T12:00, not {value!r}"
        ) from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
