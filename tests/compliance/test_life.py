"""The agreement's own life: terms, renewals, walk-outs, lapse; the ledger ends with it.

A two-party truce in force on 1 January 2025 (day 1), as a news desk would
follow it: a term, renewals, a party's walk-out, a lapse.
"""

from __future__ import annotations

import datetime as dt

from compliance_builders import Build, codes

from truceline.compliance import deadlines


def calm(build: Build, party: str | list[str] = "A", oid: str = "o") -> dict[str, object]:
    return build.obligation(
        "prohibition", oid, party=party, start="day 1", end="open",
        match={"types": ["ASSAULT"], "actors": ["A"]},
    )  # fmt: skip


def test_the_ledger_ends_where_the_agreement_lapsed(build: Build) -> None:
    truce = build.agreement(calm(build), term={"ends": "day 5"})
    hit = build.event("strike-day-8", "2025-01-08", "ASSAULT", ["A"])
    ledger = build.ledger(truce, [hit], as_of="2026-11-18")
    # no renewal recorded: the truce lapsed after day 5; day 8's strike is outside it
    assert codes(ledger) == "-----"
    row = ledger.get("o")
    assert row is not None
    assert (row.ended, row.status_today, row.lifecycle) == (dt.date(2025, 1, 5), "ended", "ended")
    assert row.day(dt.date(2025, 1, 8)).status == "ended"  # type: ignore[union-attr]
    (life,) = ledger.lives
    assert (life.state, life.last_day) == ("lapsed", dt.date(2025, 1, 5))
    assert [c.event for c in life.changes] == ["lapsed"]
    assert ledger.to_json()["agreements"][0]["state"] == "lapsed"


def test_a_recorded_renewal_extends_the_term(build: Build) -> None:
    renewal = {"event": "renewed", "day": "day 5", "until": "day 9", "sources": ["src-envoy"]}
    truce = build.agreement(calm(build), term={"ends": "day 5"}, life=[renewal])
    ledger = build.ledger(truce, [], as_of="2025-01-20")
    assert codes(ledger) == "-" * 9
    (life,) = ledger.lives
    assert [(c.event, c.sources) for c in life.changes] == [
        ("renewed", ("src-envoy",)), ("lapsed", ()),
    ]  # fmt: skip


def test_automatic_renewal_unless_a_party_objects_in_time(build: Build) -> None:
    term = {"ends": "day 4", "renewal": "automatic", "length_days": 4, "notice_days": 1}
    objection = {"event": "objected", "by": "B", "day": "day 7", "sources": ["src-b-letter"]}
    truce = build.agreement(calm(build), term=term, life=[objection])
    ledger = build.ledger(truce, [], as_of="2025-01-20")
    # renewed on day 5 (no objection in term 1); B objected on day 7, by day 8 - 1:
    # the second term is not renewed and the truce lapses after day 8
    assert codes(ledger) == "-" * 8
    (life,) = ledger.lives
    assert [(c.day.day, c.event) for c in life.changes] == [(5, "renewed"), (7, "objected"),
                                                            (8, "lapsed")]  # fmt: skip


def test_a_late_objection_does_not_stop_the_renewal(build: Build) -> None:
    term = {"ends": "day 4", "renewal": "automatic", "length_days": 4, "notice_days": 2}
    objection = {"event": "objected", "by": "B", "day": "day 8"}
    truce = build.agreement(calm(build), term=term, life=[objection])
    ledger = build.ledger(truce, [], as_of="2025-01-10")
    assert len(codes(ledger)) == 10
    assert ledger.lives[0].state == "in force"


def test_termination_read_from_a_record(build: Build) -> None:
    ending = {"event": "terminated", "when": {"types": ["REJECT"], "actors": ["B"]}}
    truce = build.agreement(calm(build), life=[ending])
    walkout = build.event("b-quits-day-6", "2025-01-06", "REJECT", ["B"])
    ledger = build.ledger(truce, [walkout], as_of="2025-03-01")
    assert codes(ledger) == "-" * 6
    change = ledger.lives[0].changes[0]
    assert (change.event, change.records) == ("terminated", ("b-quits-day-6",))


