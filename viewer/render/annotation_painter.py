"""Annotations of a briefing on the map (text, arrow, geodesic circle, polygon), shown only in
their time range, and the briefing's notice ("Illustrative scenario — not recorded tracks")."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from viewer.core.briefing import ARROW, CIRCLE, POLYGON, TEXT, Annotation
from viewer.core.geodesy import geodesic_circle
from viewer.render.context import Memo, PaintContext, Painter, draw_text
from viewer.render.qpolygon import polygon_from_xy
from viewer.render.theme import Theme


class AnnotationPainter(Painter):
    """Draws ``annotations()`` at the clock's time ``time_source()`` (epoch s, or None); the
    texts keep out of ``keep_out(ctx)`` (the briefing's notice, which nothing covers)."""

    def __init__(
        self,
        annotations: Callable[[], tuple[Annotation, ...]],
        time_source: Callable[[], float | None],
        keep_out: Callable[[PaintContext], list[QRectF]] | None = None,
    ) -> None:
        self.annotations = annotations
        self.time_source = time_source
        self.keep_out = keep_out
        self._boxes = Memo()

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        t = self.time_source()
        when = datetime.fromtimestamp(t, UTC) if t is not None else None
        for ann in self.annotations():
            if ann.visible_at(when):
                self._paint(painter, ctx, ann)

    def shown(self) -> tuple[Annotation, ...]:
        """The annotations with a text shown now."""
        t = self.time_source()
        when = datetime.fromtimestamp(t, UTC) if t is not None else None
        return tuple(a for a in self.annotations() if a.text and a.visible_at(when))

    def boxes(self, ctx: PaintContext) -> list[QRectF]:
        """The texts of the annotations shown now: the map's names and the overlays keep clear
        of them."""
        shown = self.shown()
        key = (ctx.view, ctx.projection.definition, ctx.font_scale, shown)
        return self._boxes.get(key, lambda: [r for a in shown if (r := self._text_box(ctx, a))])

    def _text_box(self, ctx: PaintContext, ann: Annotation) -> QRectF | None:
        x, y, centred = self._label_at(ctx, ann)
        if not (math.isfinite(x) and math.isfinite(y)):
            return None
        fm = QFontMetricsF(self._font(ann, ctx))
        w = fm.horizontalAdvance(ann.text)
        left = x - w / 2 if centred else x
        return QRectF(left - 3, y - fm.ascent() - 3, w + 6, fm.height() + 6)

    def _label_at(self, ctx: PaintContext, ann: Annotation) -> tuple[float, float, bool]:
        """Where an annotation's text goes (`_paint` draws it there) — x, baseline y, whether
        centred on x: above a polygon or a circle, at a text's point, and beyond an arrow's
        tail (on the side away from its head, so that the arrow never strikes through it);
        moved inside the frame where it would run off it from a place on screen, and from
        under the notice (``keep_out``)."""
        x, y, centred = self._anchor(ctx, ann)
        if not (0.0 <= x <= ctx.view.width and 0.0 <= y <= ctx.view.height):
            return x, y, centred  # off screen (or not finite): left where it is
        fm = QFontMetricsF(self._font(ann, ctx))
        w = fm.horizontalAdvance(ann.text)
        left = x - w / 2 if centred else x
        left = min(max(left, 4.0), max(4.0, ctx.view.width - w - 4.0))
        y = min(max(y, fm.ascent() + 4.0), ctx.view.height - fm.descent() - 4.0)
        for rect in self.keep_out(ctx) if self.keep_out is not None else ():
            if QRectF(left, y - fm.ascent(), w, fm.height()).intersects(rect):
                y = rect.bottom() + 4.0 + fm.ascent()  # under the notice
        return (left + w / 2 if centred else left), y, centred

    def _anchor(self, ctx: PaintContext, ann: Annotation) -> tuple[float, float, bool]:
        pts = np.asarray(ann.points, dtype=float)
        if ann.kind == POLYGON:
            sx, sy = self._screen(ctx, pts)
            return float(sx.mean()), float(sy.min()) - 6, True
        if ann.kind == CIRCLE:
            ring = geodesic_circle(pts[0, 0], pts[0, 1], float(ann.radius_m or 0), 128)
            sx, sy = self._screen(ctx, ring)
            return float(sx.mean()), float(sy.min()) - 6, True
        if ann.kind == ARROW and len(pts) >= 2:
            sx, sy = self._screen(ctx, pts[:2])
            tx, ty = float(sx[0]), float(sy[0])
            dx, dy = tx - float(sx[1]), ty - float(sy[1])  # from the head to the tail
            fm = QFontMetricsF(self._font(ann, ctx))
            gap = 6.0 * ctx.font_scale
            w = fm.horizontalAdvance(ann.text)
            if abs(dx) >= abs(dy):  # across: the text on the arrow's line, past its tail
                x = tx + gap if dx >= 0 else tx - gap - w
                if x >= 0.0 and x + w <= ctx.view.width:
                    return x, ty + (fm.ascent() - fm.descent()) / 2, False
            # up or down (or no room past the tail): under or over the tail, away from the head
            if dy > 0:
                return tx, ty + gap + fm.ascent(), True
            return tx, ty - gap - fm.descent(), True
        sx, sy = self._screen(ctx, pts[:1])
        return float(sx[0]), float(sy[0]) - (8 if ann.kind == ARROW else 0), ann.kind != TEXT

    @staticmethod
    def _font(ann: Annotation, ctx: PaintContext) -> QFont:
        font = QFont()
        font.setPointSizeF(ann.style.font_size * 0.75 * ctx.font_scale)
        font.setBold(True)
        return font

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
        font = self._font(ann, ctx)
        painter.save()
        painter.setPen(pen)
        painter.setBrush(brush)
        pts = np.asarray(ann.points, dtype=float)
        if ann.kind == POLYGON:
            sx, sy = self._screen(ctx, np.vstack([pts, pts[:1]]))
            painter.drawPolygon(polygon_from_xy(sx, sy))
            self._label(painter, ann, *self._label_at(ctx, ann), colour, font, ctx.theme)
        elif ann.kind == CIRCLE:
            ring = geodesic_circle(pts[0, 0], pts[0, 1], float(ann.radius_m or 0), 128)
            sx, sy = self._screen(ctx, ring)
            painter.drawPolygon(polygon_from_xy(sx, sy))
            self._label(painter, ann, *self._label_at(ctx, ann), colour, font, ctx.theme)
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
            self._label(painter, ann, *self._label_at(ctx, ann), colour, font, ctx.theme)
        elif ann.kind == TEXT:
            self._label(painter, ann, *self._label_at(ctx, ann), colour, font, ctx.theme)
        painter.restore()

    @staticmethod
    def _label(painter, ann, x, y, centred, colour, font, theme: Theme) -> None:
        if ann.text:
            draw_text(painter, x, y, ann.text, colour, font, align_center=centred, theme=theme)
