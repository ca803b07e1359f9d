"""The review queue's consequences, filters and bulk decisions, through the web app."""

from __future__ import annotations

import re

import pytest

from truceline.agreement import Agreement
from truceline.app import Dossier
from truceline.model import Evidence, Figure

QUOTA = {
    "id": "truce",
    "title": "A test truce",
    "parties": ["Israel", "Hamas"],
    "in_force": "2025-01-19",
    "phases": [{"id": "p1", "start": {"day": "day 1"}, "length_days": 10}],
    "obligations": [
        {
            "id": "aid-daily",
            "kind": "quota",
            "party": "Israel",
            "clause": {"ref": "Aid trucks per day", "text": "Six hundred trucks a day."},
            "phase": "p1",
            "metric": "aid_trucks",
            "unit": "one truck",
            "target": 600,
            "counted_by": "UN",
        }
    ],
}


@pytest.fixture
def queue(dossier: Dossier) -> Dossier:
    """The test dossier with a daily aid quota and a candidate count for a silent day."""
    with dossier.store.writer("test") as w:
        w.put(Agreement.model_validate(QUOTA))
        w.put(
            Figure(
                id="fig-candidate",
                date="2025-01-22",
                metric="aid_trucks",
                value=640,
                counted_by="UN",
                period="day",
                state="candidate",
                confidence=0.9,
                sources=[Evidence(source="src-plain", text="Some 640 trucks crossed.")],
            )
        )
    return dossier


def card(html: str, record_id: str) -> str:
    found = re.search(rf'<article class="candidate" id="c-{record_id}".*?</article>', html, re.S)
    assert found, f"no card for {record_id}"
    return found.group(0)


def test_each_card_says_what_accepting_it_would_decide(queue, client):
    html = client.get("/review").text
    # the page asks for each card's answer as the card comes into view
    assert 'hx-get="/review/fig-candidate/decides" hx-trigger="intersect once"' in card(
        html, "fig-candidate"
    )
    decides = client.get("/review/fig-candidate/decides", headers={"HX-Request": "true"}).text
    assert "<html" not in decides
    assert "Aid trucks per day" in decides and "(Israel)" in decides
    assert '<time datetime="2025-01-22">22 Jan 2025</time>' in decides
    before, after = decides.split("→", 1)
    assert "status-unreported" in before and "status-met" in after
    # once worked out, the answer is on the card itself
    figure = card(client.get("/review").text, "fig-candidate")
    assert "hx-get" not in figure and "status-met" in figure
    assert "Counted by" in figure and "UN" in figure and "0.90" in figure
    # the strike decides nothing: the agreement has no obligation it touches
    page = client.get("/review/ev-candidate/decides")
    assert "<h1>What accepting it decides</h1>" in page.text  # without HTMX, a page
    assert "No obligation-day changes status." in page.text
    # asking is not accepting
    assert queue.store.get("fig-candidate").state == "candidate"
    assert client.get("/review/src-plain/decides").status_code == 404


def test_the_answer_follows_the_dossier(queue, client):
    first = client.get("/review/fig-candidate/decides", headers={"HX-Request": "true"}).text
    assert "status-met" in first
    # another count of the day by the same body, accepted since: the two cannot both be
    # true, so the candidate would now make the day disputed, not met
    with queue.store.writer("test") as w:
        w.put(
            Figure(
                id="fig-known",
                date="2025-01-22",
                metric="aid_trucks",
                value=650,
                counted_by="UN",
                period="day",
                sources=[Evidence(source="src-plain")],
            )
        )
    again = client.get("/review/fig-candidate/decides", headers={"HX-Request": "true"}).text
    before, after = again.split("→", 1)
    assert "status-met" in before and "status-disputed" in after


def test_filters_narrow_the_queue_and_bad_bounds_are_named(queue, client):
    html = client.get("/review?kind=figure").text
    assert 'id="c-fig-candidate"' in html and 'id="c-ev-candidate"' not in html
    assert "1 candidate record match these filters" in html
    html = client.get("/review?min=0.5&max=1").text
    assert 'id="c-fig-candidate"' in html and 'id="c-ev-candidate"' not in html
    html = client.get("/review?type=ASSAULT").text
    assert 'id="c-ev-candidate"' in html and 'id="c-fig-candidate"' not in html
    assert "Accept all 1 shown" in html
    response = client.get("/review?min=lots")
    assert response.status_code == 400 and "min: the confidence must be a number" in response.text
    response = client.get("/review?since=2025-13-01")
    assert response.status_code == 400 and "since" in response.text


