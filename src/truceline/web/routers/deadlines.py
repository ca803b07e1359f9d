"""Deadlines page (filled in once truceline.deadlines lands)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from truceline.web.deps import render

router = APIRouter()


@router.get("/deadlines", response_class=HTMLResponse)
def page(request: Request) -> HTMLResponse:
    return render(request, "pending.html", title="Deadlines", what="deadlines")


def static_paths(w) -> list[str]:  # type: ignore[no-untyped-def]
    return ["/deadlines"]
