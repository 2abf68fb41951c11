"""Mentions by where they start: a sentence's share of them, which fall in its clauses, and
which of them a claim keeps (its figures and places)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from operator import attrgetter
from typing import Generic, Protocol, TypeVar

from borderwatch.extraction.document import (
    ActorMention,
    Claim,
    PlaceMention,
    QuantityMention,
    TriggerMention,
)
from borderwatch.types import EventType

Span = tuple[int, int]
# What a convoy carries: a crossing that counts only these is aid delivered, not people moving.
_GOODS = frozenset({"vehicle", "tonne", "item", "litre"})


class Spanned(Protocol):
    """Anything with a start offset in the text."""

    @property
    def start(self) -> int:
        """Where it starts."""
        ...


M = TypeVar("M", bound=Spanned)
_START = attrgetter("start")


class ByStart(Generic[M]):
    """Mentions sorted by where they start, to take a sentence's share in log time."""

    def __init__(self, items: Sequence[M]) -> None:
        self.items = sorted(items, key=_START)
        self._starts = list(map(_START, self.items))

    def between(self, start: int, end: int) -> list[M]:
        """The mentions starting in [start, end)."""
        return self.items[bisect_left(self._starts, start) : bisect_left(self._starts, end)]


def within(mention: Spanned, spans: Sequence[Span]) -> bool:
    """Whether a mention starts in one of `spans`."""
    start = mention.start
    for a, b in spans:  # noqa: SIM110 - a loop, not any(): asked for every mention of every claim
        if a <= start < b:
            return True
    return False


def holding(spans: Sequence[Span], offsets: list[int]) -> list[Span]:
    """The spans that hold one of `offsets`, in order."""
    held = []
    for span in spans:
        for offset in offsets:
            if span[0] <= offset < span[1]:
                held.append(span)
                break
    return held


def unique_spans(quantities: list[QuantityMention]) -> list[QuantityMention]:
    """The quantities without repeats of one span, in order."""
    seen: set[tuple[int, int]] = set()
    kept = []
    for quantity in quantities:
        if (quantity.start, quantity.end) not in seen:
            seen.add((quantity.start, quantity.end))
            kept.append(quantity)
    return kept


def unique_actors(actors: list[ActorMention]) -> list[ActorMention]:
    """The actors without repeats of one actor, in order."""
    seen: set[str] = set()
    kept = []
    for actor in actors:
        if actor.actor_id not in seen:
            seen.add(actor.actor_id)
            kept.append(actor)
    return kept


def nearest(at: int, own: Sequence[int], rivals: Sequence[int]) -> bool:
    """Whether a mention at `at` is nearer one of the triggers starting at `own` than every
    trigger of another claim of its sentence (`rivals`): "134 servicemen crossed ... after
    clashes with Taliban units": the 134 crossed, they did not clash."""
    mine = min(abs(s - at) for s in own)
    return all(mine <= abs(r - at) for r in rivals)


def figures(
    quantities: Sequence[QuantityMention],
    sentence_clauses: Sequence[Span],
    clauses: Sequence[Span],
    sentence_triggers: Sequence[TriggerMention],
    own: Sequence[TriggerMention],
    rivals: Sequence[int],
) -> list[QuantityMention]:
    """The figures of a claim: those in its `clauses` and in clauses with no trigger of their
    own ("earmarked as shelters, cap. up to 1,500 ppl"), each nearer one of the claim's
    triggers than every trigger of the sentence's other claims (`rivals`)."""
    bare = [c for c in sentence_clauses if not holding([c], [t.start for t in sentence_triggers])]
    starts = [t.start for t in own]
    return unique_spans(
        [
            q
            for q in quantities
            if (within(q, clauses) or within(q, bare)) and nearest(q.start, starts, rivals)
        ]
    )


def without_cargo_moves(claims: list[Claim]) -> list[Claim]:
    """One sentence's claims without a crossing beside aid when every figure of the sentence
    counts goods: "a convoy of 18 trucks crossed the Amu Darya" is the aid's delivery, not a
    movement of people."""
    if not any(c.type is EventType.HUMANITARIAN_ASSISTANCE for c in claims):
        return claims
    units = {q.unit for c in claims for q in c.quantities}
    if not units or not units <= _GOODS:
        return claims
    return [c for c in claims if c.type is not EventType.CROSS_BORDER_MOVEMENT]


def without_context(
    places: list[PlaceMention], ancestors: Mapping[str, frozenset[str]], standing: frozenset[str]
) -> list[PlaceMention]:
    """A claim's places without repeats and without a province that holds other places of the
    claim (their context); a country named on its own ("crossed into Tajikistan near Panji
    Poyon") and a district named beside its town or crossing (`standing`: "Shir Khan Bandar,
    the port in Imam Sahib district") stay."""
    ids = {p.place_id for p in places if p.place_id}
    contained = set().union(*(ancestors.get(i, frozenset()) for i in ids)) - standing
    kept: list[PlaceMention] = []
    seen: set[str] = set()
    for place in places:
        key = place.place_id or place.text.lower()
        if place.place_id in contained or key in seen:
            continue
        seen.add(key)
        kept.append(place)
    return kept


def nearer(
    mention: Spanned, own: Sequence[TriggerMention], rivals: Sequence[int], clauses: Sequence[Span]
) -> bool:
    """Whether a mention is nearer one of `own` triggers than every rival trigger of its own
    clause (rivals in other clauses do not compete): "crossed near Panj and are housed in
    Jayhun district" shares out Panj and Jayhun."""
    clause = next((c for c in clauses if c[0] <= mention.start < c[1]), None)
    if clause is None:
        return True
    near = [r for r in rivals if clause[0] <= r < clause[1]]
    return not near or nearest(mention.start, [t.start for t in own], near)
