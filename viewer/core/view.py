"""`MapView`: which part of the projected map a canvas of ``width`` x ``height`` pixels shows.

Screen y grows downwards, map y upwards. ``scale`` is map units (metres for the presets) per pixel.
Immutable: pan and zoom return a new view, so painters and exports can hold one safely.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike

if TYPE_CHECKING:
    from viewer.core.projection import Projection

# What the map opens on: the Taiwan ADIZ, the ECS ADIZ, the median line and the Senkakus.
HOME_LONLAT = (116.5, 20.0, 130.0, 34.0)

MIN_SCALE = 0.5  # m/px: closer than this shows nothing more
MAX_SCALE = 200_000.0  # m/px: the whole Earth fits in ~200 px


@dataclass(frozen=True)
class MapView:
    center_x: float
    center_y: float
    scale: float  # map units per pixel
    width: int
    height: int

    # ------------------------------------------------------------------ transforms
    def to_screen(self, x: ArrayLike, y: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
        sx = (np.asarray(x) - self.center_x) / self.scale + self.width / 2.0
        sy = (self.center_y - np.asarray(y)) / self.scale + self.height / 2.0
        return sx, sy

    def to_map(self, sx: ArrayLike, sy: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
        x = (np.asarray(sx) - self.width / 2.0) * self.scale + self.center_x
        y = self.center_y - (np.asarray(sy) - self.height / 2.0) * self.scale
        return x, y

    def extent(self) -> tuple[float, float, float, float]:
        """(xmin, ymin, xmax, ymax) in map units."""
        hw, hh = self.width * self.scale / 2.0, self.height * self.scale / 2.0
        return self.center_x - hw, self.center_y - hh, self.center_x + hw, self.center_y + hh

    # ------------------------------------------------------------------ navigation
    def panned(self, dx_px: float, dy_px: float) -> MapView:
        """The view after dragging the map content by (dx, dy) pixels."""
        return replace(
            self,
            center_x=self.center_x - dx_px * self.scale,
            center_y=self.center_y + dy_px * self.scale,
        )

    def zoomed(self, factor: float, sx: float | None = None, sy: float | None = None) -> MapView:
        """Zoom in by ``factor`` (>1 closer) keeping the map point under (sx, sy) in place."""
        if sx is None or sy is None:
            sx, sy = self.width / 2.0, self.height / 2.0
        new_scale = float(np.clip(self.scale / factor, MIN_SCALE, MAX_SCALE))
        mx, my = self.to_map(sx, sy)
        cx = float(mx) - (sx - self.width / 2.0) * new_scale
        cy = float(my) + (sy - self.height / 2.0) * new_scale
        return replace(self, center_x=cx, center_y=cy, scale=new_scale)

    def resized(self, width: int, height: int) -> MapView:
        return replace(self, width=max(1, int(width)), height=max(1, int(height)))

    def fitted(
        self, xmin: float, ymin: float, xmax: float, ymax: float, margin: float = 0.05
    ) -> MapView:
        """A view of the same size that shows the whole extent with a margin (fraction)."""
        w = max(xmax - xmin, 1.0) * (1 + 2 * margin)
        h = max(ymax - ymin, 1.0) * (1 + 2 * margin)
        scale = float(np.clip(max(w / self.width, h / self.height), MIN_SCALE, MAX_SCALE))
        return replace(
            self, center_x=(xmin + xmax) / 2.0, center_y=(ymin + ymax) / 2.0, scale=scale
        )


def view_of_lonlat(
    projection: Projection,
    box: tuple[float, float, float, float],
    width: int,
    height: int,
    margin: float = 0.02,
) -> MapView:
    """A ``width`` x ``height`` view showing the lon/lat ``box`` (west, south, east, north)
    projected, edges sampled so a curved projection fits the whole box."""
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
    x, y = projection.forward(lons, lats)
    ok = np.isfinite(x) & np.isfinite(y)
    view = MapView(0.0, 0.0, 1000.0, max(1, width), max(1, height))
    if not ok.any():
        return view
    return view.fitted(x[ok].min(), y[ok].min(), x[ok].max(), y[ok].max(), margin)


def home_view(projection: Projection, width: int, height: int) -> MapView:
    """The view the map opens on (`HOME_LONLAT`) at ``width`` x ``height``."""
    return view_of_lonlat(projection, HOME_LONLAT, width, height)
