"""Tools > Trace a track: click vertices on the map, finish with Enter or a double-click; and
editing a traced track's vertices (drag to move, Ctrl+click or double-click on a leg to insert,
right-click or Delete on a vertex to delete).

Two map tools (`viewer.core.map_tools`: TRACE and EDIT_VERTICES) whose input comes from the
window's `ToolController` (`drawing` and `editing`, each a `ToolHandler`): while tracing, a click
adds a vertex and a drag pans the map; while editing, a drag from a vertex moves it and a drag
from anywhere else pans. The tool paints what is being drawn or edited as an overlay; it owns no
data: finished paths and edits go to callbacks, the window keeps them (with undo) in the
briefing.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from viewer.core.tracing import TracedScenario, TracedTrack, TracingError
from viewer.qt.i18n import translate
from viewer.qt.tool_handler import ToolHandler
from viewer.render.context import PaintContext, draw_text
from viewer.render.qpolygon import polygon_from_xy

PICK_PX = 9.0  # how close a click must be to a vertex or a leg to hit it
MIN_STEP_PX = 4.0  # clicks closer than this to the last vertex are ignored (double-click jitter)
DRAW = "draw"
EDIT = "edit"


class TraceTool:
    """``on_finished(points)`` gets each finished path (lon/lat tuples, two or more);
    ``on_edited(track)`` each edited track; ``scenario()`` returns the traced tracks to show."""

    def __init__(
        self,
        canvas,
        on_finished: Callable[[tuple[tuple[float, float], ...]], None],
        on_edited: Callable[[TracedTrack], None],
        scenario: Callable[[], TracedScenario | None],
    ) -> None:
        self.canvas = canvas
        self.on_finished = on_finished
        self.on_edited = on_edited
        self.scenario = scenario
        self.mode: str | None = None
        self.points: list[tuple[float, float]] = []
        self.hover: tuple[float, float] | None = None
        self.track_id: str | None = None  # the track being edited
        self.show_paths = False  # draw every traced path (the Traced tracks panel is open)
        self._drag: int | None = None
        self._drag_to: tuple[float, float] | None = None
        self.drawing = _DrawHandler(self)
        self.editing = _EditHandler(self)

    # ------------------------------------------------------------------ modes
    def start_drawing(self) -> None:
        self.mode, self.points, self.track_id = DRAW, [], None
        self.canvas.setFocus()
        self.canvas.update()

    def start_editing(self, track_id: str) -> None:
        self.mode, self.points, self.track_id = EDIT, [], track_id
        self.canvas.setFocus()
        self.canvas.update()

    def stop(self) -> None:
        self.mode, self.points, self.track_id, self._drag = None, [], None, None
        self.canvas.update()

    def finish(self) -> bool:
        """End the path being drawn; False (and nothing happens) with fewer than 2 vertices."""
        if self.mode != DRAW or len(self.points) < 2:
            return False
        points = tuple(self.points)
        self.points = []
        self.canvas.update()
        self.on_finished(points)
        return True

    def _edited_track(self) -> TracedTrack | None:
        sc = self.scenario()
        if sc is None or self.track_id is None:
            return None
        try:
            return sc.track(self.track_id)
        except KeyError:
            return None

    # ------------------------------------------------------------------ geometry helpers
    def _lonlat(self, event) -> tuple[float, float] | None:
        return self._lonlat_at(event.position())

    def _lonlat_at(self, pos: QPointF) -> tuple[float, float] | None:
        lon, lat = self.canvas.lonlat_at(pos.x(), pos.y())
        if not (math.isfinite(lon) and math.isfinite(lat)):
            return None
        return round(float(lon), 6), round(float(lat), 6)

    def _screen(self, points) -> tuple[np.ndarray, np.ndarray]:
        """Screen pixels of lon/lat points in the canvas's current view."""
        return self._screen_ctx(self.canvas.scene.context(self.canvas.view), points)

    def _vertex_at(self, track: TracedTrack, pos: QPointF) -> int | None:
        sx, sy = self._screen(track.points)
        d = np.hypot(sx - pos.x(), sy - pos.y())
        i = int(np.nanargmin(d))
        return i if d[i] <= PICK_PX else None

    def _leg_at(self, track: TracedTrack, pos: QPointF) -> int | None:
        """Index of the vertex after the leg under ``pos`` (where a new vertex goes)."""
        sx, sy = self._screen(track.points)
        best, best_d = None, PICK_PX
        for i in range(len(sx) - 1):
            ax, ay, bx, by = sx[i], sy[i], sx[i + 1], sy[i + 1]
            dx, dy = bx - ax, by - ay
            length2 = dx * dx + dy * dy
            if length2 == 0:
                continue
            u = min(1.0, max(0.0, ((pos.x() - ax) * dx + (pos.y() - ay) * dy) / length2))
            d = math.hypot(ax + u * dx - pos.x(), ay + u * dy - pos.y())
            if d < best_d:
                best, best_d = i + 1, d
        return best

    def _apply(self, edit: Callable[[], TracedTrack]) -> None:
        try:
            new = edit()
        except TracingError as exc:
            self.canvas.window().statusBar().showMessage(str(exc), 6000)
            return
        self.on_edited(new)
        self.canvas.update()

    # ------------------------------------------------------------------ painting (an overlay)
    def __call__(self, painter: QPainter, ctx: PaintContext) -> None:
        sc = self.scenario()
        if sc is not None and (self.show_paths or self.mode is not None):
            for track in sc.tracks:
                if track.id == self.track_id:
                    continue
                self._path(painter, ctx, track.points, QColor(60, 60, 60, 150), 1.0, Qt.DashLine)
        if self.mode == DRAW and self.points:
            pts = list(self.points)
            if self.hover is not None:
                pts.append(self.hover)
            self._path(painter, ctx, pts, QColor("#FF7F00"), 2.0, Qt.SolidLine)
            self._handles(painter, ctx, self.points, QColor("#FF7F00"))
            sx, sy = self._screen_ctx(ctx, [self.points[-1]])
            hint = translate(
                "TraceTool", "{n} vertices · Enter ends · Backspace removes the last · Esc cancels"
            ).format(n=len(self.points))
            font = self._font(ctx)
            width = QFontMetricsF(font).horizontalAdvance(hint)
            x = sx[0] + 10 if sx[0] + 10 + width < ctx.view.width else sx[0] - 10 - width
            draw_text(painter, x, sy[0] - 10, hint, QColor("#202020"), font)
        track = self._edited_track() if self.mode == EDIT else None
        if track is not None:
            pts = list(track.points)
            if self._drag is not None and self._drag_to is not None:
                pts[self._drag] = self._drag_to
            self._path(painter, ctx, pts, QColor("#6A3D9A"), 2.0, Qt.SolidLine)
            self._handles(painter, ctx, pts, QColor("#6A3D9A"), numbered=True)

    @staticmethod
    def _font(ctx: PaintContext) -> QFont:
        font = QFont()
        font.setPointSizeF(9.0 * ctx.font_scale)
        return font

    def _screen_ctx(self, ctx: PaintContext, points) -> tuple[np.ndarray, np.ndarray]:
        arr = np.asarray(points, dtype=float).reshape(-1, 2)
        x, y = ctx.projection.forward(arr[:, 0], arr[:, 1])
        sx, sy = ctx.view.to_screen(np.asarray(x), np.asarray(y))
        return np.asarray(sx, dtype=float), np.asarray(sy, dtype=float)

    def _path(self, painter, ctx, points, colour: QColor, width: float, style) -> None:
        if len(points) < 2:
            return
        sx, sy = self._screen_ctx(ctx, points)
        pen = QPen(colour, width)
        pen.setStyle(style)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawPolyline(polygon_from_xy(sx, sy))

    def _handles(self, painter, ctx, points, colour: QColor, numbered: bool = False) -> None:
        sx, sy = self._screen_ctx(ctx, points)
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(QColor("white"))
        for i, (x, y) in enumerate(zip(sx, sy, strict=True)):
            painter.drawRect(int(x) - 4, int(y) - 4, 8, 8)
            if numbered:
                draw_text(painter, x + 7, y - 7, str(i + 1), colour, self._font(ctx))
        painter.setBrush(Qt.NoBrush)


