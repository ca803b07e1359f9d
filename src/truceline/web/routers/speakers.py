"""Speakers: who said what, the most heard first, each speaker's statements in date order."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from truceline.app import Speaker
from truceline.web.deps import render, web

router = APIRouter()
PER_SPEAKER = 50


@router.get("/speakers", response_class=HTMLResponse)
def speakers(request: Request) -> HTMLResponse:
    w = web(request)
    dossier = w.dossier
    chosen = request.query_params.get("speaker")
    people = by_voice(w.snapshot.get("speakers", dossier.speakers, heavy=True))
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


def by_voice(people: list[Speaker]) -> list[Speaker]:
    """Speakers with the most statements first, then by name: a reader scanning who
    speaks in this process meets the voices the reporting carries most, and the
    cut at 200 drops the rarest, never an arbitrary end of the alphabet."""
    return sorted(people, key=lambda p: (-p.count, p.name.casefold(), p.affiliation.casefold()))


def static_paths(w) -> list[str]:  # type: ignore[no-untyped-def]
    return ["/speakers"]
