"""Placing a picture with control points: the affine fit, residuals, world files (GDAL reads)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Transformer

from viewer.core.georeference import (
    ControlPoint,
    GeoreferenceError,
    Underlay,
    fit_affine,
    image_mesh,
    world_file_path,
    write_world_file,
)

# A known transform: 0.01° per pixel east, 0.012° per pixel south, a slight rotation/shear.
TRUE = (0.01, 0.0005, 116.0, -0.0004, -0.012, 28.0)


def true_lonlat(px: float, py: float) -> tuple[float, float]:
    a, b, c, d, e, f = TRUE
    return a * px + b * py + c, d * px + e * py + f


def points_at(pixels, error_at: int | None = None, error_deg: float = 0.0) -> list[ControlPoint]:
    pts = []
    for i, (px, py) in enumerate(pixels):
        lon, lat = true_lonlat(px, py)
        if i == error_at:
            lon += error_deg
        pts.append(ControlPoint(px, py, lon, lat))
    return pts


PIXELS = [(40, 30), (950, 60), (80, 780), (900, 700), (480, 400), (300, 600)]


def test_fit_recovers_a_known_transform_with_zero_residuals() -> None:
    fit = fit_affine(points_at(PIXELS))
    assert np.allclose(fit.coefficients, TRUE, rtol=0, atol=1e-9)
    assert max(fit.residual_px) < 1e-6 and max(fit.residual_km) < 1e-6
    assert fit.rms_px < 1e-6 and fit.rms_km < 1e-6
    lon, lat = fit.pixel_to_lonlat(123.0, 456.0)
    assert (float(lon), float(lat)) == pytest.approx(true_lonlat(123.0, 456.0), abs=1e-9)
    px, py = fit.lonlat_to_pixel(*true_lonlat(123.0, 456.0))
    assert (float(px), float(py)) == pytest.approx((123.0, 456.0), abs=1e-6)


def test_three_points_fit_exactly_and_name_no_worst_point() -> None:
    fit = fit_affine(points_at(PIXELS[:3]))
    assert np.allclose(fit.coefficients, TRUE, atol=1e-9)
    assert fit.worst_point() is None


@pytest.mark.parametrize("bad", range(len(PIXELS)))
def test_a_wrong_point_has_the_largest_residual(bad: int) -> None:
    # 0.3° of longitude (~30 km) off: a click on the wrong island.
    fit = fit_affine(points_at(PIXELS, error_at=bad, error_deg=0.3))
    assert fit.worst_point() == bad
    assert fit.residual_px[bad] == max(fit.residual_px)
    assert fit.residual_km[bad] > 5.0  # km, stands out
    # Turning it off restores the exact fit, and the table still shows its residual.
    pts = [
        ControlPoint(p.px, p.py, p.lon, p.lat, enabled=(i != bad)) for i, p in enumerate(fit.points)
    ]
    refit = fit_affine(pts)
    assert np.allclose(refit.coefficients, TRUE, atol=1e-9)
    expected_km = 0.3 * 111.32 * np.cos(np.radians(pts[bad].lat))
    assert refit.residual_km[bad] == pytest.approx(expected_km, rel=0.02)
    assert refit.rms_km < 1e-6


def test_residual_km_is_geodesic() -> None:
    # One degree of longitude off at 25°N is 100.95 km on the WGS 84 ellipsoid, not 111 km.
    pts = [*points_at(PIXELS[:3]), ControlPoint(500, 500, *true_lonlat(500, 500))]
    far = ControlPoint(500, 500, true_lonlat(500, 500)[0] + 1.0, true_lonlat(500, 500)[1], False)
    fit = fit_affine([*pts, far])
    lat = far.lat
    assert fit.residual_km[-1] == pytest.approx(111.32 * np.cos(np.radians(lat)), rel=0.01)


def test_web_mercator_fit_recovers_a_mercator_picture() -> None:
    to_merc = Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True)
    to_ll = Transformer.from_crs("EPSG:3857", "EPSG:4326", always_xy=True)
    x0, y0 = to_merc.transform(116.0, 28.0)
    res = 1500.0  # metres per pixel
    pts = []
    for px, py in PIXELS:
        lon, lat = to_ll.transform(x0 + res * px, y0 - res * py)
        pts.append(ControlPoint(px, py, float(lon), float(lat)))
    merc = fit_affine(pts, "EPSG:3857")
    assert np.allclose(merc.coefficients, (res, 0, x0, 0, -res, y0), atol=1e-4)
    assert merc.rms_px < 1e-6
    # The same points fitted as plate carrée leave residuals: the picture is not lon/lat.
    assert fit_affine(pts).rms_px > 1.0


@pytest.mark.parametrize(
    ("pixels", "message"),
    [
        ([(0, 0), (10, 10)], "at least 3"),
        ([(0, 0), (10, 10), (20, 20), (30, 30.001)], "on one line"),
        ([(5, 5), (5, 5), (5, 5)], "on one line"),
    ],
)
def test_points_that_cannot_place_a_picture_are_refused(pixels, message) -> None:
    with pytest.raises(GeoreferenceError, match=message):
        fit_affine(points_at(pixels))


def test_bad_control_points_and_crs_are_refused() -> None:
    with pytest.raises(GeoreferenceError, match="latitude"):
        ControlPoint(0, 0, 120.0, 95.0)
    with pytest.raises(GeoreferenceError, match="finite"):
        ControlPoint(float("nan"), 0, 120.0, 20.0)
    with pytest.raises(GeoreferenceError, match="EPSG:4326"):
        fit_affine(points_at(PIXELS), "EPSG:32651")
    assert Underlay("x.png", tuple(points_at(PIXELS[:2]))).fit() is None
    assert Underlay("x.png", tuple(points_at(PIXELS))).fit() is not None


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(0, 2000), st.floats(0, 2000)), min_size=3, max_size=12, unique=True
    )
)
def test_pixel_lonlat_round_trip_whenever_a_fit_exists(pixels) -> None:
    try:
        fit = fit_affine(points_at(pixels))
    except GeoreferenceError:
        return
    px, py = fit.lonlat_to_pixel(*fit.pixel_to_lonlat(777.0, 333.0))
    assert (float(px), float(py)) == pytest.approx((777.0, 333.0), abs=1e-6)


def white_png(width: int, height: int) -> bytes:
    """A white greyscale PNG written by hand (PNG spec: signature, IHDR, IDAT, IEND)."""
    import struct
    import zlib

    def chunk(tag: bytes, data: bytes) -> bytes:
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xff" * width for _ in range(height))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    head = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
    return head + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def test_world_file_is_what_gdal_reads(tmp_path) -> None:
    """GDAL (through rasterio) opens the picture placed where the fit says, in its CRS."""
    rasterio = pytest.importorskip("rasterio", reason="rasterio is in the [test] extra")
    image = tmp_path / "mnd map.png"
    image.write_bytes(white_png(1000, 800))
    fit = fit_affine(points_at(PIXELS))
    written = write_world_file(fit, image)
    assert written[0] == world_file_path(image) == tmp_path / "mnd map.pgw"
    with rasterio.open(image) as src:
        t = src.transform
        assert (t.a, t.b, t.c, t.d, t.e, t.f) == pytest.approx(fit.coefficients, abs=1e-9)
        assert src.crs.to_epsg() == 4326
        # The pixel centre GDAL gives for row 400, column 500 is where the fit puts it.
        x, y = src.xy(400, 500)
        lon, lat = fit.pixel_to_lonlat(500.5, 400.5)
        assert (x, y) == pytest.approx((float(lon), float(lat)), abs=1e-9)


def test_mesh_follows_the_fit() -> None:
    fit = fit_affine(points_at(PIXELS))
    px, py, lon, lat = image_mesh(fit, 1000, 800, cells=4)
    assert px.shape == (5, 5) and px[0, -1] == 1000 and py[-1, 0] == 800
    assert (lon[2, 3], lat[2, 3]) == pytest.approx(true_lonlat(750, 400))
