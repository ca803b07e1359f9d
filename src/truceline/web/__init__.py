"""The web dashboard: FastAPI + Jinja2 over a Dossier (see docs/web.md).

``create_app(dossier, settings)`` builds the app every front end uses:
``truceline serve``, ``truceline demo``, ``truceline publish`` (through the
in-process client) and the tests. This package imports FastAPI lazily, so that
importing one of its modules (``truceline.web.settings``) does not load it.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Mode", "WebSettings", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from truceline.web.app import create_app

        return create_app
    if name in ("Mode", "WebSettings"):
        from truceline.web import settings

        return getattr(settings, name)
    raise AttributeError(name)
