"""One tool state for every map tool: the bug reports of #19 and #22 as tests."""

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.qt.test_authoring import AutoDialog


def _at(window, lon, lat):
    sx, sy = window.canvas.screen_of(lon, lat)
    return QPoint(round(sx), round(sy))


def _drag(qtbot, canvas, a: QPoint, b: QPoint) -> None:
    qtbot.mousePress(canvas, Qt.LeftButton, pos=a)
    for k in range(1, 6):
        qtbot.mouseMove(canvas, a + (b - a) * (k / 5))
    qtbot.mouseRelease(canvas, Qt.LeftButton, pos=b)


def test_escape_ends_the_arrow_tool_then_leaves_presentation(qtbot, window):
    w, c = window, window.canvas
    w.briefings.annotation_tool.ask_text = lambda prompt: "Route"
    w.briefings.set_presentation(True)
    c.setFocus()
    qtbot.keyClick(c, Qt.Key_A, Qt.ShiftModifier)
    _drag(qtbot, c, _at(w, 120.0, 23.0), _at(w, 121.0, 23.5))
    assert len(w.session.briefing.annotations) == 1
    qtbot.keyClick(c, Qt.Key_Escape)
    assert not w.briefings.annotate_acts["arrow"].isChecked()
    assert w.briefings.presenting
    qtbot.keyClick(c, Qt.Key_Escape)
    assert not w.briefings.presenting
    view = c.view
    _drag(qtbot, c, _at(w, 120.0, 22.0), _at(w, 121.0, 22.5))
    assert len(w.session.briefing.annotations) == 1  # a drag pans, draws nothing
    assert c.view != view


def test_cancel_on_the_label_dialog_adds_nothing(qtbot, window):
    w, c = window, window.canvas
    w.briefings.annotation_tool.ask_text = lambda prompt: None  # Cancel
    w.briefings.annotate_acts["arrow"].trigger()
    _drag(qtbot, c, _at(w, 120.0, 23.0), _at(w, 121.0, 23.5))
    assert w.session.briefing is None or not w.session.briefing.annotations


def test_trace_enter_ok_escape_unticks_trace(qtbot, window):
    w, c = window, window.canvas
    AutoDialog.fields = {}
    w.authoring.track_dialog_class = AutoDialog
    c.setFocus()
    qtbot.keyClick(c, Qt.Key_T)
    assert w.authoring.trace_act.isChecked()
    for lon, lat in ((118.0, 22.0), (119.0, 22.5)):
        qtbot.mouseClick(c, Qt.LeftButton, pos=_at(w, lon, lat))
    qtbot.keyClick(c, Qt.Key_Return)
    assert len(w.session.briefing.traced.tracks) == 1
    qtbot.keyClick(c, Qt.Key_Escape)
    assert w.authoring.trace_tool.mode is None
    assert not w.authoring.trace_act.isChecked()
    qtbot.keyClick(c, Qt.Key_T)  # the next T starts tracing again
    assert w.authoring.trace_act.isChecked() and w.authoring.trace_tool.mode == "draw"


def test_escape_ends_the_tool_wherever_the_focus_is(qtbot, window):
    w = window
    w.authoring.trace_act.setChecked(True)
    w.layer_panel.setFocus()
    target = w.focusWidget() or w.layer_panel
    qtbot.keyClick(target, Qt.Key_Escape)
    assert not w.authoring.trace_act.isChecked()
    assert w.authoring.trace_tool.mode is None


def test_a_drag_while_tracing_pans(qtbot, window):
    w, c = window, window.canvas
    w.authoring.trace_act.setChecked(True)
    view = c.view
    _drag(qtbot, c, _at(w, 120.0, 22.0), _at(w, 121.0, 22.5))
    assert w.authoring.trace_tool.points == []
    assert c.view != view


def test_one_tool_ticked_named_in_the_status_bar_and_the_toolbar(qtbot, window):
    w = window
    tools = w.tools
    toolbar = [a.iconText() for a in tools.toolbar.actions()]
    assert toolbar == ["Measure", "Text", "Arrow", "Circle", "Polygon", "Control point", "Tracing"]
    w.briefings.annotate_acts["arrow"].trigger()
    assert tools.tools.active == "arrow"
    assert tools.status_label.text().startswith("Arrow — drag")
    w.authoring.trace_act.trigger()  # another tool: the arrow goes off
    assert tools.tools.active == "trace"
    assert not w.briefings.annotate_acts["arrow"].isChecked()
    assert w.authoring.trace_act.isChecked()
    assert tools.status_label.text() == "Tracing — Enter to finish, Esc to stop"
    # a status message does not hide the tool's section nor the cursor read-out
    w.statusBar().showMessage("Added Track 1; trace the next one", 10000)
    w.map._on_cursor_moved(121.5, 25.04)
    assert tools.status_label.isVisible() and w.map.cursor_label.isVisible()
    assert "25.04000, 121.50000" in w.map.cursor_label.text()
    w.authoring.trace_act.trigger()  # T again: off
    assert tools.tools.active is None and not tools.status_label.isVisible()
    assert w.canvas.cursor().shape() == Qt.ArrowCursor


