"""A dossier: one process being tracked, as a folder plus a database.

``Dossier`` is the application layer: every use case is one of its methods,
and the faces (CLI, dashboard, corpus runs) call nothing else that writes
or reads a dossier. The methods live by concept in this package's modules
(review, ingest, compliance, negotiation, reconcile, export, accounts, and
dashboard: the web pages' reads) and meet here; each is a few lines over the pure engines and the store.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from truceline.app.accounts import Accounts
from truceline.app.actors import Actors
from truceline.app.compliance import Compliance
from truceline.app.dashboard import Dashboard
from truceline.app.export import Export
from truceline.app.ingest import Ingesting
from truceline.app.negotiation import Negotiation
from truceline.app.reconcile import Reconcile
from truceline.app.review import Review
from truceline.errors import StoreError
from truceline.files import DossierContent, read_dir, write_actors
from truceline.model import Agreement, Record, Revision
from truceline.store import Store, Stored

DB_FILE = "truceline.db"
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportReport:
    """How many objects an import created, edited or left as they were."""

    created: int
    edited: int
    unchanged: int

    @property
    def changed(self) -> bool:
        return bool(self.created or self.edited)


def database_url(path: Path, db_url: str | None = None) -> str:
    """The database of a dossier: ``db_url``, else $TRUCELINE_DB, else the folder's SQLite file."""
    return db_url or os.environ.get("TRUCELINE_DB") or f"sqlite:///{Path(path) / DB_FILE}"


class Dossier(
    Review, Ingesting, Compliance, Negotiation, Reconcile, Export, Accounts, Dashboard, Actors
):
    """A folder and its database, and everything people do with them."""

    def __init__(self, path: Path, store: Store) -> None:
        self.path = Path(path)
        self.store = store

    @classmethod
    def init(cls, path: Path, db_url: str | None = None) -> Dossier:
        """Create (or upgrade) a dossier at ``path``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        store = Store(database_url(path, db_url))
        store.migrate()
        return cls(path, store)

    @classmethod
    def open(cls, path: Path, db_url: str | None = None) -> Dossier:
        """Open an existing dossier; refuses a folder that has never been initialised."""
        path = Path(path)
        url = database_url(path, db_url)
        if url.startswith("sqlite:///") and not (path / DB_FILE).exists():
            raise StoreError(
                f"{path} is not a dossier (no {DB_FILE}); run `truceline init {path}` first"
            )
        store = Store(url)
        store.migrate()
        return cls(path, store)

    @property
    def url(self) -> str:
        """The database URL, for a process that opens the same dossier again."""
        return self.store.url

    @property
    def dialect(self) -> str:
        """The database's kind: ``sqlite`` or ``postgresql``."""
        return self.store.dialect

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Dossier:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # ------------------------------------------------------------- reading

    def get(self, object_id: str) -> Stored | None:
        """Any object (source, agreement, dispute, record) by id, or None."""
        return self.store.get(object_id)

    def records(
        self, kind: str | None = None, states: tuple[str, ...] | None = None
    ) -> list[Record]:
        """Records in date order (undated last), optionally of one kind and some states."""
        return self.store.records(kind=kind, states=states)

    def agreements(self) -> list[Agreement]:
        """Every agreement in the dossier, by id."""
        return self.store.agreements()

    def history(self, object_id: str) -> list[Revision]:
        """Every revision of an object, oldest first."""
        return self.store.history(object_id)

    def counts(self) -> dict[str, int]:
        """How many objects of each kind the dossier holds."""
        return self.store.counts()

    # ------------------------------------------------------------- files

    def read(self, folder: Path) -> DossierContent:
        """Validate a folder of dossier files against this dossier, writing nothing."""
        known = {s.id for s in self.store.sources()}
        return read_dir(Path(folder), known_ids=known, stored=self.store.get)

    def import_dir(
        self, folder: Path, by: str = "import", progress: Progress | None = None
    ) -> ImportReport:
        """Import a folder: all of it in one transaction, or nothing if any file is bad.

        Importing the same files again changes nothing (no new revisions). An
        ``actors.yaml`` in the folder is merged into the dossier's register,
        validated with the rest before anything is written. The records are
        then reconciled (``truceline.app.reconciling``), as an ingest's are.
        """
        content = self.read(folder)
        actors = (
            self.merged_actors(content.actors, str(folder), content.actor_origins)
            if content.actors
            else None
        )
        objects = content.objects()
        outcomes: Counter[str] = Counter()
        with self.store.writer(by) as writer:
            for done, obj in enumerate(objects, start=1):
                outcomes[writer.put(obj, note=f"imported from {content.origins[obj.id].file}")] += 1
                if progress:
                    progress(done, len(objects))
            if actors is not None:  # last: a failure here rolls the records back too
                write_actors(self.actors_file, actors)
        self.reconcile()  # now, not on the first page that reads the disputes
        return ImportReport(outcomes["created"], outcomes["edited"], outcomes["unchanged"])
