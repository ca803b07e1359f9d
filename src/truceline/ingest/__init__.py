"""Reading sources into a dossier: files, folders, URLs, JSONL, WARC (see docs/ingest.md).

ingest(dossier, inputs, options)     the whole run, one transaction → IngestReport
read_input(item, options)            Sources from one path or URL, nothing stored
candidates(extraction, source, …)    extraction output → candidate records
canonical_url(url)                   the spelling used to recognise duplicates
fetch(url, options)                  a guarded HTTP GET (no private addresses)
"""

from __future__ import annotations

from truceline.ingest._candidates import DEFAULT_CONFIDENCE, Conversion, candidates
from truceline.ingest._fetch import Fetched, check_url, fetch, is_public
from truceline.ingest._options import IngestOptions
from truceline.ingest._readers import make_source, read_input
from truceline.ingest._run import (
    IngestReport,
    SourceOutcome,
    agreement_day_one,
    ingest,
)
from truceline.ingest._urls import canonical_url

__all__ = [
    "Conversion",
    "DEFAULT_CONFIDENCE",
    "Fetched",
    "IngestOptions",
    "IngestReport",
    "SourceOutcome",
    "agreement_day_one",
    "candidates",
    "canonical_url",
    "check_url",
    "fetch",
    "ingest",
    "is_public",
    "make_source",
    "read_input",
]
