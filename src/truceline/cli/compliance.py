"""Compliance commands: `check` (the ledger) and `deadlines` (to-do list and iCalendar).

Glue only: the ledger comes from ``Dossier.check``.
Exit codes: ``check`` 1 when an obligation is breached on a record, ``deadlines`` 1
when a deadline is past due and not met; else 0; 2 on bad input.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from truceline.app import ledger_document
from truceline.cli.app import app
from truceline.cli.collector import gc_paused
from truceline.cli.console import err
from truceline.cli.console import out as console
from truceline.cli.errors import EXIT_FINDINGS
from truceline.cli.options import DbOpt, DossierOpt, JsonOpt, open_dossier, print_json
from truceline.compliance import (
    COUNTED,
    MEANINGS,
    DeadlineItem,
    Ledger,
    ObligationLedger,
    deadlines,
    to_ical,
)
from truceline.compliance.ledger import Status
from truceline.compliance.life import Life
from truceline.dates import parse_day
from truceline.errors import DateError

_STYLE = {
    "met": "green",
    "breached": "bold red",
    "partial": "dark_orange",
    "assumed_met": "italic dim green",
    "overdue": "dark_orange",
    "disputed": "yellow",
    "undecided": "dim",
    "unreported": "dim",
    "pending": "cyan",
    "suspended": "magenta",
    "ended": "dim magenta",
}


def _as_of(value: str | None) -> dt.date | None:
    try:
        return parse_day(value, "--as-of")
    except DateError as exc:
        raise typer.BadParameter(str(exc)) from exc


AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Evaluate with only the records published by this date (YYYY-MM-DD; default today).",
    ),
]


def _ledger(dossier: Path, db: str | None, as_of: str | None) -> Ledger:
    when = _as_of(as_of)
    with open_dossier(dossier, db) as d, gc_paused():
        return d.check(when)


@app.command()
def check(
    obligation: Annotated[
        str | None, typer.Argument(help="One obligation id; with --days, its daily detail.")
    ] = None,
    days: Annotated[bool, typer.Option("--days", help="Show each day with its evidence.")] = False,
    as_of: AsOfOpt = None,
    as_json: JsonOpt = False,
    dossier: DossierOpt = Path("."),
    db: DbOpt = None,
) -> None:
    """The compliance ledger: status per obligation (exit code 1 when anything is breached).

    Exit code 1 when a record shows an obligation breached, 0 otherwise, 2 on bad input.
    """
    ledger = _ledger(dossier, db, as_of)
    chosen = ledger.obligations
    if obligation is not None:
        found = ledger.get(obligation)
        if found is None:
            known = ", ".join(o.id for o in ledger.obligations) or "none"
            raise typer.BadParameter(f"no obligation {obligation!r} (known: {known})")
        chosen = [found]
    if as_json:
        print_json(ledger_document(ledger, chosen, days=days))
    elif days:
        for o in chosen:
            _print_days(o)
    else:
        print_summary(chosen, ledger.as_of)
        print_lives(ledger.lives)
    if any(o.first_breach for o in chosen):
        raise typer.Exit(EXIT_FINDINGS)


def _status(status: str) -> str:
    return f"[{_STYLE.get(status, '')}]{status}[/]"


def print_summary(obligations: list[ObligationLedger], as_of: dt.date) -> None:
    table = Table(title=f"Compliance as of {as_of}", show_lines=False)
    for column in ("obligation", "party", "kind", "today", "lifecycle"):
        table.add_column(column)
    shown = _counted(obligations)
    for column in shown:
        table.add_column(column.replace("_", " "), justify="right")
    table.add_column("first breach")
    table.add_column("evidence", justify="right")
    for o in obligations:
        counts = o.counts
        table.add_row(
            o.id,
            o.party,
            o.kind,
            _status(o.status_today),
            o.lifecycle,
            *(str(counts[s]) for s in shown),
            str(o.first_breach or ""),
            str(len(o.evidence)),
        )
    console.print(table)
    console.print("[dim]" + "; ".join(MEANINGS[s] for s in shown) + ".[/]")
    if any(o.ended for o in obligations):
        console.print(f"[dim]{MEANINGS['ended']}.[/]")


def _counted(obligations: list[ObligationLedger]) -> list[Status]:
    """The day counts to show: ``partial`` only where some quantified deadline has one."""
    return [s for s in COUNTED if s != "partial" or any(o.counts[s] for o in obligations)]


def print_lives(lives: list[Life]) -> None:
    """Each agreement's life: its state, then every dated change with its sources."""
    for life in lives:
        end = f", last day {life.last_day}" if life.last_day else ""
        term = f", term ends {life.term_end}" if life.term_end and not life.last_day else ""
        reading = f" under reading {life.reading}" if life.reading else ""
        console.print(
            f"[bold]{life.agreement}[/]{reading}: {life.state} "
            f"(in force {life.in_force}{term}{end})"
        )
        for c in life.changes:
            by = f" by {', '.join(c.by)}" if c.by else ""
            until = f" until {c.until}" if c.until else ""
            why = f": {c.reason}" if c.reason else ""
            rests = ", ".join([*c.sources, *c.records])
            console.print(
                f"  {c.day} {c.event}{by}{until}{why}" + (f" [dim]({rests})[/]" if rests else "")
            )


