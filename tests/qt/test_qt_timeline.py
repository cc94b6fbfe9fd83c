"""QtTimeline built from a bare Timeline: shortcuts, playback ticks, loop and in/out points,
scrubbing, the activity strip and its markers."""

import gc
import math
import time

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QStyle, QStyleOptionSlider

from viewer.core.timeline import SPEED_PRESETS, Timeline
from viewer.qt.qt_timeline import MAX_TICK_S, QtTimeline

DAY0 = 1_633_305_600.0  # 2021-10-04T00:00:00Z
DAY = 86_400.0


@pytest.fixture
def timeline():
    return Timeline(DAY0, DAY0 + DAY, speed=600.0, step=60.0)


@pytest.fixture
def widget(qtbot, timeline):
    w = QtTimeline(timeline)
    qtbot.addWidget(w)
    w.resize(1200, w.sizeHint().height())
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


def choose(combo, text):
    """Pick an item the way a user does: the combo emits ``activated``."""
    i = combo.findText(text)
    assert i >= 0, f"{text!r} not in combo"
    combo.setCurrentIndex(i)
    combo.activated.emit(i)


def test_keyboard_shortcuts_drive_the_model(qtbot, widget, timeline):
    qtbot.keyClick(widget, Qt.Key_Right)
    assert timeline.time == DAY0 + 60
    qtbot.keyClick(widget, Qt.Key_Right)
    qtbot.keyClick(widget, Qt.Key_Left)
    assert timeline.time == DAY0 + 60
    qtbot.keyClick(widget, Qt.Key_End)
    assert timeline.time == DAY0 + DAY
    qtbot.keyClick(widget, Qt.Key_Home)
    assert timeline.time == DAY0
    qtbot.keyClick(widget, Qt.Key_Space)
    assert timeline.playing
    assert widget.play_act.text() == "&Pause"
    qtbot.keyClick(widget, Qt.Key_Space)
    assert not timeline.playing
    assert widget.play_act.text() == "&Play"
    timeline.set_time(DAY0 + 1000)
    qtbot.keyClick(widget, Qt.Key_I)
    timeline.set_time(DAY0 + 2000)
    qtbot.keyClick(widget, Qt.Key_O)
    assert (timeline.in_point, timeline.out_point) == (DAY0 + 1000, DAY0 + 2000)
    qtbot.keyClick(widget, Qt.Key_L)
    assert not timeline.loop and not widget.loop_act.isChecked()
    qtbot.keyClick(widget, Qt.Key_BracketRight)
    assert timeline.speed == 1800.0
    qtbot.keyClick(widget, Qt.Key_BracketLeft)
    qtbot.keyClick(widget, Qt.Key_BracketLeft)
    assert timeline.speed == 300.0


def test_actions_are_exposed_for_the_menus(widget):
    keys = {a.shortcut().toString() for a in widget.actions()}
    assert {"Space", "Left", "Right", "Home", "End", "I", "O", "L"} <= keys
    assert all(a.statusTip() for a in widget.actions())
    assert widget.play_act in widget.actions()
    assert QKeySequence(Qt.Key_Space) == widget.play_act.shortcut()


@pytest.mark.parametrize("preset", SPEED_PRESETS, ids=lambda p: p.label)
def test_each_tick_advances_by_speed_times_wall_time(widget, timeline, preset):
    choose(widget.speed_combo, preset.label)
    assert timeline.speed == preset.value
    timeline.play()
    before = timeline.time
    widget.advance_by(1 / 60)
    assert timeline.time - before == pytest.approx(preset.value / 60)
    # The view follows: slider position and clock.
    assert widget.slider.value() == round(timeline.time - DAY0)
    assert widget.utc_label.text().startswith("2021-10-04 00:")
    timeline.pause()


def test_a_stall_does_not_jump_the_replay(widget, timeline):
    timeline.play()
    widget.advance_by(5.0)  # the event loop was blocked for 5 s
    assert timeline.time == pytest.approx(DAY0 + 600.0 * MAX_TICK_S)
    timeline.pause()


