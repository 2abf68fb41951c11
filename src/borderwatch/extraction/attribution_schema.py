"""The attribution lexicon's schema: `data/<lang>/attribution.json` (a module of its own so
that `attribution` compiles with mypyc)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from borderwatch.extraction.lexicon import Lexicon


class Source(BaseModel):
    """A publisher or an originator with its canonical name and its spellings."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    kind: Literal["media", "official"]
    aliases: list[str] = Field(min_length=1)


class AttributionLexicon(Lexicon):
    """`data/<lang>/attribution.json`."""

    sources: list[Source]
    cues_before: list[str]
    cues_after: list[str]
    outer_cues: list[str]
    speech_verbs: list[str]
    backref_nouns: list[str]
    backref_pronouns: list[str]
    speaker_prefixes: list[str]
    articles: list[str]
    dateline_pattern: str
    letterhead_patterns: list[str]
    phrase_cues: list[str] = Field(
        default=[],
        description="'according to', 'per': a phrase after one that ends the "
        "sentence is its speaker",
    )
