"""From a feed's bytes to messages and fixes: framing, and the text protocols (SBS-1, AIS NMEA,
Cursor-on-Target). Beast binary is in `viewer.io.live.beast`, polled JSON in
`viewer.io.live.opensky`.

A `Protocol` is fed the bytes as they arrive (``feed``) or one datagram at a time
(``feed_datagram``) and returns `Message`s: ``raw`` is what the recording keeps (a whole line,
frame or event: a message cut off by a dropped connection is never half-recorded), ``fixes`` and
``infos`` what goes to the store. Anything else is counted in ``skipped`` by reason and dropped:
garbage, half lines, lines too long to be the protocol's (a hostile sender), bad checksums.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import UTC, datetime
from typing import NamedTuple

from viewer.core.constants import KIND_SHIP
from viewer.core.live_store import NS, Fix, TrackInfo
from viewer.io.ais_decoder import AisDecoder, AisName, AisPosition, AisSkip, line_time, tag_block
from viewer.io.cot_reader import event_row
from viewer.io.report import TrackImportError
from viewer.io.sbs_reader import SbsDecoder, SbsSkip, zone_name
from viewer.io.xml_safety import parse_xml

# Deferred on purpose: pandas (heavy: imported by the functions that use them, so importing the
# module stays quick (STYLE 12)).

MAX_REASONS = 32
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


class Message(NamedTuple):
    raw: bytes  # as recorded (one line with its newline, one frame, one event)
    fixes: tuple[Fix, ...] = ()
    infos: tuple[TrackInfo, ...] = ()


class Protocol:
    """Base: counts, and the contract. ``name`` is the URL scheme's protocol, ``suffix`` the
    extension of its raw recording."""

    name = ""
    suffix = ".raw"

    def __init__(self) -> None:
        self.skipped: Counter[str] = Counter()
        self.messages = 0  # valid messages (recorded)
        self.notes: list[str] = []  # what the user should know (an inferred clock zone, ...)

    def feed(self, data: bytes, arrival_ns: int) -> list[Message]:
        raise NotImplementedError

    def feed_datagram(self, data: bytes, arrival_ns: int) -> list[Message]:
        """One UDP datagram: whatever it does not complete is dropped at its end."""
        out = self.feed(data, arrival_ns)
        out += self.end(arrival_ns, datagram=True)
        return out

    def end(self, arrival_ns: int, datagram: bool = False) -> list[Message]:
        """The connection closed (or a datagram ended): a half message is counted, not kept."""
        return []

    def skip(self, reason: str) -> None:
        """Count a dropped message under its reason (examples quoted in it are cut, and past
        `MAX_REASONS` distinct reasons the rest count as one: a hostile feed cannot grow it)."""
        key = _QUOTED.sub("…", reason)
        if key not in self.skipped and len(self.skipped) >= MAX_REASONS:
            key = "other"
        self.skipped[key] += 1


class LineProtocol(Protocol):
    """Newline-separated text; a line longer than ``max_line`` bytes is dropped whole."""

    max_line = 1024

    def __init__(self) -> None:
        super().__init__()
        self._buf = bytearray()
        self._discarding = False

    def feed(self, data: bytes, arrival_ns: int) -> list[Message]:
        self._buf += data
        out: list[Message] = []
        start = 0
        buf = self._buf
        while True:
            nl = buf.find(b"\n", start)
            if nl < 0:
                break
            line = bytes(buf[start:nl])
            start = nl + 1
            if self._discarding:
                self._discarding = False
                continue
            self._line(line, arrival_ns, out)
        del buf[:start]
        if len(buf) > self.max_line:  # no newline in sight: not this protocol, or hostile
            if not self._discarding:
                self.skip(f"line longer than {self.max_line} bytes (dropped)")
            self._discarding = True
            buf.clear()
        return out

    def end(self, arrival_ns: int, datagram: bool = False) -> list[Message]:
        out: list[Message] = []
        if self._buf and not self._discarding:
            if datagram:  # a datagram's last line needs no newline
                self._line(bytes(self._buf), arrival_ns, out)
            else:
                self.skip("half line at a dropped connection")
        self._buf.clear()
        self._discarding = False
        return out

    def _line(self, line: bytes, arrival_ns: int, out: list[Message]) -> None:
        line = line.rstrip(b"\r")
        if not line.strip():
            return
        if len(line) > self.max_line:
            self.skip(f"line longer than {self.max_line} bytes (dropped)")
            return
        message = self.decode_line(line, arrival_ns)
        if message is not None:
            self.messages += 1
            out.append(message)

    def decode_line(self, line: bytes, arrival_ns: int) -> Message | None:
        raise NotImplementedError


# ---------------------------------------------------------------------------- SBS-1
class SbsProtocol(LineProtocol):
    """SBS-1 / BaseStation lines (port 30003), decoded by `viewer.io.sbs_reader.SbsDecoder`.
    ``tz``: the receiver clock's IANA zone; None: inferred from the first message."""

    name = "sbs"
    suffix = ".sbs"
    max_line = 512

    def __init__(self, tz: str | None = None) -> None:
        super().__init__()
        self.decoder = SbsDecoder(tz, infer_zone=tz is None)

    def decode_line(self, line: bytes, arrival_ns: int) -> Message | None:
        try:
            text = line.decode("ascii")
        except UnicodeDecodeError:
            self.skip("not text (bytes outside ASCII)")
            return None
        had_note = bool(self.decoder.zone_note)
        try:
            decoded = self.decoder.decode(text, arrival_ns)
        except SbsSkip as exc:
            self.skip(str(exc))
            return None
        if not had_note and self.decoder.zone_note:
            self.notes.append(self.decoder.zone_note)
        raw = line + b"\n"
        if isinstance(decoded, Fix):
            return Message(raw, fixes=(decoded,))
        if isinstance(decoded, TrackInfo):
            return Message(raw, infos=(decoded,))
        return Message(raw)

    @property
    def zone(self) -> str:
        return zone_name(self.decoder.zone)


