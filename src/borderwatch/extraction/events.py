"""Event-type triggers: the rules of `data/<lang>/events.json` and the closed list of types."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from borderwatch.extraction.document import Document, TriggerMention
from borderwatch.extraction.events_schema import (
    EventLexicon,
    EventTypeInfo,
    EventTypeList,
    TriggerRule,
)
from borderwatch.extraction.lexicon import load_lexicon
from borderwatch.extraction.patterns import top_level_alternatives, trie_pattern
from borderwatch.extraction.words import Prefixes, opening_words, search, word_starts
from borderwatch.types import EventType


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
# A part ending with a run of word characters ("[a-z'-]+"), where a space follows.
_WORD_RUN = re.compile(r"\[(?:a-z|\\w|['-])+\]\+$")
_WORD = re.compile(r"[a-z'-]*")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz'-")
_Types = tuple[tuple[int, re.Pattern[str]], ...]


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
    found = set().union(*(first_words(a) for a in top_level_alternatives(inner)))
    if rest.startswith("?"):
        found |= first_words(rest[1:])
    return found


def leading_letters(pattern: str) -> set[str]:
    """Letters every match of a rule pattern surely starts with: like `first_words`, but a
    letter a quantifier makes optional ("troops?") is left out, and so is what an unknown
    shape hides, down to "" (a match may start anywhere)."""
    pattern = pattern.strip()
    alternatives = top_level_alternatives(pattern)
    if len(alternatives) > 1:
        return set().union(*(leading_letters(a) for a in alternatives))
    if not pattern.startswith("(?:"):
        word = re.match(r"[a-z'-]*", pattern).group()  # type: ignore[union-attr]
        return {word[:-1] if pattern[len(word) : len(word) + 1] in ("?", "*", "{") else word}
    depth = 0
    for end, char in enumerate(pattern):  # noqa: B007 - `end` is read after the loop
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            break
    found, rest = leading_letters(pattern[3:end]), pattern[end + 1 :]
    if rest.startswith(("?", "*")):
        found |= leading_letters(rest[1:])
    elif rest.startswith("{"):
        found.add("")
    return found


def compile_pattern(pattern: str) -> str:
    """A rule pattern as a regex: a space is any whitespace, `{N}` skips up to N words."""
    out: list[str] = []
    parts = pattern.split(" ")
    for i, part in enumerate(parts):
        gap = _GAP.fullmatch(part)
        if gap:
            # A skipped word is possessive (`++`): only whitespace may follow it, so giving
            # back its letters never leads to a match, and the regex would try each in turn.
            out.append(rf"(?:[^\s.;]++\s+){{0,{gap.group(1)}}}?")
            continue
        if i < len(parts) - 1 and _WORD_RUN.search(part):
            part += "+"  # possessive: whitespace follows, which the run's letters are not
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
        self._starts = re.compile(rf"(?<![\w-])(?:{trie_pattern(starts)})")
        self._first = frozenset(starts)
        self._start_words = Prefixes(starts)
        # Per type, its rules with the letters their matches start with; per word, the types
        # that may match there, each with a regex of only the rules that may (same answers).
        self._type_rules: list[list[tuple[TriggerRule, tuple[str, ...]]]] = []
        self._types_at_word: dict[str, tuple[int, _Types]] = {}
        self._patterns_of: dict[tuple[str, ...], re.Pattern[str]] = {}
        for event_type in EventType:
            # A rule that needs a place beside it comes last: tried first, its match would hide
            # the other rules' at the same start whenever no place is there.
            of_type = [r for r in lexicon.rules if r.type == event_type]
            rules = sorted(of_type, key=lambda r: r.place is not None)
            if rules:
                alternatives = "|".join(
                    f"(?P<{_group(r.id)}>{compile_pattern(r.pattern)})" for r in rules
                )
                self._by_type.append(re.compile(alternatives))
                self._by_type_folded.append(re.compile(alternatives, re.IGNORECASE))
                self._type_rules.append([(r, tuple(leading_letters(r.pattern))) for r in rules])
        self._rule_of_group = {_group(r.id): r for r in lexicon.rules}
        negators = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in lexicon.negators)
        self._negated = re.compile(rf"(?<![\w-])(?:{negators})\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
        self._negator_words = opening_words(lexicon.negators)
        self._exempt = set(lexicon.negation_exempt)

    def __call__(self, doc: Document) -> Document:
        triggers: list[TriggerMention] = []
        lowered = doc.text.lower()
        same = len(lowered) == len(doc.text)
        text = lowered if same else doc.text
        ends = [0] * len(self._by_type)
        places: _PlaceEdges | None = None
        for start, types in self._trigger_starts(doc, lowered):
            for i, pattern in types:
                match = pattern.match(text, start) if start >= ends[i] else None
                if match is None:
                    continue
                rule = self._rule_of_group[match.lastgroup or ""]
                if rule.place is not None:
                    places = places or _PlaceEdges(doc)
                    if not places.beside(text, match.span(), rule.place):
                        continue
                ends[i] = match.end()
                start, end = match.span()
                if rule.type not in self._exempt and search(
                    self._negated, doc, self._negator_words, max(0, start - 30), start
                ):
                    continue
                triggers.append(TriggerMention(start, end, doc.text[start:end], rule.type, rule.id))
        doc.triggers = _outermost(triggers)
        return doc

    def _trigger_starts(self, doc: Document, lowered: str) -> list[tuple[int, _Types]]:
        """Where a trigger may start (`self._starts.finditer(lowered)`), each with the types
        that may match there; tried only at the words a rule may start with, and there told
        apart by the word (what `self._starts` would match is remembered per word)."""
        if word_starts(doc).offsets is None or len(lowered) != len(doc.text):
            starts = [m.start() for m in self._starts.finditer(lowered)]
            if len(lowered) != len(doc.text):
                every_type = tuple(enumerate(self._by_type_folded))
                return [(start, every_type) for start in starts]
            return [(start, self._at_word(lowered, start)[1]) for start in starts]
        # Each selected word's offsets, by where they start: its letters need no regex.
        offsets = word_starts(doc).offsets or {}
        word_at = {at: word for word in self._start_words.select(offsets) for at in offsets[word]}
        found: list[tuple[int, _Types]] = []
        resume = 0
        for offset in sorted(word_at):
            if offset < resume:
                continue
            word = word_at[offset]
            after = offset + len(word)
            if after < len(lowered) and lowered[after] in _WORD_CHARS:  # "cross-border"
                word = _WORD.match(lowered, offset).group()  # type: ignore[union-attr]
            size, types = self._types_at_word.get(word) or self._at(word)
            # `self._starts` opens with (?<![\w-]): no start right after a letter, digit, "_"
            # or hyphen (`\w` is what `str.isalnum` says of one character, and "_")
            before = lowered[offset - 1] if offset else " "
            if size and not (before.isalnum() or before in "_-"):
                found.append((offset, types))
                resume = offset + size
        return found

    def _at_word(self, lowered: str, start: int) -> tuple[int, _Types]:
        """`_at` of the word at `start`."""
        return self._at(_WORD.match(lowered, start).group())  # type: ignore[union-attr]

    def _at(self, word: str) -> tuple[int, _Types]:
        """For a word: how long a match of `self._starts` at its start is (its longest first
        word that begins the word, 0 if none), and the types whose rules can match there,
        each with the regex of just those rules (remembered per word)."""
        known = self._types_at_word.get(word)
        if known is None:
            if len(self._types_at_word) > 100_000:
                self._types_at_word.clear()
            size = next((k for k in range(len(word), 0, -1) if word[:k] in self._first), 0)
            found = []
            for i, rules in enumerate(self._type_rules):
                ids = tuple(rule.id for rule, letters in rules if word.startswith(letters))
                if ids:
                    found.append((i, self._pattern_of(ids)))
            known = self._types_at_word[word] = (size, tuple(found))
        return known

    def _pattern_of(self, ids: tuple[str, ...]) -> re.Pattern[str]:
        """One regex for these rules of one type, in their order (compiled once)."""
        pattern = self._patterns_of.get(ids)
        if pattern is None:
            pattern = self._patterns_of[ids] = re.compile(
                "|".join(f"(?P<{_group(i)}>{compile_pattern(self.rules[i].pattern)})" for i in ids)
            )
        return pattern

    def strength(self, trigger: TriggerMention) -> float:
        """How strongly the trigger's rule signals its event type."""
        return self.rules[trigger.rule].strength


