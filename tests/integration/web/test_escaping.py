"""Report text is shown as text on every page that shows it: never as markup."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from tests.integration.web.conftest import paste

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(2)>"
HOSTILE_REPORT = (
    f"Border update {SCRIPT}\n\n"
    f"On 5 July 2021 Taliban fighters {SCRIPT} took control of Khwahan district in "
    f"Badakhshan {IMAGE}, Afghan officials said."
)
HOSTILE_SOURCE = f"Wire {IMAGE}"


def _assert_shown_as_text(html: str, where: str) -> None:
    assert SCRIPT not in html and IMAGE not in html, f"raw markup on {where}"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or "&lt;img src=x" in html, where


def test_injected_markup_is_escaped_on_every_page(make_client: Callable[..., TestClient]) -> None:
    client = make_client("analyst")
    report_id = paste(client, HOSTILE_REPORT, source=HOSTILE_SOURCE, published="2021-07-05")
    report = client.get(f"/reports/{report_id}.json").json()
    assert report["claims"], "the hostile report should still give a claim"
    claim = report["claims"][0]
    event_id = client.get(f"/claims/{claim['id']}.json").json()["events"][0]
    section = next(
        s["section"]
        for s in client.get("/map.json").json()["sections"]
        if s["far_side"]["unit"] == "af-badakhshan-khwahan"
    )
    pages = [
        f"/reports/{report_id}",
        "/reports",
        "/review",
        f"/claims/{claim['id']}",
        f"/events/{event_id}",
        "/timeline",
        f"/sections/{section}",
        "/sources",
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        _assert_shown_as_text(response.text, path)
    assert SCRIPT not in client.get("/").text and IMAGE not in client.get("/").text


def test_pages_forbid_inline_scripts(make_client: Callable[..., TestClient]) -> None:
    policy = make_client("viewer").get("/").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
