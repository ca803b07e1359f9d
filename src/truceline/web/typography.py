"""How a record's words and sources reach the page: claim apart from source.

A reader must tell at a glance whose words these are and where they were
reported. So a statement is in quotation marks only when it is verbatim
(``mode: direct``); a paraphrase is marked as one and never quoted. A source
reads "Outlet · date · link", each part its own element. A field shows
words, never JSON. A record page's headline is short; the full text follows it.

Every function escapes every value it is given and adds only its own tags.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from truceline.model import Record, Statement, describe
from truceline.web.links import safe_href

HEADLINE_CHARS = 72
SEP = '<span class="sep" aria-hidden="true"> · </span>'


def statement_html(record: Statement, href: str | None = None, speaker: bool = True) -> Markup:
    """Who said it, then the words: quoted and marked "verbatim" when they are the
    speaker's own, marked "paraphrase" and unquoted when they are a reporter's or
    an analyst's rewording. ``href`` links the words to the record page; ``speaker``
    False leaves the name out (a list under the speaker's own heading)."""
    words = escape(record.quote)
    if href:
        words = Markup(f'<a href="{escape(href)}">{words}</a>')
    who = f'<span class="speaker-name">{escape(record.speaker)}</span>: ' if speaker else ""
    if record.mode == "indirect":
        return Markup(
            f'<span class="said said-paraphrase">{who}'
            '<span class="mark mark-paraphrase">paraphrase</span> '
            f'<span class="paraphrase">{words}</span></span>'
        )
    return Markup(
        f'<span class="said said-verbatim">{who}<span class="mark mark-verbatim">verbatim</span> '
        f'<q class="verbatim">{words}</q></span>'
    )


def record_html(record: Record, href: str | None = None) -> Markup:
    """A record in one line of markup: a statement as ``statement_html``, any other
    record as its plain description, linked to ``href`` when given."""
    if isinstance(record, Statement):
        return statement_html(record, href)
    text = escape(describe(record))
    return Markup(f'<a href="{escape(href)}">{text}</a>') if href else text


def source_line(
    outlet: str, published: str | None, url: str | None, href: str | None = None
) -> Markup:
    """ "Outlet · date · link": the outlet (linked to ``href``, the source page, when
    given), the publication date as a ``<time>`` that never wraps, and the original
    address when it is a safe http(s) one, with visible separators between them."""
    name = escape(outlet)
    parts = [
        f'<a class="outlet" href="{escape(href)}">{name}</a>'
        if href
        else f'<span class="outlet">{name}</span>'
    ]
    if published:
        day = escape(published)
        parts.append(f'<time class="published" datetime="{day}">{day}</time>')
    else:
        parts.append('<span class="published muted">undated</span>')
    ext = safe_href(url)
    if ext:
        parts.append(
            f'<a class="ext" href="{escape(ext)}" rel="noopener noreferrer nofollow">original</a>'
        )
    return Markup(f'<span class="source-line">{SEP.join(parts)}</span>')


def headline(record: Record) -> str:
    """A short headline for a record page: who said it (and how), or the first
    clause of its description cut at a word; the full text follows on the page."""
    if isinstance(record, Statement):
        how = "paraphrased" if record.mode == "indirect" else "in their own words"
        return f"{record.speaker}, {how}"
    return first_clause(describe(record))


def first_clause(text: str, limit: int = HEADLINE_CHARS) -> str:
    """``text`` up to its first sentence or clause end, at most ``limit`` characters,
    cut at a word with an ellipsis when it had to be cut."""
    text = " ".join(text.split())
    for mark in (". ", "; ", ": "):
        at = text.find(mark)
        if 0 < at < limit:
            text = text[:at]
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:—-")
    return f"{cut}…"


def field_html(value: Any) -> Markup:
    """A field's value in words: a list joined with commas (a list of objects as a
    list), an object as a definition list, a number without a trailing ``.0``,
    nothing as a dash. Never JSON."""
    if value is None or value == [] or value == {}:
        return Markup('<span class="muted">—</span>')
    if isinstance(value, dict):
        items = "".join(
            f"<dt>{escape(str(k).replace('_', ' '))}</dt><dd>{field_html(v)}</dd>"
            for k, v in value.items()
            if v not in (None, [], {})  # inside an object, an unset part is left out
        )
        return Markup(f'<dl class="value">{items}</dl>')
    if isinstance(value, list):
        if any(isinstance(v, dict | list) for v in value):
            items = "".join(f"<li>{field_html(v)}</li>" for v in value)
            return Markup(f'<ul class="value">{items}</ul>')
        return escape(", ".join(plain(v) for v in value))
    return escape(plain(value))


def plain(value: Any) -> str:
    """A scalar in words: ``True`` as yes, ``600.0`` as 600."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
