"""`Archive`: years of fixes behind an engine, asked questions rather than loaded.

Every method runs in the calling thread (the window calls them from a worker) and can be stopped:
``cancel`` (a callable polled while the query runs, as the readers take it) or `Archive.cancel`
from any thread; the engine's own interrupt stops the query, and the call raises `QueryCancelled`.
One question runs at a time per archive.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
import shapely

from viewer.core.constants import COUNT, KIND, KIND_UNKNOWN, LAT, LON, TIME, TRACK_ID
from viewer.io.archive import zone_sql as zs
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

if TYPE_CHECKING:
    from viewer.core.projection import Projection
    from viewer.core.tracks import TrackSet
    from viewer.core.zones import Zone
    from viewer.io.report import ImportReport

Progress = Callable[[float], None]
#: Fixes per chunk of a whole-archive zone count: the engine holds one chunk (about 0.2 GB).
CHUNK_FIXES = 4_000_000
DEFAULT_TZ = "Asia/Taipei"  # the counts chart's days, as the ministry's daily reports count


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
        if window is None and bin_seconds == 3600.0:
            self._activity = out
        return out

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
        from viewer.core.tracks import TrackSet
        from viewer.io.normalize import finish_frame
        from viewer.io.report import ImportReport

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
            column_map=dict(self.schema.columns.items()),
            units=dict(self.schema.units),
        )
        report.notice(f"window: {window.describe()} ({n:,} fixes)")
        for note in self.schema.warnings:
            report.warn(note)
        raw = table.to_pandas(types_mapper=None)
        frame = finish_frame(raw, report, path=self.source)
        trackset = TrackSet.from_frame(frame, projection, name=self._name(window))
        if progress is not None:
            progress(1.0)
        return trackset, report

    def _name(self, window: Window) -> str:
        from pathlib import Path

        base = Path(self.source).name or self.source
        if window.start is not None:
            return f"{base} {window.start:%Y-%m-%d %H:%M}Z"
        return base

    # ---------------------------------------------------------------- zone counts
    def zone_counts(
        self,
        zones: list[Zone],
        window: Window | None = None,
        tz: str = DEFAULT_TZ,
        cancel: Cancel | None = None,
        progress: Progress | None = None,
        chunk_fixes: int = CHUNK_FIXES,
        keep_events: bool = False,
    ) -> ZoneCounts:
        """Per zone and local day (``tz``): entries into each area, crossings of each line, the
        tracks and aircraft with one — computed in the engine over ``window`` (everything when
        None), chunk by chunk, with the app's definition of an event (see
        `viewer.io.archive.zone_sql`). ``keep_events``: also return every event (a year of a
        busy region is a few million rows: for a window or a test)."""
        started = time.perf_counter()
        self._begin()
        engine = self.engine
        window = window or Window()
        tables = zs.ZoneTables.build(list(zones))
        sql = zs.ZoneCountSQL(engine.dialect, tables)
        engine.execute(sql.drop_state(), cancel)
        try:
            self._load_zone_tables(tables)
            engine.execute(sql.create_state(), cancel)
            chunks = self._chunks(window, chunk_fixes, cancel)
            has_kind, has_count = self.schema.has(KIND), self.schema.has(COUNT)
            fields = (
                (TRACK_ID, TIME, LON, LAT)
                + ((KIND,) if has_kind else ())
                + ((COUNT,) if has_count else ())
            )
            for k, (c0, c1) in enumerate(chunks):
                part = Window(_at(c0), _at(c1), window.bbox)
                active = [
                    i
                    for i, z in enumerate(tables.zones)
                    if z.valid_from is None or z.valid_from.timestamp() < c1
                ]
                relation = self.query(part).fixes_relation(part, fields)
                engine.execute(sql.load_chunk(relation, has_kind, has_count), cancel)
                engine.execute(sql.segments(), cancel)
                engine.execute(sql.crossings(active), cancel)
                engine.execute(sql.carry(), cancel)
                if progress is not None:
                    progress(0.95 * (k + 1) / len(chunks))
            self._start_events(sql, tables, cancel)
            per_day = engine.fetch(sql.per_day(tz), cancel).to_pandas()
            events = (
                _events_frame(engine.fetch(sql.events(), cancel).to_pandas(), tables)
                if keep_events
                else None
            )
        finally:
            engine.reset_cancel()
            engine.execute(sql.drop_state())
        if progress is not None:
            progress(1.0)
        return ZoneCounts(
            _day_table(per_day, tables, tz),
            tz,
            seconds=time.perf_counter() - started,
            chunks=len(chunks),
            events=events,
        )

    def _load_zone_tables(self, tables: zs.ZoneTables) -> None:
        self.engine.load_table(zs.ZONES, tables.zone_rows)
        self.engine.load_table(zs.EDGES, tables.edge_rows)
        self.engine.load_table(zs.CELLS, tables.cell_rows)

    def _start_events(self, sql: zs.ZoneCountSQL, tables: zs.ZoneTables, cancel) -> None:
        """Entries at the first fix of tracks that start inside an area: PostGIS tests them in the
        engine; elsewhere the first fixes (one per track) are tested here with
        `shapely.contains_xy`, the app's own test, and go back to the engine."""
        if self.engine.has_postgis:
            self.engine.execute(sql.starts_postgis(), cancel)
            return
        import shapely

        first = self.engine.fetch(f"SELECT track, t, lon, lat FROM {zs.FIRST}", cancel)
        t = first.column("t").to_numpy()
        lon, lat = first.column("lon").to_numpy(), first.column("lat").to_numpy()
        rows_zone, rows_track, rows_t = [], [], []
        tracks = first.column("track").to_numpy(zero_copy_only=False)
        for k, zone in enumerate(tables.zones):
            if zone.kind != "area" or not len(t):
                continue
            inside = shapely.contains_xy(zone.geometry, lon, lat)
            if zone.valid_from is not None:
                inside &= t >= zone.valid_from.timestamp()
            if zone.valid_to is not None:
                inside &= t < zone.valid_to.timestamp()
            idx = np.flatnonzero(inside)
            rows_zone.append(np.full(len(idx), k, np.int32))
            rows_track.append(tracks[idx])
            rows_t.append(t[idx])
        if not rows_zone or not sum(len(r) for r in rows_zone):
            return
        name = "adiz_start_events"
        self.engine.load_table(
            name,
            {
                "zone": np.concatenate(rows_zone),
                "track": np.concatenate(rows_track).astype(object),
                "t": np.concatenate(rows_t),
            },
        )
        self.engine.execute(
            [
                f"INSERT INTO {zs.EVENTS} SELECT zone, track, t, 1, 1 FROM {name}",
                f"DROP TABLE {name}",
            ],
            cancel,
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


def _at(seconds: float):
    from datetime import UTC, datetime

    return datetime.fromtimestamp(seconds, UTC)


def _events_frame(rows, tables: zs.ZoneTables):
    """The engine's events as the app's events table has them: time (UTC), track_id, zone_id,
    event (entry/exit/crossing), side (the side of a line crossed to), at_track_start."""
    import pandas as pd

    from viewer.core.zones import CROSSING, ENTRY, EXIT, LINE, _side_names

    zone = rows["zone"].to_numpy().astype(np.int64)
    is_line = np.array([z.kind == LINE for z in tables.zones], dtype=bool)[zone]
    forward = rows["dir"].to_numpy() > 0
    sides = []
    for z in tables.zones:
        coords = shapely.get_coordinates(z.geometry) if z.kind == LINE else None
        sides.append(_side_names(coords) if coords is not None and len(coords) > 1 else ("", ""))
    side = np.array(
        [
            sides[k][0 if f else 1] if line else ""
            for k, f, line in zip(zone, forward, is_line, strict=True)
        ],
        dtype=object,
    )
    return pd.DataFrame(
        {
            "time": pd.to_datetime(rows["t"].to_numpy(), unit="s", utc=True),
            "track_id": rows["track"].astype(str).to_numpy(),
            "zone_id": np.array([z.id for z in tables.zones], dtype=object)[zone],
            "event": np.where(is_line, CROSSING, np.where(forward, ENTRY, EXIT)),
            "side": side,
            "at_track_start": rows["at_start"].to_numpy() == 1,
        }
    )


def _day_table(per_day, tables: zs.ZoneTables, tz: str):
    """The engine's (zone, day, track, events, kind, n) rows -> per zone, day and kind: events,
    tracks and aircraft, kinds normalised as the readers do, a track's aircraft as `TrackSet`
    counts them (its first fix's count, at least 1)."""
    import pandas as pd

    from viewer.io.normalize import normalise_kind

    columns = ["zone_id", "day", "kind", "events", "tracks", "aircraft"]
    if not len(per_day):
        return pd.DataFrame({c: [] for c in columns})
    ids = np.array([z.id for z in tables.zones], dtype=object)
    kinds_raw = per_day["kind"].astype(object)
    known = {v: normalise_kind(v) for v in pd.unique(kinds_raw.dropna())}
    kind = kinds_raw.map(lambda v: known.get(v, KIND_UNKNOWN) if v is not None else KIND_UNKNOWN)
    n = pd.to_numeric(per_day["n"], errors="coerce").to_numpy(dtype=np.float64)
    with np.errstate(invalid="ignore"):
        aircraft = np.where(np.isfinite(n) & (n >= 1), np.trunc(n), 1.0)
    days = pd.to_datetime(per_day["day"]).dt.tz_localize(tz)
    rows = pd.DataFrame(
        {
            "zone_id": ids[per_day["zone"].to_numpy().astype(np.int64)],
            "day": days,
            "kind": kind.fillna(KIND_UNKNOWN).to_numpy(),
            "events": per_day["events"].to_numpy().astype(np.int64),
            "tracks": 1,
            "aircraft": aircraft,
        }
    )
    out = rows.groupby(["zone_id", "day", "kind"], as_index=False, sort=True).sum()
    return out[columns]


__all__ = ["CHUNK_FIXES", "DEFAULT_TZ", "Archive"]
