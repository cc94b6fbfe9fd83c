"""The legend: each layer on the map with its colour and style, in the naming chosen, then how to
read the edges (published solid, approximate dashed) — where the overlay layout puts it
(`viewer.render.overlay_layout`: bottom right unless the data is there).

Listed: the visible layers with something in force at the map date inside the view (a zone as a
filled box, a line as a stroke, an overlap hatched, a point layer as its marker); the place-name
layer is text on the map and is not listed. A layer whose title continues the row above it
("Senkaku / Diaoyu / Diaoyutai Islands: 12 nmi (territorial sea)" under "Senkaku / Diaoyu /
Diaoyutai Islands") shows the rest, indented. Long titles are elided, the rows go into two
columns where one would take more than 40 % of the map's height, and the type is made smaller
(to 70 %) where the legend would cover more than 12 % of the map.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen

from viewer.core.basemap import view_lonlat_bbox
from viewer.core.catalog import LINE_KIND, OVERLAP, POINTS, ROLE_EDGE, ZONE, ReferenceLayer
from viewer.core.constants import CONFIDENCE_UNCERTAIN
from viewer.core.map_labels import continues
from viewer.core.map_state import MapState
from viewer.render.context import Memo, PaintContext
from viewer.render.overlay_layout import LEGEND
from viewer.render.overlays import PlacedOverlay
from viewer.render.translate import translate

SOLID, DASH = "solid", "dash"
KEY_ROWS = (
    (SOLID, QT_TRANSLATE_NOOP("MapPainters", "published edge (official or secondary source)")),
    (DASH, QT_TRANSLATE_NOOP("MapPainters", "approximate edge: usual drawing, not published")),
)
MAX_HEIGHT_FRACTION = 0.4  # of the map's height, before a second column
MAX_TEXT_FRACTION = 0.26  # of the map's width, per column, before a title is elided
MAX_AREA_FRACTION = 0.12  # of the map's area: beyond it the legend's type is made smaller


@dataclass(frozen=True)
class LegendRow:
    """One row: ``swatch`` (a layer kind: zone, line, overlap, points; or solid / dash for the
    key to the edges), ``text``, the layer's ``color`` and whether it continues the row above
    (``indent``)."""

    swatch: str
    text: str
    color: str = ""
    indent: bool = False
    layer_id: str = ""


def _in_view(layer: ReferenceLayer, ctx: PaintContext) -> tuple[bool, bool, bool]:
    """(anything in force in the view, any published edge there, any approximate edge)."""
    feats = layer.features_at(ctx.when)
    if feats.empty:
        return False, False, False
    west, south, east, north = view_lonlat_bbox(ctx.view, ctx.projection)
    x0, y0, x1, y1 = (float(v) for v in feats.total_bounds)
    if not (x0 <= east and x1 >= west and y0 <= north and y1 >= south):
        return False, False, False
    edges = feats[feats["role"] == ROLE_EDGE]
    approx = edges["confidence"] == CONFIDENCE_UNCERTAIN
    return True, bool((~approx).any()), bool(approx.any())


def legend_rows(state: MapState, ctx: PaintContext) -> list[LegendRow]:
    """The rows for the visible layers of ``state`` in ``ctx``'s view and naming."""
    rows: list[LegendRow] = []
    solid = dashed = False
    parent = ""
    for st in state.layers:
        if not st.visible:
            continue
        try:
            layer = state.layer(st.id)
        except KeyError:
            continue
        if layer.kind == POINTS and (layer.features["role"] != "point").all():
            continue  # the place names: text on the map, nothing to key
        shown, has_solid, has_dash = _in_view(layer, ctx)
        if not shown:
            continue
        if layer.kind in (ZONE, LINE_KIND):
            solid, dashed = solid or has_solid, dashed or has_dash
        title = layer.title(ctx.naming)
        rest = continues(title, parent)
        if rest:
            rows.append(LegendRow(layer.kind, rest, st.color, True, layer.id))
        else:
            rows.append(LegendRow(layer.kind, title, st.color, False, layer.id))
            parent = title
    for kind, text in KEY_ROWS:
        if (kind == SOLID and solid) or (kind == DASH and dashed):
            rows.append(LegendRow(kind, translate("MapPainters", text)))
    return rows


def _font(ctx: PaintContext, scale: float) -> QFont:
    font = QFont()
    font.setPointSizeF(8.0 * scale)
    font.setBold(ctx.theme.bold)
    return font


