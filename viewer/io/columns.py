"""Column auto-detection: which file column is the time, latitude, track id, altitude... and in
which unit. Shared by the CSV, Parquet and GIS-attribute readers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from viewer.core.constants import (
    ALT_M,
    CALLSIGN,
    COUNT,
    FT_IN_M,
    HEADING_DEG,
    KIND,
    KMH_IN_MPS,
    KT_IN_MPS,
    LABEL,
    LAT,
    LON,
    SIDE,
    SPEED_KT,
    TIME,
    TRACK_ID,
)

DATE = "_date"  # a separate date column, joined with a time-of-day column
# Candidate names per canonical column, most specific first (compared after `_key`).
CANDIDATES: dict[str, tuple[str, ...]] = {
    TIME: (
        "time",
        "timestamp",
        "datetime",
        "date_time",
        "utc",
        "time_utc",
        "timeutc",
        "basedatetime",
        "ts",
        "when",
        "t",
        "fix_time",
        "time_position",
    ),
    DATE: ("date", "day"),
    LAT: ("lat", "latitude", "lat_deg", "y_lat"),
    LON: ("lon", "lng", "long", "longitude", "lon_deg", "x_lon"),
    TRACK_ID: (
        "track_id",
        "trackid",
        "track",
        "id",
        "icao24",
        "mmsi",
        "hex",
        "flight_id",
        "vessel_id",
        "sortie",
        "uid",
        "name",
        "callsign",
        "flight",
    ),
    CALLSIGN: ("callsign", "call_sign", "flight", "vessel_name", "shipname"),
    ALT_M: (
        "alt",
        "altitude",
        "alt_m",
        "altitude_m",
        "alt_ft",
        "altitude_ft",
        "baroaltitude",
        "geoaltitude",
        "ele",
        "elevation",
        "height",
        "hae",
    ),
    SPEED_KT: (
        "speed",
        "speed_kt",
        "speed_kts",
        "speed_kn",
        "gs",
        "groundspeed",
        "ground_speed",
        "sog",
        "velocity",
        "speed_kmh",
        "speed_mps",
        "spd",
    ),
    HEADING_DEG: ("heading", "hdg", "true_track", "cog", "course", "bearing", "heading_deg"),
    KIND: ("kind", "type", "aircraft_type", "actype", "category", "class", "vessel_type", "model"),
    LABEL: ("label", "description", "desc"),
    COUNT: ("count", "n", "aircraft", "number"),
    SIDE: ("side", "affiliation", "force", "country", "operator", "flag"),
}


def _key(name: str) -> str:
    """'Altitude (ft)' -> 'altitude_ft'; 'Speed [km/h]' -> 'speed_kmh'."""
    text = name.strip().lower().replace("km/h", "kmh").replace("m/s", "mps")
    text = re.sub(r"[^a-z0-9]+", "_", text).strip("_")
    return text


@dataclass
class ColumnMap:
    """canonical name -> file column, with unit factors to SI-ish canonical units."""

    columns: dict[str, str] = field(default_factory=dict)
    alt_factor: float = 1.0  # multiply to get metres
    speed_factor: float = 1.0  # multiply to get knots
    unsure: list[str] = field(default_factory=list)

    def describe(self) -> str:
        parts = [f"{canon}←'{col}'" for canon, col in self.columns.items()]
        return ", ".join(parts)


def detect_columns(
    names: list[str],
    overrides: dict[str, str] | None = None,
    altitude_unit: str | None = None,
    speed_unit: str | None = None,
) -> ColumnMap:
    """Map file columns to canonical ones by their names; ``overrides`` win."""
    keys = {name: _key(name) for name in names}
    used: set[str] = set()
    cmap = ColumnMap()
    for canon, col in (overrides or {}).items():
        if col not in names:
            raise ValueError(
                f"column {col!r} (given for {canon}) is not in the file; columns are {names}"
            )
        cmap.columns[canon] = col
        used.add(col)
    for canon in (
        TIME,
        LAT,
        LON,
        TRACK_ID,
        ALT_M,
        SPEED_KT,
        HEADING_DEG,
        KIND,
        CALLSIGN,
        LABEL,
        COUNT,
        SIDE,
        DATE,
    ):
        if canon in cmap.columns:
            continue
        for cand in CANDIDATES[canon]:
            hit = next((n for n in names if n not in used and keys[n] == cand), None)
            if hit is None:
                hit = next(
                    (n for n in names if n not in used and keys[n].startswith(cand + "_")), None
                )
            if hit is not None:
                cmap.columns[canon] = hit
                used.add(hit)
                break
    # Units from the header or the caller.
    alt = cmap.columns.get(ALT_M)
    if alt is not None:
        unit = altitude_unit or (
            "ft"
            if re.search(r"(^|_)(ft|feet)($|_)", keys[alt])
            else "m"
            if re.search(r"(^|_)(m|metres|meters)($|_)", keys[alt])
            else None
        )
        if alt.lower() in ("baroaltitude", "geoaltitude"):
            unit = unit or "m"
        if unit is None:
            cmap.unsure.append(f"altitude column '{alt}' has no unit: read as metres")
            unit = "m"
        cmap.alt_factor = FT_IN_M if unit == "ft" else 1.0
    spd = cmap.columns.get(SPEED_KT)
    if spd is not None:
        k = keys[spd]
        unit = speed_unit or (
            "kmh"
            if "kmh" in k or "kph" in k
            else "mps"
            if "mps" in k or k == "velocity"
            else "kt"
            if re.search(r"(^|_)(kt|kts|kn|knots)($|_)", k) or k in ("sog", "gs")
            else None
        )
        if unit is None:
            cmap.unsure.append(f"speed column '{spd}' has no unit: read as knots")
            unit = "kt"
        cmap.speed_factor = {"kt": 1.0, "kmh": KMH_IN_MPS / KT_IN_MPS, "mps": 1.0 / KT_IN_MPS}[unit]
    return cmap
