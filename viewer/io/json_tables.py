"""Track tables written as JSON: OpenSky's REST `states/all` response (an array of arrays), the
records or columns pandas writes (`traffic` exports: ``to_json``), JSON lines (AIS-catcher's
decoded messages, jet1090), and AIS-catcher's HTTP envelope (``{"msgs": [...]}``). Each becomes
a table whose columns are recognised like a CSV's (`viewer.io.schemas`).

`json_kind` tells these from GeoJSON by their first bytes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np

from viewer.io.normalize import finish_frame
from viewer.io.ogr_reader import _attributes_to_raw
from viewer.io.report import ImportCancelled, ImportReport, TrackImportError

# Deferred on purpose: pandas (heavy: imported by the functions that use them, so importing the
# module stays quick (STYLE 12)).

MAX_BYTES = 2 << 30
# OpenSky REST state vector fields, by index (https://openskynetwork.github.io/opensky-api/rest.html)
STATE_FIELDS = (
    "icao24",
    "callsign",
    "origin_country",
    "time_position",
    "last_contact",
    "longitude",
    "latitude",
    "baro_altitude",
    "on_ground",
    "velocity",
    "true_track",
    "vertical_rate",
    "sensors",
    "geo_altitude",
    "squawk",
    "spi",
    "position_source",
    "category",
)
_GEOJSON = re.compile(rb'"type"\s*:\s*"(FeatureCollection|Feature)"')
_TABLE = re.compile(
    rb'^\[\s*\{|"states"\s*:\s*(\[|null)|"msgs"\s*:\s*\[|^\{\s*"columns"\s*:\s*\[|'
    rb'^\{\s*"schema"\s*:\s*\{|^\{\s*"[^"]+"\s*:\s*\{\s*"\d+"\s*:'
)


def json_kind(head: bytes) -> str:
    """'json' for a table this module reads, else 'geojson' (the GeoJSON reader says what is
    wrong with anything else). ``head``: the file's first bytes, BOM and blanks stripped."""
    if _GEOJSON.search(head):
        return "geojson"
    if _TABLE.search(head):
        return "json"
    first, _, rest = head.partition(b"\n")
    if first.strip().startswith(b"{") and rest.lstrip().startswith(b"{"):
        try:
            json.loads(first)
        except ValueError:
            return "geojson"
        return "json"  # one object per line
    return "geojson"


def read_json_table(path: Path, options, progress=None, cancel=None):
    import pandas as pd

    if path.stat().st_size > MAX_BYTES:
        raise TrackImportError(path, "JSON larger than 2 GiB: convert it to Parquet")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TrackImportError(path, "not UTF-8 text; JSON must be UTF-8 (RFC 8259)") from None
    records, layout = _records(path, text, cancel)
    report = ImportReport(str(path), format=f"JSON ({layout})")
    if cancel is not None and cancel():
        raise ImportCancelled()
    frame = pd.DataFrame.from_records(records) if isinstance(records, list) else records
    if len(frame) == 0:
        raise TrackImportError(path, f"no records in the file ({layout}): nothing to replay")
    frame = _fill_names(frame)
    lines = np.arange(1, len(frame) + 1)
    if {"class", "mmsi"} <= set(frame.columns):  # AIS messages, as gpsd / AIS-catcher write
        placed = np.zeros(len(frame), dtype=bool)
        for axis in ("lat", "lon"):
            if axis in frame.columns:
                placed |= frame[axis].notna().to_numpy()
        if not placed.any():
            raise TrackImportError(
                path,
                f"{len(frame):,} AIS messages, none with a position (names and voyage data "
                "only): nothing to replay",
            )
        if not placed.all():  # AIS static and voyage messages (types 5, 24): no position
            report.notice(
                f"{int((~placed).sum()):,} AIS messages without a position (names, "
                "voyage data) are not fixes"
            )
            frame, lines = frame[placed].reset_index(drop=True), lines[placed]
    raw = _attributes_to_raw(frame, path, options, report)
    report.notice("line numbers are record numbers")
    raw["_line"] = lines
    return finish_frame(raw, report, path=path, tz=options.tz), report


def _records(path: Path, text: str, cancel):
    """(list of dicts or a DataFrame, the layout's name)."""
    import pandas as pd

    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg != "Extra data":
            raise TrackImportError(path, f"not valid JSON: {exc.msg}", line=exc.lineno) from None
        records = _lines(path, text, cancel)
        if records and all("states" in r for r in records):  # polled responses, one a line
            return _states(records, path), "OpenSky REST states"
        return records, "JSON lines"
    if isinstance(doc, dict) and "states" in doc:
        return _states([doc], path), "OpenSky REST states"
    if isinstance(doc, list) and doc and all(isinstance(d, dict) and "states" in d for d in doc):
        return _states(doc, path), "OpenSky REST states"
    if isinstance(doc, list):
        if not all(isinstance(r, dict) for r in doc):
            raise TrackImportError(path, "a JSON array whose items are not all objects (records)")
        return doc, "records"
    if isinstance(doc, dict) and isinstance(doc.get("msgs"), list):
        return [m for m in doc["msgs"] if isinstance(m, dict)], "AIS-catcher messages"
    if isinstance(doc, dict) and isinstance(doc.get("columns"), list) and "data" in doc:
        try:
            return pd.DataFrame(doc["data"], columns=doc["columns"]), "split"
        except (ValueError, TypeError) as exc:
            raise TrackImportError(
                path, f"a 'split' JSON table that does not fit ({exc})"
            ) from None
    if isinstance(doc, dict) and isinstance(doc.get("data"), list) and "schema" in doc:
        return [r for r in doc["data"] if isinstance(r, dict)], "table"
    if isinstance(doc, dict) and doc and all(isinstance(v, dict) for v in doc.values()):
        return pd.DataFrame(doc), "columns"  # pandas' default: {column: {row: value}}
    raise TrackImportError(
        path,
        "JSON of an unknown layout; expected GeoJSON, OpenSky states, records, JSON lines "
        "or a pandas table",
    )


def _lines(path: Path, text: str, cancel) -> list[dict]:
    """JSON lines: one object per line (blank lines skipped)."""
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if cancel is not None and number % 50_000 == 0 and cancel():
            raise ImportCancelled()
        line = line.strip()
        if not line:
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TrackImportError(
                path, f"not a JSON object on this line: {exc.msg}", line=number
            ) from None
        if isinstance(record, dict):
            records.append(record)
    return records


def _states(responses: list[dict], path: Path) -> list[dict]:
    """OpenSky REST responses -> one record per state vector (fields by index)."""
    out = []
    for response in responses:
        for state in response.get("states") or []:
            if not isinstance(state, list) or len(state) < 17:
                raise TrackImportError(
                    path,
                    f"an OpenSky state vector with {len(state) if isinstance(state, list) else 0}"
                    " fields; expected 17 or 18 (icao24, callsign, ... position_source)",
                )
            out.append(dict(zip(STATE_FIELDS, state, strict=False)))
    return out


def _fill_names(frame):
    """AIS names come in their own messages (types 5, 24): given to each position of the MMSI."""
    if "mmsi" in frame.columns and "shipname" in frame.columns:
        names = frame.groupby("mmsi")["shipname"].transform(
            lambda s: s.dropna().iloc[0] if s.notna().any() else None
        )
        frame = frame.assign(shipname=names)
    return frame
