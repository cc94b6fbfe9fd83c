"""What an archive query asks and answers: the window (time span and box), the overview (activity
per hour, a density grid), the counts per zone per day, and the errors.

Plain data, no engine: the window builds these from a worker thread and draws them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

# Deferred on purpose: pandas, viewer.core.counts (heavy: imported by the functions that use them,
# so importing the module stays quick (STYLE 12)).

#: Fixes a window may load for replay (52 bytes each in a TrackSet, a few hundred while read):
#: about 0.5 GB at most, so a load stays within the 2 GB bound with the engine's own memory.
DEFAULT_REPLAY_BUDGET = 2_000_000
#: The engine's memory limit (DuckDB ``memory_limit``): what it holds beyond is spilled to disk.
ENGINE_MEMORY_LIMIT = "1GB"
#: The most density cells one query returns (a 4K screen at 4 px per cell is about 520,000).
MAX_DENSITY_CELLS = 4_000_000


class ArchiveError(ValueError):
    """An archive or database that cannot be opened or queried; the message names the source
    and what was wrong."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class QueryCancelled(ArchiveError):
    """The query was cancelled (by `Archive.cancel` or the caller's cancel check); the engine
    stopped it."""

    def __init__(self, source: str) -> None:
        super().__init__(source, "the query was cancelled")


class OverBudget(ArchiveError):
    """The window holds more fixes than the replay budget: show its density instead, or
    narrow it."""

    def __init__(self, source: str, fixes: int, budget: int) -> None:
        super().__init__(
            source,
            f"the window holds {fixes:,} fixes, more than the replay budget of {budget:,}: "
            "narrow the time span or the box",
        )
        self.fixes = fixes
        self.budget = budget


def _utc(value: datetime | float | str | None) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, int | float):
        return datetime.fromtimestamp(float(value), UTC)
    if isinstance(value, str):
        import pandas as pd

        stamp = pd.Timestamp(value)
        if stamp.tzinfo is None:
            raise ValueError(f"time {value!r} has no zone; write it in UTC with 'Z'")
        return stamp.to_pydatetime().astimezone(UTC)
    if value.tzinfo is None:
        raise ValueError(f"time {value.isoformat()} has no zone; times must be UTC-aware")
    return value.astimezone(UTC)


@dataclass(frozen=True)
class Window:
    """Which fixes a query reads: ``start`` <= time < ``end`` (aware datetimes; None = open) and
    west <= lon <= east, south <= lat <= north for ``bbox`` = (west, south, east, north) in
    degrees (None = everywhere). Epoch seconds and ISO strings with a zone are accepted."""

    start: datetime | None = None
    end: datetime | None = None
    bbox: tuple[float, float, float, float] | None = None

    def __post_init__(self) -> None:
        start, end = _utc(self.start), _utc(self.end)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        if start is not None and end is not None and end <= start:
            raise ValueError(f"the window ends ({end:%Y-%m-%d %H:%M:%S}Z) before it starts")
        if self.bbox is not None:
            bbox = tuple(float(v) for v in self.bbox)
            if len(bbox) != 4 or not all(math.isfinite(v) for v in bbox):
                raise ValueError(
                    f"bbox must be four numbers west,south,east,north; got {self.bbox}"
                )
            w, s, e, n = bbox
            if not (-180 <= w < e <= 180 and -90 <= s < n <= 90):
                raise ValueError(
                    "bbox must be west,south,east,north with west < east in -180..180 and "
                    f"south < north in -90..90; got {self.bbox}"
                )
            object.__setattr__(self, "bbox", bbox)

    @property
    def start_s(self) -> float | None:
        return None if self.start is None else self.start.timestamp()

    @property
    def end_s(self) -> float | None:
        return None if self.end is None else self.end.timestamp()

    def describe(self) -> str:
        parts = []
        if self.start is not None or self.end is not None:
            a = f"{self.start:%Y-%m-%d %H:%M:%S}Z" if self.start else "the start"
            b = f"{self.end:%Y-%m-%d %H:%M:%S}Z" if self.end else "the end"
            parts.append(f"{a} – {b}")
        if self.bbox is not None:
            parts.append("box " + ",".join(f"{v:g}" for v in self.bbox))
        return "; ".join(parts) or "everything"


@dataclass(frozen=True)
class ArchiveInfo:
    """What opening found: the engine, the columns recognised, the span and size."""

    source: str  # the folder or the URL without credentials
    engine: str  # "DuckDB", "PostgreSQL/PostGIS", "Trino (OpenSky)"
    column_map: dict[str, str]  # canonical field -> the archive's column
    units: dict[str, str]  # canonical field -> how its unit was known
    time_start: datetime | None
    time_end: datetime | None
    fixes: int | None  # None where counting would read everything (Trino)
    files: int = 0  # Parquet files (DuckDB), 0 for a database
    schema: str = ""  # the source recognised from the columns (viewer.io.schemas), if any
    notices: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    def summary(self) -> str:
        lines = [f"{self.source}: archive through {self.engine}"]
        if self.schema:
            lines.append(f"  recognised as: {self.schema}")
        if self.files:
            lines.append(f"  {self.files:,} Parquet files")
        if self.fixes is not None:
            lines.append(f"  {self.fixes:,} rows")
        if self.time_start is not None and self.time_end is not None:
            lines.append(
                f"  time span (UTC): {self.time_start:%Y-%m-%d %H:%M:%S} – "
                f"{self.time_end:%Y-%m-%d %H:%M:%S}"
            )
        lines.append("  columns: " + ", ".join(f"{k}←'{v}'" for k, v in self.column_map.items()))
        if self.units:
            lines.append("  units: " + ", ".join(f"{k}: {v}" for k, v in self.units.items()))
        lines += [f"  warning: {w}" for w in self.warnings]
        lines += [f"  notice: {n}" for n in self.notices]
        return "\n".join(lines)


