"""The Plan page as a planner uses it: deployment, what-if, arrivals and needs, GET forms only."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient
from tests.integration.web.conftest import TALIBAN_TAKE_KHWAHAN, paste

REFERENCE = "personnel=20000&as_of=2021-07-06&levels_from=pack&section_b=s16&level_b=high"


def _forms(html: str) -> list[str]:
    return re.findall(r"<form [^>]*>", html)


def test_the_page_shows_all_four_parts_with_get_forms_and_no_script(
    make_client: Callable[..., TestClient],
) -> None:
    html = make_client("planner").get("/plan").text
    for heading in ("Deployment", "What if", "Expected arrivals", "Needs"):
        assert f"<h2>{heading}</h2>" in html, heading
    plan_forms = [form for form in _forms(html) if 'action="/plan"' in form]
    assert len(plan_forms) == 1 and 'method="get"' in plan_forms[0]
    assert "<script" not in html
    for field in ("personnel", "personnel_b", "section_b", "level_b", "horizon", "people", "days"):
        assert f'name="{field}"' in html, field
    assert 'name="site" value="khorugh"' in html and "no capacity recorded" in html


def test_planners_and_admins_see_the_page_and_others_do_not(
    make_client: Callable[..., TestClient],
) -> None:
    for role in ("planner", "admin"):
        response = make_client(role).get("/plan")
        assert response.status_code == 200 and 'href="/plan"' in response.text, role
    for role in ("viewer", "analyst"):
        assert make_client(role).get("/plan").status_code == 403, role
        assert make_client(role).get("/plan.json").status_code == 403, role
    anonymous = make_client(None).get("/plan", follow_redirects=False)
    assert anonymous.status_code == 303 and anonymous.headers["location"].startswith("/login")


def test_the_what_if_compares_two_plans_side_by_side(
    make_client: Callable[..., TestClient],
) -> None:
    planner = make_client("planner")
    data = planner.get(f"/plan.json?{REFERENCE}&personnel_b=15000").json()
    comparison = data["comparison"]
    assert data["plan"]["allocated"] + data["plan"]["reserve"] == 20_000
    assert comparison["a"]["personnel"] == 20_000 and comparison["b"]["personnel"] == 15_000
    assert sum(row["change"] for row in comparison["sections"]) == comparison["change"] < 0
    s16 = next(row for row in comparison["sections"] if row["section"] == "s16")
    assert (s16["level_a"], s16["level_b"]) == ("low", "high")
    html = planner.get(f"/plan?{REFERENCE}&personnel_b=15000").text
    assert 'id="comparison"' in html and f"{comparison['change']:+,}" in html
    assert '<option value="s16" selected>' in html


def test_level_overrides_hold_in_both_plans(make_client: Callable[..., TestClient]) -> None:
    query = "levels_from=pack&level=af-badakhshan-khwahan=high&section_b=s01&level_b=medium"
    planner = make_client("planner")
    data = planner.get(f"/plan.json?{query}").json()
    assert {s["section"] for s in data["plan"]["sections"] if s["impact_level"] == "high"} == {
        "s16"
    }
    levels = {
        row["section"]: (row["level_a"], row["level_b"]) for row in data["comparison"]["sections"]
    }
    assert levels["s16"] == ("high", "high") and levels["s01"] == ("low", "medium")
    html = planner.get(f"/plan?{query}").text
    assert '<input type="hidden" name="level" value="af-badakhshan-khwahan=high">' in html


def test_without_a_what_if_there_is_no_comparison(make_client: Callable[..., TestClient]) -> None:
    data = make_client("planner").get("/plan.json?personnel=20000").json()
    assert data["comparison"] is None and data["needs"] is None
    assert data["arrivals"]["forecasts"], "arrivals are always shown"


def test_arrivals_show_each_far_side_district_with_its_interval(
    make_client: Callable[..., TestClient],
) -> None:
    planner = make_client("planner")
    query = "as_of=2021-07-06&history=scenario&horizon=7"
    arrivals = planner.get(f"/plan.json?{query}").json()["arrivals"]
    khwahan = next(f for f in arrivals["forecasts"] if f["section"] == "af-badakhshan-khwahan")
    html = planner.get(f"/plan?{query}").text
    assert f"<td>{khwahan['low']:,}–{khwahan['high']:,}</td>" in html
    assert "SYNTHETIC" in html and "changed hands on 2021-07-05" in html


def test_needs_of_1037_people_for_30_days_in_the_cold(
    make_client: Callable[..., TestClient],
) -> None:
    html = make_client("planner").get("/plan?people=1037&days=30&cold=1").text
    # Sphere (2018) by hand: 1,037 x 2,100 kcal x 30; 1,037 x 15 l x 30; 1,037 x 4.5 m2.
    for figure in ("65,331,000", "466,650", "4,666.5", "21 / 52", "3,111"):
        assert figure in html, figure


def test_needs_per_site_from_the_forecast(make_client: Callable[..., TestClient]) -> None:
    query = "from_forecast=1&days=30&as_of=2021-07-06&history=scenario"
    needs = make_client("planner").get(f"/plan.json?{query}").json()["needs"]
    sites = {n["site"] for n in needs["sites"]}
    assert {"khorugh", "kalai-khumb"} <= sites
    assert needs["total"]["people"] == sum(n["people"] for n in needs["sites"])


def test_levels_come_from_the_picture_of_pasted_reports(
    make_client: Callable[..., TestClient],
) -> None:
    paste(make_client("analyst"), TALIBAN_TAKE_KHWAHAN, published="2021-07-05")
    plan = make_client("admin").get("/plan.json?as_of=2021-07-06").json()["plan"]
    khwahan = next(s for s in plan["sections"] if s["name"].startswith("Khwahan"))
    assert khwahan["far_side_controller"] == "taliban"
    assert khwahan["impact_level"] in {"high", "critical"}


def test_bad_input_shows_an_error_page_naming_the_problem(
    make_client: Callable[..., TestClient],
) -> None:
    planner = make_client("planner")
    cases = {
        "personnel=0": "personnel must be a whole number above zero",
        "reserve=1": "reserve must be a fraction",
        "personnel=2000&levels_from=pack": "infeasible: the minimum staffing",
        "section_b=s16": "choose the level section s16 would have in plan B",
        "level_b=high": "choose the section that would be at level high in plan B",
        "people=100&site=murghob": "has no capacity recorded",
        "horizon=-1": "horizon must be from 1 to 365 days",
        "people=lots": "people must be a number, not &#39;lots&#39;",
        "levels_from=guess": "use picture or pack",
    }
    for query, expected in cases.items():
        response = planner.get(f"/plan?{query}")
        assert response.status_code == 400, query
        assert expected in response.text and "Traceback" not in response.text, query


def test_hostile_input_is_shown_as_text(make_client: Callable[..., TestClient]) -> None:
    response = make_client("planner").get(
        "/plan", params={"personnel": "<script>alert(1)</script>"}
    )
    assert response.status_code == 400
    assert "<script>alert(1)" not in response.text and "&lt;script&gt;" in response.text
