"""The timeline as TimelineJS JSON (https://timeline.knightlab.com/docs/json-format.html).

TimelineJS renders ``headline`` and ``text`` as HTML, so every value from the
dossier is HTML-escaped here. Each slide says who claims it, never states it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

from truceline.model import Record, Source


def _date(value: str) -> dict[str, str]:
    parts = value.split("-")
    return {k: p.lstrip("0") or "0" for k, p in zip(("year", "month", "day"), parts, strict=False)}


def _headline(record: Record) -> str:
    kind = record.kind
    if kind == "statement":
        return f"{record.speaker}"  # type: ignore[union-attr]
    if kind == "figure":
        return f"{record.metric.replace('_', ' ')}: {record.value:g}"  # type: ignore[union-attr]
    if kind == "event":
        return f"{record.type}: {', '.join(record.actors)}"  # type: ignore[union-attr]
    if kind == "proposal":
        return str(record.title)  # type: ignore[union-attr]
    return f"{record.party}: {record.stance}"  # type: ignore[union-attr]


def _text(record: Record) -> str:
    if record.kind == "statement":
        return f"“{record.quote}”"  # type: ignore[union-attr]
    return str(getattr(record, "summary", None) or "")


def timeline_json(
    records: Iterable[Record], sources: Mapping[str, Source], title: str = "truceline timeline"
) -> dict[str, Any]:
    """A TimelineJS document: one slide per dated record, grouped by kind."""
    events = []
    for record in records:
        if not record.date:
            continue
        outlets = list(
            dict.fromkeys(
                sources[ev.source].outlet for ev in record.sources if ev.source in sources
            )
        )
        claim = record.claimed_by or ", ".join(outlets) or "unattributed"
        body = f"<p>{html.escape(_text(record))}</p><p>According to: {html.escape(claim)}</p>"
        links = [
            sources[ev.source].url
            for ev in record.sources
            if ev.source in sources
            and (sources[ev.source].url or "").startswith(("http://", "https://"))
        ]
        if links:
            items = "".join(
                f'<li><a href="{html.escape(u or "", quote=True)}">{html.escape(u or "")}</a></li>'
                for u in dict.fromkeys(links)
            )
            body += f"<ul>{items}</ul>"
        events.append(
            {
                "unique_id": record.id,
                "start_date": _date(record.date),
                "group": record.kind,
                "text": {"headline": html.escape(_headline(record)), "text": body},
            }
        )
    return {"title": {"text": {"headline": html.escape(title), "text": ""}}, "events": events}