@dataclass(frozen=True)
class Activity:
    """Whole-span activity per bin: ``bin_start`` (epoch seconds, float64), ``fixes`` and distinct
    ``tracks`` (int64) per bin of ``bin_seconds``; bins without fixes are absent. ``estimate``:
    the fixes spread over each Parquet row group's time span by its statistics, no row read
    (`Archive.activity_estimate`); the tracks unknown (-1)."""

    bin_start: np.ndarray
    fixes: np.ndarray
    tracks: np.ndarray
    bin_seconds: float = 3600.0
    estimate: bool = False

    @property
    def total_fixes(self) -> int:
        return int(self.fixes.sum())

    @property
    def span(self) -> tuple[float, float] | None:
        if not len(self.bin_start):
            return None
        return float(self.bin_start[0]), float(self.bin_start[-1] + self.bin_seconds)

    def fixes_between(self, start: float, end: float) -> int:
        """Fixes in the bins that overlap [start, end): an upper bound for the window."""
        keep = (self.bin_start + self.bin_seconds > start) & (self.bin_start < end)
        return int(self.fixes[keep].sum())


@dataclass(frozen=True)
class Grid:
    """A regular lon/lat grid: ``nx`` x ``ny`` cells over ``bbox`` (west, south, east, north)."""

    bbox: tuple[float, float, float, float]
    nx: int
    ny: int

    def __post_init__(self) -> None:
        Window(bbox=self.bbox)  # the same checks
        if self.nx < 1 or self.ny < 1 or self.nx * self.ny > MAX_DENSITY_CELLS:
            raise ValueError(
                f"grid must have 1..{MAX_DENSITY_CELLS:,} cells; got {self.nx} x {self.ny}"
            )

    @property
    def cell_size(self) -> tuple[float, float]:
        w, s, e, n = self.bbox
        return (e - w) / self.nx, (n - s) / self.ny


@dataclass(frozen=True)
class Density:
    """Fixes per cell: ``counts[j, i]`` for row j (south to north) and column i (west to east)."""

    grid: Grid
    counts: np.ndarray

    @property
    def total(self) -> int:
        return int(self.counts.sum())


@dataclass(frozen=True)
class ZoneCounts:
    """Per zone and bin of ``day`` (a `viewer.core.counts.DayDefinition`): ``table`` with
    columns zone_id, day (the bin's start, tz-aware in ``day.tz``), kind, events (entries for an
    area, crossings for a line), tracks (distinct tracks with such an event in the bin) and
    aircraft (those tracks weighted by the aircraft each stands for) — the counts chart's figure.
    ``seconds``: how long the engine took. ``zones``: the zone ids asked for, ``pending``: those
    not counted yet (the window counts the zone on the chart first, then the others)."""

    table: pd.DataFrame
    day: Any
    seconds: float = 0.0
    chunks: int = 0
    events: pd.DataFrame | None = None  # with ``keep_events``: every event, as the app lists them
    notes: tuple[str, ...] = field(default_factory=tuple)
    zones: tuple[str, ...] = ()
    pending: tuple[str, ...] = ()

    def merged(self, other: ZoneCounts) -> ZoneCounts:
        """These counts and ``other``'s (other zones, the same day definition), as one."""
        import pandas as pd

        table = pd.concat([self.table, other.table], ignore_index=True)
        done = set(other.zones)
        return ZoneCounts(
            table,
            self.day,
            seconds=self.seconds + other.seconds,
            chunks=self.chunks + other.chunks,
            zones=tuple(dict.fromkeys(self.zones + other.zones)),
            pending=tuple(z for z in self.pending if z not in done),
        )

    def counts_for(self, zone_id: str):
        """The chart's `viewer.core.counts.Counts` for one zone: aircraft per bin by aircraft
        kind, ships and unknown kinds apart (as `entries_by_bin` makes them)."""
        import pandas as pd

        from viewer.core.counts import AIRCRAFT_KINDS, APART_KINDS, Counts

        rows = self.table[self.table["zone_id"] == zone_id]
        empty = pd.DataFrame(dtype=float)
        if not len(rows):
            return Counts(empty, self.day.freq, zone_id, empty, self.day)
        table = rows.pivot_table(
            index="day", columns="kind", values="aircraft", aggfunc="sum", fill_value=0.0
        ).astype(float)
        full = pd.date_range(table.index.min(), table.index.max(), freq=self.day.freq)
        table = table.reindex(full, fill_value=0.0)
        aircraft = table[[k for k in AIRCRAFT_KINDS if k in table.columns]]
        apart = table[[k for k in APART_KINDS if k in table.columns]]
        return Counts(aircraft, self.day.freq, zone_id, apart, self.day)