def test_a_unilateral_walk_out_is_recorded_on_the_days_never_excused(build: Build) -> None:
    walkout = {"event": "suspended", "by": "A", "day": "day 3", "reason": "A walks out"}
    back = {"event": "resumed", "by": "A", "day": "day 6"}
    truce = build.agreement(calm(build), calm(build, "B", "b"), life=[walkout, back])
    hit = build.event("strike-day-4", "2025-01-04", "ASSAULT", ["A"])
    ledger = build.ledger(truce, [hit], as_of="2025-01-07")
    assert codes(ledger) == "---B---"  # a breach during the walk-out stays a breach
    row = ledger.get("o")
    assert row is not None
    walked = [(d.note or "").endswith("A suspended its part: A walks out") for d in row.days]
    assert walked == [False, False, True, True, True, False, False]
    assert not any("walks out" in (d.note or "") for d in ledger.get("b").days)  # type: ignore[union-attr]


def test_suspension_by_all_parties(build: Build) -> None:
    pause = {"event": "suspended", "day": "day 2", "until": "day 3", "reason": "talks"}
    ledger = build.ledger(build.agreement(calm(build), life=[pause]), [], as_of="2025-01-05")
    assert codes(ledger) == "-SS--"
    assert ledger.lives[0].state == "in force"


def test_a_party_withdrawing_ends_its_duties_only(build: Build) -> None:
    out = {"event": "withdrawn", "by": "A", "day": "day 4"}
    truce = build.agreement(calm(build), calm(build, "B", "b"), life=[out])
    ledger = build.ledger(truce, [], as_of="2025-01-08")
    assert (codes(ledger), codes(ledger, "b")) == ("----", "--------")
    assert ledger.get("o").status_today == "ended"  # type: ignore[union-attr]


def test_a_deadline_after_the_end_is_not_overdue(build: Build) -> None:
    talks = build.obligation("deadline", due="day 9", what="talks", act={"types": ["CONSULT"]})
    truce = build.agreement(talks, term={"ends": "day 5"})
    ledger = build.ledger(truce, [], as_of="2026-01-01")
    assert codes(ledger) == "PPPPP"
    (item,) = deadlines(ledger)
    assert (item.state, item.text) == (
        "ended", "the agreement ended on 2025-01-05, before the due day",
    )  # fmt: skip


def test_a_change_is_known_once_published(build: Build) -> None:
    end = {"event": "terminated", "day": "day 4", "sources": ["src-late"]}
    truce = build.agreement(calm(build), life=[end])
    late = build.source("src-late", "2025-01-09")
    assert len(codes(build.ledger(truce, [], as_of="2025-01-08", sources=[late]))) == 8
    assert len(codes(build.ledger(truce, [], as_of="2025-01-09", sources=[late]))) == 4


def test_a_disputed_renewal_gives_a_ledger_under_each_reading(build: Build) -> None:
    renewal = {
        "event": "renewed", "day": "day 5", "until": "day 12", "sources": ["src-mediator"],
        "readings": [{"id": "short", "text": "renewed for four days only",
                      "sources": ["src-party-b"], "until": "day 9"}],
    }  # fmt: skip
    truce = build.agreement(calm(build), term={"ends": "day 5"}, life=[renewal])
    ledger = build.ledger(truce, [], as_of="2025-02-01")
    assert (len(codes(ledger)), len(codes(ledger, "o@short"))) == (12, 9)
    row = ledger.get("o@short")
    assert row is not None and row.reading == "short"
    written, short = ledger.lives
    assert (written.reading, written.last_day) == (None, dt.date(2025, 1, 12))
    assert (short.reading, short.last_day) == ("short", dt.date(2025, 1, 9))
    assert short.changes[0].sources == ("src-party-b",)
