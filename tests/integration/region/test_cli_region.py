"""`borderwatch region` through the real entry point: what a user sees on stdout and stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from borderwatch.cli import main


def test_region_show_prints_sections_crossings_and_both_official_lengths(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["region", "show", "--pack", "tj-af"]) == 0
    out = capsys.readouterr().out
    for text in ("Badakhshan", "Khatlon", "Khwahan", "Shamsiddin Shohin", "Panji Poyon bridge"):
        assert text in out
    assert "1,357 km" in out and "1,344 km" in out
    assert "Sections add up to 1,357.0 km" in out


def test_region_show_json_is_one_document_whose_sections_add_up(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["region", "show", "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["id"] == "tj-af"
    assert sum(s["length_km"] for s in summary["sections"]) == pytest.approx(1357.0, abs=0.05)
    assert all(set(s["units"]) == {"AF", "TJ"} for s in summary["sections"])
    badakhshan = next(u for u in summary["admin_units"] if u["id"] == "af-badakhshan")
    assert badakhshan["districts"] == 28
    crossing = next(c for c in summary["crossings"] if c["id"] == "tj-crossing-panji-poyon")
    assert crossing["facing"]["id"] == "af-crossing-shir-khan-bandar"


def test_region_list_names_the_bundled_pack(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["region", "list", "--format", "json"]) == 0
    assert [p["id"] for p in json.loads(capsys.readouterr().out)] == ["tj-af"]


def test_a_missing_pack_is_one_line_on_stderr_and_exit_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["region", "show", "--pack", "nope"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "nope" in lines[0] and "Traceback" not in captured.err


def test_an_unknown_format_is_refused_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["region", "show", "--format", "xml"]) == 1
    assert "xml" in capsys.readouterr().err


def test_a_malformed_pack_folder_is_one_line_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "pack.json").write_text("{not json", encoding="utf-8")
    assert main(["region", "show", "--pack", str(folder)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "pack.json" in err
