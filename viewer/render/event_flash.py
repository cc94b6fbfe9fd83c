"""A short flash on the map where a zone event happens during playback (can be switched off).

At the live edge the clock runs at the wall's pace, and a crossing's time (interpolated between
two fixes) can lie a fix interval before the message that revealed it: the flash lasts
``LIVE_FLASH_S`` of feed time there. At most ``MAX_FLASHES`` (the newest) are drawn at once: a
feed of 2,000 aircraft raises dozens of alerts a second, and ringing every one of them took
more than a frame (150 ms at 1920x1080 with 5,000 messages a second).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from viewer.render.context import PaintContext, Painter

FLASH_WALL_SECONDS = 1.5  # how long a flash lasts on screen, at any replay speed
LIVE_FLASH_S = 10.0  # feed seconds a flash lasts at the live edge
MAX_FLASHES = 8  # the newest drawn at once (a ring costs 0.3-0.6 ms at 1920x1080)
EVENT_COLOURS = {"entry": "#d62728", "exit": "#2ca02c", "crossing": "#ff7f0e"}


class EventFlashPainter(Painter):
    """Expanding, fading rings at events whose time lies just behind the clock."""

    def __init__(
        self,
        time_source: Callable[[], float],
        speed_source: Callable[[], float],
        live_source: Callable[[], bool] = lambda: False,
    ) -> None:
        self.time_source = time_source
        self.speed_source = speed_source
        self.live_source = live_source  # at the live edge of a feed
        self.enabled = True
        self.times = np.empty(0)
        self.lon = np.empty(0)
        self.lat = np.empty(0)
        self.kinds: list[str] = []

    def set_events(self, events) -> None:
        """``events``: the zone events table (time, lon, lat, event)."""
        if events is None or not len(events):
            self.times, self.lon, self.lat, self.kinds = np.empty(0), np.empty(0), np.empty(0), []
            return
        order = np.argsort([t.timestamp() for t in events["time"]])
        self.times = np.array([t.timestamp() for t in events["time"]])[order]
        self.lon = events["lon"].to_numpy(dtype=float)[order]
        self.lat = events["lat"].to_numpy(dtype=float)[order]
        self.kinds = [str(k) for k in np.asarray(events["event"])[order]]

    def active(self, t: float) -> tuple[np.ndarray, np.ndarray]:
        """Indices of the events flashing at ``t`` (the newest ``MAX_FLASHES``) and their age
        (0..1)."""
        if self.live_source():
            window = LIVE_FLASH_S
        else:
            window = max(1.0, self.speed_source() * FLASH_WALL_SECONDS)
        lo = np.searchsorted(self.times, t - window, side="left")
        hi = np.searchsorted(self.times, t, side="right")
        idx = np.arange(max(lo, hi - MAX_FLASHES), hi)
        return idx, (t - self.times[idx]) / window

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        if not self.enabled or not len(self.times):
            return
        idx, age = self.active(self.time_source())
        if not len(idx):
            return
        x, y = ctx.projection.forward(self.lon[idx], self.lat[idx])
        sx, sy = ctx.view.to_screen(x, y)
        painter.save()
        painter.setBrush(Qt.NoBrush)
        for j, a in enumerate(age):
            colour = QColor(EVENT_COLOURS.get(self.kinds[idx[j]], "#d62728"))
            colour.setAlphaF(float(max(0.0, 1.0 - a)))
            painter.setPen(QPen(colour, 3.0 * ctx.font_scale))
            r = (8.0 + 30.0 * float(a)) * ctx.font_scale
            painter.drawEllipse(QPointF(float(sx[j]), float(sy[j])), r, r)
        painter.restore()
