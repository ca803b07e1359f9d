"""``create_app(dossier, settings)``: the one way the dashboard is built.

The app holds a ``Web`` (dossier, settings, templates, caches) in
``app.state.web``; each page module adds one ``APIRouter``. A middleware sets
who is looking (``request.state.viewer``), refuses writes in public mode, sends
signed-out team visitors to the login page and adds the security headers
(a strict Content-Security-Policy: scripts, styles and fonts only from this app).
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import HTTPException
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from truceline.app import Dossier, LoginLimiter, Viewer
from truceline.web.cache import Snapshot
from truceline.web.links import static_file
from truceline.web.render import environment
from truceline.web.routers import ROUTERS
from truceline.web.routers.errors import error_page, install_error_pages
from truceline.web.session import session_token
from truceline.web.settings import ENV_PREFIX, Mode, WebSettings

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
KEY_COOKIE = "tl_key"
_OPEN_PATHS = ("/login", "/static/", "/healthz")


@dataclass
class Web:
    """Everything a page needs besides the request."""

    dossier: Dossier
    settings: WebSettings
    env: Environment
    snapshot: Snapshot
    limiter: LoginLimiter
    extras: dict[str, object] = field(default_factory=dict)


def create_app(dossier: Dossier, settings: WebSettings | None = None) -> FastAPI:
    """The dashboard over ``dossier``."""
    settings = settings or WebSettings()
    app = FastAPI(title="truceline", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.web = Web(
        dossier=dossier,
        settings=settings,
        env=environment(),
        snapshot=Snapshot(dossier),
        limiter=LoginLimiter(settings.login_attempts, settings.login_window_seconds),
    )
    static_dir = resources.files("truceline.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static_dir)), name="static")
    for router in ROUTERS:
        app.include_router(router)
    install_error_pages(app)

    app.add_middleware(AccessMiddleware)
    return app


def app_from_environment() -> FastAPI:
    """The app for one of several uvicorn worker processes (``truceline serve --workers N``).

    The parent passes the dossier, mode and the shared secret (so a CSRF token
    made by one worker is good in another) through ``TRUCELINE_WEB_*`` variables.
    """
    env = os.environ
    dossier = Dossier.open(Path(env[ENV_PREFIX + "DOSSIER"]), env.get(ENV_PREFIX + "DB") or None)
    settings = WebSettings(
        mode=Mode(env.get(ENV_PREFIX + "MODE", "local")),
        secret=bytes.fromhex(env[ENV_PREFIX + "SECRET"]),
        local_user=env.get(ENV_PREFIX + "USER", "web"),
        secure_cookies=env.get(ENV_PREFIX + "SECURE_COOKIES") == "1",
    )
    return create_app(dossier, settings)


class AccessMiddleware:
    """Who is looking, what they may do, and the security headers on every response.

    A plain ASGI middleware (not ``@app.middleware("http")``, Starlette's
    ``BaseHTTPMiddleware``, which runs the app in a task of its own and passes
    every body through a memory stream: ~0.5 ms a request here). The response
    itself goes through untouched; only its start message gets the headers.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        web: Web = scope["app"].state.web
        refused = _access(request, web)
        static = request.url.path.startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name not in headers:
                        headers[name] = value
                if not static and "cache-control" not in headers:
                    headers["cache-control"] = "no-store"
                key = getattr(request.state, "new_key", None)
                if key:
                    cookie = Response()
                    cookie.set_cookie(
                        KEY_COOKIE,
                        key,
                        httponly=True,
                        samesite="strict",
                        secure=web.settings.secure_cookies,
                    )
                    for raw_name, raw_value in cookie.raw_headers:
                        if raw_name == b"set-cookie":
                            headers.append("set-cookie", raw_value.decode("latin-1"))
            await send(message)

        await (refused or self.app)(scope, receive, send_with_headers)


def _access(request: Request, web: Web) -> Response | None:
    """Set who is looking (``request.state``); a response when the request is refused."""
    settings = web.settings
    path = request.url.path
    request.state.current_file = (
        static_file(path, dict(request.query_params)) or "index.html" if settings.static else ""
    )
    key = request.cookies.get(KEY_COOKIE)
    if not key and not settings.static:
        key = secrets.token_urlsafe(24)
        request.state.new_key = key
    request.state.csrf_key = key or ""
    if settings.mode is Mode.PUBLIC or settings.static:
        request.state.viewer = Viewer(None, "viewer")
        if request.method not in ("GET", "HEAD"):
            return _refuse(request, 403, "This dashboard is published read-only.")
    elif settings.mode is Mode.LOCAL:
        request.state.viewer = Viewer(settings.local_user, "admin")
    else:
        token = session_token(request)
        viewer = web.dossier.session_user(token) if token else None
        request.state.viewer = viewer
        if viewer is not None and token:
            request.state.csrf_key = token
        elif not path.startswith(_OPEN_PATHS):
            if request.method in ("GET", "HEAD"):
                target = path + (f"?{request.url.query}" if request.url.query else "")
                return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
            return _refuse(request, 401, "Sign in first.")
    return None


def _refuse(request: Request, status: int, message: str) -> Response:
    return error_page(request, HTTPException(status, message))


__all__ = ["CSP", "Web", "create_app"]
