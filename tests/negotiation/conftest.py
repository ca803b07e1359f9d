"""The mini fixture dossier (invented outlets) read as plain objects."""

from __future__ import annotations

from pathlib import Path

import pytest

from truceline.files import DossierContent, read_dir
from truceline.model import Proposal, Record, Response, Source

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"


@pytest.fixture(scope="session")
def mini() -> DossierContent:
    return read_dir(MINI)


@pytest.fixture(scope="session")
def sources(mini: DossierContent) -> dict[str, Source]:
    return {s.id: s for s in mini.sources}


@pytest.fixture(scope="session")
def records(mini: DossierContent) -> dict[str, Record]:
    return {r.id: r for r in mini.records}


@pytest.fixture(scope="session")
def proposals(mini: DossierContent) -> dict[str, Proposal]:
    return {r.id: r for r in mini.records if isinstance(r, Proposal)}


@pytest.fixture(scope="session")
def responses(mini: DossierContent) -> list[Response]:
    return [r for r in mini.records if isinstance(r, Response)]
