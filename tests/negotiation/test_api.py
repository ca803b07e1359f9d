import truceline.negotiation


def test_public_api_is_pinned() -> None:
    assert truceline.negotiation.__all__ == sorted(truceline.negotiation.__all__)
    assert truceline.negotiation.__all__ == [
        "Answer",
        "FieldChange",
        "LineageEntry",
        "NegotiationError",
        "TermChange",
        "agreement_terms",
        "apply_set",
        "describe",
        "diff_against_agreement",
        "diff_proposals",
        "diff_terms",
        "edited",
        "label",
        "lineage",
    ]
