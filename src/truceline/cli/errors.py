"""Turn truceline's errors into one clear line and an exit code, never a traceback.

Exit codes: 0 ok, 1 findings (a breach, a dispute …), 2 bad usage or bad input.
Usage errors are click's own (it prints them and exits 2).
"""

from __future__ import annotations

import sys

import typer
from rich.console import Console
from rich.markup import escape

from truceline.errors import TrucelineError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2

err_console = Console(stderr=True, highlight=False)


def run(app: typer.Typer) -> None:
    """Run the CLI, mapping truceline's errors to exit code 2 with a one-line message."""
    try:
        app()
    except TrucelineError as exc:
        err_console.print(f"[bold red]error:[/] {escape(str(exc))}", soft_wrap=True)
        sys.exit(EXIT_BAD_INPUT)
