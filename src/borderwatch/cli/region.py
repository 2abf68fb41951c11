"""The `borderwatch region` commands: list the bundled region packs and show one."""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table

from borderwatch.cli.context import console, print_json
from borderwatch.errors import InputError
from borderwatch.region.pack import RegionPack, available_packs, load_pack
from borderwatch.settings import Settings

region_app = typer.Typer(
    help="Region packs: the countries, admin units, border sections and crossings of a border.",
    no_args_is_help=True,
)
FORMATS = ("table", "json")


def register(app: typer.Typer) -> None:
    """Add this module's commands to `app`."""
    app.add_typer(region_app, name="region")


@region_app.command("list")
def list_packs(
    format: str = typer.Option("table", "--format", help="table or json"),
) -> None:
    """List the region packs bundled with borderwatch."""
    _check_format(format)
    packs = [load_pack(name) for name in available_packs()]
    if format == "json":
        print_json([{"id": p.id, "name": p.manifest.name, "path": str(p.path)} for p in packs])
        return
    table = Table("pack", "name", "countries", "sections", "places", title="Region packs")
    for pack in packs:
        countries = " ".join(pack.manifest.countries)
        table.add_row(
            pack.id, pack.manifest.name, countries, str(len(pack.sections)), str(len(pack.places))
        )
    console.print(table)


@region_app.command("show")
def show(
    pack: str = typer.Option("", "--pack", help="pack name or folder (default: settings)"),
    format: str = typer.Option("table", "--format", help="table or json"),
) -> None:
    """Show a region pack: countries, admin units, sections with facing units, crossings."""
    _check_format(format)
    region = load_pack(pack or Settings.from_env().region_pack)
    summary = pack_summary(region)
    if format == "json":
        print_json(summary)
    else:
        _print_tables(summary)


def _check_format(format: str) -> None:
    if format not in FORMATS:
        raise InputError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")


def pack_summary(region: RegionPack) -> dict[str, Any]:
    """Everything `region show` prints, as one JSON-ready dict."""
    return {
        "id": region.id,
        "name": region.manifest.name,
        "home_country": region.manifest.home_country,
        "countries": [_ref(region, p.id) for p in region.places.values() if p.kind == "country"],
        "admin_units": _admin_units(region),
        "sections": [_section(region, s.id) for s in region.sections],
        "crossings": _crossings(region),
        "official_lengths": [o.model_dump() for o in region.manifest.official_lengths],
        "length_km": round(sum(s.length_km for s in region.sections), 1),
        "geometric_length_km": round(region.geometric_length_km, 1),
        "attribution": region.manifest.attribution,
    }


def _ref(region: RegionPack, place_id: str) -> dict[str, Any]:
    place = region.places[place_id]
    return {"id": place.id, "name": place.name, "country": place.country}


def _admin_units(region: RegionPack) -> list[dict[str, Any]]:
    """Each province with its count of districts and of border districts."""
    rows = []
    for province in (p for p in region.places.values() if p.kind == "province"):
        districts = [c for c in region.children(province.id) if c.kind == "district"]
        rows.append(
            {
                **_ref(region, province.id),
                "districts": len(districts),
                "border_districts": sum(1 for d in districts if d.border),
            }
        )
    return rows


def _section(region: RegionPack, section_id: str) -> dict[str, Any]:
    section = next(s for s in region.sections if s.id == section_id)
    return {
        "id": section.id,
        "seq": section.seq,
        "units": {cc: _ref(region, unit) for cc, unit in section.units.items()},
        "length_km": section.length_km,
        "geometric_km": section.geometric_km,
        "approximate": section.approximate,
        "crossings": [_ref(region, c) for c in section.crossings],
    }


def _crossings(region: RegionPack) -> list[dict[str, Any]]:
    rows = []
    for place in (p for p in region.places.values() if p.kind == "crossing"):
        sections = region.sections_for_place(place.id)
        rows.append(
            {
                **_ref(region, place.id),
                "facing": _ref(region, place.facing) if place.facing else None,
                "section": sections[0].id if sections else None,
                "lat": place.lat,
                "lon": place.lon,
            }
        )
    return rows


def _print_tables(summary: dict[str, Any]) -> None:
    """The summary as Rich tables, one per part."""
    console.print(f"[bold]{summary['name']}[/bold] (pack {summary['id']})")
    countries = Table("code", "country", title="Countries")
    for c in summary["countries"]:
        home = " (home: near side)" if c["country"] == summary["home_country"] else ""
        countries.add_row(c["country"], c["name"] + home)
    console.print(countries)
    units = Table("country", "province", "districts", "on the border", title="Admin units")
    for u in summary["admin_units"]:
        units.add_row(u["country"], u["name"], str(u["districts"]), str(u["border_districts"]))
    console.print(units)
    console.print(_sections_table(summary))
    crossings = Table("crossing", "country", "facing", "section", title="Crossings")
    for x in summary["crossings"]:
        facing = x["facing"]["name"] if x["facing"] else "-"
        crossings.add_row(x["name"], x["country"], facing, x["section"] or "-")
    console.print(crossings)
    for figure in summary["official_lengths"]:
        console.print(f"Official length: {figure['km']:,.0f} km ({figure['source']})")
    console.print(
        f"Sections add up to {summary['length_km']:,.1f} km; "
        f"the generalised line measures {summary['geometric_length_km']:,.1f} km."
    )


def _sections_table(summary: dict[str, Any]) -> Table:
    codes = [c["country"] for c in summary["countries"]]
    home = summary["home_country"]
    codes.sort(key=lambda code: code != home)
    table = Table("section", *codes, "km", "crossings", title="Border sections")
    for s in summary["sections"]:
        facing = [s["units"][code]["name"] for code in codes]
        crossings = ", ".join(c["name"] for c in s["crossings"])
        table.add_row(s["id"], *facing, f"{s['length_km']:.1f}", crossings)
    return table
