"""`QtTimeline`: the replay controls, a view of `viewer.core.timeline.Timeline`.

It owns no replay state: buttons, the slider and the combos call the model's setters, and the
model's events (``_on_<field>_changed``) update the widgets. A `QTimer` at ~60 Hz drives playback by
calling ``timeline.advance`` with the wall time that really passed.

The keyboard actions (Space, Left/Right, Home/End, I/O, L, [ and ]) are `QAction`s listed by
`QtTimeline.actions`, so the main window can put the same actions in its menus.

Above the slider, `ActivityStrip` shows how many tracks are live per time bin (`set_activity`,
fed from `viewer.core.slicing.activity`) and zone-event markers (`set_event_markers`); clicking
a marker jumps there, clicking elsewhere scrubs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QElapsedTimer,
    QEvent,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontDatabase,
    QHelpEvent,
    QIcon,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QStyle,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from viewer.core.timeline import (
    SPEED_PRESETS,
    STEP_PRESETS,
    TIME_ZONES,
    TRAIL_PRESETS,
    Preset,
    Timeline,
    format_time,
    speed_words,
    trail_words,
    zone_info,
)
from viewer.qt.i18n import translate

TICK_MS = 16  # ~60 Hz
MAX_TICK_S = 0.25  # a stalled event loop resumes where it stopped instead of jumping ahead
CURSOR_COLOR = "#d62728"
MARKER_FILL, MARKER_EDGE = "#f0a020", "#8a4b00"

# The core's words among the preset labels and clock zones (the rest are numbers and units).
PRESET_WORDS = {
    "Heads only": QT_TRANSLATE_NOOP("Timeline", "Heads only"),
    "Whole track": QT_TRANSLATE_NOOP("Timeline", "Whole track"),
    "Taipei": QT_TRANSLATE_NOOP("Timeline", "Taipei"),
    "Tokyo": QT_TRANSLATE_NOOP("Timeline", "Tokyo"),
    "Beijing": QT_TRANSLATE_NOOP("Timeline", "Beijing"),
    "Local": QT_TRANSLATE_NOOP("Timeline", "Local"),
}


def shown_label(label: str) -> str:
    """A preset or zone label as shown: translated when it is words, as is when it is units."""
    return translate("Timeline", PRESET_WORDS[label]) if label in PRESET_WORDS else label


# Candidate spacings for the strip's time labels, seconds.
_TICK_SPACINGS = (60, 300, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800)


def _icon(widget: QWidget, theme: str, fallback: QStyle.StandardPixmap) -> QIcon:
    """A theme icon with the style's standard pixmap as the fallback."""
    return QIcon.fromTheme(theme, widget.style().standardIcon(fallback))


