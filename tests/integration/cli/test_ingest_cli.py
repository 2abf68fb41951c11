"""`borderwatch ingest` as a user runs it: batches, repeats, bad files, and what is kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from borderwatch.cli import main
from borderwatch.store.engine import make_engine
from borderwatch.store.session import Store
from borderwatch.store.tables.reports import Claim, Report

WIRE = (
    "DUSHANBE, July 5, 2021 (Test Wire) - Taliban fighters took control of Khwahan district "
    "in Badakhshan province overnight, and 300 Afghan soldiers crossed into Tajikistan, "
    "border officials said.\n"
)


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh database for the command, named by BORDERWATCH_DATABASE_URL."""
    database = tmp_path / "cli.db"
    monkeypatch.setenv("BORDERWATCH_DATABASE_URL", f"sqlite:///{database}")
    return database


def _reports(database: Path) -> list[Report]:
    store = Store(make_engine(f"sqlite:///{database}"))
    with store.unit_of_work() as session:
        reports = list(session.scalars(select(Report).order_by(Report.id)))
        for report in reports:
            _ = report.claims
    store.dispose()
    return reports


def test_a_folder_is_ingested_once_and_again_changes_nothing(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    assert main(["ingest", str(folder), "--format", "json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert len(first[0]["new_reports"]) == 1 and first[0]["claims"] >= 1
    assert main(["ingest", str(folder), "--format", "json"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert second[0]["new_reports"] == [] and second[0]["known_reports"] == first[0]["new_reports"]
    reports = _reports(env)
    assert len(reports) == 1 and reports[0].status == "extracted"
    assert {c.type for c in reports[0].claims} >= {"territorial_control_change"}


def test_bad_files_fail_alone_and_the_batch_goes_on(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    code = main(
        [
            "ingest",
            str(tmp_path / "empty.txt"),
            str(tmp_path / "image.bin"),
            str(tmp_path / "wire.txt"),
        ]
    )
    captured = capsys.readouterr()
    assert code == 1
    assert "error [intake_failed]:" in captured.err and "empty" in captured.err
    assert "Traceback" not in captured.err
    reports = _reports(env)
    kept = {Path(r.filename).name: r for r in reports}
    assert kept["image.bin"].status == "failed" and kept["image.bin"].raw.startswith(b"\x89PNG")
    assert kept["wire.txt"].status == "extracted"


def test_a_path_that_matches_nothing_is_one_line(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", "/nonexistent/reports/*.txt"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error [")


def test_claims_keep_the_contract_shape(env: Path, tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    assert main(["ingest", str(tmp_path / "wire.txt")]) == 0
    claim: Claim = _reports(env)[0].claims[0]
    assert set(claim.payload) == {
        "type",
        "date",
        "date_precision",
        "places",
        "actors",
        "quantities",
        "attribution",
        "evidence",
        "confidence",
    }
