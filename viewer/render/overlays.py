"""Overlays: what is drawn over the map in screen space — scale bar, north arrow, the source
line, the legend, the briefing's notice, the title and the clock — each a small class with its
own settings (the window shows the title and clock while presenting; exports burn them in).

Each overlay's drawing is also a plain function (``paint_scale_bar(painter, ctx)``, ...), the
class holding what it needs from outside (the session, whether it is shown).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from viewer.core.geodesy import distance_m
from viewer.core.timeline import format_time
from viewer.core.units import METRES_PER
from viewer.render.context import PaintContext, Painter, draw_text
from viewer.render.overlay_layout import (
    CLOCK,
    LEGEND,
    NORTH_ARROW,
    NOTICE,
    SCALE_BAR,
    SOURCE,
    TITLE,
    OverlayBoxes,
)
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


def scale_bar_size(ctx: PaintContext) -> tuple[float, float]:
    """The scale bar's box: two bars of at most 160 px (scaled) and their lengths beside them."""
    s = ctx.font_scale
    font = QFont()
    font.setPointSizeF(8.5 * s)
    font.setBold(True)
    return 160 * s + 10 + QFontMetricsF(font).horizontalAdvance("2000 nmi"), 40.0 * s


def paint_scale_bar(painter: QPainter, ctx: PaintContext, rect: QRectF | None = None) -> None:
    """Two bars true at the map centre (geodesic): first, bolder, in the chosen distance unit
    (nautical miles or kilometres), then a thinner one in the other unit; in ``rect`` (the
    layout's box), else bottom left."""
    view = ctx.view
    cx, cy = view.width / 2.0, view.height / 2.0
    mx, my = view.to_map(np.array([cx - 50.0, cx + 50.0]), np.array([cy, cy]))
    lon, lat = ctx.projection.inverse(mx, my)
    if not np.isfinite(lon).all():
        return
    m_per_px = float(distance_m(lon[0], lat[0], lon[1], lat[1])) / 100.0
    if m_per_px <= 0:
        return
    max_px = 160 * ctx.font_scale
    x0 = 64.0 * ctx.font_scale  # clear of the parallels' labels
    y = view.height - 40.0 * ctx.font_scale  # above the graticule labels
    if rect is not None:
        x0, y = rect.left(), rect.top() + 12.0 * ctx.font_scale
    colour = ctx.theme.color("text")
    for primary, unit in ((True, ctx.units.distance), (False, ctx.units.other_distance)):
        font = QFont()
        font.setPointSizeF(8.5 * ctx.font_scale)
        font.setBold(primary)
        metres = METRES_PER[unit]
        length = nice_length(max_px * m_per_px / metres)
        px = length * metres / m_per_px
        pen_width = (2.0 if primary else 1.2) * ctx.font_scale
        painter.setPen(QPen(colour, pen_width, Qt.SolidLine, Qt.FlatCap))
        painter.drawLine(QPointF(x0, y), QPointF(x0 + px, y))
        painter.drawLine(QPointF(x0, y - 4), QPointF(x0, y + 4))
        painter.drawLine(QPointF(x0 + px, y - 4), QPointF(x0 + px, y + 4))
        text = f"{length:g} {unit}"
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


def north_arrow_size(ctx: PaintContext, always: bool = False) -> tuple[float, float] | None:
    """The north arrow's box, None where north is straight up (and not ``always``)."""
    if not always and abs(north_angle_deg(ctx)) < 0.5:
        return None
    return 44.0 * ctx.font_scale, 60.0 * ctx.font_scale


def paint_north_arrow(
    painter: QPainter, ctx: PaintContext, always: bool = False, rect: QRectF | None = None
) -> None:
    """A north arrow where north is not straight up (> 0.5°): in ``rect`` (the layout's box),
    else in the top-right corner."""
    angle = north_angle_deg(ctx)
    if not always and abs(angle) < 0.5:
        return
    s = ctx.font_scale
    cx, cy = ctx.view.width - 30.0 * s, 40.0 * s
    if rect is not None:
        cx, cy = rect.center().x(), rect.top() + 38.0 * s
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


