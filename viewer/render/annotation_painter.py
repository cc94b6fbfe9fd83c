"""Annotations of a briefing on the map (text, arrow, geodesic circle, polygon), shown only in
their time range, and the briefing's notice ("Illustrative scenario — not recorded tracks")."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen

from viewer.core.briefing import ARROW, CIRCLE, POLYGON, TEXT, Annotation
from viewer.core.geodesy import geodesic_circle
from viewer.render.context import PaintContext, Painter, draw_text
from viewer.render.qpolygon import polygon_from_xy
from viewer.render.theme import Theme


class AnnotationPainter(Painter):
    """Draws ``annotations()`` at the clock's time ``time_source()`` (epoch s, or None)."""

    def __init__(
        self,
        annotations: Callable[[], tuple[Annotation, ...]],
        time_source: Callable[[], float | None],
    ) -> None:
        self.annotations = annotations
        self.time_source = time_source
        self.drawn: list[QRectF] = []  # the texts of the last frame (the overlays avoid them)

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        self.drawn = []
        t = self.time_source()
        when = datetime.fromtimestamp(t, UTC) if t is not None else None
        for ann in self.annotations():
            if ann.visible_at(when):
                self._paint(painter, ctx, ann)

    def _screen(self, ctx: PaintContext, lonlat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        x, y = ctx.projection.forward(lonlat[:, 0], lonlat[:, 1])
        return ctx.view.to_screen(x, y)

    def _paint(self, painter: QPainter, ctx: PaintContext, ann: Annotation) -> None:
        style = ann.style
        colour = QColor(style.color)
        s = ctx.font_scale
        pen = QPen(colour, style.width * s, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin)
        brush = Qt.NoBrush
        if style.fill_color:
            fill = QColor(style.fill_color)
            fill.setAlphaF(style.fill_opacity)
            brush = QBrush(fill)
        font = QFont()
        font.setPointSizeF(style.font_size * 0.75 * s)
        font.setBold(True)
        painter.save()
        painter.setPen(pen)
        painter.setBrush(brush)
        pts = np.asarray(ann.points, dtype=float)
        if ann.kind == POLYGON:
            sx, sy = self._screen(ctx, np.vstack([pts, pts[:1]]))
            painter.drawPolygon(polygon_from_xy(sx, sy))
            self._label(
                painter,
                ann,
                float(sx[:-1].mean()),
                float(sy[:-1].min()) - 6,
                colour,
                font,
                ctx.theme,
            )
        elif ann.kind == CIRCLE:
            ring = geodesic_circle(pts[0, 0], pts[0, 1], float(ann.radius_m or 0), 128)
            sx, sy = self._screen(ctx, ring)
            painter.drawPolygon(polygon_from_xy(sx, sy))
            self._label(
                painter, ann, float(sx.mean()), float(sy.min()) - 6, colour, font, ctx.theme
            )
        elif ann.kind == ARROW:
            sx, sy = self._screen(ctx, pts)
            tail, head = QPointF(sx[0], sy[0]), QPointF(sx[1], sy[1])
            painter.drawLine(tail, head)
            angle = math.atan2(sy[1] - sy[0], sx[1] - sx[0])
            size = 10.0 * s
            tip = QPainterPath(head)
            for da in (-0.45, 0.45):
                tip.lineTo(
                    head.x() - size * math.cos(angle + da), head.y() - size * math.sin(angle + da)
                )
            tip.closeSubpath()
            painter.setBrush(colour)
            painter.drawPath(tip)
            self._label(painter, ann, float(sx[0]), float(sy[0]) - 8, colour, font, ctx.theme)
        elif ann.kind == TEXT:
            sx, sy = self._screen(ctx, pts)
            self._label(painter, ann, float(sx[0]), float(sy[0]), colour, font, ctx.theme)
        painter.restore()

    def _label(self, painter, ann, x, y, colour, font, theme: Theme) -> None:
        if ann.text:
            rect = draw_text(
                painter, x, y, ann.text, colour, font, align_center=ann.kind != TEXT, theme=theme
            )
            self.drawn.append(rect)
