"""Every screen as a person sees it, and the same data at the `.json` address."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from tests.integration.web.conftest import TALIBAN_TAKE_KHWAHAN, csrf_of, paste

SAMPLES = Path(__file__).resolve().parents[3] / "src/borderwatch/samples/tj-af"


def _upload(client: TestClient, name: str, raw: bytes) -> TestClient:
    token = csrf_of(client.get("/reports").text)
    response = client.post(
        "/reports/upload",
        files={"file": (name, raw)},
        data={"csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return client


def test_an_uploaded_email_is_ingested_and_listed(make_client: Callable[..., TestClient]) -> None:
    client = make_client("analyst")
    sample = next(SAMPLES.glob("08_*.eml"))
    _upload(client, sample.name, sample.read_bytes())
    reports = client.get("/reports.json").json()["reports"]
    assert reports[0]["filename"] == sample.name and reports[0]["status"] == "extracted"


def test_a_report_that_cannot_be_read_is_kept_and_its_failure_shown(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client("analyst")
    _upload(client, "photo.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8)
    listing = client.get("/reports").text
    assert "failed" in listing and "intake_failed" in listing


def test_an_empty_paste_is_refused_with_a_message(make_client: Callable[..., TestClient]) -> None:
    client = make_client("analyst")
    token = csrf_of(client.get("/reports").text)
    response = client.post("/reports", data={"text": "   ", "csrf_token": token})
    assert response.status_code == 400 and "the report is empty" in response.text


def test_the_report_page_marks_each_claim_where_it_comes_from(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client("analyst")
    report_id = paste(client, "Border news.\n\n" + TALIBAN_TAKE_KHWAHAN)
    html = client.get(f"/reports/{report_id}").text
    assert f'<mark class="claim" id="evidence-1" title="claim 1">{TALIBAN_TAKE_KHWAHAN}' in html
    pieces = client.get(f"/reports/{report_id}.json").json()["pieces"]
    assert [p["claim"] for p in pieces] == [None, 1]


def test_the_map_opens_on_the_latest_event_and_links_every_section(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client("analyst")
    paste(client, TALIBAN_TAKE_KHWAHAN)
    html = client.get("/").text
    assert "Border picture as of 2021-07-05" in html
    assert html.count("data-section=") == 28
    assert 'href="/sections/s16?as_of=2021-07-05"' in html
    assert "far side held by taliban" in html
    section = client.get("/sections/s16.json?as_of=2021-07-05").json()
    assert section["state"]["impact_level"] in {"high", "critical"}
    assert section["events"][0]["type"] == "territorial_control_change"


def test_the_timeline_filters_and_marks_conflicts(make_client: Callable[..., TestClient]) -> None:
    client = make_client("analyst")
    paste(client, TALIBAN_TAKE_KHWAHAN, source="Wire A")
    paste(client, TALIBAN_TAKE_KHWAHAN.replace("5 July", "7 July"), source="Wire B")
    everything = client.get("/timeline.json").json()["days"]
    assert everything
    by_place = client.get("/timeline.json?place=af-badakhshan-khwahan").json()["days"]
    elsewhere = client.get("/timeline.json?place=af-badakhshan-nusay").json()["days"]
    assert by_place and not elsewhere
    assert not client.get("/timeline.json?type=armed_clash").json()["days"]
    assert client.get("/timeline.json?source=wire b").json()["days"]
    assert client.get("/timeline?credibility=9").status_code == 400


def test_a_malformed_date_shows_an_error_page_not_a_traceback(
    make_client: Callable[..., TestClient],
) -> None:
    response = make_client("viewer").get("/?as_of=yesterday")
    assert response.status_code == 400
    assert "as_of must be a date" in response.text and "Traceback" not in response.text


def test_pages_answer_as_json_too(make_client: Callable[..., TestClient]) -> None:
    client = make_client("admin")
    paste(client, TALIBAN_TAKE_KHWAHAN)
    for path in ("/map", "/timeline", "/reports", "/review", "/sources", "/alerts", "/audit"):
        url = "/map.json" if path == "/map" else f"{path}.json"
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"] == "application/json"


def test_a_planner_gets_a_deployment_plan_that_adds_up(
    make_client: Callable[..., TestClient],
) -> None:
    planner = make_client("planner")
    plan = planner.get("/plan.json?personnel=20000&reserve=0.1&as_of=2021-07-06").json()["plan"]
    assert plan["allocated"] + plan["reserve"] == 20000
    assert len(plan["sections"]) == 28
    assert planner.get("/plan?personnel=lots").status_code == 400
    assert make_client("analyst").get("/plan").status_code == 403
