"""Counts for the chart under the map: aircraft entering a zone per day (or hour), by kind —
the figure a ministry's daily report gives — and the published yearly figures to set them
against."""

from __future__ import annotations

import itertools
import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd

from viewer.core import package_data
from viewer.core.constants import KIND_SHIP, KIND_UNKNOWN, KINDS
from viewer.core.timeline import zone_info

FIGURES = package_data.resource("reference_figures.json")


# What "aircraft entering the ADIZ" counts: aircraft kinds only. Ships and tracks of unknown kind
# are counted apart and shown as such, never added to the aircraft.
AIRCRAFT_KINDS: Final = tuple(k for k in KINDS if k not in (KIND_SHIP, KIND_UNKNOWN))
APART_KINDS: Final = (KIND_SHIP, KIND_UNKNOWN)

MND = "mnd"  # ROC MND's reporting day: 06:00 to 06:00 Taipei time (shared/reference S9)
CALENDAR = "calendar"  # midnight to midnight in a zone
HOURLY = "hour"


@dataclass(frozen=True)
class DayDefinition:
    """Which bins the counts fall in: ``kind`` `MND` (a day from ``start_hour`` in ``tz``, named
    by the date it starts on), `CALENDAR` (a date in ``tz``) or `HOURLY` (a clock hour in
    ``tz``). ``tz`` is an IANA name, "UTC" or "local"."""

    kind: str
    tz: str
    start_hour: int = 0

    def __post_init__(self) -> None:
        if self.kind not in (MND, CALENDAR, HOURLY):
            raise ValueError(f"day must be one of {MND}, {CALENDAR}, {HOURLY}; got {self.kind!r}")
        if not 0 <= self.start_hour < 24:
            raise ValueError(f"start_hour must be 0 to 23; got {self.start_hour}")
        zone_info(self.tz)

    @property
    def freq(self) -> str:
        return "h" if self.kind == HOURLY else "D"

    @property
    def seconds(self) -> float:
        """A bin's nominal length (a day across a daylight-saving change is an hour off)."""
        return 3600.0 if self.kind == HOURLY else 86400.0


MND_DAY: Final = DayDefinition(MND, "Asia/Taipei", 6)


def calendar_day(tz: str) -> DayDefinition:
    return DayDefinition(CALENDAR, tz)


def hourly(tz: str) -> DayDefinition:
    return DayDefinition(HOURLY, tz)


@dataclass(frozen=True)
class Counts:
    """``table``: rows = bin start (tz-aware), columns = aircraft kinds, values = aircraft
    entering; ``apart``: the same rows, columns ship / unknown (not aircraft: counted apart).
    ``day`` says which bins; ``zone_id`` which zone's entries."""

    table: pd.DataFrame
    freq: str  # "D" or "h"
    zone_id: str
    apart: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(dtype=float))
    day: DayDefinition = MND_DAY

    @property
    def totals(self) -> pd.Series:
        """Aircraft per bin (ships and unknown kinds are not in it)."""
        return self.table.sum(axis=1)


def _bins(times: pd.Series, day: DayDefinition) -> pd.Series:
    """The start of the bin (tz-aware in ``day.tz``) each UTC time falls in. Bins are cut on the
    wall clock; a wall time that happens twice is taken as standard time."""
    tz = zone_info(day.tz)
    wall = times.dt.tz_convert(tz).dt.tz_localize(None)
    if day.kind == HOURLY:
        start = wall.dt.floor("h")
    else:
        lead = pd.Timedelta(hours=day.start_hour)
        start = (wall - lead).dt.floor("D") + lead
    return start.dt.tz_localize(tz, ambiguous=False, nonexistent="shift_forward")