def attribution_size(ctx: PaintContext, text: str) -> tuple[float, float]:
    fm = QFontMetricsF(_attribution_font(ctx))
    return fm.horizontalAdvance(text) + 10, fm.height() + 4


def paint_attribution(
    painter: QPainter, ctx: PaintContext, text: str, rect: QRectF | None = None
) -> None:
    """The source line, in ``rect`` (the layout's box; elided to fit), else bottom right."""
    font = _attribution_font(ctx)
    fm = QFontMetricsF(font)
    w, h = attribution_size(ctx, text)
    box = QRectF(ctx.view.width - w, ctx.view.height - h, w, h) if rect is None else rect
    text = fm.elidedText(text, Qt.ElideRight, box.width() - 6)
    hc = ctx.theme.high_contrast
    painter.fillRect(box, ctx.theme.color("panel") if hc else QColor(255, 255, 255, 200))
    painter.setFont(font)
    painter.setPen(ctx.theme.color("text") if hc else QColor("#444444"))
    painter.drawText(box, Qt.AlignCenter, text)


LEGEND_ROWS = (
    ("solid", QT_TRANSLATE_NOOP("MapPainters", "published edge (official or secondary source)")),
    ("dash", QT_TRANSLATE_NOOP("MapPainters", "approximate edge: usual drawing, not published")),
    ("hatch", QT_TRANSLATE_NOOP("MapPainters", "overlap of two ADIZs")),
)


def legend_rows() -> tuple[tuple[str, str], ...]:
    """The legend's rows in the interface language."""
    return tuple((kind, translate("MapPainters", text)) for kind, text in LEGEND_ROWS)


def _legend_font(ctx: PaintContext) -> QFont:
    font = QFont()
    font.setPointSizeF(8.0 * ctx.font_scale)
    font.setBold(ctx.theme.bold)
    return font


def legend_rect(ctx: PaintContext) -> QRectF:
    """Where the legend goes: bottom right, above the source line (the top edge is the
    notice's and the north arrow's). The clock keeps clear of it."""
    s = ctx.font_scale
    fm = QFontMetricsF(_legend_font(ctx))
    line_h = fm.height() + 4 * s
    w = 28 * s + 8 * s + max(fm.horizontalAdvance(t) for _, t in legend_rows()) + 12 * s
    h = line_h * len(LEGEND_ROWS) + 8 * s
    return QRectF(ctx.view.width - w - 8.0 * s, ctx.view.height - h - 26.0 * s, w, h)


def paint_legend(painter: QPainter, ctx: PaintContext, rect: QRectF | None = None) -> None:
    """How to read the lines: published vs approximate edges, derived zones, overlaps; in
    ``rect`` (the layout's box), else where `legend_rect` says."""
    s = ctx.font_scale
    font = _legend_font(ctx)
    fm = QFontMetricsF(font)
    rows = legend_rows()
    line_h = fm.height() + 4 * s
    sample_w = 28 * s
    rect = legend_rect(ctx) if rect is None else rect
    x0, y0, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    painter.save()
    hc = ctx.theme.high_contrast
    painter.setPen(QPen(ctx.theme.color("panel_border"), 1.5 if hc else 1))
    painter.setBrush(ctx.theme.color("panel") if hc else QColor(255, 255, 255, 215))
    painter.drawRoundedRect(QRectF(x0, y0, w, h), 4, 4)
    painter.setFont(font)
    for i, (kind, text) in enumerate(rows):
        y = y0 + 4 * s + line_h * i + line_h / 2
        a, b = QPointF(x0 + 6 * s, y), QPointF(x0 + 6 * s + sample_w, y)
        if kind == "hatch":
            painter.setPen(Qt.NoPen)
            painter.setBrush(QBrush(QColor(106, 61, 154, 255 if hc else 170), Qt.BDiagPattern))
            painter.drawRect(QRectF(a.x(), y - 5 * s, sample_w, 10 * s))
        else:
            pen = QPen(
                ctx.theme.color("text") if hc else QColor("#333333"),
                (3.0 if hc else 2.0) * s,
                Qt.SolidLine,
                Qt.FlatCap,
            )
            if kind == "dash":
                pen.setStyle(Qt.CustomDashLine)
                f = 2.0 / 3.0 if hc else 1.0  # the dashes as long as with the thinner pen
                pen.setDashPattern([5.0 * f, 3.0 * f])
            painter.setPen(pen)
            painter.drawLine(a, b)
        painter.setPen(ctx.theme.color("text"))
        painter.drawText(QPointF(b.x() + 8 * s, y + fm.ascent() / 2 - 1), text)
    painter.restore()


