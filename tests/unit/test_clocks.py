"""The two clocks parse the same way in the CLI, the pages and the API."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from borderwatch.clocks import parse_day, parse_moment
from borderwatch.errors import InputError


def test_a_day_and_an_empty_value() -> None:
    assert parse_day("2021-07-05") == date(2021, 7, 5)
    assert parse_day("") is None and parse_day(None) is None


def test_a_bare_date_as_known_time_is_the_end_of_that_day_in_utc() -> None:
    moment = parse_moment("2021-07-06")
    assert moment is not None
    assert moment.date() == date(2021, 7, 6) and moment.tzinfo == UTC
    assert moment > datetime(2021, 7, 6, 23, 59, tzinfo=UTC)


def test_a_time_without_a_zone_is_utc_and_a_zone_is_kept() -> None:
    assert parse_moment("2021-07-05T06:00") == datetime(2021, 7, 5, 6, tzinfo=UTC)
    plus5 = timezone(timedelta(hours=5))
    assert parse_moment("2021-07-05T06:00+05:00") == datetime(2021, 7, 5, 6, tzinfo=plus5)


@pytest.mark.parametrize(("value", "name"), [("5 July", "--as-of"), ("yesterday", "as_of")])
def test_bad_values_name_the_option(value: str, name: str) -> None:
    with pytest.raises(InputError, match=f"{name} must be a date"):
        parse_day(value, name)
    with pytest.raises(InputError, match="--known-at must be an ISO 8601"):
        parse_moment(value, "--known-at")
