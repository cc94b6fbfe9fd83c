"""The picture view of the underlay panel: the picture with its control points, where a click
picks a spot on the picture (wheel zooms, right-drag pans)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen, QTransform
from PySide6.QtWidgets import QWidget

from viewer.core.georeference import Underlay
from viewer.qt.i18n import translate


class PictureView(QWidget):
    """The picture, fitted into the widget, with the control points drawn on it: numbered
    crosses, the worst point in red. A left click emits `clicked` (picture pixels); the wheel
    zooms at the cursor and a right-button drag pans, for precise clicks on a big picture."""

    clicked = Signal(float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.underlay: Underlay | None = None
        self.worst: int | None = None
        self.pending: tuple[float, float] | None = None  # picked on the picture, not yet on the map
        self.zoom = 1.0
        self.offset = QPointF(0.0, 0.0)
        self._drag: QPointF | None = None
        self.setMinimumSize(200, 150)
        self.setMouseTracking(True)
        self.setCursor(Qt.CrossCursor)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setToolTip(
            translate(
                "Underlay",
                "Click a spot you can also find on the map; wheel: zoom; right-drag: pan",
            )
        )

    def set_picture(self, image: QImage | None) -> None:
        self.image = image
        self.zoom, self.offset = 1.0, QPointF(0.0, 0.0)
        self.update()

    def _transform(self) -> QTransform:
        if self.image is None or self.image.width() == 0:
            return QTransform()
        base = min(self.width() / self.image.width(), self.height() / self.image.height())
        s = base * self.zoom
        dx = (self.width() - self.image.width() * base) / 2 + self.offset.x()
        dy = (self.height() - self.image.height() * base) / 2 + self.offset.y()
        return QTransform(s, 0, 0, s, dx, dy)

    def to_picture(self, pos: QPointF) -> tuple[float, float]:
        inv, _ = self._transform().inverted()
        p = inv.map(pos)
        return p.x(), p.y()

    def to_widget(self, px: float, py: float) -> QPointF:
        return self._transform().map(QPointF(px, py))

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#3a3a3a"))
        if self.image is None:
            p.setPen(QColor("#dddddd"))
            p.drawText(
                self.rect(), Qt.AlignCenter, translate("Underlay", "Add a picture (PNG or JPEG)")
            )
            return
        p.setRenderHint(QPainter.SmoothPixmapTransform, True)
        p.setTransform(self._transform())
        p.drawImage(QPointF(0, 0), self.image)
        p.resetTransform()
        p.setRenderHint(QPainter.Antialiasing, True)
        font = QFont(p.font())
        font.setBold(True)
        p.setFont(font)
        points = self.underlay.points if self.underlay else ()
        for i, cp in enumerate(points):
            colour = QColor("#E31A1C") if i == self.worst else QColor("#1F78B4")
            if not cp.enabled:
                colour = QColor("#888888")
            self._cross(p, self.to_widget(cp.px, cp.py), colour, str(i + 1))
        if self.pending is not None:
            self._cross(p, self.to_widget(*self.pending), QColor("#FF7F00"), "?")

    @staticmethod
    def _cross(p: QPainter, at: QPointF, colour: QColor, text: str) -> None:
        for pen in (QPen(QColor("white"), 4), QPen(colour, 2)):
            p.setPen(pen)
            p.drawLine(at + QPointF(-8, 0), at + QPointF(8, 0))
            p.drawLine(at + QPointF(0, -8), at + QPointF(0, 8))
        p.setPen(QColor("white"))
        p.drawText(at + QPointF(7, -5), text)
        p.setPen(colour)
        p.drawText(at + QPointF(6, -6), text)

    def mousePressEvent(self, event) -> None:
        if self.image is None:
            return
        if event.button() == Qt.LeftButton:
            px, py = self.to_picture(event.position())
            if 0 <= px <= self.image.width() and 0 <= py <= self.image.height():
                self.clicked.emit(px, py)
        elif event.button() == Qt.RightButton:
            self._drag = event.position()

    def mouseMoveEvent(self, event) -> None:
        if self._drag is not None and event.buttons() & Qt.RightButton:
            self.offset += event.position() - self._drag
            self._drag = event.position()
            self.update()

    def mouseReleaseEvent(self, event) -> None:
        self._drag = None

    def wheelEvent(self, event) -> None:
        if self.image is None:
            return
        before = self.to_picture(event.position())
        factor = 1.25 if event.angleDelta().y() > 0 else 0.8
        self.zoom = float(np.clip(self.zoom * factor, 1.0, 40.0))
        after = self.to_widget(*before)
        self.offset += event.position() - after
        if self.zoom == 1.0:
            self.offset = QPointF(0.0, 0.0)
        self.update()
