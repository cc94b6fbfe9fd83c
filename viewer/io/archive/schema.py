"""An archive's columns recognised as a file's are: which column is the track id, the time, the
position... in which unit (`viewer.io.columns`, the readers' own recognition), and how the time
is stored — turned into the SQL expressions that give the canonical fields.

The recognition itself is the readers' (`recognise_columns` is the one place that calls it), so
an archive and a file with the same columns read the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from viewer.core.constants import (
    ALT_M,
    CALLSIGN,
    COUNT,
    HEADING_DEG,
    KIND,
    LABEL,
    LAT,
    LON,
    SIDE,
    SPEED_KT,
    TIME,
    TRACK_ID,
)
from viewer.io.archive.dialect import EPOCH_MS, EPOCH_S, TIMESTAMP_LOCAL, TIMESTAMPTZ, Dialect
from viewer.io.archive.model import ArchiveError
from viewer.io.columns import DATE, FIELD_WORDS, detect_columns, settle_units
from viewer.io.normalize import CANONICAL_ORDER
from viewer.io.report import ImportReport, UnitsUnsure

#: Canonical fields an archive query can return, in the canonical table's order.
FIELDS = CANONICAL_ORDER
NUMERIC = (ALT_M, SPEED_KT, HEADING_DEG, COUNT)
TEXT = (TRACK_ID, KIND, CALLSIGN, LABEL, SIDE)
# Where the position is: plain lon/lat columns, a PostGIS point, a GeoArrow point struct.
LONLAT, POSTGIS_POINT, GEOARROW_POINT = "lonlat", "postgis", "geoarrow"


@dataclass(frozen=True)
class Column:
    """A column of the archive: its name and its type, as the engine says (upper case SQL)."""

    name: str
    type: str


@dataclass(frozen=True)
class FixSchema:
    """How to read canonical fields from the archive's columns.

    ``columns``: canonical field -> archive column; ``time_kind`` one of the dialect's time kinds
    (``tz``: the zone of times without one); ``position``: where lon/lat come from;
    ``alt_factor`` / ``speed_factor`` convert to metres and knots; ``units``: how each unit was
    known, for the report.
    """

    columns: dict[str, str]
    time_kind: str
    name: str = ""  # the source recognised (`viewer.io.schemas`), "" when matched by names
    source: Any = None  # that `viewer.io.schemas.Schema`: its conventions for a window's rows
    position: str = LONLAT
    geometry: str | None = None
    tz: str | None = None
    alt_factor: float = 1.0
    speed_factor: float = 1.0
    units: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def has(self, canon: str) -> bool:
        if canon in (LON, LAT):
            return True
        return canon in self.columns

    def raw(self, dialect: Dialect, canon: str) -> str:
        """The archive's own column (or the position's coordinate) for a canonical field: what
        filters compare, so the engine can push them down."""
        if canon in (LON, LAT) and self.position != LONLAT:
            geom = dialect.ident(self.geometry or "geometry")
            if self.position == POSTGIS_POINT:
                return f"ST_{'X' if canon == LON else 'Y'}({geom})"
            return f"{geom}.{'x' if canon == LON else 'y'}"
        return dialect.ident(self.columns[canon])

    def expr(self, dialect: Dialect, canon: str) -> str:
        """The canonical value: epoch seconds for the time, metres, knots, text ids."""
        raw = self.raw(dialect, canon)
        if canon == TIME:
            return dialect.epoch_seconds(raw, self.time_kind, self.tz)
        if canon in (LON, LAT, HEADING_DEG, COUNT):
            return dialect.as_double(raw)
        if canon == ALT_M:
            return _scaled(dialect, raw, self.alt_factor)
        if canon == SPEED_KT:
            return _scaled(dialect, raw, self.speed_factor)
        return dialect.as_text(raw)

    def timestamp(self, dialect: Dialect) -> str:
        """The time as a timestamp with zone (UTC), exact to the engine's precision."""
        return dialect.timestamptz(self.raw(dialect, TIME), self.time_kind, self.tz)


def _scaled(dialect: Dialect, raw: str, factor: float) -> str:
    value = dialect.as_double(raw)
    return value if factor == 1.0 else f"({value} * {factor!r})"


