"""Zone events against independently computed answers (issue 6)."""

import itertools
from datetime import UTC, datetime

import numpy as np
import pandas as pd
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.catalog import load_catalog
from viewer.core.constants import NMI_IN_M
from viewer.core.tracks import TrackSet
from viewer.core.zones import AREA, CROSSING, ENTRY, EXIT, LINE, Zone, compute_zone_events

T0 = pd.Timestamp("2021-10-04T00:00:00Z")


def tracks(*specs):
    """specs: (track_id, [(minutes, lon, lat), ...], kind)"""
    rows = []
    for tid, fixes, kind in specs:
        for m, lon, lat in fixes:
            rows.append(
                {
                    "track_id": tid,
                    "time": T0 + pd.Timedelta(minutes=m),
                    "lon": lon,
                    "lat": lat,
                    "kind": kind,
                }
            )
    return TrackSet.from_frame(pd.DataFrame(rows))


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def taiwan(catalog):
    return next(z for z in catalog.analysis_zones() if z.id == "taiwan_adiz")


@pytest.fixture(scope="module")
def median(catalog):
    return next(z for z in catalog.analysis_zones() if z.id == "median_line")


def test_straight_track_across_the_published_south_east_edge(taiwan):
    # The SE edge runs from 123°E 22.5°N to 121.5°E 21°N: the line lat = lon - 100.5.
    # A track along 22°N from 124°E (outside) to 121°E (inside) crosses it at 122.5°E.
    # At a constant 0.1° per minute from 124°E, it reaches 122.5°E after 15 minutes.
    ts = tracks(("A", [(0, 124.0, 22.0), (30, 121.0, 22.0)], "fighter"))
    ev = compute_zone_events(ts, [taiwan])
    assert list(ev["event"]) == [ENTRY]
    row = ev.iloc[0]
    assert row["lon"] == pytest.approx(122.5, abs=1e-9) and row["lat"] == pytest.approx(22.0)
    assert row["time"] == T0 + pd.Timedelta(minutes=15)
    assert row["seconds_inside"] == pytest.approx(15 * 60)
    assert row["approximate"]  # the Taiwan ADIZ has uncertain edges: events say so
    assert not row["at_track_start"]


def test_touching_the_boundary_without_entering_gives_no_event(taiwan):
    # along 124°E, then touch the 123°E edge at 24°N, then back out
    ts = tracks(("T", [(0, 124.0, 24.0), (10, 123.0, 24.0), (20, 124.0, 24.1)], "ship"))
    assert len(compute_zone_events(ts, [taiwan])) == 0


def test_enter_and_leave_twice(taiwan):
    fixes = [
        (0, 123.5, 25.0),
        (10, 122.5, 25.0),
        (20, 123.5, 25.0),
        (30, 122.5, 25.0),
        (40, 123.5, 25.0),
    ]
    ev = compute_zone_events(tracks(("W", fixes, "isr")), [taiwan])
    assert list(ev["event"]) == [ENTRY, EXIT, ENTRY, EXIT]
    minutes = [(t - T0).total_seconds() / 60 for t in ev["time"]]
    assert minutes == pytest.approx([5, 15, 25, 35])
    assert list(ev["seconds_inside"]) == pytest.approx([600, 600, 600, 600])


def test_median_line_crossed_both_ways_with_sides(median):
    # The line joins 27°N 122°E and 23°N 118°E: lat = lon - 95. At 25°N it is at 120°E.
    fixes = [(0, 119.0, 25.0), (10, 121.0, 25.0), (20, 119.0, 25.0)]
    ev = compute_zone_events(tracks(("M", fixes, "fighter")), [median])
    assert list(ev["event"]) == [CROSSING, CROSSING]
    assert list(ev["side"]) == ["east", "west"]
    assert list(ev["lon"]) == pytest.approx([120.0, 120.0])
    assert [(t - T0).total_seconds() for t in ev["time"]] == pytest.approx([300, 900])


