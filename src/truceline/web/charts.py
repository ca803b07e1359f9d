"""Charts drawn server-side as inline SVG: no script, every label escaped.

``line_chart`` plots one line per series (a counting body) against a target
line. Series differ by colour *and* by marker shape and dash pattern, and the
legend names each one, so colour is never the only cue. A line is broken
where days have no count: a day nobody counted is shown as a gap, never as a
value drawn between its neighbours.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup, escape

PALETTE = ("#0b57a4", "#b35c00", "#1e6b34", "#7a2a8a", "#9b1c1c", "#3f4750")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "4 4", "1 2")
MARKERS = ("circle", "square", "triangle", "diamond", "circle", "square")


@dataclass(frozen=True)
class Line:
    label: str
    points: list[tuple[dt.date, float, str]]  # day, value, tooltip


def _marker(shape: str, x: float, y: float, colour: str, tip: str) -> str:
    title = f"<title>{escape(tip)}</title>"
    if shape == "square":
        body = f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" fill="{colour}">'
        return body + title + "</rect>"
    if shape == "triangle":
        pts = f"{x:.1f},{y - 4.5:.1f} {x - 4.5:.1f},{y + 3.5:.1f} {x + 4.5:.1f},{y + 3.5:.1f}"
        return f'<polygon points="{pts}" fill="{colour}">{title}</polygon>'
    if shape == "diamond":
        pts = f"{x:.1f},{y - 5:.1f} {x - 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} {x + 5:.1f},{y:.1f}"
        return f'<polygon points="{pts}" fill="{colour}">{title}</polygon>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}">{title}</circle>'


def line_chart(
    title: str,
    lines: list[Line],
    target: float | None = None,
    target_label: str = "target",
    unit: str = "",
    width: int = 760,
    height: int = 300,
) -> Markup:
    """An SVG line chart with axes, a dashed target line and a legend."""
    days = [p[0] for line in lines for p in line.points]
    values = [p[1] for line in lines for p in line.points]
    left, right, top, bottom = 56, 16, 28, 44
    legend_h = 18 * (len(lines) + (1 if target is not None else 0) + 1)
    total_h = height + legend_h
    plot_w, plot_h = width - left - right, height - top - bottom
    out = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {total_h}" '
        f'width="{width}" height="{total_h}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    if not days:
        out.append(f'<text x="{left}" y="{top + 20}">No counts recorded.</text></svg>')
        return Markup("".join(out))
    d0, d1 = min(days), max(days)
    span = max(1, (d1 - d0).days)
    vmax = max([*values, target or 0]) * 1.1 or 1

    def x(day: dt.date) -> float:
        return left + plot_w * (day - d0).days / span

    def y(value: float) -> float:
        return top + plot_h * (1 - value / vmax)

    # axes and grid
    out.append(
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" '
        'stroke="#555d66"/>'
    )
    out.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#555d66"/>')
    for i in range(5):
        value = vmax * i / 4
        out.append(
            f'<line x1="{left}" y1="{y(value):.1f}" x2="{left + plot_w}" y2="{y(value):.1f}" '
            'stroke="#e1e5e9"/>'
            f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{value:,.0f}</text>'
        )
    ticks = 6 if span >= 6 else span
    for i in range(ticks + 1):
        day = d0 + dt.timedelta(days=round(span * i / max(1, ticks)))
        out.append(
            f'<text x="{x(day):.1f}" y="{top + plot_h + 18}" text-anchor="middle">'
            f"{day:%d %b}</text>"
        )
    if unit:
        out.append(f'<text x="{left}" y="{top - 10}">{escape(unit)}</text>')
    if target is not None:
        out.append(
            f'<line x1="{left}" y1="{y(target):.1f}" x2="{left + plot_w}" y2="{y(target):.1f}" '
            'stroke="#1b1f24" stroke-width="2" stroke-dasharray="10 4"/>'
        )
    for i, line in enumerate(lines):
        colour, dash, shape = (
            PALETTE[i % len(PALETTE)],
            DASHES[i % len(DASHES)],
            MARKERS[i % len(MARKERS)],
        )
        pts = sorted(line.points)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        for run in _runs(pts):
            path = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v, _ in run)
            out.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" '
                f'stroke-width="2"{dash_attr}/>'
            )
        for d, v, tip in pts:
            out.append(_marker(shape, x(d), y(v), colour, tip))
    # legend
    ly = height + 4
    for i, line in enumerate(lines):
        colour, shape = PALETTE[i % len(PALETTE)], MARKERS[i % len(MARKERS)]
        dash = DASHES[i % len(DASHES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line x1="{left}" y1="{ly + 6}" x2="{left + 28}" y2="{ly + 6}" stroke="{colour}" '
            f'stroke-width="2"{dash_attr}/>'
            + _marker(shape, left + 14, ly + 6, colour, line.label)
            + f'<text x="{left + 36}" y="{ly + 10}">{escape(line.label)}</text>'
        )
        ly += 18
    if target is not None:
        out.append(
            f'<line x1="{left}" y1="{ly + 6}" x2="{left + 28}" y2="{ly + 6}" stroke="#1b1f24" '
            'stroke-width="2" stroke-dasharray="10 4"/>'
            f'<text x="{left + 36}" y="{ly + 10}">{escape(target_label)}</text>'
        )
        ly += 18
    out.append(f'<text x="{left}" y="{ly + 10}">{GAP_NOTE}</text>')
    out.append("</svg>")
    return Markup("".join(out))


GAP_NOTE = "a break in a line: days with no count (unreported)"


def _runs(
    points: list[tuple[dt.date, float, str]],
) -> list[list[tuple[dt.date, float, str]]]:
    """Points on consecutive days, as runs of two or more: a line never bridges a gap."""
    runs: list[list[tuple[dt.date, float, str]]] = []
    for point in points:
        if runs and (point[0] - runs[-1][-1][0]).days <= 1:
            runs[-1].append(point)
        else:
            runs.append([point])
    return [run for run in runs if len(run) > 1]
