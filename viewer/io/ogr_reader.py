"""GIS files (GeoPackage, Shapefile, FlatGeobuf via pyogrio) and Parquet / GeoParquet (pyarrow),
including a folder of partitioned Parquet files read lazily with the time range pushed down."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from viewer.core.constants import ALT_M, LAT, LON, SPEED_KT, TIME
from viewer.io.columns import DATE, detect_columns, names_not_directions, settle_units
from viewer.io.normalize import finish_frame
from viewer.io.report import ImportCancelled, ImportReport, TrackImportError
from viewer.io.schemas import apply_schema

# Deferred on purpose: pandas, pyarrow, pyogrio, shapely (heavy: imported by the functions that
# use them, so importing the module stays quick (STYLE 12)).


def _attributes_to_raw(df, path: Path, options, report: ImportReport, lon=None, lat=None):
    """A table of attributes (a GIS file's, Parquet's, JSON records') -> the raw canonical table:
    columns recognised (a known source's schema, else name by name), the source's conventions
    applied, units converted (a guessed unit asked about or warned about)."""
    import pandas as pd

    names = [str(c) for c in df.columns if c != "geometry"]
    try:
        cmap = detect_columns(names, options.column_map, options.altitude_unit, options.speed_unit)
    except ValueError as exc:
        raise TrackImportError(path, str(exc)) from None
    if TIME not in cmap.columns and DATE not in cmap.columns:
        raise TrackImportError(
            path,
            f"no time attribute: fields are {names}; expected a field such as time or timestamp",
        )
    if not options.column_map:
        named = names_not_directions(cmap, lambda col: df[col].head(1000).tolist())
        if named:
            report.notice(named)
    raw = df[list(dict.fromkeys(cmap.columns.values()))].copy()
    raw.columns = [str(c) for c in raw.columns]
    raw = pd.DataFrame({canon: raw[col] for canon, col in cmap.columns.items()})
    if lon is not None:
        raw[LON], raw[LAT] = lon, lat
    raw = apply_schema(raw, cmap.schema, report)
    settle_units(
        cmap,
        lambda canon: pd.to_numeric(raw[canon], errors="coerce").to_numpy(float),
        options,
        report,
        path,
        names,
    )
    if ALT_M in raw.columns:
        raw[ALT_M] = pd.to_numeric(raw[ALT_M], errors="coerce").astype("float64") * cmap.alt_factor
    if SPEED_KT in raw.columns:
        speed = pd.to_numeric(raw[SPEED_KT], errors="coerce").astype("float64")
        raw[SPEED_KT] = speed * cmap.speed_factor
    return raw


def read_ogr(path: Path, options, progress=None, cancel=None):
    import pyogrio
    import shapely

    report = ImportReport(str(path), format=f"GIS file ({path.suffix.lstrip('.').upper()})")
    try:
        gdf = pyogrio.read_dataframe(path)
    except Exception as exc:  # GDAL raises several types; all mean "cannot read this file"
        raise TrackImportError(path, f"cannot read as a GIS file ({exc})") from None
    if cancel is not None and cancel():
        raise ImportCancelled()
    if gdf.crs is not None and not gdf.crs.equals("EPSG:4326"):
        gdf = gdf.to_crs("EPSG:4326")
    geoms = gdf.geometry.to_numpy()
    kinds = set(shapely.get_type_id(geoms[~shapely.is_missing(geoms)]).tolist())
    if kinds - {0}:  # 0 = Point
        raise TrackImportError(
            path,
            "only point features with a time attribute are tracks; "
            "add lines and polygons as a map layer instead",
        )
    lon, lat = shapely.get_x(geoms), shapely.get_y(geoms)
    raw = _attributes_to_raw(gdf.drop(columns="geometry"), path, options, report, lon, lat)
    return finish_frame(raw, report, path=path, tz=options.tz), report


def read_parquet(path: Path, options, progress=None, cancel=None):
    import pyarrow.dataset as ds

    report = ImportReport(str(path), format="Parquet" + (" (folder)" if path.is_dir() else ""))
    try:
        dataset = ds.dataset(path, format="parquet", partitioning="hive")
    except Exception as exc:  # pyarrow raises several types for unreadable files
        raise TrackImportError(path, f"cannot read as Parquet ({exc})") from None
    names = dataset.schema.names
    cmap = detect_columns(
        [n for n in names if n != "geometry"],
        options.column_map,
        options.altitude_unit,
        options.speed_unit,
    )
    if TIME not in cmap.columns:
        raise TrackImportError(path, f"no time column: columns are {names}")
    filt = None
    if options.time_range is not None:
        import pandas as pd
        import pyarrow as pa

        start, end = (pd.Timestamp(t) for t in options.time_range)
        tcol = ds.field(cmap.columns[TIME])
        ttype = dataset.schema.field(cmap.columns[TIME]).type
        if pa.types.is_timestamp(ttype):
            tz = ttype.tz
            s, e = (t.tz_convert(tz) if tz else t.tz_localize(None) for t in (start, end))
            filt = (tcol >= pa.scalar(s, type=ttype)) & (tcol <= pa.scalar(e, type=ttype))
            report.notice(f"time range pushed down to the Parquet reader: {start} – {end}")
    columns = sorted(set(cmap.columns.values()) | ({"geometry"} & set(names)))
    batches = []
    total = max(1, dataset.count_rows(filter=filt)) if filt is not None else None
    done = 0
    for batch in dataset.to_batches(columns=columns, filter=filt):
        if cancel is not None and cancel():
            raise ImportCancelled()
        batches.append(batch)
        done += batch.num_rows
        if progress is not None and total:
            progress(min(0.8, 0.8 * done / total))
    import pyarrow as pa

    table = pa.Table.from_batches(
        batches, schema=dataset.schema.select(columns) if not batches else None
    )
    df = table.to_pandas()
    lon = lat = None
    if "geometry" in df.columns and (LON not in cmap.columns or LAT not in cmap.columns):
        import shapely

        geoms = shapely.from_wkb(df["geometry"].to_numpy())
        lon, lat = shapely.get_x(geoms), shapely.get_y(geoms)
        report.format = "GeoParquet"
    elif LON not in cmap.columns or LAT not in cmap.columns:
        raise TrackImportError(
            path, f"no coordinates: columns are {names}; expected lon/lat or a WKB geometry column"
        )
    raw = _attributes_to_raw(df, path, options, report, lon, lat)
    return finish_frame(raw, report, path=path, tz=options.tz), report


__all__ = ["np", "read_ogr", "read_parquet"]
