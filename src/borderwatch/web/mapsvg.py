"""The map as server-rendered SVG: country shapes, sections by impact level, places and events.

No tiles and no scripts from elsewhere: the region pack's own vector data, drawn here. Pages
work without JavaScript; `static/map.js` only adds the click-to-open panel.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

Point = tuple[float, float]


@dataclass(frozen=True)
class MapSection:
    """A section line with its level and the link that opens it."""

    id: str
    coordinates: Sequence[Point]
    level: str
    title: str
    href: str


@dataclass(frozen=True)
class MapMarker:
    """A point on the map: a place, a crossing or an event sized by people."""

    lon: float
    lat: float
    kind: str
    title: str
    radius: float = 2.5
    href: str = ""


class Projection:
    """Equirectangular projection fitted to a bounding box, with north up."""

    def __init__(self, bbox: tuple[float, float, float, float], width: int, pad: float) -> None:
        west, south, east, north = bbox
        self.kx = math.cos(math.radians((south + north) / 2))
        span_x = max((east - west) * self.kx, 1e-6)
        span_y = max(north - south, 1e-6)
        self.scale = (width - 2 * pad) / span_x
        self.height = round(span_y * self.scale + 2 * pad)
        self.west, self.north, self.pad = west, north, pad

    def __call__(self, lon: float, lat: float) -> Point:
        x = self.pad + (lon - self.west) * self.kx * self.scale
        y = self.pad + (self.north - lat) * self.scale
        return round(x, 1), round(y, 1)


def bounding_box(points: Iterable[Point], margin: float = 0.3) -> tuple[float, float, float, float]:
    """West, south, east, north of `points` (lon, lat), widened by `margin` degrees."""
    lons, lats = zip(*points, strict=True)
    return min(lons) - margin, min(lats) - margin, max(lons) + margin, max(lats) + margin


def _rings(geometry: dict[str, Any]) -> Iterable[Sequence[Point]]:
    if geometry["type"] == "Polygon":
        yield from geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield from polygon


def _path(project: Projection, coordinates: Sequence[Point], close: bool) -> str:
    points = [project(lon, lat) for lon, lat in coordinates]
    body = " L".join(f"{x},{y}" for x, y in points)
    return f"M{body}{' Z' if close else ''}"


def _country(project: Projection, feature: dict[str, Any], home: str) -> str:
    properties = feature.get("properties") or {}
    code = str(properties.get("country") or properties.get("iso_a2") or "")
    d = " ".join(_path(project, ring, True) for ring in _rings(feature["geometry"]))
    css = "country home" if code == home else "country"
    return f'<path class="{css}" d="{d}"><title>{escape(code)}</title></path>'


def _section(project: Projection, section: MapSection) -> str:
    d = _path(project, section.coordinates, False)
    return (
        f'<a href="{escape(section.href)}" data-section="{escape(section.id)}">'
        f'<path class="section {escape(section.level)}" d="{d}">'
        f"<title>{escape(section.title)}</title></path></a>"
    )


def _marker(project: Projection, marker: MapMarker) -> str:
    x, y = project(marker.lon, marker.lat)
    circle = (
        f'<circle class="{escape(marker.kind)}" cx="{x}" cy="{y}" r="{marker.radius:.1f}">'
        f"<title>{escape(marker.title)}</title></circle>"
    )
    return f'<a href="{escape(marker.href)}">{circle}</a>' if marker.href else circle


def render_map(
    countries: Sequence[dict[str, Any]],
    sections: Sequence[MapSection],
    markers: Sequence[MapMarker],
    *,
    home_country: str = "",
    width: int = 960,
) -> str:
    """An SVG document of the border: shapes, sections coloured by level, then markers."""
    framing = [p for s in sections for p in s.coordinates] or [(m.lon, m.lat) for m in markers]
    project = Projection(bounding_box(framing), width, pad=12)
    parts = [_country(project, feature, home_country) for feature in countries]
    parts += [_section(project, section) for section in sections]
    parts += [_marker(project, marker) for marker in markers]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {project.height}" '
        f'role="img" aria-label="Map of the border sections">{"".join(parts)}</svg>'
    )


def people_radius(people: float) -> float:
    """Marker radius growing with the square root of the people involved."""
    return 2.5 + min(14.0, math.sqrt(max(people, 0.0)) / 3)
