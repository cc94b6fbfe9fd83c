"""Column auto-detection: which file column is the time, latitude, track id, altitude... and in
which unit. Shared by the CSV, Parquet and GIS-attribute readers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from viewer.core.constants import (
    ALT_M,
    CALLSIGN,
    COUNT,
    DATE_COLUMN,
    FT_IN_M,
    HEADING_DEG,
    KIND,
    KMH_IN_MPS,
    KT_IN_MPS,
    LABEL,
    LAT,
    LON,
    MAPPABLE_FIELDS,
    SIDE,
    SPEED_KT,
    TIME,
    TRACK_ID,
)

DATE = DATE_COLUMN  # a separate date column, joined with a time-of-day column
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
    assumed: dict[str, str] = field(default_factory=dict)  # ALT_M / SPEED_KT -> unit guessed

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
    for canon in MAPPABLE_FIELDS:
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
            unit = cmap.assumed[ALT_M] = "m"
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
            unit = cmap.assumed[SPEED_KT] = "kt"
        cmap.speed_factor = {"kt": 1.0, "kmh": KMH_IN_MPS / KT_IN_MPS, "mps": 1.0 / KT_IN_MPS}[unit]
    return cmap


UNIT_CHOICES: dict[str, tuple[str, ...]] = {ALT_M: ("m", "ft"), SPEED_KT: ("kt", "kmh", "mps")}
UNIT_WORDS = {"m": "metres", "ft": "feet", "kt": "knots", "kmh": "km/h", "mps": "m/s"}
FIELD_WORDS = {ALT_M: "altitude", SPEED_KT: "speed"}
FEET_ABOVE = 20_000.0  # an altitude above this is feet: 20 km is above any aircraft's ceiling
KMH_ABOVE = 700.0  # a speed above this is km/h: 700 kt is supersonic at sea level


@dataclass(frozen=True)
class UnsureUnit:
    """A unit the header does not give: the values' best guess and why."""

    field: str  # ALT_M or SPEED_KT
    column: str  # the file's column
    choices: tuple[str, ...]  # unit codes, as `ReadOptions.altitude_unit` / `speed_unit` take
    guess: str
    reason: str  # e.g. "values up to 41,000: probably feet"
    assumed: str  # what a read that does not ask uses (metres, knots)
    top: float | None = None  # the largest value seen (None: no values)

    def warning(self) -> str:
        what = FIELD_WORDS[self.field]
        return (
            f"{what} column '{self.column}' has no unit: read as {UNIT_WORDS[self.assumed]} "
            f"({self.reason})"
        )


def judge_units(cmap: ColumnMap, values_of) -> list[UnsureUnit]:
    """For each unit `detect_columns` had to assume, guess it from the values
    (``values_of(canonical) -> float array``) and say why."""
    out = []
    for canon, assumed in cmap.assumed.items():
        values = np.asarray(values_of(canon), dtype=np.float64)
        finite = np.abs(values[np.isfinite(values)])
        top = float(finite.max()) if len(finite) else None
        if canon == ALT_M:
            if top is None:
                guess, reason = "m", "no values to judge by"
            elif top > FEET_ABOVE:
                guess, reason = "ft", f"values up to {top:,.0f}: probably feet"
            else:
                guess, reason = "m", f"values up to {top:,.0f}: probably metres, perhaps feet"
        else:
            if top is None:
                guess, reason = "kt", "no values to judge by"
            elif top > KMH_ABOVE:
                guess, reason = "kmh", f"values up to {top:,.0f}: probably km/h"
            else:
                guess = "kt"
                reason = f"values up to {top:,.0f}: probably knots, perhaps km/h or m/s"
        out.append(
            UnsureUnit(canon, cmap.columns[canon], UNIT_CHOICES[canon], guess, reason, assumed, top)
        )
    return out


def confirmed_unit_notes(options) -> list[str]:
    """Report lines for the units the user confirmed (`ReadOptions.confirmed_units`)."""
    notes = []
    for canon in getattr(options, "confirmed_units", ()) or ():
        unit = options.altitude_unit if canon == ALT_M else options.speed_unit
        if canon in FIELD_WORDS and unit:
            notes.append(f"{FIELD_WORDS[canon]} unit: {UNIT_WORDS[unit]} (confirmed by user)")
    return notes
