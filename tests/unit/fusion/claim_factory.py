"""Claims written by hand in the DESIGN.md contract shape, and a small made-up region to fuse in."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from borderwatch.fusion.records import ClaimRecord, PlaceIndex, PlaceInfo
from borderwatch.fusion.similarity import fingerprint

# A made-up region: two countries, one province each side, two districts, a crossing.
PLACES = PlaceIndex(
    {
        "aa": PlaceInfo("country", "AA", None, "Aland"),
        "bb": PlaceInfo("country", "BB", None, "Bland"),
        "aa-north": PlaceInfo("province", "AA", "aa", "North"),
        "aa-north-east": PlaceInfo("district", "AA", "aa-north", "East"),
        "aa-north-west": PlaceInfo("district", "AA", "aa-north", "West"),
        "aa-ford": PlaceInfo("crossing", "AA", "aa-north-east", "Ford"),
        "bb-south": PlaceInfo("province", "BB", "bb", "South"),
        "bb-south-bank": PlaceInfo("district", "BB", "bb-south", "Bank"),
        "bb-south-hill": PlaceInfo("district", "BB", "bb-south", "Hill"),
    },
    frozenset({"AA", "BB"}),
)


def place(place_id: str | None, text: str = "", country: str = "AA") -> dict[str, Any]:
    """A place mention as extraction prints it."""
    info = PLACES.places.get(place_id or "")
    return {
        "text": text or (info.name if info else "?"),
        "place_id": place_id,
        "name": info.name if info else text,
        "kind": info.kind if info else "settlement",
        "country": info.country if info else country,
        "admin1": None,
        "lat": None,
        "lon": None,
        "score": 0.9,
    }


def people(value: float, qualifier: str = "exact", text: str = "") -> dict[str, Any]:
    """A figure counting people."""
    return {
        "text": text or f"{value:,.0f} soldiers",
        "value": value,
        "low": value,
        "high": value,
        "qualifier": qualifier,
        "unit": "person",
        "of": "soldiers",
    }


def claim(
    claim_id: int,
    type_: str = "cross_border_movement",
    day: str | None = "2021-07-05",
    places: list[str | None] | None = None,
    actors: list[str] | None = None,
    quantities: list[dict[str, Any]] | None = None,
    attribution: list[str] | None = None,
    *,
    report_id: int | None = None,
    source: str = "Wire",
    grade: str = "F",
    text: str = "",
    published: str | None = "2021-07-06",
    received: str = "2021-07-06T12:00:00",
    precision: str = "day",
) -> ClaimRecord:
    """One claim record; the report text decides whether two reports are near-duplicates."""
    payload = {
        "type": type_,
        "date": day,
        "date_precision": precision if day else "unknown",
        "places": [place(p) for p in (places if places is not None else ["aa-north-east"])],
        "actors": [{"text": a, "actor_id": a, "name": a.title()} for a in actors or []],
        "quantities": quantities or [],
        "attribution": attribution or [source],
        "evidence": {"start": 0, "end": 1, "text": "..."},
        "confidence": 0.8,
    }
    return ClaimRecord(
        claim_id=claim_id,
        report_id=report_id if report_id is not None else claim_id,
        payload=payload,
        source=source,
        grade=grade,
        publisher=source,
        received_at=datetime.fromisoformat(received).replace(tzinfo=UTC),
        published_on=date.fromisoformat(published) if published else None,
        fingerprint=fingerprint(text or f"report {claim_id} by {source} in its own words"),
    )
