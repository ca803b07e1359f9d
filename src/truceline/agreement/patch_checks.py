"""Checks of an amendment written as a patch (``add``, ``replace``, ``drop``).

What a patch names in the amended version (that a replaced or dropped id
exists there) is checked when the chain is read (``patches.apply``): this file
cannot see the amended agreement.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types only: the agreement model runs these checks when it validates
    from truceline.agreement.model import Agreement

Problem = tuple[tuple[str | int, ...], str]


def patch_problems(agreement: Agreement) -> Iterator[Problem]:
    """A patch belongs to an amendment, and never also restates obligations."""
    if not agreement.patches:
        return
    first = next(f for f in ("add", "replace", "drop") if getattr(agreement, f))
    if agreement.amends is None:
        yield (first,), "only an amendment (with amends) can add, replace or drop obligations"
    elif agreement.obligations:
        yield (
            ("obligations",),
            "an amendment either restates every obligation or patches them "
            "(add, replace, drop), not both",
        )
    named = {o.id for o in [*agreement.add, *agreement.replace]}
    for i, oid in enumerate(agreement.drop):
        if oid in named:
            yield ("drop", i), f"{oid!r} is both dropped and added or replaced"


def target_problems(patch: Agreement, held: set[str]) -> Iterator[Problem]:
    """What a patch names against the obligations ``held`` by the version it amends:
    a replaced or dropped id must be there, an added one must not."""
    for i, item in enumerate(patch.replace):
        if item.id not in held:
            yield ("replace", i, "id"), f"no obligation {item.id!r} in the amended version"
    for i, oid in enumerate(patch.drop):
        if oid not in held:
            yield ("drop", i), f"no obligation {oid!r} in the amended version"
    for i, item in enumerate(patch.add):
        if item.id in held:
            yield ("add", i, "id"), f"{item.id!r} is already an obligation (use replace)"
