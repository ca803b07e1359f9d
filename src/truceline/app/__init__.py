"""The application layer: ``Dossier`` and every use case as one of its methods.

Faces (the CLI, the web app, batch) open a ``Dossier`` and call its methods;
they never reach the store or the engines' wiring themselves. See
docs/architecture.md for who may import whom.
"""

from truceline.app.accounts import ROLES, LoginLimiter, Viewer
from truceline.app.dossier import DB_FILE, Dossier, ImportReport, database_url
from truceline.app.export import DATA_FILES, DATA_SETS, ledger_document
from truceline.app.ingest import IngestReport, SourceOutcome
from truceline.app.negotiation import NegotiationRecord
from truceline.app.reconcile import Reconciliation
from truceline.app.review import READ_ONLY_FIELDS, parse_assignments
from truceline.ingest import IngestOptions
from truceline.store.choices import Choices
from truceline.store.entries import Cited, Entry, Page
from truceline.store.filters import TimelineFilter
from truceline.store.speakers import Speaker
from truceline.store.version import VersionWatch

# The dashboard's read model hands these back (``Dossier.timeline_page`` & co.); they
# are named here so that a face never imports ``truceline.store``.
__all__ = [
    "DATA_FILES",
    "DATA_SETS",
    "DB_FILE",
    "READ_ONLY_FIELDS",
    "ROLES",
    "Choices",
    "Cited",
    "Dossier",
    "Entry",
    "ImportReport",
    "IngestOptions",
    "IngestReport",
    "LoginLimiter",
    "NegotiationRecord",
    "Page",
    "Reconciliation",
    "SourceOutcome",
    "Speaker",
    "TimelineFilter",
    "VersionWatch",
    "Viewer",
    "database_url",
    "ledger_document",
    "parse_assignments",
]
