"""The obligations each version of an agreement chain holds.

A version that restates its obligations holds exactly those (one left out
ends). A version written as a patch holds the previous version's obligations
with its ``replace`` put in place of the same ids, its ``drop`` removed and
its ``add`` appended: what it does not name carries over unchanged, the very
same object, so the engine can tell a carried-over obligation from a new text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # types only: the agreement model imports the checks that import this
    from truceline.agreement.model import Agreement


class PatchError(ValueError):
    """A patch names an obligation the amended version does not hold, or adds one it does."""


def held(chain: Sequence[Agreement]) -> list[list[Any]]:
    """The obligations in force under each version of a chain (oldest first)."""
    out: list[list[Any]] = []
    current: list[Any] = []
    for agreement in chain:
        current = _apply(agreement, current) if agreement.patches else list(agreement.obligations)
        out.append(current)
    return out


def _apply(patch: Agreement, before: list[Any]) -> list[Any]:
    ids = {o.id for o in before}
    where = f"agreement {patch.id}"
    for field, named in (("replace", patch.replace), ("drop", patch.drop)):
        for i, item in enumerate(named):
            oid = item if isinstance(item, str) else item.id
            if oid not in ids:
                message = f"{field}[{i}]: no obligation {oid!r} in the amended version"
                raise PatchError(f"{where}: {message}")
    for i, item in enumerate(patch.add):
        if item.id in ids:
            message = f"add[{i}]: {item.id!r} is already an obligation (use replace)"
            raise PatchError(f"{where}: {message}")
    new = {o.id: o for o in patch.replace}
    kept = [new.get(o.id, o) for o in before if o.id not in patch.drop]
    return [*kept, *patch.add]