@dataclass(frozen=True)
class _Layout:
    rect: QRectF
    scale: float  # the legend's own type scale: the font scale, less where room is short
    columns: int
    per_column: int
    column_w: float
    line_h: float
    text_w: float


def _layout_at(ctx: PaintContext, rows: list[LegendRow], s: float, text_frac: float) -> _Layout:
    fm = QFontMetricsF(_font(ctx, s))
    line_h = fm.height() + 4 * s
    sample_w, indent = 24 * s, 12 * s
    max_text = max(text_frac * ctx.view.width, 120 * s)
    text_w = min(
        max_text,
        max(fm.horizontalAdvance(r.text) + (indent if r.indent else 0) for r in rows),
    )
    column_w = 6 * s + sample_w + 8 * s + text_w + 10 * s
    columns = max(1, math.ceil(line_h * len(rows) / (MAX_HEIGHT_FRACTION * ctx.view.height)))
    columns = min(columns, 2)
    per_column = math.ceil(len(rows) / columns)
    w = column_w * columns
    h = line_h * per_column + 8 * s
    fs = ctx.font_scale
    rect = QRectF(ctx.view.width - w - 8.0 * fs, ctx.view.height - h - 26.0 * fs, w, h)
    return _Layout(rect, s, columns, per_column, column_w, line_h, text_w)


def _layout(ctx: PaintContext, rows: list[LegendRow]) -> _Layout:
    """The legend at the font scale, made smaller (type down to 70 %, titles elided sooner)
    while it would cover more than `MAX_AREA_FRACTION` of the map: it stays compact on a small
    window or a presentation's large type."""
    area = MAX_AREA_FRACTION * ctx.view.width * ctx.view.height
    lay = _layout_at(ctx, rows, ctx.font_scale, MAX_TEXT_FRACTION)
    for step in range(1, 5):
        if lay.rect.width() * lay.rect.height() <= area:
            break
        lay = _layout_at(
            ctx, rows, ctx.font_scale * 0.915**step, MAX_TEXT_FRACTION * (1 - 0.08 * step)
        )
    return lay


def paint_legend(
    painter: QPainter, ctx: PaintContext, rows: list[LegendRow], rect: QRectF | None = None
) -> QRectF:
    """The legend of ``rows`` in ``rect`` (the overlay layout's box; titles elided where it is
    narrower than asked), else bottom right; returns where it was drawn."""
    if not rows:
        return QRectF()
    lay = _layout(ctx, rows)
    if rect is not None:
        lay = _moved(lay, rect)
    s = lay.scale
    font = _font(ctx, s)
    fm = QFontMetricsF(font)
    hc = ctx.theme.high_contrast
    painter.save()
    painter.setPen(QPen(ctx.theme.color("panel_border"), 1.5 if hc else 1))
    painter.setBrush(ctx.theme.color("panel") if hc else QColor(255, 255, 255, 215))
    painter.drawRoundedRect(lay.rect, 4, 4)
    painter.setFont(font)
    for i, row in enumerate(rows):
        col, line = divmod(i, lay.per_column)
        x0 = lay.rect.x() + col * lay.column_w + 6 * s
        y = lay.rect.y() + 4 * s + lay.line_h * line + lay.line_h / 2
        indent = 12 * s if row.indent else 0.0
        sample = QRectF(x0 + indent, y - 5 * s, 24 * s - indent, 10 * s)
        _paint_swatch(painter, ctx, row, sample, s)
        painter.setPen(ctx.theme.color("text"))
        text_x = x0 + 24 * s + 8 * s
        text = fm.elidedText(row.text, Qt.ElideRight, lay.text_w)
        painter.drawText(QPointF(text_x, y + fm.ascent() / 2 - 1), text)
    painter.restore()
    return lay.rect


def _moved(lay: _Layout, rect: QRectF) -> _Layout:
    """``lay`` in ``rect``: its place, and its width where that is less (less room for text)."""
    narrower = max(0.0, lay.rect.width() - rect.width()) / lay.columns
    return replace(
        lay,
        rect=QRectF(rect.x(), rect.y(), min(lay.rect.width(), rect.width()), lay.rect.height()),
        column_w=lay.column_w - narrower,
        text_w=max(0.0, lay.text_w - narrower),
    )


