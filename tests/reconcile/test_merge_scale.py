"""The fast clustering gives the clusters of the all-pairs definition, ties included."""

from __future__ import annotations

import random

import pytest

from truceline.model import Event, Evidence
from truceline.reconcile import merge
from truceline.reconcile.merge import (
    _cluster,
    _cluster_all_pairs,
    _features,
    _positive_pairs,
    similarity,
)

ACTORS = ["Israel", "Hamas", "Egypt", "Qatar", "Netanyahu", "Netanyahou", "IDF"]
PLACES = [None, "Rafah", "Rafa", "Khan Younis", "Gaza City"]


def _events(seed: int, n: int, sources: int, days: int, vocabulary: int) -> list[Event]:
    """Few words and names, so many pairs score alike (ties) and clusters grow."""
    rng = random.Random(seed)
    words = [f"w{k}x" for k in range(vocabulary)]
    return [
        Event(
            id=f"e{i}",
            date=f"2025-01-{1 + rng.randrange(days):02d}",
            type="AID",
            actors=rng.sample(ACTORS, rng.randrange(0, 3)),
            summary=" ".join(rng.sample(words, rng.randrange(1, 5))),
            location=rng.choice(PLACES),
            sources=[Evidence(source=f"s{rng.randrange(sources)}")],
        )
        for i in range(n)
    ]


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("tolerance", [0, 1, 2])
@pytest.mark.parametrize("threshold", [0.1, 0.25, 0.4])
def test_same_clusters_as_all_pairs(seed: int, tolerance: int, threshold: float) -> None:
    events = _events(seed, 90, 15 if seed % 2 else 150, 5, 6 + seed)
    feats = [_features(e) for e in events]
    fast = sorted(sorted(c) for c in _cluster(feats, tolerance, threshold))
    slow = sorted(sorted(c) for c in _cluster_all_pairs(feats, tolerance, threshold))
    assert fast == slow
    assert any(len(c) > 2 for c in slow) or threshold == 0.4


@pytest.mark.parametrize("seed", range(3))
def test_fast_path_scores_equal_the_pairwise_scores(seed: int) -> None:
    # both paths score with ``merge_score``: a kept pair has the pairwise score to the
    # last bit, a pair left out scores 0 or cannot be one happening
    feats = [_features(e) for e in _events(seed, 90, 15, 3, 6 + seed)]
    kept = _positive_pairs(feats, 1)
    assert sum(len(row) for row in kept) > 50
    for i in range(len(feats)):
        for j in range(i + 1, len(feats)):
            assert (
                kept[i].get(j, 0.0)
                == kept[j].get(i, 0.0)
                == (similarity(feats[i], feats[j], 1) or 0.0)
            )


def test_zero_threshold_uses_all_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    feats = [_features(e) for e in _events(1, 20, 5, 3, 8)]
    called = []
    monkeypatch.setattr(
        merge, "_cluster_all_pairs", lambda *a: called.append(a) or [[i] for i in range(20)]
    )
    _cluster(feats, 1, 0.0)
    assert called


def test_merging_never_touches_the_cycle_collector() -> None:
    """Library code leaves process state alone: the web app merges in worker threads."""
    import gc

    seen: list[bool] = []
    original = merge._features

    def spy(event: Event) -> object:
        seen.append(gc.isenabled())
        return original(event)

    merge._features = spy  # type: ignore[assignment]
    try:
        merge.merge_events(_events(1, 3, 3, 2, 4))
    finally:
        merge._features = original
    assert seen == [True, True, True] and gc.isenabled()
