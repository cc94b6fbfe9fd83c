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
DENSITY_PX = 64  # heads per square of this size: the sparser places are labelled first


def label_order(
    sx: np.ndarray, sy: np.ndarray, rank: np.ndarray, cell: tuple[float, float]
) -> np.ndarray:
    """Which heads (indices into ``sx``, ``sy``) to try labelling, in order, as a cartographer
    would: by ``rank`` (lower first: the selected track, alerting, inside a zone, the rest),
    then the sparsest places first (fewest heads within `DENSITY_PX`: a lone aircraft is
    labelled, a crowd gets what room is left), then track order (stable from frame to frame);
    and at most one head per ``cell`` (width, height) box (the first in that order): two labels
    anchored in one box, each at least that wide and tall, would overlap anyway. All in
    NumPy: the painter then only tests the few hundred it tries."""
    n = len(sx)
    if n == 0:
        return np.empty(0, dtype=np.int64)
    _, square, crowd = np.unique(
        _cell_keys(sx, sy, DENSITY_PX, DENSITY_PX), return_inverse=True, return_counts=True
    )
    order = np.lexsort((np.arange(n), crowd[square], rank))
    _, first = np.unique(_cell_keys(sx[order], sy[order], *cell), return_index=True)
    return order[np.sort(first)]


def _cell_keys(sx: np.ndarray, sy: np.ndarray, w: float, h: float) -> np.ndarray:
    """One integer per ``w`` x ``h`` box of the screen (and of the margins around it)."""
    cx = np.clip(np.floor(sx / w), -(2**20), 2**20).astype(np.int64)
    cy = np.clip(np.floor(sy / h), -(2**20), 2**20).astype(np.int64)
    return (cx << 22) + cy


class LabelGrid:
    """Which screen cells hold a label already; `take` places a label if its cells are free.
    One grid per frame, shared by every loaded file's labels."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.cells = np.zeros((height // GRID_PX + 2, width // GRID_PX + 2), dtype=bool)

    def mark(self, x: float, y: float, w: float, h: float) -> None:
        """Mark the rectangle (screen px) as taken (a name on the map: no label goes there)."""
        x0, y0 = max(int(x // GRID_PX), 0), max(int(y // GRID_PX), 0)
        x1, y1 = int((x + w) // GRID_PX) + 1, int((y + h) // GRID_PX) + 1
        self.cells[y0:y1, x0:x1] = True

    def mark_points(self, xs: np.ndarray, ys: np.ndarray, r: float) -> None:
        """Mark a square of half-side ``r`` around each point (the heads' icons), at once."""
        ny, nx = self.cells.shape
        ok = np.isfinite(xs) & np.isfinite(ys)
        ok &= (xs > -r) & (xs < self.width + r) & (ys > -r) & (ys < self.height + r)
        if not ok.any():
            return
        x0 = np.clip(((xs[ok] - r) // GRID_PX).astype(int), 0, nx - 1)
        y0 = np.clip(((ys[ok] - r) // GRID_PX).astype(int), 0, ny - 1)
        x1 = np.clip(((xs[ok] + r) // GRID_PX).astype(int), 0, nx - 1)
        y1 = np.clip(((ys[ok] + r) // GRID_PX).astype(int), 0, ny - 1)
        k = int((2 * r) // GRID_PX) + 2
        for dy in range(k):
            for dx in range(k):
                inside = (x0 + dx <= x1) & (y0 + dy <= y1)
                self.cells[(y0 + dy)[inside], (x0 + dx)[inside]] = True

    def free(self, x: np.ndarray, y: np.ndarray, w: np.ndarray, h: np.ndarray) -> np.ndarray:
        """Whether each rectangle (screen px, arrays alike in shape) is free now, at once (a
        summed-area table of the grid): a rectangle taken now stays taken, so only the free
        ones need `take` — in a crowd most places around a head are under other icons."""
        ny, nx = self.cells.shape
        table = np.zeros((ny + 1, nx + 1), dtype=np.int32)
        np.cumsum(np.cumsum(self.cells, axis=0, dtype=np.int32), axis=1, out=table[1:, 1:])
        x0 = np.clip(np.floor_divide(x, GRID_PX).astype(np.int64), 0, nx)
        y0 = np.clip(np.floor_divide(y, GRID_PX).astype(np.int64), 0, ny)
        x1 = np.clip(np.floor_divide(x + w, GRID_PX).astype(np.int64) + 1, 0, nx)
        y1 = np.clip(np.floor_divide(y + h, GRID_PX).astype(np.int64) + 1, 0, ny)
        taken = table[y1, x1] - table[y0, x1] - table[y1, x0] + table[y0, x0]
        return (taken == 0) & (x0 < nx) & (y0 < ny) & (x1 > x0) & (y1 > y0)

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
