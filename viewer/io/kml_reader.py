"""KML and KMZ (Google Earth): ``gx:Track`` / ``gx:MultiTrack`` with ``when`` + ``gx:coord``, and
Placemarks with a Point and a ``TimeStamp`` or ``TimeSpan``.

Parsed with the hardened parser of `xml_safety`. A KMZ is read in memory: entries with absolute
or ``..`` paths are refused, and the uncompressed size is capped (zip bombs) — nothing is ever
extracted to disk.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path, PurePosixPath

from viewer.core.constants import ALT_M, KIND, LABEL, LAT, LON, TIME, TRACK_ID
from viewer.io.normalize import finish_frame
from viewer.io.report import ImportCancelled, ImportReport, TrackImportError
from viewer.io.xml_safety import local, parse_xml

MAX_KML_IN_KMZ = 512 << 20
MAX_RATIO = 200  # uncompressed / compressed beyond this is a zip bomb


def read_kmz(path: Path, options, progress=None, cancel=None):
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, NotImplementedError) as exc:  # "zip file version 6.4"
        raise TrackImportError(path, f"not a valid KMZ (zip) file ({exc})") from None
    with zf:
        for info in zf.infolist():
            name = PurePosixPath(info.filename.replace("\\", "/"))
            if name.is_absolute() or ".." in name.parts or ":" in info.filename:
                raise TrackImportError(
                    path,
                    f"refused: the KMZ holds an entry with an unsafe path "
                    f"{info.filename!r} (absolute or '..')",
                )
            if info.external_attr >> 28 == 0xA:  # a symbolic link
                raise TrackImportError(path, f"refused: KMZ entry {info.filename!r} is a link")
        kmls = [i for i in zf.infolist() if i.filename.lower().endswith(".kml")]
        if not kmls:
            raise TrackImportError(path, "the KMZ holds no .kml document")
        doc = next((i for i in kmls if i.filename.lower() == "doc.kml"), kmls[0])
        if doc.file_size > MAX_KML_IN_KMZ or (
            doc.compress_size and doc.file_size / doc.compress_size > MAX_RATIO
        ):
            raise TrackImportError(
                path,
                f"refused: {doc.filename} would expand to {doc.file_size:,} bytes "
                f"from {doc.compress_size:,} (a zip bomb?)",
            )
        try:
            with zf.open(doc) as fh:
                data = fh.read(MAX_KML_IN_KMZ + 1)
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            EOFError,
            ValueError,
            NotImplementedError,
            RuntimeError,
        ) as exc:
            raise TrackImportError(
                path,
                f"the KMZ is damaged: {doc.filename} cannot be "
                f"decompressed ({type(exc).__name__}: {exc})",
            ) from None
        if len(data) > MAX_KML_IN_KMZ:
            raise TrackImportError(path, "refused: the KML inside the KMZ is larger than 512 MiB")
    frame, report = _read_kml_bytes(path, data, options, cancel)
    report.format = f"KMZ ({doc.filename})"
    return frame, report


def read_kml(path: Path, options, progress=None, cancel=None):
    return _read_kml_bytes(path, path.read_bytes(), options, cancel)


def _read_kml_bytes(path: Path, data: bytes, options, cancel):
    import pandas as pd

    report = ImportReport(str(path), format="KML")
    root = parse_xml(path, data)
    rows: dict[str, list] = {k: [] for k in (TRACK_ID, TIME, LON, LAT, ALT_M, KIND, LABEL, "_line")}
    placemarks = [el for el in root.iter() if local(el.tag) == "Placemark"]
    if not placemarks:
        raise TrackImportError(path, "no Placemark in the KML: nothing to read")
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
