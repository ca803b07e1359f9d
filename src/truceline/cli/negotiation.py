"""Negotiation commands: proposals, diff, disputes, proposal add / edit (docs/negotiation.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from truceline.cli.app import app
from truceline.cli.collector import gc_paused
from truceline.cli.console import out as console
from truceline.cli.errors import EXIT_FINDINGS
from truceline.cli.options import ByOpt, DbOpt, DossierOpt, JsonOpt, open_dossier, print_json
from truceline.negotiation import NegotiationError, TermChange, describe
from truceline.reconcile import is_finding

proposal_app = typer.Typer(
    help="Add or edit proposals (validated; every change is a revision).", no_args_is_help=True
)
app.add_typer(proposal_app, name="proposal")


@app.command()
def proposals(dossier: DossierOpt = Path("."), db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """The negotiation record: proposals in date order, with their links and answers."""
    with open_dossier(dossier, db) as d:
        entries = d.negotiation().lineage()
    if as_json:
        print_json([e.to_json() for e in entries])
        return
    table = Table(title="Proposals", show_lines=True)
    for column in ("date", "proposal", "terms", "answers"):
        table.add_column(column, overflow="fold")
    for e in entries:
        p = e.proposal
        head = [f"[bold]{p.title}[/] ({p.id})", f"by {p.proposer}"]
        if p.mediators:
            head.append("via " + ", ".join(p.mediators))
        for word, ids in (
            ("answers", [p.answers] if p.answers else []),
            ("supersedes", [p.supersedes] if p.supersedes else []),
            ("answered by", e.answered_by),
            ("superseded by", e.superseded_by),
        ):
            if ids:
                head.append(f"{word} {', '.join(ids)}")
        terms = [f"• {describe(t)}" for t in p.terms]
        terms += [f"if: {c}" for c in p.conditions]
        answers = [f"{a.claim} ({a.response.date or 'undated'})" for a in e.answers]
        if e.contested_parties:
            answers.append("[yellow]sources differ on: " + ", ".join(e.contested_parties) + "[/]")
        table.add_row(p.date or "", "\n".join(head), "\n".join(terms), "\n".join(answers))
    console.print(table)


@app.command()
def diff(
    a: Annotated[str, typer.Argument(help="Proposal id (before).")],
    b: Annotated[str | None, typer.Argument(help="Proposal id (after).")] = None,
    agreement: Annotated[
        bool, typer.Option("--agreement", help="Compare A with the agreement instead.")
    ] = False,
    agreement_id: Annotated[
        str | None, typer.Option("--agreement-id", help="Which agreement (default: the current).")
    ] = None,
    dossier: DossierOpt = Path("."),
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Term by term, what B adds, drops or changes from A (or A from the agreement)."""
    if (b is None) == (not agreement and agreement_id is None):
        raise NegotiationError("give two proposal ids, or one and --agreement")
    with open_dossier(dossier, db) as d:
        record = d.negotiation()
        if b is not None:
            before, after = a, b
            changes = record.diff(a, b)
        else:
            before, after = record.agreement(agreement_id).id, a
            changes = record.diff_agreement(a, agreement_id)
    if as_json:
        print_json({"before": before, "after": after, "changes": [c.to_json() for c in changes]})
        return
    _diff_table(before, after, changes)


def _diff_table(before: str, after: str, changes: list[TermChange]) -> None:
    if not changes:
        console.print(f"no differences between {before} and {after}")
        return
    table = Table(title=f"{before} → {after}")
    for column in ("change", "term", before, after, "fields"):
        table.add_column(column, overflow="fold")
    colours = {"added": "green", "dropped": "red", "changed": "yellow"}
    for c in changes:
        table.add_row(
            f"[{colours.get(c.change, 'white')}]{c.change}[/]",
            c.label,
            describe(c.before) if c.before else "",
            describe(c.after) if c.after else "",
            "; ".join(str(f) for f in c.fields),
        )
    console.print(table)


@app.command()
def disputes(
    dossier: DossierOpt = Path("."),
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Accounts that cannot all be true, each side with its sources.

    Exit code 1 when any dispute other than an evolving series exists.
    """
    with open_dossier(dossier, db) as d, gc_paused():
        record = d.reconciliation()
        found = record.disputes
        views = record.disputes_json()
    if as_json:
        print_json(views)
    else:
        for view in views:
            title = f"[bold]{view['topic']}[/] ({view['kind']}, {view['date'] or 'undated'})"
            console.print(f"{title}  [dim]{view['id']} · {view['origin']}[/]")
            for side in view["sides"]:
                outlets = ", ".join(s["outlet"] or s["id"] for s in side["sources"])
                console.print(
                    f"  • {side['claim']}" + (f"  [dim]({outlets})[/]" if outlets else "")
                )
        if not views:
            console.print("no disputes")
    if any(is_finding(x) for x in found):
        raise typer.Exit(EXIT_FINDINGS)


@proposal_app.command("add")
def proposal_add(
    file: Annotated[Path, typer.Argument(help="YAML file with proposals (and responses).")],
    dossier: DossierOpt = Path("."),
    db: DbOpt = None,
    by: ByOpt = "cli",
) -> None:
    """Add (or update) the proposals and responses of a YAML file, validated first."""
    with open_dossier(dossier, db) as d:
        outcomes = d.add_proposals(file, by)
    for object_id, outcome in outcomes.items():
        console.print(f"{outcome} {object_id}")


@proposal_app.command("edit")
def proposal_edit(
    proposal_id: Annotated[str, typer.Argument(help="Proposal id.")],
    assignments: Annotated[
        list[str],
        typer.Option(
            "--set",
            help="field=value (value read as YAML): title=…, terms[0].living=5, "
            "terms[+]={type: talks, phase: '2'}, supersedes=null.",
        ),
    ],
    dossier: DossierOpt = Path("."),
    db: DbOpt = None,
    by: ByOpt = "cli",
) -> None:
    """Change fields of a stored proposal; the edit is kept as a new revision."""
    with open_dossier(dossier, db) as d:
        outcome = d.edit_proposal(proposal_id, assignments, by)
    console.print(f"{outcome} {proposal_id}")
