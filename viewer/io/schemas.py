"""Known track sources, recognised as a whole from their column names: which column means what,
in which unit, and the source's own conventions (time zone, time format, 'not available'
values), as each source's documentation gives them (cited in `tests/data/README.md`).

A header is compared after `key` ('# Timestamp' -> 'timestamp', 'BaseDateTime' ->
'basedatetime'); a schema is recognised when every column of its ``signature`` is there. The
first schema that fits wins, so the more specific come first.

    schema = recognise(["time", "icao24", "lat", "lon", "velocity", ...])  # OpenSky
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from viewer.core.constants import (
    ALT_M,
    CALLSIGN,
    HEADING_DEG,
    KIND,
    KIND_SHIP,
    LABEL,
    LAT,
    LON,
    SPEED_KT,
    TIME,
    TRACK_ID,
)

if TYPE_CHECKING:
    import pandas as pd

    from viewer.io.report import ImportReport

# Deferred on purpose: pandas (heavy: imported by the functions that use them, so importing the
# module stays quick (STYLE 12)).

# Pseudo-fields a schema can map besides the canonical ones (never in a user's column map).
POSITION = "_position"  # one column holding "lat,lon" (Flightradar24)
COURSE = "_course"  # course over ground, used where the heading is missing (AIS)

# Directions in degrees: never a track id, whatever the header.
DIRECTION_KEYS = frozenset(
    ("track", "course", "cog", "heading", "trk", "dir", "direction", "true_track", "hdg")
)
# Transponder / registry identifiers, preferred over callsigns and names for the track id.
TRANSPONDER_KEYS = ("icao24", "hex", "icao", "mmsi", "uid")


def key(name: str) -> str:
    """A column name as compared: 'Altitude (ft)' -> 'altitude_ft'; '# Timestamp' -> 'timestamp';
    'Speed [km/h]' -> 'speed_kmh'."""
    text = name.strip().lower().replace("km/h", "kmh").replace("m/s", "mps")
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def is_direction(name: str) -> bool:
    """A course or heading column ('track', 'COG', 'heading_deg', 'true_track')."""
    k = key(name)
    return k in DIRECTION_KEYS or bool(
        re.fullmatch(r"(track|course|cog|heading|trk|dir|direction)_(deg|degrees|true|t)", k)
    )


@dataclass(frozen=True)
class Schema:
    """A source's documented columns. ``columns``: canonical field (or `POSITION` / `COURSE`)
    -> column key; ``units``: ALT_M / SPEED_KT -> unit code ('m', 'ft', 'kt', 'kmh', 'mps');
    ``tz``: the zone of times written without one; ``time_format``: strftime format of the
    times when not ISO 8601 or epoch; ``missing``: field -> the values that mean "not
    available" (AIS: heading 511, ...), read as missing; ``kind``: the kind of every track."""

    name: str
    signature: frozenset[str]
    columns: dict[str, str]
    units: dict[str, str] = field(default_factory=dict)
    tz: str | None = None
    time_format: str | None = None
    missing: dict[str, tuple[float, ...]] = field(default_factory=dict)
    kind: str | None = None
    doc: str = ""

    def column_map(self, names: list[str]) -> dict[str, str]:
        """canonical -> the file's own column name, for the columns this file has."""
        by_key: dict[str, str] = {}
        for name in names:
            by_key.setdefault(key(name), name)
        return {canon: by_key[k] for canon, k in self.columns.items() if k in by_key}

    @property
    def needs_table(self) -> bool:
        """Something to convert row by row (the canonical table's way, not the clean CSV's)."""
        return bool(
            self.tz or self.time_format or self.missing or self.kind or POSITION in self.columns
        )


# AIS "not available" values (ITU-R M.1371, message 1-3 and 18 fields), the same in every AIS
# export: heading 511, SOG 102.3 kn (1023), COG 360 (3600), latitude 91, longitude 181.
AIS_MISSING: dict[str, tuple[float, ...]] = {
    HEADING_DEG: (511.0,),
    SPEED_KT: (102.3,),
    COURSE: (360.0,),
    LAT: (91.0,),
    LON: (181.0,),
}

