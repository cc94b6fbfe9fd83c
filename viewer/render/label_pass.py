"""The label pass: the names on the map — every visible zone and line, the place names and the
point layers' names — measured in the painter's fonts, placed by `viewer.core.labels` (built by
`viewer.core.map_labels`) and drawn on halos into the static picture.

The placement runs when the view, the layers, the naming, the map date, the look or the boxes to
keep clear (the overlays, the briefing's annotation texts, the graticule's degree labels, the
markers of point layers) change — never per replay frame: the window caches the names with the
static layers. The tracks' labels keep clear of the names instead (`PaintContext.avoid`).

What was drawn is kept in ``drawn`` (`DrawnLabel`: text, layer, rotated rectangle and box), so
tests and ``adiz-viewer render --labels FILE`` can read where each name went.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from viewer.core.catalog import POINTS, ROLE_POINT, ReferenceLayer
from viewer.core.labels import Box, place_labels
from viewer.core.map_labels import STYLE_FEATURE, STYLE_LINE, STYLE_ZONE, map_labels, view_zoom
from viewer.core.view import MapView
from viewer.render.context import PaintContext, draw_text

# Label fonts per style: point size at font scale 1, bold, italic, letter spacing (pixels).
SEA_BLUE = "#24476b"  # seas, straits, channels: 9.2:1 on white
PROVINCE_GREY = "#5c5449"  # provinces: 7.2:1 on white


@dataclass(frozen=True)
class LabelFont:
    size: float
    bold: bool = False
    italic: bool = False
    spacing: float = 0.0
    color: str = ""  # "" = the theme's text colour; zones and lines take their layer's


FONTS: dict[str, LabelFont] = {
    STYLE_ZONE: LabelFont(10.0, bold=True),
    STYLE_LINE: LabelFont(10.0, bold=True),
    "sea": LabelFont(10.5, italic=True, spacing=1.5, color=SEA_BLUE),
    "strait": LabelFont(10.0, italic=True, spacing=0.5, color=SEA_BLUE),
    "channel": LabelFont(8.5, italic=True, color=SEA_BLUE),
    "island": LabelFont(8.5),
    "islands": LabelFont(8.5),
    "province": LabelFont(9.0, spacing=2.0, color=PROVINCE_GREY),
    "city": LabelFont(8.0),
    STYLE_FEATURE: LabelFont(8.0),
}
MARKER_RADIUS = 3.5  # the points painter's marker radius at label scale 1 (pixels)
CITY_RADIUS = 2.5
MIN_TEXT_CONTRAST = 4.5  # zone and line names in their layer's colour, darkened to reach this
OBSTACLE_GRID = 8  # px: boxes to keep clear are rounded out to this grid (a stable cache key)


@dataclass(frozen=True)
class DrawnLabel:
    """A name as drawn: ``key`` (layer id, or ``layer:feature``), ``text``, ``layer_id``,
    ``style``, centre ``x, y`` and ``angle`` (degrees clockwise), the rotated rectangle's
    ``corners`` and the axis-aligned ``box`` (x0, y0, x1, y1) in pixels, the text colour, and
    the anchor of a city's marker (drawn with its name) or None."""

    key: str
    text: str
    layer_id: str
    style: str
    x: float
    y: float
    angle: float
    corners: tuple[tuple[float, float], ...]
    box: Box
    color: str
    marker: tuple[float, float] | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "text": self.text,
            "layer": self.layer_id,
            "style": self.style,
            "x": round(self.x, 1),
            "y": round(self.y, 1),
            "angle": round(self.angle, 2),
            "box": [round(v, 1) for v in self.box],
            "corners": [[round(x, 1), round(y, 1)] for x, y in self.corners],
        }


