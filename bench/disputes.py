"""Dispute detection at scale: ``detect_disputes`` over synthetic records, time and growth.

    .venv/bin/python bench/disputes.py [--sizes 100000 1000000] [--workload reporting|dense]
                                       [--repeat 1]

Two workloads:

- ``reporting`` (default): happenings reported by one to five outlets each, in
  their own words (actor aliases, paraphrased verbs), at a bounded volume of
  about 400 records a day, so a larger dossier covers more days, as a longer
  record of a conflict does. Half events, 30 % statements (some claiming a
  party's answer to a proposal, some denying it), 20 % figures (tolls of one
  strike, day totals and running totals by counting bodies, some that clash).
- ``dense``: ``bench/web.py``'s ``synthetic(n)``, all records in 70 days and
  every summary ending "near Rafah", so events of one type a day apart always
  share words and the day's density grows with n (the workload of the
  earlier measurements in bench/RESULTS.md).

Prints a Markdown table: records, events, disputes found, merged happenings,
seconds (best of ``--repeat``; CPU seconds beside them, steadier on a shared
machine), the growth of the time against the previous size, and the load
average when the size finished.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

from truceline.cli.collector import gc_paused
from truceline.model import Event, Evidence, Figure, Record, Source, Statement
from truceline.reconcile import detect_disputes, merge_events

RECORDS_PER_DAY = 400
PLACES = 300  # a conflict's towns, camps, crossings and corridors
OUTLETS = ["Harbor Times", "Levant Courier", "The Ledger", "Radio Meridian", "Coastline Daily"]
ACTORS = {
    "Israeli forces": ["IDF", "Israeli army", "Israeli military", "Israeli troops"],
    "Hamas": ["Hamas", "HAMAS", "Hamas fighters"],
    "Egypt": ["Egypt", "Egyptian mediators"],
    "Qatar": ["Qatar", "Qatari mediators"],
    "United States": ["U.S.", "United States", "Washington"],
    "Islamic Jihad": ["Islamic Jihad", "PIJ"],
}
ACTS = {
    "ASSAULT": ["struck", "shelled", "hit", "bombed"],
    "RELEASE": ["freed", "released", "set free", "handed over"],
    "AID": ["let in", "delivered", "sent"],
    "REJECT": ["rejected", "turned down", "refused"],
    "AGREE": ["accepted", "agreed to", "approved"],
    "RETREAT": ["withdrew from", "pulled out of", "left"],
    "ACCUSE": ["accused", "blamed", "charged"],
    "THREATEN": ["threatened", "warned", "vowed to hit"],
}
BODIES = ["Gaza Health Ministry", "OCHA", "COGAT", "civil defence"]
SYLLABLES = "ka lo mi ra zu ne ti sa bo de fu ha ri po ve".split()


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    """Invented place and object words: a large vocabulary, as real reporting has."""
    return sorted({"".join(rng.choices(SYLLABLES, k=3)) for _ in range(size)})


def reporting(n: int, seed: int = 7) -> tuple[list[Source], list[Record]]:
    """About ``n`` records of happenings, each reported by a few outlets."""
    rng = random.Random(seed)
    words = _vocabulary(rng, 4000)
    days = max(7, n // RECORDS_PER_DAY)
    start = dt.date(2025, 1, 19)
    sources: list[Source] = []
    records: list[Record] = []
    running = {body: 40_000.0 for body in BODIES}
    while len(records) < n:
        day = start + dt.timedelta(days=rng.randrange(days))
        kind = rng.random()
        if kind < 0.25:
            records += _happening(rng, day, words, sources, len(records))
        elif kind < 0.7:
            records += _stance(rng, day, sources, len(records))
        else:
            records += _figures(rng, day, words, sources, running, len(records))
    return sources, records[:n]


def _source(rng: random.Random, day: dt.date, sources: list[Source]) -> Evidence:
    sources.append(
        Source(
            id=f"rep-src-{len(sources)}",
            outlet=rng.choice(OUTLETS),
            published=day.isoformat(),
        )
    )
    return Evidence(source=sources[-1].id)


def _happening(
    rng: random.Random, day: dt.date, words: list[str], sources: list[Source], at: int
) -> list[Record]:
    kind = rng.choice(list(ACTS))
    actor, target = rng.sample(list(ACTORS), 2)
    objects, place = rng.sample(words, 3), rng.choice(words[:PLACES])
    out: list[Record] = []
    for k in range(rng.randint(1, 5)):
        when = day + dt.timedelta(days=rng.random() < 0.2)
        said = rng.sample(objects, 2)
        out.append(
            Event(
                id=f"rep-ev-{at + k}",
                date=when.isoformat(),
                type=kind,
                actors=[rng.choice(ACTORS[actor])],
                targets=[rng.choice(ACTORS[target])],
                location=place.title(),
                summary=f"{rng.choice(ACTORS[actor])} {rng.choice(ACTS[kind])} "
                f"{' '.join(said)} in {place.title()}",
                sources=[_source(rng, when, sources)],
            )
        )
    return out


def _stance(rng: random.Random, day: dt.date, sources: list[Source], at: int) -> list[Record]:
    party = rng.choice(["Hamas", "Israel"])
    speaker = rng.choice(["a senior official", "mediators", "a spokesman", f"{party} officials"])
    verb = rng.choice(["had accepted", "had rejected", "did not reject", "received no"])
    quote = f"{party} {verb} the proposal" if rng.random() < 0.1 else f"talks continue ({at})"
    return [
        Statement(
            id=f"rep-st-{at}",
            date=day.isoformat(),
            speaker=f"{speaker} {rng.randrange(200)}",
            quote=quote,
            mode="indirect",
            sources=[_source(rng, day, sources)],
        )
    ]


def _figures(
    rng: random.Random,
    day: dt.date,
    words: list[str],
    sources: list[Source],
    running: dict[str, float],
    at: int,
) -> list[Record]:
    body = rng.choice(BODIES)
    shape = rng.random()
    common = {"date": day.isoformat(), "metric": "killed", "who": "people in Gaza"}
    if shape < 0.4:
        running[body] += rng.randrange(0, 60)
        extra = {"cumulative": True, "value": running[body], "counted_by": body}
    elif shape < 0.7:
        extra = {"incident": f"strike on {rng.choice(words)}", "value": rng.randrange(1, 40)}
    else:
        extra = {"value": rng.randrange(5, 120), "counted_by": body, "period": "day"}
    return [
        Figure(id=f"rep-fig-{at}", sources=[_source(rng, day, sources)], **common, **extra)  # type: ignore[arg-type]
    ]


def dense(n: int) -> tuple[list[Source], list[Record]]:
    """``bench/web.py``'s records (imported only when asked: it loads the web app)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from web import synthetic

    return synthetic(n)  # type: ignore[return-value]


