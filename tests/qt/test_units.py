"""View > Units: every read-out follows the chosen distance and altitude units, live, in exports
too, and the choice survives a restart."""

from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage

from viewer.core.constants import FT_IN_M, NMI_IN_M
from viewer.core.geodesy import distance_m
from viewer.core.units import FT, KM, NMI, M, Units
from viewer.render.layer_painters import degree_label_strip
from viewer.render.overlay_layout import LABEL_BAND_BOTTOM, LABEL_BAND_LEFT, frame_scale
from viewer.render.overlays import nice_length
from viewer.render.theme import NORMAL

TRACK = (
    "callsign,time,lat,lon,alt_m,type\n"
    "BANDIT1,2021-10-04T00:00:00Z,22.0,120.0,3048,J-16\n"
    "BANDIT1,2021-10-04T00:10:00Z,22.0,121.0,3048,J-16\n"
)


@pytest.fixture
def units_window(window):
    yield window
    window.display.set_units(
        NMI, FT
    )  # QSettings are shared by the test session: leave the defaults


def scale_bar_px(image: QImage, font_scale: float = 1.0) -> int:
    """Length of the scale bar's first (primary) bar: the dark run right of its start, where
    the overlay layout puts it with nothing in the way (bottom left, clear of the degree
    labels; shrunk on frames under 1920x1080)."""
    s = font_scale * frame_scale(image.width(), image.height())
    x0 = round(LABEL_BAND_LEFT * s)
    # above the longitude labels, which keep the map's type size when the overlays shrink
    labels = degree_label_strip(SimpleNamespace(label_scale=font_scale, theme=NORMAL))
    bottom = max(LABEL_BAND_BOTTOM * s, labels)
    y0 = round(image.height() - bottom - scale_bar_size_px(s)[1] + 12.0 * s)
    runs = [0]
    for y in range(y0 - 1, y0 + 2):  # the bar is a line 1-2 px thick: the rows about it
        x = x0 + 1
        while x < image.width() and image.pixelColor(x, y).lightness() < 90:
            x += 1
        runs.append(x - x0)
    return max(runs)


def scale_bar_size_px(s: float) -> tuple[float, float]:
    return 0.0, 40.0 * s  # the scale bar's box height (viewer.render.overlays.scale_bar_size)


def expected_bar_px(view, projection, unit_m: float, font_scale: float = 1.0) -> float:
    cx, cy = view.width / 2.0, view.height / 2.0
    mx, my = view.to_map(np.array([cx - 50.0, cx + 50.0]), np.array([cy, cy]))
    lon, lat = projection.inverse(mx, my)
    m_per_px = float(distance_m(lon[0], lat[0], lon[1], lat[1])) / 100.0
    max_px = 160 * font_scale * frame_scale(view.width, view.height)
    return nice_length(max_px * m_per_px / unit_m) * unit_m / m_per_px


def test_defaults_are_nautical_miles_and_feet(units_window):
    assert units_window.scene.units == Units(NMI, FT)
    assert units_window.display.distance_acts[NMI].isChecked()
    assert units_window.display.altitude_acts[FT].isChecked()


def test_scale_bar_primary_follows_the_setting(units_window):
    w = units_window
    view, projection = w.canvas.view.resized(1920, 1080), w.state.projection
    nmi_px = expected_bar_px(view, projection, NMI_IN_M)
    km_px = expected_bar_px(view, projection, 1000.0)
    assert abs(nmi_px - km_px) > 8  # the test can tell the two apart
    assert scale_bar_px(w.scene.render_image(view)) == pytest.approx(nmi_px, abs=2)
    w.display.distance_acts[KM].trigger()
    assert w.scene.units.distance == KM
    assert scale_bar_px(w.scene.render_image(view)) == pytest.approx(km_px, abs=2)


