"""The register of actors: list it, see the names it does not know, grow it (docs/actors.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from truceline.cli.app import app
from truceline.cli.console import out as console
from truceline.cli.options import DbOpt, DossierOpt, JsonOpt, open_dossier, print_json

actors_app = typer.Typer(
    help="The dossier's register of actors (actors.yaml).", invoke_without_command=True
)
app.add_typer(actors_app, name="actors")


@actors_app.callback()
def actors(
    ctx: typer.Context, dossier: DossierOpt = Path("."), db: DbOpt = None, as_json: JsonOpt = False
) -> None:
    """List the register: each actor's name, kind, aliases and affiliation."""
    if ctx.invoked_subcommand is not None:
        return
    with open_dossier(dossier, db) as d:
        register = d.actors()
    if as_json:
        print_json([a.model_dump(mode="json", exclude_none=True) for a in register])
        return
    table = Table(title=f"Actors ({len(register)})")
    for column in ("id", "name", "kind", "aliases", "affiliation"):
        table.add_column(column, overflow="fold")
    for a in register:
        table.add_row(a.id, a.name, str(a.kind), ", ".join(a.aliases), a.affiliation or "")
    console.print(table)


@actors_app.command()
def proposed(dossier: DossierOpt = Path("."), db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Names in candidate and accepted records that the register does not know, with counts."""
    with open_dossier(dossier, db) as d:
        names = d.proposed_actors()
    if as_json:
        print_json([{"name": name, "count": count} for name, count in names])
        return
    table = Table(title=f"Names the register does not know ({len(names)})")
    table.add_column("name", overflow="fold")
    table.add_column("records", justify="right")
    for name, count in names:
        table.add_row(name, str(count))
    console.print(table)


@actors_app.command()
def add(
    name: Annotated[str, typer.Argument(help="The actor's canonical name.")],
    kind: Annotated[
        str, typer.Option("--kind", help="person, organisation, state, armed_group or other.")
    ],
    alias: Annotated[
        list[str] | None, typer.Option("--alias", help="Another name (repeatable).")
    ] = None,
    affiliation: Annotated[str | None, typer.Option("--affiliation")] = None,
    actor_id: Annotated[str | None, typer.Option("--id", help="Default: from the name.")] = None,
    dossier: DossierOpt = Path("."),
    db: DbOpt = None,
) -> None:
    """Add an actor to the register (validated; a name already taken is refused)."""
    with open_dossier(dossier, db) as d:
        actor = d.add_actor(name, kind, alias or [], affiliation, actor_id)
    console.print(f"added {actor.name} ({actor.kind}) as {actor.id}")
