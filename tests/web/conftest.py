"""Fixtures for the dashboard: a small dossier with hostile text, and apps in each mode."""

from __future__ import annotations

import re
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from truceline.app import DB_FILE, Dossier
from truceline.model import Event, Evidence, Figure, Source, Statement
from truceline.web import create_app
from truceline.web.settings import Mode, WebSettings

with warnings.catch_warnings():
    # starlette warns (a UserWarning) on import that it prefers httpx2 over httpx.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

EVIL = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
EVIL_URL = "javascript:window.__pwned=3"
ARTICLE = (
    "GAZA — Talks resumed on Monday. "
    f'"We will not accept {EVIL} any delay," said Abu {EVIL} Spokesman. '
    "About 600 trucks entered on 20 January, the UN said."
)


def build(path: Path) -> Dossier:
    """A dossier with one hostile article, its records, and a candidate to review."""
    dossier = Dossier.init(path)
    quote_start = ARTICLE.index("We will")
    quote_end = ARTICLE.index('," said')
    with dossier.store.writer("test") as w:
        w.put(
            Source(
                id="src-evil",
                outlet=f"Evil Outlet {EVIL}",
                url=EVIL_URL,
                title=f"Headline {EVIL}",
                published="2025-01-20",
                text=ARTICLE,
            )
        )
        w.put(Source(id="src-plain", outlet="Plain Times", url="https://example.org/a"))
        w.put(
            Statement(
                id="st-evil",
                date="2025-01-20",
                speaker=f"Abu {EVIL} Spokesman",
                affiliation=f"Hamas {EVIL}",
                quote=ARTICLE[quote_start:quote_end],
                sources=[Evidence(source="src-evil", start=quote_start, end=quote_end)],
            )
        )
        w.put(
            Event(
                id="ev-talks",
                date="2025-01-20",
                type="CONSULT",
                actors=["Israel", "Hamas"],
                summary=f"Talks resumed {EVIL}",
                claimed_by=f"Qatar {EVIL}",
                sources=[Evidence(source="src-evil", text="Talks resumed on Monday.")],
            )
        )
        w.put(
            Figure(
                id="fig-trucks",
                date="2025-01-20",
                metric="aid_trucks",
                value=600,
                qualifier="about",
                counted_by="UN",
                period="day",
                sources=[Evidence(source="src-evil", text="About 600 trucks entered")],
            )
        )
        w.put(
            Event(
                id="ev-candidate",
                date="2025-01-21",
                type="ASSAULT",
                actors=["Israel"],
                summary=f"Strike reported {EVIL}",
                state="candidate",
                confidence=0.4,
                sources=[Evidence(source="src-plain")],
            )
        )
    return dossier


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with small costs: the same code path, a fraction of the time."""
    from argon2 import PasswordHasher

    from truceline.app import accounts

    monkeypatch.setattr(accounts, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024))


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test dossier's database, built once; each test gets a copy."""
    folder = tmp_path_factory.mktemp("template") / "dossier"
    build(folder).close()
    return folder / DB_FILE


@pytest.fixture
def dossier(tmp_path: Path, template_db: Path) -> Iterator[Dossier]:
    folder = tmp_path / "dossier"
    folder.mkdir()
    shutil.copy(template_db, folder / DB_FILE)
    d = Dossier.open(folder)
    yield d
    d.close()


@pytest.fixture
def client(dossier: Dossier) -> Iterator[TestClient]:
    with TestClient(create_app(dossier)) as c:
        yield c


@pytest.fixture
def public_client(dossier: Dossier) -> Iterator[TestClient]:
    with TestClient(create_app(dossier, WebSettings(mode=Mode.PUBLIC))) as c:
        yield c


@pytest.fixture
def team_app(dossier: Dossier):  # type: ignore[no-untyped-def]
    dossier.add_user("vera", "viewer-pass", "viewer")
    dossier.add_user("ana", "analyst-pass", "analyst")
    return create_app(dossier, WebSettings(mode=Mode.TEAM))


def _csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert found, "no CSRF token on the page"
    return found.group(1)


def _login(client: TestClient, name: str, password: str) -> None:
    token = _csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={"username": name, "password": password, "csrf": token, "next": "/"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


@pytest.fixture
def csrf_of():  # type: ignore[no-untyped-def]
    """Read the CSRF token from a page's HTML."""
    return _csrf_of


@pytest.fixture
def login():  # type: ignore[no-untyped-def]
    """Sign a test client in through the login form."""
    return _login


@pytest.fixture
def make_client():  # type: ignore[no-untyped-def]
    """Build a TestClient for an app (the class itself, imported without its warning)."""
    return TestClient
