"""A light language detector: the script, then function words and letters unique to a language."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field

from borderwatch.errors import IntakeError

UNDETERMINED = "und"
_WORD = re.compile(r"\w+")


class LanguageProfile(BaseModel):
    """What marks one language: its script, its own letters and its commonest words."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str
    script: str
    letters: str
    stopwords: list[str]


class LanguageProfiles(BaseModel):
    """The data file `intake/data/languages.json` with its stated source."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field(min_length=1)
    languages: list[LanguageProfile]


@cache
def profiles() -> LanguageProfiles:
    """The language profiles shipped with borderwatch, checked against their schema."""
    path = resources.files("borderwatch.intake").joinpath("data/languages.json")
    try:
        return LanguageProfiles.model_validate_json(path.read_text("utf-8"))
    except ValueError as exc:
        raise IntakeError(f"intake/data/languages.json does not match its schema: {exc}") from exc


def detect_language(text: str) -> str:
    """ "en", "ru", "fa", "tg" (or whatever the profiles list), or "und" when unsure."""
    sample = text[:5000]
    script = _script(sample)
    if script is None:
        return UNDETERMINED
    candidates = [p for p in profiles().languages if p.script == script]
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return UNDETERMINED
    best, best_score = UNDETERMINED, 0.0
    for profile in candidates:
        score = _score(profile, words, sample.lower())
        if score > best_score:
            best, best_score = profile.code, score
    return best


def _score(profile: LanguageProfile, words: list[str], lowered: str) -> float:
    stopwords = set(profile.stopwords)
    hits = sum(1 for w in words if w in stopwords) / len(words)
    letters = sum(lowered.count(ch) for ch in profile.letters) / max(len(lowered), 1)
    # Own letters weigh more than shared function words: Tajik and Russian share many of those.
    score = hits + 10 * letters
    return score if score >= 0.04 else 0.0


def _script(sample: str) -> str | None:
    counts = {"latin": 0, "cyrillic": 0, "arabic": 0}
    for ch in sample:
        if not ch.isalpha():
            continue
        code = ord(ch)
        if code < 0x250:
            counts["latin"] += 1
        elif 0x400 <= code < 0x530:
            counts["cyrillic"] += 1
        elif 0x600 <= code < 0x700 or 0xFB50 <= code < 0xFF00:
            counts["arabic"] += 1
    script, count = max(counts.items(), key=lambda item: item[1])
    return script if count >= 3 else None
