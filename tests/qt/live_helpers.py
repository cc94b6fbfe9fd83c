"""SBS-1 lines as dump1090 writes them on port 30003 (MSG,3 airborne positions, MSG,1
identification; fields as in the BaseStation format, times here in UTC: the feed URL says
``?tz=UTC``), for the live-window tests and the end-to-end test."""

from __future__ import annotations

import time

from PySide6.QtCore import QSettings

from viewer.qt.app_settings import ORG_NAME


def forget_live_settings() -> None:
    """QSettings are shared by the test session: each live test starts and ends without the
    feeds, rule, sound and folder another one chose."""
    QSettings(ORG_NAME, ORG_NAME).remove("live")


def sbs_time(t: float) -> str:
    """``2021/10/04,06:00:00.000`` (date and time fields of an SBS line) for epoch ``t``."""
    return time.strftime("%Y/%m/%d,%H:%M:%S", time.gmtime(t)) + f".{int(t * 1000) % 1000:03d}"


def sbs_position(hexid: str, t: float, lon: float, lat: float, alt_ft: int = 31000) -> bytes:
    stamp = sbs_time(t)
    return (
        f"MSG,3,1,1,{hexid},1,{stamp},{stamp},,{alt_ft},,,{lat:.5f},{lon:.5f},,,0,0,0,0\n"
    ).encode()


def sbs_callsign(hexid: str, t: float, callsign: str) -> bytes:
    stamp = sbs_time(t)
    return f"MSG,1,1,1,{hexid},1,{stamp},{stamp},{callsign},,,,,,,,,,,\n".encode()


def eastbound(
    hexid: str, t0: float, lon0: float, lat: float, n: int, step_s: float, dlon: float
) -> list[bytes]:
    """``n`` positions ``step_s`` apart, each ``dlon`` degrees east of the one before."""
    return [sbs_position(hexid, t0 + k * step_s, lon0 + k * dlon, lat) for k in range(n)]
