"""View > High-contrast theme: pixel probes of what it changes — background, outline widths,
trail widths, label size and WCAG contrast of labels against what is behind them."""

from collections import Counter

import pandas as pd
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QImage

from viewer.render.layer_painters import SEA
from viewer.render.map_scene import MapScene
from viewer.render.theme import HIGH_CONTRAST, NORMAL

OPEN_SEA = (125.5, 19.0, 129.5, 22.0)  # no coast, no zone: only graticule, labels, overlays
T0 = pd.Timestamp("2021-10-04T00:00:00Z").timestamp()


def luminance(c: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def lin(v: int) -> float:
        s = v / 255.0
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.red()) + 0.7152 * lin(c.green()) + 0.0722 * lin(c.blue())


def contrast(image: QImage, x0: int, y0: int, x1: int, y1: int) -> float:
    """WCAG contrast ratio of dark text in a box: its darkest pixel against the box's most
    common colour (what is behind the text: halo, panel or map)."""
    colours = Counter(image.pixel(x, y) for x in range(x0, x1) for y in range(y0, y1))
    background = luminance(QColor.fromRgb(colours.most_common(1)[0][0]))
    text = min(luminance(QColor.fromRgb(c)) for c in colours)
    return (background + 0.05) / (text + 0.05)


def dark_rows(image: QImage, x0: int, x1: int, y0: int, y1: int, limit: int = 100) -> list[int]:
    return [
        y
        for y in range(y0, y1)
        if any(image.pixelColor(x, y).lightness() < limit for x in range(x0, x1))
    ]


@pytest.fixture
def scene(qapp, state):
    return MapScene(state)


def render(scene: MapScene, theme, box=None, size=(800, 600)):
    scene.theme = theme
    view = scene.view_of_lonlat(box, *size) if box else scene.home_view(*size)
    return scene.render_image(view), view


def test_background_is_white_and_land_grey(scene):
    normal, _ = render(scene, NORMAL, OPEN_SEA)
    high, _ = render(scene, HIGH_CONTRAST, OPEN_SEA)
    assert normal.pixelColor(400, 250) == SEA
    assert high.pixelColor(400, 250) == QColor("#ffffff")
    # inland China (no zone there) is grey, distinct from the white sea
    land, _ = render(scene, HIGH_CONTRAST, (111.0, 24.0, 113.0, 26.0))
    assert land.pixelColor(370, 270) == QColor(HIGH_CONTRAST.land)  # off the 25°N 112°E lines


def median_line_run(scene, theme) -> int:
    """Width in pixels of the median line where a row crosses it (between 23°N 118°E and
    27°N 122°E, in the open strait at 25°N 120°E; the line's name, beside it there, left out)."""
    scene.labels.enabled = False
    image, view = render(scene, theme)
    x, y = scene.state.projection.forward([120.0], [25.0])
    sx, sy = view.to_screen(x, y)
    cx, row = round(sx[0]), round(sy[0])
    dark = [x for x in range(cx - 20, cx + 21) if image.pixelColor(x, row).lightness() < 110]
    assert dark, "the median line is not where it should be"
    return max(dark) - min(dark) + 1


def test_zone_outlines_are_wider(scene):
    normal, high = median_line_run(scene, NORMAL), median_line_run(scene, HIGH_CONTRAST)
    assert high >= 1.8 * normal, (normal, high)


def test_graticule_labels_are_larger_and_reach_7_to_1(scene):
    normal, _ = render(scene, NORMAL, OPEN_SEA)
    high, _ = render(scene, HIGH_CONTRAST, OPEN_SEA)
    # the parallels' labels down the left edge, above the scale bar
    c_normal = contrast(normal, 2, 30, 38, 420)
    c_high = contrast(high, 2, 30, 38, 420)
    assert c_high >= 7.0, c_high
    assert c_normal < 7.0, c_normal  # why the theme exists: grey-blue on pale blue

    # the glyphs are taller: the first label's dark rows
    def first_label_height(image):
        rows = dark_rows(image, 2, 38, 30, 420, limit=140)
        band = [rows[0]]
        for r in rows[1:]:
            if r != band[-1] + 1:
                break
            band.append(r)
        return len(band)

    assert first_label_height(high) > first_label_height(normal)


