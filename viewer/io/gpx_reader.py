"""GPX 1.0 / 1.1 (gpxpy): tracks, segments, routes and waypoints with times.

Routes and tracks without times are static paths: they load with a notice, not an error.
Extensions are ignored. The XML is checked by `xml_safety` before gpxpy sees it.
"""

from __future__ import annotations

from pathlib import Path

from viewer.core.constants import ALT_M, HEADING_DEG, LAT, LON, SPEED_KT, TIME, TRACK_ID
from viewer.io.normalize import finish_frame
from viewer.io.registry import ReadResult
from viewer.io.report import ImportCancelled, ImportReport, TrackImportError
from viewer.io.xml_safety import parse_xml

# Deferred on purpose: gpxpy, pandas (heavy: imported by the functions that use them, so importing
# the module stays quick (STYLE 12)).


def read_gpx(path: Path, options, progress=None, cancel=None):
    import gpxpy
    import gpxpy.gpx
    import pandas as pd

    report = ImportReport(str(path), format="GPX")
    data = path.read_bytes()
    parse_xml(path, data)  # refuses DTDs, entities, XXE before gpxpy parses it
    try:
        gpx = gpxpy.parse(data.decode("utf-8-sig", errors="replace"))
    except gpxpy.gpx.GPXException as exc:
        raise TrackImportError(path, f"not a valid GPX file ({exc})") from None
    rows: dict[str, list] = {
        k: [] for k in (TRACK_ID, TIME, LON, LAT, ALT_M, SPEED_KT, HEADING_DEG, "_line")
    }
    static = []
    naive: list[bool] = []

    def add(tid: str, pts) -> None:
        timed = [p for p in pts if p.time is not None]
        if not timed:
            if pts:
                static.append((tid, [(p.longitude, p.latitude) for p in pts]))
            return
        if len(timed) < len(pts):
            report.warn(f"{tid}: {len(pts) - len(timed)} points without a time skipped")
            for p in pts:
                if p.time is None:
                    report.skip(getattr(p, "_line", None), f"{tid}: point without a time")
        for p in timed:
            rows[TRACK_ID].append(tid)
            rows[TIME].append(p.time.isoformat())
            naive.append(p.time.tzinfo is None)
            rows[LON].append(p.longitude)
            rows[LAT].append(p.latitude)
            rows[ALT_M].append(p.elevation)
            speed = getattr(p, "speed", None)
            rows[SPEED_KT].append(None if speed is None else speed / 0.514444)
            rows[HEADING_DEG].append(getattr(p, "course", None))
            rows["_line"].append(None)

    for ti, trk in enumerate(gpx.tracks, start=1):
        if cancel is not None and cancel():
            raise ImportCancelled()
        name = trk.name or f"track-{ti}"
        segments = [s for s in trk.segments if s.points]
        empty = len(trk.segments) - len(segments)
        if empty:
            report.notice(f"{name}: {empty} empty segment(s) ignored")
        for si, seg in enumerate(segments, start=1):
            add(name if len(segments) == 1 else f"{name}/{si}", seg.points)
    for ri, rte in enumerate(gpx.routes, start=1):
        add(rte.name or f"route-{ri}", rte.points)
    if gpx.waypoints:
        timed = [w for w in gpx.waypoints if w.time is not None]
        for w in timed:
            add(w.name or "waypoints", [w])
        if len(timed) < len(gpx.waypoints):
            report.notice(f"{len(gpx.waypoints) - len(timed)} waypoints without a time ignored")
    for tid, _ in static:
        report.notice(f"{tid}: no times — a static path, not replayable (shown as a line)")
    raw = pd.DataFrame(rows).dropna(axis=1, how="all")
    if "_line" in raw.columns and raw["_line"].isna().all():
        raw = raw.drop(columns=["_line"])
    tz = options.tz
    if any(naive) and tz is None:
        report.notice("GPX times without a zone read as UTC, as the GPX schema defines them")
        tz = "UTC"
    frame = finish_frame(raw, report, path=path, tz=tz)

    return ReadResult(frame, report, static_paths=static)
