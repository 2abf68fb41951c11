"""The server-rendered pages, one module per screen."""

from __future__ import annotations

from fastapi import FastAPI

from borderwatch.web.pages import auth, events, map, plan, reports, review, timeline, users


def register_pages(app: FastAPI) -> None:
    """Add every page's routes to `app`."""
    for module in (auth, map, timeline, reports, review, events, plan, users):
        app.include_router(module.router)
