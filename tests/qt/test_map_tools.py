"""One tool state for every map tool: the bug reports of #19 and #22 as tests."""

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
