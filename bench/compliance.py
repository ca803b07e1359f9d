"""Benchmark the compliance engine: 10k, 100k and 1M records × 50 obligations over a year.

Each size runs in a fresh process (so peak memory is that size's alone) and
prints the wall and CPU time to evaluate (best of ``--repeat``), the growth
factor of CPU time against the previous size, the same CPU time as a multiple
of a baseline measured in the same process (one plain pass reading each
record's state and date: what any evaluation must at least do, and a yardstick
that moves with the machine's speed), the peak resident memory and the memory
the engine added on top of the records.
Records are real ``truceline.model`` objects built with ``model_construct``
(validation is the import step's cost, not the engine's).

    python bench/compliance.py                 # all sizes
    python bench/compliance.py --sizes 10000   # one size
    python bench/compliance.py --repeat 1      # one evaluation per size (default: best of 3)

Target: 1M records evaluated in ≤ 10 s on one core, growing linearly.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time
from typing import Any

from truceline.agreement import Agreement
from truceline.cli.collector import gc_paused
from truceline.compliance import evaluate
from truceline.model import Dispute, Event, Evidence, Figure, FigureValue, Source

START = dt.date(2025, 1, 1)
DAYS = 365
TYPES = ["ASSAULT", "RELEASE", "CONSULT", "RETREAT", "AID", "THREATEN", "ACCUSE", "AGREE"]
ACTORS = ["A", "B", "C", "D"]
METRICS = [f"metric_{i}" for i in range(10)]
BODIES = ["OCHA", "COGAT", "Egypt"]


def agreement() -> Agreement:
    """A year-long agreement with four phases and 50 obligations, 10 of each kind."""
    phases = [{"id": "p1", "start": {"day": "day 1"}, "length_days": 91}]
    phases += [
        {"id": f"p{i}", "start": {"after": f"p{i - 1}"}, "length_days": 91} for i in (2, 3, 4)
    ]
    obligations: list[dict[str, Any]] = []
    for i in range(10):
        actor, metric, event = ACTORS[i % 4], METRICS[i], TYPES[i % len(TYPES)]
        head = {"party": actor, "clause": {"ref": str(i), "text": "synthetic clause"}}
        obligations += [
            {**head, "id": f"quota-{i}", "kind": "quota", "metric": metric, "unit": "one truck",
             "target": 50, "counted_by": BODIES[0] if i % 2 else None},
            {**head, "id": f"deadline-{i}", "kind": "deadline", "what": "an act",
             "act": {"types": [event], "actors": [actor], "keywords": [f"word{i}"]},
             "due": f"day {30 + i * 20}"},
            {**head, "id": f"prohibition-{i}", "kind": "prohibition",
             "match": {"types": [event], "actors": [actor]}},
            {**head, "id": f"schedule-{i}", "kind": "schedule", "metric": metric,
             "match": {"kind": "event", "types": [event], "actors": [actor]},
             "instalments": [{"due": f"day {d}", "count": 5} for d in range(7, DAYS, 7)]},
            {**head, "id": f"conditional-{i}", "kind": "conditional",
             "trigger": {"when": {"types": [event], "keywords": [f"word{i}"]}},
             "then": {"kind": "prohibition", "match": {"types": [TYPES[(i + 1) % 8]]}}},
        ]  # fmt: skip
    return Agreement.model_validate(
        {
            "id": "bench",
            "title": "Synthetic year-long agreement",
            "parties": ACTORS,
            "in_force": START.isoformat(),
            "phases": phases,
            "obligations": obligations,
        }
    )


def records(n: int, seed: int = 1) -> tuple[list[Any], list[Source], list[Dispute]]:
    """``n`` records over the year: 40% figures, 60% events; a few disputes."""
    rng = random.Random(seed)
    sources = [
        Source.model_construct(id=f"s{i}", outlet="Wire", published=(START + dt.timedelta(days=i)).isoformat())
        for i in range(DAYS + 30)
    ]  # fmt: skip
    dates = [(START + dt.timedelta(days=i)).isoformat() for i in range(DAYS)]
    out: list[Any] = []
    for i in range(n):
        day = rng.randrange(DAYS)
        evidence = [Evidence.model_construct(source=f"s{day + rng.randrange(3)}")]
        common = {"id": f"r{i}", "date": dates[day], "date_precision": "day", "state": "accepted",
                  "sources": evidence, "claimed_by": None, "notes": None}  # fmt: skip
        if i % 5 < 2:
            out.append(
                Figure.model_construct(
                    **common, metric=rng.choice(METRICS), value=float(rng.randrange(100)),
                    qualifier="exact", period="day", counted_by=rng.choice(BODIES), who=None,
                )
            )  # fmt: skip
        else:
            out.append(
                Event.model_construct(
                    **common, type=rng.choice(TYPES), actors=[rng.choice(ACTORS)], targets=[],
                    figures=[FigureValue.model_construct(metric=rng.choice(METRICS), value=1.0,
                                                         qualifier="exact")],
                    summary=f"synthetic event word{(word := rng.randrange(40))}",
                    sub_type=f"word{word}",  # keywords read an event's labels, not its summary
                    location=None, fatalities=None,
                )
            )  # fmt: skip
    disputes = [
        Dispute.model_construct(
            id=f"d{i}", topic="t", kind="contradiction",
            sides=[_side(f"r{rng.randrange(n)}"), _side(f"r{rng.randrange(n)}")],
        )
        for i in range(max(1, n // 1000))
    ]  # fmt: skip
    return out, sources, disputes


def _side(record_id: str) -> Any:
    from truceline.model import DisputeSide

    return DisputeSide.model_construct(claim="c", claimed_by=None, records=[record_id])


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_one(n: int, repeat: int, collector: str) -> dict[str, float]:
    """Build one size's data, then time the evaluation (best of ``repeat``: the box is shared)."""
    agr = agreement()
    recs, sources, disputes = records(n)
    before = _rss_mb()
    seconds = cpu = baseline = float("inf")
    for _ in range(repeat):
        c0 = time.process_time()
        sum(1 for r in recs if r.state == "accepted" and r.date)
        baseline = min(baseline, time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        with gc_paused() if collector == "paused" else contextlib.nullcontext():
            ledger = evaluate([agr], recs, sources, disputes, as_of=START + dt.timedelta(days=DAYS))
        seconds = min(seconds, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    days = sum(len(o.days) for o in ledger.obligations)
    return {"records": n, "seconds": seconds, "cpu_seconds": cpu, "baseline_seconds": baseline,
            "peak_mb": _rss_mb(), "records_mb": before,
            "obligations": len(ledger.obligations), "obligation_days": days}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3, help="Evaluations per size (best kept).")
    parser.add_argument(
        "--collector",
        choices=["paused", "on"],
        default="paused",
        help="paused: as `truceline check` runs it; on: as the web app runs it.",
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.repeat, args.collector)))
        return
    print(f"{'records':>10} {'obligations':>11} {'seconds':>8} {'cpu s':>6} {'growth':>7} "
          f"{'x pass':>7} {'peak MB':>8} {'engine MB':>9}")  # fmt: skip
    previous: float | None = None
    for n in args.sizes:
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--one",
                str(n),
                "--repeat",
                str(args.repeat),
                "--collector",
                args.collector,
            ],  # fmt: skip
            capture_output=True,
            text=True,
            check=True,
        )
        r = json.loads(out.stdout)
        growth = f"{r['cpu_seconds'] / previous:.1f}x" if previous else "-"
        print(
            f"{n:>10,} {r['obligations']:>11} {r['seconds']:>8.2f} {r['cpu_seconds']:>6.2f} {growth:>7} "
            f"{r['cpu_seconds'] / r['baseline_seconds']:>6.1f}x "
            f"{r['peak_mb']:>8.0f} {r['peak_mb'] - r['records_mb']:>9.0f}"
        )
        previous = r["cpu_seconds"]


if __name__ == "__main__":
    main()
