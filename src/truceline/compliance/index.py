"""Records indexed once by day, kind, event type and metric, as known on the as-of date.

Only accepted records count; candidates and rejected records never decide a day.
A record is known from the earliest published date among its sources (a
month-only date counts from the month's last day, so nothing is known early),
or from its own date if no source is dated. Records dated less precisely than a
day cannot decide a day and are left out.

Selections by a ``Match`` start from the narrowest bucket (event type, metric)
and are cached, so 50 obligations over a million records stay cheap.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from truceline.agreement.match import Match

Record = Any  # an Event, Statement, Figure, Proposal or Response (truceline.model)
ByDay = dict[dt.date, list[Record]]
Test = Callable[[Record], bool]
_NOT_CONFLICTS = {"definition", "evolving"}


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
        published = {s.id: _last_day(s.published) for s in sources if s.published}
        self.by_kind: dict[str, list[tuple[dt.date, Record]]] = defaultdict(list)
        self.by_type: dict[str, list[tuple[dt.date, Record]]] = defaultdict(list)
        self.by_metric: dict[str, list[tuple[dt.date, Record]]] = defaultdict(list)
        self.known: set[str] = set()
        days: dict[str, dt.date] = {}
        for record in records:
            if record.state != "accepted":
                continue
            day = _day(record, days)
            dated = [published[e.source] for e in record.sources if e.source in published]
            known = min(dated) if dated else (day or _own_last_day(record))
            if as_of is not None and (known is None or known > as_of):
                continue
            self.known.add(record.id)
            if day is None:
                continue
            entry = (day, record)
            self.by_kind[record.kind].append(entry)
            if record.kind == "event":
                self.by_type[record.type].append(entry)
                for metric in {f.metric for f in record.figures}:
                    self.by_metric[metric].append(entry)
            elif record.kind == "figure":
                self.by_metric[record.metric].append(entry)
        self.disputed = self._disputes(disputes)
        self._cache: dict[str, ByDay] = {}

    def _disputes(self, disputes: Iterable[Any]) -> dict[str, tuple[str, ...]]:
        """Record id → ids on the other sides, for disputes with two known sides.

        Disputes about counting rules (``definition``) or a figure that changed over
        time (``evolving``) are not conflicts between accounts, so they decide nothing.
        """
        out: dict[str, set[str]] = defaultdict(set)
        for dispute in disputes:
            if dispute.kind in _NOT_CONFLICTS:
                continue
            sides = [[r for r in side.records if r in self.known] for side in dispute.sides]
            sides = [side for side in sides if side]
            if len(sides) < 2:
                continue
            for i, side in enumerate(sides):
                others = {r for j, other in enumerate(sides) if j != i for r in other}
                for rid in side:
                    out[rid] |= others
        return {rid: tuple(sorted(others)) for rid, others in out.items()}

    def select(self, match: Match) -> ByDay:
        """Records matching ``match``, grouped by day."""
        key = match.model_dump_json()
        if key not in self._cache:
            test = compile_match(match)
            out: ByDay = defaultdict(list)
            for day, record in self._candidates(match):
                if test(record):
                    out[day].append(record)
            self._cache[key] = dict(out)
        return self._cache[key]

    def _candidates(self, match: Match) -> Iterable[tuple[dt.date, Record]]:
        if match.types:
            return [e for t in match.types for e in self.by_type.get(t, ())]
        if match.metric:
            return self.by_metric.get(match.metric, ())
        if match.kind:
            return self.by_kind.get(match.kind, ())
        return [e for entries in self.by_kind.values() for e in entries]


def compile_match(match: Match) -> Test:
    """A fast test for one record; every given field must match."""
    tests: list[Test] = []
    if match.kind:
        kind = match.kind
        tests.append(lambda r: r.kind == kind)
    if match.types:
        types = set(match.types)
        tests.append(lambda r: getattr(r, "type", None) in types)
    if match.actors:
        actors = _lower(match.actors)
        tests.append(lambda r: not actors.isdisjoint(_names(r)))
    if match.targets:
        targets = _lower(match.targets)
        tests.append(lambda r: not targets.isdisjoint(_lower(getattr(r, "targets", ()))))
    if match.metric:
        metric = match.metric
        tests.append(lambda r: value_of(r, metric) is not None)
    if match.counted_by:
        bodies = _lower(match.counted_by)
        tests.append(lambda r: (getattr(r, "counted_by", None) or "").lower() in bodies)
    if match.claimed_by:
        claimants = _lower(match.claimed_by)
        tests.append(lambda r: (r.claimed_by or "").lower() in claimants)
    if match.keywords:
        words = [w.lower() for w in match.keywords]
        tests.append(lambda r: any(w in _text(r) for w in words))
    if match.location:
        place = match.location.lower()
        tests.append(lambda r: place in (getattr(r, "location", None) or "").lower())
    return lambda r: all(t(r) for t in tests)


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


def _text(record: Record) -> str:
    parts = (
        getattr(record, name, None)
        for name in ("summary", "quote", "sub_type", "location", "title", "who", "notes")
    )
    return " ".join(p for p in parts if p).lower()


def _lower(values: Iterable[str]) -> set[str]:
    return {v.lower() for v in values}


def _day(record: Record, cache: dict[str, dt.date]) -> dt.date | None:
    """The record's day, if it is dated to the day."""
    date = record.date
    if not date or len(date) != 10 or record.date_precision not in (None, "day"):
        return None
    found = cache.get(date)
    if found is None:
        found = cache[date] = dt.date.fromisoformat(date)
    return found


def _own_last_day(record: Record) -> dt.date | None:
    return _last_day(record.date[:10]) if record.date else None


def _last_day(prefix: str) -> dt.date:
    """The last calendar day an ISO prefix can mean."""
    parts = [int(p) for p in prefix.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], _calendar.monthrange(parts[0], parts[1])[1])
    return dt.date(*parts)
