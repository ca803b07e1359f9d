"""One record (fields, evidence, history); one source (its text, every span highlighted); sources."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from truceline.model import Source, describe, dump, kind_of
from truceline.web.deps import int_param, linker, render, web
from truceline.web.render import Span, highlight_spans, locate
from truceline.web.typography import headline

router = APIRouter()


@router.get("/record/{record_id}", response_class=HTMLResponse)
def record(request: Request, record_id: str) -> HTMLResponse:
    dossier = web(request).dossier
    obj = dossier.get(record_id)
    if obj is None:
        raise HTTPException(404, f"No record with id {record_id}.")
    if isinstance(obj, Source):
        return source(request, record_id)
    kind = kind_of(obj)
    if kind not in ("event", "statement", "figure", "proposal", "response"):
        raise HTTPException(404, f"{record_id} is a {kind}, not a record.")
    entry = dossier.entries_for([obj])[0]  # type: ignore[list-item]
    fields = {
        k: v
        for k, v in dump(obj).items()
        if k not in ("id", "kind", "sources", "state", "date", "date_precision")
    }
    return render(
        request,
        "record.html",
        entry=entry,
        record=obj,
        fields=fields,
        history=dossier.history(record_id),
        title=f"{headline(obj)} ({kind})",
    )


@router.get("/source/{source_id}", response_class=HTMLResponse)
def source(request: Request, source_id: str) -> HTMLResponse:
    dossier = web(request).dossier
    src = dossier.source(source_id)
    if src is None:
        raise HTTPException(404, f"No source with id {source_id}.")
    focus = request.query_params.get("focus", "")
    records = dossier.records_citing(source_id)
    spans: list[Span] = []
    unplaced = []
    for rec in records:
        placed = False
        for ev in rec.sources:
            if ev.source != source_id:
                continue
            where = locate(src.text or "", ev.start, ev.end, ev.text)
            if where:
                spans.append(Span(where[0], where[1], rec.id, f"{rec.kind}: {describe(rec)}"))
                placed = True
        if not placed:
            unplaced.append(rec)
    url = linker(request)
    text = (
        highlight_spans(src.text, spans, lambda rid: url(f"/record/{rid}"), focus)
        if src.text
        else None
    )
    evidence = {rec.id: [ev for ev in rec.sources if ev.source == source_id] for rec in records}
    return render(
        request,
        "source.html",
        source=src,
        text=text,
        records=records,
        unplaced=unplaced,
        evidence=evidence,
        focus=focus,
        title=src.title or f"{src.outlet} {src.published or ''}".strip(),
    )


@router.get("/sources", response_class=HTMLResponse)
def sources(request: Request) -> HTMLResponse:
    w = web(request)
    page = int_param(request.query_params.get("page"))
    rows, total = w.dossier.source_page(page, 100)
    pages = max(1, -(-total // 100))
    return render(
        request, "sources.html", rows=rows, total=total, page=page, pages=pages, title="Sources"
    )


def static_paths(w) -> list[str]:  # type: ignore[no-untyped-def]
    records = w.dossier.record_ids()
    sources = w.dossier.source_ids()
    pages = max(1, -(-len(sources) // 100))
    return (
        ["/sources"]
        + [f"/sources?page={n}" for n in range(2, pages + 1)]
        + [f"/record/{r}" for r in records]
        + [f"/source/{s}" for s in sources]
    )
