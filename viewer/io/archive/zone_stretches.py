"""The segments of a chunk that may meet a boundary, sorting only the fixes near one (DuckDB).

A chunk's fixes are grouped by track and stretch of `BUCKET_S` seconds (one hash aggregate of
plain minima and maxima): each stretch keeps its box. A stretch whose box (widened by the bow of a
segment in the display projection) meets no cell a boundary passes through cannot hold a
crossing, since the track between its fixes stays in that box; nor can the segment from a track's
previous stretch (or the fix carried from the previous chunk) to this one when the box of both
meets none. The test is four look-ups in a summed-area table of the boundary cells
(`SummedArea`). A stretch that fails it (its own box, or a transition on either side), a track's
first stretch ever and its last of the chunk (for the first fix and the carried one, exact) are
"needed": the chunk is read a second time for their fixes only (a hash join on track and
stretch), which with the carried fixes are sorted as the app orders a track's fixes (time, then
lon, lat) for the segments. A segment is kept within a stretch, or across two neighbouring
needed stretches whose transition failed the test — never between needed stretches with others
between them. A stretch or transition holding the instant a zone comes into force counts as
failing, for the status at that instant.

What is left (a quarter of the fixes or less in a busy region) goes to the same crossing test as
every other engine's segments (`viewer.io.archive.zone_sql.ZoneCountSQL.crossings`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from viewer.io.archive.dialect import Dialect, number
from viewer.io.archive.zone_sql import (
    _CELL_MUL,
    _CELL_OFFSET,
    BOW_PER_DEG2,
    CARRY,
    FIRST,
    MARGIN_DEG,
    PICKED,
    SAT,
    SAT_ROWS,
    SEQUENCE,
    STRETCHES,
    ZoneCountSQL,
)

BUCKET_S = 300  # seconds of a stretch: about 12 fixes of an aircraft, 60 km at airliner speed
SAT_MAX = 4_000_000  # entries of the summed-area table at most (coarser cells beyond)


@dataclass(frozen=True)
class SummedArea:
    """The cells a boundary passes through, as a summed-area table: entry ``i * (ny + 1) + j``
    (``rows``: k, s) counts the boundary cells with column < i and row < j (from ``gx0``,
    ``gy0``), so the cells in any box of cells are counted with four look-ups. In the engine it
    is one list (`SAT`, column ``s``), indexed from 1."""

    cell: float  # degrees
    gx0: int
    gy0: int
    nx: int
    ny: int
    rows: dict[str, np.ndarray]

    @classmethod
    def build(cls, cell_keys: np.ndarray, cell: float, max_entries: int = SAT_MAX) -> SummedArea:
        keys = np.unique(np.asarray(cell_keys, dtype=np.int64))
        cx = keys // _CELL_MUL - _CELL_OFFSET
        cy = keys % _CELL_MUL - _CELL_OFFSET
        if not len(keys):
            empty: dict[str, np.ndarray] = {"k": np.zeros(1, np.int64), "s": np.zeros(1, np.int32)}
            return cls(cell, 0, 0, 0, 0, empty)
        factor = 1
        while True:  # coarser cells (whole multiples: a fine cell lies in one) when too many
            fx, fy = cx // factor, cy // factor
            nx, ny = int(fx.max() - fx.min() + 1), int(fy.max() - fy.min() + 1)
            if (nx + 1) * (ny + 1) <= max_entries:
                break
            factor *= 2
        grid = np.zeros((nx + 1, ny + 1), dtype=np.int64)
        grid[1 + fx - fx.min(), 1 + fy - fy.min()] = 1
        table = grid.cumsum(axis=0).cumsum(axis=1)
        rows: dict[str, np.ndarray] = {
            "k": np.arange(table.size, dtype=np.int64),
            "s": table.ravel().astype(np.int32),
        }
        return cls(cell * factor, int(fx.min()), int(fy.min()), nx, ny, rows)

    def cells(self, d: Dialect, box: tuple[str, str, str, str], prefix: str) -> str:
        """Select-list items ``{prefix}i0, i1, j0, j1``: the table's corners for the lon/lat box
        (SQL expressions west, east, south, north), clamped to the table."""
        c = number(self.cell)
        out = []
        for name, expr, offset, high in (
            ("i0", box[0], -self.gx0, self.nx),
            ("i1", box[1], 1 - self.gx0, self.nx),
            ("j0", box[2], -self.gy0, self.ny),
            ("j1", box[3], 1 - self.gy0, self.ny),
        ):
            index = f"{d.floor_int(f'({expr}) / {c}')} + {offset}"
            out.append(f"least(greatest({index}, 0), {high}) AS {prefix}{name}")
        return ", ".join(out)

    def literal(self) -> str:
        """The table as an SQL array literal (PostgreSQL: ``CAST(... AS INTEGER[])``)."""
        return "'{" + ",".join(map(str, self.rows["s"].tolist())) + "}'"

    def count(self, source: str, prefix: str, table: str = "g") -> str:
        """The boundary cells in the box whose `cells` ``source`` (an alias) selected with
        ``prefix``; ``table``: the alias of `SAT` in the query."""
        stride = self.ny + 1

        def at(i: str, j: str) -> str:
            index = f"{source}.{prefix}{i} * {stride} + {source}.{prefix}{j} + 1"
            return f"{table}.s[CAST({index} AS INTEGER)]"

        return f"({at('i1', 'j1')} - {at('i0', 'j1')} - {at('i1', 'j0')} + {at('i0', 'j0')})"


def widened(x0: str, x1: str, y0: str, y1: str) -> tuple[str, str, str, str]:
    """A lon/lat box widened by how far a segment within it, straight in the display projection,
    may stray from it (`MARGIN_DEG` and the bow of its diagonal)."""
    m = (
        f"({number(MARGIN_DEG)} + {number(BOW_PER_DEG2)} * "
        f"(({x1} - {x0}) * ({x1} - {x0}) + ({y1} - {y0}) * ({y1} - {y0})))"
    )
    return f"{x0} - {m}", f"{x1} + {m}", f"{y0} - {m}", f"{y1} + {m}"


def joint_box(a: str, b: str) -> tuple[str, str, str, str]:
    """The box of stretch ``a``'s and ``b``'s (column prefixes) boxes, widened; ``b``'s may be
    missing (NULL): then ``a``'s own."""
    return widened(
        f"least({a}x0, coalesce({b}x0, {a}x0))",
        f"greatest({a}x1, coalesce({b}x1, {a}x1))",
        f"least({a}y0, coalesce({b}y0, {a}y0))",
        f"greatest({a}y1, coalesce({b}y1, {a}y1))",
    )


