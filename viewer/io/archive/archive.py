"""`Archive`: years of fixes behind an engine, asked questions rather than loaded.

Every method runs in the calling thread (the window calls them from a worker) and can be stopped:
``cancel`` (a callable polled while the query runs, as the readers take it) or `Archive.cancel`
from any thread; the engine's own interrupt stops the query, and the call raises `QueryCancelled`.
One question runs at a time per archive.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from viewer.core.tracks import TrackSet
from viewer.io.archive.engine import Cancel, Engine
from viewer.io.archive.model import (
    DEFAULT_REPLAY_BUDGET,
    Activity,
    ArchiveInfo,
    Density,
    Grid,
    OverBudget,
    Window,
    ZoneCounts,
)
from viewer.io.archive.queries import FixQuery, intersect_bbox
from viewer.io.archive.schema import FIELDS, FixSchema
from viewer.io.archive.zone_counts import count_zone_events
from viewer.io.normalize import finish_frame
from viewer.io.report import ImportReport
from viewer.io.schemas import apply_schema

if TYPE_CHECKING:
    from viewer.core.counts import DayDefinition
    from viewer.core.projection import Projection
    from viewer.core.tracks import TrackSet
    from viewer.core.zones import Zone
    from viewer.io.report import ImportReport

# Deferred on purpose: viewer.core.counts (it loads pandas: only for a zone count).

Progress = Callable[[float], None]
#: Fixes per chunk of a whole-archive zone count where the engine does not say
#: (`Engine.chunk_fixes`: DuckDB 8M, about 0.4 GB held; PostgreSQL 4M).
CHUNK_FIXES = 4_000_000


def spread_over_bins(
    rows: np.ndarray, first: np.ndarray, last: np.ndarray, bin_seconds: float
) -> Activity:
    """``rows`` spread evenly over [``first``, ``last``] (epoch seconds) into bins of
    ``bin_seconds``: each bin gets the share of each span it overlaps (a span within one bin, all
    of it), rounded so the running total stays exact."""
    rows = np.asarray(rows, dtype=np.float64)
    if not len(rows):
        empty = np.empty(0, np.int64)
        return Activity(np.empty(0), empty, empty, bin_seconds, estimate=True)
    b0 = np.floor(first / bin_seconds).astype(np.int64)
    b1 = np.floor(last / bin_seconds).astype(np.int64)
    origin = int(b0.min())
    share = np.zeros(int(b1.max()) - origin + 1)
    width = last - first
    for n, lo, hi, k0, k1, w in zip(rows, first, last, b0, b1, width, strict=True):
        if k0 == k1 or w <= 0:
            share[k0 - origin] += n
            continue
        edges = np.clip(np.arange(k0, k1 + 2) * bin_seconds, lo, hi)
        share[k0 - origin : k1 - origin + 1] += n * np.diff(edges) / w
    fixes = np.diff(np.round(np.concatenate([[0.0], np.cumsum(share)]))).astype(np.int64)
    keep = fixes > 0
    starts = (np.arange(len(share)) + origin)[keep] * bin_seconds
    return Activity(
        starts.astype(np.float64),
        fixes[keep],
        np.full(int(keep.sum()), -1, np.int64),
        bin_seconds,
        estimate=True,
    )


class Archive:
    """An opened archive: ``info`` says what was found; the methods ask the engine."""

    def __init__(self, engine: Engine, schema: FixSchema, info: ArchiveInfo) -> None:
        self.engine = engine
        self.schema = schema
        self.info = info
        self._activity: Activity | None = None

    # ---------------------------------------------------------------- plumbing
    @property
    def source(self) -> str:
        return self.info.source

    def query(self, window: Window | None) -> FixQuery:
        """The query builder over the engine's relation, pruned to ``window``."""
        return FixQuery(
            self.engine.dialect,
            self.schema,
            self.engine.relation(window),
            self.engine.hour_partition,
            self.engine.rows_valid,
        )

    def cancel(self) -> None:
        """Stop the running question (thread-safe): the engine interrupts its query and the call
        raises `QueryCancelled`."""
        self.engine.interrupt()

    def close(self) -> None:
        self.engine.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _begin(self) -> None:
        self.engine.reset_cancel()

    # ---------------------------------------------------------------- overview
    def activity(
        self,
        window: Window | None = None,
        bin_seconds: float = 3600.0,
        approximate: bool = False,
        cancel: Cancel | None = None,
    ) -> Activity:
        """Fixes and distinct tracks per bin (an hour by default) over ``window`` (everything
        when None): the activity strip. ``approximate`` counts distinct tracks by HyperLogLog
        where the engine has it (within a few per cent, faster)."""
        self._begin()
        table = self.engine.fetch(
            self.query(window).activity(window, bin_seconds, approximate), cancel
        )
        out = Activity(
            bin_start=table.column("bin_start").to_numpy().astype(np.float64),
            fixes=table.column("fixes").to_numpy().astype(np.int64),
            tracks=table.column("tracks").to_numpy().astype(np.int64),
            bin_seconds=bin_seconds,
        )
        whole = window is None or (window.start is None and window.end is None and not window.bbox)
        if whole and bin_seconds == 3600.0:
            self._activity = out  # the chunks of a whole-archive zone count are cut from it
        return out

    def activity_estimate(self, bin_seconds: float = 3600.0) -> Activity | None:
        """The strip at once, before `activity` answers: the rows of each Parquet row group
        spread evenly over its time span (its statistics, read on opening; nothing more read),
        in whole fixes per bin, the total exact; the tracks unknown (-1). PostgreSQL: the same
        from the table's statistics of the time column (`PostgresEngine.time_histogram`: about
        100 buckets of equal rows, the total estimated). None where the statistics do not say
        it (Trino, files without them, rows a reader would skip, a table never analysed).
        A year's strip on a screen is a few hours a pixel: row groups of that span or less
        draw it as the exact counts do."""
        groups = self.engine.row_group_times
        if groups is None:
            return None
        return spread_over_bins(*groups, bin_seconds)

    def density(
        self, grid: Grid, window: Window | None = None, cancel: Cancel | None = None
    ) -> Density:
        """Fixes per cell of ``grid`` in ``window``: the map's density layer."""
        self._begin()
        counts = np.zeros((grid.ny, grid.nx), dtype=np.int64)
        if intersect_bbox(window.bbox if window else None, grid.bbox) is None:
            return Density(grid, counts)
        table = self.engine.fetch(self.query(window).density(window, grid), cancel)
        i = table.column("i").to_numpy().astype(np.int64)
        j = table.column("j").to_numpy().astype(np.int64)
        n = table.column("n").to_numpy().astype(np.int64)
        counts[j, i] = n
        return Density(grid, counts)

    def count(self, window: Window | None = None, cancel: Cancel | None = None) -> int:
        """Fixes in ``window``."""
        self._begin()
        table = self.engine.fetch(self.query(window).count(window), cancel)
        return int(table.column("n")[0].as_py())

    # ---------------------------------------------------------------- replay
    def load_window(
        self,
        window: Window,
        projection: Projection | None = None,
        budget: int = DEFAULT_REPLAY_BUDGET,
        cancel: Cancel | None = None,
        progress: Progress | None = None,
    ) -> tuple[TrackSet, ImportReport]:
        """The window's fixes as a replayable `TrackSet` (checked, converted and sorted as a file
        reader does), with its import report. Raises `OverBudget` when the window holds more
        than ``budget`` fixes (nothing is read then but a count)."""
        self._begin()
        query = self.query(window)
        n = int(self.engine.fetch(query.count(window), cancel).column("n")[0].as_py())
        if n > budget:
            raise OverBudget(self.source, n, budget)
        if progress is not None:
            progress(0.1)
        fields = tuple(f for f in FIELDS if self.schema.has(f))
        table = self.engine.fetch(
            query.fixes(window, fields, limit=budget, timestamps=True), cancel
        )
        if progress is not None:
            progress(0.8)
        report = ImportReport(
            self.source,
            format=f"Archive ({self.info.engine})",
            schema=self.schema.name,
            column_map=dict(self.schema.columns.items()),
            units=dict(self.schema.units),
        )
        report.notice(f"window: {window.describe()} ({n:,} fixes)")
        for note in self.schema.warnings:
            report.warn(note)
        raw = apply_schema(table.to_pandas(), self.schema.source, report)
        frame = finish_frame(raw, report, path=self.source)
        trackset = TrackSet.from_frame(frame, projection, name=self._name(window))
        if progress is not None:
            progress(1.0)
        return trackset, report

    def _name(self, window: Window) -> str:
        base = Path(self.source).name or self.source
        if window.start is not None:
            return f"{base} {window.start:%Y-%m-%d %H:%M}Z"
        return base

    # ---------------------------------------------------------------- zone counts
    def zone_counts(
        self,
        zones: list[Zone],
        window: Window | None = None,
        day: DayDefinition | None = None,
        cancel: Cancel | None = None,
        progress: Progress | None = None,
        chunk_fixes: int | None = None,
        keep_events: bool = False,
        projection: Projection | None = None,
    ) -> ZoneCounts:
        """Per zone and bin of ``day`` (`viewer.core.counts.DayDefinition`; default MND's day,
        06:00 to 06:00 Taipei time, as the counts chart): entries into each area, crossings of
        each line, the tracks and aircraft with one — computed in the engine over ``window``
        (everything when None), chunk by chunk, with the app's definition of an event (see
        `viewer.io.archive.zone_sql`). ``keep_events``: also return every event (a year of a
        busy region is a few million rows: for a window or a test). ``projection``: the one the
        segments are straight in (the region's Lambert conformal conic, the default, only)."""
        from viewer.core.counts import MND_DAY

        self._begin()
        window = window or Window()
        chunk_fixes = chunk_fixes or self.engine.chunk_fixes
        # by ranges of tracks where the engine reads the fixes in track order (an index), else
        # by chunks of time with each track's last fix carried
        ranges = self.engine.track_ranges(self.schema, chunk_fixes)
        return count_zone_events(
            self,
            list(zones),
            window,
            day or MND_DAY,
            ranges or self._chunks(window, chunk_fixes, cancel),
            cancel,
            progress,
            keep_events,
            projection,
        )

    def _chunks(self, window: Window, chunk_fixes: int, cancel) -> list[tuple[float, float]]:
        """Time chunks of about ``chunk_fixes`` fixes covering the window, from the activity per
        hour (asked once and kept)."""
        activity = self._activity
        if activity is None or window.start is not None or window.end is not None:
            activity = self.activity(
                Window(window.start, window.end), approximate=True, cancel=cancel
            )
            self.engine.reset_cancel()
        if not len(activity.bin_start):
            lo = window.start_s if window.start_s is not None else 0.0
            return [(lo, window.end_s if window.end_s is not None else lo + 1.0)]
        starts = activity.bin_start
        cum = np.cumsum(activity.fixes)
        cuts = [float(starts[0])]
        goal = chunk_fixes
        for k in range(len(starts)):
            if cum[k] >= goal:
                cuts.append(float(starts[k] + activity.bin_seconds))
                goal = cum[k] + chunk_fixes
        end = float(starts[-1] + activity.bin_seconds)
        if cuts[-1] < end:
            cuts.append(end)
        if window.start_s is not None:
            cuts[0] = window.start_s
        if window.end_s is not None:
            cuts[-1] = window.end_s
        return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


__all__ = ["CHUNK_FIXES", "Archive", "spread_over_bins"]
