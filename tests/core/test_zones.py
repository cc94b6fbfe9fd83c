"""Zone events against independently computed answers (issues 6 and 15).

Tracks are written by hand, sparse, the way a teacher or an analyst makes them. The expected
crossing points come from `tests.core.zone_answers` (pyproj + shapely's overlay on the drawn
segment and the drawn boundary), or, for meridian edges and mirror-image fixes, from geometry
alone: the Lambert conformal conic maps meridians to straight lines, symmetric about each other.
"""

from datetime import UTC, datetime

import numpy as np
import pandas as pd
import pytest
import shapely

from tests.core.zone_answers import (
    crossing_fractions,
    distance_to_drawn_m,
    drawn,
    seconds,
    tracks,
)
from viewer.core.catalog import load_catalog
from viewer.core.constants import NMI_IN_M
from viewer.core.geodesy import distance_m
from viewer.core.zones import (
    AREA,
    CROSSING,
    ENTRY,
    EVENT_COLUMNS,
    EXIT,
    LINE,
    Zone,
    compute_zone_events,
)

T0 = "2021-10-04T00:00:00Z"


@pytest.fixture(scope="module")
def zones():
    return {z.id: z for z in load_catalog().analysis_zones()}


def only(ev, zone_id):
    return ev[ev["zone_id"] == zone_id].reset_index(drop=True)


def at(fraction, start, minutes):
    return pd.Timestamp(start) + pd.Timedelta(seconds=fraction * minutes * 60)


# ------------------------------------------------------------------ the three reported cases
def test_a_segment_through_a_zone_between_two_fixes_outside_enters_and_leaves_it(zones):
    # Issue 15: two fixes along 26.1°N, 121.4°E -> 122.9°E, 30 Dec 2025 09:00-10:00 UTC+8: the
    # "north" Justice Mission-2025 zone (121.67-122.6°E) lies between them.
    north = zones["exercise_2025_12:north"]
    a, b, start = (121.4, 26.1), (122.9, 26.1), "2025-12-30T09:00:00+08:00"
    ts = tracks(("N", [(start, *a), ("2025-12-30T10:00:00+08:00", *b)], "ship"))
    ev = only(compute_zone_events(ts, [north]), north.id)
    assert list(ev["event"]) == [ENTRY, EXIT]
    # its west and east edges are meridians: straight on the map, met at their longitude
    assert list(ev["lon"]) == pytest.approx([121.66667, 122.6], abs=1e-6)
    f_in, f_out = crossing_fractions(a, b, north.geometry)
    assert abs(seconds(ev["time"][0], at(f_in, start, 60))) < 0.01
    assert abs(seconds(ev["time"][1], at(f_out, start, 60))) < 0.01
    assert ev["seconds_inside"][0] == pytest.approx((f_out - f_in) * 3600, abs=0.01)
    assert not ev[["at_track_start", "inside_when_in_force", "across_gap"]].any().any()


