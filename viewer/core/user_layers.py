"""A user's own vector file (GeoJSON, GeoPackage, Shapefile, KML, ...) as an extra map layer.

Read through pyogrio (GDAL), re-projected to lon/lat, and turned into a `ReferenceLayer` whose
polygons are zones the analysis can use, lines are lines and points are labelled markers.
"""

from __future__ import annotations

from pathlib import Path

from viewer.core.catalog import (
    LINE_KIND,
    POINTS,
    ROLE_AREA,
    ROLE_EDGE,
    ROLE_POINT,
    ZONE,
    LayerStyle,
    ReferenceLayer,
    SourceRef,
)

# Deferred on purpose: geopandas, pyogrio (heavy: read only when the user adds a layer file).

USER_CONFIDENCE = "user"
NAME_COLUMNS = ("name", "Name", "NAME", "label", "title", "id")


class LayerFileError(ValueError):
    """A vector file that cannot become a layer; the message names the file and the reason."""


def read_user_layer(path: str | Path, color: str = "#7B3294") -> ReferenceLayer:
    import geopandas as gpd
    import pyogrio

    path = Path(path)
    if not path.exists():
        raise LayerFileError(f"{path}: no such file")
    if path.stat().st_size == 0:
        raise LayerFileError(f"{path}: the file is empty (0 bytes); expected a vector file")
    try:
        gdf = pyogrio.read_dataframe(path)
    except Exception as exc:  # GDAL raises several types; all mean "not a readable vector file"
        raise LayerFileError(
            f"{path}: cannot read as a vector layer (GeoJSON, GeoPackage, Shapefile, KML, "
            f"FlatGeobuf...): {exc}"
        ) from None
    if not isinstance(gdf, gpd.GeoDataFrame) or gdf.geometry.isna().all() or len(gdf) == 0:
        raise LayerFileError(f"{path}: the file has no geometries to draw")
    if gdf.crs is None:
        gdf = gdf.set_crs("EPSG:4326")  # GeoJSON / KML are lon/lat by definition
    gdf = gdf.to_crs("EPSG:4326")
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty].copy()
    kinds = set(gdf.geometry.geom_type.str.replace("Multi", ""))
    if kinds <= {"Polygon"}:
        kind, role = ZONE, ROLE_AREA
    elif kinds <= {"LineString", "LinearRing"}:
        kind, role = LINE_KIND, ROLE_EDGE
    elif kinds <= {"Point"}:
        kind, role = POINTS, ROLE_POINT
    else:
        raise LayerFileError(
            f"{path}: mixes geometry types {sorted(kinds)}; expected only polygons, only lines "
            "or only points (split the file by type)"
        )
    name_col = next((c for c in NAME_COLUMNS if c in gdf.columns), None)
    features = gpd.GeoDataFrame(
        {
            "role": role,
            "confidence": USER_CONFIDENCE,
            "note": f"from {path.name}",
            "name_en": gdf[name_col].astype(str).to_numpy() if name_col else "",
        },
        geometry=gdf.geometry.to_numpy(),
        crs="EPSG:4326",
    )
    source = SourceRef("user", "User file", str(path), "")
    return ReferenceLayer(
        id=f"user:{path.name}",
        kind=kind,
        group="My layers",
        titles={"en": path.stem},
        style=LayerStyle(color=color, fill_alpha=0.12, width=1.5),
        visible=True,
        sources=(source,),
        date="",
        partial=False,
        analysis=kind in (ZONE, LINE_KIND),
        note=f"Added by the user from {path}",
        features=features,
    )
