"""Lexicon data files: each one checks against its schema, states its source, and loads once."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from pydantic import ValidationError

from borderwatch.errors import ExtractionError
from borderwatch.extraction import lexicon as lexicon_module
from borderwatch.extraction.lexicon import (
    DateLexicon,
    Lexicon,
    NumberLexicon,
    QuantityLexicon,
    has_lexicon,
    load_lexicon,
)

SCHEMAS: dict[str, type[Lexicon]] = {
    "numbers": NumberLexicon,
    "dates": DateLexicon,
    "quantities": QuantityLexicon,
}


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_english_lexicons_conform_and_state_their_source(name: str) -> None:
    loaded = load_lexicon(name, "en", SCHEMAS[name])
    assert loaded.language == "en"
    assert len(loaded.source) > 20


def test_a_lexicon_is_read_once() -> None:
    assert load_lexicon("dates", "en", DateLexicon) is load_lexicon("dates", "en", DateLexicon)


def test_a_language_without_the_file_falls_back_to_english() -> None:
    assert not has_lexicon("numbers", "ru")
    assert load_lexicon("numbers", "ru", NumberLexicon).language == "en"


def test_a_lexicon_missing_in_english_too_is_a_clear_error() -> None:
    with pytest.raises(ExtractionError, match="'weather' is missing"):
        load_lexicon("weather", "en", Lexicon)


def test_a_name_that_is_not_a_plain_word_is_refused() -> None:
    with pytest.raises(ExtractionError, match="no lexicon named"):
        load_lexicon("../secrets", "en", Lexicon)


def test_an_unknown_field_in_a_lexicon_is_a_mistake() -> None:
    data = json.loads(
        resources.files("borderwatch.extraction").joinpath("data/en/numbers.json").read_text()
    )
    data["teens"] = {"thirteen": 13}
    with pytest.raises(ValidationError):
        NumberLexicon.model_validate(data)


def test_a_broken_lexicon_file_is_reported_with_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "xx"
    broken.mkdir()
    (broken / "numbers.json").write_text('{"language": "xx"', encoding="utf-8")
    monkeypatch.setattr(lexicon_module, "_data_file", lambda name, lang: broken / f"{name}.json")
    with pytest.raises(ExtractionError, match=r"xx/numbers.json is invalid"):
        load_lexicon("numbers", "xx", NumberLexicon)


def test_counted_nouns_are_lower_case_and_unique() -> None:
    quantities = load_lexicon("quantities", "en", QuantityLexicon)
    nouns = [noun for entry in quantities.counted for noun in entry.nouns]
    assert all(noun == noun.lower() for noun in nouns)
    assert len(nouns) == len(set(nouns))


def test_every_qualifier_has_bounds() -> None:
    quantities = load_lexicon("quantities", "en", QuantityLexicon)
    assert set(quantities.qualifiers.values()) <= set(quantities.bounds)
    assert all(low <= 1.0 <= high for low, high in quantities.bounds.values())
