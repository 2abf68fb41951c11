"""Mentions by where they start: a sentence's share of them, and which fall in its clauses."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from operator import attrgetter
from typing import Generic, Protocol, TypeVar

from borderwatch.extraction.document import ActorMention, QuantityMention

Span = tuple[int, int]


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
