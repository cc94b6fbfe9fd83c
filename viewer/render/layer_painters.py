"""Painters of the static map: the GSHHG basemap, the graticule, and one small class per
reference-layer kind — zones (filled areas, edges), lines, points with labels, hatched overlaps —
picked from `PAINTERS` by the layer's kind (napari's ``layer_to_visual``).

Projected geometry is cached per display CRS; per frame there is only NumPy and drawing.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
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
)
from viewer.core.constants import CONFIDENCE_UNCERTAIN
from viewer.core.layer_state import LayerState
from viewer.core.projection import Projection
from viewer.render.context import PaintContext, Painter, draw_text, screen_pieces
from viewer.render.qpolygon import polygon_from_xy
from viewer.render.theme import NORMAL

SEA = QColor(NORMAL.sea)
LAND = QColor(NORMAL.land)
COAST = QColor(NORMAL.coast)
LAKE = SEA
GRATICULE = QColor(NORMAL.graticule)
LABEL_HALO = QColor(NORMAL.halo)


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
    """Meridians and parallels every 1, 2, 5, 10, ... degrees, labelled at the map's edges
    (``label_boxes``: where the degree labels went, appended to by each paint; the names keep
    clear of them)."""

    STEPS = (0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0)

    def __init__(self) -> None:
        self.label_boxes: list[QRectF] = []

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        view = ctx.view
        west, south, east, north = view_lonlat_bbox(view, ctx.projection)
        span = max(east - west, north - south)
        step = next((s for s in self.STEPS if span / s <= 14), 30.0)
        painter.setPen(QPen(ctx.theme.color("graticule"), 0))
        font = degree_label_font(ctx)
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
        fm = QFontMetricsF(font)
        drawn: list[QRectF] = []
        for pt, text, where in sorted(labels, key=lambda item: item[2]):  # bottom ones first
            if pt is None:
                continue
            x, y = pt
            if where == "l":  # a latitude at the bottom-left corner would sit on a longitude
                box = QRectF(3, y - 2 - fm.ascent(), fm.horizontalAdvance(text), fm.height())
                if any(box.adjusted(-2, -2, 2, 2).intersects(r) for r in drawn):
                    continue
                rect = draw_text(painter, 3, y - 2, text, color, font, theme=ctx.theme)
            else:
                rect = draw_text(
                    painter, x + 2, view.height - 4, text, color, font, theme=ctx.theme
                )
            drawn.append(rect.adjusted(-2, -2, 2, 2))
        self.label_boxes += drawn


def degree_label_font(ctx: PaintContext) -> QFont:
    """The graticule's degree labels' font."""
    font = QFont()
    font.setPointSizeF(8.0 * ctx.label_scale)
    font.setBold(ctx.theme.bold)
    return font


def degree_label_strip(ctx: PaintContext) -> float:
    """How far up from the bottom edge the longitude labels reach: the overlays at the bottom
    (the source line, the legend above it) keep above this strip, so no label is covered."""
    return QFontMetricsF(degree_label_font(ctx)).height() + 4.0


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
    """Base of the reference-layer painters: the layer's features live at the map date, projected
    once per CRS, drawn with the layer's colour and opacity (``state``, its `LayerState`) by the
    kind's `draw`."""

    def __init__(self, layer: ReferenceLayer) -> None:
        self.layer = layer
        self._cache: dict[str, list] = {}
        self.state: LayerState | None = None

    def projected(self, projection: Projection) -> list:
        """``(feature index, row, [projected (n, 2) parts])`` of every feature, cached per CRS."""
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
        items = [it for it in self.projected(ctx.projection) if it[0] in live]
        painter.save()
        painter.setOpacity(opacity)
        self.draw(painter, ctx, items, color)
        painter.restore()

    def draw(self, painter: QPainter, ctx: PaintContext, items: list, color: QColor) -> None:
        raise NotImplementedError


def _area_paths(ctx: PaintContext, items: list) -> list[QPainterPath]:
    """One path per area feature (holes by the odd-even rule), in screen pixels."""
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
    return paths


def _draw_paths(painter: QPainter, paths: list[QPainterPath], passes: list) -> None:
    for pass_brush, pen in passes:
        painter.setBrush(pass_brush)
        painter.setPen(pen)
        for path in paths:
            painter.drawPath(path)


