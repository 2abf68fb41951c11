"""The `borderwatch resolve` command: ranked gazetteer matches for a place name in any spelling."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table

from borderwatch.cli.context import console, print_json
from borderwatch.errors import InputError
from borderwatch.region.names import Gazetteer, Resolution
from borderwatch.region.pack import RegionPack, load_pack

MAX_NAME_LENGTH = 200


class Format(StrEnum):
    """Output formats of `resolve`."""

    json = "json"
    table = "table"


def register(app: typer.Typer) -> None:
    """Add this module's commands to `app`."""
    app.command("resolve")(resolve)


def resolve(
    name: Annotated[str, typer.Argument(help="A place name in any spelling or script.")],
    country: Annotated[
        str | None, typer.Option(help="Only places of this country (ISO 3166 code, e.g. AF).")
    ] = None,
    pack: Annotated[str, typer.Option(help="Region pack name or folder.")] = "tj-af",
    limit: Annotated[int, typer.Option(min=1, max=50, help="Most matches to list.")] = 5,
    output: Annotated[Format, typer.Option("--format", help="json or table.")] = Format.table,
) -> None:
    """Ranked places for a name: matched, ambiguous (namesakes on both banks) or no_match."""
    query = check_name(name)
    region = load_pack(pack)
    code = check_country(country, region)
    resolution = Gazetteer(region.places.values()).resolve(query, country=code, limit=limit)
    if output is Format.json:
        print_json(resolution_json(resolution, region))
    else:
        _print_table(resolution, region)


def check_name(name: str) -> str:
    """The name stripped, or an InputError for an empty, overlong or letterless name."""
    query = " ".join(name.split())
    if not query:
        raise InputError("the place name is empty")
    if len(query) > MAX_NAME_LENGTH:
        raise InputError(f"the place name is longer than {MAX_NAME_LENGTH} characters")
    if not any(char.isalpha() for char in query):
        raise InputError(f"{query!r} has no letters: give a place name")
    return query


def check_country(country: str | None, region: RegionPack) -> str | None:
    """The country code in upper case, or an InputError when the pack does not cover it."""
    if country is None:
        return None
    code = country.strip().upper()
    if code not in region.manifest.countries:
        covered = ", ".join(region.manifest.countries)
        raise InputError(f"country {country!r} is not in region pack {region.id} ({covered})")
    return code


def resolution_json(resolution: Resolution, region: RegionPack) -> dict[str, Any]:
    """The JSON answer of `resolve --format json` (and of the API)."""
    return {
        "query": resolution.query,
        "status": resolution.status,
        "reason": resolution.reason,
        "matches": [
            {
                "place_id": m.place.id,
                "name": m.place.name,
                "kind": m.place.kind,
                "country": m.place.country,
                "admin1": _admin1_name(region, m.place.id),
                "lat": m.place.lat,
                "lon": m.place.lon,
                "score": m.score,
                "matched": m.matched,
            }
            for m in resolution.matches
        ],
    }


def _admin1_name(region: RegionPack, place_id: str) -> str | None:
    province = region.admin1(place_id)
    return province.name if province else None


def _print_table(resolution: Resolution, region: RegionPack) -> None:
    console.print(f"{resolution.query}: {resolution.status} ({resolution.reason})", markup=False)
    if not resolution.matches:
        return
    table = Table("place", "name", "kind", "country", "province", "score", "matched")
    for m in resolution.matches:
        table.add_row(
            m.place.id,
            m.place.name,
            m.place.kind,
            m.place.country,
            _admin1_name(region, m.place.id) or "",
            f"{m.score:.2f}",
            m.matched,
        )
    console.print(table)
