"""Zone events counted in the engine, for a whole archive, with the app's definition
(`viewer.core.zones.compute_zone_events`): every crossing of a zone's boundary by a segment
between two consecutive fixes of a track counts, where the segment meets the boundary as the map
draws both — straight lines in the display projection (the region's Lambert conformal conic, the
default) between projected fixes and projected zone vertices — at the time interpolated along
the segment; a track whose first fix is inside an area enters there; a zone bound in time counts
only what happens while it is in force, and a track inside when it comes into force enters then.

No spatial extension is needed: the boundaries go to the engine as a table of edges (in display
metres; areas oriented with their inside on the left of every edge) and a grid of lon/lat cells
each edge passes through; a segment is tested only against the edges of the cells it passes
through (a hash join) — its ends projected in SQL (Snyder's formulas, as `Projection.forward`) —
with the orientation test of two segments written in plain arithmetic. As the app decides it,
a point within `EPS_M` (1 m) of a line is on it; on it counts as on the line's right (outside an
area): a segment through a vertex crosses one of its two edges, and a fix on a boundary reached
and left on the same side gives a crossing out and one back at the same instant, which cancel (a
touch is not a crossing; `ZoneCountSQL.net_events`), as do an entry and an exit within a metre
along one segment (a corner touched).

The archive is read in chunks, and memory holds one. Where the engine reads the fixes in each
track's order without sorting them (PostgreSQL with the README's B-tree on the track id and the
time: `viewer.io.archive.zone_stream`), a chunk is a range of track ids, taken in one pass of the
window function. Elsewhere a chunk is a span of time, and the last fix of every track is carried
from one chunk to the next, so a segment across a chunk's edge (or a gap of days) is tested like
any other: DuckDB sorts only the fixes of the stretches near a boundary
(`viewer.io.archive.zone_stretches`), PostgreSQL without that index every fix of the chunk.
Where a segment may meet a boundary is told by a summed-area table of the boundary cells; long
segments meet blocks of edges (`BLOCK_EDGES`) before the edges.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import shapely

from viewer.core.projection import Projection, _lcc_constants
from viewer.core.timeline import zone_info
from viewer.core.zones import AREA, LINE, Zone
from viewer.io.archive.dialect import Dialect, number

# Deferred on purpose: viewer.core.counts (it loads pandas: only when the count statements are
# built).

CELL_DEG = 0.05  # grid cell for the edge index: about 5.5 km, the length of the densified edges
MAX_CELLS = 16  # a segment over more cells is tested against every edge near it (rare: gaps)
BLOCK_EDGES = 16  # consecutive edges of a zone in a block: the long segments meet blocks first
# A segment straight in the display projection strays from the straight lon/lat line between its
# ends by at most L^2 / (8 rho) (rho > 8,000 km for the region's cone): its cells are widened by
# this much, so every edge it may meet is a candidate.
MARGIN_DEG = 0.002
BOW_PER_DEG2 = 0.002  # extra margin per square degree of a long segment's length
EPS_M = 1.0  # metres: a fix this close to an edge's line lies on it, as the app decides
_CELL_OFFSET = 1 << 20  # cell (cx, cy) -> one BIGINT key
_CELL_MUL = 1 << 22

# Temporary tables of a run (the engine's session only).
EDGES, CELLS, ZONES = "adiz_zone_edges", "adiz_zone_cells", "adiz_zones"
CHUNK, SEGMENTS, CARRY, FIRST, EVENTS, AT_FORCE = (
    "adiz_chunk",
    "adiz_segments",
    "adiz_carry",
    "adiz_first",
    "adiz_events",
    "adiz_at_force",
)
CANDIDATES, PROJECTED, SEGMENT_CELLS = "adiz_candidates", "adiz_projected", "adiz_segment_cells"
BLOCKS = "adiz_zone_blocks"
# DuckDB's stretches (`zone_stretches`)
STRETCHES, SEQUENCE, PICKED = "adiz_stretches", "adiz_sequence", "adiz_picked"
SAT, SAT_ROWS = "adiz_boundary_sat", "adiz_boundary_sat_rows"


@dataclass(frozen=True)
class ZoneTables:
    """The zones as rows for the engine: ``zones`` (zone, is_line, valid_from, valid_to: epoch
    seconds or NaN), ``edges`` (zone, edge, ax, ay, bx, by in display metres, and the lon/lat
    box lx0, ly0, lx1, ly1) and ``cells`` (zone, edge, cell); ``projection`` the display
    projection the edges and segments are straight in."""

    zones: list[Zone]
    zone_rows: dict[str, np.ndarray]
    edge_rows: dict[str, np.ndarray]
    cell_rows: dict[str, np.ndarray]
    bbox: tuple[float, float, float, float]
    projection: Projection
    block_rows: dict[str, np.ndarray] = field(default_factory=dict)  # zone, block, lon/lat box

    @classmethod
    def build(
        cls, zones: list[Zone], cell: float = CELL_DEG, projection: Projection | None = None
    ) -> ZoneTables:
        projection = projection or Projection.default()
        if _lcc_constants(projection.definition) is None:
            raise ValueError(
                "zone counts in the engine are drawn in the region's Lambert conformal conic "
                f"(the default projection); got {projection.definition!r}"
            )
        ids, lines, vf, vt = [], [], [], []
        parts: list[np.ndarray] = []
        zone_of: list[np.ndarray] = []
        for k, zone in enumerate(zones):
            if zone.kind not in (AREA, LINE):
                raise ValueError(
                    f"zone {zone.id!r}: kind must be {AREA!r} or {LINE!r}; got {zone.kind!r}"
                )
            ids.append(k)
            lines.append(zone.kind == LINE)
            vf.append(zone.valid_from.timestamp() if zone.valid_from else math.nan)
            vt.append(zone.valid_to.timestamp() if zone.valid_to else math.nan)
            segs = _edges(zone)
            parts.append(segs)
            zone_of.append(np.full(len(segs), k, dtype=np.int32))
        edges = np.concatenate(parts) if parts else np.empty((0, 4))
        zone_idx = np.concatenate(zone_of) if zone_of else np.empty(0, np.int32)
        edge_idx = np.arange(len(edges), dtype=np.int32)
        cz, ce, ck = _cells(edges, zone_idx, edge_idx, cell)
        if len(edges):
            xs, ys = edges[:, [0, 2]], edges[:, [1, 3]]
            bbox = (float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max()))
        else:
            bbox = (0.0, 0.0, 0.0, 0.0)
        ax, ay = projection.forward(edges[:, 0], edges[:, 1])
        bx, by = projection.forward(edges[:, 2], edges[:, 3])
        box = {
            "lx0": np.minimum(edges[:, 0], edges[:, 2]),
            "ly0": np.minimum(edges[:, 1], edges[:, 3]),
            "lx1": np.maximum(edges[:, 0], edges[:, 2]),
            "ly1": np.maximum(edges[:, 1], edges[:, 3]),
        }
        block, block_rows = _blocks(zone_idx, box)
        return cls(
            zones=list(zones),
            zone_rows={
                "zone": np.asarray(ids, np.int32),
                "is_line": np.asarray(lines, bool),
                "valid_from": np.asarray(vf, np.float64),
                "valid_to": np.asarray(vt, np.float64),
            },
            edge_rows={
                "zone": zone_idx,
                "edge": edge_idx,
                "ax": np.asarray(ax, np.float64),
                "ay": np.asarray(ay, np.float64),
                "bx": np.asarray(bx, np.float64),
                "by": np.asarray(by, np.float64),
                "len": np.hypot(np.asarray(bx) - ax, np.asarray(by) - ay),
                **box,
                "block": block,
            },
            cell_rows={"zone": cz, "edge": ce, "cell": ck},
            bbox=bbox,
            projection=projection,
            block_rows=block_rows,
        )


def _blocks(zone_idx: np.ndarray, box: dict[str, np.ndarray]):
    """Runs of `BLOCK_EDGES` consecutive edges of a zone: each edge's block, and each block's
    zone and lon/lat box."""
    n = len(zone_idx)
    keys = ("lx0", "ly0", "lx1", "ly1")
    if not n:
        empty = {"zone": np.empty(0, np.int32), "block": np.empty(0, np.int32)}
        return np.empty(0, np.int32), {**empty, **{k: np.empty(0) for k in keys}}
    zone_start = np.r_[True, zone_idx[1:] != zone_idx[:-1]]
    starts = np.flatnonzero(zone_start)
    local = (np.arange(n) - np.repeat(starts, np.diff(np.r_[starts, n]))) // BLOCK_EDGES
    new = zone_start | np.r_[True, local[1:] != local[:-1]]
    block = (np.cumsum(new) - 1).astype(np.int32)
    heads = np.flatnonzero(new)
    rows = {"zone": zone_idx[heads], "block": block[heads]}
    for key in keys:
        reduce = np.minimum if key.endswith("0") else np.maximum
        rows[key] = reduce.reduceat(box[key], heads)
    return block, rows


def _edges(zone: Zone) -> np.ndarray:
    """(n, 4) edges ax, ay, bx, by: area rings oriented with the inside on the left (exterior
    counter-clockwise, holes clockwise); lines as drawn."""
    geom = zone.geometry
    rings = []
    if zone.kind == AREA:
        geom = shapely.orient_polygons(geom, exterior_cw=False)
        for poly in getattr(geom, "geoms", [geom]):
            rings.append(np.asarray(poly.exterior.coords))
            rings += [np.asarray(r.coords) for r in poly.interiors]
    else:
        for line in getattr(geom, "geoms", [geom]):
            rings.append(np.asarray(line.coords))
    out = [np.column_stack([r[:-1, 0], r[:-1, 1], r[1:, 0], r[1:, 1]]) for r in rings if len(r) > 1]
    edges = np.concatenate(out) if out else np.empty((0, 4))
    keep = (edges[:, 0] != edges[:, 2]) | (edges[:, 1] != edges[:, 3])  # no zero-length edges
    return edges[keep]


def cell_key(cx, cy):
    return (cx + _CELL_OFFSET) * _CELL_MUL + (cy + _CELL_OFFSET)


def _cells(edges: np.ndarray, zone_idx: np.ndarray, edge_idx: np.ndarray, cell: float):
    """Every cell each edge passes through (the cells of the bounding boxes of pieces of the edge
    no longer than a cell, so a long diagonal edge does not claim its whole bounding box)."""
    zs, es, ks = [], [], []
    for (ax, ay, bx, by), z, e in zip(edges, zone_idx, edge_idx, strict=True):
        pieces = max(1, math.ceil(math.hypot(bx - ax, by - ay) / cell))
        f = np.linspace(0.0, 1.0, pieces + 1)
        px, py = ax + f * (bx - ax), ay + f * (by - ay)
        keys = set()
        for i in range(pieces):
            x0, x1 = sorted((px[i], px[i + 1]))
            y0, y1 = sorted((py[i], py[i + 1]))
            for cx in range(math.floor(x0 / cell), math.floor(x1 / cell) + 1):
                for cy in range(math.floor(y0 / cell), math.floor(y1 / cell) + 1):
                    keys.add(cell_key(cx, cy))
        zs += [z] * len(keys)
        es += [e] * len(keys)
        ks += sorted(keys)
    return (
        np.asarray(zs, np.int32),
        np.asarray(es, np.int32),
        np.asarray(ks, np.int64),
    )


def reaches(box: str, segment: str = "s") -> str:
    """The segment ``segment`` (x0, y0, x1, y1 in lon/lat) may meet what lies in the lon/lat box
    of ``box`` (lx0, ly0, lx1, ly1): the boxes overlap and the segment's line passes between the
    box's corners, the box widened by how far the segment drawn in the display projection strays
    from the straight lon/lat line (`MARGIN_DEG`, `BOW_PER_DEG2`)."""
    s, b = segment, box
    bow = (
        f"({number(MARGIN_DEG)} + {number(BOW_PER_DEG2)} * "
        f"(({s}.x1 - {s}.x0) * ({s}.x1 - {s}.x0) + ({s}.y1 - {s}.y0) * ({s}.y1 - {s}.y0)))"
    )
    overlap = (
        f"{b}.lx1 >= least({s}.x0, {s}.x1) - {bow} AND {b}.lx0 <= greatest({s}.x0, {s}.x1) + {bow} "
        f"AND {b}.ly1 >= least({s}.y0, {s}.y1) - {bow} "
        f"AND {b}.ly0 <= greatest({s}.y0, {s}.y1) + {bow}"
    )
    dx, dy = f"({s}.x1 - {s}.x0)", f"({s}.y1 - {s}.y0)"
    ys = [f"({b}.ly0 - {bow} - {s}.y0)", f"({b}.ly1 + {bow} - {s}.y0)"]
    xs = [f"({b}.lx0 - {bow} - {s}.x0)", f"({b}.lx1 + {bow} - {s}.x0)"]

    def extreme(f: str) -> str:  # of the cross product over the box's corners
        return f"{f}({dx} * {ys[0]}, {dx} * {ys[1]}) + {f}(-{dy} * {xs[0]}, -{dy} * {xs[1]})"

    return f"{overlap} AND {extreme('greatest')} >= 0 AND {extreme('least')} <= 0"


def lcc_sql(dialect: Dialect, projection: Projection, lon: str, lat: str) -> tuple[str, str]:
    """SQL for the region's Lambert conformal conic forward of ``lon``/``lat`` (degrees) in
    metres: Snyder (1987) 15-1 to 15-10 with `Projection`'s own constants, as its NumPy forward
    computes them (equal within micrometres)."""
    constants = _lcc_constants(projection.definition)
    assert constants is not None
    n, a_f, rho0, e, lon0, x0, y0 = constants
    u = f"tan({lat} * {number(math.pi / 360.0)})"
    sin_phi = f"(2.0 * {u} / (1.0 + {u} * {u}))"
    ln_t = f"({number(e)} * atanh({number(e)} * {sin_phi}) - atanh({sin_phi}))"
    rho = f"({number(a_f)} * exp({number(n)} * {ln_t}))"
    theta = f"(({lon} - {number(lon0)}) * {number(n * math.pi / 180.0)})"
    del dialect
    return (
        f"({rho} * sin({theta}) + {number(x0)})",
        f"({number(rho0 + y0)} - {rho} * cos({theta}))",
    )


class ZoneCountSQL:
    """The statements of a run, for one dialect. ``fixes(window)`` (from the `FixQuery`) gives a
    relation of canonical fields ``track_id, time, lon, lat`` (and ``kind``, ``count`` when the
    archive has them)."""

    def __init__(self, dialect: Dialect, tables: ZoneTables, cell: float = CELL_DEG) -> None:
        self.d = dialect
        self.tables = tables
        self.cell = cell
        # DuckDB groups a chunk's fixes in stretches (a hash aggregate; `zone_stretches`) and
        # makes segments only where a boundary is near; PostgreSQL copies the chunk into a
        # table and takes every fix through the window function (a sort either way there)
        self.stretched = dialect.name == "duckdb"

    def create_state(self) -> list[str]:
        t = self.d.text_type
        f = self.d.double_type
        return [
            f"CREATE TEMP TABLE {CARRY} (track {t}, t {f}, lon {f}, lat {f})",
            f"CREATE TEMP TABLE {FIRST} (track {t}, t {f}, lon {f}, lat {f}, kind {t}, n {f})",
            f"CREATE TEMP TABLE {EVENTS} (zone INTEGER, track {t}, t {f}, dir INTEGER, "
            "at_start INTEGER, in_force INTEGER)",
            f"CREATE TEMP TABLE {AT_FORCE} (zone INTEGER, track {t}, t0 {f}, x0 {f}, y0 {f}, "
            f"t1 {f}, x1 {f}, y1 {f})",
        ]

    def drop_state(self) -> list[str]:
        names = [CHUNK, SEGMENTS, CARRY, FIRST, EVENTS, AT_FORCE, EDGES, CELLS, ZONES, BLOCKS]
        names += [CANDIDATES, PROJECTED, SEGMENT_CELLS, f"{CARRY}_next", f"{EVENTS}_net"]
        names += [STRETCHES, SEQUENCE, PICKED, SAT, SAT_ROWS]
        return [f"DROP TABLE IF EXISTS {name}" for name in names]

    def load_chunk(self, fixes_relation: str, has_kind: bool, has_count: bool) -> list[str]:
        """The chunk's fixes into a table; the first fix of each track not seen before (the
        window path: PostgreSQL)."""
        q = self.d.ident
        kind = q("kind") if has_kind else self.d.as_text("NULL")
        n = q("count") if has_count else self.d.as_double("NULL")
        return [
            f"DROP TABLE IF EXISTS {CHUNK}",
            f"CREATE TEMP TABLE {CHUNK} AS SELECT {q('track_id')} AS track, {q('time')} AS t, "
            f"{q('lon')} AS lon, {q('lat')} AS lat, {kind} AS kind, {n} AS n "
            f"FROM {fixes_relation} AS f",
            f"INSERT INTO {FIRST} "
            + self.d.fix_per_track(
                f"(SELECT * FROM {CHUNK} AS c WHERE NOT EXISTS "
                f"(SELECT 1 FROM {CARRY} AS p WHERE p.track = c.track))",
                ("t", "lon", "lat", "kind", "n"),
            ),
        ]

    def segments(self) -> list[str]:
        """The segments ending in this chunk, from the carried last fix on, by the window
        function over every fix of the chunk (PostgreSQL)."""
        return self.segments_from(
            "SELECT track, t0, x0, y0, t AS t1, lon AS x1, lat AS y1 FROM ("
            "SELECT track, t, lon, lat, lag(t) OVER w AS t0, lag(lon) OVER w AS x0, "
            "lag(lat) OVER w AS y0 FROM ("
            f"SELECT track, t, lon, lat FROM {CARRY} UNION ALL "
            f"SELECT track, t, lon, lat FROM {CHUNK}) AS fx "
            "WINDOW w AS (PARTITION BY track ORDER BY t, lon, lat)) AS q "
            "WHERE t0 IS NOT NULL"
        )

    def segments_from(
        self, pairs: str, hot: tuple[str, str, str] | None = None, keep: str = "TRUE"
    ) -> list[str]:
        """The segments of ``pairs`` (consecutive fixes: track, t0, x0, y0, t1, x1, y1) that come
        near a zone, with the lon/lat cells their bounding box covers (widened by the margin), and
        the segments of each track across the instant a zone comes into force. ``hot``: (select
        items, joins, condition) saying which may meet a boundary (`zone_stretches.SummedArea`);
        else all may. ``keep``: the segments kept (of those, ``hot`` and the columns).
        """
        items, joins, condition = hot or ("", "", "TRUE")
        columns = "track, t0, x0, y0, t1, x1, y1, cx0, cx1, cy0, cy1"
        return [
            f"DROP TABLE IF EXISTS {SEGMENTS}",
            f"CREATE TEMP TABLE {SEGMENTS} AS SELECT row_number() OVER () AS sid, "
            f"{', '.join(f's.{col}' for col in columns.split(', '))}, {condition} AS hot FROM ("
            f"SELECT track, t0, x0, y0, t1, x1, y1, {self.cell_items()}{', ' if items else ''}"
            f"{items} FROM ({pairs}) AS p WHERE (x0 <> x1 OR y0 <> y1) AND {self.near()}) AS s "
            f"{joins} WHERE {keep}",
            *self.d.analyze(SEGMENTS),
            self.at_force(),
        ]

    def near(self) -> str:
        """A segment (x0, y0, x1, y1) whose box, widened by how far the segment may bow from it
        (straight in the display projection: `MARGIN_DEG` and `BOW_PER_DEG2`), meets the zones'
        box. (Widened by the margin alone, a long segment across a gap of days that bows into a
        zone from outside the zones' box was dropped: its entry and exit went uncounted.)"""
        x0, y0, x1, y1 = self.tables.bbox
        m = (
            f"({number(MARGIN_DEG)} + {number(BOW_PER_DEG2)} * "
            "((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)))"
        )
        return (
            f"greatest(x0, x1) + {m} >= {number(x0)} "
            f"AND least(x0, x1) - {m} <= {number(x1)} "
            f"AND greatest(y0, y1) + {m} >= {number(y0)} "
            f"AND least(y0, y1) - {m} <= {number(y1)}"
        )

    def cell_items(self) -> str:
        """Select-list items cx0, cx1, cy0, cy1: the grid cells of a segment's box (widened)."""
        c, m = number(self.cell), number(MARGIN_DEG)
        d = self.d
        return (
            f"{d.floor_int(f'(least(x0, x1) - {m}) / {c}')} AS cx0, "
            f"{d.floor_int(f'(greatest(x0, x1) + {m}) / {c}')} AS cx1, "
            f"{d.floor_int(f'(least(y0, y1) - {m}) / {c}')} AS cy0, "
            f"{d.floor_int(f'(greatest(y0, y1) + {m}) / {c}')} AS cy1"
        )

    def at_force(self) -> str:
        """The segments across the instant an area comes into force, for the status then."""
        return (
            f"INSERT INTO {AT_FORCE} SELECT z.zone, s.track, s.t0, s.x0, s.y0, s.t1, s.x1, s.y1 "
            f"FROM {SEGMENTS} AS s JOIN {ZONES} AS z ON NOT z.is_line "
            "AND z.valid_from IS NOT NULL AND s.t0 < z.valid_from AND s.t1 >= z.valid_from"
        )

    def crossings(self, active: list[int]) -> list[str]:
        """Insert the boundary crossings of this chunk's segments into the events table: dir +1
        entering an area (or crossing a line to its left), -1 leaving (to the right). Three
        steps: the (segment, edge) pairs that share a cell; the ends of those segments projected;
        the crossing test and the events."""
        d = self.d
        zones = ", ".join(str(int(z)) for z in active) or "-1"
        key = f"(gx.cx + {_CELL_OFFSET}) * {_CELL_MUL} + (gy.cy + {_CELL_OFFSET})"
        key0 = f"(s.cx0 + {_CELL_OFFSET}) * {_CELL_MUL} + (s.cy0 + {_CELL_OFFSET})"
        ncells = "(s.cx1 - s.cx0 + 1) * (s.cy1 - s.cy0 + 1)"
        proj = self.tables.projection
        px0, py0 = lcc_sql(d, proj, "s.x0", "s.y0")
        px1, py1 = lcc_sql(d, proj, "s.x1", "s.y1")

        def snap(cross: str, length: str) -> str:
            """A cross product whose point lies within EPS_M of the line: on it (0)."""
            return f"(CASE WHEN abs({cross}) <= {number(EPS_M)} * {length} THEN 0 ELSE {cross} END)"

        d0 = "((e.bx - e.ax) * (p.y0 - e.ay) - (e.by - e.ay) * (p.x0 - e.ax))"
        d1 = "((e.bx - e.ax) * (p.y1 - e.ay) - (e.by - e.ay) * (p.x1 - e.ax))"
        e0 = "((p.x1 - p.x0) * (e.ay - p.y0) - (p.y1 - p.y0) * (e.ax - p.x0))"
        e1 = "((p.x1 - p.x0) * (e.by - p.y0) - (p.y1 - p.y0) * (e.bx - p.x0))"
        in_force = (
            "(z.valid_from IS NULL OR h.t >= z.valid_from) "
            "AND (z.valid_to IS NULL OR h.t < z.valid_to)"
        )
        return [
            f"DROP TABLE IF EXISTS {SEGMENT_CELLS}",
            f"CREATE TEMP TABLE {SEGMENT_CELLS} AS SELECT s.sid, {key0} AS cell "
            f"FROM {SEGMENTS} AS s WHERE s.hot AND s.cx0 = s.cx1 AND s.cy0 = s.cy1 "
            f"UNION ALL SELECT s.sid, {key} AS cell FROM {SEGMENTS} AS s "
            "CROSS JOIN LATERAL generate_series(s.cx0, s.cx1) AS gx(cx) "
            "CROSS JOIN LATERAL generate_series(s.cy0, s.cy1) AS gy(cy) "
            f"WHERE s.hot AND {ncells} BETWEEN 2 AND {MAX_CELLS}",
            *self.d.analyze(SEGMENT_CELLS),
            f"DROP TABLE IF EXISTS {CANDIDATES}",
            # the long segments meet the blocks of edges first, then the blocks' edges
            f"CREATE TEMP TABLE {CANDIDATES} AS WITH sb AS MATERIALIZED ("
            f"SELECT s.sid, s.x0, s.y0, s.x1, s.y1, b.block FROM {SEGMENTS} AS s "
            f"JOIN {BLOCKS} AS b ON b.zone IN ({zones}) AND {reaches('b')} "
            f"WHERE s.hot AND {ncells} > {MAX_CELLS}) "
            "SELECT DISTINCT sid, zone, edge FROM ("
            f"SELECT sc.sid, c.zone, c.edge FROM {SEGMENT_CELLS} AS sc "
            f"JOIN {CELLS} AS c ON c.cell = sc.cell WHERE c.zone IN ({zones}) "
            "UNION ALL "
            f"SELECT s.sid, e.zone, e.edge FROM sb AS s JOIN {EDGES} AS e "
            f"ON e.block = s.block AND {reaches('e')}) AS q",
            f"DROP TABLE IF EXISTS {PROJECTED}",
            f"CREATE TEMP TABLE {PROJECTED} AS SELECT s.sid, s.track, s.t0, s.t1, "
            f"{px0} AS x0, {py0} AS y0, {px1} AS x1, {py1} AS y1 FROM {SEGMENTS} AS s "
            f"WHERE s.sid IN (SELECT sid FROM {CANDIDATES})",
            f"ALTER TABLE {PROJECTED} ADD COLUMN len {d.double_type}",
            f"UPDATE {PROJECTED} SET len = sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0))",
            *self.d.analyze(CANDIDATES, PROJECTED),
            f"INSERT INTO {EVENTS} "
            "WITH hit AS ("
            f"SELECT p.sid, p.track, e.zone, p.t0, p.t1, p.len, {snap(d0, 'e.len')} AS d0, "
            f"{snap(d1, 'e.len')} AS d1, {snap(e0, 'p.len')} AS e0, {snap(e1, 'p.len')} AS e1 "
            f"FROM {CANDIDATES} AS c JOIN {PROJECTED} AS p ON p.sid = c.sid "
            f"JOIN {EDGES} AS e ON e.zone = c.zone AND e.edge = c.edge"
            "), cross_at AS ("
            "SELECT sid, track, zone, t0, t1, len, d0 / (d0 - d1) AS frac, "
            "CASE WHEN d1 > 0 THEN 1 ELSE -1 END AS dir FROM hit "
            "WHERE ((d0 > 0) <> (d1 > 0)) AND ((e0 > 0) <> (e1 > 0))"
            "), net AS ("
            "SELECT sid, zone, min(track) AS track, "
            "min(CASE WHEN frac = 1 THEN t1 ELSE t0 + frac * (t1 - t0) END) AS t, "
            f"sum(dir) AS dir FROM cross_at GROUP BY sid, zone, "
            f"{d.floor_int(f'frac * len / {number(EPS_M)} + 0.5')}"
            ") "
            "SELECT h.zone, h.track, h.t, CASE WHEN h.dir > 0 THEN 1 ELSE -1 END, 0, 0 "
            f"FROM net AS h JOIN {ZONES} AS z ON z.zone = h.zone WHERE h.dir <> 0 AND {in_force}",
        ]

    def carry(self) -> list[str]:
        """The last fix of every track so far, for the next chunk's first segments (the window
        path: PostgreSQL)."""
        return [
            f"CREATE TEMP TABLE {CARRY}_next AS "
            + self.d.fix_per_track(
                f"(SELECT track, t, lon, lat FROM {CARRY} UNION ALL "
                f"SELECT track, t, lon, lat FROM {CHUNK})",
                ("t", "lon", "lat"),
                last=True,
            ),
            f"DROP TABLE {CARRY}",
            f"ALTER TABLE {CARRY}_next RENAME TO {CARRY}",
        ]

    def end_chunk(self) -> list[str]:
        """The chunk's own tables dropped."""
        names = [CHUNK, SEGMENTS, CANDIDATES, PROJECTED, SEGMENT_CELLS]
        names += [STRETCHES, SEQUENCE, PICKED]
        return [f"DROP TABLE IF EXISTS {name}" for name in names]

    def starts_postgis(self) -> str:
        """Entries at the first fix of tracks that start inside an area (PostGIS's
        ``ST_Contains``: a point on the boundary is outside, as `shapely.contains_xy` says)."""
        return (
            f"INSERT INTO {EVENTS} SELECT z.zone, f.track, f.t, 1, 1, 0 FROM {FIRST} AS f "
            f"JOIN {ZONES} AS z ON NOT z.is_line "
            "AND ST_Contains(z.geom, ST_SetSRID(ST_MakePoint(f.lon, f.lat), 4326)) "
            "WHERE (z.valid_from IS NULL OR f.t >= z.valid_from) "
            "AND (z.valid_to IS NULL OR f.t < z.valid_to)"
        )

    def net_events(self) -> list[str]:
        """Events of a track at the same instant and zone cancel in pairs: a fix on a boundary
        reached and left on the same side (a touch) gives a crossing out and one back in at that
        fix, which is no crossing; reached from one side and left to the other, one remains."""
        t = f"{self.d.floor_int('t * 1e6 + 0.5')}"
        return [
            f"DROP TABLE IF EXISTS {EVENTS}_net",
            f"CREATE TEMP TABLE {EVENTS}_net AS SELECT zone, track, min(t) AS t, "
            "CASE WHEN sum(dir) > 0 THEN 1 ELSE -1 END AS dir, max(at_start) AS at_start, "
            f"max(in_force) AS in_force FROM {EVENTS} GROUP BY zone, track, {t} "
            "HAVING sum(dir) <> 0",
            f"DROP TABLE {EVENTS}",
            f"ALTER TABLE {EVENTS}_net RENAME TO {EVENTS}",
        ]

    def events(self) -> str:
        return (
            f"SELECT zone, track, t, dir, at_start, in_force FROM {EVENTS} ORDER BY t, track, zone"
        )

    def per_day(self, day) -> str:
        """Per zone, bin of ``day`` (a `viewer.core.counts.DayDefinition`: MND's day, a calendar
        day, an hour) and track: the entries into an area (crossings of a line), with the track's
        kind and aircraft count (from its first fix). The bin is its wall-clock start."""
        from viewer.core.counts import HOURLY

        info = zone_info(day.tz)
        key = getattr(info, "key", None)
        tz = key if key else int(info.utcoffset(None).total_seconds())  # type: ignore[union-attr]
        start = self.d.bin_start("e.t", tz, day.kind == HOURLY, day.start_hour)
        return (
            f"SELECT e.zone, {start} AS day, e.track, count(*) AS events, "
            "min(f.kind) AS kind, min(f.n) AS n "
            f"FROM {EVENTS} AS e JOIN {ZONES} AS z ON z.zone = e.zone "
            f"JOIN {FIRST} AS f ON f.track = e.track "
            "WHERE z.is_line OR e.dir = 1 GROUP BY e.zone, 2, e.track"
        )
