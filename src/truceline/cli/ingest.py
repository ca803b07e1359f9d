"""`truceline ingest` and `truceline review`: glue over truceline.ingest and truceline.review."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from truceline.app import IngestOptions, IngestReport, parse_assignments
from truceline.cli.app import app
from truceline.cli.console import out
from truceline.cli.errors import err_console
from truceline.cli.options import ByOpt, DbOpt, DossierOpt, JsonOpt, open_dossier, print_json
from truceline.dates import parse_day
from truceline.model import Event, Record, describe, dump

AutoAcceptOpt = Annotated[
    float | None,
    typer.Option(
        "--auto-accept",
        envvar="TRUCELINE_AUTO_ACCEPT",
        min=0.0,
        max=1.0,
        help="Store candidates with at least this confidence as accepted (default: never).",
        show_default=False,
    ),
]


@app.command()
def ingest(
    inputs: Annotated[
        list[str], typer.Argument(metavar="PATH|URL...", help="Files, folders or http(s) URLs.")
    ],
    dossier: DossierOpt = Path("."),
    db: DbOpt = None,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private", help="Fetch URLs on private, loopback or link-local addresses."
        ),
    ] = False,
    outlet: Annotated[
        str | None,
        typer.Option(
            "--outlet",
            help="Outlet of the sources read (a JSONL line naming its own keeps it).",
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            metavar="YYYY-MM-DD",
            help="Publication day of the .txt/.html files given (beats the page's own date).",
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option("--title", help="Title of the .txt/.html files given (beats the page's)."),
    ] = None,
    url: Annotated[
        str | None,
        typer.Option("--url", help="Address of the one .txt/.html file given (beats the page's)."),
    ] = None,
    auto_accept: AutoAcceptOpt = None,
    no_extract: Annotated[
        bool, typer.Option("--no-extract", help="Store the sources only; extract nothing.")
    ] = False,
    json_: JsonOpt = False,
    by: ByOpt = "ingest",
) -> None:
    """Read articles (.txt, .html, .jsonl, .warc[.gz], URLs) as sources and candidate records.

    All of a run is stored in one transaction, or nothing is. Sources already in
    the dossier (same canonical URL or same text) are reported as duplicates; a
    document that cannot be read is reported as skipped and the rest is stored.

    --published, --title and --url describe plain files, which cannot say when
    they were published: candidates from them are then dated. JSONL lines, WARC
    records and URLs carry their own, so these options are refused for them.
    """
    options = IngestOptions(
        allow_private=allow_private,
        outlet=outlet,
        published=parse_day(published, "--published"),
        title=title,
        url=url,
        auto_accept=auto_accept,
        extract=not no_extract,
    )
    with ExitStack() as stack:
        opened = stack.enter_context(open_dossier(dossier, db))
        progress = stack.enter_context(
            Progress(
                TextColumn("{task.description:<10}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=err_console,
                transient=True,
                disable=not err_console.is_terminal,
            )
        )
        tasks: dict[str, TaskID] = {}

        def tick(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = progress.add_task(stage, total=total)
            progress.update(tasks[stage], completed=done, total=total)

        report = opened.ingest(inputs, options, by=by, progress=tick)
    if json_:
        print_json(report.to_dict())
    else:
        _print_report(report)


def _print_report(report: IngestReport) -> None:
    table = Table("input", "source", "outlet", "title", "status", "candidates")
    for s in report.sources:
        status = s.status if s.duplicate_of in (None, s.id) else f"duplicate of {s.duplicate_of}"
        if s.reason:
            status = f"skipped: {s.reason}"
        table.add_row(s.input, s.id, s.outlet, s.title or "", status, str(s.candidates))
    out.print(table)
    skipped = f", {report.skipped_documents} skipped" if report.skipped_documents else ""
    out.print(
        f"{report.new} new, {report.duplicates} duplicate{skipped}; {report.candidates} candidates "
        f"({report.accepted} auto-accepted), {report.existing} already stored, "
        f"{report.skipped} unusable"
    )


# ---------------------------------------------------------------------------- review

review_app = typer.Typer(
    help="List candidate records; accept, edit or reject them (every change is kept).",
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(review_app, name="review")

IdsArg = Annotated[list[str], typer.Argument(metavar="ID...", help="Record ids.")]
NoteOpt = Annotated[str | None, typer.Option("--note", help="Why (kept in the history).")]


@review_app.callback()
def review(
    ctx: typer.Context,
    dossier: DossierOpt = Path("."),
    db: DbOpt = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="Only this kind (event, statement, figure …).")
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Only from this source id.")
    ] = None,
    json_: JsonOpt = False,
) -> None:
    """List the candidate records waiting for review (or run a subcommand)."""
    if ctx.invoked_subcommand is not None:
        return
    with open_dossier(dossier, db) as opened:
        records = opened.candidates(kind=kind, source=source)
    if json_:
        print_json([dump(r) for r in records])
        return
    table = Table("id", "kind", "conf.", "date", "record", "source")
    for r in records:
        table.add_row(
            r.id,
            r.kind,
            f"{r.confidence:.2f}" if r.confidence is not None else "",
            r.date or "",
            _describe(r),
            r.sources[0].source if r.sources else "",
        )
    out.print(table)
    out.print(f"{len(records)} candidates")


@review_app.command("accept")
def accept_cmd(
    ids: IdsArg,
    dossier: DossierOpt = Path("."),
    db: DbOpt = None,
    note: NoteOpt = None,
    by: ByOpt = "review",
    json_: JsonOpt = False,
) -> None:
    """Accept records."""
    with open_dossier(dossier, db) as opened:
        outcomes = opened.accept(ids, by=by, note=note)
    _print_outcomes(outcomes, "accepted", json_)


@review_app.command("reject")
def reject_cmd(
    ids: IdsArg,
    dossier: DossierOpt = Path("."),
    db: DbOpt = None,
    note: NoteOpt = None,
    by: ByOpt = "review",
    json_: JsonOpt = False,
) -> None:
    """Reject records (they stay in the dossier, marked rejected)."""
    with open_dossier(dossier, db) as opened:
        outcomes = opened.reject(ids, by=by, note=note)
    _print_outcomes(outcomes, "rejected", json_)


@review_app.command("edit")
def edit_cmd(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="Record id.")],
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", help="FIELD=VALUE (repeatable); FIELD= clears a field."),
    ] = None,
    accept: Annotated[bool, typer.Option("--accept", help="Also accept the record.")] = False,
    dossier: DossierOpt = Path("."),
    db: DbOpt = None,
    note: NoteOpt = None,
    by: ByOpt = "review",
    json_: JsonOpt = False,
) -> None:
    """Change fields of a record (validated); the old version stays in the history."""
    changes = parse_assignments(set_ or [])
    with open_dossier(dossier, db) as opened:
        record = opened.edit(record_id, changes, by=by, note=note, accept=accept)
    if json_:
        print_json(dump(record))
    else:
        out.print(f"{record.id}: edited ({record.state}): {_describe(record)}")


def _print_outcomes(outcomes: Mapping[str, str], verb: str, json_: bool) -> None:
    if json_:
        print_json(outcomes)
        return
    for record_id, outcome in outcomes.items():
        out.print(f"{record_id}: {verb if outcome == 'edited' else 'already ' + verb}")


def _describe(record: Record) -> str:
    """For review, an event also shows its type and actors (the fields extraction guessed)."""
    if isinstance(record, Event):
        return f"{record.type} {', '.join(record.actors)}: {describe(record)}"
    return describe(record)
