"""What every page module shares: the ``Web`` of the app, rendering, CSRF and role checks."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from truceline.app import Viewer
from truceline.model import describe
from truceline.web.cache import MISSING
from truceline.web.links import Linker
from truceline.web.settings import Mode

NAV = [
    ("/timeline", "Timeline"),
    ("/compliance", "Compliance"),
    ("/deadlines", "Deadlines"),
    ("/negotiation", "Negotiation"),
    ("/disputes", "Disputes"),
    ("/speakers", "Speakers"),
    ("/sources", "Sources"),
    ("/review", "Review"),
    ("/data", "Data"),
]


def web(request: Request) -> Any:
    return request.app.state.web


def viewer(request: Request) -> Viewer:
    return request.state.viewer  # type: ignore[no-any-return]


def csrf_token(request: Request) -> str:
    """The token forms must send back: an HMAC of the session (or the browser's key cookie)."""
    key = request.state.csrf_key
    if not key:
        return ""
    secret = web(request).settings.secret
    return hmac.new(secret, key.encode(), hashlib.sha256).hexdigest()


async def require_csrf(request: Request) -> None:
    """Refuse a state-changing request without the right token, or from another origin."""
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
        raise HTTPException(403, "This request came from another site.")
    form = await request.form()
    sent = str(form.get("csrf") or request.headers.get("x-csrf-token") or "")
    expected = csrf_token(request)
    if not expected or not hmac.compare_digest(sent, expected):
        raise HTTPException(403, "The form's security token is missing or stale; reload the page.")


def require_role(request: Request, role: str) -> Viewer:
    who = viewer(request)
    if who is None or not who.can(role) or web(request).settings.read_only:
        role_name = who.role if who else "anonymous"
        raise HTTPException(403, f"Your role ({role_name}) cannot do this; it needs {role}.")
    return who


def can_edit(request: Request) -> bool:
    who = viewer(request)
    return bool(who and who.can("analyst") and not web(request).settings.read_only)


def linker(request: Request) -> Linker:
    """The ``url(path, **query)`` helper for the page being rendered."""
    settings = web(request).settings
    return Linker(settings.static, getattr(request.state, "current_file", "") or "index.html")


def fragment(
    request: Request, template: str, context: Callable[[], dict[str, Any]], key: str = ""
) -> Any:
    """A template rendered to Markup and cached until the dossier changes.

    Only for content that is the same for every viewer (no CSRF token, no user
    name): the key is the template, the path and query (or ``key``, when the
    fragment depends on less than the whole query), and the link style.
    """
    w = web(request)

    def build() -> Markup:
        base = {"url": linker(request), "static": w.settings.static, "describe": describe}
        return Markup(w.env.get_template(template).render({**base, **context()}))

    return w.snapshot.get(_fragment_key(request, template, key), build)


def cached_fragment(request: Request, template: str, key: str = "") -> Markup | None:
    """The fragment ``fragment`` would give, if it is cached (else None; never renders)."""
    found = web(request).snapshot.peek(_fragment_key(request, template, key))
    return None if found is MISSING else found  # type: ignore[no-any-return]


def _fragment_key(request: Request, template: str, key: str) -> str:
    return "|".join(
        (
            "fragment",
            template,
            request.url.path,
            key or str(request.url.query),
            getattr(request.state, "current_file", "") or "",
        )
    )


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    w = web(request)
    settings = w.settings
    url = linker(request)
    nav = [(path, label) for path, label in NAV if not (path == "/review" and settings.read_only)]
    base = {
        "request": request,
        "url": url,
        "nav": nav,
        "mode": settings.mode.value,
        "static": settings.static,
        "read_only": settings.read_only,
        "viewer": viewer(request),
        "team": settings.mode is Mode.TEAM,
        "can_edit": can_edit(request),
        "csrf": csrf_token(request) if not settings.static else "",
        "describe": describe,
        "path": request.url.path,
    }
    html = w.env.get_template(template).render({**base, **context})
    return HTMLResponse(html, status_code=status)


MAX_PAGE = 1_000_000_000
"""The largest page number asked for: its row offset must fit the database's 64 bits."""


def int_param(value: str | None, default: int = 1) -> int:
    """A page number from the query string; anything but 1 … ``MAX_PAGE`` is a 400.

    Refused here, not turned into page 1: a typo shows as one, and a huge number
    never reaches the database, where its OFFSET would overflow (a 500).
    """
    if not value:
        return default
    if not (value.isascii() and value.isdigit() and len(value) <= 10) or not (
        1 <= int(value) <= MAX_PAGE
    ):
        raise HTTPException(400, f"The page must be a whole number from 1 to {MAX_PAGE}.")
    return int(value)
