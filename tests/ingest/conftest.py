"""Fixtures for ingest tests: the fixture files, a fresh dossier, a local HTTP server."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from truceline.app import Dossier

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE_HTML = (FIXTURES / "truce-aid.html").read_bytes()
PLAIN_TEXT = (FIXTURES / "truce-first-day.txt").read_bytes()


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def dossier(tmp_path: Path) -> Iterator[Dossier]:
    with Dossier.init(tmp_path / "d") as opened:
        yield opened


class _Handler(BaseHTTPRequestHandler):
    """Routes: /article, /plain, /redirect, /loop, /to-metadata, /big, /big-declared, /png."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = self.path.split("?")[0]
        if path == "/article":
            self._send(200, "text/html; charset=utf-8", ARTICLE_HTML)
        elif path == "/plain":
            self._send(200, "text/plain; charset=utf-8", PLAIN_TEXT)
        elif path == "/redirect":
            self._redirect("/article")
        elif path == "/loop":
            self._redirect("/loop")
        elif path == "/to-metadata":
            self._redirect("http://169.254.169.254/latest/meta-data/")
        elif path == "/big":  # no Content-Length: the cap must stop the stream
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"truce " * 2000 + b"</p>\n"
            for _ in range(200):
                try:
                    self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    return
        elif path == "/big-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50_000_000))
            self.end_headers()
        elif path == "/png":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200))
        else:
            self._send(404, "text/plain", b"not found")

    def _send(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Base URL of an HTTP server on 127.0.0.1 (no internet involved)."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
