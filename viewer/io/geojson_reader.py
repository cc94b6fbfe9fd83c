"""GeoJSON tracks: Point features with a time property, or LineString / MultiLineString features
with per-vertex times in a ``times`` or ``coordTimes`` property (as togeojson writes). The
properties are recognised as a CSV's columns are (a known source's schema, else name by name:
`viewer.io.columns`), so a `traffic` export's ``icao24`` is the track id, never its ``track``."""

from __future__ import annotations

import json
from pathlib import Path

from viewer.core.constants import (
    ALT_M,
    CALLSIGN,
    COUNT,
    HEADING_DEG,
    KIND,
    LABEL,
    LAT,
    LON,
    SIDE,
    SPEED_KT,
    TIME,
    TRACK_ID,
)
from viewer.io.columns import (
    CANDIDATES,
    ColumnMap,
    detect_columns,
    names_not_directions,
    settle_units,
)
from viewer.io.normalize import CANONICAL_ORDER, LINE, finish_frame
from viewer.io.report import ImportCancelled, ImportReport, TrackImportError
from viewer.io.schemas import apply_schema

# Deferred on purpose: pandas (heavy: imported by the functions that use them, so importing the
# module stays quick (STYLE 12)).

MAX_BYTES = 2 << 30
TIME_KEYS = ("time", "timestamp", "datetime", "date", "when", "t")
VERTEX_TIME_KEYS = ("times", "coordTimes", "coordinateTimes", "timestamps")


def _prop(props: dict, names: tuple[str, ...]):
    lowered = {str(k).lower(): v for k, v in props.items()}
    for name in names:
        if name.lower() in lowered and lowered[name.lower()] not in (None, ""):
            return lowered[name.lower()]
    return None


def _property_map(features: list, options, report: ImportReport) -> ColumnMap:
    """The properties' meanings, from the names the features use (first 1,000 features)."""
    names: dict[str, None] = {}
    for feat in features[:1000]:
        props = feat.get("properties") if isinstance(feat, dict) else None
        if isinstance(props, dict):
            names.update(dict.fromkeys(str(k) for k in props))
    overrides = {
        k: v for k, v in (options.column_map or {}).items() if v in names
    }  # a map given for another file's columns does not apply here
    cmap = detect_columns(
        list(names), overrides, options.altitude_unit, options.speed_unit, positions=True
    )
    if not options.column_map:
        named = names_not_directions(
            cmap,
            lambda col: [
                f["properties"].get(col)
                for f in features[:1000]
                if isinstance(f, dict) and isinstance(f.get("properties"), dict)
            ],
        )
        if named:
            report.notice(named)
    return cmap


def _value(props: dict, column: str | None):
    value = props.get(column) if column is not None else None
    return None if value == "" else value


