"""The fast clustering scores only pairs that share a content word: that pruning must
not change a merge, at the wording floor or at the threshold."""

from __future__ import annotations

from truceline.model import Event, Evidence
from truceline.reconcile import event_similarity, merge_events
from truceline.reconcile.merge import _cluster, _cluster_all_pairs, _features

TEN = "anvil barge cobalt dingo ember fjord gravel harbor island jetty"  # 10 content words
SAME_ACTORS = ["Israel", "Hamas"]


def ev(id: str, source: str, summary: str, actors: list[str], place: str | None = "Rafah") -> Event:
    return Event(
        id=id,
        date="2025-02-01",
        type="ASSAULT",
        actors=actors,
        summary=summary,
        location=place,
        sources=[Evidence(source=source)],
    )


def clusters(events: list[Event]) -> list[list[str]]:
    """merge_events' clusters as sorted ids, checked against the all-pairs definition."""
    merged = sorted(sorted(e.id for e in m.events) for m in merge_events(events))
    feats = [_features(e) for e in events]
    reference = sorted(sorted(events[i].id for i in c) for c in _cluster_all_pairs(feats, 1, 0.25))
    fast = sorted(sorted(events[i].id for i in c) for c in _cluster(feats, 1, 0.25))
    assert merged == reference == fast
    return merged


def test_same_actors_and_place_without_a_shared_word_do_not_merge() -> None:
    # 0.4 × actors + 0.1 place would be 0.5, but below the wording floor the score is 0.
    a = ev("a", "s1", "convoy blocked crossing", SAME_ACTORS)
    b = ev("b", "s2", "tanks shelled houses", SAME_ACTORS)
    assert event_similarity(a, b) == 0.0
    assert clusters([a, b]) == [["a"], ["b"]]


def test_wording_just_below_the_floor_counts_for_nothing() -> None:
    # one shared word of 10 + 11: Dice 2/21 < 0.1, so the equal actors and place do not count
    a = ev("a", "s1", TEN, SAME_ACTORS)
    b = ev(
        "b",
        "s2",
        "anvil kettle lantern mortar nickel oyster pebble quarry ribbon saddle tundra",
        SAME_ACTORS,
    )
    assert event_similarity(a, b) == 0.0
    assert clusters([a, b]) == [["a"], ["b"]]


def test_wording_at_the_floor_lets_actors_and_place_count() -> None:
    # one shared word of 10 + 10: Dice exactly 0.1, so 0.4 + 0.06 + 0.1
    a = ev("a", "s1", TEN, SAME_ACTORS)
    b = ev(
        "b",
        "s2",
        "anvil kettle lantern mortar nickel oyster pebble quarry ribbon saddle",
        SAME_ACTORS,
    )
    assert event_similarity(a, b) == 0.4 + 0.6 * 0.1 + 0.1
    assert clusters([a, b]) == [["a", "b"]]


def test_a_pair_exactly_at_the_threshold_merges() -> None:
    # no actors; Dice 2/8 = 0.25 → 0.15, + 0.1 for the same place: exactly 0.25
    a = ev("a", "s1", "alpha bravo charlie delta", [])
    b = ev("b", "s2", "alpha echo foxtrot golf", [])
    assert event_similarity(a, b) == 0.25
    assert clusters([a, b]) == [["a", "b"]]
    # one more word on one side: 2/9 → 0.233…, below the threshold
    c = ev("c", "s3", "alpha echo foxtrot golf hotel", [])
    assert event_similarity(a, c) < 0.25
    assert clusters([a, c]) == [["a"], ["c"]]


def test_an_unscored_pair_still_counts_as_zero_in_a_linkage() -> None:
    # a and b merge first; c scores exactly the threshold with a but shares no word
    # with b, so its pair with b is never scored: it still counts as 0 in the average
    # ((0.25 + 0) / 2 < 0.25), and c stays out.
    a = ev("a", "s1", "alpha bravo charlie delta", ["Egypt"])
    b = ev("b", "s2", "alpha bravo charlie echo", ["Egypt"])
    c = ev("c", "s3", "delta foxtrot golf hotel", [])
    assert event_similarity(a, c) == 0.25
    assert event_similarity(b, c) == 0.0
    assert clusters([a, b, c]) == [["a", "b"], ["c"]]
    assert clusters([a, c]) == [["a", "c"]]
