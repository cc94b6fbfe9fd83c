"""Tacview ACMI 2.x flight recordings: text (``.txt.acmi``) and zipped (``.zip.acmi``), read as
Tacview's "Technical Reference – ACMI flight recordings 2.2" (tacview.net/documentation/acmi)
defines them.

    FileType=text/acmi/tacview
    FileVersion=2.2
    0,ReferenceTime=2011-06-02T05:00:00Z
    0,ReferenceLongitude=121
    #47.13
    3000102,T=0.62|-0.41|2000.14,Name=J-16,Type=Air+FixedWing,CallSign=Red 1
    -3000102

``#`` starts a time frame (seconds after ReferenceTime); an object line sets properties of the
object with that hexadecimal id (0 is the global object); ``-id`` removes it. ``T=`` is
``Lon|Lat|Alt``, ``Lon|Lat|Alt|U|V``, ``Lon|Lat|Alt|Roll|Pitch|Yaw`` or
``Lon|Lat|Alt|Roll|Pitch|Yaw|U|V|Heading``: longitude and latitude in degrees added to
ReferenceLongitude/Latitude, altitude in metres, angles in degrees; an empty field keeps the
previous value. ``\\,`` is a comma inside a value, a line ending in ``\\`` goes on on the next.
Aircraft and ships are read (Type ``Air`` or ``Sea``, or no type); weapons, ground objects,
navaids and the rest are counted and left out.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from viewer.core.constants import (
    ALT_M,
    CALLSIGN,
    HEADING_DEG,
    KIND,
    KIND_HELICOPTER,
    KIND_SHIP,
    KIND_UAV,
    LABEL,
    LAT,
    LON,
    SIDE,
    TIME,
    TRACK_ID,
)
from viewer.io.bounded import ZIP_MAGIC, read_bytes, safe_zip_entry
from viewer.io.normalize import finish_frame, normalise_kind
from viewer.io.report import ImportCancelled, ImportReport, TrackImportError

# Deferred on purpose: pandas (heavy: imported by the functions that use them, so importing the
# module stays quick (STYLE 12)).

MAX_ACMI_BYTES = 1 << 30
HEADER = "FileType=text/acmi/tacview"
_UNESCAPED_COMMA = re.compile(r"(?<!\\),")
FIELDS = (TRACK_ID, TIME, LON, LAT, ALT_M, HEADING_DEG, KIND, CALLSIGN, LABEL, SIDE, "_line")
KEPT_TYPES = ("air", "sea")
COLUMNS = {
    TRACK_ID: "object id (hexadecimal)",
    TIME: "ReferenceTime + #frame (seconds)",
    LON: "T longitude + ReferenceLongitude",
    LAT: "T latitude + ReferenceLatitude",
    ALT_M: "T altitude",
    HEADING_DEG: "T Heading (9 values) / Yaw (6 values) / HDG",
    KIND: "Type and Name",
    CALLSIGN: "CallSign",
    LABEL: "Name",
    SIDE: "Coalition",
}
UNITS = {
    ALT_M: "m (documented by ACMI 2.2)",
    HEADING_DEG: "degrees (documented by ACMI 2.2)",
}


def sniff_acmi(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(HEADER.encode())


def read_acmi(path: Path, options, progress=None, cancel=None):
    with path.open("rb") as fh:
        zipped = fh.read(4) == ZIP_MAGIC
    if zipped:
        _, data = safe_zip_entry(path, (".acmi", ".txt"), MAX_ACMI_BYTES, "a Tacview .txt.acmi")
    else:
        data = read_bytes(path, MAX_ACMI_BYTES, "ACMI file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise TrackImportError(path, "not UTF-8 text (ACMI 2.x is UTF-8)", line=line) from None
    report = ImportReport(str(path), format="Tacview ACMI (zip)" if zipped else "Tacview ACMI")
    rows = _parse(path, text, report, cancel, progress)
    report.schema = "Tacview ACMI 2.x"
    report.column_map = dict(COLUMNS)
    report.units = dict(UNITS)
    if not rows[TIME]:
        why = "no aircraft or ship positions (T=) in any time frame"
        raise TrackImportError(path, f"nothing to replay: {why}")
    import pandas as pd

    raw = pd.DataFrame(rows)
    raw[TIME] = pd.to_datetime(raw[TIME], unit="s", utc=True)
    # frames interleave the objects: one run per object, in order of first appearance
    raw["_order"] = pd.factorize(raw[TRACK_ID])[0]
    raw = raw.sort_values(["_order", TIME], kind="stable", ignore_index=True)
    raw = raw.drop(columns="_order")
    return finish_frame(raw, report, path=path, tz="UTC"), report


class _Object:
    __slots__ = ("callsign", "coalition", "coords", "heading", "kept", "name", "track", "type")

    def __init__(self, track: str) -> None:
        self.coords: list[float | None] = [None, None, None]
        self.heading: float | None = None
        self.name = self.type = self.callsign = self.coalition = ""
        self.track = track
        self.kept = True


def _lines(text: str):
    """(first physical line number, logical line) with ``\\`` continuations joined."""
    pending: list[str] = []
    start = 0
    for n, raw in enumerate(text.splitlines(), start=1):
        if not pending:
            start = n
        if raw.endswith("\\") and not raw.endswith("\\\\"):
            pending.append(raw[:-1])
            continue
        pending.append(raw)
        yield start, "\n".join(pending)
        pending = []
    if pending:
        yield start, "\n".join(pending)


def _parse(path: Path, text: str, report: ImportReport, cancel, progress) -> dict[str, list]:
    lines = _lines(text)
    header = [next(lines, (0, ""))[1].strip(), next(lines, (0, ""))[1].strip()]
    if header[0] != HEADER:
        raise TrackImportError(
            path, f"not a Tacview ACMI text file: expected '{HEADER}' first, got {header[0]!r}", 1
        )
    version = header[1].partition("=")[2]
    if not header[1].startswith("FileVersion=") or not version.startswith("2."):
        raise TrackImportError(
            path, f"expected 'FileVersion=2.x' on line 2 (ACMI 2.x), got {header[1]!r}", 2
        )
    rows: dict[str, list] = {k: [] for k in FIELDS}
    ref_lon = ref_lat = 0.0
    ref_time: datetime | None = None
    frame: float | None = None
    objects: dict[str, _Object] = {}
    uses: dict[str, int] = {}
    left_out: dict[str, int] = {}
    total = max(1, len(text))
    for n, line in lines:
        if cancel is not None and n % 50_000 == 0:
            if cancel():
                raise ImportCancelled()
            if progress is not None:
                progress(min(1.0, n * 60 / total))
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        if line.startswith("#"):
            try:
                frame = float(line[1:])
            except ValueError:
                raise TrackImportError(
                    path, f"time frame {line!r} is not '#' and seconds (e.g. #47.13)", n
                ) from None
            continue
        if line.startswith("-"):
            objects.pop(line[1:].strip().lower(), None)  # a later line with its id: a new track
            continue
        oid, _, rest = line.partition(",")
        oid = oid.strip().lower()
        if not re.fullmatch(r"[0-9a-f]{1,16}", oid):
            report.skip(n, f"expected an object id (hexadecimal), '#' or '-'; got {oid[:20]!r}")
            continue
        props = _properties(rest)
        if oid == "0":
            if "ReferenceTime" in props:
                ref_time = _reference_time(path, props["ReferenceTime"], n)
            ref_lon = _float_or(props.get("ReferenceLongitude"), ref_lon)
            ref_lat = _float_or(props.get("ReferenceLatitude"), ref_lat)
            continue
        obj = objects.get(oid)
        if obj is None:
            uses[oid] = uses.get(oid, 0) + 1
            obj = objects[oid] = _Object(oid if uses[oid] == 1 else f"{oid}/{uses[oid]}")
        _update(obj, props)
        if "T" not in props:
            continue
        if not obj.kept:
            left_out[obj.track] = 1
            continue
        if not _transform(obj, props["T"]):
            report.skip(n, f"T={props['T'][:40]!r}: expected 3, 5, 6 or 9 numbers separated by |")
            continue
        if frame is None:
            report.skip(n, "a position before any '#' time frame")
            continue
        if ref_time is None:
            raise TrackImportError(
                path,
                "no ReferenceTime (line '0,ReferenceTime=...Z') before the first position: the "
                "frames' seconds count from nothing",
                n,
            )
        lon, lat, alt = obj.coords
        rows[TRACK_ID].append(obj.track)
        rows[TIME].append(ref_time.timestamp() + frame)
        rows[LON].append(None if lon is None else lon + ref_lon)
        rows[LAT].append(None if lat is None else lat + ref_lat)
        rows[ALT_M].append(alt)
        rows[HEADING_DEG].append(obj.heading)
        rows[KIND].append(_kind(obj))
        rows[CALLSIGN].append(obj.callsign)
        rows[LABEL].append(obj.name or obj.callsign)
        rows[SIDE].append(obj.coalition)
        rows["_line"].append(n)
    if left_out:
        report.notice(
            f"{len(left_out):,} objects that are neither aircraft nor ships (weapons, ground "
            "objects, navaids...) were left out"
        )
    report.notice("times: ReferenceTime plus each frame's seconds (UTC)")
    return rows


def _properties(rest: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in _UNESCAPED_COMMA.split(rest):
        key, eq, value = part.partition("=")
        if eq:
            out[key.strip()] = value.replace("\\,", ",")
    return out


def _update(obj: _Object, props: dict[str, str]) -> None:
    if "Name" in props:
        obj.name = props["Name"].strip()
    if "CallSign" in props:
        obj.callsign = props["CallSign"].strip()
    if "Coalition" in props:
        obj.coalition = props["Coalition"].strip()
    if "Type" in props:
        obj.type = props["Type"].strip()
        tags = {t.strip().lower() for t in obj.type.split("+")}
        obj.kept = bool(tags & set(KEPT_TYPES)) or not obj.type
    if "HDG" in props:
        obj.heading = _float_or(props["HDG"], obj.heading)


def _transform(obj: _Object, value: str) -> bool:
    parts = value.split("|")
    if len(parts) not in (3, 5, 6, 9):
        return False
    try:
        numbers = [float(p) if p.strip() else None for p in parts]
    except ValueError:
        return False
    for i in range(3):
        if numbers[i] is not None:
            obj.coords[i] = numbers[i]
    angle = numbers[8] if len(parts) == 9 else numbers[5] if len(parts) == 6 else None
    if angle is not None:
        obj.heading = angle % 360.0
    return True


def _kind(obj: _Object) -> str:
    tags = {t.strip().lower() for t in obj.type.split("+")}
    if "rotorcraft" in tags:
        return KIND_HELICOPTER
    if "sea" in tags or "watercraft" in tags:
        return KIND_SHIP
    if "drone" in tags or "uav" in tags:
        return KIND_UAV
    return normalise_kind(obj.name or obj.callsign)


def _float_or(value: str | None, default):
    if value is None or not value.strip():
        return default
    try:
        return float(value)
    except ValueError:
        return default


def _reference_time(path: Path, value: str, line: int) -> datetime:
    text = value.strip()
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise TrackImportError(
            path,
            f"ReferenceTime {text!r} is not an ISO 8601 UTC time (e.g. 2011-06-02T05:00:00Z)",
            line,
        ) from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)
