"""The server-rendered map: shapes, sections by level, markers, all text escaped."""

from __future__ import annotations

from borderwatch.web.mapsvg import MapMarker, MapSection, people_radius, render_map

COUNTRY = {
    "type": "Feature",
    "properties": {"country": "TJ"},
    "geometry": {"type": "Polygon", "coordinates": [[(68, 37), (70, 37), (70, 39), (68, 37)]]},
}


def test_sections_are_links_coloured_by_level() -> None:
    svg = render_map(
        [COUNTRY],
        [MapSection("s1", [(68.5, 37.5), (69.5, 38.0)], "critical", "far side: taliban", "/s/1")],
        [],
        home_country="TJ",
    )
    assert '<a href="/s/1" data-section="s1"><path class="section critical"' in svg
    assert '<path class="country home"' in svg
    assert "<title>far side: taliban</title>" in svg


def test_titles_are_escaped() -> None:
    marker = MapMarker(69.0, 37.8, "event", "<script>alert(1)</script>", 3.0, "/events/ev-1")
    svg = render_map([], [MapSection("s", [(68, 37), (69, 38)], "low", "<b>", "/")], [marker])
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg


def test_markers_grow_with_people_but_stay_bounded() -> None:
    assert people_radius(0) < people_radius(300) < people_radius(1037) <= people_radius(10**9)
    assert people_radius(10**9) == 2.5 + 14.0
