"""Rendering: every page is a template and, at the same URL plus `.json`, the same data as JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.autoescape = True


def wants_json(request: Request) -> bool:
    """True for `.json` URLs, the API, or a client that asks for JSON only."""
    path = request.url.path
    accept = request.headers.get("accept", "")
    return path.endswith(".json") or path.startswith("/api/") or accept == "application/json"


def page(request: Request, template: str, data: dict[str, Any], status_code: int = 200) -> Response:
    """The page as HTML, or its data as JSON when the URL ends in `.json`."""
    if wants_json(request):
        return JSONResponse(jsonable_encoder(data), status_code=status_code)
    principal = getattr(request.state, "principal", None)
    context = {"request": request, "principal": principal, **data}
    response: HTMLResponse = TEMPLATES.TemplateResponse(
        request, template, context, status_code=status_code
    )
    return response
