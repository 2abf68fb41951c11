"""Needs by Sphere's minimum standards, checked against figures worked out by hand."""

from __future__ import annotations

import math

import pytest

from borderwatch.errors import InputError, PlanningError
from borderwatch.planning.needs import (
    needs_at_sites,
    needs_for,
    people_from_forecast,
    split_by_capacity,
)
from borderwatch.planning.schemas import PackPlanning, Site
from borderwatch.planning.standards import bundled_sphere, sphere_for

SPHERE = bundled_sphere()


def test_the_sphere_data_states_its_source_and_edition() -> None:
    assert "Sphere Handbook" in SPHERE.source
    assert SPHERE.edition.startswith("2018")
    assert SPHERE.water.total_litres_per_person_day == 15


def test_1037_people_for_30_days_in_a_cold_climate_match_the_hand_calculation() -> None:
    needs = needs_for(1_037, 30, SPHERE, cold=True)
    assert needs.kcal == 1_037 * 2_100 * 30 == 65_331_000
    assert needs.ration_kg == pytest.approx(65_331_000 / 3_750)  # 17,421.6 kg
    assert needs.water_litres_per_day == 1_037 * 15 == 15_555
    assert needs.water_litres == 1_037 * 15 * 30 == 466_650
    assert needs.drinking_litres_per_day == 1_037 * 3
    assert needs.domestic_litres_per_day == 1_037 * 12
    assert needs.covered_m2 == pytest.approx(1_037 * 4.5)  # 4,666.5 m2
    assert needs.latrines_emergency == math.ceil(1_037 / 50) == 21
    assert needs.latrines_later == math.ceil(1_037 / 20) == 52


def test_a_temperate_climate_uses_3_5_square_metres() -> None:
    assert needs_for(100, 1, SPHERE).covered_m2 == pytest.approx(350)


@pytest.mark.parametrize(("people", "days"), [(0, 30), (-3, 30), (100, 0)])
def test_zero_or_negative_people_or_days_are_refused(people: int, days: int) -> None:
    with pytest.raises(InputError, match="must be a whole number above zero"):
        needs_for(people, days, SPHERE)


def sites() -> dict[str, Site]:
    """Two reception sites with capacity and one without."""
    return {
        "panji-poyon": Site(id="panji-poyon", name="Panji Poyon", capacity=600),
        "khorugh": Site(id="khorugh", name="Khorugh", capacity=400, climate="cold"),
        "kalai-khumb": Site(id="kalai-khumb", name="Kalai-Khumb"),
    }


def test_needs_per_site_add_up_to_the_total_and_an_overfull_site_is_warned() -> None:
    report = needs_at_sites({"panji-poyon": 700, "khorugh": 337}, sites(), 30, SPHERE)
    assert report.total.people == 1_037
    assert report.total.kcal == 1_037 * 2_100 * 30
    assert report.total.covered_m2 == pytest.approx(700 * 3.5 + 337 * 4.5)  # Khorugh is cold
    assert report.total.latrines_emergency == 14 + 7
    assert report.warnings == (
        "site 'panji-poyon' (Panji Poyon): 700 people exceed its capacity of 600 by 100",
    )


def test_a_site_with_no_capacity_is_a_clear_error() -> None:
    with pytest.raises(PlanningError, match=r"'kalai-khumb' .* has no capacity recorded"):
        needs_at_sites({"kalai-khumb": 50}, sites(), 30, SPHERE)


def test_an_unknown_site_names_the_known_ones() -> None:
    with pytest.raises(PlanningError, match="unknown site 'dushanbe'; known: kalai-khumb"):
        needs_at_sites({"dushanbe": 50}, sites(), 30, SPHERE)


def test_people_are_split_by_capacity_in_whole_people() -> None:
    split = split_by_capacity(1_037, [sites()["panji-poyon"], sites()["khorugh"]])
    assert split == {"panji-poyon": 622, "khorugh": 415}


def test_forecast_arrivals_go_to_the_site_that_serves_them() -> None:
    serving = [Site(id="khorugh", name="Khorugh", capacity=400, serves=["s7", "s8"])]
    people, unserved = people_from_forecast({"s7": 10.2, "s8": 3.0, "s1": 4.0}, serving)
    assert people == {"khorugh": 14}
    assert unserved == ["s1"]


def test_a_region_can_override_a_sphere_figure() -> None:
    planning = PackPlanning(
        source="test", sphere_overrides={"water": {"hygiene_litres_per_person_day": 8}}
    )
    standards = sphere_for(planning)
    assert standards.water.total_litres_per_person_day == 17
    assert "region overrides" in standards.source
