"""Speakers: who said what, grouped by affiliation and person, each in date order."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from truceline.web.deps import render, web

router = APIRouter()
PER_SPEAKER = 50


@router.get("/speakers", response_class=HTMLResponse)
def speakers(request: Request) -> HTMLResponse:
    w = web(request)
    dossier = w.dossier
    chosen = request.query_params.get("speaker")
    people = w.snapshot.get("speakers", dossier.speakers, heavy=True)
    if chosen is not None:
        people = [p for p in people if p.name == chosen]
    groups = []
    shown = people if chosen is not None else people[:200]
    for person in shown:
        said = dossier.statements_of(
            person.name,
            person.affiliation,
            limit=500 if chosen or w.settings.static else PER_SPEAKER,
        )
        groups.append((person, dossier.entries_for(said)))
    return render(
        request,
        "speakers.html",
        groups=groups,
        total=len(people),
        chosen=chosen,
        per_speaker=PER_SPEAKER,
        title="Speakers",
    )


def static_paths(w) -> list[str]:  # type: ignore[no-untyped-def]
    return ["/speakers"]
