"""Storage: SQLAlchemy tables, every query (the dashboard's reads too), frozen Alembic migrations,
revisions (see docs/store.md)."""

from truceline.store.store import Outcome, Store, Stored, Writer

__all__ = ["Outcome", "Store", "Stored", "Writer"]
