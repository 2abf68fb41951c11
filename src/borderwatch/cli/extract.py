"""The `borderwatch extract` command: the claims of one report, printed, nothing stored."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.table import Table

from borderwatch.cli.context import console, err_console, print_json_lines
from borderwatch.clocks import parse_day
from borderwatch.errors import InputError
from borderwatch.intake.files import expand, read_bytes
from borderwatch.settings import Settings

if TYPE_CHECKING:
    from borderwatch.extraction.document import Claim
    from borderwatch.intake.items import ReadItem

FORMATS = ("json", "table")


def register(app: typer.Typer) -> None:
    """Add this module's commands to `app`."""
    app.command("extract")(extract)


def extract(
    path: str = typer.Argument(..., help="The report file (text, HTML, e-mail, feed, JSON lines)."),
    published: str | None = typer.Option(
        None, "--published", help="The report's date, YYYY-MM-DD: dates in the text count from it."
    ),
    source: str | None = typer.Option(None, "--source", help="The publisher, e.g. Reuters."),
    pack: str | None = typer.Option(None, "--pack", help="The region pack (default: tj-af)."),
    output: str = typer.Option("json", "--format", help="json (one claim per line) or table."),
) -> None:
    """Print the claims of one report without storing anything."""
    from borderwatch.extraction.pipeline import build_pipeline  # loaded only when it runs

    if output not in FORMATS:
        raise InputError(f"unknown format {output!r}: use one of {', '.join(FORMATS)}")
    given = parse_day(published, "--published")
    settings = Settings.from_env()
    items = _read(path, given, settings.max_report_bytes)
    pipeline = build_pipeline(pack or settings.region_pack)
    claims: list[Claim] = []
    for item in items:
        for problem in item.problems:
            err_console.print(f"note: {problem}", markup=False, highlight=False)
        reference = given or item.published
        if reference is None:
            err_console.print(
                "note: no date in the report and no --published: relative dates stay unresolved",
                markup=False,
            )
        claims += pipeline.extract_claims(
            item.text,
            reference_date=reference,
            reference_assumed=given is None and item.published_assumed,
            publisher=source or item.source,
            language=item.language,
        )
    if output == "json":
        print_json_lines([c.to_json() for c in claims])
    else:
        _print_table(claims)
    err_console.print(f"{len(claims)} claim(s) from {path}", markup=False, highlight=False)


def _read(path: str, published: date | None, max_bytes: int) -> list[ReadItem]:
    from borderwatch.intake.readers import read  # the HTML and feed parsers load here

    files = expand([path])
    if len(files) != 1 or Path(path).is_dir():
        raise InputError(f"extract reads one file; {path} names {len(files)}: use ingest")
    return read(read_bytes(files[0], max_bytes), files[0].name, published=published)


def _print_table(claims: list[Claim]) -> None:
    table = Table()
    table.add_column("type", no_wrap=True)
    table.add_column("date", no_wrap=True)
    for header in ("places", "actors", "figures", "who says"):
        table.add_column(header, overflow="fold")
    table.add_column("conf.", justify="right")
    for claim in claims:
        data: dict[str, Any] = claim.to_json()
        table.add_row(
            claim.type.value,
            data["date"] or "?",
            ", ".join(p["name"] if p["place_id"] else f"{p['text']}?" for p in data["places"]),
            ", ".join(a["name"] for a in data["actors"]),
            ", ".join(f"{q['value']} {q['of'] or q['unit']}" for q in data["quantities"]),
            " > ".join(data["attribution"]),
            f"{claim.confidence:.2f}",
        )
    console.print(table)
