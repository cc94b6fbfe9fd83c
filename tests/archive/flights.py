"""Generated ADS-B-like flights for the archive tests and benchmark: straight-ish great legs across
the Taiwan region at airliner and fighter speeds, one fix every 8–40 s, in the columns of an
OpenSky state-vector export (``time, icao24, callsign, lat, lon, baroaltitude`` in metres,
``velocity`` in m/s, ``heading``), so the archive's columns are recognised as a file's.

NumPy throughout (no Python loop per fix): the benchmark makes 100M fixes with it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

M_PER_DEG = 111_320.0
REGION = (116.0, 20.0, 128.0, 31.0)  # where flights start: west, south, east, north
KIND_WORDS = ("J-16", "H-6K", "KJ-500", "Y-20", "A320", "B738", "BZK-005", "Z-9")


def flights(
    rng: np.random.Generator,
    day_start: float,
    n_flights: int,
    *,
    first_id: int = 0,
    step_s: tuple[int, int] = (8, 40),
    duration_s: tuple[float, float] = (1800.0, 3 * 3600.0),
    with_kind: bool = False,
    region: tuple[float, float, float, float] = REGION,
    keep_within: tuple[float, float, float, float] | None = None,
    aircraft: int | None = None,
) -> pa.Table:
    """``n_flights`` flights starting within the UTC day at ``day_start`` (epoch seconds) in
    ``region``, each with its own icao24 (``first_id`` + its number, as six hex digits), sorted by
    time; with ``keep_within`` (a box), only the flights that stay inside it; with ``aircraft``,
    the icao24 of flight k is k modulo ``aircraft`` (a fleet flying again days later: its track
    has gaps of days)."""
    n = n_flights
    duration = rng.uniform(*duration_s, n)
    start = day_start + rng.uniform(0, 86_400 - duration_s[1], n)
    step = rng.integers(step_s[0], step_s[1] + 1, n).astype(np.float64)
    fixes = (duration // step).astype(np.int64) + 1
    total = int(fixes.sum())
    flight = np.repeat(np.arange(n), fixes)
    first = np.concatenate([[0], np.cumsum(fixes)[:-1]])
    k = np.arange(total) - np.repeat(first, fixes)
    dt = step[flight]
    t = start[flight] + k * dt + rng.uniform(0, 0.999, total)  # sub-second jitter
    t = np.round(t * 1e6) / 1e6  # microseconds, as Parquet and ISO text keep them
    speed = rng.uniform(120.0, 280.0, n)  # m/s
    heading0 = rng.uniform(0.0, 360.0, n)
    turn = rng.normal(0.0, 0.01, n)  # degrees per second
    heading = (heading0[flight] + turn[flight] * k * dt) % 360.0
    h = np.radians(heading)
    step_m = speed[flight] * dt
    step_m[first] = 0.0
    lon0 = rng.uniform(region[0], region[2], n)
    lat0 = rng.uniform(region[1], region[3], n)
    dy = np.cumsum(step_m * np.cos(h)) / M_PER_DEG
    lat = lat0[flight] + dy - np.repeat(dy[first], fixes)
    coslat = np.cos(np.radians(lat))
    dx = np.cumsum(step_m * np.sin(h) / (M_PER_DEG * coslat))
    lon = lon0[flight] + dx - np.repeat(dx[first], fixes)
    alt = rng.uniform(3000.0, 12_000.0, n)[flight] + rng.normal(0, 30, total)
    numbers = first_id + np.arange(n)
    ids = np.char.mod("%06x", numbers % aircraft if aircraft else numbers)
    callsigns = np.char.add("CAL", np.char.mod("%04d", (first_id + np.arange(n)) % 10_000))
    keep = np.ones(total, dtype=bool)
    if keep_within is not None:
        w, so, e, no = keep_within
        outside = (lon < w) | (lon > e) | (lat < so) | (lat > no)
        bad = np.zeros(n, dtype=bool)
        bad[flight[outside]] = True
        keep = ~bad[flight]
    order = np.flatnonzero(keep)[np.argsort(t[keep], kind="stable")]
    columns = {
        "time": pa.array((t[order] * 1e6).astype(np.int64), pa.timestamp("us", tz="UTC")),
        "icao24": pa.array(ids[flight][order]),
        "callsign": pa.array(callsigns[flight][order]),
        "lat": pa.array(lat[order]),
        "lon": pa.array(lon[order]),
        "baroaltitude": pa.array(alt[order]),
        "velocity": pa.array(speed[flight][order]),
        "heading": pa.array(heading[order]),
    }
    if with_kind:
        kinds = np.array(KIND_WORDS)[rng.integers(0, len(KIND_WORDS), n)]
        columns["type"] = pa.array(kinds[flight][order])
    return pa.table(columns)


def days_of_flights(
    seed: int, first_day: str, days: int, flights_per_day: int, **kw: object
) -> pa.Table:
    rng = np.random.default_rng(seed)
    day0 = np.datetime64(first_day, "s").astype(np.int64)
    tables = [
        flights(rng, float(day0 + 86_400 * d), flights_per_day, first_id=d * flights_per_day, **kw)
        for d in range(days)
    ]
    return pa.concat_tables(tables)


def write_hive(table: pa.Table, folder: Path, by_hour: bool = True) -> list[Path]:
    """``date=YYYY-MM-DD[/hour=HH]/part-0.parquet`` (UTC), rows in time order."""
    return _write(table, folder, by_hour, hive=True, epoch=False)


def write_by_name(table: pa.Table, folder: Path, epoch: bool = True) -> list[Path]:
    """``states_YYYY-MM-DD-HH.parquet`` per hour (OpenSky's own file names), the time as epoch
    seconds (a number) when ``epoch``."""
    return _write(table, folder, True, hive=False, epoch=epoch)


def _write(table: pa.Table, folder: Path, by_hour: bool, hive: bool, epoch: bool) -> list[Path]:
    us = table.column("time").cast(pa.int64()).to_numpy()
    key = us // (3_600_000_000 if by_hour else 86_400_000_000)
    bounds = np.flatnonzero(np.diff(key)) + 1
    starts = np.concatenate([[0], bounds])
    ends = np.concatenate([bounds, [len(key)]])
    paths = []
    for a, b in zip(starts, ends, strict=True):
        part = table.slice(int(a), int(b - a))
        when = np.datetime64(int(us[a]), "us").astype("datetime64[h]").astype(object)
        date, hour = when.strftime("%Y-%m-%d"), when.strftime("%H")
        if hive:
            sub = folder / f"date={date}" / (f"hour={hour}" if by_hour else "")
            path = sub / "part-0.parquet"
        else:
            path = folder / f"states_{date}-{hour}.parquet"
        if epoch:
            seconds = pa.array(part.column("time").cast(pa.int64()).to_numpy() / 1e6)
            part = part.set_column(0, "time", seconds)
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(part, path, row_group_size=4096)
        paths.append(path)
    return paths


def write_csv(table: pa.Table, path: Path) -> Path:
    """One CSV of the same rows, times as ISO 8601 with Z (microseconds)."""
    frame = table.to_pandas()
    frame["time"] = frame["time"].dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    frame.to_csv(path, index=False, float_format="%.17g")
    return path
