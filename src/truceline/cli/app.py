"""The typer application every command module registers on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="truceline",
    help="Track a ceasefire or peace process: sources, records, compliance, disputes.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
