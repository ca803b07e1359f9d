"""Exports of a dossier: its files again (lossless YAML) and its data for download."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, NamedTuple

from truceline.app.actors import ACTORS_FILE, Actors
from truceline.compliance import Ledger, ObligationLedger, deadlines, to_ical
from truceline.compliance.ledger import obligation_json
from truceline.files import write_actors, write_dir
from truceline.model import Record, Source
from truceline.report.exports import write_all, write_ledger
from truceline.report.timelinejs import timeline_json
from truceline.store import Store


class DataSet(NamedTuple):
    """One data set of the Data page: its heading, what it holds, the formats it comes in."""

    title: str
    what: str
    formats: tuple[str, ...]


DATA_SETS: dict[str, DataSet] = {
    "ledger": DataSet(
        "Compliance ledger",
        "Each obligation's status on each day, with the ids of the records that decide it "
        "(a day nobody reported on is unreported)",
        ("csv", "parquet", "json"),
    ),
    "events": DataSet("Events", "One row per event, ACLED-like columns", ("csv", "parquet")),
    "statements": DataSet(
        "Statements",
        "Speaker and words, and whether the words are quoted (direct) or paraphrased (indirect)",
        ("csv", "parquet"),
    ),
    "figures": DataSet(
        "Figures",
        "Every count: its metric, value, bound and who counted",
        ("csv", "parquet"),
    ),
    "records": DataSet(
        "All records",
        "The columns every kind of record shares; JSON holds the records whole, with "
        "sources, agreements and disputes",
        ("csv", "parquet", "jsonl", "json"),
    ),
    "sources": DataSet("Sources", "Outlet, day, title and address", ("csv", "parquet")),
    "deadlines": DataSet("Deadlines", "The agreement's deadlines, for a calendar", ("ics",)),
    "timeline": DataSet("Timeline", "The accepted records for TimelineJS", ("json",)),
}
"""Data set → its title, what it holds and its formats: what ``export_data`` writes."""
_MEDIA = {
    "csv": "text/csv",
    "parquet": "application/vnd.apache.parquet",
    "json": "application/json",
    "jsonl": "application/x-ndjson",
    "ics": "text/calendar",
}
DATA_FILES: dict[str, tuple[str, str]] = {
    f"{name}.{fmt}": (_MEDIA[fmt], data.what)
    for name, data in DATA_SETS.items()
    for fmt in data.formats
}
"""File name → (media type, what its data set holds): every file ``export_data`` writes."""


def ledger_document(
    ledger: Ledger, obligations: list[ObligationLedger] | None = None, days: bool = True
) -> dict[str, Any]:
    """The ledger as one JSON document (``truceline check --json``, ledger.json):
    every obligation, or those given, with each day's status when ``days``."""
    chosen = ledger.obligations if obligations is None else obligations
    return {
        "as_of": ledger.as_of.isoformat(),
        "breached": any(o.first_breach for o in chosen),
        "agreements": [life.to_json() for life in ledger.lives],
        "obligations": [obligation_json(o, days=days) for o in chosen],
    }


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

    def export_data(self, folder: Path, as_of: dt.date | None = None) -> list[Path]:
        """Every file of ``DATA_FILES`` into ``folder`` (created); the ledger as of
        ``as_of`` (default today)."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        records, sources = self.store.records(), self.store.sources()
        written = write_all(folder, records, sources)
        written.append(self._records_json(folder / "records.json", records, sources))
        ledger: Ledger = self.check(as_of)  # type: ignore[attr-defined]  # Compliance
        written += write_ledger(folder, ledger, ledger_document(ledger))
        accepted = [r for r in records if r.state == "accepted"]
        path = folder / "timeline.json"
        timeline = timeline_json(accepted, {s.id: s for s in sources})
        path.write_text(json.dumps(timeline, ensure_ascii=False), encoding="utf-8")
        written.append(path)
        path = folder / "deadlines.ics"
        path.write_text(to_ical(deadlines(ledger), ledger.as_of), encoding="utf-8", newline="")
        written.append(path)
        return written

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