def test_a_track_past_uotsuri_enters_and_leaves_the_territorial_sea(zones):
    # Issue 15: 25.6°N 123.0°E -> 25.85°N 123.9°E passes about 1.3 km from Uotsuri-jima.
    a, b = (123.0, 25.6), (123.9, 25.85)
    uotsuri = drawn(123.47333, 25.74333)[0]
    pass_m = shapely.distance(
        shapely.LineString(drawn(*zip(a, b, strict=True))), shapely.Point(uotsuri)
    )
    assert 1000 < pass_m < 1600  # the test's track is the reported one
    ts = tracks(("U", [(T0, *a), ("2021-10-04T02:00:00Z", *b)], "ship"))
    ev = compute_zone_events(ts, [zones["senkaku_12nmi"], zones["senkaku_24nmi"]])
    ts_ev, cz_ev = only(ev, "senkaku_12nmi"), only(ev, "senkaku_24nmi")
    assert list(ts_ev["event"]) == [ENTRY, EXIT]
    # the contiguous zone: in at 24 nmi, out into the territorial sea, back in, and the track
    # ends inside it (12.4 nmi from Kuba-jima)
    assert list(cz_ev["event"]) == [ENTRY, EXIT, ENTRY]
    assert abs(seconds(ts_ev["time"][0], cz_ev["time"][1])) < 0.001
    assert abs(seconds(ts_ev["time"][1], cz_ev["time"][2])) < 0.001
    islets = load_catalog().layer("senkaku").features.geometry
    for rows, nmi in ((ts_ev, [12, 12]), (cz_ev, [24, 12, 12])):
        nearest = [
            min(float(distance_m(p.x, p.y, lon, lat)) for p in islets)
            for lon, lat in zip(rows["lon"], rows["lat"], strict=True)
        ]
        assert nearest == pytest.approx([n * NMI_IN_M for n in nmi], rel=0.003)
    for geom_id, rows in (("senkaku_12nmi", ts_ev), ("senkaku_24nmi", cz_ev)):
        fr = crossing_fractions(a, b, zones[geom_id].geometry)
        assert len(fr) == len(rows)
        expected = [at(f, T0, 120) for f in fr]
        assert [abs(seconds(t, e)) for t, e in zip(rows["time"], expected, strict=True)] == (
            pytest.approx([0.0] * len(fr), abs=0.01)
        )


def test_a_fix_exactly_on_the_median_line_gives_one_crossing(zones):
    # Issue 15: 25.5°N 119.5°E -> 25.5°N 120.5°E (on the line) -> 25.5°N 121.5°E.
    median = zones["median_line"]
    fixes = [
        (T0, 119.5, 25.5),
        ("2021-10-04T00:10Z", 120.5, 25.5),
        ("2021-10-04T00:20Z", 121.5, 25.5),
    ]
    ev = compute_zone_events(tracks(("M", fixes, "fighter")), [median])
    assert list(ev["event"]) == [CROSSING] and list(ev["side"]) == ["east"]
    assert abs(seconds(ev["time"][0], "2021-10-04T00:10Z")) < 0.1  # within a metre of the fix
    assert not ev["near_line"][0]  # 100 km from the line either side
    back = [
        (T0, 121.5, 25.5),
        ("2021-10-04T00:10Z", 120.5, 25.5),
        ("2021-10-04T00:20Z", 119.5, 25.5),
    ]
    assert list(compute_zone_events(tracks(("W", back, "fighter")), [median])["side"]) == ["west"]
    touch = [
        (T0, 119.5, 25.5),
        ("2021-10-04T00:10Z", 120.5, 25.5),
        ("2021-10-04T00:20Z", 119.5, 25.6),
    ]
    assert len(compute_zone_events(tracks(("T", touch, "fighter")), [median])) == 0


# ------------------------------------------------------------------ hours of force
def test_exercise_zones_give_events_only_in_their_published_hours(zones):
    ex = [z for z in zones.values() if z.id.startswith("exercise_")]

    def events(start, end, a=(121.4, 26.1), b=(122.9, 26.1)):
        ts = tracks(("N", [(start, *a), (end, *b)], "ship"))
        ev = compute_zone_events(ts, ex)
        return ev[ev["zone_id"] == "exercise_2025_12:north"]

    # 29 Dec 2025: the exercise had begun, its zones were not yet in force
    assert len(events("2025-12-29T09:00+08:00", "2025-12-29T10:00+08:00")) == 0
    # 30 Dec, crossings from 07:50 (not in force) and after 18:00 (no longer)
    assert len(events("2025-12-30T07:30+08:00", "2025-12-30T08:00+08:00")) == 0
    assert len(events("2025-12-30T18:00+08:00", "2025-12-30T19:00+08:00")) == 0
    assert list(events("2025-12-30T08:00+08:00", "2025-12-30T09:00+08:00")["event"]) == [
        ENTRY,
        EXIT,
    ]
    # 2022: zone 1 from 4 Aug 12:00 UTC+8, zone 7 (east of Taiwan) from 10:00
    a1, b1 = (119.6, 25.0), (120.6, 25.4)  # through zone 1
    a7, b7 = (122.3, 23.4), (123.1, 23.4)  # through zone 7
    ts = tracks(
        ("Z1", [("2022-08-04T11:00+08:00", *a1), ("2022-08-04T11:30+08:00", *b1)], "ship"),
        ("Z7", [("2022-08-04T11:00+08:00", *a7), ("2022-08-04T11:30+08:00", *b7)], "ship"),
    )
    assert set(compute_zone_events(ts, ex)["zone_id"]) == {"exercise_2022_08:zone7"}


