"""The review queue: accept, edit or reject candidates (through ``Dossier.accept`` & co.).

Every action is a revision (who, when, before, after); the record page shows them.
Writes need the analyst role and a CSRF token.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from truceline.app import Viewer, parse_assignments
from truceline.model import RECORD_KINDS, dump
from truceline.web.deps import int_param, render, require_csrf, require_role, web

router = APIRouter()
EDITABLE_SKIP = {"id", "kind", "state", "sources", "confidence"}


def _back(request: Request, form: Any) -> Response:
    target = str(form.get("next") or "/review")
    if not target.startswith("/") or target.startswith("//"):
        target = "/review"
    return RedirectResponse(target, status_code=303)


@router.get("/review", response_class=HTMLResponse)
def queue(request: Request) -> HTMLResponse:
    w = web(request)
    if w.settings.read_only:
        raise HTTPException(404, "There is no review queue on a published dossier.")
    kind = request.query_params.get("kind", "")
    if kind and kind not in RECORD_KINDS:
        kind = ""
    page = w.dossier.review_page(kind, int_param(request.query_params.get("page")), 25)
    return render(
        request,
        "review.html",
        page=page,
        kind=kind,
        kinds=list(RECORD_KINDS),
        editable=editable_fields,
        title="Review queue",
    )


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
