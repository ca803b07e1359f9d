"""Property: an agreement's end ends the ledger, and still no verdict without a record.

The random agreements and records of ``test_evidence_property``, now with a
term that lapses on a random day, a random walk-out by one party and another
reading of the clause: no day past the last day in force is evaluated, every
obligation reads ``ended`` today once the end has passed, and every met or
breached day still names a deciding record.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from compliance_builders import Build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_evidence_property import DAYS, _check, _day, _obligation, events, figures, obligations

build = Build()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    spec=obligations,
    makers=st.lists(st.one_of(events, figures), min_size=4, max_size=30),
    lapse=st.integers(1, DAYS),
    walkout=st.tuples(st.sampled_from(["A", "B"]), st.integers(1, DAYS), st.integers(0, 3)),
)
def test_nothing_is_evaluated_past_the_end(
    spec: list[tuple[str, str, str, int]],
    makers: list[Any],
    lapse: int,
    walkout: tuple[str, int, int],
) -> None:
    records = [make(f"r{i}") for i, make in enumerate(makers)]
    party, first, length = walkout
    pause = {"event": "suspended", "by": party, "day": f"day {first}",
             "until": f"day {first + length}", "reason": "walk-out"}  # fmt: skip
    written = [_obligation(i, *o) for i, o in enumerate(spec)]
    written[0]["readings"] = [{"id": "other", "text": "t", "sources": ["s"],
                               "terms": {"start": "day 2"}}]  # fmt: skip
    agreement = build.agreement(*written, term={"ends": f"day {lapse}"}, life=[pause])
    last = dt.date(2025, 1, 1) + dt.timedelta(days=lapse - 1)
    declared = {f"o{i}" for i, o in enumerate(spec) if o[2] == "assume_met"}
    declared |= {f"{oid}@other" for oid in declared}
    for recs in (records, []):
        ledger = build.ledger(agreement, recs, as_of=_day(DAYS + 3))
        _check(ledger, declared)
        assert len(ledger.obligations) == len(spec) + 1
        for o in ledger.obligations:
            assert all(d.day <= last for d in o.days), o.id
            assert o.status_today == "ended" and o.ended == last, o.id
            if not recs:
                assert not {d.status for d in o.days} & {"met", "breached"}, o.id
