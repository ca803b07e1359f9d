"""Charts drawn server-side as inline SVG: no script, no library, every label escaped.

Four charts, each over a whole window of days (a phase, an obligation's window),
never only the days that have data, so that a reader sees how much of the window
nobody reported on:

``quota_chart``       counts per day, one line per counting body, against the target,
                      with each day's ledger status marked in a strip under the plot
``cumulative_chart``  a schedule's cumulative count done against the count due
``calendar_chart``    the phases as bands, deadlines as marks, and today's line
``claims_chart``      violations claimed per day, stacked by who claims them

A line is broken where days have no count (its path moves, never draws, across a
gap). Colours come from classes in ``static/charts.css`` (the static site's CSP
forbids inline styles); series also differ by marker shape and dash pattern, and
every chart has a ``<title>``, a ``<desc>``, an HTML legend and its values as a
table in a ``<details>``, so colour is never the only cue and nothing is only
drawn. The viewBox scales the chart to the width of a phone.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import count

from markupsafe import Markup, escape

from truceline.compliance import MEANINGS
from truceline.web.render import STATUS_SYMBOLS

DASHES = ("", "6 3", "2 3", "8 3 2 3", "4 4", "1 2")
MARKERS = ("circle", "square", "triangle", "diamond", "circle", "square")
SERIES = 6  # series-0 … series-5 in charts.css; a seventh series reuses the first colour
SYMBOLS = {**STATUS_SYMBOLS, "upcoming": "…", "waiting": "…", "superseded": "↷"}
"""The symbol of each status (``render.STATUS_SYMBOLS``) and of each deadline state."""
WORDS: dict[str, str] = {
    **{str(k): v for k, v in MEANINGS.items()},
    "upcoming": "upcoming: not yet due, no act recorded",
    "waiting": "waiting: for its trigger; due day not yet known",
    "superseded": "superseded: an amendment moved the due day",
}
"""Each status (and each deadline state) in words, for the charts' legends."""
GAP_NOTE = "a break in a line: days with no count (unreported)"
ONE_DAY = dt.timedelta(days=1)
WIDTH, LEFT, RIGHT, TOP = 760, 56, 16, 24
CALENDAR_LEFT = 260  # the calendar's column of row names
_ids = count(1)


@dataclass(frozen=True)
class Line:
    """One series: a label and its points (day, value, tooltip)."""

    label: str
    points: list[tuple[dt.date, float, str]]


@dataclass(frozen=True)
class Mark:
    """A day's ledger status, drawn in the status strip."""

    day: dt.date
    status: str
    tip: str


@dataclass(frozen=True)
class Band:
    """A phase on the calendar: its name and its first and last day (None: not yet known)."""

    label: str
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class Due:
    """A deadline on the calendar: its due day, its state and the day its act was recorded."""

    label: str
    day: dt.date
    state: str
    done: dt.date | None
    tip: str


def nice_ticks(top: float, most: int = 6, integers: bool = False) -> list[float]:
    """Axis values from 0 in steps of 1, 2, 2.5 or 5 × 10^n, the last at or above ``top``
    (``integers``: no step under 1, for counts of records)."""
    if top <= 0:
        return [0.0, 1.0]
    rough = max(top / max(1, most - 1), 1 if integers else 0)
    power = 10 ** math.floor(math.log10(rough))
    steps = (1, 2, 5, 10) if integers and power < 10 else (1, 2, 2.5, 5, 10)
    step = next(m * power for m in steps if m * power >= rough)
    n = math.ceil(top / step - 1e-9)
    return [round(i * step, 10) for i in range(n + 1)]


def day_ticks(start: dt.date, end: dt.date, most: int = 8) -> list[dt.date]:
    """Days to label on an axis: every 1, 2, 7, 14 or 28 days from ``start``, at most ``most``."""
    days = (end - start).days + 1
    step = next((s for s in (1, 2, 7, 14, 28, 56, 91) if days / s <= most), 182)
    return [start + i * step * ONE_DAY for i in range(0, math.ceil(days / step))]


