"""Overlays: what is drawn over the map in screen space — scale bar, north arrow, the source
line, the briefing's notice, the title and the clock (the legend: `viewer.render.legend`) — each
a small class with its own settings (the window shows the title and clock while presenting;
exports burn them in) and its ``boxes(ctx)``: where it draws, kept clear by the map's names.

Each overlay's drawing is also a plain function (``paint_scale_bar(painter, ctx)``, ...), the
class holding what it needs from outside (the session, whether it is shown).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from viewer.core.geodesy import distance_m
from viewer.core.timeline import format_time
from viewer.core.units import METRES_PER
from viewer.render.context import Memo, PaintContext, Painter, draw_text
from viewer.render.legend import Legend
from viewer.render.translate import translate

if TYPE_CHECKING:
    from viewer.core.session import Session

# Burned into every picture: where the lines and the coastline come from.
SOURCE_LINE = QT_TRANSLATE_NOOP(
    "MapPainters",
    "Zones: published coordinates, sources and confidence in Help > About · "
    "Coastlines: GSHHG 2.3 (Wessel & Smith), LGPL-3.0",
)


def nice_length(target: float) -> float:
    """The largest 1, 2 or 5 x 10^k not above ``target``."""
    if target <= 0:
        return 0.0
    exp = math.floor(math.log10(target))
    for m in (5, 2, 1):
        if m * 10**exp <= target:
            return m * 10**exp
    return 10**exp


def _scale_rows(ctx: PaintContext) -> list[tuple[bool, float, str]]:
    """(primary, length in pixels, text) of the two bars, or none off the projection."""
    view = ctx.view
    cx, cy = view.width / 2.0, view.height / 2.0
    mx, my = view.to_map(np.array([cx - 50.0, cx + 50.0]), np.array([cy, cy]))
    lon, lat = ctx.projection.inverse(mx, my)
    if not np.isfinite(lon).all():
        return []
    m_per_px = float(distance_m(lon[0], lat[0], lon[1], lat[1])) / 100.0
    if m_per_px <= 0:
        return []
    max_px = 160 * ctx.font_scale
    rows = []
    for primary, unit in ((True, ctx.units.distance), (False, ctx.units.other_distance)):
        metres = METRES_PER[unit]
        length = nice_length(max_px * m_per_px / metres)
        rows.append((primary, length * metres / m_per_px, f"{length:g} {unit}"))
    return rows


def _scale_font(ctx: PaintContext, primary: bool) -> QFont:
    font = QFont()
    font.setPointSizeF(8.5 * ctx.font_scale)
    font.setBold(primary)
    return font


def scale_bar_rect(ctx: PaintContext) -> QRectF | None:
    """Where the scale bar and its texts are drawn (None where it is not)."""
    rows = _scale_rows(ctx)
    if not rows:
        return None
    s = ctx.font_scale
    x0, y = 64.0 * s, ctx.view.height - 40.0 * s
    right = max(
        x0 + px + 6 + QFontMetricsF(_scale_font(ctx, primary)).horizontalAdvance(text)
        for primary, px, text in rows
    )
    return QRectF(x0 - 2, y - 12 * s, right - x0 + 6, 16 * s * len(rows) + 8 * s)


def paint_scale_bar(painter: QPainter, ctx: PaintContext) -> None:
    """Two bars true at the map centre (geodesic): first, bolder, in the chosen distance unit
    (nautical miles or kilometres), then a thinner one in the other unit."""
    x0 = 64.0 * ctx.font_scale  # clear of the parallels' labels
    y = ctx.view.height - 40.0 * ctx.font_scale  # above the graticule labels
    colour = ctx.theme.color("text")
    for primary, px, text in _scale_rows(ctx):
        pen_width = (2.0 if primary else 1.2) * ctx.font_scale
        painter.setPen(QPen(colour, pen_width, Qt.SolidLine, Qt.FlatCap))
        painter.drawLine(QPointF(x0, y), QPointF(x0 + px, y))
        painter.drawLine(QPointF(x0, y - 4), QPointF(x0, y + 4))
        painter.drawLine(QPointF(x0 + px, y - 4), QPointF(x0 + px, y + 4))
        font = _scale_font(ctx, primary)
        draw_text(painter, x0 + px + 6, y + 4, text, colour, font, theme=ctx.theme)
        y += 16.0 * ctx.font_scale


def north_angle_deg(ctx: PaintContext) -> float:
    """Screen angle of true north at the centre, degrees clockwise from up (0 = north is up)."""
    view = ctx.view
    mx, my = view.to_map(np.array([view.width / 2.0]), np.array([view.height / 2.0]))
    lon, lat = ctx.projection.inverse(mx, my)
    if not np.isfinite(lon).all():
        return 0.0
    lat2 = min(float(lat[0]) + 0.01, 89.99)
    x2, y2 = ctx.projection.forward(lon, np.array([lat2]))
    dx, dy = float(x2[0] - mx[0]), float(y2[0] - my[0])
    return math.degrees(math.atan2(dx, dy))


def north_arrow_rect(ctx: PaintContext) -> QRectF:
    """Where the north arrow and its N go (top right), when it is drawn."""
    s = ctx.font_scale
    return QRectF(ctx.view.width - 48.0 * s, 2.0 * s, 36.0 * s, 60.0 * s)


def paint_north_arrow(painter: QPainter, ctx: PaintContext, always: bool = False) -> None:
    """A north arrow in the top-right corner where north is not straight up (> 0.5°)."""
    angle = north_angle_deg(ctx)
    if not always and abs(angle) < 0.5:
        return
    s = ctx.font_scale
    cx, cy = ctx.view.width - 30.0 * s, 40.0 * s
    painter.save()
    painter.translate(cx, cy)
    painter.rotate(angle)
    path = QPainterPath()
    path.moveTo(0, -18 * s)
    path.lineTo(7 * s, 10 * s)
    path.lineTo(0, 5 * s)
    path.lineTo(-7 * s, 10 * s)
    path.closeSubpath()
    painter.setPen(QPen(QColor("#ffffff"), 1.5))
    painter.setBrush(ctx.theme.color("text"))
    painter.drawPath(path)
    font = QFont()
    font.setPointSizeF(9 * s)
    font.setBold(True)
    draw_text(
        painter, 0, -22 * s, "N", ctx.theme.color("text"), font, align_center=True, theme=ctx.theme
    )
    painter.restore()


def _attribution_font(ctx: PaintContext) -> QFont:
    font = QFont()
    font.setPointSizeF(7.0 * ctx.font_scale)
    return font


def attribution_rect(ctx: PaintContext, text: str) -> QRectF:
    """The source line's box: bottom right, along the map's edge."""
    fm = QFontMetricsF(_attribution_font(ctx))
    w = fm.horizontalAdvance(text)
    return QRectF(
        ctx.view.width - w - 10, ctx.view.height - fm.height() - 4, w + 10, fm.height() + 4
    )


def paint_attribution(painter: QPainter, ctx: PaintContext, text: str) -> None:
    box = attribution_rect(ctx, text)
    hc = ctx.theme.high_contrast
    painter.fillRect(box, ctx.theme.color("panel") if hc else QColor(255, 255, 255, 200))
    painter.setFont(_attribution_font(ctx))
    painter.setPen(ctx.theme.color("text") if hc else QColor("#444444"))
    painter.drawText(box, Qt.AlignCenter, text)


def _title_fonts(ctx: PaintContext) -> tuple[QFont, QFont]:
    big = QFont()
    big.setPointSizeF(13 * ctx.font_scale)
    big.setBold(True)
    small = QFont()
    small.setPointSizeF(9.5 * ctx.font_scale)
    small.setBold(ctx.theme.bold)
    return big, small


def title_rect(
    ctx: PaintContext, title: str, subtitle: str = "", above: QRectF | None = None
) -> QRectF:
    """Where `paint_title` draws: bottom left, above the scale bar (and ``above``)."""
    s = ctx.font_scale
    fm, fs = (QFontMetricsF(f) for f in _title_fonts(ctx))
    w = max(fm.horizontalAdvance(title), fs.horizontalAdvance(subtitle) if subtitle else 0) + 20
    h = fm.height() + (fs.height() if subtitle else 0) + 10
    rect = QRectF(10, ctx.view.height - h - 90 * s, min(w, ctx.view.width - 20), h)
    if above is not None and rect.intersects(above):
        rect.moveBottom(above.top() - 6 * s)
    return rect


def paint_title(
    painter: QPainter,
    ctx: PaintContext,
    title: str,
    subtitle: str = "",
    above: QRectF | None = None,
) -> None:
    """Title bottom left, above the scale bar, with the scene as a subtitle; moved up to stay
    above ``above`` (the clock) where the two would overlap."""
    if not title:
        return
    big, small = _title_fonts(ctx)
    fm = QFontMetricsF(big)
    rect = title_rect(ctx, title, subtitle, above)
    hc = ctx.theme.high_contrast
    painter.save()
    painter.setPen(QPen(ctx.theme.color("panel_border"), 2.0) if hc else Qt.NoPen)
    painter.setBrush(ctx.theme.color("panel") if hc else QColor(255, 255, 255, 225))
    painter.drawRoundedRect(rect, 5, 5)
    painter.setPen(ctx.theme.color("text") if hc else QColor("#111111"))
    painter.setFont(big)
    painter.drawText(rect.adjusted(10, 4, -10, 0), Qt.AlignLeft | Qt.AlignTop, title)
    if subtitle:
        painter.setFont(small)
        painter.setPen(ctx.theme.color("text") if hc else QColor("#333333"))
        painter.drawText(
            rect.adjusted(10, 4 + fm.height(), -10, 0), Qt.AlignLeft | Qt.AlignTop, subtitle
        )
    painter.restore()


def _clock_font(ctx: PaintContext) -> QFont:
    font = QFont()
    font.setPointSizeF(12 * ctx.font_scale)
    font.setBold(True)
    return font


def _clock_text(t: float, zone: str) -> str:
    return f"{format_time(t, 'UTC')}    {format_time(t, zone)}"


def clock_rect(
    ctx: PaintContext, t: float, zone: str = "Asia/Taipei", avoid: QRectF | None = None
) -> QRectF:
    """Where `paint_clock` draws: bottom centre, above ``avoid`` where they would meet."""
    fm = QFontMetricsF(_clock_font(ctx))
    w = fm.horizontalAdvance(_clock_text(t, zone)) + 24
    rect = QRectF(
        (ctx.view.width - w) / 2,
        ctx.view.height - fm.height() - 34 * ctx.font_scale,
        w,
        fm.height() + 10,
    )
    if avoid is not None and rect.intersects(avoid):
        rect.moveBottom(avoid.top() - 6 * ctx.font_scale)
    return rect


def paint_clock(
    painter: QPainter,
    ctx: PaintContext,
    t: float,
    zone: str = "Asia/Taipei",
    avoid: QRectF | None = None,
) -> QRectF:
    """The replay time in UTC and in ``zone``, bottom centre, large enough for a room; where
    it would overlap ``avoid`` (the legend, on a narrow screen) it goes above it, clear of the
    scale bar too. Returns where it was drawn."""
    rect = clock_rect(ctx, t, zone, avoid)
    hc = ctx.theme.high_contrast
    painter.save()
    if hc:  # opaque, framed: the clock reads from the back of the room
        painter.setPen(QPen(ctx.theme.color("panel_border"), 2.0))
        painter.setBrush(ctx.theme.color("panel"))
        painter.drawRect(rect)
    else:
        painter.fillRect(rect, QColor(255, 255, 255, 220))
    painter.setFont(_clock_font(ctx))
    painter.setPen(ctx.theme.color("text") if hc else QColor("#111111"))
    painter.drawText(rect, Qt.AlignCenter, _clock_text(t, zone))
    painter.restore()
    return rect


def _notice_font(ctx: PaintContext) -> QFont:
    font = QFont()
    font.setPointSizeF(9.5 * ctx.font_scale)
    font.setBold(True)
    return font


def _notice_first(text: str) -> str:
    return text.split(". ")[0].strip().rstrip(".") + "."


def notice_rect(ctx: PaintContext, text: str) -> QRectF:
    """Where `paint_notice` draws: top centre."""
    s = ctx.font_scale
    fm = QFontMetricsF(_notice_font(ctx))
    width = min(fm.horizontalAdvance(_notice_first(text)) + 24 * s, ctx.view.width - 20.0)
    return QRectF((ctx.view.width - width) / 2, 8 * s, width, fm.height() + 10 * s)


def paint_notice(painter: QPainter, ctx: PaintContext, text: str) -> None:
    """A banner at the top centre of the map: the briefing's notice, always on screen."""
    if not text:
        return
    font = _notice_font(ctx)
    fm = QFontMetricsF(font)
    first = _notice_first(text)
    rect = notice_rect(ctx, text)
    painter.save()
    painter.setPen(QPen(QColor("#8a5a00"), 1.2))
    painter.setBrush(QColor(255, 243, 205, 235))
    painter.drawRoundedRect(rect, 5, 5)
    painter.setFont(font)
    painter.setPen(QColor("#5a3b00"))
    room = rect.width() - 16 * ctx.font_scale
    painter.drawText(rect, Qt.AlignCenter, fm.elidedText(first, Qt.ElideRight, room))
    painter.restore()


