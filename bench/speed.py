"""Words per second of truceline's whole extraction vs spaCy's parse alone.

usage: python bench/speed.py [--docs N] [--repeat R] [--model NAME] [--no-seed] [--batch-size B]

Both runs use the same loaded model, the same texts and `nlp.pipe`; the parse-only
run disables truceline's components. The texts are written for this benchmark
(plus ../shared/seed/article.txt when present, unless --no-seed). Prints the
throughput of each and the ratio (extraction / parse).
"""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "article.txt"

PARAGRAPHS = [
    "GAZA CITY, Feb. 8 (Wire) — Hamas handed over three more Israeli hostages on Saturday "
    "in exchange for 183 Palestinian prisoners, the fifth swap since the truce took effect "
    "on Jan. 19, 2025.",
    "“We are committed to every clause of the deal,” a Hamas spokesman said in a statement, "
    "adding that the group expected Israel to let at least 600 aid trucks a day into the "
    "strip. “Any delay is a violation,” he said.",
    "Israeli Prime Minister Benjamin Netanyahu said at the Sunday cabinet meeting that troops would "
    "not leave the Philadelphi corridor by the 50th day. Officials in Cairo said talks on "
    "the second phase, due to begin by day 16, had barely started.",
    "The Gaza health ministry said more than 48,000 people had been killed and nearly "
    "112,000 injured since October 2023, while the United Nations estimated that about "
    "1.9 million people, roughly 90 percent of the population, had been displaced.",
    "Late Saturday, mediators from Qatar and Egypt proposed extending the first phase, "
    "which lasts 42 days, by several weeks. Israel rejected the offer on Monday; Hamas "
    "accused it of stalling and warned that the captives' lives were at risk.",
    "In a televised address, U.S. envoy Steve Witkoff said the parties were “close” and "
    "that he would travel to the region next week. “There is a path here,” Witkoff said, "
    "“but it requires both sides to move.”",
    "Aid groups said fewer than 300 trucks crossed on Tuesday, half the agreed number. "
    "The army said it had struck dozens of targets overnight and detained 14 suspects "
    "in the West Bank earlier this week.",
    "By the 42nd day, 33 hostages were due to have been freed, eight of them dead. "
    "Families of the remaining 59 captives, 24 of whom are thought to be alive, rallied "
    "in Tel Aviv late Saturday, demanding that the government sign the second phase.",
]


def corpus(n_docs: int, with_seed: bool) -> list[str]:
    texts = []
    for i in range(n_docs):
        rotated = PARAGRAPHS[i % len(PARAGRAPHS) :] + PARAGRAPHS[: i % len(PARAGRAPHS)]
        texts.append("\n".join(rotated))
    if with_seed and SEED.is_file():
        texts.append(SEED.read_text(encoding="utf-8"))
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--model", default=None)
    parser.add_argument("--no-seed", action="store_true")
    args = parser.parse_args(argv)

    from truceline.extract import COMPONENTS, Extractor

    extractor = Extractor(model=args.model, agreement_day1="2025-01-19")
    nlp = extractor.nlp
    texts = corpus(args.docs, not args.no_seed)
    published = date(2025, 2, 9)
    n_words = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))

    def parse_only() -> None:
        with nlp.select_pipes(disable=list(COMPONENTS)):
            for _ in nlp.pipe(texts, batch_size=args.batch_size):
                pass

    def extraction() -> None:
        for _ in extractor.extract_many(
            ((t, published) for t in texts), batch_size=args.batch_size
        ):
            pass

    parse_only()  # warm up
    best = {"parse": float("inf"), "extract": float("inf")}
    for _ in range(args.repeat):
        for name, run in (("parse", parse_only), ("extract", extraction)):
            t0 = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - t0)
    wps = {name: n_words / seconds for name, seconds in best.items()}
    print(f"model: {nlp.meta.get('name')}  docs: {len(texts)}  tokens: {n_words}")
    print(f"spaCy parse only : {wps['parse']:>9.0f} words/s")
    print(f"truceline extract: {wps['extract']:>9.0f} words/s")
    print(f"ratio            : {wps['extract'] / wps['parse']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
