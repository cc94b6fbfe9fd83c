"""`QtTimeline`: the replay controls, a view of `viewer.core.timeline.Timeline`.

It owns no replay state: buttons, the slider and the combos call the model's setters, and the
model's events (``_on_<field>_changed``) update the widgets. A `QTimer` at ~60 Hz drives playback by
calling ``timeline.advance`` with the wall time that really passed.

The keyboard actions (Space, Left/Right, Home/End, I/O, L, [ and ]) are `QAction`s listed by
`QtTimeline.actions`, so the main window can put the same actions in its menus.

Above the slider, `viewer.qt.activity_strip.ActivityStrip` shows how many tracks are live per
time bin and the zone-event markers.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QElapsedTimer,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QFont,
    QFontDatabase,
    QIcon,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.timeline import (
    CLOCK_ZONES,
    SPEED_PRESETS,
    STEP_PRESETS,
    TRAIL_PRESETS,
    Preset,
    Timeline,
    format_time,
    speed_words,
    trail_words,
)
from viewer.qt.activity_strip import ActivityStrip
from viewer.qt.i18n import translate
from viewer.qt.time_range_dialog import TimeRangeDialog

TICK_MS = 16  # ~60 Hz
MAX_TICK_S = 0.25  # a stalled event loop resumes where it stopped instead of jumping ahead

# The core's words among the preset labels and clock zones (the rest are numbers and units).
PRESET_WORDS = {
    "Heads only": QT_TRANSLATE_NOOP("Timeline", "Heads only"),
    "Whole track": QT_TRANSLATE_NOOP("Timeline", "Whole track"),
    "Taipei": QT_TRANSLATE_NOOP("Timeline", "Taipei"),
    "Tokyo": QT_TRANSLATE_NOOP("Timeline", "Tokyo"),
    "Beijing": QT_TRANSLATE_NOOP("Timeline", "Beijing"),
    "Seoul": QT_TRANSLATE_NOOP("Timeline", "Seoul"),
    "Manila": QT_TRANSLATE_NOOP("Timeline", "Manila"),
    "London": QT_TRANSLATE_NOOP("Timeline", "London"),
    "New York": QT_TRANSLATE_NOOP("Timeline", "New York"),
    "Local": QT_TRANSLATE_NOOP("Timeline", "Local"),
}


# Durations as the speed and trail words write them ("1 s = 5 min", "15 min").
UNIT_WORDS = {
    "s": QT_TRANSLATE_NOOP("Timeline", "{n} s"),
    "min": QT_TRANSLATE_NOOP("Timeline", "{n} min"),
    "h": QT_TRANSLATE_NOOP("Timeline", "{n} h"),
}
_DURATION = re.compile(r"(\d+(?:\.\d+)?) (s|min|h)\b")


def shown_label(label: str) -> str:
    """A preset or zone label as shown, in the interface language: words translated, and each
    duration in the language's units ("1 s = 5 min" is "1 秒 = 5 分鐘" in Chinese)."""
    if label in PRESET_WORDS:
        return translate("Timeline", PRESET_WORDS[label])
    return _DURATION.sub(lambda m: translate("Timeline", UNIT_WORDS[m[2]]).format(n=m[1]), label)


def _icon(widget: QWidget, theme: str, fallback: QStyle.StandardPixmap) -> QIcon:
    """A theme icon with the style's standard pixmap as the fallback."""
    return QIcon.fromTheme(theme, widget.style().standardIcon(fallback))


