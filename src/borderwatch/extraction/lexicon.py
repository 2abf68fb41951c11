"""Lexicon data files of the extraction components: loading per language and their schemas."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from borderwatch.errors import ExtractionError

FALLBACK_LANGUAGE = "en"


class Lexicon(BaseModel):
    """What every lexicon file states: its language and where its words come from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    language: str = Field(min_length=2)
    source: str = Field(min_length=1)
    description: str = ""


L = TypeVar("L", bound=Lexicon)


def regexes(description: str) -> Any:
    """A lexicon field holding a list of regular expressions (none by default)."""
    return Field(default=[], description=f"regexes: {description}")


def load_lexicon(name: str, language: str, model: type[L]) -> L:
    """The lexicon `data/<language>/<name>.json` checked against `model` (read once).

    A language without that file falls back to English, so a new language can start with the
    language-neutral parts (digits, ISO dates) before its words are written.
    """
    key = (name, language, model)
    if key not in _LOADED:
        _LOADED[key] = _read(name, language, model)
    lexicon = _LOADED[key]
    if not isinstance(lexicon, model):  # pragma: no cover - the cache is keyed by model
        raise ExtractionError(f"lexicon {name!r} is not a {model.__name__}")
    return lexicon


def has_lexicon(name: str, language: str) -> bool:
    """Whether `data/<language>/<name>.json` exists."""
    return _data_file(name, language).is_file()


# Lexicons are immutable data; reading each once per process keeps components cheap to build.
_LOADED: dict[tuple[str, str, type[Lexicon]], Lexicon] = {}


def _read(name: str, language: str, model: type[L]) -> L:
    path = _data_file(name, language)
    if not path.is_file():
        if language == FALLBACK_LANGUAGE:
            raise ExtractionError(f"lexicon {name!r} is missing for language {language!r}")
        return load_lexicon(name, FALLBACK_LANGUAGE, model)
    try:
        return model.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, ValidationError) as exc:
        first = str(exc).splitlines()[0]
        raise ExtractionError(f"lexicon {language}/{name}.json is invalid: {first}") from exc


def _data_file(name: str, language: str) -> resources.abc.Traversable:
    if not name.replace("_", "").isalnum() or not language.replace("-", "").isalnum():
        raise ExtractionError(f"no lexicon named {name!r} for language {language!r}")
    return resources.files("borderwatch.extraction").joinpath("data", language, f"{name}.json")


# --- numbers.json ------------------------------------------------------------------------


class VagueAmount(BaseModel):
    """A vague figure ("dozens", "several"): the value we record and the range it stands for."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    low: float = Field(gt=0)
    value: float = Field(gt=0)
    high: float = Field(gt=0)


class NumberLexicon(Lexicon):
    """Number words, scales, fractions and vague amounts of one language."""

    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    article_words: list[str] = Field(description="'a' as in 'a thousand'")
    joiners: list[str] = Field(description="'and' as in 'two hundred and fifty'")
    fractions: dict[str, int] = Field(description="denominator words: third -> 3")
    vague_plurals: dict[str, VagueAmount]
    vague_multipliers: dict[str, VagueAmount]
    percent_words: list[str]
    decimal_mark: Literal[".", ","]


# --- dates.json --------------------------------------------------------------------------


class DayPart(BaseModel):
    """A part of a month ("early", "mid", "late"): first and last day, 31 meaning month end."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    first: int = Field(ge=1, le=31)
    last: int = Field(ge=1, le=31)


class DateLexicon(Lexicon):
    """Month and weekday names and the relative time words of one language."""

    months: dict[str, int]
    ambiguous_months: list[str] = Field(description="month names that are also common words")
    month_prepositions: list[str]
    weekdays: dict[str, int] = Field(description="0 = Monday")
    weekday_abbreviations: dict[str, int] = Field(
        default={}, description="'sun', 'sat': a weekday only after 'since', 'on', 'last' ..."
    )
    weekday_nouns: list[str] = Field(
        default=[], description="'market' in 'Saturday market': the weekday names a thing"
    )
    ordinal_suffixes: list[str]
    relative_days: dict[str, int] = Field(description="today: 0, yesterday: -1")
    nights: list[str] = Field(description="the night ending on the reference date")
    night_words: list[str]
    parts_of_day: list[str]
    weekday_last: list[str]
    weekday_next: list[str]
    weekday_this: list[str]
    periods: dict[
        str,
        Literal[
            "this_week",
            "last_week",
            "past_week",
            "this_month",
            "last_month",
            "this_year",
            "last_year",
        ],
    ]
    parts_of_month: dict[str, DayPart]
    since_words: list[str]
    range_starts: list[str]
    range_joiners: list[str]
    offset_units: dict[str, int] = Field(description="day: 1, week: 7")
    offsets_back: list[str] = Field(description="'ago', 'earlier': before the anchor")
    offsets_forward: list[str] = Field(description="'later': after the anchor")
    offsets_after: list[str] = Field(description="'after': before the anchor, or after it")
    offset_counts: list[str] = Field(description="'a' as in 'a day after'; digits and numbers too")
    anchored_days: dict[str, int] = Field(description="'the next day': +1")
    reference_labels: list[str] = Field(
        default=[], description="'Date:' opening a line: the date after it is the new reference"
    )
    future_markers: list[str] = Field(
        default=[], description="'is due to': a weekday in the sentence is the next one"
    )
    speech_verbs: list[str] = Field(
        default=[], description="'said' before a weekday: the day it was said, not a future one"
    )
    year_prepositions: list[str]


# --- quantities.json ---------------------------------------------------------------------


class CountedNoun(BaseModel):
    """A unit and the nouns (singular and plural, one or more words) that count in it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    unit: str = Field(min_length=1)
    nouns: list[str] = Field(min_length=1)


class QuantityLexicon(Lexicon):
    """Qualifier phrases, counted nouns and the words that mark a number as not a quantity."""

    qualifiers: dict[str, Literal["about", "more_than", "at_least", "less_than", "up_to"]]
    particles: dict[str, list[str]] = Field(
        default={},
        description="a qualifier word that is a particle after these verbs: 'handed over'",
    )
    bounds: dict[str, tuple[float, float]] = Field(
        description="qualifier -> (low, high) as multiples of the stated figure"
    )
    counted: list[CountedNoun]
    measure_units: list[str] = Field(description="units whose 'of' is what they measure")
    measure_adjectives: list[str] = Field(description="'long' in '1,357-kilometer-long'")
    partitive_heads: list[str] = Field(description="'members' in 'members of the force'")
    determiners: list[str]
    stop_words: list[str] = Field(description="words that end the counted noun phrase")
    reference_words: list[str] = Field(
        description="'article' 5, 'resolution' 2593; also 'not' 60 (a figure set right)"
    )
    time_words: list[str] = Field(description="'pm' and 'GMT' after a clock time")
    clock_prepositions: list[str] = Field(
        default=[], description="'since' in 'since 0300': four digits after one are a time"
    )
    range_joiners: list[str]
    between_words: list[str]
    ignored_units: list[str] = Field(description="units that are not claim figures (durations)")
    least_uncounted: float = Field(
        ge=0, description="smallest figure kept when it counts no noun of the lexicon"
    )
    default_unit: str
    fraction_unit: str
