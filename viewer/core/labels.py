"""Map-label placement in screen coordinates, Qt-free: where each name goes, or whether it goes.

The caller measures each text (width and height in pixels, its own font) and gives the anchor
geometry already projected to the screen: a point, a line (an (n, 2) polyline) or an area (a
shapely polygon in pixels). `place_labels` then takes the candidates greedily by priority:

- **point** labels go centred on the point (``around=False``: sea and strait names) or around it,
  clear of its marker, trying right, left, above, below and the four diagonals in that order;
- **line** labels run along the line, turned to it and kept upright, on its visible part, beside
  the line (above, then below) where a stretch as long as the text is nearly straight (a name
  centred on a guide line, a strait's, on the guide lengthened to the name's length); where no
  such stretch is free, upright beside it (right or left of a steep line, above or below a flat
  one);
- **area** labels go inside the visible part of the polygon: first at its pole of inaccessibility
  (the inside point farthest from the edge), then at other inside points, farthest from the edge
  first; the whole text must fit inside. Where it cannot (a zone long and thin), the label runs
  along the zone's own edge on its inner side — and there first for a zone covering most of the
  view (its middle is the map's middle, where a name reads as that of what is there), then
  inside it nearest the view's border.

A label is dropped when the view is zoomed out past its ``min_zoom`` (thinning by scale), when it
would leave the viewport, or when every position overlaps a label already placed or one of the
``obstacles`` (boxes the caller keeps clear: track labels, the legend, the title...). Overlap is
tested on the labels' rotated rectangles (separating axes), so a diagonal line label blocks only
what it covers. Everything is deterministic: equal priorities go in key order.

Zoom levels are web-map zoom levels at the equator: ``zoom_level(m_per_px)`` is
log2(156,543.03 / metres per pixel), so zoom 7 is about 1.2 km per pixel.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.ops import polylabel

POINT, LINE, AREA = "point", "line", "area"
LABEL_KINDS = (POINT, LINE, AREA)
EQUATOR_M_PER_PX_AT_ZOOM_0 = 156_543.033928  # 2 pi 6378137 m / 256 px
# Around a point: right, left, above, below, then the diagonals (dx, dy in half-sizes).
AROUND = ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (-1, -1), (1, 1), (-1, 1))
LINE_STEPS = (0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9)  # where along a line to try, in order
FILLS_VIEW = 0.6  # a zone covering more of the view than this is named along its edge first
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 (pixels, y down)


def zoom_level(m_per_px: float) -> float:
    """Web-map zoom level (at the equator) of a ground resolution in metres per pixel."""
    if not m_per_px > 0:
        raise ValueError(f"metres per pixel must be > 0; got {m_per_px!r}")
    return math.log2(EQUATOR_M_PER_PX_AT_ZOOM_0 / m_per_px)


@dataclass(frozen=True)
class LabelCandidate:
    """A name that wants a place on the map.

    ``size``: the text's (width, height) in pixels. ``geometry``: an (x, y) pair for a point, an
    (n, 2) array for a line, a shapely (Multi)Polygon for an area, all in screen pixels.
    ``priority``: higher is placed first. ``min_zoom``: not shown below this zoom level.
    A line may come in pieces: a list of (n, 2) arrays.
    ``gap``: pixels kept between a point and its label (the marker's radius and a margin) or
    between a line and its label. ``around``: point labels beside the point, not centred on it.
    """

    key: str
    text: str
    size: tuple[float, float]
    kind: str
    geometry: object
    priority: float = 0.0
    min_zoom: float = 0.0
    gap: float = 2.0
    around: bool = True

    def __post_init__(self) -> None:
        if self.kind not in LABEL_KINDS:
            raise ValueError(
                f"label {self.key!r}: kind must be one of {LABEL_KINDS}; got {self.kind!r}"
            )
        w, h = self.size
        if not (w > 0 and h > 0):
            raise ValueError(
                f"label {self.key!r}: size must be two positive numbers; got {self.size!r}"
            )


@dataclass(frozen=True)
class PlacedLabel:
    """Where a label went: its centre, its angle (degrees, clockwise on screen, in (-90, 90]),
    its rotated rectangle's four corners and the axis-aligned box around them."""

    key: str
    text: str
    x: float
    y: float
    angle: float
    corners: tuple[tuple[float, float], ...]
    box: Box

    @property
    def width(self) -> float:
        (x0, y0), (x1, y1) = self.corners[0], self.corners[1]
        return math.hypot(x1 - x0, y1 - y0)


def rectangle(cx: float, cy: float, w: float, h: float, angle: float = 0.0) -> np.ndarray:
    """The four corners (4, 2) of a w x h rectangle centred on (cx, cy), turned ``angle``
    degrees clockwise on screen: top-left, top-right, bottom-right, bottom-left."""
    a = math.radians(angle)
    ux, uy = math.cos(a), math.sin(a)  # along the text
    vx, vy = -uy, ux  # down the text
    hw, hh = w / 2.0, h / 2.0
    return np.array(
        [
            (cx - ux * hw - vx * hh, cy - uy * hw - vy * hh),
            (cx + ux * hw - vx * hh, cy + uy * hw - vy * hh),
            (cx + ux * hw + vx * hh, cy + uy * hw + vy * hh),
            (cx - ux * hw + vx * hh, cy - uy * hw + vy * hh),
        ]
    )


def box_corners(box: Box) -> np.ndarray:
    x0, y0, x1, y1 = box
    return np.array([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], dtype=float)


def quads_overlap(a: np.ndarray, b: np.ndarray, margin: float = 0.0) -> bool:
    """Whether two convex quadrilaterals (4, 2) overlap by more than ``margin`` pixels
    (separating-axis test on the edges' normals; touching is not overlapping)."""
    qa, qb = a.tolist(), b.tolist()  # plain floats: far quicker than NumPy on 4 points
    for quad in (qa, qb):
        for i in range(4):
            (x0, y0), (x1, y1) = quad[i], quad[(i + 1) % 4]
            nx, ny = y0 - y1, x1 - x0
            norm = math.hypot(nx, ny)
            if norm == 0:
                continue
            nx, ny = nx / norm, ny / norm
            pa = [x * nx + y * ny for x, y in qa]
            pb = [x * nx + y * ny for x, y in qb]
            if max(pa) <= min(pb) + margin or max(pb) <= min(pa) + margin:
                return False
    return True


def upright(angle: float) -> float:
    """An angle in degrees folded into (-90, 90]: text never reads upside down."""
    a = (angle + 180.0) % 360.0 - 180.0
    if a > 90.0:
        a -= 180.0
    elif a <= -90.0:
        a += 180.0
    return a


class _Placer:
    def __init__(self, width: float, height: float, obstacles: Iterable[Box], pad: float) -> None:
        self.width, self.height, self.pad = width, height, pad
        self.taken: list[np.ndarray] = [box_corners(b) for b in obstacles]
        # the boxes of what is taken, for a quick first test (grown as labels are placed)
        self._boxes = np.array(
            [(*q.min(axis=0), *q.max(axis=0)) for q in self.taken], dtype=float
        ).reshape(-1, 4)
        self._aligned = [True] * len(self.taken)

    def inside_view(self, quad: np.ndarray) -> bool:
        return bool(
            quad[:, 0].min() >= 0
            and quad[:, 1].min() >= 0
            and quad[:, 0].max() <= self.width
            and quad[:, 1].max() <= self.height
        )

    def free(self, quad: np.ndarray, aligned: bool = False) -> bool:
        """Whether ``quad`` lies in the view clear of everything taken; ``aligned``: it is an
        upright rectangle (its box is itself: no rotated test against upright ones)."""
        if not self.inside_view(quad):
            return False
        grown = _grow(quad, self.pad)
        x0, y0 = grown.min(axis=0)
        x1, y1 = grown.max(axis=0)
        b = self._boxes
        near = np.flatnonzero((b[:, 2] > x0) & (b[:, 0] < x1) & (b[:, 3] > y0) & (b[:, 1] < y1))
        for i in near:
            if aligned and self._aligned[i]:
                return False  # two upright rectangles whose boxes overlap overlap
            if quads_overlap(grown, self.taken[i]):
                return False
        return True

    def take(self, cand: LabelCandidate, cx: float, cy: float, angle: float) -> PlacedLabel:
        quad = rectangle(cx, cy, cand.size[0], cand.size[1], angle)
        self.taken.append(quad)
        x0, y0 = quad.min(axis=0)
        x1, y1 = quad.max(axis=0)
        self._boxes = np.vstack([self._boxes, [x0, y0, x1, y1]])
        self._aligned.append(angle == 0.0)
        return PlacedLabel(
            cand.key,
            cand.text,
            float(cx),
            float(cy),
            float(angle),
            tuple((float(x), float(y)) for x, y in quad),
            (float(x0), float(y0), float(x1), float(y1)),
        )


def _grow(quad: np.ndarray, pad: float) -> np.ndarray:
    if pad <= 0:
        return quad
    centre = quad.mean(axis=0)
    out = quad.copy()
    for i in range(4):
        d = quad[i] - centre
        n = math.hypot(*d)
        if n > 0:
            out[i] = quad[i] + d / n * pad * math.sqrt(2.0)
    return out


def place_labels(
    candidates: Sequence[LabelCandidate],
    view_size: tuple[float, float],
    zoom: float,
    obstacles: Iterable[Box] = (),
    pad: float = 2.0,
    lines: Sequence[tuple[str, np.ndarray]] = (),
) -> list[PlacedLabel]:
    """Positions for the candidates that fit, in placement order (highest priority first).

    ``view_size``: (width, height) of the viewport in pixels. ``zoom``: the view's zoom level
    (`zoom_level`). ``obstacles``: boxes no label may overlap. ``pad``: pixels kept clear around
    each label. ``lines``: (key, (n, 2) polyline) drawn on the map (zone edges, lines) that a
    label crosses only where it has no other place (a label is not kept off its own key's
    line). Keys must be unique."""
    keys = [c.key for c in candidates]
    if len(set(keys)) != len(keys):
        dup = sorted({k for k in keys if keys.count(k) > 1})
        raise ValueError(f"label keys must be unique; repeated: {dup}")
    placer = _Placer(float(view_size[0]), float(view_size[1]), obstacles, pad)
    crossings = _LineIndex(lines, placer.width, placer.height)
    out: list[PlacedLabel] = []
    for cand in sorted(candidates, key=lambda c: (-c.priority, c.key)):
        if zoom < cand.min_zoom:
            continue
        fallback = None  # the first free position, where it crosses a line
        for cx, cy, angle in _positions(cand, placer):
            quad = rectangle(cx, cy, cand.size[0], cand.size[1], angle)
            if not placer.free(quad, aligned=angle == 0.0):
                continue
            if crossings.crosses(quad, cand.key):
                fallback = fallback or (cx, cy, angle)
                continue
            out.append(placer.take(cand, cx, cy, angle))
            break
        else:
            if fallback is not None:
                out.append(placer.take(cand, *fallback))
    return out


class _LineIndex:
    """The lines on the map (clipped to the view) in an R-tree, to tell whether a label's
    rectangle crosses one."""

    def __init__(self, lines: Sequence[tuple[str, np.ndarray]], width: float, height: float):
        geoms, self.keys = [], []
        for key, xy in lines:
            for piece in _visible_pieces(np.asarray(xy, dtype=float).reshape(-1, 2), width, height):
                geoms.append(shapely.LineString(piece))
                self.keys.append(key)
        self.tree = shapely.STRtree(geoms) if geoms else None

    def crosses(self, quad: np.ndarray, key: str) -> bool:
        if self.tree is None:
            return False
        hits = self.tree.query(shapely.Polygon(quad), predicate="intersects")
        return any(self.keys[i] != key for i in hits)


def _positions(cand: LabelCandidate, placer: _Placer):
    if cand.kind == POINT:
        yield from _point_positions(cand)
    elif cand.kind == LINE:
        yield from _line_positions(cand, placer)
    else:
        yield from _area_positions(cand, placer)


def _point_positions(cand: LabelCandidate):
    x, y = (float(v) for v in np.asarray(cand.geometry, dtype=float).ravel()[:2])
    if not (math.isfinite(x) and math.isfinite(y)):
        return
    w, h = cand.size
    if not cand.around:
        yield x, y, 0.0
        for dx, dy in AROUND:  # moved a whole label off the anchor when the centre is taken
            yield x + dx * (w + cand.gap), y + dy * (h + cand.gap), 0.0
        return
    for dx, dy in AROUND:
        yield x + dx * (w / 2 + cand.gap), y + dy * (h / 2 + cand.gap), 0.0


def _line_positions(cand: LabelCandidate, placer: _Placer):
    parts = cand.geometry if isinstance(cand.geometry, list | tuple) else [cand.geometry]
    pieces = []
    for part in parts:
        xy = np.asarray(part, dtype=float).reshape(-1, 2)
        pieces += _visible_pieces(xy, placer.width, placer.height)
    along = pieces
    if cand.gap < 0:  # a name centred on its guide line (a strait's): the guide as long as it
        along = [_stretched(p, cand.size[0] * 1.1) for p in pieces]
    yield from _along(along, cand)
    yield from _beside(pieces, cand)


def _stretched(piece: np.ndarray, length: float) -> np.ndarray:
    """``piece`` lengthened at both ends along its end segments to at least ``length``."""
    extra = (length - _length(piece)) / 2
    if extra <= 0 or len(piece) < 2:
        return piece
    out = np.array(piece, dtype=float)
    for end, nxt in ((0, 1), (-1, -2)):
        d = out[end] - out[nxt]
        n = math.hypot(*d)
        if n > 0:
            out[end] = out[end] + d / n * extra
    return out


def _beside(pieces: list[np.ndarray], cand: LabelCandidate):
    """Upright beside the line where no stretch along it is free: to the right or left of a
    steep line, above or below a flat one (on it, for a name centred on its line)."""
    w, h = cand.size
    gap = max(cand.gap, 0.0) + 2.0
    for piece in sorted(pieces, key=lambda p: -_length(p)):
        cum = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(piece, axis=0).T))])
        total = cum[-1]
        if total < w and cand.gap >= 0:  # a line shorter than its name is not named (a name
            continue  # centred on a guide line, a strait's, is: the line only says where)
        for frac in LINE_STEPS:
            s = total * frac
            x, y = _at(piece, cum, s)
            if cand.gap < 0:
                yield float(x), float(y), 0.0
                continue
            dx, dy = _at(piece, cum, min(total, s + 1.0)) - _at(piece, cum, max(0.0, s - 1.0))
            if abs(dy) > abs(dx):
                for side in (1.0, -1.0):
                    yield float(x) + side * (w / 2 + gap), float(y), 0.0
            else:
                for side in (-1.0, 1.0):
                    yield float(x), float(y) + side * (h / 2 + gap), 0.0