def test_escape_while_presenting_with_no_tool_leaves_and_ends_a_measure_first(qtbot, window):
    w, c = window, window.canvas
    w.briefings.set_presentation(True)
    assert w.tools.stop_act.isEnabled() and not w.tools.toolbar.isVisible()
    qtbot.keyClick(c, Qt.Key_M)
    _drag(qtbot, c, _at(w, 121.5, 25.0), _at(w, 122.5, 25.5))
    assert w.map.measure_tool.result is not None
    assert c.lonlat_at(*c.screen_of(121.5, 25.0)) == pytest.approx((121.5, 25.0), abs=1e-6)
    qtbot.keyClick(c, Qt.Key_Escape)  # the range shown goes
    assert w.map.measure_tool.result is None and w.tools.tools.active == "measure"
    qtbot.keyClick(c, Qt.Key_Escape)  # then the tool
    assert w.tools.tools.active is None and w.briefings.presenting
    qtbot.keyClick(c, Qt.Key_Escape)  # then presenting
    assert not w.briefings.presenting and w.tools.toolbar.isVisible()
    assert not w.tools.stop_act.isEnabled()  # Esc is the widgets' again


def test_polygon_corners_backspace_enter_and_a_drag_pans(qtbot, window):
    w, c = window, window.canvas
    w.briefings.annotation_tool.ask_text = lambda prompt: ""
    qtbot.keyClick(c, Qt.Key_P, Qt.ShiftModifier)
    for lon, lat in ((118.0, 21.0), (119.0, 21.0), (120.0, 21.5), (119.0, 22.0)):
        qtbot.mouseClick(c, Qt.LeftButton, pos=_at(w, lon, lat))
    qtbot.keyClick(c, Qt.Key_Backspace)
    view = c.view
    _drag(qtbot, c, _at(w, 121.0, 23.0), _at(w, 121.5, 23.5))  # pans; no corner added
    assert c.view != view and len(w.briefings.annotation_tool.points) == 3
    qtbot.keyClick(c, Qt.Key_Return)
    (polygon,) = w.session.briefing.annotations
    assert polygon.kind == "polygon" and len(polygon.points) == 3
    assert w.tools.tools.active == "polygon"  # the tool stays on for the next one


def test_cancel_on_a_text_adds_nothing_and_the_tool_stays_on(qtbot, window):
    w, c = window, window.canvas
    w.briefings.annotation_tool.ask_text = lambda prompt: None
    w.briefings.annotate_acts["text"].trigger()
    qtbot.mouseClick(c, Qt.LeftButton, pos=_at(w, 121.0, 24.0))
    assert w.session.briefing is None or not w.session.briefing.annotations
    assert w.tools.tools.active == "text"


def test_with_no_tool_a_click_selects_and_while_tracing_it_adds_a_vertex(qtbot, window):
    w, c = window, window.canvas
    at = _at(w, 120.0, 25.0)  # on the median line
    with qtbot.waitSignal(c.layer_clicked) as blocker:
        qtbot.mouseClick(c, Qt.LeftButton, pos=at)
    assert blocker.args[0] == "median_line"
    w.authoring.trace_act.setChecked(True)
    with qtbot.assertNotEmitted(c.layer_clicked):
        qtbot.mouseClick(c, Qt.LeftButton, pos=at)
    assert len(w.authoring.trace_tool.points) == 1


def test_editing_vertices_a_drag_from_a_vertex_moves_it_elsewhere_pans(qtbot, window):
    w, c = window, window.canvas
    AutoDialog.fields = {"id": "E1"}
    w.authoring.track_dialog_class = AutoDialog
    w.authoring.trace_act.setChecked(True)
    for lon, lat in ((118.0, 22.0), (119.0, 22.5), (120.0, 22.0)):
        qtbot.mouseClick(c, Qt.LeftButton, pos=_at(w, lon, lat))
    qtbot.keyClick(c, Qt.Key_Return)
    w.authoring.edit_track_vertices("E1")
    assert w.tools.tools.active == "edit_vertices" and not w.authoring.trace_act.isChecked()
    assert w.tools.status_label.text().startswith("Editing vertices")
    view = c.view
    _drag(qtbot, c, _at(w, 121.0, 24.0), _at(w, 121.4, 24.3))  # from no vertex: pans
    assert c.view != view
    assert w.session.briefing.traced.tracks[0].points[1] == pytest.approx((119.0, 22.5), abs=0.02)
    view = c.view
    _drag(qtbot, c, _at(w, 119.0, 22.5), _at(w, 119.5, 23.0))  # from a vertex: moves it
    assert c.view == view
    assert w.session.briefing.traced.tracks[0].points[1] == pytest.approx((119.5, 23.0), abs=0.02)
    assert w.briefings.undo_act.text() == "&Undo edit vertices"
    qtbot.keyClick(c, Qt.Key_Escape)
    assert w.tools.tools.active is None and w.authoring.trace_tool.mode is None