class _DrawHandler(ToolHandler):
    """Tracing (`ToolHandler`): a click adds a vertex (clicks closer than `MIN_STEP_PX` to the
    last are a double-click's jitter), Enter or a double-click ends the path, Backspace removes
    the last vertex; Esc drops the path being drawn, then ends the tool."""

    def __init__(self, tool: TraceTool) -> None:
        self.tool = tool

    def activate(self) -> bool:
        self.tool.start_drawing()
        return True

    def deactivate(self) -> None:
        self.tool.stop()

    def cancel_partial(self) -> bool:
        if not self.tool.points:
            return False
        self.tool.points = []
        self.tool.canvas.update()
        return True

    def click(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> bool:
        tool = self.tool
        p = tool._lonlat_at(pos)
        if p is None:
            return True
        if tool.points:
            sx, sy = tool._screen([tool.points[-1]])
            if math.hypot(sx[0] - pos.x(), sy[0] - pos.y()) < MIN_STEP_PX:
                return True
        tool.points.append(p)
        tool.canvas.update()
        return True

    def double_click(self, event) -> bool:
        self.tool.finish()
        return True

    def hover(self, event) -> None:
        self.tool.hover = self.tool._lonlat(event)
        if self.tool.points:
            self.tool.canvas.update()

    def key_press(self, event) -> bool:
        tool, key = self.tool, event.key()
        if key in (Qt.Key_Return, Qt.Key_Enter):
            tool.finish()
            return True
        if key == Qt.Key_Backspace and tool.points:
            tool.points.pop()
            tool.canvas.update()
            return True
        return False


class _EditHandler(ToolHandler):
    """Editing a traced track's vertices (`ToolHandler`): a drag from a vertex moves it (a drag
    from anywhere else pans), Ctrl+click or a double-click on a leg inserts a vertex,
    right-click or Delete on a vertex deletes it."""

    cursor = Qt.PointingHandCursor

    def __init__(self, tool: TraceTool) -> None:
        self.tool = tool
        self.track_id: str | None = None  # the track to edit when the tool starts

    def activate(self) -> bool:
        if self.track_id is None:
            return False
        self.tool.start_editing(self.track_id)
        return True

    def deactivate(self) -> None:
        self.tool.stop()

    def cancel_partial(self) -> bool:
        if self.tool._drag is None:
            return False
        self.tool._drag = self.tool._drag_to = None
        self.tool.canvas.update()
        return True

    def wants_drag(self, event) -> bool:
        track = self.tool._edited_track()
        if track is None or event.modifiers() & Qt.ControlModifier:
            return False
        return self.tool._vertex_at(track, event.position()) is not None

    def drag_event(self, event) -> None:
        tool, t = self.tool, event.type()
        track = tool._edited_track()
        if track is None:
            return
        if t in (QEvent.MouseButtonPress, QEvent.MouseButtonDblClick):
            tool._drag, tool._drag_to = tool._vertex_at(track, event.position()), None
        elif t == QEvent.MouseMove and tool._drag is not None:
            tool._drag_to = tool._lonlat(event)
        elif t == QEvent.MouseButtonRelease and tool._drag is not None:
            i, to = tool._drag, tool._drag_to
            tool._drag = tool._drag_to = None
            if to is not None:
                tool._apply(lambda: track.moved(i, *to))
        tool.canvas.update()

    def click(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> bool:
        tool = self.tool
        track = tool._edited_track()
        if track is None or not modifiers & Qt.ControlModifier:
            return False
        leg, p = tool._leg_at(track, pos), tool._lonlat_at(pos)
        if leg is None or p is None:
            return False
        tool._apply(lambda: track.inserted(leg, *p))
        return True

    def double_click(self, event) -> bool:
        tool, pos = self.tool, event.position()
        track = tool._edited_track()
        if track is None:
            return False
        leg, p = tool._leg_at(track, pos), tool._lonlat_at(pos)
        if leg is not None and p is not None and tool._vertex_at(track, pos) is None:
            tool._apply(lambda: track.inserted(leg, *p))
        return True

    def right_press(self, event) -> bool:
        tool = self.tool
        track = tool._edited_track()
        vertex = tool._vertex_at(track, event.position()) if track is not None else None
        if track is None or vertex is None:
            return False
        tool._apply(lambda: track.deleted(vertex))
        return True

    def key_press(self, event) -> bool:
        tool = self.tool
        track = tool._edited_track()
        if track is None or event.key() not in (Qt.Key_Delete, Qt.Key_Backspace):
            return False
        pos = tool.canvas.mapFromGlobal(tool.canvas.cursor().pos())
        vertex = tool._vertex_at(track, QPointF(pos))
        if vertex is not None:
            tool._apply(lambda: track.deleted(vertex))
        return True
