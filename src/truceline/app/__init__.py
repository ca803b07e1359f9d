"""The application layer: ``Dossier`` and every use case as one of its methods.

Faces (the CLI, the web app, batch) open a ``Dossier`` and call its methods;
they never reach the store or the engines' wiring themselves. See
docs/architecture.md for who may import whom.
"""

from truceline.app.dossier import DB_FILE, Dossier, ImportReport, database_url
from truceline.app.export import DATA_FILES
from truceline.app.ingest import IngestReport, SourceOutcome
from truceline.app.negotiation import NegotiationRecord
from truceline.app.reconcile import Reconciliation
from truceline.app.review import READ_ONLY_FIELDS, parse_assignments
from truceline.ingest import IngestOptions

__all__ = [
    "DATA_FILES",
    "DB_FILE",
    "READ_ONLY_FIELDS",
    "Dossier",
    "ImportReport",
    "IngestOptions",
    "IngestReport",
    "NegotiationRecord",
    "Reconciliation",
    "SourceOutcome",
    "database_url",
    "parse_assignments",
]