def test_inside_when_a_zone_comes_into_force_is_not_a_crossing(zones):
    north = zones["exercise_2025_12:north"]
    # a ship drifting inside the north zone from 07:00 to 19:00 (UTC+8)
    fixes = [("2025-12-30T07:00+08:00", 122.0, 26.0), ("2025-12-30T19:00+08:00", 122.12, 26.12)]
    ev = compute_zone_events(tracks(("S", fixes, "ship")), [north])
    assert list(ev["event"]) == [ENTRY]  # no exit when the zone goes out of force at 18:00
    row = ev.iloc[0]
    assert row["time"] == pd.Timestamp("2025-12-30T08:00+08:00")
    assert bool(row["inside_when_in_force"]) and not row["at_track_start"]
    assert row["seconds_inside"] == pytest.approx(10 * 3600)
    # where the drawn track is at 08:00: 1/12 of the way
    x, y = drawn([122.0, 122.12], [26.0, 26.12]).T
    from tests.core.zone_answers import FROM_LCC

    lon, lat = FROM_LCC.transform(x[0] + (x[1] - x[0]) / 12, y[0] + (y[1] - y[0]) / 12)
    assert (row["lon"], row["lat"]) == pytest.approx((lon, lat), abs=1e-9)
    # a track starting inside once the zone is in force starts inside: at_track_start
    later = [("2025-12-30T09:00+08:00", 122.0, 26.0), ("2025-12-30T10:00+08:00", 122.1, 26.1)]
    ev = compute_zone_events(tracks(("L", later, "ship")), [north])
    assert list(ev["at_track_start"]) == [True] and not ev["inside_when_in_force"][0]


# ------------------------------------------------------------------ corners and vertices
def test_a_segment_through_a_zone_corner(zones):
    # The Taiwan ADIZ corner 21°N 121°30'E (the south end of the published SE edge), met along
    # its meridian from the south: in at the corner, at the fraction of the drawn meridian.
    taiwan = zones["taiwan_adiz"]
    ts = tracks(("C", [(T0, 121.5, 20.5), ("2021-10-04T00:20Z", 121.5, 21.5)], "fighter"))
    ev = compute_zone_events(ts, [taiwan])
    assert list(ev["event"]) == [ENTRY]
    assert (ev["lon"][0], ev["lat"][0]) == pytest.approx((121.5, 21.0), abs=1e-7)
    y = drawn([121.5] * 3, [20.5, 21.0, 21.5])[:, 1]
    f = (y[1] - y[0]) / (y[2] - y[0])
    assert abs(seconds(ev["time"][0], at(f, T0, 20))) < 0.01
    # past the corner outside, south of 21°N and east of the SE edge: touching, no event
    ts = tracks(("P", [(T0, 121.0, 20.5), ("2021-10-04T00:10Z", 121.5, 21.0),
                       ("2021-10-04T00:20Z", 122.0, 20.5)], "fighter"))  # fmt: skip
    assert len(compute_zone_events(ts, [taiwan])) == 0


