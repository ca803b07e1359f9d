"""The mini fixture dossier (invented outlets) read as plain objects.

It is the negotiation tests' dossier: its events, figures and disputes are the
reconciliation cases, its proposals and answers the negotiation ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from truceline.files import DossierContent, read_dir
from truceline.model import Record, Source

MINI = Path(__file__).parents[1] / "negotiation" / "fixtures" / "mini"


@pytest.fixture(scope="session")
def mini() -> DossierContent:
    return read_dir(MINI)


@pytest.fixture(scope="session")
def sources(mini: DossierContent) -> dict[str, Source]:
    return {s.id: s for s in mini.sources}


@pytest.fixture(scope="session")
def records(mini: DossierContent) -> dict[str, Record]:
    return {r.id: r for r in mini.records}
