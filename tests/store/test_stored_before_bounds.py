"""A dossier written before the storable limits existed still opens, lists, checks and
can be repaired: the store reads rows without those limits (truceline.bounds).

The out-of-range values are written with SQL, as an older release would have
stored them: a 64-bit overflow on both databases; on SQLite also a NUL (which
PostgreSQL never accepted). An infinite number never got in: SQLite's JSON
functions in the facet triggers refuse it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from truceline.app import Dossier
from truceline.cli.app import app
from truceline.errors import ReviewError
from truceline.model import Event, dump

EXAMPLE = Path(__file__).parents[2] / "examples" / "gaza-2025"
TOO_BIG = 2**63
NAMED = r": (fatalities: a whole number must fit in 64 bits|notes: text must not contain a NUL)"
runner = CliRunner()


def _overwrite(dossier: Dossier, record_id: str, changes: dict[str, Any]) -> None:
    """Change a stored record's ``data`` behind the models' back."""
    with dossier.store.engine.begin() as conn:
        data = conn.execute(
            sa.text("SELECT data FROM records WHERE id = :id").columns(sa.column("data", sa.JSON)),
            {"id": record_id},
        ).scalar_one()
        update = sa.text("UPDATE records SET data = :data WHERE id = :id").bindparams(
            sa.bindparam("data", type_=sa.JSON)
        )
        conn.execute(update, {"data": {**data, **changes}, "id": record_id})


@pytest.fixture
def old_dossier(dossier_path: Path, db_url: str) -> tuple[str, str]:
    """The example dossier with one event out of bounds."""
    with Dossier.init(dossier_path, db_url) as dossier:
        dossier.import_dir(EXAMPLE)
        event = dossier.records(kind="event")[0].id
        _overwrite(dossier, event, {"fatalities": TOO_BIG})
        if dossier.dialect == "sqlite":
            _overwrite(dossier, event, {"notes": "held\x00back"})
    return event, db_url


def _cli(dossier_path: Path, url: str, *args: str) -> Any:
    return runner.invoke(app, [*args, "-d", str(dossier_path), "--db", url])


def test_an_old_dossier_lists_shows_and_checks(
    dossier_path: Path, old_dossier: tuple[str, str]
) -> None:
    event, url = old_dossier
    listed = _cli(dossier_path, url, "list", "--json")
    assert listed.exit_code == 0, listed.output
    assert event in {r["id"] for r in json.loads(listed.stdout)}
    shown = _cli(dossier_path, url, "show", event, "--json")
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["fatalities"] == TOO_BIG
    checked = _cli(dossier_path, url, "check")
    assert checked.exit_code in (0, 1), checked.output  # 1: something is breached
    assert "gaza-2025" in checked.output


def test_review_edit_names_the_value_out_of_bounds_then_repairs_it(
    dossier_path: Path, old_dossier: tuple[str, str]
) -> None:
    event, url = old_dossier
    elsewhere = _cli(dossier_path, url, "review", "edit", event, "--set", "location=Rafah")
    assert isinstance(elsewhere.exception, ReviewError)  # one line (exit 2) in the shell
    assert re.search(NAMED, str(elsewhere.exception)), elsewhere.exception
    changes = ["--set", "fatalities=3", "--set", "notes=held back"]
    fixed = _cli(dossier_path, url, "review", "edit", event, *changes)
    assert fixed.exit_code == 0, fixed.output
    with Dossier.open(dossier_path, url) as dossier:
        repaired = dossier.get(event)
        assert isinstance(repaired, Event)
        assert (repaired.fatalities, repaired.notes, repaired.location) == (3, "held back", "Doha")
        Event.model_validate(dump(repaired))  # storable again, under the limits
        assert dossier.history(event)[-1].before["fatalities"] == TOO_BIG
