"""The laser pointer: while X is held (or Ctrl and the left mouse button, as in PowerPoint), a
bright dot follows the mouse over the map with a short fading tail. It draws nothing into the
briefing and is never in an export: it is one of the canvas's screen painters, not part of the
`MapScene` exports render.

    laser = LaserPointer(canvas, window, blocked=lambda: tool_is_editing_vertices)
"""

from __future__ import annotations

import itertools
import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QCursor, QPainter, QPen, QRadialGradient

from viewer.render.context import PaintContext

KEY = Qt.Key_X  # hold it for the laser
TAIL_S = 0.35  # how long the tail lasts, seconds
FRAME_MS = 16
RADIUS_PX = 7.0  # the dot, at font scale 1 (1.5x while presenting)
COLOUR = QColor(255, 20, 60)


class LaserPointer(QObject):
    """The laser on ``canvas``: held by the key `KEY` while ``window`` (or the map) has the
    focus, or by Ctrl and the left button on the map — not while ``blocked()`` (a tool whose
    Ctrl+click means something else)."""

    def __init__(self, canvas, window, blocked: Callable[[], bool] = lambda: False) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.blocked = blocked
        self.by_key = False
        self.by_mouse = False
        self.trail: deque[tuple[float, float, float]] = deque()  # (monotonic s, x, y)
        self._timer = QTimer(self, interval=FRAME_MS)
        self._timer.timeout.connect(self._tick)
        canvas.installEventFilter(self)  # after the tools' filter: called before it
        window.installEventFilter(self)  # the keys no widget took reach the window
        canvas.screen_painters.append(self.paint)

    @property
    def on(self) -> bool:
        return self.by_key or self.by_mouse

    def hold(self, on: bool) -> None:
        """The key went down (True) or up (False)."""
        self.by_key = on
        if on:
            pos = self.canvas.mapFromGlobal(QCursor.pos())
            self._add(QPointF(pos))
        self._timer.start()

    def _add(self, pos: QPointF) -> None:
        self.trail.append((time.monotonic(), pos.x(), pos.y()))
        self._timer.start()
        self.canvas.update()

    def _tick(self) -> None:
        cutoff = time.monotonic() - TAIL_S
        keep_last = self.on
        while len(self.trail) > (1 if keep_last else 0) and self.trail[0][0] < cutoff:
            self.trail.popleft()
        if not self.on and not self.trail:
            self._timer.stop()
        self.canvas.update()

    def eventFilter(self, obj, event) -> bool:
        t = event.type()
        if t in (QEvent.KeyPress, QEvent.KeyRelease):
            if event.key() != KEY or event.isAutoRepeat() or event.modifiers() & ~Qt.KeypadModifier:
                return False
            if obj is self.canvas or obj is self.canvas.window():
                self.hold(t == QEvent.KeyPress)
                return True
            return False
        if obj is not self.canvas:
            return False
        if t == QEvent.MouseButtonPress and event.button() == Qt.LeftButton:
            if event.modifiers() & Qt.ControlModifier and not self.blocked():
                self.by_mouse = True
                self._add(event.position())
                return True
            return False
        if t == QEvent.MouseMove and self.on:
            self._add(event.position())
            return self.by_mouse
        if t == QEvent.MouseButtonRelease and self.by_mouse and event.button() == Qt.LeftButton:
            self.by_mouse = False
            self._timer.start()  # the tail fades out
            return True
        return False

    # ------------------------------------------------------------------ painting
    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        """The fading tail, then the dot (a screen painter)."""
        if not self.trail:
            return
        now = time.monotonic()
        s = ctx.font_scale
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing, True)
        points = list(self.trail)
        for (_, x0, y0), (t1, x1, y1) in itertools.pairwise(points):
            fade = max(0.0, 1.0 - (now - t1) / TAIL_S)
            if fade <= 0:
                continue
            colour = QColor(COLOUR)
            colour.setAlphaF(0.75 * fade)
            painter.setPen(QPen(colour, RADIUS_PX * s * fade * 1.2, Qt.SolidLine, Qt.RoundCap))
            painter.drawLine(QPointF(x0, y0), QPointF(x1, y1))
        if self.on:
            _, x, y = points[-1]
            r = RADIUS_PX * s
            glow = QRadialGradient(QPointF(x, y), r * 2.6)
            glow.setColorAt(0.0, QColor(255, 60, 90, 200))
            glow.setColorAt(1.0, QColor(255, 20, 60, 0))
            painter.setPen(Qt.NoPen)
            painter.setBrush(glow)
            painter.drawEllipse(QPointF(x, y), r * 2.6, r * 2.6)
            painter.setBrush(COLOUR)
            painter.setPen(QPen(QColor(255, 255, 255), 1.5))
            painter.drawEllipse(QPointF(x, y), r, r)
        painter.restore()
