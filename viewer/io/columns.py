"""Column detection: which file column is the time, latitude, track id, altitude... and in which
unit. A known source is recognised as a whole (`viewer.io.schemas`); any other header is matched
name by name, with two rules: a direction (track, course, heading...) is never the track id, and
a transponder or registry id (icao24, hex, mmsi, uid) is preferred to a callsign or a name. A
direction-named column that holds names rather than numbers is no direction: a hand-made file's
"track" column of track names is the id (`names_not_directions`). Shared by the CSV, Parquet,
JSON and GIS-attribute readers."""

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
from viewer.io.report import UnitsUnsure
from viewer.io.schemas import TRANSPONDER_KEYS, Schema, is_direction, key, recognise

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
        "id",
        *TRANSPONDER_KEYS,
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
    HEADING_DEG: (
        "heading",
        "hdg",
        "true_track",
        "track",
        "trk",
        "cog",
        "course",
        "direction",
        "dir",
        "bearing",
        "heading_deg",
    ),
    KIND: ("kind", "type", "aircraft_type", "actype", "category", "class", "vessel_type", "model"),
    LABEL: ("label", "description", "desc"),
    COUNT: ("count", "n", "aircraft", "number"),
    SIDE: ("side", "affiliation", "force", "country", "operator", "flag"),
}


_key = key


UNIT_CHOICES: dict[str, tuple[str, ...]] = {ALT_M: ("m", "ft"), SPEED_KT: ("kt", "kmh", "mps")}
UNIT_WORDS = {"m": "metres", "ft": "feet", "kt": "knots", "kmh": "km/h", "mps": "m/s"}
UNIT_SYMBOLS = {"m": "m", "ft": "ft", "kt": "kt", "kmh": "km/h", "mps": "m/s"}
FIELD_WORDS = {ALT_M: "altitude", SPEED_KT: "speed"}
FACTORS = {
    ALT_M: {"m": 1.0, "ft": FT_IN_M},
    SPEED_KT: {"kt": 1.0, "kmh": KMH_IN_MPS / KT_IN_MPS, "mps": 1.0 / KT_IN_MPS},
}
FEET_ABOVE = 20_000.0  # an altitude above this is feet: 20 km is above any aircraft's ceiling
KMH_ABOVE = 700.0  # a speed above this is km/h: 700 kt is supersonic at sea level


@dataclass
class ColumnMap:
    """canonical name -> file column, with unit factors to SI-ish canonical units."""

    columns: dict[str, str] = field(default_factory=dict)
    alt_factor: float = 1.0  # multiply to get metres
    speed_factor: float = 1.0  # multiply to get knots
    unsure: list[str] = field(default_factory=list)
    assumed: dict[str, str] = field(default_factory=dict)  # ALT_M / SPEED_KT -> unit guessed
    schema: Schema | None = None  # the source recognised from the header, if any
    #: ALT_M / SPEED_KT -> how the unit was known, e.g. "ft (documented by traffic)"
    unit_notes: dict[str, str] = field(default_factory=dict)

    def set_unit(self, canon: str, unit: str, how: str) -> None:
        """Read ``canon`` (ALT_M / SPEED_KT) in ``unit``, known ``how``."""
        factor = FACTORS[canon][unit]
        if canon == ALT_M:
            self.alt_factor = factor
        else:
            self.speed_factor = factor
        self.unit_notes[canon] = f"{UNIT_SYMBOLS[unit]} ({how})"

    def fill_report(self, report) -> None:
        """The schema, the column map and the units, in the `ImportReport`."""
        if self.schema is not None:
            report.schema = self.schema.name
        report.column_map = dict(self.columns)
        report.units = dict(self.unit_notes)


def detect_columns(
    names: list[str],
    overrides: dict[str, str] | None = None,
    altitude_unit: str | None = None,
    speed_unit: str | None = None,
    *,
    positions: bool = False,
) -> ColumnMap:
    """Map file columns to canonical ones: a known source as its documentation says, any other
    header name by name; ``overrides`` (canonical -> column) win. ``positions``: the format
    gives the positions itself (a geometry), so a schema needs no coordinate columns."""
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
    schema = recognise(names, positions=positions)
    if schema is not None:
        cmap.schema = schema
        for canon, col in schema.column_map(names).items():
            if canon not in cmap.columns and col not in used:
                cmap.columns[canon] = col
                used.add(col)
    for canon in MAPPABLE_FIELDS:
        if canon in cmap.columns or schema is not None:
            continue
        for cand in CANDIDATES[canon]:
            free = [n for n in names if n not in used]
            if canon == TRACK_ID:  # a course or heading is never an id
                free = [n for n in free if not is_direction(n)]
            hit = next((n for n in free if keys[n] == cand), None)
            if hit is None:
                hit = next((n for n in free if keys[n].startswith(cand + "_")), None)
            if hit is not None:
                cmap.columns[canon] = hit
                used.add(hit)
                break
    # Units: the user's word, the header, the schema; else guessed from the values later.
    alt = cmap.columns.get(ALT_M)
    if alt is not None:
        header = (
            "ft"
            if re.search(r"(^|_)(ft|feet)($|_)", keys[alt])
            else "m"
            if re.search(r"(^|_)(m|metres|meters)($|_)", keys[alt])
            or keys[alt] in ("baroaltitude", "geoaltitude")
            else None
        )
        _choose_unit(cmap, ALT_M, altitude_unit, header, alt)
    spd = cmap.columns.get(SPEED_KT)
    if spd is not None:
        k = keys[spd]
        header = (
            "kmh"
            if "kmh" in k or "kph" in k
            else "mps"
            if "mps" in k or k == "velocity"
            else "kt"
            if re.search(r"(^|_)(kt|kts|kn|knots)($|_)", k) or k in ("sog", "gs")
            else None
        )
        _choose_unit(cmap, SPEED_KT, speed_unit, header, spd)
    return cmap


