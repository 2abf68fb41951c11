"""The gold set itself: big enough, well-formed, places in the pack, evidence in the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from borderwatch.extraction.gold import GoldReport, parse_gold
from borderwatch.region.pack import load_pack

GOLD = Path(__file__).parents[2] / "data" / "gold"
MODEL = Path(__file__).parents[3] / "src/borderwatch/extraction/data/en/sentence_model.json"
# Every blind set written so far (each new one is picked up): 20 reports each.
BLIND = sorted(p.name for p in GOLD.glob("blind*") if p.is_dir())
MINIMUM = {"dev": 45, "heldout": 15, **dict.fromkeys(BLIND, 20)}


def test_no_blind_set_went_missing() -> None:
    assert len(BLIND) >= 19, BLIND


def gold(folder: str) -> list[GoldReport]:
    return parse_gold((GOLD / folder / "gold.jsonl").read_text(encoding="utf-8"))


@pytest.mark.parametrize("folder", sorted(MINIMUM))
def test_each_folder_has_enough_reports_and_every_file_exists(folder: str) -> None:
    reports = gold(folder)
    assert len(reports) >= MINIMUM[folder]
    assert len({r.report for r in reports}) == len(reports)
    for report in reports:
        assert (GOLD / folder / report.report).is_file(), report.report


@pytest.mark.parametrize("folder", sorted(MINIMUM))
def test_every_gold_place_id_exists_in_the_tj_af_pack(folder: str) -> None:
    places = load_pack("tj-af").places
    unknown = {
        (report.report, place.text, place.place_id)
        for report in gold(folder)
        for claim in report.claims
        for place in claim.places
        if place.place_id is not None and place.place_id not in places
    }
    assert not unknown


@pytest.mark.parametrize("folder", sorted(MINIMUM))
def test_every_evidence_and_place_text_occurs_in_its_report(folder: str) -> None:
    for report in gold(folder):
        text = (GOLD / folder / report.report).read_text(encoding="utf-8")
        flat = " ".join(text.split())
        for claim in report.claims:
            assert claim.evidence in flat, (report.report, claim.evidence)
            for place in claim.places:
                assert place.text in text, (report.report, place.text)


def test_heldout_reports_are_not_copies_of_dev_reports() -> None:
    dev = {(GOLD / "dev" / r.report).read_text(encoding="utf-8") for r in gold("dev")}
    for report in gold("heldout"):
        assert (GOLD / "heldout" / report.report).read_text(encoding="utf-8") not in dev


def test_the_unseen_sets_exist_and_the_bundled_model_never_trained_on_them() -> None:
    lines = (GOLD / "unseen.txt").read_text(encoding="utf-8").splitlines()
    unseen = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert unseen
    assert set(unseen) <= set(BLIND)
    model = json.loads((MODEL).read_text(encoding="utf-8"))
    trained = {Path(folder.strip()).name for folder in model["source"].split(":")[-1].split(",")}
    assert "dev" in trained
    assert not trained & set(unseen)