SCHEMAS: tuple[Schema, ...] = (
    Schema(
        "OpenSky state vectors",
        frozenset(("time", "icao24", "lat", "lon", "velocity", "heading", "baroaltitude")),
        {
            TIME: "time",
            TRACK_ID: "icao24",
            LAT: "lat",
            LON: "lon",
            ALT_M: "baroaltitude",
            SPEED_KT: "velocity",
            HEADING_DEG: "heading",
            CALLSIGN: "callsign",
        },
        units={ALT_M: "m", SPEED_KT: "mps"},
        doc="https://opensky-network.org/datasets/states/README.txt",
    ),
    Schema(
        "OpenSky REST states",
        frozenset(("icao24", "time_position", "longitude", "latitude", "velocity", "true_track")),
        {
            TIME: "time_position",
            TRACK_ID: "icao24",
            LAT: "latitude",
            LON: "longitude",
            ALT_M: "baro_altitude",
            SPEED_KT: "velocity",
            HEADING_DEG: "true_track",
            CALLSIGN: "callsign",
        },
        units={ALT_M: "m", SPEED_KT: "mps"},
        doc="https://openskynetwork.github.io/opensky-api/rest.html",
    ),
    Schema(
        "traffic export",
        frozenset(("timestamp", "icao24", "latitude", "longitude", "altitude", "groundspeed")),
        {
            TIME: "timestamp",
            TRACK_ID: "icao24",
            LAT: "latitude",
            LON: "longitude",
            ALT_M: "altitude",
            SPEED_KT: "groundspeed",
            HEADING_DEG: "track",
            CALLSIGN: "callsign",
            KIND: "typecode",
        },
        units={ALT_M: "ft", SPEED_KT: "kt"},
        doc="https://traffic-viz.github.io/data_sources/opensky_db.html",
    ),
    Schema(
        "NOAA MarineCadastre AIS",
        frozenset(("mmsi", "basedatetime", "lat", "lon", "sog", "cog", "heading")),
        {
            TIME: "basedatetime",
            TRACK_ID: "mmsi",
            LAT: "lat",
            LON: "lon",
            SPEED_KT: "sog",
            HEADING_DEG: "heading",
            COURSE: "cog",
            CALLSIGN: "vesselname",
        },
        units={SPEED_KT: "kt"},
        tz="UTC",
        missing=AIS_MISSING,
        kind=KIND_SHIP,
        doc="https://www.fisheries.noaa.gov/inport/item/52807",
    ),
    Schema(
        "Danish Maritime Authority AIS",
        frozenset(("timestamp", "type_of_mobile", "mmsi", "latitude", "longitude", "sog", "cog")),
        {
            TIME: "timestamp",
            TRACK_ID: "mmsi",
            LAT: "latitude",
            LON: "longitude",
            SPEED_KT: "sog",
            HEADING_DEG: "heading",
            COURSE: "cog",
            CALLSIGN: "name",
            LABEL: "ship_type",
        },
        units={SPEED_KT: "kt"},
        tz="UTC",
        time_format="%d/%m/%Y %H:%M:%S",
        missing=AIS_MISSING,
        kind=KIND_SHIP,
        doc="https://mobilitydb.github.io/MobilityDB-workshop/master/html/ch01s02.html",
    ),
    Schema(
        "AIS-catcher JSON",
        frozenset(("class", "mmsi", "rxtime", "lat", "lon")),
        {
            TIME: "rxtime",
            TRACK_ID: "mmsi",
            LAT: "lat",
            LON: "lon",
            SPEED_KT: "speed",
            HEADING_DEG: "heading",
            COURSE: "course",
            CALLSIGN: "shipname",
        },
        units={SPEED_KT: "kt"},
        tz="UTC",
        time_format="%Y%m%d%H%M%S",
        missing=AIS_MISSING,
        kind=KIND_SHIP,
        doc="https://github.com/jvde-github/AIS-catcher#json-output",
    ),
    Schema(
        "Flightradar24 CSV",
        frozenset(("timestamp", "utc", "callsign", "position", "altitude", "speed", "direction")),
        {
            TIME: "timestamp",
            TRACK_ID: "callsign",
            POSITION: "position",
            ALT_M: "altitude",
            SPEED_KT: "speed",
            HEADING_DEG: "direction",
            CALLSIGN: "callsign",
        },
        units={ALT_M: "ft", SPEED_KT: "kt"},
        doc="https://www.flightradar24.com/blog/inside-flightradar24/"
        "using-the-new-flightradar24-kml-and-csv-export-tools/",
    ),
)


