"""Zone analysis: entry/exit events for area zones and crossings of line zones, per track."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

AREA = "area"
LINE = "line"


@dataclass(frozen=True)
class Zone:
    """A zone an analysis runs against: a polygon (``AREA``) or a line (``LINE``), in lon/lat.

    ``approximate`` is True when part of its edge is uncertain (confidence U in the reference):
    events against it say so. ``valid_from``/``valid_to`` (UTC) bound when it is in force.
    """

    id: str
    title: str
    kind: str
    geometry: BaseGeometry
    approximate: bool = False
    valid_from: datetime | None = None
    valid_to: datetime | None = None


# ---------------------------------------------------------------------------- events
ENTRY, EXIT, CROSSING = "entry", "exit", "crossing"
EVENT_COLUMNS = (
    "time",
    "track_id",
    "kind",
    "zone_id",
    "event",
    "side",
    "lon",
    "lat",
    "seconds_inside",
    "at_track_start",
    "approximate",
)


def compute_zone_events(trackset, zones, *, at=None):
    """Entry/exit events for area zones and crossings of line zones, one row per event.

    Areas: each fix is tested with ``shapely.contains_xy`` (a fix on the boundary is outside, so
    a track that touches an edge without entering gives no event); wherever the status changes
    between two fixes of a track, the crossing point is where the segment meets the boundary
    (nearest the segment's start) and its time is interpolated linearly along the segment in
    lon/lat — the same straight lines the map draws. A track whose first fix is already inside
    gets an entry at that fix with ``at_track_start`` True. ``seconds_inside`` on an entry and on
    its exit is the time until the exit (or the track's last fix).
    Lines: a segment crosses when its two fixes lie strictly on opposite sides of the line;
    ``side`` names the side crossed *to* ('east'/'west' or 'north'/'south' of the line).
    Time-bound zones give only events inside their ``valid_from``..``valid_to``.
    ``at``: only zones in force at that time (datetime), when given.

    Returns a pandas DataFrame with `EVENT_COLUMNS`, sorted by time.
    """
    import pandas as pd

    rows: list[pd.DataFrame] = []
    if trackset.n_fixes == 0:
        return _empty_events()
    track_of = trackset.track_index()
    same_track = track_of[:-1] == track_of[1:]
    for zone in zones:
        if at is not None and not _in_force(zone, at):
            continue
        if zone.kind == AREA:
            df = _area_events(trackset, zone, track_of, same_track)
        elif zone.kind == LINE:
            df = _line_events(trackset, zone, track_of, same_track)
        else:
            raise ValueError(
                f"zone {zone.id!r}: kind must be {AREA!r} or {LINE!r}; got {zone.kind!r}"
            )
        if len(df):
            df = _time_bound(df, zone)
        if len(df):
            rows.append(df)
    if not rows:
        return _empty_events()
    out = pd.concat(rows, ignore_index=True)
    out["time"] = pd.to_datetime(out["time"], unit="s", utc=True)
    return out.sort_values(["time", "track_id", "zone_id"], kind="stable").reset_index(drop=True)[
        list(EVENT_COLUMNS)
    ]


def _empty_events():
    import pandas as pd

    df = pd.DataFrame({c: [] for c in EVENT_COLUMNS})
    df["time"] = pd.to_datetime(df["time"], utc=True)
    return df


def _in_force(zone: Zone, at: datetime) -> bool:
    return (zone.valid_from is None or zone.valid_from <= at) and (
        zone.valid_to is None or at < zone.valid_to
    )


def _time_bound(df, zone: Zone):
    keep = np.ones(len(df), dtype=bool)
    if zone.valid_from is not None:
        keep &= df["time"].to_numpy() >= zone.valid_from.timestamp()
    if zone.valid_to is not None:
        keep &= df["time"].to_numpy() < zone.valid_to.timestamp()
    return df[keep]


def _area_events(ts, zone: Zone, track_of: np.ndarray, same_track: np.ndarray):
    import pandas as pd

    geom = zone.geometry
    shapely.prepare(geom)
    x0, y0, x1, y1 = geom.bounds
    near = (ts.lon >= x0) & (ts.lon <= x1) & (ts.lat >= y0) & (ts.lat <= y1)
    inside = np.zeros(ts.n_fixes, dtype=bool)
    idx = np.flatnonzero(near)
    if len(idx):
        inside[idx] = shapely.contains_xy(geom, ts.lon[idx], ts.lat[idx])
    change = np.flatnonzero(same_track & (inside[:-1] != inside[1:]))
    starts = ts.offsets[:-1][np.diff(ts.offsets) > 0]
    first_inside = starts[inside[starts]]
    # crossing points of the changed segments
    t_cross = np.empty(len(change))
    lon_c = np.empty(len(change))
    lat_c = np.empty(len(change))
    if len(change):
        seg = shapely.linestrings(
            np.stack(
                [
                    np.column_stack([ts.lon[change], ts.lat[change]]),
                    np.column_stack([ts.lon[change + 1], ts.lat[change + 1]]),
                ],
                axis=1,
            )
        )
        hits = shapely.intersection(seg, geom.boundary)
        frac = np.empty(len(change))
        for k, (hit, s) in enumerate(zip(hits, seg, strict=True)):
            pts = shapely.get_coordinates(hit)
            if len(pts) == 0:  # numerical miss: fall back to the midpoint
                frac[k] = 0.5
                continue
            d = shapely.line_locate_point(s, shapely.points(pts), normalized=True)
            frac[k] = float(np.min(d))
        t_cross = ts.t[change] + frac * (ts.t[change + 1] - ts.t[change])
        lon_c = ts.lon[change] + frac * (ts.lon[change + 1] - ts.lon[change])
        lat_c = ts.lat[change] + frac * (ts.lat[change + 1] - ts.lat[change])
    entering = ~inside[change]  # outside -> inside
    events = pd.DataFrame(
        {
            "time": np.concatenate([ts.t[first_inside], t_cross]),
            "track": np.concatenate([track_of[first_inside], track_of[change]]),
            "event": np.concatenate(
                [np.full(len(first_inside), ENTRY), np.where(entering, ENTRY, EXIT)]
            ),
            "lon": np.concatenate([ts.lon[first_inside], lon_c]),
            "lat": np.concatenate([ts.lat[first_inside], lat_c]),
            "at_track_start": np.concatenate(
                [np.ones(len(first_inside), bool), np.zeros(len(change), bool)]
            ),
        }
    )
    events = events.sort_values(["track", "time"], kind="stable").reset_index(drop=True)
    # seconds inside: an entry pairs with the next exit of its track, else the last fix
    last_t = ts.t[ts.offsets[1:] - 1]
    secs = np.full(len(events), np.nan)
    ev, tr, tt = events["event"].to_numpy(), events["track"].to_numpy(), events["time"].to_numpy()
    for k in np.flatnonzero(ev == ENTRY).tolist():
        nxt = k + 1
        end = tt[nxt] if nxt < len(ev) and tr[nxt] == tr[k] and ev[nxt] == EXIT else last_t[tr[k]]
        secs[k] = end - tt[k]
        if nxt < len(ev) and tr[nxt] == tr[k] and ev[nxt] == EXIT:
            secs[nxt] = secs[k]
    events["seconds_inside"] = secs
    return _finish(events, ts, zone, side="")


def _line_events(ts, zone: Zone, track_of: np.ndarray, same_track: np.ndarray):
    import pandas as pd

    line = zone.geometry
    x0, y0, x1, y1 = line.bounds
    a = np.flatnonzero(same_track)
    lo_x = np.minimum(ts.lon[a], ts.lon[a + 1])
    hi_x = np.maximum(ts.lon[a], ts.lon[a + 1])
    lo_y = np.minimum(ts.lat[a], ts.lat[a + 1])
    hi_y = np.maximum(ts.lat[a], ts.lat[a + 1])
    cand = a[(hi_x >= x0) & (lo_x <= x1) & (hi_y >= y0) & (lo_y <= y1)]
    if len(cand) == 0:
        return pd.DataFrame()
    seg = shapely.linestrings(
        np.stack(
            [
                np.column_stack([ts.lon[cand], ts.lat[cand]]),
                np.column_stack([ts.lon[cand + 1], ts.lat[cand + 1]]),
            ],
            axis=1,
        )
    )
    hit = shapely.intersects(seg, line)
    cand, seg = cand[hit], seg[hit]
    coords = shapely.get_coordinates(line)
    rows = []
    for i, s in zip(cand, seg, strict=True):
        side0 = _side(coords, ts.lon[i], ts.lat[i])
        side1 = _side(coords, ts.lon[i + 1], ts.lat[i + 1])
        if side0 * side1 >= 0:  # touches or ends on the line: not a crossing
            continue
        pts = shapely.get_coordinates(shapely.intersection(s, line))
        frac = float(np.min(shapely.line_locate_point(s, shapely.points(pts), normalized=True)))
        rows.append(
            (
                ts.t[i] + frac * (ts.t[i + 1] - ts.t[i]),
                track_of[i],
                CROSSING,
                ts.lon[i] + frac * (ts.lon[i + 1] - ts.lon[i]),
                ts.lat[i] + frac * (ts.lat[i + 1] - ts.lat[i]),
                side1,
            )
        )
    if not rows:
        return pd.DataFrame()
    events = pd.DataFrame(rows, columns=["time", "track", "event", "lon", "lat", "sign"])
    left, right = _side_names(coords)
    events["side"] = np.where(events["sign"] > 0, left, right)
    events["seconds_inside"] = np.nan
    events["at_track_start"] = False
    return _finish(events.drop(columns="sign"), ts, zone, side=None)


def _side(coords: np.ndarray, lon: float, lat: float) -> float:
    """+1 left of the line's direction, -1 right, 0 on it (against its nearest segment)."""
    p = np.array([lon, lat])
    a, b = coords[:-1], coords[1:]
    ab = b - a
    t = np.clip(
        np.einsum("ij,ij->i", p - a, ab) / np.maximum(np.einsum("ij,ij->i", ab, ab), 1e-30), 0, 1
    )
    nearest = a + t[:, None] * ab
    k = int(np.argmin(np.hypot(*(nearest - p).T)))
    cross = ab[k, 0] * (p[1] - a[k, 1]) - ab[k, 1] * (p[0] - a[k, 0])
    return float(np.sign(cross))


def _side_names(coords: np.ndarray) -> tuple[str, str]:
    """Names of the (left, right) sides of a line by the direction its left normal points."""
    d = coords[-1] - coords[0]
    nx, ny = -d[1], d[0]  # left normal
    if abs(nx) >= abs(ny):
        return ("east", "west") if nx > 0 else ("west", "east")
    return ("north", "south") if ny > 0 else ("south", "north")


def _finish(events, ts, zone: Zone, side):
    events["track_id"] = ts.ids[events["track"].to_numpy()].astype(str)
    events["kind"] = ts.kinds[events["track"].to_numpy()].astype(str)
    events["zone_id"] = zone.id
    if side is not None:
        events["side"] = side
    events["approximate"] = zone.approximate
    return events.drop(columns="track")
