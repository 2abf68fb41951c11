"""Events as flat rows for CSV with an HXL hashtag row, and ACLED event and sub-event types."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import borderwatch.extraction
from borderwatch.fusion.events import Event

EVENT_TYPES_FILE = Path(borderwatch.extraction.__file__).parent / "data" / "event_types.json"

# (column header, HXL hashtag) in output order; HXL 1.1 core hashtags and attributes.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "#event+id"),
    ("event_type", "#event+type"),
    ("acled_event_type", "#event+type+acled"),
    ("acled_sub_event_type", "#event+type+sub+acled"),
    ("date", "#date+occurred"),
    ("date_precision", "#date+precision"),
    ("country", "#country+code"),
    ("admin1", "#adm1+name"),
    ("places", "#loc+name"),
    ("place_ids", "#loc+code"),
    ("actors", "#actor+name"),
    ("figure", "#affected+num"),
    ("figure_low", "#affected+num+min"),
    ("figure_high", "#affected+num+max"),
    ("credibility", "#meta+credibility"),
    ("independent_sources", "#meta+sources+num"),
    ("sources", "#meta+source"),
    ("conflicts", "#meta+conflict"),
    ("flags", "#meta+flag"),
    ("claim_ids", "#meta+claim+id"),
)


@cache
def acled_types(path: Path = EVENT_TYPES_FILE) -> dict[str, tuple[str, str]]:
    """ACLED event and sub-event type per borderwatch event type (extraction's data file)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {t["id"]: (t["acled_event_type"], t["acled_sub_event_type"]) for t in data["types"]}


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.0f}" if float(value).is_integer() else f"{value:g}"


def event_row(event: Event) -> list[str]:
    """One event as a row of COLUMNS."""
    acled, sub = acled_types().get(event.type, ("Strategic developments", "Other"))
    low, high = event.figure_range or (None, None)
    provinces = sorted({p.name for p in event.places if p.kind == "province"})
    return [
        event.id,
        event.type,
        acled,
        sub,
        event.date.isoformat() if event.date else "",
        event.date_precision,
        " ".join(sorted({p.country for p in event.places})),
        "; ".join(provinces),
        "; ".join(p.name for p in event.places),
        " ".join(p.place_id for p in event.places),
        "; ".join(name for _, name in event.actors),
        _number(event.consolidated),
        _number(low),
        _number(high),
        str(event.credibility),
        str(event.independent_sources),
        "; ".join(dict.fromkeys(link.source for link in event.claims if link.source)),
        " | ".join(c.message for c in event.conflicts),
        " | ".join(f"{f.code}: {f.message}" for f in event.flags),
        " ".join(str(c) for c in event.claim_ids),
    ]


def header() -> list[str]:
    """The CSV header row."""
    return [name for name, _ in COLUMNS]


def hashtags() -> list[str]:
    """The HXL hashtag row that follows the header."""
    return [tag for _, tag in COLUMNS]
