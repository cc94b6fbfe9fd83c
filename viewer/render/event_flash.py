"""A short flash on the map where a zone event happens during playback (can be switched off).

At the live edge the clock runs at the wall's pace, and a crossing's time (interpolated between
two fixes) can lie a fix interval before the message that revealed it: the flash lasts
``LIVE_FLASH_S`` of feed time there. At most ``MAX_FLASHES`` (the newest) are drawn at once: a
feed of 2,000 aircraft raises dozens of alerts a second, and ringing every one of them took
more than a frame (150 ms at 1920x1080 with 5,000 messages a second). Each ring is a picture
drawn once per colour, radius (whole pixels) and type size (`RingSprites`), copied at its
opacity: a stroked antialiased ellipse cost 0.3-0.6 ms, a copy a few microseconds.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap

from viewer.render.context import PaintContext, Painter

FLASH_WALL_SECONDS = 1.5  # how long a flash lasts on screen, at any replay speed
LIVE_FLASH_S = 10.0  # feed seconds a flash lasts at the live edge
MAX_FLASHES = 8  # the newest drawn at once (a ring costs 0.3-0.6 ms at 1920x1080)
EVENT_COLOURS = {"entry": "#d62728", "exit": "#2ca02c", "crossing": "#ff7f0e"}
MAX_RINGS = 512  # ring pictures kept (3 colours x 31 radii per type size)


class RingSprites:
    """A ring (``colour``, radius ``r`` px, pen ``width`` px) drawn once into a picture."""

    def __init__(self) -> None:
        self._rings: dict[tuple, QPixmap] = {}

    def ring(self, colour: str, r: int, width: float, dpr: float) -> QPixmap:
        key = (colour, r, width, dpr)
        found = self._rings.get(key)
        if found is not None:
            return found
        if len(self._rings) >= MAX_RINGS:
            self._rings.clear()
        side = 2 * (r + math.ceil(width)) + 2
        image = QImage(round(side * dpr), round(side * dpr), QImage.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(dpr)
        image.fill(Qt.transparent)
        p = QPainter(image)
        try:
            p.setRenderHint(QPainter.Antialiasing, True)
            p.setBrush(Qt.NoBrush)
            p.setPen(QPen(QColor(colour), width))
            p.drawEllipse(QPointF(side / 2, side / 2), r, r)
        finally:
            p.end()
        found = QPixmap.fromImage(image)
        self._rings[key] = found
        return found


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
        self.rings = RingSprites()

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
        device = painter.device()
        dpr = device.devicePixelRatioF() if device is not None else 1.0
        painter.save()
        for j, a in enumerate(age):
            colour = EVENT_COLOURS.get(self.kinds[idx[j]], "#d62728")
            r = round((8.0 + 30.0 * float(a)) * ctx.font_scale)
            ring = self.rings.ring(colour, r, 3.0 * ctx.font_scale, dpr)
            half = ring.width() / dpr / 2
            painter.setOpacity(float(max(0.0, 1.0 - a)))
            painter.drawPixmap(QPointF(float(sx[j]) - half, float(sy[j]) - half), ring)
        painter.restore()
