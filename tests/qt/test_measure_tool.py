"""Tools > Measure: drag for range and bearing, live."""

import pytest
from PySide6.QtCore import QPoint, Qt

from viewer.core.measure import range_and_bearing


def test_drag_measures_geodesic_range_and_bearing(qtbot, window):
    canvas = window.canvas
    window.map.measure_act.trigger()
    assert window.map.measure_tool.active
    a = canvas.screen_of(121.5, 25.0)
    b = canvas.screen_of(123.47333, 25.74333)
    qtbot.mousePress(canvas, Qt.LeftButton, pos=QPoint(round(a[0]), round(a[1])))
    qtbot.mouseMove(canvas, QPoint(round(b[0]), round(b[1])))
    qtbot.mouseRelease(canvas, Qt.LeftButton, pos=QPoint(round(b[0]), round(b[1])))
    got = window.map.measure_tool.result
    start, end = window.map.measure_tool.start, window.map.measure_tool.end
    assert got.metres == pytest.approx(range_and_bearing(*start, *end).metres)
    assert got.nmi == pytest.approx(
        range_and_bearing(121.5, 25.0, 123.47333, 25.74333).nmi, rel=0.01
    )
    # the map did not pan while measuring
    assert canvas.lonlat_at(*a) == pytest.approx((121.5, 25.0), abs=1e-6)
    image = window.scene.render_image(canvas.view)  # the line, rings and label draw
    assert not image.isNull()
    window.map.measure_act.trigger()
    assert window.map.measure_tool.result is None
