"""`ActivityStrip`: above the timeline's slider, how many tracks are live per time bin
(`set_activity`, fed from `viewer.core.slicing.activity`) over the clock's range, the in/out
range, the current time and the zone-event markers (`set_event_markers`); clicking a marker jumps
there, clicking elsewhere scrubs."""

from __future__ import annotations

from collections.abc import Sequence
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
