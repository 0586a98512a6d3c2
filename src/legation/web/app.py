"""The web app: :func:`create_app` builds the FastAPI application over one database.

>>> from fastapi.testclient import TestClient
>>> client = TestClient(create_app(":memory:"))
>>> client.get("/api/pairs").json()
{'ok': True, 'total': 0, 'pairs': []}
>>> client.get("/api/nothing").json()
{'ok': False, 'error': 'not found: /api/nothing', 'status': 404}

Everything is read-only unless a token is configured: only then does ``POST /api/ingest`` exist,
and it wants ``Authorization: Bearer <token>``. Every error, wherever it arises, has one JSON shape,
``{"ok": false, "error": "...", "status": N}`` (a browser asking for a page gets the same message
as an HTML page). Every response forbids scripts, styles, images and connections from anywhere but
the app itself (Content-Security-Policy), so nothing in a page can reach another origin.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from http import HTTPStatus
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from legation.errors import LegationError, NotFoundError

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")
log = logging.getLogger("legation.web")


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every response; with ``hosts``, refuses other Host headers;
    answers HEAD as GET without a body.

    The host check stops DNS rebinding: a page on another site whose name resolves to 127.0.0.1
    cannot read a server bound to loopback, because its requests carry that site's name as Host.
    """

    def __init__(self, app: ASGIApp, hosts: tuple[str, ...] | None = None) -> None:
        self.app = app
        self.hosts = {h.lower() for h in hosts} if hosts else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.hosts is not None:
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1").lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name not in self.hosts:
                response = error_response(400, f"unknown Host header {host!r} (this server answers to "
                                               f"{', '.join(sorted(self.hosts))})")
                await response(scope, receive, send)
                return

        # HEAD is answered as GET without the body (FastAPI's routes only know GET).
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.decode("latin-1").lower() not in SECURITY_HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": headers}
            elif message["type"] == "http.response.body" and head:
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """The one error shape: ``{"ok": false, "error": message, "status": status}``."""
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status,
                        headers={**SECURITY_HEADERS, **(headers or {})})


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path.endswith(".json") or path.startswith("/static/"):
        return False
    return "text/html" in request.headers.get("accept", "")


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        loc = [str(p) for p in error.get("loc", ()) if p not in ("body",)] or ["body"]
        where = ".".join(loc[1:]) if loc[0] in ("query", "path", "header") and len(loc) > 1 else ".".join(loc)
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)


def _status_of(exc: LegationError) -> int:
    """404 for what is not in the database; 400 for any other value a user can correct."""
    return 404 if isinstance(exc, NotFoundError) else 400


def _install_errors(app: FastAPI, templates: Jinja2Templates) -> None:
    def respond(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
        if _wants_html(request):
            # The security headers here too: a 500 is answered outside the middleware that adds them.
            return templates.TemplateResponse(request, "error.html", {"status": status, "message": message,
                                              "reason": HTTPStatus(status).phrase},
                                              status_code=status, headers={**SECURITY_HEADERS, **(headers or {})})
        return error_response(status, message, headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404 and exc.detail in (None, "Not Found"):
            message = f"not found: {request.url.path}"
        elif exc.status_code == 405 and exc.detail in (None, "Method Not Allowed"):
            message = f"{request.method} is not allowed on {request.url.path}"
        else:
            message = str(exc.detail)
        return respond(request, exc.status_code, message, dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return respond(request, 422, _validation_message(exc))

    @app.exception_handler(LegationError)
    async def user_error(request: Request, exc: LegationError) -> Response:
        return respond(request, _status_of(exc), str(exc))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
        return respond(request, 500, "internal error: this is a bug in legation (the server log has the details)")


def templates() -> Jinja2Templates:
    """The page templates, autoescaping everything (article text is never marked safe)."""
    folder = str(resources.files("legation.web").joinpath("templates"))
    env = Environment(loader=FileSystemLoader(folder), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["n"] = _number
    return Jinja2Templates(env=env)


def _number(value: float, digits: int = 1) -> str:
    """A coordinate for SVG: fixed digits, no exponent (``|n`` and ``|n(2)`` in templates)."""
    return f"{float(value):.{digits}f}"


def create_app(db: str | None = None, token: str | None = None,
               allowed_hosts: tuple[str, ...] | None = None) -> FastAPI:
    """The web app over the database ``db`` (as for ``legation.open``: path, ``:memory:`` or URL).

    ``token`` enables ``POST /api/ingest`` for requests bearing it. ``allowed_hosts`` restricts
    the Host header (``legation serve`` on loopback passes :data:`LOOPBACK_HOSTS`). Raises
    :class:`~legation.errors.ConfigError` for a database that does not exist (read-only: a missing
    SQLite file is only created when ingest is enabled).
    """
    from legation import __version__
    from legation.store import open as open_store
    from legation.web import api, pages

    store = open_store(db, create=token is not None or db == ":memory:")

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="legation",
        version=__version__,
        summary="Relations between countries, as sourced, dated facts from encyclopedia articles.",
        description=("Read-only JSON API over a legation database. Every error has the shape "
                     '`{"ok": false, "error": "...", "status": N}`. Every page of the web app has a '
                     "`.json` twin with its data."),
        docs_url=None, redoc_url=None, openapi_url="/api/openapi.json",
    )
    app.state.store = store
    app.state.token = token or None
    app.state.templates = templates()
    _install_errors(app, app.state.templates)
    app.include_router(api.router(ingest_enabled=bool(token)))
    app.include_router(pages.router)
    static = str(resources.files("legation.web").joinpath("static"))
    app.mount("/static", StaticFiles(directory=static), name="static")
    app.add_middleware(SecurityHeaders, hosts=allowed_hosts)
    return app
