"""Exports of a dossier: its files again (lossless YAML) and its data for download."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from truceline.app.actors import ACTORS_FILE, Actors
from truceline.compliance import Ledger, ObligationLedger, deadlines, to_ical
from truceline.compliance.ledger import obligation_json
from truceline.files import write_actors, write_dir
from truceline.model import Record, Source
from truceline.report.exports import write_all, write_ledger
from truceline.report.timelinejs import timeline_json
from truceline.store import Store

PARQUET = "application/vnd.apache.parquet"
DATA_SETS: dict[str, tuple[str, tuple[str, ...]]] = {
    "ledger": (
        "The compliance ledger: each obligation's status on each day, with the ids of the "
        "records that decide it",
        ("csv", "parquet", "json"),
    ),
    "events": ("Events, one row each, ACLED-like columns", ("csv", "parquet")),
    "statements": (
        "Statements: speaker, words, and whether they are quoted (direct) or paraphrased "
        "(indirect)",
        ("csv", "parquet"),
    ),
    "figures": (
        "Figures: every count with its metric, value, bound and counter",
        ("csv", "parquet"),
    ),
    "records": ("Every record: the columns all kinds share", ("csv", "parquet", "jsonl", "json")),
    "sources": ("Sources: outlet, day, title and address", ("csv", "parquet")),
    "deadlines": ("Deadlines of the agreement", ("ics",)),
    "timeline": ("The timeline for TimelineJS", ("json",)),
}
"""Data set → (what it holds, the formats it is written in): what ``export_data`` writes."""
_MEDIA = {
    "csv": "text/csv",
    "parquet": PARQUET,
    "json": "application/json",
    "jsonl": "application/x-ndjson",
    "ics": "text/calendar",
}
DATA_FILES: dict[str, tuple[str, str]] = {
    f"{name}.{fmt}": (_MEDIA[fmt], what)
    for name, (what, formats) in DATA_SETS.items()
    for fmt in formats
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