def _along(pieces: list[np.ndarray], cand: LabelCandidate):
    w, h = cand.size
    pieces.sort(key=lambda p: -_length(p))
    for piece in pieces:
        cum = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(piece, axis=0).T))])
        total = cum[-1]
        if total < w * 1.05:
            continue
        for frac in LINE_STEPS:
            s = total * frac
            a, b = s - w / 2, s + w / 2
            if a < 0 or b > total:
                continue
            pa, pb = _at(piece, cum, a), _at(piece, cum, b)
            chord = pb - pa
            length = math.hypot(*chord)
            if length < w * 0.9:
                continue
            inner = piece[(cum > a) & (cum < b)]
            if len(inner):  # the stretch must be nearly straight: within a third of the height
                rel = inner - pa
                d = np.abs(chord[0] * rel[:, 1] - chord[1] * rel[:, 0]) / length
                if d.max() > h / 3:
                    continue
            angle = upright(math.degrees(math.atan2(chord[1], chord[0])))
            mid = (pa + pb) / 2
            t = math.radians(angle)
            nx, ny = math.sin(t), -math.cos(t)  # screen "up" of the turned text
            off = h / 2 + cand.gap
            for side in (1.0, -1.0):
                yield mid[0] + side * nx * off, mid[1] + side * ny * off, angle


