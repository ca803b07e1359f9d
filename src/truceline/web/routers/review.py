"""The review queue: accept, edit or reject candidates (through ``Dossier.accept`` & co.).

Every action is a revision (who, when, before, after); the record page shows them.
Writes need the analyst role and a CSRF token.

Each card says what accepting would decide: the ledger as it stands
(``Dossier.what_if``, evaluated once per dossier version and cached), then with
the candidate accepted. That is one full evaluation per card (about 20 ms on the
Gaza example, and it grows with the dossier), so a card asks for it when it
comes into view (``/review/{id}/decides``, through HTMX) rather than the page
paying for 25 at once; a card whose answer is cached shows it straight away.

A filtered set is decided at once through a confirmation page (``/review/bulk``)
that names how many, which, and the obligation-days the set would change; its
form carries the ids it showed, so what is accepted is what was confirmed, in
one transaction, or nothing if any has been decided since.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from truceline.app import Viewer, parse_assignments
from truceline.app.review import QueueFilter
from truceline.dates import parse_day
from truceline.model import RECORD_KINDS, dump, kind_of
from truceline.web.cache import MISSING
from truceline.web.deps import int_param, render, require_csrf, require_role, web

router = APIRouter()
EDITABLE_SKIP = {"id", "kind", "state", "sources", "confidence"}
PAGE_SIZE = 25
BULK_ACTIONS = {"accept": "Accept", "reject": "Reject"}
FILTER_PARAMS = ("kind", "type", "source", "min", "max", "since", "until")
BULK_LIMIT = 500
"""The most candidates one bulk decision takes (a form of many more is slow to read and
to confirm); the confirmation page says when the filter keeps more."""


def _back(request: Request, form: Any) -> Response:
    target = str(form.get("next") or "/review")
    if not target.startswith("/") or target.startswith("//"):
        target = "/review"
    return RedirectResponse(target, status_code=303)


def read_filter(query: Mapping[str, str]) -> QueueFilter:
    """The queue's filter from the query string; a malformed bound is a 400 naming it."""
    kind = query.get("kind", "")
    return QueueFilter(
        kind=kind if kind in RECORD_KINDS else "",
        type=query.get("type", "")[:100],
        source=query.get("source", "")[:200],
        min_confidence=_confidence(query.get("min", ""), "min"),
        max_confidence=_confidence(query.get("max", ""), "max"),
        since=_day(query.get("since", ""), "since"),
        until=_day(query.get("until", ""), "until"),
    )


def filter_query(f: QueueFilter) -> dict[str, str]:
    """The query-string parameters of a filter (unset ones left out)."""
    values = {
        "kind": f.kind,
        "type": f.type,
        "source": f.source,
        "min": "" if f.min_confidence is None else f"{f.min_confidence:g}",
        "max": "" if f.max_confidence is None else f"{f.max_confidence:g}",
        "since": f.since,
        "until": f.until,
    }
    return {k: v for k, v in values.items() if v}


def _confidence(value: str, name: str) -> float | None:
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 <= number <= 1:
        raise HTTPException(400, f"{name}: the confidence must be a number from 0 to 1.")
    return number


def _day(value: str, name: str) -> str:
    day = parse_day(value, f"{name} (the queue's date filter)")
    return day.isoformat() if day else ""


def _open(request: Request) -> Any:
    w = web(request)
    if w.settings.read_only:
        raise HTTPException(404, "There is no review queue on a published dossier.")
    return w


@router.get("/review", response_class=HTMLResponse)
def queue(request: Request) -> HTMLResponse:
    """The queue; each card shows what accepting it decides when that is cached, else
    asks for it as it comes into view."""
    w = _open(request)
    f = read_filter(request.query_params)
    page = w.dossier.review_page(f, int_param(request.query_params.get("page")), PAGE_SIZE)
    known = {e.record.id: w.snapshot.peek(_decides_key(e.record.id)) for e in page.entries}
    decides = {i: c for i, c in known.items() if c is not MISSING}
    done = request.query_params.get("done", "")
    return render(
        request,
        "review.html",
        page=page,
        f=f,
        params=filter_query(f),
        choices=w.dossier.queue_choices(),
        decides=decides,
        done=(done, int_param(request.query_params.get("n"), 0)) if done in BULK_ACTIONS else None,
        kinds=list(RECORD_KINDS),
        editable=editable_fields,
        title="Review queue",
    )


@router.get("/review/{record_id}/decides", response_class=HTMLResponse)
def decides(request: Request, record_id: str) -> HTMLResponse:
    """What accepting one candidate would decide: a card's fragment for HTMX, else a page."""
    w = _open(request)
    record = w.dossier.get(record_id)
    if record is None or kind_of(record) not in RECORD_KINDS:
        raise HTTPException(404, f"No record with id {record_id}.")
    found = w.snapshot.get(_decides_key(record_id), lambda: what_if(w).accepting([record_id]))
    fragment = request.headers.get("hx-request") == "true"
    return render(
        request,
        "review_decides.html" if fragment else "review_decides_page.html",
        r=record,
        decides=found,
        title=f"What accepting {record_id} decides",
    )


