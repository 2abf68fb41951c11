"""The plain values fusion works on: one claim with its report and source, and the place tree."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any

GRADES = "ABCDEF"


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    """What fusion needs to know about a gazetteer place: kind, country and parent."""

    kind: str
    country: str
    parent: str | None
    name: str = ""


@dataclass(frozen=True)
class PlaceIndex:
    """The region's places by id and its two countries, to relate places and spot outsiders."""

    places: Mapping[str, PlaceInfo]
    countries: frozenset[str]
    # Ancestors by place, worked out on first use: the picture asks for them millions of times.
    _lineage: dict[str, tuple[str, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def ancestors(self, place_id: str) -> list[str]:
        """The place's parents up to the country, nearest first (cycles in bad data stop it)."""
        known = self._lineage.get(place_id)
        if known is None:
            known = self._lineage[place_id] = tuple(self._climb(place_id))
        return list(known)

    def _climb(self, place_id: str) -> list[str]:
        found: list[str] = []
        current = self.places.get(place_id)
        while current is not None and current.parent and current.parent not in found:
            found.append(current.parent)
            current = self.places.get(current.parent)
        return found

    def kind(self, place_id: str) -> str | None:
        """The place's kind (district, province, ...) or None when it is not in the region."""
        info = self.places.get(place_id)
        return info.kind if info else None


@dataclass(frozen=True)
class ClaimRecord:
    """One stored claim with what fusion needs of its report and source (the payload's parts are
    read once and kept: fusion asks for them many times)."""

    claim_id: int
    report_id: int
    payload: Mapping[str, Any]
    source: str = ""
    grade: str = "F"
    publisher: str = ""
    received_at: datetime | None = None
    published_on: date | None = None
    fingerprint: tuple[int, ...] = field(default=(), compare=False)

    @cached_property
    def type(self) -> str:
        """The claim's event type."""
        return str(self.payload.get("type") or "other")

    @cached_property
    def stated_date(self) -> date | None:
        """The valid date the claim states, if any and well formed."""
        raw = self.payload.get("date")
        if not raw:
            return None
        try:
            return date.fromisoformat(str(raw))
        except ValueError:
            return None

    @cached_property
    def precision(self) -> str:
        """How precise the stated date is (`unknown` when there is none)."""
        value = self.payload.get("date_precision") or "unknown"
        return str(value) if self.stated_date else "unknown"

    @cached_property
    def attribution(self) -> list[str]:
        """Who says so, outermost publisher first."""
        return [str(name) for name in self.payload.get("attribution") or [] if name]

    @cached_property
    def origin(self) -> str:
        """The original speaker: the last link of the attribution chain, else the publisher."""
        chain = self.attribution
        return (chain[-1] if chain else self.source or f"report {self.report_id}").strip()

    @cached_property
    def actor_ids(self) -> frozenset[str]:
        """The ids of every actor the claim names."""
        actors = self.payload.get("actors") or []
        return frozenset(str(a.get("actor_id") or a.get("name")) for a in actors if a)

    @cached_property
    def places(self) -> list[Mapping[str, Any]]:
        """The place mentions as in the claim contract."""
        return [p for p in self.payload.get("places") or [] if isinstance(p, dict)]

    @cached_property
    def place_ids(self) -> frozenset[str]:
        """The resolved place ids the claim names."""
        return frozenset(str(p["place_id"]) for p in self.places if p.get("place_id"))

    @cached_property
    def quantities(self) -> list[Mapping[str, Any]]:
        """The figures the claim states."""
        return [q for q in self.payload.get("quantities") or [] if isinstance(q, dict)]

    @property
    def grade_rank(self) -> int:
        """0 for an A source up to 5 for F; anything unknown counts as F."""
        return GRADES.index(self.grade) if self.grade in GRADES and self.grade else 5