def _paint_swatch(
    painter: QPainter, ctx: PaintContext, row: LegendRow, r: QRectF, s: float
) -> None:
    hc = ctx.theme.high_contrast
    colour = QColor(row.color) if row.color else QColor("#333333")
    mid = r.center().y()
    if row.swatch == ZONE:
        fill = QColor(colour)
        fill.setAlphaF(0.25)
        if hc:
            painter.setPen(QPen(ctx.theme.color("casing"), 3.5 * s))
            painter.setBrush(Qt.NoBrush)
            painter.drawRect(r)
        painter.setPen(QPen(colour, (2.2 if hc else 1.6) * s))
        painter.setBrush(fill)
        painter.drawRect(r)
    elif row.swatch == OVERLAP:
        painter.setPen(QPen(colour, 1.0, Qt.DotLine))
        hatch = QColor(colour.red(), colour.green(), colour.blue(), 255 if hc else 170)
        painter.setBrush(QBrush(hatch, Qt.BDiagPattern))
        painter.drawRect(r)
    elif row.swatch == POINTS:
        radius = 3.5 * s * ctx.theme.scale
        painter.setPen(QPen(QColor("#333333" if not hc else ctx.theme.text), 1.0))
        painter.setBrush(colour)
        painter.drawEllipse(QPointF(r.center().x(), mid), radius, radius)
    else:  # a line layer, or the key's solid and dashed edges
        key = row.swatch in (SOLID, DASH)
        pen_colour = (ctx.theme.color("text") if hc else QColor("#333333")) if key else colour
        width = (3.0 if hc else 2.0) * s
        if hc and not key:
            painter.setPen(QPen(ctx.theme.color("casing"), width + 2 * s, Qt.SolidLine, Qt.FlatCap))
            painter.drawLine(QPointF(r.left(), mid), QPointF(r.right(), mid))
        pen = QPen(pen_colour, width, Qt.SolidLine, Qt.FlatCap)
        if row.swatch == DASH:
            pen.setStyle(Qt.CustomDashLine)
            f = 2.0 / 3.0 if hc else 1.0  # the dashes as long as with the thinner pen
            pen.setDashPattern([5.0 * f, 3.0 * f])
        painter.setPen(pen)
        painter.drawLine(QPointF(r.left(), mid), QPointF(r.right(), mid))


class Legend(PlacedOverlay):
    """Bottom right, above the source line (or where the overlay layout puts it): the layers of
    ``state`` on the map and how to read their edges; ``visible`` to hide it. Rows are worked
    out once per view and map look."""

    def __init__(self, state: MapState | None = None, visible: bool = True) -> None:
        self.state = state
        self.visible = visible
        self._cache: tuple[tuple, list[LegendRow]] | None = None
        self._size = Memo()

    def rows(self, ctx: PaintContext) -> list[LegendRow]:
        """The rows shown in ``ctx`` (the key alone without a map state)."""
        if self.state is None:
            return [LegendRow(kind, translate("MapPainters", text)) for kind, text in KEY_ROWS]
        state = self.state
        key = (ctx.view, ctx.projection.definition, ctx.naming, ctx.when, tuple(state.layers))
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, legend_rows(state, ctx))
        return self._cache[1]

    def _own_rect(self, ctx: PaintContext) -> QRectF | None:
        rows = self.rows(ctx)
        key = (rows, ctx.view.width, ctx.view.height, ctx.font_scale, ctx.theme.name)
        return self._size.get(key, lambda: _layout(ctx, rows).rect if rows else None)

    def rect(self, ctx: PaintContext) -> QRectF | None:
        """Where it is drawn (None when hidden or empty): the layout's box, else its own."""
        if not self.visible or not self.rows(ctx):
            return None
        return self.box(LEGEND) or self._own_rect(ctx)

    box_names = (LEGEND,)

    def picture_key(self, ctx: PaintContext) -> object:
        return (self.visible, tuple(self.rows(ctx)))  # the rows follow the view, naming, date

    def wanted(self, ctx: PaintContext) -> dict[str, tuple[float, float]]:
        rect = self._own_rect(ctx) if self.visible else None
        return {LEGEND: (rect.width(), rect.height())} if rect is not None else {}

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        if self.visible and (self.placed is None or self.box(LEGEND) is not None):
            paint_legend(painter, ctx, self.rows(ctx), self.box(LEGEND))


__all__ = ["KEY_ROWS", "Legend", "LegendRow", "legend_rows", "paint_legend"]