def test_the_real_timer_plays_at_the_chosen_speed(qtbot, widget, timeline):
    choose(widget.speed_combo, "1 s = 10 min")
    wall0 = time.perf_counter()
    qtbot.keyClick(widget, Qt.Key_Space)
    assert widget._tick_timer.isActive()
    qtbot.waitUntil(lambda: timeline.time >= DAY0 + 120.0, timeout=5000)  # 0.2 s of wall time
    wall = time.perf_counter() - wall0
    timeline.pause()
    assert not widget._tick_timer.isActive()
    moved = timeline.time - DAY0
    assert 120.0 <= moved <= 600.0 * wall + 1e-6
    stopped_at = timeline.time
    qtbot.wait(50)  # paused: nothing moves (an event-loop spin, not a sleep)
    assert timeline.time == stopped_at


def test_loop_and_in_out_points_hold_during_playback(qtbot, widget, timeline):
    timeline.set_time(DAY0 + 3600)
    widget.in_act.trigger()
    timeline.set_time(DAY0 + 7200)
    widget.out_act.trigger()
    assert (timeline.lo, timeline.hi) == (DAY0 + 3600, DAY0 + 7200)
    timeline.play()  # at the out point: starts again from the in point
    assert timeline.time == DAY0 + 3600
    wrapped = False
    previous = timeline.time
    for _ in range(500):  # 5000 s of map time, 10 s per tick: more than the 3600 s range
        widget.advance_by(1 / 60)
        assert DAY0 + 3600 <= timeline.time <= DAY0 + 7200
        wrapped |= timeline.time < previous
        previous = timeline.time
    assert wrapped and timeline.playing
    widget.loop_act.trigger()  # loop off: stop at the out point
    assert not timeline.loop
    for _ in range(400):
        widget.advance_by(1 / 60)
    assert timeline.time == DAY0 + 7200 and not timeline.playing
    assert not widget._tick_timer.isActive()
    widget.clear_in_out_act.trigger()
    assert (timeline.lo, timeline.hi) == (DAY0, DAY0 + DAY)


def test_slider_scrubs_and_follows(widget, timeline):
    widget.slider.setValue(3600)
    assert timeline.time == DAY0 + 3600
    timeline.set_time(DAY0 + 7200.4)
    assert widget.slider.value() == 7200
    assert timeline.time == DAY0 + 7200.4  # updating the slider did not feed back
    assert widget.slider.maximum() == int(DAY)
    assert widget.zone_label.text() == "2021-10-04 10:00:00 UTC+8"


def test_combos_and_clock_follow_the_model(widget, timeline):
    timeline.set_speed(120.0)  # not a preset: shown in words
    assert widget.speed_combo.currentText() == "1 s = 2 min"
    timeline.set_trail(math.inf)
    assert widget.trail_combo.currentText() == "Whole track"
    choose(widget.trail_combo, "Heads only")
    assert timeline.trail == 0.0
    choose(widget.step_combo, "1 h")
    assert timeline.step_seconds == 3600.0
    choose(widget.zone_combo, "Tokyo")
    assert timeline.zone == "Asia/Tokyo"
    assert widget.zone_label.text() == "2021-10-04 09:00:00 UTC+9"
    assert widget.utc_label.text() == "2021-10-04 00:00:00 UTC"


def test_marker_click_jumps_there_and_strip_click_scrubs(qtbot, widget, timeline):
    strip = widget.strip
    widget.set_event_markers([DAY0 + 5 * 3600, DAY0 + 15 * 3600], ["enters ADIZ", "exits"])
    x = round(float(strip.x_of(DAY0 + 15 * 3600)))
    with qtbot.waitSignal(widget.marker_clicked) as blocker:
        qtbot.mouseClick(strip, Qt.LeftButton, pos=QPoint(x + 2, 20))
    assert blocker.args == [1]
    assert timeline.time == DAY0 + 15 * 3600
    mid = round(float(strip.x_of(DAY0 + 10 * 3600)))
    qtbot.mouseClick(strip, Qt.LeftButton, pos=QPoint(mid, 20))
    assert timeline.time == pytest.approx(DAY0 + 10 * 3600, abs=DAY / strip.width())
    with pytest.raises(ValueError, match="one label per marker"):
        widget.set_event_markers([DAY0], [])


