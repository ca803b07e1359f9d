"""truceline.ingest._fetch: guarded fetching, against a local server only."""

from __future__ import annotations

import functools
import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from truceline.errors import IngestError
from truceline.ingest import _fetch as fetch_module
from truceline.ingest._fetch import check_url, fetch, is_public
from truceline.ingest._options import IngestOptions

ALLOW = IngestOptions(allow_private=True)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "::",
    ],
)
def test_private_addresses_are_not_public(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost/",
        "http://127.0.0.1:8080/news",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "https://[fe80::1]/",
    ],
)
def test_private_hosts_are_refused_before_connecting(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_connect(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("connected to a refused host")

    monkeypatch.setattr(fetch_module.httpx.Client, "send", no_connect)
    with pytest.raises(IngestError, match="refused.*--allow-private"):
        fetch(url, IngestOptions())


def test_every_resolved_address_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    def getaddrinfo(host: str, port: int, **kwargs: Any) -> list[Any]:
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", port)),
        ]

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", getaddrinfo)
    with pytest.raises(IngestError, match=r"refused.*10\.1\.2\.3"):
        check_url("http://mixed.example/a", allow_private=False)


@pytest.mark.parametrize("url", ["ftp://example.com/a", "file:///etc/passwd", "http:///nohost"])
def test_only_http_urls(url: str) -> None:
    with pytest.raises(IngestError):
        check_url(url, allow_private=True)


def test_local_server_is_refused_without_allow_private(server: str) -> None:
    with pytest.raises(IngestError, match="refused"):
        fetch(f"{server}/article", IngestOptions())


def test_fetch_with_allow_private(server: str) -> None:
    fetched = fetch(f"{server}/article", ALLOW)
    assert fetched.content_type == "text/html"
    assert fetched.charset == "utf-8"
    assert b"Aid convoys" in fetched.data
    assert fetched.final_url == f"{server}/article"


def test_hostname_is_sent_as_host_header(server: str) -> None:
    port = server.rsplit(":", 1)[1]
    fetched = fetch(f"http://localhost:{port}/article", ALLOW)
    assert b"Aid convoys" in fetched.data


def test_redirect_is_followed(server: str) -> None:
    fetched = fetch(f"{server}/redirect", ALLOW)
    assert fetched.final_url == f"{server}/article"


def test_redirects_are_capped(server: str) -> None:
    with pytest.raises(IngestError, match="more than 3 redirects"):
        fetch(f"{server}/loop", IngestOptions(allow_private=True, max_redirects=3))


def test_redirect_target_is_checked_again(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    loopback = ipaddress.ip_address("127.0.0.1")
    real = fetch_module.is_public
    monkeypatch.setattr(fetch_module, "is_public", lambda a: a == loopback or real(a))
    with pytest.raises(IngestError, match=r"refused.*169\.254\.169\.254"):
        fetch(f"{server}/to-metadata", IngestOptions())


def test_size_cap_on_streamed_body(server: str) -> None:
    with pytest.raises(IngestError, match="too large"):
        fetch(f"{server}/big", IngestOptions(allow_private=True, max_bytes=100_000))


def test_size_cap_on_declared_length(server: str) -> None:
    with pytest.raises(IngestError, match="too large"):
        fetch(f"{server}/big-declared", IngestOptions(allow_private=True, max_bytes=100_000))


def test_http_error(server: str) -> None:
    with pytest.raises(IngestError, match="HTTP 404"):
        fetch(f"{server}/nothing-here", ALLOW)


def test_connection_refused_is_an_ingest_error() -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(IngestError, match="cannot connect"):
        fetch(f"http://127.0.0.1:{port}/", ALLOW)


@pytest.fixture
def tls_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Path]]:
    """An HTTPS server on 127.0.0.1 with a self-signed certificate for ``localhost``."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            body = f"<p>host={self.headers['Host']}</p>".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://localhost:{httpd.server_address[1]}", cert
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_https_to_a_pinned_address_verifies_the_host_name(
    tls_server: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, cert = tls_server
    trusted = ssl.create_default_context(cafile=str(cert))
    monkeypatch.setattr(
        fetch_module.httpx, "Client", functools.partial(fetch_module.httpx.Client, verify=trusted)
    )
    fetched = fetch(f"{url}/x", ALLOW)
    assert fetched.data == f"<p>host={url.removeprefix('https://')}</p>".encode()

    # the same server under a name its certificate does not carry is refused
    port = url.rsplit(":", 1)[1]
    with pytest.raises(IngestError):
        fetch(f"https://127.0.0.1:{port}/x", ALLOW)
