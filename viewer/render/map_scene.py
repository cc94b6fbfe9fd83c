"""`MapScene`: the ordered painters of a map, shared by the window and every export.

``static`` layers (sea and land, the picture underlay, graticule, reference layers, and the names
of the label pass) are painted into an image cached per view; ``dynamic`` painters (tracks,
annotations) every frame on top; then the ``overlays`` (scale bar, north arrow, source line,
legend, and what a session adds: notice, title and clock), each in the box the overlay layout
gives it (`overlay_boxes`). `render_image` does all of it into a `QImage`, so a PNG is what the
screen shows. The names keep clear of the overlays' boxes and the annotations' texts
(`keep_clear`); the tracks' labels keep clear of the names.

`MapScene(state)` draws the map of a `MapState` alone; `MapScene.for_session(session)` builds the
whole painter stack of a `Session` once: the window adds its tools to it, exports render it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from viewer.core.basemap import Basemap
from viewer.core.catalog import ReferenceLayer
from viewer.core.live_tracks import LIVE_PATH
from viewer.core.map_state import MapState
from viewer.core.units import Units
from viewer.core.view import MapView, home_view, view_of_lonlat
from viewer.render.annotation_painter import AnnotationPainter
from viewer.render.context import PaintContext, Painter
from viewer.render.density_painter import DensityPainter
from viewer.render.label_pass import LabelPass, obstacle_key
from viewer.render.layer_painters import (
    BasemapPainter,
    GraticulePainter,
    ReferenceLayerPainter,
    degree_label_strip,
    painter_for,
)
from viewer.render.legend import Legend
from viewer.render.overlay_layout import (
    ANNOTATION_WEIGHT,
    LEGEND,
    NOTICE,
    OverlayBoxes,
    OverlayLayout,
    overlay_context,
    place_boxes,
)
from viewer.render.overlay_pictures import OverlayPictures
from viewer.render.overlays import (
    NorthArrow,
    NoticeBanner,
    PlacedOverlay,
    ScaleBar,
    SourceLine,
    TitleAndClock,
)
from viewer.render.theme import NORMAL, Theme
from viewer.render.track_painter import TrackPainter
from viewer.render.underlay_painter import UnderlayPainter, underlay_painter_for

if TYPE_CHECKING:
    from viewer.core.session import Session


class MapScene:
    """The painters of one map, in drawing order, and the look they share: ``units`` (the
    read-outs), ``theme`` (normal or high contrast), ``font_scale`` (>1 for projectors)."""

    def __init__(self, state: MapState, basemap: Basemap | None = None) -> None:
        self.state = state
        self.basemap_painter = BasemapPainter(basemap or Basemap())
        self.graticule = GraticulePainter()
        self.layer_painters: dict[str, ReferenceLayerPainter] = {
            layer.id: painter_for(layer) for layer in state.catalog.layers
        }
        self.underlay: UnderlayPainter | None = None  # a georeferenced picture, if any
        self.density: DensityPainter | None = None  # an archive's fixes per cell, if shown
        self.legend = Legend(state)
        self.labels = LabelPass()  # the names of zones, lines and places
        self.dynamic: list[Painter] = []
        self.overlays: list[Painter] = [ScaleBar(), NorthArrow(), SourceLine(), self.legend]
        self.show_graticule = True
        self._static_cache: tuple | None = None
        for name in ("projection", "layers", "naming", "when"):
            state.events.connect(name, self._on_static_changed)
        self.font_scale = 1.0
        self.units = Units()  # distance and altitude units of the read-outs (View > Units)
        self.theme: Theme = NORMAL  # or HIGH_CONTRAST (View > High-contrast theme)
        self.tracks: TrackPainter | None = None
        self.notice: NoticeBanner | None = None
        self.title_clock: TitleAndClock | None = None
        self.annotations: AnnotationPainter | None = None
        # where the overlays go: off the tracks and annotations (`overlay_layout`)
        self.overlay_layout = OverlayLayout(self._data_points, self._data_key)
        self.overlay_pictures = OverlayPictures()  # the overlays that stay, drawn once

    @classmethod
    def for_session(
        cls,
        session: Session,
        basemap: Basemap | None = None,
        pictures: dict[str, QImage] | None = None,
    ) -> MapScene:
        """Every painter of ``session``, built once: its map, the briefing's picture underlay
        (read once into ``pictures`` when given; `PictureError` when it cannot be), the tracks
        at its clock, the briefing's annotations, notice, and the title and clock overlay
        (the clock shown, the title hidden: the window shows it while presenting; the clock
        at the bottom, over the legend where they meet: the window's keeps clear of it)."""
        scene = cls(session.state, basemap)
        briefing = session.briefing
        underlay = briefing.underlay if briefing else None
        if underlay is not None:
            picture = session.picture_path(underlay)
            scene.set_underlay(underlay_painter_for(underlay, picture, pictures))
        timeline = session.timeline
        scene.tracks = TrackPainter(
            session.tracks, lambda: timeline.time, lambda: timeline.trail, look=session.live.look
        )
        annotations = AnnotationPainter(
            lambda: session.briefing.annotations if session.briefing else (),
            lambda: timeline.time if session.tracks.items else None,
            lambda ctx: scene.notice_boxes(ctx.view),
        )
        scene.annotations = annotations
        scene.dynamic += [scene.tracks, annotations]
        scene.notice = NoticeBanner(lambda: session.briefing.notice if session.briefing else "")
        scene.title_clock = TitleAndClock(session)  # over the legend where they meet
        scene.overlays += [scene.notice, scene.title_clock]
        return scene

    def add_layer_painter(self, painter: ReferenceLayerPainter) -> None:
        self.layer_painters[painter.layer.id] = painter
        self._static_cache = None

    def context(self, view: MapView) -> PaintContext:
        return PaintContext(
            view=view,
            projection=self.state.projection,
            naming=self.state.naming,
            when=self.state.when,
            font_scale=self.font_scale,
            units=self.units,
            theme=self.theme,
        )

    def home_view(self, width: int, height: int) -> MapView:
        return home_view(self.state.projection, width, height)

    def view_of_lonlat(
        self, box: tuple[float, float, float, float], width: int, height: int, margin: float = 0.02
    ) -> MapView:
        return view_of_lonlat(self.state.projection, box, width, height, margin)

    # ------------------------------------------------------------------ painting
    def world_copies(self, view: MapView) -> list[MapView]:
        """The view, plus shifted copies where it runs over the antimeridian of a cylindrical
        projection: painting each draws the map repeated east and west, as on a globe."""
        width = self.state.projection.wrap_width
        if not width:
            return [view]
        xmin, _, xmax, _ = view.extent()
        first = int(np.floor((xmin + width / 2) / width))
        last = int(np.floor((xmax + width / 2) / width))
        return [replace(view, center_x=view.center_x - k * width) for k in range(first, last + 1)]

    def visible_layers(self) -> list[tuple[ReferenceLayer, str]]:
        """(layer, colour) of every visible reference layer, in drawing order."""
        out = []
        for st in self.state.layers:
            layer_painter = self.layer_painters.get(st.id)
            if layer_painter is not None and st.visible:
                out.append((layer_painter.layer, st.color))
        return out

    def keep_clear(self, view: MapView) -> list[QRectF]:
        """What the names keep clear of in ``view``: the overlays' boxes where the layout puts
        them (`overlay_boxes`) and the briefing's annotation texts shown now."""
        out = self.overlay_boxes(view).obstacles()
        if self.annotations is not None:
            out += self.annotations.boxes(self.context(view))
        return out

    def paint_static(
        self, painter: QPainter, view: MapView, keep_clear: list[QRectF] | None = None
    ) -> None:
        """The static layers and their names (clear of ``keep_clear``, by default
        `keep_clear` of the view)."""
        painter.setRenderHint(QPainter.Antialiasing, True)
        painter.setRenderHint(QPainter.TextAntialiasing, True)
        copies = self.world_copies(view)
        for i, copy in enumerate(copies):
            ctx = self.context(copy)
            if i == 0:
                self.basemap_painter.paint_sea(painter, ctx)
            self.basemap_painter.paint(painter, ctx)
        if self.underlay is not None:  # above land and sea, below every line
            self.underlay.paint(painter, self.context(view))
        if self.density is not None:  # an archive's heat grid: under the lines too
            self.density.paint(painter, self.context(view))
        self.graticule.label_boxes = []
        for copy in copies:
            ctx = self.context(copy)
            if self.show_graticule:
                self.graticule.paint(painter, ctx)
            for st in self.state.layers:
                layer_painter = self.layer_painters.get(st.id)
                if layer_painter is None or not st.visible:
                    continue
                layer_painter.state = st
                layer_painter.paint(painter, ctx)
        if keep_clear is None:
            keep_clear = self.keep_clear(view)
        self.labels.paint(
            painter,
            self.context(view),
            self.visible_layers(),
            keep_clear,
            self.graticule.label_boxes if self.show_graticule else [],
        )

    def drawn_report(self, view: MapView) -> dict[str, object]:
        """What the last picture (of ``view``) holds, for tests and ``render --labels``: the
        names (`LabelPass.report`), the tracks' label boxes, the boxes the names kept clear of
        and the legend's rows (boxes as [x0, y0, x1, y1] pixels)."""

        def box(r: QRectF) -> list[float]:
            return [round(v, 1) for v in (r.left(), r.top(), r.right(), r.bottom())]

        ctx = self.context(view)
        tracks = self.tracks.drawn.labels if self.tracks is not None else []
        return {
            "size": [view.width, view.height],
            "names": self.labels.report(),
            "track_labels": [box(r) for r in tracks],
            "keep_clear": [box(r) for r in self.keep_clear(view)],
            "legend": [row.text for row in self.legend.rows(ctx)] if self.legend.visible else [],
            "legend_box": box(legend) if (legend := self.overlay_boxes(view).get(LEGEND)) else None,
        }

    def paint_dynamic(self, painter: QPainter, view: MapView) -> None:
        ctx = replace(self.context(view), avoid=self.labels.boxes(view))
        painter.setRenderHint(QPainter.Antialiasing, True)
        for paint in self.dynamic:
            paint(painter, ctx)

    def paint_overlays(self, painter: QPainter, view: MapView) -> None:
        """The overlays, each in its box of `overlay_boxes` (shrunk on small frames)."""
        ctx = overlay_context(self.context(view))
        boxes = self.overlay_boxes(view)
        painter.setRenderHint(QPainter.Antialiasing, True)
        for paint in self.overlays:
            if isinstance(paint, PlacedOverlay):
                paint.placed = boxes
            self.overlay_pictures.paint(paint, painter, ctx)

    def overlay_boxes(self, view: MapView) -> OverlayBoxes:
        """Where the title, clock, legend, notice, scale bar, north arrow and source line go on
        ``view``'s frame (`OverlayLayout`): the map labels keep clear of
        ``overlay_boxes(view).obstacles()``, a scene's region of ``.insets()``."""
        ctx = overlay_context(self.context(view))
        sizes: dict[str, tuple[float, float]] = {}
        for overlay in self.overlays:
            if isinstance(overlay, PlacedOverlay):
                sizes.update(overlay.wanted(ctx))
        band = degree_label_strip(self.context(view))  # the labels keep the map's type size
        return self.overlay_layout.place(ctx, sizes, band)

    def notice_boxes(self, view: MapView) -> list[QRectF]:
        """Where the notice goes on ``view``'s frame: placed first, whatever the data, so the
        layout's box (worked out without the rest: the annotations keep out of it, and the
        layout keeps off the annotations)."""
        if self.notice is None:
            return []
        ctx = overlay_context(self.context(view))
        sizes = self.notice.wanted(ctx)
        box = place_boxes((view.width, view.height), sizes, ctx.font_scale).get(NOTICE)
        return [box] if box is not None else []

    def scene_view(self, session: Session, width: int, height: int, index: int) -> MapView:
        """Scene ``index`` of ``session`` fitted to a ``width`` x ``height`` frame, its region
        clear of where the overlays go (`Session.map_view`)."""
        probe = session.map_view(width, height, index)
        return session.map_view(width, height, index, self.overlay_insets(probe))

    def overlay_insets(self, view: MapView) -> tuple[float, float, float, float]:
        """The margins the overlays take on ``view``'s frame at their first places (whatever
        the data: a scene's view must not depend on the frame before it)."""
        ctx = overlay_context(self.context(view))
        sizes: dict[str, tuple[float, float]] = {}
        for overlay in self.overlays:
            if isinstance(overlay, PlacedOverlay):
                sizes.update(overlay.wanted(ctx))
        band = degree_label_strip(self.context(view))
        return place_boxes((view.width, view.height), sizes, ctx.font_scale, None, band).insets()

    def _data_key(self) -> object:
        """The state of what the overlays keep off: the visible tracks, the annotations shown.
        The live feeds count as one state (a new snapshot comes ten times a second: the
        overlays stay where they were put until the view or the files change)."""
        tracks = self.tracks.tracks.visible() if self.tracks is not None else []
        return (
            tuple("live" if i.path == LIVE_PATH else id(i.trackset) for i in tracks),
            self.state.projection.definition,
            self.font_scale,
            self.annotations.shown() if self.annotations is not None else (),
        )

    def _data_points(self, ctx: PaintContext) -> tuple[np.ndarray, np.ndarray]:
        """Screen points of every fix of the visible tracks (at most 200,000, evenly taken) and
        of the annotations' texts (weighted: an annotation is never covered if it can help)."""
        parts, weights = [], []
        for item in self.tracks.tracks.visible() if self.tracks is not None else []:
            ts = item.trackset
            step = max(1, ts.n_fixes // 200_000)
            sx, sy = ctx.view.to_screen(ts.x[::step], ts.y[::step])
            parts.append(np.column_stack([sx, sy]))
            weights.append(np.full(len(sx), float(step)))
        # where the texts are drawn (the map's type size, not the overlays')
        texts = self.annotations.boxes(self.context(ctx.view)) if self.annotations else []
        for rect in texts:
            xs = np.linspace(rect.left(), rect.right(), 8)
            ys = np.linspace(rect.top(), rect.bottom(), 3)
            gx, gy = np.meshgrid(xs, ys)
            parts.append(np.column_stack([gx.ravel(), gy.ravel()]))
            weights.append(np.full(gx.size, ANNOTATION_WEIGHT / gx.size))
        if not parts:
            return np.empty((0, 2)), np.empty(0)
        return np.concatenate(parts), np.concatenate(weights)

    def _on_static_changed(self, *_: object) -> None:
        self._static_cache = None

    def set_underlay(self, painter: UnderlayPainter | None) -> None:
        """Draw ``painter`` (or nothing, for None) under the layers."""
        self.underlay = painter
        self._static_cache = None

    def static_image(self, view: MapView, device_pixel_ratio: float = 1.0) -> QImage:
        """The static layers for a view, cached until the view or the map state changes."""
        density = self.density.version if self.density is not None else 0
        keep_clear = self.keep_clear(view)
        key = (
            view,
            device_pixel_ratio,
            self.show_graticule,
            self.font_scale,
            self.theme.name,
            obstacle_key(keep_clear),
            self.labels.enabled,
            density,
        )
        if self._static_cache is not None and self._static_cache[0] == key:
            return self._static_cache[1]
        image = QImage(
            round(view.width * device_pixel_ratio),
            round(view.height * device_pixel_ratio),
            QImage.Format_RGB32,
        )
        image.setDevicePixelRatio(device_pixel_ratio)
        image.fill(QColor(Qt.white))
        painter = QPainter(image)
        try:
            self.paint_static(painter, view, keep_clear)
        finally:
            painter.end()
        self._static_cache = (key, image)
        return image

    def render_image(self, view: MapView, device_pixel_ratio: float = 1.0) -> QImage:
        """Everything the canvas shows, into an image of the view's size (static layers cached
        between calls, so a video re-draws only the tracks and overlays per frame)."""
        image = self.static_image(view, device_pixel_ratio).copy()
        painter = QPainter(image)
        try:
            self.paint_dynamic(painter, view)
            self.paint_overlays(painter, view)
        finally:
            painter.end()
        return image
