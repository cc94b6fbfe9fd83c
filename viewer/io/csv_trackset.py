"""A clean CSV straight into a `TrackSet`, without the canonical table in between.

The usual track file (an export sorted by track and time, every row readable) needs none of
the canonical table's repairs: no row to skip, no sort, no duplicate, no zone to apply. For such
a file this freezes pyarrow's columns directly: the checks are minima and maxima, the tracks
are the runs of equal ids, per-track text is read at each track's first row, and the
projection runs on a second thread meanwhile: 0.04 s after the parse's 0.07 s for 1M fixes,
where the table's way takes 0.16 s (`benchmarks/bench_load.py`).

Whatever this cannot prove clean returns None *before* touching the report, and the caller
takes the canonical table's way (`viewer.io.csv_reader.canonical_table`), which reports and
repairs; tests hold both ways to the same TrackSet and the same report.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import numpy as np

from viewer.core.constants import (
    ALT_M,
    CALLSIGN,
    COUNT,
    HEADING_DEG,
    KIND,
    KIND_UNKNOWN,
    LABEL,
    LAT,
    LON,
    SIDE,
    SPEED_KT,
    TIME,
    TRACK_ID,
)
from viewer.core.tracks import TrackSet
from viewer.io.columns import judge_units, note_judged
from viewer.io.csv_reader import ParsedCsv
from viewer.io.flights import note_callsign_changes, tracks_changing_callsign
from viewer.io.normalize import MAX_YEAR, MIN_YEAR, normalise_kind, run_starts, take_sorted
from viewer.io.report import UnitsUnsure

if TYPE_CHECKING:
    from viewer.core.projection import Projection

# Deferred on purpose: pandas, pyarrow, pyarrow.compute (heavy: imported by the functions that use
# them, so importing the module stays quick (STYLE 12)).

NUMERIC = (ALT_M, SPEED_KT, HEADING_DEG, COUNT)
TEXT = (KIND, CALLSIGN, LABEL, SIDE)
HANDLED = frozenset((TRACK_ID, TIME, LON, LAT, *NUMERIC, *TEXT))
BLANK_IDS = frozenset(("", "<NA>", "nan"))  # what the canonical table takes for no id


def clean_trackset(
    parsed: ParsedCsv, options, projection: Projection, name: str = ""
) -> TrackSet | None:
    """The parsed file as a TrackSet if every row is readable as it stands and the rows come
    grouped by track (ids in text order) with rising times; else None, the report untouched."""
    import pyarrow as pa
    import pyarrow.compute as pc

    table, cmap = parsed.table, parsed.cmap
    n = table.num_rows
    if (
        n == 0
        or parsed.invalid_rows
        or parsed.decimal != "."
        or parsed.encoding != "utf-8"
        or not set(cmap.columns) <= HANDLED
        or TRACK_ID not in cmap.columns
        or TIME not in cmap.columns
        or (cmap.schema is not None and cmap.schema.needs_table)
        or getattr(options, "split_flights", None) is not None
    ):
        return None

    def column(canon: str):
        return table.column(cmap.columns[canon])

    ids, times = column(TRACK_ID), column(TIME)
    if not (pa.types.is_string(ids.type) or pa.types.is_large_string(ids.type)):
        return None  # numeric ids ('123' read as 123, 1.0 as '1'): the table's way
    if not (pa.types.is_timestamp(times.type) and times.type.tz is not None):
        return None  # naive times need a zone, epochs a unit: the table's way
    if ids.null_count or times.null_count:
        return None
    for canon in (LON, LAT):  # numbers in every row (whole degrees are read as integers)
        kind = column(canon).type
        if (
            not (pa.types.is_floating(kind) or pa.types.is_integer(kind))
            or column(canon).null_count
        ):
            return None
    for canon in NUMERIC:
        if canon in cmap.columns and not _is_number(column(canon).type):
            return None
    for canon in TEXT:
        if canon in cmap.columns and not _is_text(column(canon).type):
            return None

    # two halves at once: the coordinates (joined, checked, projected) on a second thread, the
    # rest here (NumPy and Arrow free the GIL); nothing is reported until both say "clean"
    pool = ThreadPoolExecutor(max_workers=1)
    coordinates = pool.submit(_coordinates, column(LON), column(LAT), projection)
    pool.shutdown(wait=False)  # a file found not clean here does not wait for it
    unit = times.type.unit
    ticks = _own(times.to_numpy()).view(np.int64)  # in the column's unit (seconds, as parsed)
    first, end = (
        np.datetime64(f"{y}-01-01").astype(f"M8[{unit}]").astype(np.int64)
        for y in (MIN_YEAR, MAX_YEAR)
    )
    least, greatest = int(ticks.min()), int(ticks.max())
    if not (least >= first and greatest < end):
        return None  # out of the years the app shows
    tracks = _tracks(ids, ticks)
    if tracks is None:
        return None
    starts, names = tracks
    changing = 0
    if CALLSIGN in cmap.columns and not pa.types.is_null(column(CALLSIGN).type):
        # judged on the first row of each run of equal callsigns
        runs = np.union1d(run_starts(column(CALLSIGN)), starts)  # a run ends with its track
        heads = pc.utf8_trim_whitespace(take_sorted(column(CALLSIGN), runs))
        heads = heads.to_numpy(zero_copy_only=False)
        track_of = np.searchsorted(starts, runs, side="right") - 1
        changing = tracks_changing_callsign(track_of, heads.astype(object))
    values = {c: _floats(column(c)) for c in NUMERIC if c in cmap.columns}
    unsure = judge_units(cmap, lambda canon: values[canon])  # guessed units: read as guessed
    if unsure and options.confirm_units:
        raise UnitsUnsure(parsed.path, parsed.names, dict(cmap.columns), unsure)

    def per_track(canon: str, default: str, convert=None) -> np.ndarray:
        """The column's text at each track's first row (empty: ``default``), converted once
        per distinct value."""
        if canon not in cmap.columns:
            return np.full(len(starts), default, dtype=object)
        heads = pc.dictionary_encode(take_sorted(column(canon), starts))
        convert = convert or str
        texts = [convert(v) if v else default for v in heads.dictionary.to_pylist()]
        codes = pc.fill_null(heads.indices, len(texts)).to_numpy()  # empty: the last
        return np.array([*texts, default], dtype=object)[codes]

    types = per_track(KIND, "")
    ns_per_tick = 10 ** {"s": 9, "ms": 6, "us": 3, "ns": 0}[unit]
    factors = {ALT_M: cmap.alt_factor, SPEED_KT: cmap.speed_factor, HEADING_DEG: 1.0}
    # everything but the coordinates, while the second thread projects them
    fixes = {  # the values stay as read: the units are judged on them
        canon: (values[canon] * factor if factor != 1.0 else values[canon]).astype(np.float32)
        for canon, factor in factors.items()
        if canon in values
    }
    columns: dict[str, Any] = {
        "ids": names,
        "offsets": np.append(starts, n).astype(np.int64),
        # seconds as the table's way computes them (from nanoseconds), to the last bit
        "t": _seconds(ticks, ns_per_tick),  # the ticks become the seconds, in place
        "kinds": per_track(KIND, KIND_UNKNOWN, convert=normalise_kind),
        "callsigns": per_track(CALLSIGN, "", convert=lambda v: str(v).strip()),
        "labels": per_track(LABEL, "") if LABEL in cmap.columns else types,
        "sides": per_track(SIDE, ""),
        "counts": values[COUNT][starts] if COUNT in values else None,
    }
    coords = coordinates.result()
    if coords is None:
        return None  # a coordinate out of range, or empty

    # the file is clean: report as the table's way does
    note_judged(cmap, unsure, options, parsed.report)
    report = parsed.report
    report.rows_read += n
    report.fixes += n
    report.tracks += len(starts)
    report.time_start = _timestamp(report.time_start, least * ns_per_tick, min)
    report.time_end = _timestamp(report.time_end, greatest * ns_per_tick, max)
    note_callsign_changes(changing, report)
    lon, lat, x, y = coords
    return TrackSet.freeze(
        lon=lon,
        lat=lat,
        x=x,
        y=y,
        projection=projection,
        name=name,
        alt_m=fixes.get(ALT_M),
        speed_kt=fixes.get(SPEED_KT),
        heading_deg=fixes.get(HEADING_DEG),
        **columns,
    )


def _coordinates(lon_column, lat_column, projection: Projection):
    """(lon, lat, x, y) as arrays of the TrackSet's own, or None when a coordinate is out of
    range (a NaN fails the test too; a longitude over 180 is wrapped, with a warning, by the
    table's way)."""
    lon, lat = (_own(c.to_numpy()).astype(np.float64, copy=False) for c in (lon_column, lat_column))
    if not (np.min(lat) >= -90.0 and np.max(lat) <= 90.0):
        return None
    if not (np.min(lon) >= -180.0 and np.max(lon) <= 180.0):
        return None
    return (lon, lat, *projection.forward(lon, lat))


def _tracks(ids, ticks: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """(first row of each track, the track ids) when the rows come one run per id, the ids
    in text order once stripped, none blank, times rising within each run; else None."""
    import pyarrow.compute as pc

    starts = run_starts(ids)
    falls = np.flatnonzero(ticks[1:] <= ticks[:-1]) + 1  # rows whose time does not rise
    if len(falls) and not np.isin(falls, starts).all():
        return None  # unsorted or repeated times within a track
    # stripped as pandas strips the table's ids
    names = pc.utf8_trim_whitespace(take_sorted(ids, starts)).to_numpy(zero_copy_only=False)
    if len(names) > 1 and not (names[1:] > names[:-1]).all():
        return None  # ids out of text order, or one id in two runs (' A' and 'A' are one)
    if not BLANK_IDS.isdisjoint(names):
        return None  # rows without an id are skipped: the table's way
    return starts, names


def _seconds(ticks: np.ndarray, ns_per_tick: int) -> np.ndarray:
    """Seconds as float64, computed as the table's way does (nanoseconds / 1e9, to the last
    bit), in the ticks' own buffer: ticks, nanoseconds (in range: no overflow), seconds."""
    ns = np.multiply(ticks, ns_per_tick, out=ticks)
    return np.true_divide(ns, 1e9, out=ns.view(np.float64))


def _floats(values) -> np.ndarray:
    """A numeric column as float64, NaN where empty."""
    import pyarrow as pa

    if pa.types.is_null(values.type):
        return np.full(len(values), np.nan)
    return values.to_numpy(zero_copy_only=False).astype(np.float64)  # nulls: NaN


def _own(values: np.ndarray) -> np.ndarray:
    """An array the TrackSet owns (one chunk's to_numpy is a read-only view of Arrow's)."""
    return values if values.flags.writeable and values.flags.owndata else values.copy()


def _is_number(kind) -> bool:
    import pyarrow as pa

    return bool(pa.types.is_integer(kind) or pa.types.is_floating(kind) or pa.types.is_null(kind))


def _is_text(kind) -> bool:
    import pyarrow as pa

    return bool(
        pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_null(kind)
    )


def _timestamp(current, ns: int, pick):
    import pandas as pd

    value = pd.Timestamp(ns // 1000 * 1000, tz="UTC").to_pydatetime()  # microseconds
    return value if current is None else pick(current, value)