def _visible_pieces(xy: np.ndarray, width: float, height: float) -> list[np.ndarray]:
    ok = np.isfinite(xy).all(axis=1)
    if ok.sum() < 2:
        return []
    lines = []
    idx = np.flatnonzero(ok)
    for run in np.split(idx, np.flatnonzero(np.diff(idx) > 1) + 1):
        if len(run) > 1:
            lines.append(shapely.LineString(xy[run]))
    out = []
    for line in lines:
        clipped = shapely.clip_by_rect(line, 0.0, 0.0, width, height)
        for part in shapely.get_parts(
            shapely.line_merge(clipped) if not clipped.is_empty else clipped
        ):
            if part.geom_type == "LineString" and part.length > 0:
                out.append(np.asarray(shapely.get_coordinates(part)))
    return out


def _length(piece: np.ndarray) -> float:
    return float(np.hypot(*np.diff(piece, axis=0).T).sum())


def _at(piece: np.ndarray, cum: np.ndarray, s: float) -> np.ndarray:
    i = int(np.clip(np.searchsorted(cum, s, side="right") - 1, 0, len(piece) - 2))
    seg = cum[i + 1] - cum[i]
    f = 0.0 if seg == 0 else (s - cum[i]) / seg
    return piece[i] + f * (piece[i + 1] - piece[i])


