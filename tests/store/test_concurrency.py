"""Concurrent writers lose nothing: several processes on SQLite and on a real PostgreSQL.

Each writer process changes its own field of the same few records (one of them
accepts and rejects in turn), or imports a folder into the same dossier. Every
call must succeed, every field must hold its writer's last value, and every
revision's "before" must be the previous revision's "after".
"""

from __future__ import annotations

import multiprocessing
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from truceline.app import Dossier, IngestOptions
from truceline.cli import app as cli
from truceline.cli.errors import run
from truceline.errors import StoreError
from truceline.model import Event, Evidence, Source
from truceline.store import Store
from truceline.store import store as store_module

RECORDS = [f"ev-{n}" for n in range(4)]
ROUNDS = 8  # each writer makes ROUNDS changes to each record: 32 calls a writer
BASIC = Path(__file__).parents[1] / "fixtures" / "basic"
_FORK = multiprocessing.get_context("fork")  # the writers are closures of this test module


def _edit_notes(dossier: Dossier, i: int, rid: str) -> None:
    dossier.edit(rid, {"notes": f"notes {i}"}, by="notes")


def _edit_fatalities(dossier: Dossier, i: int, rid: str) -> None:
    dossier.edit(rid, {"fatalities": i}, by="fatalities")


def _edit_location(dossier: Dossier, i: int, rid: str) -> None:
    dossier.edit(rid, {"location": f"place {i}"}, by="location")


def _accept_or_reject(dossier: Dossier, i: int, rid: str) -> None:
    (dossier.accept if i % 2 == 0 else dossier.reject)([rid], by="state")


WRITERS: list[Callable[[Dossier, int, str], None]] = [
    _edit_notes,
    _edit_fatalities,
    _edit_location,
    _accept_or_reject,
]
LAST = {
    "notes": f"notes {ROUNDS - 1}",
    "fatalities": ROUNDS - 1,
    "location": f"place {ROUNDS - 1}",
    "state": "accepted" if (ROUNDS - 1) % 2 == 0 else "rejected",
}


def _run_processes(target: Callable[..., None], args: list[tuple[Any, ...]]) -> list[str]:
    """Run ``target(queue, *a)`` for each ``a`` in its own process; the errors they report."""
    queue = _FORK.Queue()
    processes = [_FORK.Process(target=target, args=(queue, *a)) for a in args]
    for process in processes:
        process.start()
    results = [queue.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=120)
    return [r for r in results if r != "ok"]


def _report(queue: Any, work: Callable[[], None]) -> None:
    try:
        work()
    except Exception as exc:  # reported to the parent, which asserts there are none
        queue.put(f"{type(exc).__name__}: {exc}")
    else:
        queue.put("ok")


def _writer(queue: Any, path: Path, url: str, n: int) -> None:
    def work() -> None:
        with Dossier.open(path, url) as dossier:
            for i in range(ROUNDS):
                for rid in RECORDS:
                    WRITERS[n](dossier, i, rid)

    _report(queue, work)


def _importer(queue: Any, path: Path, url: str, folder: Path) -> None:
    def work() -> None:
        with Dossier.open(path, url) as dossier:
            dossier.import_dir(folder, by=folder.name)

    _report(queue, work)


def _ingester(queue: Any, path: Path, url: str, files: list[Path]) -> None:
    def work() -> None:
        with Dossier.open(path, url) as dossier:
            dossier.ingest(files, IngestOptions(extract=False))

    _report(queue, work)


def _broken_links(store: Store, object_id: str) -> int:
    """Revisions whose "before" is not the previous revision's "after"."""
    history = store.history(object_id)
    return sum(1 for a, b in zip(history, history[1:], strict=False) if b.before != a.after)


def _seed(path: Path, url: str) -> None:
    text = "Strikes were reported across the strip."
    with Dossier.init(path, url) as dossier, dossier.store.writer("seed") as writer:
        writer.put(Source(id="src-1", outlet="Wire", text=text))
        for rid in RECORDS:
            writer.put(
                Event(
                    id=rid,
                    state="candidate",
                    type="ASSAULT",
                    summary="Strikes were reported.",
                    sources=[Evidence(source="src-1", start=0, end=7)],
                )
            )


def test_concurrent_edits_keep_every_last_write_and_connected_chains(
    dossier_path: Path, db_url: str
) -> None:
    _seed(dossier_path, db_url)
    errors = _run_processes(_writer, [(dossier_path, db_url, n) for n in range(len(WRITERS))])

    with Dossier.open(dossier_path, db_url) as dossier:
        store = dossier.store
        found = {
            "errors": errors,
            "lost updates": sum(
                1
                for rid in RECORDS
                for field, value in LAST.items()
                if getattr(store.get(rid), field) != value
            ),
            "broken links": sum(_broken_links(store, rid) for rid in RECORDS),
            "revisions": sum(len(store.history(rid)) for rid in RECORDS),
        }
    expected_revisions = len(RECORDS) * (1 + len(WRITERS) * ROUNDS)
    assert found == {
        "errors": [],
        "lost updates": 0,
        "broken links": 0,
        "revisions": expected_revisions,
    }