def recognise(names: list[str], *, positions: bool = False) -> Schema | None:
    """The known source whose signature columns the header has, or None. ``positions``: the
    format gives the positions itself (GeoJSON's geometry): the coordinate columns are not
    looked for."""
    keys = {key(n) for n in names}
    for schema in SCHEMAS:
        signature = schema.signature
        if positions:
            coordinates = {schema.columns.get(c) for c in (LAT, LON, POSITION)}
            signature = signature - coordinates
        if signature <= keys:
            return schema
    return None


def apply_schema(raw: pd.DataFrame, schema: Schema | None, report: ImportReport) -> pd.DataFrame:
    """The source's conventions applied to a raw table (canonical column names, as read):
    "lat,lon" split, 'not available' values made missing, the course where the heading is
    missing, times in the documented zone and format, the kind of every track."""
    import pandas as pd

    if schema is None:
        return raw
    if POSITION in raw.columns:
        parts = raw[POSITION].astype("string").str.split(",", n=1, expand=True)
        raw[LAT] = pd.to_numeric(parts[0], errors="coerce") if 0 in parts else np.nan
        raw[LON] = pd.to_numeric(parts[1], errors="coerce") if 1 in parts else np.nan
        raw = raw.drop(columns=[POSITION])
    unavailable = np.zeros(len(raw), dtype=bool)
    for canon, values in schema.missing.items():
        if canon not in raw.columns:
            continue
        numbers = pd.to_numeric(raw[canon], errors="coerce").astype("float64")
        if canon == SPEED_KT:  # 102.3: "not available" (102.2: 102.2 kn or more)
            bad = numbers >= values[0] - 0.05
        elif canon == COURSE:  # 360 and above: not available
            bad = numbers >= values[0]
        else:
            bad = numbers.isin(values)
        if canon in (LAT, LON):
            unavailable |= bad.to_numpy(dtype=bool)
        raw[canon] = numbers.mask(bad)
    if unavailable.any():
        report.notice(
            f"{int(unavailable.sum()):,} AIS positions 'not available' (latitude 91 / "
            "longitude 181): those rows have no position"
        )
    if COURSE in raw.columns:
        course = raw.pop(COURSE)
        if HEADING_DEG in raw.columns:
            heading = raw[HEADING_DEG]
            used = heading.isna() & course.notna()
            raw[HEADING_DEG] = heading.where(~used, course)
            if used.any():
                report.notice(f"{int(used.sum()):,} fixes without a heading: their course (COG)")
        else:
            raw[HEADING_DEG] = course
    if TIME in raw.columns and (schema.tz or schema.time_format):
        raw[TIME] = _documented_times(raw[TIME], schema, report)
    if schema.kind and KIND not in raw.columns:
        raw[KIND] = schema.kind
    return raw


def _documented_times(values: pd.Series, schema: Schema, report: ImportReport) -> pd.Series:
    """Times in the source's documented format, without a zone: read in its zone."""
    import pandas as pd

    if isinstance(values.dtype, pd.DatetimeTZDtype):
        return values
    if schema.time_format:
        text = values.astype("string").str.strip()
        parsed = pd.to_datetime(text, format=schema.time_format, errors="coerce")
    elif pd.api.types.is_datetime64_dtype(values):
        parsed = values
    elif pd.api.types.is_numeric_dtype(values):
        return values  # epoch numbers: UTC already
    else:
        text = values.astype("string").str.strip()
        if text.str.contains(r"(?:Z|[+-]\d{2}:?\d{2})$", regex=True).fillna(False).all():
            return values  # the times carry their zone
        parsed = pd.to_datetime(text, format="ISO8601", errors="coerce")
    if isinstance(parsed.dtype, pd.DatetimeTZDtype):
        return parsed
    zone = schema.tz or "UTC"
    report.notice(f"times read as {zone}, as {schema.name} documents")
    return parsed.dt.tz_localize(zone, ambiguous="NaT", nonexistent="NaT")