def test_strip_draws_activity_and_the_current_time(qtbot, widget, timeline):
    counts = np.zeros(24, dtype=int)
    counts[6] = 10  # only 06:00-07:00 UTC is busy
    widget.set_activity(counts, DAY0 + np.arange(25) * 3600.0)
    timeline.set_time(DAY0 + 18 * 3600)
    strip = widget.strip
    image = strip.grab().toImage()
    bar_color = strip.palette().highlight().color()
    y = strip.HEIGHT - strip.LABEL_H - 3

    def is_bar(x):
        c = image.pixelColor(round(x), y)
        return abs(c.hue() - bar_color.hue()) < 15 and c.saturation() > 40

    assert is_bar(strip.x_of(DAY0 + 6.5 * 3600))
    assert not is_bar(strip.x_of(DAY0 + 12.5 * 3600))
    cursor = image.pixelColor(round(float(strip.x_of(timeline.time))), 20)
    assert cursor.red() > 180 and cursor.green() < 80, cursor.name()
    with pytest.raises(ValueError, match="one more edge than counts"):
        widget.set_activity([1, 2], [DAY0, DAY0 + 1])


@pytest.mark.parametrize("hours", [0.0, 7.5, 24.0])
def test_strip_time_axis_lines_up_with_the_slider_handle(widget, timeline, hours):
    timeline.set_time(DAY0 + hours * 3600)
    slider = widget.slider
    opt = QStyleOptionSlider()
    slider.initStyleOption(opt)
    handle = slider.style().subControlRect(QStyle.CC_Slider, opt, QStyle.SC_SliderHandle, slider)
    handle_x = slider.mapTo(widget, handle.center()).x()
    cursor_x = widget.strip.mapTo(widget, QPoint(round(float(widget.strip.x_of(timeline.time))), 0))
    assert abs(handle_x - cursor_x.x()) <= 2


def test_empty_range_disables_the_controls(qtbot):
    w = QtTimeline(Timeline())
    qtbot.addWidget(w)
    assert not w.slider.isEnabled()
    assert not w.play_act.isEnabled()
    assert "1970" not in w.utc_label.text() + w.zone_label.text()
    w.timeline.set_range(DAY0, DAY0 + 60)
    assert w.slider.isEnabled() and w.play_act.isEnabled()
    assert w.utc_label.text() == "2021-10-04 00:00:00 UTC"


def test_the_model_outlives_the_widget(qtbot, timeline):
    w = QtTimeline(timeline)
    gone = []
    w.destroyed.connect(lambda *_: gone.append(True))
    w.deleteLater()
    del w
    qtbot.waitUntil(lambda: bool(gone))
    gc.collect()
    assert not timeline.events._callbacks["time"]
    timeline.set_time(DAY0 + 10)  # no call into a deleted widget
    timeline.set_speed(60.0)
    assert timeline.time == DAY0 + 10


def test_rendered_widget_is_not_cut_off(widget):
    image = widget.grab().toImage()
    assert not image.isNull()
    # Every control fits inside the widget at its default size.
    for child in (widget.play_button, widget.step_combo, widget.zone_combo, widget.utc_label):
        geometry = child.geometry()
        top_left = child.mapTo(widget, QPoint(0, 0))
        assert top_left.x() >= 0 and top_left.x() + geometry.width() <= widget.width()
        assert top_left.y() + geometry.height() <= widget.height()
    assert QColor(image.pixelColor(0, 0)).isValid()
