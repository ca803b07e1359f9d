"""Reconciliation kept in the dossier: a whole-dossier pass, then one article at a time.

    .venv/bin/python bench/reconcile_kept.py [--sizes 100000] [--articles 20]

For each size, ``bench/disputes.py``'s ``reporting`` workload is written into a
fresh SQLite dossier (not timed), then timed in one process:

- ``detect_disputes`` over the records in memory, from scratch (the baseline:
  what every compliance page and ``check`` ran before);
- the first ``reconcile`` (no mark yet: every unit, written to the store),
  once with the cycle collector on (a web page meeting it) and once paused
  (as ``truceline import`` runs it);
- ``kept_disputes`` when nothing changed (what a page now pays for disputes);
- ``--articles`` more articles (a source and its records, as one ingest writes
  them), each followed by ``reconcile``: the incremental cost per article,
  median and worst, and the records it loaded;
- then ``Dossier.check`` (the compliance page's first load after an ingest:
  the Gaza agreement is in the dossier) against the same ledger with the
  disputes detected from scratch, as it was computed before.

Prints a Markdown table with the ratios to the baseline.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from disputes import reporting

from truceline.app import Dossier, reconciling
from truceline.app.reconcile import kept_disputes
from truceline.cli.collector import gc_paused
from truceline.compliance import evaluate
from truceline.model import Record, ReviewState, Source
from truceline.reconcile import detect_disputes
from truceline.store import reconciled

AGREEMENT = Path(__file__).resolve().parents[1] / "examples" / "gaza-2025"


def _articles(sources: list[Source], records: list[Record]) -> list[tuple[Source, list[Record]]]:
    by_source: dict[str, list[Record]] = {}
    for r in records:
        by_source.setdefault(r.sources[0].source, []).append(r)
    return [(s, by_source.get(s.id, [])) for s in sources]


def _write(dossier: Dossier, articles: list[tuple[Source, list[Record]]]) -> None:
    with dossier.store.writer("bench") as w:
        for source, records in articles:
            w.put(source)
            for r in records:
                w.put(r.model_copy(update={"state": ReviewState.ACCEPTED.value}))


def _forget(dossier: Dossier) -> None:
    """Drop the kept reconciliation, so that the next read reconciles everything again."""
    with dossier.store.writer("bench") as w:
        reconciled.clear(w.conn)


def run(n: int, extra: int) -> dict[str, float]:
    sources, records = reporting(n + extra * 12)
    articles = _articles(sources, records)
    held = [a for a in articles[-extra * 3 :] if a[1]][:extra]
    body = [a for a in articles if a not in held]
    folder = Path(tempfile.mkdtemp()) / "dossier"
    dossier = Dossier.init(folder)
    dossier.import_dir(AGREEMENT)
    _write(dossier, body)
    live = dossier.store.records(states=("accepted",))
    every = dossier.store.sources()
    start = time.process_time()
    with gc_paused():
        baseline = detect_disputes(live, every, dossier.store.disputes())
    scratch = time.process_time() - start
    start = time.process_time()
    reconciling.reconcile(dossier.store)  # as a web page would meet it: collector on
    unpaused = time.process_time() - start
    _forget(dossier)
    start = time.process_time()
    with gc_paused():  # as `truceline import` runs it
        reconciling.reconcile(dossier.store)
    first = time.process_time() - start
    start = time.process_time()
    found = kept_disputes(dossier.store)
    read = time.process_time() - start
    assert len(found) == len(baseline), (len(found), len(baseline))
    loaded: list[int] = []
    real = reconciled.load_records
    reconciled.load_records = lambda conn, ids: loaded.append(len(ids)) or real(conn, ids)  # type: ignore[assignment]
    each = []
    for article in held:
        _write(dossier, [article])
        start = time.process_time()
        reconciling.reconcile(dossier.store)
        each.append(time.process_time() - start)
    reconciled.load_records = real  # type: ignore[assignment]
    start = time.process_time()
    dossier.check()
    check = time.process_time() - start
    store = dossier.store
    start = time.process_time()
    with gc_paused():
        live, every = store.records(states=("accepted",)), store.sources()
        found = detect_disputes(live, every, store.disputes())
        evaluate(store.agreements(), live, every, found)
    check_before = time.process_time() - start
    dossier.close()
    return {
        "records": len(live),
        "disputes": len(found),
        "scratch": scratch,
        "first": first,
        "unpaused": unpaused,
        "read": read,
        "median": statistics.median(each),
        "worst": max(each),
        "loaded": max(loaded) if loaded else 0,
        "check": check,
        "check_before": check_before,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--articles", type=int, default=20)
    args = parser.parse_args(argv)
    print(
        "| records | disputes | from scratch CPU s | first reconcile CPU s (collector on) "
        "| kept read CPU s "
        "| one article: median (worst) CPU s | scratch ÷ article | most records loaded "
        "| check CPU s | check, disputes from scratch CPU s | load |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in args.sizes:
        r = run(n, args.articles)
        print(
            f"| {r['records']:,} | {r['disputes']:,} | {r['scratch']:.2f} "
            f"| {r['first']:.2f} ({r['unpaused']:.2f}) "
            f"| {r['read']:.3f} | {r['median']:.3f} ({r['worst']:.3f}) "
            f"| × {r['scratch'] / r['median']:.0f} | {r['loaded']:,} "
            f"| {r['check']:.2f} | {r['check_before']:.2f} | {os.getloadavg()[0]:.1f} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