class QtTimeline(QWidget):
    """Replay controls for a `Timeline`: transport, slider, speed/trail/step, loop, in/out,
    clock in UTC and a chosen zone, and the activity strip.

    ``marker_clicked(index)`` re-emits the strip's: the main window can select that zone event.
    """

    marker_clicked = Signal(int)

    def __init__(self, timeline: Timeline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline = timeline
        self.create_actions()
        self.strip = ActivityStrip(timeline)
        self.strip.marker_clicked.connect(self.marker_clicked)
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setToolTip(translate("Timeline", "Drag to scrub through time"))
        self.slider.setFocusPolicy(Qt.NoFocus)
        self.slider.valueChanged.connect(self._on_slider_moved)

        self.play_button = self._button(self.play_act)
        self.play_button.setIconSize(self.play_button.iconSize() * 1.4)
        transport = [
            self._button(self.start_act),
            self._button(self.step_back_act),
            self.play_button,
            self._button(self.step_forward_act),
            self._button(self.end_act),
        ]
        in_button = self._button(self.in_act, text=True)
        out_button = self._button(self.out_act, text=True)
        clear_button = self._button(self.clear_in_out_act, text=True)
        loop_button = self._button(self.loop_act, text=True)
        times_button = self._button(self.times_act, text=True)

        self.speed_combo = self._combo(
            SPEED_PRESETS, translate("Timeline", "Replay speed: map time per real second")
        )
        self.speed_combo.activated.connect(
            lambda i: self.timeline.set_speed(self.speed_combo.itemData(i))
        )
        self.trail_combo = self._combo(
            TRAIL_PRESETS, translate("Timeline", "How much of each track is drawn")
        )
        self.trail_combo.activated.connect(
            lambda i: self.timeline.set_trail(self.trail_combo.itemData(i))
        )
        self.step_combo = self._combo(
            STEP_PRESETS, translate("Timeline", "Step size for ◀ ▶ (Left/Right keys)")
        )
        self.step_combo.activated.connect(
            lambda i: self.timeline.set_step(self.step_combo.itemData(i))
        )
        self.zone_combo = QComboBox()
        self.zone_combo.setToolTip(translate("Timeline", "Time zone shown under UTC"))
        self.zone_combo.setFocusPolicy(Qt.NoFocus)
        for name, key in CLOCK_ZONES:
            self.zone_combo.addItem(shown_label(name), key)
        self.zone_combo.activated.connect(
            lambda i: self.timeline.set_zone(self.zone_combo.itemData(i))
        )

        mono = QFontDatabase.systemFont(QFontDatabase.FixedFont)
        self.utc_label = QLabel()
        self.zone_label = QLabel()
        for label in (self.utc_label, self.zone_label):
            label.setFont(mono)
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        bold = QFont(mono)
        bold.setBold(True)
        self.utc_label.setFont(bold)
        clock = QVBoxLayout()
        clock.setSpacing(0)
        clock.addWidget(self.utc_label)
        clock.addWidget(self.zone_label)

        # two groups of controls, side by side, or one under the other when the window is too
        # narrow for both (a 1024x768 projector): the transport and the clock, then the rest
        self._left_box, self._right_box = QWidget(), QWidget()
        controls = QHBoxLayout(self._left_box)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.setSpacing(4)
        for b in transport:
            controls.addWidget(b)
        self._extra_at = len(transport)  # where `add_button` puts buttons
        self._controls = controls
        controls.addSpacing(8)
        controls.addLayout(clock)
        controls.addWidget(self.zone_combo)
        rest = QHBoxLayout(self._right_box)
        rest.setContentsMargins(0, 0, 0, 0)
        rest.setSpacing(4)
        self._extra = QHBoxLayout()  # buttons of others (an archive's "Whole archive")
        rest.addLayout(self._extra)
        for b in (times_button, in_button, out_button, clear_button, loop_button):
            rest.addWidget(b)
        rest.addSpacing(8)
        for caption, combo in (
            (translate("Timeline", "Speed"), self.speed_combo),
            (translate("Timeline", "Trail"), self.trail_combo),
            (translate("Timeline", "Step"), self.step_combo),
        ):
            rest.addWidget(QLabel(caption))
            rest.addWidget(combo)
        self._rows = QGridLayout()
        self._rows.setSpacing(4)
        self._rows.addWidget(self._left_box, 0, 0, Qt.AlignLeft)
        self._rows.addWidget(self._right_box, 0, 1, Qt.AlignRight)
        self._one_row = True

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(0)
        layout.addWidget(self.strip)
        layout.addWidget(self.slider)
        layout.addSpacing(2)
        layout.addLayout(self._rows)
        self._fit()

        self._tick_timer = QTimer(self)
        self._tick_timer.setTimerType(Qt.PreciseTimer)
        self._tick_timer.setInterval(TICK_MS)
        self._tick_timer.timeout.connect(self._on_tick)
        self._elapsed = QElapsedTimer()

        self._subscribe()
        self._on_range_changed()
        self._on_speed_changed(timeline.speed)
        self._on_trail_changed(timeline.trail)
        self._on_step_changed(timeline.step_seconds)
        self._on_loop_changed(timeline.loop)
        self._on_zone_changed(timeline.zone)
        self._on_playing_changed(timeline.playing)

    def _subscribe(self) -> None:
        handlers: list[tuple[str, Callable[..., Any]]] = [
            ("time", self._on_time_changed),
            ("playing", self._on_playing_changed),
            ("speed", self._on_speed_changed),
            ("range", self._on_range_changed),
            ("trail", self._on_trail_changed),
            ("loop", self._on_loop_changed),
            ("step", self._on_step_changed),
            ("zone", self._on_zone_changed),
        ]
        events = self.timeline.events
        for name, handler in handlers:
            events.connect(name, handler)

        def unsubscribe(*_: object) -> None:
            for name, handler in handlers:
                events.disconnect(name, handler)

        # The model may outlive this widget: stop calling into it once it is gone.
        self.destroyed.connect(unsubscribe)

    # ------------------------------------------------------------------ actions
    def create_actions(self) -> None:
        tl = self.timeline
        st = QStyle.StandardPixmap
        self.play_act = QAction(
            _icon(self, "media-playback-start", st.SP_MediaPlay),
            translate("Timeline", "&Play"),
            self,
            shortcut=Qt.Key_Space,
            statusTip=translate("Timeline", "Play or pause the replay (Space)"),
            triggered=tl.toggle,
        )
        self.step_back_act = QAction(
            _icon(self, "media-seek-backward", st.SP_MediaSeekBackward),
            translate("Timeline", "Step &back"),
            self,
            shortcut=Qt.Key_Left,
            statusTip=translate("Timeline", "Go back one step (Left)"),
            triggered=lambda: tl.step(-1),
        )
        self.step_forward_act = QAction(
            _icon(self, "media-seek-forward", st.SP_MediaSeekForward),
            translate("Timeline", "Step &forward"),
            self,
            shortcut=Qt.Key_Right,
            statusTip=translate("Timeline", "Go forward one step (Right)"),
            triggered=lambda: tl.step(+1),
        )
        self.start_act = QAction(
            _icon(self, "media-skip-backward", st.SP_MediaSkipBackward),
            translate("Timeline", "Jump to &start"),
            self,
            shortcut=Qt.Key_Home,
            statusTip=translate("Timeline", "Go to the start, or the in point (Home)"),
            triggered=tl.jump_start,
        )
        self.end_act = QAction(
            _icon(self, "media-skip-forward", st.SP_MediaSkipForward),
            translate("Timeline", "Jump to &end"),
            self,
            shortcut=Qt.Key_End,
            statusTip=translate("Timeline", "Go to the end, or the out point (End)"),
            triggered=tl.jump_end,
        )
        self.loop_act = QAction(
            translate("Timeline", "&Loop"),
            self,
            checkable=True,
            shortcut="L",
            statusTip=translate(
                "Timeline", "Start again from the in point after the out point (L)"
            ),
            toggled=tl.set_loop,
        )
        self.in_act = QAction(
            translate("Timeline", "&In"),
            self,
            shortcut="I",
            statusTip=translate("Timeline", "Replay from the current time (I)"),
            triggered=lambda: tl.set_in_point(),
        )
        self.out_act = QAction(
            translate("Timeline", "&Out"),
            self,
            shortcut="O",
            statusTip=translate("Timeline", "Replay up to the current time (O)"),
            triggered=lambda: tl.set_out_point(),
        )
        self.clear_in_out_act = QAction(
            translate("Timeline", "&Clear"),
            self,
            statusTip=translate("Timeline", "Replay the whole time range again"),
            triggered=tl.clear_in_out,
        )
        self.times_act = QAction(
            translate("Timeline", "&Type times…"),
            self,
            shortcut="Ctrl+G",
            statusTip=translate(
                "Timeline", "Type the replay time and the in and out points (Ctrl+G)"
            ),
            triggered=self.ask_times,
        )
        self.slower_act = QAction(
            translate("Timeline", "&Slower"),
            self,
            shortcut="[",
            statusTip=translate("Timeline", "The next slower replay speed ([)"),
            triggered=lambda: self._nudge_speed(-1),
        )
        self.faster_act = QAction(
            translate("Timeline", "F&aster"),
            self,
            shortcut="]",
            statusTip=translate("Timeline", "The next faster replay speed (])"),
            triggered=lambda: self._nudge_speed(+1),
        )
        for act in self.actions():
            act.setToolTip(act.statusTip())
            act.setShortcutContext(Qt.WindowShortcut)
            self.addAction(act)

    def add_action_button(self, action: QAction) -> QToolButton:
        """A text button for ``action`` among the controls (hide it to take it away)."""
        button = self._button(action, text=True)
        self._extra.addWidget(button)
        self._fit()
        return button

    def actions(self) -> list[QAction]:
        """The replay actions, in menu order, for the main window's menus."""
        return [
            self.play_act,
            self.step_back_act,
            self.step_forward_act,
            self.start_act,
            self.end_act,
            self.in_act,
            self.out_act,
            self.clear_in_out_act,
            self.times_act,
            self.loop_act,
            self.slower_act,
            self.faster_act,
        ]

    # ------------------------------------------------------------------ layout
    def _one_row_width(self) -> int:
        return self._left_box.sizeHint().width() + self._right_box.sizeHint().width() + 4 + 12

    def _fit(self) -> None:
        """As narrow as the wider group allows, as tall as the rows need (the map the rest)."""
        widest = max(self._left_box.sizeHint().width(), self._right_box.sizeHint().width())
        self.setMinimumWidth(widest + 12)
        self.layout().invalidate()
        self.setMaximumHeight(self.layout().sizeHint().height())

    def _arrange(self, width: int) -> None:
        """The two groups in one row if ``width`` holds both, else one under the other."""
        one = width >= self._one_row_width()
        if one != self._one_row:
            self._one_row = one
            self._rows.removeWidget(self._right_box)
            if one:
                self._rows.addWidget(self._right_box, 0, 1, Qt.AlignRight)
            else:
                self._rows.addWidget(self._right_box, 1, 0, Qt.AlignLeft)
            self._fit()

    def add_button(self, text: str, slot: Callable[[], None]) -> QToolButton:
        """A text button after the transport buttons (the Live button of a live feed)."""
        button = QToolButton()
        button.setText(text)
        button.setFocusPolicy(Qt.NoFocus)
        button.setToolButtonStyle(Qt.ToolButtonTextOnly)
        button.clicked.connect(slot)
        self._controls.insertWidget(self._extra_at, button)
        self._extra_at += 1
        self._fit()
        return button

    @Slot()
    def ask_times(self) -> None:
        """The replay time and in/out points typed (`TimeRangeDialog`)."""
        TimeRangeDialog(self.timeline, self).exec()

    def _button(self, action: QAction, text: bool = False) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setFocusPolicy(Qt.NoFocus)
        button.setAutoRaise(not text)
        if text:
            button.setToolButtonStyle(Qt.ToolButtonTextOnly)
        return button

    def _combo(self, presets: Sequence[Preset], tip: str) -> QComboBox:
        combo = QComboBox()
        combo.setToolTip(tip)
        combo.setFocusPolicy(Qt.NoFocus)
        combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        for preset in presets:
            combo.addItem(shown_label(preset.label), preset.value)
        return combo

    @staticmethod
    def _select(combo: QComboBox, value: float, words: str) -> None:
        """Show ``value`` in ``combo``, adding an item in words when it is not a preset."""
        i = combo.findData(value)
        if i < 0:
            combo.addItem(shown_label(words), value)
            i = combo.count() - 1
        combo.setCurrentIndex(i)

    def _nudge_speed(self, direction: int) -> None:
        values = [p.value for p in SPEED_PRESETS]
        speed = self.timeline.speed
        if direction > 0:
            faster = [v for v in values if v > speed]
            if faster:
                self.timeline.set_speed(faster[0])
        else:
            slower = [v for v in values if v < speed]
            if slower:
                self.timeline.set_speed(slower[-1])

    # ------------------------------------------------------------------ data for the strip
    def set_activity(self, counts: Sequence[int] | np.ndarray, edges: Sequence[float]) -> None:
        """Live-track counts per bin (e.g. ``viewer.core.slicing.activity(trackset, 288)``)."""
        self.strip.set_activity(counts, edges)

    def set_event_markers(self, times: Sequence[float], labels: Sequence[str]) -> None:
        """Zone events to mark above the slider (epoch s, one label each); click jumps there."""
        self.strip.set_event_markers(times, labels)

    # ------------------------------------------------------------------ playback
    def advance_by(self, wall_seconds: float) -> float:
        """One playback tick of ``wall_seconds`` real time; returns the new time."""
        return self.timeline.advance(min(wall_seconds, MAX_TICK_S))

    @Slot()
    def _on_tick(self) -> None:
        wall = self._elapsed.nsecsElapsed() / 1e9
        self._elapsed.restart()
        self.advance_by(wall)

    # ------------------------------------------------------------------ view updates
    def _on_time_changed(self, t: float | None = None) -> None:
        tl = self.timeline
        self.slider.blockSignals(True)
        self.slider.setValue(round(tl.time - tl.start))
        self.slider.blockSignals(False)
        if tl.end > tl.start:
            self.utc_label.setText(format_time(tl.time))
            self.zone_label.setText(format_time(tl.time, tl.zone))
        else:  # nothing loaded: placeholders the width of a time, so nothing jumps later
            self.utc_label.setText("----------  --:--:-- UTC")
            self.zone_label.setText("")
        self.strip.update()

    def _on_range_changed(self, _range: object = None) -> None:
        tl = self.timeline
        span = tl.end - tl.start
        self.slider.blockSignals(True)
        self.slider.setRange(0, math.ceil(span))
        self.slider.setPageStep(max(1, round(span / 24)))
        self.slider.blockSignals(False)
        has_range = span > 0
        for widget in (self.slider, self.strip):
            widget.setEnabled(has_range)
        for act in self.actions():
            act.setEnabled(has_range)
        self.strip.invalidate()
        self._on_time_changed()

    def _on_playing_changed(self, playing: bool) -> None:
        st = QStyle.StandardPixmap
        if playing:
            self.play_act.setIcon(_icon(self, "media-playback-pause", st.SP_MediaPause))
            self.play_act.setText(translate("Timeline", "&Pause"))
            self._elapsed.start()
            self._tick_timer.start()
        else:
            self.play_act.setIcon(_icon(self, "media-playback-start", st.SP_MediaPlay))
            self.play_act.setText(translate("Timeline", "&Play"))
            self._tick_timer.stop()

    def _on_speed_changed(self, speed: float) -> None:
        self._select(self.speed_combo, speed, speed_words(speed))

    def _on_trail_changed(self, trail: float) -> None:
        self._select(self.trail_combo, trail, trail_words(trail))

    def _on_step_changed(self, step: float) -> None:
        self._select(self.step_combo, step, trail_words(step))

    def _on_loop_changed(self, loop: bool) -> None:
        self.loop_act.setChecked(loop)

    def _on_zone_changed(self, zone: str) -> None:
        i = self.zone_combo.findData(zone)
        if i < 0:
            self.zone_combo.addItem(zone, zone)
            i = self.zone_combo.count() - 1
        self.zone_combo.setCurrentIndex(i)
        self.strip.invalidate()
        self._on_time_changed()

    @Slot(int)
    def _on_slider_moved(self, value: int) -> None:
        self.timeline.set_time(self.timeline.start + value)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size().width())
        # Line the strip's time axis up with the slider's groove.
        handle = self.slider.style().pixelMetric(QStyle.PM_SliderLength, None, self.slider)
        self.strip.set_margin(handle / 2 + self.slider.x() - self.strip.x())
