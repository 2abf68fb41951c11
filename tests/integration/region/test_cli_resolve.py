"""`borderwatch resolve` through the real entry point: what a user sees on stdout and stderr."""

from __future__ import annotations

import json
from typing import Any

import pytest

from borderwatch.cli import main

FIELDS = {"place_id", "name", "kind", "country", "admin1", "lat", "lon", "score", "matched"}


def resolve_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    """Run `resolve ... --format json` and parse its one JSON document."""
    assert main(["resolve", *args, "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    result: dict[str, Any] = json.loads(captured.out)
    return result


def test_a_seed_spelling_resolves_with_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    result = resolve_json(capsys, "Hohon")
    assert set(result) == {"query", "status", "reason", "matches"}
    assert result["query"] == "Hohon" and result["status"] == "matched"
    best = result["matches"][0]
    assert set(best) == FIELDS
    assert best["place_id"] == "af-badakhshan-khwahan"
    assert best["name"] == "Khwahan" and best["kind"] == "district"
    assert best["country"] == "AF" and best["admin1"] == "Badakhshan"
    assert isinstance(best["lat"], float) and 0 < best["score"] <= 1


@pytest.mark.parametrize(
    ("spelling", "country", "expected"),
    [
        ("Shughnon", "AF", "af-badakhshan-shughnan"),
        ("Shughnon", "tj", "tj-gbao-shughnon"),
        ("Eshkashem", "AF", "af-badakhshan-ishkashim"),
        ("Ishkashim", "TJ", "tj-gbao-ishkoshim"),
        ("Darwaz", "TJ", "tj-gbao-darvoz"),
    ],
)
def test_the_country_option_parts_namesakes(
    capsys: pytest.CaptureFixture[str], spelling: str, country: str, expected: str
) -> None:
    result = resolve_json(capsys, spelling, "--country", country)
    assert result["status"] == "matched"
    assert result["matches"][0]["place_id"] == expected
    assert {m["country"] for m in result["matches"]} == {country.upper()}


def test_namesakes_without_a_country_are_ambiguous(capsys: pytest.CaptureFixture[str]) -> None:
    result = resolve_json(capsys, "Ishkashim")
    assert result["status"] == "ambiguous"
    assert {m["country"] for m in result["matches"]} == {"AF", "TJ"}


def test_other_scripts_resolve(capsys: pytest.CaptureFixture[str]) -> None:
    assert resolve_json(capsys, "Хорог")["matches"][0]["place_id"] == "tj-gbao-khorugh"
    assert resolve_json(capsys, "خواهان")["matches"][0]["place_id"] == "af-badakhshan-khwahan"


def test_an_unrelated_word_is_no_match_with_no_places(capsys: pytest.CaptureFixture[str]) -> None:
    result = resolve_json(capsys, "Tuesday")
    assert result["status"] == "no_match" and result["matches"] == []


def test_limit_caps_the_matches(capsys: pytest.CaptureFixture[str]) -> None:
    assert len(resolve_json(capsys, "Panj", "--limit", "1")["matches"]) == 1


def test_the_table_names_the_places(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resolve", "Kulyab"]) == 0
    out = capsys.readouterr().out
    assert "matched" in out and "tj-khatlon-kulob" in out and "Khatlon" in out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["   "], "empty"),
        (["x" * 201], "longer than 200"),
        (["12, 34!"], "no letters"),
        (["?!..."], "no letters"),
        (["Kulob", "--country", "UZ"], "not in region pack"),
        (["Kulob", "--pack", "nope"], "nope"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_1(
    capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    assert main(["resolve", *args, "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert says in captured.err and "Traceback" not in captured.err
    assert captured.err.startswith("error [")
