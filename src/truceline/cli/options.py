"""Options shared by every command, and the one way to open the dossier they name."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from truceline.app import Dossier

DossierOpt = Annotated[
    Path,
    typer.Option(
        "--dossier",
        "-d",
        envvar="TRUCELINE_DOSSIER",
        help="Dossier folder (default: the current folder).",
        show_default=False,
    ),
]
DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db", envvar="TRUCELINE_DB", help="Database URL (default: the dossier's SQLite file)."
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ByOpt = Annotated[
    str,
    typer.Option("--by", envvar="USER", help="Who is making the change (kept in the history)."),
]


def open_dossier(path: Path, db: str | None) -> Dossier:
    """Open the dossier the options name (errors are StoreError → exit 2)."""
    return Dossier.open(path, db)


def print_json(data: Any) -> None:
    """Write JSON to stdout, one document, UTF-8, stable key order."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
