"""Where the overlays go: the notice, north arrow, source line, clock, title, legend and scale bar
placed as boxes so they keep off the data (the tracks' paths and the briefing's annotations),
off each other, and never over the briefing's notice (placed first, nothing may cover it).

Each box has a few candidate places (edges and corners); the one covering the least data wins,
a box that meets one already placed slides away from its edge. The layout depends only on the
frame, the type size, the texts and where the data lies, not on the clock: nothing jumps about
while a replay plays. On a frame smaller than 1920x1080 the overlays shrink (`frame_scale`).

`OverlayLayout.place(ctx)` gives `OverlayBoxes`: each overlay paints in its box, the map label
pass reads ``boxes.obstacles()`` to keep clear of them, and a scene's view keeps its region out of
``boxes.insets()``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np
from PySide6.QtCore import QRectF

from viewer.render.context import PaintContext

# The overlays, in the order they are placed: the first ones get the best places.
NOTICE, NORTH_ARROW, SOURCE, CLOCK, TITLE, LEGEND, SCALE_BAR = (
    "notice",
    "north_arrow",
    "source",
    "clock",
    "title",
    "legend",
    "scale_bar",
)
DENSITY_LEGEND = "density_legend"  # an archive's heat grid, while it is shown
ORDER = (NOTICE, NORTH_ARROW, SOURCE, CLOCK, TITLE, LEGEND, DENSITY_LEGEND, SCALE_BAR)
# Candidate places of each box, best first: (horizontal, vertical) of 'left', 'centre', 'right'
# and 'top', 'bottom'.
CANDIDATES: dict[str, tuple[tuple[str, str], ...]] = {
    NOTICE: (("centre", "top"),),
    NORTH_ARROW: (("right", "top"),),
    SOURCE: (("right", "bottom"),),
    CLOCK: (("centre", "bottom"), ("centre", "top"), ("right", "top"), ("left", "top")),
    TITLE: (("left", "bottom"), ("left", "top"), ("right", "top"), ("right", "bottom")),
    LEGEND: (("right", "bottom"), ("right", "top"), ("left", "top"), ("left", "bottom")),
    SCALE_BAR: (("left", "bottom"), ("left", "top"), ("right", "top")),
    DENSITY_LEGEND: (("left", "top"), ("right", "top"), ("left", "bottom"), ("right", "bottom")),
}
REFERENCE_FRAME = (1920, 1080)  # overlays keep their full size from here up
MIN_FRAME_SCALE = 0.72  # and shrink to no less than this on small frames
LABEL_BAND_LEFT = 52.0  # px (scaled) the parallels' degree labels take at the left edge
LABEL_BAND_BOTTOM = 20.0  # px (scaled) the meridians' degree labels take at the bottom edge
GRID_PX = 8  # the data's occupancy grid: one cell per 8x8 pixels
ANNOTATION_WEIGHT = 400.0  # an annotation's text counts as much as 400 fixes of a track
PLACE_PENALTY = 3.0  # each step down the candidate list costs as much as 3 fixes covered

# Data points as (n, 2) screen coordinates, with a weight each (None: 1).
DataSource = Callable[[PaintContext], tuple[np.ndarray, np.ndarray | None]]


def frame_scale(width: int, height: int) -> float:
    """How much the overlays shrink on a ``width`` x ``height`` frame: 1 from 1920x1080 up,
    down to `MIN_FRAME_SCALE` on small frames (1280x720: 0.72)."""
    w, h = REFERENCE_FRAME
    return float(np.clip(min(width / w, height / h), MIN_FRAME_SCALE, 1.0))


def frame_font_scale(width: int, height: int) -> float:
    """Type size for a picture rendered at ``width`` x ``height`` (the command line's and the
    videos'): 1 up to 1920x1080, larger beyond (3840x2160: 2), so a 4K frame reads the same."""
    w, h = REFERENCE_FRAME
    return max(1.0, min(width / w, height / h))


def overlay_context(ctx: PaintContext) -> PaintContext:
    """``ctx`` with the overlays' type size for its frame (`frame_scale`)."""
    s = frame_scale(ctx.view.width, ctx.view.height)
    return ctx if s == 1.0 else replace(ctx, font_scale=ctx.font_scale * s)


@dataclass(frozen=True)
class OverlayBoxes:
    """Where each overlay is drawn (name -> rectangle in pixels) on a frame of ``size``."""

    size: tuple[int, int]
    boxes: dict[str, QRectF] = field(default_factory=dict)

    def get(self, name: str) -> QRectF | None:
        return self.boxes.get(name)

    def obstacles(self) -> list[QRectF]:
        """Every box, for the map labels to keep clear of."""
        return [QRectF(r) for r in self.boxes.values()]

    def insets(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) pixels taken along each edge by the boxes at that edge
        (a box counts at the edge it is nearer to): where a scene's region should not be."""
        w, h = self.size
        left = top = right = bottom = 0.0
        for rect in self.boxes.values():
            cx, cy = rect.center().x(), rect.center().y()
            # a box spanning most of the width is a band at the top or bottom
            if rect.width() < w * 0.45 and rect.height() < h * 0.45:
                if cx < w * 0.2:
                    left = max(left, rect.right())
                    continue
                if cx > w * 0.8:
                    right = max(right, w - rect.left())
                    continue
            if cy < h / 2:
                top = max(top, rect.bottom())
            else:
                bottom = max(bottom, h - rect.top())
        return left, top, right, bottom


class _Occupancy:
    """A summed-area table of weighted data points on a grid: the data under a rectangle in
    O(1)."""

    def __init__(self, width: int, height: int, xy: np.ndarray, weights: np.ndarray) -> None:
        self.nx, self.ny = max(1, -(-width // GRID_PX)), max(1, -(-height // GRID_PX))
        grid = np.zeros((self.ny, self.nx))
        if len(xy):
            ok = np.isfinite(xy).all(axis=1)
            ok &= (xy[:, 0] >= 0) & (xy[:, 0] < width) & (xy[:, 1] >= 0) & (xy[:, 1] < height)
            ix = (xy[ok, 0] // GRID_PX).astype(int)
            iy = (xy[ok, 1] // GRID_PX).astype(int)
            np.add.at(grid, (iy, ix), weights[ok])
        self.sat = np.zeros((self.ny + 1, self.nx + 1))
        self.sat[1:, 1:] = grid.cumsum(0).cumsum(1)

    def under(self, rect: QRectF) -> float:
        x0 = int(np.clip(rect.left() // GRID_PX, 0, self.nx))
        x1 = int(np.clip(-(-rect.right() // GRID_PX), 0, self.nx))
        y0 = int(np.clip(rect.top() // GRID_PX, 0, self.ny))
        y1 = int(np.clip(-(-rect.bottom() // GRID_PX), 0, self.ny))
        s = self.sat
        return float(s[y1, x1] - s[y0, x1] - s[y1, x0] + s[y0, x0])


class OverlayLayout:
    """Places the overlays' boxes (see the module docstring); ``data`` gives the points to keep
    clear of. The last layout (``last``) is kept until the frame, type, sizes or data change
    (``data_key()`` names the data's state: the points are gathered again only when it
    changes)."""

    def __init__(
        self, data: DataSource | None = None, data_key: Callable[[], object] | None = None
    ) -> None:
        self.data = data
        self.data_key = data_key or (lambda: None)
        self.last: OverlayBoxes = OverlayBoxes((0, 0))
        self._cache: tuple[object, OverlayBoxes] | None = None
        self._occupancy: tuple[object, _Occupancy] | None = None

    def place(
        self, ctx: PaintContext, sizes: dict[str, tuple[float, float]], bottom_band: float = 0.0
    ) -> OverlayBoxes:
        """The boxes of ``sizes`` (name -> (w, h) px) on the frame of ``ctx`` (with the
        overlays' type size: `overlay_context`), at least ``bottom_band`` px above the bottom
        edge (the longitude labels' strip: `place_boxes`)."""
        view = ctx.view
        sizes = {k: (float(w), float(h)) for k, (w, h) in sizes.items() if w > 0 and h > 0}
        data_key = (view, self.data_key())
        key = (data_key, ctx.font_scale, bottom_band, tuple(sorted(sizes.items())))
        if self._cache is not None and self._cache[0] == key:
            self.last = self._cache[1]
            return self.last
        if self._occupancy is None or self._occupancy[0] != data_key:
            xy, weights = self.data(ctx) if self.data is not None else (np.empty((0, 2)), None)
            xy = np.asarray(xy, dtype=float).reshape(-1, 2)
            w = np.ones(len(xy)) if weights is None else np.asarray(weights, dtype=float)
            self._occupancy = (data_key, _Occupancy(view.width, view.height, xy, w))
        boxes = place_boxes(
            (view.width, view.height), sizes, ctx.font_scale, self._occupancy[1], bottom_band
        )
        self._cache = (key, boxes)
        self.last = boxes
        return boxes


def _rect_at(
    where: tuple[str, str],
    size: tuple[float, float],
    frame: tuple[int, int],
    margins: tuple[float, float, float, float],
) -> QRectF:
    (h_pos, v_pos), (w, h), (fw, fh) = where, size, frame
    left, top, right, bottom = margins
    x = {"left": left, "centre": (fw - w) / 2.0, "right": fw - w - right}[h_pos]
    y = top if v_pos == "top" else fh - h - bottom
    return QRectF(x, y, w, h)


def place_boxes(
    frame: tuple[int, int],
    sizes: dict[str, tuple[float, float]],
    scale: float,
    data: _Occupancy | None = None,
    bottom_band: float = 0.0,
) -> OverlayBoxes:
    """Each box of ``sizes`` at its best candidate place (least data under it), slid away from
    its edge past the boxes placed before it; a box wider than the frame is narrowed to it.
    ``bottom_band``: the strip the longitude labels take at the bottom edge (they keep the
    map's type size when the overlays shrink, and grow in high contrast), kept clear too."""
    fw, fh = frame
    margin = 8.0 * scale
    # left and bottom: clear of the graticule's degree labels along those edges
    bottom = max(LABEL_BAND_BOTTOM * scale, bottom_band)
    margins = (LABEL_BAND_LEFT * scale, margin, margin, bottom)
    gap = 6.0 * scale
    placed: dict[str, QRectF] = {}
    for name in ORDER:
        if name not in sizes:
            continue
        w, h = sizes[name]
        w = min(w, fw - margins[0] - margins[2])
        best: tuple[float, QRectF] | None = None
        for rank, where in enumerate(CANDIDATES[name]):
            rect = _rect_at(where, (w, h), frame, margins)
            step = 1.0 if where[1] == "top" else -1.0
            for _ in range(len(placed) + 1):  # slide past what is in the way
                hit = [
                    r for r in placed.values() if r.adjusted(-gap, -gap, gap, gap).intersects(rect)
                ]
                if not hit:
                    break
                if step > 0:
                    rect.moveTop(max(r.bottom() for r in hit) + gap)
                else:
                    rect.moveBottom(min(r.top() for r in hit) - gap)
            if (
                rect.top() < 0
                or rect.bottom() > fh
                or any(r.intersects(rect) for r in placed.values())
            ):
                continue
            cost = (data.under(rect) if data is not None else 0.0) + rank * PLACE_PENALTY
            if name == NOTICE:
                cost = -1.0  # the notice always goes first, top centre
            if best is None or cost < best[0]:
                best = (cost, rect)
        if best is not None:
            placed[name] = best[1]
    return OverlayBoxes((fw, fh), placed)
