"""The density layer of an archive: fixes per cell from the engine drawn as a translucent heat
grid under the zone lines (`DensityPainter`, a static layer of the `MapScene`), and its legend
(`DensityLegend`, an overlay placed by the overlay layout, at the top left when that is free).

The window works the raster out off the UI thread (`viewer.core.density.class_raster`: the
class of every other screen pixel for the view the counts were asked for); here it becomes an
image that follows the map while it is panned or zoomed, until the next counts arrive.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from viewer.core.view import MapView
from viewer.render.context import PaintContext, Painter
from viewer.render.overlay_layout import DENSITY_LEGEND
from viewer.render.overlays import PlacedOverlay
from viewer.render.translate import translate

#: ColorBrewer YlOrRd, 9 classes (sequential; reads in grey and for colour-blind viewers; warm,
#: so it stands apart from the blue and green zone lines).
DENSITY_COLOURS = (
    "#ffffcc",
    "#ffeda0",
    "#fed976",
    "#feb24c",
    "#fd8d3c",
    "#fc4e2a",
    "#e31a1c",
    "#bd0026",
    "#800026",
)
DENSITY_ALPHA = 140  # of 255: the coast and the zone lines show through


def class_colours(n: int) -> list[QColor]:
    """``n`` colours spread over the ramp, light to dark."""
    if n <= 0:
        return []
    picks = np.linspace(0, len(DENSITY_COLOURS) - 1, n).round().astype(int) if n > 1 else [3]
    return [QColor(DENSITY_COLOURS[i]) for i in picks]


class DensityPainter(Painter):
    """The heat grid: `set_raster` gives it the classes per pixel for a view; it draws them
    where that view's ground lies in the view painted (any size: the PNG export too)."""

    def __init__(self) -> None:
        self.image: QImage | None = None
        self.extent: tuple[float, float, float, float] | None = None  # map units of its view
        self.projection = ""  # the definition it was worked out in
        self.bounds: list[int] = []
        self.caption = ""  # what is counted, for the legend
        self.version = 0  # bumps with every raster (the scene's static cache key)

    @property
    def shown(self) -> bool:
        return self.image is not None

    def set_raster(
        self,
        classes: np.ndarray,
        bounds: list[int],
        view: MapView,
        projection: str,
        caption: str = "",
    ) -> None:
        """``classes`` (rows x columns, -1 for none) worked out for ``view`` in ``projection``."""
        colours = class_colours(len(bounds))
        lut = np.zeros((len(bounds) + 1, 4), dtype=np.uint8)  # the last row: transparent
        for k, c in enumerate(colours):
            lut[k] = (c.red(), c.green(), c.blue(), DENSITY_ALPHA)
        rgba = np.ascontiguousarray(lut[np.where(classes < 0, len(bounds), classes)])
        h, w = classes.shape
        image = QImage(rgba.data, w, h, 4 * w, QImage.Format_RGBA8888)
        self.image = image.copy()  # own the pixels (the array goes)
        self.extent = view.extent()
        self.projection = projection
        self.bounds = list(bounds)
        self.caption = caption
        self.version += 1

    def clear(self) -> None:
        if self.image is not None:
            self.image = None
            self.version += 1

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        if self.image is None or self.extent is None:
            return
        if ctx.projection.definition != self.projection:
            return  # worked out in another projection: the next counts redraw it
        xmin, ymin, xmax, ymax = self.extent
        sx, sy = ctx.view.to_screen(np.array([xmin, xmax]), np.array([ymax, ymin]))
        target = QRectF(QPointF(float(sx[0]), float(sy[0])), QPointF(float(sx[1]), float(sy[1])))
        painter.save()
        painter.setRenderHint(QPainter.SmoothPixmapTransform, False)  # crisp cells
        painter.drawImage(target, self.image)
        painter.restore()


def class_label(bounds: list[int], k: int) -> str:
    """The counts class ``k`` holds: "1", "2–4", "≥ 500"."""
    lo = bounds[k]
    if k == len(bounds) - 1:
        return f"≥ {lo:,}" if k else f"{lo:,}+"
    hi = bounds[k + 1] - 1
    return f"{lo:,}" if hi == lo else f"{lo:,}–{hi:,}"


class DensityLegend(PlacedOverlay):
    """What the heat grid counts and the colour of each class of fixes per cell, in the box
    the overlay layout gives it (clear of the notice, the other overlays and the degree
    labels)."""

    def __init__(self, density: DensityPainter) -> None:
        self.density = density

    def _shown(self, ctx: PaintContext) -> bool:
        d = self.density
        return d.shown and bool(d.bounds) and ctx.projection.definition == d.projection

    def _layout(self, ctx: PaintContext) -> tuple:
        """(font metrics, text lines, class labels, swatch, pad, row height, width, height)."""
        d, s = self.density, ctx.font_scale
        font = QFont()
        font.setPointSizeF(8.5 * s)
        fm = QFontMetricsF(font)
        title = translate("Density", "Fixes per cell (density: too many to replay)")
        lines = [title, *([d.caption] if d.caption else [])]
        labels = [class_label(d.bounds, k) for k in range(len(d.bounds))]
        sw, pad = 12 * s, 6 * s  # a swatch, the padding
        row_h = max(fm.height(), sw) + 2 * s
        text_w = max(fm.horizontalAdvance(t) for t in lines)
        swatches_w = sum(sw + 4 * s + fm.horizontalAdvance(t) + 8 * s for t in labels)
        width = min(max(text_w, swatches_w) + 2 * pad, ctx.view.width - 20.0)
        height = len(lines) * fm.height() + row_h + 2 * pad + 2 * s
        return font, fm, lines, labels, sw, pad, row_h, width, height

    def wanted(self, ctx: PaintContext) -> dict[str, tuple[float, float]]:
        if not self._shown(ctx):
            return {}
        *_, width, height = self._layout(ctx)
        return {DENSITY_LEGEND: (width, height)}

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        if not self._shown(ctx):
            return
        font, fm, lines, labels, sw, pad, row_h, width, height = self._layout(ctx)
        s = ctx.font_scale
        box = self.box(DENSITY_LEGEND)
        if box is None:
            if self.placed is not None:
                return  # no room on this frame
            box = QRectF(10.0, 10.0 + 40 * s, width, height)  # alone: under the notice banner
        width = box.width()
        colours = class_colours(len(self.density.bounds))
        painter.save()
        painter.setPen(QPen(QColor("#333333"), 1))
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.drawRoundedRect(box, 4, 4)
        painter.setFont(font)
        painter.setPen(QColor("#111111"))
        y = box.top() + pad
        for text in lines:
            elided = fm.elidedText(text, Qt.ElideRight, width - 2 * pad)
            painter.drawText(QRectF(box.left() + pad, y, width - 2 * pad, fm.height()), elided)
            y += fm.height()
        x = box.left() + pad
        y += 2 * s
        for colour, text in zip(colours, labels, strict=True):
            fill = QColor(colour)
            fill.setAlpha(255)
            painter.fillRect(QRectF(x, y + (row_h - sw) / 2, sw, sw), fill)
            painter.setPen(QColor("#111111"))
            x += sw + 4 * s
            tw = fm.horizontalAdvance(text)
            painter.drawText(QRectF(x, y, tw + 2, row_h), Qt.AlignVCenter | Qt.AlignLeft, text)
            x += tw + 8 * s
        painter.restore()


__all__ = ["DENSITY_COLOURS", "DensityLegend", "DensityPainter", "class_label"]
