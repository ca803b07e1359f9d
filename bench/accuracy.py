"""Accuracy of truceline's extractor vs the off-the-shelf baseline on gold files.

usage: python bench/accuracy.py [--gold GOLD.json ...] [--text TEXT] [--score score.py]
                                [--day1 YYYY-MM-DD] [--model NAME] [--no-baseline] [--json]

Gold files are shaped like ../shared/eval/seed-gold.json ("document",
"published", "quotes", "timex", "figures"); the text of each is found by
--text, else next to the gold file, else in ../shared/seed/. Scoring is done
by ../shared/eval/score.py, imported by path. Defaults point at ../shared
relative to the repository.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(Path(__file__).resolve().parent))

KINDS = ("quotes", "timex", "figures")


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("truceline_bench_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def find_text(gold_path: Path, gold: dict, explicit: Path | None) -> Path:
    if explicit is not None:
        return explicit
    name = gold.get("document", "")
    for candidate in (
        gold_path.parent / name,
        SHARED / "seed" / name,
        SHARED / "seed" / "article.txt",
    ):
        if name and candidate.is_file():
            return candidate
    raise SystemExit(f"no text found for {gold_path}; pass --text")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--gold", type=Path, nargs="+", default=[SHARED / "eval" / "seed-gold.json"]
    )
    parser.add_argument("--text", type=Path, default=None, help="text of the (single) gold file")
    parser.add_argument("--score", type=Path, default=SHARED / "eval" / "score.py")
    parser.add_argument("--day1", default="2025-01-19", help="agreement day 1 (YYYY-MM-DD)")
    parser.add_argument("--model", default=None, help="spaCy model (default: auto)")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--json", action="store_true", help="print raw scores as JSON")
    parser.add_argument("--dump", type=Path, default=None, help="write our predictions here")
    args = parser.parse_args(argv)

    from truceline.extract import Extractor, read_text

    scorer = load_scorer(args.score)
    extractor = Extractor(model=args.model, agreement_day1=args.day1)
    rows = []
    for gold_path in args.gold:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text_path = find_text(gold_path, gold, args.text)
        text = read_text(text_path)
        published = date.fromisoformat(gold["published"]) if gold.get("published") else None
        ours = extractor.extract(text, published).to_json()
        if args.dump:
            args.dump.write_text(json.dumps(ours, ensure_ascii=False, indent=1), encoding="utf-8")
        scores = {"truceline": scorer.score(text, gold, ours)}
        if not args.no_baseline:
            from baseline import baseline_extract

            base_nlp = extractor.nlp  # same model; the baseline reads only the base parse
            with base_nlp.select_pipes(
                disable=[n for n in base_nlp.pipe_names if n.startswith("truceline")]
            ):
                scores["baseline"] = scorer.score(
                    text, gold, baseline_extract(base_nlp, text, published)
                )
        rows.append((gold_path.name, scores))

    if args.json:
        print(json.dumps({name: s for name, s in rows}, indent=1))
        return 0
    systems = ["truceline"] + ([] if args.no_baseline else ["baseline"])
    for name, scores in rows:
        print(f"# {name}")
        header = f"{'kind':8} {'metric':10} " + " ".join(f"{s:>10}" for s in systems)
        print(header)
        print("-" * len(header))
        for kind in KINDS:
            for metric in ("detect_p", "detect_r", "detect_f1", "value_acc", "e2e_f1"):
                values = " ".join(f"{scores[s][kind][metric]:>10.3f}" for s in systems)
                print(f"{kind:8} {metric:10} {values}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
