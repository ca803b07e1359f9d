"""Storage: SQLAlchemy tables, Alembic migrations, revisions (see docs/store.md)."""

from truceline.store.store import Store, Writer, dump, kind_of

__all__ = ["Store", "Writer", "dump", "kind_of"]
