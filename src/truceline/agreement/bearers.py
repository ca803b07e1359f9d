"""Who bears a duty: one party, several jointly, or a non-signatory bound through a party."""

from __future__ import annotations

from typing import Any


def bearers(obligation: Any) -> tuple[str, ...]:
    """The parties that bear the duty (a joint duty names several)."""
    party = obligation.party
    return (party,) if isinstance(party, str) else tuple(party)


def bound(obligation: Any) -> tuple[str, ...]:
    """Everyone whose suspension or withdrawal reaches this duty: the bearers and the
    signatory through whom a non-signatory is bound."""
    through = (obligation.through,) if obligation.through else ()
    return (*bearers(obligation), *through)


def label(obligation: Any) -> str:
    """The duty-bearers in words: "A and B", "Group (through A)"."""
    names = bearers(obligation)
    joint = " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{joint} (through {obligation.through})" if obligation.through else joint
