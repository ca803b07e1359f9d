"""One happening, many outlets: cluster candidate events into merged events.

Two events can be the same happening only if they have the same type, dates
within ``tolerance_days`` and come from different sources (one article reports
a happening once). Among those, similarity is lexical (``merge_score``, with
the coefficients of ``MERGE_WEIGHTS``): overlap of actors and targets under
spelling-tolerant name matching and Dice overlap of the content words of the
summaries (0 below a wording floor), a bonus or malus when both give a place,
less a penalty per day apart. Clusters grow by average linkage until no pair of
clusters is more similar than ``threshold``.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

import numpy as np

from truceline.model import Event, Source, make_id
from truceline.reconcile.names import actor_overlap, dice, same_name, words
from truceline.reconcile.voice import claimant, event_claim, outlets


@dataclass(frozen=True)
class MergeWeights:
    """The coefficients of the merge score, named once for every path that scores.

    Below ``min_wording`` the score is 0 whatever the actors and place: the same
    few actors (Israel, Hamas) are in most events, so they say nothing alone.
    """

    actors: float = 0.4  # × overlap of actors and targets
    wording: float = 0.6  # × Dice overlap of the summaries' content words
    min_wording: float = 0.1  # least wording overlap for the rest to count
    place: float = 0.1  # added when both places meet, taken off when they differ
    per_day: float = 0.05  # taken off per day between the two dates


MERGE_WEIGHTS = MergeWeights()


def merge_score(actors: float, wording: float, places_meet: bool | None, gap: int) -> float:
    """The merge score of a pair of events whose wording overlap reaches the floor.

    ``places_meet`` is None unless both events give a place. The result can be
    below 0; callers clip it (``similarity``) or keep only pairs above 0 (the
    fast path), which is the same thing for clustering.
    """
    w = MERGE_WEIGHTS
    score = w.actors * actors + w.wording * wording
    if places_meet is not None:
        score += w.place if places_meet else -w.place
    return score - w.per_day * gap


def denies(event: Event) -> bool:
    """Whether the event record is a claim that the happening did *not* take place."""
    return event.occurred is False


@dataclass(frozen=True)
class MergedEvent:
    """Events from several sources that report one happening."""

    id: str
    events: list[Event]
    sources: list[str]
    outlets: list[str]
    type: str
    date: str | None
    last_date: str | None
    actors: list[str]
    accounts: list[str] = field(default_factory=list)

    @property
    def contested(self) -> bool:
        """Some sources say it happened and others that it did not."""
        flags = {denies(e) for e in self.events}
        return len(flags) > 1

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "date": self.date,
            "last_date": self.last_date,
            "actors": self.actors,
            "records": [e.id for e in self.events],
            "sources": self.sources,
            "outlets": self.outlets,
            "accounts": self.accounts,
            "contested": self.contested,
        }


@dataclass(frozen=True)
class _Features:
    event: Event
    day: int | None
    names: tuple[str, ...]
    text: frozenset[str]
    place: frozenset[str]
    sources: frozenset[str]


def _features(event: Event) -> _Features:
    day = event.day.toordinal() if event.day is not None else None
    return _Features(
        event,
        day,
        tuple(event.actors) + tuple(event.targets),
        words(event.summary),
        words(event.location or ""),
        frozenset(e.source for e in event.sources),
    )


def similarity(a: _Features, b: _Features, tolerance_days: int) -> float | None:
    """Similarity in [0, 1], or None when the two cannot be the same happening."""
    if a.event.type != b.event.type or a.day is None or b.day is None:
        return None
    gap = abs(a.day - b.day)
    if gap > tolerance_days or (a.sources & b.sources):
        return None
    text = dice(a.text, b.text)
    if text < MERGE_WEIGHTS.min_wording:
        return 0.0
    meet = _places_meet(a.place, b.place) if a.place and b.place else None
    return max(0.0, merge_score(actor_overlap(a.names, b.names), text, meet, gap))


@lru_cache(maxsize=1 << 18)
def _overlap(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """``actor_overlap`` remembered across event types and calls (few distinct lists)."""
    return actor_overlap(a, b)


@lru_cache(maxsize=1 << 18)
def _places_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Some word of one place is a spelling variant of a word of the other
    ("Netzarim corridor" / "Netsarim")."""
    return bool(a & b) or any(_alike(x, y) for x in a for y in b if min(len(x), len(y)) >= 5)


