"""Claimed justifications: a breach shown with the claim made for it, never excused by it.

A strike may be reported with a party's claim that it was self-defence, and
the clause may except self-defence against an imminent threat. Whether the
exception covers the strike is exactly what the parties dispute, so the
ledger does not decide it in its own voice: the day keeps the status its
records give (a strike on a day of a prohibition is a breach), and carries
the claim, who makes it, the exception it names and whether the obligation
lists that exception. Readers see the breach and the claim side by side.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from truceline.compliance.ledger import Claim, Day


def attach_claims(days: list[Day], obligation: Any, justified: Mapping[str, Any]) -> None:
    """Give each day whose deciding records carry a justification its claims and a note."""
    if not justified:
        return
    listed = {e.id for e in getattr(obligation, "exceptions", None) or ()}
    for d in days:
        claims = tuple(
            _claim(rid, justified[rid], listed) for rid in d.evidence if rid in justified
        )
        if claims:
            d.claims = claims
            words = "; ".join(_words(c) for c in claims)
            d.note = f"{d.note}; {words}" if d.note else words


def _claim(rid: str, justification: Any, listed: set[str]) -> Claim:
    exception = justification.exception
    return Claim(rid, justification.claim, justification.claimed_by, exception, exception in listed)


def _words(claim: Claim) -> str:
    """'Israel claims self-defence (exception self-defence, listed in the clause)'."""
    text = f"{claim.claimed_by} claims {claim.claim} ({claim.record}"
    if claim.exception is None:
        return text + ")"
    where = "listed in the clause" if claim.listed else "not an exception the clause lists"
    return text + f"; exception {claim.exception}, {where})"
