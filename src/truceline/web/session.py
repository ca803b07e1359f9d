"""The team-mode session cookie: what the browser holds after signing in.

The session itself (a random token whose SHA-256 the account database keeps) is
``Dossier.open_session``; this module is only how the web carries the token.
"""

from __future__ import annotations

from fastapi import Request, Response

from truceline.web.settings import WebSettings

SESSION_COOKIE = "tl_session"


def session_token(request: Request) -> str | None:
    """The session token the browser sent, if any."""
    return request.cookies.get(SESSION_COOKIE) or None


def set_session_cookie(response: Response, token: str, settings: WebSettings) -> None:
    """Hand the browser its session: script-proof, same-site, gone when the session is."""
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=settings.session_hours * 3600,
        httponly=True,
        samesite="strict",
        secure=settings.secure_cookies,
    )


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE)
