"""Border sections derived from the border line: pure geometry, no files, no database."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from borderwatch.region.schemas import SectionRecord

Point = tuple[float, float]
"""A (lon, lat) pair in degrees, in GeoJSON order."""

NearestUnit = Callable[[Point], str]
"""Which admin unit of one country faces the border at a point of the line."""

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class UnitPoint:
    """An admin unit or crossing known only by one point: what a pack without polygons has."""

    id: str
    lon: float
    lat: float


def haversine_km(a: Point, b: Point) -> float:
    """Great-circle distance between two (lon, lat) points in km."""
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def line_km(line: Sequence[Point]) -> float:
    """Length of a line in km along the great circle between its vertices."""
    return sum(haversine_km(a, b) for a, b in itertools.pairwise(line))


def nearest_point_unit(units: Sequence[UnitPoint]) -> NearestUnit:
    """A NearestUnit that picks the unit whose point is closest: adjacency without polygons."""
    if not units:
        raise ValueError("no units to choose from")

    def nearest(point: Point) -> str:
        return min(units, key=lambda unit: haversine_km(point, (unit.lon, unit.lat))).id

    return nearest


def densify(line: Sequence[Point], step_km: float) -> list[Point]:
    """The line with extra points so that no two neighbours are more than `step_km` apart."""
    out: list[Point] = [line[0]]
    for a, b in itertools.pairwise(line):
        parts = max(1, math.ceil(haversine_km(a, b) / step_km))
        for i in range(1, parts + 1):
            t = i / parts
            out.append((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t))
    return out


@dataclass
class _Run:
    """A stretch of consecutive samples that face the same pair of units."""

    key: tuple[str, ...]
    points: list[Point]

    @property
    def km(self) -> float:
        return line_km(self.points)


def _runs(samples: Sequence[Point], nearest: Mapping[str, NearestUnit]) -> list[_Run]:
    """Split samples wherever the facing unit on either side changes; runs share end points."""
    countries = sorted(nearest)
    runs: list[_Run] = []
    for point in samples:
        key = tuple(nearest[country](point) for country in countries)
        if runs and runs[-1].key == key:
            runs[-1].points.append(point)
            continue
        if runs:
            runs[-1].points.append(point)
        runs.append(_Run(key, [point]))
    if len(runs) > 1 and len(runs[-1].points) == 1:
        runs.pop()  # the last sample only closed the previous run
    return runs


def _merge_short(runs: list[_Run], min_km: float) -> list[_Run]:
    """Fold runs shorter than `min_km` into their longer neighbour, then join equal neighbours."""
    runs = [_Run(run.key, list(run.points)) for run in runs]
    while len(runs) > 1:
        shortest = min(range(len(runs)), key=lambda i: runs[i].km)
        if runs[shortest].km >= min_km:
            break
        neighbours = [i for i in (shortest - 1, shortest + 1) if 0 <= i < len(runs)]
        target = max(neighbours, key=lambda i: runs[i].km)
        first, second = sorted((shortest, target))
        merged = _Run(runs[target].key, runs[first].points + runs[second].points[1:])
        runs[first : second + 1] = [merged]
        runs = _join_equal(runs)
    return runs


def _join_equal(runs: list[_Run]) -> list[_Run]:
    """Neighbouring runs that face the same units are one section."""
    joined: list[_Run] = []
    for run in runs:
        if joined and joined[-1].key == run.key:
            joined[-1].points.extend(run.points[1:])
        else:
            joined.append(run)
    return joined


def _fill_enclaves(runs: list[_Run]) -> list[_Run]:
    """Give a run wedged between two runs facing the same pair to that pair, if it is shorter
    than they are together: with points for units, a far town's cell can cut into a district."""
    runs = list(runs)
    i = 1
    while i < len(runs) - 1:
        before, middle, after = runs[i - 1], runs[i], runs[i + 1]
        if before.key == after.key and middle.km < before.km + after.km:
            points = before.points + middle.points[1:] + after.points[1:]
            runs[i - 1 : i + 2] = [_Run(before.key, points)]
            i = max(1, i - 1)
        else:
            i += 1
    return runs


def _nearest_run(runs: Sequence[_Run], crossing: UnitPoint, within_km: float) -> int | None:
    """Index of the run whose line passes closest to a crossing, if within `within_km`."""
    here = (crossing.lon, crossing.lat)
    best = min(range(len(runs)), key=lambda i: min(haversine_km(here, p) for p in runs[i].points))
    distance = min(haversine_km(here, p) for p in runs[best].points)
    return best if distance <= within_km else None


def derive_sections(
    line: Sequence[Point],
    nearest: Mapping[str, NearestUnit],
    crossings: Sequence[UnitPoint] = (),
    *,
    step_km: float = 1.0,
    min_km: float = 5.0,
    crossing_km: float = 5.0,
    approximate: bool = True,
    precision: int = 5,
) -> list[SectionRecord]:
    """Cut the border line into sections, one per pair of facing units, numbered from its start.

    `nearest` maps each country code to a NearestUnit: nearest district point for packs without
    polygons (`approximate=True`, which also fills enclaves that points make), or a
    point-in-polygon lookup for packs that ship polygons (`approximate=False`: kept as found).
    """
    if len(line) < 2:
        raise ValueError("a border line needs at least two points")
    runs = _merge_short(_runs(densify(line, step_km), nearest), min_km)
    if approximate:
        runs = _fill_enclaves(runs)
    found: dict[int, list[str]] = {}
    for crossing in crossings:
        index = _nearest_run(runs, crossing, crossing_km)
        if index is not None:
            found.setdefault(index, []).append(crossing.id)
    countries = sorted(nearest)
    return [
        SectionRecord(
            id=f"s{seq:02d}",
            seq=seq,
            units=dict(zip(countries, run.key, strict=True)),
            geometric_km=round(run.km, 3),
            approximate=approximate,
            crossings=sorted(found.get(seq - 1, [])),
            coordinates=[(round(x, precision), round(y, precision)) for x, y in run.points],
        )
        for seq, run in enumerate(runs, start=1)
    ]
