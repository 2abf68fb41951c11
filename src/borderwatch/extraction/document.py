"""The document every extraction component takes and returns, and the mentions they add to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from borderwatch.types import DatePrecision, EventType, Qualifier

if TYPE_CHECKING:
    from borderwatch.extraction.words import WordStarts


@dataclass(frozen=True, slots=True)
class Token:
    """A word, number or punctuation mark with its character offsets in the clean text."""

    text: str
    start: int
    end: int
    lower: str
    is_word: bool


@dataclass(frozen=True, slots=True)
class DateMention:
    """A time expression resolved against the report's reference date."""

    start: int
    end: int
    text: str
    value: date | None
    precision: DatePrecision
    assumed: bool = False
    end_value: date | None = None


@dataclass(frozen=True, slots=True)
class QuantityMention:
    """A figure with its bounds, qualifier and what it counts."""

    start: int
    end: int
    text: str
    value: float
    low: float
    high: float
    qualifier: Qualifier
    unit: str
    of: str


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name resolved through the region pack (`place_id` None when ambiguous)."""

    start: int
    end: int
    text: str
    place_id: str | None
    name: str
    kind: str
    country: str
    admin1: str | None
    lat: float | None
    lon: float | None
    score: float
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor from the actor lexicon."""

    start: int
    end: int
    text: str
    actor_id: str
    name: str


@dataclass(frozen=True, slots=True)
class AttributionMention:
    """Who says so: the chain from the outermost publisher to the original speaker."""

    start: int
    end: int
    text: str
    chain: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TriggerMention:
    """A word or phrase that signals an event type, with the rule that matched."""

    start: int
    end: int
    text: str
    event_type: EventType
    rule: str


@dataclass(slots=True)
class Claim:
    """One assertion of the report, printed in the DESIGN.md claim contract by `to_json`."""

    type: EventType
    date: date | None
    date_precision: DatePrecision
    places: list[PlaceMention]
    actors: list[ActorMention]
    quantities: list[QuantityMention]
    attribution: list[str]
    evidence_start: int
    evidence_end: int
    evidence_text: str
    confidence: float

    def to_json(self) -> dict[str, Any]:
        """The claim as the JSON object of DESIGN.md's contract."""
        return {
            "type": self.type.value,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision.value,
            "places": [_place_json(p) for p in self.places],
            "actors": [
                {"text": a.text, "actor_id": a.actor_id, "name": a.name} for a in self.actors
            ],
            "quantities": [_quantity_json(q) for q in self.quantities],
            "attribution": list(self.attribution),
            "evidence": {
                "start": self.evidence_start,
                "end": self.evidence_end,
                "text": self.evidence_text,
            },
            "confidence": round(self.confidence, 3),
        }


def _place_json(place: PlaceMention) -> dict[str, Any]:
    return {
        "text": place.text,
        "place_id": place.place_id,
        "name": place.name,
        "kind": place.kind,
        "country": place.country,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
        "score": round(place.score, 3),
    }


def _quantity_json(quantity: QuantityMention) -> dict[str, Any]:
    def number(x: float) -> float | int:
        return int(x) if float(x).is_integer() and quantity.qualifier != Qualifier.FRACTION else x

    return {
        "text": quantity.text,
        "value": number(quantity.value),
        "low": number(quantity.low),
        "high": number(quantity.high),
        "qualifier": quantity.qualifier.value,
        "unit": quantity.unit,
        "of": quantity.of,
    }


@dataclass(slots=True)
class Document:
    """A report's clean text and everything the pipeline has found in it so far."""

    text: str
    language: str = "en"
    reference_date: date | None = None
    reference_assumed: bool = False
    publisher: str | None = None
    tokens: list[Token] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[QuantityMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    attributions: list[AttributionMention] = field(default_factory=list)
    triggers: list[TriggerMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # Where each word starts, found once for every component (`words.word_starts`).
    words: WordStarts | None = None


class Component(Protocol):
    """A pipeline step: takes the document, adds what it declares in `adds`, returns it."""

    name: str
    adds: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...
