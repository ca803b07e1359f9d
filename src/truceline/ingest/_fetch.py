"""Fetching a URL without becoming a proxy into the private network.

Every host is resolved before connecting and every address it resolves to is
checked; the connection then goes to a checked address (the Host header and TLS
name stay the host's), so a second DNS answer cannot slip a private address in.
Redirects are followed by hand, at most ``max_redirects``, each one checked the
same way. The body is streamed and abandoned as soon as it passes ``max_bytes``.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from truceline.errors import IngestError
from truceline.ingest._options import IngestOptions

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_REDIRECTS = {301, 302, 303, 307, 308}


@dataclass(frozen=True)
class Fetched:
    """A response body and what is needed to read it."""

    url: str  # the address asked for
    final_url: str  # after redirects
    content_type: str
    charset: str | None
    data: bytes
    retrieved: dt.datetime


def is_public(address: IPAddress) -> bool:
    """Whether an address is on the public internet (not private, loopback, link-local …)."""
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or address.sixtofour
        if mapped is not None:
            return is_public(mapped)
    return not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
        or not address.is_global
    )


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address a host name resolves to (an IP literal resolves to itself)."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise IngestError(f"{host}: cannot resolve host ({exc})") from exc
    seen: dict[str, IPAddress] = {}
    for info in infos:
        text = str(info[4][0]).split("%", 1)[0]  # drop an IPv6 zone
        seen.setdefault(text, ipaddress.ip_address(text))
    return list(seen.values())


def check_url(url: str, allow_private: bool) -> list[IPAddress]:
    """The addresses to connect to for ``url``; refuses non-HTTP URLs and private hosts."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise IngestError(f"{url}: only http and https URLs can be fetched")
    if not parts.hostname:
        raise IngestError(f"{url}: no host in URL")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    addresses = resolve(parts.hostname, port)
    if not addresses:
        raise IngestError(f"{url}: host resolves to no address")
    if not allow_private:
        refused = [a for a in addresses if not is_public(a)]
        if refused:
            raise IngestError(
                f"{url}: refused: {parts.hostname} resolves to a private, loopback or "
                f"link-local address ({refused[0]}); pass --allow-private to fetch it"
            )
    return addresses


def fetch(url: str, options: IngestOptions) -> Fetched:
    """GET a URL under the limits in ``options``; every failure is an IngestError naming it."""
    deadline = time.monotonic() + options.timeout
    timeout = httpx.Timeout(options.timeout)
    headers = {"User-Agent": options.user_agent, "Accept": "text/html, text/plain;q=0.9, */*;q=0.1"}
    current = url
    for _ in range(options.max_redirects + 1):
        addresses = check_url(current, options.allow_private)
        # a new client per hop: a pooled connection, made for one host name, is never
        # reused for another name on the same address
        with httpx.Client(timeout=timeout, follow_redirects=False, headers=headers) as client:
            response = _get_pinned(client, current, addresses, url)
            try:
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    current = urljoin(current, response.headers["location"])
                    continue
                if response.status_code >= 400:
                    raise IngestError(f"{url}: HTTP {response.status_code} from {current}")
                data = _read_capped(response, url, options, deadline)
                return Fetched(
                    url=url,
                    final_url=current,
                    content_type=response.headers.get("content-type", "").split(";")[0].strip(),
                    charset=response.charset_encoding,
                    data=data,
                    retrieved=dt.datetime.now(dt.UTC),
                )
            finally:
                response.close()
    raise IngestError(f"{url}: more than {options.max_redirects} redirects")


def _get_pinned(
    client: httpx.Client, url: str, addresses: list[IPAddress], original: str
) -> httpx.Response:
    """Connect to the first checked address that answers, asking for ``url``'s host."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc_host = f"[{host}]" if ":" in host else host
    host_header = netloc_host + (f":{parts.port}" if parts.port else "")
    last: Exception | None = None
    for address in addresses:
        literal = f"[{address}]" if address.version == 6 else str(address)
        pinned = urlunsplit(
            (
                parts.scheme,
                literal + (f":{parts.port}" if parts.port else ""),
                parts.path or "/",
                parts.query,
                "",
            )
        )
        request = client.build_request(
            "GET",
            pinned,
            headers={"Host": host_header},
            extensions={"sni_hostname": host},
        )
        try:
            return client.send(request, stream=True)
        except httpx.ConnectError as exc:
            last = exc
        except httpx.TimeoutException as exc:
            raise IngestError(f"{original}: timed out") from exc
        except httpx.HTTPError as exc:
            raise IngestError(f"{original}: {exc}") from exc
    raise IngestError(f"{original}: cannot connect ({last})")


def _read_capped(
    response: httpx.Response, url: str, options: IngestOptions, deadline: float
) -> bytes:
    limit = options.max_bytes
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise IngestError(f"{url}: too large ({declared} bytes; the limit is {limit})")
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise IngestError(f"{url}: too large (over the limit of {limit} bytes)")
            if time.monotonic() > deadline:
                raise IngestError(f"{url}: timed out after {options.timeout:g} s")
            chunks.append(chunk)
    except httpx.TimeoutException as exc:
        raise IngestError(f"{url}: timed out") from exc
    except httpx.HTTPError as exc:
        raise IngestError(f"{url}: {exc}") from exc
    return b"".join(chunks)