class ActivityStrip(QWidget):
    """Live-track counts per time bin over the timeline's range, with the in/out range, the
    current time and event markers. Emits ``marker_clicked(index)``; clicks elsewhere scrub."""

    marker_clicked = Signal(int)

    HEIGHT = 46
    LABEL_H = 13  # the time labels along the bottom

    def __init__(self, timeline: Timeline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline = timeline
        self.counts = np.zeros(0, dtype=np.int64)
        self.edges = np.zeros(0, dtype=np.float64)
        self.marker_times = np.zeros(0, dtype=np.float64)
        self.marker_labels: list[str] = []
        self.margin = 8.0  # px at each end, matched to the slider's groove by QtTimeline
        self._static: QPixmap | None = None  # everything but the current-time line
        self.setFixedHeight(self.HEIGHT)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setToolTip(
            translate(
                "Timeline",
                "Tracks live over time. Click to go there; click a marker to jump to it.",
            )
        )

    # ------------------------------------------------------------------ data
    def set_activity(self, counts: Sequence[int] | np.ndarray, edges: Sequence[float]) -> None:
        counts = np.asarray(counts, dtype=np.int64)
        edges = np.asarray(edges, dtype=np.float64)
        if len(edges) != len(counts) + 1:
            raise ValueError(
                f"activity needs one more edge than counts; got {len(counts)} counts and "
                f"{len(edges)} edges"
            )
        self.counts, self.edges = counts, edges
        self.invalidate()

    def set_event_markers(self, times: Sequence[float], labels: Sequence[str]) -> None:
        if len(times) != len(labels):
            raise ValueError(f"one label per marker; got {len(times)} times, {len(labels)} labels")
        self.marker_times = np.asarray(times, dtype=np.float64)
        self.marker_labels = [str(s) for s in labels]
        self.invalidate()

    def invalidate(self) -> None:
        """Repaint the cached bars, range, labels and markers (not needed for a time change)."""
        self._static = None
        self.update()

    def set_margin(self, margin: float) -> None:
        if margin != self.margin:
            self.margin = margin
            self.invalidate()

    # ------------------------------------------------------------------ geometry
    def x_of(self, t: float | np.ndarray) -> Any:
        """Widget x of epoch time ``t`` (scalar or array)."""
        tl = self.timeline
        span = max(tl.end - tl.start, 1e-9)
        return self.margin + (np.asarray(t) - tl.start) / span * (self.width() - 2 * self.margin)

    def time_at(self, x: float) -> float:
        tl = self.timeline
        frac = (x - self.margin) / max(self.width() - 2 * self.margin, 1)
        return tl.start + min(max(frac, 0.0), 1.0) * (tl.end - tl.start)

    def marker_at(self, x: float, tolerance: float = 6.0) -> int | None:
        """The index of the marker drawn nearest ``x`` within ``tolerance`` px, or None."""
        if not len(self.marker_times):
            return None
        dist = np.abs(self.x_of(self.marker_times) - x)
        i = int(np.argmin(dist))
        return i if dist[i] <= tolerance else None

    # ------------------------------------------------------------------ input
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.LeftButton:
            return super().mousePressEvent(event)
        x = event.position().x()
        marker = self.marker_at(x)
        if marker is not None:
            self.timeline.set_time(float(self.marker_times[marker]))
            self.marker_clicked.emit(marker)
        else:
            self.timeline.set_time(self.time_at(x))
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.LeftButton:
            self.timeline.set_time(self.time_at(event.position().x()))
        on_marker = self.marker_at(event.position().x()) is not None
        self.setCursor(Qt.PointingHandCursor if on_marker else Qt.ArrowCursor)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.ToolTip and isinstance(event, QHelpEvent):
            marker = self.marker_at(event.position().x())
            if marker is not None:
                when = format_time(float(self.marker_times[marker]), self.timeline.zone)
                QToolTip.showText(event.globalPos(), f"{self.marker_labels[marker]}\n{when}", self)
                return True
        return super().event(event)

    # ------------------------------------------------------------------ painting
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._static = None
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Per frame only the cached picture and the current-time line are drawn."""
        dpr = self.devicePixelRatioF()
        if self._static is None or self._static.devicePixelRatio() != dpr:
            self._static = QPixmap(self.size() * dpr)
            self._static.setDevicePixelRatio(dpr)
            self._static.fill(Qt.transparent)
            cache = QPainter(self._static)
            self._paint_static(cache)
            cache.end()
        p = QPainter(self)
        p.drawPixmap(0, 0, self._static)
        tl = self.timeline
        if tl.end > tl.start:
            x = float(self.x_of(tl.time))
            p.setPen(QPen(QColor(CURSOR_COLOR), 2))
            p.drawLine(QPointF(x, 0), QPointF(x, self.height() - self.LABEL_H))
        p.end()

    def _paint_static(self, p: QPainter) -> None:
        tl = self.timeline
        pal = self.palette()
        w, h = self.width(), self.height()
        top, bottom = 7, h - self.LABEL_H  # bars between these; markers in the top band
        left, right = self.margin, w - self.margin
        p.fillRect(QRectF(left, top, right - left, bottom - top), pal.base())
        if tl.end <= tl.start:
            p.setPen(pal.placeholderText().color())
            p.drawText(self.rect(), Qt.AlignCenter, translate("Timeline", "No tracks loaded"))
            return
        # Outside the in/out range: shaded.
        shade = QColor(pal.windowText().color())
        shade.setAlpha(40)
        lo_x, hi_x = float(self.x_of(tl.lo)), float(self.x_of(tl.hi))
        if tl.in_point is not None:
            p.fillRect(QRectF(left, top, lo_x - left, bottom - top), shade)
        if tl.out_point is not None:
            p.fillRect(QRectF(hi_x, top, right - hi_x, bottom - top), shade)
        # Bars: live tracks per bin, scaled to the busiest bin.
        if len(self.counts) and self.counts.max() > 0:
            bar = QColor(pal.highlight().color())
            bar.setAlpha(170)
            x0 = self.x_of(self.edges[:-1])
            x1 = self.x_of(self.edges[1:])
            heights = self.counts / self.counts.max() * (bottom - top - 2)
            for a, b, hgt in zip(x0, x1, heights, strict=True):
                if hgt > 0:
                    p.fillRect(QRectF(a, bottom - hgt, max(b - a, 1.0), hgt), bar)
        # In/out points.
        p.setPen(QPen(QColor(pal.link().color()), 2))
        for t in (tl.in_point, tl.out_point):
            if t is not None:
                x = float(self.x_of(t))
                p.drawLine(QPointF(x, top), QPointF(x, bottom))
        self._paint_labels(p, left, right, bottom)
        # Event markers: small triangles pointing down at their time.
        if len(self.marker_times):
            p.setRenderHint(QPainter.Antialiasing, True)
            p.setPen(QPen(QColor(MARKER_EDGE), 1))
            p.setBrush(QColor(MARKER_FILL))
            for x in self.x_of(self.marker_times):
                p.drawPolygon(
                    QPolygonF([QPointF(x - 4, 0), QPointF(x + 4, 0), QPointF(x, top + 2)])
                )

    def _paint_labels(self, p: QPainter, left: float, right: float, bottom: float) -> None:
        """Time labels in the timeline's zone, at round local times at least ~70 px apart."""
        tl = self.timeline
        span = tl.end - tl.start
        px_per_s = (right - left) / span
        spacing = next((s for s in _TICK_SPACINGS if s * px_per_s >= 70), _TICK_SPACINGS[-1])
        tz = zone_info(tl.zone)
        offset = (datetime.fromtimestamp(tl.start, UTC).astimezone(tz).utcoffset()) or timedelta()
        shift = offset.total_seconds()
        first = math.ceil((tl.start + shift) / spacing) * spacing - shift
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.8, 6.0))
        p.setFont(font)
        p.setPen(self.palette().placeholderText().color())
        fmt = "%m-%d" if spacing >= 86400 else "%H:%M"
        t = first
        while t <= tl.end:
            x = float(self.x_of(t))
            p.drawLine(QPointF(x, bottom), QPointF(x, bottom + 3))
            text = datetime.fromtimestamp(t, UTC).astimezone(tz).strftime(fmt)
            if fmt == "%H:%M" and text == "00:00":
                text = datetime.fromtimestamp(t, UTC).astimezone(tz).strftime("%m-%d")
            rect = QRectF(x - 30, bottom + 1, 60, self.LABEL_H)
            p.drawText(rect, Qt.AlignHCenter | Qt.AlignBottom, text)
            t += spacing


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
        for name, key in TIME_ZONES:
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

        controls = QHBoxLayout()
        controls.setSpacing(4)
        for b in transport:
            controls.addWidget(b)
        controls.addSpacing(8)
        controls.addLayout(clock)
        controls.addWidget(self.zone_combo)
        controls.addStretch(1)
        for b in (times_button, in_button, out_button, clear_button, loop_button):
            controls.addWidget(b)
        controls.addSpacing(8)
        for caption, combo in (
            (translate("Timeline", "Speed"), self.speed_combo),
            (translate("Timeline", "Trail"), self.trail_combo),
            (translate("Timeline", "Step"), self.step_combo),
        ):
            controls.addWidget(QLabel(caption))
            controls.addWidget(combo)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(0)
        layout.addWidget(self.strip)
        layout.addWidget(self.slider)
        layout.addSpacing(2)
        layout.addLayout(controls)

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

    @Slot()
    def ask_times(self) -> None:
        """The replay time and in/out points typed (`TimeRangeDialog`)."""
        from viewer.qt.time_range_dialog import TimeRangeDialog

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
        # Line the strip's time axis up with the slider's groove.
        handle = self.slider.style().pixelMetric(QStyle.PM_SliderLength, None, self.slider)
        self.strip.set_margin(handle / 2 + self.slider.x() - self.strip.x())
