"""What fusion produces: events with their claims, figures, conflicts, flags and credibility."""

from __future__ import annotations

from dataclasses import dataclass
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
        return self._json(self.figures, self.claims)

    def summary_json(self) -> dict[str, Any]:
        """The event as JSON without its claim links and figures, except figures that are
        shares of a whole (fractions) and the links they cite: what the picture reads, a small
        part of a much corroborated event."""
        shares = tuple(f for f in self.figures if f.qualifier == "fraction")
        cited = {f.claim_id for f in shares}
        return self._json(shares, tuple(c for c in self.claims if c.claim_id in cited))

    def _json(self, figures: tuple[Figure, ...], claims: tuple[ClaimLink, ...]) -> dict[str, Any]:
        # Written out rather than `asdict`, which copies every nested value and was a third of
        # the time to store a rebuild; keys in field order, as `asdict` gave them.
        return {
            "id": self.id,
            "type": self.type,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "places": [_fields(p) for p in self.places],
            "actors": [{"actor_id": a, "name": n} for a, n in self.actors],
            "figures": [_fields(f) for f in figures],
            "figure_range": list(self.figure_range) if self.figure_range else None,
            "consolidated": self.consolidated,
            "consolidated_unit": self.consolidated_unit,
            "conflicts": [_fields(c) for c in self.conflicts],
            "flags": [{**_fields(f), "claim_ids": list(f.claim_ids)} for f in self.flags],
            "claims": [_link_json(c) for c in claims],
            "independent_sources": self.independent_sources,
            "credibility": self.credibility,
            "credibility_meaning": self.credibility_meaning,
            "first_known_at": _iso(self.first_known_at),
            "group": self.group,
        }

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


def _fields(value: Figure | Conflict | Flag | EventPlace | ClaimLink) -> dict[str, Any]:
    return {name: getattr(value, name) for name in value.__slots__}


def _link_json(link: ClaimLink) -> dict[str, Any]:
    value = _fields(link)
    value["attribution"] = list(link.attribution)
    value["received_at"] = _iso(link.received_at)
    return value


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _when(raw: str | None) -> datetime | None:
    return datetime.fromisoformat(raw) if raw else None


def event_order(event: Event) -> tuple[bool, date, int]:
    """Events in the order they happened (undated last), then by their earliest claim."""
    return (event.date is None, event.date or date.min, int(event.id.removeprefix("ev-")))
