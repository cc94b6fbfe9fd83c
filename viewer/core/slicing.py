"""Time slicing: where every live track is at one moment, and which of its fixes form the trail.

A frozen request -> response pair (the shape of napari's ``layers/points/_slice.py``) so slicing
can move to a worker thread: ``SliceRequest(time, trail, gap)(trackset) -> TrackSlice``.

Everything is vectorised across tracks: one ``np.searchsorted`` of all live tracks' queries into a
per-fix integer key ``track * stride + rank(time)`` built once per `TrackSet`, so a slice costs
O(tracks + live · log n) and no Python loop touches points or tracks.

>>> import pandas as pd
>>> from viewer.core.tracks import TrackSet
>>> frame = pd.DataFrame({"track_id": ["a", "a"], "lon": [121.0, 122.0], "lat": [24.0, 24.0],
...                       "time": pd.to_datetime([0, 60], unit="s", utc=True)})
>>> s = slice_tracks(TrackSet.from_frame(frame), 30.0, trail=600.0)
>>> float(s.lon[0]), int(s.head_index[0]), int(s.trail_start[0])
(121.5, 0, 0)
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass

import numpy as np

from viewer.core.tracks import TrackSet

DEFAULT_TRAIL_S = 3600.0
DEFAULT_GAP_S = 600.0  # a segment longer than this is a gap: no data, drawn dashed...
# ...and longer than this many times the track's median fix interval: a track sampled every
# 20 minutes (satellite AIS) or a path traced with a vertex every 50 km has no gaps between
# its usual fixes, only where it misses ten of them.
GAP_FACTOR = 10.0


@dataclass(frozen=True)
class SliceRequest:
    """What to slice: ``time`` (epoch s), ``trail`` (s behind the head; 0 heads only, inf all),
    ``gap`` (s; a longer segment between fixes is a gap with no data), ``hold`` (s; a track
    stays shown at its last fix this long after it — a live feed's tracks between messages —
    one number, or one per track of the TrackSet; 0 for files: a track ends at its last fix)."""

    time: float
    trail: float = DEFAULT_TRAIL_S
    gap: float = DEFAULT_GAP_S
    hold: float | np.ndarray = 0.0

    def __post_init__(self) -> None:
        if not math.isfinite(self.time):
            raise ValueError(f"slice time must be finite epoch seconds; got {self.time}")
        if math.isnan(self.trail) or self.trail < 0:
            raise ValueError(f"trail must be >= 0 seconds (inf = whole track); got {self.trail}")
        if math.isnan(self.gap) or self.gap <= 0:
            raise ValueError(f"gap threshold must be > 0 seconds; got {self.gap}")
        if not np.all(np.asarray(self.hold) >= 0):
            raise ValueError("hold must be >= 0 seconds (one number or one per track)")

    def __call__(self, trackset: TrackSet) -> TrackSlice:
        return slice_tracks(trackset, self.time, self.trail, gap=self.gap, hold=self.hold)


@dataclass(frozen=True, eq=False)
class TrackSlice:
    """The live tracks at ``request.time``, one entry per live track, in track order.

    ``tracks``: index into the TrackSet's per-track arrays. ``head_index``: the last fix at or
    before the time; ``next_index``: the fix after it (``head_index`` at a track's last fix).
    ``x``/``y`` (display CRS) and ``lon``/``lat`` (degrees): the head, interpolated linearly.
    ``heading``: degrees clockwise from north/up — the fixes' ``heading_deg`` interpolated where
    known, else the direction of the current segment in display coordinates; NaN when neither
    exists (a track of one fix). ``in_gap``: the head lies strictly inside a segment longer than
    the gap threshold (its position is interpolated across missing data).
    ``trail_start``: the first fix at or after ``time - trail`` (``head_index + 1`` when none is),
    so the trail's fixes are ``trail_start..head_index`` inclusive; ``trail_x``/``trail_y`` is
    the interpolated point at ``time - trail`` (the first fix when the trail reaches back past it).
    """

    request: SliceRequest
    tracks: np.ndarray
    head_index: np.ndarray
    next_index: np.ndarray
    x: np.ndarray
    y: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    heading: np.ndarray
    in_gap: np.ndarray
    trail_start: np.ndarray
    trail_x: np.ndarray
    trail_y: np.ndarray

    def __len__(self) -> int:
        return len(self.tracks)

    @classmethod
    def empty(cls, request: SliceRequest) -> TrackSlice:
        i = np.empty(0, dtype=np.int64)
        f = np.empty(0, dtype=np.float64)
        return cls(request, i, i, i, f, f, f, f, f, np.empty(0, dtype=bool), i, f, f)

    def trails(self, trackset: TrackSet) -> TrailLines:
        """The trails as flat polylines: per live track, the trail start point, the fixes
        ``trail_start..head_index`` and the head point (O(points in the trails))."""
        m = len(self)
        tt = trackset.t
        gap = time_index(trackset).gap_threshold(self.tracks, self.request.gap)  # per live track
        n_fix = np.maximum(self.head_index - self.trail_start + 1, 0)
        offsets = np.zeros(m + 1, dtype=np.int64)
        np.cumsum(n_fix + 2, out=offsets[1:])
        total = int(offsets[-1])
        x, y, t = np.empty(total), np.empty(total), np.empty(total)
        gap_after = np.zeros(total, dtype=bool)
        if not m:
            return TrailLines(x=x, y=y, t=t, gap_after=gap_after, offsets=offsets)

        # The fixes: track k's run trail_start[k] + 0..n_fix[k]-1 goes to offsets[k] + 1 + ...
        owner = np.repeat(np.arange(m), n_fix)
        within = np.arange(int(n_fix.sum())) - np.repeat(np.cumsum(n_fix) - n_fix, n_fix)
        src = self.trail_start[owner] + within
        dst = offsets[:-1][owner] + 1 + within
        x[dst], y[dst], t[dst] = trackset.x[src], trackset.y[src], tt[src]
        # A fix's outgoing segment is a gap when the next fix is too far away in time; the head
        # fix's segment runs to the head point, which is a gap exactly when in_gap.
        after = np.minimum(src + 1, len(tt) - 1)
        is_head = src == self.head_index[owner]
        gap_after[dst] = np.where(is_head, self.in_gap[owner], (tt[after] - tt[src]) > gap[owner])

        # The end points; the start point lies on segment (trail_start - 1, trail_start).
        first_fix = trackset.offsets[self.tracks]
        head_pos, start_pos = offsets[1:] - 1, offsets[:-1]
        x[start_pos], y[start_pos] = self.trail_x, self.trail_y
        x[head_pos], y[head_pos] = self.x, self.y
        t[start_pos] = np.maximum(self.request.time - self.request.trail, tt[first_fix])
        t[head_pos] = self.request.time
        i0 = np.maximum(self.trail_start - 1, first_fix)
        i1 = np.minimum(self.trail_start, self.next_index)
        gap_after[start_pos] = (tt[i1] - tt[i0]) > gap
        return TrailLines(x=x, y=y, t=t, gap_after=gap_after, offsets=offsets)


@dataclass(frozen=True, eq=False)
class TrailLines:
    """Polylines, one per live track in `TrackSlice` order: points ``offsets[k]:offsets[k + 1]``.

    ``t`` is each point's time (fade trails by ``request.time - t``); ``gap_after`` marks points
    whose segment to the next point crosses a gap (draw it dashed).
    """

    x: np.ndarray
    y: np.ndarray
    t: np.ndarray
    gap_after: np.ndarray
    offsets: np.ndarray


# ---------------------------------------------------------------------- index
@dataclass(frozen=True, eq=False)
class TimeIndex:
    """Per-TrackSet search structure, built once (O(n log n)) and cached by `time_index`.

    ``times``: the distinct fix times, sorted. ``key``: per fix ``track * stride + rank`` where
    ``rank`` is the position of its time in ``times`` — integers, so sorted and exact.
    ``first_t``/``last_t``: each track's first and last fix time (+inf/-inf for empty tracks).
    ``median_dt``: each track's median interval between fixes (0 for tracks of one fix).
    """

    times: np.ndarray
    key: np.ndarray
    stride: int
    first_t: np.ndarray
    last_t: np.ndarray
    median_dt: np.ndarray

    def gap_threshold(self, tracks: np.ndarray, gap: float) -> np.ndarray:
        """Per track: a segment longer than this is a gap (``gap``, or more for sparse tracks)."""
        return np.maximum(gap, GAP_FACTOR * self.median_dt[tracks])


_INDEXES: weakref.WeakKeyDictionary[TrackSet, TimeIndex] = weakref.WeakKeyDictionary()


def time_index(trackset: TrackSet) -> TimeIndex:
    """The cached `TimeIndex` of ``trackset`` (built on first use)."""
    index = _INDEXES.get(trackset)
    if index is None:
        index = _build_index(trackset)
        _INDEXES[trackset] = index
    return index


def _build_index(ts: TrackSet) -> TimeIndex:
    times, rank = np.unique(ts.t, return_inverse=True)
    stride = len(times) + 1
    key = ts.track_index().astype(np.int64) * stride + rank.astype(np.int64).ravel()
    starts, ends = ts.offsets[:-1], ts.offsets[1:]
    nonempty = ends > starts
    first_t = np.full(ts.n_tracks, np.inf)
    last_t = np.full(ts.n_tracks, -np.inf)
    first_t[nonempty] = ts.t[starts[nonempty]]
    last_t[nonempty] = ts.t[ends[nonempty] - 1]
    return TimeIndex(
        times=times,
        key=key,
        stride=stride,
        first_t=first_t,
        last_t=last_t,
        median_dt=np.full(ts.n_tracks, np.inf) if ts.traced else _median_intervals(ts),
    )


def gap_thresholds(
    trackset: TrackSet, tracks: np.ndarray, gap: float = DEFAULT_GAP_S
) -> np.ndarray:
    """Per track of ``tracks``: a segment longer than this is a gap, as the replay draws it
    (dashed): `TimeIndex.gap_threshold`, from the cached index when there is one, else from
    just these tracks' intervals (no index is built for them)."""
    tracks = np.asarray(tracks, dtype=np.int64)
    index = _INDEXES.get(trackset)
    if index is not None:
        return index.gap_threshold(tracks, gap)
    if trackset.traced:
        return np.full(len(tracks), np.inf)
    return np.maximum(gap, GAP_FACTOR * _median_intervals(trackset, tracks))


def _median_intervals(ts: TrackSet, tracks: np.ndarray | None = None) -> np.ndarray:
    """Each track's median time between consecutive fixes (of ``tracks`` only, when given),
    vectorised: the intervals sorted by (track, length), then the middle one (or the mean of
    the middle two) of each track's run."""
    if tracks is None:
        n_tracks = ts.n_tracks
        median = np.zeros(n_tracks)
        if ts.n_fixes < 2:
            return median
        owner = ts.track_index()
        d = np.diff(ts.t)
        same = owner[:-1] == owner[1:]
        d, own = d[same], owner[1:][same]
    else:
        n_tracks = len(tracks)
        median = np.zeros(n_tracks)
        first = ts.offsets[tracks]
        n_int = np.maximum(ts.offsets[tracks + 1] - first - 1, 0)
        own = np.repeat(np.arange(n_tracks), n_int)
        i = np.repeat(first - (np.cumsum(n_int) - n_int), n_int) + np.arange(int(n_int.sum()))
        d = ts.t[i + 1] - ts.t[i]
    order = np.lexsort((d, own))
    d, own = d[order], own[order]
    counts = np.bincount(own, minlength=n_tracks)
    starts = np.cumsum(counts) - counts
    has = counts > 0
    lo = d[starts[has] + (counts[has] - 1) // 2]
    hi = d[starts[has] + counts[has] // 2]
    median[has] = (lo + hi) / 2.0
    return median


# ---------------------------------------------------------------------- slicing
def _lerp(a: np.ndarray, b: np.ndarray, f: np.ndarray) -> np.ndarray:
    return a + f * (b - a)


def _fraction(t: np.ndarray | float, t0: np.ndarray, t1: np.ndarray) -> np.ndarray:
    """Where ``t`` lies between ``t0`` and ``t1`` (0..1); 0 where they coincide."""
    dt = t1 - t0
    f = np.divide(t - t0, dt, out=np.zeros_like(dt), where=dt > 0)
    return np.clip(f, 0.0, 1.0)


def _wrap180(deg: np.ndarray) -> np.ndarray:
    return (deg + 180.0) % 360.0 - 180.0


def slice_tracks(
    trackset: TrackSet,
    t: float,
    trail: float = DEFAULT_TRAIL_S,
    *,
    gap: float = DEFAULT_GAP_S,
    hold: float | np.ndarray = 0.0,
) -> TrackSlice:
    """Slice ``trackset`` at epoch second ``t`` with ``trail`` seconds of track behind each head.

    A track is live while ``first fix <= t <= last fix + hold``; past its last fix its head
    stays there. See `TrackSlice` for the fields.
    """
    request = SliceRequest(float(t), float(trail), float(gap), hold)
    t = request.time
    index = time_index(trackset)
    live = np.flatnonzero((index.first_t <= t) & (t <= index.last_t + hold))
    if not len(live):
        return TrackSlice.empty(request)
    tt, xs, ys = trackset.t, trackset.x, trackset.y
    base = live.astype(np.int64) * index.stride
    first = trackset.offsets[live]
    last = trackset.offsets[live + 1] - 1

    # Head: the last fix whose time rank is below the number of distinct times <= t.
    below = np.searchsorted(index.times, t, side="right")
    head = np.searchsorted(index.key, base + below, side="left") - 1
    nxt = np.minimum(head + 1, last)
    f = _fraction(t, tt[head], tt[nxt])
    x = _lerp(xs[head], xs[nxt], f)
    y = _lerp(ys[head], ys[nxt], f)
    lat = _lerp(trackset.lat[head], trackset.lat[nxt], f)
    lon = trackset.lon[head] + f * _wrap180(trackset.lon[nxt] - trackset.lon[head])
    lon = np.where(lon > 180.0, lon - 360.0, np.where(lon < -180.0, lon + 360.0, lon))
    seg_dt = tt[nxt] - tt[head]
    in_gap = (seg_dt > index.gap_threshold(live, request.gap)) & (t > tt[head])

    # Heading: the fixes' own, interpolated the short way round; else the segment's direction.
    a = np.where(nxt > head, head, np.maximum(head - 1, first))
    b = np.where(nxt > head, nxt, head)
    dx, dy = xs[b] - xs[a], ys[b] - ys[a]
    moving = (dx != 0) | (dy != 0)
    course = np.where(moving, np.degrees(np.arctan2(dx, dy)) % 360.0, np.nan)
    h0 = trackset.heading_deg[head].astype(np.float64)
    h1 = trackset.heading_deg[nxt].astype(np.float64)
    known = np.where(np.isfinite(h1), h0 + f * _wrap180(h1 - h0), h0) % 360.0
    heading = np.where(np.isfinite(h0), known, course)

    # Trail: the first fix at or after t - trail, and the interpolated point at t - trail.
    if math.isinf(request.trail):
        start = first.copy()
    else:
        since = np.searchsorted(index.times, t - request.trail, side="left")
        start = np.searchsorted(index.key, base + since, side="left")
    i0 = np.maximum(start - 1, first)
    i1 = np.minimum(start, last)
    g = _fraction(t - request.trail, tt[i0], tt[i1])
    return TrackSlice(
        request=request,
        tracks=live.astype(np.int64),
        head_index=head,
        next_index=nxt,
        x=x,
        y=y,
        lon=lon,
        lat=lat,
        heading=heading,
        in_gap=in_gap,
        trail_start=start,
        trail_x=_lerp(xs[i0], xs[i1], g),
        trail_y=_lerp(ys[i0], ys[i1], g),
    )


# ---------------------------------------------------------------------- activity
def activity(
    trackset: TrackSet,
    bins: int | np.ndarray = 288,
    span: tuple[float, float] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """How many tracks are live in each time bin: ``(counts, edges)`` for the activity strip.

    ``bins`` is a number of equal bins over ``span`` (default: the data's time span) or an array
    of ascending bin edges (epoch s). A track counts in every bin its ``[first, last]`` fix
    interval touches (bins are closed intervals), gaps included.
    """
    if np.ndim(bins) == 0:
        n = int(bins)
        if n < 1:
            raise ValueError(f"bins must be >= 1 or an array of edges; got {n}")
        lo, hi = span or trackset.time_span or (0.0, 0.0)
        edges = np.linspace(lo, hi if hi > lo else lo + 1.0, n + 1)
    else:
        edges = np.asarray(bins, dtype=np.float64)
        if edges.ndim != 1 or len(edges) < 2 or np.any(np.diff(edges) <= 0):
            raise ValueError("bin edges must be a 1-D array of at least 2 ascending times")
    n_bins = len(edges) - 1
    index = time_index(trackset)
    keep = (index.first_t <= edges[-1]) & (index.last_t >= edges[0])
    a = np.searchsorted(edges, index.first_t[keep], side="right") - 1
    b = np.searchsorted(edges, index.last_t[keep], side="right") - 1
    a = np.clip(a, 0, n_bins - 1)
    b = np.clip(b, 0, n_bins - 1)
    delta = np.bincount(a, minlength=n_bins + 1) - np.bincount(b + 1, minlength=n_bins + 1)
    return np.cumsum(delta)[:n_bins].astype(np.int64), edges
