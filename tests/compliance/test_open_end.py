"""Open windows (`end: open`): an obligation "until further notice" runs to the as-of date."""

from __future__ import annotations

from compliance_builders import Build, codes


def test_an_open_window_runs_past_the_last_phase(build: Build) -> None:
    calm = build.obligation("prohibition", start="day 1", end="open", match={"types": ["ASSAULT"]})
    records = [build.event("shelling-day-15", "2025-01-15", "ASSAULT", ["A"])]
    ledger = build.ledger(build.agreement(calm), records, as_of="2025-01-20")
    # the only phase ends on day 10; the window does not: day 15's shelling is a breach
    assert codes(ledger) == "-" * 14 + "B" + "-" * 5
    row = ledger.get("o")
    assert row is not None and row.end is None and row.lifecycle == "violated"


def test_a_window_closed_at_the_phase_end_stops_there(build: Build) -> None:
    calm = build.obligation("prohibition", phase="p1", match={"types": ["ASSAULT"]})
    records = [build.event("shelling-day-15", "2025-01-15", "ASSAULT", ["A"])]
    ledger = build.ledger(build.agreement(calm), records, as_of="2025-01-20")
    assert codes(ledger) == "-" * 10


def test_an_open_phase_leaves_its_obligations_open(build: Build) -> None:
    phases = [{"id": "p1", "start": {"day": "day 1"}, "end": "open"}]
    calm = build.obligation("prohibition", phase="p1", match={"types": ["ASSAULT"]})
    ledger = build.ledger(build.agreement(calm, phases=phases), [], as_of="2025-02-01")
    assert len(codes(ledger)) == 32


def test_an_open_deadline_window_stays_overdue(build: Build) -> None:
    talks = build.obligation(
        "deadline", due="day 3", end="open", what="talks", act={"types": ["CONSULT"]}
    )
    ledger = build.ledger(build.agreement(talks), [], as_of="2025-01-30")
    assert codes(ledger) == "PPP" + "O" * 27
