"""Counts for the chart under the map: aircraft entering a zone per day (or hour), by kind —
the figure a ministry's daily report gives — and the published yearly figures to set them
against."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from viewer.core import package_data
from viewer.core.constants import KINDS

FIGURES = package_data.resource("reference_figures.json")


@dataclass(frozen=True)
class Counts:
    """``table``: rows = bin start (tz-aware, in ``zone``), columns = kinds, values = aircraft."""

    table: pd.DataFrame
    freq: str  # "D" or "h"
    zone_id: str

    @property
    def totals(self) -> pd.Series:
        return self.table.sum(axis=1)


def entries_by_bin(
    events: pd.DataFrame,
    aircraft: dict[str, int],
    zone_id: str,
    tz: str = "Asia/Taipei",
    freq: str | None = None,
) -> Counts:
    """Aircraft entering ``zone_id`` per day (or per hour when the events span under two days).

    Each track counts once per bin however often it re-enters, weighted by the number of
    aircraft it stands for (``aircraft``: track id -> count); tracks already inside at their first
    fix count as entering then.
    """
    ev = events[(events["zone_id"] == zone_id) & (events["event"] == "entry")]
    if freq is None:
        span = (ev["time"].max() - ev["time"].min()) if len(ev) else pd.Timedelta(0)
        freq = "h" if span < pd.Timedelta(days=2) else "D"
    if not len(ev):
        return Counts(pd.DataFrame(columns=list(KINDS), dtype=float), freq, zone_id)
    local = ev["time"].dt.tz_convert(tz)
    bins = local.dt.floor(freq)
    df = pd.DataFrame({"bin": bins, "track": ev["track_id"].to_numpy(), "kind": ev["kind"]})
    df = df.drop_duplicates(["bin", "track"])
    df["aircraft"] = df["track"].map(lambda t: aircraft.get(t, 1)).astype(float)
    table = df.pivot_table(
        index="bin", columns="kind", values="aircraft", aggfunc="sum", fill_value=0.0
    )
    full = pd.date_range(table.index.min(), table.index.max(), freq=freq)
    table = table.reindex(full, fill_value=0.0)
    table = table[[k for k in KINDS if k in table.columns]]
    return Counts(table, freq, zone_id)


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


def with_reported(
    counts: Counts, reported: tuple[ReportedCount, ...] | list[ReportedCount], tz: str
) -> tuple[Counts, pd.DataFrame, str]:
    """Daily counts from tracks and the reported ones on the same days (``tz`` local dates):
    both tables get every day from the first to the last of either, and the same kind columns.
    Returns the widened counts, the aligned reported table and the reported sources."""
    rep = reported_table(tuple(reported))
    rep.index = pd.DatetimeIndex(rep.index).tz_localize(tz)
    drawn = counts.table
    days = drawn.index.union(rep.index) if len(drawn.index) else rep.index
    full = pd.date_range(days.min(), days.max(), freq="D") if len(days) else days
    kinds = [k for k in KINDS if k in drawn.columns or k in rep.columns]
    drawn = drawn.reindex(index=full, columns=kinds, fill_value=0.0).fillna(0.0)
    rep = rep.reindex(index=full, columns=kinds, fill_value=0.0).fillna(0.0)
    sources = sorted({c.source for c in reported if c.source})
    return Counts(drawn, "D", counts.zone_id), rep, "; ".join(sources)


@dataclass(frozen=True)
class ReferenceSeries:
    id: str
    title: str
    unit: str
    source: str
    values: dict[int, float]
    notes: dict[int, str]


def reference_figures(path: Path = FIGURES) -> list[ReferenceSeries]:
    """The published yearly figures (shared/reference S9, S10), as shipped with the app."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for s in doc["series"]:
        values = {int(y): float(v["value"]) for y, v in s["years"].items()}
        notes = {int(y): v.get("note", "") for y, v in s["years"].items()}
        out.append(ReferenceSeries(s["id"], s["title"], s["unit"], s["source"], values, notes))
    return out


__all__ = [
    "Counts",
    "ReferenceSeries",
    "ReportedCount",
    "entries_by_bin",
    "np",
    "reference_figures",
    "reported_table",
    "with_reported",
]
