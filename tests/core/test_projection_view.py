"""Display projections and the view maths: points stay where they are on Earth."""

import itertools

import numpy as np
import pytest

from viewer.core.projection import PRESETS, Projection
from viewer.core.view import MapView

KNOWN = (
    np.array([123.47333, 121.5, 117.5, -70.0, 2.35]),
    np.array([25.74333, 21.0, 29.0, -33.4, 48.86]),
)


@pytest.mark.parametrize("text", [*PRESETS, "EPSG:3826", "3857", "EPSG:32651"])
def test_forward_inverse_round_trip(text):
    p = Projection.from_user_input(text)
    lon, lat = KNOWN[0][:3], KNOWN[1][:3]
    x, y = p.forward(lon, lat)
    back_lon, back_lat = p.inverse(x, y)
    np.testing.assert_allclose(back_lon, lon, atol=1e-7)
    np.testing.assert_allclose(back_lat, lat, atol=1e-7)


def test_unknown_and_geographic_crs_give_clear_errors():
    with pytest.raises(ValueError, match="unknown coordinate reference system 'EPSG:99999'"):
        Projection.from_user_input("EPSG:99999")
    with pytest.raises(ValueError, match="geographic CRS"):
        Projection.from_user_input("EPSG:4326")


def test_points_outside_the_projection_become_nan_not_garbage():
    # The south pole is the point at infinity of a conic projection with northern parallels.
    p = Projection.from_user_input("lcc")
    x, y = p.forward(np.array([-60.0, 10.0]), np.array([-90.0, 10.0]))
    assert np.isnan(x[0]) and np.isnan(y[0])
    assert np.isfinite(x[1]) and np.isfinite(y[1])


def test_zoom_keeps_the_point_under_the_cursor():
    v = MapView(1000.0, -500.0, 250.0, 800, 600)
    before = v.to_map(np.array([123.0]), np.array([456.0]))
    z = v.zoomed(2.0, 123.0, 456.0)
    after = z.to_map(np.array([123.0]), np.array([456.0]))
    assert z.scale == pytest.approx(125.0)
    np.testing.assert_allclose(before, after)


def test_pan_moves_content_with_the_mouse():
    v = MapView(0.0, 0.0, 10.0, 100, 100)
    x, y = v.to_map(np.array([50.0]), np.array([50.0]))
    p = v.panned(10, -20)  # drag right and up
    sx, sy = p.to_screen(x, y)
    np.testing.assert_allclose([sx[0], sy[0]], [60.0, 30.0])


def test_fitted_shows_the_whole_extent():
    v = MapView(0.0, 0.0, 1.0, 400, 200).fitted(-1000, -1000, 3000, 1000)
    xmin, ymin, xmax, ymax = v.extent()
    assert xmin <= -1000 and xmax >= 3000 and ymin <= -1000 and ymax >= 1000


def test_the_region_lcc_forward_equals_proj_everywhere():
    # the default projection has a NumPy forward (speed); it must agree with PROJ's
    from pyproj import Transformer

    from viewer.core.constants import REGION_LCC, WGS84

    rng = np.random.default_rng(4)
    lon = np.concatenate(
        [rng.uniform(-180, 180, 300_000), [-180, 180, -59, 121, 301, 0, 10, np.nan, 5, 5]]
    )
    lat = np.concatenate(
        [rng.uniform(-89.9, 90, 300_000), [0, 0, 10, 25, 10, 90, -90, 10, np.nan, 91]]
    )
    x, y = Projection.from_user_input("lcc").forward(lon, lat)
    px, py = Transformer.from_crs(WGS84, REGION_LCC, always_xy=True).transform(lon, lat)
    px, py = np.asarray(px), np.asarray(py)
    ok = np.isfinite(px) & np.isfinite(py)
    np.testing.assert_array_equal(np.isfinite(x) & np.isfinite(y), ok)
    near = ok & (np.hypot(px, py) < 1e7)  # within 10,000 km of the map's centre: a micrometre
    np.testing.assert_allclose(x[near], px[near], rtol=0, atol=1e-6)
    np.testing.assert_allclose(y[near], py[near], rtol=0, atol=1e-6)
    miss = np.hypot(x[ok] - px[ok], y[ok] - py[ok])  # farther out, near the other pole:
    assert (miss <= 1e-6 + 1e-7 * np.hypot(px[ok], py[ok])).all()  # 1e-7 of the distance
    assert np.isnan(x[-1]) and np.isnan(x[-4])  # latitude 91 and the south pole: no point
    assert not (np.isinf(x).any() or np.isinf(y).any())  # NaN, never infinite


def test_large_inputs_project_in_two_halves_like_small_ones():
    p = Projection.from_user_input("EPSG:3857")
    rng = np.random.default_rng(5)
    lon, lat = rng.uniform(-180, 180, 400_001), rng.uniform(-85, 85, 400_001)
    x, y = p.forward(lon, lat)
    xs, _ = p.forward(lon[:1000], lat[:1000])
    assert x.shape == (400_001,)
    np.testing.assert_array_equal(x[:1000], xs)
    np.testing.assert_array_equal(y[-1:], p.forward(lon[-1:], lat[-1:])[1])


def test_each_point_projects_the_same_whatever_the_pieces():
    # the CSV freeze projects in pieces on two threads; the table's way projects at once
    rng = np.random.default_rng(6)
    lon = np.concatenate([rng.uniform(100, 140, 5000), rng.uniform(-180, 180, 50), [301.0]])
    lat = rng.uniform(-60, 80, len(lon))
    p = Projection.from_user_input("lcc")
    x, y = p.forward(lon, lat)
    cuts = [0, 1, 2, 700, 4999, 5010, len(lon)]
    for a, b in itertools.pairwise(cuts):
        xs, ys = p.forward(lon[a:b], lat[a:b])
        np.testing.assert_array_equal(xs, x[a:b])
        np.testing.assert_array_equal(ys, y[a:b])
