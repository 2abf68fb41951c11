"""Event-type triggers: the rules of `data/<lang>/events.json` and the closed list of types."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from borderwatch.extraction.document import Document, TriggerMention
from borderwatch.extraction.lexicon import Lexicon, load_lexicon
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
    rules: list[TriggerRule]


@cache
def event_types() -> dict[EventType, EventTypeInfo]:
    """The closed list of event types, checked to cover every `EventType` exactly once."""
    path = resources.files("borderwatch.extraction").joinpath("data", "event_types.json")
    listed = EventTypeList.model_validate(json.loads(path.read_text(encoding="utf-8")))
    types = {info.id: info for info in listed.types}
    if len(types) != len(listed.types) or set(types) != set(EventType):
        raise ValueError("event_types.json must list every event type exactly once")
    return types


_GAP = re.compile(r"\{(\d+)\}")


def first_words(pattern: str) -> set[str]:
    """The letters every match of a rule pattern can start with ("took", "provid"): the first
    word of each alternative of a leading group, and what follows an optional one."""
    pattern = pattern.strip()
    if not pattern.startswith("(?:"):
        return {re.match(r"[a-z'-]*", pattern).group()}  # type: ignore[union-attr]
    depth, end = 0, 0
    for end, char in enumerate(pattern):  # noqa: B007 - `end` is read after the loop
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            break
    inner, rest = pattern[3:end], pattern[end + 1 :]
    alternatives, depth, start = [], 0, 0
    for i, char in enumerate(inner):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            alternatives.append(inner[start:i])
            start = i + 1
    alternatives.append(inner[start:])
    found = set().union(*(first_words(a) for a in alternatives))
    if rest.startswith("?"):
        found |= first_words(rest[1:])
    return found


def compile_pattern(pattern: str) -> str:
    """A rule pattern as a regex: a space is any whitespace, `{N}` skips up to N words."""
    out: list[str] = []
    parts = pattern.split(" ")
    for i, part in enumerate(parts):
        gap = _GAP.fullmatch(part)
        if gap:
            out.append(rf"(?:[^\s.;]+\s+){{0,{gap.group(1)}}}?")
            continue
        out.append(part)
        if i < len(parts) - 1:
            out.append(r"\s+")
    return r"(?<![\w-])(?:" + "".join(out) + r")(?![\w-])"


class EventComponent:
    """Finds trigger phrases: fills `doc.triggers` in text order."""

    name: str = "events"
    adds: tuple[str, ...] = ("triggers",)

    def __init__(self, language: str = "en") -> None:
        lexicon = load_lexicon("events", language, EventLexicon)
        self.lexicon = lexicon
        self.arguments = lexicon.arguments
        self.rules = {rule.id: rule for rule in lexicon.rules}
        # One regex per type keeps the scans few; a named group per rule tells which matched.
        # Patterns are lower case and run on the lowered text: twice as fast as IGNORECASE,
        # which stays for the rare text whose lowering changes its length.
        self._by_type: list[re.Pattern[str]] = []
        self._by_type_folded: list[re.Pattern[str]] = []
        # Every match starts with one of these letters: try the rules only where one stands.
        starts = set().union(*(first_words(r.pattern) for r in lexicon.rules)) - {""}
        alternatives = "|".join(re.escape(w) for w in sorted(starts, key=len, reverse=True))
        self._starts = re.compile(rf"(?<![\w-])(?:{alternatives})")
        for event_type in EventType:
            rules = [r for r in lexicon.rules if r.type == event_type]
            if rules:
                alternatives = "|".join(
                    f"(?P<{_group(r.id)}>{compile_pattern(r.pattern)})" for r in rules
                )
                self._by_type.append(re.compile(alternatives))
                self._by_type_folded.append(re.compile(alternatives, re.IGNORECASE))
        negators = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in lexicon.negators)
        self._negated = re.compile(rf"(?<![\w-])(?:{negators})\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
        self._exempt = set(lexicon.negation_exempt)

    def __call__(self, doc: Document) -> Document:
        triggers: list[TriggerMention] = []
        lowered = doc.text.lower()
        same = len(lowered) == len(doc.text)
        text = lowered if same else doc.text
        patterns = self._by_type if same else self._by_type_folded
        ends = [0] * len(patterns)
        for start in (m.start() for m in self._starts.finditer(lowered)):
            for i, pattern in enumerate(patterns):
                match = pattern.match(text, start) if start >= ends[i] else None
                if match is None:
                    continue
                ends[i] = match.end()
                rule = self.rules[_rule_id(match.lastgroup or "")]
                start, end = match.span()
                if rule.type not in self._exempt and self._negated.search(
                    doc.text, max(0, start - 30), start
                ):
                    continue
                triggers.append(TriggerMention(start, end, doc.text[start:end], rule.type, rule.id))
        triggers.sort(key=lambda t: t.start)
        doc.triggers = triggers
        return doc

    def strength(self, trigger: TriggerMention) -> float:
        """How strongly the trigger's rule signals its event type."""
        return self.rules[trigger.rule].strength


def _group(rule_id: str) -> str:
    return "r_" + rule_id.replace("-", "__")


def _rule_id(group: str) -> str:
    return group[2:].replace("__", "-")
