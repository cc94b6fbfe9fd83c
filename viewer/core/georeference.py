"""Placing a picture on the map: control points, an affine fit with residuals, world files.

A teacher adds the map picture a ministry publishes (or any sketch) as an underlay and pins it to
the map with control points: a spot on the picture (pixel column/row, origin at the top-left
corner of the picture, y down) matched with the same spot on Earth (lon/lat, WGS 84). Three
points fix an affine transform from pixels to the picture's CRS; more are fitted by least squares
and each point's residual is given in pixels and in kilometres (geodesic), so a misplaced point
stands out.

The fit is done in the CRS the picture was drawn in: plate carrée (EPSG:4326, lon/lat degrees) by
default, or Web Mercator (EPSG:3857) for pictures made from web maps. The same transform is what a
world file stores, so `write_world_file` lets QGIS, GDAL or ArcGIS place the picture identically.

>>> pts = [ControlPoint(0, 0, 118.0, 27.0), ControlPoint(100, 0, 124.0, 27.0),
...        ControlPoint(0, 100, 118.0, 21.0)]
>>> fit = fit_affine(pts)
>>> [round(float(v), 3) for v in fit.pixel_to_lonlat(50, 50)]
[121.0, 24.0]
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Final
from xml.sax.saxutils import escape

import numpy as np
from pyproj import CRS, Geod, Transformer

from viewer.core.constants import WEB_MERCATOR, WGS84

FIT_CRSS: Final = (WGS84, WEB_MERCATOR)
AGREE_PX: Final = 1.0  # residuals under a pixel: the points agree, none is singled out
_GEOD = Geod(ellps="WGS84")
# World-file extensions GDAL looks for, by picture extension (GDAL's "worldfile" driver notes).
_WORLD_EXT: Final = {
    ".png": ".pgw",
    ".jpg": ".jgw",
    ".jpeg": ".jgw",
    ".tif": ".tfw",
    ".tiff": ".tfw",
}


class GeoreferenceError(ValueError):
    """The control points cannot place the picture (too few, on one line, out of range)."""


@dataclass(frozen=True)
class ControlPoint:
    """A spot on the picture (``px``, ``py`` in pixels) and where it is on Earth."""

    px: float
    py: float
    lon: float
    lat: float
    enabled: bool = True

    def __post_init__(self) -> None:
        for name in ("px", "py", "lon", "lat"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or not math.isfinite(value):
                raise GeoreferenceError(
                    f"control point {name} must be a finite number; got {value!r}"
                )
        if not -90.0 <= self.lat <= 90.0:
            raise GeoreferenceError(f"latitude must be within -90..90; got {self.lat}")
        if not -180.0 <= self.lon <= 180.0:
            raise GeoreferenceError(f"longitude must be within -180..180; got {self.lon}")


@dataclass(frozen=True)
class AffineFit:
    """``x = a·px + b·py + c``, ``y = d·px + e·py + f`` into ``crs`` (degrees or metres).

    ``residual_px`` / ``residual_km`` hold one value per control point, disabled ones included
    (they are left out of the fit, not of the table: the user sees whether to turn one back on).
    For a point in the fit it is the standardised residual ``e / sqrt(1 - h)``, ``h`` the point's
    leverage: a point near a corner pulls the least-squares fit towards itself and hides its own
    error, and this undoes that, so a single wrong point always has the largest value (removing
    it improves the fit most). For a disabled point it is its plain distance from the fit.
    ``raw_px`` / ``raw_km`` are the plain distances, from which the RMS error is computed."""

    crs: str
    coefficients: tuple[float, float, float, float, float, float]
    points: tuple[ControlPoint, ...]
    residual_px: tuple[float, ...] = field(default=())
    residual_km: tuple[float, ...] = field(default=())
    raw_px: tuple[float, ...] = field(default=())
    raw_km: tuple[float, ...] = field(default=())

    @cached_property
    def _to_lonlat(self) -> Transformer:
        return Transformer.from_crs(self.crs, WGS84, always_xy=True)

    @cached_property
    def _from_lonlat(self) -> Transformer:
        return Transformer.from_crs(WGS84, self.crs, always_xy=True)

    @property
    def matrix(self) -> np.ndarray:
        a, b, c, d, e, f = self.coefficients
        return np.array([[a, b, c], [d, e, f], [0.0, 0.0, 1.0]])

    def pixel_to_crs(self, px, py) -> tuple[np.ndarray, np.ndarray]:
        a, b, c, d, e, f = self.coefficients
        px, py = np.asarray(px, dtype=float), np.asarray(py, dtype=float)
        return a * px + b * py + c, d * px + e * py + f

    def crs_to_pixel(self, x, y) -> tuple[np.ndarray, np.ndarray]:
        inv = np.linalg.inv(self.matrix)
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        return inv[0, 0] * x + inv[0, 1] * y + inv[0, 2], inv[1, 0] * x + inv[1, 1] * y + inv[1, 2]

    def pixel_to_lonlat(self, px, py) -> tuple[np.ndarray, np.ndarray]:
        x, y = self.pixel_to_crs(px, py)
        if self.crs == WGS84:
            return x, y
        lon, lat = self._to_lonlat.transform(x, y)
        return np.asarray(lon), np.asarray(lat)

    def lonlat_to_pixel(self, lon, lat) -> tuple[np.ndarray, np.ndarray]:
        if self.crs == WGS84:
            x, y = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
        else:
            x, y = self._from_lonlat.transform(lon, lat)
        return self.crs_to_pixel(x, y)

    @property
    def rms_px(self) -> float:
        return _rms([r for r, p in zip(self.raw_px, self.points, strict=True) if p.enabled])

    @property
    def rms_km(self) -> float:
        return _rms([r for r, p in zip(self.raw_km, self.points, strict=True) if p.enabled])

    def worst_point(self) -> int | None:
        """Index of the enabled point with the largest residual (the one to check first), or
        None when there is no telling (three points) or every point agrees within a pixel."""
        enabled = [i for i, p in enumerate(self.points) if p.enabled]
        if len(enabled) <= 3:
            return None  # three points fit exactly: no residual to judge by
        worst = max(enabled, key=lambda i: self.residual_px[i])
        return worst if self.residual_px[worst] >= AGREE_PX else None

    def world_file_text(self) -> str:
        """The six lines of an ESRI world file: pixel size and rotation terms, then the centre
        of the top-left pixel (a world file refers to pixel centres; our pixels are corners)."""
        a, b, _c, d, e, _f = self.coefficients
        x0, y0 = self.pixel_to_crs(0.5, 0.5)
        return "\n".join(_fmt(v) for v in (a, d, b, e, float(x0), float(y0))) + "\n"


def _fmt(value: float) -> str:
    return repr(float(value))


def _rms(values: list[float]) -> float:
    return float(math.sqrt(sum(v * v for v in values) / len(values))) if values else 0.0


def fit_affine(
    points: list[ControlPoint] | tuple[ControlPoint, ...], crs: str = WGS84
) -> AffineFit:
    """Least-squares affine transform from the enabled points' pixels to ``crs``.

    Raises `GeoreferenceError` with fewer than three enabled points, or when they lie on (or
    nearly on) one line on the picture, where no affine transform is determined."""
    if crs not in FIT_CRSS:
        raise GeoreferenceError(
            f"the picture's CRS must be one of {', '.join(FIT_CRSS)}; got {crs!r}"
        )
    points = tuple(points)
    used = [p for p in points if p.enabled]
    if len(used) < 3:
        raise GeoreferenceError(
            f"{len(used)} control point(s) in use: place at least 3 (spread over the picture)"
        )
    px = np.array([[p.px, p.py] for p in used], dtype=float)
    design = np.column_stack([px, np.ones(len(used))])
    # Nearly collinear points: the smallest singular value of the centred pixel cloud, relative
    # to the largest, tells how flat the triangle(s) are.
    centred = px - px.mean(axis=0)
    sv = np.linalg.svd(centred, compute_uv=False)
    if sv[0] == 0 or sv[-1] / sv[0] < 1e-3:
        raise GeoreferenceError(
            "the control points lie on one line on the picture: add a point away from that line"
        )
    lonlat = np.array([[p.lon, p.lat] for p in used], dtype=float)
    target = _lonlat_to(crs, lonlat[:, 0], lonlat[:, 1])
    coef, *_ = np.linalg.lstsq(design, target, rcond=None)
    a, d = coef[0]
    b, e = coef[1]
    c, f = coef[2]
    fit = AffineFit(crs, (float(a), float(b), float(c), float(d), float(e), float(f)), points)
    return _with_residuals(fit)


def _lonlat_to(crs: str, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    if crs == WGS84:
        return np.column_stack([lon, lat])
    x, y = Transformer.from_crs(WGS84, crs, always_xy=True).transform(lon, lat)
    return np.column_stack([x, y])


def _with_residuals(fit: AffineFit) -> AffineFit:
    pts = fit.points
    px = np.array([p.px for p in pts])
    py = np.array([p.py for p in pts])
    lon = np.array([p.lon for p in pts])
    lat = np.array([p.lat for p in pts])
    # On the picture: where the fit puts the typed coordinates vs. where the user clicked.
    qx, qy = fit.lonlat_to_pixel(lon, lat)
    res_px = np.hypot(qx - px, qy - py)
    # On Earth: where the fit puts the clicked pixel vs. the typed coordinates (geodesic).
    plon, plat = fit.pixel_to_lonlat(px, py)
    _, _, dist_m = _GEOD.inv(plon, plat, lon, lat)
    res_km = np.atleast_1d(np.asarray(dist_m, dtype=float)) / 1000.0
    # Leverage of each point in the fit: the diagonal of the hat matrix X (X'X)^-1 X'.
    enabled = np.array([p.enabled for p in pts])
    scale = np.ones(len(pts))
    design = np.column_stack([px[enabled], py[enabled], np.ones(int(enabled.sum()))])
    hat = np.einsum("ij,jk,ik->i", design, np.linalg.pinv(design.T @ design), design)
    free = np.clip(1.0 - hat, 0.0, 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        scale[enabled] = np.where(free > 1e-9, 1.0 / np.sqrt(free), 0.0)  # 3 points: exact
    return AffineFit(
        fit.crs,
        fit.coefficients,
        pts,
        tuple(float(v) for v in res_px * scale),
        tuple(float(v) for v in res_km * scale),
        tuple(float(v) for v in res_px),
        tuple(float(v) for v in res_km),
    )


def world_file_path(image: str | Path) -> Path:
    """``map.png`` → ``map.pgw`` (``.wld`` for other picture types), the name GDAL looks for."""
    image = Path(image)
    return image.with_suffix(_WORLD_EXT.get(image.suffix.lower(), ".wld"))


def world_file_paths(image: str | Path) -> list[Path]:
    """The files `write_world_file` writes beside ``image``: its world file and its
    ``.aux.xml``."""
    image = Path(image)
    return [world_file_path(image), image.with_name(image.name + ".aux.xml")]


def write_world_file(fit: AffineFit, image: str | Path) -> list[Path]:
    """Write the world file and a GDAL ``.aux.xml`` sidecar with the CRS beside ``image``.

    Returns the paths written (`world_file_paths`). GDAL (QGIS, rasterio) then opens the
    picture already placed."""
    world, aux = world_file_paths(image)
    world.write_text(fit.world_file_text(), encoding="ascii")
    wkt = CRS.from_user_input(fit.crs).to_wkt()

    aux.write_text(f"<PAMDataset>\n  <SRS>{escape(wkt)}</SRS>\n</PAMDataset>\n", encoding="utf-8")
    return [world, aux]


def image_mesh(
    fit: AffineFit, width: int, height: int, cells: int = 16
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A ``(cells+1)²`` grid over the picture: pixel positions and their lon/lat.

    The picture is drawn cell by cell into any map projection, so it bends with the map exactly
    where the grid is dense enough (16×16 cells keep the error under a pixel at classroom zooms).
    Returns ``px, py, lon, lat`` arrays of shape ``(cells+1, cells+1)``."""
    gx, gy = np.meshgrid(np.linspace(0, width, cells + 1), np.linspace(0, height, cells + 1))
    lon, lat = fit.pixel_to_lonlat(gx, gy)
    return gx, gy, np.asarray(lon), np.asarray(lat)


@dataclass(frozen=True)
class Underlay:
    """A picture under the map layers: its file (relative to the briefing when saved), the
    control points placing it, the CRS it was drawn in, and how it is shown."""

    path: str
    points: tuple[ControlPoint, ...] = ()
    crs: str = WGS84
    opacity: float = 0.6
    visible: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "points", tuple(self.points))
        if not isinstance(self.path, str) or not self.path:
            raise GeoreferenceError("the underlay needs the path of its picture")
        if self.crs not in FIT_CRSS:
            raise GeoreferenceError(f"crs must be one of {', '.join(FIT_CRSS)}; got {self.crs!r}")
        if not 0.0 <= self.opacity <= 1.0:
            raise GeoreferenceError(f"opacity must be within 0..1; got {self.opacity}")

    def fit(self) -> AffineFit | None:
        """The placement, or None while the points do not determine one."""
        try:
            return fit_affine(self.points, self.crs)
        except GeoreferenceError:
            return None
