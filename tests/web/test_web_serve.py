"""`truceline serve` behind TLS and proxies: Secure cookies when asked, proxy headers
believed only from the proxies named, in one process and in each worker."""

from __future__ import annotations

import pytest
import uvicorn
from typer.testing import CliRunner

from truceline.cli.app import app as cli
from truceline.web.app import app_from_environment
from truceline.web.settings import ENV_PREFIX

runner = CliRunner()
WORKER_ENV = ["DOSSIER", "DB", "MODE", "SECRET", "USER", "SECURE_COOKIES", "FORWARDED_ALLOW_IPS"]


@pytest.fixture
def started(monkeypatch):
    """What `serve` hands uvicorn, instead of starting it; the worker variables restored."""
    for name in WORKER_ENV:
        monkeypatch.setenv(ENV_PREFIX + name, "")
        monkeypatch.delenv(ENV_PREFIX + name)
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append((app, options)))
    return calls


def _serve(dossier, started, *args, env=None):
    result = runner.invoke(cli, ["serve", "--dossier", str(dossier.path), *args], env=env)
    assert result.exit_code == 0, result.output
    ((served, options),) = started
    return served, options


def test_proxy_headers_are_not_believed_by_default(dossier, started):
    served, options = _serve(dossier, started)
    assert options["proxy_headers"] is False
    assert served.state.web.settings.secure_cookies is False


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--forwarded-allow-ips", "10.0.0.2"], None),
        ([], {ENV_PREFIX + "FORWARDED_ALLOW_IPS": "10.0.0.2"}),
    ],
)
def test_the_named_proxy_is_believed(dossier, started, args, env):
    _, options = _serve(dossier, started, *args, env=env)
    assert options["proxy_headers"] is True
    assert options["forwarded_allow_ips"] == "10.0.0.2"


@pytest.mark.parametrize(
    ("args", "env"),
    [(["--secure-cookies"], None), ([], {ENV_PREFIX + "SECURE_COOKIES": "1"})],
)
def test_secure_cookies_by_option_or_environment(dossier, started, args, env):
    served, _ = _serve(dossier, started, "--team", *args, env=env)
    assert served.state.web.settings.secure_cookies is True


def test_every_worker_gets_secure_cookies(dossier, started):
    served, options = _serve(dossier, started, "--workers", "2", "--secure-cookies")
    assert served == "truceline.web.app:app_from_environment"
    assert options["workers"] == 2 and options["proxy_headers"] is False
    worker = app_from_environment()
    try:
        assert worker.state.web.settings.secure_cookies is True
    finally:
        worker.state.web.dossier.close()


def test_a_secure_deployment_marks_both_cookies_secure(dossier, make_client, csrf_of):
    from truceline.web import create_app
    from truceline.web.settings import Mode, WebSettings

    dossier.add_user("ana", "analyst-pass", "analyst")
    secure = create_app(dossier, WebSettings(mode=Mode.TEAM, secure_cookies=True))
    with make_client(secure) as c:
        c.base_url = c.base_url.copy_with(scheme="https")
        form = c.get("/login")
        assert "; secure" in form.headers["set-cookie"].lower()
        response = c.post(
            "/login",
            data={"username": "ana", "password": "analyst-pass", "csrf": csrf_of(form.text)},
            follow_redirects=False,
        )
    assert response.status_code == 303
    assert "tl_session=" in response.headers["set-cookie"]
    assert "; secure" in response.headers["set-cookie"].lower()
