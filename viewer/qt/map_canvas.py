"""`MapCanvas`: the map widget — pan, zoom, static layers cached per view, tracks on top.

Static layers (land, graticule, zones and their names) are painted once per view into a pixmap.
While the user drags or zooms, the last pixmap is moved and scaled (a blit, well under a frame)
and the layers are repainted once the view has been still for `SETTLE_MS`; the dynamic painters
(tracks) are redrawn every frame on top. The names are placed again only when what they keep
clear of moves (an overlay shown or hidden, an annotation appearing), not per frame.
``screen_painters`` come last: what only the screen shows (the laser pointer, a drawing being
made), never part of the `MapScene` an export renders.

Input: a left-button drag pans and a click without a drag selects (a track head, else a
reference feature) — unless a map tool takes it: the window's `ToolController` filters the
canvas's events and sets ``tool_click``, which gets clicks first.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import replace

import numpy as np
import shapely
from PySide6.QtCore import (
    QEasingCurve,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QToolTip, QWidget

from viewer.core.catalog import POINTS, ROLE_AREA, ROLE_EDGE, ROLE_POINT
from viewer.core.geodesy import distance_m
from viewer.core.map_state import MapState
from viewer.core.projection import Projection
from viewer.core.view import MapView
from viewer.render.label_pass import obstacle_key
from viewer.render.map_scene import MapScene

SETTLE_MS = 120
WHEEL_STEP = 1.25  # zoom factor per wheel notch
KEY_PAN_FRACTION = 0.15
HIT_TOLERANCE_PX = 6.0


class MapCanvas(QWidget):
    """The map. Emits ``cursor_moved(lon, lat)`` (NaN off the map), ``view_changed(MapView)``
    and ``layer_clicked(layer_id, feature_index)`` when a reference feature is clicked."""

    cursor_moved = Signal(float, float)
    view_changed = Signal(object)
    layer_clicked = Signal(str, object)
    clicked = Signal(float, float)  # lon, lat of a click that hit no layer
    dynamic_clicked = Signal(object)  # what `pick_dynamic` returned (e.g. a track head)
    frame_painted = Signal(float, float)  # a frame is on screen: (wall epoch s, ms it took)

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self.state: MapState = scene.state
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(320, 240)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        self.view = scene.home_view(max(self.width(), 1), max(self.height(), 1))
        self._homed = False
        # (width, height) -> the view to show: a scene's extent, fitted again when the canvas
        # changes size (full screen, a projector) until the user pans or zooms
        self.fit: Callable[[int, int], MapView] | None = None
        self._view_projection = self.state.projection  # the CRS self.view is expressed in
        # (x, y) -> something under the cursor among the dynamic layers, or None; and its tooltip
        self.pick_dynamic: Callable[[float, float], object | None] | None = None
        self.tooltip_for: Callable[[object], str] | None = None
        # (pos, modifiers) -> True when the active map tool used a click (then nothing is selected)
        self.tool_click: Callable[[QPointF, Qt.KeyboardModifier], bool] | None = None
        # (painter, context) -> None: drawn over everything, on the screen only (not in exports)
        self.screen_painters: list[Callable[[QPainter, object], None]] = []
        self._static: QPixmap | None = None
        self._static_view: MapView | None = None  # the view the pixmap was painted for
        self._static_clear: tuple = ()  # what its names kept clear of (`obstacle_key`)
        self._dirty = True  # layers or look changed: repaint the pixmap at the next paint
        self.paint_cpu_ms = 0.0  # the last paint's CPU time on this thread
        self._drag_origin: QPointF | None = None
        self._drag_moved = False
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._on_settled)
        self.state.events.connect("projection", self._on_projection_changed)
        self.state.events.connect("layers", self._on_look_changed)
        self.state.events.connect("naming", self._on_look_changed)
        self.state.events.connect("when", self._on_look_changed)

    # ------------------------------------------------------------------ view control
    def set_view(
        self,
        view: MapView,
        settle: bool = True,
        fit: Callable[[int, int], MapView] | None = None,
    ) -> None:
        """Show ``view``; ``fit`` keeps fitting a scene's extent on resizes (None: this view
        stays as it is)."""
        self.fit = fit
        self.view = view
        self.view_changed.emit(view)
        if settle:
            self._settle.start()
        self.update()

    def animate_to(
        self, view: MapView, ms: int = 700, fit: Callable[[int, int], MapView] | None = None
    ) -> None:
        """Glide to ``view``: centre moves linearly, scale geometrically (a scene transition);
        ``fit`` as for `set_view`, once there."""
        start = self.view
        if getattr(self, "_animation", None) is not None:
            self._animation.stop()
        anim = QVariantAnimation(self, startValue=0.0, endValue=1.0, duration=ms)
        anim.setEasingCurve(QEasingCurve.InOutCubic)

        def step(f: float) -> None:
            f = float(f)
            self.set_view(
                MapView(
                    start.center_x + (view.center_x - start.center_x) * f,
                    start.center_y + (view.center_y - start.center_y) * f,
                    start.scale * (view.scale / start.scale) ** f,
                    self.width(),
                    self.height(),
                )
            )

        anim.valueChanged.connect(step)

        def done() -> None:
            end = fit(self.width(), self.height()) if fit else view
            self.set_view(end.resized(self.width(), self.height()), settle=False, fit=fit)
            self.invalidate()

        anim.finished.connect(done)
        self._animation = anim
        anim.start()

    @Slot()
    def home(self) -> None:
        self.set_view(self.scene.home_view(self.width(), self.height()), settle=False)
        self.invalidate()

    @Slot()
    def zoom_in(self) -> None:
        self.set_view(self.view.zoomed(WHEEL_STEP**2))

    @Slot()
    def zoom_out(self) -> None:
        self.set_view(self.view.zoomed(WHEEL_STEP**-2))

    def zoom_to_lonlat(self, box: tuple[float, float, float, float]) -> None:
        west, south, east, north = box
        pad = 0.02
        if east - west < pad:
            west, east = west - pad, east + pad
        if north - south < pad:
            south, north = south - pad, north + pad
        view = self.scene.view_of_lonlat(
            (west, south, east, north), self.width(), self.height(), margin=0.08
        )
        self.set_view(view, settle=False)
        self.invalidate()

    def zoom_to_layer(self, layer_id: str) -> None:
        feats = self.state.catalog.layer(layer_id).features
        self.zoom_to_lonlat(tuple(float(v) for v in feats.total_bounds))  # type: ignore[arg-type]

    def invalidate(self) -> None:
        """Repaint the static layers (after a data or look change)."""
        self._dirty = True
        self.update()

    def lonlat_at(self, sx: float, sy: float) -> tuple[float, float]:
        return self._lonlat_in(self.state.projection, sx, sy)

    def screen_of(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self.state.projection.forward(np.array([lon]), np.array([lat]))
        sx, sy = self.view.to_screen(x, y)
        return float(sx[0]), float(sy[0])

    # ------------------------------------------------------------------ model events
    def _on_projection_changed(self, projection: Projection) -> None:
        # Keep the geographic centre and the ground scale across the switch.
        old = self._view_projection
        lon, lat = self._lonlat_in(old, self.width() / 2, self.height() / 2)
        ground = self._ground_metres_per_pixel(old)
        self._view_projection = projection
        view = self.scene.home_view(self.width(), self.height())
        if math.isfinite(lon) and math.isfinite(lat):
            x, y = projection.forward(np.array([lon]), np.array([lat]))
            if np.isfinite(x).all():
                view = MapView(float(x[0]), float(y[0]), view.scale, view.width, view.height)
                view = _with_ground_scale(view, projection, ground)
        self.set_view(view, settle=False)
        self.invalidate()

    def _on_look_changed(self, *_: object) -> None:
        self.invalidate()

    def _lonlat_in(self, projection: Projection, sx: float, sy: float) -> tuple[float, float]:
        mx, my = self.view.to_map(np.array([sx]), np.array([sy]))
        lon, lat = projection.inverse(mx, my)
        return float(lon[0]), float(lat[0])

    def _ground_metres_per_pixel(self, projection: Projection) -> float:
        cx, cy = self.width() / 2, self.height() / 2
        a = self._lonlat_in(projection, cx - 10, cy)
        b = self._lonlat_in(projection, cx + 10, cy)
        if not all(map(math.isfinite, (*a, *b))):
            return float("nan")
        return float(distance_m(a[0], a[1], b[0], b[1])) / 20.0

    @Slot()
    def _on_settled(self) -> None:
        self._dirty = True
        self.update()

    # ------------------------------------------------------------------ painting
    def _render_static(self, keep_clear: list[QRectF], clear_key: tuple) -> None:
        dpr = self.devicePixelRatioF()
        pixmap = QPixmap(round(self.view.width * dpr), round(self.view.height * dpr))
        pixmap.setDevicePixelRatio(dpr)
        painter = QPainter(pixmap)
        try:
            self.scene.paint_static(painter, self.view, keep_clear)
        finally:
            painter.end()
        self._static, self._static_view, self._dirty = pixmap, self.view, False
        self._static_clear = clear_key
        self.view_changed.emit(self.view)

    def paintEvent(self, event) -> None:
        started, cpu = time.perf_counter(), time.thread_time()
        if self.view.width != self.width() or self.view.height != self.height():
            self.view = self.view.resized(self.width(), self.height())
        settling = self._settle.isActive()
        if self.scene.tracks is not None:
            self.scene.tracks.moving = settling
        keep_clear = self.scene.keep_clear(self.view)
        clear_key = obstacle_key(keep_clear)
        stale = self._static_view != self.view or clear_key != self._static_clear
        if self._static is None or self._dirty or (stale and not settling):
            self._render_static(keep_clear, clear_key)
        painter = QPainter(self)
        try:
            if self._static_view == self.view:
                painter.drawPixmap(0, 0, self._static)
            else:
                painter.fillRect(self.rect(), Qt.white)
                painter.drawPixmap(self._moved_rect(), self._static, QRectF(self._static.rect()))
            self.scene.paint_dynamic(painter, self.view)
            self.scene.paint_overlays(painter, self.view)
            if self.screen_painters:
                ctx = self.scene.context(self.view)
                for paint in self.screen_painters:
                    paint(painter, ctx)
        finally:
            painter.end()
        # the CPU this thread spent (below the wall time on a busy machine: a benchmark says both)
        self.paint_cpu_ms = (time.thread_time() - cpu) * 1000.0
        self.frame_painted.emit(time.time(), (time.perf_counter() - started) * 1000.0)

    def _moved_rect(self) -> QRectF:
        """Where the cached pixmap of the old view lies in the new one (same CRS)."""
        old, new = self._static_view, self.view
        if old is None:
            return QRectF(self.rect())
        xmin, ymin, xmax, ymax = old.extent()
        sx, sy = new.to_screen(np.array([xmin, xmax]), np.array([ymax, ymin]))
        return QRectF(QPointF(sx[0], sy[0]), QPointF(sx[1], sy[1]))

    def resizeEvent(self, event) -> None:
        if self.fit is not None:  # a scene's extent, fitted to the new size
            self.view = self.fit(self.width(), self.height())
            self._homed = True
        elif not self._homed:
            self.view = self.scene.home_view(self.width(), self.height())
            self._homed = True
        else:
            self.view = self.view.resized(self.width(), self.height())
        self._dirty = True
        super().resizeEvent(event)

    # ------------------------------------------------------------------ input
    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.LeftButton:
            self._drag_origin = event.position()
            self._drag_moved = False

    def mouseMoveEvent(self, event) -> None:
        pos = event.position()
        if self._drag_origin is not None and event.buttons() & Qt.LeftButton:
            delta = pos - self._drag_origin
            if self._drag_moved or abs(delta.x()) + abs(delta.y()) > 3:
                self._drag_moved = True
                self._drag_origin = pos
                self.set_view(self.view.panned(delta.x(), delta.y()))
        lon, lat = self.lonlat_at(pos.x(), pos.y())
        self.cursor_moved.emit(lon, lat)
        if self.pick_dynamic is not None and self.tooltip_for is not None and not event.buttons():
            picked = self.pick_dynamic(pos.x(), pos.y())
            if picked is not None:
                QToolTip.showText(event.globalPosition().toPoint(), self.tooltip_for(picked), self)
            else:
                QToolTip.hideText()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.LeftButton and self._drag_origin is not None:
            self._drag_origin = None
            if not self._drag_moved:
                self._click(event.position(), event.modifiers())

    def _click(self, pos: QPointF, modifiers: Qt.KeyboardModifier = Qt.NoModifier) -> None:
        if self.tool_click is not None and self.tool_click(pos, modifiers):
            return
        if self.pick_dynamic is not None:
            picked = self.pick_dynamic(pos.x(), pos.y())
            if picked is not None:
                self.dynamic_clicked.emit(picked)
                return
        hit = self.hit_test(pos.x(), pos.y())
        if hit is not None:
            self.layer_clicked.emit(*hit)
        else:
            self.clicked.emit(*self.lonlat_at(pos.x(), pos.y()))

    def wheelEvent(self, event) -> None:
        notches = event.angleDelta().y() / 120.0
        if notches:
            pos = event.position()
            self.set_view(self.view.zoomed(WHEEL_STEP**notches, pos.x(), pos.y()))

    def keyPressEvent(self, event) -> None:
        key = event.key()
        step_x, step_y = self.width() * KEY_PAN_FRACTION, self.height() * KEY_PAN_FRACTION
        moves = {
            Qt.Key_Left: (step_x, 0),
            Qt.Key_Right: (-step_x, 0),
            Qt.Key_Up: (0, step_y),
            Qt.Key_Down: (0, -step_y),
        }
        if key in moves and not event.modifiers() & Qt.AltModifier:
            self.set_view(self.view.panned(*moves[key]))
        elif key in (Qt.Key_Plus, Qt.Key_Equal) or event.matches(QKeySequence.ZoomIn):
            self.zoom_in()
        elif key == Qt.Key_Minus or event.matches(QKeySequence.ZoomOut):
            self.zoom_out()
        elif key == Qt.Key_0 and event.modifiers() & Qt.ControlModifier:
            self.home()
        else:
            super().keyPressEvent(event)

    # ------------------------------------------------------------------ picking
    def hit_test(self, sx: float, sy: float) -> tuple[str, object] | None:
        """The top-most visible reference feature under a screen point: (layer id, index)."""
        lon, lat = self.lonlat_at(sx, sy)
        if not (math.isfinite(lon) and math.isfinite(lat)):
            return None
        ctx = self.scene.context(self.view)
        for st in reversed(self.state.layers):
            painter = self.scene.layer_painters.get(st.id)
            if painter is None or not st.visible:
                continue
            layer = painter.layer
            live = set(layer.features_at(ctx.when).index)
            for idx, row, parts in painter.projected(ctx.projection):
                if idx not in live:
                    continue
                role = row["role"]
                if role in (ROLE_EDGE, ROLE_POINT) or layer.kind == POINTS:
                    for xy in parts:
                        px, py = self.view.to_screen(xy[:, 0], xy[:, 1])
                        if _distance_to_polyline(sx, sy, px, py) <= HIT_TOLERANCE_PX:
                            return layer.id, idx
            for idx, row, _ in painter.projected(ctx.projection):
                if (
                    idx in live
                    and row["role"] == ROLE_AREA
                    and row.geometry.contains(shapely.Point(lon, lat))
                ):
                    return layer.id, idx
        return None


def _distance_to_polyline(x: float, y: float, px: np.ndarray, py: np.ndarray) -> float:
    ok = np.isfinite(px) & np.isfinite(py)
    px, py = px[ok], py[ok]
    if len(px) == 0:
        return math.inf
    if len(px) == 1:
        return math.hypot(px[0] - x, py[0] - y)
    ax, ay, bx, by = px[:-1], py[:-1], px[1:], py[1:]
    dx, dy = bx - ax, by - ay
    seg2 = dx * dx + dy * dy
    t = np.clip(((x - ax) * dx + (y - ay) * dy) / np.where(seg2 == 0, 1, seg2), 0, 1)
    return float(np.min(np.hypot(ax + t * dx - x, ay + t * dy - y)))


def _with_ground_scale(view: MapView, projection: Projection, metres_per_px: float) -> MapView:
    """Adjust the view's scale so one pixel at its centre covers ``metres_per_px`` of ground."""
    if not math.isfinite(metres_per_px):
        return view
    mx = np.array([view.center_x - 10 * view.scale, view.center_x + 10 * view.scale])
    my = np.array([view.center_y, view.center_y])
    lon, lat = projection.inverse(mx, my)
    if not np.isfinite(lon).all():
        return view
    current = float(distance_m(lon[0], lat[0], lon[1], lat[1])) / 20.0
    if current <= 0:
        return view
    return replace(view, scale=view.scale * metres_per_px / current)
