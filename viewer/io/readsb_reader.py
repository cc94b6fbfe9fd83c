"""readsb / tar1090 JSON (also ADS-B Exchange and adsb.lol, which run readsb): one aircraft's
``trace_full_<hex>.json`` / ``trace_recent_<hex>.json``, a folder of them (a globe-history day,
``traces/xx/trace_full_*.json``), and ``aircraft.json`` snapshots (one, or a folder of
``aircraft.json`` / ``history_N.json``), as readsb's README-json.md documents them.

Trace entries are ``[seconds after timestamp, lat, lon, altitude ft | "ground" | null,
ground speed kt, track deg, flags, vertical rate fpm, details | null, ...]``; flags bit 1 (2)
starts a new leg, which here starts a new track ``<hex>/2``. Files are often gzip-compressed
under a ``.json`` name: read either way. Track ids are the ICAO hex; a callsign that changes
within one aircraft is a label change, said in the report.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from viewer.core.constants import (
    ALT_M,
    CALLSIGN,
    FT_IN_M,
    HEADING_DEG,
    KIND,
    KIND_HELICOPTER,
    KIND_UAV,
    LABEL,
    LAT,
    LON,
    SPEED_KT,
    TIME,
    TRACK_ID,
)
from viewer.io.bounded import read_bytes
from viewer.io.normalize import finish_frame
from viewer.io.report import ImportCancelled, ImportReport, TrackImportError

# Deferred on purpose: pandas (heavy: imported by the functions that use them, so importing the
# module stays quick (STYLE 12)).

MAX_JSON_BYTES = 256 << 20  # one aircraft's day is a few MB; a snapshot of the world ~10 MB
MAX_FILES = 200_000  # a globe-history day holds ~60,000 traces
TRACE_NAME = re.compile(r"^trace_(full|recent)_(~?[0-9a-f]{6})\.json$", re.IGNORECASE)
SNAPSHOT_NAME = re.compile(r"^(aircraft|history_\d+)\.json$", re.IGNORECASE)
FLAG_STALE, FLAG_NEW_LEG, FLAG_GEOM_RATE, FLAG_GEOM_ALT = 1, 2, 4, 8
# ADS-B emitter categories (DO-260B 2.2.3.2.5.2) that name one of the app's kinds
CATEGORY_KINDS = {"A7": KIND_HELICOPTER, "B6": KIND_UAV}
FIELDS = (TRACK_ID, TIME, LON, LAT, ALT_M, SPEED_KT, HEADING_DEG, KIND, CALLSIGN, LABEL, "_line")

TRACE_COLUMNS = {
    TRACK_ID: "icao (hex); '/2', '/3' after a new-leg flag",
    TIME: "timestamp + trace[i][0] (epoch seconds, UTC)",
    LAT: "trace[i][1]",
    LON: "trace[i][2]",
    ALT_M: 'trace[i][3] (ft, or "ground")',
    SPEED_KT: "trace[i][4]",
    HEADING_DEG: "trace[i][5] (track; true heading on the ground)",
    CALLSIGN: "trace[i][8].flight",
    KIND: "t (type designator) / trace[i][8].category",
}
SNAPSHOT_COLUMNS = {
    TRACK_ID: "aircraft[].hex",
    TIME: "now − seen_pos (epoch seconds, UTC)",
    LAT: "aircraft[].lat",
    LON: "aircraft[].lon",
    ALT_M: 'aircraft[].alt_baro (ft, or "ground")',
    SPEED_KT: "aircraft[].gs",
    HEADING_DEG: "aircraft[].track (else true_heading)",
    CALLSIGN: "aircraft[].flight",
    KIND: "aircraft[].t / category",
}
UNITS = {
    ALT_M: 'ft (documented by readsb; "ground" read as 0)',
    SPEED_KT: "kt (documented by readsb)",
    HEADING_DEG: "degrees true (documented by readsb)",
}


def sniff_readsb(head: bytes) -> bool:
    """Whether the start of a JSON document (already gunzipped) looks like readsb's output."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"{") or b'"Feature' in text:  # GeoJSON stays GeoJSON
        return False
    trace = b'"trace"' in text and (b'"icao"' in text or b'"timestamp"' in text)
    snapshot = (b'"aircraft"' in text or b'"ac"' in text) and b'"now"' in text
    return trace or snapshot


def is_readsb_folder(path: Path) -> bool:
    """A folder holding readsb traces or snapshots (searched below it)."""
    for name in ("trace_full_*.json", "trace_recent_*.json", "aircraft.json", "history_*.json"):
        if next(path.rglob(name), None) is not None:
            return True
    return False


