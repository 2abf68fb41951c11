"""The analyst's flow in a real browser: sign in, submit, see claims, correct one, see the map."""

from __future__ import annotations

from typing import Any

import pytest
from tests.browser.conftest import OUTPUT, sign_in

pytestmark = pytest.mark.browser

REPORT = (
    "Kunduz wire, 5 July 2021.\n\n"
    "On 5 July 2021 Taliban fighters took control of Khwahan district in Badakhshan, "
    "Afghan officials said. <script>alert(1)</script>"
)
NUSAY_SECTION = 'a[data-section="s19"] path'
KHWAHAN_SECTION = 'a[data-section="s16"] path'


def _level(page: Any, selector: str) -> str:
    classes: str = page.locator(selector).get_attribute("class")
    return classes.replace("section", "").strip()


def test_submit_correct_and_see_the_map_change(page: Any) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    sign_in(page, "analyst")
    page.goto("/reports")
    page.fill("#paste-form textarea[name=text]", REPORT)
    page.fill("#paste-form input[name=source]", "Kunduz wire")
    page.fill("#paste-form input[name=published]", "2021-07-05")
    page.click("#paste-form button[type=submit]")
    page.wait_for_url("**/reports/*")
    assert page.locator("mark.claim").count() >= 1
    assert "<script>alert(1)</script>" in page.inner_text("#report-text")
    claims = page.locator("#claims li")
    assert "territorial control change" in claims.first.inner_text()

    page.goto("/?as_of=2021-07-06")
    assert _level(page, KHWAHAN_SECTION) != "low"
    assert _level(page, NUSAY_SECTION) == "low"

    page.goto("/reports")
    page.click("#reports a >> nth=0")
    page.click("#claims li >> nth=0 >> text=Correct…")
    page.fill("#review-form input[name=place_ids]", "af-badakhshan-nusay")
    page.click("#review-form button[value=correct]")
    page.wait_for_url("**/claims/*")
    assert "[corrected]" in page.inner_text("h1")

    page.goto("/?as_of=2021-07-06")
    assert _level(page, NUSAY_SECTION) != "low"
    assert _level(page, KHWAHAN_SECTION) == "low"
    OUTPUT.mkdir(exist_ok=True)
    page.locator("#map").screenshot(path=str(OUTPUT / "map.png"))
    assert (OUTPUT / "map.png").stat().st_size > 5_000
    assert dialogs == [], "a script from report text ran"


def test_clicking_a_section_opens_it_beside_the_map(page: Any) -> None:
    sign_in(page, "viewer")
    page.goto("/?as_of=2021-07-06")
    page.locator(KHWAHAN_SECTION).dispatch_event("click")
    page.wait_for_selector("#section-panel #section-detail")
    assert "Why this level" in page.inner_text("#section-panel")
    assert page.url.endswith("/?as_of=2021-07-06")


def test_a_viewer_cannot_submit_or_review(page: Any) -> None:
    sign_in(page, "viewer")
    page.goto("/reports")
    assert page.locator("#paste-form").count() == 0
    page.goto("/review")
    assert page.locator("button[value=reject]").count() == 0
