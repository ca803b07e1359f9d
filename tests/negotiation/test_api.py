import truceline.negotiation


def test_public_api_is_pinned() -> None:
    assert truceline.negotiation.__all__ == sorted(truceline.negotiation.__all__)
    assert truceline.negotiation.__all__ == [
        "Answer",
        "FieldChange",
        "LineageEntry",
        "MergedEvent",
        "NegotiationError",
        "NegotiationRecord",
        "TermChange",
        "add_from_file",
        "agreement_terms",
        "apply_set",
        "compatible",
        "denies",
        "describe",
        "detect_disputes",
        "diff_against_agreement",
        "diff_proposals",
        "diff_terms",
        "dispute_record_ids",
        "dispute_records",
        "edit_proposal",
        "edited",
        "event_similarity",
        "explain",
        "interval",
        "is_finding",
        "label",
        "lineage",
        "merge_events",
        "name_key",
        "same_name",
        "voiced",
    ]