def test_png_export_follows_the_setting(units_window, tmp_path):
    w = units_window
    w.display.set_units(distance=KM)
    out = tmp_path / "map.png"
    assert w.exports.export_png(str(out), size=(1600, 900), title_clock=False)
    image = QImage(str(out))
    from dataclasses import replace

    view = w.canvas.view
    view = replace(view, scale=view.scale * view.width / 1600).resized(1600, 900)
    km_px = expected_bar_px(view, w.state.projection, 1000.0)
    nmi_px = expected_bar_px(view, w.state.projection, NMI_IN_M)
    assert abs(km_px - nmi_px) > 8
    assert scale_bar_px(image) == pytest.approx(km_px, abs=2)


def test_headless_session_draws_the_scale_bar_in_the_given_unit(tmp_path):
    from viewer.cli.headless import open_session
    from viewer.render.map_scene import MapScene

    for unit, metres in ((KM, 1000.0), (NMI, NMI_IN_M)):
        session = open_session([])
        scene = MapScene.for_session(session)
        scene.units = Units(unit, M)
        assert scene.units.distance == unit
        view = session.map_view(1280, 720)
        image = scene.render_image(view)
        expected = expected_bar_px(view, session.state.projection, metres)
        assert scale_bar_px(image) == pytest.approx(expected, abs=2)


def test_details_tooltip_and_measure_follow_the_setting_live(
    qtbot, units_window, tmp_path, monkeypatch
):
    w = units_window
    path = tmp_path / "sortie.csv"
    path.write_text(TRACK)
    w.open_files([str(path)])
    qtbot.waitUntil(lambda: len(w.session.tracks.items) == 1, timeout=10_000)
    w.replay.on_track_clicked((str(path), 0, 0))
    flown = float(distance_m(120.0, 22.0, 121.0, 22.0))
    text = w.replay.details.toPlainText()
    assert f"distance flown: {flown / NMI_IN_M:,.1f} nmi" in text
    assert " km" not in text
    tip = w.replay.track_tooltip((str(path), 0, 0))
    assert f"altitude {3048 / FT_IN_M:,.0f} ft" in tip and " m<" not in tip
    w.display.set_units(KM, M)
    text = w.replay.details.toPlainText()  # redrawn at once
    assert f"distance flown: {flown / 1000:,.1f} km" in text and " nmi" not in text
    assert "closest approach:" in text
    assert "altitude 3,048 m" in w.replay.track_tooltip((str(path), 0, 0))
    # the measure tool's read-out
    w.map.measure_act.trigger()
    w.map.measure_tool.start, w.map.measure_tool.end = (121.5, 25.0), (123.47333, 25.74333)
    metres = w.map.measure_tool.result.metres
    assert w.map.measure_tool.result.text(KM).startswith(f"{metres / 1000:,.1f} km, bearing")
    assert w.map.measure_tool.result.text(NMI).startswith(f"{metres / NMI_IN_M:,.1f} nmi, bearing")
    shown = []
    import viewer.qt.measure_tool as measure_tool

    real = measure_tool.draw_text

    def spy(*args, **kwargs):
        shown.append(args[3])
        return real(*args, **kwargs)

    monkeypatch.setattr(measure_tool, "draw_text", spy)
    w.scene.render_image(w.canvas.view)
    w.display.set_units(distance=NMI)
    w.scene.render_image(w.canvas.view)
    assert shown[0].endswith("true") and " km," in shown[0]
    assert " nmi," in shown[1]


def test_units_persist_between_sessions(qtbot, units_window, state):
    from viewer.core.catalog import load_catalog
    from viewer.core.map_state import MapState
    from viewer.core.session import Session
    from viewer.qt.display_controller import ALTITUDE_KEY, DISTANCE_KEY
    from viewer.qt.main_window import MainWindow

    units_window.display.set_units(KM, M)
    settings = QSettings("adiz-viewer", "adiz-viewer")
    assert (settings.value(DISTANCE_KEY), settings.value(ALTITUDE_KEY)) == (KM, M)
    second = MainWindow(Session(MapState(load_catalog())))
    qtbot.addWidget(second)
    assert second.scene.units == Units(NMI, FT)  # before the settings are read
    second.restore_settings()
    assert second.scene.units == Units(KM, M)
    assert (
        second.display.distance_acts[KM].isChecked() and second.display.altitude_acts[M].isChecked()
    )
