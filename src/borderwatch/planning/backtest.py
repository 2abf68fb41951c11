"""Rolling-origin backtest of the arrivals forecast against naive baselines (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from borderwatch.errors import InputError
from borderwatch.planning.arrivals import (
    ArrivalsHistory,
    actual_total,
    forecast,
    horizon_is_covered,
)
from borderwatch.planning.schemas import ArrivalsModel


@dataclass(frozen=True)
class BacktestResult:
    """Mean absolute error of the model and of two baselines over every origin and section."""

    horizon_days: int
    origins: int
    forecasts: int
    mae_model: float
    mae_last_value: float
    mae_mean: float
    interval_coverage: float
    interval: float

    @property
    def best_baseline(self) -> tuple[str, float]:
        """The better naive baseline and its error."""
        if self.mae_last_value <= self.mae_mean:
            return "last value", self.mae_last_value
        return "mean so far", self.mae_mean

    @property
    def beats_baseline(self) -> bool:
        """Whether the model's error is below the better baseline's."""
        return self.mae_model < self.best_baseline[1]

    def verdict(self) -> str:
        """One plain sentence: does the forecast beat the naive baseline?"""
        name, error = self.best_baseline
        if self.beats_baseline:
            return (
                f"the forecast beats the best naive baseline ({name}): MAE {self.mae_model:.2f} "
                f"vs {error:.2f} people per section per {self.horizon_days} days"
            )
        return (
            f"the forecast does NOT beat the naive baseline ({name}): MAE {self.mae_model:.2f} "
            f"vs {error:.2f}; use the baseline's figure or treat the forecast with care"
        )

    def to_json(self) -> dict[str, Any]:
        """The result as printed by `plan backtest --format json`."""
        return {
            "horizon_days": self.horizon_days,
            "origins": self.origins,
            "forecasts": self.forecasts,
            "mae_model": round(self.mae_model, 3),
            "mae_last_value": round(self.mae_last_value, 3),
            "mae_mean": round(self.mae_mean, 3),
            "interval": self.interval,
            "interval_coverage": round(self.interval_coverage, 3),
            "beats_baseline": self.beats_baseline,
            "verdict": self.verdict(),
        }


def _mean_so_far(history: ArrivalsHistory, origin: date) -> float:
    known = [count for day, count in history.daily.items() if day <= origin]
    first = min(day for day in history.daily)
    return sum(known) / ((origin - first).days + 1)


def backtest(
    histories: list[ArrivalsHistory],
    first_origin: date,
    horizon_days: int,
    model: ArrivalsModel,
) -> BacktestResult:
    """Forecast from every origin day (only what was known then) and score against the actuals."""
    if not histories:
        raise InputError("no histories to backtest on")
    errors: dict[str, list[float]] = {"model": [], "last": [], "mean": []}
    covered = 0
    origins: set[date] = set()
    for history in histories:
        origin = first_origin
        while horizon_is_covered(history, origin, horizon_days):
            actual = actual_total(history, origin, horizon_days)
            predicted = forecast(history, origin, horizon_days, model)
            errors["model"].append(abs(predicted.expected - actual))
            errors["last"].append(abs(history.daily.get(origin, 0) * horizon_days - actual))
            errors["mean"].append(abs(_mean_so_far(history, origin) * horizon_days - actual))
            covered += predicted.low <= actual <= predicted.high
            origins.add(origin)
            origin += timedelta(days=1)
    count = len(errors["model"])
    if count == 0:
        raise InputError("the history is too short for a backtest from that origin and horizon")
    return BacktestResult(
        horizon_days=horizon_days,
        origins=len(origins),
        forecasts=count,
        mae_model=sum(errors["model"]) / count,
        mae_last_value=sum(errors["last"]) / count,
        mae_mean=sum(errors["mean"]) / count,
        interval_coverage=covered / count,
        interval=model.interval,
    )