def read_readsb(path: Path, options, progress=None, cancel=None):
    """A trace file, a snapshot or a folder of either -> canonical table and report."""
    report = ImportReport(str(path), format="readsb JSON")
    rows: dict[str, list] = {k: [] for k in FIELDS}
    files = _files(path) if path.is_dir() else [path]
    kinds_read: set[str] = set()
    for n, file in enumerate(files, start=1):
        if cancel is not None and cancel():
            raise ImportCancelled()
        doc = _load(file)
        where = file.name if file == path else str(file.relative_to(path))
        if isinstance(doc, dict) and isinstance(doc.get("trace"), list):
            _trace(doc, where, rows, report, n)
            kinds_read.add("trace")
        elif isinstance(doc, dict) and isinstance(doc.get("aircraft", doc.get("ac")), list):
            _snapshot(doc, file, where, rows, report, n)
            kinds_read.add("snapshot")
        elif file == path:
            raise TrackImportError(
                path,
                "JSON without a readsb 'trace' list or 'aircraft' list; expected a readsb/"
                "tar1090 trace_full_<hex>.json or aircraft.json",
            )
        else:
            report.skip(None, f"{where}: not a readsb trace or snapshot")
        if progress is not None:
            progress(n / len(files))
    report.schema = (
        "readsb/tar1090 trace (globe history)"
        if kinds_read == {"trace"}
        else "readsb/tar1090 aircraft.json snapshots"
        if kinds_read == {"snapshot"}
        else "readsb/tar1090 traces and snapshots"
    )
    report.column_map = dict(TRACE_COLUMNS if "trace" in kinds_read else SNAPSHOT_COLUMNS)
    report.units = dict(UNITS)
    if path.is_dir():
        report.notice(f"{len(files):,} files read from the folder; line numbers are file numbers")
    else:
        report.notice("line numbers are trace entries (or aircraft in the snapshot)")
    if not rows[TIME]:
        raise TrackImportError(
            path,
            "nothing to replay: no positions in the readsb data"
            + (f" ({report.skipped[0].reason})" if report.skipped else ""),
        )
    import pandas as pd

    raw = pd.DataFrame(rows)
    if "snapshot" in kinds_read:  # snapshots interleave aircraft: one run per aircraft
        raw = raw.sort_values([TRACK_ID, TIME], kind="stable", ignore_index=True)
    frame = finish_frame(raw, report, path=path, tz=options.tz)
    return frame, report


def _files(folder: Path) -> list[Path]:
    traces: dict[str, Path] = {}
    snapshots: list[Path] = []
    for count, p in enumerate(folder.rglob("*.json"), start=1):
        if count > MAX_FILES:
            raise TrackImportError(folder, f"more than {MAX_FILES:,} JSON files: refused")
        m = TRACE_NAME.match(p.name)
        if m:
            hex_id = m.group(2).lower()
            # trace_recent is the tail of trace_full: keep the full one where both exist
            if m.group(1).lower() == "full" or hex_id not in traces:
                traces[hex_id] = p
        elif SNAPSHOT_NAME.match(p.name):
            snapshots.append(p)
    files = sorted(traces.values()) + sorted(snapshots)
    if not files:
        raise TrackImportError(
            folder,
            "no readsb files in the folder; expected trace_full_<hex>.json, "
            "trace_recent_<hex>.json, aircraft.json or history_N.json",
        )
    return files


