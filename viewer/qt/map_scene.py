"""`MapScene`: the ordered painters for a `MapState`, shared by the window and every export.

The canvas paints ``static`` (cached per view), then ``dynamic`` (tracks, each frame), then the
screen overlays; `render_image` does the same into a `QImage`, so a PNG is what the screen shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from viewer.core.basemap import Basemap
from viewer.core.map_state import MapState
from viewer.core.units import Units
from viewer.core.view import MapView
from viewer.qt.i18n import translate
from viewer.qt.painters import (
    PAINTERS,
    BasemapPainter,
    GraticulePainter,
    PaintContext,
    ReferenceLayerPainter,
    paint_attribution,
    paint_legend,
    paint_north_arrow,
    paint_scale_bar,
)
from viewer.qt.theme import NORMAL, Theme

# Burned into every picture: where the lines and the coastline come from.
SOURCE_LINE = QT_TRANSLATE_NOOP(
    "MapPainters",
    "Zones: published coordinates, sources and confidence in Help > About · "
    "Coastlines: GSHHG 2.3 (Wessel & Smith), LGPL-3.0",
)

# What the map opens on: the Taiwan ADIZ, the ECS ADIZ, the median line and the Senkakus.
HOME_LONLAT = (116.5, 20.0, 130.0, 34.0)

DynamicPainter = Callable[[QPainter, PaintContext], None]


class MapScene:
    def __init__(self, state: MapState, basemap: Basemap | None = None) -> None:
        self.state = state
        self.basemap_painter = BasemapPainter(basemap or Basemap())
        self.graticule = GraticulePainter()
        self.layer_painters: dict[str, ReferenceLayerPainter] = {
            layer.id: PAINTERS[layer.kind](layer) for layer in state.catalog.layers
        }
        self.dynamic: list[DynamicPainter] = []
        self.overlays: list[DynamicPainter] = []
        self.underlay: Any = None  # an UnderlayPainter: a georeferenced picture, if any
        self.show_graticule = True
        self._static_cache: tuple | None = None
        for name in ("projection", "layers", "naming", "when"):
            state.events.connect(name, self._on_static_changed)
        self.show_legend = True
        self.font_scale = 1.0
        self.units = Units()  # distance and altitude units of the read-outs (View > Units)
        self.theme: Theme = NORMAL  # or HIGH_CONTRAST (View > High-contrast theme)

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
        return self.view_of_lonlat(HOME_LONLAT, width, height)

    def view_of_lonlat(
        self, box: tuple[float, float, float, float], width: int, height: int, margin: float = 0.02
    ) -> MapView:

        west, south, east, north = box
        lons = np.concatenate(
            [
                np.linspace(west, east, 50),
                np.linspace(west, east, 50),
                np.full(50, west),
                np.full(50, east),
            ]
        )
        lats = np.concatenate(
            [
                np.full(50, south),
                np.full(50, north),
                np.linspace(south, north, 50),
                np.linspace(south, north, 50),
            ]
        )
        x, y = self.state.projection.forward(lons, lats)
        ok = np.isfinite(x) & np.isfinite(y)
        view = MapView(0.0, 0.0, 1000.0, max(1, width), max(1, height))
        if not ok.any():
            return view
        return view.fitted(x[ok].min(), y[ok].min(), x[ok].max(), y[ok].max(), margin)

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

    def paint_static(self, painter: QPainter, view: MapView) -> None:
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

    def paint_dynamic(self, painter: QPainter, view: MapView) -> None:
        ctx = self.context(view)
        painter.setRenderHint(QPainter.Antialiasing, True)
        for paint in self.dynamic:
            paint(painter, ctx)

    def paint_overlays(self, painter: QPainter, view: MapView) -> None:
        ctx = self.context(view)
        painter.setRenderHint(QPainter.Antialiasing, True)
        paint_scale_bar(painter, ctx)
        paint_north_arrow(painter, ctx)
        paint_attribution(painter, ctx, translate("MapPainters", SOURCE_LINE))
        if self.show_legend:
            paint_legend(painter, ctx)
        for paint in self.overlays:
            paint(painter, ctx)

    def _on_static_changed(self, *_: object) -> None:
        self._static_cache = None

    def set_underlay(self, painter) -> None:
        """Draw ``painter`` (an `UnderlayPainter`, or None to remove it) under the layers."""
        self.underlay = painter
        self._static_cache = None

    def static_image(self, view: MapView, device_pixel_ratio: float = 1.0) -> QImage:
        """The static layers for a view, cached until the view or the map state changes."""
        key = (view, device_pixel_ratio, self.show_graticule, self.font_scale, self.theme.name)
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
            self.paint_static(painter, view)
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
