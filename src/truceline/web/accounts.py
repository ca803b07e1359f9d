"""Team-mode accounts and sessions: argon2 password hashes, roles, a login rate limit.

    add_user(store, name, password, role)      create or replace an account
    authenticate(store, name, password)        → role, or None
    open_session / session_user / close_session
    LoginLimiter                               refuses a burst of failed logins, counted
                                               in the database so all workers share it

A session cookie holds a random token; the database keeps only its SHA-256. The
rows are read and written by ``truceline.store.accounts``, in the account database
(``truceline.store.account_db``), never in the file people share.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from truceline.store import Store
from truceline.store import accounts as rows
from truceline.web.settings import WebError

ROLES = ("viewer", "analyst", "admin")  # each may do what the ones before it may

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
    rows.put_user(store, name, _HASHER.hash(password), role, _now())


def list_users(store: Store) -> list[tuple[str, str]]:
    """(name, role) of every account, by name."""
    return [(a.username, a.role) for a in rows.accounts(store)]


def remove_user(store: Store, name: str) -> bool:
    return rows.delete_user(store, name)


def authenticate(store: Store, name: str, password: str) -> str | None:
    """The account's role if the password is right, else None."""
    found = rows.credentials(store, name)
    try:
        _HASHER.verify(found[0] if found else _DUMMY, password)
    except (VerificationError, InvalidHashError):
        return None
    return found[1] if found else None


def open_session(store: Store, name: str, hours: int) -> str:
    """A new session for ``name``; returns the token for the cookie."""
    token = secrets.token_urlsafe(32)
    now = _now()
    rows.add_session(store, _hash(token), name, now, now + dt.timedelta(hours=hours))
    return token


def session_user(store: Store, token: str) -> Viewer | None:
    """The signed-in user a session token belongs to, if it is current."""
    found = rows.session_account(store, _hash(token))
    if found is None:
        return None
    account, expires = found
    if expires < _now():
        return None
    return Viewer(account.username, account.role)


def close_session(store: Store, token: str) -> None:
    rows.delete_session(store, _hash(token))


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
        for count, oldest in rows.failures_since(
            store, _limit_keys(client, name), now - self.window
        ):
            if oldest is not None and count >= self.attempts:
                wait = max(wait, (oldest + self.window - now).total_seconds())
        return int(wait) + 1 if wait else 0

    def failed(self, store: Store, client: str, name: str) -> None:
        """Count a failure against the address and the name (and forget the failures
        no window can count any more)."""
        now = self.clock()
        rows.add_failures(store, _limit_keys(client, name), now, now - self.window)

    def succeeded(self, store: Store, client: str, name: str) -> None:
        """Forget the name's failures, not the address's: signing in to one account
        must not reset the count of an address guessing at others."""
        kind, key_hash = _limit_keys(client, name)[1]
        rows.clear_failures(store, kind, key_hash)


def _limit_keys(client: str, name: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """The (kind, key hash) pairs a login counts against; names fold case, as people
    type them."""
    return ("ip", _hash(client)), ("user", _hash(name.casefold()))


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
