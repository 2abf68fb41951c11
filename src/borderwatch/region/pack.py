"""Load a region pack folder: validate every file, check its references, derive section lengths."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from borderwatch.errors import NotFoundError, RegionPackError
from borderwatch.region.schemas import Manifest, Place, SectionRecord

PACKS_DIR = Path(__file__).parent / "packs"
LENGTH_DECIMALS = 1

_PLACES = TypeAdapter(list[Place])
_SECTIONS = TypeAdapter(list[SectionRecord])
T = TypeVar("T")


@dataclass(frozen=True)
class Section:
    """A stretch of the border between two facing admin units, with its share of the length."""

    id: str
    seq: int
    units: dict[str, str]
    length_km: float
    geometric_km: float
    approximate: bool
    crossings: tuple[str, ...]
    coordinates: tuple[tuple[float, float], ...]

    def unit(self, country: str) -> str:
        """The admin unit on one country's bank of this section."""
        return self.units[country]


@dataclass(frozen=True)
class RegionPack:
    """One loaded, checked region pack: places by id, sections in order, the border line."""

    path: Path
    manifest: Manifest
    places: dict[str, Place]
    sections: tuple[Section, ...]
    border: tuple[tuple[float, float], ...]
    _children: dict[str, tuple[str, ...]] = field(repr=False)

    @property
    def id(self) -> str:
        """The pack's id, as in `pack.json`."""
        return self.manifest.id

    @property
    def official_length_km(self) -> float:
        """The primary official length: the first in `pack.json`, which sections add up to."""
        return self.manifest.official_lengths[0].km

    @property
    def geometric_length_km(self) -> float:
        """The length of the generalised border line, for comparison with the official figure."""
        return sum(s.geometric_km for s in self.sections)

    def countries_geojson(self) -> dict[str, Any]:
        """The two countries' shapes as a GeoJSON FeatureCollection (read on first use)."""
        return _read_geojson(self.path / "countries.geojson")

    def place(self, place_id: str) -> Place:
        """One place by id."""
        try:
            return self.places[place_id]
        except KeyError:
            raise NotFoundError(f"no place {place_id!r} in region pack {self.id}") from None

    def children(self, place_id: str) -> list[Place]:
        """The places whose parent is this place."""
        self.place(place_id)
        return [self.places[c] for c in self._children.get(place_id, ())]

    def ancestors(self, place_id: str) -> list[Place]:
        """The parent, its parent and so on up to the country."""
        found: list[Place] = []
        parent = self.place(place_id).parent
        while parent is not None:
            found.append(self.places[parent])
            parent = self.places[parent].parent
        return found

    def admin1(self, place_id: str) -> Place | None:
        """The province a place lies in (itself if it is one); None for countries and rivers."""
        place = self.place(place_id)
        chain = [place, *self.ancestors(place_id)]
        return next((p for p in chain if p.kind == "province"), None)

    def section_for_unit(self, place_id: str) -> list[Section]:
        """The sections a border district faces, in order along the line."""
        self.place(place_id)
        return [s for s in self.sections if place_id in s.units.values()]

    def sections_for_place(self, place_id: str) -> list[Section]:
        """The sections a place lies on: a crossing's section, or a district's sections."""
        place = self.place(place_id)
        if place.kind == "crossing":
            return [s for s in self.sections if place_id in s.crossings]
        return self.section_for_unit(place_id)


def available_packs() -> list[str]:
    """The names of the packs bundled with borderwatch."""
    return sorted(p.name for p in PACKS_DIR.iterdir() if (p / "pack.json").is_file())


def load_pack(name_or_path: str | Path) -> RegionPack:
    """A bundled pack by name, or a pack folder by path; cached per folder."""
    return _load_cached(_pack_dir(name_or_path))


def read_pack(folder: Path) -> RegionPack:
    """Read and check one pack folder without the cache."""
    manifest = _read_model(folder / "pack.json", Manifest)
    places = _read_list(folder / "places.json", _PLACES)
    records = _read_list(folder / "sections.json", _SECTIONS)
    border = _border_line(folder / "border.geojson")
    by_id = _index_places(folder, places)
    _check_places(folder, manifest, by_id)
    _check_sections(folder, manifest, by_id, records)
    children: dict[str, list[str]] = {}
    for place in places:
        if place.parent is not None:
            children.setdefault(place.parent, []).append(place.id)
    return RegionPack(
        path=folder,
        manifest=manifest,
        places=by_id,
        sections=_sections(records, manifest.official_lengths[0].km),
        border=border,
        _children={k: tuple(v) for k, v in children.items()},
    )


@cache
def _load_cached(folder: Path) -> RegionPack:
    return read_pack(folder)


def _pack_dir(name_or_path: str | Path) -> Path:
    """The folder a pack name or path points to; a RegionPackError when there is none."""
    text = str(name_or_path).strip()
    if not text:
        raise RegionPackError("no region pack named: give a pack name or a folder")
    is_path = isinstance(name_or_path, Path) or "/" in text or "\\" in text or text.startswith(".")
    folder = Path(text) if is_path else PACKS_DIR / text
    if not (folder / "pack.json").is_file():
        known = ", ".join(available_packs()) or "none"
        raise RegionPackError(f"region pack {text!r} not found (no pack.json); bundled: {known}")
    return folder.resolve()


