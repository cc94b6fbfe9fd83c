"""Display projections: the CRS the map is drawn in, and the fast array transforms to and from it.

The user picks a preset or types any EPSG code; every layer and track is projected once per choice.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError

from viewer.core.constants import EQUIRECTANGULAR, REGION_LCC, WEB_MERCATOR, WGS84

#: Presets offered in the projection menu: key -> (title, CRS definition).
PRESETS: dict[str, tuple[str, str]] = {
    "lcc": ("Lambert conformal conic (Taiwan region)", REGION_LCC),
    "webmercator": ("Web Mercator (EPSG:3857)", WEB_MERCATOR),
    "equirectangular": ("Equirectangular", EQUIRECTANGULAR),
}
DEFAULT_PRESET = "lcc"


@lru_cache(maxsize=32)
def _transformers(definition: str) -> tuple[Transformer, Transformer]:
    crs = CRS.from_user_input(definition)
    forward = Transformer.from_crs(WGS84, crs, always_xy=True)
    inverse = Transformer.from_crs(crs, WGS84, always_xy=True)
    return forward, inverse


PARALLEL_POINTS = 200_000  # above this, transform in halves on two threads (PROJ frees the GIL)


def _transform(
    transformer: Transformer, a: np.ndarray, b: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """``transformer.transform`` into new float64 arrays; large inputs in two threads (pyproj's
    Transformer is thread-safe since 3.1)."""
    n = len(a) if a.ndim == 1 else 0
    if n < PARALLEL_POINTS or (os.cpu_count() or 1) < 2:
        x, y = transformer.transform(a, b)
        return np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    x = a.copy()
    y = b.copy()
    half = n // 2
    with ThreadPoolExecutor(max_workers=1) as pool:
        other = pool.submit(transformer.transform, x[half:], y[half:], inplace=True)
        transformer.transform(x[:half], y[:half], inplace=True)
        other.result()
    return x, y


@dataclass(frozen=True)
class Projection:
    """A display CRS with vectorised lon/lat <-> x/y transforms (x/y in the CRS's units).

    >>> p = Projection.from_user_input("EPSG:3857")
    >>> round(float(p.forward([180.0], [0.0])[0][0]))
    20037508
    """

    definition: str
    title: str = ""
    _crs: CRS = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        try:
            crs = CRS.from_user_input(self.definition)
        except CRSError as exc:
            raise ValueError(
                f"unknown coordinate reference system {self.definition!r}: expected a preset "
                f"({', '.join(PRESETS)}), an EPSG code such as 'EPSG:3826' or a PROJ string ({exc})"
            ) from None
        if crs.is_geographic:
            raise ValueError(
                f"{self.definition!r} is a geographic CRS (degrees); choose a projected one such "
                "as 'EPSG:3857' or the 'equirectangular' preset"
            )
        object.__setattr__(self, "_crs", crs)
        if not self.title:
            object.__setattr__(self, "title", crs.name)

    @classmethod
    def from_user_input(cls, text: str) -> Projection:
        """A preset key ('lcc', 'webmercator', 'equirectangular'), 'EPSG:NNNN', a code, PROJ."""
        text = text.strip()
        if text in PRESETS:
            title, definition = PRESETS[text]
            return cls(definition, title)
        if text.isdigit():
            text = f"EPSG:{text}"
        return cls(text)

    @classmethod
    def default(cls) -> Projection:
        return cls.from_user_input(DEFAULT_PRESET)

    @property
    def crs(self) -> CRS:
        return self._crs

    @property
    def units_per_metre(self) -> float:
        unit = self._crs.axis_info[0].unit_conversion_factor if self._crs.axis_info else 1.0
        return 1.0 / unit

    @property
    def wrap_width(self) -> float | None:
        """For a cylindrical projection (meridians vertical, the antimeridian a straight cut), the
        width of the world in map units, so a view across the antimeridian can repeat the map;
        None for other projections."""
        cached = self.__dict__.get("_wrap_width", "unset")
        if cached != "unset":
            return cached
        width: float | None = None
        lon_c, _ = self.inverse(np.array([0.0]), np.array([0.0]))  # central meridian
        if np.isfinite(lon_c).all():
            c = float(lon_c[0])
            lons = np.array([c + 180.0 - 1e-9, c - 180.0 + 1e-9, c + 90.0, c + 90.0])
            x, _ = self.forward(lons, np.array([0.0, 0.0, 0.0, 60.0]))
            vertical = np.isfinite(x).all() and abs(x[2] - x[3]) < 1e-6 * abs(x[2] or 1.0)
            if vertical and x[0] > x[1]:
                width = float(x[0] - x[1])
        object.__setattr__(self, "_wrap_width", width)
        return width

    def forward(self, lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Project degrees to map units; points the projection cannot show become NaN."""
        fwd, _ = _transformers(self.definition)
        x, y = _transform(fwd, np.asarray(lon, dtype=np.float64), np.asarray(lat, dtype=np.float64))
        bad = ~(np.isfinite(x) & np.isfinite(y))
        if bad.any():
            x = np.where(bad, np.nan, x)
            y = np.where(bad, np.nan, y)
        return x, y

    def inverse(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Map units back to (lon, lat) degrees; NaN where outside the projection's domain."""
        _, inv = _transformers(self.definition)
        lon, lat = inv.transform(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64))
        lon = np.asarray(lon, dtype=np.float64)
        lat = np.asarray(lat, dtype=np.float64)
        bad = ~(np.isfinite(lon) & np.isfinite(lat)) | (np.abs(lat) > 90.0)
        return np.where(bad, np.nan, lon), np.where(bad, np.nan, lat)
