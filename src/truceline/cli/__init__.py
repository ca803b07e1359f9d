"""Command-line interface: thin glue over the library (see docs/cli.md)."""

from __future__ import annotations

from truceline.cli import actors as _actors  # noqa: F401
from truceline.cli import batch as _batch  # noqa: F401
from truceline.cli import compliance as _compliance  # noqa: F401
from truceline.cli import dossier as _dossier  # noqa: F401  (registers commands)
from truceline.cli import extract as _extract  # noqa: F401
from truceline.cli import ingest as _ingest  # noqa: F401
from truceline.cli import negotiation as _negotiation  # noqa: F401
from truceline.cli import web as _web  # noqa: F401
from truceline.cli.app import app
from truceline.cli.errors import run


def main() -> None:
    """Console-script entry point."""
    run(app)
