"""`ActivityStrip`: above the timeline's slider, how many tracks are live per time bin
(`set_activity`, fed from `viewer.core.slicing.activity`, or an archive's hours) over the clock's
range, the in/out range, the current time and the zone-event markers (`set_event_markers`);
clicking a marker jumps there, clicking elsewhere scrubs.

With ``select_ranges`` on (an archive is open), a drag selects a window of time
(``range_selected(start, end)``) and the wheel asks to zoom (``zoom_requested(factor, at)``);
``bin_tip(t)`` gives the hover text for time ``t`` (an archive hour's fixes and tracks)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from viewer.core.time_ticks import keep_apart, time_ticks
from viewer.core.timeline import Timeline, format_time
from viewer.qt.i18n import translate

CURSOR_COLOR = "#d62728"
MARKER_FILL, MARKER_EDGE = "#f0a020", "#8a4b00"


class ActivityStrip(QWidget):
    """Live-track counts per time bin over the timeline's range, with the in/out range, the
    current time and event markers. Emits ``marker_clicked(index)``; clicks elsewhere scrub."""

    marker_clicked = Signal(int)
    range_selected = Signal(float, float)  # epoch s, start < end
    zoom_requested = Signal(float, float)  # factor (< 1 narrows), around epoch s

    HEIGHT = 46
    DRAG_PX = 4  # a press that moves further is a drag (a range), not a click
    WHEEL_FACTOR = 0.8  # the window per wheel notch
    LABEL_H = 13  # the time labels along the bottom
    MARKER_BAND = 12  # px at the top where the event markers are drawn and clicked

    def __init__(self, timeline: Timeline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline = timeline
        self.counts = np.zeros(0, dtype=np.int64)
        self.edges = np.zeros(0, dtype=np.float64)
        self.marker_times = np.zeros(0, dtype=np.float64)
        self.marker_labels: list[str] = []
        self.margin = 8.0  # px at each end, matched to the slider's groove by QtTimeline
        self._static: QPixmap | None = None  # everything but the current-time line
        self.select_ranges = False
        self.bin_tip: Callable[[float], str] | None = None
        self._press_x: float | None = None
        self._selection: tuple[float, float] | None = None  # x of a drag in progress
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

    def marker_at(self, x: float, tolerance: float = 6.0, y: float | None = None) -> int | None:
        """The index of the marker drawn nearest ``x`` within ``tolerance`` px, or None. While
        ranges are selected (an archive), only a press in the markers' band at the top (``y``)
        hits one: below it a press starts a drag, however many markers the window holds."""
        if not len(self.marker_times):
            return None
        if self.select_ranges and y is not None and y > self.MARKER_BAND:
            return None
        dist = np.abs(self.x_of(self.marker_times) - x)
        i = int(np.argmin(dist))
        return i if dist[i] <= tolerance else None

    # ------------------------------------------------------------------ input
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.LeftButton:
            return super().mousePressEvent(event)
        x = event.position().x()
        marker = self.marker_at(x, y=event.position().y())
        if marker is not None:
            self.timeline.set_time(float(self.marker_times[marker]))
            self.marker_clicked.emit(marker)
        elif self.select_ranges:  # a click scrubs on release; a drag selects
            self._press_x = x
        else:
            self.timeline.set_time(self.time_at(x))
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        if event.buttons() & Qt.LeftButton:
            if self._press_x is not None:
                if self._selection is not None or abs(x - self._press_x) > self.DRAG_PX:
                    self._selection = (self._press_x, x)
                    self.update()
            else:
                self.timeline.set_time(self.time_at(x))
        on_marker = self.marker_at(x, y=event.position().y()) is not None
        self.setCursor(Qt.PointingHandCursor if on_marker else Qt.ArrowCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.LeftButton or self._press_x is None:
            return super().mouseReleaseEvent(event)
        selection, press = self._selection, self._press_x
        self._press_x = self._selection = None
        self.update()
        if selection is None:
            self.timeline.set_time(self.time_at(press))
            return
        a, b = sorted(self.time_at(v) for v in selection)
        if b > a:
            self.range_selected.emit(a, b)

    def wheelEvent(self, event: QWheelEvent) -> None:
        notches = event.angleDelta().y() / 120.0
        if not self.select_ranges or not notches:
            return super().wheelEvent(event)
        self.zoom_requested.emit(self.WHEEL_FACTOR**notches, self.time_at(event.position().x()))
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.ToolTip and isinstance(event, QHelpEvent):
            marker = self.marker_at(event.position().x(), y=event.position().y())
            if marker is not None:
                when = format_time(float(self.marker_times[marker]), self.timeline.zone)
                QToolTip.showText(event.globalPos(), f"{self.marker_labels[marker]}\n{when}", self)
                return True
            if self.bin_tip is not None and self.isEnabled():
                text = self.bin_tip(self.time_at(event.position().x()))
                if text:
                    QToolTip.showText(event.globalPos(), text, self)
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
        if self._selection is not None:  # the window being dragged out
            a, b = sorted(self._selection)
            band = QColor(self.palette().highlight().color())
            band.setAlpha(70)
            p.fillRect(QRectF(a, 0, max(b - a, 1.0), self.height() - self.LABEL_H), band)
            p.setPen(QPen(self.palette().highlight().color(), 1))
            p.drawRect(QRectF(a, 0, max(b - a, 1.0), self.height() - self.LABEL_H - 1))
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
            x0, x1, counts = self._visible_bars(left, right)
            if len(counts) and counts.max() > 0:
                heights = counts / counts.max() * (bottom - top - 2)
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

    def _visible_bars(self, left: float, right: float) -> tuple:
        """(x0, x1, counts) of the bins inside the range, scaled to the busiest of them; where
        bins are narrower than a pixel (a year of hours), the busiest of each pixel column."""
        x0 = self.x_of(self.edges[:-1])
        x1 = self.x_of(self.edges[1:])
        keep = (x1 > left) & (x0 < right) & (self.counts > 0)
        x0, x1, counts = np.maximum(x0[keep], left), np.minimum(x1[keep], right), self.counts[keep]
        if len(counts) <= right - left:
            return x0, x1, counts
        cols = np.floor(x0).astype(np.int64)
        first = int(cols.min())
        most = np.zeros(int(cols.max()) - first + 1, dtype=np.int64)
        np.maximum.at(most, cols - first, counts)
        xs = np.flatnonzero(most) + first
        return xs.astype(np.float64), xs + 1.0, most[most > 0]

    def label_boxes(self) -> list[tuple[QRectF, str]]:
        """The time labels as drawn: (rectangle, text), for any span from minutes to years
        (`time_ticks`): never touching each other, none cut at the strip's ends."""
        tl = self.timeline
        if tl.end <= tl.start:
            return []
        left, right = self.margin, self.width() - self.margin
        fm = QFontMetricsF(self._label_font())
        ticks = time_ticks(tl.start, tl.end, right - left, tl.zone, fm.horizontalAdvance)
        xs = [float(self.x_of(t)) for t, _ in ticks]
        widths = [fm.horizontalAdvance(text) for _, text in ticks]
        bottom = self.height() - self.LABEL_H
        return [
            (QRectF(x0, bottom + 1, widths[i], self.LABEL_H), ticks[i][1])
            for i, x0 in keep_apart(xs, widths, 0.0, float(self.width()))
        ]

    def _label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.8, 6.0))
        return font

    def _paint_labels(self, p: QPainter, left: float, right: float, bottom: float) -> None:
        """Time labels in the timeline's zone at round local times, with a tick at each."""
        p.setFont(self._label_font())
        p.setPen(self.palette().placeholderText().color())
        for rect, text in self.label_boxes():
            x = rect.center().x()
            p.drawText(rect, Qt.AlignHCenter | Qt.AlignBottom, text)
            p.drawLine(QPointF(x, bottom), QPointF(x, bottom + 3))
