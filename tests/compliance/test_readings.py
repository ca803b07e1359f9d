"""Several readings of a clause: the ledger under each, none picked."""

from __future__ import annotations

from compliance_builders import Build, codes


def troops(build: Build) -> dict[str, object]:
    return build.obligation(
        "quota", "troops", party="B", metric="troops_deployed", unit="one soldier",
        target=10000, phase="p1",
        clause={"ref": "3", "text": "10,000 troops deployed in the south", "sources": ["src-a"]},
        readings=[{"id": "five-thousand", "text": "5,000 troops deployed in the south",
                   "sources": ["src-b"], "terms": {"target": 5000}}],
    )  # fmt: skip


def test_each_reading_has_its_own_ledger(build: Build) -> None:
    counts = [build.figure(f"count-{d}", f"2025-01-0{d}", "troops_deployed", 6000)
              for d in (1, 2)]  # fmt: skip
    ledger = build.ledger(build.agreement(troops(build)), counts, as_of="2025-01-02")
    assert codes(ledger, "troops") == "BB"  # 6,000 of 10,000
    assert codes(ledger, "troops@five-thousand") == "MM"  # 6,000 of 5,000
    written, other = ledger.get("troops"), ledger.get("troops@five-thousand")
    assert written is not None and other is not None
    assert (written.reading, written.clause_sources) == (None, ("src-a",))
    assert (other.reading, other.clause_sources) == ("five-thousand", ("src-b",))
    assert other.clause_text == "5,000 troops deployed in the south"
