"""What the browser tests share: a server in a thread, screenshots, and checks every page passes."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "gaza-2025"
ARTIFACTS = ROOT / "test-artifacts" / "web"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = [
    "/",
    "/timeline",
    "/compliance",
    "/deadlines",
    "/negotiation",
    "/disputes",
    "/speakers",
    "/sources",
    "/review",
    "/data",
]
XSS = "<script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>"
HOSTILE = {
    "url": "https://example.org/hostile",
    "outlet": f"Gaza Wire {XSS}",
    "title": f"Strike talk {XSS}",
    "published": "2025-01-20",
    "text": (
        "GAZA CITY — Negotiators met again on Monday.\n\n"
        f'"We reject {XSS} this offer entirely," said Khalil al-Hayya, the Hamas negotiator.\n\n'
        '"Click <a href=javascript:window.__pwned=3>here</a> now," said '
        "Omar <svg onload=window.__pwned=4></svg> Haddad, a spokesman.\n\n"
        "About 600 trucks entered Gaza on 20 January, the UN said."
    ),
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """uvicorn in a background thread on a free loopback port."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        import uvicorn

        self.port = _free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the dashboard did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def assert_nothing_ran(page) -> None:  # type: ignore[no-untyped-def]
    assert page.evaluate("window.__pwned") is None
    assert not page.problems, page.problems


def assert_fits_window(page) -> None:  # type: ignore[no-untyped-def]
    """No horizontal scrolling: the page is no wider than the window at its current size."""
    width = page.evaluate("document.documentElement.scrollWidth")
    window = page.evaluate("window.innerWidth")
    assert width <= window, f"{page.url} is {width}px wide in a {window}px window"
