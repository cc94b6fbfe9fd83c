"""AIS NMEA sentences (pyais): position reports grouped by MMSI into ship tracks.

AIS sentences carry no date, so each line needs a time: an NMEA 4.10 tag block with a ``c:``
Unix time (``\\c:1633305600*hh\\!AIVDM,...``) or a leading ISO 8601 / epoch time
(``2021-10-04T00:00:00Z !AIVDM,...``). Multi-sentence messages are joined; lines that are not
AIS, or fail their checksum, are skipped with their line number. AIS 'not available' values
are missing, never positions or directions: heading 511 (the course is used instead), SOG
102.3, COG 360, latitude 91, longitude 181.
"""

from __future__ import annotations

import re
from pathlib import Path

from viewer.core.constants import CALLSIGN, HEADING_DEG, KIND, LAT, LON, SPEED_KT, TIME, TRACK_ID
from viewer.io.normalize import finish_frame
from viewer.io.report import ImportCancelled, ImportReport, TrackImportError

POSITION_TYPES = {1, 2, 3, 18, 19, 27}
TAG_TIME = re.compile(rb"\\(?:[^\\]*,)?c:(\d+)")
PREFIX_TIME = re.compile(
    rb"^\s*(\d{4}-\d\d-\d\d[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?|\d{9,13}(?:\.\d+)?)[\s,;]"
)


def read_nmea(path: Path, options, progress=None, cancel=None):
    import pandas as pd
    from pyais import NMEAMessage
    from pyais.exceptions import AISBaseException

    report = ImportReport(str(path), format="AIS NMEA")
    rows: dict[str, list] = {
        k: [] for k in (TRACK_ID, TIME, LON, LAT, SPEED_KT, HEADING_DEG, KIND, CALLSIGN, "_line")
    }
    pending: dict[tuple, list] = {}
    names: dict[int, str] = {}
    n_ais = 0
    with path.open("rb") as fh:
        for lineno, raw_line in enumerate(fh, start=1):
            if cancel is not None and lineno % 50_000 == 0 and cancel():
                raise ImportCancelled()
            line = raw_line.strip()
            if not line:
                continue
            start = line.find(b"!")
            if start < 0:
                report.skip(lineno, "not an AIS sentence (no '!AIVDM')")
                continue
            when = _time_of(line[:start])
            sentence = line[start:]
            try:
                msg = NMEAMessage(sentence)
            except (AISBaseException, ValueError, IndexError) as exc:
                report.skip(lineno, f"not a valid AIS sentence ({type(exc).__name__})")
                continue
            if not msg.is_valid:
                report.skip(lineno, "AIS checksum mismatch")
                continue
            n_ais += 1
            if msg.is_multi:
                key = (msg.seq_id, msg.channel)
                parts = pending.setdefault(key, [])
                parts.append(msg)
                if len(parts) < msg.frag_cnt:
                    continue
                del pending[key]
                try:
                    msg = NMEAMessage.assemble_from_iterable(parts)
                except (AISBaseException, ValueError, IndexError):
                    report.skip(lineno, "incomplete multi-sentence AIS message")
                    continue
            try:
                decoded = msg.decode()
            except (AISBaseException, ValueError, IndexError, KeyError) as exc:
                report.skip(lineno, f"AIS payload does not decode ({type(exc).__name__})")
                continue
            mtype = getattr(decoded, "msg_type", None)
            mmsi = getattr(decoded, "mmsi", None)
            if mtype == 5 or mtype == 24:
                name = (getattr(decoded, "shipname", "") or "").strip("@ ").strip()
                if mmsi is not None and name:
                    names[int(mmsi)] = name
                continue
            if mtype not in POSITION_TYPES:
                continue
            if when is None:
                report.skip(
                    lineno,
                    "position report without a time (no tag block 'c:' or leading timestamp)",
                )
                continue
            lon, lat = getattr(decoded, "lon", None), getattr(decoded, "lat", None)
            if lon == 181 or lat == 91:  # AIS 'not available'
                report.skip(lineno, "position not available (181/91)")
                continue
            speed = getattr(decoded, "speed", None)
            course = getattr(decoded, "course", None)
            heading = getattr(decoded, "heading", None)
            if heading is None or heading >= 360:  # 511: not available; use the course
                heading = None if course is None or course >= 360 else course
            rows[TRACK_ID].append(str(mmsi))
            rows[TIME].append(when)
            rows[LON].append(lon)
            rows[LAT].append(lat)
            rows[SPEED_KT].append(None if speed is None or speed >= 102.3 else speed)
            rows[HEADING_DEG].append(heading)
            rows[KIND].append("ship")
            rows[CALLSIGN].append(None)
            rows["_line"].append(lineno)
    if n_ais == 0:
        raise TrackImportError(path, "no AIS sentences (!AIVDM / !AIVDO) in the file")
    if pending:
        report.warn(f"{len(pending)} multi-sentence messages were incomplete at the end")
    raw = pd.DataFrame(rows)
    if len(raw):
        raw[CALLSIGN] = raw[TRACK_ID].map(lambda m: names.get(int(m)))
    return finish_frame(raw, report, path=path, tz="UTC"), report


def _time_of(prefix: bytes):
    m = TAG_TIME.search(prefix)
    if m:
        value = int(m.group(1))
        return value / 1000.0 if value > 1e11 else float(value)
    m = PREFIX_TIME.match(prefix + b" ")
    if m:
        text = m.group(1).decode()
        try:
            return float(text)
        except ValueError:
            return text if text[-1] == "Z" or "+" in text[10:] else text + "Z"
    return None
