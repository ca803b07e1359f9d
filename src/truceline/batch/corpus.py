"""`run_corpus`: extraction over a folder of reports on a Dask cluster, into Parquet.

    report = run_corpus(["archive/"], "corpus-out", workers=4, day1="2025-01-19")
    report.counts["quotes"], report.failures

Files are cut into chunks; each chunk is one Dask task, run by a worker that
keeps its spaCy pipeline between chunks (truceline.batch.worker). Results are
written in input order, whatever order the chunks finish in.

DOCS: docs/batch.md
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import uuid4

from truceline.batch.output import OutputFolder
from truceline.batch.tables import ITEM_KINDS
from truceline.dates import extraction_day
from truceline.errors import ExtractionError, IngestError

if TYPE_CHECKING:
    from distributed import Client

DEFAULT_CHUNK_SIZE = 32
"""Files per Dask task: big enough to batch through spaCy, small enough to balance."""

PATTERN = "*.txt"
"""Files picked up under a folder (recursively; hidden files and folders are skipped)."""

Progress = Callable[[int, int], None]
"""Called with (files done, files in all) as chunks complete."""


@dataclass(frozen=True)
class Failure:
    """A file that could not be read or extracted, with the reason."""

    file: str
    error: str


@dataclass(frozen=True)
class CorpusReport:
    """What a corpus run did: where it wrote, how many rows, which files failed."""

    out: Path
    files: int
    processed: int
    failures: tuple[Failure, ...]
    counts: dict[str, int] = field(default_factory=dict)
    models: tuple[str, ...] = ()
    seconds: float = 0.0


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files to process: each file as given, and every `*.txt` under each folder
    (sorted, hidden entries skipped). A path that does not exist is kept, so it is
    reported as a failure. Duplicates are dropped, first one kept."""
    files: list[Path] = []
    seen: set[Path] = set()
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob(PATTERN)
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found = [path]
        for p in found:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                files.append(p)
    return files


@contextmanager
def _quiet_dask_logs() -> Iterator[None]:
    """Dask logs every cluster start at INFO; keep it to warnings while we run."""
    logger = logging.getLogger("distributed")
    level = logger.level
    logger.setLevel(max(level, logging.WARNING))
    try:
        yield
    finally:
        logger.setLevel(level)


@contextmanager
def open_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A Dask client: to the scheduler at `scheduler`, or to a local cluster of
    `workers` processes (one thread each) that listens on 127.0.0.1 only and has
    no dashboard. The client is closed before the cluster."""
    from distributed import Client, LocalCluster

    if scheduler:
        if workers:
            raise ExtractionError("workers is for the local cluster; a scheduler has its own")
        try:
            client = Client(scheduler, set_as_default=False)
        except OSError as exc:
            raise ExtractionError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        with client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            scheduler_kwargs={"dashboard": False},
            silence_logs=logging.WARNING,
        ) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        yield client


def run_corpus(
    paths: Iterable[str | Path],
    out: str | Path,
    *,
    published: Mapping[str, date | str] | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    model: str | None = None,
    day1: date | str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: Progress | None = None,
) -> CorpusReport:
    """Extract quotes, time expressions, figures and events from every file, on Dask,
    into the Parquet folder `out` (one file per table, see truceline.batch.tables).

    `published` maps a file's basename to its publication date (the index of
    `truceline extract --published-from`). `workers` sizes a local cluster (default:
    one per CPU); `scheduler` is the address of a running one instead, whose
    workers must see the files at the same absolute paths. Files that cannot be
    read or extracted are listed in `failures`; the run goes on without them.
    """
    start = time.perf_counter()
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    if workers is not None and workers < 1:
        raise ValueError("workers must be at least 1")
    day_one = extraction_day(day1, "day1")
    dates = {
        name: extraction_day(value, f"published date of {name}")
        for name, value in (published or {}).items()
    }
    files = collect_files(paths)
    if not files:
        raise IngestError(f"no files to process (folders are searched for {PATTERN})")
    items = [(str(p), os.path.abspath(p), dates.get(p.name)) for p in files]
    chunks = [items[i : i + chunk_size] for i in range(0, len(items), chunk_size)]
    folder = OutputFolder(out)  # refuses a bad --out before the cluster starts
    models: set[str] = set()
    done = 0
    if progress:
        progress(0, len(items))
    from distributed import as_completed

    from truceline.batch.worker import ChunkResult, extract_chunk

    run_id = uuid4().hex[:8]
    failures: dict[int, list[Failure]] = {}
    with _quiet_dask_logs(), open_client(workers, scheduler) as client, folder:
        running = {}
        for index, chunk in enumerate(chunks):
            future = client.submit(
                extract_chunk, chunk, model, day_one, key=f"truceline-chunk-{run_id}-{index}"
            )
            running[future.key] = (index, future)
        try:
            finished: dict[int, ChunkResult] = {}
            next_index = 0
            for future in as_completed([f for _, f in running.values()], loop=client.loop):
                index, _ = running.pop(future.key)
                finished[index] = result = future.result()
                future.release()  # the worker may drop the chunk's rows now
                models.add(result.model)
                failures[index] = [
                    Failure(row["file"], row["error"])
                    for row in result.tables["failures"].to_pylist()
                ]
                while next_index in finished:
                    folder.write(finished.pop(next_index).tables)
                    next_index += 1
                done += len(chunks[index])
                if progress:
                    progress(done, len(items))
        except BaseException:
            client.cancel([f for _, f in running.values()])
            raise
        folder.commit(
            {
                "files": len(items),
                "model": sorted(models),
                "day1": day_one,
                "published_index": bool(published),
                "chunk_size": chunk_size,
            }
        )
    return CorpusReport(
        out=folder.out,
        files=len(items),
        processed=folder.rows["files"],
        failures=tuple(f for i in sorted(failures) for f in failures[i]),
        counts={kind: folder.rows[kind] for kind in ITEM_KINDS},
        models=tuple(sorted(models)),
        seconds=round(time.perf_counter() - start, 3),
    )
