"""Names shared by code and tests: canonical columns, CRSs, units and track kinds.

Every reader returns a table with these column names; every unit conversion uses these factors.
"""

from __future__ import annotations

from typing import Final

# Canonical track-table columns (DESIGN.md, "Read").
TRACK_ID: Final = "track_id"
TIME: Final = "time"  # timezone-aware UTC (pandas datetime64[ns, UTC])
LON: Final = "lon"  # degrees east, WGS 84, in [-180, 180]
LAT: Final = "lat"  # degrees north, WGS 84, in [-90, 90]
ALT_M: Final = "alt_m"
SPEED_KT: Final = "speed_kt"
HEADING_DEG: Final = "heading_deg"  # true heading, degrees clockwise from north
KIND: Final = "kind"
CALLSIGN: Final = "callsign"
LABEL: Final = "label"
SIDE: Final = "side"  # who operates it, as the file says (PLA, ROC, JCG, hostile, ...)
COUNT: Final = "count"  # aircraft a traced path stands for (a formation of 4 is one path, count 4)
SOURCE: Final = "source"  # provenance column of a traced file

REQUIRED_COLUMNS: Final = (TRACK_ID, TIME, LON, LAT)
DATE_COLUMN: Final = "_date"  # a CSV's separate date column, joined with a time-of-day column
# What a file's column can be mapped to (by detection or by hand), in the order CSV detection
# tries them; briefings keep such maps (`ReadOptions.column_map`).
MAPPABLE_FIELDS: Final = (
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
    DATE_COLUMN,
)
OPTIONAL_NUMERIC_COLUMNS: Final = (ALT_M, SPEED_KT, HEADING_DEG)
OPTIONAL_TEXT_COLUMNS: Final = (KIND, CALLSIGN, LABEL, SIDE)

# Coordinate reference systems.
WGS84: Final = "EPSG:4326"
WEB_MERCATOR: Final = "EPSG:3857"
# Lambert conformal conic for the western Pacific around Taiwan: true scale on 20°N and 32°N.
REGION_LCC: Final = (
    "+proj=lcc +lat_1=20 +lat_2=32 +lat_0=25 +lon_0=121 +x_0=0 +y_0=0 +datum=WGS84 +units=m"
)
EQUIRECTANGULAR: Final = "+proj=eqc +lat_ts=0 +lon_0=121 +datum=WGS84 +units=m +no_defs"

# Units.
NMI_IN_M: Final = 1852.0
FT_IN_M: Final = 0.3048
KT_IN_MPS: Final = NMI_IN_M / 3600.0
KMH_IN_MPS: Final = 1000.0 / 3600.0
TERRITORIAL_SEA_NMI: Final = 12.0  # UNCLOS art. 3
CONTIGUOUS_ZONE_NMI: Final = 24.0  # UNCLOS art. 33

# Track kinds: the replay's icons and colours, and what readers normalise `kind` to.
KIND_FIGHTER: Final = "fighter"
KIND_BOMBER: Final = "bomber"
KIND_ISR: Final = "isr"  # ISR / AEW / ASW / EW
KIND_UAV: Final = "uav"
KIND_HELICOPTER: Final = "helicopter"
KIND_TRANSPORT: Final = "transport"  # incl. tankers
KIND_SHIP: Final = "ship"  # incl. coast guard
KIND_UNKNOWN: Final = "unknown"
KINDS: Final = (
    KIND_FIGHTER,
    KIND_BOMBER,
    KIND_ISR,
    KIND_UAV,
    KIND_HELICOPTER,
    KIND_TRANSPORT,
    KIND_SHIP,
    KIND_UNKNOWN,
)

# Reference-layer confidence (shared/reference/README.md).
CONFIDENCE_OFFICIAL: Final = "O"
CONFIDENCE_SECONDARY: Final = "S"
CONFIDENCE_UNCERTAIN: Final = "U"
CONFIDENCE_WORDS: Final = {
    CONFIDENCE_OFFICIAL: "official",
    CONFIDENCE_SECONDARY: "secondary",
    CONFIDENCE_UNCERTAIN: "approximate",
}

# Naming usage for place names.
NAMING_EN: Final = "en"
NAMING_JA: Final = "ja"
NAMING_ZH_CN: Final = "zh_CN"  # PRC usage
NAMING_ZH_TW: Final = "zh_TW"  # ROC (Taiwan) usage
NAMING_ALL: Final = "all"
NAMINGS: Final = (NAMING_EN, NAMING_JA, NAMING_ZH_CN, NAMING_ZH_TW, NAMING_ALL)
# A briefing's naming when it leaves it to whoever opens it: the usage of their interface language.
NAMING_AUTO: Final = "auto"
BRIEFING_NAMINGS: Final = (NAMING_AUTO, *NAMINGS)
