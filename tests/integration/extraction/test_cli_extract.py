"""`borderwatch extract`: the seed report's claims as an analyst would note them, and bad input."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from borderwatch.cli import main

SEEDS = Path("/work/shared/seeds")  # the project's seed report, never copied into the repo
SEED = next(SEEDS.glob("*.txt"), None) if SEEDS.is_dir() else None
needs_seed = pytest.mark.skipif(SEED is None, reason="the seed report is not on this machine")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["extract", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def seed_claims() -> list[dict[str, Any]]:
    capture = pytest.MonkeyPatch()
    buffer = io.StringIO()
    capture.setattr(sys, "stdout", buffer)
    try:
        assert main(["extract", str(SEED), "--published", "2021-07-06", "--format", "json"]) == 0
    finally:
        capture.undo()
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


def of_type(claims: list[dict[str, Any]], event_type: str) -> list[dict[str, Any]]:
    return [c for c in claims if c["type"] == event_type]


def with_text(claims: list[dict[str, Any]], event_type: str, words: str) -> dict[str, Any]:
    (claim,) = [c for c in of_type(claims, event_type) if words in c["evidence"]["text"]]
    return claim


@needs_seed
def test_the_taliban_take_the_six_badakhshan_districts(seed_claims: list[dict[str, Any]]) -> None:
    claim = with_text(seed_claims, "territorial_control_change", "Hohon")
    assert [p["place_id"] for p in claim["places"]] == [
        "af-badakhshan-khwahan",
        "af-badakhshan-shekay",
        "af-badakhshan-nusay",
        "af-badakhshan-maimay",
        "af-badakhshan-shughnan",
        "af-badakhshan-ishkashim",
    ]
    assert all(p["country"] == "AF" and p["admin1"] == "Badakhshan" for p in claim["places"])
    assert [a["actor_id"] for a in claim["actors"]] == ["taliban"]


@needs_seed
def test_1037_afghan_troops_cross_into_tajikistan_on_5_july(
    seed_claims: list[dict[str, Any]],
) -> None:
    claim = with_text(seed_claims, "cross_border_movement", "1,037")
    (figure,) = claim["quantities"]
    assert (figure["value"], figure["qualifier"], figure["unit"]) == (1037, "exact", "person")
    assert claim["date"] == "2021-07-05"
    assert [p["place_id"] for p in claim["places"]] == ["tj"]
    assert "afghan-government-forces" in [a["actor_id"] for a in claim["actors"]]


@needs_seed
def test_20000_army_personnel_ordered_to_the_border(seed_claims: list[dict[str, Any]]) -> None:
    claim = with_text(seed_claims, "troop_deployment", "20,000")
    assert claim["date"] == "2021-07-06"
    assert [q["value"] for q in claim["quantities"]] == [20000]
    assert [a["actor_id"] for a in claim["actors"]] == ["emomali-rahmon"]
    assert claim["attribution"] == ["ANI", "Pajhwok", "AKI press"]


@needs_seed
def test_two_thirds_of_the_border_under_taliban_control(seed_claims: list[dict[str, Any]]) -> None:
    claim = with_text(seed_claims, "territorial_control_change", "two-thirds")
    fraction = next(q for q in claim["quantities"] if q["qualifier"] == "fraction")
    assert fraction["value"] == pytest.approx(0.667, abs=0.001)
    assert fraction["of"] == "border"
    assert claim["attribution"] == ["ANI", "RFE/RL", "Tajik authorities"]
    assert [a["actor_id"] for a in claim["actors"]] == ["taliban"]


@needs_seed
def test_refugees_food_and_shelter(seed_claims: list[dict[str, Any]]) -> None:
    (refugees,) = of_type(seed_claims, "refugee_preparation")
    (aid,) = of_type(seed_claims, "humanitarian_assistance")
    assert "influx of refugees" in refugees["evidence"]["text"]
    assert "food and shelter" in aid["evidence"]["text"]
    assert "afghan-government-forces" in [a["actor_id"] for a in aid["actors"]]
    assert aid["attribution"] == refugees["attribution"] == ["ANI", "RFE/RL", "Tajik authorities"]


@needs_seed
def test_uzbekistan_kazakhstan_and_russia_offer_cooperation(
    seed_claims: list[dict[str, Any]],
) -> None:
    neighbours = with_text(seed_claims, "diplomatic_statement_or_support", "agreed")
    assert {"uzbekistan", "kazakhstan"} <= {a["actor_id"] for a in neighbours["actors"]}
    russia = with_text(seed_claims, "diplomatic_statement_or_support", "Kremlin")
    assert {"russia", "csto", "vladimir-putin"} <= {a["actor_id"] for a in russia["actors"]}
    assert russia["attribution"] == ["ANI", "Kremlin"]


@needs_seed
def test_nothing_comes_from_captions_or_the_footer(seed_claims: list[dict[str, Any]]) -> None:
    evidence = " ".join(c["evidence"]["text"] for c in seed_claims)
    assert "Photo credit" not in evidence
    assert "commenting" not in evidence
    assert all(c["evidence"]["text"] for c in seed_claims)


@needs_seed
def test_stdout_holds_only_json_lines_and_the_table_is_for_people(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, str(SEED), "--published", "2021-07-06")
    assert code == 0
    assert all(json.loads(line)["type"] for line in out.splitlines())
    assert "claim(s)" in err
    code, out, _ = run(capsys, str(SEED), "--published", "2021-07-06", "--format", "table")
    assert code == 0 and "troop_deployment" in out


def test_a_report_of_my_own_words_gives_its_claim(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = tmp_path / "wire.txt"
    report.write_text(
        "Border posts quiet\n\nDUSHANBE, July 9 (Reuters) - Tajik border guards closed the "
        "Ishkashim bridge on Thursday, the Tajik border service said.\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, str(report), "--published", "2021-07-09", "--source", "Reuters")
    assert code == 0
    (claim,) = [json.loads(line) for line in out.splitlines()]
    assert claim["type"] == "border_closure_or_opening"
    assert claim["date"] == "2021-07-08"
    assert claim["attribution"] == ["Reuters", "Tajik border service"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/no/such/report.txt"], "no such file"),
        (["{seed}", "--published", "6 July"], "--published"),
        (["{seed}", "--format", "xml"], "unknown format"),
        (["{empty}"], "empty"),
        (["{folder}"], "one file"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    report = tmp_path / "r.txt"
    report.write_text("Clashes went on overnight.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    folder = tmp_path / "many"
    folder.mkdir()
    (folder / "a.txt").write_text("a", encoding="utf-8")
    (folder / "b.txt").write_text("b", encoding="utf-8")
    values = {"seed": str(report), "empty": str(empty), "folder": str(folder)}
    code, out, err = run(capsys, *(a.format(**values) for a in args))
    assert code == 1
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and message in err
