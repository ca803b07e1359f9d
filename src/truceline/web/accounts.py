"""Team-mode accounts and sessions: argon2 password hashes, roles, a login rate limit.

    add_user(store, name, password, role)      create or replace an account
    authenticate(store, name, password)        → role, or None
    open_session / session_user / close_session
    LoginLimiter                               refuses a burst of failed logins, counted
                                               in the database so all workers share it

A session cookie holds a random token; the database keeps only its SHA-256.
The tables live in the account database (``account_db``), not in the file people share.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from truceline.store import Store
from truceline.web.account_db import accounts_engine
from truceline.web.settings import WebError
from truceline.web.tables import ROLES, login_failures, sessions, users

_HASHER = PasswordHasher()
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,79}$")
# A hash to verify against when the user does not exist, so timing does not tell.
_DUMMY = _HASHER.hash("not a password")


@dataclass(frozen=True)
class Viewer:
    """Who is looking at a page: a name (None when anonymous) and a role."""

    name: str | None
    role: str

    def can(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


def add_user(store: Store, name: str, password: str, role: str) -> None:
    """Create an account, or replace its password and role."""
    if not _NAME.match(name):
        raise WebError(f"bad user name {name!r}: letters, digits and . _ @ - only")
    if role not in ROLES:
        raise WebError(f"unknown role {role!r}; expected one of {', '.join(ROLES)}")
    if len(password) < 8:
        raise WebError("the password must have at least 8 characters")
    values = {"password_hash": _HASHER.hash(password), "role": role}
    with accounts_engine(store).begin() as conn:
        found = conn.execute(sa.select(users.c.username).where(users.c.username == name)).first()
        if found:
            conn.execute(users.update().where(users.c.username == name).values(**values))
            conn.execute(sessions.delete().where(sessions.c.username == name))
        else:
            conn.execute(users.insert().values(username=name, created=_now(), **values))


def list_users(store: Store) -> list[tuple[str, str]]:
    with accounts_engine(store).connect() as conn:
        rows = conn.execute(sa.select(users.c.username, users.c.role).order_by(users.c.username))
        return [(u, r) for u, r in rows]


def remove_user(store: Store, name: str) -> bool:
    with accounts_engine(store).begin() as conn:
        conn.execute(sessions.delete().where(sessions.c.username == name))
        return bool(conn.execute(users.delete().where(users.c.username == name)).rowcount)


def authenticate(store: Store, name: str, password: str) -> str | None:
    """The account's role if the password is right, else None."""
    with accounts_engine(store).connect() as conn:
        row = conn.execute(
            sa.select(users.c.password_hash, users.c.role).where(users.c.username == name)
        ).first()
    try:
        _HASHER.verify(row[0] if row else _DUMMY, password)
    except (VerificationError, InvalidHashError):
        return None
    return row[1] if row else None


def open_session(store: Store, name: str, hours: int) -> str:
    """A new session for ``name``; returns the token for the cookie."""
    token = secrets.token_urlsafe(32)
    now = _now()
    with accounts_engine(store).begin() as conn:
        conn.execute(sessions.delete().where(sessions.c.expires < now))
        conn.execute(
            sessions.insert().values(
                token_hash=_hash(token),
                username=name,
                created=now,
                expires=now + dt.timedelta(hours=hours),
            )
        )
    return token


def session_user(store: Store, token: str) -> Viewer | None:
    """The signed-in user a session token belongs to, if it is current."""
    query = (
        sa.select(users.c.username, users.c.role, sessions.c.expires)
        .join(users, users.c.username == sessions.c.username)
        .where(sessions.c.token_hash == _hash(token))
    )
    with accounts_engine(store).connect() as conn:
        row = conn.execute(query).first()
    if row is None:
        return None
    if _aware(row.expires) < _now():
        return None
    return Viewer(row.username, row.role)


def close_session(store: Store, token: str) -> None:
    with accounts_engine(store).begin() as conn:
        conn.execute(sessions.delete().where(sessions.c.token_hash == _hash(token)))


class LoginLimiter:
    """At most ``attempts`` failed logins per client address and per user name in a window.

    The failures are rows of the ``login_failures`` table (in the account database),
    not state of this process: every worker of ``truceline serve --workers N`` counts the same ones, and a
    restart does not forget them. ``clock`` exists so that tests can let a window pass.
    """

    def __init__(
        self,
        attempts: int,
        window_seconds: int,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self.attempts = attempts
        self.window = dt.timedelta(seconds=window_seconds)
        self.clock = clock or _now

    def retry_after(self, store: Store, client: str, name: str) -> int:
        """Seconds to wait before another try (0: go ahead)."""
        now = self.clock()
        wait = 0.0
        with accounts_engine(store).connect() as conn:
            for kind, key in _limit_keys(client, name):
                count, oldest = _failures_since(conn, kind, key, now - self.window)
                if oldest is not None and count >= self.attempts:
                    wait = max(wait, (_aware(oldest) + self.window - now).total_seconds())
        return int(wait) + 1 if wait else 0

    def failed(self, store: Store, client: str, name: str) -> None:
        """Count a failure against the address and the name.

        Rows only ever arrive here, so dropping the ones no window can count any more
        in the same transaction keeps the table bounded without a separate sweeper.
        """
        now = self.clock()
        rows = [
            {"kind": kind, "key_hash": _hash(key), "at": now}
            for kind, key in _limit_keys(client, name)
        ]
        with accounts_engine(store).begin() as conn:
            conn.execute(login_failures.delete().where(login_failures.c.at <= now - self.window))
            conn.execute(login_failures.insert(), rows)

    def succeeded(self, store: Store, client: str, name: str) -> None:
        """Forget the name's failures, not the address's: signing in to one account
        must not reset the count of an address guessing at others."""
        kind, key = _limit_keys(client, name)[1]
        with accounts_engine(store).begin() as conn:
            conn.execute(
                login_failures.delete().where(
                    login_failures.c.kind == kind, login_failures.c.key_hash == _hash(key)
                )
            )


def _limit_keys(client: str, name: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """The (kind, key) pairs a login counts against; names fold case, as people type them."""
    return ("ip", client), ("user", name.casefold())


def _failures_since(
    conn: sa.Connection, kind: str, key: str, since: dt.datetime
) -> tuple[int, dt.datetime | None]:
    """How many failures a key has after ``since``, and the oldest of them (one query)."""
    query = sa.select(sa.func.count(), sa.func.min(login_failures.c.at)).where(
        login_failures.c.kind == kind,
        login_failures.c.key_hash == _hash(key),
        login_failures.c.at > since,
    )
    count, oldest = conn.execute(query).one()
    return count, oldest


def _aware(value: dt.datetime) -> dt.datetime:
    """A stored time in UTC: SQLite hands it back without its zone."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
