"""The zone-count run of an archive: the zone tables into the engine, the chunks through it, the
few points a track's status is taken at (its first fix; its position when a zone comes into
force), and the engine's rows turned into the counts chart's table.

The statements are `viewer.io.archive.zone_sql`'s; this module only drives them.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import numpy as np
import shapely

from viewer.core.constants import COUNT, KIND, KIND_UNKNOWN, LAT, LON, TIME, TRACK_ID
from viewer.core.timeline import zone_info
from viewer.core.zone_types import side_names
from viewer.core.zones import AREA, CROSSING, ENTRY, EXIT, LINE, Zone
from viewer.io.archive import zone_sql as zs
from viewer.io.archive.model import Window, ZoneCounts
from viewer.io.archive.zone_stream import TrackRange, stream_segments
from viewer.io.archive.zone_stretches import StretchSQL, SummedArea
from viewer.io.normalize import normalise_kind

if TYPE_CHECKING:
    import pandas as pd

    from viewer.io.archive.archive import Archive, Progress
    from viewer.io.archive.engine import Cancel

# Deferred on purpose: pandas (heavy: imported by the functions that use them, so importing the
# module stays quick (STYLE 12)).


def count_zone_events(
    archive: Archive,
    zones: list[Zone],
    window: Window,
    day,
    chunks: list[tuple[float, float]] | list[TrackRange],
    cancel: Cancel | None,
    progress: Progress | None,
    keep_events: bool,
    projection=None,
) -> ZoneCounts:
    """See `Archive.zone_counts`."""
    started = time.perf_counter()
    engine = archive.engine
    tables = zs.ZoneTables.build(zones, projection=projection)
    sql = zs.ZoneCountSQL(engine.dialect, tables)
    engine.execute(sql.drop_state(), cancel)
    try:
        _load_zone_tables(archive, tables)
        engine.execute(sql.create_state(), cancel)
        has_kind, has_count = archive.schema.has(KIND), archive.schema.has(COUNT)
        fields = (TRACK_ID, TIME, LON, LAT) + ((KIND,) if has_kind else ())
        fields += (COUNT,) if has_count else ()
        if isinstance(chunks[0], TrackRange):  # in the engine's track order, range by range
            _each_track_range(archive, sql, tables, window, chunks, cancel, progress)
        else:
            _each_chunk(archive, sql, tables, window, chunks, fields, cancel, progress)
        _status_events(archive, sql, tables, cancel)
        engine.execute(sql.net_events(), cancel)
        per_day = engine.fetch(sql.per_day(day), cancel).to_pandas()
        events = None
        if keep_events:
            events = _events_frame(engine.fetch(sql.events(), cancel).to_pandas(), tables)
    finally:
        engine.reset_cancel()
        engine.execute(sql.drop_state())
    if progress is not None:
        progress(1.0)
    return ZoneCounts(
        _day_table(per_day, tables, day),
        day,
        seconds=time.perf_counter() - started,
        chunks=len(chunks),
        events=events,
        zones=tuple(z.id for z in zones),
    )


def _each_track_range(archive, sql, tables, window, ranges, cancel, progress) -> None:
    """The window's fixes range of track ids by range, each in one pass (`zone_stream`)."""
    engine = archive.engine
    has_kind, has_count = archive.schema.has(KIND), archive.schema.has(COUNT)
    active = list(range(len(tables.zones)))
    sat = _summed_area(tables, active, sql.cell)
    force = _force_instants(tables, active)
    query = archive.query(window)
    for k, tracks in enumerate(ranges):
        statements = stream_segments(sql, query, window, tracks, sat, force, has_kind, has_count)
        engine.execute(statements, cancel)
        engine.execute(sql.crossings(active), cancel)
        engine.execute(sql.end_chunk(), cancel)
        if progress is not None:
            progress(0.95 * (k + 1) / len(ranges))


