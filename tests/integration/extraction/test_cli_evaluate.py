"""`borderwatch evaluate` on the bundled gold folders, with predictions given as a file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from borderwatch.cli import main

GOLD = Path(__file__).parents[2] / "data" / "gold"


def as_prediction(claim: dict[str, Any]) -> dict[str, Any]:
    """A gold claim written the way `borderwatch extract --format json` prints a claim."""
    return {
        "type": claim["type"],
        "date": claim["date"],
        "date_precision": claim["date_precision"],
        "places": [{"text": p["text"], "place_id": p["place_id"]} for p in claim["places"]],
        "actors": [{"text": a, "actor_id": a, "name": a} for a in claim["actors"]],
        "quantities": [dict(q, text=str(q["value"])) for q in claim["quantities"]],
        "attribution": claim["attribution"],
        "evidence": {"start": 0, "end": len(claim["evidence"]), "text": claim["evidence"]},
        "confidence": 1.0,
    }


def write_predictions(path: Path, folder: Path, *, drop_report: str | None = None) -> Path:
    lines = []
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        if gold["report"] == drop_report:
            continue
        claims = [as_prediction(c) for c in gold["claims"]]
        lines.append(json.dumps({"report": gold["report"], "claims": claims}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_perfect_predictions_score_one_in_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    predictions = write_predictions(tmp_path / "p.jsonl", GOLD / "dev")
    assert main(["evaluate", str(GOLD / "dev"), "--predictions", str(predictions)]) == 0
    out = capsys.readouterr().out
    for field in ("type", "place", "date", "quantity", "actor", "attribution", "overall"):
        row = next(line for line in out.splitlines() if f" {field} " in line)
        assert row.count("1.000") == 3, row
    assert "quantity right on matched claims: 100.0%" in out


def test_json_output_shows_the_recall_lost_by_a_missing_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = GOLD / "heldout"
    predictions = write_predictions(tmp_path / "p.jsonl", folder, drop_report="h01_wire_lead.txt")
    argv = ["evaluate", str(folder), "--predictions", str(predictions), "--format", "json"]
    assert main([*argv, "--misses", "5"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["reports"] >= 15
    assert result["fields"]["type"]["precision"] == 1.0
    assert result["fields"]["type"]["recall"] < 1.0
    assert result["misses"][0]["report"] == "h01_wire_lead.txt"
    assert result["misses"][0]["kind"] == "missed"


def test_a_folder_without_gold_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["evaluate", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error [invalid_input]:")
    assert "gold.jsonl" in err
    assert "Traceback" not in err


def test_a_malformed_predictions_file_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "p.jsonl"
    bad.write_text('{"report": "x"\n', encoding="utf-8")
    assert main(["evaluate", str(GOLD / "dev"), "--predictions", str(bad)]) == 1
    assert "line 1" in capsys.readouterr().err


def test_the_real_pipeline_is_scored_on_the_heldout_folder(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["evaluate", str(GOLD / "heldout"), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["reports"] == len((GOLD / "heldout" / "gold.jsonl").read_text().splitlines())
    assert result["predicted_claims"] > 0
    assert result["matched_claims"] > 0
    for score in result["fields"].values():
        assert 0.0 <= score["f1"] <= 1.0