def entries_by_bin(
    events: pd.DataFrame,
    aircraft: Mapping[Any, int],
    zone_id: str,
    tz: str = "Asia/Taipei",
    freq: str | None = None,
    *,
    day: DayDefinition | None = None,
    paths: Collection[str] | None = None,
) -> Counts:
    """Aircraft entering ``zone_id`` per bin of ``day`` (default: MND's day; ``tz``/``freq``
    "D" or "h" give calendar days or hours in ``tz``), by kind: aircraft kinds in ``table``,
    ships and unknown kinds in ``apart``.

    Each track counts once per bin however often it crosses into the zone, weighted by the
    number of aircraft it stands for (``aircraft``: track id, or (path, track id) when events
    carry a ``path`` column, -> count). The entries are the events'
    (`viewer.core.zones.compute_zone_events`): a segment through the zone between two fixes
    enters it, across a gap in the data too; a track already inside at its first fix, or when a
    time-bound zone comes into force, counts as entering then. ``paths``: only the events of
    those files (the tracks the user chose).
    """
    if day is None:
        day = MND_DAY if freq is None else DayDefinition(HOURLY if freq == "h" else CALENDAR, tz)
    ev = events[(events["zone_id"] == zone_id) & (events["event"] == "entry")]
    if paths is not None and "path" in ev.columns:
        ev = ev[ev["path"].isin(list(paths))]
    empty = pd.DataFrame(dtype=float)
    if not len(ev):
        return Counts(empty, day.freq, zone_id, empty, day)
    path = ev["path"].astype(str).to_numpy() if "path" in ev.columns else np.full(len(ev), "")
    df = pd.DataFrame(
        {
            "bin": _bins(ev["time"], day).to_numpy(),
            "path": path,
            "track": ev["track_id"].astype(str).to_numpy(),
            "kind": [k if k in KINDS else KIND_UNKNOWN for k in ev["kind"].astype(str)],
        }
    )
    df = df.drop_duplicates(["bin", "path", "track"])
    df["aircraft"] = [
        float(aircraft.get((p, t), aircraft.get(t, 1)))
        for p, t in zip(df["path"], df["track"], strict=True)
    ]
    table = df.pivot_table(
        index="bin", columns="kind", values="aircraft", aggfunc="sum", fill_value=0.0
    )
    full = pd.date_range(table.index.min(), table.index.max(), freq=day.freq)
    table = table.reindex(full, fill_value=0.0)
    aircraft_table = table[[k for k in AIRCRAFT_KINDS if k in table.columns]]
    apart = table[[k for k in APART_KINDS if k in table.columns]]
    return Counts(aircraft_table, day.freq, zone_id, apart, day)


@dataclass(frozen=True)
class ReportedCount:
    """A published daily figure: aircraft of one kind a ministry reported on one (local) day."""

    date: date
    kind: str
    count: int
    source: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}; got {self.kind!r}")
        if not isinstance(self.count, int) or isinstance(self.count, bool) or self.count < 0:
            raise ValueError(f"count must be a whole number >= 0; got {self.count!r}")


def reported_table(counts: tuple[ReportedCount, ...] | list[ReportedCount]) -> pd.DataFrame:
    """Rows = day (midnight, naive local date), columns = kinds in `KINDS` order, values =
    aircraft reported; two entries for the same day and kind add up."""
    if not counts:
        return pd.DataFrame(columns=list(KINDS), dtype=float)
    df = pd.DataFrame(
        {
            "day": [pd.Timestamp(c.date) for c in counts],
            "kind": [c.kind for c in counts],
            "n": [float(c.count) for c in counts],
        }
    )
    table = df.pivot_table(index="day", columns="kind", values="n", aggfunc="sum", fill_value=0.0)
    return table[[k for k in KINDS if k in table.columns]]


@dataclass(frozen=True)
class Comparison:
    """Counts from tracks beside reported daily figures, on the same rows (every bin from the
    first to the last of either): ``reported`` has the aircraft kinds of ``counts.table``,
    ``reported_apart`` the ship / unknown kinds of ``counts.apart``; ``source`` names where the
    reported figures come from."""

    counts: Counts
    reported: pd.DataFrame
    reported_apart: pd.DataFrame
    source: str


