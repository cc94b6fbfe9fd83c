"""The density layer's arithmetic, Qt-free: the lon/lat grid an engine counts fixes in for a map
view (cells of about `CELL_PX` screen pixels), the classes a legend shows, and the class of every
screen pixel (a raster the painter colours).

>>> class_bounds(730)
[1, 2, 5, 10, 20, 50, 100, 200, 500]
"""

from __future__ import annotations

import math

import numpy as np

from viewer.core.projection import Projection
from viewer.core.view import MapView

#: A density cell is about this many screen pixels wide.
CELL_PX = 8
#: The raster is worked out every this many pixels (the cells stay 4 raster pixels wide).
RASTER_STRIDE = 2
#: The most classes a legend shows (a colour ramp of this many steps).
MAX_CLASSES = 9
_STEPS = (1, 2, 5)


def view_grid(
    view: MapView, projection: Projection, cell_px: int = CELL_PX
) -> tuple[tuple[float, float, float, float], int, int] | None:
    """(bbox west, south, east, north; nx; ny): the lon/lat grid over what ``view`` shows, with
    cells about ``cell_px`` pixels on screen; None when the view shows no part of the earth."""
    sx = np.linspace(0.0, view.width, 17)
    sy = np.linspace(0.0, view.height, 17)
    gx, gy = np.meshgrid(sx, sy)
    lon, lat = projection.inverse(*view.to_map(gx.ravel(), gy.ravel()))
    ok = np.isfinite(lon) & np.isfinite(lat)
    if ok.sum() < 2:
        return None
    west, east = max(float(lon[ok].min()), -180.0), min(float(lon[ok].max()), 180.0)
    south, north = max(float(lat[ok].min()), -90.0), min(float(lat[ok].max()), 90.0)
    if not (east > west and north > south):
        return None
    nx = max(1, math.ceil(view.width / cell_px))
    ny = max(1, math.ceil(view.height / cell_px))
    return (west, south, east, north), nx, ny


def class_bounds(most: int, max_classes: int = MAX_CLASSES) -> list[int]:
    """The lower bound of each class for counts up to ``most``: 1, 2, 5, 10, 20, 50... (decades
    alone, 1, 10, 100..., when that would make more than ``max_classes``)."""
    most = max(int(most), 1)
    series = [s * 10**k for k in range(int(math.log10(most)) + 1) for s in _STEPS]
    bounds = [b for b in series if b <= most]
    if len(bounds) > max_classes:
        bounds = [10**k for k in range(int(math.log10(most)) + 1)]
    if len(bounds) > max_classes:  # more decades than classes: every few decades
        step = math.ceil(len(bounds) / max_classes)
        bounds = bounds[::step]
    return bounds


def class_raster(
    counts: np.ndarray,
    bbox: tuple[float, float, float, float],
    bounds: list[int],
    projection: Projection,
    view: MapView,
    stride: int = RASTER_STRIDE,
) -> np.ndarray:
    """The class (index into ``bounds``; -1 for no fix) of every ``stride``-th screen pixel of
    ``view``: each pixel's centre taken back to lon/lat and looked up in ``counts[j, i]`` (row j
    from the south, column i from the west, over ``bbox``). Shape (rows, columns), int8."""
    w = max(1, math.ceil(view.width / stride))
    h = max(1, math.ceil(view.height / stride))
    sx = (np.arange(w) + 0.5) * stride
    sy = (np.arange(h) + 0.5) * stride
    gx, gy = np.meshgrid(sx, sy)
    lon, lat = projection.inverse(*view.to_map(gx.ravel(), gy.ravel()))
    ny, nx = counts.shape
    west, south, east, north = bbox
    with np.errstate(invalid="ignore"):
        i = np.floor((lon - west) / (east - west) * nx)
        j = np.floor((lat - south) / (north - south) * ny)
    ok = np.isfinite(i) & np.isfinite(j) & (i >= 0) & (i < nx) & (j >= 0) & (j < ny)
    value = np.zeros(lon.shape, dtype=np.int64)
    value[ok] = counts[j[ok].astype(np.int64), i[ok].astype(np.int64)]
    cls = np.searchsorted(np.asarray(bounds, dtype=np.int64), value, side="right") - 1
    return cls.reshape(h, w).astype(np.int8)


def cell_km(bbox: tuple[float, float, float, float], nx: int, ny: int) -> float:
    """The north-south size of a cell, km (a degree of latitude is 111.2 km)."""
    return (bbox[3] - bbox[1]) / ny * 111.2


__all__ = ["CELL_PX", "class_bounds", "class_raster", "view_grid"]
