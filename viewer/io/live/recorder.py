"""Every feed written as it arrives, so the recording replays as the live picture was.

Per feed, in ``DIR/<feed name>/``, a new pair of files every hour (UTC, by arrival):

- ``YYYY-MM-DDTHHZ<suffix>``: the messages as received, whole ones only — SBS lines (``.sbs``),
  AIS sentences (``.nmea``; a sentence that came without a time gets the arrival time as an
  NMEA 4.10 tag block), CoT events one per line (``.cot``), Beast frames (``.beast``), JSON
  response bodies one per line (``.json``). The first three are track files this app reads.
- ``YYYY-MM-DDTHHZ.fixes.csv``: the decoded fixes in the columns every reader here takes
  (``track_id, time, lon, lat, alt_m, speed_kt, heading_deg, kind, callsign, side, label``; times
  in UTC to the nanosecond), whatever the protocol.
- ``feed.json``: the source URL (no credentials), the protocol and, for SBS, the zone its clock
  was read in (give it as ``--tz`` when opening the ``.sbs`` files).

Files are appended to and flushed after every read, so a crash loses nothing written before.
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path
from typing import IO

from viewer.core.live_store import NS, Fix
from viewer.io.live.protocols import Message

FIX_COLUMNS = (
    "track_id",
    "time",
    "lon",
    "lat",
    "alt_m",
    "speed_kt",
    "heading_deg",
    "kind",
    "callsign",
    "side",
    "label",
)
HOUR_NS = 3600 * NS


class FeedRecorder:
    """Hourly files of one feed (see the module docstring). Used by the feed's own thread."""

    def __init__(self, folder: Path, suffix: str, manifest: dict) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.suffix = suffix
        self.manifest = dict(manifest)
        self._hour = -1
        self._raw: IO[bytes] | None = None
        self._csv: IO[str] | None = None
        self.paths: list[Path] = []
        self.bytes_written = 0
        self.write_manifest()

    def write_manifest(self, **extra) -> None:
        self.manifest.update(extra)
        path = self.folder / "feed.json"
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(self.manifest, indent=2) + "\n", encoding="utf-8")
        tmp.replace(path)

    def write(self, messages: list[Message], arrival_ns: int) -> None:
        if not messages:
            return
        self._rotate(arrival_ns)
        assert self._raw is not None and self._csv is not None
        raw = b"".join(m.raw for m in messages)
        self._raw.write(raw)
        rows = [_row(fix) for m in messages for fix in m.fixes]
        if rows:
            self._csv.write("".join(rows))
        self._raw.flush()
        self._csv.flush()
        self.bytes_written += len(raw)

    def close(self) -> None:
        for fh in (self._raw, self._csv):
            if fh is not None:
                fh.close()
        self._raw = self._csv = None

    def _rotate(self, arrival_ns: int) -> None:
        hour = arrival_ns // HOUR_NS
        if hour == self._hour and self._raw is not None:
            return
        self.close()
        self._hour = hour
        stamp = time.strftime("%Y-%m-%dT%HZ", time.gmtime(hour * 3600))
        raw_path = self.folder / f"{stamp}{self.suffix}"
        csv_path = self.folder / f"{stamp}.fixes.csv"
        self._raw = raw_path.open("ab")
        fresh = not csv_path.exists() or csv_path.stat().st_size == 0
        self._csv = csv_path.open("a", encoding="utf-8", newline="")
        if fresh:
            self._csv.write(",".join(FIX_COLUMNS) + "\n")
        for path in (raw_path, csv_path):
            if path not in self.paths:
                self.paths.append(path)


def _row(fix: Fix) -> str:
    seconds, frac = divmod(fix.t_ns, NS)
    when = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{frac:09d}Z"
    return (
        f"{_text(fix.track_id)},{when},{fix.lon!r},{fix.lat!r},{_num(fix.alt_m)},"
        f"{_num(fix.speed_kt)},{_num(fix.heading_deg)},{_text(fix.kind)},{_text(fix.callsign)},"
        f"{_text(fix.side)},{_text(fix.label)}\n"
    )


def _num(value: float) -> str:
    return "" if value is None or math.isnan(value) else repr(float(value))


def _text(value: str) -> str:
    """A CSV field: quoted when it holds a comma, quote or line break."""
    if not value:
        return ""
    if any(c in value for c in ',"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value
