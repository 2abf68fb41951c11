"""The place lexicon's schema: `data/<lang>/places.json` (a module of its own so that `places`
compiles with mypyc)."""

from __future__ import annotations

from pydantic import Field

from borderwatch.extraction.lexicon import Lexicon


class PlaceLexicon(Lexicon):
    """`data/<lang>/places.json`: the words around place names that give context."""

    unit_words: list[str]
    container_before: list[str]
    container_units: list[str]
    kind_after: dict[str, str]
    kind_after_phrases: dict[str, str] = Field(description="', the capital of' after a name")
    kind_before: dict[str, str] = Field(description="'bridge' in 'the bridge at Ishkashim'")
    kind_before_joiners: list[str] = Field(description="'at' in 'the bridge at Ishkashim'")
    side_notes: list[str] = Field(description="'side' in 'Ishkashim (Tajik side)'")
    river_articles: list[str]
    not_town_after: list[str] = Field(
        default=[], description="'post' in 'at Nosai post': the name is not the town's"
    )
    city_districts: list[str] = Field(
        default=[], description="place ids of districts that are a city (the town is the district)"
    )
    settlement_before: list[str] = Field(
        default=[], description="'in', 'at': before a name shared by a district and its town"
    )
    source_words: list[str] = Field(
        default=[],
        description="'Voice' in 'Badakhshan Voice': a capitalised one after a name makes it a "
        "source's name, not a place",
    )
    body_of_country: list[str] = Field(
        default=[],
        description="'Armed Forces' in 'the Armed Forces of Afghanistan': a country named in a "
        "body's name is no place",
    )
    cities: list[str] = Field(
        default=[],
        description="place ids of cities whose bare name means the city, not the district or "
        "province of the same name ('the Taliban took Taloqan')",
    )
    actor_sides: dict[str, str] = Field(
        default={},
        description="actor id -> country: a sentence whose actors are all of one side puts a "
        "name both sides share there ('the Taliban now run Shughnan district')",
    )
