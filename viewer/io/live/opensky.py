"""A polled JSON endpoint in the shape of OpenSky's REST ``GET /states/all`` (documented at
openskynetwork.github.io/opensky-api/rest.html): ``{"time": epoch s, "states": [[...], ...]}``,
each state vector an array —

    0 icao24  1 callsign  2 origin_country  3 time_position  4 last_contact  5 longitude
    6 latitude  7 baro_altitude (m)  8 on_ground  9 velocity (m/s)  10 true_track (deg)
    11 vertical_rate (m/s)  12 sensors  13 geo_altitude (m)  14 squawk  15 spi
    16 position_source  [17 category, with ``extended=1``]

A fix is made from each state with a position, timed by ``time_position``; a state whose
position time has not changed since the last poll gives nothing new (the same fix polled twice
is one fix). Each response body is recorded as one line.
"""

from __future__ import annotations

import json
import math

from viewer.core.constants import KIND_HELICOPTER, KIND_UAV, KIND_UNKNOWN, KT_IN_MPS
from viewer.core.live_store import NS, Fix
from viewer.io.json_tables import STATE_FIELDS
from viewer.io.live.protocols import Message, Protocol

MAX_BODY = 64 * 1024 * 1024
CATEGORY_KIND = {8: KIND_HELICOPTER, 14: KIND_UAV}  # OpenSky's category codes


class OpenSkyProtocol(Protocol):
    name = "opensky"
    suffix = ".json"

    def __init__(self) -> None:
        super().__init__()
        self._last: dict[str, int] = {}  # icao24 -> last position time (s)

    def feed(self, data: bytes, arrival_ns: int) -> list[Message]:
        """One response body."""
        if len(data) > MAX_BODY:
            self.skip(f"response larger than {MAX_BODY >> 20} MiB")
            return []
        try:
            doc = json.loads(data)
        except (ValueError, UnicodeDecodeError):
            self.skip("response is not JSON")
            return []
        if not isinstance(doc, dict) or not isinstance(doc.get("states", []), list | None):
            self.skip("JSON without a 'states' list (not the states/all shape)")
            return []
        fixes = []
        for state in doc.get("states") or []:
            fix = self._state(state)
            if fix is not None:
                fixes.append(fix)
        self.messages += 1
        raw = data if b"\n" not in data else json.dumps(doc, separators=(",", ":")).encode()
        return [Message(raw.strip() + b"\n", fixes=tuple(fixes))]

    def _state(self, state) -> Fix | None:
        if not isinstance(state, list) or len(state) < 17:
            self.skip("state vector that is not an array of 17 or more values")
            return None
        sv = dict(zip(STATE_FIELDS, state, strict=False))  # the file reader's names
        icao, when, lon, lat = sv["icao24"], sv["time_position"], sv["longitude"], sv["latitude"]
        if not isinstance(icao, str) or not icao.strip():
            self.skip("state vector without an icao24")
            return None
        if lon is None or lat is None or when is None:
            return None  # no position yet: nothing to draw
        if not all(isinstance(v, int | float) for v in (when, lon, lat)):
            self.skip("state vector with a non-numeric time or position")
            return None
        icao = icao.strip().lower()
        seconds = int(when)
        if self._last.get(icao) == seconds:
            return None
        self._last[icao] = seconds
        alt = _num(sv["baro_altitude"])
        if math.isnan(alt):
            alt = _num(sv["geo_altitude"])
        category = sv.get("category")
        callsign = sv["callsign"]
        return Fix(
            icao,
            seconds * NS,
            float(lon),
            float(lat),
            alt_m=alt,
            speed_kt=_num(sv["velocity"]) / KT_IN_MPS,
            heading_deg=_num(sv["true_track"]),
            kind=CATEGORY_KIND.get(category, KIND_UNKNOWN) if isinstance(category, int) else "",
            callsign=callsign.strip() if isinstance(callsign, str) else "",
        )


def _num(value) -> float:
    return (
        float(value) if isinstance(value, int | float) and not isinstance(value, bool) else math.nan
    )
