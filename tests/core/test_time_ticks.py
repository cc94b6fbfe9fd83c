"""Timeline labels for any span (minutes to years): round times, never touching, none cut."""

import itertools
from datetime import UTC, datetime

import pytest

from viewer.core.time_ticks import keep_apart, time_ticks

T0 = datetime(2024, 6, 5, 3, 17, 20, tzinfo=UTC).timestamp()


def width(text: str) -> float:
    return 6.5 * len(text)  # about what an 8-point font gives


@pytest.mark.parametrize(
    "span", [300.0, 2 * 3600.0, 3 * 86400.0, 61 * 86400.0, 3 * 365 * 86400.0]
)  # 5 minutes, 2 hours, 3 days, 2 months, 3 years
def test_labels_for_any_span_fit_without_touching(span):
    strip = 700.0
    ticks = time_ticks(T0, T0 + span, strip, "Asia/Taipei", width)
    assert 3 <= len(ticks) <= 20
    times = [t for t, _ in ticks]
    assert times == sorted(times) and times[0] >= T0 and times[-1] <= T0 + span
    xs = [(t - T0) / span * strip for t in times]
    widths = [width(text) for _, text in ticks]
    kept = keep_apart(xs, widths, 0.0, strip)
    assert len(kept) >= len(ticks) - 1  # the step leaves room: at most an edge label dropped
    boxes = [(x0, x0 + widths[i]) for i, x0 in kept]
    assert all(a >= 0.0 and b <= strip for a, b in boxes)  # none cut at the ends
    assert all(b1 + 14.0 <= a2 for (_, b1), (a2, _) in itertools.pairwise(boxes))
    texts = [text for _, text in ticks]
    assert all(a != b for a, b in itertools.pairwise(texts))  # each step readable


def test_known_labels():
    five_min = time_ticks(T0, T0 + 300, 700, "UTC", width)
    assert [text for _, text in five_min][:2] == ["03:17:30", "03:18:00"]
    day = datetime(2021, 10, 4, tzinfo=UTC).timestamp()
    hours = time_ticks(day - 3600, day + 5 * 3600, 700, "UTC", width)
    assert "10-04" in [text for _, text in hours]  # midnight shows the date
    years = time_ticks(
        datetime(2021, 3, 1, tzinfo=UTC).timestamp(),
        datetime(2024, 3, 1, tzinfo=UTC).timestamp(),
        300,
        "UTC",
        width,
    )
    assert [text for _, text in years] == ["2022", "2023", "2024"]
    months = time_ticks(
        datetime(2021, 3, 10, tzinfo=UTC).timestamp(),
        datetime(2021, 9, 1, tzinfo=UTC).timestamp(),
        250,
        "UTC",
        width,
    )
    assert [text for _, text in months] == ["2021-05", "2021-07", "2021-09"]


def test_edge_labels_move_in_and_crowded_ones_are_left_out():
    kept = keep_apart([2.0, 40.0, 60.0, 298.0], [30.0, 30.0, 30.0, 30.0], 0.0, 300.0)
    assert kept == [(0, 0.0), (2, 45.0), (3, 270.0)]  # moved in; the one at 40 touched


def test_no_labels_without_a_span():
    assert time_ticks(T0, T0, 700, "UTC", width) == []
