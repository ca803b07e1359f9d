"""Downloads: the ledger and the records as CSV, Parquet and JSON; iCalendar; TimelineJS JSON.

The files are the ones ``truceline publish`` writes (``Dossier.export_data``),
built once per version of the dossier into a temporary folder.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from threading import Lock

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse

from truceline.app import DATA_FILES, DATA_SETS
from truceline.web.deps import render, web

router = APIRouter()
_lock = Lock()


@router.get("/data", response_class=HTMLResponse)
def data(request: Request) -> HTMLResponse:
    return render(request, "data.html", sets=DATA_SETS, title="Data")


@router.get("/data/{name}")
def download(request: Request, name: str) -> FileResponse:
    if name not in DATA_FILES:
        raise HTTPException(404, f"No data file {name}.")
    w = web(request)
    folder = _built(w)
    return FileResponse(
        folder / name,
        media_type=DATA_FILES[name][0],
        filename=name,
        content_disposition_type="attachment",
    )


def _built(w) -> Path:  # type: ignore[no-untyped-def]
    current = w.dossier.version()
    with _lock:
        built = w.extras.get("data")
        if built and built[0] == current:
            return Path(built[1].name)
        if built:
            built[1].cleanup()
        tmp = tempfile.TemporaryDirectory(prefix="truceline-data-")
        w.dossier.export_data(Path(tmp.name))
        w.extras["data"] = (current, tmp)
        return Path(tmp.name)


def static_paths(w) -> list[str]:  # type: ignore[no-untyped-def]
    return ["/data"]
