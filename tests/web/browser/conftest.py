"""Fixtures of the browser tests: Debian's chromium, a page per test, and servers over the example."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

import pytest
from browser_kit import ARGS, CHROMIUM, DESKTOP, EXAMPLE, HOSTILE, PHONE, XSS, Server

from truceline.app import Dossier
from truceline.web import create_app
from truceline.web.settings import Mode, WebSettings


@pytest.fixture(scope="module")
def browser_dossier(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dossier]:
    from truceline.ingest import IngestOptions
    from truceline.model import Event, Evidence, Statement

    folder = tmp_path_factory.mktemp("browser") / "dossier"
    dossier = Dossier.init(folder)
    dossier.import_dir(EXAMPLE)
    hostile = folder.parent / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    report = dossier.ingest([hostile], IngestOptions(), by="test")
    assert report.new == 1
    said = [r for r in dossier.store.records("statement") if "<" in r.speaker + r.quote]
    assert said, "extraction kept no hostile quote or speaker"
    source_id = report.sources[0].id
    with dossier.store.writer("test") as w:
        # a speaker name and affiliation carrying markup, as a reviewer might have typed them
        w.put(
            Statement(
                id="st-browser-hostile-speaker",
                date="2025-01-20",
                speaker=f"Omar {XSS} Haddad",
                affiliation=f"Hamas {XSS}",
                quote="Click <a href=javascript:window.__pwned=3>here</a> now",
                sources=[Evidence(source=source_id, text="Click <a href=javascript")],
            )
        )
        w.put(
            Event(
                id="ev-browser-candidate",
                date="2025-01-21",
                type="ASSAULT",
                actors=["Israel", f"Hamas {XSS}"],
                claimed_by=f"Gaza Wire {XSS}",
                summary=f"A strike is reported {XSS}",
                state="candidate",
                confidence=0.3,
                sources=[Evidence(source=source_id, text="Negotiators met again")],
            )
        )
    yield dossier
    dossier.close()


@pytest.fixture(scope="module")
def server(browser_dossier: Dossier) -> Iterator[Server]:
    with Server(create_app(browser_dossier)) as s:
        yield s


@pytest.fixture(scope="module")
def team_server(browser_dossier: Dossier) -> Iterator[Server]:
    browser_dossier.add_user("vera", "viewer-password", "viewer")
    with Server(create_app(browser_dossier, WebSettings(mode=Mode.TEAM))) as s:
        yield s


@pytest.fixture(scope="module")  # Playwright runs an event loop: closed before the next module
def browser(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"the browser tests need Debian's chromium at {CHROMIUM}: "
            "run `make chromium` (as root) or `sudo apt-get install chromium`"
        )
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            args=ARGS,
            headless=True,
            viewport=DESKTOP,
        )
        yield context
        context.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.problems = []  # console errors, CSP violations, dialogs
    page.on(
        "console",
        lambda m: page.problems.append(m.text) if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("dialog", lambda d: (page.problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield page
    page.close()


@pytest.fixture
def phone(page):  # type: ignore[no-untyped-def]
    """A page at a phone's width."""
    page.set_viewport_size(PHONE)
    return page
