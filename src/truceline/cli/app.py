"""The typer application every command module registers on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="truceline",
    help="Track a ceasefire or peace process: sources, records, compliance, disputes.",
    epilog="Exit codes: 0 done, nothing to report; 1 findings (check: an obligation breached; "
    "deadlines: a deadline past due and not met; disputes: accounts in conflict); "
    "2 bad usage or bad input, with one line naming the file, line and field.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
