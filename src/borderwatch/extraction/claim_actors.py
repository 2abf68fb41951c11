"""Which actors a claim gets: the participants named in its clauses, not its speakers.

- Speakers (actors inside an attribution, "Tajik authorities say") are not actors of the claim;
  a clash's sides and a statement's speakers are, from the whole sentence (`whole`).
- A clause opening with a pronoun ("they are preparing ...") takes the sentence's first actor,
  or the previous sentence's when the sentence itself opens with it; "they", "both" take all.
- A claim with no actor in its clauses takes the sentence's first actor that does not speak.
"""

from __future__ import annotations

import re

from borderwatch.extraction.document import ActorMention, AttributionMention, Document
from borderwatch.extraction.events_schema import EventLexicon
from borderwatch.extraction.spans import Span, unique_actors, within


class ClaimActors:
    """Picks a claim's actors (built once per event lexicon, for its pronouns)."""

    def __init__(self, lexicon: EventLexicon) -> None:
        pronouns = "|".join(re.escape(p) for p in sorted(lexicon.pronouns, key=len, reverse=True))
        openers = "|".join(re.escape(c) for c in lexicon.conjunctions)
        # Matched at a clause's start, up to its end.
        self._pronoun = re.compile(
            rf"\W*(?:(?:{openers})\s+)?(?P<p>{pronouns})(?!\w)", re.IGNORECASE
        )
        self._plural = {" ".join(p.lower().split()) for p in lexicon.plural_pronouns}
        self._possessive = re.compile(r"[\w-]+['’]s\s+$")

    def pick(
        self,
        doc: Document,
        sentence: Span,
        previous: Span | None,
        local: tuple[list[ActorMention], list[AttributionMention]],
        clauses: list[Span],
        whole: bool,
    ) -> list[ActorMention]:
        """The actors of a claim in `sentence` (after `previous`), from the sentence's actors
        and attributions (`local`) and the claim's `clauses`."""
        actors, attributions = local
        if whole:
            own = in_clauses = actors
        else:
            if attributions:
                speakers = [(self._speaker_start(doc.text, a), a.end) for a in attributions]
                own = [
                    a for a in actors if not any(s <= a.start and a.end <= e for s, e in speakers)
                ]
            else:
                own = actors
            in_clauses = [a for a in own if within(a, clauses)]
        first_clause = clauses[0] if clauses else sentence
        pronoun = self._pronoun.match(doc.text, first_clause[0], first_clause[1])
        if pronoun:
            plural = " ".join(pronoun.group("p").lower().split()) in self._plural
            antecedent = _antecedent(doc, sentence, previous, first_clause[0], plural)
            in_clauses = [*antecedent, *in_clauses]
        if not in_clauses:
            in_clauses = own[:1]
        return unique_actors(in_clauses) if len(in_clauses) > 1 else list(in_clauses)

    def _speaker_start(self, text: str, mention: AttributionMention) -> int:
        """Where a speaker's name starts, with its owner ("Tajikistan's State Committee")."""
        before = text[max(0, mention.start - 40) : mention.start]
        if not before[-1:].isspace() or ("'s" not in before and "’s" not in before):
            return mention.start  # no "'s " right before it: the regex would find nothing
        owner = self._possessive.search(text, max(0, mention.start - 40), mention.start)
        return owner.start() if owner else mention.start


def _antecedent(
    doc: Document, sentence: Span, previous: Span | None, at: int, plural: bool
) -> list[ActorMention]:
    """The actor a pronoun opening a clause refers to: the sentence's subject, or the previous
    sentence's when the pronoun opens the sentence; all of them for "they"."""
    if at > sentence[0]:
        earlier = [a for a in doc.actors if sentence[0] <= a.start < at]
    elif previous is None:
        return []
    else:
        earlier = [a for a in doc.actors if previous[0] <= a.start < previous[1]]
    return earlier if plural else earlier[:1]