def _read_json(path: Path) -> Any:
    """One pack file as JSON; a missing or unreadable file is a one-line RegionPackError."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RegionPackError(f"{_where(path)}: file missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RegionPackError(f"{_where(path)}: cannot read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise RegionPackError(
            f"{_where(path)}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None


def _validated(path: Path, check: Callable[[Any], T], raw: Any) -> T:
    """Run a pydantic check; its first error becomes one line naming the file and the field."""
    try:
        return check(raw)
    except ValidationError as exc:
        errors = exc.errors()
        first = errors[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise RegionPackError(f"{_where(path)}: {where}: {first['msg']}{more}") from None


M = TypeVar("M", bound=BaseModel)


def _read_model(path: Path, model: type[M]) -> M:
    return _validated(path, model.model_validate, _read_json(path))


def _read_list(path: Path, adapter: TypeAdapter[list[T]]) -> list[T]:
    return _validated(path, adapter.validate_python, _read_json(path))


def _read_geojson(path: Path) -> dict[str, Any]:
    value = _read_json(path)
    if not isinstance(value, dict) or value.get("type") != "FeatureCollection":
        raise RegionPackError(f"{_where(path)}: not a GeoJSON FeatureCollection")
    return value


def _border_line(path: Path) -> tuple[tuple[float, float], ...]:
    """The coordinates of the border's one LineString feature."""
    features = _read_geojson(path).get("features") or []
    try:
        geometry = features[0]["geometry"]
        if geometry["type"] != "LineString":
            raise TypeError(geometry["type"])
        return tuple((float(x), float(y)) for x, y in geometry["coordinates"])
    except (IndexError, KeyError, TypeError, ValueError):
        raise RegionPackError(f"{_where(path)}: needs one LineString feature") from None


def _where(path: Path) -> str:
    """A pack file named as `<pack folder>/<file>`: short enough for a one-line error."""
    return f"{path.parent.name}/{path.name}"


def _index_places(folder: Path, places: list[Place]) -> dict[str, Place]:
    by_id: dict[str, Place] = {}
    for place in places:
        if place.id in by_id:
            raise RegionPackError(f"{folder.name}/places.json: place id {place.id!r} appears twice")
        by_id[place.id] = place
    return by_id


def _check_places(folder: Path, manifest: Manifest, places: dict[str, Place]) -> None:
    """Every reference between places and from the manifest points at a real place."""
    if manifest.home_country not in manifest.countries:
        raise RegionPackError(
            f"{folder.name}/pack.json: home_country {manifest.home_country} not in countries"
        )
    for place in places.values():
        for label, ref in (("parent", place.parent), ("facing", place.facing)):
            if ref is not None and ref not in places:
                raise RegionPackError(
                    f"{folder.name}/places.json: {place.id}: {label} {ref!r} is not a place"
                )
        if place.country not in manifest.countries:
            raise RegionPackError(
                f"{folder.name}/places.json: {place.id}: country {place.country} not in pack"
            )
        if place.kind in ("district", "settlement", "crossing") and place.lat is None:
            raise RegionPackError(
                f"{folder.name}/places.json: {place.id}: a {place.kind} needs lat and lon"
            )
    for control in manifest.initial_control:
        if control.place not in places:
            raise RegionPackError(
                f"{folder.name}/pack.json: initial_control: {control.place!r} is not a place"
            )


def _check_sections(
    folder: Path, manifest: Manifest, places: dict[str, Place], records: list[SectionRecord]
) -> None:
    """Each section faces one border district per country and lists only real crossings."""
    if not records:
        raise RegionPackError(f"{folder.name}/sections.json: the pack has no sections")
    for seq, record in enumerate(records, start=1):
        where = f"{folder.name}/sections.json: {record.id}"
        if record.seq != seq:
            raise RegionPackError(f"{where}: seq {record.seq}, expected {seq}")
        if sorted(record.units) != sorted(manifest.countries):
            raise RegionPackError(f"{where}: needs one unit per country")
        for country, unit in record.units.items():
            place = places.get(unit)
            if place is None or place.kind != "district" or place.country != country:
                raise RegionPackError(f"{where}: {unit!r} is not a district of {country}")
            if not place.border:
                raise RegionPackError(f"{where}: {unit} is not marked as a border unit")
        for crossing in record.crossings:
            if crossing not in places or places[crossing].kind != "crossing":
                raise RegionPackError(f"{where}: {crossing!r} is not a crossing")


def _sections(records: list[SectionRecord], official_km: float) -> tuple[Section, ...]:
    """Sections with lengths that are shares of the official total, summing to it exactly."""
    lengths = _shares(official_km, [r.geometric_km for r in records])
    return tuple(
        Section(
            id=r.id,
            seq=r.seq,
            units=dict(r.units),
            length_km=length,
            geometric_km=r.geometric_km,
            approximate=r.approximate,
            crossings=tuple(r.crossings),
            coordinates=tuple(r.coordinates),
        )
        for r, length in zip(records, lengths, strict=True)
    )


def _shares(total: float, weights: list[float]) -> list[float]:
    """Split `total` in proportion to `weights`, rounded so the parts add up to `total` exactly.

    Largest remainder on tenths of a km: rounding each share alone would drift by a few tenths.
    """
    scale = 10**LENGTH_DECIMALS
    units = round(total * scale)
    raw = [units * w / sum(weights) for w in weights]
    parts = [int(r) for r in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: raw[i] - parts[i], reverse=True)
    for i in by_remainder[: units - sum(parts)]:
        parts[i] += 1
    return [p / scale for p in parts]
