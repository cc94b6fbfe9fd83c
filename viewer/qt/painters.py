"""Painters: one small class per layer kind, turning core data into pixels with a `QPainter`.

The canvas (and the PNG/video export) calls ``paint(painter, ctx)`` on each painter in order;
`PAINTERS` maps a reference-layer kind to its painter class (napari's ``layer_to_visual``).
Projected geometry is cached per display CRS; per frame there is only NumPy and drawing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import shapely
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from viewer.core.basemap import Basemap, resolution_for_scale, view_lonlat_bbox
from viewer.core.catalog import (
    LINE_KIND,
    OVERLAP,
    POINTS,
    ROLE_AREA,
    ROLE_EDGE,
    ROLE_POINT,
    ZONE,
    ReferenceLayer,
    label_for,
)
from viewer.core.constants import CONFIDENCE_UNCERTAIN
from viewer.core.geodesy import distance_m
from viewer.core.map_state import LayerState
from viewer.core.projection import Projection
from viewer.core.units import DEFAULT_UNITS, METRES_PER, Units
from viewer.core.view import MapView
from viewer.qt.i18n import translate
from viewer.qt.qpolygon import polygon_from_xy
from viewer.qt.theme import NORMAL, Theme

SEA = QColor(NORMAL.sea)
LAND = QColor(NORMAL.land)
COAST = QColor(NORMAL.coast)
LAKE = SEA
GRATICULE = QColor(NORMAL.graticule)
LABEL_HALO = QColor(NORMAL.halo)


@dataclass(frozen=True)
class PaintContext:
    """What every painter needs for one picture."""

    view: MapView
    projection: Projection
    naming: str
    when: datetime | None
    font_scale: float = 1.0  # >1 for projector / presentation mode
    units: Units = DEFAULT_UNITS  # the read-outs' distance and altitude units (View > Units)
    theme: Theme = NORMAL  # normal or high contrast (View > High-contrast theme)

    @property
    def label_scale(self) -> float:
        """Size of map labels and track icons: the font scale, larger in high contrast."""
        return self.font_scale * self.theme.scale


def screen_pieces(xy: np.ndarray, ctx: PaintContext) -> list[tuple[np.ndarray, np.ndarray]]:
    """Projected (n, 2) map coordinates -> screen arrays, split where the projection failed."""
    sx, sy = ctx.view.to_screen(xy[:, 0], xy[:, 1])
    ok = np.isfinite(sx) & np.isfinite(sy)
    if ok.all():
        return [(sx, sy)]
    pieces = []
    idx = np.flatnonzero(ok)
    if len(idx) == 0:
        return pieces
    breaks = np.flatnonzero(np.diff(idx) > 1) + 1
    for run in np.split(idx, breaks):
        if len(run) > 1:
            pieces.append((sx[run], sy[run]))
    return pieces


def draw_text(
    painter: QPainter,
    x: float,
    y: float,
    text: str,
    color: QColor,
    font: QFont,
    align_center: bool = False,
    theme: Theme = NORMAL,
) -> QRectF:
    """Text with a white halo, readable over land, sea and zone fills. Returns its rectangle.
    The theme sets the halo's width (and high contrast makes the text bold)."""
    if theme.bold and not font.bold():
        font = QFont(font)
        font.setBold(True)
    fm = QFontMetricsF(font)
    w = fm.horizontalAdvance(text)
    if align_center:
        x -= w / 2
    path = QPainterPath()
    path.addText(QPointF(x, y), font, text)
    halo = theme.color("halo")
    painter.setPen(QPen(halo, theme.halo_width, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin))
    painter.setBrush(Qt.NoBrush)
    painter.drawPath(path)
    painter.setPen(color)
    painter.setFont(font)
    painter.drawText(QPointF(x, y), text)  # hinted glyphs: crisp at small sizes
    return QRectF(x, y - fm.ascent(), w, fm.height())


class Painter:
    """Base: ``paint(painter, ctx)``; subclasses cache projected geometry per CRS."""

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        raise NotImplementedError


