"""Dispute detection on reporting-style texts: precision and recall against a gold list.

    .venv/bin/python bench/disputes_quality.py [--show]

Reads bench/fixtures/disputes/reports.yaml (invented outlets), runs each text
through the extractor and ``truceline.ingest.candidates`` as ingest does, then
``detect_disputes`` over all the records; a naive baseline ("same metric and
day, different value = dispute") runs on the same figures. A found dispute
matches a gold one when each gold side has a phrase in the words (evidence
sentence, summary or quote) of a record on a different side of it, and every
side of it has a gold phrase. Evolving
series are updates, not findings, and are not counted.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from truceline.extract import Extractor
from truceline.ingest import candidates
from truceline.model import Dispute, DisputeSide, Figure, Record, Source, make_id, summary_of
from truceline.reconcile import detect_disputes, is_finding

FIXTURE = Path(__file__).parent / "fixtures" / "disputes" / "reports.yaml"


def load() -> tuple[list[Source], list[Record], list[dict]]:
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    extractor = Extractor()
    sources, records = [], []
    for article in data["articles"]:
        source = Source(
            id=article["id"],
            outlet=article["outlet"],
            published=article["published"],
            text=article["text"],
        )
        sources.append(source)
        result = extractor.extract(article["text"], article["published"])
        records += candidates(result, source, auto_accept=0).records
    return sources, records, data["gold"]


def baseline(records: list[Record]) -> list[Dispute]:
    """Naive: figures of one metric on one day with different values are a dispute."""
    groups: dict[tuple[str, str], dict[float, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in records:
        if isinstance(r, Figure) and r.date:
            groups[r.metric, r.date][r.value].append(r.id)
    out = []
    for (metric, day), values in groups.items():
        if len(values) > 1:
            sides = [DisputeSide(claim=f"{v:g}", records=ids) for v, ids in values.items()]
            out.append(Dispute(id=make_id("naive", metric, day), topic=metric, sides=sides))
    return out


def _words(record: Record) -> str:
    evidence = " ".join(e.text or "" for e in record.sources)
    return f"{evidence} {summary_of(record) or ''}"


def matches(dispute: Dispute, gold: dict, by_id: dict[str, Record]) -> bool:
    """Each gold side has a phrase on its own side of the dispute, and no side of
    the dispute is without a gold phrase (a side that sets some other quantity
    against the rest makes the dispute wrong)."""
    texts = [" ".join(_words(by_id[r]) for r in side.records) for side in dispute.sides]
    phrases = [p for side in gold["sides"] for p in side]
    if not all(any(p in text for p in phrases) for text in texts):
        return False
    used: set[int] = set()
    for phrases in gold["sides"]:
        hit = next(
            (
                i
                for i, text in enumerate(texts)
                if i not in used and any(p in text for p in phrases)
            ),
            None,
        )
        if hit is None:
            return False
        used.add(hit)
    return True


def score(found: list[Dispute], gold: list[dict], by_id: dict[str, Record]) -> dict[str, Any]:
    hits = [[g["name"] for g in gold if matches(d, g, by_id)] for d in found]
    true_found = sum(1 for h in hits if h)
    recalled = {name for h in hits for name in h}
    return {
        "found": len(found),
        "precision": true_found / len(found) if found else 1.0,
        "recall": len(recalled) / len(gold),
        "missed": sorted(g["name"] for g in gold if g["name"] not in recalled),
        "wrong": [d.topic for d, h in zip(found, hits, strict=True) if not h],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print misses and wrong findings")
    args = parser.parse_args(argv)
    sources, records, gold = load()
    by_id = {r.id: r for r in records}
    found = [d for d in detect_disputes(records, sources, []) if is_finding(d)]
    print(f"{len(sources)} articles, {len(records)} records, {len(gold)} gold disputes")
    print("| method | found | precision | recall |")
    print("| --- | ---: | ---: | ---: |")
    for label, disputes in (
        ("same metric and day, different value", baseline(records)),
        ("detect_disputes", found),
    ):
        s = score(disputes, gold, by_id)
        print(f"| {label} | {s['found']} | {s['precision']:.2f} | {s['recall']:.2f} |")
        if args.show:
            print(f"  missed: {s['missed']}\n  wrong: {s['wrong']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