def test_sparse_track_crossing_time_is_interpolated(taiwan):
    # one fix every 10 minutes; the 123°E edge is crossed between fixes 2 and 3
    lons = [125.0, 124.2, 123.4, 122.6, 121.8]
    ev = compute_zone_events(
        tracks(("S", [(10 * i, x, 24.0) for i, x in enumerate(lons)], "bomber")), [taiwan]
    )
    assert list(ev["event"]) == [ENTRY]
    expected = 20 + 10 * (123.4 - 123.0) / (123.4 - 122.6)  # minutes, linear along the leg
    assert (ev["time"].iloc[0] - T0).total_seconds() == pytest.approx(expected * 60, abs=1e-3)


def test_track_starting_inside_is_flagged(taiwan):
    ev = compute_zone_events(tracks(("I", [(0, 120.0, 24.0), (10, 124.0, 24.0)], "uav")), [taiwan])
    assert list(ev["event"]) == [ENTRY, EXIT]
    assert list(ev["at_track_start"]) == [True, False]


def test_time_bound_zones_only_give_events_while_in_force():
    box = shapely.box(120.0, 20.0, 121.0, 21.0)
    zone = Zone(
        "ex",
        "exercise",
        AREA,
        box,
        valid_from=datetime(2021, 10, 4, 1, tzinfo=UTC),
        valid_to=datetime(2021, 10, 5, tzinfo=UTC),
    )
    early = tracks(("E", [(0, 119.5, 20.5), (10, 120.5, 20.5)], "ship"))
    late = tracks(("L", [(120, 119.5, 20.5), (130, 120.5, 20.5)], "ship"))
    assert len(compute_zone_events(early, [zone])) == 0
    assert len(compute_zone_events(late, [zone])) == 1
    assert len(compute_zone_events(late, [zone], at=datetime(2021, 9, 1, tzinfo=UTC))) == 0


def test_senkaku_territorial_sea_entry_at_twelve_nautical_miles(catalog):
    from viewer.core.geodesy import WGS84_GEOD, distance_m

    ts_zone = next(z for z in catalog.analysis_zones() if z.id == "senkaku_12nmi")
    lon0, lat0 = 123.47333, 25.74333  # Uotsuri-jima
    # due west of Uotsuri, heading east towards it; west is away from the other islets
    far_lon, far_lat, _ = WGS84_GEOD.fwd(lon0, lat0, 270.0, 30 * NMI_IN_M)
    near_lon, near_lat, _ = WGS84_GEOD.fwd(lon0, lat0, 270.0, 5 * NMI_IN_M)
    ev = compute_zone_events(
        tracks(("C", [(0, far_lon, far_lat), (60, near_lon, near_lat)], "ship")), [ts_zone]
    )
    assert list(ev["event"]) == [ENTRY]
    d = float(distance_m(lon0, lat0, ev["lon"].iloc[0], ev["lat"].iloc[0]))
    assert d == pytest.approx(12 * NMI_IN_M, rel=0.002)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(118, 126), st.floats(19, 30)), min_size=2, max_size=40))
def test_entries_and_exits_alternate_and_match_status_changes(points):
    box = shapely.box(120.0, 22.0, 124.0, 26.0)
    zone = Zone("box", "box", AREA, box)
    ts = tracks(("R", [(i, x, y) for i, (x, y) in enumerate(points)], "unknown"))
    ev = compute_zone_events(ts, [zone])
    inside = shapely.contains_xy(box, ts.lon, ts.lat)
    changes = int(np.sum(inside[1:] != inside[:-1])) + int(inside[0])
    assert len(ev) == changes
    kinds = list(ev["event"])
    assert all(a != b for a, b in itertools.pairwise(kinds))
    if kinds:
        assert kinds[0] == ENTRY
    assert ev["time"].is_monotonic_increasing


def test_line_zone_without_crossings_gives_nothing():
    line = Zone("l", "line", LINE, shapely.LineString([(0, 0), (1, 1)]))
    ts = tracks(("Z", [(0, 120.0, 22.0), (1, 120.1, 22.0)], "ship"))
    assert len(compute_zone_events(ts, [line])) == 0