def _version(tmp_path: Path, k: int) -> Path:
    """The basic fixture with every event's notes saying ``version k``."""
    folder = tmp_path / f"version-{k}"
    shutil.copytree(BASIC, folder)
    records = yaml.safe_load((folder / "records.yaml").read_text())
    for event in records["events"]:
        event["notes"] = f"version {k}"
    (folder / "records.yaml").write_text(yaml.safe_dump(records, allow_unicode=True))
    return folder


def test_concurrent_imports_of_new_versions_chain_every_revision(
    tmp_path: Path, dossier_path: Path, db_url: str
) -> None:
    with Dossier.init(dossier_path, db_url) as dossier:
        dossier.import_dir(BASIC)
        events = [r.id for r in dossier.store.records(kind="event")]
    folders = [_version(tmp_path, k) for k in range(1, 5)]

    errors = _run_processes(_importer, [(dossier_path, db_url, f) for f in folders])

    with Dossier.open(dossier_path, db_url) as dossier:
        store = dossier.store
        histories = {rid: store.history(rid) for rid in events}
        assert errors == []
        assert {rid: len(h) for rid, h in histories.items()} == {rid: 5 for rid in events}
        assert sum(_broken_links(store, rid) for rid in events) == 0
        for rid, history in histories.items():
            assert store.get(rid).notes == f"version {history[-1].by.removeprefix('version-')}"


def test_concurrent_identical_imports_all_succeed_and_create_once(
    dossier_path: Path, db_url: str
) -> None:
    Dossier.init(dossier_path, db_url).close()

    errors = _run_processes(_importer, [(dossier_path, db_url, BASIC)] * 4)

    with Dossier.open(dossier_path, db_url) as dossier:
        store = dossier.store
        ids = [s.id for s in store.sources()] + [r.id for r in store.records()]
        assert errors == []
        assert len(ids) == 6
        assert {oid: len(store.history(oid)) for oid in ids} == {oid: 1 for oid in ids}


def test_concurrent_overlapping_ingests_all_succeed_and_store_each_source_once(
    tmp_path: Path, dossier_path: Path, db_url: str
) -> None:
    Dossier.init(dossier_path, db_url).close()
    files = []
    for name in "abc":
        files.append(tmp_path / f"{name}.txt")
        files[-1].write_text(f"Report {name}: aid trucks crossed at Kerem Shalom on Monday.\n")
    overlapping = [[files[0], files[1]], [files[1], files[2]], [files[2], files[0]]]

    errors = _run_processes(_ingester, [(dossier_path, db_url, f) for f in overlapping])

    with Dossier.open(dossier_path, db_url) as dossier:
        ids = [s.id for s in dossier.store.sources()]
        assert errors == []
        assert len(ids) == 3
        assert [len(dossier.store.history(oid)) for oid in ids] == [1, 1, 1]


def test_a_writer_kept_waiting_too_long_gives_up_in_one_line(
    dossier_path: Path, db_url: str
) -> None:
    _seed(dossier_path, db_url)
    holder, waiter = Store(db_url), Store(db_url, busy_timeout=0.2)
    try:
        with (
            holder.writer("slow import"),
            pytest.raises(StoreError, match="busy") as raised,
            waiter.writer("late"),
        ):
            pass
        with waiter.writer("later") as writer:  # the lock is free again
            writer.set_state(RECORDS[0], "accepted")
    finally:
        holder.close()
        waiter.close()
    assert "\n" not in str(raised.value)
    assert waiter.get(RECORDS[0]).state == "accepted"


def test_a_command_kept_waiting_behind_an_import_says_so_in_one_line(
    dossier_path: Path,
    db_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _seed(dossier_path, db_url)
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT", 0.2)
    argv = ["truceline", "review", "accept", RECORDS[0], "-d", str(dossier_path), "--db", db_url]
    monkeypatch.setattr(sys, "argv", argv)
    holder = Store(db_url)
    try:
        with holder.writer("long import"), pytest.raises(SystemExit) as exited:
            run(cli)
    finally:
        holder.close()
    out, err = capsys.readouterr()
    assert exited.value.code == 2
    assert "busy" in err and "Traceback" not in err + out
    assert len(err.strip().splitlines()) == 1