def run(n: int, repeat: int, workload: str) -> dict[str, float]:
    sources, records = (reporting if workload == "reporting" else dense)(n)
    events = [r for r in records if isinstance(r, Event)]
    best = cpu = float("inf")
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        with gc_paused():  # as `truceline check` and `truceline disputes` run it
            found = detect_disputes(records, sources, [])  # type: ignore[arg-type]
        best = min(best, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    start = time.perf_counter()
    with gc_paused():
        merged = merge_events(events, {s.id: s for s in sources})  # type: ignore[union-attr]
    merge_seconds = time.perf_counter() - start
    return {
        "records": n,
        "events": len(events),
        "disputes": len(found),
        "merged": sum(1 for m in merged if len(m.events) > 1),
        "seconds": best,
        "cpu": cpu,
        "merge_seconds": merge_seconds,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--workload", choices=["reporting", "dense"], default="reporting")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    print(f"workload: {args.workload}")
    print(
        "| records | events | disputes | merged happenings | detect_disputes s (CPU s) "
        "| merge_events alone s | growth | load |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |")
    previous: dict[str, float] | None = None
    for n in args.sizes:
        r = run(n, args.repeat, args.workload)
        growth = (
            f"× {r['seconds'] / previous['seconds']:.1f} for × {n / previous['records']:.1f} records"
            if previous
            else ""
        )
        print(
            f"| {n:,} | {r['events']:,} | {r['disputes']:,} | {r['merged']:,} "
            f"| {r['seconds']:.2f} ({r['cpu']:.2f}) | {r['merge_seconds']:.2f} | {growth} "
            f"| {os.getloadavg()[0]:.1f} |",
            flush=True,
        )
        previous = r
    return 0


if __name__ == "__main__":
    sys.exit(main())