class _PlaceEdges:
    """Where the document's place names start and end, for rules that need one beside them."""

    _AFTER = re.compile(r"\s+(?:the\s+)?")
    _BEFORE = re.compile(r"\s*[:\u2013-]?\s+$")

    def __init__(self, doc: Document) -> None:
        self._starts = {p.start for p in doc.places}
        self._ends = {p.end for p in doc.places}

    def beside(self, text: str, span: tuple[int, int], side: str) -> bool:
        if side != "before":
            gap = self._AFTER.match(text, span[1])
            if gap is not None and gap.end() in self._starts:
                return True
        if side != "after":
            gap = self._BEFORE.search(text, max(0, span[0] - 5), span[0])
            return gap is not None and gap.start() in self._ends
        return False


def _outermost(triggers: list[TriggerMention]) -> list[TriggerMention]:
    """Triggers in text order without those inside a longer trigger of another type: the
    longer phrase says more ("inspection of combat readiness" is an exercise, not a call-up)."""
    triggers.sort(key=lambda t: (t.start, t.start - t.end))
    kept: list[TriggerMention] = []
    for trigger in triggers:
        if not _inside_another(trigger, kept[-4:]):
            kept.append(trigger)
    return kept


def _inside_another(trigger: TriggerMention, kept: list[TriggerMention]) -> bool:
    """Whether a trigger lies inside one of `kept` of another type (a loop, not any(): asked
    per trigger)."""
    for k in kept:
        if k.start <= trigger.start and trigger.end <= k.end and k.event_type != trigger.event_type:
            return True
    return False


def _group(rule_id: str) -> str:
    return "r_" + rule_id.replace("-", "__")
