"""The JSON API as a machine client uses it: a bearer token, JSON in and out, one error shape."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from borderwatch.accounts import service as accounts
from borderwatch.flows.context import FlowContext
from borderwatch.settings import Settings
from borderwatch.store.session import Store
from borderwatch.web.app import create_app

KHWAHAN_TAKEN = (
    "On 5 July 2021 Taliban fighters took control of Khwahan district in Badakhshan, "
    "Afghan officials said."
)


@pytest.fixture(scope="module")
def flow_context() -> FlowContext:
    """One pipeline for the module."""
    return FlowContext.for_pack("tj-af")


def _client(store: Store, tmp_path: object, context: FlowContext, role: str) -> TestClient:
    with store.unit_of_work() as session:
        user = accounts.create_user(session, role, "a long test password", role)
        token = accounts.create_token(session, user, "tests")
    app = create_app(Settings.from_env({"BORDERWATCH_DATA_DIR": str(tmp_path)}), store, context)
    return TestClient(app, headers={"authorization": f"Bearer {token}"})


@pytest.fixture
def analyst(store: Store, tmp_path: object, flow_context: FlowContext) -> Iterator[TestClient]:
    """A machine client acting as an analyst, on SQLite and PostgreSQL."""
    yield _client(store, tmp_path, flow_context, "analyst")


def test_submit_review_and_read_the_picture(analyst: TestClient) -> None:
    submitted = analyst.post(
        "/api/v1/reports", json={"text": KHWAHAN_TAKEN, "source": "Wire", "published": "2021-07-05"}
    )
    assert submitted.status_code == 201 and submitted.json()["claims"] == 1
    report_id = submitted.json()["new_reports"][0]
    claim = analyst.get(f"/api/v1/reports/{report_id}").json()["claims"][0]
    assert claim["type"] == "territorial_control_change" and claim["status"] == "proposed"
    section = analyst.get("/api/v1/sections/s16?as_of=2021-07-06").json()
    assert section["state"]["far_side"]["controller"] == "taliban"
    assert section["reports"][0]["id"] == report_id
    reviewed = analyst.patch(
        f"/api/v1/claims/{claim['id']}",
        json={"decision": "correct", "place_ids": ["af-badakhshan-nusay"]},
    )
    assert reviewed.status_code == 200 and reviewed.json()["claim"]["status"] == "corrected"
    picture = analyst.get("/api/v1/picture", params={"as_of": "2021-07-06"}).json()
    held = {s["section"]: s["far_side"]["controller"] for s in picture["sections"]}
    assert held["s19"] == "taliban" and held["s16"] != "taliban"
    before = analyst.get("/api/v1/picture", params={"as_of": "2021-07-04"}).json()
    assert {s["far_side"]["controller"] for s in before["sections"]} == {"afghan-government"}


def test_known_at_hides_what_was_learned_later(analyst: TestClient) -> None:
    analyst.post("/api/v1/reports", json={"text": KHWAHAN_TAKEN})
    then = analyst.get(
        "/api/v1/picture", params={"as_of": "2021-07-06", "known_at": "2000-01-01T00:00:00+00:00"}
    ).json()
    assert all(s["far_side"]["controller"] != "taliban" for s in then["sections"])
    geojson = analyst.get("/api/v1/picture", params={"as_of": "2021-07-06", "format": "geojson"})
    assert geojson.json()["type"] == "FeatureCollection"


def test_events_sources_and_alerts(analyst: TestClient) -> None:
    analyst.post("/api/v1/reports", json={"text": KHWAHAN_TAKEN, "source": "Wire"})
    day = analyst.get("/api/v1/events", params={"type": "territorial_control_change"}).json()
    event = day["days"][0]["events"][0]
    detail = analyst.get(f"/api/v1/events/{event['id']}").json()
    assert detail["claims"][0]["attribution"][0] == "Wire"
    source = analyst.get("/api/v1/sources").json()["sources"][0]
    graded = analyst.patch(f"/api/v1/sources/{source['id']}", json={"reliability": "b"})
    assert graded.json()["reliability"] == "B"
    assert any(a["section"] == "s16" for a in analyst.get("/api/v1/alerts").json()["alerts"])


def test_errors_have_one_shape(analyst: TestClient) -> None:
    cases = [
        analyst.get("/api/v1/reports/999"),
        analyst.get("/api/v1/picture?as_of=5th of July"),
        analyst.patch("/api/v1/claims/1", json={"decision": "maybe"}),
        analyst.post("/api/v1/reports", json={"text": ""}),
        analyst.patch("/api/v1/sources/1", json={"reliability": "Z"}),
    ]
    assert [r.status_code for r in cases] == [404, 400, 400, 400, 400]
    for response in cases:
        assert set(response.json()) == {"error"}
        assert set(response.json()["error"]) == {"code", "message"}


def test_a_revoked_or_unknown_token_is_refused(analyst: TestClient) -> None:
    response = analyst.get("/api/v1/me", headers={"authorization": "Bearer bw_nope"})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


def test_openapi_describes_every_api_route(analyst: TestClient) -> None:
    paths = analyst.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/reports", "/api/v1/claims/{claim_id}", "/api/v1/picture"):
        assert path in paths
    assert "patch" in paths["/api/v1/sources/{source_id}"]
