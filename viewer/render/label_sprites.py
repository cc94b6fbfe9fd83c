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
        # the same cells as one Python int per row (bit i: cell i), for `take`: a few integer
        # operations per label instead of NumPy calls; made again after `mark`/`mark_points`
        self._rows: list[int] | None = None
        # work arrays kept from frame to frame (a new array of this size each time costs more
        # in fresh memory pages than the sums written into it)
        self._scratch: dict[str, np.ndarray] = {}

    def clear(self) -> None:
        """Every cell free again (the grid reused for the next frame)."""
        self.cells[...] = False
        self._rows = None

    def _buffer(self, name: str) -> np.ndarray:
        found = self._scratch.get(name)
        if found is None:
            ny, nx = self.cells.shape
            found = self._scratch[name] = np.zeros((ny + 1, nx + 1), dtype=np.int64)
        return found

    def mark(self, x: float, y: float, w: float, h: float) -> None:
        """Mark the rectangle (screen px) as taken (a name on the map: no label goes there)."""
        x0, y0 = max(int(x // GRID_PX), 0), max(int(y // GRID_PX), 0)
        x1, y1 = int((x + w) // GRID_PX) + 1, int((y + h) // GRID_PX) + 1
        self.cells[y0:y1, x0:x1] = True
        self._rows = None

    def mark_points(self, xs: np.ndarray, ys: np.ndarray, r: float) -> None:
        """Mark a square of half-side ``r`` around each point (the heads' icons), at once."""
        ny, nx = self.cells.shape
        ok = np.isfinite(xs) & np.isfinite(ys)
        ok &= (xs > -r) & (xs < self.width + r) & (ys > -r) & (ys < self.height + r)
        if not ok.any():
            return
        x0 = np.clip(((xs[ok] - r) // GRID_PX).astype(np.int64), 0, nx - 1)
        y0 = np.clip(((ys[ok] - r) // GRID_PX).astype(np.int64), 0, ny - 1)
        x1 = np.clip(((xs[ok] + r) // GRID_PX).astype(np.int64), 0, nx - 1) + 1
        y1 = np.clip(((ys[ok] + r) // GRID_PX).astype(np.int64), 0, ny - 1) + 1
        # every square at once: +1 at its corners' differences, then sums along both axes
        stride = nx + 1
        corners = np.concatenate([y0 * stride + x0, y0 * stride + x1, y1 * stride + x0,
                                  y1 * stride + x1])  # fmt: skip
        signs = np.repeat(np.array([1, -1, -1, 1], dtype=np.int64), len(x0))
        sums = self._buffer("sums")
        sums.fill(0)
        np.add.at(sums.reshape(-1), corners, signs)
        np.cumsum(sums, axis=1, out=sums)
        np.cumsum(sums, axis=0, out=sums)
        self.cells |= sums[:ny, :nx] > 0
        self._rows = None

    def free(self, x: np.ndarray, y: np.ndarray, w: np.ndarray, h: np.ndarray) -> np.ndarray:
        """Whether each rectangle (screen px, arrays alike in shape) is free now, at once (a
        summed-area table of the grid): a rectangle taken now stays taken, so only the free
        ones need `take` — in a crowd most places around a head are under other icons."""
        ny, nx = self.cells.shape
        table = self._buffer("table")  # row 0 and column 0 stay 0
        np.cumsum(self.cells, axis=1, dtype=np.int64, out=table[1:, 1:])
        np.cumsum(table[1:, 1:], axis=0, out=table[1:, 1:])
        x0 = np.clip(np.floor_divide(x, GRID_PX).astype(np.int64), 0, nx)
        y0 = np.clip(np.floor_divide(y, GRID_PX).astype(np.int64), 0, ny)
        x1 = np.clip(np.floor_divide(x + w, GRID_PX).astype(np.int64) + 1, 0, nx)
        y1 = np.clip(np.floor_divide(y + h, GRID_PX).astype(np.int64) + 1, 0, ny)
        taken = table[y1, x1] - table[y0, x1] - table[y1, x0] + table[y0, x0]
        return (taken == 0) & (x0 < nx) & (y0 < ny) & (x1 > x0) & (y1 > y0)

    def take(self, x: float, y: float, w: float, h: float) -> bool:
        """Claim the rectangle (screen px); False (nothing claimed) if a label is there."""
        ny, nx = self.cells.shape
        x0, y0 = max(int(x // GRID_PX), 0), max(int(y // GRID_PX), 0)
        x1, y1 = min(int((x + w) // GRID_PX) + 1, nx), min(int((y + h) // GRID_PX) + 1, ny)
        if x0 >= x1 or y0 >= y1:
            return False
        rows = self._rows
        if rows is None:
            packed = np.packbits(self.cells, axis=1, bitorder="little")
            rows = self._rows = [int.from_bytes(row.tobytes(), "little") for row in packed]
        mask = ((1 << (x1 - x0)) - 1) << x0
        for r in range(y0, y1):
            if rows[r] & mask:
                return False
        for r in range(y0, y1):
            rows[r] |= mask
        self.cells[y0:y1, x0:x1] = True
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