def test_a_fix_exactly_on_a_vertex_gives_its_event_once(zones):
    taiwan = zones["taiwan_adiz"]
    fixes = [
        (T0, 121.5, 20.5),
        ("2021-10-04T00:10Z", 121.5, 21.0),
        ("2021-10-04T00:20Z", 121.5, 21.5),
    ]
    ev = compute_zone_events(tracks(("V", fixes, "fighter")), [taiwan])
    assert list(ev["event"]) == [ENTRY]
    assert ev["time"][0] == pd.Timestamp("2021-10-04T00:10Z")
    assert (ev["lon"][0], ev["lat"][0]) == (121.5, 21.0)  # the fix itself


def test_touching_or_running_along_an_edge_is_no_crossing(zones):
    taiwan = zones["taiwan_adiz"]
    # a fix on the 123°E edge, then back out
    touch = [
        (T0, 124.0, 24.0),
        ("2021-10-04T00:10Z", 123.0, 24.0),
        ("2021-10-04T00:20Z", 124.0, 24.1),
    ]
    # a fix on the 29°N edge between two drawn vertices (the parallel is an arc on the map,
    # the edge a chord of it: the fix lies 0.23 m inside the drawn edge)
    north = [
        (T0, 121.03, 29.5),
        ("2021-10-04T00:10Z", 121.03, 29.0),
        ("2021-10-04T00:20Z", 121.2, 29.6),
    ]
    # along the 123°E edge from north of it to south of it
    along = [(T0, 123.0, 30.0), ("2021-10-04T05:00Z", 123.0, 21.5)]
    for fixes in (touch, north, along):
        assert len(compute_zone_events(tracks(("T", fixes, "ship")), [taiwan])) == 0, fixes


# ------------------------------------------------------------------ several boundaries at once
def test_one_segment_across_two_zones_and_the_median_line(zones):
    ids = ["exercise_2022_08:zone1", "median_line", "exercise_2022_08:zone2"]
    a, b, start = (119.6, 25.0), (122.2, 25.9), "2022-08-05T00:00Z"
    ts = tracks(("Z", [(start, *a), ("2022-08-05T01:00Z", *b)], "fighter"))
    ev = compute_zone_events(ts, [zones[i] for i in ids])
    assert list(zip(ev["zone_id"], ev["event"], strict=True)) == [
        (ids[0], ENTRY),
        (ids[1], CROSSING),
        (ids[0], EXIT),
        (ids[2], ENTRY),
        (ids[2], EXIT),
    ]
    assert ev["side"][1] == "east"
    expected = sorted(f for i in ids for f in crossing_fractions(a, b, zones[i].geometry))
    got = [seconds(t, start) / 3600 for t in ev["time"]]
    assert got == pytest.approx(expected, abs=0.01 / 3600)
    for _, row in ev.iterrows():
        assert distance_to_drawn_m(row["lon"], row["lat"], zones[row["zone_id"]].geometry)[0] < 0.01


def test_leaving_and_re_entering_within_one_segment():
    # a U-shaped zone; one straight segment crosses both arms
    ring = [(120, 24), (122, 24), (122, 26), (121.6, 26), (121.6, 24.6), (120.4, 24.6), (120.4, 26)]
    u = Zone("u", "U", AREA, shapely.Polygon([*ring, (120, 26)]))
    a, b = (119.5, 25.3), (122.5, 25.3)
    ev = compute_zone_events(tracks(("R", [(T0, *a), ("2021-10-04T01:00Z", *b)], "uav")), [u])
    assert list(ev["event"]) == [ENTRY, EXIT, ENTRY, EXIT]
    expected = crossing_fractions(a, b, u.geometry)
    assert [seconds(t, T0) / 3600 for t in ev["time"]] == pytest.approx(expected, abs=1e-6)
    stays = (expected[1] - expected[0]) * 3600, (expected[3] - expected[2]) * 3600
    assert list(ev["seconds_inside"]) == pytest.approx([stays[0], stays[0], stays[1], stays[1]])


