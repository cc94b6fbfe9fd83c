"""`TrackSet`: every track frozen into contiguous NumPy arrays, sorted by track then time.

Built once from a reader's canonical table (see `viewer.core.constants`), projected once into the
display CRS, and re-projected only when the user changes CRS. Nothing per frame touches pandas.

Memory per fix: time 8 B + lon/lat 16 B + x/y 16 B + alt/speed/heading 12 B = 52 B.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

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
    REQUIRED_COLUMNS,
    SIDE,
    SPEED_KT,
    TIME,
    TRACK_ID,
)
from viewer.core.projection import PARALLEL_POINTS, Projection

if TYPE_CHECKING:
    import pandas as pd

# Deferred on purpose: pandas (heavy: imported by the functions that use them, so importing the
# module stays quick (STYLE 12)).


@dataclass(frozen=True, eq=False)
class TrackSet:
    """Tracks as flat arrays; track ``i`` owns fixes ``offsets[i]:offsets[i + 1]``.

    Per fix: ``t`` (float64 seconds since 1970-01-01 UTC), ``lon``/``lat`` (degrees),
    ``x``/``y`` (display-CRS units), ``alt_m``, ``speed_kt``, ``heading_deg`` (float32, NaN where
    unknown). Per track: ``ids``, ``kinds``, ``callsigns``, ``labels`` (str arrays), ``counts``.
    """

    ids: np.ndarray
    offsets: np.ndarray
    t: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    x: np.ndarray
    y: np.ndarray
    alt_m: np.ndarray
    speed_kt: np.ndarray
    heading_deg: np.ndarray
    kinds: np.ndarray
    callsigns: np.ndarray
    labels: np.ndarray
    counts: np.ndarray
    projection: Projection
    name: str = ""
    sides: np.ndarray | None = None  # per track, "" where the file does not say
    # Fixes are the vertices of paths drawn by hand (traced), not samples: a long leg between two
    # of them is not missing data, so the replay never marks a gap on these tracks.
    traced: bool = False

    # ------------------------------------------------------------------ construction
    @classmethod
    def freeze(
        cls,
        *,
        ids: np.ndarray,
        offsets: np.ndarray,
        t: np.ndarray,
        lon: np.ndarray,
        lat: np.ndarray,
        x: np.ndarray,
        y: np.ndarray,
        projection: Projection,
        name: str = "",
        alt_m: np.ndarray | None = None,
        speed_kt: np.ndarray | None = None,
        heading_deg: np.ndarray | None = None,
        kinds: np.ndarray | None = None,
        callsigns: np.ndarray | None = None,
        labels: np.ndarray | None = None,
        sides: np.ndarray | None = None,
        counts: np.ndarray | None = None,
    ) -> TrackSet:
        """The one place a TrackSet is built: columns already sorted by track then time (track
        ``i`` owns fixes ``offsets[i]:offsets[i + 1]``), x/y already projected. A fix column
        left out is NaN; per track, a text left out is its default (kind: unknown; the others:
        empty) and ``counts`` (the raw number of aircraft at each track's first fix) becomes at
        least 1. Arrays already of the stored type are kept, not copied."""
        n, n_tracks = len(t), len(ids)

        def per_fix(values: np.ndarray | None) -> np.ndarray:
            if values is None:
                return np.full(n, np.nan, dtype=np.float32)
            return np.asarray(values, dtype=np.float32)

        def per_track(values: np.ndarray | None, default: str) -> np.ndarray:
            return np.full(n_tracks, default, dtype=object) if values is None else values

        if counts is None:
            aircraft = np.ones(n_tracks, dtype=np.int32)
        else:
            aircraft = np.where(np.isfinite(counts) & (counts >= 1), counts, 1).astype(np.int32)
        return cls(
            ids=ids,
            offsets=offsets,
            t=t,
            lon=lon,
            lat=lat,
            x=x,
            y=y,
            alt_m=per_fix(alt_m),
            speed_kt=per_fix(speed_kt),
            heading_deg=per_fix(heading_deg),
            kinds=per_track(kinds, KIND_UNKNOWN),
            callsigns=per_track(callsigns, ""),
            labels=per_track(labels, ""),
            counts=aircraft,
            projection=projection,
            name=name,
            sides=per_track(sides, ""),
        )

    @classmethod
    def from_frame(
        cls, frame: pd.DataFrame, projection: Projection | None = None, name: str = ""
    ) -> TrackSet:
        """Freeze a canonical table (columns from `viewer.core.constants`) into a TrackSet.

        Rows are sorted by track then time (stable); ``time`` must be tz-aware UTC or
        datetime64 naive meaning UTC. Missing optional columns become NaN / defaults.
        """
        import pandas as pd

        missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
        if missing:
            raise ValueError(
                f"track table lacks column(s) {', '.join(missing)}; expected {REQUIRED_COLUMNS}"
            )
        projection = projection or Projection.default()
        n = len(frame)
        # a large table's projection (NumPy or PROJ, without the GIL) overlaps the rest; points
        # are projected one by one, so the table's order serves and x/y follow the sort after
        projected = _start(
            n >= PARALLEL_POINTS,
            projection.forward,
            frame[LON].to_numpy(dtype=np.float64),
            frame[LAT].to_numpy(dtype=np.float64),
        )
        track_codes, uniques = _track_codes(frame[TRACK_ID])
        t = _seconds(frame[TIME])
        if _sorted(track_codes, t):  # readers hand over sorted tables: no copy, no sort
            order = None
            codes = track_codes
        else:
            order = np.lexsort((t, track_codes))
            codes = track_codes[order]
            t = t[order]
        offsets = np.full(len(uniques) + 1, n, dtype=np.int64)
        # codes sorted: each track's first row by binary search (in the codes' own dtype: the
        # readers' categorical codes are int8/int16, and a wider query would copy them all)
        offsets[:-1] = np.searchsorted(codes, np.arange(len(uniques), dtype=codes.dtype))
        first = offsets[:-1]
        first_rows = first if order is None else order[first]

        def ordered(values: np.ndarray) -> np.ndarray:
            return values.copy() if order is None else values[order]  # never a view of the frame

        lon = ordered(frame[LON].to_numpy(dtype=np.float64))
        lat = ordered(frame[LAT].to_numpy(dtype=np.float64))

        def fix_column(col: str) -> np.ndarray | None:
            if col not in frame.columns:
                return None
            return ordered(pd.to_numeric(frame[col], errors="coerce").to_numpy(dtype=np.float32))

        def track_column(col: str, default: str) -> np.ndarray | None:
            if col not in frame.columns:
                return None
            column = frame[col]
            if isinstance(column.dtype, pd.CategoricalDtype):  # the readers': text per category
                cats = [default if _blank(c) else str(c) for c in column.cat.categories]
                texts = np.array([*cats, default], dtype=object)  # code -1 (missing): default
                return texts[column.cat.codes.to_numpy()[first_rows]]
            values = column.take(first_rows).to_numpy(dtype=object) if n else np.array([])
            return np.array([default if _blank(v) else str(v) for v in values], dtype=object)

        counts = None
        if COUNT in frame.columns and n:
            counts = pd.to_numeric(frame[COUNT], errors="coerce").to_numpy()[first_rows]
        x, y = projected.result()
        if order is not None:
            x, y = x[order], y[order]
        return cls.freeze(
            ids=np.asarray(uniques, dtype=object),
            offsets=offsets,
            t=t,
            lon=lon,
            lat=lat,
            x=x,
            y=y,
            projection=projection,
            name=name,
            alt_m=fix_column(ALT_M),
            speed_kt=fix_column(SPEED_KT),
            heading_deg=fix_column(HEADING_DEG),
            kinds=track_column(KIND, KIND_UNKNOWN),
            callsigns=track_column(CALLSIGN, ""),
            labels=track_column(LABEL, ""),
            sides=track_column(SIDE, ""),
            counts=counts,
        )

    @classmethod
    def empty(cls, projection: Projection | None = None, name: str = "") -> TrackSet:
        f8 = np.empty(0, dtype=np.float64)
        f4 = np.empty(0, dtype=np.float32)
        o = np.empty(0, dtype=object)
        return cls(
            o,
            np.zeros(1, np.int64),
            f8,
            f8,
            f8,
            f8,
            f8,
            f4,
            f4,
            f4,
            o,
            o,
            o,
            np.empty(0, np.int32),
            projection or Projection.default(),
            name,
        )

    def reprojected(self, projection: Projection) -> TrackSet:
        """The same tracks with x/y in another display CRS (a data change: arrays rebuilt)."""
        x, y = projection.forward(self.lon, self.lat)
        return replace(self, x=x, y=y, projection=projection)

    # ------------------------------------------------------------------ queries
    @property
    def n_tracks(self) -> int:
        return len(self.ids)

    @property
    def n_fixes(self) -> int:
        return len(self.t)

    @property
    def time_span(self) -> tuple[float, float] | None:
        """(first, last) fix time in epoch seconds, or None when there are no fixes."""
        if not self.n_fixes:
            return None
        return float(self.t.min()), float(self.t.max())

    def track_slice(self, i: int) -> slice:
        return slice(int(self.offsets[i]), int(self.offsets[i + 1]))

    def track_index(self) -> np.ndarray:
        """For every fix, the index of its track (int32)."""
        return np.repeat(np.arange(self.n_tracks, dtype=np.int32), np.diff(self.offsets))

    def display_name(self, i: int) -> str:
        """Label, else callsign, else id: what the map shows next to a head."""
        return str(self.labels[i] or self.callsigns[i] or self.ids[i])

    @property
    def nbytes(self) -> int:
        """Bytes held by the per-fix and offset arrays (strings excluded)."""
        arrays = (
            self.offsets,
            self.t,
            self.lon,
            self.lat,
            self.x,
            self.y,
            self.alt_m,
            self.speed_kt,
            self.heading_deg,
            self.counts,
        )
        return int(sum(a.nbytes for a in arrays))


def _seconds(times: pd.Series) -> np.ndarray:
    """Epoch seconds (float64) from a datetime column (tz-aware UTC or naive UTC)."""
    import pandas as pd

    if not pd.api.types.is_datetime64_any_dtype(times):
        times = pd.to_datetime(times, utc=True)
    ns = times.dt.as_unit("ns").array.asi8  # UTC epoch nanoseconds, naive or aware, no copy
    return np.true_divide(ns, 1e9)  # one pass (NaT would be -9.2e9 s: tables hold none)


def _start(in_thread: bool, fn, *args) -> Future:
    """``fn(*args)`` on a thread of its own, or now; either way a future."""
    if in_thread:
        pool = ThreadPoolExecutor(max_workers=1)
        future = pool.submit(fn, *args)
        pool.shutdown(wait=False)
        return future
    done: Future = Future()
    try:
        done.set_result(fn(*args))
    except Exception as exc:  # raised again by result(), as from a thread
        done.set_exception(exc)
    return done


def _track_codes(ids: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the index of its id among the distinct ids sorted as text; the sorted ids."""
    import pandas as pd

    if isinstance(ids.dtype, pd.CategoricalDtype):  # the readers' tables: work per category
        rows = ids.cat.codes.to_numpy()
        names = pd.Series(ids.cat.categories).astype(str)
        if len(rows) and names.is_monotonic_increasing and names.is_unique:
            # the readers' usual case: rows grouped by id, ids in text order, every id used
            step = np.diff(rows)
            grouped = len(step) == 0 or (step.min() >= 0 and step.max() <= 1)
            if grouped and rows[0] == 0 and rows[-1] == len(names) - 1:
                return rows, names.to_numpy(dtype=object)  # the codes stand
        present = np.zeros(len(names), dtype=bool)
        present[rows[rows >= 0]] = True
        sorted_codes, uniques = pd.factorize(names[present], sort=True)
        lookup = np.full(len(names) + 1, -1, dtype=np.intp)  # the extra -1 for a missing id
        lookup[np.flatnonzero(present)] = sorted_codes
        return lookup[rows], np.asarray(uniques)
    codes, uniques = pd.factorize(ids.astype(str), sort=True)
    return codes, np.asarray(uniques)


def _sorted(codes: np.ndarray, t: np.ndarray) -> bool:
    """Already in (track, time) order, so the stable sort would change nothing."""
    if len(codes) < 2:
        return True
    if not (codes[1:] >= codes[:-1]).all():
        return False
    return bool(((t[1:] >= t[:-1]) | (codes[1:] != codes[:-1])).all())


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value)) or str(value) == ""
