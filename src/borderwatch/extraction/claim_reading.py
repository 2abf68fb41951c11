"""What claim assembly reads once per report: its claimable sentences' mentions by where they
start, and the places that only say where a speaker is."""

from __future__ import annotations

import re
from typing import Any

from borderwatch.extraction.document import (
    ActorMention,
    AttributionMention,
    DateMention,
    Document,
    PlaceMention,
    QuantityMention,
    TriggerMention,
)
from borderwatch.extraction.spans import ByStart, Span

# A bare dateline: a place in capitals opening the report, a dash after it or after a comma and
# a short date ("KHOROG -", "FAYZABAD, Aug 2 -").
_BARE_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)*)(?:,[^\n.]{0,30}?)?[ \t]+[-\u2013\u2014][ \t]"
)
Indexes = tuple[ByStart[Any], ...]


class Local:
    """The mentions of one sentence (a plain class: one is made per sentence with triggers,
    and per trigger the learned claim finder adds)."""

    __slots__ = ("actors", "attributions", "dates", "places", "quantities", "triggers")

    def __init__(
        self,
        triggers: list[TriggerMention],
        places: list[PlaceMention],
        actors: list[ActorMention],
        quantities: list[QuantityMention],
        dates: list[DateMention],
        attributions: list[AttributionMention],  # those that name a source in the sentence
    ) -> None:
        self.triggers, self.places, self.actors = triggers, places, actors
        self.quantities, self.dates, self.attributions = quantities, dates, attributions


class Sentence:
    """A sentence with its paragraph's start and, once it shows triggers, its clauses."""

    __slots__ = ("clauses", "end", "paragraph", "start")

    def __init__(self, start: int, end: int, clauses: tuple[Span, ...], paragraph: int) -> None:
        self.start, self.end, self.clauses, self.paragraph = start, end, clauses, paragraph


def speaker_places(doc: Document, speaker_place: re.Pattern[str], spoken: set[int]) -> set[int]:
    """Where the places start that only say where a speaker or the reporter is: after a
    speaker ("Afghan officials in Faizabad said"), before a speech verb (`spoken`: "a teacher
    in Kalai-Khumb said"), or a bare dateline ("FAYZABAD - Taliban fighters overran ...")."""
    text = doc.text
    where = {m.end() for a in doc.attributions if a.text if (m := speaker_place.match(text, a.end))}
    where.update(spoken)
    head = _BARE_DATELINE.match(text)
    if head is not None:
        where.add(head.start("place"))
    return where


def mention_indexes(doc: Document, where: set[int]) -> Indexes:
    """The document's mentions by where they start, in `Local`'s order; a place starting at
    one of `where` (a speaker's, `speaker_places`) is none of a claim's."""
    places = [p for p in doc.places if p.start not in where]
    return (
        ByStart(doc.triggers), ByStart(places), ByStart(doc.actors),
        ByStart(doc.quantities), ByStart([d for d in doc.dates if d.value is not None]),
        ByStart([a for a in doc.attributions if a.text]),
    )  # fmt: skip


class InOrder:
    """Sources in the order they were found, when that is not the order of their starts."""

    def __init__(self, items: list[AttributionMention]) -> None:
        self.items = items

    def between(self, start: int, end: int) -> list[AttributionMention]:
        """The sources starting in [start, end), in the order they were found."""
        return [a for a in self.items if start <= a.start < end]