def luminance(color: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(color.redF()) + 0.7152 * lin(color.greenF()) + 0.0722 * lin(color.blueF())


def readable(color: str, ratio: float = MIN_TEXT_CONTRAST) -> QColor:
    """``color`` darkened (same hue) until it reaches ``ratio`` against white: a pale layer
    colour (orange, pink) still names its zone in a colour that reads on its halo."""
    c = QColor(color)
    h, s, v, _ = c.getHsvF()
    while (1.05 / (luminance(c) + 0.05)) < ratio and v > 0.05:
        v *= 0.92
        c = QColor.fromHsvF(h, s, v)
    return c


def _round_out(box: Box) -> Box:
    g = OBSTACLE_GRID
    x0, y0, x1, y1 = box
    return (
        math.floor(x0 / g) * g,
        math.floor(y0 / g) * g,
        math.ceil(x1 / g) * g,
        math.ceil(y1 / g) * g,
    )


def as_box(rect: QRectF) -> Box:
    return (rect.left(), rect.top(), rect.right(), rect.bottom())


def obstacle_key(rects: Iterable[QRectF]) -> tuple[Box, ...]:
    """Boxes to keep clear, rounded out to the grid and sorted: equal keys, equal placement."""
    return tuple(sorted({_round_out(as_box(r)) for r in rects if r.isValid() and not r.isEmpty()}))


class LabelPass:
    """Places and draws the names of the visible layers (see the module's docstring)."""

    def __init__(self) -> None:
        self.drawn: list[DrawnLabel] = []
        self.enabled = True
        self._key: tuple | None = None
        self._view: MapView | None = None
        self._markers: dict[tuple, tuple[object, np.ndarray]] = {}

    # ------------------------------------------------------------------ fonts
    @staticmethod
    def font(style: str, ctx: PaintContext) -> QFont:
        spec = FONTS.get(style, FONTS[STYLE_FEATURE])
        font = QFont()
        font.setPointSizeF(spec.size * ctx.label_scale)
        font.setBold(spec.bold or ctx.theme.bold)
        font.setItalic(spec.italic)
        if spec.spacing:
            font.setLetterSpacing(QFont.AbsoluteSpacing, spec.spacing * ctx.label_scale)
        return font

    def colour(self, style: str, layer_colour: str, ctx: PaintContext) -> QColor:
        """Black in high contrast; else a zone's or line's own colour (darkened to read) and the
        style's colour for places."""
        if ctx.theme.high_contrast:
            return ctx.theme.color("text")
        if style in (STYLE_ZONE, STYLE_LINE) and layer_colour:
            return readable(layer_colour)
        spec = FONTS.get(style, FONTS[STYLE_FEATURE])
        return QColor(spec.color) if spec.color else ctx.theme.color("text")

    # ------------------------------------------------------------------ placement
    def place(
        self,
        ctx: PaintContext,
        layers: Sequence[tuple[ReferenceLayer, str]],
        keep_clear: Sequence[QRectF] = (),
        fixed: Sequence[QRectF] = (),
    ) -> list[DrawnLabel]:
        """Where the names of ``layers`` ((layer, colour) of each visible layer, bottom first)
        go in ``ctx``'s view, clear of ``keep_clear`` (the overlays and annotations: part of the
        cache key) and ``fixed`` (what the static picture already holds for this view: degree
        labels). Cached: the same inputs place nothing again."""
        obstacles = obstacle_key(keep_clear)
        key = (
            ctx.view,
            ctx.projection.definition,
            ctx.naming,
            ctx.when,
            tuple((layer.id, colour) for layer, colour in layers),
            ctx.theme.name,
            round(ctx.label_scale, 3),
            obstacles,
            self.enabled,
        )
        if key == self._key:
            return self.drawn
        self._key, self._view = key, ctx.view
        self.drawn = self._place(ctx, layers, obstacles, fixed) if self.enabled else []
        return self.drawn

    def _place(self, ctx, layers, obstacles, fixed) -> list[DrawnLabel]:
        fonts: dict[str, QFontMetricsF] = {}

        def measure(text: str, style: str) -> tuple[float, float]:
            if style not in fonts:
                fonts[style] = QFontMetricsF(self.font(style, ctx))
            fm = fonts[style]
            return (fm.horizontalAdvance(text) + 2.0, fm.height())

        view = ctx.view
        candidates = map_labels(layers, view, ctx.projection, ctx.naming, ctx.when, measure)
        markers = self._point_markers(ctx, layers)
        blocked = [*obstacles, *(as_box(r) for r in fixed), *markers]
        pad = 3.0 * ctx.label_scale
        placed = place_labels(
            [m.candidate for m in candidates],
            (view.width, view.height),
            view_zoom(view, ctx.projection),
            blocked,
            pad=pad,
            lines=_drawn_lines(candidates),
        )
        by_key = {m.candidate.key: m for m in candidates}
        out: list[DrawnLabel] = []
        for p in placed:
            m = by_key[p.key]
            marker = None
            if m.marker and m.style == "city":
                gx, gy = m.candidate.geometry  # type: ignore[misc]
                marker = (float(gx), float(gy))
            colour = self.colour(m.style, m.color, ctx).name()
            out.append(
                DrawnLabel(
                    p.key, p.text, m.layer_id, m.style, p.x, p.y, p.angle, p.corners, p.box,
                    colour, marker,
                )
            )  # fmt: skip
        return _without_covered_markers(out, ctx.label_scale)

    def _point_markers(self, ctx: PaintContext, layers) -> list[Box]:
        """The markers the points painter draws (Senkaku islets, landmarks): no name covers
        them."""
        r = MARKER_RADIUS * ctx.label_scale + 1.0
        out: list[Box] = []
        for layer, _ in layers:
            if layer.kind != POINTS:
                continue
            lonlat = self._marker_lonlat(layer, ctx)
            if not len(lonlat):
                continue
            x, y = ctx.projection.forward(lonlat[:, 0], lonlat[:, 1])
            sx, sy = ctx.view.to_screen(x, y)
            for px, py in zip(sx.tolist(), sy.tolist(), strict=True):
                if math.isfinite(px) and math.isfinite(py):
                    out.append((px - r, py - r, px + r, py + r))
        return out

    def _marker_lonlat(self, layer: ReferenceLayer, ctx: PaintContext) -> np.ndarray:
        """(n, 2) lon/lat of a point layer's markers in force (kept per layer and date)."""
        key = (layer.id, id(layer.features), ctx.when if layer.time_bound else None)
        hit = self._markers.get(key)
        if hit is None or hit[0] is not layer.features:
            feats = layer.features_at(ctx.when)
            points = [
                (g.x, g.y)
                for g, role in zip(feats.geometry, feats["role"], strict=True)
                if role == ROLE_POINT and g is not None and g.geom_type == "Point"
            ]
            hit = (layer.features, np.array(points, dtype=float).reshape(-1, 2))
            self._markers[key] = hit
        return hit[1]

    def boxes(self, view: MapView) -> tuple[Box, ...]:
        """Boxes covering the names drawn for ``view`` — a turned name as a row of small boxes
        along it, not one box around it all — (none for another view: while a drag moves the
        old picture, the tracks' labels do not dodge names that moved)."""
        if view != self._view:
            return ()
        return tuple(b for d in self.drawn for b in _pieces(d))

    def report(self) -> list[dict[str, object]]:
        """What was drawn, for a JSON file: one dict per name."""
        return [d.as_dict() for d in self.drawn]

    # ------------------------------------------------------------------ drawing
    def paint(
        self,
        painter: QPainter,
        ctx: PaintContext,
        layers: Sequence[tuple[ReferenceLayer, str]],
        keep_clear: Sequence[QRectF] = (),
        fixed: Sequence[QRectF] = (),
    ) -> None:
        drawn = self.place(ctx, layers, keep_clear, fixed)
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing, True)
        painter.setRenderHint(QPainter.TextAntialiasing, True)
        for label in drawn:
            font = self.font(label.style, ctx)
            fm = QFontMetricsF(font)
            if label.marker is not None:
                self._paint_marker(painter, ctx, *label.marker)
            painter.save()
            painter.translate(label.x, label.y)
            if label.angle:
                painter.rotate(label.angle)
            w = fm.horizontalAdvance(label.text)
            baseline = -fm.height() / 2 + fm.ascent()
            draw_text(
                painter, -w / 2, baseline, label.text, QColor(label.color), font, theme=ctx.theme
            )
            painter.restore()
        painter.restore()

    @staticmethod
    def _paint_marker(painter: QPainter, ctx: PaintContext, x: float, y: float) -> None:
        r = CITY_RADIUS * ctx.label_scale
        painter.setPen(QPen(QColor("#ffffff"), 1.2))
        painter.setBrush(ctx.theme.color("text"))
        painter.drawEllipse(QPointF(x, y), r, r)
        painter.setBrush(Qt.NoBrush)


