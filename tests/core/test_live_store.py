"""The live store: tracks grow in place, frozen into the same TrackSet a file gives."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from viewer.core.constants import KIND_SHIP
from viewer.core.live_store import (
    NS,
    REFUSED_DUPLICATE,
    REFUSED_FUTURE,
    REFUSED_OLD,
    REFUSED_POSITION,
    Fix,
    LiveTrackStore,
    StoreConfig,
    TrackInfo,
)
from viewer.core.projection import Projection
from viewer.core.slicing import slice_tracks
from viewer.core.tracks import TrackSet

T0 = 1_633_305_600  # 2021-10-04T00:00:00Z
NOW = T0 + 7200.0


def fix(track: str, seconds: float, lon: float = 121.0, lat: float = 24.0, **kw) -> Fix:
    return Fix(track, round(seconds * NS), lon, lat, **kw)


def frame_of(fixes: list[Fix]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "track_id": [f.track_id for f in fixes],
            "time": pd.to_datetime([f.t_ns for f in fixes], unit="ns", utc=True),
            "lon": [f.lon for f in fixes],
            "lat": [f.lat for f in fixes],
            "alt_m": [f.alt_m for f in fixes],
            "speed_kt": [f.speed_kt for f in fixes],
            "heading_deg": [f.heading_deg for f in fixes],
        }
    )


def assert_same_tracks(a: TrackSet, b: TrackSet) -> None:
    assert list(a.ids) == list(b.ids)
    np.testing.assert_array_equal(a.offsets, b.offsets)
    for name in ("t", "lon", "lat", "x", "y", "alt_m", "speed_kt", "heading_deg"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)


def test_fixes_in_any_arrival_order_give_the_trackset_a_file_gives():
    rng = np.random.default_rng(7)
    fixes = [
        fix(f"t{k}", T0 + 10 * i + k, 120 + i / 100, 23 + k / 10, alt_m=1000.0 + i)
        for k in range(5)
        for i in range(40)
    ]
    order = rng.permutation(len(fixes))
    store = LiveTrackStore()
    for chunk in np.array_split(order, 13):  # batches as polls would bring them
        store.add([fixes[i] for i in chunk], now=NOW)
    snap = store.snapshot(now=NOW)
    assert_same_tracks(snap.trackset, TrackSet.from_frame(frame_of(fixes)))
    assert store.n_fixes == 200 and store.n_tracks == 5


def test_appends_are_amortised_not_copied_each_time():
    store = LiveTrackStore()
    for i in range(1000):
        store.add([fix("a", T0 + i)], now=NOW)
    track = store._tracks["a"]
    assert track.n == 1000 and track.cap == 1024  # doubled 6 times from 16, never per fix


def test_late_fixes_go_in_their_place_and_duplicates_are_dropped():
    store = LiveTrackStore()
    first = store.add([fix("a", T0), fix("a", T0 + 20)], now=NOW)
    assert len(first.appended) == 2
    late = store.add([fix("a", T0 + 10, 121.5), fix("a", T0 + 20, 122.0)], now=NOW)
    assert [f.t_ns for f in late.inserted] == [(T0 + 10) * NS]
    assert late.refused == {REFUSED_DUPLICATE: 1}
    ts = store.snapshot(now=NOW).trackset
    np.testing.assert_array_equal(ts.t, [T0, T0 + 10, T0 + 20])
    np.testing.assert_array_equal(ts.lon, [121.0, 121.5, 121.0])  # the first of a time stays


def test_refused_fixes_are_counted_by_reason():
    store = LiveTrackStore(StoreConfig(retention_s=3600, max_future_s=300))
    store.add([fix("a", NOW - 10)], now=NOW)
    result = store.add(
        [
            fix("b", NOW, 181.0, 24.0),
            fix("b", NOW, 121.0, math.nan),
            fix("c", NOW + 3600),  # a receiver clock an hour fast
            fix("d", NOW - 2 * 3600),  # before the retention window
        ],
        now=NOW,
    )
    assert result.refused == {REFUSED_POSITION: 2, REFUSED_FUTURE: 1, REFUSED_OLD: 1}
    assert store.track_ids() == ["a"]


def test_retention_drops_old_fixes_and_empty_tracks():
    store = LiveTrackStore(StoreConfig(retention_s=600))
    store.add([fix("old", T0), fix("a", T0 + 100)], now=T0 + 1000)
    store.add([fix("a", T0 + 700 + i) for i in range(5)], now=T0 + 1000)
    dropped = store.expire()
    assert dropped == 2  # 'old' at T0 and a's fix at T0 + 100: both before T0 + 704 - 600
    assert store.track_ids() == ["a"]
    assert store.snapshot(now=T0 + 1000).trackset.t[0] == T0 + 700


def test_the_fix_cap_bounds_memory_whatever_the_rate_and_says_so():
    store = LiveTrackStore(StoreConfig(max_fixes=1000))
    for second in range(50):  # 50 fixes a second, one every 20 ms, for 50 seconds
        store.add([fix(f"t{k}", T0 + second + k / 50) for k in range(50)], now=T0 + 60)
        store.expire()
        assert store.n_fixes <= 1000 + 50
    assert store.dropped_by_cap > 0
    assert "memory cap of 1,000 fixes" in store.warning
    assert store.snapshot(now=T0 + 60).trackset.t.min() > T0 + 25  # the oldest went first


def test_compaction_keeps_each_track_in_its_arrays_bounded():
    store = LiveTrackStore(StoreConfig(retention_s=100))
    for i in range(10_000):  # one fix a second for almost 3 h: 100 s retained
        store.add([fix("a", T0 + i)], now=T0 + i)
        if i % 10 == 0:
            store.expire()
    track = store._tracks["a"]
    assert track.n <= 111 and track.cap <= 256


def test_stale_after_the_set_time_without_messages_ships_later():
    store = LiveTrackStore(StoreConfig(stale_after_s=60, stale_after_ship_s=600))
    store.add([fix("plane", T0)], now=T0)
    store.add([fix("ship", T0, kind=KIND_SHIP)], now=T0)
    snap = store.snapshot(now=T0 + 120)
    assert dict(zip(snap.trackset.ids, snap.stale, strict=True)) == {"plane": True, "ship": False}
    store.add([fix("plane", T0 + 100)], now=T0 + 119)
    snap = store.snapshot(now=T0 + 120)
    assert not snap.stale.any()


def test_names_that_arrive_without_a_position_update_the_track_in_place():
    store = LiveTrackStore()
    store.update_info([TrackInfo("412000001", callsign="HAIJING 2302")], now=NOW)
    store.add([fix("412000001", T0, kind=KIND_SHIP)], now=NOW)
    v = store.version
    store.update_info([TrackInfo("412000001", callsign="HAIJING 2303")], now=NOW)
    assert store.version == v + 1
    ts = store.snapshot(now=NOW).trackset
    assert list(ts.callsigns) == ["HAIJING 2303"] and list(ts.kinds) == [KIND_SHIP]


def test_a_snapshot_is_cached_until_the_store_changes():
    store = LiveTrackStore()
    store.add([fix("a", T0), fix("a", T0 + 60)], now=NOW)
    one = store.snapshot(now=NOW).trackset
    assert store.snapshot(now=NOW + 1).trackset is one
    store.add([fix("a", T0 + 120)], now=NOW)
    assert store.snapshot(now=NOW).trackset is not one


def test_a_snapshot_since_keeps_the_fix_before_so_heads_interpolate():
    store = LiveTrackStore()
    store.add([fix("a", T0 + 60 * i, 120 + i / 10) for i in range(10)], now=NOW)
    store.add([fix("gone", T0)], now=NOW)
    recent = store.snapshot(now=NOW, since=T0 + 450).trackset
    assert list(recent.ids) == ["a"]
    np.testing.assert_array_equal(recent.t, [T0 + 420, T0 + 480, T0 + 540])
    whole = store.snapshot(now=NOW).trackset
    at = T0 + 500
    a = slice_tracks(recent, at, 0.0)
    b = slice_tracks(whole, at, 0.0)
    assert float(a.lon[0]) == pytest.approx(float(b.lon[b.tracks == 0][0]))


def test_reprojection_is_a_data_change():
    store = LiveTrackStore()
    store.add([fix("a", T0, 121.0, 25.0)], now=NOW)
    mercator = Projection.from_user_input("EPSG:3857")
    store.set_projection(mercator)
    ts = store.snapshot(now=NOW).trackset
    x, _y = mercator.forward(np.array([121.0]), np.array([25.0]))
    assert ts.projection is mercator and ts.x[0] == pytest.approx(x[0])