def _title_fonts(ctx: PaintContext) -> tuple[QFont, QFont]:
    big = QFont()
    big.setPointSizeF(13 * ctx.font_scale)
    big.setBold(True)
    small = QFont()
    small.setPointSizeF(9.5 * ctx.font_scale)
    small.setBold(ctx.theme.bold)
    return big, small


def title_size(ctx: PaintContext, title: str, subtitle: str = "") -> tuple[float, float] | None:
    """The title box: at most half the frame wide (longer titles are elided), None without one."""
    if not title:
        return None
    big, small = _title_fonts(ctx)
    fm, fs = QFontMetricsF(big), QFontMetricsF(small)
    w = max(fm.horizontalAdvance(title), fs.horizontalAdvance(subtitle) if subtitle else 0) + 20
    h = fm.height() + (fs.height() if subtitle else 0) + 10
    return min(w, max(ctx.view.width * 0.5, 200.0)), h


def paint_title(
    painter: QPainter,
    ctx: PaintContext,
    title: str,
    subtitle: str = "",
    above: QRectF | None = None,
    rect: QRectF | None = None,
) -> None:
    """The title with the scene as a subtitle, in ``rect`` (the layout's box), else bottom left
    above the scale bar, moved up to stay above ``above`` (the clock) where they would meet."""
    size = title_size(ctx, title, subtitle)
    if size is None:
        return
    s = ctx.font_scale
    big, small = _title_fonts(ctx)
    fm, fs = QFontMetricsF(big), QFontMetricsF(small)
    if rect is None:
        w, h = size
        rect = QRectF(10, ctx.view.height - h - 90 * s, min(w, ctx.view.width - 20), h)
        if above is not None and rect.intersects(above):
            rect.moveBottom(above.top() - 6 * s)
    inner = rect.width() - 20
    hc = ctx.theme.high_contrast
    painter.save()
    painter.setPen(QPen(ctx.theme.color("panel_border"), 2.0) if hc else Qt.NoPen)
    painter.setBrush(ctx.theme.color("panel") if hc else QColor(255, 255, 255, 225))
    painter.drawRoundedRect(rect, 5, 5)
    painter.setPen(ctx.theme.color("text") if hc else QColor("#111111"))
    painter.setFont(big)
    painter.drawText(
        rect.adjusted(10, 4, -10, 0),
        Qt.AlignLeft | Qt.AlignTop,
        fm.elidedText(title, Qt.ElideRight, inner),
    )
    if subtitle:
        painter.setFont(small)
        painter.setPen(ctx.theme.color("text") if hc else QColor("#333333"))
        painter.drawText(
            rect.adjusted(10, 4 + fm.height(), -10, 0),
            Qt.AlignLeft | Qt.AlignTop,
            fs.elidedText(subtitle, Qt.ElideRight, inner),
        )
    painter.restore()


def _clock_text(t: float, zone: str) -> str:
    return f"{format_time(t, 'UTC')}    {format_time(t, zone)}"


def _clock_font(ctx: PaintContext) -> QFont:
    font = QFont()
    font.setPointSizeF(12 * ctx.font_scale)
    font.setBold(True)
    return font


def clock_size(ctx: PaintContext, t: float, zone: str = "Asia/Taipei") -> tuple[float, float]:
    fm = QFontMetricsF(_clock_font(ctx))
    return fm.horizontalAdvance(_clock_text(t, zone)) + 24, fm.height() + 10


