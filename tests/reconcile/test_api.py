import truceline.reconcile


def test_public_api_is_pinned() -> None:
    assert truceline.reconcile.__all__ == sorted(truceline.reconcile.__all__)
    assert truceline.reconcile.__all__ == [
        "MergedEvent",
        "StanceClaim",
        "actor_of",
        "claim_disputes",
        "claimant",
        "compatible",
        "denies",
        "detect_disputes",
        "dispute_record_ids",
        "dispute_records",
        "event_similarity",
        "explain",
        "interval",
        "is_finding",
        "merge_events",
        "name_key",
        "outlets",
        "same_name",
        "says",
        "stance_claims",
        "stance_disputes",
        "stance_phrase",
        "voiced",
    ]


def test_every_public_name_is_listed_in_the_docstring() -> None:
    doc = truceline.reconcile.__doc__ or ""
    functions = [n for n in truceline.reconcile.__all__ if n[0].islower()]
    assert [n for n in functions if f"{n}(" not in doc] == []
