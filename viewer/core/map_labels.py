"""What the map names, and how: label candidates for the visible reference layers, Qt-free.

Every zone and line is named by its layer's title in the naming chosen (View > Place names) — or
by what the title adds to another shown layer's ("12 nmi (territorial sea)" among the Senkaku
Islands' names, as the legend indents it):
zones inside their visible part (or along their edge where the name does not fit), lines along
the line; the place-name layer's seas, straits, islands, provinces and cities, and the points of
the other point layers (the Senkaku islets, landmarks), by their names. The painter measures
the texts (``measure(text, style) -> (width, height)`` in pixels, its own fonts per style), draws
what `viewer.core.labels.place_labels` places, and passes its own boxes (track labels, legend,
title) as obstacles.

Priorities (higher first): the median line, the straits (a strait's name has few places, along
its short guide line; a zone's has many), then the zones and the other lines, channels and
seas, islands, provinces, cities, and the points of other layers; within a kind, the names
shown from a lower zoom first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
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
    "strait": 110.0,  # before the zones: a strait's name has few places, a zone's many
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


@dataclass(frozen=True)
class _Name:
    """One name of a layer, worked out once per naming and map date (no view): what it says,
    how it is drawn and its anchor in lon/lat (a point, a line or an area)."""

    key: str
    text: str
    style: str
    kind: str  # POINT, LINE or AREA
    geometry: object  # (lon, lat); a list of (n, 2) lon/lat arrays; a shapely (Multi)Polygon
    priority: float
    min_zoom: float = 0.0
    marker: bool = False
    beside: bool = True
    gap: float = 3.0


def _layer_names(layer: ReferenceLayer, naming: str, when: datetime | None) -> list[_Name]:
    feats = layer.features_at(when)
    if feats.empty:
        return []
    if layer.kind in (ZONE, OVERLAP):
        areas = feats[feats["role"] == ROLE_AREA].geometry.to_numpy()
        if not len(areas):
            return []
        geom = shapely.union_all(areas)
        priority = OVERLAP_PRIORITY if layer.kind == OVERLAP else PRIORITY[STYLE_ZONE]
        return [_Name(layer.id, layer.title(naming), STYLE_ZONE, AREA, geom, priority)]
    if layer.kind == LINE_KIND:
        edges = feats[feats["role"] == ROLE_EDGE].geometry.to_numpy()
        if not len(edges):
            return []
        merged = shapely.union_all(edges)
        merged = shapely.line_merge(merged) if merged.geom_type == "MultiLineString" else merged
        parts = [
            np.asarray(shapely.get_coordinates(part))
            for part in shapely.get_parts(merged)
            if part.geom_type == "LineString"
        ]
        priority = PRIORITY.get(layer.id, PRIORITY[STYLE_LINE])
        return [_Name(layer.id, layer.title(naming), STYLE_LINE, LINE, parts, priority)]
    if layer.kind == POINTS:
        return _point_names(layer, feats, naming)
    return []


def _point_names(layer: ReferenceLayer, feats, naming: str) -> list[_Name]:
    out: list[_Name] = []
    has_place = "place" in feats.columns
    for idx, row in zip(feats.index, feats.to_dict("records"), strict=True):
        role = row["role"]
        if role not in (ROLE_POINT, ROLE_PLACE):
            continue
        text = label_for(row, naming)
        if not text:
            continue
        key = f"{layer.id}:{row.get('id', idx)}"
        geom = row["geometry"]
        if role == ROLE_POINT or not has_place:
            style, min_zoom, marker = STYLE_FEATURE, 0.0, True
        else:
            style = str(row["place"])
            min_zoom = float(row["min_zoom"])
            marker = style == "city"
        priority = PRIORITY.get(style, PRIORITY[STYLE_FEATURE]) - min_zoom
        if geom.geom_type == "LineString":
            line = np.asarray(shapely.get_coordinates(geom))
            out.append(_Name(key, text, style, LINE, [line], priority, min_zoom, gap=0.0))
        else:
            # Beside its marker (cities, points) or beside a small island at its position;
            # centred on the anchor for seas, straits, provinces and large islands.
            beside = marker or (role == ROLE_PLACE and row.get("confidence") == "gazetteer")
            gap = MARKER_GAP if marker else 2.0
            anchor = (float(geom.x), float(geom.y))
            out.append(
                _Name(key, text, style, POINT, anchor, priority, min_zoom, marker, beside, gap)
            )
    return out


class _NameCache:
    """The names of each layer per (naming, features in force): kept between views."""

    def __init__(self) -> None:
        self._names: dict[tuple, tuple[object, list[_Name]]] = {}

    def names(self, layer: ReferenceLayer, naming: str, when: datetime | None) -> list[_Name]:
        live = layer.features_at(when).index if layer.time_bound else None
        key = (layer.id, id(layer.features), naming, tuple(live) if live is not None else None)
        hit = self._names.get(key)
        if hit is None or hit[0] is not layer.features:
            if len(self._names) > 256:
                self._names.clear()
            hit = (layer.features, _layer_names(layer, naming, when))
            self._names[key] = hit
        return hit[1]


_CACHE = _NameCache()


def continues(title: str, parent: str) -> str:
    """What ``title`` adds to ``parent`` when it starts with it and a colon or space ("Senkaku
    / Diaoyu / Diaoyutai Islands: 12 nmi (territorial sea)" -> "12 nmi (territorial sea)"),
    else ""."""
    if not parent or not title.startswith(parent) or len(title) <= len(parent):
        return ""
    rest = title[len(parent) :]
    if rest[0] not in ": ":
        return ""
    return rest.lstrip(": ").strip()


def _short_title(layer_id: str, titles: dict[str, str]) -> str:
    """A layer's name on the map where another layer shown names what it belongs to: only what
    its title adds ("12 nmi (territorial sea)" beside the Senkaku Islands' names); else ""."""
    title = titles[layer_id]
    for other, parent in titles.items():
        if other != layer_id and (rest := continues(title, parent)):
            return rest
    return ""


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
    that style. Features out of force at ``when`` (time-bound layers) are not named. What does
    not depend on the view (the names, the zones' outlines) is worked out once and kept."""
    zoom = view_zoom(view, projection)
    layers = list(layers)
    titles = {layer.id: layer.title(naming) for layer, _ in layers}
    out: list[MapLabel] = []
    for layer, color in layers:
        names = [n for n in _CACHE.names(layer, naming, when) if n.min_zoom <= zoom]
        short = _short_title(layer.id, titles)
        if short:
            names = [replace(n, text=short) if n.key == layer.id else n for n in names]
        points = [n for n in names if n.kind == POINT]
        if points:  # every point of a layer projected at once
            lonlat = np.array([n.geometry for n in points], dtype=float)
            screen = dict(
                zip((n.key for n in points), _screen(lonlat, view, projection), strict=True)
            )
        for name in names:
            size = measure(name.text, name.style)
            geometry: object
            if name.kind == AREA:
                geometry = _screen_polygon(name.geometry, view, projection)
            elif name.kind == LINE:
                geometry = [_screen(part, view, projection) for part in name.geometry]  # type: ignore[attr-defined]
            else:
                sx, sy = screen[name.key]
                geometry = (float(sx), float(sy))
                if not (np.isfinite(sx) and np.isfinite(sy)):
                    geometry = None
            if geometry is None or (name.kind == LINE and not geometry):
                continue
            gap = (
                -size[1] / 2 if name.kind == LINE and name.style not in (STYLE_LINE,) else name.gap
            )
            cand = LabelCandidate(
                name.key, name.text, size, name.kind, geometry, name.priority, name.min_zoom,
                gap, name.beside,
            )  # fmt: skip
            style_color = color if name.style in (STYLE_ZONE, STYLE_LINE) else ""
            out.append(MapLabel(cand, name.style, style_color, name.marker, layer.id))
    return out


__all__ = ["ROLE_PLACE", "MapLabel", "continues", "map_labels", "view_zoom"]
