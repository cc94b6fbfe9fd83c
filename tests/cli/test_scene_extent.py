"""A scene shows the same geographic extent at any size: rendered at 1280x720 and 1920x1080,
the scene's region (the south-west corner) is inside both pictures — found on the pixels, where
its red outline is drawn — and both show the scene's whole extent."""

import numpy as np
import pytest
from PySide6.QtGui import QImage

from viewer.app import main
from viewer.core.briefing import default_briefing_path, load_briefing, map_units_per_metre
from viewer.core.projection import Projection

SW_CORNER = 1  # "4 October 2021: the south-west corner"


def red_near(image: QImage, x: float, y: float, r: int = 3) -> bool:
    for dx in range(-r, r + 1):
        for dy in range(-r, r + 1):
            c = image.pixelColor(round(x) + dx, round(y) + dy)
            if c.red() > 150 and c.green() < 120 and c.blue() < 120:
                return True
    return False


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_a_scene_shows_its_region_and_extent_at_any_size(tmp_path, qapp, size):
    from viewer.cli.headless import open_session
    from viewer.render.map_scene import MapScene
    from viewer.render.overlay_layout import frame_font_scale

    path = default_briefing_path()
    out = tmp_path / f"scene_{size[0]}.png"
    w, h = size
    assert main(["render", str(path), "--scene", "2", "--size", f"{w}x{h}", "--out", str(out)]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == size
    # the view that picture shows: the same code path (MapScene.scene_view -> Session.map_view)
    session = open_session([str(path)])
    scene = MapScene.for_session(session)
    scene.font_scale = frame_font_scale(w, h)
    session.apply_scene(SW_CORNER)
    view = scene.scene_view(session, w, h, SW_CORNER)
    spec = load_briefing(path).scenes[SW_CORNER].view
    proj = Projection.default()
    west, south, east, north = spec.region
    # the region's corners inside the picture, and its red outline drawn there (the
    # annotation "South-west corner" is that box): midpoints of its four edges
    corners = np.array([(west, south), (east, south), (east, north), (west, north)])
    sx, sy = view.to_screen(*proj.forward(corners[:, 0], corners[:, 1]))
    assert (sx >= 0).all() and (sx <= w).all() and (sy >= 0).all() and (sy <= h).all()
    assert sx.max() - sx.min() > 0.4 * w  # the scene is about it: the same share of both frames
    mids = (corners + np.roll(corners, -1, axis=0)) / 2.0
    mx, my = view.to_screen(*proj.forward(mids[:, 0], mids[:, 1]))
    assert all(red_near(image, x, y) for x, y in zip(mx, my, strict=True))
    # the whole extent shows: one direction exactly, the other with more map
    k = map_units_per_metre(proj, spec.center_lon, spec.center_lat)
    shown_w, shown_h = w * view.scale / k, h * view.scale / k
    assert shown_w >= spec.width_m * 0.999 and shown_h >= spec.height_m * 0.999
