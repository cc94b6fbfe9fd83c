"""Tools > Annotate: draw text, arrows, geodesic circles and polygons on the map; they are saved
in the briefing, optionally shown only during the replay's in/out range.

A text goes where the map is clicked; an arrow is dragged from its tail to its head and a circle
from its centre (the only annotations drawn by dragging: with the others a drag pans the map);
a polygon's corners are clicked, Enter or a double-click closes it. Cancel on the label dialog
cancels the drawing: nothing is added.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from viewer.core.briefing import ARROW, CIRCLE, POLYGON, TEXT, Annotation, AnnotationStyle
from viewer.core.briefing import TimeRange as BriefingTimeRange
from viewer.core.geodesy import distance_m
from viewer.qt.i18n import translate
from viewer.qt.tool_handler import ToolHandler
from viewer.render.context import PaintContext

KINDS = (TEXT, ARROW, CIRCLE, POLYGON)


class AnnotationTool:
    """The drawing in progress, shared by the four annotation tools (`handler(kind)`).

    ``on_done(annotation)`` receives each finished drawing; ``ask_text(prompt)`` returns the text
    (a dialog in the app, a function in tests) or None when the user cancels.
    """

    def __init__(
        self, canvas, on_done: Callable[[Annotation], None], ask_text: Callable[[str], str | None]
    ) -> None:
        self.canvas = canvas
        self.on_done = on_done
        self.ask_text = ask_text
        self.kind: str | None = None
        self.points: list[tuple[float, float]] = []
        self.hover: tuple[float, float] | None = None
        self.time_range: BriefingTimeRange | None = None
        self.style = AnnotationStyle(color="#C0392B", width=2.0)
        self._count = 0
        self.handlers = {kind: _KindHandler(self, kind) for kind in KINDS}

    def start(self, kind: str | None) -> None:
        self.kind = kind
        self.points = []
        self.hover = None
        self.canvas.update()

    def lonlat(self, pos: QPointF) -> tuple[float, float] | None:
        lon, lat = self.canvas.lonlat_at(pos.x(), pos.y())
        return (lon, lat) if math.isfinite(lon) and math.isfinite(lat) else None

    def finish(self) -> Annotation | None:
        """The drawing as an annotation (handed to ``on_done``); None when it is not one (too
        few points) or the user cancelled its text."""
        kind, pts = self.kind, list(dict.fromkeys(self.points))
        self.points = []
        self.canvas.update()
        if kind is None or (kind == POLYGON and len(pts) < 3) or not pts:
            return None
        text: str | None = ""
        if kind == TEXT:
            text = self.ask_text(translate("AnnotationTool", "Text on the map:"))
            if text is None or not text.strip():
                return None
        elif kind in (ARROW, POLYGON, CIRCLE):
            text = self.ask_text(translate("AnnotationTool", "Label (optional):"))
            if text is None:  # Cancel: the whole drawing is cancelled
                return None
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
        return ann

    def paint_preview(self, painter: QPainter, ctx: PaintContext) -> None:
        """What is being drawn (a screen-only painter: never in an export)."""
        if self.kind is None or not self.points:
            return
        pts = list(self.points)
        if self.hover is not None:
            pts.append(self.hover)
        if len(pts) < 2:
            return
        screen = [self.canvas.screen_of(lon, lat) for lon, lat in pts]
        pen = QPen(QColor(self.style.color), 2.0, Qt.DashLine)
        painter.save()
        painter.setPen(pen)
        painter.setBrush(Qt.NoBrush)
        if self.kind == CIRCLE:
            (cx, cy), (ex, ey) = screen[0], screen[-1]
            r = math.hypot(ex - cx, ey - cy)
            painter.drawEllipse(QPointF(cx, cy), r, r)
        else:
            for (ax, ay), (bx, by) in itertools.pairwise(screen):
                painter.drawLine(QPointF(ax, ay), QPointF(bx, by))
        painter.restore()


class _KindHandler(ToolHandler):
    """One annotation tool (`ToolHandler`): text, arrow, circle or polygon."""

    def __init__(self, tool: AnnotationTool, kind: str) -> None:
        self.tool = tool
        self.kind = kind

    def activate(self) -> bool:
        self.tool.start(self.kind)
        return True

    def deactivate(self) -> None:
        self.tool.start(None)

    def cancel_partial(self) -> bool:
        if not self.tool.points:
            return False
        self.tool.points = []
        self.tool.canvas.update()
        return True

    def wants_drag(self, event) -> bool:
        return self.kind in (ARROW, CIRCLE)

    def drag_event(self, event) -> None:
        t, p = event.type(), self.tool.lonlat(event.position())
        if t in (QEvent.MouseButtonPress, QEvent.MouseButtonDblClick):
            self.tool.points = [p] if p is not None else []
            self.tool.hover = None
        elif t == QEvent.MouseMove:
            self.tool.hover = p
        elif t == QEvent.MouseButtonRelease and self.tool.points:
            self.tool.hover = None
            if p is not None and p != self.tool.points[0]:
                self.tool.points.append(p)
                self.tool.finish()
            else:
                self.tool.points = []
        self.tool.canvas.update()

    def click(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> bool:
        p = self.tool.lonlat(pos)
        if p is None:
            return True
        if self.kind == POLYGON:
            self.tool.points.append(p)
            self.tool.canvas.update()
        else:  # a text
            self.tool.points = [p]
            self.tool.finish()
        return True

    def double_click(self, event) -> bool:
        if self.kind != POLYGON:
            return False
        self.tool.finish()
        return True

    def hover(self, event) -> None:
        if self.kind == POLYGON and self.tool.points:
            self.tool.hover = self.tool.lonlat(event.position())
            self.tool.canvas.update()

    def key_press(self, event) -> bool:
        if self.kind != POLYGON:
            return False
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.tool.finish()
            return True
        if event.key() == Qt.Key_Backspace and self.tool.points:
            self.tool.points.pop()
            self.tool.canvas.update()
            return True
        return False
