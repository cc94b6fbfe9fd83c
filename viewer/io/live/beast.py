"""Mode-S Beast binary (dump1090 / readsb port 30005), decoded with pyModeS 3 (GPL-3.0, as this
project is GPL-3.0-or-later).

Framing (Mode-S Beast "Data Output Formats", wiki.jetvision.de): ``0x1a`` then a type byte —
``'1'`` Mode A/C (2 bytes), ``'2'`` Mode S short (7 bytes), ``'3'`` Mode S long (14 bytes),
``'4'`` receiver status — each type after ``0x1a`` carrying a 6-byte big-endian MLAT timestamp
(a free-running 12 MHz counter, not a clock) and a 1-byte signal level before the message.
A ``0x1a`` inside a frame is doubled. A lone ``0x1a`` therefore always starts a frame: after
garbage or a cut frame the reader resynchronises there. Frames are recorded as received.

Decoding: ADS-B (DF17/18) frames only, through one `pyModeS.PipeDecoder` per feed (CRC checked;
callsigns, velocities, and positions from even/odd CPR pairs or locally from the aircraft's last
position). A position frame the pipe cannot resolve yet (no pair seen, the first frames of an
aircraft) is decoded *locally against a reference*: the aircraft's own position when it has one
from the last minute, else the receiver's position (``ref``, by default 23.7°N 121.0°E, the
middle of Taiwan). Local CPR decoding is unambiguous within 180 NM of the reference (half a
latitude zone), which covers what a receiver hears around Taiwan; a receiver elsewhere must give
its own ``ref``. Fix times are the arrival times (the MLAT counter is not a wall clock), spread
within one read by the counter's differences (frames read together were received apart).
"""

from __future__ import annotations

import math

from viewer.core.constants import FT_IN_M, KIND_HELICOPTER, KIND_UAV, KIND_UNKNOWN
from viewer.core.live_store import NS, Fix, TrackInfo
from viewer.io.live.protocols import Message, Protocol

# Deferred on purpose: pyModeS (heavy: imported by the functions that use them, so importing the
# module stays quick (STYLE 12)).

ESC = 0x1A
PAYLOAD = {0x31: 2, 0x32: 7, 0x33: 14}  # type -> Mode A/C or Mode S bytes after ts + signal
HEADER = 7  # MLAT timestamp (6) + signal level (1)
MAX_FRAME = 2 + 2 * (HEADER + 14)  # every byte escaped
TAIWAN_REFERENCE = (23.7, 121.0)
LOCAL_REF_S = 60.0
MLAT_HZ = 12_000_000  # the Beast timestamp counter
MAX_MLAT_SPREAD_S = 60.0  # an aircraft's own position serves as reference this long


class _Aircraft:
    __slots__ = ("callsign", "kind", "lat", "lon", "seen", "speed_kt", "track_deg")

    def __init__(self) -> None:
        self.callsign = ""
        self.kind = ""
        self.speed_kt = math.nan
        self.track_deg = math.nan
        self.lat = math.nan
        self.lon = math.nan
        self.seen = -math.inf


