"""Slow work stays off the event loop: argon2 at login, and review writes that may
wait for another writer, run in worker threads (the loop keeps serving)."""

from __future__ import annotations

import asyncio

from argon2 import PasswordHasher

from truceline.app import accounts
from truceline.app.review import Review


def _on_event_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def test_login_verifies_the_password_off_the_event_loop(team_app, make_client, login, monkeypatch):
    seen: list[bool] = []

    class Recording(PasswordHasher):
        def verify(self, hash, password):  # type: ignore[no-untyped-def]
            seen.append(_on_event_loop())
            return super().verify(hash, password)

    monkeypatch.setattr(accounts, "_HASHER", Recording(time_cost=1, memory_cost=1024))
    with make_client(team_app) as c:
        login(c, "ana", "analyst-pass")
        assert c.get("/review").status_code == 200
    assert seen == [False]


def test_a_review_decision_is_written_off_the_event_loop(client, csrf_of, dossier, monkeypatch):
    seen: list[bool] = []
    accept = Review.accept

    def recording(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(_on_event_loop())
        return accept(*args, **kwargs)

    monkeypatch.setattr(Review, "accept", recording)
    token = csrf_of(client.get("/review").text)
    response = client.post("/review/ev-candidate/accept", data={"csrf": token})
    assert response.status_code == 200
    assert seen == [False]
    assert dossier.store.get("ev-candidate").state == "accepted"
