"""The one query builder: the SQL of every archive question — activity per hour, a density grid,
a window's count and fixes — for any engine's dialect, from the archive's schema.

Filters are written on the archive's own columns with literals of their own type, so each engine
prunes by them (DuckDB: Parquet row groups by their statistics; PostgreSQL: its indexes; Trino:
OpenSky's ``hour`` partitions, which every OpenSky query must name). Only the columns a question
needs are read. Times come out as epoch seconds (``time``), positions as ``lon``/``lat``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from viewer.core.constants import LAT, LON, TIME, TRACK_ID
from viewer.io.archive.dialect import DUCKDB, Dialect, number
from viewer.io.archive.model import Grid, Window
from viewer.io.archive.schema import POSTGIS_POINT, FixSchema

__all__ = ["DUCKDB", "FixQuery", "HourPartition", "intersect_bbox"]


@dataclass(frozen=True)
class HourPartition:
    """A partition column holding each row's hour (epoch seconds of the hour's start, as
    OpenSky's ``hour``): every query names it, ``hour >= floor(start) AND hour < ceil(end)``."""

    column: str = "hour"
    required: bool = True  # refuse a query without a time window (OpenSky's rule)


class FixQuery:
    """SQL over one relation of fixes (``relation``: a table name or a table function, written
    as the engine reads it), with ``schema`` mapping its columns to canonical fields."""

    def __init__(
        self,
        dialect: Dialect,
        schema: FixSchema,
        relation: str,
        hour_partition: HourPartition | None = None,
        rows_valid: bool = False,
    ) -> None:
        self.dialect = dialect
        self.schema = schema
        self.relation = relation
        self.hour_partition = hour_partition
        self.rows_valid = rows_valid

    # ------------------------------------------------------------------ pieces
    def field(self, canon: str) -> str:
        return self.schema.expr(self.dialect, canon)

    def select_list(self, fields: tuple[str, ...], timestamps: bool = False) -> str:
        """Canonical fields; the time as epoch seconds, or with ``timestamps`` as the engine's
        timestamp with zone (exact to its precision, as a file's times are read)."""
        out = []
        for f in fields:
            if not self.schema.has(f):
                continue
            expr = (
                self.schema.timestamp(self.dialect) if f == TIME and timestamps else self.field(f)
            )
            out.append(f"{expr} AS {self.dialect.ident(f)}")
        return ", ".join(out)

    def where(self, window: Window | None) -> str:
        """The window on the archive's own columns, and the rows a reader would skip left out
        (no position, out of range, no time, no track id) unless ``rows_valid`` says the
        statistics already rule them out."""
        d, s = self.dialect, self.schema
        lon, lat = s.raw(d, LON), s.raw(d, LAT)
        tcol, track = s.raw(d, TIME), s.raw(d, TRACK_ID)
        window = window or Window()
        conds = []
        if window.start is not None:
            conds.append(f"{tcol} >= {d.time_literal(window.start.timestamp(), s.time_kind, s.tz)}")
        if window.end is not None:
            conds.append(f"{tcol} < {d.time_literal(window.end.timestamp(), s.time_kind, s.tz)}")
        if self.hour_partition is not None:
            conds += self._hour_filter(window)
        if window.bbox is not None:
            w, so, e, n = (number(v) for v in window.bbox)
            if s.position == POSTGIS_POINT:  # the point's GiST index answers the box
                geom = d.ident(s.geometry or "geom")
                conds.append(f"{geom} && ST_MakeEnvelope({w}, {so}, {e}, {n}, 4326)")
            conds += [f"{lon} >= {w}", f"{lon} <= {e}", f"{lat} >= {so}", f"{lat} <= {n}"]
        elif not self.rows_valid:
            conds += [f"{lon} BETWEEN -180 AND 180", f"{lat} BETWEEN -90 AND 90"]
        if not self.rows_valid:
            conds += [f"{tcol} IS NOT NULL", f"{track} IS NOT NULL", f"{d.as_text(track)} <> ''"]
        return " AND ".join(conds) or "TRUE"

    def _hour_filter(self, window: Window) -> list[str]:
        part = self.hour_partition
        assert part is not None
        if part.required and (window.start is None or window.end is None):
            raise ValueError(
                f"every query must filter on the '{part.column}' partition: give a time window "
                "(start and end)"
            )
        conds = []
        col = self.dialect.ident(part.column)
        if window.start is not None:
            conds.append(f"{col} >= {number(math.floor(window.start.timestamp() / 3600) * 3600)}")
        if window.end is not None:
            conds.append(f"{col} < {number(math.ceil(window.end.timestamp() / 3600) * 3600)}")
        return conds

    def fixes_relation(
        self, window: Window | None, fields: tuple[str, ...], timestamps: bool = False
    ) -> str:
        """A subquery of canonical fields for the window (time as epoch seconds ``time``)."""
        columns = self.select_list(fields, timestamps)
        return f"(SELECT {columns} FROM {self.relation} WHERE {self.where(window)})"

    # ------------------------------------------------------------------ questions
    def count(self, window: Window | None) -> str:
        return f"SELECT count(*) AS n FROM {self.relation} WHERE {self.where(window)}"

    def span(self, window: Window | None = None) -> str:
        """First and last time (epoch seconds) and the number of fixes."""
        t = self.field(TIME)
        return (
            f"SELECT min({t}) AS t_min, max({t}) AS t_max, count(*) AS n "
            f"FROM {self.relation} WHERE {self.where(window)}"
        )

    def activity(
        self, window: Window | None, bin_seconds: float = 3600.0, approximate: bool = False
    ) -> str:
        """Fixes and distinct tracks per time bin (bin start in epoch seconds)."""
        d = self.dialect
        b = number(bin_seconds)
        t, track = d.ident(TIME), d.ident(TRACK_ID)
        bin_start = f"{d.floor_int(f'{t} / {b}')} * {b}"
        relation = self.fixes_relation(window, (TRACK_ID, TIME))
        if approximate:
            return (
                f"SELECT {bin_start} AS bin_start, count(*) AS fixes, "
                f"{d.count_distinct(track, True)} AS tracks FROM {relation} AS f "
                "GROUP BY 1 ORDER BY 1"
            )
        # exact: the (bin, track) pairs first, a hash aggregate (a count of distinct values is
        # a sort in PostgreSQL)
        return (
            "SELECT bin_start, sum(n) AS fixes, count(*) AS tracks FROM ("
            f"SELECT {bin_start} AS bin_start, {track}, count(*) AS n FROM {relation} AS f "
            "GROUP BY 1, 2) AS pairs GROUP BY 1 ORDER BY 1"
        )

    def density(self, window: Window | None, grid: Grid) -> str:
        """Fixes per cell of ``grid`` (cell column i, row j) inside its bbox and the window."""
        d = self.dialect
        bbox = intersect_bbox(window.bbox if window else None, grid.bbox)
        if bbox is None:
            raise ValueError("the grid lies outside the window's box")
        box = Window(window.start if window else None, window.end if window else None, bbox)
        w, s, _, _ = grid.bbox
        dx, dy = grid.cell_size
        lon, lat = d.ident(LON), d.ident(LAT)
        i = f"least({d.floor_int(f'({lon} - {number(w)}) / {number(dx)}')}, {grid.nx - 1})"
        j = f"least({d.floor_int(f'({lat} - {number(s)}) / {number(dy)}')}, {grid.ny - 1})"
        return (
            f"SELECT {i} AS i, {j} AS j, count(*) AS n "
            f"FROM {self.fixes_relation(box, (LON, LAT))} AS f GROUP BY 1, 2"
        )

    def fixes(
        self,
        window: Window | None,
        fields: tuple[str, ...],
        limit: int | None,
        timestamps: bool = False,
    ) -> str:
        """The window's fixes, canonical fields, by track then time (``limit`` rows at most)."""
        order = f"ORDER BY {self.dialect.ident(TRACK_ID)}, {self.dialect.ident(TIME)}"
        lim = f" LIMIT {int(limit)}" if limit is not None else ""
        relation = self.fixes_relation(window, fields, timestamps)
        return f"SELECT * FROM {relation} AS f {order}{lim}"


def intersect_bbox(a, b):
    """The common part of two boxes (west, south, east, north), None when they do not meet."""
    if a is None:
        return b
    w, s, e, n = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    return None if w >= e or s >= n else (w, s, e, n)
