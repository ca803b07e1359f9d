"""The negotiation record: proposals and answers, diffs, merged events, disputes.

Pure functions over model objects (see docs/negotiation.md)::

    lineage(proposals, responses, sources)      -> list[LineageEntry]
    diff_terms(a_terms, b_terms)                -> list[TermChange]
    diff_against_agreement(proposal, agreement) -> list[TermChange]
    merge_events(events, sources)               -> list[MergedEvent]
    detect_disputes(records, sources, stored)   -> list[Dispute]
    dispute_record_ids(disputes)                -> {record id: [dispute id]}

``NegotiationRecord(dossier)`` runs them over a dossier's store.
"""

from truceline.negotiation._diff import (
    FieldChange,
    TermChange,
    agreement_terms,
    diff_against_agreement,
    diff_proposals,
    diff_terms,
)
from truceline.negotiation._disputes import (
    detect_disputes,
    dispute_record_ids,
    dispute_records,
    explain,
    is_finding,
    voiced,
)
from truceline.negotiation._edit import NegotiationError, apply_set, edited
from truceline.negotiation._figures import compatible, interval
from truceline.negotiation._lineage import Answer, LineageEntry, lineage
from truceline.negotiation._merge import MergedEvent, denies, event_similarity, merge_events
from truceline.negotiation._names import name_key, same_name
from truceline.negotiation._record import NegotiationRecord, add_from_file, edit_proposal
from truceline.negotiation._terms import describe, label

__all__ = [
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
