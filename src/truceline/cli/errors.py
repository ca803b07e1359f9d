"""Turn truceline's errors into one clear line and an exit code, never a traceback.

Exit codes: 0 ok, 1 findings (a breach, a dispute …), 2 bad usage or bad input.
"""

from __future__ import annotations

import sys

import click
import typer
from rich.console import Console

from truceline.errors import TrucelineError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2

err_console = Console(stderr=True, highlight=False)


def run(app: typer.Typer) -> None:
    """Run the CLI, mapping known errors to exit code 2 with a one-line message."""
    try:
        app(standalone_mode=False)
    except TrucelineError as exc:
        err_console.print(f"[bold red]error:[/] {exc}", markup=True, soft_wrap=True)
        sys.exit(EXIT_BAD_INPUT)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_BAD_INPUT)
    except click.exceptions.Abort:
        err_console.print("aborted")
        sys.exit(EXIT_BAD_INPUT)
