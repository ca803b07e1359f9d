"""The overview page: what the dossier holds and where to go."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse

from truceline.web.deps import render, web

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    w = web(request)
    dossier = w.dossier
    counts = w.snapshot.get("counts", dossier.counts, heavy=True)
    states = w.snapshot.get("states", dossier.state_counts, heavy=True)
    agreements = w.snapshot.get("agreements", dossier.agreements, heavy=True)
    return render(
        request,
        "home.html",
        counts=counts,
        states=states,
        agreements=agreements,
        title="Overview",
    )


@router.get("/healthz", response_class=PlainTextResponse)
def healthz() -> str:
    return "ok"


def static_paths(w) -> list[str]:  # type: ignore[no-untyped-def]
    return ["/"]