class BasemapPainter(Painter):
    """GSHHG land and coastline, resolution and tiles chosen from the view."""

    def __init__(self, basemap: Basemap) -> None:
        self.basemap = basemap
        self._cache: dict[tuple, tuple] = {}
        self.last_resolution = ""

    def _projected_tile(self, projection: Projection, res: str, ix: int, iy: int) -> tuple:
        key = (projection.definition, res, ix, iy)
        hit = self._cache.get(key)
        if hit is None:
            tile = self.basemap.tile(res, ix, iy)
            polys = []
            for level, ring in tile.polygons:
                x, y = projection.forward(ring[:, 0], ring[:, 1])
                xy = np.column_stack([x, y])
                ok = np.isfinite(x)
                if ok.sum() < 3:
                    continue
                bbox = (np.nanmin(x), np.nanmin(y), np.nanmax(x), np.nanmax(y))
                polys.append((level, xy, bbox))
            coast = []
            for line in tile.coast:
                x, y = projection.forward(line[:, 0], line[:, 1])
                if np.isfinite(x).sum() < 2:
                    continue
                coast.append(
                    (
                        np.column_stack([x, y]),
                        (np.nanmin(x), np.nanmin(y), np.nanmax(x), np.nanmax(y)),
                    )
                )
            hit = (polys, coast)
            if len(self._cache) > 2000:
                self._cache.clear()
            self._cache[key] = hit
        return hit

    def paint_sea(self, painter: QPainter, ctx: PaintContext) -> None:
        painter.fillRect(QRectF(0, 0, ctx.view.width, ctx.view.height), ctx.theme.color("sea"))

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        view = ctx.view
        res = resolution_for_scale(view.scale / ctx.projection.units_per_metre)
        self.last_resolution = res
        bbox = view_lonlat_bbox(view, ctx.projection)
        xmin, ymin, xmax, ymax = view.extent()
        min_size = view.scale * 0.7  # rings smaller than a pixel are skipped
        tiles = [
            self._projected_tile(ctx.projection, res, ix, iy)
            for ix, iy in self.basemap.tile_keys(res, bbox)
        ]
        painter.setRenderHint(QPainter.Antialiasing, False)  # no seams between tiles
        painter.setPen(Qt.NoPen)
        sea, land = ctx.theme.color("sea"), ctx.theme.color("land")
        for level in (1, 5, 2, 3):  # land, Antarctica, lakes, islands in lakes
            painter.setBrush(sea if level == 2 else land)
            for polys, _ in tiles:
                for lev, xy, (bx0, by0, bx1, by1) in polys:
                    if lev != level or bx1 < xmin or bx0 > xmax or by1 < ymin or by0 > ymax:
                        continue
                    if bx1 - bx0 < min_size and by1 - by0 < min_size:
                        continue
                    for sx, sy in screen_pieces(xy, ctx):
                        painter.drawPolygon(polygon_from_xy(sx, sy))
        painter.setRenderHint(QPainter.Antialiasing, True)
        # cosmetic pen (0): fastest; high contrast draws a wider black coast
        painter.setPen(QPen(ctx.theme.color("coast"), ctx.theme.coast_width))
        painter.setBrush(Qt.NoBrush)
        for _, coast in tiles:
            for xy, (bx0, by0, bx1, by1) in coast:
                if bx1 < xmin or bx0 > xmax or by1 < ymin or by0 > ymax:
                    continue
                if bx1 - bx0 < min_size and by1 - by0 < min_size:
                    continue
                for sx, sy in screen_pieces(xy, ctx):
                    painter.drawPolyline(polygon_from_xy(sx, sy))


class GraticulePainter(Painter):
    """Meridians and parallels every 1, 2, 5, 10, ... degrees, labelled at the map's edges."""

    STEPS = (0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0)

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        view = ctx.view
        west, south, east, north = view_lonlat_bbox(view, ctx.projection)
        span = max(east - west, north - south)
        step = next((s for s in self.STEPS if span / s <= 14), 30.0)
        painter.setPen(QPen(ctx.theme.color("graticule"), 0))
        font = QFont()
        font.setPointSizeF(8.0 * ctx.label_scale)
        font.setBold(ctx.theme.bold)
        painter.setFont(font)
        lons = np.arange(math.ceil(west / step) * step, east + 1e-9, step)
        lats = np.arange(math.ceil(south / step) * step, north + 1e-9, step)
        lats = lats[(lats >= -85) & (lats <= 85)]
        dense_lat = np.linspace(max(south, -85), min(north, 85), 200)
        dense_lon = np.linspace(west, east, 400)
        labels = []
        for lon in lons:
            x, y = ctx.projection.forward(np.full_like(dense_lat, lon), dense_lat)
            for sx, sy in screen_pieces(np.column_stack([x, y]), ctx):
                painter.drawPolyline(polygon_from_xy(sx, sy))
                labels.append((_edge_point(sx, sy, view, "bottom"), _deg(lon, "E", "W"), "b"))
        for lat in lats:
            x, y = ctx.projection.forward(dense_lon, np.full_like(dense_lon, lat))
            for sx, sy in screen_pieces(np.column_stack([x, y]), ctx):
                painter.drawPolyline(polygon_from_xy(sx, sy))
                labels.append((_edge_point(sx, sy, view, "left"), _deg(lat, "N", "S"), "l"))
        color = ctx.theme.color("graticule_text")
        for pt, text, where in labels:
            if pt is None:
                continue
            x, y = pt
            if where == "b":
                draw_text(painter, x + 2, view.height - 4, text, color, font, theme=ctx.theme)
            else:
                draw_text(painter, 3, y - 2, text, color, font, theme=ctx.theme)


