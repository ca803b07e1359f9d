"""Modes and access: CSRF on every write, roles, public read-only, login limit, loopback only."""

from __future__ import annotations

import pytest
from fastapi.routing import APIRoute

from truceline.web.deps import require_csrf
from truceline.web.routers import ROUTERS
from truceline.web.settings import Mode, WebError, check_bind, is_loopback


def test_every_state_changing_route_checks_csrf():
    routes = [r for router in ROUTERS for r in router.routes]
    writes = [r for r in routes if isinstance(r, APIRoute) and r.methods - {"GET", "HEAD"}]
    assert writes
    for route in writes:
        calls = [d.call for d in route.dependant.dependencies]
        assert require_csrf in calls, route.path


def test_post_without_csrf_is_refused(client):
    response = client.post("/review/ev-candidate/accept", data={})
    assert response.status_code == 403
    assert client.get("/record/ev-candidate").text.count("candidate") >= 1
    response = client.post("/review/ev-candidate/accept", data={"csrf": "0" * 64})
    assert response.status_code == 403


def test_post_from_another_origin_is_refused(client, csrf_of):
    token = csrf_of(client.get("/review").text)
    response = client.post(
        "/review/ev-candidate/accept",
        data={"csrf": token},
        headers={"origin": "http://evil.example"},
    )
    assert response.status_code == 403


def test_accept_with_csrf_in_local_mode(client, csrf_of, dossier):
    token = csrf_of(client.get("/review").text)
    response = client.post(
        "/review/ev-candidate/accept", data={"csrf": token}, follow_redirects=False
    )
    assert response.status_code == 303
    assert dossier.store.get("ev-candidate").state == "accepted"
    assert dossier.store.history("ev-candidate")[-1].action == "accept"


def test_reject_keeps_the_record(client, csrf_of, dossier):
    token = csrf_of(client.get("/review").text)
    client.post("/review/ev-candidate/reject", data={"csrf": token, "note": "no source"})
    record = dossier.store.get("ev-candidate")
    assert record.state == "rejected"
    assert dossier.store.history("ev-candidate")[-1].note == "no source"


def test_public_mode_is_read_only(public_client):
    assert public_client.get("/timeline").status_code == 200
    assert public_client.get("/review").status_code == 404
    assert public_client.post("/review/ev-candidate/accept", data={}).status_code == 403
    assert "Review" not in public_client.get("/").text.split("<main")[0]


def test_team_mode_requires_login(team_app, make_client):
    with make_client(team_app) as c:
        response = c.get("/timeline?kind=event", follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"] == "/login?next=%2Ftimeline%3Fkind%3Devent"
        assert c.post("/review/ev-candidate/accept", data={}).status_code == 401


def test_session_cookie_flags(team_app, make_client, csrf_of):
    with make_client(team_app) as c:
        token = csrf_of(c.get("/login").text)
        response = c.post(
            "/login",
            data={"username": "ana", "password": "analyst-pass", "csrf": token},
            follow_redirects=False,
        )
        cookie = response.headers["set-cookie"]
        assert "tl_session=" in cookie
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie


def test_viewer_is_refused_an_edit(team_app, make_client, login, csrf_of, dossier):
    with make_client(team_app) as c:
        login(c, "vera", "viewer-pass")
        html = c.get("/review").text
        assert "not change it" in html and "Accept</button>" not in html
        token = csrf_of(html)
        response = c.post("/review/ev-candidate/accept", data={"csrf": token})
        assert response.status_code == 403
        assert "viewer" in response.text
    assert dossier.store.get("ev-candidate").state == "candidate"


def test_analyst_can_accept_and_is_named_in_history(team_app, make_client, login, csrf_of, dossier):
    with make_client(team_app) as c:
        login(c, "ana", "analyst-pass")
        token = csrf_of(c.get("/review").text)
        response = c.post("/review/ev-candidate/accept", data={"csrf": token})
        assert response.status_code == 200
    assert dossier.store.get("ev-candidate").state == "accepted"
    assert dossier.store.history("ev-candidate")[-1].by == "ana"


def test_csrf_token_is_bound_to_the_session(team_app, make_client, login, csrf_of):
    with make_client(team_app) as a, make_client(team_app) as b:
        login(a, "ana", "analyst-pass")
        login(b, "ana", "analyst-pass")
        token_a = csrf_of(a.get("/review").text)
        assert b.post("/review/ev-candidate/accept", data={"csrf": token_a}).status_code == 403


def test_logout_ends_the_session(team_app, make_client, login, csrf_of):
    with make_client(team_app) as c:
        login(c, "ana", "analyst-pass")
        token = csrf_of(c.get("/").text)
        c.post("/logout", data={"csrf": token})
        assert c.get("/timeline", follow_redirects=False).status_code == 303


def test_login_is_rate_limited(team_app, make_client, csrf_of):
    with make_client(team_app) as c:
        token = csrf_of(c.get("/login").text)
        codes = [
            c.post(
                "/login", data={"username": "ana", "password": "wrong", "csrf": token}
            ).status_code
            for _ in range(6)
        ]
        assert codes[:5] == [401] * 5
        assert codes[5] == 429
        # even the right password waits now
        response = c.post(
            "/login", data={"username": "ana", "password": "analyst-pass", "csrf": token}
        )
        assert response.status_code == 429
        assert int(response.headers["retry-after"]) > 0


def test_login_next_cannot_leave_the_site(team_app, make_client, csrf_of):
    with make_client(team_app) as c:
        token = csrf_of(c.get("/login").text)
        response = c.post(
            "/login",
            data={"username": "ana", "password": "analyst-pass", "csrf": token, "next": "//evil"},
            follow_redirects=False,
        )
        assert response.headers["location"] == "/"


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "localhost", "[::1]"])
def test_loopback_is_allowed(host):
    assert is_loopback(host)
    check_bind(host, Mode.LOCAL)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "example.org"])
def test_non_loopback_needs_public_or_team(host):
    with pytest.raises(WebError, match="--public"):
        check_bind(host, Mode.LOCAL)
    check_bind(host, Mode.PUBLIC)
    check_bind(host, Mode.TEAM)
