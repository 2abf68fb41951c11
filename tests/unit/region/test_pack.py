"""The bundled tj-af pack conforms to the pack format, and the loader's helpers answer right."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from borderwatch.errors import NotFoundError
from borderwatch.region.pack import RegionPack, _shares, available_packs, load_pack
from borderwatch.region.sections import haversine_km


@pytest.fixture(scope="module")
def pack() -> RegionPack:
    return load_pack("tj-af")


def test_the_bundled_pack_is_listed() -> None:
    assert "tj-af" in available_packs()


def test_both_official_lengths_are_kept_with_their_sources(pack: RegionPack) -> None:
    figures = [(o.km, o.source) for o in pack.manifest.official_lengths]
    assert [km for km, _ in figures] == [1357, 1344]
    assert all(source.strip() for _, source in figures)
    assert pack.official_length_km == 1357


def test_section_lengths_add_up_to_the_official_total(pack: RegionPack) -> None:
    assert sum(s.length_km for s in pack.sections) == pytest.approx(1357.0, abs=0.05)
    # the generalised line is shorter than the official figure, as DESIGN.md expects
    assert 0.8 < pack.geometric_length_km / pack.official_length_km < 0.95


def test_every_section_faces_an_afghan_and_a_tajik_border_district(pack: RegionPack) -> None:
    for section in pack.sections:
        assert sorted(section.units) == ["AF", "TJ"]
        for country, unit in section.units.items():
            place = pack.places[unit]
            assert (place.kind, place.country, place.border) == ("district", country, True)


def test_sections_follow_the_border_line_end_to_end(pack: RegionPack) -> None:
    first, last = pack.sections[0], pack.sections[-1]
    assert first.coordinates[0] == pytest.approx(pack.border[0])
    assert last.coordinates[-1] == pytest.approx(pack.border[-1])
    for before, after in zip(pack.sections, pack.sections[1:], strict=False):
        assert before.coordinates[-1] == after.coordinates[0]
    # west end at the Uzbek tripoint, east end at the Chinese one
    assert pack.border[0][0] < 68.5 and pack.border[-1][0] > 74.5


def test_every_district_of_the_five_provinces_is_there(pack: RegionPack) -> None:
    counts = {p: len(pack.children(p)) for p in ("af-badakhshan", "af-takhar", "af-kunduz")}
    assert counts == {"af-badakhshan": 28, "af-takhar": 17, "af-kunduz": 7}
    assert len([c for c in pack.children("tj-gbao") if c.kind == "district"]) == 8
    assert len([c for c in pack.children("tj-khatlon") if c.kind == "district"]) >= 20


@pytest.mark.parametrize(
    ("place_id", "spellings"),
    [
        ("af-badakhshan-khwahan", {"Khwahan", "Khahan", "Hohon", "خواهان"}),
        ("af-badakhshan-shekay", {"Shekay", "Shiki"}),
        ("af-badakhshan-nusay", {"Nusay"}),
        ("af-badakhshan-maimay", {"Maimay", "Mahimai"}),
        ("af-badakhshan-shughnan", {"Shughnan", "Shighnan", "شغنان"}),
        ("af-badakhshan-ishkashim", {"Ishkashim", "Eshkashem", "Sultan Ishkashim", "اشکاشم"}),
        ("tj-gbao-khorugh", {"Khorog", "Хоруғ", "Хорог"}),
        ("tj-gbao-ishkoshim", {"Ishkoshim", "Ишкошим", "Ишкашим"}),
        ("tj-gbao-darvoz", {"Darvoz", "Дарвоз"}),
        ("tj-town-kalai-khumb", {"Kalai-Khumb", "Qal'ai Khumb"}),
    ],
)
def test_places_carry_their_spellings(pack: RegionPack, place_id: str, spellings: set[str]) -> None:
    assert spellings <= {n.text for n in pack.places[place_id].names}


def test_namesakes_on_the_two_banks_are_distinct_places(pack: RegionPack) -> None:
    for af, tj in [
        ("af-badakhshan-ishkashim", "tj-gbao-ishkoshim"),
        ("af-badakhshan-shughnan", "tj-gbao-shughnon"),
        ("af-badakhshan-nusay", "tj-gbao-darvoz"),
    ]:
        assert (pack.places[af].country, pack.places[tj].country) == ("AF", "TJ")
        assert {n.text for n in pack.places[af].names} & {n.text for n in pack.places[tj].names}


def test_points_lie_in_the_region_and_border_districts_near_the_line(pack: RegionPack) -> None:
    for place in pack.places.values():
        if place.lat is not None and place.lon is not None:
            assert 35.5 < place.lat < 39.5 and 67.0 < place.lon < 75.5, place.id
        if place.kind == "crossing" and place.lat is not None and place.lon is not None:
            distance = min(haversine_km((place.lon, place.lat), p) for p in pack.border)
            assert distance < 10, place.id


def test_crossings_face_each_other_and_sit_on_a_section(pack: RegionPack) -> None:
    crossings = [p for p in pack.places.values() if p.kind == "crossing"]
    assert len(crossings) >= 6
    for crossing in crossings:
        if crossing.facing:
            other = pack.places[crossing.facing]
            assert other.facing == crossing.id and other.country != crossing.country
        assert pack.sections_for_place(crossing.id), crossing.id
    bridge = pack.sections_for_place("tj-crossing-panji-poyon")[0]
    assert bridge.units == {"AF": "af-kunduz-imam-sahib", "TJ": "tj-khatlon-jayhun"}


def test_starting_control_covers_every_district(pack: RegionPack) -> None:
    controlled = {c.place: c.controller for c in pack.manifest.initial_control}
    for place in pack.places.values():
        if place.kind == "district":
            expected = "afghan-government" if place.country == "AF" else "tajik-government"
            assert controlled[place.id] == expected


def test_geonames_and_natural_earth_are_attributed(pack: RegionPack) -> None:
    text = " ".join(pack.manifest.attribution)
    assert "Natural Earth" in text and "GeoNames" in text and "CC-BY 4.0" in text
    assert any(p.source == "geonames" for p in pack.places.values())


def test_hierarchy_helpers(pack: RegionPack) -> None:
    assert [p.id for p in pack.ancestors("af-badakhshan-khwahan")] == ["af-badakhshan", "af"]
    province = pack.admin1("tj-town-khorugh")
    assert province is not None and province.name == "Gorno-Badakhshan"
    assert pack.admin1("af") is None
    assert [s.units["AF"] for s in pack.section_for_unit("af-badakhshan-khwahan")] == [
        "af-badakhshan-khwahan"
    ]
    assert pack.section_for_unit("af-badakhshan-zebak") == []
    with pytest.raises(NotFoundError):
        pack.children("nowhere")


def test_countries_geojson_has_both_shapes(pack: RegionPack) -> None:
    shapes = pack.countries_geojson()
    assert sorted(f["properties"]["country"] for f in shapes["features"]) == ["AF", "TJ"]


def test_loading_twice_returns_the_cached_pack() -> None:
    assert load_pack("tj-af") is load_pack("tj-af")


@given(
    st.floats(min_value=1, max_value=10_000),
    st.lists(st.floats(min_value=0.01, max_value=500), min_size=1, max_size=60),
)
def test_shares_always_add_up_to_the_total(total: float, weights: list[float]) -> None:
    parts = _shares(round(total, 1), weights)
    assert round(sum(parts), 6) == round(total, 1)
    assert all(p >= 0 for p in parts)
