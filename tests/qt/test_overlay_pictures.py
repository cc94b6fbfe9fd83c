"""The overlays that do not change from frame to frame are drawn once and copied
(`OverlayPictures`): the copy is the picture the overlays draw, and a new view, unit or theme
draws them again."""

import numpy as np
import pytest
from PySide6.QtGui import QImage, QPainter

from viewer.core.units import Units
from viewer.render.map_scene import MapScene
from viewer.render.overlay_layout import SCALE_BAR, overlay_context
from viewer.render.theme import HIGH_CONTRAST


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format_RGB32)
    w, h = image.width(), image.height()
    rows = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * h)
    return rows.reshape(h, image.bytesPerLine())[:, : 4 * w].reshape(h, w, 4)[..., :3].copy()


def with_overlays(scene: MapScene, view, drawn_each: bool = False) -> np.ndarray:
    """The static map and the overlays: through the scene (their pictures), or each overlay
    drawn straight onto the map (``drawn_each``, what the scene did before)."""
    image = scene.static_image(view).copy()
    p = QPainter(image)
    try:
        if drawn_each:
            ctx = overlay_context(scene.context(view))
            boxes = scene.overlay_boxes(view)
            p.setRenderHint(QPainter.Antialiasing, True)
            for overlay in scene.overlays:
                overlay.placed = boxes
                overlay(p, ctx)
        else:
            scene.paint_overlays(p, view)
    finally:
        p.end()
    return pixels(image)


@pytest.fixture
def scene(qapp, state):
    return MapScene(state)


def test_the_copied_overlays_are_the_drawn_ones(scene):
    view = scene.home_view(1280, 800)
    bare = pixels(scene.static_image(view))
    direct = with_overlays(scene, view, drawn_each=True)
    copied = with_overlays(scene, view)
    changed = np.abs(direct.astype(int) - bare).max(axis=2) > 40
    assert changed.sum() > 2000  # the scale bar, source line and legend are there
    # the same picture, to a shade of compositing rounding
    assert np.abs(copied.astype(int) - direct).max() <= 6
    assert (np.abs(copied.astype(int) - bare).max(axis=2) > 40)[changed].mean() > 0.99


def test_a_frame_with_the_same_view_draws_no_overlay_again(scene):
    view = scene.home_view(1280, 800)
    with_overlays(scene, view)
    first = scene.overlay_pictures.drawn
    assert first >= 3
    with_overlays(scene, view)
    with_overlays(scene, view)
    assert scene.overlay_pictures.drawn == first


def test_a_new_view_units_or_theme_draws_them_again(scene):
    view = scene.home_view(1280, 800)
    box = scene.overlay_boxes(view).get(SCALE_BAR)
    assert box is not None

    def scale_bar(pix):
        x0, y0 = int(box.left()), int(box.top())
        return pix[y0 : int(box.bottom()), x0 : int(box.right()) + 40]

    nmi = scale_bar(with_overlays(scene, view))
    drawn = scene.overlay_pictures.drawn
    scene.units = Units(distance="km")
    km = scale_bar(with_overlays(scene, view))
    assert scene.overlay_pictures.drawn > drawn
    assert np.abs(km.astype(int) - nmi).max() > 100  # "100 km" where "50 nmi" was
    assert (
        np.abs(km.astype(int) - scale_bar(with_overlays(scene, view, drawn_each=True))).max() <= 6
    )
    drawn = scene.overlay_pictures.drawn
    zoomed = view.zoomed(3.0, view.width / 2, view.height / 2)
    with_overlays(scene, zoomed)
    assert scene.overlay_pictures.drawn > drawn
    drawn = scene.overlay_pictures.drawn
    scene.theme = HIGH_CONTRAST
    with_overlays(scene, zoomed)
    assert scene.overlay_pictures.drawn > drawn
