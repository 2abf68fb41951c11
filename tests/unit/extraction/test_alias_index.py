"""Alias matching on tokens: longest alias first, possessives, case-kept acronyms."""

from __future__ import annotations

from borderwatch.extraction.actors import AliasIndex
from borderwatch.extraction.tokenizer import tokenize


def found(index: AliasIndex, text: str) -> list[str]:
    return [f"{text[s:e]}={key}" for s, e, key in index.find(tokenize(text))]


INDEX = AliasIndex(
    [
        *("the Taliban", "the Kremlin", "the State Committee for National Security", "the"),
        *("Russia", "Tajik border guards", "Tajik border", "US", "People's Army"),
    ]
)


def test_a_shared_first_word_picks_the_alias_its_next_word_names() -> None:
    text = "the Kremlin said the Taliban and the State Committee for National Security met"
    assert found(INDEX, text) == [
        "the Kremlin=the kremlin",
        "the Taliban=the taliban",
        "the State Committee for National Security=the state committee for national security",
    ]
    # "the" alone is an alias too: it is what is left when no longer alias fits
    assert found(INDEX, "the State Committee for Security") == ["the=the"]


def test_the_longest_alias_wins_and_matches_do_not_overlap() -> None:
    assert found(INDEX, "Tajik border guards and the Tajik border") == [
        "Tajik border guards=tajik border guards",
        "the=the",
        "Tajik border=tajik border",
    ]


def test_a_possessive_is_allowed_on_the_last_word_only() -> None:
    assert found(INDEX, "Russia's troops and Russia’s aid") == ["Russia=russia", "Russia=russia"]
    assert found(INDEX, "the Taliban's fighters") == ["the Taliban=the taliban"]
    assert found(INDEX, "Tajik border's guards") == ["Tajik border=tajik border"]
    assert found(INDEX, "the People's Army") == ["the=the", "People's Army=people's army"]


def test_acronyms_keep_their_case() -> None:
    assert found(INDEX, "US troops told us") == ["US=us"]


def test_an_alias_cut_off_by_the_end_of_the_text_is_not_found() -> None:
    assert found(INDEX, "Tajik") == []
    assert found(INDEX, "") == []