def _load(path: Path) -> Any:
    data = read_bytes(path, MAX_JSON_BYTES, "JSON")
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise TrackImportError(path, f"not UTF-8 JSON (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise TrackImportError(path, f"not valid JSON: {exc.msg}", line=exc.lineno) from None
    except RecursionError:
        raise TrackImportError(path, "JSON nested too deeply: refused") from None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _altitude_m(value: Any) -> float | None:
    if value == "ground":
        return 0.0
    ft = _number(value)
    return None if ft is None else ft * FT_IN_M


def _kind(type_code: Any, category: Any) -> str:
    if isinstance(category, str) and category.upper() in CATEGORY_KINDS:
        return CATEGORY_KINDS[category.upper()]
    return str(type_code) if isinstance(type_code, str) and type_code else ""


def _callsign(details: Any) -> str | None:
    if isinstance(details, dict) and isinstance(details.get("flight"), str):
        return details["flight"].strip() or None
    return None


def _trace(doc: dict, where: str, rows: dict, report: ImportReport, file_no: int) -> None:
    hex_id = str(doc.get("icao") or Path(where).stem.rsplit("_", 1)[-1]).lower()
    base = _number(doc.get("timestamp"))
    if base is None:
        report.skip(file_no, f"{where}: no 'timestamp' (epoch seconds) to add the offsets to")
        return
    type_code = doc.get("t")
    leg, callsign, category = 1, None, None
    seen_callsigns: list[str] = []
    for i, entry in enumerate(doc["trace"], start=1):
        if not isinstance(entry, list) or len(entry) < 6:
            report.skip(i, f"{where}: trace entry {i} is not a list of at least 6 values")
            continue
        offset = _number(entry[0])
        flags = entry[6] if len(entry) > 6 and isinstance(entry[6], int) else 0
        if flags & FLAG_NEW_LEG and _leg_started(rows, hex_id, leg):
            leg += 1
        details = entry[8] if len(entry) > 8 else None
        new_callsign = _callsign(details)
        if new_callsign and new_callsign != callsign:
            callsign = new_callsign
            if callsign not in seen_callsigns:
                seen_callsigns.append(callsign)
        if isinstance(details, dict) and isinstance(details.get("category"), str):
            category = details["category"]
        tid = hex_id if leg == 1 else f"{hex_id}/{leg}"
        rows[TRACK_ID].append(tid)
        rows[TIME].append(None if offset is None else base + offset)
        rows[LAT].append(_number(entry[1]))
        rows[LON].append(_number(entry[2]))
        rows[ALT_M].append(_altitude_m(entry[3]))
        rows[SPEED_KT].append(_number(entry[4]))
        rows[HEADING_DEG].append(_number(entry[5]))
        rows[KIND].append(_kind(type_code, category))
        rows[CALLSIGN].append(callsign or "")
        rows[LABEL].append(callsign or "")  # not the type, which `finish_frame` would take
        rows["_line"].append(i if file_no == 1 else file_no)
    if leg > 1:
        report.notice(f"{hex_id}: {leg} legs (readsb's new-leg flag), read as {leg} tracks")
    if len(seen_callsigns) > 1:
        report.notice(
            f"{hex_id}: callsign changed ({' → '.join(seen_callsigns)}): one aircraft, "
            "the label changes"
        )


def _leg_started(rows: dict, hex_id: str, leg: int) -> bool:
    """Whether the current leg already has entries (a new-leg flag on the first is no split)."""
    tid = hex_id if leg == 1 else f"{hex_id}/{leg}"
    return bool(rows[TRACK_ID]) and rows[TRACK_ID][-1] == tid


def _snapshot(
    doc: dict, file: Path, where: str, rows: dict, report: ImportReport, file_no: int
) -> None:
    now = _number(doc.get("now"))
    if now is None:
        report.skip(file_no, f"{where}: no 'now' (the snapshot's time)")
        return
    if now > 1e11:  # the ADS-B Exchange / adsb.lol API gives milliseconds
        now /= 1000.0
    aircraft: list = doc.get("aircraft", doc.get("ac")) or []
    without = 0
    for i, ac in enumerate(aircraft, start=1):
        if not isinstance(ac, dict) or "hex" not in ac:
            report.skip(i if file_no == 1 else file_no, f"{where}: aircraft {i} has no 'hex'")
            continue
        lat, lon = _number(ac.get("lat")), _number(ac.get("lon"))
        if lat is None or lon is None:
            without += 1  # documented: keys are omitted when not known (e.g. Mode S only)
            continue
        age = _number(ac.get("seen_pos")) or 0.0
        heading = _number(ac.get("track"))
        rows[TRACK_ID].append(str(ac["hex"]).lower())
        rows[TIME].append(now - age)
        rows[LAT].append(lat)
        rows[LON].append(lon)
        rows[ALT_M].append(_altitude_m(ac.get("alt_baro")))
        rows[SPEED_KT].append(_number(ac.get("gs")))
        rows[HEADING_DEG].append(
            heading if heading is not None else _number(ac.get("true_heading"))
        )
        rows[KIND].append(_kind(ac.get("t"), ac.get("category")))
        rows[CALLSIGN].append(_callsign(ac) or "")
        rows[LABEL].append(_callsign(ac) or "")
        rows["_line"].append(i if file_no == 1 else file_no)
    if without:
        report.notice(f"{where}: {without:,} aircraft without a position (not replayable)")