class LinePainter(ReferenceLayerPainter):
    """A line layer (the median line): edges solid where published (official or secondary),
    dashed where approximate; cased in black in high contrast."""

    def draw(self, painter: QPainter, ctx: PaintContext, items: list, color: QColor) -> None:
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


class ZonePainter(LinePainter):
    """A zone (an ADIZ, the Senkaku 12/24 nmi zones, an exercise zone): a light fill, then its
    edges as a line layer draws them; a zone without edge features is outlined."""

    def draw(self, painter: QPainter, ctx: PaintContext, items: list, color: QColor) -> None:
        fill = QColor(color)
        fill.setAlphaF(self.layer.style.fill_alpha)
        has_edges = any(r["role"] == ROLE_EDGE for _, r, _ in items)
        width = self.layer.style.width * ctx.theme.edge_width
        outline = Qt.NoPen if has_edges else QPen(color, width)
        passes: list = [(QBrush(fill), outline)]
        if ctx.theme.casing and isinstance(outline, QPen):
            casing = QPen(ctx.theme.color("casing"), outline.widthF() + 2.0)
            passes.insert(0, (QBrush(Qt.NoBrush), casing))  # dark casing under the outline
        _draw_paths(painter, _area_paths(ctx, items), passes)
        super().draw(painter, ctx, items, color)


class OverlapPainter(ReferenceLayerPainter):
    """Where two ADIZs overlap: hatched, with a dotted outline."""

    def draw(self, painter: QPainter, ctx: PaintContext, items: list, color: QColor) -> None:
        brush = QBrush(QColor(color.red(), color.green(), color.blue(), 150), Qt.BDiagPattern)
        outline = QPen(QColor(color.red(), color.green(), color.blue(), 120), 0, Qt.DotLine)
        _draw_paths(painter, _area_paths(ctx, items), [(brush, outline)])


class PointsPainter(ReferenceLayerPainter):
    """Places (the Senkaku Islands, landmarks): a marker each; their names are the label
    pass's (`viewer.render.label_pass`), placed with every other name on the map."""

    def draw(self, painter: QPainter, ctx: PaintContext, items: list, color: QColor) -> None:
        r = 3.5 * ctx.label_scale
        painter.setPen(QPen(QColor("#333333" if ctx.theme is NORMAL else ctx.theme.text), 1.0))
        painter.setBrush(color)
        w, h = ctx.view.width, ctx.view.height
        for _, row, parts in items:
            if row["role"] != ROLE_POINT:
                continue
            pieces = screen_pieces(parts[0], ctx)
            if not pieces:
                continue
            sx, sy = float(pieces[0][0][0]), float(pieces[0][1][0])
            if -50 < sx < w + 50 and -50 < sy < h + 50:
                painter.drawEllipse(QPointF(sx, sy), r, r)


def _edge_pens(color: QColor, width: float, dash_width: float | None = None) -> tuple[QPen, QPen]:
    """Solid and dashed pens for zone edges; the dashes are as long on the map for a casing
    (``width``) as for the line it cases (``dash_width``): Qt measures them in pen widths."""
    solid = QPen(color, width, Qt.SolidLine, Qt.FlatCap, Qt.RoundJoin)
    dashed = QPen(color, width, Qt.CustomDashLine, Qt.FlatCap, Qt.RoundJoin)
    f = (dash_width or width) / width if width > 0 else 1.0
    dashed.setDashPattern([5.0 * f, 3.0 * f])
    return solid, dashed


PAINTERS: dict[str, type[ReferenceLayerPainter]] = {
    ZONE: ZonePainter,
    LINE_KIND: LinePainter,
    POINTS: PointsPainter,
    OVERLAP: OverlapPainter,
}


def painter_for(layer: ReferenceLayer) -> ReferenceLayerPainter:
    """The painter of ``layer``'s kind (a catalog layer or one of the user's)."""
    try:
        return PAINTERS[layer.kind](layer)
    except KeyError:
        raise ValueError(
            f"layer {layer.id!r}: no painter for kind {layer.kind!r}; expected one of "
            f"{', '.join(PAINTERS)}"
        ) from None
