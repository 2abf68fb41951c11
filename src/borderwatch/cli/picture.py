"""The `borderwatch picture` command: every border section's state at a time, three formats."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from borderwatch.cli.context import console, open_store, print_json
from borderwatch.clocks import parse_day, parse_moment
from borderwatch.picture.render import picture_geojson, picture_json, table_rows
from borderwatch.picture.state import Picture
from borderwatch.region.pack import load_pack
from borderwatch.settings import Settings

if TYPE_CHECKING:
    from borderwatch.picture.frame import Frame


class Format(StrEnum):
    """Output formats of `picture`."""

    table = "table"
    json = "json"
    geojson = "geojson"


def register(app: typer.Typer) -> None:
    """Add this module's commands to `app`."""
    app.command("picture")(picture)


def load_frame(pack: str | None = None) -> Frame:
    """The picture's frame from the named region pack (the settings' pack by default)."""
    from borderwatch.picture.frame import frame_from_pack  # the extraction lexicons load here

    return frame_from_pack(load_pack(pack or Settings.from_env().region_pack))


def picture(
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Valid day YYYY-MM-DD (default: today).")
    ] = None,
    known_at: Annotated[
        str | None,
        typer.Option("--known-at", help="Only what had been received by then (ISO 8601)."),
    ] = None,
    output: Annotated[
        Format, typer.Option("--format", help="table, json or geojson.")
    ] = Format.table,
    pack: Annotated[str | None, typer.Option(help="Region pack name or folder.")] = None,
) -> None:
    """The border picture: who holds each side of every section, activity, impact level."""
    from borderwatch.picture import service  # the store (SQLAlchemy) loads only when used

    day = parse_day(as_of, "--as-of") or datetime.now(UTC).date()
    moment = parse_moment(known_at, "--known-at")
    frame = load_frame(pack)
    store = open_store()
    with store.unit_of_work() as session:
        result = service.get_picture(session, frame, day, moment)
        alerts = [
            {
                "section": a.section_id,
                "kind": a.kind,
                "side": a.side,
                "valid_on": a.valid_on.isoformat(),
                "before": a.before,
                "after": a.after,
                "events": a.event_ids,
                "message": a.message,
            }
            for a in service.get_alerts(session)
            if a.valid_on <= day
        ]
    store.dispose()
    if output is Format.json:
        print_json({**picture_json(result), "alerts": alerts})
    elif output is Format.geojson:
        print_json(picture_geojson(result))
    else:
        print_picture(result, frame)


def print_picture(result: Picture, frame: Frame | None = None) -> None:
    """The picture as a table on the terminal, with the whole border's figures below it."""
    known = f", as known at {result.known_at.isoformat()}" if result.known_at else ""
    table = Table(title=f"Border picture as of {result.as_of.isoformat()}{known}")
    far, near = ("far side", "near side")
    if frame is not None:
        far, near = f"far side ({frame.far_country})", f"near side ({frame.home_country})"
    for column in ("#", far, near, "km", "impact", "crossed", "why"):
        table.add_column(column, overflow="fold")
    names = {pid: p.name for pid, p in frame.places.places.items()} if frame else None
    for row in table_rows(result, names):
        table.add_row(*row)
    console.print(table)
    figures = result.figures
    for controller, km, share in figures.by_controller:
        console.print(f"far side held by {controller}: {km:,.0f} km ({share:.0%})")
    for reported in figures.reported:
        console.print(reported.sentence)
    console.print(f"people crossed to date (each event once): {figures.people_crossed:,.0f}")
