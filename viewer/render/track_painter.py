"""`TrackPainter`: the replay on the map — fading trails, icons by kind turned to their heading,
labels that do not pile up, gaps dashed and heads inside a gap marked "no data".

Per frame: one `slice_tracks` per loaded file (NumPy), then a few dozen batched draw calls:
trail segments are grouped by colour, age band and gap into one ``drawLines`` each, with
cosmetic pens (the fast path of Qt's raster engine).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from viewer.core.constants import (
    KIND_BOMBER,
    KIND_FIGHTER,
    KIND_HELICOPTER,
    KIND_ISR,
    KIND_SHIP,
    KIND_TRANSPORT,
    KIND_UAV,
    KIND_UNKNOWN,
    KINDS,
)
from viewer.core.slicing import DEFAULT_GAP_S, TrackSlice, slice_tracks
from viewer.core.track_layers import TrackLayers
from viewer.render.context import PaintContext, Painter
from viewer.render.qpolygon import polygon_from_xy
from viewer.render.translate import translate

# Colour-blind-safe (Okabe–Ito based), distinct from the zone colours by being fully opaque.
KIND_COLORS: dict[str, str] = {
    KIND_FIGHTER: "#E31A1C",  # not the vermillion of Japan's ADIZ line
    KIND_BOMBER: "#882255",
    KIND_ISR: "#0072B2",
    KIND_UAV: "#009E73",
    KIND_HELICOPTER: "#E69F00",
    KIND_TRANSPORT: "#56B4E9",
    KIND_SHIP: "#332288",
    KIND_UNKNOWN: "#666666",
}
KIND_NAMES: dict[str, str] = {
    KIND_FIGHTER: QT_TRANSLATE_NOOP("TrackPainter", "fighter"),
    KIND_BOMBER: QT_TRANSLATE_NOOP("TrackPainter", "bomber"),
    KIND_ISR: QT_TRANSLATE_NOOP("TrackPainter", "ISR / AEW / ASW"),
    KIND_UAV: QT_TRANSLATE_NOOP("TrackPainter", "UAV"),
    KIND_HELICOPTER: QT_TRANSLATE_NOOP("TrackPainter", "helicopter"),
    KIND_TRANSPORT: QT_TRANSLATE_NOOP("TrackPainter", "transport / tanker"),
    KIND_SHIP: QT_TRANSLATE_NOOP("TrackPainter", "ship / coast guard"),
    KIND_UNKNOWN: QT_TRANSLATE_NOOP("TrackPainter", "unknown"),
}


def kind_name(kind: str) -> str:
    """A track kind (``"fighter"``) as the interface names it; unknown kinds as they are."""
    return translate("TrackPainter", KIND_NAMES[kind]) if kind in KIND_NAMES else kind


# Colour by track: Paul Tol's "bright" and "muted" qualitative schemes (colour-blind safe).
TRACK_PALETTE = (
    "#4477AA",
    "#EE6677",
    "#228833",
    "#CCBB44",
    "#66CCEE",
    "#AA3377",
    "#332288",
    "#117733",
    "#44AA99",
    "#999933",
    "#882255",
    "#DDCC77",
)
# Colour by side: the side column's words (CoT affiliations included) -> colour.
SIDE_COLORS = (
    (r"hostile|suspect|\bpla|\bprc|china|chinese|ccg|faker|joker", "#CC3311"),
    (r"friend|\broc\b|taiwan|rocaf|rocn|cga", "#0077BB"),
    (r"japan|jcg|jasdf|jmsdf|jsdf", "#009988"),
    (r"\bus\b|usaf|usn|united states|american", "#33BBEE"),
    (r"neutral", "#228833"),
)
SIDE_UNKNOWN = "#888888"
COLOR_BY = ("kind", "track", "side")
AGE_BANDS = 5  # trail fades in this many steps, newest opaque
PICK_RADIUS_PX = 12.0


def _icon(kind: str) -> QPainterPath:
    """Unit icon (about ±1) pointing up (north), one shape per kind."""
    p = QPainterPath()
    if kind == KIND_FIGHTER:  # swept delta
        pts = [
            (0, -1),
            (0.22, -0.1),
            (0.8, 0.55),
            (0.2, 0.45),
            (0.25, 0.9),
            (-0.25, 0.9),
            (-0.2, 0.45),
            (-0.8, 0.55),
            (-0.22, -0.1),
        ]
    elif kind == KIND_BOMBER:  # long straight wings
        pts = [
            (0, -1),
            (0.15, -0.3),
            (1.0, 0.15),
            (1.0, 0.35),
            (0.15, 0.25),
            (0.35, 0.9),
            (-0.35, 0.9),
            (-0.15, 0.25),
            (-1.0, 0.35),
            (-1.0, 0.15),
            (-0.15, -0.3),
        ]
    elif kind == KIND_ISR:  # aircraft with a radar disc
        pts = [
            (0, -1),
            (0.12, -0.2),
            (0.9, 0.2),
            (0.9, 0.35),
            (0.12, 0.3),
            (0.3, 0.9),
            (-0.3, 0.9),
            (-0.12, 0.3),
            (-0.9, 0.35),
            (-0.9, 0.2),
            (-0.12, -0.2),
        ]
        p.addEllipse(QPointF(0, 0.05), 0.42, 0.42)
    elif kind == KIND_UAV:  # a V
        pts = [(0, -0.9), (0.9, 0.6), (0.55, 0.75), (0, -0.2), (-0.55, 0.75), (-0.9, 0.6)]
    elif kind == KIND_HELICOPTER:
        p.addEllipse(QPointF(0, 0), 0.55, 0.55)
        p.addRect(QRectF(-0.08, 0.4, 0.16, 0.6))
        pts = [(-1, -0.06), (1, -0.06), (1, 0.06), (-1, 0.06)]
    elif kind == KIND_TRANSPORT:
        pts = [
            (0, -1),
            (0.2, -0.6),
            (0.2, -0.1),
            (1.0, 0.2),
            (1.0, 0.4),
            (0.2, 0.3),
            (0.2, 0.7),
            (0.5, 0.95),
            (-0.5, 0.95),
            (-0.2, 0.7),
            (-0.2, 0.3),
            (-1.0, 0.4),
            (-1.0, 0.2),
            (-0.2, -0.1),
            (-0.2, -0.6),
        ]
    elif kind == KIND_SHIP:  # hull
        pts = [(0, -1), (0.45, -0.35), (0.45, 0.9), (-0.45, 0.9), (-0.45, -0.35)]
    else:  # diamond
        pts = [(0, -0.9), (0.6, 0), (0, 0.9), (-0.6, 0)]
    p.moveTo(*pts[0])
    for x, y in pts[1:]:
        p.lineTo(x, y)
    p.closeSubpath()
    p.setFillRule(Qt.WindingFill)
    return p


ICONS = {kind: _icon(kind) for kind in KINDS}


@dataclass
class TrackStyle:
    trail_width: float = 0.0  # 0 = cosmetic 1 px: the fast path
    head_size: float = 9.0
    labels: bool = True
    max_labels: int = 200
    color_by: str = "kind"  # or "track"


@dataclass
class _Drawn:
    """What the last frame drew, for picking and tooltips."""

    heads: list[tuple[object, TrackSlice, np.ndarray, np.ndarray]] = field(default_factory=list)
    labels: list[QRectF] = field(default_factory=list)  # the track labels' boxes


class TrackPainter(Painter):
    """Draws every visible loaded file at ``time_source()`` with trails of ``trail_source()``."""

    def __init__(
        self,
        tracks: TrackLayers,
        time_source: Callable[[], float],
        trail_source: Callable[[], float],
        gap: float = DEFAULT_GAP_S,
    ) -> None:
        self.tracks = tracks
        self.time_source = time_source
        self.trail_source = trail_source
        self.gap = gap
        self.style = TrackStyle()
        self.selected: tuple[str, int] | None = None  # (file path, track index)
        self.drawn = _Drawn()
        self._kind_index: dict[tuple[int, str], tuple] = {}

    # ------------------------------------------------------------------ painting
    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        t = float(self.time_source())
        trail = float(self.trail_source())
        self.drawn = _Drawn()
        wanted: list[tuple[float, float, float, str]] = []  # (x, y, icon size, text)
        icons: list[tuple[float, float, float, float]] = []  # every head's icon, on screen
        for item in self.tracks.visible():
            ts = item.trackset
            if ts.n_fixes == 0:
                continue
            sl = slice_tracks(ts, t, trail, gap=self.gap)
            if len(sl) == 0:
                continue
            kinds, colours, palette = self._codes(ts)
            live = sl.tracks
            if trail > 0:
                self._paint_trails(painter, ctx, sl, ts, colours[live], palette, t, trail)
            sx, sy = ctx.view.to_screen(sl.x, sl.y)
            self.drawn.heads.append((item.path, sl, sx, sy))
            self._paint_heads(
                painter,
                ctx,
                sl,
                ts,
                kinds[live],
                colours[live],
                palette,
                sx,
                sy,
                str(item.path),
                wanted,
                icons,
            )
        # the labels last, over every trail and icon, clear of the names and of every icon
        if wanted:
            self._paint_labels(painter, ctx, wanted, _names_hash([*ctx.avoid, *icons]))

    def _codes(self, ts) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """Per track: kind index (for the icon), colour index and the palette they index."""
        key = (id(ts), self.style.color_by)
        if key not in self._kind_index:
            lookup = {k: i for i, k in enumerate(KINDS)}
            kinds = np.array([lookup.get(k, len(KINDS) - 1) for k in ts.kinds], dtype=np.int64)
            colours, palette = colour_codes(ts, self.style.color_by, kinds)
            if len(self._kind_index) > 16:
                self._kind_index.clear()
            self._kind_index[key] = (kinds, colours, palette)
        return self._kind_index[key]

    def _paint_trails(self, painter, ctx, sl, ts, colour_of_live, palette, t, trail):
        lines = sl.trails(ts)
        n = len(lines.x)
        if n < 2:
            return
        sx, sy = ctx.view.to_screen(lines.x, lines.y)
        # segments i -> i+1 within a track (not across two tracks' polylines)
        seg = np.ones(n - 1, dtype=bool)
        seg[lines.offsets[1:-1] - 1] = False
        owner = np.repeat(np.arange(len(sl)), np.diff(lines.offsets))[:-1]
        dx, dy = np.abs(sx[1:] - sx[:-1]), np.abs(sy[1:] - sy[:-1])
        seg &= (dx + dy) > 0.3  # invisible sub-pixel segments are not drawn
        w, h = ctx.view.width, ctx.view.height
        seg &= ~(((sx[1:] < 0) & (sx[:-1] < 0)) | ((sx[1:] > w) & (sx[:-1] > w)))
        seg &= ~(((sy[1:] < 0) & (sy[:-1] < 0)) | ((sy[1:] > h) & (sy[:-1] > h)))
        idx = np.flatnonzero(seg)
        if len(idx) == 0:
            return
        span = trail if math.isfinite(trail) else max(t - float(ts.t.min()), 1.0)
        age = np.clip((t - lines.t[idx + 1]) / span, 0.0, 0.999)
        band = (age * AGE_BANDS).astype(np.int64)
        colour = colour_of_live[owner[idx]]
        gap = lines.gap_after[idx].astype(np.int64)
        key = (colour * AGE_BANDS + band) * 2 + gap
        order = np.argsort(key, kind="stable")
        idx, key = idx[order], key[order]
        cuts = np.flatnonzero(np.diff(key)) + 1
        xs = np.empty(2 * len(idx))
        ys = np.empty(2 * len(idx))
        xs[0::2], xs[1::2] = sx[idx], sx[idx + 1]
        ys[0::2], ys[1::2] = sy[idx], sy[idx + 1]
        theme = ctx.theme
        width = max(self.style.trail_width, theme.trail_width) * ctx.font_scale
        groups = list(zip(np.r_[0, cuts], np.r_[cuts, len(idx)], strict=True))
        # high contrast: every trail cased in black first, so light colours read on white
        passes = ("casing", "colour") if theme.casing and width > 0 else ("colour",)
        for what in passes:
            for start, end in groups:
                k = int(key[start])
                is_gap, rest = k % 2, k // 2
                b, c = rest % AGE_BANDS, rest // AGE_BANDS
                col = QColor(theme.casing if what == "casing" else palette[c])
                col.setAlphaF((1.0 - b / AGE_BANDS) * (0.45 if is_gap else 0.95))
                w = width + 2.0 * ctx.font_scale if what == "casing" else width
                pen = QPen(col, w, Qt.DashLine if is_gap else Qt.SolidLine, Qt.FlatCap)
                if is_gap and what == "casing":  # dashes as long as the coloured line's
                    pen.setStyle(Qt.CustomDashLine)
                    pen.setDashPattern([4.0 * width / w, 2.0 * width / w])
                painter.setPen(pen)
                painter.drawLines(polygon_from_xy(xs[2 * start : 2 * end], ys[2 * start : 2 * end]))

    def _paint_heads(
        self,
        painter,
        ctx,
        sl,
        ts,
        kind_of_live,
        colour_of_live,
        palette,
        sx,
        sy,
        path_key,
        wanted,
        icons,
    ):
        size = self.style.head_size * ctx.label_scale
        w, h = ctx.view.width, ctx.view.height
        on_screen = (sx > -size) & (sx < w + size) & (sy > -size) & (sy < h + size)
        theme = ctx.theme
        hc = theme.high_contrast
        labels = 0
        r = size * 0.8  # the icon's box, a little inside its tips
        for j in np.flatnonzero(on_screen):
            kind = KINDS[int(kind_of_live[j])]
            colour = QColor(palette[int(colour_of_live[j])])
            in_gap = bool(sl.in_gap[j])
            heading = float(sl.heading[j])
            painter.save()
            painter.translate(float(sx[j]), float(sy[j]))
            if math.isfinite(heading):
                painter.rotate(heading)
            painter.scale(size, size)
            if in_gap:  # interpolated across missing data: hollow and dashed
                pen = QPen(colour, 1.5 / size, Qt.DashLine)
                painter.setPen(pen)
                painter.setBrush(Qt.NoBrush)
            else:
                painter.setPen(QPen(theme.color("head_outline"), (2.2 if hc else 1.6) / size))
                painter.setBrush(QBrush(colour))
            painter.drawPath(ICONS[kind])
            painter.restore()
            icons.append((float(sx[j]) - r, float(sy[j]) - r, float(sx[j]) + r, float(sy[j]) + r))
            track = int(sl.tracks[j])
            if self.selected == (path_key, track):
                painter.setPen(QPen(QColor("#000000"), 2.0))
                painter.setBrush(Qt.NoBrush)
                painter.drawEllipse(QPointF(float(sx[j]), float(sy[j])), size * 1.6, size * 1.6)
            if not self.style.labels or labels >= self.style.max_labels:
                continue
            text = ts.display_name(track)
            count = int(ts.counts[track])
            if count > 1 and f"x{count}" not in text and f"×{count}" not in text:
                text += f" ×{count}"
            if in_gap:
                text += translate("TrackPainter", " (no data)")
            labels += 1
            wanted.append((float(sx[j]), float(sy[j]), size, text))

    def _paint_labels(self, painter, ctx, wanted, avoid) -> None:
        """Each head's label at the first spot around it clear of the names, the icons and the
        labels placed before it (left out where there is none)."""
        theme = ctx.theme
        hc = theme.high_contrast
        font = QFont()
        font.setPointSizeF(8.0 * ctx.label_scale)
        font.setBold(theme.bold)
        fm = QFontMetricsF(font)
        painter.save()
        painter.setFont(font)
        placed: dict[tuple[int, int], list[QRectF]] = {}
        w, h = ctx.view.width, ctx.view.height
        for x, y, size, text in wanted:
            rect = _label_rect(
                x, y, size, fm.horizontalAdvance(text) + 4, fm.height(), placed, avoid, w, h
            )
            if rect is None:
                continue
            self.drawn.labels.append(rect)
            if hc:
                painter.setPen(QPen(theme.color("panel_border"), 1.0))
                painter.setBrush(theme.color("panel"))
                painter.drawRect(rect)
            else:
                painter.fillRect(rect, QColor(255, 255, 255, 190))
            painter.setPen(theme.color("text") if hc else QColor("#111111"))
            painter.drawText(rect.adjusted(2, 0, 0, 0), Qt.AlignVCenter | Qt.AlignLeft, text)
        painter.restore()

    # ------------------------------------------------------------------ picking
    def pick(self, x: float, y: float) -> tuple[str, int, int] | None:
        """(file path, track index, slice row) of the head nearest a screen point, if close."""
        best, best_d = None, PICK_RADIUS_PX
        for path, sl, sx, sy in self.drawn.heads:
            if len(sx) == 0:
                continue
            d = np.hypot(sx - x, sy - y)
            j = int(np.argmin(d))
            if d[j] < best_d:
                best, best_d = (str(path), int(sl.tracks[j]), j), float(d[j])
        return best


LABEL_CELL = 64  # px: labels are checked for overlap only against those in nearby cells
# Where a head's label may go, in order: right of the icon, left, above and below it (to the
# right, then to the left).
LABEL_SPOTS = ("right", "left", "above", "below", "above left", "below left")


def _cells(rect: QRectF) -> list[tuple[int, int]]:
    x0, x1 = int(rect.left() // LABEL_CELL), int(rect.right() // LABEL_CELL)
    y0, y1 = int(rect.top() // LABEL_CELL), int(rect.bottom() // LABEL_CELL)
    return [(cx, cy) for cx in range(x0, x1 + 1) for cy in range(y0, y1 + 1)]


def _hits(rect: QRectF, hashed: dict[tuple[int, int], list[QRectF]]) -> bool:
    return any(rect.intersects(other) for cell in _cells(rect) for other in hashed.get(cell, ()))


def _collides(rect: QRectF, placed: dict[tuple[int, int], list[QRectF]]) -> bool:
    """True if ``rect`` overlaps a label already placed; else records it (a spatial hash)."""
    if _hits(rect, placed):
        return True
    for cell in _cells(rect):
        placed.setdefault(cell, []).append(rect)
    return False


def _names_hash(boxes) -> dict[tuple[int, int], list[QRectF]]:
    """The map's names and the heads' icons (x0, y0, x1, y1 boxes) in a spatial hash, for the
    labels to dodge."""
    hashed: dict[tuple[int, int], list[QRectF]] = {}
    for x0, y0, x1, y1 in boxes:
        rect = QRectF(x0, y0, x1 - x0, y1 - y0)
        for cell in _cells(rect):
            hashed.setdefault(cell, []).append(rect)
    return hashed


def _label_rect(x, y, size, w, h, placed, names, view_w, view_h) -> QRectF | None:
    """The first spot around a head at (x, y) where a w x h label stays inside the view and
    overlaps neither another track's label nor a name on the map (recorded in ``placed``);
    None where every spot does (the label is left out, as one that would pile up is)."""
    for spot in LABEL_SPOTS:
        if spot == "right":
            rect = QRectF(x + size + 2, y - h / 2, w, h)
        elif spot == "left":
            rect = QRectF(x - size - 2 - w, y - h / 2, w, h)
        elif spot == "above":
            rect = QRectF(x + size * 0.5, y - size - h, w, h)
        elif spot == "below":
            rect = QRectF(x + size * 0.5, y + size, w, h)
        elif spot == "above left":
            rect = QRectF(x - size * 0.5 - w, y - size - h, w, h)
        else:
            rect = QRectF(x - size * 0.5 - w, y + size, w, h)
        inside = rect.left() >= 0 and rect.top() >= 0
        if not (inside and rect.right() <= view_w and rect.bottom() <= view_h):
            continue
        if not _hits(rect, names) and not _collides(rect, placed):
            return rect
    return None


def colour_codes(ts, color_by: str, kinds: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Per-track colour index into a palette, by kind, by track or by side."""
    if color_by == "track":
        n = len(TRACK_PALETTE)
        return np.arange(ts.n_tracks, dtype=np.int64) % n, list(TRACK_PALETTE)
    if color_by == "side":
        sides = ts.sides if ts.sides is not None else np.full(ts.n_tracks, "", dtype=object)
        palette: list[str] = []
        codes = np.empty(ts.n_tracks, dtype=np.int64)
        for i, side in enumerate(sides):
            text = str(side or "").lower()
            colour = next((c for pat, c in SIDE_COLORS if re.search(pat, text)), SIDE_UNKNOWN)
            if colour not in palette:
                palette.append(colour)
            codes[i] = palette.index(colour)
        return codes, palette or [SIDE_UNKNOWN]
    return kinds, [KIND_COLORS[k] for k in KINDS]
