"""Tools > Annotate: draw text, arrows, geodesic circles and polygons on the map; they are saved
in the briefing, optionally shown only during the replay's in/out range."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QObject, Qt

from viewer.core.briefing import ARROW, CIRCLE, POLYGON, TEXT, Annotation, AnnotationStyle
from viewer.core.briefing import TimeRange as BriefingTimeRange
from viewer.core.geodesy import distance_m
from viewer.qt.i18n import translate


class AnnotationTool(QObject):
    """An event filter on the canvas, active while an Annotate action is checked.

    ``on_done(annotation)`` receives each finished drawing; ``ask_text(prompt)`` returns the text
    (a dialog in the app, a function in tests) or None to cancel.
    """

    def __init__(
        self, canvas, on_done: Callable[[Annotation], None], ask_text: Callable[[str], str | None]
    ) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.on_done = on_done
        self.ask_text = ask_text
        self.kind: str | None = None
        self.points: list[tuple[float, float]] = []
        self.time_range: BriefingTimeRange | None = None
        self.style = AnnotationStyle(color="#C0392B", width=2.0)
        self._count = 0
        canvas.installEventFilter(self)

    def start(self, kind: str | None) -> None:
        self.kind = kind
        self.points = []
        self.canvas.setCursor(Qt.CrossCursor if kind else Qt.ArrowCursor)

    def eventFilter(self, obj, event) -> bool:
        if self.kind is None:
            return False
        t = event.type()
        if t == QEvent.MouseButtonPress and event.button() == Qt.LeftButton:
            p = self._lonlat(event)
            if p is None:
                return True
            if self.kind == POLYGON:
                self.points.append(p)
            else:
                self.points = [p]
                if self.kind == TEXT:
                    self._finish()
            return True
        if t == QEvent.MouseButtonRelease and event.button() == Qt.LeftButton:
            if self.kind in (ARROW, CIRCLE) and self.points:
                p = self._lonlat(event)
                if p is not None and p != self.points[0]:
                    self.points.append(p)
                    self._finish()
            return True
        if t == QEvent.MouseButtonDblClick and self.kind == POLYGON:
            self._finish()
            return True
        if t == QEvent.KeyPress and event.key() in (Qt.Key_Return, Qt.Key_Enter):
            if self.kind == POLYGON:
                self._finish()
            return True
        if t == QEvent.KeyPress and event.key() == Qt.Key_Escape:
            self.points = []
            return True
        return t in (QEvent.MouseMove,) and bool(event.buttons() & Qt.LeftButton)

    def _lonlat(self, event) -> tuple[float, float] | None:
        lon, lat = self.canvas.lonlat_at(event.position().x(), event.position().y())
        return (lon, lat) if math.isfinite(lon) and math.isfinite(lat) else None

    def _finish(self) -> None:
        kind, pts = self.kind, list(dict.fromkeys(self.points))
        self.points = []
        if kind == POLYGON and len(pts) < 3:
            return
        text = ""
        if kind == TEXT:
            text = self.ask_text(translate("AnnotationTool", "Text on the map:")) or ""
            if not text.strip():
                return
        elif kind in (ARROW, POLYGON, CIRCLE):
            text = self.ask_text(translate("AnnotationTool", "Label (optional):")) or ""
        radius = None
        if kind == CIRCLE:
            radius = float(distance_m(*pts[0], *pts[1]))
            pts = pts[:1]
        self._count += 1
        stamp = datetime.now(UTC).strftime("%H%M%S")
        ann = Annotation(
            id=f"{kind}-{stamp}-{self._count}",
            kind=kind,
            points=tuple(pts),  # type: ignore[arg-type]
            text=text.strip(),
            radius_m=radius,
            style=self.style,
            time=self.time_range,
        )
        self.on_done(ann)
