"""What every painter shares: the `PaintContext` of one picture, the `Painter` protocol, and the
two drawing helpers every layer uses (projected pieces on screen, text on a halo)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from viewer.core.projection import Projection
from viewer.core.units import DEFAULT_UNITS, Units
from viewer.core.view import MapView
from viewer.render.theme import NORMAL, Theme


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
    # boxes (x0, y0, x1, y1) of the names on the map: the tracks' labels keep clear of them
    avoid: tuple[tuple[float, float, float, float], ...] = ()

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


class Memo:
    """One remembered result: ``get(key, make)`` calls ``make()`` only when ``key`` changed
    (an overlay's box asked for on every frame is worked out once per view)."""

    def __init__(self) -> None:
        self._key: object = object()
        self._value: Any = None

    def get(self, key: object, make: Callable[[], Any]) -> Any:
        if key != self._key:
            self._key, self._value = key, make()
        return self._value


class Painter:
    """Base of every painter and overlay: ``paint(painter, ctx)`` draws it. A scene calls each
    of its painters as ``painter(qpainter, ctx)``, so a plain function with that signature is a
    painter too."""

    def paint(self, painter: QPainter, ctx: PaintContext) -> None:
        raise NotImplementedError

    def __call__(self, painter: QPainter, ctx: PaintContext) -> None:
        self.paint(painter, ctx)
