"""The `borderwatch ingest` command: store, extract and fuse files, folders and globs."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import Progress
from rich.table import Table

from borderwatch.cli.context import console, err_console, open_store, print_json
from borderwatch.clocks import parse_day
from borderwatch.errors import IntakeError
from borderwatch.intake.files import expand, read_bytes
from borderwatch.settings import Settings

if TYPE_CHECKING:
    from borderwatch.flows.context import FlowContext
    from borderwatch.flows.ingest import IngestOutcome
    from borderwatch.store.session import Store


def ingest_paths(
    store: Store,
    context: FlowContext,
    paths: list[str],
    *,
    published: date | None = None,
    source: str | None = None,
    max_bytes: int,
) -> list[IngestOutcome]:
    """Ingest every file under `paths`, one unit of work per file, with a progress bar."""
    # The flows (extraction, fusion, the ORM) load only when a command ingests.
    from borderwatch.flows.ingest import IngestOutcome, ingest_input

    files = expand(paths)
    outcomes = []
    with Progress(console=err_console, transient=True, disable=len(files) < 2) as progress:
        task = progress.add_task("ingesting", total=len(files))
        for path in files:
            try:
                raw = read_bytes(path, max_bytes)
            except IntakeError as error:
                outcomes.append(IngestOutcome(str(path), error=error.message))
            else:
                with store.unit_of_work() as session:
                    outcomes.append(
                        ingest_input(
                            session,
                            context,
                            raw,
                            str(path),
                            source_name=source,
                            published=published,
                        )
                    )
            progress.advance(task)
    return outcomes


def _table(outcomes: list[IngestOutcome]) -> Table:
    table = Table(title="Ingested")
    for column in ("file", "new reports", "already stored", "claims", "problems"):
        table.add_column(column)
    for o in outcomes:
        problems = o.error or "; ".join(o.problems)
        table.add_row(
            o.name, str(len(o.new_reports)), str(len(o.known_reports)), str(o.claims), problems
        )
    return table


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or glob patterns.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) when a report has none.")
    ] = None,
    source: Annotated[str | None, typer.Option(help="The publisher of these reports.")] = None,
    output: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """Store each report (raw bytes first), extract its claims, fuse them into events."""
    from borderwatch.flows.context import FlowContext

    settings = Settings.from_env()
    store = open_store(settings)
    context = FlowContext.for_pack(settings.region_pack)
    outcomes = ingest_paths(
        store,
        context,
        paths,
        published=parse_day(published, "--published"),
        source=source,
        max_bytes=settings.max_report_bytes,
    )
    if output == "json":
        print_json([asdict(o) for o in outcomes])
    else:
        console.print(_table(outcomes))
    failed = [o for o in outcomes if o.error and not o.new_reports and not o.known_reports]
    for o in failed:
        err_console.print(
            f"error [intake_failed]: {o.name}: {o.error}", soft_wrap=True, markup=False
        )
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add `ingest` to `app`."""
    app.command()(ingest)
