"""Records indexed once by day, kind, event type and metric, as known on the as-of date.

Only accepted records count; candidates and rejected records never decide a day.
An event a source says did not happen (``occurred: false``) is never the act:
it is kept apart (``denials``), where it can show a prohibition kept or a
past-due act not done, and is set against reports of the act through disputes.
A record is known from the earliest published date among its sources (a
month-only date counts from the month's last day, so nothing is known early),
or from its own date if no source is dated. Records dated less precisely than a
day cannot decide a day and are left out.

A record that reports a continuing state (``until``) also decides the days
it holds (``held``, see ``compliance.states``); the justifications claimed for
events are kept by id (``justified``), for the ledger to show beside them.

Selections by a ``Match`` start from the narrowest bucket (event type, metric)
and are cached, so 50 obligations over a million records stay cheap.

Each entry also carries the record's id and, for an event, its figures, read
while the pass has the record at hand. Reading them again later, day by day,
would reach the records in scattered order; measured on a million records,
that cold read costs about three times the warm one, and prohibitions, which
need only ids and figures, would pay it for every breach.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from operator import itemgetter
from typing import Any

from truceline.agreement.match import Match
from truceline.compliance.states import continuing
from truceline.dates import last_day as _last_day

Record = Any  # an Event, Statement, Figure, Proposal or Response (truceline.model)
ByDay = dict[dt.date, list[Record]]
Figures = tuple[tuple[str, float], ...]  # (metric, value) pairs, fatalities first
Entry = tuple[dt.date, Record, str, Figures]  # day, record, its id, its figures
Tally = tuple[tuple[str, ...], dict[str, float]]  # a day's record ids, figures summed by metric
Test = Callable[[Record], bool]
_NOT_CONFLICTS = {"definition", "evolving"}
_THREAT = "THREATEN"
_DAY = {None, "day"}
_ASSERTED = {None, "asserted"}  # the modes of `Event.is_act`, read from __dict__ on this hot path


def _ANY(record: Record) -> bool:
    """The test of a match its bucket already satisfies."""
    return True


class _DayCache(dict[str, dt.date]):
    """ISO date string → date, parsed once per distinct string."""

    def __missing__(self, key: str) -> dt.date:
        self[key] = dt.date.fromisoformat(key)
        return self[key]


class RecordIndex:
    """Accepted records known by ``as_of``, bucketed for fast selection."""

    def __init__(
        self,
        records: Iterable[Record],
        sources: Iterable[Any] = (),
        disputes: Iterable[Any] = (),
        as_of: dt.date | None = None,
    ) -> None:
        self.as_of = as_of
        self.by_kind: dict[str, list[Entry]] = defaultdict(list)
        self.by_type: dict[str, list[Entry]] = defaultdict(list)
        self.by_type_actor: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        self.by_metric: dict[str, list[Entry]] = defaultdict(list)
        self.figures_by_metric: dict[str, list[Entry]] = defaultdict(list)
        self.denied: list[Entry] = []
        self.justified: dict[str, Any] = {}  # event id → the justification claimed for it
        disputes = list(disputes)
        cited = {r for d in disputes for side in d.sides for r in side.records}
        published = {s.id: _last_day(s.published) for s in sources if s.published}
        self.known_cited = self._add_all(records, published, cited)
        self.disputed = self._disputes(d for d in disputes if not d.about)
        self._scoped = [(frozenset(d.about), self._disputes([d])) for d in disputes if d.about]
        self._cache: dict[str, ByDay] = {}
        self._denials: dict[str, ByDay] = {}
        self._holding: dict[str, ByDay] = {}
        self._texts: dict[str, str] = {}

    def _add_all(
        self, records: Iterable[Record], published: dict[str, dt.date], cited: set[str]
    ) -> set[str]:
        """One pass over the records; the hot loop of the engine, kept to dict lookups.

        Returns the ``cited`` ids (those disputes name) known by ``as_of``: only
        disputes ask whether a record is known, so the other ids are not kept.
        """
        as_of, days, known = self.as_of, _DayCache(), set()
        states: list[Entry] = []
        justified = self.justified
        by_kind, by_type, by_pair, by_metric, by_figure, denied = (
            self.by_kind, self.by_type, self.by_type_actor, self.by_metric, self.figures_by_metric,
            self.denied,
        )  # fmt: skip
        for record in records:
            v = record.__dict__
            if v["state"] != "accepted":
                continue
            date = v["date"]
            day = days[date] if date and len(date) == 10 and v["date_precision"] in _DAY else None
            evidence = v["sources"]
            if len(evidence) == 1:
                first = published.get(evidence[0].source)
            else:
                dated = [published.get(e.source) for e in evidence]
                first = min(filter(None, dated), default=None)
            if first is None:
                first = day or (_last_day(date[:10]) if date else None)
            if as_of is not None and (first is None or first > as_of):
                continue
            if v["id"] in cited:
                known.add(v["id"])
            if day is None:
                continue
            kind = v["kind"]
            if kind == "event":
                if v.get("mode") not in _ASSERTED:
                    continue  # a plan or a threat is neither the act nor a record that it did not happen
                figures = _figures(v)
                entry = (day, record, v["id"], figures)
                if v.get("occurred") is False:
                    denied.append(entry)  # a record that the act did not happen, never the act
                    continue
                by_kind[kind].append(entry)
                if v["justification"] is not None:
                    justified[v["id"]] = v["justification"]
                kind_type = v["type"]
                by_type[kind_type].append(entry)
                actors = v["actors"]
                for actor in {a.lower() for a in actors} if len(actors) > 1 else actors:
                    by_pair[(kind_type, actor.lower())].append(entry)
                event_figures = v["figures"]
                if len(event_figures) == 1:
                    by_metric[event_figures[0].metric].append(entry)
                else:
                    for metric in {f.metric for f in event_figures}:
                        by_metric[metric].append(entry)
                if v["until"] is not None or v["ends"] is not None:
                    states.append(entry)
                continue
            entry = (day, record, v["id"], ())
            by_kind[kind].append(entry)
            if kind == "figure":
                by_metric[v["metric"]].append(entry)
                by_figure[v["metric"]].append(entry)
            if v["until"] is not None or v["ends"] is not None:
                states.append(entry)
        self._held = continuing(states, by_figure, as_of)
        return known

    def _disputes(self, disputes: Iterable[Any]) -> dict[str, tuple[str, ...]]:
        """Record id → ids on the other sides, for disputes with two known sides.

        Disputes about counting rules (``definition``) or a figure that changed over
        time (``evolving``) are not conflicts between accounts, so they decide nothing.
        """
        out: dict[str, set[str]] = defaultdict(set)
        for dispute in disputes:
            if dispute.kind in _NOT_CONFLICTS:
                continue
            sides = [[r for r in side.records if r in self.known_cited] for side in dispute.sides]
            sides = [side for side in sides if side]
            if len(sides) < 2:
                continue
            for i, side in enumerate(sides):
                others = {r for j, other in enumerate(sides) if j != i for r in other}
                for rid in side:
                    out[rid] |= others
        return {rid: tuple(sorted(others)) for rid, others in out.items()}

    def disputes_for(self, about: AbstractSet[str]) -> dict[str, tuple[str, ...]]:
        """Record id → ids on the other sides, for one obligation.

        ``about`` holds the obligation's id and metrics: a dispute scoped with
        ``about`` contests only the days of the obligations it names.
        """
        found = [scoped for keys, scoped in self._scoped if not keys.isdisjoint(about)]
        if not found:
            return self.disputed
        out = {rid: set(others) for rid, others in self.disputed.items()}
        for scoped in found:
            for rid, others in scoped.items():
                out.setdefault(rid, set()).update(others)
        return {rid: tuple(sorted(others)) for rid, others in out.items()}

    def held(self, match: Match) -> ByDay:
        """Continuing states matching ``match``, on each day they hold after their own day.

        A record's own day stays with ``select``; these are the days between
        reports that the state (forces holding posts, a port cut off) decides.
        """
        key = match.model_dump_json()
        if key not in self._holding:
            test = compile_match(match, frozenset(), self._texts)
            out: ByDay = defaultdict(list)
            for (first, record, _, _), last in self._held:
                if test(record):
                    for n in range(1, (last - first).days + 1):
                        out[first + dt.timedelta(days=n)].append(record)
            self._holding[key] = dict(out)
        return self._holding[key]

    def denials(self, match: Match) -> ByDay:
        """Events matching ``match`` that a source says did not happen, grouped by day."""
        key = match.model_dump_json()
        if key not in self._denials:
            test = compile_match(match, frozenset(), self._texts)
            out: ByDay = defaultdict(list)
            for day, record, _, _ in self.denied:
                if test(record):
                    out[day].append(record)
            self._denials[key] = dict(out)
        return self._denials[key]

    def select(self, match: Match) -> ByDay:
        """Records matching ``match``, grouped by day."""
        key = match.model_dump_json()
        if key not in self._cache:
            candidates, implied = self._candidates(match)
            test = compile_match(match, implied, self._texts)
            out: ByDay = defaultdict(list)
            if test is _ANY:
                for day, record, _, _ in candidates:
                    out[day].append(record)
            else:
                for day, record, _, _ in candidates:
                    if test(record):
                        out[day].append(record)
            self._cache[key] = dict(out)
        return self._cache[key]

    def tally(self, match: Match) -> dict[dt.date, Tally]:
        """Per day, the ids of the records matching ``match`` and their figures summed by metric.

        Read from the index entries, so records a bucket already matches are not
        read again.
        """
        candidates, implied = self._candidates(match)
        test = compile_match(match, implied, self._texts)
        ids: dict[dt.date, list[str]] = defaultdict(list)
        totals: dict[dt.date, dict[str, float]] = defaultdict(dict)
        for day, record, rid, figures in candidates:
            if test is not _ANY and not test(record):
                continue
            ids[day].append(rid)
            day_totals = totals[day]
            for metric, value in figures:
                day_totals[metric] = day_totals[metric] + value if metric in day_totals else value
        return {day: (tuple(found), totals[day]) for day, found in ids.items()}

    def first(
        self, match: Match, start: dt.date | None = None, end: dt.date | None = None
    ) -> dt.date | None:
        """The first day in [start, end] with a matching record (a trigger).

        Tests a candidate only if it could beat the best day found so far, so a
        trigger rarely reads more than a few records' text.
        """
        cached = self._cache.get(match.model_dump_json())
        if cached is not None:
            days = (
                d for d in cached if (start is None or d >= start) and (end is None or d <= end)
            )
            return min(days, default=None)
        candidates, implied = self._candidates(match)
        test = compile_match(match, implied, self._texts)
        best = end + dt.timedelta(days=1) if end else dt.date.max
        for day, record, _, _ in candidates:
            if day < best and (start is None or day >= start) and test(record):
                best = day
        return None if best == dt.date.max or (end and best > end) else best

    def _candidates(self, match: Match) -> tuple[Iterable[Entry], set[str]]:
        """The narrowest bucket, and the match fields it already guarantees."""
        event = {"kind"} if match.kind in (None, "event") else set()
        if match.types and match.actors:
            keys = [(t, a.lower()) for t in match.types for a in match.actors]
            buckets = [self.by_type_actor.get(k, []) for k in keys]
            if len(buckets) == 1:
                return buckets[0], {"types", "actors", *event}
            unique = {id(e[1]): e for bucket in buckets for e in bucket}
            return unique.values(), {"types", "actors", *event}
        if match.types:
            return [e for t in match.types for e in self.by_type.get(t, ())], {"types", *event}
        if match.metric and match.kind == "figure":
            return self.figures_by_metric.get(match.metric, ()), {"metric", "kind"}
        if match.metric:
            return self.by_metric.get(match.metric, ()), {"metric"}
        if match.kind:
            return self.by_kind.get(match.kind, ()), {"kind"}
        return [e for entries in self.by_kind.values() for e in entries], set()


def compile_match(
    match: Match,
    implied: AbstractSet[str] = frozenset(),
    texts: dict[str, str] | None = None,  # type: ignore[assignment]
) -> Test:
    """A fast test for one record; every given field not ``implied`` by the bucket must match.

    Words are not acts: without a ``kind``, a match reads events and figures,
    not statements, proposals or responses, whose words ("we will not
    withdraw") would otherwise pass for the act. A threat is never the act it
    threatens: an event of type THREATEN matches only a match naming that type.
    ``texts`` caches each record's lower-cased text between selections.
    """
    tests: list[Test] = []
    if match.kind and "kind" not in implied:
        kind = match.kind
        tests.append(lambda r: r.kind == kind)
    if not match.types and match.kind is None:
        tests.append(lambda r: r.kind == "figure" or (r.kind == "event" and r.type != _THREAT))
    elif not match.types and match.kind == "event":
        tests.append(lambda r: r.type != _THREAT)
    if match.types and "types" not in implied:
        types = set(match.types)
        tests.append(lambda r: r.kind == "event" and r.type in types)
    if match.actors and "actors" not in implied:
        actors = _lower(match.actors)
        tests.append(lambda r: not actors.isdisjoint(_names(r)))
    if match.targets:
        targets = _lower(match.targets)
        tests.append(lambda r: r.kind == "event" and not targets.isdisjoint(_lower(r.targets)))
    if match.metric and "metric" not in implied:
        metric = match.metric
        tests.append(lambda r: value_of(r, metric) is not None)
    if match.counted_by:
        bodies = _lower(match.counted_by)
        tests.append(lambda r: r.kind == "figure" and (r.counted_by or "").lower() in bodies)
    if match.claimed_by:
        claimants = _lower(match.claimed_by)
        tests.append(lambda r: (r.claimed_by or "").lower() in claimants)
    if match.keywords:
        words = [w.lower() for w in match.keywords]
        cache = texts if texts is not None else {}
        if len(words) == 1:
            word = words[0]
            tests.append(lambda r: word in _text(r, cache))
        else:
            tests.append(lambda r: any(w in _text(r, cache) for w in words))
    if match.location:
        place = match.location.lower()
        tests.append(lambda r: r.kind == "event" and place in (r.location or "").lower())
    if not tests:
        return _ANY
    if len(tests) == 1:
        return tests[0]

    def every(record: Record) -> bool:  # a plain loop: faster than all() on a generator
        for test in tests:  # noqa: SIM110
            if not test(record):
                return False
        return True

    return every


def value_of(record: Record, metric: str) -> tuple[float, str] | None:
    """A record's count of ``metric`` and its qualifier: a figure's value, or an event figure."""
    if record.kind == "figure":
        return (record.value, record.qualifier) if record.metric == metric else None
    for figure in getattr(record, "figures", ()):
        if figure.metric == metric:
            return figure.value, figure.qualifier
    return None


def _names(record: Record) -> set[str]:
    kind = record.kind
    if kind == "event":
        names = record.actors
    elif kind == "statement":
        names = [record.speaker, record.affiliation]
    elif kind == "response":
        names = [record.party]
    elif kind == "proposal":
        names = [record.proposer]
    else:
        names = [record.who, record.counted_by]
    return _lower(n for n in names if n)


_TEXT = {
    kind: itemgetter(*fields)
    for kind, fields in {
        "event": ("sub_type", "location"),  # labels, not prose: "not a withdrawal" is no act
        "statement": ("quote", "summary", "notes"),
        "figure": ("summary", "who", "notes"),
        "proposal": ("title", "summary", "notes"),
        "response": ("summary", "notes"),
    }.items()
}


def _text(record: Record, cache: dict[str, str]) -> str:
    """The record's words, lower-cased once and cached by record id."""
    found = cache.get(record.id)
    if found is None:
        words = _TEXT[record.kind](record.__dict__)
        found = cache[record.id] = " ".join(filter(None, words)).lower()
    return found


def _figures(event: dict[str, Any]) -> Figures:
    """An event's (metric, value) pairs, from its ``__dict__``; fatalities first."""
    found = event["figures"]
    pairs = (
        ((found[0].metric, found[0].value),)
        if len(found) == 1
        else tuple((f.metric, f.value) for f in found)
    )
    fatalities = event["fatalities"]
    return pairs if fatalities is None else (("fatalities", fatalities), *pairs)


def _lower(values: Iterable[str]) -> set[str]:
    return {v.lower() for v in values}
