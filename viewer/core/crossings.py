"""Where track segments meet zone boundaries, as the map draws them both.

The map draws a track as straight lines in the display projection between consecutive fixes (the
replay head moves along them at a constant rate), and a zone's edges as straight lines in the
same projection between its vertices (the catalog densifies published edges every 0.05° in
lon/lat first, so a published edge is drawn within 0.4 m of the straight lon/lat line). Here
everything is in those display x/y coordinates: a segment's crossing is where the drawn track
meets the drawn boundary, at the fraction of the segment's duration that the head needs to get
there.

`boundary_pieces` cuts every segment that comes within `EPS_M` (1 m) of a zone's boundary where
it comes within 1 m of an edge and where it leaves that band again, says of each piece whether it
lies inside, outside or on the boundary (within 1 m of it), and lists the points where it meets
the boundary (within `TOUCH_M`, the floating-point noise): vectorised, with no Python loop over
fixes. Segments are screened through a coarse grid of the cells the boundaries pass through (a
summed-area table answers "does this segment's bounding box touch a boundary cell" with four
look-ups), the few left are paired with boundary edges through a shapely STRtree, and each pair
is worked out with NumPy. Being on the boundary is a property of each point of the drawn path,
not of how the path is cut into fixes: a fix 0.3 m from an edge (a point typed on a published
parallel, which the map draws as 0.05° chords) is on it, and so is a track that runs along an
edge. A track changes side only from an inside piece to an outside one or back, whatever lies
on the boundary in between, so touching the boundary from either side is no crossing, and a
fix on an edge or a vertex gives its crossing once.

A line (the median line) is handled as the boundary of a thin strip on its left side: crossing
the line is leaving or entering the strip through the line itself.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import shapely

from viewer.core.projection import Projection
from viewer.core.zone_types import LINE, Zone

EPS_M = 1.0  # metres: closer than this to a drawn boundary is on it
STRIP_M = 1000.0  # metres: width of the strip on a line's left side
GRID_CELLS = 1024  # cells along the longer side of the boundary grid


@dataclass(frozen=True, eq=False)
class ZoneShape:
    """One zone in display x/y. ``polygon``: what inside means (for a line, the strip on its
    left side); ``edges``: its boundary, (m, 4) rows x0 y0 x1 y1; ``line``: the line itself for
    line zones, else None."""

    zone: Zone
    polygon: shapely.Geometry
    boundary: shapely.Geometry
    edges: np.ndarray
    line: shapely.Geometry | None


@lru_cache(maxsize=128)
def zone_shapes(zone: Zone, projection: Projection) -> tuple[ZoneShape, ...]:
    """The zone projected vertex by vertex, as the map projects it (one shape per line part);
    none when the projection cannot place all of it."""
    eps = EPS_M * projection.units_per_metre
    lon_lat = shapely.get_coordinates(zone.geometry)
    if not np.isfinite(np.column_stack(projection.forward(lon_lat[:, 0], lon_lat[:, 1]))).all():
        return ()

    def fwd(coords: np.ndarray) -> np.ndarray:
        x, y = projection.forward(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    geom = shapely.transform(zone.geometry, fwd)
    if zone.kind != LINE:
        polygon = shapely.make_valid(geom) if not shapely.is_valid(geom) else geom
        return (_shape(zone, polygon, None),)
    shapes = []
    for part in shapely.get_parts(
        shapely.line_merge(geom) if geom.geom_type != "LineString" else geom
    ):
        coords = shapely.get_coordinates(part)
        if len(coords) < 2 or part.length <= 2 * eps:
            continue
        width = min(STRIP_M * projection.units_per_metre, part.length / 20.0)
        far = shapely.get_coordinates(shapely.offset_curve(part, width))  # left side
        strip = shapely.Polygon(np.vstack([coords, far[::-1], coords[:1]]))
        if not shapely.is_valid(strip):
            strip = shapely.make_valid(strip)
        shapes.append(_shape(zone, strip, part))
    return tuple(shapes)


def _shape(zone: Zone, polygon: shapely.Geometry, line: shapely.Geometry | None) -> ZoneShape:
    boundary = shapely.boundary(polygon)
    edges = []
    for ring in shapely.get_parts(boundary):
        c = shapely.get_coordinates(ring)
        if len(c) >= 2:
            edges.append(np.column_stack([c[:-1], c[1:]]))
    e = np.vstack(edges) if edges else np.zeros((0, 4))
    e = e[(e[:, 0] != e[:, 2]) | (e[:, 1] != e[:, 3])]  # no zero-length edges
    shapely.prepare(polygon)
    shapely.prepare(boundary)
    if line is not None:
        shapely.prepare(line)
    return ZoneShape(zone, polygon, boundary, e, line)


@dataclass(frozen=True, eq=False)
class BoundaryIndex:
    """The edges of several shapes, a grid of the cells they pass through (for screening
    segments) and an STRtree of the edges (for pairing the segments left with edges)."""

    edges: np.ndarray
    edge_shape: np.ndarray
    tree: shapely.STRtree
    origin: tuple[float, float]
    cell: float
    shape: tuple[int, int]  # (ny, nx)
    sat: np.ndarray  # summed-area table of the boundary cells, (ny + 1, nx + 1)
    around: np.ndarray  # per cell (flat): a boundary cell among it and its 8 neighbours
    eps: float

    @classmethod
    def build(cls, shapes: tuple[ZoneShape, ...], eps: float) -> BoundaryIndex:
        edges = np.vstack([s.edges for s in shapes]) if shapes else np.zeros((0, 4))
        owner = np.concatenate(
            [np.full(len(s.edges), k, dtype=np.int64) for k, s in enumerate(shapes)]
            or [np.zeros(0, dtype=np.int64)]
        )
        if not len(edges):
            edges = np.zeros((0, 4))
            lo_x = lo_y = 0.0
            span = 1.0
        else:
            lo_x = float(min(edges[:, 0].min(), edges[:, 2].min()))
            lo_y = float(min(edges[:, 1].min(), edges[:, 3].min()))
            span = float(
                max(
                    max(edges[:, 0].max(), edges[:, 2].max()) - lo_x,
                    max(edges[:, 1].max(), edges[:, 3].max()) - lo_y,
                    eps,
                )
            )
        cell = max(span / GRID_CELLS, 8.0 * eps)
        # one empty cell of margin on every side: anything clipped onto it touches no boundary
        ox, oy = lo_x - 2.0 * cell, lo_y - 2.0 * cell
        nx = int(np.ceil((span + 4.0 * cell) / cell)) + 1
        ny = nx
        grid = np.zeros((ny, nx), dtype=np.int32)
        if len(edges):
            # cut the edges into pieces of at most half a cell: each piece's box, widened by
            # eps, then spans at most 2 x 2 cells, all four of them its corners
            length = np.hypot(edges[:, 2] - edges[:, 0], edges[:, 3] - edges[:, 1])
            k = np.maximum(np.ceil(length / (0.5 * cell)).astype(np.int64), 1)
            owner_edge = np.repeat(np.arange(len(edges)), k)
            within = np.arange(int(k.sum())) - np.repeat(np.cumsum(k) - k, k)
            f0 = within / k[owner_edge]
            f1 = (within + 1) / k[owner_edge]
            e = edges[owner_edge]
            px0 = e[:, 0] + f0 * (e[:, 2] - e[:, 0])
            py0 = e[:, 1] + f0 * (e[:, 3] - e[:, 1])
            px1 = e[:, 0] + f1 * (e[:, 2] - e[:, 0])
            py1 = e[:, 1] + f1 * (e[:, 3] - e[:, 1])
            ix0 = ((np.minimum(px0, px1) - eps - ox) // cell).astype(np.int64)
            ix1 = ((np.maximum(px0, px1) + eps - ox) // cell).astype(np.int64)
            iy0 = ((np.minimum(py0, py1) - eps - oy) // cell).astype(np.int64)
            iy1 = ((np.maximum(py0, py1) + eps - oy) // cell).astype(np.int64)
            for iy, ix in ((iy0, ix0), (iy0, ix1), (iy1, ix0), (iy1, ix1)):
                grid[iy, ix] = 1
        sat = np.zeros((ny + 1, nx + 1), dtype=np.int32)
        np.cumsum(np.cumsum(grid, axis=0), axis=1, out=sat[1:, 1:])
        around = np.zeros((ny, nx), dtype=bool)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                around[1:-1, 1:-1] |= grid[1 + dy : ny - 1 + dy, 1 + dx : nx - 1 + dx] > 0
        lines = shapely.linestrings(edges.reshape(-1, 2, 2)) if len(edges) else np.array([])
        tree = shapely.STRtree(lines)
        return cls(edges, owner, tree, (ox, oy), cell, (ny, nx), sat, around.ravel(), eps)

    def cells(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Grid cell of each point, clipped onto the empty margin (NaN: the margin too)."""
        ny, nx = self.shape
        ix = np.nan_to_num((x - self.origin[0]) / self.cell, nan=-1.0, posinf=nx, neginf=-1.0)
        iy = np.nan_to_num((y - self.origin[1]) / self.cell, nan=-1.0, posinf=ny, neginf=-1.0)
        ix = np.clip(ix, 0, nx - 1).astype(np.int32)
        iy = np.clip(iy, 0, ny - 1).astype(np.int32)
        return ix, iy

    def near(self, ix0, iy0, ix1, iy1) -> np.ndarray:
        """True where the box of cells [ix0..ix1] x [iy0..iy1] holds a boundary cell."""
        s = self.sat
        count = s[iy1 + 1, ix1 + 1] - s[iy0, ix1 + 1] - s[iy1 + 1, ix0] + s[iy0, ix0]
        return count > 0


