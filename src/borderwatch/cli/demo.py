"""The `borderwatch demo` command: the bundled pack and sample reports in a fresh database."""

from __future__ import annotations

import secrets
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from borderwatch.cli.context import console, err_console, open_store
from borderwatch.cli.ingest import ingest_paths
from borderwatch.cli.picture import print_picture
from borderwatch.cli.serve import serve_app
from borderwatch.settings import Settings
from borderwatch.types import Role

if TYPE_CHECKING:
    from borderwatch.store.session import Store


def samples_folder(pack: str) -> Path:
    """The bundled sample reports of a region pack."""
    return Path(str(files("borderwatch") / "samples" / pack))


def fresh_settings(settings: Settings) -> Settings:
    """The settings with a demo database file that is emptied on every run."""
    path = settings.data_dir / "demo.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return Settings(
        database_url=f"sqlite:///{path}",
        data_dir=settings.data_dir,
        region_pack=settings.region_pack,
    )


def create_demo_users(store: Store) -> dict[str, str]:
    """One user per role, named after it, with a password generated for this run."""
    from borderwatch.accounts import service as accounts  # argon2 loads only when used

    credentials = {role.value: secrets.token_urlsafe(12) for role in Role}
    with store.unit_of_work() as session:
        for role, password in credentials.items():
            accounts.create_user(session, role, password, role)
    return credentials


def demo(
    serve: Annotated[
        bool, typer.Option(help="Serve the web app after printing the picture.")
    ] = True,
    host: Annotated[str, typer.Option(help="Address to serve on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to serve on.")] = 8000,
) -> None:
    """Load the bundled region pack and sample reports into a fresh database, print the picture,
    and serve the web app."""
    # The flows and the store (SQLAlchemy) load only when the demo runs.
    from borderwatch.flows.context import FlowContext
    from borderwatch.picture import service as picture_service

    settings = fresh_settings(Settings.from_env())
    err_console.print(f"demo database: {settings.database_url}")
    store = open_store(settings)
    context = FlowContext.for_pack(settings.region_pack)
    samples = samples_folder(settings.region_pack)
    outcomes = ingest_paths(store, context, [str(samples)], max_bytes=settings.max_report_bytes)
    reports = sum(len(o.new_reports) for o in outcomes)
    claims = sum(o.claims for o in outcomes)
    console.print(
        f"loaded the {context.pack.manifest.name} pack, {reports} sample reports, {claims} claims"
    )
    with store.unit_of_work() as session:
        as_of = picture_service.latest_event_date(session)
        print_picture(picture_service.get_picture(session, context.frame, as_of), context.frame)
    credentials = create_demo_users(store)
    if not serve:
        return
    console.print(f"\nweb app: http://{host}:{port}/   (Ctrl-C stops it)")
    for username, password in credentials.items():
        console.print(f"  sign in as {username:8} password {password}")
    serve_app(settings, store, context, host, port)


def register(app: typer.Typer) -> None:
    """Add `demo` to `app`."""
    app.command()(demo)