# ---------------------------------------------------------------------- the overlays
class ScaleBar(Painter):
    """Bottom left: true at the map centre, in the context's distance unit first."""

    def __init__(self) -> None:
        self._boxes = Memo()

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        paint_scale_bar(painter, ctx)

    def boxes(self, ctx: PaintContext) -> list[QRectF]:
        def make() -> list[QRectF]:
            rect = scale_bar_rect(ctx)
            return [rect] if rect is not None else []

        key = (ctx.view, ctx.projection.definition, ctx.font_scale, ctx.units)
        return self._boxes.get(key, make)


class NorthArrow(Painter):
    """Top right, where north is not straight up (``always``: also where it is)."""

    def __init__(self, always: bool = False) -> None:
        self.always = always
        self._boxes = Memo()

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        paint_north_arrow(painter, ctx, self.always)

    def boxes(self, ctx: PaintContext) -> list[QRectF]:
        def make() -> list[QRectF]:
            shown = self.always or abs(north_angle_deg(ctx)) >= 0.5
            return [north_arrow_rect(ctx)] if shown else []

        return self._boxes.get((ctx.view, ctx.projection.definition, ctx.font_scale), make)


class SourceLine(Painter):
    """Bottom right: where the lines and the coastline come from (``text``, translated)."""

    def __init__(self, text: str = SOURCE_LINE) -> None:
        self.text = text
        self._boxes = Memo()

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        paint_attribution(painter, ctx, translate("MapPainters", self.text))

    def boxes(self, ctx: PaintContext) -> list[QRectF]:
        key = (ctx.view.width, ctx.view.height, ctx.font_scale, self.text)
        return self._boxes.get(
            key, lambda: [attribution_rect(ctx, translate("MapPainters", self.text))]
        )


