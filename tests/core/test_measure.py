"""Range, bearing, rings and closest approach against pyproj's Geod (to 1 m)."""

import numpy as np
import pandas as pd
import pytest
from pyproj import Geod

from viewer.core.constants import NMI_IN_M
from viewer.core.geodesy import distance_m
from viewer.core.measure import approach_places, closest_approach, range_and_bearing, range_rings
from viewer.core.tracks import TrackSet

GEOD = Geod(ellps="WGS84")


@pytest.mark.parametrize(
    ("a", "b"),
    [((121.5, 25.0), (123.47333, 25.74333)), ((118.0, 23.0), (122.0, 27.0)), ((0, 0), (10, 10))],
)
def test_range_and_bearing_match_geod(a, b):
    got = range_and_bearing(*a, *b)
    az, back, dist = GEOD.inv(*a, *b)
    assert got.metres == pytest.approx(dist, abs=1.0)
    assert got.bearing_deg == pytest.approx(az % 360, abs=1e-9)
    assert got.back_bearing_deg == pytest.approx(back % 360, abs=1e-9)
    assert got.nmi == pytest.approx(dist / 1852.0)


def test_twelve_nautical_miles_is_22224_metres_exactly():
    assert 12 * NMI_IN_M == 22224.0
    ((_, ring),) = range_rings(123.47333, 25.74333, 12.0, 1)
    d = distance_m(123.47333, 25.74333, ring[:, 0], ring[:, 1])
    assert np.allclose(d, 22224.0, atol=1e-3)


def test_rings_every_twelve_nautical_miles():
    rings = range_rings(121.0, 24.0, 12.0, 3)
    assert [r for r, _ in rings] == [12.0, 24.0, 36.0]
    with pytest.raises(ValueError, match="positive step"):
        range_rings(121.0, 24.0, 0.0, 3)


def test_closest_approach_to_a_point_and_to_taiwan():
    # a track along 25°N passing north of Irizaki (24.44944N 122.93361E)
    t0 = pd.Timestamp("2021-10-04T00:00:00Z")
    lons = np.linspace(122.0, 124.0, 201)
    frame = pd.DataFrame(
        {
            "track_id": "A",
            "time": [t0 + pd.Timedelta(minutes=i) for i in range(201)],
            "lon": lons,
            "lat": 25.0,
        }
    )
    ts = TrackSet.from_frame(frame)
    places = approach_places()
    ca = closest_approach(ts, 0, places["Yonaguni (Irizaki)"])
    expected = float(np.min(distance_m(lons, np.full_like(lons, 25.0), 122.93361, 24.44944)))
    assert ca.metres == pytest.approx(expected, abs=1.0)
    assert ca.lon == pytest.approx(122.93, abs=0.011)
    taiwan = closest_approach(ts, 0, places["Taiwan (coast)"])
    assert 0 < taiwan.nmi < 40  # Taiwan's north-east cape is about 25°N 122°E
