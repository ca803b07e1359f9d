"""The deadline list ("day 14 of 16, no talks recorded") and its iCalendar form."""

from __future__ import annotations

from compliance_builders import Build, D

from truceline.compliance import deadlines, to_ical


def talks(build: Build) -> dict[str, object]:
    return build.obligation(
        "deadline", "talks", phase="p1", act={"types": ["CONSULT"], "keywords": ["talks"]},
        what="talks on phase 2", due="day 8",
    )  # fmt: skip


def test_upcoming_overdue_and_met(build: Build) -> None:
    agreement = build.agreement(talks(build))
    (item,) = deadlines(build.ledger(agreement, [], as_of="2025-01-06"))
    assert (item.state, item.text) == ("upcoming", "day 6 of 8, no talks on phase 2 recorded")
    (item,) = deadlines(build.ledger(agreement, [], as_of="2025-01-10"))
    assert (item.state, item.text) == (
        "overdue",
        "day 10, 2 days past day 8, no talks on phase 2 recorded",
    )
    met = [build.event("t", "2025-01-09", "CONSULT", ["A"], sub_type="talks open")]
    (item,) = deadlines(build.ledger(agreement, met, as_of="2025-01-10"))
    assert (item.state, item.met_on) == ("met", D(2025, 1, 9))
    assert item.text == "talks on phase 2 recorded on 2025-01-09, 1 days after the due day"


def test_ical(build: Build) -> None:
    agreement = build.agreement(talks(build))
    text = to_ical(deadlines(build.ledger(agreement, [], as_of="2025-01-06")), D(2025, 1, 6))
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert "DTSTART;VALUE=DATE:20250108" in lines
    assert "UID:t.talks@truceline" in lines
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = text.replace("\r\n ", "")
    assert "DESCRIPTION:1. day 6 of 8\\, no talks on phase 2 recorded [upcoming]" in unfolded


def test_overdue_is_no_breach_until_a_record_says_it_was_not_done(build: Build) -> None:
    obligation = build.obligation(
        "deadline", "talks", phase="p1", act={"types": ["CONSULT"]}, what="talks on phase 2",
        due="day 8", contrary={"types": ["REJECT"], "actors": ["A"]},
    )  # fmt: skip
    agreement = build.agreement(obligation)
    (item,) = deadlines(build.ledger(agreement, [], as_of="2025-01-10"))
    assert item.state == "overdue"
    refusal = build.event("no-talks", "2025-01-10", "REJECT", ["A"], sub_type="refuses talks")
    ledger = build.ledger(agreement, [refusal], as_of="2025-01-10")
    (item,) = deadlines(ledger)
    assert (item.state, item.text) == (
        "breached",
        "day 10, 2 days past day 8, recorded as not done (no-talks)",
    )
    assert "[breached]" in to_ical([item], D(2025, 1, 10)).replace("\r\n ", "")
