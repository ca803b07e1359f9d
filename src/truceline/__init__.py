"""truceline: track a ceasefire or peace process from the agreement to the latest report.

The library is the product; the CLI and the dashboard are thin layers over it::

    from truceline import Dossier
    dossier = Dossier.init("gaza")
    dossier.import_dir("examples/gaza-2025")
    dossier.records(kind="event")
"""

from truceline.app import Dossier, ImportReport
from truceline.errors import (
    AgreementFileError,
    DossierFileError,
    ExtractionError,
    IngestError,
    ReviewError,
    StoreError,
    TrucelineError,
)

__version__ = "0.1.0"

__all__ = [
    "AgreementFileError",
    "Dossier",
    "DossierFileError",
    "ExtractionError",
    "ImportReport",
    "IngestError",
    "ReviewError",
    "StoreError",
    "TrucelineError",
    "__version__",
]
