"""`TrackPainter`: the replay on the map — fading trails, icons by kind turned to their heading,
labels that do not pile up, gaps dashed and heads inside a gap marked "no data".

Per frame: one `slice_tracks` per loaded file (NumPy), then a few dozen batched draw calls:
trail segments are grouped by colour, age band and gap into one ``drawLines`` each, with
cosmetic pens (the fast path of Qt's raster engine).
"""

from __future__ import annotations

import math
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

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
from viewer.core.live_tracks import LiveLook
from viewer.core.slicing import DEFAULT_GAP_S, TrackSlice, slice_tracks
from viewer.core.track_layers import TrackLayers
from viewer.core.tracks import TrackSet
from viewer.render.context import PaintContext, Painter
from viewer.render.head_atlas import HeadAtlas
from viewer.render.label_memory import LabelMemory, Placed, Reused
from viewer.render.label_sprites import LabelGrid, LabelSprites, label_order
from viewer.render.live_trails import LiveTrailLayer
from viewer.render.trail_lines import draw_groups, slice_segments
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
STALE_OPACITY = 0.35  # a live track with no message for its stale time
PICK_RADIUS_PX = 12.0
# Label order (lower first): the selected track, then the live ranks (`LabelPriority`: alerting
# 0, inside a zone 1, the rest 2; a file's tracks are all 2), a stale track after every fresh one.
SELECTED_RANK, OTHER_RANK, STALE_RANK = -1, 2, 3


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
    labelled: list[tuple[str, int]] = field(default_factory=list)  # (file, track) of each


