"""The timeline: every record by date, filtered and searched, one page at a time."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from truceline.web import queries
from truceline.web.deps import fragment, int_param, render, web

router = APIRouter()

STATES = ("accepted", "candidate", "rejected")


def read_filter(request: Request) -> queries.TimelineFilter:
    p = request.query_params
    state = p.get("state", "accepted")
    return queries.TimelineFilter(
        q=p.get("q", "").strip()[:200],
        kind=p.get("kind", "").strip(),
        party=p.get("party", "").strip(),
        type=p.get("type", "").strip(),
        outlet=p.get("outlet", "").strip(),
        source=p.get("source", "").strip(),
        state=state if state in (*STATES, "") else "accepted",
        page=int_param(p.get("page")),
    )


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request) -> HTMLResponse:
    w = web(request)
    store = w.dossier.store
    f = read_filter(request)
    results = fragment(
        request,
        "timeline_results.html",
        lambda: {
            "f": f,
            "page": queries.timeline(
                store,
                f,
                w.settings.page_size,
                w.snapshot,
                # the static site has no server to ask again: count exactly there
                cap=None if w.settings.static else queries.COUNT_CAP,
            ),
        },
    )
    partial = request.headers.get("hx-request") == "true" and not request.headers.get(
        "hx-history-restore-request"
    )
    if partial:
        return HTMLResponse(results)
    form = fragment(
        request,
        "timeline_form.html",
        lambda: {
            "f": f,
            "states": STATES,
            "choices": w.snapshot.get("choices", lambda: queries.choices(store)),
        },
    )
    return render(request, "timeline.html", f=f, form=form, results=results, title="Timeline")


def static_paths(w) -> list[str]:  # type: ignore[no-untyped-def]
    total = queries.timeline_total(w.dossier.store, queries.TimelineFilter())
    pages = max(1, -(-total // w.settings.page_size))
    return ["/timeline"] + [f"/timeline?page={n}" for n in range(2, pages + 1)]