_INDEXES: OrderedDict[tuple, BoundaryIndex] = OrderedDict()
_INDEXES_LOCK = threading.Lock()


def boundary_index(shapes: tuple[ZoneShape, ...], eps: float) -> BoundaryIndex:
    """`BoundaryIndex.build`, cached for the last few sets of shapes."""
    key = (shapes, eps)  # shapes compare by identity, and the key keeps them alive
    with _INDEXES_LOCK:
        index = _INDEXES.get(key)
    if index is None:
        index = BoundaryIndex.build(shapes, eps)
        with _INDEXES_LOCK:
            _INDEXES[key] = index
            while len(_INDEXES) > 4:
                _INDEXES.popitem(last=False)
    return index


OUT, IN, ON, CONTACT = 0, 1, 2, 3  # `Pieces.state`
TOUCH_M = 1e-6  # metres: closer than this, a segment meets an edge (the floating-point noise)


@dataclass(frozen=True, eq=False)
class Pieces:
    """Pieces of segments and the points where they meet a boundary, sorted by (shape, fix,
    start piece first, position along the segment, a meeting point before a piece there).

    ``shape``: index into the shapes; ``seg``: the fix the segment starts at (a segment runs from
    fix ``seg`` to ``seg + 1``); ``s0``/``s1``: where the piece starts and ends along the segment
    (0..1; equal for a point); ``state``: `OUT`, `IN` or `ON` (within ``eps`` of the boundary)
    for a piece, `CONTACT` for a point where the segment meets the boundary; ``start``: a start
    piece, the status of fix ``seg`` itself where a track (or the part of it in a zone's time in
    force) begins. Segments that never come near a boundary are not listed.
    """

    shape: np.ndarray
    seg: np.ndarray
    s0: np.ndarray
    s1: np.ndarray
    state: np.ndarray
    start: np.ndarray