def _area_positions(cand: LabelCandidate, placer: _Placer):
    geom = cand.geometry
    if not isinstance(geom, shapely.Geometry) or geom.is_empty:
        return
    geom = shapely.make_valid(geom)
    visible = shapely.clip_by_rect(geom, 0.0, 0.0, placer.width, placer.height)
    visible = shapely.simplify(visible, 0.5)  # a coastline's thousands of vertices: a few hundred
    polys = [p for p in shapely.get_parts(visible) if p.geom_type == "Polygon" and not p.is_empty]
    if not polys:
        return
    polys.sort(key=lambda p: -p.area)
    inside = _inside_positions(polys, cand)
    along = _edge_positions(geom, shapely.union_all(polys), cand, placer)
    # A zone filling most of the view is named along its own edge where that is on screen (its
    # middle is the middle of the map: a name there reads as the name of what is there).
    fills = sum(p.area for p in polys) > FILLS_VIEW * placer.width * placer.height
    if not fills:
        yield from inside
        yield from along
        return
    yield from along
    # else inside it, nearest the view's border first: away from the map's middle
    cx, cy = placer.width / 2, placer.height / 2
    yield from sorted(
        inside, key=lambda p: -math.hypot((p[0] - cx) / placer.width, (p[1] - cy) / placer.height)
    )


