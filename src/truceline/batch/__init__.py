"""Corpus runs: extraction over a large news archive on Dask, into Parquet tables.

    from truceline.batch import run_corpus
    report = run_corpus(["archive/"], "corpus-out", workers=4)
    # corpus-out/{quotes,timex,figures,events,files,failures}.parquet + manifest.json

Modules: `corpus` (run_corpus, the Dask client), `worker` (what a task runs),
`tables` (the Parquet schemas), `output` (the atomic output folder).

DOCS: docs/batch.md
"""

from __future__ import annotations

from truceline.batch.corpus import (
    DEFAULT_CHUNK_SIZE,
    PATTERN,
    CorpusReport,
    Failure,
    collect_files,
    open_client,
    run_corpus,
)
from truceline.batch.output import MANIFEST, OutputFolder
from truceline.batch.tables import ITEM_KINDS, SCHEMAS, TABLES

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "ITEM_KINDS",
    "MANIFEST",
    "PATTERN",
    "SCHEMAS",
    "TABLES",
    "CorpusReport",
    "Failure",
    "OutputFolder",
    "collect_files",
    "open_client",
    "run_corpus",
]
