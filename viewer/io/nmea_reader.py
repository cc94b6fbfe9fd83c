"""AIS NMEA sentences (pyais): position reports grouped by MMSI into ship tracks.

AIS sentences carry no date, so each line needs a time: an NMEA 4.10 tag block with a ``c:``
Unix time (``\\c:1633305600*hh\\!AIVDM,...``) or a leading ISO 8601 / epoch time
(``2021-10-04T00:00:00Z !AIVDM,...``). Multi-sentence messages are joined; lines that are not
AIS, or fail their checksum, are skipped with their line number. AIS 'not available' values
are missing, never positions or directions: heading 511 (the course is used instead), SOG
102.3, COG 360, latitude 91, longitude 181. The sentences are decoded by
`viewer.io.ais_decoder`, the same decoder live AIS feeds use.
"""

from __future__ import annotations

from pathlib import Path

from viewer.core.constants import CALLSIGN, HEADING_DEG, KIND, LAT, LON, SPEED_KT, TIME, TRACK_ID
from viewer.io.ais_decoder import AisDecoder, AisName, AisPosition, AisSkip, line_time
from viewer.io.normalize import finish_frame
from viewer.io.report import ImportCancelled, ImportReport, TrackImportError

# Deferred on purpose: pandas (heavy: imported by the functions that use them, so importing the
# module stays quick (STYLE 12)).


def read_nmea(path: Path, options, progress=None, cancel=None):
    import pandas as pd

    report = ImportReport(str(path), format="AIS NMEA")
    rows: dict[str, list] = {
        k: [] for k in (TRACK_ID, TIME, LON, LAT, SPEED_KT, HEADING_DEG, KIND, CALLSIGN, "_line")
    }
    names: dict[str, str] = {}
    decoder = AisDecoder()
    with path.open("rb") as fh:
        for lineno, raw_line in enumerate(fh, start=1):
            if cancel is not None and lineno % 50_000 == 0 and cancel():
                raise ImportCancelled()
            line = raw_line.strip()
            if not line:
                continue
            try:
                decoded = decoder.decode(line)
            except AisSkip as exc:
                report.skip(lineno, str(exc))
                continue
            if isinstance(decoded, AisName):
                names[decoded.mmsi] = decoded.name
                continue
            if not isinstance(decoded, AisPosition):
                continue
            when = line_time(line[: line.find(b"!")])
            if when is None:
                report.skip(
                    lineno,
                    "position report without a time (no tag block 'c:' or leading timestamp)",
                )
                continue
            rows[TRACK_ID].append(decoded.mmsi)
            rows[TIME].append(when)
            rows[LON].append(decoded.lon)
            rows[LAT].append(decoded.lat)
            rows[SPEED_KT].append(decoded.speed_kt)
            rows[HEADING_DEG].append(decoded.direction_deg)
            rows[KIND].append("ship")
            rows[CALLSIGN].append(None)
            rows["_line"].append(lineno)
    if decoder.sentences == 0:
        raise TrackImportError(path, "no AIS sentences (!AIVDM / !AIVDO) in the file")
    if decoder.incomplete:
        report.warn(f"{decoder.incomplete} multi-sentence messages were incomplete at the end")
    raw = pd.DataFrame(rows)
    if len(raw):
        raw[CALLSIGN] = raw[TRACK_ID].map(names.get)
    return finish_frame(raw, report, path=path, tz="UTC"), report