# ---------------------------------------------------------------------------- AIS NMEA
class NmeaProtocol(LineProtocol):
    """AIS NMEA sentences, with or without NMEA 4.10 tag blocks. A line without a time gets one:
    the arrival time, written into the recording as a tag block ``\\c:<ms>*hh\\`` so the file
    replays with the very times the live picture used."""

    name = "nmea"
    suffix = ".nmea"
    max_line = 1024

    def __init__(self) -> None:
        super().__init__()
        self.decoder = AisDecoder()
        self.names: dict[str, str] = {}

    def decode_line(self, line: bytes, arrival_ns: int) -> Message | None:
        bang = line.find(b"!")
        if bang < 0:
            self.skip("not an AIS sentence (no '!AIVDM')")
            return None
        try:
            decoded = self.decoder.decode(line)
        except AisSkip as exc:
            self.skip(str(exc))
            if "available" not in str(exc):
                return None  # only a well-formed sentence is recorded
            decoded = None
        when = line_time(line[:bang])
        if when is None:  # untimed (UDP from a receiver): the arrival time, in a tag block
            ms = arrival_ns // 1_000_000
            line = tag_block(f"c:{ms}").encode("ascii") + line
            when = ms / 1000.0
        raw = line + b"\n"
        if isinstance(decoded, AisName):
            self.names[decoded.mmsi] = decoded.name
            return Message(raw, infos=(TrackInfo(decoded.mmsi, callsign=decoded.name),))
        if not isinstance(decoded, AisPosition):
            return Message(raw)
        t_ns = _epoch_ns(when)
        if t_ns is None:
            self.skip("unreadable time before the sentence")
            return Message(raw)
        fix = Fix(
            decoded.mmsi,
            t_ns,
            decoded.lon,
            decoded.lat,
            speed_kt=decoded.speed_kt,
            heading_deg=decoded.direction_deg,
            kind=KIND_SHIP,
            callsign=self.names.get(decoded.mmsi, ""),
            label=KIND_SHIP,  # as `finish_frame` labels a track by the kind text a file gives
        )
        return Message(raw, fixes=(fix,))


def _epoch_ns(when) -> int | None:
    """A line's time as `viewer.io.normalize` reads it: epoch seconds as float64 times 1e9,
    truncated (so a recording read back gives the same nanoseconds), or ISO text."""
    if isinstance(when, float):
        return int(when * 1e9)
    try:
        import pandas as pd

        return int(pd.Timestamp(when).value)
    except (ValueError, OverflowError):
        return None


