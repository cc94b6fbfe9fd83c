"""Pixel probes: the colour at the screen position of a known coordinate (STYLE.md rule 9)."""

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from viewer.core.projection import Projection
from viewer.render.layer_painters import SEA
from viewer.render.map_scene import MapScene

TAIWAN_BLUE = QColor("#0072B2")
MEDIAN_BLACK = QColor("#222222")


def probe(image, lon, lat, scene, view, radius=2):
    """All colours in a (2r+1)² square around the screen position of (lon, lat)."""
    x, y = scene.state.projection.forward(np.array([lon]), np.array([lat]))
    sx, sy = view.to_screen(x, y)
    cx, cy = round(float(sx[0])), round(float(sy[0]))
    assert 0 <= cx < image.width() and 0 <= cy < image.height(), (lon, lat, cx, cy)
    return [
        image.pixelColor(cx + dx, cy + dy)
        for dx in range(-radius, radius + 1)
        for dy in range(-radius, radius + 1)
    ]


def near(c: QColor, target: QColor, tol: int = 40) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(c.getRgb()[:3], target.getRgb()[:3], strict=True))


@pytest.fixture
def scene(qapp, state):
    return MapScene(state)


@pytest.mark.parametrize("crs", ["lcc", "webmercator", "equirectangular", "EPSG:3826"])
def test_taiwan_adiz_outline_is_drawn_at_its_published_vertex(scene, crs):
    scene.state.set_projection(Projection.from_user_input(crs))
    view = scene.home_view(1200, 900)
    image = scene.render_image(view)
    # 22°30'N 123°E: published vertex of the Taiwan ADIZ (S1).
    colours = probe(image, 123.0, 22.5, scene, view)
    assert any(near(c, TAIWAN_BLUE) for c in colours), [c.name() for c in colours]
    # and the open sea well away from every layer is sea-coloured
    far = probe(image, 128.7, 24.7, scene, view, radius=0)  # open sea, off the graticule
    assert near(far[0], SEA, tol=12), far[0].name()


def test_median_line_is_drawn_between_its_published_ends(scene):
    view = scene.home_view(1200, 900)
    image = scene.render_image(view)
    mid = probe(image, 120.0, 25.0, scene, view)  # halfway along 27N 122E - 23N 118E
    assert any(near(c, MEDIAN_BLACK, tol=60) for c in mid)


def test_hiding_a_layer_removes_it_from_the_picture(scene):
    view = scene.home_view(1200, 900)
    scene.state.update_layer("taiwan_adiz", visible=False)
    image = scene.render_image(view)
    colours = probe(image, 121.5, 21.0, scene, view)  # south-east corner, far from other layers
    assert not any(near(c, TAIWAN_BLUE) for c in colours)


def test_uncertain_edges_are_dashed_and_official_edges_solid(scene):
    view = scene.home_view(1200, 900)
    image = scene.render_image(view)

    def run_of(lon0, lat0, lon1, lat1):
        lons, lats = np.linspace(lon0, lon1, 200), np.linspace(lat0, lat1, 200)
        x, y = scene.state.projection.forward(lons, lats)
        sx, sy = view.to_screen(x, y)
        hits = []
        for px, py in zip(np.round(sx).astype(int), np.round(sy).astype(int), strict=True):
            hits.append(
                any(near(image.pixelColor(px + d, py), TAIWAN_BLUE, 50) for d in (-1, 0, 1))
            )
        return np.array(hits)

    official = run_of(122.9, 22.4, 121.6, 21.1)  # SE edge, published (S1)
    uncertain = run_of(117.5, 21.5, 117.5, 28.5)  # west edge at 117.5E, the usual drawing
    assert official.mean() > 0.95
    assert 0.3 < uncertain.mean() < 0.85  # dashes: gaps between strokes


def test_naming_setting_changes_labels(scene):
    view = scene.view_of_lonlat((123.2, 25.5, 124.8, 26.1), 1000, 600)
    scene.state.set_naming("en")
    en = scene.render_image(view)
    scene.state.set_naming("ja")
    ja = scene.render_image(view)
    assert en != ja


