"""Accounts stay out of the file people share: a SQLite dossier's truceline.db holds
no password hash, session or login failure; web.db beside it holds them."""

from __future__ import annotations

import sqlite3

from truceline.app import DB_FILE
from truceline.store.account_db import ACCOUNTS_FILE, accounts_engine


def _tables(path) -> set[str]:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()


def test_a_signed_in_team_leaves_nothing_in_the_shared_file(
    team_app, make_client, login, csrf_of, dossier
):
    with make_client(team_app) as c:
        token = csrf_of(c.get("/login").text)
        c.post("/login", data={"username": "ana", "password": "wrong-pass", "csrf": token})
        login(c, "ana", "analyst-pass")
        assert c.get("/review").status_code == 200
    accounts_engine(dossier.store).dispose()
    dossier.close()  # checkpoint the WAL into the files

    shared = dossier.path / DB_FILE
    assert _tables(shared).isdisjoint({"users", "sessions", "login_failures"})
    assert b"$argon2" not in shared.read_bytes()
    private = dossier.path / ACCOUNTS_FILE
    assert {"users", "sessions", "login_failures"} <= _tables(private)
    conn = sqlite3.connect(private)
    try:
        assert conn.execute("SELECT count(*) FROM sessions").fetchone() == (1,)
        # the address's failure; signing in cleared the name's
        assert conn.execute("SELECT count(*) FROM login_failures").fetchone() == (1,)
        hashes = [row[0] for row in conn.execute("SELECT password_hash FROM users")]
    finally:
        conn.close()
    assert hashes and all(h.startswith("$argon2") for h in hashes)