def _each_chunk(archive, sql, tables, window, chunks, fields, cancel, progress) -> None:
    """The chunks one by one, the last fix of each track carried from one to the next."""
    engine = archive.engine
    has_kind, has_count = KIND in fields, COUNT in fields
    stretch = StretchSQL(sql, has_kind, has_count) if sql.stretched else None
    sat_zones: list[int] | None = None
    sat = None
    first = chunks[0][0]  # no fix of the window is earlier (the first hour's start)
    for k, (c0, c1) in enumerate(chunks):
        part = Window(_at(c0), _at(c1), window.bbox)
        # the areas in force at some time of this chunk or before it, back to the first fix:
        # one that came into force later has no event yet, one out of force before the first
        # fix never has one (a year of 2025 skips the seven zones of August 2022 outright)
        active = [
            i
            for i, z in enumerate(tables.zones)
            if (z.valid_from is None or z.valid_from.timestamp() < c1)
            and (z.valid_to is None or z.valid_to.timestamp() > first)
        ]
        relation = archive.query(part).fixes_relation(part, fields)
        if stretch is None:  # every fix through the window function
            engine.execute(sql.load_chunk(relation, has_kind, has_count), cancel)
            engine.execute(sql.segments(), cancel)
            engine.execute(sql.crossings(active), cancel)
            engine.execute(sql.carry(), cancel)
        else:  # only the stretches near a boundary give segments
            if sat is None or active != sat_zones:
                sat, sat_zones = _summed_area(tables, active, sql.cell), active
                engine.load_table(zs.SAT_ROWS, sat.rows)
                engine.execute(stretch.load_sat(), cancel)
            force = _force_instants(tables, active)
            engine.execute(stretch.stretches(relation, times=bool(force)), cancel)
            engine.execute(stretch.sequence(sat, force), cancel)
            engine.execute(stretch.picked(relation), cancel)
            engine.execute(stretch.segments(sat, force), cancel)
            engine.execute(sql.crossings(active), cancel)
            engine.execute(stretch.first_and_carry(), cancel)
        engine.execute(sql.end_chunk(), cancel)
        if progress is not None:
            progress(0.95 * (k + 1) / len(chunks))


def _force_instants(tables: zs.ZoneTables, active: list[int]) -> list[float]:
    """The instants the active areas bound in time come into force."""
    zones = (tables.zones[i] for i in active)
    return sorted(
        {z.valid_from.timestamp() for z in zones if z.kind == AREA and z.valid_from is not None}
    )


def _summed_area(tables: zs.ZoneTables, active: list[int], cell: float) -> SummedArea:
    """The boundary cells of the zones in force in a chunk, as a summed-area table."""
    keep = np.isin(tables.cell_rows["zone"], np.asarray(active, dtype=np.int32))
    return SummedArea.build(tables.cell_rows["cell"][keep], cell)


