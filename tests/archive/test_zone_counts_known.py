"""Known answers for the engine's zone events, from tracks written by hand (issue 15's cases:
a segment through a zone between two fixes outside it, a pass by Uotsuri-jima, a fix exactly on
the median line, a zone coming into force, a corner touched or crossed, a gap of days)."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from viewer.core.projection import Projection
from viewer.io.archive import Window, open_archive


def _archive(folder, rows):
    """A hive archive (``date=``) of (track, time, lon, lat) rows."""
    frame = pd.DataFrame(rows, columns=["track_id", "time", "lon", "lat"])
    frame["time"] = pd.to_datetime(frame["time"], utc=True)
    for day, part in frame.groupby(frame["time"].dt.strftime("%Y-%m-%d")):
        path = folder / f"date={day}" / "part-0.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pandas(part, preserve_index=False), path)
    return folder


def _events(tmp_path, rows, zones, **kw):
    with open_archive(_archive(tmp_path / "a", rows)) as archive:
        counts = archive.zone_counts(zones, keep_events=True, **kw)
    return counts, counts.events


@pytest.fixture(scope="module")
def by_id(zones):
    return {z.id: z for z in zones}


def test_a_segment_through_a_zone_enters_and_leaves_it(tmp_path, by_id) -> None:
    north = by_id["exercise_2025_12:north"]
    rows = [
        ("A", "2025-12-30T02:00:00Z", 121.4, 26.1),
        ("A", "2025-12-30T02:20:00Z", 122.9, 26.1),
    ]
    counts, events = _events(tmp_path, rows, [north])
    assert list(events["event"]) == ["entry", "exit"]
    west_edge = 121.66667  # the zone's west edge, a meridian, is met at 0.178 of the segment
    t_in = (events["time"].iloc[0] - pd.Timestamp("2025-12-30T02:00Z")).total_seconds()
    assert t_in == pytest.approx(1200 * (west_edge - 121.4) / 1.5, abs=2)
    assert counts.table["events"].sum() == 1  # one entry that day


def test_a_pass_by_uotsuri_jima_crosses_the_territorial_sea(tmp_path, by_id) -> None:
    rows = [
        ("U", "2024-03-01T01:00:00Z", 123.0, 25.6),
        ("U", "2024-03-01T01:10:00Z", 123.9, 25.85),
    ]
    _, events = _events(tmp_path, rows, [by_id["senkaku_12nmi"], by_id["senkaku_24nmi"]])
    sea = events[events["zone_id"] == "senkaku_12nmi"]
    assert list(sea["event"]) == ["entry", "exit"]
    ring = events[events["zone_id"] == "senkaku_24nmi"]
    # into the contiguous zone, into the hole of the territorial sea, out of it (and the track
    # ends 24 nmi out, still in the contiguous zone)
    assert list(ring["event"]) == ["entry", "exit", "entry"]
    assert sea["time"].iloc[0] == ring["time"].iloc[1]  # one boundary, one instant


def test_a_fix_on_the_median_line_gives_one_crossing(tmp_path, by_id) -> None:
    rows = [
        ("M", "2024-03-01T01:00:00Z", 119.5, 25.5),
        ("M", "2024-03-01T01:10:00Z", 120.5, 25.5),  # on the line (27N 122E - 23N 118E)
        ("M", "2024-03-01T01:20:00Z", 121.5, 25.5),
        ("N", "2024-03-01T02:00:00Z", 119.5, 25.5),
        ("N", "2024-03-01T02:10:00Z", 120.5, 25.5),  # touches the line from the west, goes back
        ("N", "2024-03-01T02:20:00Z", 119.6, 25.4),
        ("E", "2024-03-01T03:00:00Z", 121.5, 25.5),  # the same from the east
        ("E", "2024-03-01T03:10:00Z", 120.5, 25.5),
        ("E", "2024-03-01T03:20:00Z", 121.4, 25.6),
    ]
    _, events = _events(tmp_path, rows, [by_id["median_line"]])
    assert list(events["track_id"]) == ["M"]
    assert list(events["side"]) == ["east"]


def test_a_track_inside_when_the_zone_comes_into_force_enters_then(tmp_path, by_id) -> None:
    north = by_id["exercise_2025_12:north"]
    vf = pd.Timestamp(north.valid_from)
    iso = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")  # noqa: E731
    rows = [
        ("IN", iso(vf - timedelta(minutes=30)), 122.0, 26.1),
        ("IN", iso(vf + timedelta(minutes=30)), 122.1, 26.15),
        ("GONE", iso(vf - timedelta(minutes=60)), 122.0, 26.0),
        ("GONE", iso(vf - timedelta(minutes=30)), 122.1, 26.0),
    ]
    counts, events = _events(tmp_path, rows, [north])
    assert list(events["track_id"]) == ["IN"]
    assert events["time"].iloc[0] == vf
    assert bool(events["inside_when_in_force"].iloc[0])
    assert not bool(events["at_track_start"].iloc[0])
    assert counts.table["tracks"].sum() == 1


def _through(lon: float, lat: float, dlon: float, dlat: float, km: float = 40.0):
    """Two fixes on a straight line of the display projection through (lon, lat)."""
    proj = Projection.default()
    cx, cy = proj.forward(np.array([lon]), np.array([lat]))
    ax, ay = proj.forward(np.array([lon - dlon]), np.array([lat - dlat]))
    v = np.array([cx[0] - ax[0], cy[0] - ay[0]])
    v *= km * 1000.0 / np.hypot(*v)
    xs = np.array([cx[0] - v[0], cx[0] + v[0]])
    ys = np.array([cy[0] - v[1], cy[0] + v[1]])
    return proj.inverse(xs, ys)


def test_a_corner_touched_is_no_crossing_and_crossed_is_one(tmp_path, by_id) -> None:
    adiz = by_id["taiwan_adiz"]  # its south-west corner: 117.5E 21N, the zone to the north-east
    (t0, t1), (u0, u1) = _through(117.5, 21.0, 1.0, -1.0)  # north-west to south-east: a touch
    (c0, c1), (d0, d1) = _through(117.5, 21.0, 1.0, 1.0)  # south-west to north-east: in
    rows = [
        ("TOUCH", "2024-03-01T01:00:00Z", t0, u0),
        ("TOUCH", "2024-03-01T01:10:00Z", t1, u1),
        ("CROSS", "2024-03-01T02:00:00Z", c0, d0),
        ("CROSS", "2024-03-01T02:10:00Z", c1, d1),
    ]
    _, events = _events(tmp_path, rows, [adiz])
    assert list(events["track_id"]) == ["CROSS"]
    assert list(events["event"]) == ["entry"]
    assert events["time"].iloc[0] == pd.Timestamp("2024-03-01T02:05:00Z")


def test_a_gap_of_days_is_one_segment_across_chunks(tmp_path, by_id) -> None:
    rows = [("G", "2024-03-01T01:00:00Z", 118.5, 24.0)]  # the line is at 119E on 24N
    rows += [
        ("F", f"2024-03-0{d}T0{h}:00:00Z", 126.0, 22.0 + 0.01 * h)
        for d in (1, 2, 3)
        for h in range(9)
    ]
    rows += [("G", "2024-03-03T05:00:00Z", 121.0, 24.0)]  # two days later, east of the line
    counts, events = _events(tmp_path, rows, [by_id["median_line"]], chunk_fixes=5)
    assert counts.chunks >= 3
    assert list(events["track_id"]) == ["G"] and list(events["side"]) == ["east"]
    crossing = events["time"].iloc[0]
    assert pd.Timestamp("2024-03-01T01:00Z") < crossing < pd.Timestamp("2024-03-03T05:00Z")
    with open_archive(tmp_path / "a") as archive:
        window = archive.zone_counts(
            [by_id["median_line"]], Window("2024-03-02T00:00Z", "2024-03-04T00:00Z")
        )
    assert window.table["events"].sum() == 0  # G has one fix in that window: no segment


def test_a_long_segment_that_bows_into_a_zone_from_outside_its_box_enters_and_leaves(
    tmp_path, by_id
) -> None:
    """Three weeks without a fix, from east of the Philippine Sea to south of Guangdong, both
    ends south of the Taiwan ADIZ: the segment, straight in the display projection, bows 0.37°
    north and passes through the ADIZ. The engine dropped it (the zones' box was widened by the
    margin, not by the bow) while the app and every other zone set found it — the 100M-fix
    year lost 35 such entries (`benchmarks/bench_archive.py`, taiwan_adiz alone vs all zones)."""
    from viewer.core.tracks import TrackSet
    from viewer.core.zone_events import zone_events

    rows = [
        ("B", "2025-06-16T22:00:36Z", 136.38314670919965, 20.548297793625096),
        ("B", "2025-07-09T06:03:46Z", 116.18452782107227, 20.875571536963093),
    ]
    taiwan = by_id["taiwan_adiz"]
    counts, events = _events(tmp_path, rows, [taiwan])
    assert list(events["event"]) == ["entry", "exit"]
    frame = pd.DataFrame(rows, columns=["track_id", "time", "lon", "lat"])
    frame["time"] = pd.to_datetime(frame["time"], utc=True)
    app = zone_events(TrackSet.from_frame(frame, Projection.default()), [taiwan])
    assert list(app["event"]) == ["entry", "exit"]
    for got, want in zip(events["time"], app["time"], strict=True):
        assert abs((got - want).total_seconds()) < 1.0
    assert counts.table["events"].sum() == 1
