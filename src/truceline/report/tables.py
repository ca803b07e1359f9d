"""The dossier's records as flat, typed tables: one row per record, one table per kind.

Each table is an Arrow schema and a row builder. The same rows go to CSV and
Parquet (``truceline.report.exports``): Parquet keeps the types (dates as
dates, values as floats, names as list<string>), CSV writes a list as its
items joined by "; " and a date in ISO form.

A date is stored as its first day (``2025-01`` → 2025-01-01) with the
precision beside it (``date_precision``: day, week, month, year, approximate),
so a column sorts and filters as dates while a month stays a month.

events      ACLED-like columns (``time_precision`` 1 day, 2 week, 3 coarser) plus
            the names as lists
statements  who said what, and whether it is a quotation (``mode`` direct) or a
            paraphrase (indirect)
figures     every count: figure records, and the figures an event carries
            (``record_kind`` event)
records     the columns every kind shares
sources     the articles the records cite
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from truceline.dates import first_day
from truceline.model import Event, Figure, Record, Source, Statement, summary_of

_TEXT, _DATE, _NAMES = pa.string(), pa.date32(), pa.list_(pa.string())
_ACLED_PRECISION = {"day": 1, "week": 2}


def _schema(*fields: tuple[str, pa.DataType]) -> pa.Schema:
    return pa.schema([pa.field(name, kind) for name, kind in fields])


_DATED = (("date", _DATE), ("date_precision", _TEXT))
_PROVENANCE = (("state", _TEXT), ("claimed_by", _TEXT), ("sources", _NAMES))

SCHEMAS: dict[str, pa.Schema] = {
    "events": _schema(
        ("record_id", _TEXT),
        ("event_date", _DATE),
        ("time_precision", pa.int64()),
        ("date_precision", _TEXT),
        ("actor1", _TEXT),
        ("actor2", _TEXT),
        ("event_type", _TEXT),
        ("sub_event_type", _TEXT),
        ("location", _TEXT),
        ("fatalities", pa.int64()),
        ("claimed_by", _TEXT),
        ("source", _TEXT),
        ("source_url", _TEXT),
        ("notes", _TEXT),
        ("state", _TEXT),
        ("actors", _NAMES),
        ("targets", _NAMES),
        ("occurred", pa.bool_()),
        ("mode", _TEXT),
        ("until", _TEXT),
        ("sources", _NAMES),
    ),
    "statements": _schema(
        ("record_id", _TEXT),
        *_DATED,
        ("speaker", _TEXT),
        ("affiliation", _TEXT),
        ("mode", _TEXT),
        ("quote", _TEXT),
        ("summary", _TEXT),
        *_PROVENANCE,
    ),
    "figures": _schema(
        ("record_id", _TEXT),
        ("record_kind", _TEXT),
        *_DATED,
        ("metric", _TEXT),
        ("value", pa.float64()),
        ("qualifier", _TEXT),
        ("unit", _TEXT),
        ("period", _TEXT),
        ("period_end", _DATE),
        ("who", _TEXT),
        ("counted_by", _TEXT),
        ("as_of", _TEXT),
        ("incident", _TEXT),
        ("cumulative", pa.bool_()),
        *_PROVENANCE,
    ),
    "records": _schema(
        ("record_id", _TEXT),
        ("kind", _TEXT),
        *_DATED,
        ("summary", _TEXT),
        ("confidence", pa.float64()),
        ("notes", _TEXT),
        *_PROVENANCE,
    ),
    "sources": _schema(
        ("source_id", _TEXT),
        ("outlet", _TEXT),
        ("published", _DATE),
        ("title", _TEXT),
        ("url", _TEXT),
        ("author", _TEXT),
        ("via", _TEXT),
        ("language", _TEXT),
    ),
}
"""Table name → Arrow schema; the CSV columns are the same names in the same order."""


def day(value: str | None) -> dt.date | None:
    """The first day an ISO date prefix can mean (``2025-01`` → 2025-01-01), or None."""
    return first_day(value) if value else None


def _dated(r: Record) -> dict[str, Any]:
    return {"date": day(r.date), "date_precision": r.date_precision}


def _provenance(r: Record) -> dict[str, Any]:
    sources = list(dict.fromkeys(ev.source for ev in r.sources))
    return {"state": r.state, "claimed_by": r.claimed_by, "sources": sources}


def event_rows(records: Iterable[Record], sources: dict[str, Source]) -> list[dict[str, Any]]:
    """One ACLED-like row per event record."""
    rows = []
    for event in records:
        if not isinstance(event, Event):
            continue
        cited = [sources[ev.source] for ev in event.sources if ev.source in sources]
        rows.append(
            {
                "record_id": event.id,
                "event_date": day(event.date),
                "time_precision": _ACLED_PRECISION.get(event.date_precision or "", 3),
                "date_precision": event.date_precision,
                "actor1": "; ".join(event.actors),
                "actor2": "; ".join(event.targets),
                "event_type": event.type,
                "sub_event_type": event.sub_type,
                "location": event.location,
                "fatalities": event.fatalities,
                "claimed_by": event.claimed_by,
                "source": "; ".join(dict.fromkeys(s.outlet for s in cited)),
                "source_url": "; ".join(dict.fromkeys(s.url for s in cited if s.url)),
                "notes": event.summary,
                "state": event.state,
                "actors": event.actors,
                "targets": event.targets,
                "occurred": event.occurred,
                "mode": event.mode,
                "until": event.until,
                "sources": _provenance(event)["sources"],
            }
        )
    return rows


def statement_rows(records: Iterable[Record]) -> list[dict[str, Any]]:
    """One row per statement: ``mode`` says whether ``quote`` is verbatim or a paraphrase."""
    return [
        {
            "record_id": s.id,
            **_dated(s),
            "speaker": s.speaker,
            "affiliation": s.affiliation,
            "mode": s.mode,
            "quote": s.quote,
            "summary": s.summary,
            **_provenance(s),
        }
        for s in records
        if isinstance(s, Statement)
    ]


def figure_rows(records: Iterable[Record]) -> list[dict[str, Any]]:
    """One row per count: each figure record, and each figure an event carries."""
    rows: list[dict[str, Any]] = []
    for r in records:
        if isinstance(r, Figure):
            rows.append(
                {
                    "record_id": r.id,
                    "record_kind": "figure",
                    **_dated(r),
                    "metric": r.metric,
                    "value": r.value,
                    "qualifier": r.qualifier,
                    "unit": r.unit,
                    "period": r.period,
                    "period_end": day(r.period_end),
                    "who": r.who,
                    "counted_by": r.counted_by,
                    "as_of": r.as_of,
                    "incident": r.incident,
                    "cumulative": r.cumulative,
                    **_provenance(r),
                }
            )
        elif isinstance(r, Event):
            rows.extend(
                {
                    "record_id": r.id,
                    "record_kind": "event",
                    **_dated(r),
                    "metric": f.metric,
                    "value": f.value,
                    "qualifier": f.qualifier,
                    **_provenance(r),
                }
                for f in r.figures
            )
    return rows


def record_rows(records: Iterable[Record]) -> list[dict[str, Any]]:
    """One row per record of any kind: the columns every kind shares."""
    return [
        {
            "record_id": r.id,
            "kind": r.kind,
            **_dated(r),
            "summary": summary_of(r),
            "confidence": r.confidence,
            "notes": r.notes,
            **_provenance(r),
        }
        for r in records
    ]


def source_rows(sources: Iterable[Source]) -> list[dict[str, Any]]:
    """One row per source (its text stays in records.json and the dossier files)."""
    return [
        {
            "source_id": s.id,
            "outlet": s.outlet,
            "published": day(s.published),
            "title": s.title,
            "url": s.url,
            "author": s.author,
            "via": s.via,
            "language": s.language,
        }
        for s in sources
    ]
