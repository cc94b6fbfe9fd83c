"""Track labels that do not pile up, quickly: each label drawn once into a small picture
(`LabelSprites`, kept while it is used) and placed on a grid of occupied screen cells
(`LabelGrid`), so a frame of 200 labels among 2,000 heads is a few hundred image blits rather
than as many text layouts and rectangle tests.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QPixmap

from viewer.render.theme import Theme

GRID_PX = 4  # labels are kept apart on a grid of cells this size
MAX_SPRITES = 6000


class LabelGrid:
    """Which screen cells hold a label already; `take` places a label if its cells are free.
    One grid per frame, shared by every loaded file's labels."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.cells = np.zeros((height // GRID_PX + 2, width // GRID_PX + 2), dtype=bool)

    def take(self, x: float, y: float, w: float, h: float) -> bool:
        """Claim the rectangle (screen px); False (nothing claimed) if a label is there."""
        x0, y0 = max(int(x // GRID_PX), 0), max(int(y // GRID_PX), 0)
        x1, y1 = int((x + w) // GRID_PX) + 1, int((y + h) // GRID_PX) + 1
        if x0 >= self.cells.shape[1] or y0 >= self.cells.shape[0] or x1 <= 0 or y1 <= 0:
            return False
        box = self.cells[y0:y1, x0:x1]
        if box.any():
            return False
        box[...] = True
        return True


class LabelSprites:
    """Labels drawn once each, as the track painter shows them: text on a white panel (in high
    contrast, framed, in the theme's text colour)."""

    def __init__(self) -> None:
        self._sprites: dict[tuple, tuple[QPixmap, float, float]] = {}

    def sprite(
        self, text: str, point_size: float, theme: Theme, dpr: float
    ) -> tuple[QPixmap, float, float]:
        """The picture of ``text`` and its size in screen px."""
        key = (text, point_size, theme.name, dpr)
        found = self._sprites.get(key)
        if found is not None:
            return found
        if len(self._sprites) >= MAX_SPRITES:
            self._sprites.clear()
        font = QFont()
        font.setPointSizeF(point_size)
        font.setBold(theme.bold)
        fm = QFontMetricsF(font)
        w, h = fm.horizontalAdvance(text) + 4, fm.height()
        image = QImage(
            math.ceil(w * dpr) + 1, math.ceil(h * dpr) + 1, QImage.Format_ARGB32_Premultiplied
        )
        image.setDevicePixelRatio(dpr)
        image.fill(Qt.transparent)
        p = QPainter(image)
        try:
            p.setRenderHint(QPainter.TextAntialiasing, True)
            rect = QRectF(0, 0, w, h)
            if theme.high_contrast:
                p.setPen(QPen(theme.color("panel_border"), 1.0))
                p.setBrush(theme.color("panel"))
                p.drawRect(rect)
                p.setPen(theme.color("text"))
            else:
                p.fillRect(rect, QColor(255, 255, 255, 190))
                p.setPen(QColor("#111111"))
            p.setFont(font)
            p.drawText(rect.adjusted(2, 0, 0, 0), Qt.AlignVCenter | Qt.AlignLeft, text)
        finally:
            p.end()
        found = (QPixmap.fromImage(image), w, h)
        self._sprites[key] = found
        return found

    @staticmethod
    def draw(painter: QPainter, pixmap: QPixmap, x: float, y: float) -> None:
        painter.drawPixmap(QPointF(x, y), pixmap)
