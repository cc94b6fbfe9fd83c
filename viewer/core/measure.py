"""Measurements for a briefing: geodesic range and bearing, range rings, and a track's closest
approach to a place — all on the WGS 84 ellipsoid (pyproj `Geod`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import shapely

from viewer.core.basemap import GshhgResolution
from viewer.core.constants import NMI_IN_M
from viewer.core.geodesy import WGS84_GEOD, distance_m, geodesic_circle
from viewer.core.tracks import TrackSet
from viewer.core.units import NMI, format_distance


@dataclass(frozen=True)
class RangeBearing:
    metres: float
    bearing_deg: float  # initial true bearing from the first point, [0, 360)
    back_bearing_deg: float  # true bearing from the second point back to the first

    @property
    def nmi(self) -> float:
        return self.metres / NMI_IN_M

    @property
    def km(self) -> float:
        return self.metres / 1000.0

    def text(self, unit: str = NMI) -> str:
        """Range in ``unit`` (nmi or km) and true bearing, e.g. "67.9 nmi, bearing 071.2° true"."""
        return f"{format_distance(self.metres, unit)}, bearing {self.bearing_deg:05.1f}° true"


def range_and_bearing(lon1: float, lat1: float, lon2: float, lat2: float) -> RangeBearing:
    az, back, dist = WGS84_GEOD.inv(lon1, lat1, lon2, lat2)
    return RangeBearing(float(dist), float(az) % 360.0, float(back) % 360.0)


def range_rings(
    lon: float, lat: float, step_nmi: float, count: int, n: int = 180
) -> list[tuple[float, np.ndarray]]:
    """``count`` geodesic rings every ``step_nmi`` around a point: [(radius_nmi, lon/lat ring)]."""
    if step_nmi <= 0 or count < 1:
        raise ValueError(f"rings need a positive step and count; got {step_nmi} nmi x {count}")
    return [
        (k * step_nmi, geodesic_circle(lon, lat, k * step_nmi * NMI_IN_M, n))
        for k in range(1, count + 1)
    ]


@dataclass(frozen=True)
class ClosestApproach:
    time: float  # epoch seconds of the closest fix
    metres: float
    lon: float  # the fix
    lat: float

    @property
    def nmi(self) -> float:
        return self.metres / NMI_IN_M


def closest_approach(ts: TrackSet, track: int, geometry: shapely.Geometry) -> ClosestApproach:
    """The fix of ``track`` nearest to a lon/lat geometry, with the geodesic distance to it.

    For each fix, the nearest point of the geometry is found in lon/lat (shapely), then the
    distance to it is measured geodesically; a fix inside a polygon is 0 m away.
    """
    s = ts.track_slice(track)
    lon, lat = ts.lon[s], ts.lat[s]
    pts = shapely.points(lon, lat)
    nearest = shapely.get_coordinates(shapely.shortest_line(pts, geometry))[1::2]
    d = distance_m(lon, lat, nearest[:, 0], nearest[:, 1])
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        d = np.where(shapely.contains_xy(geometry, lon, lat), 0.0, d)
    k = int(np.argmin(d))
    return ClosestApproach(float(ts.t[s][k]), float(d[k]), float(lon[k]), float(lat[k]))


@lru_cache(maxsize=1)
def approach_places() -> dict[str, shapely.Geometry]:
    """The places a track's closest approach is reported for: Taiwan's coastline (GSHHG high
    resolution, main island), Yonaguni's west cape and Uotsuri-jima (published positions)."""
    high = GshhgResolution("h")
    taiwan = None
    for i in high.select(120.0, 21.8, 122.1, 25.4):
        ring = high.ring(int(i))
        if high.level[i] == 1 and len(ring) > 500:
            poly = shapely.Polygon(ring)
            if poly.contains(shapely.Point(121.0, 23.7)):
                taiwan = poly
                break
    places = {
        "Yonaguni (Irizaki)": shapely.Point(122.93361, 24.44944),
        "Uotsuri-jima": shapely.Point(123.47333, 25.74333),
    }
    if taiwan is not None:
        places = {"Taiwan (coast)": taiwan, **places}
    return places