def _print_days(o: ObligationLedger) -> None:
    console.print(f"[bold]{o.id}[/] — {o.party}, {o.kind}, {o.lifecycle}")
    reading = f" (reading {o.reading})" if o.reading else ""
    sources = f" [dim]({', '.join(o.clause_sources)})[/]" if o.clause_sources else ""
    console.print(f"{o.clause_ref}{reading}: {o.clause_text}{sources}")
    if o.ended:
        console.print(f"[dim]the agreement ended on {o.ended}: no day after it is evaluated[/]")
    if o.clause_note:
        console.print(f"[dim]note: {o.clause_note}[/]")
    for series in o.series:
        points = ", ".join(f"{p.day:%d %b} {p.value:g}" for p in series.points)
        console.print(f"series {series.metric} by {series.counted_by or 'unattributed'}: {points}")
    table = Table()
    for column in ("day", "status", "note", "evidence", "against"):
        table.add_column(column)
    for d in o.days:
        table.add_row(
            d.day.isoformat(),
            _status(d.status),
            d.note or "",
            "\n".join(d.evidence),
            "\n".join(d.against),
        )
    console.print(table)


@app.command("deadlines")
def deadlines_(
    ical: Annotated[
        Path | None, typer.Option("--ical", help="Also write every deadline to this .ics file.")
    ] = None,
    as_of: AsOfOpt = None,
    as_json: JsonOpt = False,
    dossier: DossierOpt = Path("."),
    db: DbOpt = None,
) -> None:
    """Deadlines: upcoming, overdue and met ("day 14 of 16, no talks recorded").

    Exit code 1 when a deadline is past due and not met (overdue, partly done or
    breached on a record), 0 otherwise, 2 on bad input.
    """
    ledger = _ledger(dossier, db, as_of)
    items = deadlines(ledger)
    if ical is not None:
        ical.write_text(to_ical(items, ledger.as_of), encoding="utf-8", newline="")
        err.print(f"wrote {len(items)} deadlines to {ical}")
    missed = [i for i in items if i.state in MISSED]
    if as_json:
        print_json(
            [
                {
                    "obligation": i.obligation,
                    "party": i.party,
                    "what": i.what,
                    "due": i.due.isoformat() if i.due else None,
                    "due_day": i.due_day,
                    "state": i.state,
                    "text": i.text,
                }
                for i in items
            ]
        )
    else:
        table = Table(title=f"Deadlines as of {ledger.as_of}")
        for column in ("obligation", "party", "due", "state", "detail"):
            table.add_column(column)
        for i in items:
            due = f"{i.due} (day {i.due_day})" if i.due else _no_due_day(i)
            table.add_row(i.obligation, i.party, due, i.state, i.text)
        console.print(table)
        console.print(_deadline_summary(items, missed))
    if missed:
        raise typer.Exit(EXIT_FINDINGS)


MISSED = ("overdue", "partial", "breached")
"""Deadline states that make ``deadlines`` exit 1: past due, and not met."""


def _deadline_summary(items: list[DeadlineItem], missed: list[DeadlineItem]) -> str:
    if not missed:
        return f"{len(items)} deadlines, none past due and unmet"
    names = ", ".join(f"{i.obligation} ({i.state})" for i in missed)
    return f"{len(items)} deadlines; past due and not met: {names}"


def _no_due_day(item: DeadlineItem) -> str:
    return "as soon as possible" if item.asap else "not yet known"
