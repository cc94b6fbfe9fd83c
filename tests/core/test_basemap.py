"""GSHHG base map: resolution by zoom, tiles, and the Senkaku islets at full resolution."""

import numpy as np
import pytest

from viewer.core.basemap import Basemap, resolution_for_scale, view_lonlat_bbox
from viewer.core.projection import Projection
from viewer.core.view import MapView


@pytest.fixture(scope="module")
def basemap():
    return Basemap()


def test_resolution_follows_the_scale():
    assert resolution_for_scale(50) == "f"
    assert resolution_for_scale(300) == "h"
    assert resolution_for_scale(1500) == "i"
    assert resolution_for_scale(8000) == "l"
    assert resolution_for_scale(50000) == "c"


def test_every_senkaku_islet_of_gshhg_is_drawn_at_full_resolution(basemap):
    box = (123.3, 25.6, 124.7, 26.0)
    rings = []
    for key in basemap.tile_keys("f", box):
        for level, ring in basemap.tile("f", *key).polygons:
            inside = (ring[:, 0] > box[0]) & (ring[:, 0] < box[2])
            inside &= (ring[:, 1] > box[1]) & (ring[:, 1] < box[3])
            if level == 1 and inside.all():
                rings.append(ring)
    # GSHHG full has the Uotsuri group, Kuba-jima and Taisho-jima (9 islets and rocks).
    assert len(rings) >= 9
    east = max(r[:, 0].max() for r in rings)
    assert east > 124.55  # Taisho-jima, the easternmost


def test_tiles_join_without_drawing_their_cut_edges(basemap):
    # Taiwan at intermediate resolution lies in one tile; at full resolution it is cut in 2° tiles.
    box = (119.9, 21.8, 122.1, 25.4)
    for key in basemap.tile_keys("f", box):
        west, south, east, north = basemap.tile_bounds("f", *key)
        for line in basemap.tile("f", *key).coast:
            x, y = line[:, 0], line[:, 1]
            for on_edge in (x == west, x == east, y == south, y == north):
                both = on_edge[:-1] & on_edge[1:]
                assert not both.any(), f"a cut edge of tile {key} is drawn as coastline"


def test_view_bbox_covers_the_view():
    p = Projection.default()
    x, y = p.forward(np.array([118.0, 124.0]), np.array([21.0, 27.0]))
    v = MapView(0, 0, 1, 800, 600).fitted(x[0], y[0], x[1], y[1], margin=0)
    west, south, east, north = view_lonlat_bbox(v, p)
    assert west <= 118.0 and east >= 124.0 and south <= 21.0 and north >= 27.0
    assert east - west < 20


def test_view_of_the_whole_globe_asks_for_all_longitudes():
    p = Projection.from_user_input("webmercator")
    v = MapView(0, 0, 100_000, 600, 600)
    west, _, east, _ = view_lonlat_bbox(v, p)
    assert (west, east) == (-180.0, 180.0)