def _edge_point(sx, sy, view, edge):
    """Where a graticule line meets the bottom (meridians) or left (parallels) edge."""
    if edge == "bottom":
        target, coord, other = view.height, sy, sx
    else:
        target, coord, other = 0.0, sx, sy
    d = coord - target
    crossing = np.flatnonzero(np.sign(d[:-1]) != np.sign(d[1:]))
    if len(crossing) == 0:
        return None
    i = crossing[0]
    f = d[i] / (d[i] - d[i + 1])
    o = other[i] + f * (other[i + 1] - other[i])
    limit = view.width if edge == "bottom" else view.height
    if not 0 <= o <= limit:
        return None
    return (o, target) if edge == "bottom" else (target, o)


def _deg(value: float, pos: str, neg: str) -> str:
    hemi = pos if value >= 0 else neg
    v = abs(value)
    if abs(v - round(v)) < 1e-9:
        return f"{round(v)}°{hemi}"
    d = int(v)
    m = round((v - d) * 60)
    return f"{d}°{m:02d}′{hemi}"


class ReferenceLayerPainter(Painter):
    """A catalog layer: filled areas, edges solid (official/secondary) or dashed (approximate),
    point markers with labels in the chosen naming usage, hatched overlaps."""

    def __init__(self, layer: ReferenceLayer) -> None:
        self.layer = layer
        self._cache: dict[str, list] = {}
        self.state: LayerState | None = None

    def _projected(self, projection: Projection) -> list:
        key = projection.definition
        if key not in self._cache:
            items = []
            for idx, row in self.layer.features.iterrows():
                geom = row.geometry
                parts = []
                for part in shapely.get_parts(geom):
                    rings = (
                        [part.exterior, *part.interiors] if part.geom_type == "Polygon" else [part]
                    )
                    for ring in rings:
                        xy = shapely.get_coordinates(ring)
                        x, y = projection.forward(xy[:, 0], xy[:, 1])
                        parts.append(np.column_stack([x, y]))
                items.append((idx, row, parts))
            self._cache = {key: items}
        return self._cache[key]

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        st = self.state
        if st is not None and not st.visible:
            return
        color = QColor(st.color if st else self.layer.style.color)
        opacity = st.opacity if st else 1.0
        live = set(self.layer.features_at(ctx.when).index)
        items = [it for it in self._projected(ctx.projection) if it[0] in live]
        painter.save()
        painter.setOpacity(opacity)
        if self.layer.kind in (ZONE, OVERLAP):
            self._paint_areas(painter, ctx, items, color)
        if self.layer.kind in (ZONE, LINE_KIND):
            self._paint_edges(painter, ctx, items, color)
        if self.layer.kind == POINTS:
            self._paint_points(painter, ctx, items, color)
        painter.restore()

    def _paint_areas(self, painter, ctx, items, color):
        fill = QColor(color)
        if self.layer.kind == OVERLAP:
            brush = QBrush(QColor(color.red(), color.green(), color.blue(), 150), Qt.BDiagPattern)
            outline = QPen(QColor(color.red(), color.green(), color.blue(), 120), 0, Qt.DotLine)
        else:
            fill.setAlphaF(self.layer.style.fill_alpha)
            brush = QBrush(fill)
            has_edges = any(r["role"] == ROLE_EDGE for _, r, _ in items)
            width = self.layer.style.width * ctx.theme.edge_width
            outline = Qt.NoPen if has_edges else QPen(color, width)
        passes = [(brush, outline)]
        if ctx.theme.casing and isinstance(outline, QPen) and self.layer.kind != OVERLAP:
            casing = QPen(ctx.theme.color("casing"), outline.widthF() + 2.0)
            passes.insert(0, (QBrush(Qt.NoBrush), casing))  # dark casing under the outline
        paths = []
        for _, row, parts in items:
            if row["role"] != ROLE_AREA:
                continue
            path = QPainterPath()
            path.setFillRule(Qt.OddEvenFill)
            for xy in parts:
                for sx, sy in screen_pieces(xy, ctx):
                    path.addPolygon(polygon_from_xy(sx, sy))
                    path.closeSubpath()
            paths.append(path)
        for pass_brush, pen in passes:
            painter.setBrush(pass_brush)
            painter.setPen(pen)
            for path in paths:
                painter.drawPath(path)

    def _paint_edges(self, painter, ctx, items, color):
        width = self.layer.style.width * ctx.font_scale * ctx.theme.edge_width
        pens = [_edge_pens(color, width)]
        if ctx.theme.casing and width > 0:  # a dark casing under the colour: light colours read
            casing = ctx.theme.color("casing")
            casing.setAlpha(color.alpha())
            pens.insert(0, _edge_pens(casing, width + 2.0 * ctx.font_scale, dash_width=width))
        painter.setBrush(Qt.NoBrush)
        for solid, dashed in pens:
            for _, row, parts in items:
                if row["role"] != ROLE_EDGE:
                    continue
                painter.setPen(dashed if row["confidence"] == CONFIDENCE_UNCERTAIN else solid)
                for xy in parts:
                    for sx, sy in screen_pieces(xy, ctx):
                        painter.drawPolyline(polygon_from_xy(sx, sy))

    def _paint_points(self, painter, ctx, items, color):
        font = QFont()
        font.setPointSizeF(8.5 * ctx.label_scale)
        font.setBold(ctx.theme.bold)
        r = 3.5 * ctx.label_scale
        placed: list[QRectF] = []
        for _, row, parts in items:
            if row["role"] != ROLE_POINT:
                continue
            ((sx, sy),) = [(p[0][0], p[1][0]) for p in screen_pieces(parts[0], ctx)] or [
                (None, None)
            ]
            if sx is None or not (
                -50 < sx < ctx.view.width + 50 and -50 < sy < ctx.view.height + 50
            ):
                continue
            painter.setPen(QPen(QColor("#333333" if ctx.theme is NORMAL else ctx.theme.text), 1.0))
            painter.setBrush(color)
            painter.drawEllipse(QPointF(sx, sy), r, r)
            text = label_for(row, ctx.naming)
            fm = QFontMetricsF(font)
            rect = QRectF(sx + r + 2, sy - fm.ascent() / 2, fm.horizontalAdvance(text), fm.height())
            if any(rect.intersects(p) for p in placed):
                continue  # labels never pile up: the first placed wins, the marker stays
            placed.append(rect)
            draw_text(
                painter,
                rect.x(),
                sy + fm.ascent() / 2 - 1,
                text,
                ctx.theme.color("text"),
                font,
                theme=ctx.theme,
            )


