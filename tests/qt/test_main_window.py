"""The window as a user drives it: pan, zoom, CRS switch, clicks, a bad layer file."""

import math

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

pytestmark = pytest.mark.usefixtures("qapp")


def centre_lonlat(window):
    c = window.canvas
    return c.lonlat_at(c.width() / 2, c.height() / 2)


def test_keyboard_pans_and_zooms(qtbot, window):
    canvas = window.canvas
    canvas.setFocus()
    scale = canvas.view.scale
    qtbot.keyClick(canvas, Qt.Key_Plus)
    assert canvas.view.scale < scale
    x = canvas.view.center_x
    qtbot.keyClick(canvas, Qt.Key_Right)
    assert canvas.view.center_x > x
    window.map.home_act.trigger()
    assert canvas.view.scale == pytest.approx(scale)


def test_drag_moves_the_map_with_the_mouse(qtbot, window):
    canvas = window.canvas
    before = canvas.lonlat_at(300, 300)
    qtbot.mousePress(canvas, Qt.LeftButton, pos=QPoint(300, 300))
    qtbot.mouseMove(canvas, QPoint(350, 320))
    qtbot.mouseMove(canvas, QPoint(400, 340))
    qtbot.mouseRelease(canvas, Qt.LeftButton, pos=QPoint(400, 340))
    after = canvas.lonlat_at(400, 340)
    assert after == pytest.approx(before, abs=1e-6)


@pytest.mark.parametrize("crs", ["webmercator", "equirectangular", "EPSG:3826", "lcc"])
def test_crs_switch_keeps_the_place_at_the_centre(window, crs):
    window.canvas.set_view(window.canvas.view.zoomed(3.0), settle=False)
    before = centre_lonlat(window)
    assert window.map.set_projection(crs)
    after = centre_lonlat(window)
    assert after == pytest.approx(before, abs=1e-6)
    # and a known point is drawn where that point is, in the new CRS
    sx, sy = window.canvas.screen_of(121.5, 21.0)
    assert window.canvas.lonlat_at(sx, sy) == pytest.approx((121.5, 21.0), abs=1e-6)


def test_bad_crs_gives_a_message_and_keeps_the_map(window):
    before = window.state.projection
    assert not window.map.set_projection("EPSG:99999")
    assert "EPSG:99999" in window.last_error
    assert window.state.projection is before


