"""Reading sources: files, folders, URLs, JSONL, WARC (see docs/ingest.md).

Nothing here touches a database: ``Dossier.ingest`` (truceline.app) runs these
and stores what they return, in one transaction.

read_input(item, options)            Sources from one path or URL, nothing stored
check_given(inputs, options)         refuse --published/--title/--url where they cannot apply
candidates(extraction, source, …)    extraction output → candidate records
canonical_url(url)                   the spelling used to recognise duplicates
fetch(url, options)                  a guarded HTTP GET (no private addresses)
"""

from __future__ import annotations

from truceline.ingest._candidates import DEFAULT_CONFIDENCE, Conversion, candidates
from truceline.ingest._fetch import Fetched, check_url, fetch, is_public
from truceline.ingest._options import IngestOptions
from truceline.ingest._readers import check_given, make_source, read_input
from truceline.ingest._urls import canonical_url

__all__ = [
    "Conversion",
    "DEFAULT_CONFIDENCE",
    "Fetched",
    "IngestOptions",
    "candidates",
    "canonical_url",
    "check_given",
    "check_url",
    "fetch",
    "is_public",
    "make_source",
    "read_input",
]