def test_map_works_across_the_antimeridian(scene):
    from viewer.core.view import MapView
    from viewer.render.layer_painters import LAND

    scene.state.set_projection(Projection.from_user_input("webmercator"))
    view = MapView(20037508.0, 0.0, 12000.0, 1000, 700)  # centred on 180°
    image = scene.render_image(view)
    # Hawaii's Big Island (19.6°N 155.5°W) lies east of the antimeridian: drawn on the right.
    x, y = scene.state.projection.forward(np.array([-155.5]), np.array([19.6]))
    sx, sy = view.to_screen(x + scene.state.projection.wrap_width, y)
    assert 500 < sx[0] < 1000
    colours = [image.pixelColor(round(sx[0]) + d, round(sy[0])) for d in (-1, 0, 1)]
    assert any(near(c, LAND, tol=10) for c in colours), [c.name() for c in colours]


@pytest.mark.parametrize(
    ("box", "crs"),
    [
        ((-10, 35, 30, 60), "webmercator"),
        ((-80, -40, -30, 10), "equirectangular"),
        ((-180, -80, 180, 80), "equirectangular"),
        ((140, 30, 150, 45), "lcc"),
    ],
)
def test_anywhere_on_earth_draws_land(scene, box, crs):
    from viewer.render.layer_painters import LAND

    scene.state.set_projection(Projection.from_user_input(crs))
    view = scene.view_of_lonlat(box, 600, 400)
    image = scene.render_image(view)
    land = sum(
        near(image.pixelColor(x, y), LAND, tol=6)
        for x in range(0, 600, 10)
        for y in range(0, 400, 10)
    )
    assert land > 100  # every box has a continent in it


def test_exercise_zones_are_drawn_only_in_their_published_hours(scene):
    # S8: the Justice Mission-2025 zones were in force on 30 Dec 2025, 08:00-18:00 UTC+8; the
    # replay clock shows them then and only then (the same instants as the zone events)
    import pandas as pd

    scene.state.update_layer("exercise_2025_12", visible=True)
    view = scene.home_view(1200, 900)
    red = QColor("#B2182B")
    for when, shown in [
        ("2025-12-29T12:00:00+08:00", False),
        ("2025-12-30T07:59:59+08:00", False),
        ("2025-12-30T08:00:00+08:00", True),
        ("2025-12-30T17:59:59+08:00", True),
        ("2025-12-30T18:00:00+08:00", False),
    ]:
        scene.state.follow_clock(pd.Timestamp(when).timestamp())
        image = scene.render_image(view)
        edge = probe(image, 121.66667, 26.3, scene, view)  # the north zone's west edge
        assert any(near(c, red, tol=50) for c in edge) == shown, when


@pytest.mark.parametrize("size", [(615, 507), (1024, 768), (800, 600), (1920, 1080)])
def test_degree_labels_never_sit_on_each_other_at_the_corner(scene, size):
    """A parallel meeting the left edge near the bottom would put its latitude on the first
    meridian's longitude ("15°N" over "110°E", seen in a 1024x768 window): it is left out."""
    w, h = size
    corner_cases = 0
    moves = [(dx, dy) for dx in (0.0, 1.0, 1.5, 2.0) for dy in np.linspace(-2.5, 2.5, 21)]
    for dx, dy in moves:  # the region's view moved east, north and south
        view = scene.view_of_lonlat((108.0 + dx, 14.0 + dy, 132.0 + dx, 32.0 + dy), w, h)
        scene.graticule.label_boxes = []
        image = QImage(w, h, QImage.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        scene.graticule.paint(painter, scene.context(view))  # the graticule alone: quick
        painter.end()
        boxes = scene.graticule.label_boxes
        assert boxes
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert not a.adjusted(2, 2, -2, -2).intersects(b.adjusted(2, 2, -2, -2)), (a, b)
        corner_cases += any(b.left() < 10 and b.bottom() > h - 30 for b in boxes)
    assert corner_cases  # some views did put a latitude in that corner
