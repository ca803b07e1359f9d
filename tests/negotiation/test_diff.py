"""Term diffs, expected values worked out by hand from fixtures/mini."""

from __future__ import annotations

from truceline.model import Term, TermType
from truceline.negotiation import (
    FieldChange,
    agreement_terms,
    describe,
    diff_against_agreement,
    diff_proposals,
    diff_terms,
)


def test_witkoff_to_counter(proposals) -> None:
    changes = diff_proposals(proposals["p-witkoff"], proposals["p-counter"])
    assert [(c.change, c.label) for c in changes] == [
        ("changed", "release of captives (phase 1)"),
        ("dropped", "talks (phase 2)"),
        ("added", "withdrawal (Philadelphi)"),
        ("added", "release of prisoners (phase 1)"),
    ]
    # 10 living + 18 deceased → 5 + 10; "phase-1" and "1" are the same phase.
    assert changes[0].fields == [FieldChange("living", 10, 5), FieldChange("deceased", 18, 10)]
    assert [c.summary for c in changes] == [
        "changed: release 10 living + 18 deceased captives in phase 1"
        " → release 5 living + 10 deceased captives in phase 1",
        "dropped: talks on phase 2 starting by 2025-03-15",
        "added: withdraw from Philadelphi by 2025-03-09",
        "added: release 250 prisoners in phase 1",
    ]


def test_same_terms_are_left_out_unless_asked(proposals) -> None:
    a, b = proposals["p-witkoff"], proposals["p-counter"]
    same = [c for c in diff_proposals(a, b, include_same=True) if c.change == "same"]
    assert [c.label for c in same] == ["extension (phase 1)", "entry of aid (phase 1)"]
    assert diff_proposals(a, a) == []


def test_terms_align_by_identity_then_by_compatible_leftovers() -> None:
    a = [
        Term(type=TermType.WITHDRAWAL, area="Netzarim", by="2025-02-09"),
        Term(type=TermType.WITHDRAWAL, area="Philadelphi", by="2025-03-09"),
        Term(type=TermType.TALKS, by="2025-02-03"),
    ]
    b = [
        Term(type=TermType.WITHDRAWAL, area="philadelphi", by="2025-03-10"),
        Term(type=TermType.TALKS, phase="phase_2", by="2025-02-03"),
    ]
    changes = diff_terms(a, b)
    assert [(c.change, c.label, c.fields) for c in changes] == [
        ("dropped", "withdrawal (Netzarim)", []),
        ("changed", "withdrawal (Philadelphi)", [FieldChange("by", "2025-03-09", "2025-03-10")]),
    ]  # talks: the phase is only named on one side, nothing else differs


def test_free_text_terms_are_matched_by_wording() -> None:
    a = [Term(type=TermType.OTHER, text="Resume aid")]
    b = [Term(type=TermType.OTHER, text="resume  aid"), Term(type=TermType.OTHER, text="x")]
    assert [c.change for c in diff_terms(a, b)] == ["added"]


def test_agreement_terms(mini) -> None:
    terms = agreement_terms(mini.agreements[0])
    assert [describe(t) for t in terms] == [
        "truce of 42 days in phase 1",
        "truce of 42 days in phase 2",
        "talks on phase 2 starting by 2025-02-03",  # day 16, day 1 = 2025-01-19
        "entry of aid 600 trucks/day in phase 1",
        "release 33 captives in phase 1",  # instalments 3 + 30
    ]


def test_witkoff_against_the_agreement(mini, proposals) -> None:
    changes = diff_against_agreement(proposals["p-witkoff"], mini.agreements[0])
    assert [(c.change, c.label, [str(f) for f in c.fields]) for c in changes] == [
        ("dropped", "truce (phase 1)", []),
        ("dropped", "truce (phase 2)", []),
        ("changed", "talks (phase 2)", ["by: 2025-02-03 → 2025-03-15"]),
        (
            "changed",
            "release of captives (phase 1)",
            ["living: — → 10", "deceased: — → 18", "count: 33 → —"],
        ),
        ("added", "extension (phase 1)", []),
    ]


def test_change_json_round_trips_terms(proposals) -> None:
    change = diff_proposals(proposals["p-witkoff"], proposals["p-counter"])[0].to_json()
    assert change["before"] == {
        "type": "release_captives",
        "phase": "1",
        "living": 10,
        "deceased": 18,
    }
    assert change["fields"][0] == {"field": "living", "before": 10, "after": 5}
