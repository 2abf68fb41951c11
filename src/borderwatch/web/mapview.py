"""The map page's drawing: the picture's sections, crossings and events as SVG layers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from borderwatch.fusion.events import Event
from borderwatch.picture.state import Picture, SectionState
from borderwatch.region.pack import RegionPack
from borderwatch.web.mapsvg import MapMarker, MapSection, people_radius, render_map

PEOPLE_UNITS = frozenset({"person", "people"})


def _unit_name(pack: RegionPack, unit: str | None) -> str:
    if unit is None:
        return "?"
    place = pack.places.get(unit)
    return place.name if place else unit


def section_title(pack: RegionPack, state: SectionState) -> str:
    """What hovering a section says: where, who holds the far side, and its level."""
    far, near = state.far, state.near
    return (
        f"Section {state.section.seq}: {_unit_name(pack, far.unit)} ({far.country}) – "
        f"{_unit_name(pack, near.unit)} ({near.country}); far side held by {far.controller}; "
        f"impact level {state.impact_level.value}"
    )


def _people(event: Event) -> float:
    if event.consolidated is not None and event.consolidated_unit in PEOPLE_UNITS:
        return event.consolidated
    return 0.0


def _crossing_markers(pack: RegionPack, events: Sequence[Event]) -> list[MapMarker]:
    people: dict[str, float] = defaultdict(float)
    for event in events:
        for place_id in event.place_ids:
            people[place_id] += _people(event)
    markers = []
    for place in pack.places.values():
        if place.kind == "crossing" and place.lat is not None and place.lon is not None:
            title = f"{place.name}: {people[place.id]:,.0f} people reported crossing"
            radius = people_radius(people[place.id]) if people[place.id] else 3.0
            markers.append(MapMarker(place.lon, place.lat, "crossing", title, radius))
    return markers


def _event_markers(pack: RegionPack, events: Sequence[Event]) -> list[MapMarker]:
    markers = []
    for event in events:
        point = next(
            (
                pack.places[p.place_id]
                for p in event.places
                if p.place_id in pack.places
                and pack.places[p.place_id].lat is not None
                and pack.places[p.place_id].kind != "country"
            ),
            None,
        )
        if point is None or point.lat is None or point.lon is None:
            continue
        people = _people(event)
        title = f"{event.id} {event.type.replace('_', ' ')} at {point.name}"
        title += f", {people:,.0f} people" if people else ""
        markers.append(
            MapMarker(
                point.lon, point.lat, "event", title, people_radius(people), f"/events/{event.id}"
            )
        )
    return markers


def map_svg(pack: RegionPack, picture: Picture, events: Sequence[Event]) -> Markup:
    """The whole map; every text in it is escaped by `render_map`, so it is safe markup."""
    as_of = picture.as_of.isoformat()
    sections = [
        MapSection(
            s.section.id,
            s.section.coordinates,
            s.impact_level.value + (" held-non-state" if s.far.non_state else ""),
            section_title(pack, s),
            f"/sections/{s.section.id}?as_of={as_of}",
        )
        for s in picture.sections
        if len(s.section.coordinates) >= 2
    ]
    happened = [e for e in events if e.date is not None and e.date <= picture.as_of]
    markers = _crossing_markers(pack, happened) + _event_markers(pack, happened)
    countries: list[dict[str, Any]] = pack.countries_geojson()["features"]
    svg = render_map(countries, sections, markers, home_country=pack.manifest.home_country)
    return Markup(svg)  # noqa: S704 - built only from escaped pieces in mapsvg


def legend(picture: Picture) -> dict[str, Any]:
    """The map's legend: sections and km per impact level, km per far-side controller."""
    levels: dict[str, list[float]] = {
        lvl: [0, 0.0] for lvl in ("low", "medium", "high", "critical")
    }
    for state in picture.sections:
        levels[state.impact_level.value][0] += 1
        levels[state.impact_level.value][1] += state.section.length_km
    return {
        "levels": [
            {"level": lvl, "sections": int(n), "km": round(km, 1)}
            for lvl, (n, km) in levels.items()
        ],
        "far_side": [
            {"controller": c, "km": round(km, 1), "share": round(share, 3)}
            for c, km, share in picture.figures.by_controller
        ],
    }