class NoticeBanner(Painter):
    """Top centre: ``text()`` (the briefing's notice: "Illustrative scenario — ..."), always on
    screen when there is one."""

    def __init__(self, text: Callable[[], str]) -> None:
        self.text = text
        self._boxes = Memo()

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        paint_notice(painter, ctx, self.text())

    def boxes(self, ctx: PaintContext) -> list[QRectF]:
        text = self.text()
        key = (ctx.view.width, ctx.view.height, ctx.font_scale, text)
        return self._boxes.get(key, lambda: [notice_rect(ctx, text)] if text else [])


class TitleAndClock(Painter):
    """Bottom: the session's clock (in UTC and the clock's zone; while a replay is loaded) and
    the briefing's title with the current scene above it. ``clock_visible`` and
    ``title_visible`` say which are drawn; with a ``legend`` the clock keeps clear of it (above
    it on a narrow picture), without one it stays at the bottom centre."""

    def __init__(self, session: Session, legend: Legend | None = None) -> None:
        self.session = session
        self.legend = legend
        self.clock_visible = True
        self.title_visible = False
        self._boxes = Memo()

    def _clock(self, ctx: PaintContext) -> tuple[float, str, QRectF | None] | None:
        """(time, zone, the box it avoids) of the clock when it is drawn."""
        session = self.session
        t = session.timeline.time
        if not (self.clock_visible and session.tracks.items and math.isfinite(t)):
            return None
        zone = session.timeline.zone
        avoid = self.legend.rect(ctx) if self.legend is not None else None
        return t, zone if zone != "local" else "UTC", avoid

    def _title(self) -> tuple[str, str]:
        briefing = self.session.briefing
        title = briefing.title if briefing else ""
        scene = ""
        if briefing and 0 <= self.session.scene_index < len(briefing.scenes):
            scene = briefing.scenes[self.session.scene_index].title
        return title, scene

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        clock = self._clock(ctx)
        drawn = paint_clock(painter, ctx, *clock) if clock is not None else None
        if self.title_visible:
            paint_title(painter, ctx, *self._title(), above=drawn)

    def boxes(self, ctx: PaintContext) -> list[QRectF]:
        clock = self._clock(ctx)
        title, scene = self._title() if self.title_visible else ("", "")
        # the clock's box: its text's width, not its time (digits are as wide as each other)
        shown = (clock[1], clock[2]) if clock is not None else None
        key = (ctx.view.width, ctx.view.height, ctx.font_scale, ctx.theme.name, shown, title, scene)

        def make() -> list[QRectF]:
            out = [clock_rect(ctx, *clock)] if clock is not None else []
            if title:
                out.append(title_rect(ctx, title, scene, above=out[0] if out else None))
            return out

        return self._boxes.get(key, make)
