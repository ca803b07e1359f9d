"""``publish``: the dashboard's pages as a static site, plus the data files for download.

The web face renders itself: publishing lives here, beside the app it renders,
and takes the data files from ``Dossier.export_data``.

The pages are rendered by the dashboard itself (``create_app`` in a read-only,
static-links mode, through the in-process test client), so the site and the
live app never drift apart. No server is needed to browse the result: every
link is relative and every script, style and font is copied beside the pages.

    OUTDIR/index.html, timeline/…, record/ID.html, source/ID.html, compliance.html, …
    OUTDIR/static/…        styles and scripts
    OUTDIR/data/…          events.csv, records.jsonl, records.json, *.parquet,
                           deadlines.ics, timeline.json (TimelineJS),
                           timeline-index.js (the timeline's search index)

The timeline is published 50 records a page, so no page holds every record to
filter in place; instead ``write_search_index`` writes one compact index of
the accepted records that ``static/timeline-search.js`` searches in the reader's
browser (see its docstring for why it is a script and not a JSON file).
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx

from truceline.app import Dossier
from truceline.errors import StoreError
from truceline.model import Record, describe
from truceline.web.app import create_app
from truceline.web.links import Linker, static_file
from truceline.web.render import json_script
from truceline.web.routers import ROUTERS_WITH_PAGES
from truceline.web.settings import Mode, WebSettings

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PublishReport:
    pages: int
    data_files: int
    folder: Path


SEARCH_INDEX = "timeline-index.js"
SEARCH_GLOBAL = "trucelineTimeline"
_PARTY_FIELDS = ("claimed_by", "speaker", "affiliation", "proposer", "party")
_PARTY_LISTS = ("actors", "targets")


def write_search_index(folder: Path, dossier: Dossier) -> Path:
    """The accepted records, in timeline order, as a script the static timeline searches.

    A script assigning one global, not a ``.json`` file to fetch: a published site
    is often opened straight from disk (``file://``), where browsers refuse
    ``fetch`` but load a ``<script src>``, and the site's CSP allows scripts from
    its own files. Each record is one array ``[id, date, kind, parties, text,
    link]`` (a few hundred bytes: a few thousand records make about a megabyte,
    loaded once and cached for every timeline page). The JSON is escaped as for
    ``<script>`` (no ``<``, ``>``, ``&``), so record text stays data wherever the
    index is read.
    """
    link = Linker(static=True, current_file=f"data/{SEARCH_INDEX}")
    accepted = dossier.records(states=("accepted",))
    accepted.sort(key=lambda r: (r.date is None, r.date or "", r.id))
    index = {"records": [_index_row(r, link(f"/record/{r.id}")) for r in accepted]}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / SEARCH_INDEX
    path.write_text(f"window.{SEARCH_GLOBAL} = {json_script(index)};\n", encoding="utf-8")
    return path


def _index_row(record: Record, link: str | None) -> list[Any]:
    """One record as the index holds it; ``link`` is relative to the index file (None
    for an id no page can be published for)."""
    return [record.id, record.date, record.kind, parties_of(record), describe(record), link]


def parties_of(record: Record) -> list[str]:
    """Who acts, speaks, claims, proposes or answers in ``record``: the values the live
    timeline's party filter matches (``truceline.store.search.party_clause``), in a
    stable order."""
    found = [getattr(record, name, None) for name in _PARTY_FIELDS]
    for name in _PARTY_LISTS:
        found.extend(getattr(record, name, None) or [])
    return list(dict.fromkeys(p for p in found if p))


def site_paths(app: Any) -> list[str]:
    """Every live path the static site has a page for."""
    web = app.state.web
    paths: list[str] = []
    for module in ROUTERS_WITH_PAGES:
        paths.extend(module.static_paths(web))
    return list(dict.fromkeys(paths))


def publish(dossier: Dossier, outdir: Path, progress: Progress | None = None) -> PublishReport:
    """Write the static site of ``dossier`` into ``outdir`` (created; existing files replaced)."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    app = create_app(dossier, WebSettings(mode=Mode.PUBLIC, static=True))
    paths = site_paths(app)
    asyncio.run(_render_pages(app, paths, outdir, progress))
    static = outdir / "static"
    if static.exists():
        shutil.rmtree(static)
    shutil.copytree(
        str(resources.files("truceline.web") / "static"),
        static,
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    data = dossier.export_data(outdir / "data")
    write_search_index(outdir / "data", dossier)
    return PublishReport(pages=len(paths), data_files=len(data), folder=outdir)


async def _render_pages(
    app: Any, paths: list[str], outdir: Path, progress: Progress | None
) -> None:
    """Render each page through the app in-process (no socket) and write it to its file."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://site.invalid") as client:
        for done, live in enumerate(paths, start=1):
            target = static_file(*_split(live))
            if target is None:
                continue
            response = await client.get(live)
            if response.status_code != 200:
                raise StoreError(f"publishing {live} gave HTTP {response.status_code}")
            file = outdir / target
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_bytes(response.content)
            if progress:
                progress(done, len(paths))


def _split(live: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(live)
    return parts.path, dict(parse_qsl(parts.query))
