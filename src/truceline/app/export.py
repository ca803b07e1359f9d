"""Exports of a dossier: its files again (lossless YAML) and its data for download."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from truceline.app.actors import ACTORS_FILE, Actors
from truceline.compliance import to_ical
from truceline.files import write_actors, write_dir
from truceline.model import Record, Source
from truceline.report.exports import write_all
from truceline.report.timelinejs import timeline_json
from truceline.store import Store

DATA_FILES: dict[str, tuple[str, str]] = {
    "events.csv": ("text/csv", "Events, one row each, ACLED-like columns"),
    "events.parquet": ("application/vnd.apache.parquet", "Events as Parquet"),
    "records.jsonl": ("application/x-ndjson", "Every record, one JSON object per line"),
    "records.json": ("application/json", "Every record, sources and disputes, one JSON document"),
    "records.parquet": ("application/vnd.apache.parquet", "Every record as Parquet"),
    "deadlines.ics": ("text/calendar", "Deadlines of the agreement as iCalendar"),
    "timeline.json": ("application/json", "The timeline as TimelineJS JSON"),
}
"""File name → (media type, what it holds): what ``export_data`` writes."""


class Export(Actors):
    """The export use cases of a ``Dossier`` (a mixin: ``self.store`` is the dossier's)."""

    store: Store

    def export_dir(self, folder: Path) -> list[Path]:
        """Write every object back as dossier files (the format ``import_dir`` reads).

        The register of actors goes along as ``actors.yaml`` when there is one.
        """
        written = write_dir(
            Path(folder),
            sources=self.store.sources(),
            agreements=self.store.agreements(),
            records=self.store.records(),
            disputes=self.store.disputes(),
        )
        actors = self.actors()
        if actors:
            written.append(write_actors(Path(folder) / ACTORS_FILE, actors))
        return written

    def export_tables(self, folder: Path) -> list[Path]:
        """Events as ACLED-like CSV, every record as JSONL, both as Parquet."""
        return write_all(Path(folder), self.store.records(), self.store.sources())

    def export_data(self, folder: Path) -> list[Path]:
        """Every file of ``DATA_FILES`` into ``folder`` (created)."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        records, sources = self.store.records(), self.store.sources()
        written = write_all(folder, records, sources)
        written.append(self._records_json(folder / "records.json", records, sources))
        accepted = [r for r in records if r.state == "accepted"]
        path = folder / "timeline.json"
        timeline = timeline_json(accepted, {s.id: s for s in sources})
        path.write_text(json.dumps(timeline, ensure_ascii=False), encoding="utf-8")
        written.append(path)
        path = folder / "deadlines.ics"
        path.write_text(self.deadlines_ical(), encoding="utf-8", newline="")
        written.append(path)
        return written

    def deadlines_ical(self, as_of: dt.date | None = None) -> str:
        """The deadlines as iCalendar, stamped with the day they were evaluated."""
        as_of = as_of or dt.date.today()
        return to_ical(self.deadlines(as_of), as_of)  # type: ignore[attr-defined]  # Compliance

    def _records_json(self, path: Path, records: list[Record], sources: list[Source]) -> Path:
        document = {
            "sources": [s.model_dump(mode="json", exclude_none=True) for s in sources],
            "agreements": [
                a.model_dump(mode="json", exclude_none=True) for a in self.store.agreements()
            ],
            "records": [r.model_dump(mode="json", exclude_none=True) for r in records],
            "disputes": [
                d.model_dump(mode="json", exclude_none=True) for d in self.store.disputes()
            ],
        }
        path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
        return path
