"""Time labels for a timeline of any span, from minutes to years: round local times (seconds,
minutes, hours, days, months, years) spaced so their texts never run together, with the first
and last kept inside the strip instead of cut at its edge.

>>> ticks = time_ticks(0.0, 3 * 86400.0, 600.0, "UTC", lambda text: 7.0 * len(text))
>>> [text for _, text in ticks][:3]
['01-01', '01-02', '01-03']
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from viewer.core.timeline import zone_info

MONTH, YEAR = "month", "year"
DAY_S = 86400.0
# The steps between labels, smallest first: seconds, or a number of months or years.
STEPS: tuple[tuple[float, str | None], ...] = (
    *((s, None) for s in (1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800)),
    *((h * 3600.0, None) for h in (1, 2, 3, 6, 12)),
    *((d * DAY_S, None) for d in (1, 2, 7, 14)),
    *((n, MONTH) for n in (1, 2, 3, 6)),
    *((n, YEAR) for n in (1, 2, 5, 10, 20, 50, 100)),
)
GAP_PX = 14.0  # the least space between two labels


def step_seconds(step: tuple[float, str | None]) -> float:
    """A step's length in seconds (a month 30.44 days, a year 365.25)."""
    n, unit = step
    return n * {MONTH: 30.44 * DAY_S, YEAR: 365.25 * DAY_S}.get(unit or "", 1.0)


def label_format(step: tuple[float, str | None]) -> str:
    """How labels of a step read: 10:20:30, 10:20, 10-04 (month-day), 2021-10, 2021."""
    n, unit = step
    if unit == YEAR:
        return "%Y"
    if unit == MONTH:
        return "%Y-%m"
    if n < 60:
        return "%H:%M:%S"
    return "%H:%M" if n < DAY_S else "%m-%d"


def _aligned(start: float, end: float, step: tuple[float, str | None], zone: str) -> list[float]:
    """The round local times of ``step`` from ``start`` to ``end`` (epoch s)."""
    tz = zone_info(zone)
    n, unit = step
    local = datetime.fromtimestamp(start, UTC).astimezone(tz)
    out: list[float] = []
    if unit in (MONTH, YEAR):
        months = int(n) * (12 if unit == YEAR else 1)
        index = local.year * 12 + local.month - 1
        index = math.ceil(index / months) * months  # the first whole step at or after start
        if datetime(index // 12, index % 12 + 1, 1, tzinfo=tz).timestamp() < start:
            index += months
        while True:
            year, month = divmod(index, 12)
            if year > 9999:
                break
            t = datetime(year, month + 1, 1, tzinfo=tz).timestamp()
            if t > end:
                break
            out.append(t)
            index += months
        return out
    offset = (local.utcoffset() or timedelta()).total_seconds()
    t = math.ceil((start + offset) / n) * n - offset
    while t <= end and len(out) < 10_000:
        out.append(t)
        t += n
    return out


def time_ticks(
    start: float,
    end: float,
    width_px: float,
    zone: str,
    text_width: Callable[[str], float],
    gap: float = GAP_PX,
) -> list[tuple[float, str]]:
    """(time, text) labels for a ``width_px`` strip showing ``start``..``end`` (epoch s) in
    ``zone``: the smallest round step whose labels (measured by ``text_width``) fit with ``gap``
    between them. Hours step over midnight with the date ("10-05"), days show month-day."""
    span = end - start
    if not (span > 0 and width_px > 0):
        return []
    px_per_s = width_px / span
    tz = zone_info(zone)
    chosen = STEPS[-1]
    for step in STEPS:
        sample = datetime.fromtimestamp(start, UTC).astimezone(tz).strftime(label_format(step))
        if step_seconds(step) * px_per_s >= text_width(sample) + gap:
            chosen = step
            break
    fmt = label_format(chosen)
    out = []
    for t in _aligned(start, end, chosen, zone):
        local = datetime.fromtimestamp(t, UTC).astimezone(tz)
        text = local.strftime(fmt)
        if fmt in ("%H:%M", "%H:%M:%S") and local.hour == local.minute == local.second == 0:
            text = local.strftime("%m-%d")  # midnight: the date
        elif fmt == "%m-%d" and local.month == local.day == 1:
            text = local.strftime("%Y")  # new year: the year
        out.append((t, text))
    return out


def keep_apart(
    xs: list[float], widths: list[float], left: float, right: float, gap: float = GAP_PX
) -> list[tuple[int, float]]:
    """Labels centred at ``xs`` with ``widths``, kept inside ``left``..``right`` (an edge label
    moves in rather than being cut) and ``gap`` apart (one that would touch the last kept is
    left out). Returns (index, left x) of each label kept."""
    kept: list[tuple[int, float]] = []
    last_right = -math.inf
    for i, (x, w) in enumerate(zip(xs, widths, strict=True)):
        x0 = min(max(x - w / 2.0, left), right - w)
        if x0 < left - 0.5 or x0 < last_right + gap:
            continue
        kept.append((i, x0))
        last_right = x0 + w
    return kept
