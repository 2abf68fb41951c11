"""Sections cut from a small synthetic border line: splits, merges, crossings, lengths."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest

from borderwatch.region.schemas import SectionRecord
from borderwatch.region.sections import (
    UnitPoint,
    densify,
    derive_sections,
    haversine_km,
    line_km,
    nearest_point_unit,
)

# A straight line along the equator, about 111 km long; A sits south of it, B north.
LINE = [(0.0, 0.0), (0.5, 0.0), (1.0, 0.0)]
SOUTH = [UnitPoint("a-west", 0.2, -0.1), UnitPoint("a-east", 0.8, -0.1)]
NORTH = [UnitPoint("b-all", 0.5, 0.1)]


def sections(crossings: Sequence[UnitPoint] = ()) -> list[SectionRecord]:
    nearest = {"A": nearest_point_unit(SOUTH), "B": nearest_point_unit(NORTH)}
    return derive_sections(LINE, nearest, crossings)


def test_a_degree_of_longitude_at_the_equator_is_about_111_km() -> None:
    assert haversine_km((0.0, 0.0), (1.0, 0.0)) == pytest.approx(111.2, abs=0.1)


def test_densify_keeps_the_ends_and_spaces_points_no_more_than_a_step_apart() -> None:
    points = densify(LINE, 1.0)
    assert points[0] == LINE[0] and points[-1] == LINE[-1]
    assert max(haversine_km(a, b) for a, b in itertools.pairwise(points)) <= 1.0


def test_a_new_section_starts_where_the_nearest_unit_changes() -> None:
    result = sections()
    assert [s.units for s in result] == [
        {"A": "a-west", "B": "b-all"},
        {"A": "a-east", "B": "b-all"},
    ]
    assert [s.seq for s in result] == [1, 2]
    assert result[0].coordinates[-1] == result[1].coordinates[0]
    assert result[0].coordinates[-1][0] == pytest.approx(0.5, abs=0.01)


def test_section_lengths_add_up_to_the_line_length() -> None:
    result = sections()
    assert sum(s.geometric_km for s in result) == pytest.approx(line_km(LINE), abs=0.01)
    assert all(s.approximate for s in result)


def test_a_crossing_belongs_to_the_section_it_lies_near_and_a_far_one_to_none() -> None:
    near = UnitPoint("bridge", 0.9, 0.01)
    far = UnitPoint("inland", 0.1, 0.5)
    result = sections(crossings=[near, far])
    assert result[0].crossings == [] and result[1].crossings == ["bridge"]


def test_a_short_fragment_is_merged_into_its_longer_neighbour() -> None:
    south = [*SOUTH, UnitPoint("a-sliver", 0.95, -0.001)]
    nearest = {"A": nearest_point_unit(south), "B": nearest_point_unit(NORTH)}
    fine = derive_sections(LINE, nearest, min_km=1.0)
    merged = derive_sections(LINE, nearest, min_km=20.0)
    assert "a-sliver" in [s.units["A"] for s in fine]
    assert [s.units["A"] for s in merged] == ["a-west", "a-east"]
    assert sum(s.geometric_km for s in merged) == pytest.approx(line_km(LINE), abs=0.01)


def test_any_nearest_unit_callable_works_as_with_real_polygons() -> None:
    nearest = {
        "A": lambda point: "west" if point[0] < 0.3 else "east",
        "B": lambda point: "north",
    }
    result = derive_sections(LINE, nearest, approximate=False)
    assert [s.units["A"] for s in result] == ["west", "east"]
    assert result[0].geometric_km == pytest.approx(0.3 * 111.2, abs=1.5)
    assert not result[0].approximate


def test_a_line_of_one_point_is_refused() -> None:
    with pytest.raises(ValueError):
        derive_sections([(0.0, 0.0)], {"A": lambda p: "a"})


def test_nearest_point_unit_needs_units() -> None:
    with pytest.raises(ValueError):
        nearest_point_unit([])


def test_an_enclave_between_two_stretches_of_one_pair_is_filled_when_approximate() -> None:
    owner = {"A": lambda point: "a", "B": lambda point: "far" if 0.4 < point[0] < 0.6 else "b"}
    filled = derive_sections(LINE, owner)
    exact = derive_sections(LINE, owner, approximate=False)
    assert [s.units["B"] for s in filled] == ["b"]
    assert [s.units["B"] for s in exact] == ["b", "far", "b"]