def test_enter_and_leave_twice_and_a_track_starting_inside(zones):
    # mirror-image fixes about the 123°E meridian: each crossing exactly half-way in time
    taiwan = zones["taiwan_adiz"]
    fixes = [(f"2021-10-04T00:{m:02d}Z", lon, 25.0) for m, lon in
             [(0, 123.5), (10, 122.5), (20, 123.5), (30, 122.5), (40, 123.5)]]  # fmt: skip
    ev = compute_zone_events(tracks(("W", fixes, "isr")), [taiwan])
    assert list(ev["event"]) == [ENTRY, EXIT, ENTRY, EXIT]
    assert [seconds(t, T0) / 60 for t in ev["time"]] == pytest.approx([5, 15, 25, 35], abs=1e-6)
    assert list(ev["seconds_inside"]) == pytest.approx([600, 600, 600, 600], abs=1e-3)
    assert ev["approximate"].all()  # the Taiwan ADIZ has edges that are only the usual drawing
    start_inside = [(T0, 120.0, 24.0), ("2021-10-04T00:10Z", 124.0, 24.0)]
    ev = compute_zone_events(tracks(("I", start_inside, "uav")), [taiwan])
    assert list(ev["event"]) == [ENTRY, EXIT] and list(ev["at_track_start"]) == [True, False]


def test_senkaku_territorial_sea_entry_at_twelve_nautical_miles(zones):
    from viewer.core.geodesy import WGS84_GEOD

    lon0, lat0 = 123.47333, 25.74333  # Uotsuri-jima; west is away from the other islets
    far_lon, far_lat, _ = WGS84_GEOD.fwd(lon0, lat0, 270.0, 30 * NMI_IN_M)
    near_lon, near_lat, _ = WGS84_GEOD.fwd(lon0, lat0, 270.0, 5 * NMI_IN_M)
    fixes = [(T0, far_lon, far_lat), ("2021-10-04T01:00Z", near_lon, near_lat)]
    ev = compute_zone_events(tracks(("C", fixes, "ship")), [zones["senkaku_12nmi"]])
    assert list(ev["event"]) == [ENTRY]
    d = float(distance_m(lon0, lat0, ev["lon"].iloc[0], ev["lat"].iloc[0]))
    assert d == pytest.approx(12 * NMI_IN_M, rel=0.002)


# ------------------------------------------------------------------ flags
def test_events_inside_a_data_gap_are_inferred(zones):
    # AIS every minute going west, a 3-hour hole across the 123°E edge, then every minute again
    # and back east across it: the first entry is inferred, the exit is seen.
    t = pd.Timestamp(T0)
    west = [(t + pd.Timedelta(minutes=m), 123.3 - 0.01 * m, 24.0) for m in range(11)]
    hole = t + pd.Timedelta(hours=3)
    back = [(hole + pd.Timedelta(minutes=m), 122.9 + 0.01 * m, 24.0) for m in range(21)]
    ev = compute_zone_events(tracks(("G", [*west, *back], "ship")), [zones["taiwan_adiz"]])
    assert list(ev["event"]) == [ENTRY, EXIT]
    assert list(ev["across_gap"]) == [True, False]
    # the same positions traced by hand (vertices, not samples) have no gaps
    from dataclasses import replace

    traced = replace(tracks(("G", [*west, *back], "ship")), traced=True)
    assert not compute_zone_events(traced, [zones["taiwan_adiz"]])["across_gap"].any()


def test_median_line_crossings_near_the_line_depend_on_its_drawing(zones):
    median = zones["median_line"]

    # The line runs south-west to north-east through 120°E 25°N; 0.02° of longitude east of
    # it is about 1.4 km from it, 0.3° about 21 km.
    def crossings(*lons):
        fixes = [
            (pd.Timestamp(T0) + pd.Timedelta(minutes=10 * i), lon, 25.0)
            for i, lon in enumerate(lons)
        ]
        return compute_zone_events(tracks(("N", fixes, "fighter")), [median])

    d = distance_to_drawn_m([120.02, 120.3, 119.7], [25.0] * 3, median.geometry)
    assert 1000 < d[0] < 2000 and d[1] > 15000 and d[2] > 15000
    assert list(crossings(119.7, 120.3)["near_line"]) == [False]  # well across
    assert list(crossings(119.7, 120.02)["near_line"]) == [True]  # ends 1.4 km across
    # across and back while staying within 1.4 km: both crossings could vanish
    assert list(crossings(119.7, 120.02, 119.7)["near_line"]) == [True, True]
    assert list(crossings(119.7, 120.02, 120.3)["near_line"]) == [False]  # then goes on


