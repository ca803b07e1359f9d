"""The timeline: every record by date, filtered and searched, one page at a time."""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from truceline.app import TimelineFilter
from truceline.web.deps import cached_fragment, fragment, int_param, render, web

router = APIRouter()

STATES = ("accepted", "candidate", "rejected")


def read_filter(request: Request) -> TimelineFilter:
    p = request.query_params
    state = p.get("state", "accepted")
    return TimelineFilter(
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
async def timeline(request: Request) -> HTMLResponse:
    """The timeline page (or, for htmx, its results).

    A page whose fragments are cached is served on the event loop: two dictionary
    lookups, a ``PRAGMA data_version`` and the page frame, about 1 ms. Going
    through Starlette's threadpool instead costs ~2 ms of CPU more per request
    under load (the thread handoff and GIL contention between the pool's
    threads), more than the page itself. Anything to compute (SQL, rendering
    the results) runs in the threadpool, as do all pages on PostgreSQL, where
    even the version check is a query.
    """
    if web(request).snapshot.version.cheap:
        page = _cached_page(request)
        if page is not None:
            return page
    return await run_in_threadpool(_timeline, request)


def _partial(request: Request) -> bool:
    return request.headers.get("hx-request") == "true" and not request.headers.get(
        "hx-history-restore-request"
    )


def _form_key(f: TimelineFilter) -> str:
    # the form shows the filter, not the page: one per filter, whatever the page
    return repr(replace(f, page=1))


def _cached_page(request: Request) -> HTMLResponse | None:
    """The response from cached fragments only, or None when something must be computed."""
    f = read_filter(request)
    results = cached_fragment(request, "timeline_results.html")
    if results is None:
        return None
    if _partial(request):
        return HTMLResponse(results)
    form = cached_fragment(request, "timeline_form.html", key=_form_key(f))
    if form is None:
        return None
    return render(request, "timeline.html", f=f, form=form, results=results, title="Timeline")


def _timeline(request: Request) -> HTMLResponse:
    w = web(request)
    dossier = w.dossier
    f = read_filter(request)
    results = fragment(
        request,
        "timeline_results.html",
        lambda: {
            "f": f,
            "page": dossier.timeline_page(
                f,
                w.settings.page_size,
                w.snapshot,
                exact=w.settings.static,
            ),
        },
    )
    if _partial(request):
        return HTMLResponse(results)
    form = fragment(
        request,
        "timeline_form.html",
        lambda: {
            "f": f,
            "states": STATES,
            "choices": w.snapshot.get("choices", dossier.filter_choices, heavy=True),
        },
        key=_form_key(f),
    )
    return render(request, "timeline.html", f=f, form=form, results=results, title="Timeline")


def static_paths(w) -> list[str]:  # type: ignore[no-untyped-def]
    total = w.dossier.timeline_total(TimelineFilter())
    pages = max(1, -(-total // w.settings.page_size))
    return ["/timeline"] + [f"/timeline?page={n}" for n in range(2, pages + 1)]