class _Frame:
    """Maps days (slots of equal width across the window) and values to SVG coordinates."""

    def __init__(
        self, start: dt.date, end: dt.date, top: float, height: int, left: int = LEFT,
        integers: bool = False,
    ) -> None:  # fmt: skip
        self.start, self.end, self.left = start, end, left
        self.days = (end - start).days + 1
        self.ticks = nice_ticks(top, integers=integers)
        self.vmax = self.ticks[-1]
        self.plot_w = WIDTH - left - RIGHT
        self.plot_h = height

    @property
    def slot(self) -> float:
        return self.plot_w / self.days

    def x(self, day: dt.date) -> float:
        """The middle of the day's slot."""
        return self.left + self.slot * ((day - self.start).days + 0.5)

    def y(self, value: float) -> float:
        return TOP + self.plot_h * (1 - value / self.vmax)

    def axes(self, unit: str, values: bool = True) -> list[str]:
        bottom = TOP + self.plot_h
        out = [
            f'<line class="axis" x1="{self.left}" y1="{bottom}" x2="{WIDTH - RIGHT}" y2="{bottom}"/>'
        ]
        if values:
            for v in self.ticks:
                out.append(
                    f'<line class="grid" x1="{self.left}" y1="{self.y(v):.1f}" x2="{WIDTH - RIGHT}" '
                    f'y2="{self.y(v):.1f}"/><text class="tick" x="{self.left - 6}" '
                    f'y="{self.y(v) + 4:.1f}" text-anchor="end">{v:,.10g}</text>'
                )
            out.append(f'<text class="unit" x="{self.left}" y="{TOP - 8}">{escape(unit)}</text>')
        return out

    def day_axis(self, y: float) -> list[str]:
        out = []
        for day in day_ticks(self.start, self.end):
            out.append(
                f'<line class="axis" x1="{self.x(day):.1f}" y1="{y - 4}" x2="{self.x(day):.1f}" '
                f'y2="{y}"/><text class="tick" x="{self.x(day):.1f}" y="{y + 17}" '
                f'text-anchor="middle">{day:%d %b}</text>'
            )
        out.append(
            f'<text class="tick" x="{WIDTH - RIGHT}" y="{y + 38}" text-anchor="end">'
            f"{self.start:%d %b %Y} – {self.end:%d %b %Y} ({self.days} days)</text>"
        )
        return out

    def strip(self, marks: list[Mark], y: float) -> list[str]:
        """Each day's status as a cell of colour with its symbol (when the cell is wide enough)."""
        out = [
            f'<text class="tick" x="{self.left - 6}" y="{y + 11}" text-anchor="end">status</text>'
        ]
        w = self.slot
        for m in marks:
            if not self.start <= m.day <= self.end:
                continue
            x0 = self.left + w * (m.day - self.start).days
            sym = SYMBOLS.get(m.status, "?")
            text = (
                f'<text class="sym" x="{x0 + w / 2:.1f}" y="{y + 11}" text-anchor="middle">'
                f"{sym}</text>"
                if w >= 9
                else ""
            )
            out.append(
                f'<g class="day-mark status-{escape(m.status)}"><rect x="{x0:.1f}" y="{y}" '
                f'width="{w:.1f}" height="14"/>{text}<title>{escape(m.tip)}</title></g>'
            )
        return out


def _open(title: str, desc: str, height: float) -> tuple[str, list[str]]:
    """The SVG's opening tags: role, title and description referenced by id."""
    n = next(_ids)
    return f"chart-{n}", [
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'preserveAspectRatio="xMinYMin meet" aria-labelledby="chart-{n}-t chart-{n}-d" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-{n}-t">{escape(title)}</title>',
        f'<desc id="chart-{n}-d">{escape(desc)}</desc>',
    ]


def _marker(shape: str, x: float, y: float, tip: str) -> str:
    title = f"<title>{escape(tip)}</title>"
    if shape == "square":
        return f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7">{title}</rect>'
    if shape == "triangle":
        pts = f"{x:.1f},{y - 4.5:.1f} {x - 4.5:.1f},{y + 3.5:.1f} {x + 4.5:.1f},{y + 3.5:.1f}"
        return f'<polygon points="{pts}">{title}</polygon>'
    if shape == "diamond":
        pts = f"{x:.1f},{y - 5:.1f} {x - 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} {x + 5:.1f},{y:.1f}"
        return f'<polygon points="{pts}">{title}</polygon>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4">{title}</circle>'


def _path(points: Iterable[tuple[float, float, bool]]) -> str:
    """An SVG path that moves (``M``) to each point starting a run and draws (``L``) within it."""
    return " ".join(f"{'M' if new else 'L'}{x:.1f},{y:.1f}" for x, y, new in points)


def _line_path(frame: _Frame, points: list[tuple[dt.date, float, str]]) -> str:
    """Consecutive days joined; a day with no count between two counts is a gap."""
    out, previous = [], None
    for day, value, _ in sorted(points):
        new = previous is None or (day - previous).days > 1
        out.append((frame.x(day), frame.y(value), new))
        previous = day
    return _path(out)


