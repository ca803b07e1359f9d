"""How the dashboard runs: its access mode and the few knobs around it.

local   one user on this machine (the default): no accounts, every action allowed,
        and the server only binds to a loopback address
public  read-only, for publishing: no login, no review, every write refused
team    accounts with roles (viewer < analyst < admin), sessions, CSRF, login rate limit
"""

from __future__ import annotations

import ipaddress
import secrets
from dataclasses import dataclass, field
from enum import StrEnum

from truceline.errors import TrucelineError

ENV_PREFIX = "TRUCELINE_WEB_"
"""Environment variables that configure the dashboard (and reach every worker process)."""


class WebError(TrucelineError):
    """The dashboard cannot start as asked (an unsafe bind address, a bad account …)."""


class Mode(StrEnum):
    LOCAL = "local"
    PUBLIC = "public"
    TEAM = "team"


@dataclass(frozen=True)
class WebSettings:
    """Options of one dashboard app; ``static`` renders links as files (for ``publish``)."""

    mode: Mode = Mode.LOCAL
    static: bool = False
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)
    page_size: int = 50
    session_hours: int = 12
    login_attempts: int = 5
    login_window_seconds: int = 300
    local_user: str = "web"
    secure_cookies: bool = False

    @property
    def read_only(self) -> bool:
        return self.mode is Mode.PUBLIC or self.static


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses (127.0.0.0/8, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, mode: Mode) -> None:
    """Refuse to expose the single-user local mode on a non-loopback address."""
    if mode is Mode.LOCAL and not is_loopback(host):
        raise WebError(
            f"refusing to serve the local single-user dashboard on {host}: anyone who can "
            "reach it could edit the dossier. Bind to 127.0.0.1, or pass --public "
            "(read-only) or --team (accounts: `truceline users add NAME --role analyst`)"
        )