def boundary_pieces(
    x: np.ndarray,
    y: np.ndarray,
    t: np.ndarray,
    seg_ok: np.ndarray,
    starts: list[np.ndarray],
    shapes: tuple[ZoneShape, ...],
    windows: np.ndarray,
    eps: float,
) -> Pieces:
    """Cut the segments ``i -> i + 1`` where ``seg_ok[i]`` at every boundary of ``shapes``.

    ``x``/``y``: fixes in display units; ``t``: their times (s); ``starts[k]``: the fixes where a
    start piece of shape ``k`` is wanted (for areas: each track's first fix in the zone's time in
    force); ``windows``: (shapes, 2) epoch seconds each shape is in force (segments outside are
    skipped); ``eps``: the tolerance in display units.
    """
    index = boundary_index(shapes, eps)
    parts = [_start_pieces(x, y, starts, shapes, eps)]
    seg = _candidates(index, x, y, seg_ok)
    if len(seg) and len(index.edges):
        parts.append(_segment_pieces(index, x, y, t, seg, shapes, windows))
    keys = ("shape", "seg", "s0", "s1", "state", "start")
    cat = {k: np.concatenate([p[k] for p in parts]) for k in keys}
    is_piece = cat["state"] != CONTACT
    order = np.lexsort((is_piece, cat["s0"], ~cat["start"], cat["seg"], cat["shape"]))
    return Pieces(**{k: v[order] for k, v in cat.items()})


