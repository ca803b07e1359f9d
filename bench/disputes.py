"""Dispute detection at scale: ``detect_disputes`` over synthetic records, time and growth.

    .venv/bin/python bench/disputes.py [--sizes 10000 30000 100000] [--repeat 1]

Records are ``bench/web.py``'s ``synthetic(n)`` (half events of 8 types over 70
days, 30 % statements, 20 % aid-truck figures by 3 counting bodies), all
accepted, no stored disputes. Prints a Markdown table: records, events,
disputes found, merged happenings, seconds (best of ``--repeat``), and the
growth of the time against the previous size.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web import synthetic  # noqa: E402  (bench/web.py)

from truceline.model import Event  # noqa: E402
from truceline.negotiation import detect_disputes, merge_events  # noqa: E402


def run(n: int, repeat: int) -> dict[str, float]:
    sources, records = synthetic(n)
    events = [r for r in records if isinstance(r, Event)]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        found = detect_disputes(records, sources, [])  # type: ignore[arg-type]
        best = min(best, time.perf_counter() - start)
    start = time.perf_counter()
    merged = merge_events(events, {s.id: s for s in sources})
    merge_seconds = time.perf_counter() - start
    return {
        "records": n,
        "events": len(events),
        "disputes": len(found),
        "merged": sum(1 for m in merged if len(m.events) > 1),
        "seconds": best,
        "merge_seconds": merge_seconds,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    print(
        "| records | events | disputes | merged happenings | detect_disputes s "
        "| merge_events alone s | growth |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    previous: dict[str, float] | None = None
    for n in args.sizes:
        r = run(n, args.repeat)
        growth = (
            f"× {r['seconds'] / previous['seconds']:.1f} for × {n / previous['records']:.1f} records"
            if previous
            else ""
        )
        print(
            f"| {n:,} | {r['events']:,} | {r['disputes']:,} | {r['merged']:,} "
            f"| {r['seconds']:.2f} | {r['merge_seconds']:.2f} | {growth} |",
            flush=True,
        )
        previous = r
    return 0


if __name__ == "__main__":
    sys.exit(main())
