"""Team-mode accounts and sessions: argon2 password hashes, roles, a login rate limit.

    add_user(store, name, password, role)      create or replace an account
    authenticate(store, name, password)        → role, or None
    open_session / session_user / close_session
    LoginLimiter                               refuses a burst of failed logins

A session cookie holds a random token; the database keeps only its SHA-256.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from threading import Lock

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from truceline.store import Store
from truceline.web.settings import WebError
from truceline.web.tables import ROLES, sessions, users

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
    with store.engine.begin() as conn:
        found = conn.execute(sa.select(users.c.username).where(users.c.username == name)).first()
        if found:
            conn.execute(users.update().where(users.c.username == name).values(**values))
            conn.execute(sessions.delete().where(sessions.c.username == name))
        else:
            conn.execute(users.insert().values(username=name, created=_now(), **values))


def list_users(store: Store) -> list[tuple[str, str]]:
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(users.c.username, users.c.role).order_by(users.c.username))
        return [(u, r) for u, r in rows]


def remove_user(store: Store, name: str) -> bool:
    with store.engine.begin() as conn:
        conn.execute(sessions.delete().where(sessions.c.username == name))
        return bool(conn.execute(users.delete().where(users.c.username == name)).rowcount)


def authenticate(store: Store, name: str, password: str) -> str | None:
    """The account's role if the password is right, else None."""
    with store.engine.connect() as conn:
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
    with store.engine.begin() as conn:
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
    with store.engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None:
        return None
    expires = row.expires if row.expires.tzinfo else row.expires.replace(tzinfo=dt.UTC)
    if expires < _now():
        return None
    return Viewer(row.username, row.role)


def close_session(store: Store, token: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(sessions.delete().where(sessions.c.token_hash == _hash(token)))


class LoginLimiter:
    """At most ``attempts`` failed logins per client address and per user name in a window."""

    def __init__(self, attempts: int, window_seconds: int) -> None:
        self.attempts = attempts
        self.window = window_seconds
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = Lock()

    def _keys(self, client: str, name: str) -> tuple[str, str]:
        return f"ip:{client}", f"user:{name.casefold()}"

    def retry_after(self, client: str, name: str) -> int:
        """Seconds to wait before another try (0: go ahead)."""
        now = time.monotonic()
        wait = 0.0
        with self._lock:
            for key in self._keys(client, name):
                failures = self._failures[key]
                while failures and failures[0] <= now - self.window:
                    failures.popleft()
                if len(failures) >= self.attempts:
                    wait = max(wait, failures[0] + self.window - now)
        return int(wait) + 1 if wait else 0

    def failed(self, client: str, name: str) -> None:
        with self._lock:
            for key in self._keys(client, name):
                self._failures[key].append(time.monotonic())

    def succeeded(self, client: str, name: str) -> None:
        with self._lock:
            self._failures.pop(self._keys(client, name)[1], None)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
