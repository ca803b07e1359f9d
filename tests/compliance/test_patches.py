"""Amendments as patches: add, replace, drop by id; what is not named carries over."""

from __future__ import annotations

import datetime as dt

import pytest
from compliance_builders import Build, codes

from truceline.compliance import deadlines
from truceline.errors import TrucelineError


def deploy(build: Build, due: str = "day 4") -> dict[str, object]:
    return build.obligation(
        "deadline", "deploy", party="B", due=due, what="deployment",
        act={"types": ["MOBILIZE"], "actors": ["B"]},
    )  # fmt: skip


def withdraw(build: Build, due: str) -> dict[str, object]:
    return build.obligation(
        "deadline", "withdraw", party="A", due=due, what="withdrawal",
        act={"types": ["RETREAT"], "actors": ["A"]},
    )  # fmt: skip


def amendment(build: Build, **patch: object) -> object:
    return build.agreement(id="t-v2", version=2, amends="t", in_force="2025-01-06",
                           phases=[], obligations=[], **patch)  # fmt: skip


def test_what_a_patch_does_not_name_carries_over(build: Build) -> None:
    v1 = build.agreement(deploy(build), withdraw(build, "day 5"))
    v2 = amendment(build, replace=[withdraw(build, "day 9")])
    deployed = build.event("army-deploys-day-3", "2025-01-03", "MOBILIZE", ["B"])
    ledger = build.ledger([v1, v2], [deployed], as_of="2025-01-10")
    # met on day 3, before the amendment: kept, never "terminated"
    assert codes(ledger, "deploy") == "PPMMMMMMMM"
    row = ledger.get("deploy")
    assert row is not None and row.lifecycle == "fulfilled" and row.versions == []
    # the withdrawal was overdue on day 6 under v1's day 5, but v2 (from day 6) moved it to day 9
    assert codes(ledger, "withdraw") == "PPPPPPPPPO"


def test_the_original_deadline_stays_listed(build: Build) -> None:
    v1 = build.agreement(withdraw(build, "day 5"))
    v2 = amendment(build, replace=[withdraw(build, "day 9")])
    items = deadlines(build.ledger([v1, v2], [], as_of="2025-01-07"))
    assert [(i.agreement, i.due, i.state) for i in items] == [
        ("t", dt.date(2025, 1, 5), "superseded"),
        ("t-v2", dt.date(2025, 1, 9), "upcoming"),
    ]
    assert items[0].text == "due by 2025-01-05 under t; moved to 2025-01-09 by t-v2"


def test_drop_ends_one_and_add_starts_another(build: Build) -> None:
    calm = build.obligation("prohibition", "calm", start="day 1", end="open",
                            match={"types": ["ASSAULT"]})  # fmt: skip
    v1 = build.agreement(deploy(build), calm)
    v2 = amendment(build, drop=["deploy"], add=[withdraw(build, "day 8")])
    ledger = build.ledger([v1, v2], [], as_of="2025-01-08")
    assert codes(ledger, "deploy") == "PPPPO"
    assert ledger.get("deploy").lifecycle == "terminated"  # type: ignore[union-attr]
    assert codes(ledger, "calm") == "--------"
    assert codes(ledger, "withdraw") == "PPP"  # added: it governs from the amendment's day 6


def test_a_patch_naming_an_unknown_obligation_is_an_error(build: Build) -> None:
    v1 = build.agreement(deploy(build))
    v2 = amendment(build, drop=["deplyo"])
    with pytest.raises(TrucelineError, match=r"t-v2: drop\[0\]: no obligation 'deplyo'"):
        build.ledger([v1, v2], [])


def test_an_amendment_agreed_later_is_not_read_before(build: Build) -> None:
    v1 = build.agreement(withdraw(build, "day 5"))
    v2 = amendment(build, replace=[withdraw(build, "day 9")], signed="2025-01-06")
    early = deadlines(build.ledger([v1, v2], [], as_of="2025-01-04"))
    assert [(i.agreement, i.due) for i in early] == [("t", dt.date(2025, 1, 5))]
    late = deadlines(build.ledger([v1, v2], [], as_of="2025-01-06"))
    assert {i.agreement for i in late} == {"t", "t-v2"}


def test_an_amendment_is_known_once_published(build: Build) -> None:
    v1 = build.agreement(withdraw(build, "day 5"))
    v2 = amendment(build, replace=[withdraw(build, "day 9")], signed="2025-01-03",
                   sources=["src-text"])  # fmt: skip
    text = build.source("src-text", "2025-01-08")
    items = deadlines(build.ledger([v1, v2], [], as_of="2025-01-07", sources=[text]))
    assert [(i.due, i.state) for i in items] == [(dt.date(2025, 1, 5), "overdue")]
