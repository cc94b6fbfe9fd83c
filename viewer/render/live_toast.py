"""`AlertToasts`: zone alerts as small notices on the map, near an edge, never over the tracks.

Each alert shows for `SHOW_S` seconds (the last `MAX_SHOWN` at once, newest on top), then
fades. They go in the top corner of the map with the fewer track heads under it (top right
first), so a toast does not hide what it is about, below the overlays placed at the top there
(``avoid()``: the north arrow, the notice, the title or clock when the layout put them there).
Nothing blocks, nothing needs a click. The text comes translated from the window.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from viewer.render.context import PaintContext, Painter

SHOW_S = 8.0
FADE_S = 1.5
MAX_SHOWN = 4
MARGIN = 12.0
CORNERS = ("top-right", "top-left")
GAP = 6.0  # px under an overlay


@dataclass(frozen=True)
class Toast:
    text: str
    colour: str  # the track's colour (a bar at the toast's edge)
    shown_at: float  # wall clock (time.monotonic)


class AlertToasts(Painter):
    """See the module docstring. ``heads()`` gives the screen points of the heads drawn (to
    keep clear of); ``clock`` is replaceable in tests."""

    def __init__(
        self,
        heads: Callable[[], list[tuple[np.ndarray, np.ndarray]]] | None = None,
        clock: Callable[[], float] = time.monotonic,
        avoid: Callable[[], list[QRectF]] = list,
    ) -> None:
        self.heads = heads
        self.avoid = avoid
        self.clock = clock
        self.toasts: deque[Toast] = deque(maxlen=MAX_SHOWN)
        self.corner = CORNERS[0]
        self.rects: list[QRectF] = []  # where the last paint put them (screen px)

    def add(self, text: str, colour: str = "#CC3311") -> None:
        self.toasts.append(Toast(text, colour, self.clock()))

    @property
    def showing(self) -> bool:
        now = self.clock()
        return any(now - t.shown_at < SHOW_S for t in self.toasts)

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        now = self.clock()
        shown = [t for t in reversed(self.toasts) if now - t.shown_at < SHOW_S]
        self.rects = []
        if not shown:
            return
        font = QFont()
        font.setPointSizeF(9.5 * ctx.font_scale)
        font.setBold(True)
        fm = QFontMetricsF(font)
        pad = 6.0 * ctx.font_scale
        width = min(
            max(fm.horizontalAdvance(t.text) for t in shown) + 2 * pad + 6,
            ctx.view.width * 0.45,
        )
        height = fm.height() + 2 * pad
        gap = 4.0
        total = len(shown) * (height + gap)
        obstacles = self.avoid()
        self.corner = self._emptiest_corner(ctx, width, total, obstacles)
        x, y = self._origin(ctx, self.corner, width, obstacles)
        painter.save()
        painter.setFont(font)
        for i, toast in enumerate(shown):
            age = now - toast.shown_at
            alpha = min(1.0, max(0.0, (SHOW_S - age) / FADE_S))
            rect = QRectF(x, y + i * (height + gap), width, height)
            self.rects.append(rect)
            painter.setOpacity(alpha)
            painter.setPen(QPen(QColor(0, 0, 0, 110), 1.0))
            painter.setBrush(
                QColor(255, 255, 255, 235) if not ctx.theme.high_contrast else Qt.white
            )
            painter.drawRoundedRect(rect, 4, 4)
            painter.fillRect(
                QRectF(rect.left(), rect.top(), 5, rect.height()), QColor(toast.colour)
            )
            painter.setPen(ctx.theme.color("text"))
            text = fm.elidedText(toast.text, Qt.ElideRight, width - 2 * pad - 6)
            painter.drawText(
                rect.adjusted(pad + 6, 0, -pad, 0), Qt.AlignVCenter | Qt.AlignLeft, text
            )
        painter.restore()

    @staticmethod
    def _origin(
        ctx: PaintContext, corner: str, width: float, obstacles: list[QRectF]
    ) -> tuple[float, float]:
        """Top left of the stack in ``corner``: under the overlays at the top of its column."""
        x = ctx.view.width - MARGIN - width if corner.endswith("right") else MARGIN
        y = MARGIN
        for rect in obstacles:
            upper = rect.center().y() < ctx.view.height / 2
            if upper and rect.right() > x and rect.left() < x + width:
                y = max(y, rect.bottom() + GAP)
        return x, y

    def _emptiest_corner(
        self, ctx: PaintContext, width: float, height: float, obstacles: list[QRectF]
    ) -> str:
        """The top corner whose toast area holds the fewer heads (the first of them on a tie)."""
        if self.heads is None:
            return CORNERS[0]
        points = self.heads()
        if not points:
            return CORNERS[0]
        sx = np.concatenate([p[0] for p in points])
        sy = np.concatenate([p[1] for p in points])
        counts = []
        for corner in CORNERS:
            x0, y0 = self._origin(ctx, corner, width, obstacles)
            inside = (sx >= x0) & (sx <= x0 + width) & (sy >= y0 - 30) & (sy <= y0 + height + 30)
            counts.append(int(inside.sum()))
        return CORNERS[int(np.argmin(counts))]