def read_geojson(path: Path, options, progress=None, cancel=None):
    report = ImportReport(str(path), format="GeoJSON")
    if path.stat().st_size > MAX_BYTES:
        raise TrackImportError(path, "GeoJSON larger than 2 GiB: convert it to GeoParquet")
    try:
        doc = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise TrackImportError(path, "not UTF-8 text; GeoJSON must be UTF-8 (RFC 7946)") from None
    except json.JSONDecodeError as exc:
        raise TrackImportError(path, f"not valid JSON: {exc.msg}", line=exc.lineno) from None
    if isinstance(doc, dict) and doc.get("type") == "FeatureCollection":
        features = doc.get("features")
    elif isinstance(doc, dict) and doc.get("type") == "Feature":
        features = [doc]
    else:
        raise TrackImportError(path, "expected a GeoJSON FeatureCollection or Feature")
    if not isinstance(features, list):
        raise TrackImportError(path, "'features' is not a list")
    cmap = _property_map(features, options, report)
    col = cmap.columns.get
    rows: dict[str, list] = {k: [] for k in (*CANONICAL_ORDER, LINE) if k != SIDE}
    static = 0
    for i, feat in enumerate(features, start=1):
        if cancel is not None and cancel():
            raise ImportCancelled()
        if not isinstance(feat, dict) or not isinstance(feat.get("geometry"), dict):
            report.skip(None, f"feature {i}: no geometry")
            continue
        props = feat.get("properties") or {}
        if not isinstance(props, dict):
            props = {}
        geom = feat["geometry"]
        gtype = geom.get("type")
        tid = (
            _value(props, col(TRACK_ID))
            or _prop(props, CANDIDATES[TRACK_ID])  # features that name their id otherwise
            or feat.get("id")
            or f"feature-{i}"
        )
        common = {
            KIND: _value(props, col(KIND)) or _prop(props, CANDIDATES[KIND]),
            CALLSIGN: _value(props, col(CALLSIGN)) or _prop(props, CANDIDATES[CALLSIGN]),
            LABEL: _value(props, col(LABEL)) or _prop(props, CANDIDATES[LABEL]),
            COUNT: _value(props, col(COUNT)),
            SPEED_KT: _value(props, col(SPEED_KT)),
            HEADING_DEG: _value(props, col(HEADING_DEG)),
        }
        coords = geom.get("coordinates")
        if gtype == "Point":
            t = _value(props, col(TIME)) if col(TIME) else _prop(props, TIME_KEYS)
            if col(ALT_M):  # an altitude property, in its own unit, over the coordinate's z
                common[ALT_M] = _value(props, col(ALT_M))
            _append(rows, str(tid), t, coords, common, i)
        elif gtype in ("LineString", "MultiLineString"):
            lines = [coords] if gtype == "LineString" else (coords or [])
            times = _prop(props, VERTEX_TIME_KEYS)
            if gtype == "MultiLineString" and times and isinstance(times[0], list):
                time_lists = times
            else:
                time_lists = [times] * len(lines) if gtype == "LineString" else [None] * len(lines)
            for part, (line, tlist) in enumerate(zip(lines, time_lists, strict=False)):
                if not isinstance(line, list) or not line:
                    report.skip(None, f"feature {i}: empty line")
                    continue
                if not tlist:
                    static += 1
                    continue
                if len(tlist) != len(line):
                    report.skip(
                        None,
                        f"feature {i}: {len(line)} vertices but {len(tlist)} "
                        "times; expected one time per vertex",
                    )
                    continue
                pid = str(tid) if len(lines) == 1 else f"{tid}/{part + 1}"
                for c, t in zip(line, tlist, strict=True):
                    _append(rows, pid, t, c, common, i)
        else:
            report.skip(None, f"feature {i}: geometry {gtype!r} is not a Point or a line")
    if static:
        report.notice(
            f"{static} line(s) without per-vertex times: not replayable (add them as a "
            "map layer instead)"
        )
    import pandas as pd

    raw = pd.DataFrame(rows)
    raw = raw.dropna(axis=1, how="all")
    raw = _units(raw, cmap, path, options, report)
    report.notice("line numbers are feature numbers")
    frame = finish_frame(raw, report, path=path, tz=options.tz)
    return frame, report


def _units(raw, cmap: ColumnMap, path: Path, options, report: ImportReport):
    """The properties' units: documented, in their names, given, or guessed from the values
    (asked about when the options say so); the coordinates' z is metres (RFC 7946)."""
    import pandas as pd

    if cmap.schema is not None:
        raw = apply_schema(raw, cmap.schema, report)
    if ALT_M not in cmap.columns:
        cmap.assumed.pop(ALT_M, None)
    if SPEED_KT not in cmap.columns:
        cmap.assumed.pop(SPEED_KT, None)
    settle_units(
        cmap,
        lambda canon: pd.to_numeric(raw.get(canon), errors="coerce").to_numpy(float),
        options,
        report,
        path,
        list(cmap.columns.values()),
    )
    if ALT_M in raw.columns and ALT_M in cmap.columns:
        raw[ALT_M] = pd.to_numeric(raw[ALT_M], errors="coerce") * cmap.alt_factor
    if SPEED_KT in raw.columns:
        raw[SPEED_KT] = pd.to_numeric(raw[SPEED_KT], errors="coerce") * cmap.speed_factor
    return raw


def _append(rows, tid, t, coords, common, line):
    lon = lat = alt = None
    if isinstance(coords, list | tuple) and len(coords) >= 2:
        lon, lat = coords[0], coords[1]
        alt = coords[2] if len(coords) > 2 else None
    rows[TRACK_ID].append(tid)
    rows[TIME].append(t)
    rows[LON].append(lon if isinstance(lon, int | float) else None)
    rows[LAT].append(lat if isinstance(lat, int | float) else None)
    common = dict(common)
    if ALT_M not in common:
        common[ALT_M] = alt if isinstance(alt, int | float) else None
    for k in rows:
        if k in common:
            rows[k].append(common[k])
    rows["_line"].append(line)