def _edge_pens(color: QColor, width: float, dash_width: float | None = None) -> tuple[QPen, QPen]:
    """Solid and dashed pens for zone edges; the dashes are as long on the map for a casing
    (``width``) as for the line it cases (``dash_width``): Qt measures them in pen widths."""
    solid = QPen(color, width, Qt.SolidLine, Qt.FlatCap, Qt.RoundJoin)
    dashed = QPen(color, width, Qt.CustomDashLine, Qt.FlatCap, Qt.RoundJoin)
    f = (dash_width or width) / width if width > 0 else 1.0
    dashed.setDashPattern([5.0 * f, 3.0 * f])
    return solid, dashed


PAINTERS: dict[str, type[ReferenceLayerPainter]] = {
    ZONE: ReferenceLayerPainter,
    LINE_KIND: ReferenceLayerPainter,
    POINTS: ReferenceLayerPainter,
    OVERLAP: ReferenceLayerPainter,
}


# ---------------------------------------------------------------------- screen-space overlays
def nice_length(target: float) -> float:
    """The largest 1, 2 or 5 x 10^k not above ``target``."""
    if target <= 0:
        return 0.0
    exp = math.floor(math.log10(target))
    for m in (5, 2, 1):
        if m * 10**exp <= target:
            return m * 10**exp
    return 10**exp


def paint_scale_bar(painter: QPainter, ctx: PaintContext) -> None:
    """Two bars true at the map centre (geodesic): first, bolder, in the chosen distance unit
    (nautical miles or kilometres), then a thinner one in the other unit."""
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


def paint_attribution(painter: QPainter, ctx: PaintContext, text: str) -> None:
    font = QFont()
    font.setPointSizeF(7.0 * ctx.font_scale)
    fm = QFontMetricsF(font)
    w = fm.horizontalAdvance(text)
    box = QRectF(
        ctx.view.width - w - 10, ctx.view.height - fm.height() - 4, w + 10, fm.height() + 4
    )
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


def paint_legend(painter: QPainter, ctx: PaintContext) -> None:
    """How to read the lines: published vs approximate edges, derived zones, overlaps."""
    s = ctx.font_scale
    font = _legend_font(ctx)
    fm = QFontMetricsF(font)
    rows = legend_rows()
    line_h = fm.height() + 4 * s
    sample_w = 28 * s
    rect = legend_rect(ctx)
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