# ------------------------------------------------------------------ edge cases
def test_nothing_to_cross():
    line = Zone("l", "line", LINE, shapely.LineString([(0, 0), (1, 1)]))
    ts = tracks(("Z", [(T0, 120.0, 22.0), ("2021-10-04T00:01Z", 120.1, 22.0)], "ship"))
    assert len(compute_zone_events(ts, [line])) == 0
    with pytest.raises(ValueError, match="kind must be"):
        compute_zone_events(ts, [Zone("p", "p", "point", shapely.Point(0, 0))])


def test_at_keeps_only_the_zones_in_force(zones):
    ts = tracks(
        (
            "N",
            [("2025-12-30T09:00+08:00", 121.4, 26.1), ("2025-12-30T10:00+08:00", 122.9, 26.1)],
            "ship",
        )
    )
    north = zones["exercise_2025_12:north"]
    assert len(compute_zone_events(ts, [north], at=datetime(2025, 12, 30, 3, tzinfo=UTC))) == 2
    assert len(compute_zone_events(ts, [north], at=datetime(2025, 12, 31, tzinfo=UTC))) == 0


@pytest.mark.parametrize("crs", ["webmercator", "equirectangular", "EPSG:3826"])
def test_events_follow_the_map_projection(crs):
    # the segment is straight in the chosen projection: where it meets the edge is found here
    # with pyproj directly; a projection that cannot show the region gives no events
    from pyproj import Transformer

    from viewer.core.projection import Projection
    from viewer.core.tracks import TrackSet

    projection = Projection.from_user_input(crs)
    frame = pd.DataFrame(
        {
            "track_id": "A",
            "time": pd.to_datetime([0, 600], unit="s", utc=True),
            "lon": [123.5, 122.0],
            "lat": [24.0, 26.0],
        }
    )
    taiwan = next(z for z in load_catalog().analysis_zones() if z.id == "taiwan_adiz")
    ev = compute_zone_events(TrackSet.from_frame(frame, projection), [taiwan])
    fwd = Transformer.from_crs("EPSG:4326", projection.crs, always_xy=True)
    a, b = np.column_stack(fwd.transform(frame["lon"], frame["lat"]))
    edge = shapely.transform(
        taiwan.geometry.boundary, lambda c: np.column_stack(fwd.transform(*c.T))
    )
    hit = shapely.get_coordinates(shapely.intersection(shapely.LineString([a, b]), edge))
    (f,) = np.hypot(*(hit - a).T) / np.hypot(*(b - a))
    assert list(ev["event"]) == [ENTRY]
    assert ev["time"][0].timestamp() == pytest.approx(600 * f, abs=1e-3)
    assert ev["lon"][0] == pytest.approx(123.0, abs=1e-6)  # on the 123°E edge as drawn
    hidden = Projection.from_user_input("+proj=ortho +lon_0=-60 +lat_0=0")
    assert len(compute_zone_events(TrackSet.from_frame(frame, hidden), [taiwan])) == 0


def test_single_fixes_and_no_zones(zones):
    taiwan = zones["taiwan_adiz"]
    ts = tracks(("IN", [(T0, 120.0, 24.0)], "ship"), ("OUT", [(T0, 125.0, 24.0)], "ship"))
    ev = compute_zone_events(ts, [taiwan])
    assert list(ev["track_id"]) == ["IN"] and bool(ev["at_track_start"][0])
    assert ev["seconds_inside"][0] == 0.0
    empty = compute_zone_events(ts, [])
    assert len(empty) == 0 and tuple(empty.columns) == EVENT_COLUMNS
