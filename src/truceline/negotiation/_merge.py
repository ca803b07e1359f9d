"""One happening, many outlets: cluster candidate events into merged events.

Two events can be the same happening only if they have the same type, dates
within ``tolerance_days`` and come from different sources (one article reports
a happening once). Among those, similarity is lexical: 0.4 × overlap of actors
and targets under spelling-tolerant name matching + 0.6 × Dice overlap of the
content words of the summaries (0 below ``MIN_WORDING``), ± 0.1 when both give
a place, − 0.05 per day apart. Clusters grow by average linkage until no pair of
clusters is more similar than ``threshold``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from truceline.model import Event, Source, make_id
from truceline.negotiation._names import actor_overlap, dice, same_name, words
from truceline.negotiation._voice import claimant, event_claim, outlets

MIN_WORDING = 0.1  # least Dice overlap of content words for two events to be compared
DENIAL_SUBTYPES = frozenset({"denied", "denial", "did_not_happen", "not_happened"})


def denies(event: Event) -> bool:
    """Whether the event record is a claim that the happening did *not* take place.

    Recorded as ``sub_type: did_not_happen`` (or ``denied``) until the model has
    a polarity field; an ``occurred: false`` attribute is honoured too.
    """
    if getattr(event, "occurred", True) is False:
        return True
    return (event.sub_type or "").strip().lower() in DENIAL_SUBTYPES


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
    actors = actor_overlap(a.names, b.names)
    text = dice(a.text, b.text)
    if text < MIN_WORDING:
        return 0.0  # the same few actors (Israel, Hamas) are in most events: not enough alone
    score = 0.4 * actors + 0.6 * text
    if a.place and b.place:
        score += 0.1 if _places_meet(a.place, b.place) else -0.1
    return max(0.0, score - 0.05 * gap)


def _places_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Some word of one place is a spelling variant of a word of the other
    ("Netzarim corridor" / "Netsarim")."""
    return bool(a & b) or any(
        SequenceMatcher(None, x, y).ratio() >= 0.85
        for x in a
        for y in b
        if min(len(x), len(y)) >= 5
    )


def event_similarity(a: Event, b: Event, tolerance_days: int = 1) -> float | None:
    """Similarity of two events as ``merge_events`` scores it (None: cannot merge)."""
    return similarity(_features(a), _features(b), tolerance_days)


def _cluster(feats: list[_Features], tolerance_days: int, threshold: float) -> list[list[int]]:
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
    sources = sources or {}
    feats = [_features(e) for e in events]
    by_type: dict[str, list[int]] = {}
    for i, f in enumerate(feats):
        by_type.setdefault(str(f.event.type), []).append(i)
    merged: list[MergedEvent] = []
    for indices in by_type.values():
        sub = [feats[i] for i in indices]
        for cluster in _cluster(sub, tolerance_days, threshold):
            members = sorted((sub[k].event for k in cluster), key=lambda e: (str(e.day), e.id))
            merged.append(_merged(members, sources))
    merged.sort(key=lambda m: (m.date is None, m.date or "", m.id))
    return merged


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
