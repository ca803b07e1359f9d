"""The login limit lives in the dossier database: workers share it, restarts keep it.

Each test runs on SQLite and on the session's real PostgreSQL. A "worker" is what
one uvicorn process of ``truceline serve --workers N`` has: its own ``Dossier``
(its own connection pool) and its own app over the same database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi import FastAPI

from truceline.app import Dossier, LoginLimiter
from truceline.store.account_db import accounts_engine
from truceline.store.schema import login_failures
from truceline.web import create_app
from truceline.web.settings import Mode, WebSettings

T0 = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)
Worker = Callable[..., FastAPI]


class Clock:
    """A wall clock the test moves by hand, so that a window passes without sleeping."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def team_db(tmp_path: Path, db_url: str) -> tuple[Path, str]:
    """A team dossier with one account, closed again: tests open it as workers do."""
    folder = tmp_path / "dossier"
    dossier = Dossier.init(folder, db_url)
    dossier.add_user("ana", "analyst-pass", "analyst")
    dossier.close()
    return folder, db_url


@pytest.fixture
def worker(team_db: tuple[Path, str]) -> Iterator[Worker]:
    """Start a worker over the shared database (optionally on a hand-moved clock)."""
    opened: list[Dossier] = []

    def start(clock: Clock | None = None) -> FastAPI:
        dossier = Dossier.open(*team_db)
        opened.append(dossier)
        app = create_app(dossier, WebSettings(mode=Mode.TEAM))
        if clock is not None:
            app.state.web.limiter.clock = clock
        return app

    yield start
    for dossier in opened:
        dossier.close()


@pytest.fixture
def shared(worker: Worker) -> Dossier:
    """A worker's dossier over the shared database, for the limiter on its own."""
    return worker().state.web.dossier  # type: ignore[no-any-return]


def sign_in(client, csrf_of, password: str, name: str = "ana"):  # type: ignore[no-untyped-def]
    token = csrf_of(client.get("/login").text)
    return client.post(
        "/login",
        data={"username": name, "password": password, "csrf": token, "next": "/"},
        follow_redirects=False,
    )


def fail(client, csrf_of, times: int) -> None:  # type: ignore[no-untyped-def]
    codes = [sign_in(client, csrf_of, "wrong").status_code for _ in range(times)]
    assert codes == [401] * times


def assert_refused(response) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 429
    assert "Too many failed sign-ins; try again in" in response.text
    assert int(response.headers["retry-after"]) > 0


def test_failures_through_one_worker_are_refused_by_another(worker, make_client, csrf_of):
    with make_client(worker()) as one, make_client(worker()) as two:
        fail(one, csrf_of, 5)
        assert_refused(sign_in(two, csrf_of, "analyst-pass"))
        assert_refused(sign_in(one, csrf_of, "wrong"))


def test_workers_add_up_their_failures(worker, make_client, csrf_of):
    with make_client(worker()) as one, make_client(worker()) as two:
        fail(one, csrf_of, 3)
        fail(two, csrf_of, 2)  # each worker alone has seen fewer than five
        assert_refused(sign_in(one, csrf_of, "analyst-pass"))


def test_a_restart_still_refuses_within_the_window(worker, make_client, csrf_of):
    first = worker()
    with make_client(first) as before:
        fail(before, csrf_of, 5)
    first.state.web.dossier.close()
    with make_client(worker()) as after:
        assert_refused(sign_in(after, csrf_of, "analyst-pass"))


def test_logins_are_allowed_again_once_the_window_passes(worker, make_client, csrf_of):
    clock = Clock()
    with make_client(worker(clock)) as one, make_client(worker(clock)) as two:
        fail(one, csrf_of, 5)
        clock.advance(299)
        refused = sign_in(two, csrf_of, "analyst-pass")
        assert_refused(refused)
        assert refused.headers["retry-after"] == "2"  # one second left, rounded up as before
        clock.advance(1)
        assert sign_in(two, csrf_of, "analyst-pass").status_code == 303


def test_old_failures_are_pruned(shared):
    clock = Clock()
    limiter = LoginLimiter(5, 300, clock)
    limiter.failed(shared, "10.0.0.1", "ana")
    clock.advance(100)
    limiter.failed(shared, "10.0.0.2", "bob")
    clock.advance(200)  # the first failure has just left the window
    limiter.failed(shared, "10.0.0.3", "cy")
    with accounts_engine(shared.store).connect() as conn:
        kept = conn.execute(sa.select(login_failures.c.at)).scalars().all()
    offsets = sorted((_utc(at) - T0).total_seconds() for at in kept)
    assert offsets == [100, 100, 300, 300]


def test_success_forgets_the_name_but_not_the_address(shared):
    limiter = LoginLimiter(5, 300)
    for _ in range(4):
        limiter.failed(shared, "10.0.0.1", "ana")
    limiter.succeeded(shared, "10.0.0.1", "Ana")
    limiter.failed(shared, "10.0.0.3", "ana")
    assert limiter.retry_after(shared, "10.0.0.2", "ana") == 0  # one failure since, not five
    limiter.failed(shared, "10.0.0.1", "bob")
    assert limiter.retry_after(shared, "10.0.0.1", "carol") > 0  # the address still has five


def test_names_are_counted_without_regard_to_case(shared):
    limiter = LoginLimiter(5, 300)
    for address in ("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5"):
        limiter.failed(shared, address, "ANA")
    assert limiter.retry_after(shared, "10.0.0.6", "ana") > 0
    assert limiter.retry_after(shared, "10.0.0.6", "bob") == 0


def test_a_name_of_any_length_is_counted(shared):
    limiter = LoginLimiter(1, 300)
    limiter.failed(shared, "10.0.0.1", "n" * 10_000)  # beyond any index entry's size
    assert limiter.retry_after(shared, "10.0.0.2", "N" * 10_000) > 0


def _utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
