"""Saving traced tracks as CSV or GeoJSON that every reader of the app (and other tools) takes,
and opening such a file again to go on editing it.

CSV: one row per vertex in the canonical columns (``track_id,time,lat,lon,kind,count,callsign,
label,source``), times ISO 8601 UTC with milliseconds, coordinates to 6 decimals (0.1 m); the
``source`` column carries the provenance on every row ("traced from mnd-2021-10-04.png on
2026-11-25, illustrative"), so it survives any spreadsheet sort or filter.

GeoJSON (RFC 7946): one LineString feature per track with per-vertex ``times`` (as togeojson
writes them), ``kind``, ``count``, ``source`` properties; the collection's foreign member
``adiz_viewer`` repeats the provenance and the display time zone.

Both are written deterministically (tracks sorted by id, fixed number formats) and atomically,
so save → open → save gives the same bytes.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Final

import numpy as np
import pandas as pd

from viewer.core.briefing import atomic_write
from viewer.core.constants import CALLSIGN, COUNT, KIND, LABEL, LAT, LON, TIME, TRACK_ID
from viewer.core.tracing import (
    DEFAULT_TZ,
    SOURCE,
    Timing,
    TracedScenario,
    TracedTrack,
    TracingError,
    scenario_frame,
    typed_label,
)
from viewer.io.registry import read_tracks
from viewer.io.report import TrackImportError
from viewer.io.traced_format import FORMAT, GEOJSON_MEMBER

CSV_COLUMNS: Final = (TRACK_ID, TIME, LAT, LON, KIND, COUNT, CALLSIGN, LABEL, SOURCE)


def _iso(times: pd.Series) -> list[str]:
    return [t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z" for t in times]


def _sorted_frame(scenario: TracedScenario) -> pd.DataFrame:
    frame = scenario_frame(scenario)
    order = np.lexsort((np.arange(len(frame)), frame[TRACK_ID].astype(str).to_numpy()))
    return frame.iloc[order].reset_index(drop=True)


def traced_csv_text(scenario: TracedScenario) -> str:
    frame = _sorted_frame(scenario)
    out = pd.DataFrame(
        {
            TRACK_ID: frame[TRACK_ID],
            TIME: _iso(frame[TIME]),
            LAT: [f"{v:.6f}" for v in frame[LAT]],
            LON: [f"{v:.6f}" for v in frame[LON]],
            KIND: frame[KIND],
            COUNT: frame[COUNT].astype("int64"),
            CALLSIGN: frame[CALLSIGN],
            LABEL: frame[LABEL],
            SOURCE: frame[SOURCE],
        }
    )
    buf = io.StringIO()
    out.to_csv(buf, index=False, lineterminator="\n", columns=list(CSV_COLUMNS))
    return buf.getvalue()


def traced_geojson_text(scenario: TracedScenario) -> str:
    frame = _sorted_frame(scenario)
    features = []
    for track_id, rows in frame.groupby(TRACK_ID, sort=False):
        first = rows.iloc[0]
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "LineString",
                    "coordinates": [
                        [round(float(lon), 6), round(float(lat), 6)]
                        for lon, lat in zip(rows[LON], rows[LAT], strict=True)
                    ],
                },
                "properties": {
                    TRACK_ID: str(track_id),
                    KIND: str(first[KIND]),
                    COUNT: int(first[COUNT]),
                    CALLSIGN: str(first[CALLSIGN]),
                    LABEL: str(first[LABEL]),
                    SOURCE: scenario.source,
                    "times": _iso(rows[TIME]),
                },
            }
        )
    doc = {
        "type": "FeatureCollection",
        GEOJSON_MEMBER: {
            "format": FORMAT,
            "version": 1,
            SOURCE: scenario.source,
            "tz": scenario.tz,
        },
        "features": features,
    }
    return json.dumps(doc, indent=1, ensure_ascii=False, allow_nan=False) + "\n"


def save_traced(scenario: TracedScenario, path: str | Path) -> Path:
    """Write ``scenario`` as CSV (``.csv``) or GeoJSON (``.geojson``/``.json``), atomically."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        text = traced_csv_text(scenario)
    elif suffix in (".geojson", ".json"):
        text = traced_geojson_text(scenario)
    else:
        raise TracingError(f"save traced tracks as .csv or .geojson; got {path.name!r}")
    atomic_write(path, text.encode("utf-8"))
    return path


def _provenance_of(path: Path) -> tuple[str, str, dict[str, dict[str, str]]]:
    """The ``source`` and display zone written in a traced file ("" when it has none), and for
    a GeoJSON file written here, each track's callsign and label as written (the reader fills
    an empty label with the kind, which is right for replay but not for editing)."""
    if path.suffix.lower() == ".csv":
        try:
            head = pd.read_csv(path, usecols=[SOURCE], nrows=1, dtype=str, keep_default_na=False)
        except (ValueError, pd.errors.ParserError, UnicodeDecodeError):
            return "", DEFAULT_TZ, {}
        return (str(head[SOURCE].iloc[0]) if len(head) else ""), DEFAULT_TZ, {}
    try:
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
    except (ValueError, UnicodeDecodeError):
        return "", DEFAULT_TZ, {}
    member = doc.get(GEOJSON_MEMBER) if isinstance(doc, dict) else None
    if not isinstance(member, dict) or member.get("format") != FORMAT:
        return "", DEFAULT_TZ, {}
    texts = {}
    for feat in doc.get("features") or []:
        props = feat.get("properties") if isinstance(feat, dict) else None
        if isinstance(props, dict) and TRACK_ID in props:
            texts[str(props[TRACK_ID])] = {
                CALLSIGN: str(props.get(CALLSIGN) or ""),
                LABEL: str(props.get(LABEL) or ""),
            }
    return str(member.get(SOURCE, "")), str(member.get("tz", DEFAULT_TZ)), texts


def open_traced(path: str | Path) -> TracedScenario:
    """Read a track file (traced here or anywhere else) into editable traced tracks: every fix
    becomes a vertex with its time, so saving again reproduces the file.

    Raises `TrackImportError` when the file cannot be read as tracks."""
    path = Path(path)
    result = read_tracks(path)
    frame = result.frame
    if len(frame) == 0:
        raise TrackImportError(path, "no fixes with times to edit in the file")
    source, tz, written = _provenance_of(path)
    tracks = []
    for track_id, rows in frame.groupby(TRACK_ID, sort=False):
        rows = rows.sort_values(TIME, kind="stable")
        if len(rows) < 2:
            raise TrackImportError(path, f"track {track_id!r} has one fix: a path needs two")
        times = [t.to_pydatetime() for t in rows[TIME]]
        kind = str(rows[KIND].iloc[0]) if KIND in rows else "unknown"
        count = int(rows[COUNT].iloc[0]) if COUNT in rows and pd.notna(rows[COUNT].iloc[0]) else 1
        text = {
            col: (str(rows[col].iloc[0]) if col in rows and pd.notna(rows[col].iloc[0]) else "")
            for col in (CALLSIGN, LABEL)
        }
        text = written.get(str(track_id), text)
        try:
            tracks.append(
                TracedTrack(
                    str(track_id),
                    kind,
                    count,
                    tuple(zip(rows[LON].astype(float), rows[LAT].astype(float), strict=True)),
                    Timing.at_vertices(enumerate(times)),
                    callsign=text[CALLSIGN],
                    label=typed_label(text[LABEL]),
                )
            )
        except TracingError as exc:
            raise TrackImportError(path, f"track {track_id!r}: {exc}") from None
    return TracedScenario(tuple(tracks), source=source, tz=tz)
