"""Links between pages, for the live app (paths + query strings) and the static site (files).

Every template builds links with ``url(path, **query)``. Live, that is the path
and its query string. When publishing, the same call gives a relative link to
the file the page is written to (``/record/X`` → ``record/X.html``), or None for
pages a static site cannot have (a filtered timeline, the review queue); the
templates then show plain text instead of a link.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

_PAGES = {
    "/": "index.html",
    "/sources": "sources.html",
    "/speakers": "speakers.html",
    "/disputes": "disputes.html",
    "/compliance": "compliance.html",
    "/negotiation": "negotiation.html",
    "/deadlines": "deadlines.html",
    "/data": "data.html",
}
_PREFIXES = {
    "/record/": "record/",
    "/source/": "source/",
    "/compliance/obligation/": "compliance/",
}
_SAFE_SCHEMES = ("http", "https")


def live_url(path: str, query: dict[str, Any] | None = None) -> str:
    params = {k: v for k, v in (query or {}).items() if v not in (None, "")}
    return quote(path, safe="/:@._-~") + (f"?{urlencode(params, doseq=True)}" if params else "")


def static_file(path: str, query: dict[str, Any] | None = None) -> str | None:
    """The file a live URL is published as, or None when the static site has no such page."""
    params = {k: v for k, v in (query or {}).items() if v not in (None, "")}
    page = int(params.pop("page", 1) or 1)
    if path.startswith(("/static/", "/data/")):
        return path.lstrip("/") if not params else None
    if path == "/timeline":
        if params:
            return None
        return "timeline/index.html" if page == 1 else f"timeline/page-{page}.html"
    if path == "/sources" and page > 1 and not params:
        return f"sources/page-{page}.html"
    if params or page != 1:
        return None
    if path in _PAGES:
        return _PAGES[path]
    for prefix, folder in _PREFIXES.items():
        if path.startswith(prefix):
            name = path[len(prefix) :]
            if name and "/" not in name:
                return f"{folder}{name}.html"
    return None


def relative(target: str, current: str) -> str:
    """A relative link from the file ``current`` to the file ``target`` (both site-relative)."""
    base = posixpath.dirname(current) or "."
    rel = posixpath.relpath(target, base)
    # "./" keeps a colon in a file name from reading as a URL scheme.
    return quote(rel if rel.startswith("../") else f"./{rel}", safe="/:@._-~")


def split_fragment(path: str) -> tuple[str, str]:
    path, _, fragment = path.partition("#")
    return path, (f"#{fragment}" if fragment else "")


class Linker:
    """``url(path, **query)`` for one page being rendered."""

    def __init__(self, static: bool, current_file: str = "index.html") -> None:
        self.static = static
        self.current = current_file

    def __call__(self, path: str, **query: Any) -> str | None:
        path, fragment = split_fragment(path)
        if not self.static:
            return live_url(path, query) + fragment
        target = static_file(path, query)
        if target is None:
            return None
        return relative(target, self.current) + fragment


_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def safe_href(url: str | None) -> str | None:
    """An outside address fit for an ``href``: http(s) only, never ``javascript:`` and the like."""
    if not url:
        return None
    url = url.strip()
    if not _SCHEME.match(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in _SAFE_SCHEMES or not parts.netloc:
        return None
    return url
