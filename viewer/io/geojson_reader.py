"""GeoJSON tracks: Point features with a time property, or LineString / MultiLineString features
with per-vertex times in a ``times`` or ``coordTimes`` property (as togeojson writes)."""

from __future__ import annotations

import json
from pathlib import Path

from viewer.core.constants import ALT_M, CALLSIGN, COUNT, KIND, LABEL, LAT, LON, TIME, TRACK_ID
from viewer.io.columns import CANDIDATES
from viewer.io.normalize import finish_frame
from viewer.io.report import ImportReport, TrackImportError

MAX_BYTES = 2 << 30
TIME_KEYS = ("time", "timestamp", "datetime", "date", "when", "t")
VERTEX_TIME_KEYS = ("times", "coordTimes", "coordinateTimes", "timestamps")


def _prop(props: dict, names: tuple[str, ...]):
    lowered = {str(k).lower(): v for k, v in props.items()}
    for name in names:
        if name.lower() in lowered and lowered[name.lower()] not in (None, ""):
            return lowered[name.lower()]
    return None


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
    rows: dict[str, list] = {
        k: [] for k in (TRACK_ID, TIME, LON, LAT, ALT_M, KIND, CALLSIGN, LABEL, COUNT, "_line")
    }
    static = 0
    for i, feat in enumerate(features, start=1):
        if cancel is not None and cancel():
            from viewer.io.report import ImportCancelled

            raise ImportCancelled()
        if not isinstance(feat, dict) or not isinstance(feat.get("geometry"), dict):
            report.skip(None, f"feature {i}: no geometry")
            continue
        props = feat.get("properties") or {}
        if not isinstance(props, dict):
            props = {}
        geom = feat["geometry"]
        gtype = geom.get("type")
        tid = _prop(props, CANDIDATES[TRACK_ID]) or feat.get("id") or f"feature-{i}"
        common = {
            KIND: _prop(props, CANDIDATES[KIND]),
            CALLSIGN: _prop(props, CANDIDATES[CALLSIGN]),
            LABEL: _prop(props, CANDIDATES[LABEL]),
            COUNT: _prop(props, ("count",)),
        }
        coords = geom.get("coordinates")
        if gtype == "Point":
            t = _prop(props, TIME_KEYS)
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
    report.notice("line numbers are feature numbers")
    frame = finish_frame(raw, report, path=path, tz=options.tz)
    return frame, report


def _append(rows, tid, t, coords, common, line):
    lon = lat = alt = None
    if isinstance(coords, list | tuple) and len(coords) >= 2:
        lon, lat = coords[0], coords[1]
        alt = coords[2] if len(coords) > 2 else None
    rows[TRACK_ID].append(tid)
    rows[TIME].append(t)
    rows[LON].append(lon if isinstance(lon, int | float) else None)
    rows[LAT].append(lat if isinstance(lat, int | float) else None)
    rows[ALT_M].append(alt if isinstance(alt, int | float) else None)
    for k, v in common.items():
        rows[k].append(v)
    rows["_line"].append(line)
