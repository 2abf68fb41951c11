"""A broken or missing region pack is one RegionPackError line that names the file and problem."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from borderwatch.errors import RegionPackError
from borderwatch.region.pack import PACKS_DIR, load_pack, read_pack


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A fresh copy of the bundled pack to break."""
    folder = tmp_path / "copy"
    shutil.copytree(PACKS_DIR / "tj-af", folder)
    return folder


def edit(folder: Path, name: str, change: Callable[[Any], Any]) -> None:
    path = folder / name
    path.write_text(json.dumps(change(json.loads(path.read_text(encoding="utf-8")))))


def error_of(folder: Path) -> str:
    with pytest.raises(RegionPackError) as caught:
        read_pack(folder)
    message = caught.value.message
    assert "\n" not in message
    return message


def test_an_intact_copy_loads_by_path(copy: Path) -> None:
    assert load_pack(copy).id == "tj-af"


def test_a_missing_pack_names_the_bundled_ones() -> None:
    with pytest.raises(RegionPackError, match=r"'nope' not found.*tj-af"):
        load_pack("nope")


def test_an_empty_pack_name_is_refused() -> None:
    with pytest.raises(RegionPackError):
        load_pack("  ")


def test_a_missing_file(copy: Path) -> None:
    (copy / "sections.json").unlink()
    assert error_of(copy) == "copy/sections.json: file missing"


def test_unreadable_json(copy: Path) -> None:
    (copy / "places.json").write_text("[{", encoding="utf-8")
    assert error_of(copy).startswith("copy/places.json: not valid JSON (line 1")


def test_an_unknown_field_is_a_schema_error_naming_the_field(copy: Path) -> None:
    edit(copy, "pack.json", lambda m: {**m, "colour": "red"})
    assert error_of(copy) == "copy/pack.json: colour: Extra inputs are not permitted"


def test_a_bad_value_deep_in_a_list_names_its_position(copy: Path) -> None:
    edit(copy, "places.json", lambda places: [{**places[0], "lat": 123}, *places[1:]])
    assert error_of(copy).startswith("copy/places.json: 0.lat: Input should be less than")


def test_a_parent_that_is_not_a_place(copy: Path) -> None:
    edit(copy, "places.json", lambda ps: [{**ps[2], "parent": "atlantis"}, *ps[:2], *ps[3:]])
    assert "parent 'atlantis' is not a place" in error_of(copy)


def test_a_section_unit_that_is_not_a_district_of_its_country(copy: Path) -> None:
    def swap(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
        sections[0]["units"]["AF"] = "tj-gbao-darvoz"
        return sections

    edit(copy, "sections.json", swap)
    assert error_of(copy) == "copy/sections.json: s01: 'tj-gbao-darvoz' is not a district of AF"


def test_a_section_with_one_side_only(copy: Path) -> None:
    def one_sided(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
        del sections[3]["units"]["TJ"]
        return sections

    edit(copy, "sections.json", one_sided)
    assert error_of(copy) == "copy/sections.json: s04: needs one unit per country"


def test_a_section_crossing_that_is_not_a_crossing(copy: Path) -> None:
    def wrong(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
        sections[0]["crossings"] = ["af-badakhshan"]
        return sections

    edit(copy, "sections.json", wrong)
    assert "'af-badakhshan' is not a crossing" in error_of(copy)


def test_a_border_file_without_a_line(copy: Path) -> None:
    edit(copy, "border.geojson", lambda b: {"type": "FeatureCollection", "features": []})
    assert error_of(copy) == "copy/border.geojson: needs one LineString feature"
