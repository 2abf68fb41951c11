"""July 2021 on the Tajik-Afghan border as stored reports and claims (texts in our own words)."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from borderwatch.region.pack import load_pack
from borderwatch.store.tables.reports import Claim, Report, Source

SIX = [
    "af-badakhshan-khwahan",
    "af-badakhshan-shekay",
    "af-badakhshan-nusay",
    "af-badakhshan-maimay",
    "af-badakhshan-shughnan",
    "af-badakhshan-ishkashim",
]
GRADES = {
    "AKIpress": "C",
    "Asia-Plus": "C",
    "Reuters": "B",
    "ANI": "C",
    "Pajhwok": "C",
    "Tajik border service": "B",
    "RFE/RL": "B",
    "TOLOnews": "C",
}
WIRE = (
    "Taliban fighters overran six districts of Badakhshan overnight, officials in Dushanbe "
    "said. The border guard service reported that 1,037 Afghan soldiers had crossed the Panj "
    "river into Tajikistan at five places and were given food and shelter."
)


def _place(place_id: str) -> dict[str, Any]:
    place = load_pack("tj-af").places[place_id]
    return {
        "text": place.name,
        "place_id": place_id,
        "name": place.name,
        "kind": place.kind,
        "country": place.country,
        "admin1": None,
        "lat": place.lat,
        "lon": place.lon,
        "score": 0.9,
    }


def payload(
    type_: str,
    day: str | None,
    places: list[str],
    actors: list[str],
    quantities: list[dict[str, Any]],
    attribution: list[str],
) -> dict[str, Any]:
    """A claim in the DESIGN.md contract shape, as extraction would print it."""
    return {
        "type": type_,
        "date": day,
        "date_precision": "day" if day else "unknown",
        "places": [_place(p) for p in places],
        "actors": [{"text": a, "actor_id": a, "name": a.replace("-", " ").title()} for a in actors],
        "quantities": quantities,
        "attribution": attribution,
        "evidence": {"start": 0, "end": 10, "text": "..."},
        "confidence": 0.8,
    }


def people(value: int, qualifier: str = "exact", text: str = "") -> dict[str, Any]:
    """A count of people."""
    return {
        "text": text or f"{value:,} Afghan soldiers",
        "value": value,
        "low": value,
        "high": value,
        "qualifier": qualifier,
        "unit": "person",
        "of": "Afghan soldiers",
    }


TWO_THIRDS = {
    "text": "two-thirds",
    "value": 0.667,
    "low": 0.667,
    "high": 0.667,
    "qualifier": "fraction",
    "unit": "",
    "of": "border",
}
CAPTURE = ("territorial_control_change", "2021-07-05", SIX, ["taliban"], [])
CROSSING = (
    "cross_border_movement",
    "2021-07-05",
    ["af-badakhshan-shughnan", "af-badakhshan-ishkashim", "tj"],
    ["afghan-army"],
    [people(1037)],
)

# (key, publisher, received, published, text, claims as (type, day, places, actors, figures, chain))
REPORTS: list[tuple[str, str, str, str, str, list[tuple[Any, ...]]]] = [
    (
        "shir-khan",
        "TOLOnews",
        "2021-06-22T14:00",
        "2021-06-22",
        "The Taliban took the Shir Khan Bandar crossing on the Panj river on Tuesday.",
        [
            (
                "territorial_control_change",
                "2021-06-22",
                ["af-crossing-shir-khan-bandar"],
                ["taliban"],
                [],
                ["TOLOnews"],
            )
        ],
    ),
    (
        "early",
        "Pajhwok",
        "2021-07-05T05:00",
        "2021-07-05",
        "About three hundred soldiers from Badakhshan fled north across the river, a local "
        "official told our reporter late on Sunday.",
        [
            (
                "cross_border_movement",
                "2021-07-04",
                ["af-badakhshan", "tj"],
                ["afghan-army"],
                [people(300)],
                ["Pajhwok"],
            )
        ],
    ),
    (
        "wire",
        "AKIpress",
        "2021-07-05T07:00",
        "2021-07-05",
        WIRE,
        [(*CAPTURE, ["AKIpress"]), (*CROSSING, ["AKIpress", "Tajik border service"])],
    ),
    (
        "copy",
        "Asia-Plus",
        "2021-07-05T09:00",
        "2021-07-05",
        WIRE + " (AKIpress)",
        [(*CAPTURE, ["Asia-Plus", "AKIpress"]), (*CROSSING, ["Asia-Plus", "Tajik border service"])],
    ),
    (
        "reuters",
        "Reuters",
        "2021-07-05T20:00",
        "2021-07-05",
        "More than 1,000 Afghan troops fled into Tajikistan after clashes, we were told by "
        "several people at the scene.",
        [
            (
                "cross_border_movement",
                "2021-07-05",
                ["tj"],
                ["afghan-army"],
                [people(1000, "more_than", "more than 1,000 Afghan troops")],
                ["Reuters"],
            )
        ],
    ),
    (
        "wrong",
        "Kabul blog",
        "2021-07-06T06:00",
        "2021-07-06",
        "A blog post says 1,037 soldiers crossed from Yangi Qala in Takhar.",
        [
            (
                "cross_border_movement",
                "2021-07-05",
                ["af-takhar-yangi-qala"],
                ["afghan-army"],
                [people(1037)],
                ["Kabul blog"],
            )
        ],
    ),
    (
        "seed",
        "ANI",
        "2021-07-06T10:00",
        "2021-07-06",
        "Tajikistan orders 20,000 troops to the border; two-thirds of the border under Taliban "
        "control, Tajik authorities say.",
        [
            (
                "troop_deployment",
                "2021-07-06",
                ["tj"],
                ["tajik-government"],
                [people(20000, text="20,000 army personnel")],
                ["ANI"],
            ),
            (*CAPTURE, ["ANI", "Pajhwok", "AKIpress"]),
            (
                "territorial_control_change",
                "2021-07-05",
                ["tj"],
                ["taliban"],
                [TWO_THIRDS],
                ["ANI", "RFE/RL", "Tajik authorities"],
            ),
        ],
    ),
    (
        "later",
        "Reuters",
        "2021-07-06T15:00",
        "2021-07-06",
        "Taliban now hold Shughnan and Ishkashim, residents said by telephone on Tuesday.",
        [
            (
                "territorial_control_change",
                "2021-07-06",
                ["af-badakhshan-shughnan", "af-badakhshan-ishkashim"],
                ["taliban"],
                [],
                ["Reuters"],
            )
        ],
    ),
]


def store_report(session: Session, key: str) -> int:
    """Store one report of REPORTS with its claims (as intake and extraction would)."""
    _, publisher, received, published, text, claims = next(r for r in REPORTS if r[0] == key)
    source = session.query(Source).filter_by(name=publisher).one_or_none()
    if source is None:
        source = Source(name=publisher, reliability=GRADES.get(publisher, "F"))
        session.add(source)
    raw = text.encode()
    report = Report(
        content_hash=hashlib.sha256(raw).hexdigest(),
        raw=raw,
        clean_text=text,
        source=source,
        published_on=date.fromisoformat(published),
        received_at=datetime.fromisoformat(received).replace(tzinfo=UTC),
        status="extracted",
    )
    session.add(report)
    for seq, (type_, day, places, actors, figures, chain) in enumerate(claims):
        body = payload(type_, day, places, actors, figures, chain)
        report.claims.append(
            Claim(
                seq=seq,
                type=type_,
                valid_on=date.fromisoformat(day) if day else None,
                date_precision=body["date_precision"],
                payload=body,
            )
        )
    session.flush()
    return report.id


def store_sources(session: Session) -> None:
    """The sources quoted as origins, with their grades."""
    for name in ("Tajik border service", "RFE/RL"):
        session.add(Source(name=name, reliability=GRADES[name]))
    session.flush()
