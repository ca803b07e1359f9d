"""Negotiation page (filled in once truceline.negotiation lands)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from truceline.web.deps import render

router = APIRouter()


@router.get("/negotiation", response_class=HTMLResponse)
def page(request: Request) -> HTMLResponse:
    return render(request, "pending.html", title="Negotiation", what="negotiation")


def static_paths(w) -> list[str]:  # type: ignore[no-untyped-def]
    return ["/negotiation"]
