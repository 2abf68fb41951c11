"""Runs of name-like words found from their openers are the gazetteer's runs, in any text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from borderwatch.extraction.place_runs import RunSpots, name_runs
from borderwatch.region import runs
from borderwatch.region.names import Gazetteer
from borderwatch.region.pack import load_pack

RUN_PIECES = [
    "Kunduz", "Panj", "KHOROG", "Dasht-e", "Qal'ai", "al-Qaeda", "The", "Of", "OF", "of", "the",
    "and", "e", "ul", "yi", "district", "District", "districts", "town", "river", "city",
    "village", "province", "Provinces", "darya", "bridge", "subdistrict", "x-district", "Russia's",
    "abc’S", "-S", "'s", "S", "x-s", "3rd", "1st", "12", "é", "Ж", "²", "_", " ", " ", "  ", "\t",
    "\n", "-", "--", "'", "’", ",", ", ", ".", "(", "5",
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(RUN_PIECES), max_size=30))
def test_the_runs_are_the_gazetteers_runs(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert name_runs(text) == runs.name_runs(text)


@pytest.mark.parametrize(
    "text",
    [
        "the district of Kunduz and the town, of khorog",  # a lower-case word after "district of"
        "DISTRICT OF panj; district's of x; sub-district of y; district-wide of z",
        "Kunduz's Panj-S Dasht-e Qala river bank, X-S and al-Qaeda",  # joiners and possessives
        "3rd-Kunduz Kunduz-3rd Imam Sahib  -  District",  # an ordinal's letters join a word
        "Qala-i-Khum ul Ishkoshim ye",  # joiners inside a run and at its end
    ],
)
def test_the_runs_of_tricky_text_are_the_gazetteers_runs(text: str) -> None:
    assert name_runs(text) == runs.name_runs(text)


def test_run_spots_are_the_gazetteers_spots() -> None:
    gazetteer = Gazetteer(load_pack("tj-af").places.values())
    spots = RunSpots(gazetteer)
    text = "Clashes in Kunduz province and Ishkoshim. The Panj river near Shughnon; Kunduz again."
    assert spots(text) == gazetteer.spot(text)
    assert spots(text) == gazetteer.spot(text)  # again, from what it remembers
    assert [s.text for s in spots(text)][:2] == ["Kunduz province", "Ishkoshim"]
