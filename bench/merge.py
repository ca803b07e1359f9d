"""Cross-outlet event merging: pairwise precision / recall / F1 against gold clusters.

    .venv/bin/python bench/merge.py [--threshold 0.3] [--tolerance 1] [--sweep] [--json]

Reads bench/fixtures/merge/<week>/ (sources.yaml, events.yaml, gold.yaml) and
scores ``truceline.reconcile.merge_events`` and a naive baseline (same date
and same type) in the same run. ``week-dev`` was used to choose the default
threshold; ``week-test`` was held out.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Iterable
from pathlib import Path

import yaml

from truceline.files import read_file
from truceline.model import Event
from truceline.reconcile import merge_events

FIXTURES = Path(__file__).parent / "fixtures" / "merge"


def pairs(clusters: Iterable[Iterable[str]]) -> set[frozenset[str]]:
    """All unordered pairs of ids that share a cluster."""
    out: set[frozenset[str]] = set()
    for cluster in clusters:
        out |= {frozenset(p) for p in itertools.combinations(sorted(cluster), 2)}
    return out


def score(predicted: list[list[str]], gold: list[list[str]]) -> dict[str, float]:
    p, g = pairs(predicted), pairs(gold)
    tp = len(p & g)
    precision = tp / len(p) if p else 1.0
    recall = tp / len(g) if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "pairs": len(p),
        "gold_pairs": len(g),
    }


def baseline(events: list[Event]) -> list[list[str]]:
    """Naive: one cluster per (date, type)."""
    groups: dict[tuple[str, str], list[str]] = {}
    for e in events:
        groups.setdefault((str(e.date), str(e.type)), []).append(e.id)
    return list(groups.values())


def load(week: Path) -> tuple[list[Event], dict, list[list[str]]]:
    content = read_file(week / "sources.yaml")
    read_file(week / "events.yaml", content)
    events = [r for r in content.records if isinstance(r, Event)]
    sources = {s.id: s for s in content.sources}
    gold = yaml.safe_load((week / "gold.yaml").read_text(encoding="utf-8"))
    clustered = sorted(i for ids in gold.values() for i in ids)
    if clustered != sorted(e.id for e in events):
        raise SystemExit(f"{week}/gold.yaml does not cover exactly the events")
    return events, sources, list(gold.values())


def run(threshold: float, tolerance: int) -> dict[str, dict[str, dict[str, float]]]:
    results = {}
    for week in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        events, sources, gold = load(week)
        merged = merge_events(events, sources, tolerance_days=tolerance, threshold=threshold)
        results[week.name] = {
            "events": {"n": len(events), "outlets": len({s.outlet for s in sources.values()})},
            "merge": score([[e.id for e in m.events] for m in merged], gold),
            "baseline": score(baseline(events), gold),
        }
    return results


EXAMPLE = Path(__file__).parent.parent / "examples" / "gaza-2025"


def example_false_merges(threshold: float, tolerance: int) -> tuple[int, int] | None:
    """Events of the curated example are one record per happening: every merge is wrong.
    Returns (events, wrongly merged pairs), or None without the example."""
    if not (EXAMPLE / "events.yaml").exists():
        return None
    content = read_file(EXAMPLE / "sources.yaml")
    read_file(EXAMPLE / "events.yaml", content)
    events = [r for r in content.records if isinstance(r, Event)]
    sources = {s.id: s for s in content.sources}
    merged = merge_events(events, sources, tolerance_days=tolerance, threshold=threshold)
    return len(events), len(pairs([[e.id for e in m.events] for m in merged]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=0.25)
    parser.add_argument("--tolerance", type=int, default=1)
    parser.add_argument("--sweep", action="store_true", help="F1 for thresholds 0.15 … 0.5")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = run(args.threshold, args.tolerance)
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
        return 0
    print(f"threshold {args.threshold}, tolerance {args.tolerance} day(s)")
    print(f"{'week':<10} {'method':<22} {'P':>6} {'R':>6} {'F1':>6} {'pairs':>6} {'gold':>5}")
    for week, r in results.items():
        for method, label in (("baseline", "same date + same type"), ("merge", "merge_events")):
            s = r[method]
            print(
                f"{week:<10} {label:<22} {s['precision']:6.3f} {s['recall']:6.3f} "
                f"{s['f1']:6.3f} {s['pairs']:6d} {s['gold_pairs']:5d}"
            )
    example = example_false_merges(args.threshold, args.tolerance)
    if example:
        print(
            f"examples/gaza-2025: {example[0]} distinct happenings, {example[1]} wrongly merged pairs"
        )
    if args.sweep:
        print("\nF1 by threshold (dev / test)")
        for t in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5):
            r = run(t, args.tolerance)
            print(f"  {t:.2f}  " + "  ".join(f"{w}={r[w]['merge']['f1']:.3f}" for w in r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
