"""Agreements and their amendments, and the one rule for "day 1".

An amendment is a new Agreement naming the one it ``amends``; together they
form a chain, oldest first. Relative days ("day 16") count from day 1 of the
chain's original agreement unless a version sets its own ``day_one``. The
compliance engine, ingest (which anchors "day 16" in news text) and the
dashboard's phase calendar all read day 1 here, so they cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from truceline.dates import first_day

if TYPE_CHECKING:  # types only: the agreement model imports the checks that import this
    from truceline.agreement.model import Agreement


def chains(agreements: Sequence[Agreement]) -> list[list[Agreement]]:
    """Agreements grouped with their amendments, each group oldest first."""
    by_id = {a.id: a for a in agreements}

    def root(a: Agreement) -> str:
        seen = {a.id}
        while a.amends and a.amends in by_id and a.amends not in seen:
            a = by_id[a.amends]
            seen.add(a.id)
        return a.id

    groups: dict[str, list[Agreement]] = {}
    for a in agreements:
        groups.setdefault(root(a), []).append(a)
    return [
        sorted(g, key=lambda a: (a.amends is not None, a.in_force, a.version))
        for g in groups.values()
    ]


def day_one(agreement: Agreement, root: Agreement | None = None) -> dt.date:
    """Day 1 of ``agreement``: its own ``day_one``, else its chain root's, else the root's
    ``in_force`` date (``root`` defaults to the agreement itself)."""
    if agreement.day_one:
        return first_day(agreement.day_one)
    root = root or agreement
    return first_day(root.day_one or root.in_force)


def first_day_one(agreements: Sequence[Agreement]) -> dt.date | None:
    """Day 1 of the earliest chain: what "day 16" means in reporting on the dossier."""
    roots = [chain[0] for chain in chains(agreements)]
    if not roots:
        return None
    earliest = min(roots, key=lambda a: first_day(a.in_force))
    return day_one(earliest)


def current_version(agreements: Sequence[Agreement]) -> Agreement | None:
    """The version in force last: the latest among those no other version amends."""
    if not agreements:
        return None
    amended = {a.amends for a in agreements if a.amends}
    current = [a for a in agreements if a.id not in amended]
    return max(current or agreements, key=lambda a: (a.version, a.in_force, a.id))