class BeastProtocol(Protocol):
    """Beast binary frames -> fixes (see the module docstring). ``ref``: (lat, lon) of the
    receiver for local CPR decoding."""

    name = "beast"
    suffix = ".beast"

    def __init__(self, ref: tuple[float, float] | None = None) -> None:
        from pyModeS import PipeDecoder

        super().__init__()
        self.ref = ref or TAIWAN_REFERENCE
        self.pipe = PipeDecoder(surface_ref=self.ref)
        self._buf = bytearray()
        self._aircraft: dict[str, _Aircraft] = {}
        self.last_mlat = 0  # the last frame's 12 MHz counter
        self.local_positions = 0  # positions decoded against a reference
        self.notes.append(
            f"positions: CPR pairs, else local decoding against ({self.ref[0]:.2f}, "
            f"{self.ref[1]:.2f}) or the aircraft's last position (valid within 180 NM)"
        )

    def feed(self, data: bytes, arrival_ns: int) -> list[Message]:
        self._buf += data
        buf = self._buf
        out: list[Message] = []
        frames: list[tuple[bytes, int, bytes]] = []  # raw, MLAT counter, Mode S message
        pos = 0
        n = len(buf)
        while True:
            start = _frame_start(buf, pos)
            if start < 0:
                if n - pos > 0 and buf[-1] != ESC:
                    self._garbage(n - pos)
                    pos = n
                elif n - pos > 1:  # keep the trailing 0x1a: it may start a frame
                    self._garbage(n - 1 - pos)
                    pos = n - 1
                break
            if start > pos:
                self._garbage(start - pos)
            pos = start
            if pos + 1 >= n:
                break
            ftype = buf[pos + 1]
            size = PAYLOAD.get(ftype)
            end, body = _unescape(buf, pos + 2, HEADER + (size or 0), known=size is not None)
            if end == -1:  # incomplete: wait for more bytes
                break
            if end == -2:  # a new frame began inside this one: it was cut
                self.skip("cut Beast frame (a new frame began inside it)")
                pos += 2
                continue
            if size is None:  # '4' status and types this reader does not know: skip to next
                if ftype != 0x34:
                    self.skip(f"Beast frame type 0x{ftype:02x} (not 1, 2, 3 or 4)")
                pos = end
                continue
            frames.append(
                (bytes(buf[pos:end]), int.from_bytes(body[:6], "big"), bytes(body[HEADER:]))
            )
            pos = end
        del buf[:pos]
        for (raw, mlat, payload), when in zip(frames, _times(frames, arrival_ns), strict=True):
            self.last_mlat = mlat
            message = self._decode(raw, payload, when)
            if message is not None:
                self.messages += 1
                out.append(message)
        return out

    def end(self, arrival_ns: int, datagram: bool = False) -> list[Message]:
        if self._buf and len(self._buf) > 1:
            self.skip("half Beast frame at a dropped connection")
        self._buf.clear()
        return []

    def _garbage(self, count: int) -> None:
        self.skipped["bytes outside Beast frames"] += count

    def _decode(self, raw: bytes, payload: bytes, arrival_ns: int) -> Message | None:
        if len(payload) == 2:
            return Message(raw)  # Mode A/C: a squawk or an altitude, no address, no position
        msg = payload.hex().upper()
        df = payload[0] >> 3
        if df not in (17, 18):
            return Message(raw)  # surveillance replies: valid, recorded, nothing for the map
        result = self.pipe.decode(msg, timestamp=arrival_ns / NS)
        if "error" in result:
            self.skip("Mode S frame that does not decode")
            return None
        if result.get("crc_valid") is False:
            self.skip("ADS-B frame with a CRC error")
            return None
        icao = str(result.get("icao", "")).lower()
        if not icao:
            return Message(raw)
        state = self._aircraft.get(icao)
        if state is None:
            state = self._aircraft[icao] = _Aircraft()
        bds = result.get("bds")
        if bds == "0,8":
            state.kind = _kind(result)
            callsign = str(result.get("callsign") or "").strip("_# ").strip()
            if callsign and callsign != state.callsign:
                state.callsign = callsign
                return Message(raw, infos=(TrackInfo(icao, callsign=callsign, kind=state.kind),))
            return Message(raw)
        if result.get("groundspeed") is not None:
            state.speed_kt = float(result["groundspeed"])
        if result.get("track") is not None:
            state.track_deg = float(result["track"])
        if bds not in ("0,5", "0,6"):
            return Message(raw)
        lat, lon = result.get("latitude"), result.get("longitude")
        if (lat is None or lon is None) and bds == "0,5":
            lat, lon = self._local(msg, state, arrival_ns)
        if lat is None or lon is None:
            return Message(raw)
        state.lat, state.lon, state.seen = float(lat), float(lon), arrival_ns / NS
        alt_ft = result.get("altitude")
        fix = Fix(
            icao,
            arrival_ns,
            float(lon),
            float(lat),
            alt_m=float(alt_ft) * FT_IN_M if alt_ft is not None else math.nan,
            speed_kt=state.speed_kt,
            heading_deg=state.track_deg,
            kind=state.kind or KIND_UNKNOWN,
            callsign=state.callsign,
        )
        return Message(raw, fixes=(fix,))

    def _local(self, msg: str, state: _Aircraft, arrival_ns: int):
        from pyModeS import decode

        recent = arrival_ns / NS - state.seen <= LOCAL_REF_S
        ref = (state.lat, state.lon) if recent else self.ref
        result = decode(msg, reference=ref)
        lat, lon = result.get("latitude"), result.get("longitude")
        if lat is not None and lon is not None:
            self.local_positions += 1
        return lat, lon


def _times(frames: list[tuple[bytes, int, bytes]], arrival_ns: int) -> list[int]:
    """Each frame's time: the arrival time of the read, less what the 12 MHz MLAT counter says
    passed between the frame and the read's last frame (frames that arrive together were not
    received together). A zero counter (no MLAT data) or one that runs backwards or jumps by
    more than ``MAX_MLAT_SPREAD_S`` gives the arrival time."""
    if not frames:
        return []
    last = frames[-1][1]
    out = []
    for _, mlat, _ in frames:
        ticks = last - mlat
        if mlat and last and 0 <= ticks <= MAX_MLAT_SPREAD_S * MLAT_HZ:
            out.append(arrival_ns - ticks * NS // MLAT_HZ)
        else:
            out.append(arrival_ns)
    return out


def _kind(result: dict) -> str:
    """ADS-B emitter category -> kind: rotorcraft (set A, 7) and UAV (set B, 6)."""
    tc, category = result.get("typecode"), result.get("category")
    if tc == 4 and category == 7:
        return KIND_HELICOPTER
    if tc == 3 and category == 6:
        return KIND_UAV
    return ""


def _frame_start(buf: bytearray, pos: int) -> int:
    """The next lone 0x1a (not an escaped pair) at or after ``pos``; -1 when none."""
    while True:
        k = buf.find(ESC, pos)
        if k < 0 or k + 1 >= len(buf):
            return k
        if buf[k + 1] != ESC:
            return k
        pos = k + 2  # an escaped 0x1a in data we are skipping


def _unescape(buf: bytearray, pos: int, count: int, known: bool) -> tuple[int, bytearray]:
    """``count`` data bytes from ``pos`` with 0x1a 0x1a read as one 0x1a: (index after them,
    the bytes); -1 when the buffer ends first, -2 when a lone 0x1a (a new frame) comes first.
    For an unknown type, the frame runs to the next lone 0x1a (``count`` ignored)."""
    chunk = buf[pos : pos + count]
    if known and len(chunk) == count and ESC not in chunk:
        return pos + count, chunk  # the usual frame: no escapes
    out = bytearray()
    j = pos
    n = len(buf)
    while not known or len(out) < count:
        if j >= n:
            return (-1, out) if known or j - pos < MAX_FRAME else (j, out)
        b = buf[j]
        if b == ESC:
            if j + 1 >= n:
                return -1, out
            if buf[j + 1] != ESC:
                return (-2, out) if known else (j, out)
            j += 2
        else:
            j += 1
        out.append(b)
    return j, out