@lru_cache(maxsize=65536)
def _alike(x: str, y: str) -> bool:
    """Two place words spelled alike (ratio ≥ 0.85); the cheap upper bounds first."""
    matcher = SequenceMatcher(None, x, y)
    return (
        matcher.real_quick_ratio() >= 0.85
        and matcher.quick_ratio() >= 0.85
        and matcher.ratio() >= 0.85
    )


def event_similarity(a: Event, b: Event, tolerance_days: int = 1) -> float | None:
    """Similarity of two events as ``merge_events`` scores it (None: cannot merge)."""
    return similarity(_features(a), _features(b), tolerance_days)


def _cluster_all_pairs(
    feats: list[_Features], tolerance_days: int, threshold: float
) -> list[list[int]]:
    """Average linkage by comparing every pair of clusters at every step.

    The reference definition of the clustering; cubic, so used only where a
    pair of similarity 0 could still merge (``threshold`` ≤ 0). ``_cluster``
    gives the same clusters faster.
    """
    n = len(feats)
    sim: dict[tuple[int, int], float | None] = {}
    for i in range(n):
        for j in range(i + 1, n):
            if feats[i].event.type == feats[j].event.type:
                sim[i, j] = similarity(feats[i], feats[j], tolerance_days)
    clusters: list[list[int]] = [[i] for i in range(n)]

    def pair(i: int, j: int) -> float | None:
        return sim.get((i, j) if i < j else (j, i))

    def linkage(c1: list[int], c2: list[int]) -> float | None:
        total = 0.0
        for i in c1:
            for j in c2:
                s = pair(i, j)
                if s is None:
                    return None
                total += s
        return total / (len(c1) * len(c2))

    while True:
        best, best_pair = threshold, None
        for x in range(len(clusters)):
            for y in range(x + 1, len(clusters)):
                s = linkage(clusters[x], clusters[y])
                if s is not None and s >= best:
                    best, best_pair = s, (x, y)
        if best_pair is None:
            return clusters
        x, y = best_pair
        clusters[x] = clusters[x] + clusters[y]
        del clusters[y]


