"""`truceline batch`: extraction over a corpus on Dask, into Parquet tables.

Thin glue over `truceline.batch.run_corpus` (see docs/batch.md).
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from truceline.batch import DEFAULT_CHUNK_SIZE, run_corpus
from truceline.cli.app import app
from truceline.cli.extract import read_index
from truceline.cli.progress import progress_bar

SHOWN_FAILURES = 20
"""Failures listed on stderr; the rest are in failures.parquet."""


@app.command("batch")
def batch_command(
    paths: list[Path] = typer.Argument(..., help="Report files, or folders searched for *.txt."),
    out: Path = typer.Option(
        ...,
        "--out",
        "-o",
        help="Output folder of Parquet tables (a previous run's output is replaced).",
    ),
    published_from: Path | None = typer.Option(
        None,
        "--published-from",
        help='Index of JSON lines {"doc": FILE_BASENAME, "published": "YYYY-MM-DD"}.',
    ),
    workers: int | None = typer.Option(
        None,
        "--workers",
        min=1,
        help="Worker processes of the local cluster (default: one per CPU).",
    ),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="Address of a running Dask scheduler (tcp://HOST:8786)."
    ),
    model: str | None = typer.Option(
        None, "--model", help="spaCy model name or path (default: $TRUCELINE_SPACY_MODEL)."
    ),
    day1: str | None = typer.Option(
        None, "--day1", help="The agreement's day 1 (YYYY-MM-DD), for 'day 16'."
    ),
    chunk_size: int = typer.Option(
        DEFAULT_CHUNK_SIZE, "--chunk-size", min=1, help="Files per Dask task."
    ),
) -> None:
    """Extract from many report files on a Dask cluster into Parquet tables."""
    if workers and scheduler:
        raise typer.BadParameter("--workers sizes the local cluster; omit it with --scheduler")
    index = read_index(published_from) if published_from else None
    with progress_bar("extracting") as progress:
        report = run_corpus(
            paths,
            out,
            published=index,
            workers=workers,
            scheduler=scheduler,
            model=model,
            day1=day1,
            chunk_size=chunk_size,
            progress=progress,
        )
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    for failure in report.failures[:SHOWN_FAILURES]:
        err.print(f"[yellow]failed:[/] {escape(failure.error)}")
    if len(report.failures) > SHOWN_FAILURES:
        err.print(f"… and {len(report.failures) - SHOWN_FAILURES} more in failures.parquet")
    counts = ", ".join(f"{n} {kind}" for kind, n in report.counts.items())
    typer.echo(
        f"{report.out}: {report.processed} of {report.files} files, {counts}; "
        f"{len(report.failures)} failed ({report.seconds:.1f} s)"
    )
