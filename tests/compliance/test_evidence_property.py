"""Property: no day is met or breached without a record behind it.

For random agreements (every obligation kind, silence declared or not) and
random records (acts, denials, counts of several bodies and bounds, refusals)
and disputes (scoped or not): every met or breached day names a deciding
record, assumed-met days appear only where the agreement declares them, and
with every record removed no day is met or breached.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from compliance_builders import Build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from truceline.compliance import Ledger
from truceline.model import Dispute, Event, Figure, FigureValue, Justification

TYPES = ["ASSAULT", "RELEASE", "RETREAT", "REJECT"]
ACTORS = ["A", "B"]
METRICS = ["aid_trucks", "captives_released"]
DAYS = 12
build = Build()


def _day(n: int) -> str:
    return (dt.date(2025, 1, 1) + dt.timedelta(days=n)).isoformat()


def _obligation(i: int, kind: str, actor: str, silence: str, due: int) -> dict[str, Any]:
    match = {"types": [TYPES[i % len(TYPES)]], "actors": [actor]}
    terms: dict[str, Any] = {
        "prohibition": {"match": match, "silence": silence},
        "deadline": {"act": match, "what": "the act", "due": f"day {due}",
                     "contrary": {"types": ["REJECT"], "actors": [actor]}},
        "quota": {"metric": METRICS[i % 2], "unit": "one", "target": 50,
                  "period": ["week", "3 days", "day", "month"][i % 4], "anchor": f"day {due}",
                  "measure": "stock" if i % 2 else None},
        "schedule": {"match": {"kind": "event", "types": ["RELEASE"], "actors": [actor]},
                     "metric": "captives_released",
                     "instalments": [{"due": f"day {due}", "count": 3}]},
        "conditional": {"trigger": {"day": f"day {due}"},
                        "then": {"kind": "prohibition", "match": match, "silence": silence}},
        "stock": {"kind": "schedule", "measure": "stock", "metric": "captives_released",
                  "match": {"kind": "event", "types": ["RELEASE"], "actors": [actor]},
                  "instalments": [{"due": f"day {due}", "count": 3}]},
        "partial": {"kind": "deadline", "act": match, "what": "the act", "due": f"day {due}",
                    "quantity": 6, "metric": "captives_released"},
        "asap": {"kind": "deadline", "act": match, "what": "the act", "due": "as soon as possible",
                 "contrary": {"types": ["REJECT"], "actors": [actor]}},
    }[kind]  # fmt: skip
    kind = terms.pop("kind", kind)
    return build.obligation(kind, f"o{i}", party=actor, **terms)


obligations = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "prohibition",
                "deadline",
                "quota",
                "schedule",
                "conditional",
                "stock",
                "partial",
                "asap",
            ]
        ),  # fmt: skip
        st.sampled_from(ACTORS),
        st.sampled_from(["unreported", "assume_met"]),
        st.integers(1, DAYS),
    ),
    min_size=1,
    max_size=5,
)
UNTIL = [None, None, "open", _day(DAYS // 2)]  # a continuing state, open or ending
events = st.builds(
    lambda day, t, a, occurred, value, until, why: (
        lambda rid: Event(
            id=rid,
            date=_day(day),
            type=t,
            actors=[a],
            summary="x",
            occurred=occurred,
            figures=[FigureValue(metric="captives_released", value=value)],
            until=until,
            justification=Justification(claim="self-defence", claimed_by=a) if why else None,
        )
    ),  # fmt: skip
    st.integers(0, DAYS - 1),
    st.sampled_from(TYPES),
    st.sampled_from(ACTORS),
    st.sampled_from([None, None, False]),
    st.integers(1, 5),
    st.sampled_from(UNTIL),
    st.booleans(),
)
figures = st.builds(
    lambda day, metric, value, qualifier, body, until, span: (
        lambda rid: Figure(
            id=rid, date=_day(day), metric=metric, value=value, qualifier=qualifier,
            counted_by=body, until=until, period_end=_day(day + span) if span else None,
        )
    ),
    st.integers(0, DAYS - 1),
    st.sampled_from(METRICS),
    st.integers(0, 100),
    st.sampled_from(["exact", "at_least", "up_to", "nearly"]),
    st.sampled_from(["OCHA", "COGAT", None]),
    st.sampled_from(UNTIL),
    st.sampled_from([0, 0, 2, 6]),  # a count over a span of days
)  # fmt: skip


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    spec=obligations,
    makers=st.lists(st.one_of(events, figures), min_size=8, max_size=40),
    pairs=st.lists(st.tuples(st.integers(0, 39), st.integers(0, 39), st.booleans()), max_size=6),
)
def test_no_verdict_without_a_deciding_record(
    spec: list[tuple[str, str, str, int]],
    makers: list[Any],
    pairs: list[tuple[int, int, bool]],
) -> None:
    records = [make(f"r{i}") for i, make in enumerate(makers)]
    agreement = build.agreement(*(_obligation(i, *o) for i, o in enumerate(spec)))
    disputes = [
        Dispute(
            id=f"d{k}",
            topic="t",
            about=["o0"] if scoped else [],
            sides=[
                {"claim": "x", "records": [records[a].id]},
                {"claim": "y", "records": [records[b].id]},
            ],
        )  # fmt: skip
        for k, (a, b, scoped) in enumerate(pairs)
        if a < len(records) and b < len(records) and a != b
    ]
    declared = {f"o{i}" for i, o in enumerate(spec) if o[2] == "assume_met"}
    as_of = _day(DAYS + 3)
    ledger = build.ledger(agreement, records, as_of=as_of, disputes=disputes)
    _check(ledger, declared)
    silent = build.ledger(agreement, [], as_of=as_of)
    _check(silent, declared)
    for o in silent.obligations:
        assert not {d.status for d in o.days} & {"met", "breached", "partial"}, o.id
        assert o.lifecycle not in ("fulfilled", "violated"), o.id


def _check(ledger: Ledger, declared: set[str]) -> None:
    for o in ledger.obligations:
        for d in o.days:
            if d.status in ("met", "breached", "partial"):
                assert d.evidence or d.against, (o.id, d)
            if d.status == "assumed_met":
                assert o.id in declared and not d.evidence, (o.id, d)