def test_bad_user_layer_gives_a_clear_error_and_the_app_keeps_working(window, tmp_path):
    bad = tmp_path / "zones.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": [ {"type": ')
    assert not window.map.add_layer_file(str(bad))
    assert "zones.geojson" in window.last_error and "cannot read" in window.last_error
    empty = tmp_path / "empty.gpkg"
    empty.write_bytes(b"")
    assert not window.map.add_layer_file(str(empty))
    assert "empty" in window.last_error
    image = window.scene.render_image(window.canvas.view)
    assert not image.isNull()


def test_good_user_layer_is_added_and_drawn(window, tmp_path):
    import geopandas as gpd
    import shapely

    path = tmp_path / "my_zone.gpkg"
    gpd.GeoDataFrame(
        {"name": ["practice area"]},
        geometry=[shapely.box(119.0, 23.0, 119.5, 23.5)],
        crs="EPSG:4326",
    ).to_file(path)
    assert window.map.add_layer_file(str(path))
    assert window.state.layers[-1].id == "user:my_zone.gpkg"
    sx, sy = window.canvas.screen_of(119.25, 23.25)
    assert window.canvas.hit_test(sx, sy)[0] == "user:my_zone.gpkg"


def test_clicking_a_layer_shows_its_source(qtbot, window):
    canvas = window.canvas
    sx, sy = canvas.screen_of(120.0, 25.0)  # on the median line
    with qtbot.waitSignal(canvas.layer_clicked) as blocker:
        qtbot.mouseClick(canvas, Qt.LeftButton, pos=QPoint(round(sx), round(sy)))
    assert blocker.args[0] == "median_line"
    text = window.layer_panel.info.toPlainText()
    assert "S1" in text and "Legislative Yuan" in text


def test_cursor_readout_in_decimal_and_degrees_minutes(window):
    window.map._on_cursor_moved(123.47333, 25.74333)
    text = window.map.cursor_label.text()
    assert "25.74333, 123.47333" in text
    assert "25°44.60′N 123°28.40′E" in text
    window.map._on_cursor_moved(math.nan, math.nan)
    assert window.map.cursor_label.text() == ""


def test_scale_bar_is_true_at_the_centre(window):
    from viewer.core.geodesy import distance_m
    from viewer.render.overlays import nice_length

    assert nice_length(137) == 100 and nice_length(0.7) == 0.5 and nice_length(2.4) == 2
    c = window.canvas
    a = c.lonlat_at(c.width() / 2 - 50, c.height() / 2)
    b = c.lonlat_at(c.width() / 2 + 50, c.height() / 2)
    assert float(distance_m(*a, *b)) > 0
    assert np.isfinite(a).all()


def test_settings_persist_between_sessions(qtbot, state, tmp_path, monkeypatch):
    from viewer.core.session import Session
    from viewer.qt.main_window import MainWindow, make_application

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    make_application()
    first = MainWindow(Session(state))
    qtbot.addWidget(first)
    first.map.naming_acts["ja"].trigger()  # View > Place names > Japanese usage
    first.session.timeline.set_zone("Asia/Tokyo")
    first.replay.set_colour_by("track")
    first.close()
    from viewer.core.catalog import load_catalog
    from viewer.core.map_state import MapState

    second = MainWindow(Session(MapState(load_catalog())))
    qtbot.addWidget(second)
    second.restore_settings()
    assert second.state.naming == "ja"
    assert second.session.timeline.zone == "Asia/Tokyo"
    assert second.replay.track_painter.style.color_by == "track"


def test_a_load_that_finishes_after_the_window_closed_is_dropped(qtbot, window) -> None:
    """Closing while a file loads: the result the worker sends afterwards reaches nothing (it
    used to start zone events on a pool already shut down)."""
    from viewer.core.tracks import TrackSet

    loader = window.track_files.loader
    delivered = []
    loader.finished.connect(lambda *a: delivered.append(a))
    loader._result.emit("finished", "late.csv", (TrackSet.empty(), None))
    assert len(delivered) == 1  # delivered while open
    window.close()
    loader._result.emit("finished", "later.csv", (TrackSet.empty(), None))
    qtbot.wait(20)
    assert len(delivered) == 1 and not any(
        str(i.path) == "later.csv" for i in window.session.tracks.items
    )


def test_about_box_and_title_show_the_version(window, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from viewer import __version__

    seen = []

    def read_and_close():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(50, read_and_close)

    QTimer.singleShot(0, read_and_close)
    window.about()
    assert seen and f"ADIZ Viewer {__version__}" in seen[0]
    assert window.windowTitle().startswith(f"ADIZ Viewer {__version__}")


def test_the_window_is_a_shell_of_controllers_not_mixins(window):
    """Issue 18: each part of the window is a controller given (session, window) explicitly."""
    from PySide6.QtWidgets import QMainWindow

    from viewer.qt.controller import Controller
    from viewer.qt.main_window import MainWindow

    assert MainWindow.__bases__ == (QMainWindow,)
    parts = ("map", "track_files", "replay", "zone_events", "briefings", "display", "exports")
    for name in (*parts, "authoring"):
        part = getattr(window, name)
        assert isinstance(part, Controller), name
        assert part.session is window.session and part.window is window
    assert window.scene.tracks.tracks is window.session.tracks  # MapScene.for_session(session)


def test_the_window_fits_a_1024x768_projector_with_every_control_whole(qtbot, window):
    """Narrower than the timeline's controls in one row, they go in two; the counts' long zone
    names and series titles are cut rather than widening the window past the screen."""
    from PySide6.QtWidgets import QComboBox, QToolButton

    assert window.minimumSizeHint().width() <= 1024
    timeline = window.replay.qt_timeline
    for width, rows in ((1400, 1), (1024, 2)):
        window.resize(width, 768)
        qtbot.waitUntil(lambda w=width: window.width() == w)
        qtbot.wait(50)
        assert timeline._one_row == (rows == 1)
        assert timeline.geometry().right() <= window.width()
        for control in timeline.findChildren(QComboBox) + timeline.findChildren(QToolButton):
            if control.isVisible():  # whole: as wide as it asks, inside the window
                assert control.width() >= control.sizeHint().width(), control.toolTip()
                right = control.mapTo(window, control.rect().topRight()).x()
                assert right <= window.width(), control.toolTip()