def _inside_positions(polys: list, cand: LabelCandidate):
    w, h = cand.size
    for poly in polys:
        if poly.area < w * h:
            continue
        for x, y in _inside_points(poly, w, h):
            quad = rectangle(x, y, w, h)
            if shapely.Polygon(quad).within(poly):
                yield x, y, 0.0


def _edge_positions(geom, visible, cand: LabelCandidate, placer: _Placer):
    """Along the zone's own edge on screen (not the view's border), on its inner side."""
    for ring in shapely.get_parts(shapely.boundary(geom)):
        pieces = _visible_pieces(
            np.asarray(shapely.get_coordinates(ring)), placer.width, placer.height
        )
        for x, y, angle in _along(pieces, cand):
            if visible.contains(shapely.Point(x, y)):
                yield x, y, angle


def _inside_points(poly: shapely.Polygon, w: float, h: float) -> list[tuple[float, float]]:
    """Inside points farthest from the edge first: the pole of inaccessibility, the centroid and a
    grid, their distances rounded to half the text height, ties going to the point nearest the
    centroid (a rectangle's label sits in its middle, not anywhere along its centre line)."""
    pole = polylabel(poly, tolerance=max(1.0, min(w, h) / 4))
    x0, y0, x1, y1 = poly.bounds
    step = max(h, 8.0, math.sqrt(poly.area / 600.0))  # at most about 600 points to try
    mx, my = np.meshgrid(
        np.arange(x0 + w / 2, x1 - w / 2 + 1e-9, step),
        np.arange(y0 + h / 2, y1 - h / 2 + 1e-9, step),
    )
    centre = poly.centroid
    gx = np.concatenate([[pole.x, centre.x], mx.ravel()])
    gy = np.concatenate([[pole.y, centre.y], my.ravel()])
    inside = shapely.contains_xy(poly, gx, gy)
    gx, gy = gx[inside], gy[inside]
    if not len(gx):
        return [(pole.x, pole.y)]
    d = shapely.distance(poly.boundary, shapely.points(gx, gy))
    to_centre = np.hypot(gx - centre.x, gy - centre.y)
    order = np.lexsort((gx, gy, np.round(to_centre, 6), -np.floor(d / max(h / 2, 2.0))))[:200]
    return [(float(gx[i]), float(gy[i])) for i in order]


__all__ = [
    "AREA",
    "LINE",
    "POINT",
    "LabelCandidate",
    "PlacedLabel",
    "place_labels",
    "quads_overlap",
    "rectangle",
    "upright",
    "zoom_level",
]
