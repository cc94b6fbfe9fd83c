"""SBS-1 / BaseStation text (``MSG,3,...`` lines, as dump1090 / readsb send on port 30003 and as
recorded from it): one parser for files and for live streams.

The format (Kinetic Avionics' BaseStation socket output; described field by field in
"BaseStation socket data", woodair.net/sbs/article/barebones42_socket_data.htm): comma-separated
lines, first field the message type (MSG, SEL, ID, AIR, STA, CLK). For ``MSG``:

    1 MSG  2 transmission type 1-8  3 session  4 aircraft  5 HexIdent (ICAO 24-bit)  6 flight
    7 date generated  8 time generated  9 date logged  10 time logged  11 callsign
    12 altitude (ft, Mode C: 1013.25 hPa)  13 ground speed (kt)  14 track (deg)  15 latitude
    16 longitude  17 vertical rate (ft/min)  18 squawk  19 alert  20 emergency  21 SPI
    22 is on ground

Transmission types: 1 identification (callsign), 2 surface position, 3 airborne position,
4 airborne velocity, 5 surveillance altitude, 6 surveillance id (squawk), 7 air-to-air,
8 all-call reply. A fix is made from types 2 and 3 (the ones with a position); callsign, speed
and track come in other types and are carried forward per aircraft, as the receiver's own map
does. The track id is the HexIdent in lower case (the ICAO 24-bit address as OpenSky writes it;
readsb marks non-ICAO addresses with '~', kept).

Times: the dates and times in the lines are the receiver's *local* clock (dump1090 writes them
with ``localtime_r``; some builds in UTC), with no zone written. A file therefore needs its zone
declared (``ReadOptions.tz``, or the import dialog asks) — never assumed. A live stream takes
the zone given with the source, else infers the receiver's UTC offset from the first message
against our own clock (a live receiver stamps messages within seconds of now), rounded to a
quarter hour; if the two clocks disagree by more than that, the fixes take the arrival time and
the feed says so.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np

from viewer.core.constants import (
    ALT_M,
    CALLSIGN,
    FT_IN_M,
    HEADING_DEG,
    KIND_UNKNOWN,
    LAT,
    LON,
    SPEED_KT,
    TIME,
    TRACK_ID,
)
from viewer.core.live_store import NS, Fix, TrackInfo
from viewer.io.normalize import finish_frame
from viewer.io.report import ImportCancelled, ImportReport, TimeZoneRequired, TrackImportError

# Deferred on purpose: pandas (heavy: imported by the functions that use them, so importing the
# module stays quick (STYLE 12)).

SBS_TYPES = frozenset({"MSG", "SEL", "ID", "AIR", "STA", "CLK"})
POSITION_TYPES = frozenset({2, 3})
MAX_LINE = 512  # a full MSG line is about 120 characters
SCHEMA = "SBS-1 / BaseStation (port 30003)"
COLUMN_MAP = {
    TRACK_ID: "HexIdent (field 5)",
    TIME: "date and time generated (fields 7-8; else logged, 9-10)",
    CALLSIGN: "Callsign (field 11, carried forward)",
    ALT_M: "Altitude (field 12)",
    SPEED_KT: "GroundSpeed (field 13, carried forward)",
    HEADING_DEG: "Track (field 14, carried forward)",
    LAT: "Latitude (field 15)",
    LON: "Longitude (field 16)",
}
UNITS = {
    ALT_M: "ft (documented by the format: Mode C pressure altitude)",
    SPEED_KT: "kt (documented by the format)",
    HEADING_DEG: "degrees true, track over ground (documented by the format)",
}
_HEX = re.compile(r"~?[0-9A-Fa-f]{6}")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
QUARTER_HOUR_S = 900
MAX_OFFSET_S = 14 * 3600


class SbsSkip(Exception):
    """A line that is not a usable SBS message; the text says why."""


@dataclass
class _Aircraft:
    callsign: str = ""
    alt_ft: float = math.nan
    speed_kt: float = math.nan
    track_deg: float = math.nan


class SbsDecoder:
    """Stateful SBS line decoder: `decode` turns one line into a `Fix` (position messages), a
    `TrackInfo` (a new callsign) or None (a valid message with nothing for the map), and raises
    `SbsSkip` for anything else.

    ``zone``: the receiver clock's zone (tzinfo, IANA name or None). With None and
    ``infer_zone``, the first message's time against ``arrival_ns`` sets it (see the module
    docstring); without either, `SbsSkip` says a zone is needed.
    """

    def __init__(self, zone: tzinfo | str | None = None, infer_zone: bool = False) -> None:
        self.zone: tzinfo | None = _zone(zone) if isinstance(zone, str) else zone
        self.infer_zone = infer_zone
        self.use_arrival = False  # the receiver's clock could not be read: arrival times
        self.zone_note = ""
        self._aircraft: dict[str, _Aircraft] = {}
        self._offsets: dict[tuple[str, int], int] = {}  # (date, hour) -> UTC offset, s

    def decode(self, line: str, arrival_ns: int | None = None) -> Fix | TrackInfo | None:
        fields = line.rstrip("\r\n").split(",")
        kind = fields[0].strip()
        if kind not in SBS_TYPES:
            raise SbsSkip(f"not an SBS message (first field {kind[:12]!r}; expected MSG, ...)")
        if kind != "MSG":
            return None  # SEL, ID, AIR, STA, CLK: BaseStation's own bookkeeping
        if len(fields) < 11:
            raise SbsSkip(f"MSG line with {len(fields)} fields; expected 22 (or at least 11)")
        fields += [""] * (22 - len(fields))
        try:
            ttype = int(fields[1])
        except ValueError:
            raise SbsSkip(f"transmission type {fields[1][:8]!r} is not 1-8") from None
        if not 1 <= ttype <= 8:
            raise SbsSkip(f"transmission type {ttype} is not 1-8")
        hexident = fields[4].strip()
        if not _HEX.fullmatch(hexident):
            raise SbsSkip(f"HexIdent {hexident[:12]!r} is not a 24-bit hex address")
        track_id = hexident.lower()
        state = self._aircraft.get(track_id)
        if state is None:
            state = self._aircraft[track_id] = _Aircraft()
        callsign = fields[10].strip()
        new_callsign = bool(callsign) and callsign != state.callsign
        if callsign:
            state.callsign = callsign
        alt = _number(fields[11], "altitude")
        if not math.isnan(alt):
            state.alt_ft = alt
        speed, track = _number(fields[12], "ground speed"), _number(fields[13], "track")
        if not math.isnan(speed):
            state.speed_kt = speed
        if not math.isnan(track):
            state.track_deg = track % 360.0
        if ttype not in POSITION_TYPES:
            return TrackInfo(track_id, callsign=callsign) if new_callsign else None
        lat, lon = _number(fields[14], "latitude"), _number(fields[15], "longitude")
        if math.isnan(lat) or math.isnan(lon):
            raise SbsSkip(f"MSG,{ttype} without a latitude and longitude")
        if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
            raise SbsSkip(f"position out of range ({lat}, {lon})")
        t_ns = self._time(fields, arrival_ns)
        return Fix(
            track_id,
            t_ns,
            lon,
            lat,
            alt_m=state.alt_ft * FT_IN_M,
            speed_kt=state.speed_kt,
            heading_deg=state.track_deg,
            kind=KIND_UNKNOWN,
            callsign=state.callsign,
        )

    def last_callsign(self, track_id: str) -> str:
        state = self._aircraft.get(track_id)
        return state.callsign if state is not None else ""

    # ------------------------------------------------------------------ time
    def _time(self, fields: list[str], arrival_ns: int | None) -> int:
        if self.use_arrival and arrival_ns is not None:
            return arrival_ns
        date, clock = fields[6].strip(), fields[7].strip()
        if not date or not clock:
            date, clock = fields[8].strip(), fields[9].strip()
        local = _local_ns(date, clock)  # nanoseconds of the naive local time, as if UTC
        if self.zone is None:
            if not self.infer_zone or arrival_ns is None:
                raise SbsSkip(
                    "the receiver's local time has no zone: declare it "
                    f"(e.g. Asia/Taipei); e.g. '{date} {clock}'"
                )
            self._infer(local, arrival_ns)
            if self.use_arrival:
                return arrival_ns
        return local - self._offset_s(date, local) * NS

    def _infer(self, local_ns: int, arrival_ns: int) -> None:
        diff_s = (local_ns - arrival_ns) / NS
        offset = round(diff_s / QUARTER_HOUR_S) * QUARTER_HOUR_S
        if abs(offset) <= MAX_OFFSET_S and abs(diff_s - offset) <= 120:
            self.zone = _fixed(offset)
            self.zone_note = f"receiver clock read as UTC{_offset_text(offset)} (inferred)"
        else:
            self.use_arrival = True
            self.zone_note = (
                f"receiver clock {diff_s:+.0f} s from ours and no zone given: "
                "fixes take the arrival time"
            )

    def _offset_s(self, date: str, local_ns: int) -> int:
        hour = local_ns // (3600 * NS)
        offset = self._offsets.get((date, hour))
        if offset is None:
            naive = datetime.fromtimestamp(hour * 3600, UTC).replace(tzinfo=None)
            delta = naive.replace(tzinfo=self.zone).utcoffset() or timedelta(0)
            offset = self._offsets[(date, hour)] = int(delta.total_seconds())
        return offset


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone {name!r}; expected an IANA name such as 'Asia/Taipei' or 'UTC'"
        ) from None


def _fixed(offset_s: int) -> tzinfo:
    """A fixed UTC offset, as an IANA 'Etc/GMT-8' zone when whole hours (so a recording's note
    names a zone the file readers take)."""
    if offset_s % 3600 == 0 and abs(offset_s) <= 12 * 3600:
        hours = offset_s // 3600
        return ZoneInfo("UTC" if hours == 0 else f"Etc/GMT{-hours:+d}")
    return timezone(timedelta(seconds=offset_s))


def zone_name(zone: tzinfo | None) -> str:
    """An IANA name for a zone the decoder uses ('' when it has none or it is an odd offset)."""
    return str(zone.key) if isinstance(zone, ZoneInfo) else ""


def _offset_text(offset_s: int) -> str:
    sign = "+" if offset_s >= 0 else "-"
    h, m = divmod(abs(offset_s) // 60, 60)
    return f"{sign}{h:02d}:{m:02d}"


def _number(text: str, what: str) -> float:
    text = text.strip()
    if not text:
        return math.nan
    try:
        value = float(text)
    except ValueError:
        raise SbsSkip(f"{what} {text[:16]!r} is not a number") from None
    if not math.isfinite(value):
        raise SbsSkip(f"{what} {text[:16]!r} is not a finite number")
    return value


def _local_ns(date: str, clock: str) -> int:
    """'2008/11/28', '14:53:50.594' -> integer nanoseconds of that naive time read as UTC."""
    try:
        y, mo, d = (int(p) for p in date.replace("-", "/").split("/"))
        hh, mm, ss = clock.split(":")
        whole, _, frac = ss.partition(".")
        if not (frac.isdigit() or frac == "") or len(frac) > 9:
            raise ValueError
        day = datetime(y, mo, d, tzinfo=UTC)
        h, mi, s = int(hh), int(mm), int(whole)
        if not (0 <= h < 24 and 0 <= mi < 60 and 0 <= s < 61 and 1900 <= y < 2200):
            raise ValueError
    except ValueError:
        raise SbsSkip(
            f"bad date/time {date[:12]!r} {clock[:16]!r}; expected YYYY/MM/DD and HH:MM:SS.fff"
        ) from None
    days = (day - _EPOCH).days
    return ((days * 86400 + h * 3600 + mi * 60 + s) * NS) + int((frac + "000000000")[:9])


# ---------------------------------------------------------------------------- file reader
def read_sbs(path: Path, options, progress=None, cancel=None):
    """An SBS-1 / BaseStation log as tracks, one per HexIdent (see the module docstring)."""
    import pandas as pd

    report = ImportReport(str(path), format="SBS-1 / BaseStation")
    report.schema = SCHEMA
    report.column_map = dict(COLUMN_MAP)
    report.units = dict(UNITS)
    try:
        decoder = SbsDecoder(options.tz)
    except ValueError as exc:
        raise TrackImportError(path, str(exc)) from None
    rows: dict[str, list] = {
        k: [] for k in (TRACK_ID, TIME, LON, LAT, ALT_M, SPEED_KT, HEADING_DEG, "_line")
    }
    n_sbs = 0
    size = max(path.stat().st_size, 1)
    done = 0
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            done += len(raw)
            if lineno % 50_000 == 0:
                if cancel is not None and cancel():
                    raise ImportCancelled()
                if progress is not None:
                    progress(min(done / size, 0.99))
            if not raw.strip():
                continue
            if len(raw) > MAX_LINE:
                report.skip(lineno, f"line longer than {MAX_LINE} bytes: not an SBS message")
                continue
            try:
                line = raw.decode("ascii")
            except UnicodeDecodeError:
                report.skip(lineno, "not text (bytes outside ASCII)")
                continue
            try:
                decoded = decoder.decode(line)
            except SbsSkip as exc:
                if decoder.zone is None and "has no zone" in str(exc):
                    fields = line.split(",")
                    raise TimeZoneRequired(
                        path, "date/time generated", f"{fields[6]} {fields[7]}".strip()
                    ) from None
                report.skip(lineno, str(exc))
                continue
            n_sbs += 1
            if isinstance(decoded, Fix):
                rows[TRACK_ID].append(decoded.track_id)
                rows[TIME].append(decoded.t_ns)
                rows[LON].append(decoded.lon)
                rows[LAT].append(decoded.lat)
                rows[ALT_M].append(decoded.alt_m)
                rows[SPEED_KT].append(decoded.speed_kt)
                rows[HEADING_DEG].append(decoded.heading_deg)
                rows["_line"].append(lineno)
    if n_sbs == 0:
        raise TrackImportError(path, "no SBS-1 messages (lines starting MSG, ...) in the file")
    report.notice(
        f"times are the receiver's local time, read as {options.tz} (declared) and stored in UTC"
    )
    raw_frame = pd.DataFrame(rows)
    raw_frame[TIME] = pd.to_datetime(np.asarray(rows[TIME], dtype=np.int64), unit="ns", utc=True)
    # one callsign per aircraft, its last (a change within one address is a label change)
    raw_frame[CALLSIGN] = raw_frame[TRACK_ID].map(decoder.last_callsign)
    if progress is not None:
        progress(1.0)
    return finish_frame(raw_frame, report, path=path, tz="UTC"), report
