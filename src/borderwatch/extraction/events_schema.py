"""The event lexicon's schemas: `data/<lang>/events.json` and `data/event_types.json` (a module
of its own so that `events` compiles with mypyc)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from borderwatch.extraction.lexicon import Lexicon, regexes
from borderwatch.types import EventType

Argument = Literal["actor", "place", "date", "quantity"]


class EventTypeInfo(BaseModel):
    """One event type of DESIGN.md with its ACLED export mapping and a one-line definition."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: EventType
    acled_event_type: str
    acled_sub_event_type: str
    definition: str


class EventTypeList(BaseModel):
    """`data/event_types.json`: every event type exactly once."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str
    types: list[EventTypeInfo]


class ArgumentSpec(BaseModel):
    """Which arguments a claim of a type needs to be complete and which it may have."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    required: list[Argument]
    optional: list[Argument]


class TriggerRule(BaseModel):
    """A trigger phrase: a whole-word pattern, its event type and how strongly it signals it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    type: EventType
    pattern: str = Field(min_length=2)
    strength: float = Field(gt=0, le=1)
    yields_to: list[EventType] = Field(
        default=[], description="types whose trigger in the same sentence makes this one moot"
    )
    place: Literal["after", "before", "beside"] | None = Field(
        default=None,
        description="the match counts only with a place name right after it ('took Khwahan', "
        "'the' between allowed), right before it ('Wakhan district fell') or either",
    )


class EventLexicon(Lexicon):
    """`data/<lang>/events.json`."""

    arguments: dict[EventType, ArgumentSpec]
    clause_breaks: list[str] = Field(description="regexes: where a sentence splits into clauses")
    negators: list[str] = Field(description="words right before a trigger that cancel it")
    negation_exempt: list[EventType] = Field(description="types whose negation is still news")
    conjunctions: list[str] = Field(description="words a clause may open with before a pronoun")
    pronouns: list[str] = Field(description="a clause opening with one refers back")
    plural_pronouns: list[str] = Field(description="refer back to every actor, not the first")
    min_confidence: float = Field(ge=0, le=1, description="weaker claims are dropped")
    subordinate_breaks: list[str] = regexes("clause breaks that start another event's clause")
    relative_openers: list[str] = regexes(
        "a trigger after one is told in a relative clause (its own claim, "
        "but its date does not date the main clause)"
    )
    participle_openers: list[str] = regexes(
        "a trigger after one only describes a participant ('families "
        "fleeing the fighting'): no claim beside another event of the sentence"
    )
    speculation: list[str] = regexes("before a trigger in its clause, no assertion")
    speaker_place: str = Field(
        default="",
        description="regex right after a speaker's name: a place after it says where the "
        "speaker is ('officials in Faizabad said'), not where the event was",
    )
    place_then_speech: str = Field(
        default="",
        description="regex right after a place: the place says where a speaker is ('a "
        "teacher in Kalai-Khumb said', 'residents of Vanj told Asia-Plus')",
    )
    scenario: list[str] = regexes(
        "before a trigger in its clause, the event is a drill's scenario "
        "('units practised destroying a group that had crossed'): no claim but an exercise"
    )
    destination_before: list[str] = regexes(
        "right before a place, it is where people went ('towards', "
        "'arrived in'): a movement inside one country is displacement (displacement.py)"
    )
    crossing_words: list[str] = regexes("in a sentence, a border was crossed ('crossed', 'border')")
    recap: list[str] = regexes(
        "before a trigger in its sentence, the sentence recalls what was "
        "told before ('It will be recalled that ...', 'As is known, ...'): no new claim"
    )
    refuted: list[str] = regexes(
        "a frame that, holding a trigger, says it did not happen "
        "('reports that fighters crossed ... are false')"
    )
    present: list[str] = regexes(
        "a clause with one and no date of its own is dated by the report "
        "('are now stuck on the Tajik side'), not by the narrative before it"
    )
    comment_headings: list[str] = regexes("a line that starts the readers' comments")
    comment_lines: list[str] = regexes("how a reader's comment line opens (a user handle)")
    rules: list[TriggerRule]
