"""The web dashboard: FastAPI + Jinja2 over a Dossier (see docs/web.md).

``create_app(dossier, settings)`` builds the app every front end uses:
``truceline serve``, ``truceline demo``, ``truceline publish`` (through the
in-process client) and the tests.
"""

from __future__ import annotations

from typing import Any

from truceline.web.settings import Mode, WebSettings

__all__ = ["Mode", "WebSettings", "create_app"]


def __getattr__(name: str) -> Any:
    # Lazy: the CLI imports ``truceline.web.settings`` at start, which runs this
    # file; importing ``truceline.web.app`` here would load FastAPI, Starlette and
    # Jinja2 for every command, dashboard or not.
    if name == "create_app":
        from truceline.web.app import create_app

        return create_app
    raise AttributeError(name)
