"""batch.tables: dates are date columns, a partial date kept as its first day beside
its precision."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa

from truceline.batch.tables import to_table


def test_event_dates_and_publication_days_are_dates() -> None:
    events = to_table(
        "events",
        [
            {"file": "a.txt", "date": "2025-01", "precision": "month", "actors": ["A"]},
            {"file": "a.txt", "date": "2025-01-20", "precision": "day"},
            {"file": "b.txt", "date": None},
        ],
    )
    assert events.schema.field("date").type == pa.date32()
    assert events.column("date").to_pylist() == [dt.date(2025, 1, 1), dt.date(2025, 1, 20), None]
    assert events.column("precision").to_pylist() == ["month", "day", None]
    files = to_table("files", [{"file": "a.txt", "published": "2025-01-21", "characters": 9}])
    assert files.column("published").to_pylist() == [dt.date(2025, 1, 21)]
