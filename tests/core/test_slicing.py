"""Slicing against a brute-force reference: at fix times, between fixes, at the ends, across gaps,
for one and many tracks, on random data."""

import itertools
import math
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.constants import HEADING_DEG, LAT, LON, TIME, TRACK_ID
from viewer.core.slicing import (
    DEFAULT_GAP_S,
    SliceRequest,
    TrackSlice,
    activity,
    slice_tracks,
    time_index,
)
from viewer.core.tracks import TrackSet

T0 = 1_633_305_600.0  # 2021-10-04T00:00:00Z


def make_trackset(tracks):
    """``tracks``: list of lists of (t_offset_s, lon, lat, heading or nan) in time order."""
    rows = [
        {TRACK_ID: f"T{i:03d}", TIME: T0 + t, LON: lon, LAT: lat, HEADING_DEG: hdg}
        for i, fixes in enumerate(tracks)
        for t, lon, lat, hdg in fixes
    ]
    frame = pd.DataFrame(rows)
    frame[TIME] = pd.to_datetime(frame[TIME], unit="s", utc=True)
    return TrackSet.from_frame(frame)


# ---------------------------------------------------------------------- brute-force reference
def _wrap(d):
    return (d + 180.0) % 360.0 - 180.0


def reference_slice(ts, t, trail, gap):
    """One Python loop per track and per fix: the obvious way, to check the vectorised one."""
    out = []
    for i in range(ts.n_tracks):
        a, b = int(ts.offsets[i]), int(ts.offsets[i + 1])
        if a == b or not (ts.t[a] <= t <= ts.t[b - 1]):
            continue
        head = max(j for j in range(a, b) if ts.t[j] <= t)
        nxt = min(head + 1, b - 1)
        dt = ts.t[nxt] - ts.t[head]
        intervals = sorted(ts.t[j + 1] - ts.t[j] for j in range(a, b - 1))
        k = len(intervals)
        median = (intervals[(k - 1) // 2] + intervals[k // 2]) / 2 if intervals else 0.0
        threshold = max(gap, 10.0 * median)  # gaps are relative to the track's own sampling
        f = (t - ts.t[head]) / dt if dt > 0 else 0.0
        lon = ts.lon[head] + f * _wrap(ts.lon[nxt] - ts.lon[head])
        if lon > 180:
            lon -= 360
        h0, h1 = float(ts.heading_deg[head]), float(ts.heading_deg[nxt])
        if math.isfinite(h0):
            heading = (h0 + f * _wrap(h1 - h0) if math.isfinite(h1) else h0) % 360
        else:
            p, q = (head, nxt) if nxt > head else (max(head - 1, a), head)
            dx, dy = ts.x[q] - ts.x[p], ts.y[q] - ts.y[p]
            heading = math.degrees(math.atan2(dx, dy)) % 360 if (dx or dy) else math.nan
        start = next(j for j in range(a, b) if ts.t[j] >= t - trail)
        if start == a:
            tx, ty = ts.x[a], ts.y[a]
        else:
            g = (t - trail - ts.t[start - 1]) / (ts.t[start] - ts.t[start - 1])
            tx = ts.x[start - 1] + g * (ts.x[start] - ts.x[start - 1])
            ty = ts.y[start - 1] + g * (ts.y[start] - ts.y[start - 1])
        out.append(
            {
                "track": i,
                "head": head,
                "next": nxt,
                "x": ts.x[head] + f * (ts.x[nxt] - ts.x[head]),
                "y": ts.y[head] + f * (ts.y[nxt] - ts.y[head]),
                "lon": lon,
                "lat": ts.lat[head] + f * (ts.lat[nxt] - ts.lat[head]),
                "heading": heading,
                "in_gap": bool(dt > threshold and t > ts.t[head]),
                "trail_start": start,
                "trail_x": tx,
                "trail_y": ty,
            }
        )
    return out


def assert_matches_reference(ts, t, trail, gap):
    got = slice_tracks(ts, t, trail, gap=gap)
    want = reference_slice(ts, t, trail, gap)
    assert got.tracks.tolist() == [w["track"] for w in want]
    for field, attr in [
        ("head", "head_index"),
        ("next", "next_index"),
        ("in_gap", "in_gap"),
        ("trail_start", "trail_start"),
    ]:
        assert getattr(got, attr).tolist() == [w[field] for w in want], field
    for field in ("x", "y", "lon", "lat", "heading", "trail_x", "trail_y"):
        np.testing.assert_allclose(
            getattr(got, field),
            [w[field] for w in want],
            rtol=1e-9,
            atol=1e-6,
            equal_nan=True,
            err_msg=field,
        )
    return got


# ---------------------------------------------------------------------- hand-made cases
@pytest.fixture
def two_tracks():
    # Track 0: east along 24N, fixes at 0, 60, 120 s, then a 2 h gap, then one more fix.
    # Track 1: north along 122E from 100 s to 200 s, no headings.
    return make_trackset(
        [
            [
                (0, 121.0, 24.0, 90.0),
                (60, 121.1, 24.0, 90.0),
                (120, 121.2, 24.0, 90.0),
                (7320, 121.5, 24.0, 90.0),
            ],
            [(100, 122.0, 24.0, np.nan), (200, 122.0, 24.2, np.nan)],
        ]
    )


def test_head_at_a_fix_time_is_that_fix(two_tracks):
    s = slice_tracks(two_tracks, T0 + 60, trail=0)
    assert s.tracks.tolist() == [0]
    assert s.head_index.tolist() == [1]
    assert s.lon[0] == pytest.approx(121.1)
    assert s.x[0] == two_tracks.x[1]
    assert not s.in_gap[0]


def test_head_between_fixes_is_interpolated(two_tracks):
    s = slice_tracks(two_tracks, T0 + 150, trail=0)
    assert s.tracks.tolist() == [0, 1]
    # Track 1 is halfway between its fixes at 150 s.
    assert s.lat[1] == pytest.approx(24.1)
    assert s.x[1] == pytest.approx((two_tracks.x[4] + two_tracks.x[5]) / 2)
    # No recorded heading: the segment's direction on the display, roughly north (up).
    assert s.heading[1] == pytest.approx(0.0, abs=2.0) or s.heading[1] > 358.0
    assert s.heading[0] == pytest.approx(90.0)


def test_ends_are_live_and_outside_is_not(two_tracks):
    assert slice_tracks(two_tracks, T0 + 100).tracks.tolist() == [0, 1]
    assert slice_tracks(two_tracks, T0 + 200).tracks.tolist() == [0, 1]
    assert slice_tracks(two_tracks, T0 + 200.001).tracks.tolist() == [0]
    assert slice_tracks(two_tracks, T0 - 0.001).tracks.tolist() == []
    at_end = slice_tracks(two_tracks, T0 + 7320)
    assert at_end.head_index.tolist() == [3]
    assert at_end.next_index.tolist() == [3]
    assert at_end.lon[0] == pytest.approx(121.5)
    assert len(slice_tracks(two_tracks, T0 + 7320.5)) == 0


def test_head_inside_a_gap_is_flagged(two_tracks):
    inside = slice_tracks(two_tracks, T0 + 3000, trail=600, gap=DEFAULT_GAP_S)
    assert inside.in_gap.tolist() == [True]
    # Still interpolated, so the map can show it as "no data" where it would be.
    assert 121.2 < inside.lon[0] < 121.5
    # At the fix that ends the gap the head is observed again.
    assert not slice_tracks(two_tracks, T0 + 7320).in_gap[0]
    # A larger threshold means the same segment is not a gap.
    assert not slice_tracks(two_tracks, T0 + 3000, gap=8000).in_gap[0]


def test_trail_ranges_and_start_point(two_tracks):
    s = slice_tracks(two_tracks, T0 + 150, trail=100)
    # Track 0: fixes at >= 50 s are 60 and 120; start point interpolated at 50 s.
    assert (s.trail_start[0], s.head_index[0]) == (1, 2)
    assert s.trail_x[0] == pytest.approx(
        two_tracks.x[0] + 50 / 60 * (two_tracks.x[1] - two_tracks.x[0])
    )
    # Track 1 began at 100 s, after 50 s: the trail starts at its first fix.
    assert (s.trail_start[1], s.head_index[1]) == (4, 4)
    assert s.trail_x[1] == two_tracks.x[4]
    heads_only = slice_tracks(two_tracks, T0 + 150, trail=0)
    assert (heads_only.trail_start == heads_only.head_index + 1).all()
    np.testing.assert_allclose(heads_only.trail_x, heads_only.x)
    whole = slice_tracks(two_tracks, T0 + 150, trail=math.inf)
    assert whole.trail_start.tolist() == [0, 4]


def test_trail_polylines(two_tracks):
    s = slice_tracks(two_tracks, T0 + 3000, trail=3000)
    lines = s.trails(two_tracks)
    assert lines.offsets.tolist() == [0, 5]  # start point, 3 fixes, head
    assert lines.x[0] == two_tracks.x[0] and lines.x[-1] == s.x[0]
    np.testing.assert_array_equal(lines.x[1:4], two_tracks.x[0:3])
    np.testing.assert_array_equal(lines.t, [T0, T0, T0 + 60, T0 + 120, T0 + 3000])
    # Only the last segment (the 2 h hole) is a gap.
    assert lines.gap_after.tolist() == [False, False, False, True, False]
    empty = slice_tracks(two_tracks, T0 - 10).trails(two_tracks)
    assert empty.offsets.tolist() == [0] and len(empty.x) == 0


def test_trail_polyline_with_no_fix_inside_the_window(two_tracks):
    s = slice_tracks(two_tracks, T0 + 3000, trail=60)
    lines = s.trails(two_tracks)
    assert lines.offsets.tolist() == [0, 2]
    assert lines.t.tolist() == [T0 + 2940, T0 + 3000]
    assert lines.gap_after.tolist() == [True, False]


def test_longitude_crosses_the_antimeridian_the_short_way():
    ts = make_trackset([[(0, 179.5, 30.0, np.nan), (100, -179.5, 30.0, np.nan)]])
    assert abs(slice_tracks(ts, T0 + 50).lon[0]) == pytest.approx(180.0)
    assert slice_tracks(ts, T0 + 75).lon[0] == pytest.approx(-179.75)


def test_empty_and_single_fix_tracks(two_tracks):
    # An empty track between the two: offsets [0, 4, 4, 6].
    ts = replace(
        two_tracks,
        ids=np.array(["a", "empty", "b"], dtype=object),
        offsets=np.array([0, 4, 4, 6]),
        kinds=np.repeat(two_tracks.kinds[:1], 3),
        callsigns=np.repeat(two_tracks.callsigns[:1], 3),
        labels=np.repeat(two_tracks.labels[:1], 3),
        counts=np.ones(3, dtype=np.int32),
    )
    assert_matches_reference(ts, T0 + 150, 100, 600)
    assert slice_tracks(ts, T0 + 150).tracks.tolist() == [0, 2]
    single = make_trackset([[(10, 121.0, 24.0, np.nan)]])
    s = slice_tracks(single, T0 + 10)
    assert s.tracks.tolist() == [0] and math.isnan(s.heading[0])
    assert len(slice_tracks(TrackSet.empty(), T0)) == 0


def test_request_is_frozen_and_validates(two_tracks):
    req = SliceRequest(T0 + 150, trail=100)
    s = req(two_tracks)
    assert isinstance(s, TrackSlice) and s.request == req
    with pytest.raises(AttributeError):
        req.time = 0.0  # type: ignore[misc]
    with pytest.raises(ValueError, match="trail must be >= 0"):
        SliceRequest(0.0, trail=-1)
    with pytest.raises(ValueError, match="gap threshold"):
        SliceRequest(0.0, gap=0)
    with pytest.raises(ValueError, match="finite"):
        SliceRequest(math.nan)


def test_index_is_built_once_per_trackset(two_tracks):
    assert time_index(two_tracks) is time_index(two_tracks)


# ---------------------------------------------------------------------- random data
@st.composite
def random_tracks(draw):
    n_tracks = draw(st.integers(1, 6))
    tracks = []
    for _ in range(n_tracks):
        n = draw(st.integers(1, 8))
        # Small integer times: fixes of different tracks share times, and some tracks repeat one.
        times = sorted(draw(st.lists(st.integers(0, 60), min_size=n, max_size=n)))
        fixes = [
            (
                t * 10,
                draw(st.floats(120, 124)),
                draw(st.floats(21, 27)),
                draw(st.sampled_from([np.nan, 0.0, 90.0, 350.0, 10.0])),
            )
            for t in times
        ]
        tracks.append(fixes)
    return tracks


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    tracks=random_tracks(),
    where=st.one_of(st.integers(-2, 62).map(lambda k: k * 10.0), st.floats(-20, 620)),
    trail=st.sampled_from([0.0, 5.0, 60.0, 250.0, math.inf]),
    gap=st.sampled_from([15.0, 100.0, 1e6]),
)
def test_matches_brute_force_on_random_tracks(tracks, where, trail, gap):
    ts = make_trackset(tracks)
    assert_matches_reference(ts, T0 + where, trail, gap)


def test_matches_brute_force_on_many_tracks():
    rng = np.random.default_rng(7)
    tracks = []
    for _ in range(300):
        n = int(rng.integers(1, 40))
        start = float(rng.uniform(0, 80_000))
        times = start + np.cumsum(rng.choice([10.0, 10.0, 30.0, 900.0], n)) - 10.0
        lon = 121 + np.cumsum(rng.normal(0, 0.01, n))
        lat = 24 + np.cumsum(rng.normal(0, 0.01, n))
        hdg = np.where(rng.random(n) < 0.5, np.nan, rng.uniform(0, 360, n))
        tracks.append(list(zip(times, lon, lat, hdg, strict=True)))
    ts = make_trackset(tracks)
    queries = np.concatenate(
        [rng.uniform(-100, 90_000, 40), ts.t[rng.integers(0, ts.n_fixes, 20)] - T0]
    )
    sizes = [len(assert_matches_reference(ts, T0 + q, 3600.0, DEFAULT_GAP_S)) for q in queries]
    assert max(sizes) > 10  # the check covered many live tracks at once
    gaps = [slice_tracks(ts, T0 + q, gap=DEFAULT_GAP_S).in_gap.sum() for q in queries]
    assert sum(gaps) > 0  # and heads inside gaps


# ---------------------------------------------------------------------- activity
def test_activity_counts_live_tracks_per_bin():
    ts = make_trackset(
        [
            [(0, 121, 24, np.nan), (50, 121.1, 24, np.nan)],  # bins 0
            [(120, 121, 24, np.nan), (350, 121.1, 24, np.nan)],  # bins 1..3
            [(10, 121, 24, np.nan), (390, 121.1, 24, np.nan)],  # bins 0..3
        ]
    )
    counts, edges = activity(ts, 4, span=(T0, T0 + 400))
    np.testing.assert_array_equal(edges, T0 + np.array([0, 100, 200, 300, 400]))
    assert counts.tolist() == [2, 2, 2, 2]
    counts, _ = activity(ts, T0 + np.array([0.0, 60.0, 110.0, 1000.0]))
    assert counts.tolist() == [2, 1, 2]
    # A bin count equals the number of tracks live at some instant of the bin, brute force.
    rng = np.random.default_rng(3)
    many = make_trackset(
        [
            [(s, 121, 24, np.nan), (s + d, 121.1, 24, np.nan)]
            for s, d in zip(rng.uniform(0, 1000, 50), rng.uniform(1, 300, 50), strict=True)
        ]
    )
    counts, edges = activity(many, 13)
    first = many.t[many.offsets[:-1]]
    last = many.t[many.offsets[1:] - 1]
    want = [int(np.sum((first <= hi) & (last >= lo))) for lo, hi in itertools.pairwise(edges)]
    assert counts.tolist() == want
    with pytest.raises(ValueError, match="bins must be"):
        activity(many, 0)


def test_gaps_are_relative_to_each_tracks_sampling() -> None:
    """A path traced with a vertex every 12 minutes has no gaps; an ADS-B track sampled every
    10 s has one where 20 minutes are missing."""
    import pandas as pd

    from viewer.core.tracks import TrackSet

    t0 = pd.Timestamp("2021-10-04T02:00:00Z")
    traced = [t0 + pd.Timedelta(minutes=12 * k) for k in range(6)]
    adsb = [t0 + pd.Timedelta(seconds=10 * k) for k in range(60)]
    adsb += [adsb[-1] + pd.Timedelta(minutes=20) + pd.Timedelta(seconds=10 * k) for k in range(60)]
    frame = pd.DataFrame(
        {
            "track_id": ["traced"] * len(traced) + ["adsb"] * len(adsb),
            "time": traced + adsb,
            "lon": np.linspace(119, 121, len(traced) + len(adsb)),
            "lat": 22.0,
        }
    )
    ts = TrackSet.from_frame(frame)
    at = (t0 + pd.Timedelta(minutes=15)).timestamp()  # inside the hole, and between vertices
    sl = slice_tracks(ts, at, 3600.0)
    gaps = {str(ts.ids[k]): bool(g) for k, g in zip(sl.tracks, sl.in_gap, strict=True)}
    assert gaps == {"traced": False, "adsb": True}
    lines = sl.trails(ts)
    assert lines.gap_after.any()  # the hole is dashed
