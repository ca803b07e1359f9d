"""Dashboard load test: 100,000 synthetic records, 20 concurrent clients, p50/p95/p99 per page.

    .venv/bin/python bench/web.py [--records 100000] [--clients 20] [--seconds 20]

Builds a dossier in ``build/bench-web`` from the Gaza example (its agreement,
so compliance has real obligations) plus synthetic records bulk-inserted
through the store's tables (the FTS triggers index them as usual), starts
``truceline serve`` in its own process on a free loopback port, warms each
page once (the compliance ledger is computed once per dossier version and
cached; the warm-up time is reported), then runs ``--clients`` closed-loop
clients for ``--seconds`` per page class. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
import sqlalchemy as sa

from truceline.app import Dossier
from truceline.model import Event, Evidence, Figure, Source, Statement, dump
from truceline.store import schema

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "build" / "bench-web"
ACTORS = ["Israel", "Hamas", "Egypt", "Qatar", "United States", "UNRWA", "OCHA", "COGAT"]
TYPES = ["ASSAULT", "RELEASE", "AID", "ACCUSE", "AGREE", "REJECT", "THREATEN", "RETREAT"]
OUTLETS = ["Reuters", "AP", "AFP", "Al Jazeera", "Times of Israel", "BBC", "Anadolu", "WAFA"]
WORDS = (
    "strike convoy talks crossing release hostages prisoners aid trucks withdrawal corridor".split()
)
BODIES = ["OCHA", "COGAT", "Egyptian crossing count"]


def synthetic(n: int, seed: int = 7) -> tuple[list[Source], list[object]]:
    rng = random.Random(seed)
    start = dt.date(2025, 1, 19)
    sources = [
        Source(
            id=f"bench-src-{i}",
            outlet=OUTLETS[i % len(OUTLETS)],
            url=f"https://example.org/{i}",
            published=(start + dt.timedelta(days=i % 70)).isoformat(),
        )
        for i in range(max(1, n // 20))
    ]
    records: list[object] = []
    for i in range(n):
        day = (start + dt.timedelta(days=rng.randrange(70))).isoformat()
        ev = [Evidence(source=sources[rng.randrange(len(sources))].id)]
        words = " ".join(rng.sample(WORDS, 4))
        k = i % 10
        if k < 5:
            actors = rng.sample(ACTORS, 2)
            records.append(
                Event(
                    id=f"bench-ev-{i}",
                    date=day,
                    type=rng.choice(TYPES),
                    actors=actors[:1],
                    targets=actors[1:],
                    summary=f"{actors[0]} {words} near Rafah ({i})",
                    sources=ev,
                )
            )
        elif k < 8:
            who = rng.choice(ACTORS)
            records.append(
                Statement(
                    id=f"bench-st-{i}",
                    date=day,
                    speaker=f"Spokesperson {i % 300}",
                    affiliation=who,
                    quote=f"We will not accept {words} ({i})",
                    sources=ev,
                )
            )
        else:
            records.append(
                Figure(
                    id=f"bench-fig-{i}",
                    date=day,
                    metric="aid_trucks",
                    value=rng.randrange(200, 900),
                    qualifier="exact",
                    period="day",
                    counted_by=rng.choice(BODIES),
                    sources=ev,
                )
            )
    return sources, records


def build(n: int) -> Path:
    if FOLDER.exists():
        shutil.rmtree(FOLDER)
    dossier = Dossier.init(FOLDER)
    dossier.import_dir(ROOT / "examples" / "gaza-2025", by="bench")
    sources, records = synthetic(n)
    with dossier.store.engine.begin() as conn:
        conn.execute(
            schema.sources.insert(),
            [
                {
                    "id": s.id,
                    "outlet": s.outlet,
                    "url": s.url,
                    "published": s.published,
                    "data": dump(s),
                }
                for s in sources
            ],
        )
        rows, spans = [], []
        for r in records:
            data = dump(r)  # type: ignore[arg-type]
            rows.append(
                {
                    "id": r.id,  # type: ignore[attr-defined]
                    "kind": r.kind,  # type: ignore[attr-defined]
                    "date": r.date,  # type: ignore[attr-defined]
                    "date_precision": "day",
                    "state": "accepted",
                    "claimed_by": None,
                    "summary": getattr(r, "summary", None) or getattr(r, "quote", None),
                    "confidence": None,
                    "data": data,
                }
            )
            spans.append({"record_id": r.id, "position": 0, "source_id": r.sources[0].source})  # type: ignore[attr-defined]
        for i in range(0, len(rows), 5000):
            conn.execute(schema.records.insert(), rows[i : i + 5000])
            conn.execute(schema.record_sources.insert(), spans[i : i + 5000])
        conn.execute(
            schema.revisions.insert().values(
                object_kind="dossier",
                object_id="bench",
                at=dt.datetime.now(dt.UTC),
                by="bench",
                action="create",
                note=f"{n} synthetic records",
            )
        )
    with dossier.store.engine.connect() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(schema.records)).scalar_one()
    dossier.close()
    print(f"dossier: {total} records in {FOLDER}", file=sys.stderr)
    return FOLDER


PAGES = {
    "timeline": lambda r: r.choice(
        [
            "/timeline",
            f"/timeline?page={r.randrange(1, 200)}",
            "/timeline?kind=statement",
            f"/timeline?kind=event&type={r.choice(TYPES)}",
            f"/timeline?q={r.choice(WORDS)}",
            f"/timeline?q={r.choice(WORDS)}+{r.choice(WORDS)}&page=2",
            f"/timeline?party={r.choice(ACTORS).replace(' ', '+')}",
            f"/timeline?outlet={r.choice(OUTLETS).replace(' ', '+')}",
        ]
    ),
    "compliance": lambda r: r.choice(
        [
            "/compliance",
            "/compliance?by=day",
            "/compliance?by=day&from=2025-02-15",
            "/compliance?party=Israel",
        ]
    ),
    "compliance cell": lambda r: (
        f"/compliance/cell?obligation=aid-trucks-daily&day=2025-01-{r.randrange(19, 31)}"
    ),
}


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _client(base: str, page: str, until: float, seed: int, out: list[float]) -> int:
    rng = random.Random(seed)
    errors = 0
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        while time.monotonic() < until:
            path = PAGES[page](rng)
            t0 = time.perf_counter()
            response = await client.get(path)
            out.append(time.perf_counter() - t0)
            errors += response.status_code != 200
    return errors


async def _burst(base: str, path: str, n: int) -> None:
    """Concurrent requests, so that every worker process warms its caches."""
    async with httpx.AsyncClient(base_url=base, timeout=300) as client:
        await asyncio.gather(*(client.get(path) for _ in range(n)))


async def _load(base: str, page: str, clients: int, seconds: float) -> dict[str, float]:
    until = time.monotonic() + seconds
    times: list[float] = []
    errors = await asyncio.gather(*(_client(base, page, until, i, times) for i in range(clients)))
    q = statistics.quantiles(times, n=100)
    return {
        "requests": len(times),
        "rps": len(times) / seconds,
        "p50": q[49] * 1000,
        "p95": q[94] * 1000,
        "p99": q[98] * 1000,
        "errors": sum(errors),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes.")
    parser.add_argument("--reuse", action="store_true", help="Keep an existing bench dossier.")
    args = parser.parse_args()
    if not (args.reuse and FOLDER.exists()):
        t0 = time.perf_counter()
        build(args.records)
        print(f"built in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    port = _port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "truceline", "serve", "-d", str(FOLDER)),
            *("--port", str(port), "--workers", str(args.workers)),
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(200):
            try:
                httpx.get(base + "/healthz", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        warm = {}
        for page in PAGES:
            t0 = time.perf_counter()
            httpx.get(base + PAGES[page](random.Random(0)), timeout=300)
            warm[page] = time.perf_counter() - t0
            asyncio.run(_burst(base, PAGES[page](random.Random(0)), 4 * args.workers))
        rows = []
        for page in PAGES:
            stats = asyncio.run(_load(base, page, args.clients, args.seconds))
            rows.append((page, stats))
    finally:
        server.terminate()
        server.wait(10)
    print(
        f"\n{args.records:,} synthetic records + the Gaza example; {args.clients} concurrent "
        f"clients, {args.seconds:g} s per page class, {args.workers} uvicorn worker(s) on "
        f"loopback, {os.cpu_count()} CPU cores shared with the load generator.\n"
    )
    print("| page | requests | req/s | p50 ms | p95 ms | p99 ms | errors | first request s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for page, s in rows:
        print(
            f"| {page} | {s['requests']:.0f} | {s['rps']:.1f} | {s['p50']:.0f} | "
            f"{s['p95']:.0f} | {s['p99']:.0f} | {s['errors']:.0f} | {warm[page]:.2f} |"
        )


if __name__ == "__main__":
    main()