def what_if(w: Any) -> Any:
    """The ledger as it stands, for "what would accepting this change" (cached until the
    dossier changes; today's ledger, so a new day asks again)."""
    today = dt.date.today()
    return w.snapshot.get(f"review:what-if:{today}", lambda: w.dossier.what_if(today), heavy=True)


def _decides_key(record_id: str) -> str:
    return f"review:decides:{dt.date.today()}:{record_id}"


@router.get("/review/bulk", response_class=HTMLResponse)
def confirm_bulk(request: Request) -> HTMLResponse:
    """The confirmation step: how many, which, and what the set would decide."""
    w = _open(request)
    require_role(request, "analyst")
    action = request.query_params.get("action", "")
    if action not in BULK_ACTIONS:
        raise HTTPException(400, "action: must be accept or reject.")
    f = read_filter(request.query_params)
    matching = w.dossier.queue_ids(f)
    ids = matching[:BULK_LIMIT]
    records = w.dossier.records_by_id(ids)
    decides = w.dossier.consequences(ids) if action == "accept" and ids else None
    return render(
        request,
        "review_bulk.html",
        action=action,
        verb=BULK_ACTIONS[action],
        records=[records[i] for i in ids if i in records],
        decides=decides,
        matching=len(matching),
        params=filter_query(f),
        title=f"{BULK_ACTIONS[action]} {len(ids)} candidates?",
    )


@router.post("/review/bulk", dependencies=[Depends(require_csrf)])
async def decide_bulk(request: Request) -> Response:
    """Decide the ids the confirmation page listed: all in one transaction, or none."""
    who = require_role(request, "analyst")
    form = await request.form()
    action = str(form.get("action") or "")
    if action not in BULK_ACTIONS:
        raise HTTPException(400, "action: must be accept or reject.")
    ids = [str(i) for i in form.getlist("id")]
    if len(ids) > BULK_LIMIT:
        raise HTTPException(400, f"id: at most {BULK_LIMIT} candidates are decided at once.")
    if not ids:
        raise HTTPException(400, "id: no candidates were listed to decide.")
    note = str(form.get("note") or "").strip() or None
    dossier = web(request).dossier
    decide = dossier.accept if action == "accept" else dossier.reject
    await run_in_threadpool(decide, ids, who.name or "web", note, waiting=True)
    params = {k: str(form.get(k)) for k in FILTER_PARAMS if form.get(k)}
    query = urlencode({**params, "done": action, "n": str(len(ids))})
    return RedirectResponse(f"/review?{query}", status_code=303)


@router.post("/review/{record_id}/{action}", dependencies=[Depends(require_csrf)])
async def decide(request: Request, record_id: str, action: str) -> Response:
    """Read the form here; write in a worker thread: a write may wait for another
    writer to finish (``Store.writer``), and the event loop must not wait with it."""
    who = require_role(request, "analyst")
    form = await request.form()
    await run_in_threadpool(_decide, request, who, record_id, action, form)
    return _back(request, form)


def _decide(request: Request, who: Viewer, record_id: str, action: str, form: FormData) -> None:
    note = str(form.get("note") or "").strip() or None
    dossier = web(request).dossier
    if action == "accept":
        dossier.accept([record_id], by=who.name or "web", note=note)
    elif action == "reject":
        dossier.reject([record_id], by=who.name or "web", note=note)
    elif action == "edit":
        record = dossier.get(record_id)
        if record is None:
            raise HTTPException(404, f"No record with id {record_id}.")
        changes = changes_from_form(record, form)
        dossier.edit(
            record_id,
            changes,
            by=who.name or "web",
            note=note,
            accept=form.get("accept") == "1",
        )
    else:
        raise HTTPException(404, f"Unknown review action {action}.")


def editable_fields(record: Any) -> list[tuple[str, str]]:
    """(field, value as text) for the edit form of a record."""
    data = dump(record)
    model = RECORD_KINDS[record.kind]
    out = []
    for name in model.model_fields:
        if name in EDITABLE_SKIP:
            continue
        value = data.get(name)
        if value is None:
            text = ""
        elif isinstance(value, str):
            text = value
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            text = ", ".join(value)
        else:
            text = json.dumps(value, ensure_ascii=False)
        out.append((name, text))
    return out


def changes_from_form(record: Any, form: Any) -> dict[str, Any]:
    """The fields the form changed, parsed the way ``truceline review edit --set`` parses them."""
    assignments = []
    for name, before in editable_fields(record):
        key = f"field.{name}"
        if key in form and str(form.get(key)) != before:
            assignments.append(f"{name}={form.get(key)}")
    return parse_assignments(assignments)