def time_kind_of(column: Column, sample: Sequence[float] | None = None) -> str | None:
    """How a time column stores time, from its SQL type (and, for numbers, the values: epoch
    milliseconds above 1e11, as the file readers judge); None when it is not a time."""
    t = column.type.upper()
    if ("TIME ZONE" in t and "WITHOUT" not in t) or t in ("TIMESTAMPTZ", "TIMESTAMP_TZ"):
        return TIMESTAMPTZ
    if t.startswith("TIMESTAMP") or t == "DATETIME":
        return TIMESTAMP_LOCAL
    numeric = ("INT", "BIGINT", "DOUBLE", "FLOAT", "REAL", "NUMERIC", "DECIMAL", "HUGEINT")
    if any(k in t for k in numeric):
        values = np.asarray([v for v in (sample or ()) if v is not None], dtype=np.float64)
        values = values[np.isfinite(values)]
        if len(values) and float(np.median(np.abs(values))) > 1e11:
            return EPOCH_MS
        return EPOCH_S
    return None


def recognise_columns(
    columns: Sequence[Column],
    sample_values: Callable[[str], np.ndarray],
    options,
    source: str,
    exclude: Sequence[str] = (),
) -> FixSchema:
    """The archive's columns recognised as a file's: ``options`` is a
    `viewer.io.registry.ReadOptions` (column map, units, zone of naive times); ``sample_values``
    gives a sample of a column's values (for guessing units and epoch units); partition columns
    in ``exclude`` are not fields. Raises `ArchiveError` saying what is missing."""
    by_name = {c.name: c for c in columns if c.name not in exclude}
    names = list(by_name)
    geometry = _point_geometry(columns)
    try:
        cmap = detect_columns(
            [n for n in names if n != geometry],
            options.column_map,
            options.altitude_unit,
            options.speed_unit,
            positions=geometry is not None,  # a point column: a schema needs no lon/lat
        )
    except ValueError as exc:
        raise ArchiveError(source, str(exc)) from None
    found = dict(cmap.columns)
    found.pop(DATE, None)  # a separate date column is a partition or a day: times must be whole
    if TIME not in found:
        raise ArchiveError(
            source, f"no time column: columns are {names}; expected one such as time or timestamp"
        )
    time_col = by_name[found[TIME]]
    kind = time_kind_of(time_col, sample_values(time_col.name).tolist())
    tz = options.tz or (cmap.schema.tz if cmap.schema is not None else None)
    if kind is None:
        raise ArchiveError(
            source,
            f"the time column '{time_col.name}' is {time_col.type}; an archive needs times "
            "stored as timestamps or epoch numbers, so the engine can select by them",
        )
    if kind == TIMESTAMP_LOCAL and not tz:
        raise ArchiveError(
            source,
            f"the times in column '{time_col.name}' have no time zone; declare the zone they "
            "are in (for example Asia/Taipei or UTC) — times are never assumed",
        )
    position = LONLAT
    if LON not in found or LAT not in found:
        if geometry is None:
            raise ArchiveError(
                source,
                f"no coordinates: columns are {names}; expected lon/lat columns (or a PostGIS "
                "point or a GeoArrow point column)",
            )
        found.pop(LON, None)
        found.pop(LAT, None)
        kind_of_geom = by_name[geometry].type.upper()
        position = POSTGIS_POINT if kind_of_geom.startswith("GEOMETRY") else GEOARROW_POINT
    if TRACK_ID not in found:
        raise ArchiveError(
            source, f"no track id column: columns are {names}; expected one such as icao24 or mmsi"
        )
    # the units: the user's word, the schema's documentation, the header, else guessed from a
    # sample of the values (`settle_units`, the file readers' own), as the report says them

    said = ImportReport(source)
    try:
        settle_units(
            cmap, lambda canon: sample_values(cmap.columns[canon]), options, said, source, names
        )
    except UnitsUnsure as asked:
        raise ArchiveError(source, str(asked)) from None
    units = {k: v for k, v in cmap.unit_notes.items() if k in found}
    units[TIME] = {
        TIMESTAMPTZ: "timestamp with zone",
        TIMESTAMP_LOCAL: f"timestamp in {tz}",
        EPOCH_S: "epoch seconds",
        EPOCH_MS: "epoch milliseconds",
    }[kind]
    warnings = list(said.warnings)
    return FixSchema(
        name=cmap.schema.name if cmap.schema is not None else "",
        source=cmap.schema,
        columns={k: v for k, v in found.items() if k in FIELDS},
        time_kind=kind,
        position=position,
        geometry=geometry if position != LONLAT else None,
        tz=tz,
        alt_factor=cmap.alt_factor,
        speed_factor=cmap.speed_factor,
        units=units,
        warnings=tuple(warnings),
    )


def _point_geometry(columns: Sequence[Column]) -> str | None:
    for c in columns:
        t = c.type.upper()
        if t.startswith("GEOMETRY") or (t.startswith("STRUCT") and "X DOUBLE" in t and "Y" in t):
            return c.name
    return None


__all__ = ["FIELD_WORDS", "Column", "FixSchema", "recognise_columns", "time_kind_of"]
