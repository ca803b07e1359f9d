"""Dossier commands: init, import, export, list, show, history, schema."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from truceline.app import Dossier
from truceline.cli.app import app
from truceline.cli.collector import gc_paused
from truceline.cli.console import err
from truceline.cli.console import out as console
from truceline.cli.errors import EXIT_BAD_INPUT
from truceline.cli.options import ByOpt, DbOpt, DossierOpt, JsonOpt, open_dossier, print_json
from truceline.cli.progress import progress_bar
from truceline.dates import parse_day
from truceline.files.jsonschema import dossier_file_schema
from truceline.model import (
    RECORD_KINDS,
    Event,
    Figure,
    Record,
    Response,
    Statement,
    dump,
    kind_of,
    summary_of,
)


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="Folder to create.")] = Path("."), db: DbOpt = None
) -> None:
    """Create a dossier: a folder and its database."""
    dossier = Dossier.init(path, db)
    console.print(f"dossier ready at {dossier.path} ({dossier.dialect})")


@app.command("import")
def import_(
    folder: Annotated[Path, typer.Argument(help="Folder of YAML dossier files.")],
    dossier: DossierOpt = Path("."),
    db: DbOpt = None,
    by: ByOpt = "import",
    as_json: JsonOpt = False,
) -> None:
    """Import YAML files: all in one transaction (a bad file writes nothing); repeatable."""
    with open_dossier(dossier, db) as d, progress_bar("importing") as progress, gc_paused():
        report = d.import_dir(folder, by=by, progress=progress)
    if as_json:
        print_json(
            {"created": report.created, "edited": report.edited, "unchanged": report.unchanged}
        )
    else:
        console.print(
            f"imported {folder} into {d.path}: created {report.created}, "
            f"edited {report.edited}, unchanged {report.unchanged}"
        )


class ExportFormat(StrEnum):
    yaml = "yaml"
    data = "data"


@app.command()
def export(
    folder: Annotated[Path, typer.Argument(help="Folder to write.")],
    format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            help="yaml: dossier files (re-importable); data: the Data page's files "
            "(CSV, Parquet, JSON: ledger, events, statements, figures, records, sources; "
            "iCalendar; TimelineJS).",
        ),
    ] = ExportFormat.yaml,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="The ledger's day for --format data (default today)."),
    ] = None,
    dossier: DossierOpt = Path("."),
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Write the dossier out: as YAML dossier files (re-importable) or as data files.

    Says what it wrote: one line per file, then how many files and where.
    """
    when = parse_day(as_of, "--as-of")
    with open_dossier(dossier, db) as d:
        if format is ExportFormat.yaml:
            written = d.export_dir(folder)
            what = "YAML dossier files (truceline import reads them back)"
        else:
            written = d.export_data(folder, as_of=when)
            what = "data files"
    if as_json:
        print_json({"folder": str(folder), "files": [str(p) for p in written]})
        return
    for path in written:
        console.print(str(path))
    console.print(f"wrote {len(written)} {what} to {folder}")


@app.command("list")
def list_(
    kind: Annotated[str | None, typer.Argument(help=f"One of: {', '.join(RECORD_KINDS)}.")] = None,
    state: Annotated[
        list[str] | None, typer.Option(help="candidate, accepted or rejected.")
    ] = None,
    dossier: DossierOpt = Path("."),
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List records by date."""
    if kind is not None and kind.rstrip("s") not in RECORD_KINDS:
        err.print(f"unknown kind {kind!r}; expected one of {', '.join(RECORD_KINDS)}")
        raise typer.Exit(EXIT_BAD_INPUT)
    with open_dossier(dossier, db) as d:
        records = d.records(kind.rstrip("s") if kind else None, tuple(state) if state else None)
    if as_json:
        print_json([dump(r) for r in records])
        return
    table = Table(
        "id",
        "date",
        "kind",
        "type",
        "state",
        "claimed by",
        "summary",
        title=f"{len(records)} records",
    )
    for r in records:
        table.add_row(
            r.id,
            r.date or "",
            r.kind,
            _type_of(r),
            r.state,
            r.claimed_by or "",
            summary_of(r) or "",
        )
    console.print(table)


def _type_of(record: Record) -> str:
    """What sort of record within its kind: an event's type, a figure's metric, a
    response's stance, and whether a statement's words are quoted or paraphrased."""
    if isinstance(record, Event):
        return str(record.type)
    if isinstance(record, Statement):
        return "quotation" if record.mode == "direct" else "paraphrase"
    if isinstance(record, Figure):
        return record.metric
    if isinstance(record, Response):
        return str(record.stance)
    return ""


@app.command()
def show(
    object_id: Annotated[str, typer.Argument(metavar="ID")],
    dossier: DossierOpt = Path("."),
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show one object (record, source, agreement or dispute)."""
    with open_dossier(dossier, db) as d:
        obj = d.get(object_id)
    if obj is None:
        err.print(f"no object with id {object_id!r}")
        raise typer.Exit(EXIT_BAD_INPUT)
    if as_json:
        print_json(dump(obj))
        return
    table = Table("field", "value", title=f"{kind_of(obj)} {obj.id}", show_header=False)
    for key, value in dump(obj).items():
        table.add_row(
            key, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        )
    console.print(table)


@app.command()
def history(
    object_id: Annotated[str, typer.Argument(metavar="ID")],
    dossier: DossierOpt = Path("."),
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Every change to an object: when, by whom, what it was before and after."""
    with open_dossier(dossier, db) as d:
        revisions = d.history(object_id)
    if not revisions:
        err.print(f"no history for {object_id!r}")
        raise typer.Exit(EXIT_BAD_INPUT)
    if as_json:
        print_json([r.model_dump(mode="json") for r in revisions])
        return
    table = Table(
        "#", "at", "by", "action", "changed fields", "note", title=f"history of {object_id}"
    )
    for r in revisions:
        table.add_row(
            str(r.id),
            r.at.isoformat(timespec="seconds"),
            r.by,
            r.action,
            _changed(r.before, r.after),
            r.note or "",
        )
    console.print(table)


@app.command()
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
) -> None:
    """Write the JSON Schema of dossier YAML files, for editors."""
    text = json.dumps(dossier_file_schema(), indent=2) + "\n"
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}")


def _changed(before: dict | None, after: dict | None) -> str:
    if before is None:
        return "(created)"
    keys = sorted(k for k in {*before, *(after or {})} if before.get(k) != (after or {}).get(k))
    return ", ".join(keys)
