"""Which of a sentence's triggers make which claims (used by `claims.ClaimAssembler`).

- A trigger whose rule yields to a type found in the sentence gives way ("reservists to
  reinforce the frontier" is the call-up, not a deployment).
- A type whose every trigger only describes a participant ("families fleeing the fighting")
  gives way to the sentence's other events.
- `other` (a state of people) gives way to another event of its clause, not to one told of a
  participant or as a cause after it ("the soldiers who crossed on Monday were being held at a
  post", "detained 11 Afghans after they crossed the Panj").
- Triggers of one type are one claim, split where a subordinate clause starts ("X fell on
  Monday, hours after the militants overran Y") and where a relative clause tells an event of
  its own ("1,100 servicemen who had crossed since 5 July were returned"). A statement or a
  clash takes its whole sentence: one claim.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from borderwatch.extraction.document import TriggerMention
from borderwatch.extraction.events_schema import EventLexicon
from borderwatch.extraction.patterns import any_of, word_regex
from borderwatch.types import EventType

Groups = dict[EventType, list[TriggerMention]]
WHOLE_SENTENCE = frozenset({EventType.ARMED_CLASH, EventType.DIPLOMATIC_STATEMENT_OR_SUPPORT})
# How far before a trigger its relative or participle opener may stand.
_OPENER_REACH = 25


class TriggerGroups:
    """Groups a sentence's triggers into claims (built once per lexicon)."""

    def __init__(self, lexicon: EventLexicon) -> None:
        self._yields = {rule.id: frozenset(rule.yields_to) for rule in lexicon.rules}
        self._subordinate = re.compile(any_of(lexicon.subordinate_breaks), re.IGNORECASE)
        self._relative = word_regex(lexicon.relative_openers, r"\s+$")
        self._participle = word_regex(lexicon.participle_openers, r"\s+$")

    def describes(self, text: str, trigger: TriggerMention) -> bool:
        """Whether a trigger opens a relative clause ("the soldiers who crossed ...")."""
        start = max(0, trigger.start - _OPENER_REACH)
        return self._relative.search(text, start, trigger.start) is not None

    def main_types(self, text: str, triggers: list[TriggerMention]) -> Groups:
        """The sentence's triggers by type, without those that give way (module docstring).
        An event told in a relative clause ("Khahan, which fell to the Taliban on Sunday") is
        a claim of its own: one claim per trigger per clause, as the gold rules say."""
        if len(triggers) == 1:  # a lone trigger yields to no type of its own sentence
            return {triggers[0].event_type: [triggers[0]]}
        present = {t.event_type for t in triggers if not self._yields.get(t.rule)}
        by_type: Groups = {}
        for trigger in triggers:
            if not self._yields.get(trigger.rule, frozenset()) & present:
                by_type.setdefault(trigger.event_type, []).append(trigger)
        if len(by_type) < 2:  # a lone type stays whether or not it is described
            return by_type
        described = {
            t: all(
                self._participle.search(text, max(0, g.start - _OPENER_REACH), g.start)
                for g in group
            )
            for t, group in by_type.items()
        }
        if not all(described.values()):
            by_type = {t: g for t, g in by_type.items() if not described[t]}
        states = by_type.get(EventType.OTHER)
        if states and len(by_type) > 1 and not self._aside(text, by_type, states[0].end):
            by_type.pop(EventType.OTHER)
        return by_type

    def events_of(
        self, text: str, span: tuple[int, int], triggers: list[TriggerMention]
    ) -> list[list[TriggerMention]]:
        """Triggers of one type in the sentence at `span`, split into claims."""
        if len(triggers) == 1 or triggers[0].event_type in WHOLE_SENTENCE:
            return [triggers]
        cuts = [m.start() for m in self._subordinate.finditer(text, *span)]
        parts: dict[tuple[int, bool], list[TriggerMention]] = {}
        for trigger in triggers:
            key = (bisect_left(cuts, trigger.start), self.describes(text, trigger))
            parts.setdefault(key, []).append(trigger)
        return list(parts.values())

    def _aside(self, text: str, by_type: Groups, after: int) -> bool:
        """Whether every event but `other` is told of a participant or as a cause after it."""
        return all(
            self.describes(text, g) or self._subordinate.search(text, after, g.start)
            for t, group in by_type.items()
            if t is not EventType.OTHER
            for g in group
        )