def _swatch(kind: str, i: int = 0) -> str:
    """A small picture of a legend entry: a series' line and marker, the target, a status."""
    if kind == "series":
        dash = f' stroke-dasharray="{DASHES[i % len(DASHES)]}"' if DASHES[i % len(DASHES)] else ""
        return (
            f'<svg class="swatch series-{i % SERIES}" viewBox="0 0 28 12" width="28" height="12" '
            f'aria-hidden="true"><path d="M0,6 L28,6"{dash}/>'
            f"{_marker(MARKERS[i % len(MARKERS)], 14, 6, '')}</svg>"
        )
    shape = (
        '<path d="M14,0 L20,6 L14,12 L8,6 Z"/>' if kind == "due-mark" else '<path d="M0,6 L28,6"/>'
    )
    return (
        f'<svg class="swatch {kind}" viewBox="0 0 28 12" width="28" height="12" '
        f'aria-hidden="true">{shape}</svg>'
    )


def _legend(entries: list[tuple[str, str]]) -> str:
    items = "".join(f"<li>{swatch} {escape(text)}</li>" for swatch, text in entries)
    return f'<ul class="chart-legend">{items}</ul>'


def _status_legend(statuses: Iterable[str]) -> list[tuple[str, str]]:
    return [
        (
            f'<span class="status status-{s}"><span class="sym" aria-hidden="true">'
            f"{SYMBOLS.get(s, '?')}</span></span>",
            WORDS.get(s) or s.replace("_", " "),
        )
        for s in dict.fromkeys(statuses)
    ]


def _table(caption: str, head: list[str], rows: list[list[str]]) -> str:
    """The chart's values as a table, folded under the chart."""
    th = "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
    body = "".join(
        f'<tr><th scope="row">{escape(r[0])}</th>'
        + "".join(f"<td>{escape(c)}</td>" for c in r[1:])
        + "</tr>"
        for r in rows
    )
    return (
        f'<details class="chart-data"><summary>{escape(caption)}</summary>'
        f'<table class="list"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table></details>'
    )


def _day(day: dt.date) -> str:
    return f"{day:%d %b %Y}"


def _empty(title: str, note: str) -> Markup:
    _, out = _open(title, note, 40)
    out.append(f'<text x="{LEFT}" y="24">{escape(note)}</text></svg>')
    return Markup("".join(out))


