"""Team-mode accounts and sessions: argon2 password hashes, roles, a login rate limit.

    Dossier.add_user(name, password, role)     create or replace an account
    Dossier.users() / remove_user(name)
    Dossier.authenticate(name, password)       → role, or None
    Dossier.open_session / session_user / close_session
    LoginLimiter                               refuses a burst of failed logins, counted
                                               in the database so all workers share it

The policy lives here (what a valid name is, which roles exist, hashing passwords
and session tokens before they are stored), not in a face: ``truceline users add``
and the dashboard's sign-in page apply the same rules. A session token is random;
the database keeps only its SHA-256. The rows are read and written by
``truceline.store.accounts``, in the account database (``truceline.store.account_db``),
never in the file people share.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from truceline.errors import AccountError
from truceline.store import Store
from truceline.store import accounts as rows

if TYPE_CHECKING:
    from argon2 import PasswordHasher

ROLES = ("viewer", "analyst", "admin")  # each may do what the ones before it may

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,79}$")
_HASHER: PasswordHasher | None = None  # made on first use, see ``_hasher``


@dataclass(frozen=True)
class Viewer:
    """Who is acting: a name (None when anonymous) and a role."""

    name: str | None
    role: str

    def can(self, role: str) -> bool:
        """Whether this role may do what ``role`` may (roles are ordered, see ``ROLES``)."""
        return ROLES.index(self.role) >= ROLES.index(role)


class Accounts:
    """The account use cases of a ``Dossier`` (a mixin: ``self.store`` is the dossier's)."""

    store: Store

    def add_user(self, name: str, password: str, role: str) -> None:
        """Create an account, or replace its password and role (signing out its sessions)."""
        if not _NAME.match(name):
            raise AccountError(f"bad user name {name!r}: letters, digits and . _ @ - only")
        if role not in ROLES:
            raise AccountError(f"unknown role {role!r}; expected one of {', '.join(ROLES)}")
        if len(password) < 8:
            raise AccountError("the password must have at least 8 characters")
        rows.put_user(self.store, name, _hasher().hash(password), role, _now())

    def users(self) -> list[tuple[str, str]]:
        """(name, role) of every account, by name."""
        return [(a.username, a.role) for a in rows.accounts(self.store)]

    def remove_user(self, name: str) -> None:
        """Remove an account and end its sessions; an unknown name is an error."""
        if not rows.delete_user(self.store, name):
            raise AccountError(f"no user {name!r}")

    def authenticate(self, name: str, password: str) -> str | None:
        """The account's role if the password is right, else None."""
        from argon2.exceptions import InvalidHashError, VerificationError  # lazy: see _hasher

        found = rows.credentials(self.store, name)
        try:
            _hasher().verify(found[0] if found else _dummy_hash(), password)
        except (VerificationError, InvalidHashError):
            return None
        return found[1] if found else None

    def open_session(self, name: str, hours: int) -> str:
        """A new session for ``name``; returns the token to hand to the client."""
        token = secrets.token_urlsafe(32)
        now = _now()
        rows.add_session(self.store, _hash(token), name, now, now + dt.timedelta(hours=hours))
        return token

    def session_user(self, token: str) -> Viewer | None:
        """The signed-in user a session token belongs to, if the session is current."""
        found = rows.session_account(self.store, _hash(token))
        if found is None:
            return None
        account, expires = found
        if expires < _now():
            return None
        return Viewer(account.username, account.role)

    def close_session(self, token: str) -> None:
        rows.delete_session(self.store, _hash(token))


class LoginLimiter:
    """At most ``attempts`` failed logins per client address and per user name in a window.

    The failures are rows of the ``login_failures`` table (in the account database of
    the dossier each call is given), not state of this object: every worker of
    ``truceline serve --workers N`` counts the same ones, and a restart does not
    forget them. ``clock`` exists so that tests can let a window pass.
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

    def retry_after(self, dossier: Accounts, client: str, name: str) -> int:
        """Seconds to wait before another try (0: go ahead)."""
        now = self.clock()
        wait = 0.0
        for count, oldest in rows.failures_since(
            dossier.store, _limit_keys(client, name), now - self.window
        ):
            if oldest is not None and count >= self.attempts:
                wait = max(wait, (oldest + self.window - now).total_seconds())
        return int(wait) + 1 if wait else 0

    def failed(self, dossier: Accounts, client: str, name: str) -> None:
        """Count a failure against the address and the name (and forget the failures
        no window can count any more)."""
        now = self.clock()
        rows.add_failures(dossier.store, _limit_keys(client, name), now, now - self.window)

    def succeeded(self, dossier: Accounts, client: str, name: str) -> None:
        """Forget the name's failures, not the address's: signing in to one account
        must not reset the count of an address guessing at others."""
        kind, key_hash = _limit_keys(client, name)[1]
        rows.clear_failures(dossier.store, kind, key_hash)


def _hasher() -> PasswordHasher:
    """The argon2 hasher, made when an account is first touched.

    Lazy because every CLI command imports this module (through ``Dossier``):
    loading argon2's C extension there would slow down commands that never see
    an account. Tests replace ``_HASHER`` with a cheaper one.
    """
    global _HASHER
    if _HASHER is None:
        from argon2 import PasswordHasher

        _HASHER = PasswordHasher()
    return _HASHER


@functools.cache
def _dummy_hash() -> str:
    """A hash to verify against when the user does not exist, so timing does not tell
    (made once: hashing takes as long as a sign-in)."""
    return _hasher().hash("not a password")


def _limit_keys(client: str, name: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """The (kind, key hash) pairs a login counts against; names fold case, as people
    type them."""
    return ("ip", _hash(client)), ("user", _hash(name.casefold()))


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