class StretchSQL:
    """The statements of `ZoneCountSQL`'s DuckDB path that make a chunk's segments."""

    def __init__(self, sql: ZoneCountSQL, has_kind: bool, has_count: bool) -> None:
        self.sql = sql
        self.d = sql.d
        self.has_kind = has_kind
        self.has_count = has_count

    @staticmethod
    def load_sat() -> list[str]:
        """`SAT` as one list from the table of its entries (`SAT_ROWS`: k, s)."""
        return [
            f"DROP TABLE IF EXISTS {SAT}",
            f"CREATE TEMP TABLE {SAT} AS SELECT list(s ORDER BY k) AS s FROM {SAT_ROWS}",
            f"DROP TABLE {SAT_ROWS}",
        ]

    def stretches(self, fixes_relation: str, times: bool) -> list[str]:
        """The chunk's fixes per track and stretch: the box, and with ``times`` the first and
        last time (for the instants zones come into force). Minima and maxima only: a hash
        aggregate that holds one row per stretch."""
        q = self.d.ident
        span = "min(t) AS t0, max(t) AS t1, " if times else ""
        return [
            f"DROP TABLE IF EXISTS {STRETCHES}",
            f"CREATE TEMP TABLE {STRETCHES} AS SELECT track, "
            f"{self.d.floor_int(f't / {BUCKET_S}')} AS b, {span}"
            "min(lon) AS x0, max(lon) AS x1, min(lat) AS y0, max(lat) AS y1 FROM ("
            f"SELECT {q('track_id')} AS track, {q('time')} AS t, {q('lon')} AS lon, "
            f"{q('lat')} AS lat FROM {fixes_relation} AS f) AS c GROUP BY 1, 2",
        ]

    def sequence(self, sat: SummedArea, force_instants: list[float]) -> list[str]:
        """Each stretch after the track's previous one (or the carried fix) and before its next:
        whether its own box (``own``), the box of it and the previous (``joint``) or the next
        (``next_joint``) meet a boundary cell or hold the instant a zone comes into force;
        ``new`` for a track's first stretch ever, ``last`` for its last of the chunk."""
        d = self.d
        times = bool(force_instants)

        def forced(a: str, b: str) -> str:
            spans = (f"({a} < {number(v)} AND {b} >= {number(v)})" for v in force_instants)
            return " OR ".join(spans)

        box = ["x0", "x1", "y0", "y1"]
        cols = ["track", "b", *(["t0", "t1"] if times else []), *box]
        lags = [f"lag({c}) OVER w AS p{c}" for c in ["b", *box]]
        lags += [f"lead({c}) OVER w AS n{c}" for c in ["b", *box]]
        if times:
            lags += ["lag(t1) OVER w AS pt1", "lead(t0) OVER w AS nt0"]
        carry_row = ["track", "NULL", *(["t", "t"] if times else []), "lon", "lon", "lat", "lat"]
        cells = [
            sat.cells(d, widened("x0", "x1", "y0", "y1"), "o"),
            sat.cells(d, joint_box("", "p"), "u"),
            sat.cells(d, joint_box("", "n"), "v"),
        ]
        own = f"{sat.count('s', 'o')} > 0" + (f" OR {forced('t0', 't1')}" if times else "")
        joint = f"{sat.count('s', 'u')} > 0" + (f" OR {forced('pt1', 't0')}" if times else "")
        after = f"{sat.count('s', 'v')} > 0" + (f" OR {forced('t1', 'nt0')}" if times else "")
        return [
            f"DROP TABLE IF EXISTS {SEQUENCE}",
            f"CREATE TEMP TABLE {SEQUENCE} AS SELECT track, b, pb, carried_before, new, last, "
            f"{own} AS own, NOT new AND ({joint}) AS joint, "
            f"NOT last AND ({after}) AS next_joint FROM ("
            "SELECT track, b, pb, coalesce(carried_before, FALSE) AS carried_before, "
            "carried_before IS NULL AS new, nb IS NULL AS last"
            + (", t0, t1, pt1, nt0" if times else "")
            + f", {', '.join(cells)} FROM ("
            f"SELECT {', '.join(cols)}, carried, {', '.join(lags)}, "
            "lag(carried) OVER w AS carried_before FROM ("
            f"SELECT {', '.join(cols)}, FALSE AS carried FROM {STRETCHES} UNION ALL "
            f"SELECT {', '.join(carry_row)}, TRUE FROM {CARRY}) AS k "
            "WINDOW w AS (PARTITION BY track ORDER BY b NULLS FIRST)) AS q "
            f"WHERE NOT carried) AS s, {SAT} AS g",
        ]

    def picked(self, fixes_relation: str) -> list[str]:
        """The fixes of the needed stretches (read again, by a hash join on track and stretch)
        and the carried fixes, in each track's order with the fix before: the segments, the
        first fixes and the carry come from them."""
        q, d = self.d.ident, self.d
        kind = q("kind") if self.has_kind else d.as_text("NULL")
        n = q("count") if self.has_count else d.as_double("NULL")
        bucket = d.floor_int(f"{q('time')} / {BUCKET_S}")
        return [
            f"DROP TABLE IF EXISTS {PICKED}",
            f"CREATE TEMP TABLE {PICKED} AS SELECT track, t, lon, lat, kind, n, b, pb, joint, "
            "lag(t) OVER w AS t0, lag(lon) OVER w AS x0, lag(lat) OVER w AS y0, "
            "lag(b) OVER w AS lb, row_number() OVER w AS rn, lead(t) OVER w IS NULL AS final "
            "FROM ("
            "SELECT f.track, f.t, f.lon, f.lat, f.kind, f.n, s.b, s.pb, s.joint FROM ("
            f"SELECT {q('track_id')} AS track, {q('time')} AS t, {q('lon')} AS lon, "
            f"{q('lat')} AS lat, {kind} AS kind, {n} AS n, "
            f"{bucket} AS b FROM {fixes_relation} AS c) AS f "
            f"JOIN (SELECT track, b, pb, joint FROM {SEQUENCE} "
            "WHERE own OR joint OR next_joint OR new OR last) AS s "
            "ON s.track = f.track AND s.b = f.b "
            "UNION ALL SELECT track, t, lon, lat, NULL, NULL, NULL, NULL, FALSE "
            f"FROM {CARRY}) AS q "
            "WINDOW w AS (PARTITION BY track ORDER BY t, lon, lat, kind, n)",
            f"DROP TABLE {STRETCHES}",
            f"DROP TABLE {SEQUENCE}",
        ]

    @staticmethod
    def pairs() -> str:
        """Consecutive fixes (track, t0, x0, y0, t1, x1, y1) within a needed stretch, or across
        a transition that may hold a crossing from the stretch (or carried fix) just before."""
        return (
            "SELECT track, t0, x0, y0, t AS t1, lon AS x1, lat AS y1 "
            f"FROM {PICKED} WHERE t0 IS NOT NULL "
            "AND (lb = b OR (joint AND lb IS NOT DISTINCT FROM pb))"
        )

    def segments(self, sat: SummedArea, force_instants: list[float]) -> list[str]:
        """The chunk's segments that may hold a crossing (`pairs`): those whose own box meets a
        boundary cell (``hot``), and those across an instant a zone comes into force."""
        box = widened("least(x0, x1)", "greatest(x0, x1)", "least(y0, y1)", "greatest(y0, y1)")
        hot = f"{sat.count('s', 'h')} > 0"
        keep = " OR ".join(
            [hot, *(f"(s.t0 < {number(v)} AND s.t1 >= {number(v)})" for v in force_instants)]
        )
        items = sat.cells(self.d, box, "h")
        return self.sql.segments_from(self.pairs(), (items, f", {SAT} AS g", hot), keep)

    @staticmethod
    def first_and_carry() -> list[str]:
        """The first fix of each track not seen before (its first stretch is needed); the last
        fix of every track so far (its last stretch is needed, or it is the carried fix)."""
        return [
            f"INSERT INTO {FIRST} SELECT track, t, lon, lat, kind, n FROM {PICKED} "
            "WHERE rn = 1 AND b IS NOT NULL",
            f"CREATE TEMP TABLE {CARRY}_next AS SELECT track, t, lon, lat FROM {PICKED} "
            "WHERE final",
            f"DROP TABLE {CARRY}",
            f"ALTER TABLE {CARRY}_next RENAME TO {CARRY}",
            f"DROP TABLE {PICKED}",
        ]


__all__ = ["BUCKET_S", "StretchSQL", "SummedArea", "joint_box", "widened"]
