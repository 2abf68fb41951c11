"""The `borderwatch serve` command: the web app and the JSON API."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from borderwatch.cli.context import err_console, open_store
from borderwatch.settings import Settings

if TYPE_CHECKING:
    from borderwatch.flows.context import FlowContext
    from borderwatch.store.session import Store


def serve_app(settings: Settings, store: Store, context: FlowContext, host: str, port: int) -> None:
    """Serve the app on `store` until interrupted."""
    # The web app and its server load only when serving: every other command starts faster.
    import uvicorn

    from borderwatch.web.app import create_app

    app = create_app(settings, store, context)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the web app (map, timeline, reports, review) and the JSON API at /api/v1."""
    from borderwatch.flows.context import FlowContext  # the pipeline loads only when serving

    settings = Settings.from_env()
    store = open_store(settings)
    err_console.print(f"borderwatch is serving on http://{host}:{port}/  (Ctrl-C stops it)")
    serve_app(settings, store, FlowContext.for_pack(settings.region_pack), host, port)


def register(app: typer.Typer) -> None:
    """Add `serve` to `app`."""
    app.command()(serve)
