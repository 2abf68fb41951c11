"""Reviewing claims: the picture follows at once, the audit log keeps every change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from tests.integration.web.conftest import TALIBAN_TAKE_KHWAHAN, csrf_of, paste

KHWAHAN, NUSAY = "af-badakhshan-khwahan", "af-badakhshan-nusay"


def _far_side(client: TestClient, unit: str, as_of: str = "2021-07-06") -> dict[str, Any]:
    sections = client.get(f"/map.json?as_of={as_of}").json()["sections"]
    return next(s for s in sections if s["far_side"]["unit"] == unit)


def _first_claim(client: TestClient, report_id: int) -> dict[str, Any]:
    claim: dict[str, Any] = client.get(f"/reports/{report_id}.json").json()["claims"][0]
    return claim


def test_a_correction_moves_the_control_change_on_the_map(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client("analyst")
    claim = _first_claim(client, paste(client, TALIBAN_TAKE_KHWAHAN))
    assert _far_side(client, KHWAHAN)["far_side"]["controller"] == "taliban"
    assert _far_side(client, NUSAY)["far_side"]["controller"] != "taliban"
    token = csrf_of(client.get(f"/claims/{claim['id']}").text)
    response = client.post(
        f"/claims/{claim['id']}",
        data={"decision": "correct", "place_ids": NUSAY, "date": "2021-07-04", "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert _far_side(client, NUSAY)["far_side"]["since"] == "2021-07-04"
    assert _far_side(client, NUSAY)["far_side"]["controller"] == "taliban"
    assert _far_side(client, KHWAHAN)["far_side"]["controller"] != "taliban"
    reviewed = client.get(f"/claims/{claim['id']}.json").json()["claim"]
    assert reviewed["status"] == "corrected" and reviewed["date"] == "2021-07-04"


def test_a_rejected_claim_leaves_the_picture(make_client: Callable[..., TestClient]) -> None:
    client = make_client("analyst")
    claim = _first_claim(client, paste(client, TALIBAN_TAKE_KHWAHAN))
    token = csrf_of(client.get("/review").text)
    client.post(f"/claims/{claim['id']}", data={"decision": "reject", "csrf_token": token})
    assert _far_side(client, KHWAHAN)["far_side"]["controller"] != "taliban"
    assert client.get(f"/claims/{claim['id']}.json").json()["events"] == []
    assert client.get("/review.json?status=rejected").json()["claims"][0]["id"] == claim["id"]


def test_every_review_is_in_the_audit_log(make_client: Callable[..., TestClient]) -> None:
    analyst = make_client("analyst")
    claim = _first_claim(analyst, paste(analyst, TALIBAN_TAKE_KHWAHAN))
    token = csrf_of(analyst.get("/review").text)
    analyst.post(
        f"/claims/{claim['id']}",
        data={"decision": "correct", "type": "armed_clash", "csrf_token": token},
    )
    entries = make_client("admin").get("/audit.json").json()["entries"]
    review = next(e for e in entries if e["action"] == "correct_claim")
    assert review["username"] == "analyst" and review["object_id"] == str(claim["id"])
    assert review["before"]["payload"]["type"] == "territorial_control_change"
    assert review["after"]["payload"]["type"] == "armed_clash"
    assert review["at"]
    assert analyst.get("/audit").status_code == 403


def test_a_correction_to_an_unknown_place_is_refused(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client("analyst")
    claim = _first_claim(client, paste(client, TALIBAN_TAKE_KHWAHAN))
    token = csrf_of(client.get("/review").text)
    response = client.post(
        f"/claims/{claim['id']}",
        data={"decision": "correct", "place_ids": "atlantis", "csrf_token": token},
    )
    assert response.status_code == 400
    assert "atlantis" in response.text
    assert client.get(f"/claims/{claim['id']}.json").json()["claim"]["status"] == "proposed"


def test_a_viewer_sees_claims_but_no_review_controls(
    make_client: Callable[..., TestClient],
) -> None:
    analyst = make_client("analyst")
    claim = _first_claim(analyst, paste(analyst, TALIBAN_TAKE_KHWAHAN))
    page = make_client("viewer").get(f"/claims/{claim['id']}").text
    assert "Khwahan" in page
    assert 'value="reject"' not in page and "review-form" not in page
    assert 'id="paste-form"' not in make_client("viewer").get("/reports").text


def test_a_grade_change_refuses_the_events(make_client: Callable[..., TestClient]) -> None:
    client = make_client("analyst")
    paste(client, TALIBAN_TAKE_KHWAHAN, source="Kabul wire", published="2021-07-05")
    events = client.get("/timeline.json").json()["days"][0]["events"]
    before = events[0]["credibility"]
    source = next(
        s for s in client.get("/sources.json").json()["sources"] if s["name"] == "Kabul wire"
    )
    token = csrf_of(client.get("/sources").text)
    client.post(f"/sources/{source['id']}", data={"reliability": "A", "csrf_token": token})
    after = client.get("/timeline.json").json()["days"][0]["events"][0]["credibility"]
    assert after < before
    assert client.get("/sources.json").json()["sources"][0]["reliability"] == "A"
