"""KML and KMZ (Google Earth): ``gx:Track`` / ``gx:MultiTrack`` with ``when`` + ``gx:coord``, and
Placemarks with a Point and a ``TimeStamp`` or ``TimeSpan``.

Two flight exports are recognised by their structure (`kml_flights`): Flightradar24's (a
"Route" folder of timed Point placemarks, speed and heading in each description, one flight)
and FlightAware's (a ``gx:Track`` and the two airports as Points without times).

Parsed with the hardened parser of `xml_safety`. A KMZ is read in memory (`bounded`): entries
with absolute or ``..`` paths are refused, and the uncompressed size and ratio are capped (zip
bombs) — nothing is ever extracted to disk.
"""

from __future__ import annotations

from pathlib import Path

from viewer.core.constants import ALT_M, KIND, LABEL, LAT, LON, TIME, TRACK_ID
from viewer.io.bounded import safe_zip_entry
from viewer.io.kml_flights import FlightAwareKml, Fr24Kml
from viewer.io.normalize import finish_frame
from viewer.io.report import ImportCancelled, ImportReport, TrackImportError
from viewer.io.xml_safety import local, parse_xml

# Deferred on purpose: pandas (heavy: imported by the functions that use them, so importing the
# module stays quick (STYLE 12)).

MAX_KML_IN_KMZ = 512 << 20
MAX_RATIO = 200  # uncompressed / compressed beyond this is a zip bomb


def read_kmz(path: Path, options, progress=None, cancel=None):
    name, data = safe_zip_entry(
        path, (".kml",), MAX_KML_IN_KMZ, "a KMZ's .kml document", "doc.kml", MAX_RATIO
    )
    frame, report = _read_kml_bytes(path, data, options, cancel)
    report.format = f"KMZ ({name})"
    return frame, report


def read_kml(path: Path, options, progress=None, cancel=None):
    return _read_kml_bytes(path, path.read_bytes(), options, cancel)


def _read_kml_bytes(path: Path, data: bytes, options, cancel):
    import pandas as pd

    report = ImportReport(str(path), format="KML")
    root = parse_xml(path, data)
    fr24 = Fr24Kml.recognise(root)
    if fr24 is not None:
        return fr24.read(path, report, options, cancel)
    rows: dict[str, list] = {k: [] for k in (TRACK_ID, TIME, LON, LAT, ALT_M, KIND, LABEL, "_line")}
    placemarks = [el for el in root.iter() if local(el.tag) == "Placemark"]
    if not placemarks:
        raise TrackImportError(path, "no Placemark in the KML: nothing to read")
    flightaware = FlightAwareKml.recognise(root)
    static = []
    for i, pm in enumerate(placemarks, start=1):
        if cancel is not None and cancel():
            raise ImportCancelled()
        name = _text(pm, "name") or f"placemark-{i}"
        desc = _text(pm, "description")
        tracks = [el for el in pm.iter() if local(el.tag) == "Track"]
        if tracks:
            for k, trk in enumerate(tracks, start=1):
                tid = name if len(tracks) == 1 else f"{name}/{k}"
                whens = [el.text for el in trk if local(el.tag) == "when"]
                coords = [el.text for el in trk if local(el.tag) == "coord"]
                if len(whens) != len(coords):
                    report.skip(
                        None,
                        f"placemark {i} ({name}): {len(whens)} <when> but "
                        f"{len(coords)} <gx:coord>; expected one each",
                    )
                    continue
                for w, c in zip(whens, coords, strict=True):
                    parts = (c or "").split()
                    _add(rows, tid, w, parts, desc, i)
            continue
        when = _time_of(pm)
        point = next((el for el in pm.iter() if local(el.tag) == "Point"), None)
        if point is not None:
            coord = _text(point, "coordinates")
            parts = (coord or "").replace(",", " ").split()
            if when is None:
                if flightaware is not None and flightaware.is_airport(name):
                    continue  # the departure and arrival airports: places, not positions
                report.skip(None, f"placemark {i} ({name}): a point without TimeStamp/TimeSpan")
                continue
            _add(rows, name, when, parts, desc, i)
            continue
        line = next((el for el in pm.iter() if local(el.tag) == "LineString"), None)
        if line is not None:
            static.append(name)
    for name in static:
        report.notice(f"{name}: a line without times — a static path, not replayable")
    raw = pd.DataFrame(rows).dropna(axis=1, how="all")
    report.notice("line numbers are placemark numbers")
    if flightaware is not None:
        raw = flightaware.describe(raw, report)
    elif len(raw):
        report.column_map = {
            TRACK_ID: "Placemark name",
            TIME: "when / TimeStamp",
            LON: "coordinates (1st)",
            LAT: "coordinates (2nd)",
            ALT_M: "coordinates (3rd)",
        }
        report.units = {ALT_M: "m (documented by KML 2.2)"}
    if len(raw) == 0:
        reason = (
            report.skipped[0].reason
            if report.skipped
            else f"{len(static)} line(s) without times (static paths)"
            if static
            else "no placemark has a time"
        )
        raise TrackImportError(path, f"nothing to replay: {reason}")
    frame = finish_frame(raw, report, path=path, tz=options.tz)
    return frame, report


def _add(rows, tid, when, parts, desc, line):
    def num(k):
        try:
            return float(parts[k])
        except (IndexError, ValueError):
            return None

    rows[TRACK_ID].append(tid)
    rows[TIME].append(when)
    rows[LON].append(num(0))
    rows[LAT].append(num(1))
    rows[ALT_M].append(num(2))
    rows[KIND].append(tid)  # kind from the name (e.g. "J-16 #2"); unknown if it says nothing
    rows[LABEL].append(desc)
    rows["_line"].append(line)


def _text(el, name: str) -> str | None:
    for child in el:
        if local(child.tag) == name:
            return (child.text or "").strip()
    return None


def _time_of(pm) -> str | None:
    for el in pm.iter():
        tag = local(el.tag)
        if tag == "TimeStamp":
            return _text(el, "when")
        if tag == "TimeSpan":
            return _text(el, "begin") or _text(el, "end")
    return None