class _Lookup:
    """A value per ordered pair of keys (name lists, places), computed once each.

    Pairs come as arrays of key ids; only pairs never seen before reach
    ``compute`` (a Python call). With few keys the values live in one array
    read in a single step; with many (more than ``_TABLE_KEYS``), in a dict.
    """

    def __init__(self, keys: list[Any], compute: Callable[[Any, Any], float]) -> None:
        self.keys, self.compute, self.size = keys, compute, max(1, len(keys))
        self.table = np.full(self.size**2, np.nan) if self.size <= _TABLE_KEYS else None
        self.known: dict[int, float] = {}

    def _value(self, code: int) -> float:
        return self.compute(self.keys[code // self.size], self.keys[code % self.size])

    def __call__(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        codes = first * self.size + second
        if self.table is not None:
            values = self.table[codes]
            missing = np.isnan(values)
            if missing.any():
                for code in np.unique(codes[missing]).tolist():
                    self.table[code] = self._value(code)
                values = self.table[codes]
            return values
        unique, where = np.unique(codes, return_inverse=True)
        known = self.known
        found = [known.get(c) for c in unique.tolist()]
        for k, code in enumerate(unique.tolist()):
            if found[k] is None:
                found[k] = known[code] = self._value(code)
        return np.array(found, dtype=np.float64)[where]


_TABLE_KEYS = 2048  # up to 2048² values (32 MB) in an array; beyond, a dict


def _ids(values: list[Any]) -> tuple[np.ndarray, list[Any]]:
    """Each value's id among the distinct values, and the distinct values."""
    seen: dict[Any, int] = {}
    ids = [seen.setdefault(v, len(seen)) for v in values]
    return np.array(ids, dtype=np.int64), list(seen)


@dataclass(frozen=True)
class _Keys:
    """Ids of events' name lists and places, and the values of pairs of them:
    built once for all events of a merge, so every type shares the values."""

    names: np.ndarray
    places: np.ndarray
    actors: _Lookup
    meet: _Lookup

    def of(self, indices: list[int]) -> _Keys:
        """The same, for a subset of the events."""
        return _Keys(self.names[indices], self.places[indices], self.actors, self.meet)


def _keys(feats: list[_Features]) -> _Keys:
    names, name_lists = _ids([tuple(dict.fromkeys(f.names)) for f in feats])
    places, place_sets = _ids([f.place for f in feats])
    return _Keys(names, places, _Lookup(name_lists, _overlap), _Lookup(place_sets, _places_meet))


def _positive_pairs(
    feats: list[_Features], tolerance_days: int, keys: _Keys | None = None
) -> list[dict[int, float]]:
    """For each event of one type, the events it scores above 0 with, and the scores.

    Only events dated within the tolerance, with no source in common and (as
    the wording floor needs) at least one content word in common are scored:
    below the floor ``similarity`` gives 0 whatever the actors and place, so an
    unscored pair adds nothing to any sum between clusters. Events are bucketed
    by day; the events of a day are scored against those of the days after it
    within the tolerance in one block of array arithmetic (shared words as a
    product of word-incidence matrices). The score is ``merge_score`` term by
    term in the same order, so each equals ``similarity``'s to the last bit.
    """
    out: list[dict[int, float]] = [{} for _ in feats]
    vocabulary: dict[str, int] = {}
    words = [
        np.array([vocabulary.setdefault(w, len(vocabulary)) for w in f.text], dtype=np.int64)
        for f in feats
    ]
    sizes = np.array([len(f.text) for f in feats], dtype=np.float64)
    keys = keys or _keys(feats)
    names, places, actors, meet = keys.names, keys.places, keys.actors, keys.meet
    has_place = np.array([bool(f.place) for f in feats])
    days = np.array([f.day or 0 for f in feats], dtype=np.int64)
    by_day: dict[int, list[int]] = {}
    for k, f in enumerate(feats):
        if f.day is not None and f.text:
            by_day.setdefault(f.day, []).append(k)
    for day in sorted(by_day):
        window = [j for d in range(day, day + tolerance_days + 1) for j in by_day.get(d, ())]
        left, right, text = _sharing(np.array(window), len(by_day[day]), words, sizes)
        first, second = np.minimum(left, right), np.maximum(left, right)  # as in ``similarity``
        score = _merge_scores(
            actors(names[first], names[second]),
            text,
            has_place[left] & has_place[right],
            meet(places[first], places[second]) > 0,
            days[right] - day,
        )
        keep = score > 0.0  # exactly when ``similarity``'s max(0, …) is
        pairs = zip(left[keep].tolist(), right[keep].tolist(), score[keep].tolist(), strict=True)
        for a, b, value in pairs:
            if feats[a].sources.isdisjoint(feats[b].sources):
                out[a][b] = out[b][a] = value
    return out


def _sharing(
    window: np.ndarray, here: int, words: list[np.ndarray], sizes: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i, j) of a day's events (the first ``here`` of ``window``) with later
    ones of the window whose wording reaches the floor, and that wording (Dice)."""
    counts = [len(words[j]) for j in window.tolist()]
    rows = np.repeat(np.arange(len(window)), counts)
    columns = np.unique(np.concatenate([words[j] for j in window.tolist()]), return_inverse=True)[1]
    incidence = np.zeros((len(window), int(columns.max()) + 1), dtype=np.float32)
    incidence[rows, columns] = 1.0
    shared = incidence[:here] @ incidence.T  # small integers: exact in float32
    shared[np.tril_indices(here, 0, len(window))] = 0.0  # each pair once, never with itself
    a, b = np.nonzero(shared)
    i, j = window[a], window[b]
    text = 2 * shared[a, b].astype(np.int64) / (sizes[i] + sizes[j])
    enough = text >= MERGE_WEIGHTS.min_wording
    return i[enough], j[enough], text[enough]


def _merge_scores(
    actors: np.ndarray, text: np.ndarray, placed: np.ndarray, meet: np.ndarray, gap: np.ndarray
) -> np.ndarray:
    """``merge_score`` over arrays of pairs, each operation as the scalar one does it."""
    w = MERGE_WEIGHTS
    score = w.actors * actors + w.wording * text
    score = np.where(placed, score + np.where(meet, w.place, -w.place), score)
    return score - w.per_day * gap


_SLACK = 1e-9  # bound on the rounding difference between two summation orders of a linkage

# A candidate pair of clusters named a < b (a cluster is named by its first event's
# index, its place in the all-pairs loop's list) ranks by (linkage, exact?, a, b),
# highest first: that loop takes the highest linkage and, of equal ones, the pair it
# meets last. An inexact entry holds an upper bound and ranks before an exact one of
# equal value, so it is made exact before anything it could outrank is merged.
# Each cluster keeps a heap of entries for pairs it is part of:
#   (−linkage, exact?, −a, −b, other cluster, own version, other's version);
# a global heap holds every cluster's best entry as (−linkage, exact?, −a, −b, cluster).
_Local = tuple[float, int, int, int, int, int, int]
_Global = tuple[float, int, int, int, int]


def _cluster(
    feats: list[_Features],
    tolerance_days: int,
    threshold: float,
    keys: _Keys | None = None,
    pos: list[dict[int, float]] | None = None,
) -> list[list[int]]:
    """Average linkage over events of one type: the clusters ``_cluster_all_pairs`` gives.

    With ``threshold`` > 0 only clusters joined by some pair of similarity
    above 0 can merge, so only those pairs are scored (``_positive_pairs``) and
    only pairs whose linkage can reach the threshold are queued. Summed
    similarities between clusters are kept in one dict per cluster; a merge
    folds the smaller dict into the larger, and queued pairs of the larger one
    are only brought up to date when they come to the top of a heap (a merge
    never raises a linkage above the higher of the two it replaces, so the old
    figure stays an upper bound). The running sum can differ from the
    all-pairs loop's in the last bits, so it is queued + ``_SLACK`` and the
    linkage is recomputed in that loop's order before the pair is merged: ties
    and the threshold are decided on equal numbers.
    """
    if threshold <= 0 or MERGE_WEIGHTS.min_wording <= 0:
        return _cluster_all_pairs(feats, tolerance_days, threshold)
    n = len(feats)
    pos = pos if pos is not None else _positive_pairs(feats, tolerance_days, keys)
    name = list(range(n))  # a cluster's slot is one of its events; its name is its first
    members: list[list[int]] = [[i] for i in range(n)]
    sizes = [1] * n
    lo = [f.day or 0 for f in feats]
    hi = list(lo)
    sources = [set(f.sources) for f in feats]
    version = [0] * n
    alive = [True] * n
    links: list[dict[int, float]] = [dict(row) for row in pos]  # slot → summed similarity
    local: list[list[_Local]] = [[] for _ in range(n)]
    best: list[_Global | None] = [None] * n
    queue: list[_Global] = []
    tol = tolerance_days

    def refresh(x: int) -> None:
        """Tidy cluster x's heap and queue its best entry if it changed."""
        heap = local[x]
        tidy(x, heap)
        if not heap:
            best[x] = None
            return
        top, known = heap[0], best[x]
        if known is None or known[:4] != top[:4]:
            best[x] = entry = (top[0], top[1], top[2], top[3], x)
            heapq.heappush(queue, entry)

    def advance(x: int) -> None:
        """Move lone event x's next waiting pair into its heap (one always stands for
        the rest, which score no higher)."""
        later = waiting[x]
        if later:
            y = later.pop()
            heapq.heappush(local[x], (-pos[x][y], 1, -x, -y, y, 0, 0))

    def tidy(x: int, heap: list[_Local]) -> None:
        """Drop the dead pairs at the top of cluster x's heap and bring stale ones up
        to date until the top is current. Both only tighten upper bounds, so doing
        it here rather than one entry per trip through the queue changes no merge."""
        while heap:
            _, _, _, _, y, seen_x, seen_y = heap[0]
            if not alive[y] or apart(x, y):
                heapq.heappop(heap)  # its events' pair, if any, was queued again at the merge
            elif seen_x != version[x] or seen_y != version[y]:
                bound = links[x][y] / (len(members[x]) * len(members[y])) + _SLACK
                if bound >= threshold:
                    heapq.heapreplace(heap, entry(x, y, bound, 0))
                else:
                    heapq.heappop(heap)
            else:
                return
            if not version[x]:
                advance(x)

    def entry(x: int, y: int, value: float, exact: int) -> _Local:
        first, second = (name[x], name[y]) if name[x] < name[y] else (name[y], name[x])
        return (-value, exact, -first, -second, y, version[x], version[y])

    def apart(x: int, y: int) -> bool:
        """Whether some event of x and some event of y cannot be the same happening."""
        return hi[x] - lo[y] > tol or hi[y] - lo[x] > tol or not sources[x].isdisjoint(sources[y])

    def exact(x: int, y: int) -> float:
        """The linkage as the all-pairs loop sums it: the first-named cluster's events
        in order, each with the other's."""
        if name[y] < name[x]:
            x, y = y, x
        total = 0.0
        second = members[y]
        for i in members[x]:
            row = pos[i]
            if row:
                for j in second:
                    if j in row:
                        total += row[j]
        return total / (len(members[x]) * len(second))

    def merge(x: int, y: int) -> None:
        if len(links[x]) < len(links[y]):
            x, y = y, x  # x keeps the slot: its dict is the larger
        first, last = (x, y) if name[x] < name[y] else (y, x)
        members[x] = members[first] + members[last]
        name[x] = name[first]
        lo[x], hi[x] = min(lo[x], lo[y]), max(hi[x], hi[y])
        if len(sources[x]) < len(sources[y]):
            sources[x], sources[y] = sources[y], sources[x]
        sources[x] |= sources[y]
        alive[y], local[y], best[y] = False, [], None
        version[x] += 1
        heap, waiting[y] = local[x], []
        if waiting[x]:  # x was alone: its waiting pairs join its heap, now as upper bounds
            fresh = [(-pos[x][w], 0, -x, -w, w, 0, 0) for w in waiting[x]]
            waiting[x] = []
        else:
            fresh = []
        big, small = links[x], links[y]
        del big[y], small[x]
        links[y] = {}
        sizes[x] = size = len(members[x])
        earliest, latest, own = hi[x] - tol, lo[x] + tol, sources[x]
        here, now, slack = name[x], version[x], _SLACK
        least = (threshold - 2 * slack) * size  # a pair summing to less stays unqueued
        for w, s in small.items():
            total = big[w] = big.get(w, 0.0) + s
            other = links[w]
            del other[y]
            other[x] = total
            if total < least * sizes[w]:
                continue
            bound = total / (size * sizes[w]) + slack
            if lo[w] >= earliest and hi[w] <= latest and own.isdisjoint(sources[w]):
                there = name[w]
                first, second = (here, there) if here < there else (there, here)
                fresh.append((-bound, 0, -first, -second, w, now, version[w]))
        if len(fresh) > len(heap) // 4:
            heap += fresh
            heapq.heapify(heap)
        else:
            for item in fresh:
                heapq.heappush(heap, item)
        best[x] = None
        refresh(x)

    # A lone event's pairs wait in a list, best first, and enter its heap one by one.
    waiting: list[list[int]] = [[] for _ in range(n)]
    for x, row in enumerate(pos):
        later = [y for y, s in row.items() if y > x and s >= threshold]
        later.sort()
        later.sort(key=row.__getitem__)  # stable: of equal scores, the later event comes last
        waiting[x] = later  # popped from the end
        advance(x)
        refresh(x)
    while queue and -queue[0][0] >= threshold:
        top = heapq.heappop(queue)
        x = top[4]
        if best[x] is not top:
            continue  # superseded
        best[x] = None
        heap = local[x]
        _, is_exact, _, _, y, seen_x, seen_y = heap[0]
        if alive[y] and seen_x == version[x] and seen_y == version[y] and not apart(x, y):
            if is_exact:
                merge(x, y)
                continue
            heapq.heapreplace(heap, entry(x, y, exact(x, y), 1))
            if not version[x]:
                advance(x)
        refresh(x)
    return sorted(members[i] for i in range(n) if alive[i])


def _canonical_names(events: list[Event]) -> list[str]:
    spellings: list[Counter[str]] = []
    for event in events:
        for name in [*event.actors, *event.targets]:
            for group in spellings:
                if any(same_name(name, known) for known in group):
                    group[name] += 1
                    break
            else:
                spellings.append(Counter({name: 1}))
    return [group.most_common(1)[0][0] for group in spellings]


def merge_events(
    events: list[Event],
    sources: Mapping[str, Source] | None = None,
    tolerance_days: int = 1,
    threshold: float = 0.25,
) -> list[MergedEvent]:
    """Cluster events that report the same happening; singletons stay on their own.

    Returns merged events in date order. Each keeps every member record, its
    sources and one account per member ("Reuters says: …").
    """
    return _merge_events(events, sources or {}, tolerance_days, threshold)


def _merge_events(
    events: list[Event],
    sources: Mapping[str, Source],
    tolerance_days: int,
    threshold: float,
    links: list[tuple[str, str]] | None = None,
) -> list[MergedEvent]:
    feats = [_features(e) for e in events]
    every = _keys(feats)
    by_type: dict[str, list[int]] = {}
    for i, f in enumerate(feats):
        by_type.setdefault(str(f.event.type), []).append(i)
    merged: list[MergedEvent] = []
    for indices in by_type.values():
        sub = [feats[i] for i in indices]
        keys = every.of(indices)
        pos = _positive_pairs(sub, tolerance_days, keys) if threshold > 0 else None
        if links is not None and pos is not None:
            links += _at_least(sub, pos, threshold)
        for cluster in _cluster(sub, tolerance_days, threshold, keys, pos):
            ordered = sorted((sub[k] for k in cluster), key=_date_order)
            merged.append(_merged([f.event for f in ordered], sources))
    merged.sort(key=lambda m: (m.date is None, m.date or "", m.id))
    return merged


def merge_with_links(
    events: list[Event],
    sources: Mapping[str, Source] | None = None,
    tolerance_days: int = 1,
    threshold: float = 0.25,
) -> tuple[list[MergedEvent], list[tuple[str, str]]]:
    """``merge_events`` and ``merge_links`` from one scoring of the pairs (``threshold`` > 0):
    what reconciling a whole dossier needs, at the cost of one of them."""
    if threshold <= 0:
        raise ValueError("links are kept for a positive threshold only")
    links: list[tuple[str, str]] = []
    return _merge_events(events, sources or {}, tolerance_days, threshold, links), links


def _at_least(
    feats: list[_Features], pos: list[dict[int, float]], threshold: float
) -> list[tuple[str, str]]:
    """The pairs (ids, first < second) scored at ``threshold`` or more, less ``_SLACK``."""
    floor = threshold - _SLACK
    out = []
    for k, scored in enumerate(pos):
        here = feats[k].event.id
        out += [
            (here, feats[j].event.id)
            for j, score in scored.items()
            if score >= floor and here < feats[j].event.id
        ]
    return out


def merge_links(
    events: list[Event], tolerance_days: int = 1, threshold: float = 0.25
) -> list[tuple[str, str]]:
    """Pairs of event ids (first < second) that score ``threshold`` or more.

    Average linkage joins two clusters only when the mean of their pairs
    reaches the threshold, so only when some pair does: every cluster of
    ``merge_events`` lies inside one connected component of these links, and
    clustering a component alone (all its pairs, weak ones included, scored
    again) gives the clusters it has in the whole. The incremental
    reconciliation (``truceline.reconcile.units``) keeps the links to find what a
    new event touches. Pairs below the threshold by no more than ``_SLACK`` are
    kept too: a mean is a sum divided, and rounding may lift it by that much.
    """
    feats = [_features(e) for e in events]
    every = _keys(feats)
    by_type: dict[str, list[int]] = {}
    for i, f in enumerate(feats):
        by_type.setdefault(str(f.event.type), []).append(i)
    links = []
    for indices in by_type.values():
        sub = [feats[i] for i in indices]
        links += _at_least(sub, _positive_pairs(sub, tolerance_days, every.of(indices)), threshold)
    return links


def _date_order(f: _Features) -> tuple[bool, int, str]:
    """Undated last, then by day and id (the day already read in ``_features``)."""
    return (f.day is None, f.day or 0, f.event.id)


def _merged(members: list[Event], sources: Mapping[str, Source]) -> MergedEvent:
    dates = [e.date for e in members if e.date]
    source_ids = list(dict.fromkeys(ev.source for e in members for ev in e.sources))
    names = list(dict.fromkeys(o for e in members for o in outlets(e, sources)))
    return MergedEvent(
        id=make_id("merged", *sorted(e.id for e in members)),
        events=members,
        sources=source_ids,
        outlets=names,
        type=str(members[0].type),
        date=min(dates) if dates else None,
        last_date=max(dates) if dates else None,
        actors=_canonical_names(members),
        accounts=[event_claim(claimant(e, sources), e) for e in members],
    )
