"""AIS NMEA sentences -> ship positions (pyais), one decoder for files and live feeds.

A line is an NMEA 0183 ``!AIVDM``/``!AIVDO`` sentence, optionally after an NMEA 4.10 tag block
(``\\s:rcvr,c:1633305600*hh\\``; ``c:`` is Unix time in seconds, or milliseconds when larger than
1e11) or a leading ISO 8601 / epoch time. Multi-sentence messages (type 5 is two) are joined by
sequence id and channel. AIS "not available" values (ITU-R M.1371: longitude 181, latitude 91,
SOG 102.3 kt, COG 360°, true heading 511) are missing values, never positions or directions;
the direction is the true heading when the ship sends one, else the course over ground.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# Deferred on purpose: pyais (heavy: imported by the functions that use them, so importing the
# module stays quick (STYLE 12)).

POSITION_TYPES = frozenset({1, 2, 3, 18, 19, 27})
STATIC_TYPES = frozenset({5, 24})
TAG_TIME = re.compile(rb"\\(?:[^\\]*,)?c:(\d+)")
PREFIX_TIME = re.compile(
    rb"^\s*(\d{4}-\d\d-\d\d[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?|\d{9,13}(?:\.\d+)?)[\s,;]"
)
SOG_NOT_AVAILABLE = 102.3
COG_NOT_AVAILABLE = 360.0
HEADING_NOT_AVAILABLE = 511
LON_NOT_AVAILABLE = 181.0
LAT_NOT_AVAILABLE = 91.0
MAX_PENDING = 1000  # unfinished multi-sentence messages kept (a hostile feed sends only parts)


class AisSkip(Exception):
    """A line that gives no position; the text says why."""


@dataclass(frozen=True)
class AisPosition:
    mmsi: str
    lon: float
    lat: float
    speed_kt: float  # NaN where not available
    direction_deg: float  # true heading, else course over ground; NaN where neither


@dataclass(frozen=True)
class AisName:
    mmsi: str
    name: str


class AisDecoder:
    """Stateful: joins multi-sentence messages. `decode` returns an `AisPosition`, an `AisName`,
    None (a part of a longer message, or a message type with nothing for the map), or raises
    `AisSkip` (not AIS, bad checksum, payload that does not decode, position not available)."""

    def __init__(self) -> None:
        self._pending: dict[tuple, list] = {}
        self.sentences = 0  # valid AIS sentences seen

    @property
    def incomplete(self) -> int:
        return len(self._pending)

    def decode(self, line: bytes) -> AisPosition | AisName | None:
        from pyais import NMEAMessage
        from pyais.exceptions import AISBaseException

        start = line.find(b"!")
        if start < 0:
            raise AisSkip("not an AIS sentence (no '!AIVDM')")
        try:
            msg = NMEAMessage(line[start:].strip())
        except (AISBaseException, ValueError, IndexError) as exc:
            raise AisSkip(f"not a valid AIS sentence ({type(exc).__name__})") from None
        if not msg.is_valid:
            raise AisSkip("AIS checksum mismatch")
        self.sentences += 1
        if msg.is_multi:
            key = (msg.seq_id, msg.channel)
            parts = self._pending.setdefault(key, [])
            parts.append(msg)
            if len(parts) < msg.frag_cnt:
                if len(self._pending) > MAX_PENDING:  # forget the oldest unfinished message
                    self._pending.pop(next(iter(self._pending)))
                return None
            del self._pending[key]
            try:
                msg = NMEAMessage.assemble_from_iterable(parts)
            except (AISBaseException, ValueError, IndexError):
                raise AisSkip("incomplete multi-sentence AIS message") from None
        try:
            decoded = msg.decode()
        except (AISBaseException, ValueError, IndexError, KeyError) as exc:
            raise AisSkip(f"AIS payload does not decode ({type(exc).__name__})") from None
        mtype = getattr(decoded, "msg_type", None)
        mmsi = getattr(decoded, "mmsi", None)
        if mtype in STATIC_TYPES:
            name = (getattr(decoded, "shipname", "") or "").strip("@ ").strip()
            return AisName(str(mmsi), name) if mmsi is not None and name else None
        if mtype not in POSITION_TYPES:
            return None
        lon, lat = getattr(decoded, "lon", None), getattr(decoded, "lat", None)
        if lon is None or lat is None or lon == LON_NOT_AVAILABLE or lat == LAT_NOT_AVAILABLE:
            raise AisSkip("position not available (181/91)")
        speed = getattr(decoded, "speed", None)
        course = getattr(decoded, "course", None)
        heading = getattr(decoded, "heading", None)
        if heading is not None and 0 <= heading < 360 and heading != HEADING_NOT_AVAILABLE:
            direction = float(heading)
        elif course is not None and 0 <= course < COG_NOT_AVAILABLE:
            direction = float(course)
        else:
            direction = math.nan
        return AisPosition(
            mmsi=str(mmsi),
            lon=float(lon),
            lat=float(lat),
            speed_kt=math.nan if speed is None or speed >= SOG_NOT_AVAILABLE else float(speed),
            direction_deg=direction,
        )


def line_time(prefix: bytes):
    """The time a line carries before its sentence: a tag block's ``c:`` (epoch seconds as a
    float), a leading ISO 8601 text (str, 'Z' added when it has no zone) or epoch number; None."""
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


def tag_block(fields: str) -> str:
    """An NMEA 4.10 tag block for ``fields`` (e.g. 'c:1633305600'), with its checksum."""
    checksum = 0
    for ch in fields.encode("ascii"):
        checksum ^= ch
    return f"\\{fields}*{checksum:02X}\\"
