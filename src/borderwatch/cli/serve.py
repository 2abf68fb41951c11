"""The `borderwatch serve` command: the web app and the JSON API."""

from __future__ import annotations

from typing import Annotated

import typer
import uvicorn

from borderwatch.cli.context import err_console, open_store
from borderwatch.settings import Settings
from borderwatch.web.app import create_app


def run_server(settings: Settings, host: str, port: int) -> None:
    """Serve the app for `settings` until interrupted."""
    store = open_store(settings)
    app = create_app(settings, store)
    err_console.print(f"borderwatch is serving on http://{host}:{port}/  (Ctrl-C stops it)")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the web app (map, timeline, reports, review) and the JSON API at /api/v1."""
    run_server(Settings.from_env(), host, port)


def register(app: typer.Typer) -> None:
    """Add `serve` to `app`."""
    app.command()(serve)
