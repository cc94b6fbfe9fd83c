"""Trails on screen: the polylines of a slice as batched segments, grouped by colour, age band
and gap, each group one ``drawLines`` call with a cosmetic pen (the raster engine's fast path).

Points closer together on screen than half a pixel add nothing: consecutive points in the same
half-pixel cell are merged, so a dense feed (a fix every second, a fraction of a pixel apart)
draws as a continuous line of a few segments, not of thousands too small to see.

Two fades: ``linear`` (the replay's: five bands from opaque to clear over the trail) and ``exp``
(the live edge's: alpha 0.95 e^(-3 age / trail) in eight bands, the curve the live trail layer
keeps by dimming its image as time passes; see `viewer.render.live_trails`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPen

from viewer.core.slicing import TrackSlice
from viewer.core.tracks import TrackSet
from viewer.render.context import PaintContext
from viewer.render.qpolygon import polygon_from_xy

AGE_BANDS = 5  # the replay's trail fades in this many steps, newest opaque
EXP_BANDS = 8
EXP_RATE = 3.0  # the live edge's fade: alpha falls as e^(-EXP_RATE age / trail)
NEW_ALPHA = 0.95


@dataclass(frozen=True, eq=False)
class SegmentGroups:
    """Segments (screen x, y pairs: ``xs[2k], xs[2k + 1]``) sorted by ``key``; group ``g``
    is segments ``bounds[g]..bounds[g + 1]`` of colour ``colour[g]`` (palette index), alpha
    ``alpha[g]``, dashed where ``gap[g]``."""

    xs: np.ndarray
    ys: np.ndarray
    bounds: np.ndarray
    colour: np.ndarray
    alpha: np.ndarray
    gap: np.ndarray

    @property
    def empty(self) -> bool:
        return len(self.bounds) < 2


def fade_alpha(age: np.ndarray, fade: str) -> tuple[np.ndarray, np.ndarray, int]:
    """Per segment of ``age`` (0..1 of the trail): its band and the alpha of each band."""
    if fade == "exp":
        band = np.minimum((age * EXP_BANDS).astype(np.int64), EXP_BANDS - 1)
        mid = (np.arange(EXP_BANDS) + 0.5) / EXP_BANDS
        return band, NEW_ALPHA * np.exp(-EXP_RATE * mid), EXP_BANDS
    band = np.minimum((age * AGE_BANDS).astype(np.int64), AGE_BANDS - 1)
    return band, 0.95 * (1.0 - np.arange(AGE_BANDS) / AGE_BANDS), AGE_BANDS


def slice_segments(
    sl: TrackSlice,
    ts: TrackSet,
    ctx: PaintContext,
    colour_of_live: np.ndarray,
    t: float,
    trail: float,
    fade: str = "linear",
) -> SegmentGroups | None:
    """The trails of slice ``sl`` of ``ts`` at time ``t`` as grouped screen segments."""
    lines = sl.trails(ts)
    if len(lines.x) < 2:
        return None
    sx, sy = ctx.view.to_screen(lines.x, lines.y)
    owner = np.repeat(np.arange(len(sl)), np.diff(lines.offsets))
    starts, ends = lines.offsets[:-1], lines.offsets[1:] - 1
    keep = _distinct_points(sx, sy)
    keep[starts] = keep[ends] = True
    keep |= lines.gap_after
    keep[1:] |= lines.gap_after[:-1]
    kept = np.flatnonzero(keep)
    a, b = kept[:-1], kept[1:]
    same = owner[a] == owner[b]
    a, b = a[same], b[same]
    span = trail if math.isfinite(trail) else max(t - float(ts.t.min()), 1.0)
    age = np.clip((t - lines.t[b]) / span, 0.0, 0.999)
    return group_segments(
        sx, sy, a, b, colour_of_live[owner[a]], age, lines.gap_after[a], ctx, fade
    )


def group_segments(
    sx: np.ndarray,
    sy: np.ndarray,
    a: np.ndarray,
    b: np.ndarray,
    colour: np.ndarray,
    age: np.ndarray,
    gap: np.ndarray,
    ctx: PaintContext,
    fade: str = "linear",
) -> SegmentGroups | None:
    """Segments from point ``a[k]`` to ``b[k]`` of (``sx``, ``sy``), of palette ``colour``,
    ``age`` 0..1 and ``gap``: those on screen, grouped for drawing."""
    w, h = ctx.view.width, ctx.view.height
    x0, x1, y0, y1 = sx[a], sx[b], sy[a], sy[b]
    on = ~(((x0 < 0) & (x1 < 0)) | ((x0 > w) & (x1 > w)))
    on &= ~(((y0 < 0) & (y1 < 0)) | ((y0 > h) & (y1 > h)))
    on &= np.isfinite(x0) & np.isfinite(x1) & np.isfinite(y0) & np.isfinite(y1)
    idx = np.flatnonzero(on)
    if len(idx) == 0:
        return None
    band, alphas, n_bands = fade_alpha(age[idx], fade)
    key = (colour[idx].astype(np.int64) * n_bands + band) * 2 + gap[idx].astype(np.int64)
    order = np.argsort(key, kind="stable")
    idx, key = idx[order], key[order]
    cuts = np.flatnonzero(np.diff(key)) + 1
    bounds = np.r_[0, cuts, len(idx)]
    xs = np.empty(2 * len(idx))
    ys = np.empty(2 * len(idx))
    xs[0::2], xs[1::2] = x0[idx], x1[idx]
    ys[0::2], ys[1::2] = y0[idx], y1[idx]
    first = key[bounds[:-1]]
    rest = first // 2
    return SegmentGroups(
        xs=xs,
        ys=ys,
        bounds=bounds,
        colour=rest // n_bands,
        alpha=alphas[rest % n_bands],
        gap=(first % 2).astype(bool),
    )


def draw_groups(
    painter: QPainter,
    ctx: PaintContext,
    groups: SegmentGroups,
    palette: list[str],
    width: float,
) -> None:
    """Each group one ``drawLines``; in high contrast every trail cased in black first."""
    theme = ctx.theme
    passes = ("casing", "colour") if theme.casing and width > 0 else ("colour",)
    for what in passes:
        for g in range(len(groups.bounds) - 1):
            start, end = int(groups.bounds[g]), int(groups.bounds[g + 1])
            is_gap = bool(groups.gap[g])
            col = QColor(theme.casing if what == "casing" else palette[int(groups.colour[g])])
            col.setAlphaF(float(groups.alpha[g]) * (0.45 / 0.95 if is_gap else 1.0))
            w = width + 2.0 * ctx.font_scale if what == "casing" else width
            pen = QPen(col, w, Qt.DashLine if is_gap else Qt.SolidLine, Qt.FlatCap)
            if is_gap and what == "casing":  # dashes as long as the coloured line's
                pen.setStyle(Qt.CustomDashLine)
                pen.setDashPattern([4.0 * width / w, 2.0 * width / w])
            painter.setPen(pen)
            xs = groups.xs[2 * start : 2 * end]
            ys = groups.ys[2 * start : 2 * end]
            painter.drawLines(polygon_from_xy(xs, ys))


def _distinct_points(sx: np.ndarray, sy: np.ndarray) -> np.ndarray:
    """True where a point lies in another half-pixel cell than the point before it."""
    qx, qy = np.floor(sx * 2.0), np.floor(sy * 2.0)
    keep = np.ones(len(sx), dtype=bool)
    keep[1:] = (qx[1:] != qx[:-1]) | (qy[1:] != qy[:-1])
    return keep