def quota_chart(
    title: str,
    window: tuple[dt.date, dt.date],
    lines: list[Line],
    marks: list[Mark],
    target: float | None = None,
    target_label: str = "target",
    unit: str = "",
) -> Markup:
    """Counts per day over the whole window against the target, with each day's status."""
    start, end = window
    values = [p[1] for line in lines for p in line.points]
    frame = _Frame(start, end, max([*values, target or 0]) * 1.05, 200)
    counted = len({p[0] for line in lines for p in line.points})
    desc = (
        f"{len(lines)} series over {frame.days} days from {_day(start)} to {_day(end)}; "
        f"{counted} days have a count"
        + (f"; {target_label}" if target is not None else "")
        + ". Days with no count are left as gaps."
    )
    strip_y = TOP + frame.plot_h + 8
    _, out = _open(title, desc, strip_y + 66)
    out += frame.axes(unit)
    if target is not None:
        out.append(
            f'<path class="target" d="M{LEFT},{frame.y(target):.1f} '
            f'L{WIDTH - RIGHT},{frame.y(target):.1f}"><title>{escape(target_label)}</title></path>'
        )
    for i, line in enumerate(lines):
        dash = DASHES[i % len(DASHES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<g class="series series-{i % SERIES}">')
        out.append(f'<path class="line" d="{_line_path(frame, line.points)}"{dash_attr}/>')
        shape = MARKERS[i % len(MARKERS)]
        out += [_marker(shape, frame.x(d), frame.y(v), tip) for d, v, tip in line.points]
        out.append("</g>")
    out += frame.strip(marks, strip_y)
    out += frame.day_axis(strip_y + 18)
    out.append("</svg>")
    legend = [(_swatch("series", i), line.label) for i, line in enumerate(lines)]
    if target is not None:
        legend.append((_swatch("target"), target_label))
    legend.append(("", GAP_NOTE))
    legend += _status_legend(m.status for m in marks)
    by_day = {m.day: m.status for m in marks}
    values_by = [{d: v for d, v, _ in line.points} for line in lines]
    rows = []
    for day in _window(start, end):
        cells = [f"{v[day]:g}" if day in v else "no count" for v in values_by]
        rows.append([_day(day), by_day.get(day, "").replace("_", " "), *cells])
    head = ["day", "status", *(line.label for line in lines)]
    return Markup("".join(out) + _legend(legend) + _table("The counts, day by day", head, rows))


def cumulative_chart(
    title: str,
    window: tuple[dt.date, dt.date],
    done: list[tuple[dt.date, float]],
    due: list[tuple[dt.date, float]],
    marks: list[Mark],
    unit: str = "",
) -> Markup:
    """A schedule's cumulative count done (on days a record gives it) against the count due."""
    start, end = window
    if not due and not done:
        return _empty(title, "No cumulative counts in the ledger yet.")
    frame = _Frame(start, end, max(v for _, v in (*done, *due)) * 1.05, 200)
    desc = (
        f"Cumulative count due and done over {frame.days} days from {_day(start)} to "
        f"{_day(end)}; at the last day with both, "
        + (f"{done[-1][1]:g} done and {due[-1][1]:g} due." if done and due else "no count.")
    )
    strip_y = TOP + frame.plot_h + 8
    _, out = _open(title, desc, strip_y + 66)
    out += frame.axes(unit)
    out.append(f'<path class="due" d="{_steps(frame, due)}"/>')
    out.append(f'<g class="series series-0"><path class="line" d="{_steps(frame, done)}"/>')
    out += [_marker("circle", frame.x(d), frame.y(v), f"{_day(d)}: {v:g} done") for d, v in done]
    out.append("</g>")
    out += frame.strip(marks, strip_y)
    out += frame.day_axis(strip_y + 18)
    out.append("</svg>")
    legend = [
        (_swatch("series", 0), f"done: cumulative {unit} recorded"),
        (_swatch("due"), f"due: cumulative {unit} the schedule requires"),
        ("", "a break in a line: days with no count"),
        *_status_legend(m.status for m in marks),
    ]
    done_by, due_by = dict(done), dict(due)
    rows = [
        [
            _day(day),
            f"{done_by[day]:g}" if day in done_by else "no count",
            f"{due_by[day]:g}" if day in due_by else "",
        ]
        for day in _window(start, end)
        if day in done_by or day in due_by
    ]
    table = _table("The cumulative counts, day by day", ["day", "done", "due"], rows)
    return Markup("".join(out) + _legend(legend) + table)


def _steps(frame: _Frame, points: list[tuple[dt.date, float]]) -> str:
    """A cumulative count as steps across each day's slot; a day with no count is a gap."""
    out: list[tuple[float, float, bool]] = []
    previous = None
    half = frame.slot / 2
    for day, value in sorted(points):
        new = previous is None or (day - previous).days > 1
        y = frame.y(value)
        out += [(frame.x(day) - half, y, new), (frame.x(day) + half, y, False)]
        previous = day
    return _path(out)


def calendar_chart(title: str, bands: list[Band], deadlines: list[Due], today: dt.date) -> Markup:
    """The phases as bands across time, each deadline as a mark on its due day, today's line.

    One row per phase, then one per deadline, each named in a column on the left."""
    known = [d for b in bands for d in (b.start, b.end) if d] + [d.day for d in deadlines]
    if not known:
        return _empty(title, "No phase has known dates yet.")
    start, end = min(known), max(known)
    frame = _Frame(start, end, 1, 0, left=CALENDAR_LEFT)
    row_h = 22
    axis_y = TOP + (len(bands) + len(deadlines)) * row_h + 6
    desc = (
        f"{len(bands)} phases and {len(deadlines)} deadlines from {_day(start)} to {_day(end)}; "
        f"today is {_day(today)}" + (", after the last day shown." if today > end else ".")
    )
    _, out = _open(title, desc, axis_y + 48)
    for i, band in enumerate(bands):
        y = TOP + i * row_h
        out.append(_row_label(band.label, y + row_h / 2))
        if band.start is None:
            out.append(
                f'<text class="tick" x="{frame.left + 4}" y="{y + 15}">dates not yet known</text>'
            )
            continue
        x0 = frame.x(band.start) - frame.slot / 2
        x1 = frame.x(band.end or end) + frame.slot / 2
        out.append(
            f'<g class="band band-{i % 3}"><rect x="{x0:.1f}" y="{y + 2}" width="{x1 - x0:.1f}" '
            f'height="{row_h - 4}"/><title>{escape(band.label)}: {_day(band.start)} to '
            f"{_day(band.end) if band.end else 'not yet known'}</title></g>"
        )
    for i, due in enumerate(deadlines):
        mid = TOP + (len(bands) + i) * row_h + row_h / 2
        out.append(_row_label(f"{SYMBOLS.get(due.state, '?')} {due.label}", mid))
        x, done = frame.x(due.day), ""
        if due.done is not None:
            xd = frame.x(min(due.done, end))
            done = (
                f'<path class="late" d="M{x:.1f},{mid:.1f} L{xd:.1f},{mid:.1f}"/>'
                f'<circle class="done" cx="{xd:.1f}" cy="{mid:.1f}" r="4"/>'
            )
        out.append(
            f'<g class="deadline status-{escape(due.state)}">{done}'
            f'<path class="due-mark" d="M{x:.1f},{mid - 6:.1f} L{x + 6:.1f},{mid:.1f} '
            f'L{x:.1f},{mid + 6:.1f} L{x - 6:.1f},{mid:.1f} Z"/><title>{escape(due.tip)}</title></g>'
        )
    out += frame.day_axis(axis_y)
    if today <= end:
        xt = frame.x(max(today, start))
        out.append(
            f'<path class="today" d="M{xt:.1f},{TOP - 4} L{xt:.1f},{axis_y}"/>'
            f'<text class="tick" x="{xt:.1f}" y="{TOP - 8}" text-anchor="middle">'
            f"today, {today:%d %b}</text>"
        )
    else:
        out.append(
            f'<text class="tick" x="{WIDTH - RIGHT}" y="{TOP - 8}" text-anchor="end">'
            f"today ({_day(today)}) is after the last day shown →</text>"
        )
    out.append("</svg>")
    legend = [
        (_swatch("due-mark"), "due day of a deadline, its state's symbol before its name"),
        (_swatch("late"), "from the due day to the day its act was recorded (●)"),
        (_swatch("today"), "today"),
        *_status_legend(d.state for d in deadlines),
    ]
    rows = [
        [b.label, _day(b.start) if b.start else "not yet known",
         _day(b.end) if b.end else "not yet known", "phase"]
        for b in bands
    ] + [
        [d.label, _day(d.day), _day(d.done) if d.done else "", d.tip] for d in deadlines
    ]  # fmt: skip
    head = ["phase or deadline", "from / due", "to / done", "where it stands"]
    return Markup("".join(out) + _legend(legend) + _table("The phases and deadlines", head, rows))


def _row_label(text: str, y: float, most: int = 30) -> str:
    """A row's name in the calendar's left column, shortened (the whole name in its tooltip)."""
    short = text if len(text) <= most else text[: most - 1].rstrip() + "…"
    return (
        f'<text class="row-label" x="{CALENDAR_LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">'
        f"{escape(short)}<title>{escape(text)}</title></text>"
    )


def claims_chart(
    title: str,
    window: tuple[dt.date, dt.date],
    claims: dict[str, dict[dt.date, int]],
    unit: str = "violations claimed per day",
    top: int = 0,
) -> Markup:
    """Bars per day, stacked by who claims them: claims, not findings. ``top``: the highest
    value of the axis at least (small multiples share one scale)."""
    start, end = window
    totals: dict[dt.date, int] = {}
    for per_day in claims.values():
        for day, n in per_day.items():
            totals[day] = totals.get(day, 0) + n
    if not totals:
        return _empty(title, "No violation claimed in this window.")
    frame = _Frame(start, end, max(top, *totals.values()), 120, integers=True)
    desc = (
        f"{sum(totals.values())} claims on {len(totals)} of {frame.days} days from "
        f"{_day(start)} to {_day(end)}, by {len(claims)} claimants."
    )
    _, out = _open(title, desc, TOP + frame.plot_h + 48)
    out += frame.axes(unit)
    base = dict.fromkeys(totals, 0)
    w = max(1.0, frame.slot * 0.8)
    for i, (who, per_day) in enumerate(claims.items()):
        out.append(f'<g class="series series-{i % SERIES}">')
        for day, n in sorted(per_day.items()):
            if not start <= day <= end:
                continue
            y0, y1 = frame.y(base[day]), frame.y(base[day] + n)
            base[day] += n
            out.append(
                f'<rect x="{frame.x(day) - w / 2:.1f}" y="{y1:.1f}" width="{w:.1f}" '
                f'height="{y0 - y1:.1f}"><title>{_day(day)}: {n} claimed by {escape(who)}'
                "</title></rect>"
            )
        out.append("</g>")
    out += frame.day_axis(TOP + frame.plot_h)
    out.append("</svg>")
    legend = [(_swatch(f"bar series-{i % SERIES}"), f"claimed by {who}") for i, who in
              enumerate(claims)]  # fmt: skip
    rows = [
        [_day(day), *(str(per.get(day, 0)) for per in claims.values())] for day in sorted(totals)
    ]
    head = ["day", *(f"claimed by {who}" for who in claims)]
    return Markup("".join(out) + _legend(legend) + _table("The claims, day by day", head, rows))


def _window(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + i * ONE_DAY for i in range((end - start).days + 1)]
