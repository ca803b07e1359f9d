"""Rows of the dashboard's accounts: users, sessions and failed sign-ins.

Only storage: the policy (password hashing, roles, the login limit, what is
hashed before it is stored) is ``truceline.app.accounts``, which passes hashes
in and gets rows back. Times are handed back in UTC with their zone (SQLite
drops it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

import sqlalchemy as sa

from truceline.store.account_db import accounts_engine
from truceline.store.schema import login_failures, sessions, users
from truceline.store.store import Store


class Account(NamedTuple):
    username: str
    role: str


class Failures(NamedTuple):
    """A key's failed sign-ins in a window: how many, and when the oldest was."""

    number: int
    oldest: dt.datetime | None


def put_user(store: Store, name: str, password_hash: str, role: str, now: dt.datetime) -> None:
    """Create an account, or replace its password and role (signing out its sessions)."""
    values = {"password_hash": password_hash, "role": role}
    with accounts_engine(store).begin() as conn:
        found = conn.execute(sa.select(users.c.username).where(users.c.username == name)).first()
        if found:
            conn.execute(users.update().where(users.c.username == name).values(**values))
            conn.execute(sessions.delete().where(sessions.c.username == name))
        else:
            conn.execute(users.insert().values(username=name, created=now, **values))


def accounts(store: Store) -> list[Account]:
    """Every account, by name."""
    with accounts_engine(store).connect() as conn:
        rows = conn.execute(sa.select(users.c.username, users.c.role).order_by(users.c.username))
        return [Account(u, r) for u, r in rows]


def delete_user(store: Store, name: str) -> bool:
    """Remove an account and its sessions; False when there was no such account."""
    with accounts_engine(store).begin() as conn:
        conn.execute(sessions.delete().where(sessions.c.username == name))
        return bool(conn.execute(users.delete().where(users.c.username == name)).rowcount)


def credentials(store: Store, name: str) -> tuple[str, str] | None:
    """The account's password hash and role, or None."""
    with accounts_engine(store).connect() as conn:
        row = conn.execute(
            sa.select(users.c.password_hash, users.c.role).where(users.c.username == name)
        ).first()
    return (row[0], row[1]) if row else None


def add_session(
    store: Store, token_hash: str, name: str, now: dt.datetime, expires: dt.datetime
) -> None:
    """Keep a new session, and drop the sessions expired by ``now`` in the same transaction."""
    with accounts_engine(store).begin() as conn:
        conn.execute(sessions.delete().where(sessions.c.expires < now))
        conn.execute(
            sessions.insert().values(
                token_hash=token_hash, username=name, created=now, expires=expires
            )
        )


def session_account(store: Store, token_hash: str) -> tuple[Account, dt.datetime] | None:
    """The account a session belongs to and when the session expires, or None."""
    query = (
        sa.select(users.c.username, users.c.role, sessions.c.expires)
        .join(users, users.c.username == sessions.c.username)
        .where(sessions.c.token_hash == token_hash)
    )
    with accounts_engine(store).connect() as conn:
        row = conn.execute(query).first()
    if row is None:
        return None
    return Account(row.username, row.role), _aware(row.expires)


def delete_session(store: Store, token_hash: str) -> None:
    with accounts_engine(store).begin() as conn:
        conn.execute(sessions.delete().where(sessions.c.token_hash == token_hash))


def failures_since(
    store: Store, keys: Sequence[tuple[str, str]], since: dt.datetime
) -> list[Failures]:
    """For each (kind, key hash), its failures after ``since`` (one query per key)."""
    t = login_failures
    out = []
    with accounts_engine(store).connect() as conn:
        for kind, key_hash in keys:
            query = sa.select(sa.func.count(), sa.func.min(t.c.at)).where(
                t.c.kind == kind, t.c.key_hash == key_hash, t.c.at > since
            )
            count, oldest = conn.execute(query).one()
            out.append(Failures(count, _aware(oldest) if oldest is not None else None))
    return out


def add_failures(
    store: Store, keys: Sequence[tuple[str, str]], at: dt.datetime, prune_before: dt.datetime
) -> None:
    """Count a failure at ``at`` against each (kind, key hash).

    Rows only ever arrive here, so dropping those at or before ``prune_before`` (no
    window can count them any more) in the same transaction keeps the table bounded
    without a separate sweeper.
    """
    t = login_failures
    rows = [{"kind": kind, "key_hash": key_hash, "at": at} for kind, key_hash in keys]
    with accounts_engine(store).begin() as conn:
        conn.execute(t.delete().where(t.c.at <= prune_before))
        conn.execute(t.insert(), rows)


def clear_failures(store: Store, kind: str, key_hash: str) -> None:
    """Forget every failure of one key."""
    t = login_failures
    with accounts_engine(store).begin() as conn:
        conn.execute(t.delete().where(t.c.kind == kind, t.c.key_hash == key_hash))


def _aware(value: dt.datetime) -> dt.datetime:
    """A stored time in UTC: SQLite hands it back without its zone."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
