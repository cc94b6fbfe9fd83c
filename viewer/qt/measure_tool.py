"""Tools > Measure: drag on the map for the geodesic range (in the distance unit of View > Units)
and true bearing, with range rings every 12 nmi around the start — all live while dragging."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from viewer.core.geodesy import WGS84_GEOD
from viewer.core.measure import RangeBearing, range_and_bearing, range_rings
from viewer.qt.tool_handler import ToolHandler
from viewer.render.context import PaintContext, draw_text
from viewer.render.qpolygon import polygon_from_xy

RING_STEP_NMI = 12.0
MAX_RINGS = 25
COLOUR = QColor("#111111")


class MeasureTool(ToolHandler):
    """The measure tool's input (a drag draws: `viewer.core.map_tools.DRAG_TOOLS`) and its
    drawing, an overlay of the window's map while the tool is active."""

    def __init__(self, canvas) -> None:
        self.canvas = canvas
        self.active = False
        self.start: tuple[float, float] | None = None
        self.end: tuple[float, float] | None = None

    def set_active(self, on: bool) -> None:
        self.active = on
        if not on:
            self.start = self.end = None
        self.canvas.update()

    def activate(self) -> bool:
        self.set_active(True)
        return True

    def deactivate(self) -> None:
        self.set_active(False)

    def cancel_partial(self) -> bool:
        """Esc clears the range shown first; the next Esc ends the tool."""
        if self.start is None:
            return False
        self.start = self.end = None
        self.canvas.update()
        return True

    @property
    def result(self) -> RangeBearing | None:
        if self.start is None or self.end is None:
            return None
        return range_and_bearing(*self.start, *self.end)

    def wants_drag(self, event) -> bool:
        return True

    def drag_event(self, event) -> None:
        if event.type() in (QEvent.MouseButtonPress, QEvent.MouseButtonDblClick):
            self.start = self.end = self._lonlat(event)
        elif self.start is not None:
            self.end = self._lonlat(event)
        self.canvas.update()

    def _lonlat(self, event) -> tuple[float, float] | None:
        lon, lat = self.canvas.lonlat_at(event.position().x(), event.position().y())
        return (lon, lat) if math.isfinite(lon) and math.isfinite(lat) else None

    def __call__(self, painter: QPainter, ctx: PaintContext) -> None:
        if not self.active or self.start is None or self.end is None:
            return
        result = self.result
        if result is None:
            return
        (lon1, lat1), (lon2, lat2) = self.start, self.end
        painter.save()
        painter.setBrush(Qt.NoBrush)
        count = min(MAX_RINGS, int(result.nmi // RING_STEP_NMI))
        if count:
            hc = ctx.theme.high_contrast
            painter.setPen(QPen(QColor(0, 0, 0, 200 if hc else 110), 1.5 if hc else 0, Qt.DotLine))
            for _, ring in range_rings(lon1, lat1, RING_STEP_NMI, count):
                x, y = ctx.projection.forward(ring[:, 0], ring[:, 1])
                sx, sy = ctx.view.to_screen(x, y)
                painter.drawPolyline(polygon_from_xy(sx, sy))
        inner = WGS84_GEOD.npts(lon1, lat1, lon2, lat2, 64)
        pts = np.array([(lon1, lat1), *inner, (lon2, lat2)])
        x, y = ctx.projection.forward(pts[:, 0], pts[:, 1])
        sx, sy = ctx.view.to_screen(x, y)
        painter.setPen(QPen(COLOUR, 2.0 * ctx.font_scale))
        painter.drawPolyline(polygon_from_xy(sx, sy))
        for px, py in ((sx[0], sy[0]), (sx[-1], sy[-1])):
            painter.drawEllipse(QPointF(px, py), 3.5, 3.5)
        font = QFont()
        font.setPointSizeF(10 * ctx.label_scale)
        font.setBold(True)
        text = result.text(ctx.units.distance)
        draw_text(
            painter, float(sx[-1]) + 10, float(sy[-1]) - 8, text, COLOUR, font, theme=ctx.theme
        )
        painter.restore()