def paint_clock(
    painter: QPainter,
    ctx: PaintContext,
    t: float,
    zone: str = "Asia/Taipei",
    avoid: QRectF | None = None,
    rect: QRectF | None = None,
) -> QRectF:
    """The replay time in UTC and in ``zone``, large enough for a room: in ``rect`` (the
    layout's box), else bottom centre, above ``avoid`` (the legend, on a narrow screen) where
    it would overlap it. Returns where it was drawn."""
    text = _clock_text(t, zone)
    font = _clock_font(ctx)
    if rect is None:
        w, h = clock_size(ctx, t, zone)
        rect = QRectF(
            (ctx.view.width - w) / 2, ctx.view.height - h + 10 - 34 * ctx.font_scale, w, h
        )
        if avoid is not None and rect.intersects(avoid):
            rect.moveBottom(avoid.top() - 6 * ctx.font_scale)
    hc = ctx.theme.high_contrast
    painter.save()
    if hc:  # opaque, framed: the clock reads from the back of the room
        painter.setPen(QPen(ctx.theme.color("panel_border"), 2.0))
        painter.setBrush(ctx.theme.color("panel"))
        painter.drawRect(rect)
    else:
        painter.fillRect(rect, QColor(255, 255, 255, 220))
    painter.setFont(font)
    painter.setPen(ctx.theme.color("text") if hc else QColor("#111111"))
    painter.drawText(rect, Qt.AlignCenter, text)
    painter.restore()
    return rect


def _notice_parts(ctx: PaintContext, text: str) -> tuple[QFont, str]:
    font = QFont()
    font.setPointSizeF(9.5 * ctx.font_scale)
    font.setBold(True)
    return font, text.split(". ")[0].strip().rstrip(".") + "."


def notice_size(ctx: PaintContext, text: str) -> tuple[float, float] | None:
    """The notice banner's box (its first sentence), None without a notice."""
    if not text:
        return None
    s = ctx.font_scale
    font, first = _notice_parts(ctx, text)
    fm = QFontMetricsF(font)
    return min(fm.horizontalAdvance(first) + 24 * s, ctx.view.width - 20.0), fm.height() + 10 * s


def paint_notice(
    painter: QPainter, ctx: PaintContext, text: str, rect: QRectF | None = None
) -> None:
    """A banner with the briefing's notice, always on screen: in ``rect`` (the layout's box,
    which nothing else covers), else at the top centre."""
    size = notice_size(ctx, text)
    if size is None:
        return
    s = ctx.font_scale
    font, first = _notice_parts(ctx, text)
    fm = QFontMetricsF(font)
    if rect is None:
        rect = QRectF((ctx.view.width - size[0]) / 2, 8 * s, *size)
    painter.save()
    painter.setPen(QPen(QColor("#8a5a00"), 1.2))
    painter.setBrush(QColor(255, 243, 205, 235))
    painter.drawRoundedRect(rect, 5, 5)
    painter.setFont(font)
    painter.setPen(QColor("#5a3b00"))
    text = fm.elidedText(first, Qt.ElideRight, rect.width() - 16 * s)
    painter.drawText(rect, Qt.AlignCenter, text)
    painter.restore()


# ---------------------------------------------------------------------- the overlays
class PlacedOverlay(Painter):
    """An overlay drawn in the box(es) an `OverlayLayout` gives it: ``wanted(ctx)`` says the
    size of each box it needs (by the layout's names), ``placed`` holds where they went (None:
    each goes where it goes alone)."""

    placed: OverlayBoxes | None = None

    def wanted(self, ctx: PaintContext) -> dict[str, tuple[float, float]]:
        return {}

    def box(self, name: str) -> QRectF | None:
        return self.placed.get(name) if self.placed is not None else None


class ScaleBar(PlacedOverlay):
    """Bottom left (or where the layout puts it): true at the map centre, in the context's
    distance unit first."""

    def wanted(self, ctx: PaintContext) -> dict[str, tuple[float, float]]:
        return {SCALE_BAR: scale_bar_size(ctx)}

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        if self.placed is None or self.box(SCALE_BAR) is not None:
            paint_scale_bar(painter, ctx, self.box(SCALE_BAR))