def with_reported(
    counts: Counts, reported: tuple[ReportedCount, ...] | list[ReportedCount]
) -> Comparison:
    """Daily counts from tracks and the reported ones for the same days: a reported date is the
    day of ``counts.day`` that starts on it (MND's 4 Oct runs 4 Oct 06:00 to 5 Oct 06:00 Taipei
    time). Raises ValueError for hourly counts (reported figures are per day)."""
    day = counts.day
    if day.freq != "D":
        raise ValueError("reported figures are per day: count per day to compare them")
    rep = reported_table(tuple(reported))
    starts = pd.DatetimeIndex(rep.index) + pd.Timedelta(hours=day.start_hour)
    rep.index = starts.tz_localize(zone_info(day.tz), ambiguous=False, nonexistent="shift_forward")
    drawn, apart = counts.table, counts.apart
    days = drawn.index.union(rep.index) if len(drawn.index) else rep.index
    full = pd.date_range(days.min(), days.max(), freq="D") if len(days) else days

    def aligned(table: pd.DataFrame, kinds: list[str]) -> pd.DataFrame:
        return table.reindex(index=full, columns=kinds, fill_value=0.0).fillna(0.0)

    air = [k for k in AIRCRAFT_KINDS if k in drawn.columns or k in rep.columns]
    other = [k for k in APART_KINDS if k in apart.columns or k in rep.columns]
    sources = sorted({c.source for c in reported if c.source})
    return Comparison(
        Counts(aligned(drawn, air), "D", counts.zone_id, aligned(apart, other), day),
        aligned(rep, air),
        aligned(rep, other),
        "; ".join(sources),
    )


@dataclass(frozen=True)
class ReferenceSeries:
    """A published yearly series. ``definitions`` names what each kind of figure counts;
    ``year_definitions`` gives the year's (a series can change definition: S9's figures count
    ADIZ entries to 2023 and aircraft around Taiwan from 2024)."""

    id: str
    title: str
    unit: str
    source: str
    values: dict[int, float]
    notes: dict[int, str]
    definitions: dict[str, str] = field(default_factory=dict)
    year_definitions: dict[int, str] = field(default_factory=dict)

    def definition_of(self, year: int) -> str:
        return self.year_definitions.get(year, "")

    def breaks(self) -> list[int]:
        """The years whose figure counts something else than the year before's."""
        years = sorted(self.values)
        return [
            b
            for a, b in itertools.pairwise(years)
            if self.definition_of(a) != self.definition_of(b)
        ]


def reference_figures(path: Path = FIGURES) -> list[ReferenceSeries]:
    """The published yearly figures (shared/reference S9, S10), as shipped with the app."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for s in doc["series"]:
        years = {int(y): v for y, v in s["years"].items()}
        definitions = dict(s.get("definitions", {}))
        for year, v in years.items():
            if v.get("definition", "") and v["definition"] not in definitions:
                raise ValueError(
                    f"{path}: series {s['id']!r}, {year}: definition {v['definition']!r} is "
                    f"not one of {sorted(definitions)}"
                )
        out.append(
            ReferenceSeries(
                s["id"],
                s["title"],
                s["unit"],
                s["source"],
                {y: float(v["value"]) for y, v in years.items()},
                {y: v.get("note", "") for y, v in years.items()},
                definitions,
                {y: v.get("definition", "") for y, v in years.items()},
            )
        )
    return out


__all__ = [
    "AIRCRAFT_KINDS",
    "APART_KINDS",
    "MND_DAY",
    "Comparison",
    "Counts",
    "DayDefinition",
    "ReferenceSeries",
    "ReportedCount",
    "calendar_day",
    "entries_by_bin",
    "hourly",
    "np",
    "reference_figures",
    "reported_table",
    "with_reported",
]
