"""`LiveTrailLayer`: the trails at the live edge, kept in an image that only grows.

At the live edge time only moves forward, by the few seconds between two frames of the feeds,
and the trails behind 2,000 aircraft do not change except at their heads. So the layer keeps
them in a transparent image: each frame draws only the new pieces (the segments that ended
since the frame before), and as time passes dims the whole image a step (alpha x 0.9, every
3.5 % of the trail's length), which keeps the fade of `viewer.render.trail_lines`'s ``exp``
curve: alpha 0.95 e^(-3 age / trail). A frame then costs a few hundred segments and one
image, however long the trails.

The image is drawn anew from the trail window (`LiveLook.history`; thinned to the screen) when
what it shows changes: the view (while the map is dragged the old image moves with it, and is
redrawn once it settles), the trail length, the colours, the theme, time going back, or more
than `viewer.core.live_tracks.RECENT_S` passing between two frames.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from viewer.core.live_tracks import RECENT_S, LiveLook
from viewer.core.slicing import gap_thresholds, slice_tracks
from viewer.core.tracks import TrackSet
from viewer.core.view import MapView
from viewer.render.context import PaintContext
from viewer.render.trail_lines import (
    EXP_RATE,
    SegmentGroups,
    draw_groups,
    group_segments,
    slice_segments,
)

FADE_FACTOR = 0.9  # each dimming step multiplies the image's alpha by this
Codes = Callable[[TrackSet], tuple[np.ndarray, np.ndarray, list[str]]]


class LiveTrailLayer:
    """See the module docstring. ``codes(trackset)`` gives per track (kind, colour index,
    palette), as the track painter colours them."""

    def __init__(self, codes: Codes, gap: float) -> None:
        self.codes = codes
        self.gap = gap
        self.image: QImage | None = None
        self.view: MapView | None = None
        self.key: tuple | None = None
        self.t_drawn = -math.inf
        self.faded_at = -math.inf
        self.history: TrackSet | None = None  # the trail window drawn from at the last rebuild
        self.lagged = True  # ...which ended well before the live edge (or there was none)
        self.rebuilds = 0  # how many times the image was drawn anew (for tests and benchmarks)

    def paint(
        self,
        painter: QPainter,
        ctx: PaintContext,
        ts: TrackSet,
        look: LiveLook,
        t: float,
        trail: float,
        width: float,
        moving: bool,
    ) -> None:
        """Draw the trails of ``ts`` (the recent snapshot) at ``t`` into the layer and the
        layer onto ``painter``."""
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        _, _, palette = self.codes(ts)
        key = (ctx.projection.definition, trail, tuple(palette), ctx.theme.name, width, dpr)
        same_view = self.view == ctx.view
        history = look.history
        stale = (
            self.image is None
            or key != self.key
            or t < self.t_drawn
            or t - self.t_drawn > RECENT_S / 2
            or (history is not None and history is not self.history and self.lagged)
        )
        if not same_view and moving and not stale and self.image is not None:
            self._draw_moved(painter, ctx.view)  # dragging: the old picture moves along
            return
        if stale or not same_view:
            self._rebuild(ctx, ts, history, t, trail, width, dpr, key)
        elif t > self.t_drawn:
            self._grow(ctx, ts, t, trail, width)
        assert self.image is not None
        painter.drawImage(QPointF(0, 0), self.image)

    def _new_image(self, ctx: PaintContext, dpr: float) -> QImage:
        image = QImage(
            round(ctx.view.width * dpr), round(ctx.view.height * dpr),
            QImage.Format_ARGB32_Premultiplied,
        )  # fmt: skip
        image.setDevicePixelRatio(dpr)
        image.fill(Qt.transparent)
        return image

    def _rebuild(
        self, ctx: PaintContext, recent: TrackSet, history: TrackSet | None, t: float,
        trail: float, width: float, dpr: float, key: tuple,
    ) -> None:  # fmt: skip
        """The whole trail window drawn anew, faded by age: from the history (the trail
        window) and, past its end, the recent snapshot; a history that ends well before the
        live edge (`lagged`) is redrawn when a newer one comes."""
        self.image = self._new_image(ctx, dpr)
        self.view, self.key = ctx.view, key
        self.t_drawn = self.faded_at = t
        self.rebuilds += 1
        self.history = history
        span = history.time_span if history is not None else None
        self.lagged = span is None or t - span[1] > RECENT_S / 2
        if trail <= 0:
            return
        groups = []
        if history is not None and history.n_fixes:
            sl = slice_tracks(history, t, trail, gap=self.gap, hold=math.inf)
            if len(sl):
                _, colours, palette = self.codes(history)
                found = slice_segments(sl, history, ctx, colours[sl.tracks], t, trail, "exp")
                if found is not None:
                    groups.append((found, palette))
        after = span[1] if span is not None else t - trail
        found, palette = self._segments(ctx, recent, after, t, trail)
        if found is not None:
            groups.append((found, palette))
        if not groups:
            return
        painter = QPainter(self.image)
        try:
            painter.setRenderHint(QPainter.Antialiasing, True)
            for found, palette in groups:
                draw_groups(painter, ctx, found, palette, width)
        finally:
            painter.end()

    def _segments(
        self, ctx: PaintContext, ts: TrackSet, after: float, t: float, trail: float
    ) -> tuple[SegmentGroups | None, list[str]]:
        """The segments of ``ts`` that end in (``after``, ``t``], faded by their age at ``t``."""
        _, colours, palette = self.codes(ts)
        if ts.n_fixes < 2:
            return None, palette
        owner = ts.track_index()
        end_t = ts.t[1:]
        a = np.flatnonzero((owner[:-1] == owner[1:]) & (end_t > after) & (end_t <= t))
        if not len(a):
            return None, palette
        b = a + 1
        sx, sy = ctx.view.to_screen(ts.x, ts.y)
        tracks = owner[a]
        gap = (ts.t[b] - ts.t[a]) > gap_thresholds(ts, tracks, self.gap)
        age = np.clip((t - ts.t[b]) / trail, 0.0, 0.999)
        return group_segments(sx, sy, a, b, colours[tracks], age, gap, ctx, "exp"), palette

    def _grow(self, ctx: PaintContext, ts: TrackSet, t: float, trail: float, width: float):
        """The segments of ``ts`` that ended after the last frame, drawn new; then the image
        dimmed by the time that passed, in steps of `FADE_FACTOR`."""
        assert self.image is not None
        segments, palette = self._segments(ctx, ts, self.t_drawn, t, trail)
        step_s = trail * math.log(1.0 / FADE_FACTOR) / EXP_RATE
        steps = int((t - self.faded_at) // step_s) if math.isfinite(step_s) else 0
        if segments is None and steps <= 0:
            self.t_drawn = t
            return
        painter = QPainter(self.image)
        try:
            if steps > 0:
                painter.setCompositionMode(QPainter.CompositionMode_DestinationIn)
                keep = QColor(0, 0, 0)
                keep.setAlphaF(FADE_FACTOR**steps)
                painter.fillRect(QRectF(0, 0, ctx.view.width, ctx.view.height), keep)
                painter.setCompositionMode(QPainter.CompositionMode_SourceOver)
                self.faded_at += steps * step_s
            if segments is not None:
                painter.setRenderHint(QPainter.Antialiasing, True)
                draw_groups(painter, ctx, segments, palette, width)
        finally:
            painter.end()
        self.t_drawn = t

    def _draw_moved(self, painter: QPainter, view: MapView) -> None:
        """The image of the old view where it lies in the new one (a pan or zoom under way)."""
        old = self.view
        assert old is not None and self.image is not None
        xmin, ymin, xmax, ymax = old.extent()
        sx, sy = view.to_screen(np.array([xmin, xmax]), np.array([ymax, ymin]))
        target = QRectF(QPointF(sx[0], sy[0]), QPointF(sx[1], sy[1]))
        painter.drawImage(target, self.image, QRectF(self.image.rect()))