def test_clock_and_legend_panels_reach_7_to_1_and_do_not_overlap(scene):
    from viewer.render.overlays import paint_clock

    drawn = {}

    def clock(p, ctx):
        drawn["legend"] = scene.legend.rect(ctx)
        drawn["clock"] = paint_clock(p, ctx, T0, avoid=drawn["legend"])

    scene.overlays.append(clock)
    image, _ = render(scene, HIGH_CONTRAST, OPEN_SEA)
    # on this narrow picture the bold legend reaches the centre: the clock goes above it
    assert not drawn["clock"].intersects(drawn["legend"])
    for rect in (drawn["clock"], drawn["legend"]):
        inner = rect.toRect().adjusted(4, 4, -4, -4)  # inside the frame
        assert contrast(image, inner.left(), inner.top(), inner.right(), inner.bottom()) >= 7.0


@pytest.fixture
def hc_window(window):
    yield window
    window.display.set_high_contrast(False)  # QSettings are shared by the test session


def test_trails_are_wider_and_labels_boxed(qtbot, hc_window, tmp_path):
    w = hc_window
    path = tmp_path / "east.csv"
    rows = [f"EAST1,2021-10-04T00:{m:02d}:00Z,22.0,{119 + m / 30:.4f},J-16" for m in range(60)]
    path.write_text("callsign,time,lat,lon,type\n" + "\n".join(rows) + "\n")
    w.open_files([str(path)])
    qtbot.waitUntil(lambda: len(w.session.tracks.items) == 1, timeout=10_000)
    w.session.timeline.set_time(T0 + 3000.0)
    sx, sy = w.canvas.screen_of(119.6, 22.0)  # on the trail, behind the head

    def trail_height() -> int:
        image = w.scene.render_image(w.canvas.view)
        background = image.pixelColor(round(sx), round(sy) - 25)
        column = [
            y
            for y in range(round(sy) - 12, round(sy) + 13)
            if image.pixelColor(round(sx), y) != background
        ]
        return len(column)

    normal = trail_height()
    w.display.high_contrast_act.trigger()
    assert w.scene.theme is HIGH_CONTRAST
    high = trail_height()
    assert high >= normal + 3, (normal, high)
    # the head's label: bold black on an opaque white box
    image = w.scene.render_image(w.canvas.view)
    hx, hy = w.canvas.screen_of(119 + 50 / 30, 22.0)
    size = 9.0 * HIGH_CONTRAST.scale
    x0, y0 = round(hx + size + 5), round(hy - 6)
    assert contrast(image, x0, y0, x0 + 30, y0 + 12) >= 7.0


def test_toggle_persists_and_works_while_presenting(qtbot, hc_window, state):
    from viewer.core.catalog import load_catalog
    from viewer.core.map_state import MapState
    from viewer.core.session import Session
    from viewer.qt.display_controller import HIGH_CONTRAST_KEY
    from viewer.qt.main_window import MainWindow

    w = hc_window
    w.briefings.set_presentation(True)
    assert not w.menuBar().isVisible()
    w.activateWindow()
    qtbot.keyClick(w.canvas, Qt.Key_H, Qt.ControlModifier | Qt.ShiftModifier)
    assert w.scene.theme is HIGH_CONTRAST and w.display.high_contrast_act.isChecked()
    assert QSettings("adiz-viewer", "adiz-viewer").value(HIGH_CONTRAST_KEY) in (True, "true")
    # the map on screen is repainted at once: white sea, no pale-blue sea left
    shown = w.canvas.grab().toImage()
    grid = [shown.pixelColor(x, y) for x in range(0, shown.width(), 9) for y in range(0, 400, 9)]
    assert SEA not in grid and QColor("#ffffff") in grid
    w.briefings.set_presentation(False)
    second = MainWindow(Session(MapState(load_catalog())))
    qtbot.addWidget(second)
    assert second.scene.theme is NORMAL
    second.restore_settings()
    assert second.scene.theme is HIGH_CONTRAST and second.display.high_contrast_act.isChecked()
    qtbot.keyClick(w.canvas, Qt.Key_H, Qt.ControlModifier | Qt.ShiftModifier)
    assert w.scene.theme is NORMAL
