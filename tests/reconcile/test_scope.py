"""Figures are compared only when they count the same thing; running totals are series."""

from __future__ import annotations

from truceline.model import Figure
from truceline.reconcile.disputes import figure_disputes


def fig(fid: str, value: float, **kw: object) -> Figure:
    base: dict[str, object] = {"metric": "killed", "date": "2025-03-18", "who": "people"}
    return Figure(id=fid, value=value, **{**base, **kw})  # type: ignore[arg-type]


def test_an_incident_count_never_clashes_with_a_day_or_phase_total() -> None:
    figures = [
        fig("strike", 9, incident="strike"),
        fig("day", 404),
        fig("phase", 1904, period="phase"),
    ]
    assert figure_disputes(figures, {}) == []


def test_two_counts_of_one_incident_clash() -> None:
    found = figure_disputes(
        [fig("a", 9, incident="strike"), fig("b", 15, incident="the strike")], {}
    )
    assert [(d.kind, sorted(r for s in d.sides for r in s.records)) for d in found] == [
        ("contradiction", ["a", "b"])
    ]


def test_a_share_is_not_a_count() -> None:
    assert figure_disputes([fig("half", 0.5, qualifier="half"), fig("day", 404)], {}) == []


def test_a_bodys_running_total_is_a_series_even_when_revised_down() -> None:
    series = [
        fig("d1", 48_000, date="2025-03-17", cumulative=True, counted_by="Health Ministry"),
        fig("d2", 48_500, date="2025-03-18", cumulative=True, counted_by="Health Ministry"),
        fig("d3", 48_400, date="2025-03-19", cumulative=True, counted_by="Health Ministry"),
    ]
    found = figure_disputes(series, {})
    assert [(d.kind, [s.records for s in d.sides]) for d in found] == [
        ("evolving", [["d1"], ["d2"], ["d3"]])
    ]


def test_running_totals_of_two_bodies_on_one_day_differ_by_definition() -> None:
    found = figure_disputes(
        [
            fig("m", 48_000, cumulative=True, counted_by="Health Ministry"),
            fig("o", 45_000, cumulative=True, counted_by="OCHA"),
        ],
        {},
    )
    assert [d.kind for d in found] == ["definition"]


def test_an_events_count_already_a_figure_is_compared_only_as_the_figure() -> None:
    from truceline.model import Event
    from truceline.reconcile import detect_disputes

    def event(eid: str, source: str, killed: float) -> Event:
        return Event(
            id=eid,
            type="ASSAULT",
            date="2025-03-19",
            actors=["IDF"],
            summary="Israeli strike on a Jabalia school kills people",
            figures=[{"metric": "killed", "value": killed}],
            sources=[{"source": source}],
        )

    war_total = fig("war", 49_000, date="2025-03-19", cumulative=True, sources=[{"source": "a"}])
    records = [event("e1", "a", 49_000), event("e2", "b", 15), war_total]
    assert detect_disputes(records, {}) == []
    assert [d.kind for d in detect_disputes(records[:2], {})] == ["contradiction"]
