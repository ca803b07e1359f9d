"""The fast clustering gives the clusters of the all-pairs definition, ties included."""

from __future__ import annotations

import random

import pytest

from truceline.model import Event, Evidence
from truceline.negotiation import _merge
from truceline.negotiation._merge import _cluster, _cluster_all_pairs, _features

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


def test_zero_threshold_uses_all_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    feats = [_features(e) for e in _events(1, 20, 5, 3, 8)]
    called = []
    monkeypatch.setattr(
        _merge, "_cluster_all_pairs", lambda *a: called.append(a) or [[i] for i in range(20)]
    )
    _cluster(feats, 1, 0.0)
    assert called
