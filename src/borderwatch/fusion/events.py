"""What fusion produces: events with their claims, figures, conflicts, flags and credibility."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class Figure:
    """One claimed value, kept with who claimed it and how (never averaged away)."""

    value: float
    qualifier: str
    unit: str
    of: str
    text: str
    source: str
    origin: str
    claim_id: int


@dataclass(frozen=True, slots=True)
class Conflict:
    """A disagreement between the claims of one event on a figure, a date or a place."""

    kind: str
    message: str


@dataclass(frozen=True, slots=True)
class Flag:
    """Something wrong or missing in an event's claims, explained for the analyst."""

    code: str
    message: str
    claim_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ClaimLink:
    """One claim of an event, with whether it counts as independent corroboration and why not."""

    claim_id: int
    report_id: int
    source: str
    grade: str
    origin: str
    attribution: tuple[str, ...]
    received_at: datetime | None
    counts: bool
    depends_on: int | None
    dependency: str


@dataclass(frozen=True, slots=True)
class EventPlace:
    """A place an event happened at, as the claims resolved it."""

    place_id: str
    name: str
    kind: str
    country: str


@dataclass(frozen=True, slots=True)
class Event:
    """What the system believes happened: one or more claims fused."""

    id: str
    type: str
    date: date | None
    date_precision: str
    places: tuple[EventPlace, ...]
    actors: tuple[tuple[str, str], ...]
    figures: tuple[Figure, ...]
    figure_range: tuple[float, float] | None
    consolidated: float | None
    consolidated_unit: str
    conflicts: tuple[Conflict, ...]
    flags: tuple[Flag, ...]
    claims: tuple[ClaimLink, ...]
    independent_sources: int
    credibility: int
    credibility_meaning: str
    first_known_at: datetime | None
    group: str = ""

    @property
    def claim_ids(self) -> tuple[int, ...]:
        """The ids of the event's claims."""
        return tuple(link.claim_id for link in self.claims)

    @property
    def place_ids(self) -> frozenset[str]:
        """The ids of the event's places."""
        return frozenset(place.place_id for place in self.places)

    @property
    def actor_ids(self) -> tuple[str, ...]:
        """The ids of the actors its claims name, most named first."""
        return tuple(actor_id for actor_id, _ in self.actors)

    def to_json(self) -> dict[str, Any]:
        """The event as JSON (`borderwatch events --format json`)."""
        value = asdict(self)
        value["date"] = self.date.isoformat() if self.date else None
        value["first_known_at"] = self.first_known_at.isoformat() if self.first_known_at else None
        value["actors"] = [{"actor_id": a, "name": n} for a, n in self.actors]
        value["figure_range"] = list(self.figure_range) if self.figure_range else None
        for link in value["claims"]:
            link["received_at"] = link["received_at"].isoformat() if link["received_at"] else None
            link["attribution"] = list(link["attribution"])
        for flag in value["flags"]:
            flag["claim_ids"] = list(flag["claim_ids"])
        return value

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> Event:
        """An event back from its JSON form (as stored)."""
        claims = tuple(
            ClaimLink(
                **{
                    **c,
                    "attribution": tuple(c["attribution"]),
                    "received_at": _when(c["received_at"]),
                }
            )
            for c in value["claims"]
        )
        return cls(
            id=value["id"],
            type=value["type"],
            date=date.fromisoformat(value["date"]) if value["date"] else None,
            date_precision=value["date_precision"],
            places=tuple(EventPlace(**p) for p in value["places"]),
            actors=tuple((a["actor_id"], a["name"]) for a in value["actors"]),
            figures=tuple(Figure(**f) for f in value["figures"]),
            figure_range=tuple(value["figure_range"]) if value["figure_range"] else None,
            consolidated=value["consolidated"],
            consolidated_unit=value["consolidated_unit"],
            conflicts=tuple(Conflict(**c) for c in value["conflicts"]),
            flags=tuple(
                Flag(f["code"], f["message"], tuple(f["claim_ids"])) for f in value["flags"]
            ),
            claims=claims,
            independent_sources=value["independent_sources"],
            credibility=value["credibility"],
            credibility_meaning=value["credibility_meaning"],
            first_known_at=_when(value["first_known_at"]),
            group=value.get("group", ""),
        )


def _when(raw: str | None) -> datetime | None:
    return datetime.fromisoformat(raw) if raw else None


def event_order(event: Event) -> tuple[bool, date, int]:
    """Events in the order they happened (undated last), then by their earliest claim."""
    return (event.date is None, event.date or date.min, int(event.id.removeprefix("ev-")))