def _pieces(label: DrawnLabel) -> list[Box]:
    """An upright name's box; a turned one cut along its length into boxes about as long as
    it is high, each the box of its piece of the turned rectangle."""
    if abs(label.angle) < 1.0:
        return [label.box]
    (ax, ay), (bx, by), (cx, cy), (dx, dy) = label.corners
    height = math.hypot(dx - ax, dy - ay)
    n = max(1, math.ceil(math.hypot(bx - ax, by - ay) / max(height, 1.0)))
    out = []
    for i in range(n):
        f0, f1 = i / n, (i + 1) / n
        xs = [ax + (bx - ax) * f for f in (f0, f1)] + [dx + (cx - dx) * f for f in (f0, f1)]
        ys = [ay + (by - ay) * f for f in (f0, f1)] + [dy + (cy - dy) * f for f in (f0, f1)]
        out.append((min(xs), min(ys), max(xs), max(ys)))
    return out


def _drawn_lines(candidates) -> list[tuple[str, np.ndarray]]:
    """The zone edges and lines on the map, in pixels: names cross them only where they must."""
    out: list[tuple[str, np.ndarray]] = []
    for m in candidates:
        cand = m.candidate
        if m.style == STYLE_ZONE:
            for ring in shapely.get_parts(shapely.boundary(cand.geometry)):
                out.append((cand.key, np.asarray(shapely.get_coordinates(ring))))
        elif m.style == STYLE_LINE:
            out += [(cand.key, piece) for piece in cand.geometry]
    return out


def _without_covered_markers(drawn: list[DrawnLabel], scale: float) -> list[DrawnLabel]:
    """A city whose dot would fall under another name is left out (dot and name)."""
    r = CITY_RADIUS * scale
    out = []
    for d in drawn:
        if d.marker is not None:
            mx, my = d.marker
            if any(
                o is not d and o.box[0] < mx + r and o.box[2] > mx - r and o.box[1] < my + r
                and o.box[3] > my - r
                for o in drawn
            ):  # fmt: skip
                continue
        out.append(d)
    return out


__all__ = ["FONTS", "DrawnLabel", "LabelPass", "luminance", "obstacle_key", "readable"]
