"""The `borderwatch events` command: fused events with their claims and sources."""

from __future__ import annotations

import csv
import sys
from enum import StrEnum
from typing import Annotated

import typer

from borderwatch.cli.context import err_console, open_store, print_json, print_json_lines
from borderwatch.cli.picture import load_frame
from borderwatch.fusion.export import event_row, hashtags, header


class Format(StrEnum):
    """Output formats of `events`."""

    json = "json"
    csv = "csv"
    hxl = "hxl"


def register(app: typer.Typer) -> None:
    """Add this module's commands to `app`."""
    app.command("events")(events)


def events(
    output: Annotated[Format, typer.Option("--format", help="json, csv or hxl.")] = Format.json,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Fuse every stored claim again first.")
    ] = False,
    pack: Annotated[str | None, typer.Option(help="Region pack name or folder.")] = None,
) -> None:
    """Fused events. json: one object per line; csv: header, HXL hashtag row, one row per event;
    hxl: HXL JSON (hashtag row then one array per event)."""
    from borderwatch.fusion import service  # the store (SQLAlchemy) loads only when used
    from borderwatch.picture import flows

    store = open_store()
    with store.unit_of_work() as session:
        if rebuild:
            _, alerts = flows.rebuild(session, load_frame(pack))
            err_console.print(f"rebuilt events; {len(alerts)} new alert(s) recorded")
        found = service.get_all(session)
    store.dispose()
    if output is Format.json:
        print_json_lines([event.to_json() for event in found])
    elif output is Format.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerows([header(), hashtags(), *(event_row(e) for e in found)])
    else:
        print_json([hashtags(), *(event_row(e) for e in found)])