class TrackPainter(Painter):
    """Draws every visible loaded file at ``time_source()`` with trails of ``trail_source()``;
    ``look(trackset)`` says how a live source's tracks are drawn (`LiveLook`: heads held at
    their last fix between messages, stale ones faded and marked, trails kept in a layer that
    only grows at the live edge), None for a file."""

    def __init__(
        self,
        tracks: TrackLayers,
        time_source: Callable[[], float],
        trail_source: Callable[[], float],
        gap: float = DEFAULT_GAP_S,
        look: Callable[[TrackSet], LiveLook | None] | None = None,
    ) -> None:
        self.tracks = tracks
        self.time_source = time_source
        self.trail_source = trail_source
        self.gap = gap
        self.look = look
        self.style = TrackStyle()
        self.selected: tuple[str, int] | None = None  # (file path, track index)
        self.drawn = _Drawn()
        self.moving = False  # the map is being dragged (the live trail layer moves along)
        self.atlas = HeadAtlas()
        self.labels = LabelSprites()
        self.live_trails = LiveTrailLayer(self._codes, gap)
        self.memory = LabelMemory()  # the last placement, kept while the heads stand still
        self._grid: LabelGrid | None = None  # the labels' grid, reused from frame to frame
        # per trackset (held weakly: a live snapshot's id may be reused by the next one)
        self._kind_index: weakref.WeakKeyDictionary[TrackSet, dict[str, tuple]] = (
            weakref.WeakKeyDictionary()
        )

    # ------------------------------------------------------------------ painting
    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        t = float(self.time_source())
        trail = float(self.trail_source())
        self.drawn = _Drawn()
        wanted: list[tuple[int, float, float, float, str]] = []  # (file, x, y, icon size, text)
        for n, item in enumerate(self.tracks.visible()):
            ts = item.trackset
            if ts.n_fixes == 0:
                continue
            look = self.look(ts) if self.look is not None else None
            hold = look.hold if look is not None else 0.0
            sl = slice_tracks(ts, t, trail, gap=self.gap, hold=hold)
            kinds, colours, palette = self._codes(ts)
            live = sl.tracks
            if trail > 0 and look is not None and look.edge:
                width = max(self.style.trail_width, ctx.theme.trail_width) * ctx.font_scale
                self.live_trails.paint(painter, ctx, ts, look, t, trail, width, self.moving)
            elif trail > 0 and len(sl):
                self._paint_trails(painter, ctx, sl, ts, colours[live], palette, t, trail)
            if len(sl) == 0:
                continue
            stale = None
            if look is not None:
                stale = (
                    look.stale[live]
                    if look.stale is not None
                    else (t - ts.t[sl.head_index]) > look.limit[live]
                )
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
                stale,
            )
            if self.style.labels:
                rank = (
                    look.priority[live] if look is not None and look.priority is not None else None
                )
                wanted += self._wanted_labels(n, sl, ts, sx, sy, ctx, stale, rank, str(item.path))
        if wanted:  # last, over every trail and icon
            self._paint_labels(painter, ctx, wanted)

    def _codes(self, ts) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """Per track: kind index (for the icon), colour index and the palette they index."""
        by_colour = self._kind_index.setdefault(ts, {})
        key = self.style.color_by
        if key not in by_colour:
            lookup = {k: i for i, k in enumerate(KINDS)}
            kinds = np.array([lookup.get(k, len(KINDS) - 1) for k in ts.kinds], dtype=np.int64)
            colours, palette = colour_codes(ts, key, kinds)
            by_colour[key] = (kinds, colours, palette)
        return by_colour[key]

    def _paint_trails(self, painter, ctx, sl, ts, colour_of_live, palette, t, trail):
        groups = slice_segments(sl, ts, ctx, colour_of_live, t, trail)
        if groups is not None:
            width = max(self.style.trail_width, ctx.theme.trail_width) * ctx.font_scale
            draw_groups(painter, ctx, groups, palette, width)

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
        stale=None,
    ):
        size = self.style.head_size * ctx.label_scale
        w, h = ctx.view.width, ctx.view.height
        on = np.flatnonzero((sx > -size) & (sx < w + size) & (sy > -size) & (sy < h + size))
        theme = ctx.theme
        hc = theme.high_contrast
        outline = QPen(theme.color("head_outline"), 2.2 if hc else 1.6)
        opacity = np.where(stale, STALE_OPACITY, 1.0) if stale is not None else np.ones(len(sl))
        # Heads with data: pre-drawn icons, one call per kind and colour. Inside a gap
        # (interpolated across missing data): hollow and dashed, one by one (they are few).
        solid = on[~sl.in_gap[on]]
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        group = kind_of_live[solid] * (len(palette) + 1) + colour_of_live[solid]
        for g in np.unique(group):
            rows = solid[group == g]
            kind = KINDS[int(kind_of_live[rows[0]])]
            colour = palette[int(colour_of_live[rows[0]])]
            image, cell = self.atlas.strip(ICONS[kind], kind, colour, size, outline, dpr)
            heading = sl.heading[rows]
            self.atlas.draw(painter, image, cell, sx[rows], sy[rows], heading, opacity[rows], dpr)
        for j in on[sl.in_gap[on]]:
            colour = QColor(palette[int(colour_of_live[j])])
            heading = float(sl.heading[j])
            painter.save()
            painter.translate(float(sx[j]), float(sy[j]))
            if math.isfinite(heading):
                painter.rotate(heading)
            painter.scale(size, size)
            painter.setPen(QPen(colour, 1.5 / size, Qt.DashLine))
            painter.setBrush(Qt.NoBrush)
            painter.drawPath(ICONS[KINDS[int(kind_of_live[j])]])
            painter.restore()
        if self.selected is not None and self.selected[0] == path_key:
            for j in on[sl.tracks[on] == self.selected[1]]:
                painter.setPen(QPen(QColor("#000000"), 2.0))
                painter.setBrush(Qt.NoBrush)
                painter.drawEllipse(QPointF(float(sx[j]), float(sy[j])), size * 1.6, size * 1.6)

    def _wanted_labels(self, n, sl, ts, sx, sy, ctx, stale, rank, path_key) -> list:
        """(file, x, y, icon size, text, (file, track), urgent, (file, track id)) of the heads on
        screen to label, in the order `label_order` gives: the selected track first, then by
        ``rank`` (a live track that alerted, one inside a zone, the rest; stale ones last), the
        sparse places first — at most twice ``max_labels`` per file: a crowded picture stays
        quick."""
        size = self.style.head_size * ctx.label_scale
        w, h = ctx.view.width, ctx.view.height
        on = np.flatnonzero((sx > -size) & (sx < w + size) & (sy > -size) & (sy < h + size))
        no_data = translate("TrackPainter", " (no data)")
        stale_word = translate("TrackPainter", " (stale)")
        order = np.full(len(on), OTHER_RANK, dtype=np.int64) if rank is None else rank[on] + 0
        if stale is not None:
            order += STALE_RANK * stale[on]
        if self.selected is not None and self.selected[0] == path_key:
            order[sl.tracks[on] == self.selected[1]] = SELECTED_RANK
        # the smallest label tried for: four characters (callsigns, registrations and hex
        # addresses are longer); two heads whose labels would overlap at that size: one tried
        _, cell_w, cell_h = self.labels.sprite("0000", 8.0 * ctx.label_scale, ctx.theme, 1.0)
        ranked = label_order(sx[on] + size + 2, sy[on], order, (cell_w, cell_h))
        out = []
        for j, rank_j in zip(
            on[ranked][: 2 * self.style.max_labels + 50], order[ranked], strict=False
        ):
            track = int(sl.tracks[j])
            text = ts.display_name(track)
            count = int(ts.counts[track])
            if count > 1 and f"x{count}" not in text and f"×{count}" not in text:
                text += f" ×{count}"
            if sl.in_gap[j]:
                text += no_data
            elif stale is not None and stale[j]:
                text += stale_word
            urgent = bool(rank_j < OTHER_RANK)
            key = (path_key, str(ts.ids[track]))  # the same aircraft in the next snapshot
            out.append((n, float(sx[j]), float(sy[j]), size, text, (path_key, track), urgent, key))
        return out

    def _paint_labels(self, painter, ctx, wanted) -> None:
        """Names beside the heads, as many as fit without piling up (at most ``max_labels`` a
        file): each at the first spot around its head (`LABEL_SPOTS`) inside the view and clear
        of the labels before it and the map's names (``ctx.avoid``); clear of every head's icon
        too, except the urgent ones (the selected track, a live track that alerted or is inside
        a zone), placed first: in a crowd they may cover an icon rather than go unnamed."""
        w, h = ctx.view.width, ctx.view.height
        point_size = 8.0 * ctx.label_scale
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        setting = (
            ctx.view, tuple(ctx.avoid), point_size, ctx.theme.name, dpr, self.style.max_labels,
            self.style.head_size * ctx.label_scale, self.selected,
        )  # fmt: skip
        again = self.memory.reuse(setting, wanted)
        if again is not None:  # the last placement, each label moved with its head
            shown = again.kept
            if again.fresh:
                shown = self._amend(ctx, again, point_size, dpr)
            for placed, x, y, owner, _ in shown:
                self.drawn.labels.append(QRectF(x, y, *placed.size))
                self.drawn.labelled.append(owner)
                painter.drawPixmap(QPointF(x, y), placed.pixmap)
            return
        grid = self._clear_grid(ctx)
        placed: list[Placed] = []
        counts: dict[int, int] = {}
        for urgent in (True, False):
            if not urgent:
                for heads in self.drawn.heads:
                    grid.mark_points(
                        heads[2], heads[3], self.style.head_size * ctx.label_scale * 0.8
                    )
            batch = [e for e in wanted if e[6] == urgent]
            if not batch:
                continue
            sprites = [self.labels.sprite(e[4], point_size, ctx.theme, dpr) for e in batch]
            lw = np.array([sp[1] for sp in sprites])
            lh = np.array([sp[2] for sp in sprites])
            xs, ys = label_spots(
                np.array([e[1] for e in batch]),
                np.array([e[2] for e in batch]),
                np.array([e[3] for e in batch]),
                lw,
                lh,
            )
            lw2, lh2 = lw[:, None] + 0 * xs, lh[:, None] + 0 * ys
            inside = (xs >= 0) & (ys >= 0) & (xs + lw2 <= w) & (ys + lh2 <= h)
            free = inside & grid.free(xs, ys, lw2, lh2)
            # Python lists from here: one label at a time (each placed changes the grid)
            xs_l, ys_l, free_l = xs.tolist(), ys.tolist(), free.tolist()
            lw_l, lh_l = lw.tolist(), lh.tolist()
            for i in np.flatnonzero(free.any(axis=1)).tolist():
                n, owner = batch[i][0], batch[i][5]
                if counts.get(n, 0) >= self.style.max_labels:
                    continue
                lw_i, lh_i = lw_l[i], lh_l[i]
                for x, y, ok in zip(xs_l[i], ys_l[i], free_l[i], strict=True):
                    if ok and grid.take(x, y, lw_i, lh_i):
                        counts[n] = counts.get(n, 0) + 1
                        self.drawn.labels.append(QRectF(x, y, lw_i, lh_i))
                        self.drawn.labelled.append(owner)
                        painter.drawPixmap(QPointF(x, y), sprites[i][0])
                        e = batch[i]
                        placed.append(
                            Placed(e[7], e[4], (e[1], e[2]), (x, y), (lw_i, lh_i),
                                   sprites[i][0], owner)
                        )  # fmt: skip
                        break
        self.memory.remember(setting, wanted, placed)

    def _clear_grid(self, ctx) -> LabelGrid:
        """The labels' grid (kept from frame to frame), with only the map's names marked."""
        w, h = ctx.view.width, ctx.view.height
        grid = self._grid
        if grid is None or (grid.width, grid.height) != (w, h):
            grid = self._grid = LabelGrid(w, h)
        grid.clear()
        for x0, y0, x1, y1 in ctx.avoid:
            grid.mark(x0, y0, x1 - x0, y1 - y0)
        return grid

    def _amend(self, ctx, again: Reused, point_size: float, dpr: float) -> list:
        """The last placement with the newly urgent heads' labels added (an alert came): the
        urgent labels kept, then the new ones at the first free spot around their heads (they
        may cover an icon, as in a full placement), then the other labels where they still
        fit; a label the new ones cover is dropped until the next full placement."""
        grid = self._clear_grid(ctx)
        w, h = ctx.view.width, ctx.view.height
        shown: list = []
        placed: list[Placed] = []

        def keep(items) -> None:
            for item in items:
                p, x, y = item[0], item[1], item[2]
                if grid.take(x, y, *p.size):
                    shown.append(item)
                    placed.append(p)

        keep([k for k in again.kept if k[4]])
        for e in again.fresh:
            pixmap, lw, lh = self.labels.sprite(e[4], point_size, ctx.theme, dpr)
            xs, ys = label_spots(*(np.array([v]) for v in (e[1], e[2], e[3], lw, lh)))
            for x, y in zip(xs[0].tolist(), ys[0].tolist(), strict=True):
                if x >= 0 and y >= 0 and x + lw <= w and y + lh <= h and grid.take(x, y, lw, lh):
                    p = Placed(e[7], e[4], (e[1], e[2]), (x, y), (lw, lh), pixmap, e[5])
                    shown.append((p, x, y, e[5], True))
                    placed.append(p)
                    break
        keep([k for k in again.kept if not k[4]])
        self.memory.amended(placed, again.urgent)
        return shown

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


LABEL_GAP = 3.0  # px between an icon's reach and its label: more than the grid's cell beyond
# the icon's marked box (0.8 of its reach), so a head's own icon never blocks its label


def label_spots(
    x: np.ndarray, y: np.ndarray, size: np.ndarray, w: np.ndarray, h: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Where each head's label may go (top-left corners, arrays of shape (heads, 6)), in
    order: right of the icon, left, above and below it (to the right, then to the left)."""
    g = LABEL_GAP
    right, left = x + size * 0.5, x - size * 0.5 - w  # above or below, to the right or left
    above, below = y - size - g - h, y + size + g
    xs = np.stack([x + size + g, x - size - g - w, right, right, left, left], axis=1)
    ys = np.stack([y - h / 2, y - h / 2, above, below, above, below], axis=1)
    return xs, ys


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
