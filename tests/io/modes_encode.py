"""Mode S ADS-B messages for tests, encoded as the 1090 MHz Extended Squitter standard (ICAO
Doc 9871; explained in J. Sun, "The 1090 Megahertz Riddle", mode-s.org/1090mhz) lays them out,
and framed as Mode-S Beast binary (wiki.jetvision.de, "Mode-S Beast: Data Output Formats").

Known answers come from the decoder, pyModeS, reading these back; the encoder is checked against
the Riddle's published example messages (tests/io/test_live_protocols.py).
"""

from __future__ import annotations

import math

from pyModeS.util import cprNL, crc

CHARS = "#ABCDEFGHIJKLMNOPQRSTUVWXYZ##### ###############0123456789######"


def _df17(icao: str, me: int) -> str:
    head = (17 << 3) | 5  # DF17, capability 5
    msg = f"{head:02X}{icao.upper()}{me:014X}000000"
    parity = crc(msg)  # the remainder of the message with a zero parity field
    return msg[:-6] + f"{parity:06X}"


def identification(icao: str, callsign: str, category: int = 0, tc: int = 4) -> str:
    me = (tc << 51) | (category << 48)
    text = callsign.upper().ljust(8)[:8]
    for i, ch in enumerate(text):
        me |= CHARS.index(ch) << (42 - 6 * i)
    return _df17(icao, me)


def _altitude_code(feet: float) -> int:
    n = round((feet + 1000) / 25)
    return ((n >> 4) << 5) | (1 << 4) | (n & 0xF)  # 25 ft steps: the Q bit set


def cpr(lat: float, lon: float, odd: bool) -> tuple[int, int]:
    """Airborne CPR encoding (17 bits), NZ = 15."""
    i = 1 if odd else 0
    dlat = 360.0 / (60 - i)
    yz = math.floor(2**17 * (lat % dlat) / dlat + 0.5)
    rlat = dlat * (yz / 2**17 + math.floor(lat / dlat))
    nl = cprNL(rlat)
    dlon = 360.0 / max(nl - i, 1)
    xz = math.floor(2**17 * (lon % dlon) / dlon + 0.5)
    return yz % 2**17, xz % 2**17


def airborne_position(icao: str, lat: float, lon: float, feet: float, odd: bool) -> str:
    yz, xz = cpr(lat, lon, odd)
    me = (11 << 51) | (_altitude_code(feet) << 36) | (int(odd) << 34) | (yz << 17) | xz
    return _df17(icao, me)


def velocity(icao: str, speed_kt: float, track_deg: float, vrate_fpm: float = 0.0) -> str:
    """Airborne velocity, subtype 1 (ground speed, subsonic)."""
    v_ew = speed_kt * math.sin(math.radians(track_deg))
    v_ns = speed_kt * math.cos(math.radians(track_deg))
    me = (19 << 51) | (1 << 48)
    me |= (int(v_ew < 0) << 42) | ((round(abs(v_ew)) + 1) << 32)
    me |= (int(v_ns < 0) << 31) | ((round(abs(v_ns)) + 1) << 21)
    me |= (int(vrate_fpm < 0) << 19) | ((round(abs(vrate_fpm) / 64) + 1) << 10)
    return _df17(icao, me)


def beast_frame(message_hex: str, mlat: int = 0, signal: int = 0x80) -> bytes:
    """A Beast frame: 0x1a, type '2' or '3', 6-byte MLAT counter, signal, message; every 0x1a
    after the first doubled."""
    payload = bytes.fromhex(message_hex)
    kind = {7: b"2", 14: b"3", 2: b"1"}[len(payload)]
    body = mlat.to_bytes(6, "big") + bytes([signal]) + payload
    return b"\x1a" + kind + body.replace(b"\x1a", b"\x1a\x1a")
