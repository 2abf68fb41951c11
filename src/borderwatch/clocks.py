"""The two clocks as people type them: a valid day (`--as-of`) and a known time (`--known-at`).

One parser for the CLI, the pages and the API, so `--known-at 2021-07-06` means the same
everywhere: the end of that day, in UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from borderwatch.errors import InputError


def parse_day(raw: str | None, name: str = "as_of") -> date | None:
    """A YYYY-MM-DD value, None when empty; a one-line InputError naming `name` otherwise."""
    if raw is None or not raw.strip():
        return None
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise InputError(
            f"{name} {raw!r} is not a date: {name} must be a date as YYYY-MM-DD"
        ) from None


def parse_moment(raw: str | None, name: str = "known_at") -> datetime | None:
    """An ISO 8601 date-time (a bare date means the end of that day; no zone means UTC)."""
    if raw is None or not raw.strip():
        return None
    text = raw.strip()
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), time.max, UTC)
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"{name} {raw!r} is not a date or time: {name} must be an ISO 8601 date or date-time"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
