"""Independent answers for the zone-event tests: the drawn track and the drawn boundary computed
with pyproj and shapely's overlay, not with viewer.core's projection or crossing code.

The map draws a segment straight in its projection (the region's Lambert conformal conic by
default) and a zone's edges straight between its projected vertices; these helpers do the same
with a pyproj Transformer and find where the two meet with `shapely.intersection`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer

from viewer.core.constants import REGION_LCC
from viewer.core.tracks import TrackSet

TO_LCC = Transformer.from_crs("EPSG:4326", REGION_LCC, always_xy=True)
FROM_LCC = Transformer.from_crs(REGION_LCC, "EPSG:4326", always_xy=True)


def drawn(lon, lat) -> np.ndarray:
    x, y = TO_LCC.transform(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
    return np.column_stack([np.atleast_1d(x), np.atleast_1d(y)])


def drawn_geometry(geometry: shapely.Geometry) -> shapely.Geometry:
    return shapely.transform(geometry, lambda c: drawn(c[:, 0], c[:, 1]))


def crossing_fractions(a, b, geometry: shapely.Geometry) -> list[float]:
    """Where the drawn segment from lon/lat ``a`` to ``b`` meets the drawn boundary of
    ``geometry`` (a polygon's boundary, or a line), as fractions along the segment, sorted."""
    pa, pb = drawn(*a)[0], drawn(*b)[0]
    seg = shapely.LineString([pa, pb])
    target = geometry.boundary if geometry.geom_type.endswith("Polygon") else geometry
    hit = shapely.intersection(seg, drawn_geometry(target))
    pts = shapely.get_coordinates(hit)
    return sorted(float(f) for f in np.hypot(*(pts - pa).T) / seg.length)


def distance_to_drawn_m(lon, lat, geometry: shapely.Geometry) -> np.ndarray:
    """Distance (LCC metres) from points to the drawn boundary of ``geometry``."""
    target = geometry.boundary if geometry.geom_type.endswith("Polygon") else geometry
    xy = drawn(lon, lat)
    return shapely.distance(drawn_geometry(target), shapely.points(xy))


def tracks(*specs) -> TrackSet:
    """specs: (track_id, [(time, lon, lat), ...], kind); times as pandas-readable text."""
    rows = []
    for tid, fixes, kind in specs:
        for when, lon, lat in fixes:
            rows.append(
                {
                    "track_id": tid,
                    "time": pd.Timestamp(when).tz_convert("UTC")
                    if pd.Timestamp(when).tzinfo
                    else pd.Timestamp(when, tz="UTC"),
                    "lon": lon,
                    "lat": lat,
                    "kind": kind,
                }
            )
    return TrackSet.from_frame(pd.DataFrame(rows))


def seconds(ts: pd.Timestamp | str, since: pd.Timestamp | str) -> float:
    return (pd.Timestamp(ts) - pd.Timestamp(since)).total_seconds()
