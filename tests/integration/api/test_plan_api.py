"""The /api/v1/plan endpoints as a machine client uses them: a token, JSON, one error shape."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from borderwatch.accounts import service as accounts
from borderwatch.flows.context import FlowContext
from borderwatch.settings import Settings
from borderwatch.store.engine import make_engine
from borderwatch.store.migrate import upgrade
from borderwatch.store.session import Store
from borderwatch.types import Role
from borderwatch.web.app import create_app

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
REFERENCE: dict[str, Any] = {
    "personnel": 20_000,
    "as_of": "2021-07-06",
    "levels_from": "pack",
    "level": [f"{unit}=high" for unit in TAKEN],
}
KHWAHAN_TAKEN = (
    "On 5 July 2021 Taliban fighters took control of Khwahan district in Badakhshan, "
    "Afghan officials said."
)
ENDPOINTS = [
    "/api/v1/plan/deploy?personnel=20000",
    "/api/v1/plan/compare?personnel=20000&personnel_b=15000",
    "/api/v1/plan/arrivals",
    "/api/v1/plan/needs?people=1037&days=30",
    "/api/v1/plan/sites",
]
Client = Callable[[str | None], TestClient]


def _app_with_tokens(store: Store, data_dir: Path, roles: list[Role]) -> Client:
    tokens: dict[str, str] = {}
    with store.unit_of_work() as session:
        for role in roles:
            user = accounts.create_user(session, role.value, "a long test password", role)
            tokens[role.value] = accounts.create_token(session, user, "tests")
    context = FlowContext.for_pack("tj-af")
    app = create_app(Settings.from_env({"BORDERWATCH_DATA_DIR": str(data_dir)}), store, context)

    def client(role: str | None) -> TestClient:
        headers = {"authorization": f"Bearer {tokens[role]}"} if role else {}
        return TestClient(app, headers=headers)

    return client


@pytest.fixture(scope="module")
def as_role(tmp_path_factory: pytest.TempPathFactory) -> Client:
    """Clients by role on one SQLite store: planning stores nothing, so tests may share it."""
    folder = tmp_path_factory.mktemp("plan-api")
    engine = make_engine(f"sqlite:///{folder}/borderwatch.db")
    upgrade(engine)
    return _app_with_tokens(Store(engine), folder, list(Role))


@pytest.fixture(scope="module")
def planner(as_role: Client) -> TestClient:
    """A machine client acting as a planner."""
    return as_role("planner")


def _ok(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_20000_personnel_add_up_exactly_and_taken_sections_get_more_per_km(
    planner: TestClient,
) -> None:
    result = _ok(planner, "/api/v1/plan/deploy", **REFERENCE)
    plan = result["plan"]
    assert plan["allocated"] + plan["reserve"] == 20_000
    assert sum(s["personnel"] for s in plan["sections"]) == plan["allocated"] == 18_000
    high = [s for s in plan["sections"] if s["impact_level"] == "high"]
    low = [s for s in plan["sections"] if s["impact_level"] == "low"]
    assert {s["name"].split(" (AF)")[0] for s in high} >= {"Khwahan", "Shughnan", "Imam Sahib"}
    assert min(s["per_km"] for s in high) > max(s["per_km"] for s in low)
    assert all(s["minimum"] <= s["personnel"] <= s["maximum"] for s in plan["sections"])
    assert result["levels_from"] == "pack" and "7 override(s)" in result["levels_note"]


def test_levels_come_from_the_picture_of_the_stored_reports(store: Store, tmp_path: Path) -> None:
    as_role = _app_with_tokens(store, tmp_path, [Role.ANALYST, Role.PLANNER])
    submitted = as_role("analyst").post(
        "/api/v1/reports", json={"text": KHWAHAN_TAKEN, "published": "2021-07-05"}
    )
    assert submitted.status_code == 201, submitted.text
    result = _ok(as_role("planner"), "/api/v1/plan/deploy", personnel=20_000, as_of="2021-07-06")
    by_far_side = {s["name"].split(" (AF)")[0]: s for s in result["plan"]["sections"]}
    assert by_far_side["Khwahan"]["far_side_controller"] == "taliban"
    assert by_far_side["Khwahan"]["impact_level"] in {"high", "critical"}
    assert by_far_side["Khwahan"]["per_km"] > by_far_side["Wakhan"]["per_km"]
    assert result["plan"]["allocated"] + result["plan"]["reserve"] == 20_000
    before = _ok(
        as_role("planner"),
        "/api/v1/plan/deploy",
        personnel=20_000,
        as_of="2021-07-06",
        known_at="2021-07-06T12:00:00+00:00",
    )
    # The report was received today: on 6 July 2021 nobody knew of it yet.
    khwahan = next(s for s in before["plan"]["sections"] if s["name"].startswith("Khwahan"))
    assert khwahan["far_side_controller"] != "taliban" and khwahan["impact_level"] == "low"
    assert before["known_at"] == "2021-07-06T12:00:00+00:00"


def test_compare_puts_two_plans_side_by_side(planner: TestClient) -> None:
    result = _ok(
        planner,
        "/api/v1/plan/compare",
        **REFERENCE,
        personnel_b=15_000,
        level_b=["af-badakhshan-wakhan=medium"],
    )
    assert result["a"]["allocated"] == 18_000 and result["b"]["allocated"] == 13_500
    assert sum(row["change"] for row in result["sections"]) == result["change"] == -4_500
    wakhan = [row for row in result["sections"] if "Wakhan" in row["name"]]
    assert wakhan and all(r["level_a"] == "low" and r["level_b"] == "medium" for r in wakhan)
    khwahan = next(row for row in result["sections"] if "Khwahan" in row["name"])
    assert khwahan["level_a"] == khwahan["level_b"] == "high"


def test_arrivals_per_far_side_district_with_an_interval(planner: TestClient) -> None:
    result = _ok(
        planner, "/api/v1/plan/arrivals", as_of="2021-07-06", horizon=7, history="scenario"
    )
    assert result["horizon_days"] == 7 and "SYNTHETIC" in result["notes"][0]
    top = {f["section"] for f in result["forecasts"][:6]}
    assert "af-badakhshan-khwahan" in top
    khwahan = next(f for f in result["forecasts"] if f["section"] == "af-badakhshan-khwahan")
    assert khwahan["low"] <= khwahan["expected"] <= khwahan["high"] and khwahan["sections"]
    assert any("changed hands on 2021-07-05" in d for d in khwahan["drivers"])
    total = sum(f["expected"] for f in result["forecasts"])
    assert result["expected_total"] == pytest.approx(total, abs=0.5)


def test_arrivals_from_an_empty_store_say_so(planner: TestClient) -> None:
    result = _ok(planner, "/api/v1/plan/arrivals", as_of="2021-07-06")
    assert "no crossings recorded in the store" in result["notes"][0]


def test_needs_of_1037_people_for_30_days_in_the_cold(planner: TestClient) -> None:
    result = _ok(planner, "/api/v1/plan/needs", people=1_037, days=30, cold="true")
    total = result["total"]
    # By hand from Sphere (2018): 2,100 kcal, 15 l (3 drinking), 4.5 m2 cold, 1:50 then 1:20.
    assert total["food_kcal"] == 65_331_000  # 1,037 x 2,100 x 30
    assert total["water_litres"] == 466_650  # 1,037 x 15 x 30
    assert total["drinking_water_litres_per_day"] == 3_111  # 1,037 x 3
    assert total["covered_space_m2"] == pytest.approx(4_666.5)  # 1,037 x 4.5
    assert (total["latrines_emergency"], total["latrines_later"]) == (21, 52)
    assert result["standards"]["edition"].startswith("2018") and result["sites"] == []


def test_needs_at_two_sites_are_shared_by_capacity(planner: TestClient) -> None:
    result = _ok(
        planner, "/api/v1/plan/needs", people=1_037, days=30, site=["khorugh", "Kalai-Khumb"]
    )
    sites = {n["site"]: n for n in result["sites"]}
    # Capacities 1,500 and 800: 676.3 and 360.7, the spare person to the larger remainder.
    assert (sites["khorugh"]["people"], sites["kalai-khumb"]["people"]) == (676, 361)
    assert all(n["cold"] for n in sites.values()), "both Pamir sites are cold"
    assert result["total"]["people"] == 1_037
    assert result["total"]["latrines_emergency"] == math.ceil(676 / 50) + math.ceil(361 / 50)


def test_needs_from_the_forecast_are_per_site_and_in_total(planner: TestClient) -> None:
    result = _ok(
        planner,
        "/api/v1/plan/needs",
        from_forecast="true",
        days=30,
        as_of="2021-07-06",
        history="scenario",
    )
    sites = {n["site"]: n for n in result["sites"]}
    assert {"khorugh", "kalai-khumb"} <= set(sites)
    assert result["total"]["people"] == sum(n["people"] for n in result["sites"])
    assert any("high end of the 7-day arrivals forecast" in note for note in result["notes"])


@pytest.mark.parametrize(
    ("path", "params", "code", "expected"),
    [
        ("deploy", {"personnel": 0}, "invalid_input", "personnel must be a whole number above"),
        ("deploy", {"personnel": -5}, "invalid_input", "above zero, got -5"),
        ("deploy", {"personnel": "lots"}, "invalid_input", "personnel: Input should be a valid"),
        ("deploy", {"personnel": 20_000, "reserve": 1}, "invalid_input", "reserve must be a"),
        ("deploy", {"personnel": 20_000, "reserve": 1.5}, "invalid_input", "up to (not incl"),
        ("deploy", {"personnel": 2_000}, "plan_infeasible", "infeasible: the minimum staffing"),
        ("deploy", {"personnel": 9_000, "level": "s99=high"}, "invalid_input", "'s99'"),
        ("deploy", {"personnel": 9_000, "level": "s01=extreme"}, "invalid_input", "'extreme'"),
        ("compare", {"personnel": 20_000, "personnel_b": 0}, "invalid_input", "got 0"),
        ("compare", {"personnel": 20_000, "reserve_b": 1}, "invalid_input", "reserve must be"),
        ("arrivals", {"horizon": 0}, "invalid_input", "horizon must be from 1 to 365 days"),
        ("arrivals", {"horizon": 100_000}, "invalid_input", "horizon must be from 1 to 365"),
        ("needs", {"people": 0, "days": 30}, "invalid_input", "people must be a whole number"),
        ("needs", {"people": 10, "days": 0}, "invalid_input", "days must be a whole number"),
        ("needs", {"days": 30}, "invalid_input", "give either people=N or from_forecast=true"),
        ("needs", {"people": 100, "days": 30, "site": "murghob"}, "planning_failed", "no capa"),
        ("needs", {"people": 100, "days": 30, "site": "dushanbe"}, "invalid_input", "no such"),
    ],
)
def test_bad_input_is_the_one_error_shape_naming_the_problem(
    planner: TestClient, path: str, params: dict[str, Any], code: str, expected: str
) -> None:
    response = planner.get(f"/api/v1/plan/{path}", params=params)
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["code"] == code and expected in error["message"]


def test_infeasible_bounds_name_the_shortfall_and_the_largest_minimums(
    planner: TestClient,
) -> None:
    response = planner.get("/api/v1/plan/deploy", params={**REFERENCE, "personnel": 5_000})
    message = response.json()["error"]["message"]
    assert "but only 4,500 are available (5,000 less a reserve of 500)" in message
    assert "largest minimums: s" in message and "(high," in message


def test_only_planners_and_admins_may_plan(as_role: Client) -> None:
    for path in ENDPOINTS:
        assert as_role(None).get(path).status_code == 401, path
        assert as_role("admin").get(path).status_code == 200, path
        for role in ("viewer", "analyst"):
            response = as_role(role).get(path)
            assert response.status_code == 403, f"{role} {path}"
            assert response.json()["error"]["code"] == "permission_denied"


def test_the_plan_endpoints_are_in_the_openapi(as_role: Client) -> None:
    paths = as_role(None).get("/api/v1/openapi.json").json()["paths"]
    for name in ("deploy", "compare", "arrivals", "needs"):
        assert "get" in paths[f"/api/v1/plan/{name}"], name
    parameters = {p["name"] for p in paths["/api/v1/plan/needs"]["get"]["parameters"]}
    assert {"people", "days", "cold", "site", "from_forecast"} <= parameters