def _start_pieces(x, y, starts, shapes, eps) -> dict[str, np.ndarray]:
    """Start pieces: inside (farther than eps from the boundary) or not listed."""
    shape_l, seg_l = [], []
    for k, (fixes, s) in enumerate(zip(starts, shapes, strict=True)):
        if not len(fixes):
            continue
        inside = shapely.contains_xy(s.polygon, x[fixes], y[fixes])
        fixes = fixes[inside]
        if len(fixes):
            on = shapely.dwithin(s.boundary, shapely.points(x[fixes], y[fixes]), eps)
            fixes = fixes[~on]
        shape_l.append(np.full(len(fixes), k, dtype=np.int64))
        seg_l.append(fixes.astype(np.int64))
    shape = np.concatenate(shape_l) if shape_l else np.zeros(0, dtype=np.int64)
    seg = np.concatenate(seg_l) if seg_l else np.zeros(0, dtype=np.int64)
    zero = np.zeros(len(seg))
    return {
        "shape": shape,
        "seg": seg,
        "s0": zero,
        "s1": zero,
        "state": np.full(len(seg), IN, dtype=np.int8),
        "start": np.ones(len(seg), dtype=bool),
    }


def _candidates(index: BoundaryIndex, x, y, seg_ok) -> np.ndarray:
    """Segments whose bounding box touches a boundary cell of the grid: first, for the many
    that end in a cell next to where they start, whether a boundary cell is around their
    first fix; then the summed-area table over the exact box of cells, for those left."""
    ix, iy = index.cells(x, y)
    around = index.around[iy.astype(np.int64) * index.shape[1] + ix]
    dx = np.abs(ix[1:] - ix[:-1])
    dy = np.abs(iy[1:] - iy[:-1])
    maybe = seg_ok & (around[:-1] | (dx > 1) | (dy > 1))
    seg = np.flatnonzero(maybe)
    a, b = ix[seg], ix[seg + 1]
    c, d = iy[seg], iy[seg + 1]
    near = index.near(np.minimum(a, b), np.minimum(c, d), np.maximum(a, b), np.maximum(c, d))
    return seg[near]


