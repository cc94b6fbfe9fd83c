"""What an archive must give back, whatever the engine: the fixes, events and counts of the same
rows read as one file (`load_trackset`, `compute_zone_events`, `entries_by_bin`)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from viewer.core.counts import MND_DAY, _bins, entries_by_bin
from viewer.core.tracks import TrackSet
from viewer.core.zones import LINE, compute_zone_events
from viewer.io.registry import read_tracks

TZ = "Asia/Taipei"


def assert_same_tracks(got: TrackSet, want: TrackSet) -> None:
    assert got.n_fixes == want.n_fixes > 0
    assert list(got.ids) == list(want.ids)
    np.testing.assert_array_equal(got.offsets, want.offsets)
    np.testing.assert_array_equal(got.t, want.t)
    np.testing.assert_array_equal(got.lon, want.lon)
    np.testing.assert_array_equal(got.lat, want.lat)
    np.testing.assert_array_equal(got.x, want.x)
    for name in ("alt_m", "speed_kt", "heading_deg"):
        np.testing.assert_allclose(getattr(got, name), getattr(want, name), rtol=1e-6)
    assert list(got.kinds) == list(want.kinds)
    assert list(got.labels) == list(want.labels)
    assert list(got.callsigns) == list(want.callsigns)


def csv_window(csv_path, window) -> TrackSet:
    """The CSV's rows inside ``window`` (time and box), frozen as the app freezes a file."""
    frame = read_tracks(csv_path).frame
    keep = np.ones(len(frame), dtype=bool)
    if window.start is not None:
        keep &= frame["time"] >= pd.Timestamp(window.start)
    if window.end is not None:
        keep &= frame["time"] < pd.Timestamp(window.end)
    if window.bbox is not None:
        w, s, e, n = window.bbox
        keep &= frame["lon"].between(w, e) & frame["lat"].between(s, n)
    return TrackSet.from_frame(frame[keep].reset_index(drop=True))


def assert_same_events(
    got: pd.DataFrame, trackset: TrackSet, zones, grazes: int = 0
) -> pd.DataFrame:
    """The engine's events equal the app's on the same fixes (times within 20 ms: the app
    puts a crossing within 1 m of a fix on the fix). ``grazes``: at most this many extra pairs
    of an exit and an entry 50 ms apart on one side only — a pass that grazes a boundary by a
    metre or so, which the app leaves out (within 1 m of an edge along it) and the engine, whose
    test is exact but for its vertices, may count."""
    want = compute_zone_events(trackset, zones)
    key = ["zone_id", "track_id", "event", "side", "at_track_start", "inside_when_in_force"]
    a = got.sort_values(["zone_id", "track_id", "time"]).reset_index(drop=True)
    b = want.sort_values(["zone_id", "track_id", "time"]).reset_index(drop=True)
    if grazes:
        a, b = _without_grazes(a, b, grazes)
    assert len(a) == len(b) > 0
    pd.testing.assert_frame_equal(a[key], b[key].astype(a[key].dtypes.to_dict()))
    gap = (a["time"] - b["time"]).abs().max()
    assert gap < pd.Timedelta(milliseconds=20), gap  # the app snaps within 1 m of a fix
    return want


def _without_grazes(a: pd.DataFrame, b: pd.DataFrame, most: int):
    """Both tables without the exit-entry pairs 50 ms apart that only one of them has."""
    near = pd.Timedelta(milliseconds=50)

    def pairs(df: pd.DataFrame) -> set:
        out = set()
        same = (df["zone_id"].shift(-1) == df["zone_id"]) & (
            df["track_id"].shift(-1) == df["track_id"]
        )
        close = (df["time"].shift(-1) - df["time"]) < near
        for i in df.index[same & close]:
            out.add((df.at[i, "zone_id"], df.at[i, "track_id"], df.at[i, "time"].round("10ms")))
        return out

    only_a, only_b = pairs(a) - pairs(b), pairs(b) - pairs(a)
    assert len(only_a) + len(only_b) <= most, (only_a, only_b)

    def drop(df: pd.DataFrame, keys: set) -> pd.DataFrame:
        out = df
        for zone, track, when in keys:
            hit = (out["zone_id"] == zone) & (out["track_id"] == track)
            hit &= (out["time"] - when).abs() < 2 * near
            out = out[~hit]
        return out.reset_index(drop=True)

    return drop(a, only_a), drop(b, only_b)


def assert_same_counts(counts, trackset: TrackSet, zones, day=MND_DAY) -> None:
    """Per zone and bin of ``day``: aircraft by kind as the counts chart has them
    (`entries_by_bin`: aircraft kinds, ships and unknown apart), and the number of entries
    (areas) or crossings (lines)."""
    events = compute_zone_events(trackset, zones)
    aircraft = dict(zip(trackset.ids, trackset.counts.tolist(), strict=True))
    seen = 0
    for zone in zones:
        got = counts.counts_for(zone.id)
        if zone.kind == LINE:
            ev = events[events["zone_id"] == zone.id].assign(event="entry")
            want = entries_by_bin(ev, aircraft, zone.id, day=day)
            want_events = ev
        else:
            want = entries_by_bin(events, aircraft, zone.id, day=day)
            want_events = events[(events["zone_id"] == zone.id) & (events["event"] == "entry")]
        for part in ("table", "apart"):
            a = getattr(got, part).rename_axis(None).rename_axis(None, axis=1)
            b = getattr(want, part).rename_axis(None).rename_axis(None, axis=1)
            if a.empty and b.empty:
                continue
            pd.testing.assert_frame_equal(a, b, check_freq=False)
        rows = counts.table[counts.table["zone_id"] == zone.id]
        per_day_got = rows.groupby("day")["events"].sum()
        per_day_want = want_events.groupby(_bins(want_events["time"], day)).size()
        assert per_day_got.to_dict() == per_day_want.to_dict(), zone.id
        seen += int(per_day_got.sum())
    assert seen > 0