# ---------------------------------------------------------------------------- Cursor-on-Target
MAX_EVENT = 64 * 1024
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)  # a CoT event with its detail is a few kB


class CotProtocol(Protocol):
    """Cursor-on-Target ``<event>`` XML, one after another on TCP or one per UDP datagram, each
    parsed with the hardened parser of `viewer.io.xml_safety` (no DTDs, no entities)."""

    name = "cot"
    suffix = ".cot"

    def __init__(self) -> None:
        super().__init__()
        self._buf = bytearray()

    def feed(self, data: bytes, arrival_ns: int) -> list[Message]:
        self._buf += data
        out: list[Message] = []
        buf = self._buf
        while True:
            start = _event_start(buf)
            if start < 0:
                if len(buf) > 16:  # keep a tail that may begin an '<event'
                    self._garbage(bytes(buf[:-16]))
                    del buf[:-16]
                break
            if start > 0:
                self._garbage(bytes(buf[:start]))
                del buf[:start]
            end = _event_end(buf)
            if end < 0:
                if len(buf) > MAX_EVENT:
                    self.skip(f"event larger than {MAX_EVENT // 1024} KiB (dropped)")
                    del buf[:6]  # look for the next '<event' after this one's start
                    continue
                break
            event = bytes(buf[:end])
            del buf[:end]
            message = self._event(event)
            if message is not None:
                self.messages += 1
                out.append(message)
        return out

    def end(self, arrival_ns: int, datagram: bool = False) -> list[Message]:
        if _event_start(self._buf) >= 0:
            self.skip("half event at the end of a datagram or connection")
        self._buf.clear()
        return []

    def _garbage(self, data: bytes) -> None:
        text = data.strip()
        if text.startswith(b"<?xml") and text.endswith(b"?>"):
            return  # an XML declaration before an event: normal
        if text.startswith(b"\xbf"):
            self.skip("TAK protocol (protobuf) message: only CoT XML is read")
        elif text:
            self.skip("bytes between events that are not CoT XML")

    def _event(self, event: bytes) -> Message | None:
        try:
            root = parse_xml("<cot>", event)
        except TrackImportError as exc:
            self.skip("malformed XML" if exc.reason.startswith("malformed") else exc.reason)
            return None
        row = event_row(root)
        raw = event + b"\n"
        if row is None:
            return Message(raw)  # a valid event without a position (a chat, a ping)
        uid, when, lon, lat, hae, kind, side, callsign = row
        if not uid:
            self.skip("event without a uid")
            return None
        try:
            lon_f, lat_f = float(lon), float(lat)
            alt = float(hae) if hae is not None else math.nan
            t_ns = _iso_ns(when)
        except (TypeError, ValueError):
            self.skip("event with an unreadable time, lat, lon or hae")
            return None
        fix = Fix(
            str(uid),
            t_ns,
            lon_f,
            lat_f,
            alt_m=alt,
            kind=kind,
            callsign=callsign or "",
            side=side,
            label=kind,  # as `finish_frame` labels a track by the kind text a file gives
        )
        return Message(raw, fixes=(fix,))


def _event_start(buf: bytearray) -> int:
    start = 0
    while True:
        k = buf.find(b"<event", start)
        if k < 0 or k + 6 >= len(buf):
            return k
        if buf[k + 6 : k + 7] in (b" ", b">", b"\t", b"\n", b"\r", b"/"):
            return k
        start = k + 6  # '<events>' and the like


def _event_end(buf: bytearray) -> int:
    close = buf.find(b"</event>")
    head_end = buf.find(b">")
    if head_end >= 0 and buf[head_end - 1 : head_end] == b"/" and (close < 0 or head_end < close):
        return head_end + 1  # <event .../>
    return close + len(b"</event>") if close >= 0 else -1


def _iso_ns(text: str | None) -> int:
    """ISO 8601 with 'Z' or an offset -> integer ns (microseconds exact, as CoT writes them)."""
    if not text:
        raise ValueError("no time")
    value = datetime.fromisoformat(text.strip())
    if value.tzinfo is None:
        raise ValueError("time without a zone")
    delta = value - _EPOCH
    return (delta.days * 86400 + delta.seconds) * NS + delta.microseconds * 1000
