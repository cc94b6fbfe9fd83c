"""`OverlayPictures`: the overlays that do not change from frame to frame drawn once, then
copied. The scale bar (a geodesic distance and two text layouts), the north arrow, the source
line, the legend and the notice depend only on the view, the frame, the type size, the theme,
the units and their texts; each is drawn into a small picture of its box (plus a margin for
halos) the first time and whenever one of those changes, and every other frame is one image
copy per overlay. An overlay says what its picture depends on with ``picture_key(ctx)``; one
that changes every frame (the clock) says None and is drawn as before.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from viewer.render.context import PaintContext, Painter

MARGIN_PX = 12  # around an overlay's boxes: text halos and the north arrow's "N" reach out


class OverlayPictures:
    """One picture per overlay (see the module docstring); ``drawn`` counts the pictures drawn
    (a test reads it: a frame that only moves the clock draws none)."""

    def __init__(self) -> None:
        self._pictures: dict[int, tuple[object, QImage, QPoint]] = {}
        self.drawn = 0

    def paint(self, overlay: Painter, painter: QPainter, ctx: PaintContext) -> None:
        """``overlay`` on ``painter``: from its picture where it has one, else drawn."""
        key_of = getattr(overlay, "picture_key", None)
        own = key_of(ctx) if key_of is not None else None
        boxes = overlay_boxes(overlay)
        if own is None or not boxes:
            overlay(painter, ctx)
            return
        device = painter.device()
        dpr = device.devicePixelRatioF() if device is not None else 1.0
        key = (
            own,
            tuple((b.x(), b.y(), b.width(), b.height()) for b in boxes),
            ctx.view,
            ctx.projection.definition,
            ctx.font_scale,
            ctx.theme.name,
            ctx.units,
            dpr,
        )
        found = self._pictures.get(id(overlay))
        if found is None or found[0] != key:
            found = (key, *self._draw(overlay, ctx, boxes, dpr))
            self._pictures[id(overlay)] = found
        _, image, origin = found
        painter.drawImage(origin, image)

    def _draw(
        self, overlay: Painter, ctx: PaintContext, boxes: list[QRectF], dpr: float
    ) -> tuple[QImage, QPoint]:
        area = boxes[0]
        for box in boxes[1:]:
            area = area.united(box)
        x0 = math.floor(area.left()) - MARGIN_PX
        y0 = math.floor(area.top()) - MARGIN_PX
        w = math.ceil(area.right()) + MARGIN_PX - x0
        h = math.ceil(area.bottom()) + MARGIN_PX - y0
        image = QImage(
            max(1, round(w * dpr)), max(1, round(h * dpr)), QImage.Format_ARGB32_Premultiplied
        )
        image.setDevicePixelRatio(dpr)
        image.fill(Qt.transparent)
        p = QPainter(image)
        try:
            p.setRenderHint(QPainter.Antialiasing, True)
            p.setRenderHint(QPainter.TextAntialiasing, True)
            p.translate(-x0, -y0)
            overlay(p, ctx)
        finally:
            p.end()
        self.drawn += 1
        return image, QPoint(x0, y0)


def overlay_boxes(overlay: Painter) -> list[QRectF]:
    """The boxes the layout gave ``overlay`` (none: it is not placed, or placed nowhere)."""
    placed = getattr(overlay, "placed", None)
    names = getattr(overlay, "box_names", ())
    if placed is None:
        return []
    return [box for name in names if (box := placed.get(name)) is not None]
