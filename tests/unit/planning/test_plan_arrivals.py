"""Arrivals forecasts: the rate, the drivers, the interval, and the backtest against baselines."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from borderwatch.errors import InputError
from borderwatch.planning.arrivals import ArrivalsHistory, forecast, forecast_all
from borderwatch.planning.backtest import BacktestResult, backtest
from borderwatch.planning.scenario import bundled_scenario, scenario_histories
from borderwatch.planning.standards import bundled_arrivals_model

MODEL = bundled_arrivals_model()
JUNE = date(2021, 6, 1)


def steady(per_day: int, days: int = 30, **drivers: tuple[date, ...]) -> ArrivalsHistory:
    """A section where the same number of people arrive every day."""
    daily = {JUNE + timedelta(days=i): per_day for i in range(days)}
    return ArrivalsHistory("s1", daily, **drivers)


def test_a_steady_flow_is_forecast_at_its_rate_with_an_interval_around_it() -> None:
    result = forecast(steady(4), date(2021, 6, 30), 7, MODEL)
    assert result.expected == pytest.approx(28)
    assert result.low < 28 < result.high


def test_a_recent_change_of_control_raises_the_forecast_and_is_named() -> None:
    as_of = date(2021, 6, 30)
    quiet = forecast(steady(4), as_of, 7, MODEL)
    changed = forecast(steady(4, control_changes=(date(2021, 6, 25),)), as_of, 7, MODEL)
    assert changed.expected > quiet.expected
    assert any("far side changed hands on 2021-06-25" in d for d in changed.drivers)


def test_the_mass_crossing_on_the_night_of_a_change_is_not_taken_as_the_rate() -> None:
    history = steady(2, days=10, control_changes=(date(2021, 6, 9),))
    daily = dict(history.daily)
    daily[date(2021, 6, 9)] = 1_037
    surged = ArrivalsHistory("s1", daily, control_changes=history.control_changes)
    assert forecast(surged, date(2021, 6, 10), 1, MODEL).daily_rate == pytest.approx(2)


def test_nothing_known_gives_the_floor_rate() -> None:
    empty = ArrivalsHistory("s1", {})
    assert forecast(empty, JUNE, 3, MODEL).daily_rate == MODEL.floor_rate_per_day


def test_a_horizon_of_zero_days_is_refused() -> None:
    with pytest.raises(InputError, match="horizon must be"):
        forecast(steady(1), JUNE, 0, MODEL)


def test_forecasts_are_listed_busiest_first() -> None:
    quiet = ArrivalsHistory("a", {JUNE: 1})
    busy = ArrivalsHistory("b", {JUNE: 9})
    assert [f.section for f in forecast_all([quiet, busy], JUNE, 3, MODEL)] == ["b", "a"]


def test_the_scenario_says_it_is_synthetic() -> None:
    scenario = bundled_scenario()
    assert scenario.note.startswith("SYNTHETIC")
    assert scenario.start == date(2021, 6, 1) and scenario.end == date(2021, 8, 31)
    assert all(len(s.daily) == 92 for s in scenario.sections)


def test_the_backtest_scores_the_model_and_the_baselines_on_the_same_forecasts() -> None:
    histories = scenario_histories(bundled_scenario())
    result = backtest(histories, date(2021, 6, 14), 7, MODEL)
    assert result.forecasts == result.origins * len(histories)
    assert result.origins == (date(2021, 8, 24) - date(2021, 6, 14)).days + 1
    assert result.mae_model > 0 and result.mae_mean > 0 and result.mae_last_value > 0
    assert 0 <= result.interval_coverage <= 1


def test_the_verdict_says_plainly_when_the_forecast_loses() -> None:
    losing = BacktestResult(7, 10, 20, 5.0, 4.0, 6.0, 0.8, 0.8)
    assert not losing.beats_baseline
    assert "does NOT beat the naive baseline (last value)" in losing.verdict()


def test_people_keep_coming_after_the_surge_of_a_change_of_control() -> None:
    history = steady(0, days=10, control_changes=(date(2021, 6, 9),))
    daily = dict(history.daily)
    daily[date(2021, 6, 9)] = 1_000
    surged = ArrivalsHistory("s1", daily, control_changes=history.control_changes)
    result = forecast(surged, date(2021, 6, 9), 1, MODEL)
    # The day after: 8 % of the surge above the usual (floor) rate, halving every 7 days.
    surge = 1_000 - MODEL.floor_rate_per_day
    assert result.expected == pytest.approx(surge * 0.08 * 0.5 ** (1 / 7))
    assert any("1,000 crossed in the surge after 2021-06-09" in d for d in result.drivers)