def names_not_directions(cmap: ColumnMap, sample) -> str | None:
    """A direction-named column ('track', 'trk'...) that holds names, not numbers, is the track
    id: a teacher's ``track,time,lat,lon`` file with tracks called "N" and "M". Moved in ``cmap``
    when no id column was found and no schema was recognised; ``sample(column)`` gives some of
    the column's values (text or numbers). Returns the report's notice, else None."""
    col = cmap.columns.get(HEADING_DEG)
    if col is None or TRACK_ID in cmap.columns or cmap.schema is not None:
        return None
    values = [v for v in list(sample(col))[:1000] if v is not None and str(v).strip() != ""]
    if not values:
        return None
    if sum(_is_number(str(v)) for v in values) >= 0.9 * len(values):
        return None
    del cmap.columns[HEADING_DEG]
    cmap.columns[TRACK_ID] = col
    example = next(str(v) for v in values if not _is_number(str(v)))
    return f"column '{col}' holds names (e.g. '{example}'), not directions: read as the track id"


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def _choose_unit(
    cmap: ColumnMap, canon: str, given: str | None, header: str | None, column: str
) -> None:
    """The user's word, else the schema's documentation, else the header; else assumed
    until the values are judged (`judge_units`)."""
    schema = cmap.schema
    documented = schema.units.get(canon) if schema is not None else None
    if given:
        cmap.set_unit(canon, given, "given")
    elif documented and schema is not None and _key(column) == schema.columns.get(canon):
        cmap.set_unit(canon, documented, f"documented: {schema.name}")
    elif header:
        cmap.set_unit(canon, header, "header")
    else:
        default = "m" if canon == ALT_M else "kt"
        cmap.unsure.append(f"{FIELD_WORDS[canon]} column '{column}' has no unit")
        cmap.assumed[canon] = default
        cmap.set_unit(canon, default, "assumed")


@dataclass(frozen=True)
class UnsureUnit:
    """A unit the header does not give: the values' best guess and why."""

    field: str  # ALT_M or SPEED_KT
    column: str  # the file's column
    choices: tuple[str, ...]  # unit codes, as `ReadOptions.altitude_unit` / `speed_unit` take
    guess: str
    reason: str  # e.g. "values up to 41,000: probably feet"
    assumed: str  # what a read that does not ask uses: the guess
    top: float | None = None  # the largest value seen (None: no values)

    def warning(self) -> str:
        what = FIELD_WORDS[self.field]
        return (
            f"{what} column '{self.column}' has no unit: read as {UNIT_WORDS[self.assumed]} "
            f"(guessed: {self.reason})"
        )


def judge_units(cmap: ColumnMap, values_of) -> list[UnsureUnit]:
    """For each unit neither the user, the header nor a schema gave, guess it from the values
    (``values_of(canonical) -> float array``), say why, and read it so (``cmap``'s factors):
    a read that does not ask uses the guess, never a default the values contradict."""
    out = []
    for canon in cmap.assumed:
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
        cmap.assumed[canon] = guess
        cmap.set_unit(canon, guess, f"guessed: {reason}")
        out.append(
            UnsureUnit(canon, cmap.columns[canon], UNIT_CHOICES[canon], guess, reason, guess, top)
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


def note_units(cmap: ColumnMap, options, report) -> None:
    """The units the user confirmed, as the report says them."""
    for canon in getattr(options, "confirmed_units", ()) or ():
        if canon in cmap.unit_notes:
            cmap.unit_notes[canon] = cmap.unit_notes[canon].replace(
                "(given)", "(confirmed by user)"
            )
    cmap.fill_report(report)


def note_judged(cmap: ColumnMap, unsure: list[UnsureUnit], options, report) -> None:
    """The report's lines for the units: guessed (a warning each), confirmed; and the schema,
    the column map and each unit with how it was known."""
    for unit in unsure:
        report.warn(unit.warning())
    for note in confirmed_unit_notes(options):
        report.notice(note)
    note_units(cmap, options, report)


def settle_units(cmap: ColumnMap, values_of, options, report, path, names: list[str]) -> None:
    """The units no one gave, guessed from the values (``values_of(canonical) -> floats``) and
    read so; asked about (`UnitsUnsure`) when ``options.confirm_units``; the report told."""
    unsure = judge_units(cmap, values_of)
    if unsure and getattr(options, "confirm_units", False):
        raise UnitsUnsure(path, names, dict(cmap.columns), unsure)
    note_judged(cmap, unsure, options, report)