class NorthArrow(PlacedOverlay):
    """Top right, where north is not straight up (``always``: also where it is)."""

    def __init__(self, always: bool = False) -> None:
        self.always = always

    def wanted(self, ctx: PaintContext) -> dict[str, tuple[float, float]]:
        size = north_arrow_size(ctx, self.always)
        return {NORTH_ARROW: size} if size else {}

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        paint_north_arrow(painter, ctx, self.always, self.box(NORTH_ARROW))


class SourceLine(PlacedOverlay):
    """Bottom right: where the lines and the coastline come from (``text``, translated)."""

    def __init__(self, text: str = SOURCE_LINE) -> None:
        self.text = text

    def wanted(self, ctx: PaintContext) -> dict[str, tuple[float, float]]:
        return {SOURCE: attribution_size(ctx, translate("MapPainters", self.text))}

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        paint_attribution(painter, ctx, translate("MapPainters", self.text), self.box(SOURCE))


class Legend(PlacedOverlay):
    """Bottom right, above the source line (or where the layout puts it): how to read the
    lines; ``visible`` to hide it."""

    def __init__(self, visible: bool = True) -> None:
        self.visible = visible

    def rect(self, ctx: PaintContext) -> QRectF | None:
        """Where it is drawn (None when hidden)."""
        if not self.visible:
            return None
        return self.box(LEGEND) or legend_rect(ctx)

    def wanted(self, ctx: PaintContext) -> dict[str, tuple[float, float]]:
        if not self.visible:
            return {}
        rect = legend_rect(ctx)
        return {LEGEND: (rect.width(), rect.height())}

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        if self.visible and (self.placed is None or self.box(LEGEND) is not None):
            paint_legend(painter, ctx, self.box(LEGEND))


class NoticeBanner(PlacedOverlay):
    """Top centre: ``text()`` (the briefing's notice: "Illustrative scenario — ..."), always on
    screen when there is one: the layout places it first and nothing covers it."""

    def __init__(self, text: Callable[[], str]) -> None:
        self.text = text

    def wanted(self, ctx: PaintContext) -> dict[str, tuple[float, float]]:
        size = notice_size(ctx, self.text())
        return {NOTICE: size} if size else {}

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        paint_notice(painter, ctx, self.text(), self.box(NOTICE))


class TitleAndClock(PlacedOverlay):
    """The session's clock (in UTC and the clock's zone; while a replay is loaded) and the
    briefing's title with the current scene under it, each where the layout puts it (the clock
    at the bottom centre, the title bottom left, unless the data is there). ``clock_visible``
    and ``title_visible`` say which are drawn. ``legend``: without a layout, the clock keeps
    clear of it."""

    def __init__(self, session: Session, legend: Legend | None = None) -> None:
        self.session = session
        self.legend = legend
        self.clock_visible = True
        self.title_visible = False

    def _clock(self) -> tuple[float, str] | None:
        session = self.session
        t = session.timeline.time
        if self.clock_visible and session.tracks.items and math.isfinite(t):
            zone = session.timeline.zone
            return t, zone if zone != "local" else "UTC"
        return None

    def _titles(self) -> tuple[str, str]:
        session, briefing = self.session, self.session.briefing
        if not self.title_visible or briefing is None:
            return "", ""
        scene = ""
        if 0 <= session.scene_index < len(briefing.scenes):
            scene = briefing.scenes[session.scene_index].title
        return briefing.title, scene

    def wanted(self, ctx: PaintContext) -> dict[str, tuple[float, float]]:
        out: dict[str, tuple[float, float]] = {}
        clock = self._clock()
        if clock is not None:
            out[CLOCK] = clock_size(ctx, *clock)
        size = title_size(ctx, *self._titles())
        if size is not None:
            out[TITLE] = size
        return out

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        drawn = None
        clock = self._clock()
        if clock is not None and (self.placed is None or self.box(CLOCK) is not None):
            avoid = self.legend.rect(ctx) if self.legend is not None else None
            drawn = paint_clock(painter, ctx, *clock, avoid=avoid, rect=self.box(CLOCK))
        title, scene = self._titles()
        if title and (self.placed is None or self.box(TITLE) is not None):
            paint_title(painter, ctx, title, scene, above=drawn, rect=self.box(TITLE))
