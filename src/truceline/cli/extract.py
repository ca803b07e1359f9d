"""`truceline extract`: quotes, time expressions, figures and events from report files.

Thin glue over `truceline.extract.Extractor` (see docs/extraction.md).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from truceline.cli.app import app
from truceline.dates import parse_day
from truceline.errors import DateError, IngestError
from truceline.mentions import Extraction
from truceline.text import read_text


def _parse_date(value: str | None, option: str) -> date | None:
    try:
        return parse_day(value, option)
    except DateError as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from exc


def read_index(path: Path) -> dict[str, str]:
    """Map file basename → published date from an index of JSON lines."""
    index: dict[str, str] = {}
    for number, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            index[Path(str(row["doc"])).name] = str(row["published"])[:10]
        except (ValueError, KeyError, TypeError) as exc:
            raise IngestError(
                f'{path}:{number}: expected {{"doc": ..., "published": ...}}'
            ) from exc
    return index


def _summary_table(name: str, result: Extraction) -> Table:
    table = Table(title=name, show_lines=False)
    for column in ("kind", "text", "value / speaker", "detail"):
        table.add_column(column, overflow="fold")
    for q in result.quotes:
        table.add_row(q.kind, q.text[:80], q.speaker or "?", q.affiliation or "")
    for t in result.timex:
        table.add_row("timex", t.text, t.value, t.precision)
    for f in result.figures:
        table.add_row("figure", f.text, str(f.value), f"{f.category} ({f.qualifier})")
    for e in result.events:
        table.add_row("event", e.summary, e.date or "", e.type)
    return table


@app.command("extract")
def extract_command(
    files: list[Path] = typer.Argument(..., help="Report files (plain text)."),
    published: str | None = typer.Option(
        None, "--published", help="Publication date YYYY-MM-DD (for every file)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object (one file)."),
    as_jsonl: bool = typer.Option(False, "--jsonl", help="Print one JSON object per file."),
    published_from: Path | None = typer.Option(
        None,
        "--published-from",
        help='Index of JSON lines {"doc": FILE_BASENAME, "published": "YYYY-MM-DD"}.',
    ),
    model: str | None = typer.Option(
        None, "--model", help="spaCy model name or path (default: $TRUCELINE_SPACY_MODEL)."
    ),
    day1: str | None = typer.Option(
        None, "--day1", help="The agreement's day 1 (YYYY-MM-DD), for 'day 16'."
    ),
) -> None:
    """Extract quotes, time expressions, figures and events from report files."""
    from truceline.extract import Extractor

    if as_json and as_jsonl:
        raise typer.BadParameter("choose one of --json and --jsonl")
    if as_json and len(files) > 1:
        raise typer.BadParameter("--json takes one file; use --jsonl for several")
    default_published = _parse_date(published, "--published")
    day_one = _parse_date(day1, "--day1")
    index = read_index(published_from) if published_from else {}
    texts = [read_text(path) for path in files]  # fail before loading the model
    dates = [index.get(path.name, default_published) for path in files]
    extractor = Extractor(model=model, agreement_day1=day_one)
    results = extractor.extract_many(zip(texts, dates, strict=True))
    out = Console(highlight=False, soft_wrap=True)
    err = Console(stderr=True)
    with Progress(console=err, transient=True, disable=len(files) < 3) as progress:
        task = progress.add_task("extracting", total=len(files))
        for path, result in zip(files, results, strict=True):
            progress.advance(task)
            if as_json:
                sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
            elif as_jsonl:
                line = {"file": str(path), **result.to_json()}
                sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
                sys.stdout.flush()
            else:
                out.print(_summary_table(str(path), result))
