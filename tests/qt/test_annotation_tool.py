"""Annotations drawn on the map, saved in the briefing, undone and redone."""

import pytest
from PySide6.QtCore import QPoint, Qt

from viewer.core.constants import NMI_IN_M
from viewer.core.geodesy import distance_m


def _at(window, lon, lat):
    sx, sy = window.canvas.screen_of(lon, lat)
    return QPoint(round(sx), round(sy))


@pytest.fixture
def drawing(window):
    window.briefings.annotation_tool.ask_text = lambda prompt: "Test label"
    return window


def test_text_arrow_circle_and_polygon(qtbot, drawing):
    w, c = drawing, drawing.canvas
    w.briefings.annotate_acts["text"].trigger()
    qtbot.mouseClick(c, Qt.LeftButton, pos=_at(w, 121.0, 24.0))
    w.briefings.annotate_acts["arrow"].trigger()
    qtbot.mousePress(c, Qt.LeftButton, pos=_at(w, 120.0, 23.0))
    qtbot.mouseMove(c, _at(w, 121.0, 23.5))
    qtbot.mouseRelease(c, Qt.LeftButton, pos=_at(w, 121.0, 23.5))
    w.briefings.annotate_acts["circle"].trigger()
    qtbot.mousePress(c, Qt.LeftButton, pos=_at(w, 123.47333, 25.74333))
    qtbot.mouseRelease(c, Qt.LeftButton, pos=_at(w, 123.47333, 25.94333))
    w.briefings.annotate_acts["polygon"].trigger()
    for lon, lat in ((118.0, 21.0), (119.0, 21.0), (119.0, 22.0)):
        qtbot.mouseClick(c, Qt.LeftButton, pos=_at(w, lon, lat))
    qtbot.keyClick(c, Qt.Key_Return)
    kinds = [a.kind for a in w.session.briefing.annotations]
    assert kinds == ["text", "arrow", "circle", "polygon"]
    circle = w.session.briefing.annotations[2]
    a, b = _at(w, 123.47333, 25.74333), _at(w, 123.47333, 25.94333)  # as clicked, in pixels
    start, end = c.lonlat_at(a.x(), a.y()), c.lonlat_at(b.x(), b.y())
    assert circle.radius_m == pytest.approx(float(distance_m(*start, *end)), rel=1e-6)
    assert circle.radius_m == pytest.approx(0.2 * 60 * NMI_IN_M, rel=0.15)  # ~0.2° of latitude
    assert w.session.briefing.annotations[0].text == "Test label"
    assert w.session.dirty
    assert not w.scene.render_image(c.view).isNull()


def test_undo_and_redo(qtbot, drawing):
    w, c = drawing, drawing.canvas
    w.briefings.annotate_acts["text"].trigger()
    qtbot.mouseClick(c, Qt.LeftButton, pos=_at(w, 121.0, 24.0))
    assert len(w.session.briefing.annotations) == 1
    w.briefings.undo()
    assert len(w.session.briefing.annotations) == 0
    w.briefings.redo()
    assert len(w.session.briefing.annotations) == 1
    w.briefings.add_scene()
    assert len(w.session.briefing.scenes) == 1
    w.briefings.undo()
    assert len(w.session.briefing.scenes) == 0