def _segment_pieces(index, x, y, t, seg, shapes, windows) -> dict[str, np.ndarray]:
    eps = index.eps
    tiny = eps * TOUCH_M / EPS_M
    x0, y0, x1, y1 = x[seg], y[seg], x[seg + 1], y[seg + 1]
    lines = shapely.linestrings(np.stack([np.column_stack([x0, y0]), np.column_stack([x1, y1])], 1))
    which, edge = index.tree.query(lines, predicate="dwithin", distance=eps)
    shape = index.edge_shape[edge]
    i = seg[which]
    live = (t[i + 1] > windows[shape, 0]) & (t[i] < windows[shape, 1])  # while in force
    which, edge, shape, i = which[live], edge[live], shape[live], i[live]
    e = index.edges[edge]
    p = (x0[which], y0[which], x1[which], y1[which])
    near_lo, near_hi = _near_range(*p, e, eps)
    contact, contact2 = _contacts(*p, e, tiny)
    near = near_lo <= near_hi
    # groups: one per (shape, segment) that comes within eps of the boundary
    n = len(x)
    key = shape * n + i
    groups, first = np.unique(key[near], return_index=True)
    g_shape, g_fix = shape[near][first], i[near][first]
    length = np.hypot(x[g_fix + 1] - x[g_fix], y[g_fix + 1] - y[g_fix])
    # points that cut the segments: their ends and where they come within eps of an edge
    gk = np.searchsorted(groups, key[near])
    gi = np.concatenate([gk, gk, np.arange(len(groups)), np.arange(len(groups))])
    pv = np.concatenate([near_lo[near], near_hi[near], np.zeros(len(groups)), np.ones(len(groups))])
    tol = tiny / length  # closer than this along a segment: one point
    order = np.lexsort((pv, gi))
    gi, pv = gi[order], pv[order]
    keep = np.ones(len(gi), dtype=bool)
    keep[1:] = (gi[1:] != gi[:-1]) | (pv[1:] - pv[:-1] > tol[gi[1:]])
    gi, pv = gi[keep], pv[keep]
    nxt = np.flatnonzero(gi[1:] == gi[:-1])
    pg, s0, s1 = gi[nxt], pv[nxt], pv[nxt + 1]
    fix, shp = g_fix[pg], g_shape[pg]
    mid = 0.5 * (s0 + s1)
    # a piece within eps of an edge is on the boundary; the others inside or outside
    on = np.zeros(len(pg) + 1, dtype=np.int64)
    pkey = pg * 4.0 + mid
    lo = np.searchsorted(pkey, gk * 4.0 + near_lo[near], side="left")
    hi = np.searchsorted(pkey, gk * 4.0 + near_hi[near], side="right")
    np.add.at(on, lo, 1)
    np.add.at(on, hi, -1)
    state = np.where(np.cumsum(on)[:-1] > 0, ON, OUT).astype(np.int8)
    mx = x[fix] + mid * (x[fix + 1] - x[fix])
    my = y[fix] + mid * (y[fix + 1] - y[fix])
    for k in np.unique(shp).tolist():
        sel = np.flatnonzero((shp == k) & (state != ON))
        state[sel[shapely.contains_xy(shapes[k].polygon, mx[sel], my[sel])]] = IN
    # the points where the segments meet an edge
    c_val = np.concatenate([contact, contact2])
    c_shape = np.concatenate([shape, shape])
    c_fix = np.concatenate([i, i])
    met = np.isfinite(c_val)
    c_val, c_shape, c_fix = c_val[met], c_shape[met], c_fix[met]
    return {
        "shape": np.concatenate([shp, c_shape]).astype(np.int64),
        "seg": np.concatenate([fix, c_fix]).astype(np.int64),
        "s0": np.concatenate([s0, c_val]),
        "s1": np.concatenate([s1, c_val]),
        "state": np.concatenate([state, np.full(len(c_val), CONTACT, dtype=np.int8)]),
        "start": np.zeros(len(pg) + len(c_val), dtype=bool),
    }


def _linear_range(a0, a1, lo, hi):
    """Where a0 + s (a1 - a0) lies in [lo, hi], as [s_lo, s_hi] (s_lo > s_hi: nowhere)."""
    da = a1 - a0
    flat = da == 0
    with np.errstate(divide="ignore", invalid="ignore"):
        sa, sb = (lo - a0) / da, (hi - a0) / da
    s_lo = np.where(flat, np.where((a0 >= lo) & (a0 <= hi), -np.inf, np.inf), np.minimum(sa, sb))
    s_hi = np.where(flat, np.where((a0 >= lo) & (a0 <= hi), np.inf, -np.inf), np.maximum(sa, sb))
    return s_lo, s_hi


def _disc_range(wx, wy, dx, dy, r):
    """Where |w + s d| <= r, as [s_lo, s_hi] (s_lo > s_hi: nowhere)."""
    a = dx * dx + dy * dy
    b = 2.0 * (wx * dx + wy * dy)
    c = wx * wx + wy * wy - r * r
    disc = b * b - 4.0 * a * c
    root = np.sqrt(np.maximum(disc, 0.0))
    ok = disc >= 0
    return (
        np.where(ok, (-b - root) / (2.0 * a), np.inf),
        np.where(ok, (-b + root) / (2.0 * a), -np.inf),
    )


