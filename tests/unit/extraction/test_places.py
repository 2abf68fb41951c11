"""Places in text: the gazetteer's spots resolved with the country and province of the context."""

from __future__ import annotations

import pytest

from borderwatch.extraction.actors import ActorComponent
from borderwatch.extraction.document import Document, PlaceMention
from borderwatch.extraction.place_choice import ancestors_of, new_mention
from borderwatch.extraction.places import PlaceComponent
from borderwatch.extraction.tokenizer import Tokenizer
from borderwatch.region.names import Gazetteer
from borderwatch.region.pack import load_pack


@pytest.fixture(scope="module")
def places() -> PlaceComponent:
    return PlaceComponent(Gazetteer(load_pack("tj-af").places.values()), "en")


@pytest.fixture(scope="module")
def actors() -> ActorComponent:
    return ActorComponent("en")


def found(places: PlaceComponent, actors: ActorComponent, text: str) -> list[PlaceMention]:
    return places(actors(Tokenizer()(Document(text)))).places


def ids(mentions: list[PlaceMention]) -> dict[str, str | None]:
    return {m.text: m.place_id for m in mentions}


def test_a_district_list_in_an_afghan_province_resolves_in_afghanistan(
    places: PlaceComponent, actors: ActorComponent
) -> None:
    text = (
        "Taliban militants took control of the districts of Hohon, Shekay, Nusay, Maimay, "
        "Shughnon and Eshkashem in the Afghan province of Badakhshan."
    )
    assert ids(found(places, actors, text)) == {
        "Hohon": "af-badakhshan-khwahan",
        "Shekay": "af-badakhshan-shekay",
        "Nusay": "af-badakhshan-nusay",
        "Maimay": "af-badakhshan-maimay",
        "Shughnon": "af-badakhshan-shughnan",
        "Eshkashem": "af-badakhshan-ishkashim",
        "Badakhshan": "af-badakhshan",
    }


def test_a_resolved_place_carries_its_province_and_point(
    places: PlaceComponent, actors: ActorComponent
) -> None:
    (khwahan,) = found(places, actors, "The Taliban entered Khwahan.")
    assert (khwahan.kind, khwahan.country, khwahan.admin1) == ("district", "AF", "Badakhshan")
    assert khwahan.lat is not None and khwahan.lon is not None
    assert 0 < khwahan.score <= 1


def test_a_demonym_before_the_place_picks_the_country(
    places: PlaceComponent, actors: ActorComponent
) -> None:
    assert ids(found(places, actors, "Guards in Tajik Ishkashim were alert.")) == {
        "Ishkashim": "tj-gbao-ishkoshim"
    }
    assert ids(found(places, actors, "Fighting reached Afghan Ishkashim.")) == {
        "Ishkashim": "af-badakhshan-ishkashim"
    }


def test_a_namesake_without_context_stays_ambiguous_with_candidates(
    places: PlaceComponent, actors: ActorComponent
) -> None:
    (ishkashim,) = found(places, actors, "Shooting was heard near Ishkashim.")
    assert ishkashim.place_id is None
    assert {"af-badakhshan-ishkashim", "tj-gbao-ishkoshim"} <= set(ishkashim.candidates)


def test_the_other_places_of_the_sentence_give_the_country(
    places: PlaceComponent, actors: ActorComponent
) -> None:
    text = "The Taliban moved from Kunduz towards Shughnan."
    assert ids(found(places, actors, text))["Shughnan"] == "af-badakhshan-shughnan"


def test_an_actor_span_is_not_a_place(places: PlaceComponent, actors: ActorComponent) -> None:
    text = "Tajikistan President Emomali Rahmon spoke; soldiers fled to Tajikistan."
    assert [m.start for m in found(places, actors, text)] == [text.rindex("Tajikistan")]


def test_ancestors_go_up_to_the_country() -> None:
    parents: dict[str, str | None] = {"af": None, "af-b": "af", "af-b-k": "af-b"}
    assert ancestors_of(parents)["af-b-k"] == frozenset({"af-b", "af"})
    assert ancestors_of(parents)["af"] == frozenset()


def test_names_under_one_province_settle_its_ambiguity(
    places: PlaceComponent, actors: ActorComponent
) -> None:
    text = "Taliban fighters overran Eshkashem district of Badakhshan on Monday."
    assert [m.place_id for m in found(places, actors, text)] == [
        "af-badakhshan-ishkashim",
        "af-badakhshan",
    ]


def test_the_words_around_a_name_pick_its_kind(
    places: PlaceComponent, actors: ActorComponent
) -> None:
    crossing = found(places, actors, "The Taliban seized the Shir Khan Bandar crossing.")
    assert [m.kind for m in crossing] == ["crossing"]
    river = found(places, actors, "About 300 soldiers crossed the Panj overnight.")
    assert [m.place_id for m in river] == ["river-panj"]


def test_a_unit_word_before_at_and_a_side_note_point_to_the_crossing(
    places: PlaceComponent, actors: ActorComponent
) -> None:
    text = "The bridge at Ishkashim (Tajik side) was shut by TJ guards."
    assert [m.place_id for m in found(places, actors, text)] == ["tj-crossing-ishkoshim"]


def test_a_capital_or_an_airport_is_the_town(
    places: PlaceComponent, actors: ActorComponent
) -> None:
    capital = found(places, actors, "The Taliban captured Taloqan, the capital of Takhar.")
    assert capital[0].place_id == "af-town-taloqan"
    airport = found(places, actors, "At Bokhtar airport the men were given food.")
    assert airport[0].place_id == "tj-town-bokhtar"


def test_a_mention_made_field_by_field_is_the_dataclasss_own() -> None:
    fields = ("tj-khorog", "Khorugh", "settlement", "TJ", "Gorno-Badakhshan", 37.49, 71.55)
    made = new_mention(3, 9, "Khorog", fields, 0.95)
    assert made == PlaceMention(3, 9, "Khorog", *fields, 0.95)
    assert repr(made) == repr(PlaceMention(3, 9, "Khorog", *fields, 0.95))
