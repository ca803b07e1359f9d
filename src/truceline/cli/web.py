"""Dashboard commands: `serve`, `publish`, `demo`, and `users` (team-mode accounts).

Glue only: the app is ``truceline.web.create_app``; the static site is
``truceline.web.publish`` (see docs/web.md).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from truceline.app import Dossier
from truceline.cli.app import app
from truceline.cli.compliance import print_summary
from truceline.cli.options import DbOpt, DossierOpt, open_dossier
from truceline.cli.progress import progress_bar
from truceline.web.settings import ENV_PREFIX, Mode, WebError, WebSettings, check_bind

console = Console()
err = Console(stderr=True)

HostOpt = Annotated[str, typer.Option("--host", help="Address to bind (loopback by default).")]
PortOpt = Annotated[int, typer.Option("--port", help="Port to listen on.")]
SecureCookiesOpt = Annotated[
    bool,
    typer.Option(
        "--secure-cookies",
        envvar=ENV_PREFIX + "SECURE_COOKIES",
        help="Mark cookies Secure (sent over HTTPS only): for a dashboard behind TLS.",
    ),
]
ForwardedOpt = Annotated[
    str | None,
    typer.Option(
        "--forwarded-allow-ips",
        envvar=ENV_PREFIX + "FORWARDED_ALLOW_IPS",
        help="Reverse proxies (comma-separated addresses) whose X-Forwarded-For and "
        "-Proto headers are believed. Default: none.",
    ),
]


@dataclass(frozen=True)
class ServeOptions:
    """How ``truceline serve`` runs: the mode and the knobs of a deployment."""

    host: str = "127.0.0.1"
    port: int = 8000
    public: bool = False
    team: bool = False
    workers: int = 1
    secure_cookies: bool = False
    forwarded_allow_ips: str | None = None


def _settings(options: ServeOptions) -> WebSettings:
    if options.public and options.team:
        raise WebError("choose one of --public and --team")
    mode = Mode.PUBLIC if options.public else Mode.TEAM if options.team else Mode.LOCAL
    return WebSettings(
        mode=mode,
        local_user=os.environ.get("USER") or "web",
        secure_cookies=options.secure_cookies,
    )


def _serve(dossier: Dossier, options: ServeOptions) -> None:
    # Lazy: uvicorn and the app (FastAPI, Jinja2) load only when a dashboard starts,
    # not at every start of the CLI.
    import uvicorn

    from truceline.web.app import create_app

    settings = _settings(options)
    host, port = options.host, options.port
    check_bind(host, settings.mode)
    shown = f"[{host}]" if ":" in host else host
    console.print(
        f"truceline dashboard ({settings.mode.value}) on http://{shown}:{port}/ — Ctrl-C to stop"
    )
    # uvicorn believes X-Forwarded-* from 127.0.0.1 unless told otherwise; any
    # local process could then pick the client address the login limit counts.
    run: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": "warning",
        "proxy_headers": options.forwarded_allow_ips is not None,
        "forwarded_allow_ips": options.forwarded_allow_ips,
    }
    if options.workers <= 1:
        uvicorn.run(create_app(dossier, settings), **run)
        return
    os.environ.update(
        {
            ENV_PREFIX + "DOSSIER": str(dossier.path),
            ENV_PREFIX + "DB": dossier.url,
            ENV_PREFIX + "MODE": settings.mode.value,
            ENV_PREFIX + "SECRET": settings.secret.hex(),
            ENV_PREFIX + "USER": settings.local_user,
            ENV_PREFIX + "SECURE_COOKIES": "1" if settings.secure_cookies else "0",
        }
    )
    uvicorn.run(
        "truceline.web.app:app_from_environment", factory=True, workers=options.workers, **run
    )


@app.command()
def serve(
    dossier: DossierOpt = Path("."),
    db: DbOpt = None,
    host: HostOpt = "127.0.0.1",
    port: PortOpt = 8000,
    public: Annotated[
        bool, typer.Option("--public", help="Read-only, for publishing: no review, no login.")
    ] = False,
    team: Annotated[
        bool, typer.Option("--team", help="Accounts with roles (see `truceline users add`).")
    ] = False,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Worker processes (one per core helps).")
    ] = 1,
    secure_cookies: SecureCookiesOpt = False,
    forwarded_allow_ips: ForwardedOpt = None,
) -> None:
    """Serve the dashboard. Local single-user on 127.0.0.1 unless --public or --team."""
    options = ServeOptions(host, port, public, team, workers, secure_cookies, forwarded_allow_ips)
    with open_dossier(dossier, db) as d:
        _serve(d, options)


@app.command()
def publish(
    outdir: Annotated[Path, typer.Argument(help="Folder to write the static site into.")],
    dossier: DossierOpt = Path("."),
    db: DbOpt = None,
) -> None:
    """Write the dashboard as a static site (no server needed) plus the data files."""
    from truceline.web.publish import publish as publish_site  # lazy: FastAPI, see _serve

    with open_dossier(dossier, db) as d, progress_bar("publishing") as progress:
        report = publish_site(d, outdir, progress=progress)
    console.print(
        f"wrote {report.pages} pages and {report.data_files} data files to {report.folder}"
    )


@app.command()
def demo(
    example: Annotated[
        Path,
        typer.Option(
            "--example",
            help="Folder of dossier files to load, or the name of a folder under examples/ "
            "(gaza-2025, yemen-2022, sudan-jeddah-2023).",
        ),
    ] = Path("examples/gaza-2025"),
    folder: Annotated[
        Path, typer.Option("--folder", help="Where to build the demo dossier (replaced).")
    ] = Path("build/demo"),
    host: HostOpt = "127.0.0.1",
    port: PortOpt = 8000,
    no_serve: Annotated[
        bool, typer.Option("--no-serve", help="Build and summarise, but do not serve.")
    ] = False,
) -> None:
    """Build a fresh dossier from the example, summarise it, and open the dashboard on it."""
    example = _example_folder(example)
    if folder.exists():
        shutil.rmtree(folder)
    dossier = Dossier.init(folder, f"sqlite:///{folder / 'truceline.db'}")
    with dossier:
        with progress_bar("importing") as progress:
            report = dossier.import_dir(example, by="demo", progress=progress)
        counts = dossier.counts()
        table = Table("kind", "count", title=f"demo dossier in {folder} ({report.created} objects)")
        for kind, n in counts.items():
            table.add_row(kind, str(n))
        console.print(table)
        _compliance_summary(dossier)
        if not no_serve:
            _serve(dossier, ServeOptions(host, port))


def _example_folder(example: Path) -> Path:
    """The folder given, else the example of that name under ./examples or the source tree's."""
    if example.exists():
        return example
    for base in (Path("examples"), Path(__file__).resolve().parents[3] / "examples"):
        if (base / example).is_dir():
            return base / example
    return example


