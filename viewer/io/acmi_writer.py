"""Tracks written as a Tacview ACMI 2.2 recording (text, or zipped for ``.zip.acmi``), so a
replay prepared here opens in Tacview; the format as `viewer.io.acmi_reader` cites it.

    FileType=text/acmi/tacview
    FileVersion=2.2
    0,ReferenceTime=2021-10-04T06:00:00Z
    0,ReferenceLongitude=119
    0,ReferenceLatitude=21
    0,DataSource=ADIZ Viewer
    #0
    1,T=0.5|1|7000,Type=Air+FixedWing,Name=J-16,CallSign=Red 1,HDG=90

Object ids are 1, 2, ... (hexadecimal) in track order; the track's id is kept as its
``Registration``. Positions are offsets from ReferenceLongitude/Latitude (whole degrees below
every fix); an object is removed (``-id``) at its last fix.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from viewer.core.constants import KIND_HELICOPTER, KIND_SHIP

if TYPE_CHECKING:
    from viewer.core.tracks import TrackSet

TYPES = {KIND_HELICOPTER: "Air+Rotorcraft", KIND_SHIP: "Sea+Watercraft"}
DEFAULT_TYPE = "Air+FixedWing"


def acmi_text(trackset: TrackSet, title: str = "") -> str:
    """The ACMI 2.2 text of ``trackset`` (UTF-8 when written)."""
    n = len(trackset.t)
    if n == 0:
        raise ValueError("no fixes to write: an ACMI recording needs at least one position")
    t0 = float(np.floor(trackset.t.min()))
    ref_lon = float(np.floor(trackset.lon.min()))
    ref_lat = float(np.floor(trackset.lat.min()))
    reference = datetime.fromtimestamp(t0, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    lines = [
        "FileType=text/acmi/tacview",
        "FileVersion=2.2",
        f"0,ReferenceTime={reference}",
        f"0,ReferenceLongitude={_num(ref_lon)}",
        f"0,ReferenceLatitude={_num(ref_lat)}",
        "0,DataSource=ADIZ Viewer",
    ]
    if title:
        lines.append(f"0,Title={_escape(title)}")
    track_of = np.repeat(np.arange(len(trackset.ids)), np.diff(trackset.offsets))
    last = trackset.offsets[1:] - 1
    order = np.lexsort((track_of, trackset.t))  # by time, then track
    frame = None
    for k in order:
        i = int(track_of[k])
        offset = float(trackset.t[k]) - t0
        if frame is None or offset != frame:
            frame = offset
            lines.append(f"#{_num(offset, 3)}")
        oid = f"{i + 1:x}"
        alt = trackset.alt_m[k]
        t = f"{_num(trackset.lon[k] - ref_lon, 7)}|{_num(trackset.lat[k] - ref_lat, 7)}|"
        t += "" if np.isnan(alt) else _num(float(alt), 1)
        props = [f"T={t}"]
        if k == trackset.offsets[i]:
            props += _identity(trackset, i)
        heading = trackset.heading_deg[k]
        if not np.isnan(heading):
            props.append(f"HDG={_num(float(heading), 1)}")
        lines.append(f"{oid}," + ",".join(props))
        if k == last[i]:
            lines.append(f"-{oid}")
    return "\n".join(lines) + "\n"


def write_acmi(trackset: TrackSet, path: str | Path, title: str = "") -> Path:
    """Write ``trackset`` to ``path``: zipped when the name ends in ``.zip.acmi``, else text."""
    path = Path(path)
    text = acmi_text(trackset, title).encode("utf-8")
    if path.name.lower().endswith(".zip.acmi"):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            inner = path.name[: -len(".zip.acmi")] + ".txt.acmi"
            zf.writestr(inner, text)
        data = buf.getvalue()
    else:
        data = text
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path


def _identity(trackset: TrackSet, i: int) -> list[str]:
    kind = str(trackset.kinds[i])
    label = str(trackset.labels[i] or "")
    callsign = str(trackset.callsigns[i] or "")
    out = [f"Type={TYPES.get(kind, DEFAULT_TYPE)}", f"Name={_escape(label or kind)}"]
    if callsign:
        out.append(f"CallSign={_escape(callsign)}")
    out.append(f"Registration={_escape(str(trackset.ids[i]))}")
    side = str(trackset.sides[i] or "") if trackset.sides is not None else ""
    if side:
        out.append(f"Coalition={_escape(side)}")
    return out


def _escape(text: str) -> str:
    return text.replace("\n", " ").replace(",", "\\,")


def _num(value: float, digits: int = 0) -> str:
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
