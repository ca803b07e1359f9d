"""Jinja2 environment, filters, and the article highlighter.

Autoescaping is on for every template: article text, quotes and names reach the
page only through ``{{ … }}`` (escaped) or through ``highlight_spans``, which
escapes every piece of text itself and adds only its own fixed tags.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from truceline.compliance import MEANINGS
from truceline.model import Record, describe
from truceline.negotiation import describe as describe_term
from truceline.web.links import safe_href
from truceline.web.typography import (
    field_html,
    headline,
    plain,
    record_html,
    source_line,
    statement_html,
)

STATUS_SYMBOLS: dict[str, str] = {
    "met": "✓",
    "breached": "✗",
    "assumed_met": "≈",
    "pending": "…",
    "overdue": "!",
    "partial": "◐",
    "disputed": "⚖",
    "undecided": "?",
    "unreported": "–",
    "suspended": "‖",
    "ended": "∎",
    "not_due": "·",
    "inactive": "·",
}
"""The symbol beside each status word (``status_cell``, the legend): never colour alone."""
SYMBOL_MEANINGS: dict[str, str] = {
    **{status: meaning.split(": ", 1)[-1] for status, meaning in MEANINGS.items()},
    "inactive": "not in force, or not due that day",
}
"""What each status means, for the one legend (``macros.legend``); ``·`` once, for both
days outside the obligation's window."""


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("truceline.web", "templates"),
        autoescape=select_autoescape(["html", "svg"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_href"] = safe_href
    env.filters["describe"] = describe
    env.filters["json_script"] = json_script
    env.filters["label"] = lambda s: str(s or "").replace("_", " ")
    env.globals["who_says"] = who_says
    env.globals["describe_term"] = describe_term  # a proposal term in words
    env.globals["show"] = show
    env.globals["record_line_html"] = record_line
    env.globals["cited_list_html"] = cited_list
    env.globals["record_html"] = record_html
    env.globals["statement_html"] = statement_html
    env.globals["source_line"] = source_line
    env.globals["headline"] = headline
    env.globals["field_html"] = field_html
    env.globals["status_symbols"] = STATUS_SYMBOLS
    env.globals["symbol_meanings"] = SYMBOL_MEANINGS
    return env


def show(value: Any) -> str:
    """A value in one line of words (a term's before and after): never JSON or a repr."""
    if value is None or value == [] or value == {}:
        return "—"
    if isinstance(value, dict):
        return "; ".join(f"{str(k).replace('_', ' ')}: {show(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(map(show, value))
    return plain(value)


def who_says(record: Record, outlets: list[str] | None = None) -> str:
    """Whose claim a record is: its claimant, else the outlets that report it."""
    if record.claimed_by:
        return str(record.claimed_by)
    if outlets:
        return ", ".join(dict.fromkeys(outlets))
    return "unattributed"


def cited_list(entry: Any, url: Any, static: bool) -> Markup:
    """The sources a record cites (``Entry.cited``) as a list, each "Outlet · date ·
    original" (``source_line``; the outlet links to the source page at the record's
    span), then the span the record rests on, quoted: it is the article's own text.

    Python rather than a Jinja macro (``macros.html`` calls it), with the same
    markup: lists render up to 50 of these per page, and a macro costs about
    twice as much. Every value is escaped.
    """
    rid = escape(entry.record.id)
    out = ['<ul class="cited">\n']
    for c in entry.cited:
        path = f"/source/{c.source_id}"
        src = url(path) if static else url(path, focus=entry.record.id)
        out.append("  <li>\n")
        out.append(source_line(c.outlet, c.published, c.url, f"{src}#r-{rid}" if src else None))
        if c.text:
            out.append(f' <q class="evidence">{escape(c.text)}</q>')
        out.append("  </li>\n")
    if not entry.cited:
        out.append('  <li class="muted">no source cited</li>\n')
    out.append("</ul>\n")
    return Markup("".join(out))


def record_line(entry: Any, url: Any, static: bool) -> Markup:
    """One record in a list (timeline, compliance cell): date, kind, type, state, its
    description linked to the record page, whose claim it is, and its sources
    (the markup of the former ``record_line`` macro, which now calls this)."""
    r = entry.record
    kind = escape(r.kind)
    out = [f'<article class="entry kind-{kind}" id="e-{escape(r.id)}">\n  <div class="when">\n']
    if r.date:
        day = escape(r.date)
        out.append(f'<time datetime="{day}">{day}</time>')
        if r.date_precision and r.date_precision != "day":
            out.append(f' <span class="prec">({escape(r.date_precision)})</span>')
    else:
        out.append('<span class="muted">undated</span>')
    out.append(
        f'  </div>\n  <div class="what">\n    <p class="head">\n      <span class="kind">{kind}</span>\n'
    )
    if r.kind == "event":
        out.append(f'<span class="etype">{escape(r.type)}</span>')
    if r.state != "accepted":
        state = escape(r.state)
        out.append(f'<span class="state state-{state}">{state}</span>')
    out.append(record_html(r, url(f"/record/{r.id}")))
    claimant = escape(who_says(r, [c.outlet for c in entry.cited]))
    out.append(
        f'    </p>\n    <p class="claim">According to <span class="claimant">{claimant}</span></p>\n    '
    )
    out.append(cited_list(entry, url, static))
    out.append("\n  </div>\n</article>\n")
    return Markup("".join(out))


def json_script(value: Any) -> Markup:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>``, ``&``."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    record_id: str
    label: str


def locate(
    text: str, start: int | None, end: int | None, quote: str | None
) -> tuple[int, int] | None:
    """A span's offsets in ``text``: as given when they fit, else where its words occur."""
    if start is not None and end is not None and 0 <= start < end <= len(text):
        return start, end
    if quote:
        at = text.find(quote)
        if at >= 0:
            return at, at + len(quote)
    return None


def highlight_spans(text: str, spans: list[Span], href: Any, focus: str = "") -> Markup:
    """The article with each span in a ``<mark>`` linking to its record.

    Overlapping spans are cut at every boundary; a piece covered by several
    records links to the shortest (the most specific). ``href(record_id)`` gives
    the link; every piece of article text is escaped. Pieces of the ``focus``
    record get the class ``focus`` (the page was opened from that record).
    """
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    first_seen: set[str] = set()
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[a:b])
        covering = [s for s in spans if s.start <= a and b <= s.end]
        if not covering:
            out.append(str(piece))
            continue
        span = min(covering, key=lambda s: (s.end - s.start, s.record_id))
        ids = " ".join(dict.fromkeys(f"r-{s.record_id}" for s in covering))
        anchor = ""
        for s in covering:
            if s.record_id not in first_seen and s.start == a:
                first_seen.add(s.record_id)
                anchor += f'<span class="anchor" id="r-{escape(s.record_id)}"></span>'
        link = href(span.record_id)
        title = escape(", ".join(dict.fromkeys(s.label for s in covering)))
        body = f'<a href="{escape(link)}">{piece}</a>' if link else str(piece)
        cls = "span focus" if focus and any(s.record_id == focus for s in covering) else "span"
        out.append(
            f'{anchor}<mark class="{cls}" data-records="{escape(ids)}" title="{title}">{body}</mark>'
        )
    return Markup("".join(out))
