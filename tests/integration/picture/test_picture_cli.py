"""`borderwatch picture` and `borderwatch events` on a store holding the July 2021 reports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from tests.integration.fusion.july2021 import REPORTS, store_report, store_sources

from borderwatch.cli import main
from borderwatch.store.engine import make_engine
from borderwatch.store.migrate import upgrade
from borderwatch.store.session import Store


@pytest.fixture
def july(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A SQLite database named by the environment, holding the reports, events rebuilt."""
    url = f"sqlite:///{tmp_path}/cli.db"
    monkeypatch.setenv("BORDERWATCH_DATABASE_URL", url)
    store = Store(make_engine(url))
    upgrade(store.engine)
    with store.unit_of_work() as session:
        store_sources(session)
        for key, *_ in REPORTS:
            store_report(session, key)
    store.dispose()
    assert main(["events", "--rebuild", "--format", "json"]) == 0


def test_events_csv_has_an_hxl_row_and_acled_types(
    july: None, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["events", "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:4] == ["event_id", "event_type", "acled_event_type", "acled_sub_event_type"]
    assert rows[1][0] == "#event+id"
    crossing = next(r for r in rows[2:] if r[1] == "cross_border_movement")
    assert crossing[rows[0].index("figure")] == "1037"
    assert crossing[2] == "Strategic developments"


def test_events_json_and_hxl_print_json_only(
    july: None, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["events", "--format", "json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert all(json.loads(line)["id"].startswith("ev-") for line in lines)
    assert main(["events", "--format", "hxl"]) == 0
    table = json.loads(capsys.readouterr().out)
    assert table[0][0] == "#event+id" and len(table) == len(lines) + 1


def test_picture_json_geojson_and_table(july: None, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["picture", "--as-of", "2021-07-05", "--format", "json"]) == 0
    body = json.loads(capsys.readouterr().out)
    khwahan = next(s for s in body["sections"] if s["units"]["AF"] == "af-badakhshan-khwahan")
    assert khwahan["far_side"]["controller"] == "taliban"
    assert body["border"]["people_crossed"] == 1037
    assert body["alerts"]
    assert main(["picture", "--as-of", "2021-07-05", "--format", "geojson"]) == 0
    geo = json.loads(capsys.readouterr().out)
    assert geo["features"][0]["geometry"]["type"] == "LineString"
    assert main(["picture", "--as-of", "2021-07-05", "--known-at", "2021-07-05T06:00"]) == 0
    out = capsys.readouterr().out
    assert "Border picture as of 2021-07-05, as known at 2021-07-05T06:00:00+00:00" in out


def test_bad_dates_are_one_line_errors(july: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["picture", "--as-of", "5 July"]) == 1
    assert "error [invalid_input]: --as-of '5 July' is not a date" in capsys.readouterr().err
    assert main(["picture", "--known-at", "yesterday"]) == 1
    assert "error [invalid_input]" in capsys.readouterr().err