def _at(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def _load_zone_tables(archive: Archive, tables: zs.ZoneTables) -> None:
    engine = archive.engine
    engine.load_table(zs.ZONES, tables.zone_rows)
    engine.load_table(zs.EDGES, tables.edge_rows)
    engine.load_table(zs.CELLS, tables.cell_rows)
    engine.load_table(zs.BLOCKS, tables.block_rows)
    d = engine.dialect
    engine.execute(
        [
            *d.index(zs.CELLS, "cell"),
            *d.index(zs.EDGES, "zone, edge"),
            *d.index(zs.EDGES, "block"),
            *d.analyze(zs.ZONES, zs.EDGES, zs.CELLS, zs.BLOCKS),
        ]
    )
    if engine.has_postgis:
        wkb = np.array([shapely.to_wkb(z.geometry, hex=True) for z in tables.zones], dtype=object)
        engine.load_table("adiz_zone_wkb", {"zone": tables.zone_rows["zone"], "wkb": wkb})
        engine.execute(
            [
                f"ALTER TABLE {zs.ZONES} ADD COLUMN geom geometry",
                f"UPDATE {zs.ZONES} AS z SET geom = ST_SetSRID(ST_GeomFromWKB("
                "decode(w.wkb, 'hex')), 4326) FROM adiz_zone_wkb AS w WHERE w.zone = z.zone",
                "DROP TABLE adiz_zone_wkb",
            ]
        )


def _inside(zone: Zone, projection, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Points inside the zone as the map draws it (its vertices projected, straight between)."""

    def forward(coords: np.ndarray) -> np.ndarray:
        return np.column_stack(projection.forward(coords[:, 0], coords[:, 1]))

    polygon = shapely.transform(zone.geometry, forward)
    x, y = projection.forward(lon, lat)
    return shapely.contains_xy(polygon, x, y)


def _status_events(archive: Archive, sql: zs.ZoneCountSQL, tables: zs.ZoneTables, cancel) -> None:
    """Entries where a track's status is inside: at its first fix (while the zone is in force:
    ``at_start``) and at the instant a time-bound zone comes into force (``in_force``). PostGIS
    tests the first fixes in the engine; the rest (one point per track, or per track alive when a
    zone comes into force) are tested here with `shapely.contains_xy`, the app's own test."""
    engine = archive.engine
    proj = tables.projection
    zone_l, track_l, t_l, start_l = [], [], [], []
    if engine.has_postgis:
        engine.execute(sql.starts_postgis(), cancel)
    else:
        first = engine.fetch(f"SELECT track, t, lon, lat FROM {zs.FIRST}", cancel)
        t = first.column("t").to_numpy()
        lon, lat = first.column("lon").to_numpy(), first.column("lat").to_numpy()
        tracks = first.column("track").to_numpy(zero_copy_only=False)
        for k, zone in enumerate(tables.zones):
            if zone.kind != AREA or not len(t):
                continue
            keep = np.ones(len(t), dtype=bool)
            if zone.valid_from is not None:
                keep &= t >= zone.valid_from.timestamp()
            if zone.valid_to is not None:
                keep &= t < zone.valid_to.timestamp()
            idx = np.flatnonzero(keep)
            idx = idx[_inside(zone, proj, lon[idx], lat[idx])]
            zone_l.append(np.full(len(idx), k, np.int32))
            track_l.append(tracks[idx])
            t_l.append(t[idx])
            start_l.append(np.ones(len(idx), np.int32))
    alive = engine.fetch(f"SELECT zone, track, t0, x0, y0, t1, x1, y1 FROM {zs.AT_FORCE}", cancel)
    if alive.num_rows:
        z = alive.column("zone").to_numpy().astype(np.int64)
        tracks = alive.column("track").to_numpy(zero_copy_only=False)
        t0, t1 = alive.column("t0").to_numpy(), alive.column("t1").to_numpy()
        ax, ay = proj.forward(alive.column("x0").to_numpy(), alive.column("y0").to_numpy())
        bx, by = proj.forward(alive.column("x1").to_numpy(), alive.column("y1").to_numpy())
        for k in np.unique(z).tolist():
            zone = tables.zones[k]
            assert zone.valid_from is not None
            vf = zone.valid_from.timestamp()
            if zone.valid_to is not None and zone.valid_to.timestamp() <= vf:
                continue
            sel = np.flatnonzero(z == k)
            f = (vf - t0[sel]) / (t1[sel] - t0[sel])
            x = ax[sel] + f * (bx[sel] - ax[sel])
            y = ay[sel] + f * (by[sel] - ay[sel])
            polygon = shapely.transform(
                zone.geometry, lambda c: np.column_stack(proj.forward(c[:, 0], c[:, 1]))
            )
            idx = sel[shapely.contains_xy(polygon, x, y)]
            zone_l.append(np.full(len(idx), k, np.int32))
            track_l.append(tracks[idx])
            t_l.append(np.full(len(idx), vf))
            start_l.append(np.zeros(len(idx), np.int32))
    if not zone_l or not sum(len(r) for r in zone_l):
        return
    name = "adiz_status_events"
    engine.load_table(
        name,
        {
            "zone": np.concatenate(zone_l),
            "track": np.concatenate(track_l).astype(object),
            "t": np.concatenate(t_l),
            "at_start": np.concatenate(start_l),
        },
    )
    engine.execute(
        [
            f"INSERT INTO {zs.EVENTS} SELECT zone, track, t, 1, at_start, 1 - at_start FROM {name}",
            f"DROP TABLE {name}",
        ],
        cancel,
    )


def _events_frame(rows: pd.DataFrame, tables: zs.ZoneTables) -> pd.DataFrame:
    """The engine's events as the app's events table has them: time (UTC), track_id, zone_id,
    event (entry/exit/crossing), side (the side of a line crossed to), at_track_start,
    inside_when_in_force."""
    import pandas as pd

    zone = rows["zone"].to_numpy().astype(np.int64)
    is_line = np.array([z.kind == LINE for z in tables.zones], dtype=bool)[zone]
    forward = rows["dir"].to_numpy() > 0
    sides = []
    for z in tables.zones:
        coords = shapely.get_coordinates(z.geometry) if z.kind == LINE else None
        sides.append(side_names(coords) if coords is not None and len(coords) > 1 else ("", ""))
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
            "inside_when_in_force": rows["in_force"].to_numpy() == 1,
        }
    )


def _day_table(per_day: pd.DataFrame, tables: zs.ZoneTables, day) -> pd.DataFrame:
    """The engine's (zone, bin, track, events, kind, n) rows -> per zone, bin and kind: events,
    tracks and aircraft, kinds normalised as the readers do, a track's aircraft as `TrackSet`
    counts them (its first fix's count, at least 1); bins tz-aware in ``day.tz`` as
    `viewer.core.counts` makes them."""
    import pandas as pd

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
    days = (
        pd.to_datetime(per_day["day"])
        .dt.as_unit("ns")
        .dt.tz_localize(zone_info(day.tz), ambiguous=False, nonexistent="shift_forward")
    )
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
