"""Placing control points (#22 item 5): the read-out stays visible, a drag pans while placing,
Esc stops, the table shows every point, the practice picture has a grid inside its frame, and
Export world file asks before replacing one."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage

from tests.qt.test_authoring import CONTROL, PICTURE, _at, pic, place_picture
from tests.qt.test_briefing_name import _answer
from viewer.core.georeference import ControlPoint


def test_placing_a_point_a_drag_pans_and_esc_stops(qtbot, window):
    w, c = window, window.canvas
    assert w.authoring.add_picture(str(PICTURE))
    gp = w.authoring.georef_panel
    w.authoring.georef_dock.show()
    qtbot.keyClick(c, Qt.Key_P)
    assert w.tools.tools.active == "control_point" and gp.point_button.isChecked()
    assert w.authoring.control_point_act.isChecked()
    assert w.tools.status_label.text().startswith("Control point")
    px, py = pic.pixel(121.0, 23.0)
    at = gp.view.to_widget(px, py)
    qtbot.mouseClick(gp.view, Qt.LeftButton, pos=QPoint(round(at.x()), round(at.y())))
    assert gp.picking == "map"
    view = c.view
    a = _at(w, 121.0, 23.0)
    qtbot.mousePress(c, Qt.LeftButton, pos=a)
    for k in range(1, 5):
        qtbot.mouseMove(c, a + QPoint(30 * k, 10 * k))
    qtbot.mouseRelease(c, Qt.LeftButton, pos=a + QPoint(120, 40))
    assert c.view != view and gp.picking == "map"  # panned, still waiting for the map's spot
    assert not w.session.briefing.underlay.points
    qtbot.mouseClick(c, Qt.LeftButton, pos=_at(w, 121.0, 23.0))
    (point,) = w.session.briefing.underlay.points
    assert (point.lon, point.lat) == pytest.approx((121.0, 23.0), abs=0.02)
    assert w.tools.tools.active is None and not gp.point_button.isChecked()
    assert w.briefings.undo_act.text() == "&Undo place control point"
    gp.point_button.click()  # the panel's button is the same switch
    assert w.tools.tools.active == "control_point" and w.authoring.control_point_act.isChecked()
    w.layer_panel.setFocus()
    qtbot.keyClick(w.layer_panel, Qt.Key_Escape)
    assert w.tools.tools.active is None and gp.picking is None


def test_p_without_a_picture_says_add_one_first(qtbot, window):
    qtbot.keyClick(window.canvas, Qt.Key_P)
    assert window.tools.tools.active is None
    assert not window.authoring.control_point_act.isChecked()
    assert window.statusBar().currentMessage() == "Add a picture first"


def test_the_table_shows_every_point(qtbot, window):
    w = window
    w.resize(1400, 900)
    place_picture(qtbot, w)
    table = w.authoring.georef_panel.table
    qtbot.waitUntil(lambda: table.viewport().height() > 0)
    last = table.rowViewportPosition(5) + table.rowHeight(5)
    assert table.rowCount() == 6 and 0 < last <= table.viewport().height()


def test_the_practice_picture_has_a_light_grid_inside_its_frame():
    """Along the 123°E meridian and the 24°N parallel (open sea there) the dashed grid darkens
    the sea every few pixels; a dozen pixels beside them the sea is untouched."""
    image = QImage(str(PICTURE))
    x, _ = pic.pixel(123.0, 0.0)
    _, y0 = pic.pixel(0.0, 20.9)
    _, y1 = pic.pixel(0.0, 20.2)

    def red(px: int, py: int) -> int:
        return QColor(image.pixel(px, py)).red()

    column = [min(red(round(x) - 1, yy), red(round(x), yy)) for yy in range(round(y0), round(y1))]
    beside = [red(round(x) + 12, yy) for yy in range(round(y0), round(y1))]
    assert sum(r < 200 for r in column) > 0.3 * len(column)  # the grid line, dashed
    assert min(beside) > 210  # the sea (#DCEBF5)
    _, y = pic.pixel(0.0, 24.0)
    x0, _ = pic.pixel(123.1, 0.0)
    x1, _ = pic.pixel(123.9, 0.0)
    row = [min(red(xx, round(y) - 1), red(xx, round(y))) for xx in range(round(x0), round(x1))]
    assert sum(r < 200 for r in row) > 0.3 * len(row)
    assert QColor(pic.GRID_COLOUR).lightness() > 120  # light: the paths stay what stands out


def test_export_world_file_asks_before_replacing(qtbot, window, tmp_path):
    w = window
    picture = tmp_path / "practice.png"
    shutil.copy(PICTURE, picture)
    assert w.authoring.add_picture(str(picture))
    points = tuple(ControlPoint(*pic.pixel(lon, lat), lon, lat) for lon, lat in CONTROL)
    w.authoring.georef_panel.edited.emit(replace(w.session.briefing.underlay, points=points))
    world = tmp_path / "practice.pgw"
    world.write_text("mine\n")
    asked = _answer(qtbot, None)  # Cancel
    assert w.authoring.export_world_file() == []
    assert "practice.pgw" in asked[0] and "Replace?" in asked[0]
    assert world.read_text() == "mine\n"
    asked = _answer(qtbot, "Replace")
    written = w.authoring.export_world_file()
    assert [p.name for p in written] == ["practice.pgw", "practice.png.aux.xml"]
    assert float(world.read_text().split()[0]) == pytest.approx(1 / pic.PX_PER_DEG)
