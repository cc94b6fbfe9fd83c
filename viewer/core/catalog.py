"""The reference-layer catalog: `layers/manifest.json` plus its GeoJSON files, as geopandas layers.

Each layer carries its sources, date, confidence per edge and style. Derived layers (the Senkaku
12/24 nmi zones, the Taiwan/China ADIZ overlap) are computed here, geodesically, when the catalog
loads: they are never hand-drawn.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely

from viewer.core import package_data
from viewer.core.constants import (
    CONFIDENCE_UNCERTAIN,
    CONFIDENCE_WORDS,
    NAMING_ALL,
    NAMING_EN,
    NMI_IN_M,
)
from viewer.core.geodesy import WGS84_GEOD, geodesic_buffer
from viewer.core.zone_types import AREA, LINE, Zone

if TYPE_CHECKING:
    import geopandas as gpd

# Deferred on purpose: pandas, geopandas (heavy: imported by the functions that use them, so
# importing the module stays quick (STYLE 12)).

ZONE, LINE_KIND, POINTS, OVERLAP = "zone", "line", "points", "overlap"
LAYER_KINDS = (ZONE, LINE_KIND, POINTS, OVERLAP)
ROLE_AREA, ROLE_EDGE, ROLE_POINT = "area", "edge", "point"
DENSIFY_DEG = 0.05  # straight edges are densified in lon/lat for drawing and analysis alike


def default_layers_dir() -> Path:
    """The bundled catalog (`viewer.core.package_data`, the one data lookup)."""
    return package_data.layers_dir()


@dataclass(frozen=True)
class LayerStyle:
    color: str = "#333333"
    fill_alpha: float = 0.1
    width: float = 1.5


@dataclass(frozen=True)
class SourceRef:
    id: str
    publisher: str
    document: str
    date: str

    def citation(self) -> str:
        return f"[{self.id}] {self.publisher}: {self.document} ({self.date})"


@dataclass
class ReferenceLayer:
    """One layer of the catalog: features in lon/lat (a GeoDataFrame) and what the panel shows."""

    id: str
    kind: str
    group: str
    titles: dict[str, str]
    style: LayerStyle
    visible: bool
    sources: tuple[SourceRef, ...]
    date: str
    partial: bool
    analysis: bool
    note: str
    features: gpd.GeoDataFrame
    time_bound: bool = False
    # parts whose area the info gives beside a published figure (manifest ``areas``)
    areas: tuple[dict[str, Any], ...] = ()
    derived: dict[str, Any] = field(default_factory=dict)
    # a line drawn between published ends only: how far other drawings of it lie (metres)
    drawing_uncertainty_m: float = 0.0

    def title(self, naming: str = NAMING_EN) -> str:
        if naming == NAMING_ALL:
            return " · ".join(dict.fromkeys(self.titles.values()))
        return self.titles.get(naming) or self.titles[NAMING_EN]

    @property
    def has_uncertain_edges(self) -> bool:
        edges = self.features[self.features["role"] == ROLE_EDGE]
        return bool((edges["confidence"] == CONFIDENCE_UNCERTAIN).any())

    def confidence_summary(self) -> str:
        """e.g. 'official 2 edges, approximate 3 edges' (what the info panel shows)."""
        edges = self.features[self.features["role"] == ROLE_EDGE]
        if edges.empty:
            counts = self.features["confidence"].value_counts()
            noun = "points" if self.kind == POINTS else "parts"
        else:
            counts = edges["confidence"].value_counts()
            noun = "edges"
        parts = [f"{CONFIDENCE_WORDS.get(str(c), str(c))} {n} {noun}" for c, n in counts.items()]
        return ", ".join(parts) if parts else "derived"

    def info_text(self, naming: str = NAMING_EN) -> str:
        """Plain text for the info panel and tooltip: title, status, date, sources, note."""
        lines = [self.title(naming)]
        status = ["partial" if self.partial else "", "derived" if self.derived else ""]
        status = [s for s in status if s]
        lines.append(
            f"Confidence: {self.confidence_summary()}"
            + (f" ({', '.join(status)})" if status else "")
        )
        lines.append(f"Date: {self.date}")
        if self.kind in (ZONE, OVERLAP):
            areas = self.features[self.features["role"] == ROLE_AREA].geometry
            km2 = sum(geodesic_area_km2(g) for g in areas)
            if self.areas:
                lines.extend(self._part_area_lines())
            else:
                lines.append(f"Area (computed, geodesic, as drawn): {km2:,.0f} km²")
        lines.extend(f"Source {s.citation()}" for s in self.sources)
        lines.append(self.note)
        return "\n".join(lines)

    def part_areas_km2(self, catalog: Catalog | None = None) -> list[tuple[dict[str, Any], float]]:
        """Each of the manifest's ``areas`` with its geodesic area as drawn (km²): the whole
        layer, or the part east of a line layer (``east_of``, the line extended straight past its
        ends) and south of a parallel (``south_of_lat``)."""
        geom = shapely.union_all(
            self.features[self.features["role"] == ROLE_AREA].geometry.to_numpy()
        )
        out = []
        for spec in self.areas:
            part = geom
            if "east_of" in spec:
                line = (catalog or load_catalog()).layer(spec["east_of"]).features.geometry
                part = shapely.intersection(part, _east_side(shapely.union_all(line.to_numpy())))
            if "south_of_lat" in spec:
                part = shapely.clip_by_rect(part, -180.0, -90.0, 180.0, float(spec["south_of_lat"]))
            out.append((spec, geodesic_area_km2(part)))
        return out

    def _part_area_lines(self) -> list[str]:
        if not self.areas:
            return []
        lines = []
        for spec, km2 in self.part_areas_km2():
            text = f"Area of the {spec['label']}: {km2:,.0f} km² (computed, geodesic, as drawn)"
            if "published_km2" in spec:
                text += f"; published: about {spec['published_km2']:,} km² ({spec['published_by']})"
            lines.append(text)
        return lines

    def features_at(self, when: datetime | None) -> gpd.GeoDataFrame:
        """The features in force at ``when`` (all of them when None)."""
        if when is None or "valid_from" not in self.features.columns:
            return self.features
        import pandas as pd

        ts = pd.Timestamp(when)
        ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts
        start = self.features["valid_from"]
        end = self.features["valid_to"]
        keep = (start.isna() | (start <= ts)) & (end.isna() | (end > ts))
        return self.features[keep]


@dataclass
class Catalog:
    layers: list[ReferenceLayer]
    sources: dict[str, SourceRef]
    not_drawn: list[dict[str, str]]
    folder: Path

    def layer(self, layer_id: str) -> ReferenceLayer:
        for layer in self.layers:
            if layer.id == layer_id:
                return layer
        raise KeyError(f"no layer {layer_id!r}; layers are {[la.id for la in self.layers]}")

    def analysis_zones(self, at: datetime | None = None) -> list[Zone]:
        """The zones events are computed against: every area of an analysis layer, and lines."""
        zones: list[Zone] = []
        for layer in self.layers:
            if not layer.analysis:
                continue
            feats = layer.features_at(at)
            approximate = layer.has_uncertain_edges
            if layer.kind == ZONE:
                areas = feats[feats["role"] == ROLE_AREA]
                for _, row in areas.iterrows():
                    suffix = (
                        f":{row['zone']}" if "zone" in row and isinstance(row["zone"], str) else ""
                    )
                    zones.append(
                        Zone(
                            id=f"{layer.id}{suffix}",
                            title=layer.title() + (f" ({row['zone']})" if suffix else ""),
                            kind=AREA,
                            geometry=row.geometry,
                            approximate=approximate,
                            valid_from=_dt(row.get("valid_from")),
                            valid_to=_dt(row.get("valid_to")),
                        )
                    )
            elif layer.kind == LINE_KIND:
                lines = shapely.line_merge(shapely.union_all(feats.geometry.to_numpy()))
                zones.append(
                    Zone(
                        layer.id,
                        layer.title(),
                        LINE,
                        lines,
                        approximate=approximate,
                        drawing_uncertainty_m=layer.drawing_uncertainty_m,
                    )
                )
        return zones


def _dt(value: Any) -> datetime | None:
    if value is None:
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value.to_pydatetime() if hasattr(value, "to_pydatetime") else value


@lru_cache(maxsize=4)
def load_catalog(folder: Path | None = None) -> Catalog:
    """Read the manifest and every layer; compute the derived ones. Cached per folder."""
    import geopandas as gpd
    import pandas as pd

    folder = Path(folder) if folder else default_layers_dir()
    manifest_path = folder / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{manifest_path}: cannot read the layer manifest ({exc})") from None
    sources = {
        sid: SourceRef(sid, s["publisher"], s["document"], s["date"])
        for sid, s in manifest["sources"].items()
    }
    layers: list[ReferenceLayer] = []
    by_id: dict[str, ReferenceLayer] = {}
    for entry in manifest["layers"]:
        if "file" in entry:
            features = _read_features(folder / entry["file"])
        else:
            features = _derived_features(entry["derived"], by_id)
        for col in ("valid_from", "valid_to"):
            if col in features.columns:
                features[col] = pd.to_datetime(features[col], utc=True)
        layer = ReferenceLayer(
            id=entry["id"],
            kind=entry["kind"],
            group=entry["group"],
            titles=entry["title"],
            style=LayerStyle(**entry["style"]),
            visible=bool(entry.get("visible", True)),
            sources=tuple(sources[s] for s in entry["sources"]),
            date=entry["date"],
            partial=bool(entry.get("partial", False)),
            analysis=bool(entry.get("analysis", False)),
            note=entry["note"],
            features=features,
            time_bound=bool(entry.get("time_bound", False)),
            areas=tuple(entry.get("areas", ())),
            derived=entry.get("derived", {}),
            drawing_uncertainty_m=float(entry.get("drawing_uncertainty_m", 0.0)),
        )
        layers.append(layer)
        by_id[layer.id] = layer
    del gpd
    return Catalog(layers, sources, manifest.get("not_drawn", []), folder)


def _read_features(path: Path) -> gpd.GeoDataFrame:
    import geopandas as gpd

    doc = json.loads(path.read_text(encoding="utf-8"))
    gdf = gpd.GeoDataFrame.from_features(doc["features"], crs="EPSG:4326")
    densified = shapely.segmentize(gdf.geometry.to_numpy(), DENSIFY_DEG)
    return gdf.set_geometry(gpd.GeoSeries(densified, index=gdf.index, crs="EPSG:4326"))


def _derived_features(spec: dict[str, Any], by_id: dict[str, ReferenceLayer]) -> gpd.GeoDataFrame:
    import geopandas as gpd

    if "buffer_nmi" in spec:
        points = by_id[spec["from"]].features.geometry
        centres = shapely.MultiPoint(list(points))
        geom = geodesic_buffer(centres, spec["buffer_nmi"] * NMI_IN_M)
        if "minus_nmi" in spec:
            geom = geom.difference(geodesic_buffer(centres, spec["minus_nmi"] * NMI_IN_M))
        note = f"derived: geodesic {spec['buffer_nmi']} nmi buffer of the published positions"
    elif "intersection" in spec:
        a, b = (by_id[i].features for i in spec["intersection"])
        geom = shapely.intersection(
            shapely.union_all(a[a["role"] == ROLE_AREA].geometry.to_numpy()),
            shapely.union_all(b[b["role"] == ROLE_AREA].geometry.to_numpy()),
        )
        note = "derived: intersection of " + " and ".join(spec["intersection"])
    else:
        raise ValueError(f"unknown derived-layer spec {spec!r}")
    return gpd.GeoDataFrame(
        {"role": [ROLE_AREA], "confidence": ["derived"], "note": [note]},
        geometry=[geom],
        crs="EPSG:4326",
    )


def _east_side(line: shapely.Geometry) -> shapely.Polygon:
    """The half-plane (in lon/lat, within 60° of the line) east of a straight line: the side
    to its right walking north. The line is taken from its southern to its northern end."""
    xy = shapely.get_coordinates(line)
    (x0, y0), (x1, y1) = sorted((tuple(xy[0]), tuple(xy[-1])), key=lambda p: p[1])
    dx, dy = x1 - x0, y1 - y0
    n = float(np.hypot(dx, dy))
    ux, uy, far = dx / n, dy / n, 60.0
    a = (x0 - ux * far, y0 - uy * far)
    b = (x1 + ux * far, y1 + uy * far)
    # right of the direction of travel (north-east): the normal (uy, -ux)
    return shapely.Polygon(
        [a, b, (b[0] + uy * far, b[1] - ux * far), (a[0] + uy * far, a[1] - ux * far)]
    )


def geodesic_area_km2(geometry: shapely.Geometry) -> float:
    """Area on the WGS 84 ellipsoid, km² (pyproj Geod)."""
    area, _ = WGS84_GEOD.geometry_area_perimeter(geometry)
    return abs(float(area)) / 1e6


def label_for(row: Any, naming: str) -> str:
    """A point feature's name in a naming usage ('all' joins the distinct names)."""
    names = {k: str(row.get(f"name_{k}") or "") for k in ("en", "ja", "zh_CN", "zh_TW")}
    if naming == NAMING_ALL:
        return " / ".join(dict.fromkeys(v for v in names.values() if v))
    return names.get(naming) or names["en"]


__all__ = ["Catalog", "ReferenceLayer", "geodesic_area_km2", "label_for", "load_catalog", "np"]