def test_bulk_accept_confirms_then_decides_the_filtered_set(queue, client, csrf_of):
    page = client.get("/review/bulk?action=accept&kind=figure")
    assert page.status_code == 200
    assert "Accept 1 candidate?" in page.text
    assert "Aid trucks per day" in page.text and "status-met" in page.text
    assert re.findall(r'name="id" value="([^"]+)"', page.text) == ["fig-candidate"]
    form = {
        "csrf": csrf_of(page.text),
        "action": "accept",
        "id": ["fig-candidate"],
        "kind": "figure",
        "note": "checked",
    }
    response = client.post("/review/bulk", data=form, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/review?kind=figure&done=accept&n=1"
    assert "Accepted 1 candidate." in client.get(response.headers["location"]).text
    assert queue.store.get("fig-candidate").state == "accepted"
    assert queue.store.get("ev-candidate").state == "candidate"  # not in the filtered set
    assert queue.store.history("fig-candidate")[-1].note == "checked"


def test_bulk_is_all_or_nothing(queue, client, csrf_of):
    page = client.get("/review/bulk?action=accept")
    assert re.findall(r'name="id" value="([^"]+)"', page.text) == ["ev-candidate", "fig-candidate"]
    queue.reject(["ev-candidate"], by="colleague")  # decided by someone else meanwhile
    form = {"csrf": csrf_of(page.text), "action": "accept", "id": ["ev-candidate", "fig-candidate"]}
    response = client.post("/review/bulk", data=form)
    assert response.status_code == 400
    assert "ev-candidate is no longer waiting for review" in response.text
    assert queue.store.get("fig-candidate").state == "candidate"
    assert queue.store.get("ev-candidate").state == "rejected"


def test_bulk_reject_says_it_decides_no_day(queue, client, csrf_of):
    page = client.get("/review/bulk?action=reject&min=0.5")
    assert "Reject 1 candidate?" in page.text and "Rejecting changes no obligation-day" in page.text
    form = {"csrf": csrf_of(page.text), "action": "reject", "id": ["fig-candidate"], "min": "0.5"}
    response = client.post("/review/bulk", data=form, follow_redirects=False)
    assert response.headers["location"] == "/review?min=0.5&done=reject&n=1"
    assert queue.store.get("fig-candidate").state == "rejected"


def test_bulk_needs_the_csrf_token(queue, client):
    form = {"action": "accept", "id": ["fig-candidate"]}
    assert client.post("/review/bulk", data=form).status_code == 403
    assert client.post("/review/bulk", data={**form, "csrf": "0" * 64}).status_code == 403
    assert queue.store.get("fig-candidate").state == "candidate"


def test_a_viewer_cannot_bulk_decide(queue, team_app, make_client, login, csrf_of):
    with make_client(team_app) as c:
        login(c, "vera", "viewer-pass")
        html = c.get("/review").text
        assert "Accept all" not in html and "Keys:" in html and "<kbd>a</kbd>" not in html
        assert c.get("/review/bulk?action=accept").status_code == 403
        form = {"csrf": csrf_of(html), "action": "accept", "id": ["fig-candidate"]}
        response = c.post("/review/bulk", data=form)
        assert response.status_code == 403 and "viewer" in response.text
    assert queue.store.get("fig-candidate").state == "candidate"


def test_an_analyst_bulk_decision_is_named_in_history(queue, team_app, make_client, login, csrf_of):
    with make_client(team_app) as c:
        login(c, "ana", "analyst-pass")
        page = c.get("/review/bulk?action=accept&kind=figure")
        form = {"csrf": csrf_of(page.text), "action": "accept", "id": ["fig-candidate"]}
        assert c.post("/review/bulk", data=form, follow_redirects=False).status_code == 303
    assert queue.store.history("fig-candidate")[-1].by == "ana"


def test_no_bulk_on_a_published_dossier(queue, public_client):
    assert public_client.get("/review/bulk?action=accept").status_code == 404
    form = {"action": "accept", "id": ["fig-candidate"]}
    assert public_client.post("/review/bulk", data=form).status_code == 403
