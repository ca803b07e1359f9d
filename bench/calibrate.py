"""Reliability of the extractor's confidence on the dev sets, and the fit of its table.

usage: python bench/calibrate.py [SET ...] [--fit] [--by-basis] [--held-out]

Runs the extractor in process over the development sets (default: news-dev,
polnear-dev, tempeval-train from ../shared/eval), decides for each predicted
quote, time expression and figure whether it is right with the sets' own
matcher and checks (run_sets.py, imported by path: greedy overlap matching,
speaker / value / category checks, ignored spans, indirect quotes unscored),
and prints confidence bins × kind: count and share right. A kind is scored
only in the sets that annotate it (PolNeAR quotes, TempEval dates).

--fit writes src/truceline/extract/calibration.json: per kind, the share
right of every basis prefix seen at least MIN_COUNT times, each shrunk towards
its coarser prefix with the weight of PRIOR_WEIGHT items, so a rare rule
borrows from its family rather than from its few cases. A prefix that holds
the same items as its parent adds nothing and is left out. Run the script again
without --fit to see the reliability the new table gives.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
TABLE = REPO / "src" / "truceline" / "extract" / "calibration.json"
SETS = ("news-dev", "polnear-dev", "tempeval-train")
KINDS = ("quotes", "timex", "figures")
BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)
MIN_COUNT = 5
PRIOR_WEIGHT = 10.0
SPLITS = 10
SEED = 13


class Scored(NamedTuple):
    """One prediction: its kind, basis, confidence, whether it is right, and the
    running number of its document (for the held-out check)."""

    kind: str
    basis: str
    confidence: float
    right: bool
    doc: int = 0


def load_run_sets(folder: Path) -> ModuleType:
    """run_sets.py (which imports score.py beside it), by path."""
    sys.path.insert(0, str(folder))
    spec = importlib.util.spec_from_file_location(
        "truceline_bench_run_sets", folder / "run_sets.py"
    )
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {folder / 'run_sets.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def basis_of(kind: str, item: Any) -> str:
    """The basis the confidence was looked up by (figures: derived from the mention)."""
    from truceline.extract.confidence import figure_basis

    if kind == "figures":
        return figure_basis(item)
    return item.basis or "?"


def score_document(
    rs: ModuleType, text: str, gold: dict, extraction: Any, kinds: set[str], doc: int
) -> list[Scored]:
    """Every scored prediction of one document, right or not, as run_sets.py decides."""
    out: list[Scored] = []
    for kind in KINDS:
        if kind not in kinds:
            continue
        items = list(getattr(extraction, kind))
        if kind == "quotes":
            items = [q for q in items if q.kind.value in ("direct", "partial")]
        ignored = gold.get("ignore", [])
        items = [i for i in items if not any(rs.S.overlap(sp, (i.start, i.end)) for sp in ignored)]
        preds = [dict(i.to_json(), _item=i) for i in items]
        gold_items = gold.get(kind, [])
        right = {
            id(p)
            for g, p in rs.S.match(rs.spans(text, gold_items), preds)
            if rs.CHECKS[kind](p, gold_items[g])
        }
        for p in preds:
            item = p["_item"]
            confidence = float(item.confidence or 0)
            out.append(Scored(kind, basis_of(kind, item), confidence, id(p) in right, doc))
    return out


def score_sets(names: list[str]) -> list[Scored]:
    """Extract every document of the named sets and score each prediction."""
    from truceline.extract import Extractor, read_text

    rs = load_run_sets(EVAL)
    sets = rs.load_sets(str(EVAL))
    extractor = Extractor()
    scored: list[Scored] = []
    number = 0
    for name in names:
        docs = sets[name]
        kinds = {k for k in KINDS if any(g.get(k) for _, _, g in docs)}
        texts = [read_text(Path(path)) for path, _, _ in docs]
        results = extractor.extract_many(zip(texts, [pub for _, pub, _ in docs], strict=True))
        for text, (_, _, gold), extraction in zip(texts, docs, results, strict=True):
            scored.extend(score_document(rs, text, gold, extraction, kinds, number))
            number += 1
    return scored


def bin_of(confidence: float) -> float:
    return max(b for b in BINS if confidence >= b)


def reliability(scored: list[Scored]) -> str:
    """The Markdown table: confidence bins × kind (count, share right), then ≥ 0.9."""
    head = "| confidence | " + " | ".join(f"{k} n | {k} right" for k in KINDS) + " |"
    lines = [head, "|" + " --- |" * (1 + 2 * len(KINDS))]
    for lo in BINS:
        hi = next((b for b in BINS if b > lo), 1.0)
        cells = [
            _cell([s for s in scored if s.kind == k and bin_of(s.confidence) == lo]) for k in KINDS
        ]
        lines.append(f"| {lo:.1f}–{hi:.1f} | " + " | ".join(cells) + " |")
    cells = []
    for k in KINDS:
        of_kind = [s for s in scored if s.kind == k]
        high = [s for s in of_kind if s.confidence >= 0.9]
        share = f"{len(high) / len(of_kind):.0%}" if of_kind else "–"
        cells.append(f"{len(high)} ({share}) | {_rate(high)}")
    lines.append("| **≥ 0.9** | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _cell(items: list[Scored]) -> str:
    return f"{len(items)} | {_rate(items)}"


def _rate(items: list[Scored]) -> str:
    return f"{sum(s.right for s in items) / len(items):.2f}" if items else "–"


def by_basis(scored: list[Scored]) -> str:
    """Count, share right and mean confidence per (kind, basis), most frequent first."""
    groups: dict[tuple[str, str], list[Scored]] = defaultdict(list)
    for s in scored:
        groups[s.kind, s.basis].append(s)
    rows = sorted(groups.items(), key=lambda kv: (kv[0][0], -len(kv[1])))
    return "\n".join(
        f"{kind:8} {key:45} n={len(items):4} right={_rate(items)} "
        f"conf={sum(s.confidence for s in items) / len(items):.2f}"
        for (kind, key), items in rows
    )


def fit(scored: list[Scored]) -> dict[str, dict[str, float]]:
    """Per kind, the smoothed share right of every basis prefix seen MIN_COUNT times."""
    from truceline.extract.confidence import prefixes

    kinds: dict[str, dict[str, float]] = {}
    for kind in KINDS:
        items = [s for s in scored if s.kind == kind]
        if not items:
            continue
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for s in items:
            for prefix in prefixes(s.basis):
                counts[prefix][0] += 1
                counts[prefix][1] += s.right
        overall = sum(s.right for s in items) / len(items)
        estimate: dict[str, float] = {}
        kept: dict[str, float] = {}
        for prefix in sorted(counts, key=lambda p: p.count("|")):
            parent = prefix.rsplit("|", 1)[0] if "|" in prefix else None
            n, right = counts[prefix]
            if parent is not None and counts[parent][0] == n:
                estimate[prefix] = estimate[parent]  # the same items: nothing new to learn
                continue
            prior = estimate[parent] if parent is not None else overall
            estimate[prefix] = (right + PRIOR_WEIGHT * prior) / (n + PRIOR_WEIGHT)
            if n >= MIN_COUNT:
                kept[prefix] = round(estimate[prefix], 2)
        kinds[kind] = dict(sorted(kept.items()))
    return kinds


def held_out(scored: list[Scored], repeats: int = SPLITS) -> list[Scored]:
    """Every item once per random halving of the documents, with the confidence a
    table fitted on the other half gives it: what the table promises on text it
    was not fitted on (documents, not items, are split: a document's quotes
    share a speaker and a style)."""
    from truceline.extract.confidence import prefixes

    rng = random.Random(SEED)
    docs = sorted({s.doc for s in scored})
    out: list[Scored] = []
    for _ in range(repeats):
        half = set(rng.sample(docs, len(docs) // 2))
        for fitted_on_half in (True, False):
            table = fit([s for s in scored if (s.doc in half) == fitted_on_half])
            for s in scored:
                if (s.doc in half) != fitted_on_half:
                    known = table.get(s.kind, {})
                    found = next((known[p] for p in prefixes(s.basis) if p in known), 0.5)
                    out.append(s._replace(confidence=found))
    return out


def write_table(kinds: dict[str, dict[str, float]], names: list[str]) -> None:
    data = {
        "about": (
            "Share of right items per basis prefix (truceline.extract.confidence), "
            f"fitted {date.today()} on {', '.join(names)} (../shared/eval); "
            "refit: python bench/calibrate.py --fit"
        ),
        "min_count": MIN_COUNT,
        "prior_weight": PRIOR_WEIGHT,
        "kinds": kinds,
    }
    TABLE.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", default=list(SETS))
    parser.add_argument("--fit", action="store_true", help=f"write {TABLE.relative_to(REPO)}")
    parser.add_argument("--by-basis", action="store_true", help="also print each basis")
    parser.add_argument(
        "--held-out",
        action="store_true",
        help=f"also print the reliability of tables fitted on half the documents ({SPLITS} splits)",
    )
    args = parser.parse_args(argv)
    scored = score_sets(args.sets)
    print(reliability(scored))
    if args.by_basis:
        print(by_basis(scored))
    if args.held_out:
        print(f"\nheld out (fitted on the other half of the documents; {SPLITS} splits pooled):")
        print(reliability(held_out(scored)))
    if args.fit:
        write_table(fit(scored), args.sets)
        print(f"wrote {TABLE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
