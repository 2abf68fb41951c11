"""Backtest of the arrivals forecast on the synthetic scenario at several horizons, vs baselines."""

from __future__ import annotations

import time
from datetime import date

from borderwatch.planning.backtest import backtest
from borderwatch.planning.scenario import bundled_scenario, scenario_histories
from borderwatch.planning.standards import bundled_arrivals_model

FIRST_ORIGIN = date(2021, 6, 14)
HORIZONS = (1, 3, 7, 14)


def main() -> None:
    """Print MAE of the forecast and the two naive baselines, their ratio and interval coverage."""
    histories = scenario_histories(bundled_scenario())
    model = bundled_arrivals_model()
    print("arrivals backtest on the bundled SYNTHETIC scenario (tj-af, June-August 2021)")
    print("horizon  forecasts  MAE model  MAE last  MAE mean  model/best  80% interval held")
    started = time.perf_counter()
    for horizon in HORIZONS:
        result = backtest(histories, FIRST_ORIGIN, horizon, model)
        best = result.best_baseline[1]
        print(
            f"{horizon:>7}  {result.forecasts:>9}  {result.mae_model:>9.2f}  "
            f"{result.mae_last_value:>8.2f}  {result.mae_mean:>8.2f}  "
            f"{result.mae_model / best:>10.2f}  {result.interval_coverage:>17.0%}"
        )
        print(f"         {result.verdict()}")
    print(f"run time {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
