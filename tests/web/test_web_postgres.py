"""Every page works on a PostgreSQL dossier too (search, filters, compliance, negotiation)."""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from truceline.app import Dossier
from truceline.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette prefers httpx2 over httpx (a UserWarning)
    from starlette.testclient import TestClient

EXAMPLE = Path(__file__).parents[2] / "examples" / "gaza-2025"
PAGES = [
    "/",
    "/timeline",
    "/timeline?q=ceasefire",
    "/timeline?party=Hamas",
    "/timeline?kind=event&type=ASSAULT",
    "/timeline?outlet=Reuters",
    "/timeline?state=",
    "/timeline?page=3",
    "/compliance",
    "/compliance?by=day",
    "/compliance/cell?obligation=aid-trucks-daily&day=2025-01-19",
    "/deadlines",
    "/negotiation",
    "/disputes",
    "/speakers",
    "/sources",
    "/review",
    "/data",
]


@pytest.fixture(scope="module")
def client(
    new_postgres_db: Callable[[], str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    url = new_postgres_db()
    folder = tmp_path_factory.mktemp("pg-dossier")
    dossier = Dossier.init(folder, url)
    dossier.import_dir(EXAMPLE)
    yield TestClient(create_app(dossier))
    dossier.close()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.postgres
@pytest.mark.parametrize("path", PAGES)
def test_page_renders_on_postgresql(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text[:500]


@pytest.mark.postgres
def test_search_and_filters_narrow_the_timeline_on_postgresql(client: TestClient) -> None:
    everything = client.get("/timeline?state=").text
    searched = client.get("/timeline?q=Netzarim").text
    assert "Netzarim" in searched
    assert len(searched) < len(everything)
    assert "ev-2025-03-18-strikes" in client.get("/timeline?kind=event&type=ASSAULT").text
