"""The events table from boundary pieces (`viewer.core.crossings`): entries and exits paired into
stays, clipped to each zone's time in force, line crossings with their side, and the flags.

`compute_zone_events` (`viewer.core.zones`) is the public entry point and documents the result.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from viewer.core.constants import REGION_LCC
from viewer.core.crossings import (
    CONTACT,
    EPS_M,
    IN,
    OUT,
    Pieces,
    ZoneShape,
    boundary_pieces,
    zone_shapes,
)
from viewer.core.projection import Projection
from viewer.core.slicing import DEFAULT_GAP_S, gap_thresholds
from viewer.core.tracks import TrackSet
from viewer.core.zone_types import (
    CROSSING,
    ENTRY,
    EVENT_COLUMNS,
    EXIT,
    Zone,
    empty_events,
    side_names,
)


@dataclass(frozen=True, eq=False)
class _Track:
    """The TrackSet's arrays the events need, and helpers to place a point on a segment."""

    ts: TrackSet
    track_of: np.ndarray

    def time_at(self, seg: np.ndarray, s: np.ndarray) -> np.ndarray:
        t = self.ts.t
        nxt = np.minimum(seg + 1, len(t) - 1)
        return t[seg] + s * (t[nxt] - t[seg])

    def lonlat_at(self, seg: np.ndarray, s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Fixes' own lon/lat at s = 0 or 1; in between, the drawn point projected back."""
        ts = self.ts
        nxt = np.minimum(seg + 1, len(ts.t) - 1)
        lon = np.where(s >= 1.0, ts.lon[nxt], ts.lon[seg])
        lat = np.where(s >= 1.0, ts.lat[nxt], ts.lat[seg])
        mid = (s > 0.0) & (s < 1.0)
        if mid.any():
            sm, a, b = s[mid], seg[mid], nxt[mid]
            x = ts.x[a] + sm * (ts.x[b] - ts.x[a])
            y = ts.y[a] + sm * (ts.y[b] - ts.y[a])
            back_lon, back_lat = ts.projection.inverse(x, y)
            bad = ~np.isfinite(back_lon)  # outside the inverse's domain: along lon/lat instead
            back_lon[bad] = ts.lon[a][bad] + sm[bad] * (ts.lon[b][bad] - ts.lon[a][bad])
            back_lat[bad] = ts.lat[a][bad] + sm[bad] * (ts.lat[b][bad] - ts.lat[a][bad])
            lon[mid], lat[mid] = back_lon, back_lat
        return lon, lat


def zone_events(ts: TrackSet, zones: list[Zone], gap: float | None = None) -> pd.DataFrame:
    """See `viewer.core.zones.compute_zone_events`."""
    projection: Projection = ts.projection
    eps = EPS_M * projection.units_per_metre
    t_lo, t_hi = float(ts.t.min()), float(ts.t.max())
    shapes: list[ZoneShape] = []
    windows: list[tuple[float, float]] = []
    for zone in zones:
        vf = zone.valid_from.timestamp() if zone.valid_from is not None else -np.inf
        vt = zone.valid_to.timestamp() if zone.valid_to is not None else np.inf
        if vt <= t_lo or vf > t_hi:
            continue  # never in force while these tracks move
        for shape in zone_shapes(zone, projection):
            shapes.append(shape)
            windows.append((vf, vt))
    if not shapes:
        return _frame([], ts, shapes)
    win = np.asarray(windows, dtype=np.float64).reshape(-1, 2)
    x, y, t = ts.x, ts.y, ts.t
    track = _Track(ts, ts.track_index())
    same = track.track_of[:-1] == track.track_of[1:]
    finite = np.isfinite(x) & np.isfinite(y)
    moves = (x[1:] != x[:-1]) | (y[1:] != y[:-1])
    seg_ok = same & finite[:-1] & finite[1:] & moves
    starts = _start_fixes(ts, same, shapes, win)
    pieces = boundary_pieces(x, y, t, seg_ok, starts, tuple(shapes), win, eps)
    parts = [
        _area_events(track, pieces, shapes, win),
        _line_events(track, pieces, shapes, win, eps),
    ]
    parts = [p for p in parts if len(p)]
    if not parts:
        return _frame([], ts, shapes)
    events = _gap_flags(track, pd.concat(parts, ignore_index=True), gap)
    return _frame([events], ts, shapes)


def _start_fixes(ts, same, shapes, win) -> list[np.ndarray]:
    """Per shape, the fixes where a track's status is taken: each track's first fix, or for a
    time-bound zone the first fix of its first segment in force (single fixes in force too)."""
    counts = np.diff(ts.offsets)
    firsts = ts.offsets[:-1][counts > 0]
    singles = ts.offsets[:-1][counts == 1]
    cache: dict[tuple[float, float], np.ndarray] = {}
    out = []
    for shape, (vf, vt) in zip(shapes, win, strict=True):
        if shape.line is not None:
            out.append(np.zeros(0, dtype=np.int64))
            continue
        if not (np.isfinite(vf) or np.isfinite(vt)):
            out.append(firsts)
            continue
        key = (float(vf), float(vt))
        if key not in cache:
            keep = same & (ts.t[1:] > vf) & (ts.t[:-1] < vt)
            first_kept = keep.copy()
            first_kept[1:] &= ~keep[:-1]
            lone = singles[(ts.t[singles] >= vf) & (ts.t[singles] < vt)]
            cache[key] = np.union1d(np.flatnonzero(first_kept), lone)
        out.append(cache[key])
    return out


def _transitions(track: _Track, p: Pieces, lines: np.ndarray):
    """Where a track passes from outside a shape to inside or back: between consecutive
    inside/outside pieces of the same track and shape that differ (pieces on the boundary in
    between). Before its first piece a track is outside an area (so a start inside is an
    entry) and on no side of a line. The place: going in (or across a line), the last point
    where it met the boundary before the new side; coming out, the first after the old side.

    Returns (k, state, seg, s): the piece on the new side, its state, and the place.
    """
    n = len(p.seg)
    pos = np.arange(n)
    trk = track.track_of[p.seg]
    head = np.ones(n, dtype=bool)
    head[1:] = (p.shape[1:] != p.shape[:-1]) | (trk[1:] != trk[:-1])
    gid = np.cumsum(head) - 1
    group_first = np.maximum.accumulate(np.where(head, pos, 0))
    j_all = np.flatnonzero((p.state == IN) | (p.state == OUT))
    same = np.zeros(len(j_all), dtype=bool)
    same[1:] = gid[j_all[1:]] == gid[j_all[:-1]]
    prev = np.where(same, np.concatenate([[-1], j_all[:-1]]), -1)
    before = np.where(same, p.state[np.maximum(prev, 0)], np.where(lines[p.shape[j_all]], -1, OUT))
    change = (before >= 0) & (p.state[j_all] != before)
    k, j = j_all[change], prev[change]
    state = p.state[k]
    contact = p.state == CONTACT
    last_c = np.maximum.accumulate(np.where(contact, pos, -1))
    first_c = np.minimum.accumulate(np.where(contact, pos, n)[::-1])[::-1]
    after_old = np.where(j >= 0, j + 1, group_first[k])  # first item past the old side
    going_in = (state == IN) | lines[p.shape[k]]
    c_in = last_c[np.maximum(k - 1, 0)]
    c_out = first_c[np.minimum(after_old, n - 1)]
    where_in = np.where((k > 0) & (c_in >= after_old), c_in, after_old)
    where_out = np.where(c_out < k, c_out, np.maximum(k - 1, 0))
    at = np.where(going_in, where_in, where_out)
    # a boundary stretch with no meeting point: its near end (going in), far end (coming out)
    s = np.where(going_in | (p.state[at] == CONTACT), p.s0[at], p.s1[at])
    return k, state, p.seg[at], s


def _area_events(track: _Track, p: Pieces, shapes, win) -> pd.DataFrame:
    """Entries and exits: stays inside paired, clipped to the zone's time in force."""
    lines = np.array([s.line is not None for s in shapes])
    k, state, seg_all, s_all = _transitions(track, p, lines)
    area = ~lines[p.shape[k]]
    k, state, seg_all, s_all = k[area], state[area], seg_all[area], s_all[area]
    if not len(k):
        return pd.DataFrame()
    is_exit = state == OUT
    seg, s = seg_all, s_all
    shape = p.shape[k]
    tr = track.track_of[p.seg[k]]
    when = track.time_at(seg, s)
    # pair each entry with the exit that follows it on the same track and shape
    e = np.flatnonzero(~is_exit)
    nxt = np.minimum(e + 1, len(k) - 1)
    has_exit = (e + 1 < len(k)) & is_exit[nxt] & (shape[nxt] == shape[e]) & (tr[nxt] == tr[e])
    ts = track.ts
    last_t = ts.t[ts.offsets[1:] - 1]
    a = when[e]
    b = np.where(has_exit, when[nxt], last_t[tr[e]])
    vf, vt = win[shape[e], 0], win[shape[e], 1]
    a_c, b_c = np.maximum(a, vf), np.minimum(b, vt)
    keep = (a_c < vt) & ((b_c > a_c) | ((a == b) & (a >= vf)))
    real_first = seg[e] == ts.offsets[tr[e]]
    started = p.start[k[e]]
    cut = (a < vf) | (started & ~real_first)  # already inside when the zone came into force
    s_entry = s[e].copy()
    moved = a < vf  # the entry moves to the instant the zone came into force
    if moved.any():
        sg = seg[e][moved]
        dt = ts.t[np.minimum(sg + 1, len(ts.t) - 1)] - ts.t[sg]
        s_entry[moved] = np.divide(vf[moved] - ts.t[sg], dt, out=np.zeros(len(sg)), where=dt > 0)
    entries = pd.DataFrame(
        {
            "t": a_c,
            "track": tr[e],
            "shape": shape[e],
            "event": ENTRY,
            "seg": seg[e],
            "s": s_entry,
            "seconds_inside": b_c - a_c,
            "at_track_start": started & real_first & ~moved,
            "inside_when_in_force": cut,
        }
    )[keep]
    x_keep = keep & has_exit & (b < vt)
    exits = pd.DataFrame(
        {
            "t": b,
            "track": tr[e],
            "shape": shape[e],
            "event": EXIT,
            "seg": seg[nxt],
            "s": s[nxt],
            "seconds_inside": b_c - a_c,
            "at_track_start": False,
            "inside_when_in_force": False,
        }
    )[x_keep]
    out = pd.concat([entries, exits], ignore_index=True)
    out["side"] = ""
    out["near_line"] = False
    return out


def _line_events(track: _Track, p: Pieces, shapes, win, eps) -> pd.DataFrame:
    """Crossings: a change of side where the track meets the line itself (not the far side of
    the strip that stands for the line's left)."""
    lines = np.array([s.line is not None for s in shapes])
    k, state, seg, s = _transitions(track, p, lines)
    ln = lines[p.shape[k]]
    k, state, seg, s = k[ln], state[ln], seg[ln], s[ln]
    if not len(k):
        return pd.DataFrame()
    to_left = state == IN  # into the strip on the line's left
    shape = p.shape[k]
    ts = track.ts
    nxt = np.minimum(seg + 1, len(ts.t) - 1)
    px = ts.x[seg] + s * (ts.x[nxt] - ts.x[seg])
    py = ts.y[seg] + s * (ts.y[nxt] - ts.y[seg])
    when = track.time_at(seg, s)
    on_line = np.zeros(len(k), dtype=bool)
    side = np.empty(len(k), dtype=object)
    for j in np.unique(shape).tolist():
        sel = shape == j
        line = shapes[j].line
        on_line[sel] = shapely.dwithin(line, shapely.points(px[sel], py[sel]), eps)
        left, right = side_names(shapely.get_coordinates(line))
        side[sel] = np.where(to_left[sel], left, right)
    keep = on_line & (when >= win[shape, 0]) & (when < win[shape, 1])
    out = pd.DataFrame(
        {
            "t": when,
            "track": track.track_of[p.seg[k]],
            "shape": shape,
            "event": CROSSING,
            "seg": seg,
            "s": s,
            "seconds_inside": np.nan,
            "at_track_start": False,
            "inside_when_in_force": False,
            "side": side,
        }
    )[keep].reset_index(drop=True)
    out["near_line"] = _near_line(track, out, shapes)
    return out


def _near_line(track: _Track, crossings: pd.DataFrame, shapes) -> np.ndarray:
    """Crossings of a track that stays within the line's drawing uncertainty between this
    crossing and the one before or after it (or the track's start or end)."""
    near = np.zeros(len(crossings), dtype=bool)
    for j in crossings["shape"].unique().tolist():
        limit = shapes[j].zone.drawing_uncertainty_m
        if limit <= 0:
            continue
        rows = np.flatnonzero(crossings["shape"].to_numpy() == j)
        c = crossings.iloc[rows].sort_values(["track", "t"], kind="stable")
        c_tr, c_t = c["track"].to_numpy(), c["t"].to_numpy()
        tracks = np.unique(c_tr)
        p_tr, p_t, px, py = _track_points(track, tracks, SAMPLE_M)
        far_point = _farther_than(track.ts.projection, px, py, shapes[j].zone, limit)
        # each point's excursion: how many crossings of its track come before it
        all_tr = np.concatenate([p_tr, c_tr])
        all_t = np.concatenate([p_t, c_t])
        is_c = np.concatenate([np.zeros(len(p_tr), np.int64), np.ones(len(c_tr), np.int64)])
        order = np.lexsort((-is_c, all_t, all_tr))
        cs = np.cumsum(is_c[order]) - is_c[order]
        head = np.ones(len(order), dtype=bool)
        head[1:] = all_tr[order][1:] != all_tr[order][:-1]
        before = cs - np.maximum.accumulate(np.where(head, cs, 0))
        exc = np.empty(len(order), dtype=np.int64)
        exc[order] = before
        width = int(exc.max()) + 2
        p_key = np.searchsorted(tracks, p_tr) * width + exc[: len(p_tr)]
        far_keys = np.unique(p_key[far_point])  # excursions that go farther than the limit
        c_key = np.searchsorted(tracks, c_tr) * width + exc[len(p_tr) :]
        flag = ~np.isin(c_key, far_keys) | ~np.isin(c_key + 1, far_keys)
        near[c.index.to_numpy()] = flag
    return near


SAMPLE_M = 10_000.0  # along a segment, the distance to a line is looked at this often


def _track_points(track: _Track, tracks: np.ndarray, step_m: float):
    """The fixes of ``tracks`` and points every ``step_m`` or less along their drawn segments:
    (track, time, x, y) in track and time order."""
    ts = track.ts
    first, stop = ts.offsets[tracks], ts.offsets[tracks + 1]
    n_fix = stop - first
    fix = np.repeat(first - (np.cumsum(n_fix) - n_fix), n_fix) + np.arange(int(n_fix.sum()))
    nxt = np.minimum(fix + 1, len(ts.t) - 1)
    last = np.zeros(len(fix), dtype=bool)
    last[np.cumsum(n_fix) - 1] = True
    length = np.where(last, 0.0, np.hypot(ts.x[nxt] - ts.x[fix], ts.y[nxt] - ts.y[fix]))
    length = np.nan_to_num(length, nan=0.0) / ts.projection.units_per_metre
    k = np.maximum(np.ceil(length / step_m).astype(np.int64), 1)  # points per segment
    src = np.repeat(fix, k)
    f = (np.arange(int(k.sum())) - np.repeat(np.cumsum(k) - k, k)) / np.repeat(k, k)
    dst = np.repeat(nxt, k)
    lerp = lambda v: v[src] + f * (v[dst] - v[src])  # noqa: E731
    return track.track_of[src], lerp(ts.t), lerp(ts.x), lerp(ts.y)


def _farther_than(projection, x, y, zone: Zone, limit_m: float) -> np.ndarray:
    """Points (display x/y) farther than ``limit_m`` from a line zone, measured in the region's
    conformal projection (its scale is within 0.6 % of true between 20°N and 32°N). Points
    clearly near or far from the chord between the line's ends are decided from it; the rest
    against the line itself."""
    lcc = Projection.from_user_input("lcc")
    if projection.definition != REGION_LCC:
        x, y = lcc.forward(*projection.inverse(x, y))
    line = shapely.union_all([s.line for s in zone_shapes(zone, lcc)])
    ends = shapely.get_coordinates(line)[[0, -1]]
    chord = shapely.LineString(ends)
    bend = float(shapely.hausdorff_distance(line, chord))  # the line is this close to it
    a, b = ends
    ab = b - a
    f = np.clip(((x - a[0]) * ab[0] + (y - a[1]) * ab[1]) / max(float(ab @ ab), 1e-30), 0.0, 1.0)
    d = np.hypot(x - (a[0] + f * ab[0]), y - (a[1] + f * ab[1]))
    far = d > limit_m + bend
    unsure = np.flatnonzero(~far & (d >= limit_m - bend))
    if len(unsure):
        shapely.prepare(line)
        far[unsure] = ~shapely.dwithin(line, shapely.points(x[unsure], y[unsure]), limit_m)
    return far


def _gap_flags(track: _Track, events: pd.DataFrame, gap: float | None) -> pd.DataFrame:
    ts = track.ts
    gap = DEFAULT_GAP_S if gap is None else gap
    seg = events["seg"].to_numpy()
    s = events["s"].to_numpy()
    tracks, inv = np.unique(events["track"].to_numpy(), return_inverse=True)
    threshold = gap_thresholds(ts, tracks, gap)[inv]
    dt = ts.t[np.minimum(seg + 1, len(ts.t) - 1)] - ts.t[seg]
    events["across_gap"] = (s > 0.0) & (s < 1.0) & (dt > threshold)
    return events


def _frame(parts: list[pd.DataFrame], ts, shapes) -> pd.DataFrame:
    if not parts:
        return empty_events()
    ev = parts[0].reset_index(drop=True)
    seg, s = ev["seg"].to_numpy(), ev["s"].to_numpy()
    lon, lat = _Track(ts, np.zeros(0)).lonlat_at(seg.astype(np.int64), s)
    tr = ev["track"].to_numpy()
    zone_of = [sh.zone for sh in shapes]
    shp = ev["shape"].to_numpy()
    out = pd.DataFrame(
        {
            "time": pd.to_datetime(ev["t"].to_numpy(), unit="s", utc=True),
            "track_id": ts.ids[tr].astype(str),
            "kind": ts.kinds[tr].astype(str),
            "zone_id": [zone_of[j].id for j in shp],
            "event": ev["event"].to_numpy(),
            "side": ev["side"].to_numpy(),
            "lon": lon,
            "lat": lat,
            "seconds_inside": ev["seconds_inside"].to_numpy(dtype=float),
            "at_track_start": ev["at_track_start"].to_numpy(dtype=bool),
            "approximate": np.array([zone_of[j].approximate for j in shp], dtype=bool),
            "inside_when_in_force": ev["inside_when_in_force"].to_numpy(dtype=bool),
            "across_gap": ev["across_gap"].to_numpy(dtype=bool),
            "near_line": ev["near_line"].to_numpy(dtype=bool),
        }
    )
    out = out.sort_values(["time", "track_id", "zone_id"], kind="stable").reset_index(drop=True)
    return out[list(EVENT_COLUMNS)]
