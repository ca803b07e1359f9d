"""The dossier's version: the id of its last revision, so it moves with every change.

Every write appends a revision (``Writer.put``), so caches of whole-dossier
computations stay valid exactly as long as this number does not move.
"""

from __future__ import annotations

import sqlalchemy as sa

from truceline.store.schema import revisions
from truceline.store.store import Store


def version(store: Store) -> int:
    """A number that changes whenever anything in the dossier changes (0 when empty)."""
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.max(revisions.c.id))).scalar() or 0
