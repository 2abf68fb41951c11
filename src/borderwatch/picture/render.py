"""The picture as JSON, as GeoJSON (one LineString Feature per section) and as table rows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from borderwatch.picture.state import Picture, SectionState, SideState


def side_json(side: SideState) -> dict[str, Any]:
    """One side of a section."""
    return {
        "country": side.country,
        "unit": side.unit,
        "controller": side.controller,
        "non_state": side.non_state,
        "since": side.since.isoformat() if side.since else None,
        "events": list(side.events),
    }


def section_json(state: SectionState) -> dict[str, Any]:
    """One section's state as JSON properties."""
    section = state.section
    return {
        "section": section.id,
        "seq": section.seq,
        "units": dict(section.units),
        "length_km": round(section.length_km, 1),
        "approximate": section.approximate,
        "crossings": list(section.crossings),
        "far_side": side_json(state.far),
        "near_side": side_json(state.near),
        "activity": {k: list(v) for k, v in state.activity.items()},
        "people_crossed": state.people_crossed,
        "crossing_events": list(state.crossing_events),
        "impact_level": state.impact_level.value,
        "reasons": [
            {"rule": r.rule, "level": r.level.value, "reason": r.text, "events": list(r.events)}
            for r in state.reasons
        ],
        "reaction": state.reaction,
        "notes": list(state.notes),
    }


def picture_json(value: Picture) -> dict[str, Any]:
    """The whole picture as JSON (`borderwatch picture --format json`)."""
    figures = value.figures
    return {
        "as_of": value.as_of.isoformat(),
        "known_at": value.known_at.isoformat() if value.known_at else None,
        "sections": [section_json(s) for s in value.sections],
        "border": {
            "official_length_km": figures.official_length_km,
            "official_length_source": figures.official_length_source,
            "by_far_side_controller": [
                {"controller": c, "length_km": km, "share": round(share, 4)}
                for c, km, share in figures.by_controller
            ],
            "reported": [
                {
                    "text": r.text,
                    "value": r.value,
                    "controller": r.controller,
                    "attribution": r.attribution,
                    "event": r.event_id,
                    "computed_share": round(r.computed_share, 4),
                    "sentence": r.sentence,
                }
                for r in figures.reported
            ],
            "people_crossed": figures.people_crossed,
            "crossing_events": list(figures.crossing_events),
        },
    }


def picture_geojson(value: Picture) -> dict[str, Any]:
    """The picture as a GeoJSON FeatureCollection: each section a LineString with its state."""
    features = [
        {
            "type": "Feature",
            "id": state.section.id,
            "geometry": {
                "type": "LineString",
                "coordinates": [list(point) for point in state.section.coordinates],
            },
            "properties": {**section_json(state), "as_of": value.as_of.isoformat()},
        }
        for state in value.sections
    ]
    return {"type": "FeatureCollection", "features": features}


def table_rows(value: Picture, names: Mapping[str, str] | None = None) -> list[list[str]]:
    """One row per section for the terminal table, places by name where `names` has them."""
    names = names or {}

    def side(unit: str | None, controller: str) -> str:
        return f"{names.get(unit or '', unit or '-')} ({controller})"

    return [
        [
            str(s.section.seq),
            side(s.far.unit, s.far.controller),
            side(s.near.unit, s.near.controller),
            f"{s.section.length_km:,.0f}",
            s.impact_level.value,
            f"{s.people_crossed:,.0f}",
            "; ".join(r.text for r in s.reasons) or "-",
        ]
        for s in value.sections
    ]
