"""Exceptions raised by truceline.

    TrucelineError
    ├── DossierFileError(file, line, field)   a YAML file in a dossier is malformed
    │   └── AgreementFileError                 ... and it is an agreement
    ├── StoreError                             the database refused or is not a dossier
    ├── IngestError                            a source could not be read
    ├── ExtractionError                        the NLP pipeline could not run
    ├── ReviewError                            a review action cannot be done
    ├── NegotiationError                       a proposal edit or diff cannot be done
    ├── AccountError                           an account cannot be made or found
    └── DateError                              a day given as input is not YYYY-MM-DD

Every error carries a message meant for the person at the keyboard: the CLI
prints it as-is (no traceback) and exits with code 2.
"""

from __future__ import annotations


class TrucelineError(Exception):
    """Base of every error truceline raises on purpose."""


class DossierFileError(TrucelineError):
    """A dossier file is invalid; names the file, the line and the field."""

    def __init__(self, file: str, line: int | None, field: str, message: str) -> None:
        self.file = file
        self.line = line
        self.field = field
        self.message = message
        where = f"{file}:{line}" if line is not None else file
        prefix = f"{where}: {field}: " if field else f"{where}: "
        super().__init__(prefix + message)


class AgreementFileError(DossierFileError):
    """An agreement file is invalid."""


class StoreError(TrucelineError):
    """The store could not be opened, migrated or written."""


class IngestError(TrucelineError):
    """A source could not be read (empty, binary, refused address, too large …)."""


class ExtractionError(TrucelineError):
    """The extraction pipeline could not be built or run."""


class ReviewError(TrucelineError):
    """A review action cannot be done (unknown id, a bad field or value)."""


class NegotiationError(TrucelineError):
    """A proposal edit or a diff request cannot be carried out."""


class AccountError(TrucelineError):
    """A team account cannot be created as asked (bad name, role or password) or is unknown."""


class DateError(TrucelineError):
    """A day given as input (an option, a query parameter, an index line) is not a date."""
