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
    monkeypatch.setattr(fetch_module.httpx.Client, "send", _no_connect)
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


# ------------------------------------------------------------- the SSRF campaign's forms


@pytest.mark.parametrize(
    "url",
    [
        "http://2130706433/",  # 127.0.0.1 as one decimal number
        "http://017700000001/",  # … octal
        "http://0x7f000001/",  # … hexadecimal
        "http://0x7f.0.0.1/",
        "http://0177.0.0.1/",
        "http://127.1/",  # short forms
        "http://0/",
        "http://2852039166/",  # 169.254.169.254, the cloud metadata address
        "http://0xa9fea9fe/",
        "http://0251.0376.0251.0376/",
        "http://[::ffff:127.0.0.1]/",  # IPv4-mapped IPv6
        "http://[::ffff:7f00:1]/",
        "http://[::ffff:a9fe:a9fe]/",
        "http://[0:0:0:0:0:ffff:10.0.0.1]/",
        "http://[::127.0.0.1]/",  # IPv4-compatible
        "http://[2002:7f00:1::]/",  # 6to4 of 127.0.0.1
        "http://[64:ff9b::7f00:1]/",  # NAT64 of 127.0.0.1
        "http://[fd00::1]/",
        "http://[fe80::1%25eth0]/",
    ],
)
def test_every_spelling_of_a_private_address_is_refused(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fetch_module.httpx.Client, "send", _no_connect)
    with pytest.raises(IngestError, match="refused.*--allow-private"):
        fetch(url, IngestOptions())


@pytest.mark.parametrize(
    "host",
    ["localhost", "LOCALHOST", "localhost.", "api.localhost", "ip6-localhost", "rebind.example"],
)
def test_names_resolving_to_loopback_are_refused(
    host: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the name, the address it resolves to decides (a DNS rebinding name too)."""

    def loopback(name: str, port: int, **kwargs: Any) -> list[Any]:
        return [
            (socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("::1", port, 0, 0)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port)),
        ]

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", loopback)
    monkeypatch.setattr(fetch_module.httpx.Client, "send", _no_connect)
    with pytest.raises(IngestError, match="refused"):
        fetch(f"http://{host}/", IngestOptions())


def _no_connect(*args: Any, **kwargs: Any) -> None:
    raise AssertionError("connected to a refused host")


class _Redirector(BaseHTTPRequestHandler):
    """``/<status>?<location>``: a redirect with that status to that location."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path, _, location = self.path.partition("?")
        self.send_response(int(path.strip("/")))
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def redirecting_server() -> Iterator[str]:
    """Base URL of a redirecting server on 127.0.0.2 (loopback, no internet involved)."""
    httpd = ThreadingHTTPServer(("127.0.0.2", 0), _Redirector)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.2:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture
def redirector(redirecting_server: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, list[str]]:
    """The redirecting server, treated as public; and the addresses fetch connects to."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    here = ipaddress.ip_address("127.0.0.2")
    real_is_public, real_get = fetch_module.is_public, fetch_module._get_pinned
    connected: list[str] = []

    def get_pinned(client: Any, url: str, addresses: list[Any], original: str) -> Any:
        connected.extend(str(a) for a in addresses)
        return real_get(client, url, addresses, original)

    monkeypatch.setattr(fetch_module, "is_public", lambda a: a == here or real_is_public(a))
    monkeypatch.setattr(fetch_module, "_get_pinned", get_pinned)
    return redirecting_server, connected


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize(
    "location",
    [
        "http://127.0.0.1/",
        "http://2130706433/",
        "http://0x7f.1/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::1]/",
        "http://localhost/",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://2852039166/latest/meta-data/",
        "//192.168.1.1/",  # scheme-relative
        "file:///etc/passwd",
        "ftp://10.0.0.1/",
        "gopher://127.0.0.1:25/",
    ],
)
def test_redirects_to_private_addresses_are_refused(
    redirector: tuple[str, list[str]], status: int, location: str
) -> None:
    base, connected = redirector
    with pytest.raises(IngestError, match="refused|only http and https"):
        fetch(f"{base}/{status}?{location}", IngestOptions())
    assert connected == ["127.0.0.2"]  # the redirect was never followed