def _compliance_summary(dossier: Dossier) -> None:
    """The `truceline check` summary table, when the dossier has an agreement."""
    ledger = dossier.check()
    if ledger.obligations:
        print_summary(ledger.obligations, ledger.as_of)


# ---------------------------------------------------------------------------- users

users_app = typer.Typer(help="Team-mode accounts (argon2 password hashes; roles).")
app.add_typer(users_app, name="users")


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="User name.")],
    role: Annotated[str, typer.Option("--role", help="viewer, analyst or admin.")] = "viewer",
    password: Annotated[
        str,
        typer.Option(
            "--password",
            envvar="TRUCELINE_PASSWORD",
            prompt=True,
            hide_input=True,
            confirmation_prompt=True,
            help="Password (prompted when not given; or $TRUCELINE_PASSWORD).",
        ),
    ] = "",
    dossier: DossierOpt = Path("."),
    db: DbOpt = None,
) -> None:
    """Create an account, or change its password and role (signs its sessions out)."""
    with open_dossier(dossier, db) as d:
        d.add_user(name, password, role)
    console.print(f"user {name} ({role}) saved")


@users_app.command("list")
def users_list(dossier: DossierOpt = Path("."), db: DbOpt = None) -> None:
    """List accounts and their roles."""
    with open_dossier(dossier, db) as d:
        rows = d.users()
    table = Table("user", "role")
    for name, role in rows:
        table.add_row(name, role)
    console.print(table)


@users_app.command("remove")
def users_remove(
    name: Annotated[str, typer.Argument(help="User name.")],
    dossier: DossierOpt = Path("."),
    db: DbOpt = None,
) -> None:
    """Remove an account (its sessions end)."""
    with open_dossier(dossier, db) as d:
        d.remove_user(name)
    console.print(f"user {name} removed")
