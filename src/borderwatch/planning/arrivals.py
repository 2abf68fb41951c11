"""Arrivals: people expected to cross per section, with an interval, from history and drivers."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from borderwatch.errors import InputError
from borderwatch.planning.schemas import ArrivalsModel


@dataclass(frozen=True)
class ArrivalsHistory:
    """What is known of one section: people arriving per day and the drivers in the picture."""

    section: str
    daily: Mapping[date, int]
    control_changes: tuple[date, ...] = ()
    clashes: tuple[date, ...] = ()
    name: str = ""


@dataclass(frozen=True)
class Forecast:
    """People expected over the horizon on one section, with an interval and its drivers."""

    section: str
    name: str
    as_of: date
    horizon_days: int
    daily_rate: float
    expected: float
    low: int
    high: int
    interval: float
    drivers: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """The forecast as printed by `plan arrivals --format json`."""
        return {
            "section": self.section,
            "name": self.name,
            "as_of": self.as_of.isoformat(),
            "horizon_days": self.horizon_days,
            "daily_rate": round(self.daily_rate, 3),
            "expected": round(self.expected, 1),
            "low": self.low,
            "high": self.high,
            "interval": self.interval,
            "drivers": list(self.drivers),
        }


def weighted_rate(history: ArrivalsHistory, as_of: date, model: ArrivalsModel) -> float:
    """People per day, recent days weighing more (half-life), over the lookback window.

    The mass crossing on the night the far side changes hands is a one-off, not a rate: the
    first `surge_days` from each control change are left out of the rate.
    """
    decay = 0.5 ** (1 / model.half_life_days)
    known = [day for day in history.daily if day <= as_of]
    if not known:
        return model.floor_rate_per_day
    surge = {
        change + timedelta(days=offset)
        for change in history.control_changes
        for offset in range(model.surge_days)
    }
    start = max(min(known), as_of - timedelta(days=model.lookback_days - 1))
    total = weight = 0.0
    for age in range((as_of - start).days + 1):
        day = as_of - timedelta(days=age)
        if day not in surge:
            total += decay**age * history.daily.get(day, 0)
            weight += decay**age
    rate = total / weight if weight else 0.0
    return max(rate, model.floor_rate_per_day)


def _recent(days: tuple[date, ...], as_of: date) -> date | None:
    past = [day for day in days if day <= as_of]
    return max(past) if past else None


def _uplift(day: date, since: date | None, window: int, factor: float) -> float:
    if since is None or (day - since).days > window:
        return 1.0
    return factor


def surge_size(history: ArrivalsHistory, change: date, as_of: date, model: ArrivalsModel) -> float:
    """People who crossed in the surge after a change of control, above the usual rate."""
    seen = [change + timedelta(days=k) for k in range(model.surge_days)]
    seen = [day for day in seen if day <= as_of]
    usual = weighted_rate(history, change - timedelta(days=1), model) * len(seen)
    return max(0.0, sum(history.daily.get(day, 0) for day in seen) - usual)


def _follow_on(surge: float, change: date | None, day: date, model: ArrivalsModel) -> float:
    # People keep coming for days after the first night, fewer each day: a share of the surge.
    if change is None or surge <= 0:
        return 0.0
    halvings = (day - change).days / model.follow_on_half_life
    return float(surge * model.follow_on_share * 0.5**halvings)


def forecast(
    history: ArrivalsHistory, as_of: date, horizon_days: int, model: ArrivalsModel
) -> Forecast:
    """Expected arrivals over the next `horizon_days` after `as_of`, from what was known then."""
    if horizon_days <= 0:
        raise InputError(f"horizon must be a whole number of days above zero, got {horizon_days}")
    rate = weighted_rate(history, as_of, model)
    change = _recent(history.control_changes, as_of)
    clash = _recent(history.clashes, as_of)
    surge = surge_size(history, change, as_of, model) if change else 0.0
    expected = 0.0
    for step in range(1, horizon_days + 1):
        day = as_of + timedelta(days=step)
        usual = (
            rate
            * _uplift(day, change, model.change_window_days, model.change_uplift)
            * _uplift(day, clash, model.clash_window_days, model.clash_uplift)
        )
        # The larger of the two, not the sum: the weighted rate already holds part of the
        # follow-on flow once days after the surge are known.
        expected += max(usual, _follow_on(surge, change, day, model))
    low, high = _interval(expected, model)
    return Forecast(
        history.section,
        history.name,
        as_of,
        horizon_days,
        rate,
        expected,
        low,
        high,
        model.interval,
        _drivers(rate, change, clash, surge, as_of, model),
    )


def _drivers(
    rate: float,
    change: date | None,
    clash: date | None,
    surge: float,
    as_of: date,
    model: ArrivalsModel,
) -> tuple[str, ...]:
    drivers = [f"weighted rate {rate:.2f}/day (half-life {model.half_life_days:g} days)"]
    if change and (as_of - change).days < model.change_window_days:
        drivers.append(f"far side changed hands on {change.isoformat()} (x{model.change_uplift:g})")
    if change and surge > 0:
        drivers.append(
            f"{surge:,.0f} crossed in the surge after {change.isoformat()}; "
            f"{model.follow_on_share:.0%} of it a day to follow, halving every "
            f"{model.follow_on_half_life:g} days"
        )
    if clash and (as_of - clash).days < model.clash_window_days:
        drivers.append(f"clashes nearby on {clash.isoformat()} (x{model.clash_uplift:g})")
    return tuple(drivers)


def _interval(expected: float, model: ArrivalsModel) -> tuple[int, int]:
    """Central interval of the horizon's total: a negative binomial with size `dispersion`.

    The size does not grow with the horizon: the error in the estimated rate is shared by every
    day of the horizon rather than averaging out (a single gamma-mixed rate for the whole span).
    """
    # imported here: SciPy takes about a second and most commands never need it
    from scipy.stats import nbinom

    if expected <= 0:
        return 0, 0
    probability = model.dispersion / (model.dispersion + expected)
    tail = (1 - model.interval) / 2
    low = nbinom.ppf(tail, model.dispersion, probability)
    high = nbinom.ppf(1 - tail, model.dispersion, probability)
    return int(low), int(high)


def forecast_all(
    histories: list[ArrivalsHistory], as_of: date, horizon_days: int, model: ArrivalsModel
) -> list[Forecast]:
    """A forecast for every section, busiest first."""
    result = [forecast(h, as_of, horizon_days, model) for h in histories]
    return sorted(result, key=lambda f: (-f.expected, f.section))


def actual_total(history: ArrivalsHistory, after: date, horizon_days: int) -> int:
    """People who actually arrived in the `horizon_days` after `after`."""
    return sum(
        history.daily.get(after + timedelta(days=step), 0) for step in range(1, horizon_days + 1)
    )


def horizon_is_covered(history: ArrivalsHistory, after: date, horizon_days: int) -> bool:
    """Whether the history runs far enough past `after` to score a forecast."""
    return bool(history.daily) and max(history.daily) >= after + timedelta(days=horizon_days)


def ceil_people(value: float) -> int:
    """Whole people, rounding up: a reception plan for 0.2 of a person plans for one."""
    return math.ceil(value - 1e-9)
