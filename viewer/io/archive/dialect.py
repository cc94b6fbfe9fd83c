"""The SQL each engine speaks, where they differ: DuckDB (the embedded default), PostgreSQL with
PostGIS, and Trino (OpenSky's historical database).

Everything else the query builder writes is the SQL the three share: SELECT with window functions
(LAG), GROUP BY, CTEs, CASE, floor, least/greatest.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from viewer.core.timeline import LOCAL_ZONE, zone_info

# How an archive stores its times.
TIMESTAMPTZ = "timestamptz"  # a timestamp with a zone (Parquet isAdjustedToUTC, timestamptz)
TIMESTAMP_LOCAL = "timestamp"  # a timestamp without a zone: read in the zone the user gives
EPOCH_S = "epoch_s"  # seconds since 1970-01-01 UTC (OpenSky: integer)
EPOCH_MS = "epoch_ms"  # milliseconds since 1970-01-01 UTC
TIME_KINDS = (TIMESTAMPTZ, TIMESTAMP_LOCAL, EPOCH_S, EPOCH_MS)

_IDENT_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]*$")


def check_zone_name(tz: str) -> str:
    """An IANA time zone name, checked (it is written into SQL as a string literal)."""
    if tz == LOCAL_ZONE:
        raise ValueError("a query needs an IANA time zone name, not 'local'")
    zone_info(tz)  # raises ValueError naming the zone
    return tz


def check_identifier(name: str, what: str = "table") -> str:
    """A plain SQL name (letters, digits, underscores; dotted for schema.table)."""
    parts = name.split(".")
    if not name or not all(_IDENT_RE.match(p) for p in parts):
        raise ValueError(
            f"{what} name must be letters, digits and underscores (schema.table allowed); "
            f"got {name!r}"
        )
    return name


def number(value: float) -> str:
    """A finite number as an SQL literal (exact: repr round-trips a float)."""
    if not math.isfinite(value):
        raise ValueError(f"expected a finite number; got {value!r}")
    if float(value).is_integer() and abs(value) < 2**53:
        return str(int(value))
    return repr(float(value))


@dataclass(frozen=True)
class Dialect:
    """The differences between the engines, as small methods returning SQL text."""

    name: str = "duckdb"
    double_type: str = "DOUBLE"
    text_type: str = "VARCHAR"

    # ---------------------------------------------------------------- names and literals
    def ident(self, name: str) -> str:
        """A quoted identifier (a column of the archive may be any text)."""
        return '"' + name.replace('"', '""') + '"'

    def table(self, name: str) -> str:
        return ".".join(self.ident(p) for p in check_identifier(name).split("."))

    def string(self, text: str) -> str:
        return "'" + text.replace("'", "''") + "'"

    def as_double(self, expr: str) -> str:
        return f"CAST({expr} AS {self.double_type})"

    def as_text(self, expr: str) -> str:
        return f"CAST({expr} AS {self.text_type})"

    # ---------------------------------------------------------------- times
    def time_literal(self, seconds: float, kind: str, tz: str | None = None) -> str:
        """A literal comparable with the archive's own time column (so the engine can prune
        partitions and row groups by it), for the instant ``seconds`` (epoch, UTC)."""
        if kind == EPOCH_S:
            return number(seconds)
        if kind == EPOCH_MS:
            return number(round(seconds * 1000.0, 3))
        when = datetime.fromtimestamp(seconds, UTC)
        if kind == TIMESTAMP_LOCAL:
            if tz is None:
                raise ValueError("a timestamp without a zone needs the zone it is in")
            local = when.astimezone(ZoneInfo(tz)).replace(tzinfo=None)
            return f"TIMESTAMP '{local:%Y-%m-%d %H:%M:%S.%f}'"
        return self.timestamptz_literal(when)

    def timestamptz_literal(self, when: datetime) -> str:
        return f"TIMESTAMPTZ '{when:%Y-%m-%d %H:%M:%S.%f}+00'"

    def epoch_seconds(self, expr: str, kind: str, tz: str | None = None) -> str:
        """The time column as epoch seconds (DOUBLE)."""
        if kind == EPOCH_S:
            return self.as_double(expr)
        if kind == EPOCH_MS:
            return f"({self.as_double(expr)} / 1000.0)"
        return self.epoch_of_timestamptz(self.timestamptz(expr, kind, tz))

    def epoch_of_timestamptz(self, expr: str) -> str:
        return f"epoch({expr})"

    def timestamptz(self, expr: str, kind: str, tz: str | None = None) -> str:
        """The time column as a timestamp with zone."""
        if kind == EPOCH_S:
            return self.from_epoch(self.as_double(expr))
        if kind == EPOCH_MS:
            return self.from_epoch(f"{self.as_double(expr)} / 1000.0")
        if kind == TIMESTAMP_LOCAL:
            if tz is None:
                raise ValueError("a timestamp without a zone needs the zone it is in")
            return self.in_zone(expr, self.string(check_zone_name(tz)))
        return expr

    def from_epoch(self, seconds: str) -> str:
        return f"to_timestamp({seconds})"

    def in_zone(self, wall: str, zone: str) -> str:
        """A wall-clock timestamp read in ``zone`` (an SQL string) as a timestamp with zone."""
        return f"timezone({zone}, {wall})"

    def local_date(self, seconds_expr: str, tz: str) -> str:
        """The local calendar date in ``tz`` of an epoch-seconds expression."""
        return f"CAST({self.wall_clock(seconds_expr, tz)} AS DATE)"

    def wall_clock(self, seconds_expr: str, tz: str | int) -> str:
        """The local wall-clock time (a timestamp without zone) of an epoch-seconds expression,
        in an IANA zone, or at a fixed offset in seconds (the machine's "local" zone)."""
        if isinstance(tz, int):
            return f"timezone('UTC', to_timestamp({seconds_expr} + {tz}))"
        return f"timezone({self.string(check_zone_name(tz))}, to_timestamp({seconds_expr}))"

    def bin_start(self, seconds_expr: str, tz: str | int, hourly: bool, start_hour: int) -> str:
        """The wall-clock start of the counting bin an instant falls in: its clock hour, or its
        day starting at ``start_hour`` (MND's day: 06:00), as `viewer.core.counts` bins."""
        wall = self.wall_clock(seconds_expr, tz)
        if hourly:
            return f"date_trunc('hour', {wall})"
        lead = f"INTERVAL '{int(start_hour)} hours'"
        return f"CAST(CAST({wall} - {lead} AS DATE) AS TIMESTAMP) + {lead}"

    def analyze(self, *tables: str) -> list[str]:
        """Statements that give the planner the sizes of freshly made temporary tables."""
        return []

    def fix_per_track(self, source: str, columns: tuple[str, ...], last: bool = False) -> str:
        """Each track's first (or last) row of ``source`` by (t, lon, lat): ``track`` and
        ``columns`` (the first three ``t, lon, lat``). DuckDB: the least of a struct, a hash
        aggregate (no sort)."""
        fields = ", ".join(f"{c} := {c}" for c in columns)
        pick = "max" if last else "min"
        out = ", ".join(f"struct_extract(f, '{c}') AS {c}" for c in columns)
        return (
            f"SELECT track, {out} FROM (SELECT track, {pick}(struct_pack({fields})) AS f "
            f"FROM {source} AS s GROUP BY track) AS q"
        )

    def index(self, table: str, columns: str) -> list[str]:
        """An index where the engine's planner uses one for a lookup join (DuckDB hashes)."""
        return []

    # ---------------------------------------------------------------- aggregates
    def count_distinct(self, expr: str, approximate: bool) -> str:
        return f"approx_count_distinct({expr})" if approximate else f"count(DISTINCT {expr})"

    def floor_int(self, expr: str) -> str:
        return f"CAST(floor({expr}) AS BIGINT)"


@dataclass(frozen=True)
class PostgresDialect(Dialect):
    name: str = "postgresql"
    double_type: str = "DOUBLE PRECISION"
    text_type: str = "TEXT"

    def epoch_of_timestamptz(self, expr: str) -> str:
        # date_part gives the double directly (EXTRACT gives numeric since PostgreSQL 14: a
        # tenth of the speed); both the nearest double to the microseconds' value
        return f"date_part('epoch', {expr})"

    def count_distinct(self, expr: str, approximate: bool) -> str:
        return f"count(DISTINCT {expr})"  # PostgreSQL has no approximate distinct count

    def analyze(self, *tables: str) -> list[str]:
        return [f"ANALYZE {t}" for t in tables]

    def fix_per_track(self, source: str, columns: tuple[str, ...], last: bool = False) -> str:
        order = " DESC" if last else ""
        keys = ", ".join(f"{c}{order}" for c in columns[:3])
        return (
            f"SELECT DISTINCT ON (track) track, {', '.join(columns)} FROM {source} AS s "
            f"ORDER BY track, {keys}"
        )

    def index(self, table: str, columns: str) -> list[str]:
        return [f"CREATE INDEX ON {table} ({columns})"]


@dataclass(frozen=True)
class TrinoDialect(Dialect):
    name: str = "trino"

    def timestamptz_literal(self, when: datetime) -> str:
        return f"TIMESTAMP '{when:%Y-%m-%d %H:%M:%S.%f} UTC'"

    def epoch_of_timestamptz(self, expr: str) -> str:
        return f"to_unixtime({expr})"

    def from_epoch(self, seconds: str) -> str:
        return f"from_unixtime({seconds})"

    def in_zone(self, wall: str, zone: str) -> str:
        return f"with_timezone({wall}, {zone})"

    def local_date(self, seconds_expr: str, tz: str) -> str:
        zone = self.string(check_zone_name(tz))
        return f"CAST(from_unixtime({seconds_expr}, {zone}) AS DATE)"

    def count_distinct(self, expr: str, approximate: bool) -> str:
        return f"approx_distinct({expr})" if approximate else f"count(DISTINCT {expr})"


DUCKDB = Dialect()
POSTGRES = PostgresDialect()
TRINO = TrinoDialect()
