"""`borderwatch plan` through the real entry point: what a planner sees on stdout and stderr."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from borderwatch.cli import main

# The reference case as of 6 July 2021: the six Badakhshan districts taken on the night of
# 4-5 July and Imam Sahib, whose Shir Khan Bandar crossing was taken on 22 June.
TAKEN = [
    "af-badakhshan-khwahan",
    "af-badakhshan-shekay",
    "af-badakhshan-nusay",
    "af-badakhshan-maimay",
    "af-badakhshan-shughnan",
    "af-badakhshan-ishkashim",
    "af-kunduz-imam-sahib",
]
REFERENCE = [
    "plan", "deploy", "--personnel", "20000", "--as-of", "2021-07-06", "--levels-from", "pack",
    *[arg for unit in TAKEN for arg in ("--level", f"{unit}=high")],
]  # fmt: skip


@pytest.fixture(autouse=True)
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty SQLite database named by the environment, so no test touches the user's own."""
    monkeypatch.setenv("BORDERWATCH_DATABASE_URL", f"sqlite:///{tmp_path}/plan.db")


def run_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    """Run a command with --format json and parse its stdout."""
    assert main([*args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def one_line_error(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run a command that must fail; return its one error line (after the command's notes)."""
    capsys.readouterr()
    assert main(args) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and captured.out == ""
    errors = [line for line in captured.err.splitlines() if line.startswith("error [")]
    assert len(errors) == 1
    return " ".join(captured.err[captured.err.index("error [") :].split())


def test_20000_personnel_add_up_exactly_and_taken_sections_get_more_per_km(
    capsys: pytest.CaptureFixture[str],
) -> None:
    plan = run_json(REFERENCE, capsys)
    sections = plan["sections"]
    assert plan["allocated"] + plan["reserve"] == 20_000
    assert sum(s["personnel"] for s in sections) == plan["allocated"] == 18_000
    assert sum(s["length_km"] for s in sections) == pytest.approx(1_357, abs=0.1)
    high = [s for s in sections if s["impact_level"] == "high"]
    low = [s for s in sections if s["impact_level"] == "low"]
    assert {s["name"].split(" (AF)")[0] for s in high} == {
        "Khwahan", "Shekay", "Nusay", "Maimay", "Shughnan", "Ishkashim", "Imam Sahib",
    }  # fmt: skip
    assert min(s["per_km"] for s in high) > max(s["per_km"] for s in low)
    per_km_high = sum(s["personnel"] for s in high) / sum(s["length_km"] for s in high)
    per_km_low = sum(s["personnel"] for s in low) / sum(s["length_km"] for s in low)
    assert per_km_high > 2 * per_km_low
    assert all(s["minimum"] <= s["personnel"] <= s["maximum"] for s in sections)
    assert "high level" in high[0]["explanation"] and "bounds" in high[0]["explanation"]


def test_the_deploy_table_shows_the_total_and_says_where_levels_came_from(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([*REFERENCE, "--explain"]) == 0
    captured = capsys.readouterr()
    assert "allocated 18,000 + reserve 2,000 = 20,000" in captured.out
    assert "Khwahan (AF) - Shamsiddin Shohin (TJ)" in captured.out
    assert "--levels-from pack" in captured.err


@pytest.fixture
def july(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The July 2021 reports of the fusion tests stored in the test database, events rebuilt."""
    from tests.integration.fusion.july2021 import REPORTS, store_report, store_sources

    from borderwatch.store.engine import make_engine
    from borderwatch.store.migrate import upgrade
    from borderwatch.store.session import Store

    store = Store(make_engine(f"sqlite:///{tmp_path}/plan.db"))
    upgrade(store.engine)
    with store.unit_of_work() as session:
        store_sources(session)
        for key, *_ in REPORTS:
            store_report(session, key)
    store.dispose()
    assert main(["events", "--rebuild", "--format", "json"]) == 0
    capsys.readouterr()


def test_levels_come_from_the_picture_of_the_stored_reports(
    july: None, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = run_json(["plan", "deploy", "--personnel", "20000", "--as-of", "2021-07-06"], capsys)
    by_far_side = {s["name"].split(" (AF)")[0]: s for s in plan["sections"]}
    assert by_far_side["Khwahan"]["impact_level"] in {"high", "critical"}
    assert by_far_side["Khwahan"]["far_side_controller"] == "taliban"
    assert by_far_side["Khwahan"]["per_km"] > by_far_side["Wakhan"]["per_km"]
    assert plan["allocated"] + plan["reserve"] == 20_000


def test_arrivals_from_the_stored_crossings_follow_the_surge(
    july: None, capsys: pytest.CaptureFixture[str]
) -> None:
    forecasts = run_json(["plan", "arrivals", "--as-of", "2021-07-06"], capsys)
    shughnan = next(f for f in forecasts if f["section"] == "af-badakhshan-shughnan")
    wakhan = next(f for f in forecasts if f["section"] == "af-badakhshan-wakhan")
    assert shughnan["expected"] > wakhan["expected"]
    assert any("changed hands on 2021-07-05" in d for d in shughnan["drivers"])


def test_compare_shows_what_fewer_personnel_would_change(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = run_json(
        ["plan", "compare", "--personnel", "20000", "--personnel-b", "15000",
         "--levels-from", "pack", "--level", "af-badakhshan-khwahan=high",
         "--level-b", "af-badakhshan-wakhan=medium"],
        capsys,
    )  # fmt: skip
    assert result["a"]["allocated"] == 18_000 and result["b"]["allocated"] == 13_500
    assert sum(row["change"] for row in result["sections"]) == -4_500
    wakhan = [row for row in result["sections"] if "Wakhan" in row["name"]]
    assert all(row["level_a"] == "low" and row["level_b"] == "medium" for row in wakhan)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["--personnel", "0"],
            "error [invalid_input]: personnel must be a whole number above zero",
        ),
        (["--personnel", "-5"], "personnel must be a whole number above zero, got -5"),
        (["--personnel", "20000", "--reserve", "1"], "reserve must be a fraction from 0 up to"),
        (["--personnel", "20000", "--reserve", "-0.2"], "reserve must be a fraction"),
        (["--personnel", "2000"], "error [plan_infeasible]: infeasible: the minimum staffing"),
        (["--personnel", "9000", "--level", "s99=high"], "no section or facing unit 's99'"),
        (["--personnel", "9000", "--level", "s01=extreme"], "unknown level 'extreme'"),
    ],
)
def test_bad_deploy_input_is_one_line_naming_the_problem(
    args: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    line = one_line_error(["plan", "deploy", "--levels-from", "pack", *args], capsys)
    assert expected in line


def test_an_infeasible_plan_names_the_sections_and_the_figures(
    capsys: pytest.CaptureFixture[str],
) -> None:
    line = one_line_error([*REFERENCE[:3], "5000", *REFERENCE[4:]], capsys)
    assert "but only 4,500 are available (5,000 less a reserve of 500)" in line
    assert "largest minimums: s" in line and "(high," in line


def test_needs_of_1037_people_for_30_days_in_the_cold(
    capsys: pytest.CaptureFixture[str],
) -> None:
    report = run_json(["plan", "needs", "--people", "1037", "--days", "30", "--cold"], capsys)
    total = report["total"]
    assert total["food_kcal"] == 1_037 * 2_100 * 30
    assert total["water_litres"] == 1_037 * 15 * 30
    assert total["drinking_water_litres_per_day"] == 1_037 * 3
    assert total["covered_space_m2"] == pytest.approx(1_037 * 4.5)
    assert total["latrines_emergency"] == math.ceil(1_037 / 50)
    assert total["latrines_later"] == math.ceil(1_037 / 20)
    assert report["standards"]["edition"].startswith("2018")


def test_needs_at_a_site_warn_when_people_exceed_its_capacity(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["plan", "needs", "--people", "2500", "--days", "7", "--site", "khorugh"]) == 0
    captured = capsys.readouterr()
    assert "warning: site 'khorugh' (Khorugh reception site): 2,500 people exceed its " in (
        captured.err
    )
    assert "capacity of 1,500 by 1,000" in captured.err
    assert "Sphere Handbook" in captured.out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--people", "100", "--site", "murghob"], "'murghob' (Murghob (not yet surveyed)) has no"),
        (["--people", "100", "--site", "dushanbe"], "--site 'dushanbe': no such reception site"),
        (["--people", "0"], "people must be a whole number above zero, got 0"),
        (["--people", "-3"], "people must be a whole number above zero, got -3"),
    ],
)
def test_bad_needs_input_is_one_line_naming_the_problem(
    args: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert expected in one_line_error(["plan", "needs", "--days", "30", *args], capsys)


def test_arrivals_from_the_synthetic_scenario_rank_the_districts_just_taken(
    capsys: pytest.CaptureFixture[str],
) -> None:
    forecasts = run_json(
        ["plan", "arrivals", "--as-of", "2021-07-06", "--horizon", "7", "--history", "scenario"],
        capsys,
    )
    top = {f["section"] for f in forecasts[:6]}
    assert "af-badakhshan-khwahan" in top
    khwahan = next(f for f in forecasts if f["section"] == "af-badakhshan-khwahan")
    assert khwahan["low"] <= khwahan["expected"] <= khwahan["high"]
    assert any("changed hands on 2021-07-05" in d for d in khwahan["drivers"])
    assert khwahan["sections"]


def test_needs_from_the_forecast_are_per_site_and_in_total(
    capsys: pytest.CaptureFixture[str],
) -> None:
    report = run_json(
        ["plan", "needs", "--from-forecast", "--days", "30", "--as-of", "2021-07-06",
         "--history", "scenario"],
        capsys,
    )  # fmt: skip
    sites = {n["site"]: n for n in report["sites"]}
    assert {"khorugh", "kalai-khumb"} <= set(sites)
    assert sites["khorugh"]["cold"] is True
    assert report["total"]["people"] == sum(n["people"] for n in report["sites"])


def test_the_backtest_prints_its_error_beside_the_baselines(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["plan", "backtest", "--horizon", "7"]) == 0
    out = capsys.readouterr().out
    assert "SYNTHETIC" in out
    for label in ("MAE forecast", "MAE last value", "MAE mean so far", "interval held"):
        assert label in out
    assert "beats the best naive baseline" in out or "does NOT beat" in out
