"""Reconciliation: one event per happening across outlets, and the disputes between accounts.

Pure functions over model objects; nothing here opens a store (see docs/reconcile.md)::

    merge_events(events, sources)               -> list[MergedEvent]
    event_similarity(a, b)                      -> float | None
    detect_disputes(records, sources, stored)   -> list[Dispute]
    stance_disputes(responses, proposals, sources) -> list[Dispute]
    claim_disputes(statements)                  -> list[Dispute]  (stances in reported speech)
    stance_claims(statements)                   -> list[StanceClaim]
    dispute_record_ids(disputes)                -> {record id: [dispute id]}
    dispute_records(dispute)                    -> [record id]
    explain(dispute, records, sources)          -> dict (JSON)
    is_finding(dispute)                         -> bool
    voiced(side, records, sources)              -> "X says: …"
    denies(event)                               -> bool
    compatible(figure_a, figure_b)              -> bool
    interval(value, qualifier)                  -> (low, high)
    name_key(name)                              -> str
    actor_of(name)                              -> register actor | None
    same_name(a, b)                             -> bool
    claimant(record, sources)                   -> str
    outlets(record, sources)                    -> [outlet]
    says(who, what)                             -> "X says …"
    stance_phrase(response, proposal)           -> "Hamas rejected “…”"

Modules by concept: ``names`` (the actor register, spelling-tolerant names,
content words), ``figures`` (what a figure counts, when two numbers can both be
true), ``merge`` (clustering events, ``MERGE_WEIGHTS``), ``stances`` (stances
claimed in reported speech), ``disputes`` (detection and display), ``voice``
(every claim phrased as somebody's, also used by ``truceline.negotiation``).
"""

from truceline.reconcile.disputes import (
    detect_disputes,
    dispute_record_ids,
    dispute_records,
    explain,
    is_finding,
    stance_disputes,
    voiced,
)
from truceline.reconcile.figures import compatible, interval
from truceline.reconcile.merge import MergedEvent, denies, event_similarity, merge_events
from truceline.reconcile.names import actor_of, name_key, same_name
from truceline.reconcile.stances import StanceClaim, claim_disputes, stance_claims
from truceline.reconcile.voice import claimant, outlets, says, stance_phrase

__all__ = [
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
