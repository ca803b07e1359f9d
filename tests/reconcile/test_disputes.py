"""Dispute detection on the mini fixture dossier; every expected side written out by hand."""

from __future__ import annotations

import re

from truceline.model import Dispute, DisputeSide, Figure, Response
from truceline.reconcile import detect_disputes, dispute_record_ids, explain, voiced

EXPECTED = {
    # (kind, topic): [(claim, records)] in side order
    ("definition", "aid trucks, 2025-01-20: counting bodies differ"): [
        ("Border Authority says 223 aid trucks (on 2025-01-20)", ["f-trucks-border"]),
        ("UN relief office says 419 aid trucks (on 2025-01-20)", ["f-trucks-un"]),
    ],
    ("occurrence", "whether mobile homes entered Gaza on 13 February"): [
        ("Channel Nine says: mobile homes and heavy equipment were going in", ["e-homes-entered"]),
        ("PMO spokesman says none was entering", ["e-homes-denied"]),
    ],
    ("contradiction", "Hamas's answer to “Witkoff framework”"): [
        ("PMO says Hamas rejected “Witkoff framework”", ["r-hamas-witkoff-reject"]),
        (
            "Hamas says HAMAS accepted with conditions “Witkoff framework”"
            " (conditions: talks on phase 2 start)",
            ["r-hamas-witkoff-conditional"],
        ),
    ],
    ("contradiction", "injured (people in Gaza), 2025-03-18"): [
        (
            "Health Ministry says 562 injured (people in Gaza, on 2025-03-18, as of 20:00)",
            ["f-injured-2000"],
        ),
        (
            "Health Ministry says more than 660 injured (people in Gaza, on 2025-03-18,"
            " as of 14:00)",
            ["f-injured-1400"],
        ),
    ],
    ("evolving", "killed (people in Gaza), 2025-03-18: a figure that changed"): [
        (
            "Health Ministry says 232 killed (people in Gaza, on 2025-03-18, as of 06:00)",
            ["f-killed-0600"],
        ),
        (
            "Health Ministry says at least 330 killed (people in Gaza, on 2025-03-18, as of 11:00)",
            ["f-killed-1100"],
        ),
        (
            "Health Ministry says 404 killed (people in Gaza, on 2025-03-18, as of 20:00)",
            ["f-killed-2000"],
        ),
    ],
    ("contradiction", "killed in assault by Israeli army, Jabalia school, 2025-03-18"): [
        ("Gazette says 8 killed (on 2025-03-18)", ["e-school-gazette"]),
        ("civil defence says 19 killed (on 2025-03-18)", ["e-school-post"]),
    ],
}


def test_disputes_of_the_mini_dossier(mini, records, sources) -> None:
    found = detect_disputes(mini.records, mini.sources, mini.disputes)
    got = {
        (d.kind, d.topic): [(voiced(s, records, sources), s.records) for s in d.sides]
        for d in found
    }
    assert got == EXPECTED
    assert [d.date for d in found] == sorted(d.date for d in found)


def test_every_side_is_somebodys_claim(mini, records, sources) -> None:
    for d in detect_disputes(mini.records, mini.sources, mini.disputes):
        for side in d.sides:
            assert re.match(r"^\S.* says\b", voiced(side, records, sources))


def test_hand_written_dispute_replaces_the_detected_one(mini) -> None:
    without = detect_disputes(mini.records, mini.sources, [])
    occurrence = [d for d in without if d.kind == "occurrence"]
    assert len(occurrence) == 1
    assert occurrence[0].topic == "whether it happened: aid by Israel"
    assert [s.records for s in occurrence[0].sides] == [["e-homes-entered"], ["e-homes-denied"]]
    assert occurrence[0].sides[1].claim == (
        "PMO spokesman says: No mobile homes or earth-moving equipment entered Gaza."
    )


def test_compatible_figures_make_no_dispute(mini) -> None:
    found = detect_disputes(mini.records, mini.sources, mini.disputes)
    disputed = dispute_record_ids(found, include_evolving=True)
    assert "f-alive-a" not in disputed and "f-alive-b" not in disputed


def test_lower_bound_then_larger_figure_is_no_dispute() -> None:
    a = Figure(id="a", date="2025-03-18", metric="killed", value=330, qualifier="at_least")
    b = Figure(id="b", date="2025-03-18", metric="killed", value=404)
    assert detect_disputes([a, b]) == []


def test_two_bodies_one_unnamed_is_a_contradiction_not_a_definition() -> None:
    a = Figure(id="a", date="2025-01-20", metric="aid_trucks", value=419, counted_by="UN")
    b = Figure(id="b", date="2025-01-20", metric="aid_trucks", value=223)
    (d,) = detect_disputes([a, b])
    assert d.kind == "contradiction"


def test_stances_far_apart_in_time_are_a_change_not_a_dispute() -> None:
    r1 = Response(id="r1", party="Hamas", proposal="p", stance="reject", date="2025-03-02")
    r2 = Response(id="r2", party="Hamas", proposal="p", stance="accept", date="2025-03-29")
    assert detect_disputes([r1, r2]) == []
    r3 = Response(id="r3", party="hamas", proposal="p", stance="accept", date="2025-03-04")
    (d,) = detect_disputes([r1, r2, r3])
    assert [s.records for s in d.sides] == [["r1"], ["r3"]]


def test_rejected_records_are_ignored() -> None:
    a = Figure(id="a", date="2025-01-20", metric="x", value=1)
    b = Figure(id="b", date="2025-01-20", metric="x", value=2, state="rejected")
    assert detect_disputes([a, b]) == []


def test_dispute_record_ids_leave_out_evolving_series(mini) -> None:
    found = detect_disputes(mini.records, mini.sources, mini.disputes)
    disputed = dispute_record_ids(found)
    assert sorted(disputed) == [
        "e-homes-denied",
        "e-homes-entered",
        "e-school-gazette",
        "e-school-post",
        "f-injured-1400",
        "f-injured-2000",
        "f-trucks-border",
        "f-trucks-un",
        "r-hamas-witkoff-conditional",
        "r-hamas-witkoff-reject",
    ]
    assert disputed["e-homes-denied"] == ["d-mobile-homes"]
    assert "f-killed-0600" in dispute_record_ids(found, include_evolving=True)


def test_explain_resolves_sources_and_dates(mini, records, sources) -> None:
    stored = mini.disputes[0]
    view = explain(stored, records, sources, origin="stored")
    assert view["origin"] == "stored" and view["finding"] is True
    assert view["sides"][1] == {
        "claim": "PMO spokesman says none was entering",
        "claimed_by": "PMO spokesman",
        "records": ["e-homes-denied"],
        "dates": ["2025-02-13"],
        "sources": [
            {"id": "src-wire", "outlet": "Wire Agency", "published": "2025-03-02", "url": None}
        ],
        "outlets": ["Wire Agency"],
    }


def test_voiced_prefixes_claims_without_a_speaker() -> None:
    side = DisputeSide(claim="404 were killed", claimed_by="MoH", records=[])
    assert voiced(side, {}, {}) == "MoH says: 404 were killed"
    bare = DisputeSide(claim="404 were killed")
    assert voiced(bare, {}, {}) == "an unattributed source says: 404 were killed"
    d = Dispute(id="d", topic="t", sides=[side, bare])
    assert d.sides[0].claim == "404 were killed"  # the stored text is not changed
