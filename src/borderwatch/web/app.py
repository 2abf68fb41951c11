"""The web application: server-rendered pages, the JSON API, static files, one error shape."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from borderwatch.accounts.service import LoginThrottle
from borderwatch.api.plan_routes import router as plan_api_router
from borderwatch.api.routes import router as api_router
from borderwatch.errors import AuthenticationError, BorderwatchError, InputError
from borderwatch.flows.context import FlowContext
from borderwatch.settings import Settings
from borderwatch.store.session import Store
from borderwatch.web.pages import register_pages
from borderwatch.web.render import page, wants_json

SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        b"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """Adds a strict content security policy and related headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers if scope["type"] == "http" else send)


async def _on_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, BorderwatchError)
    if wants_json(request):
        return JSONResponse({"error": exc.to_dict()}, status_code=exc.http_status)
    if isinstance(exc, AuthenticationError) and request.method == "GET":
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
    return page(request, "error.html", {"error": exc.to_dict()}, status_code=exc.http_status)


async def _on_invalid(request: Request, exc: Exception) -> Response:
    """Malformed parameters get the one error shape (or page), not the framework's own."""
    assert isinstance(exc, RequestValidationError)
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', '')}"
        for e in exc.errors()
    )
    return await _on_error(request, InputError(problems or "the request is malformed"))


def create_app(settings: Settings, store: Store, context: FlowContext | None = None) -> FastAPI:
    """The app serving `store`; nothing happens until a server runs it."""
    app = FastAPI(
        title="borderwatch",
        summary="The border picture, its events and claims, and the response plan, as JSON.",
        version="1",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.throttle = LoginThrottle()
    app.state.context = context or FlowContext.for_pack(settings.region_pack)
    app.add_exception_handler(BorderwatchError, _on_error)
    app.add_exception_handler(RequestValidationError, _on_invalid)
    app.include_router(api_router)
    app.include_router(plan_api_router)
    register_pages(app)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    app.add_middleware(SecurityHeaders)
    return app
