"""Figure compatibility rules, worked out by hand."""

from __future__ import annotations

import math

import pytest

from truceline.model import Figure, Source
from truceline.reconcile import compatible, interval
from truceline.reconcile.figures import as_of_time, metric_key


def fig(value: float, qualifier: str = "exact", **kw: object) -> Figure:
    return Figure(
        id=f"f{value}{qualifier}", metric="killed", value=value, qualifier=qualifier, **kw
    )


@pytest.mark.parametrize(
    ("value", "qualifier", "expected"),
    [
        (404, "exact", (404, 404)),
        (330, "at_least", (330, math.inf)),
        (660, "more_than", (660, math.inf)),
        (1904, "up_to", (0, 1904)),
        (700, "nearly", (630, 700)),
        (500, "about", (450, 550)),
    ],
)
def test_intervals(value: float, qualifier: str, expected: tuple[float, float]) -> None:
    assert interval(value, qualifier) == pytest.approx(expected)


def test_lower_bound_is_compatible_with_a_larger_exact_figure() -> None:
    assert compatible(fig(330, "at_least"), fig(404))
    assert not compatible(fig(232), fig(404))
    assert not compatible(fig(660, "more_than"), fig(562))
    assert compatible(fig(700, "nearly"), fig(673))
    assert compatible(fig(1904, "up_to"), fig(1650))


def test_as_of_reads_times_words_and_dates() -> None:
    day = {"date": "2025-03-18"}
    assert as_of_time(fig(1, as_of="06:00", **day), {}).hour == 6
    assert as_of_time(fig(1, as_of="8 pm", **day), {}).hour == 20
    assert as_of_time(fig(1, as_of="evening", **day), {}).hour == 19
    assert as_of_time(fig(1, as_of="2025-03-19", **day), {}).day == 19
    published = {"s": Source(id="s", outlet="O", published="2025-03-20")}
    f = fig(1, sources=[{"source": "s"}], **day)
    assert as_of_time(f, published).day == 20
    assert as_of_time(fig(1), {}) is None


def test_metric_synonyms() -> None:
    assert metric_key("Deaths") == metric_key("killed") == "killed"
    assert metric_key("aid_trucks") == metric_key("trucks") == "aid trucks"
