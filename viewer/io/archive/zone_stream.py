"""The segments of a window in track-and-time order (PostgreSQL with a B-tree index whose
leading columns are the track id and the time).

The index gives the fixes in the window function's order (an index scan, and an incremental sort
of the rare fixes of one track at one instant by position): nothing is sorted and nothing is
copied, and the window function holds one track's fixes at a time. A chunk is a range of track
ids (`TrackRange`, cut where the engine's statistics say), and no fix is carried between chunks.
Each segment's box is tested against the boundary cells where it is made (the summed-area table
of `viewer.io.archive.zone_stretches`, an array constant), so only the segments that may meet a
boundary (and those across the instant a zone comes into force) are written; so is each track's
first fix, for its status there.
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.core.constants import COUNT, KIND, LAT, LON, TIME, TRACK_ID
from viewer.io.archive.dialect import EPOCH_MS, EPOCH_S, TIMESTAMPTZ, number
from viewer.io.archive.model import Window
from viewer.io.archive.queries import FixQuery
from viewer.io.archive.zone_sql import FIRST, SEGMENTS, ZoneCountSQL
from viewer.io.archive.zone_stretches import SummedArea, widened


@dataclass(frozen=True)
class TrackRange:
    """The tracks whose id is >= ``low`` and < ``high`` (None: unbounded), the values as the
    engine's statistics write them (their order is the index's)."""

    low: str | None = None
    high: str | None = None

    def condition(self, query: FixQuery) -> str:
        column = query.schema.raw(query.dialect, TRACK_ID)
        conds = [] if self.low is None else [f"{column} >= {query.dialect.string(self.low)}"]
        conds += [] if self.high is None else [f"{column} < {query.dialect.string(self.high)}"]
        return " AND ".join(conds) or "TRUE"


def stream_segments(
    sql: ZoneCountSQL,
    query: FixQuery,
    window: Window,
    tracks: TrackRange,
    sat: SummedArea,
    force_instants: list[float],
    has_kind: bool,
    has_count: bool,
) -> list[str]:
    """The statements that fill `SEGMENTS` (and `FIRST`) for the ``tracks`` in ``window``."""
    d, schema = sql.d, query.schema
    t, lon, lat = query.field(TIME), query.field(LON), query.field(LAT)
    kind = query.field(KIND) if has_kind else d.as_text("NULL")
    n = query.field(COUNT) if has_count else d.as_double("NULL")
    # the index's order: the stored time where it orders as the instant does
    stored = schema.time_kind in (TIMESTAMPTZ, EPOCH_S, EPOCH_MS)
    order = f"{schema.raw(d, TIME) if stored else t}, {lon}, {lat}, {kind}, {n}"
    box = widened("least(x0, x1)", "greatest(x0, x1)", "least(y0, y1)", "greatest(y0, y1)")
    keep = [f"{sat.count('c', 'h')} > 0"]
    keep += [f"(c.t0 < {number(v)} AND c.t1 >= {number(v)})" for v in force_instants]
    columns = ", ".join(
        f"c.{col}" for col in ("track", "t0", "x0", "y0", "t1", "x1", "y1", "cx0", "cx1", "cy0")
    )
    return [
        f"DROP TABLE IF EXISTS {SEGMENTS}",
        f"CREATE TEMP TABLE {SEGMENTS} AS SELECT row_number() OVER () AS sid, {columns}, "
        "c.cy1, TRUE AS hot, c.kind, c.n FROM ("
        f"SELECT q.*, {sql.cell_items()}, {sat.cells(d, box, 'h')} FROM ("
        f"SELECT {query.field(TRACK_ID)} AS track, {t} AS t1, {lon} AS x1, {lat} AS y1, "
        f"{kind} AS kind, {n} AS n, lag({t}) OVER w AS t0, lag({lon}) OVER w AS x0, "
        f"lag({lat}) OVER w AS y0 FROM {query.relation} "
        f"WHERE {query.where(window)} AND {tracks.condition(query)} "
        f"WINDOW w AS (PARTITION BY {schema.raw(d, TRACK_ID)} ORDER BY {order})) AS q "
        f"WHERE t0 IS NULL OR ((x0 <> x1 OR y0 <> y1) AND {sql.near()})) AS c "
        f"CROSS JOIN (SELECT CAST({sat.literal()} AS INTEGER[]) AS s) AS g "
        f"WHERE c.t0 IS NULL OR {' OR '.join(keep)}",
        f"INSERT INTO {FIRST} SELECT track, t1, x1, y1, kind, n FROM {SEGMENTS} WHERE t0 IS NULL",
        f"DELETE FROM {SEGMENTS} WHERE t0 IS NULL",
        *d.analyze(SEGMENTS),
        sql.at_force(),
    ]


__all__ = ["TrackRange", "stream_segments"]