def _near_range(px0, py0, px1, py1, edges, eps):
    """Where along segments P (fractions, [lo, hi], lo > hi: nowhere) they lie within eps of
    edges Q, row by row: a line through the capsule of radius eps around the edge."""
    qx0, qy0, qx1, qy1 = edges[:, 0], edges[:, 1], edges[:, 2], edges[:, 3]
    ex, ey = qx1 - qx0, qy1 - qy0
    le = np.hypot(ex, ey)
    # P's ends in the edge's frame: fraction along it, signed distance from its line
    u0 = ((px0 - qx0) * ex + (py0 - qy0) * ey) / (le * le)
    u1 = ((px1 - qx0) * ex + (py1 - qy0) * ey) / (le * le)
    h0 = (ex * (py0 - qy0) - ey * (px0 - qx0)) / le
    h1 = (ex * (py1 - qy0) - ey * (px1 - qx0)) / le
    band_lo, band_hi = _linear_range(h0, h1, -eps, eps)
    span_lo, span_hi = _linear_range(u0, u1, 0.0, 1.0)
    rect_lo, rect_hi = np.maximum(band_lo, span_lo), np.minimum(band_hi, span_hi)
    dx, dy = px1 - px0, py1 - py0
    c0_lo, c0_hi = _disc_range(px0 - qx0, py0 - qy0, dx, dy, eps)
    c1_lo, c1_hi = _disc_range(px0 - qx1, py0 - qy1, dx, dy, eps)
    los = np.stack([rect_lo, c0_lo, c1_lo])
    his = np.stack([rect_hi, c0_hi, c1_hi])
    empty = los > his
    lo = np.where(empty, np.inf, los).min(axis=0)
    hi = np.where(empty, -np.inf, his).max(axis=0)
    return np.maximum(lo, 0.0), np.minimum(hi, 1.0)


def _contacts(px0, py0, px1, py1, edges, tiny):
    """Where segments P meet edges Q (within ``tiny``), row by row, as fractions along P (NaN:
    they do not meet); a segment along an edge meets it at both ends of their overlap."""
    qx0, qy0, qx1, qy1 = edges[:, 0], edges[:, 1], edges[:, 2], edges[:, 3]
    dx, dy = px1 - px0, py1 - py0
    ex, ey = qx1 - qx0, qy1 - qy0
    ld, le = np.hypot(dx, dy), np.hypot(ex, ey)
    hq0 = (dx * (qy0 - py0) - dy * (qx0 - px0)) / ld  # Q's ends from P's line
    hq1 = (dx * (qy1 - py0) - dy * (qx1 - px0)) / ld
    hp0 = (ex * (py0 - qy0) - ey * (px0 - qx0)) / le  # P's ends from Q's line
    hp1 = (ex * (py1 - qy0) - ey * (px1 - qx0)) / le
    tq0 = (dx * (qx0 - px0) + dy * (qy0 - py0)) / (ld * ld)  # Q's ends along P
    tq1 = (dx * (qx1 - px0) + dy * (qy1 - py0)) / (ld * ld)
    up0 = (ex * (px0 - qx0) + ey * (py0 - qy0)) / (le * le)  # P's ends along Q
    up1 = (ex * (px1 - qx0) + ey * (py1 - qy0)) / (le * le)
    tol_s, tol_u = tiny / ld, tiny / le

    def within(v, tol):
        return (v >= -tol) & (v <= 1.0 + tol)

    collinear = ((np.abs(hq0) <= tiny) & (np.abs(hq1) <= tiny)) | (
        (np.abs(hp0) <= tiny) & (np.abs(hp1) <= tiny)
    )
    lo = np.maximum(np.minimum(tq0, tq1), 0.0)
    hi = np.minimum(np.maximum(tq0, tq1), 1.0)
    overlap = collinear & (hi >= lo - tol_s)
    proper = (
        (np.abs(hp0) > tiny)
        & (np.abs(hp1) > tiny)
        & (np.abs(hq0) > tiny)
        & (np.abs(hq1) > tiny)
        & (np.sign(hp0) != np.sign(hp1))
        & (np.sign(hq0) != np.sign(hq1))
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        crossing = hp0 / (hp0 - hp1)
    first = np.select(
        [
            overlap,
            collinear,
            (np.abs(hp0) <= tiny) & within(up0, tol_u),
            (np.abs(hp1) <= tiny) & within(up1, tol_u),
            (np.abs(hq0) <= tiny) & within(tq0, tol_s),
            (np.abs(hq1) <= tiny) & within(tq1, tol_s),
            proper,
        ],
        [lo, np.nan, 0.0, 1.0, np.clip(tq0, 0, 1), np.clip(tq1, 0, 1), crossing],
        default=np.nan,
    )
    second = np.where(overlap & (hi - lo > tol_s), hi, np.nan)
    return first, second
