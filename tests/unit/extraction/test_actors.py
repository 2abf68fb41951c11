"""The actor component: aliases in every spelling, titles, acronyms, context aliases, references."""

from __future__ import annotations

import pytest

from borderwatch.extraction.actors import ActorComponent, AliasIndex
from borderwatch.extraction.document import Document
from borderwatch.extraction.tokenizer import Tokenizer, tokenize


@pytest.fixture(scope="module")
def actors() -> ActorComponent:
    return ActorComponent("en")


def found(actors: ActorComponent, text: str) -> list[tuple[str, str]]:
    doc = actors(Tokenizer()(Document(text)))
    return [(a.text, a.actor_id) for a in doc.actors]


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        ("Emomali Rahmon met the delegation.", "emomali-rahmon"),
        ("Rakhmon met the delegation.", "emomali-rahmon"),
        ("Rahmonov met the delegation.", "emomali-rahmon"),
        ("Rehmon met the delegation.", "emomali-rahmon"),
        ("Vladimir Putin spoke.", "vladimir-putin"),
        ("Ashraf Ghani left Kabul.", "ashraf-ghani"),
        ("Shavkat Mirziyoyev called.", "shavkat-mirziyoyev"),
        ("Kassym-Jomart Tokayev called.", "kassym-jomart-tokayev"),
        ("Taleban fighters advanced.", "taliban"),
        ("Afghan servicemen fled.", "afghan-government-forces"),
        ("The GKNB confirmed it.", "tajik-gknb"),
        ("The State Committee for National Security confirmed it.", "tajik-gknb"),
        ("Tajik border guards fed them.", "tajik-border-guards"),
        ("The Kremlin said so.", "russia"),
        ("The Collective Security Treaty Organization met.", "csto"),
        ("The UN refugee agency warned.", "unhcr"),
        ("The World Food Programme sent flour.", "wfp"),
        ("The Red Crescent helped.", "red-cross-red-crescent"),
    ],
)
def test_every_spelling_names_its_actor(actors: ActorComponent, text: str, actor_id: str) -> None:
    assert [a for _, a in found(actors, text)] == [actor_id]


def test_a_title_joins_the_name_instead_of_naming_a_country(actors: ActorComponent) -> None:
    assert found(actors, "Tajikistan President Emomali Rahmon spoke.") == [
        ("Tajikistan President Emomali Rahmon", "emomali-rahmon")
    ]
    assert found(actors, "Russian President Vladimir Putin spoke.") == [
        ("Russian President Vladimir Putin", "vladimir-putin")
    ]


def test_acronyms_keep_their_case(actors: ActorComponent) -> None:
    assert found(actors, "Tell us what US troops did.") == [("US troops", "united-states")]
    assert found(actors, "The U.S. said nothing.") == [("U.S.", "united-states")]


def test_a_possessive_still_names_the_actor(actors: ActorComponent) -> None:
    assert found(actors, "Russia's offer stands.") == [("Russia", "russia")]


def test_context_aliases_count_only_when_the_actor_is_named(actors: ActorComponent) -> None:
    assert found(actors, "The insurgents advanced.") == []
    assert found(actors, "The Taliban advanced. The insurgents took the post.") == [
        ("Taliban", "taliban"),
        ("insurgents", "taliban"),
    ]


def test_a_country_after_a_place_cue_is_a_place_not_an_actor(actors: ActorComponent) -> None:
    assert found(actors, "Soldiers retreated to Tajikistan.") == []
    assert found(actors, "Large areas in northern Afghanistan fell.") == []
    assert found(actors, "Tajikistan ordered troops to the border.") == [
        ("Tajikistan", "tajik-government")
    ]


def test_the_president_is_the_last_head_of_state_named(actors: ActorComponent) -> None:
    text = "Rahmon spoke with Putin. Later Rakhmon flew home. The President ordered troops."
    assert found(actors, text)[-1] == ("The President", "emomali-rahmon")


def test_the_president_without_anyone_named_is_no_actor(actors: ActorComponent) -> None:
    assert found(actors, "The President ordered troops.") == []


def test_demonyms_point_to_countries(actors: ActorComponent) -> None:
    demonyms = actors.demonyms()
    assert demonyms["afghan"] == "AF"
    assert demonyms["tajik"] == "TJ"


def test_alias_index_prefers_the_longest_alias() -> None:
    index = AliasIndex(["Radio Free Europe", "Radio Free Europe/Radio Liberty", "Radio"])
    text = "Radio Free Europe/Radio Liberty reported."
    assert index.find(tokenize(text)) == [(0, 31, "radio free europe/radio liberty")]


def test_a_country_after_a_verb_is_a_place_and_after_that_an_actor(
    actors: ActorComponent,
) -> None:
    assert found(actors, "The CSTO will help Tajikistan.") == [("CSTO", "csto")]
    assert found(actors, "Putin confirmed that Moscow was ready.")[-1] == ("Moscow", "russia")
    assert [
        a for _, a in found(actors, "He met his counterparts in Uzbekistan and Kazakhstan.")
    ] == [
        "uzbekistan",
        "kazakhstan",
    ]


def test_field_report_abbreviations_name_actors(actors: ActorComponent) -> None:
    assert found(actors, "TB took the post; AF personnel crossed to TJ border guards.") == [
        ("TB", "taliban"),
        ("AF personnel", "afghan-government-forces"),
        ("TJ border guards", "tajik-border-guards"),
    ]
