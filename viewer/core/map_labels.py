"""What the map names, and how: label candidates for the visible reference layers, Qt-free.

Every zone and line is named by its layer's title in the naming chosen (View > Place names):
zones inside their visible part (or along their edge where the name does not fit), lines along
the line; the place-name layer's seas, straits, islands, provinces and cities, and the points of
the other point layers (the Senkaku islets, landmarks), by their names. The painter measures
the texts (``measure(text, style) -> (width, height)`` in pixels, its own fonts per style), draws
what `viewer.core.labels.place_labels` places, and passes its own boxes (track labels, legend,
title) as obstacles.

Priorities (higher first): the median line, then the zones and the other lines, straits and
seas, islands, provinces, cities, and the points of other layers; within a kind, the names
shown from a lower zoom first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import shapely

from viewer.core.catalog import (
    LINE_KIND,
    OVERLAP,
    POINTS,
    ROLE_AREA,
    ROLE_EDGE,
    ROLE_POINT,
    ZONE,
    ReferenceLayer,
    label_for,
)
from viewer.core.geodesy import distance_m
from viewer.core.labels import AREA, LINE, POINT, LabelCandidate, zoom_level
from viewer.core.projection import Projection
from viewer.core.view import MapView

ROLE_PLACE = "place"  # a feature of the place-name layer (layers/place_names.py)
# Label styles: the painter picks a font and a colour for each.
STYLE_ZONE, STYLE_LINE, STYLE_FEATURE = "zone", "line", "feature"
PLACE_STYLES = ("sea", "strait", "channel", "island", "islands", "province", "city")
PRIORITY = {
    "median_line": 120.0,
    STYLE_LINE: 105.0,
    STYLE_ZONE: 100.0,
    "strait": 70.0,
    "channel": 68.0,
    "sea": 66.0,
    "island": 50.0,
    "islands": 50.0,
    "province": 45.0,
    "city": 40.0,
    STYLE_FEATURE: 20.0,
}
OVERLAP_PRIORITY = 60.0  # an overlap's name after the zones it is the overlap of
MARKER_GAP = 6.0  # pixels between a marker's centre and its label


@dataclass(frozen=True)
class MapLabel:
    """A candidate and how to draw it: ``style`` (font class), ``color`` (the layer's colour for
    zone and line names, "" for the theme's text colour) and whether the anchor has a marker."""

    candidate: LabelCandidate
    style: str
    color: str = ""
    marker: bool = False
    layer_id: str = ""


def view_zoom(view: MapView, projection: Projection) -> float:
    """The web-map zoom level (`viewer.core.labels.zoom_level`) of the ground resolution at the
    view's centre (geodesic), falling back to the nominal scale where the centre is off the
    projection's domain."""
    cx, cy = view.width / 2.0, view.height / 2.0
    mx, my = view.to_map(np.array([cx - 50.0, cx + 50.0]), np.array([cy, cy]))
    lon, lat = projection.inverse(mx, my)
    m_per_px = view.scale / projection.units_per_metre
    if np.isfinite(lon).all() and np.isfinite(lat).all():
        d = float(distance_m(lon[0], lat[0], lon[1], lat[1])) / 100.0
        if d > 0:
            m_per_px = d
    return zoom_level(m_per_px)


def _screen(coords: np.ndarray, view: MapView, projection: Projection) -> np.ndarray:
    x, y = projection.forward(coords[:, 0], coords[:, 1])
    sx, sy = view.to_screen(x, y)
    return np.column_stack([sx, sy])


def _screen_polygon(geom, view: MapView, projection: Projection):
    polys = []
    for part in shapely.get_parts(geom):
        if part.geom_type != "Polygon":
            continue
        rings = [
            _screen(np.asarray(shapely.get_coordinates(r)), view, projection)
            for r in (part.exterior, *part.interiors)
        ]
        rings = [r for r in rings if np.isfinite(r).all() and len(r) >= 4]
        if rings:
            polys.append(shapely.Polygon(rings[0], rings[1:]))
    if not polys:
        return None
    out = shapely.make_valid(shapely.union_all(polys))
    return None if out.is_empty else out


def _screen_lines(geom, view: MapView, projection: Projection) -> list[np.ndarray]:
    merged = shapely.line_merge(geom) if geom.geom_type == "MultiLineString" else geom
    return [
        _screen(np.asarray(shapely.get_coordinates(part)), view, projection)
        for part in shapely.get_parts(merged)
        if part.geom_type == "LineString"
    ]


def map_labels(
    layers: Iterable[tuple[ReferenceLayer, str]],
    view: MapView,
    projection: Projection,
    naming: str,
    when: datetime | None,
    measure: Callable[[str, str], tuple[float, float]],
) -> list[MapLabel]:
    """Label candidates for ``layers`` ((layer, colour) of each visible layer) in a view.

    ``measure(text, style)`` gives a text's (width, height) in pixels in the painter's font for
    that style. Features out of force at ``when`` (time-bound layers) are not named."""
    out: list[MapLabel] = []
    for layer, color in layers:
        feats = layer.features_at(when)
        if feats.empty:
            continue
        if layer.kind in (ZONE, OVERLAP):
            areas = feats[feats["role"] == ROLE_AREA]
            geom = _screen_polygon(shapely.union_all(areas.geometry.to_numpy()), view, projection)
            if geom is None:
                continue
            text = layer.title(naming)
            priority = OVERLAP_PRIORITY if layer.kind == OVERLAP else PRIORITY[STYLE_ZONE]
            cand = LabelCandidate(
                layer.id, text, measure(text, STYLE_ZONE), AREA, geom, priority, gap=3.0
            )
            out.append(MapLabel(cand, STYLE_ZONE, color, layer_id=layer.id))
        elif layer.kind == LINE_KIND:
            edges = feats[feats["role"] == ROLE_EDGE]
            pieces = _screen_lines(shapely.union_all(edges.geometry.to_numpy()), view, projection)
            if not pieces:
                continue
            text = layer.title(naming)
            priority = PRIORITY.get(layer.id, PRIORITY[STYLE_LINE])
            cand = LabelCandidate(
                layer.id, text, measure(text, STYLE_LINE), LINE, pieces, priority, gap=3.0
            )
            out.append(MapLabel(cand, STYLE_LINE, color, layer_id=layer.id))
        elif layer.kind == POINTS:
            out += _point_labels(layer, feats, view, projection, naming, measure)
    return out


def _point_labels(layer, feats, view, projection, naming, measure) -> list[MapLabel]:
    out: list[MapLabel] = []
    for idx, row in feats.iterrows():
        role = row["role"]
        if role not in (ROLE_POINT, ROLE_PLACE):
            continue
        text = label_for(row, naming)
        if not text:
            continue
        key = f"{layer.id}:{row.get('id', idx)}"
        geom = row.geometry
        if role == ROLE_POINT:
            style, min_zoom, marker = STYLE_FEATURE, 0.0, True
        else:
            style = str(row["place"])
            min_zoom = float(row["min_zoom"])
            marker = style == "city"
        priority = PRIORITY.get(style, PRIORITY[STYLE_FEATURE]) - min_zoom
        size = measure(text, style)
        if geom.geom_type == "LineString":
            xy = _screen(np.asarray(shapely.get_coordinates(geom)), view, projection)
            cand = LabelCandidate(key, text, size, LINE, [xy], priority, min_zoom, gap=-size[1] / 2)
        else:
            ((sx, sy),) = _screen(np.array([[geom.x, geom.y]]), view, projection)
            if not (np.isfinite(sx) and np.isfinite(sy)):
                continue
            # Beside its marker (cities, points) or beside a small island at its position;
            # centred on the anchor for seas, straits, provinces and large islands.
            beside = marker or (role == ROLE_PLACE and row["confidence"] == "gazetteer")
            gap = MARKER_GAP if marker else 2.0
            cand = LabelCandidate(key, text, size, POINT, (sx, sy), priority, min_zoom, gap, beside)
        out.append(MapLabel(cand, style, marker=marker, layer_id=layer.id))
    return out


__all__ = ["ROLE_PLACE", "MapLabel", "map_labels", "view_zoom"]
