"""The briefing as plain data: frozen dataclasses, validated when built (`Briefing`, `Scene`,
`Annotation`, `ViewSpec`, `TrackFileRef`, ...), and the document's constants."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

import numpy as np

from viewer.core.archive_ref import ArchiveRef
from viewer.core.briefing.validation import (
    check_color,
    check_id,
    check_positive,
    check_range,
    check_tz,
    check_unique,
    format_time,
    json_kind,
    utc,
)
from viewer.core.constants import ALT_M, MAPPABLE_FIELDS, NAMING_EN, NAMINGS, SPEED_KT
from viewer.core.counts import ReportedCount
from viewer.core.geodesy import WGS84_GEOD
from viewer.core.georeference import Underlay
from viewer.core.layer_state import LayerState
from viewer.core.projection import Projection
from viewer.core.tracing import TracedScenario
from viewer.core.view import MapView

SCHEMA_VERSION: Final = 4
FORMAT: Final = "adiz-viewer-briefing"
RECOVERY_FORMAT: Final = "adiz-viewer-recovery"
SUFFIX: Final = ".briefing.json"
BACKUP_SUFFIX: Final = ".bak"
APP_STATE_NAME: Final = "adiz-viewer"

TEXT, ARROW, CIRCLE, POLYGON = "text", "arrow", "circle", "polygon"
ANNOTATION_KINDS: Final = (TEXT, ARROW, CIRCLE, POLYGON)

# How a track file may be read where it does not say (as `viewer.core.read_options.ReadOptions`
# takes it): the fields a column can be mapped to (`MAPPABLE_FIELDS`, from the constants) and the
# unit codes of the altitude and speed columns.
ALTITUDE_UNITS: Final = ("m", "ft")
SPEED_UNITS: Final = ("kt", "kmh", "mps")
UNIT_FIELDS: Final = {ALT_M: "altitude_unit", SPEED_KT: "speed_unit"}


# ---------------------------------------------------------------------------------------- model
@dataclass(frozen=True)
class TimeRange:
    """A span of map time, ``start`` <= ``end``, both aware (stored in UTC)."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", utc(self.start))
        object.__setattr__(self, "end", utc(self.end))
        if self.end < self.start:
            raise ValueError(
                f"end {format_time(self.end)} is before start {format_time(self.start)}"
            )

    @property
    def seconds(self) -> float:
        return (self.end - self.start).total_seconds()

    def contains(self, when: datetime) -> bool:
        return self.start <= utc(when) <= self.end


@dataclass(frozen=True)
class TrackFileRef:
    """A track file: ``path`` relative to the briefing's folder (or absolute), with '/'
    separators; ``tz`` the IANA zone of times written without one (None: the file says).

    What the user chose in the import dialog, so the file reads the same way again without
    asking (None / empty: detected from the file, as it says): ``column_map`` the file column of
    each field (pairs sorted by field; a dict is accepted), ``altitude_unit`` ('m', 'ft') and
    ``speed_unit`` ('kt', 'kmh', 'mps'), ``confirmed_units`` the fields ('alt_m', 'speed_kt')
    whose unit the user confirmed (the import report says so).
    """

    path: str
    tz: str | None = None
    column_map: tuple[tuple[str, str], ...] | None = None
    altitude_unit: str | None = None
    speed_unit: str | None = None
    confirmed_units: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.path, str) or not self.path.strip():
            raise ValueError("path must be a non-empty string")
        if self.tz is not None:
            check_tz(self.tz)
        if self.column_map is not None:
            raw: Any = self.column_map
            items = list(raw.items()) if isinstance(raw, dict) else [tuple(p) for p in raw]
            if any(len(item) != 2 for item in items):
                raise ValueError("column_map must be (field, file column) pairs")
            for field_name, column in items:
                if field_name not in MAPPABLE_FIELDS:
                    raise ValueError(
                        f"column_map: unknown field {field_name!r}; expected one of "
                        f"{', '.join(MAPPABLE_FIELDS)}"
                    )
                if not isinstance(column, str) or not column:
                    raise ValueError(
                        f"column_map.{field_name} must be a column name; got {json_kind(column)}"
                    )
            check_unique("column_map field", (f for f, _ in items))
            object.__setattr__(self, "column_map", tuple(sorted(items)) or None)
        for name, units in (("altitude_unit", ALTITUDE_UNITS), ("speed_unit", SPEED_UNITS)):
            value = getattr(self, name)
            if value is not None and value not in units:
                raise ValueError(
                    f"{name} must be one of {', '.join(units)} (or null); got {json_kind(value)}"
                )
        confirmed = tuple(self.confirmed_units)
        object.__setattr__(self, "confirmed_units", confirmed)
        for field_name in confirmed:
            if field_name not in UNIT_FIELDS:
                raise ValueError(
                    f"confirmed_units: unknown field {field_name!r}; expected "
                    f"{' or '.join(map(repr, UNIT_FIELDS))}"
                )
            if getattr(self, UNIT_FIELDS[field_name]) is None:
                raise ValueError(
                    f"confirmed_units names {field_name!r} but {UNIT_FIELDS[field_name]} is null"
                )
        check_unique("confirmed_units field", confirmed)

    @property
    def columns(self) -> dict[str, str] | None:
        """``column_map`` as a dict (field -> file column), None when the file's own names
        are used."""
        return None if self.column_map is None else dict(self.column_map)

    @property
    def has_read_options(self) -> bool:
        """Whether the briefing says how to read the file (a zone, columns or units)."""
        return (
            self.tz is not None
            or self.column_map is not None
            or self.altitude_unit is not None
            or self.speed_unit is not None
            or bool(self.confirmed_units)
        )


@dataclass(frozen=True)
class LayerSetting:
    """How one layer is shown: ``visible``, ``opacity`` 0..1, ``color`` '#rrggbb' (None: the
    catalog's default)."""

    id: str
    visible: bool = True
    opacity: float = 1.0
    color: str | None = None

    def __post_init__(self) -> None:
        check_id(self.id)
        if not isinstance(self.visible, bool):
            raise ValueError(f"visible must be true or false; got {self.visible!r}")
        check_range("opacity", self.opacity, 0.0, 1.0)
        if self.color is not None:
            check_color("color", self.color)

    @classmethod
    def from_layer_state(cls, state: LayerState) -> LayerSetting:
        return cls(state.id, bool(state.visible), float(state.opacity), state.color)

    def to_layer_state(self, default_color: str) -> LayerState:
        return LayerState(self.id, self.visible, self.opacity, self.color or default_color)


#: The window an old briefing's centre + scale was meant for (schema versions 0 to 3 stored a
#: scale, not an extent): 1920 x 1080, the command line's default render size, the size the
#: sample briefing's scenes were composed at, and a 1080p projector's full screen (F5).
REFERENCE_SIZE: Final = (1920, 1080)


@dataclass(frozen=True)
class ViewSpec:
    """What the map shows, independent of window size and CRS: the extent to show — its centre
    (degrees) and its ground width and height there (metres, along the display's axes) — the
    display CRS (a preset key such as 'lcc', 'EPSG:NNNN' or a PROJ string), and optionally the
    ``region`` (west, south, east, north degrees) that must stay visible, clear of the overlays.

    Any window, projector or export shows the whole extent (`to_map_view`): a frame of another
    shape shows more map beside it, never less."""

    center_lon: float
    center_lat: float
    width_m: float
    height_m: float
    crs: str = "lcc"
    region: tuple[float, float, float, float] | None = None

    def __post_init__(self) -> None:
        check_range("center_lon", self.center_lon, -180.0, 180.0)
        check_range("center_lat", self.center_lat, -90.0, 90.0)
        check_positive("width_m", self.width_m)
        check_positive("height_m", self.height_m)
        if not isinstance(self.crs, str) or not self.crs.strip():
            raise ValueError("crs must be a non-empty string such as 'lcc' or 'EPSG:3857'")
        if self.region is not None:
            box = tuple(float(v) for v in self.region)
            if len(box) != 4:
                raise ValueError("region must be (west, south, east, north) in degrees")
            west, south, east, north = box
            for name, v, lim in (("west", west, 180), ("east", east, 180)):
                check_range(f"region {name}", v, -lim, lim)
            for name, v in (("south", south), ("north", north)):
                check_range(f"region {name}", v, -90.0, 90.0)
            if not (west < east and south < north):
                raise ValueError(f"region must have west < east and south < north; got {box}")
            object.__setattr__(self, "region", box)

    @classmethod
    def at_scale(
        cls,
        center_lon: float,
        center_lat: float,
        metres_per_pixel: float,
        crs: str = "lcc",
        size: tuple[int, int] = REFERENCE_SIZE,
        region: tuple[float, float, float, float] | None = None,
    ) -> ViewSpec:
        """The extent a ``size`` window (default `REFERENCE_SIZE`) showed at ``metres_per_pixel``
        around the centre: how a stored scale becomes an extent."""
        check_positive("metres_per_pixel", metres_per_pixel)
        w, h = size
        return cls(center_lon, center_lat, metres_per_pixel * w, metres_per_pixel * h, crs, region)

    def projection(self) -> Projection:
        """The display projection (ValueError for an unknown CRS)."""
        return Projection.from_user_input(self.crs)

    def to_map_view(
        self,
        width: int,
        height: int,
        projection: Projection | None = None,
        insets: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0),
    ) -> MapView:
        """The `MapView` of a ``width`` x ``height`` canvas fitted to this extent: the whole
        extent shows (the frame's other direction shows more map), and the ``region`` fits in
        the frame less ``insets`` (left, top, right, bottom pixels: where overlays sit)."""
        projection = projection or self.projection()
        x, y = projection.forward(np.array([self.center_lon]), np.array([self.center_lat]))
        if not (math.isfinite(x[0]) and math.isfinite(y[0])):
            raise ValueError(
                f"the view centre {self.center_lon}, {self.center_lat} is outside the projection "
                f"{projection.title!r}"
            )
        width, height = max(1, int(width)), max(1, int(height))
        k = map_units_per_metre(projection, self.center_lon, self.center_lat)
        scale = max(self.width_m * k / width, self.height_m * k / height)
        view = MapView(float(x[0]), float(y[0]), scale, width, height)
        if self.region is None:
            return view
        box = _projected_box(projection, self.region)
        if box is None:
            return view
        return _fit_region(view, box, insets)

    @property
    def metres_per_pixel(self) -> float:
        """The scale the extent had in the `REFERENCE_SIZE` window (the stored scale of old
        briefings)."""
        w, h = REFERENCE_SIZE
        return max(self.width_m / w, self.height_m / h)

    @classmethod
    def from_map_view(
        cls, view: MapView, projection: Projection, crs: str | None = None
    ) -> ViewSpec:
        """What a canvas shows, as a ViewSpec: its whole frame is the extent (``crs`` defaults
        to the projection's)."""
        lon, lat = projection.inverse(np.array([view.center_x]), np.array([view.center_y]))
        if not (math.isfinite(lon[0]) and math.isfinite(lat[0])):
            raise ValueError("the view centre is outside the projection's domain")
        k = map_units_per_metre(projection, float(lon[0]), float(lat[0]))
        metres = view.scale / k
        return cls(
            float(lon[0]),
            float(lat[0]),
            view.width * metres,
            view.height * metres,
            crs or projection.definition,
        )


def _projected_box(
    projection: Projection, box: tuple[float, float, float, float]
) -> tuple[float, float, float, float] | None:
    """The projected bounds of a lon/lat box, its edges sampled (a curved projection bends
    them); None where no part of it projects."""
    west, south, east, north = box
    t = np.linspace(0.0, 1.0, 33)
    lons = np.concatenate(
        [west + (east - west) * t, west + (east - west) * t, [west] * 33, [east] * 33]
    )
    lats = np.concatenate(
        [[south] * 33, [north] * 33, south + (north - south) * t, south + (north - south) * t]
    )
    x, y = projection.forward(lons, lats)
    ok = np.isfinite(x) & np.isfinite(y)
    if not ok.any():
        return None
    return float(x[ok].min()), float(y[ok].min()), float(x[ok].max()), float(y[ok].max())


def _fit_region(
    view: MapView,
    box: tuple[float, float, float, float],
    insets: tuple[float, float, float, float],
) -> MapView:
    """``view`` zoomed out if need be so ``box`` (projected) fits in the frame less ``insets``,
    then moved the least that puts it inside."""
    left, top, right, bottom = (max(0.0, float(v)) for v in insets)
    free_w = max(view.width - left - right, view.width * 0.25)
    free_h = max(view.height - top - bottom, view.height * 0.25)
    x0, y0, x1, y1 = box
    scale = max(view.scale, (x1 - x0) / free_w, (y1 - y0) / free_h)
    cx, cy = view.center_x, view.center_y
    # the free area in map units around the centre
    fx0 = cx + (left - view.width / 2.0) * scale
    fx1 = cx + (view.width / 2.0 - right) * scale
    fy0 = cy - (view.height / 2.0 - bottom) * scale
    fy1 = cy + (view.height / 2.0 - top) * scale
    dx = min(0.0, x0 - fx0) + max(0.0, x1 - fx1)
    dy = min(0.0, y0 - fy0) + max(0.0, y1 - fy1)
    return MapView(cx + dx, cy + dy, scale, view.width, view.height)


def map_units_per_metre(projection: Projection, lon: float, lat: float) -> float:
    """Map units per ground metre at (lon, lat): the mean of the east and north scale factors."""
    step = 1000.0
    lons, lats, _ = WGS84_GEOD.fwd([lon, lon], [lat, lat], [90.0, 0.0], [step, step])
    x, y = projection.forward(np.array([lon, *lons]), np.array([lat, *lats]))
    d_east = math.hypot(x[1] - x[0], y[1] - y[0])
    d_north = math.hypot(x[2] - x[0], y[2] - y[0])
    k = (d_east + d_north) / 2.0 / step
    if not (math.isfinite(k) and k > 0):
        raise ValueError(f"the projection has no finite scale at {lon}, {lat}")
    return k


@dataclass(frozen=True)
class AnnotationStyle:
    """``color`` of lines and text, line ``width`` (px), optional ``fill_color`` with
    ``fill_opacity`` 0..1, ``font_size`` (pt)."""

    color: str = "#ffcc00"
    width: float = 2.0
    fill_color: str | None = None
    fill_opacity: float = 0.2
    font_size: float = 14.0

    def __post_init__(self) -> None:
        check_color("color", self.color)
        check_positive("width", self.width)
        if self.fill_color is not None:
            check_color("fill_color", self.fill_color)
        check_range("fill_opacity", self.fill_opacity, 0.0, 1.0)
        check_positive("font_size", self.font_size)


@dataclass(frozen=True)
class Annotation:
    """A drawing on the map, in lon/lat degrees.

    ``text``: one point (the anchor) and ``text``; ``arrow``: two points (tail, head) and an
    optional ``text``; ``circle``: one point (centre) and ``radius_m`` (geodesic metres);
    ``polygon``: three or more points. Shown only within ``time`` when set.
    """

    id: str
    kind: str
    points: tuple[tuple[float, float], ...]
    text: str = ""
    radius_m: float | None = None
    style: AnnotationStyle = field(default_factory=AnnotationStyle)
    time: TimeRange | None = None

    def __post_init__(self) -> None:
        check_id(self.id)
        if self.kind not in ANNOTATION_KINDS:
            raise ValueError(f"kind must be one of {ANNOTATION_KINDS}; got {self.kind!r}")
        points = tuple((float(lon), float(lat)) for lon, lat in self.points)
        object.__setattr__(self, "points", points)
        for lon, lat in points:
            check_range("point longitude", lon, -180.0, 180.0)
            check_range("point latitude", lat, -90.0, 90.0)
        needed = {TEXT: (1, 1), ARROW: (2, 2), CIRCLE: (1, 1), POLYGON: (3, None)}[self.kind]
        lo, hi = needed
        if len(points) < lo or (hi is not None and len(points) > hi):
            want = f"{lo}" if lo == hi else f"at least {lo}"
            raise ValueError(f"a {self.kind} needs {want} point(s); got {len(points)}")
        if self.kind == TEXT and not self.text.strip():
            raise ValueError("a text annotation needs text")
        if self.kind == CIRCLE:
            if self.radius_m is None:
                raise ValueError("a circle needs radius_m")
            check_positive("radius_m", self.radius_m)
        elif self.radius_m is not None:
            raise ValueError(f"radius_m is only for circles, not a {self.kind}")

    def visible_at(self, when: datetime | None) -> bool:
        return self.time is None or when is None or self.time.contains(when)


@dataclass(frozen=True)
class Scene:
    """A step of a presentation: ``view``, either a still ``time`` or a ``time_range`` to play,
    the ``layers`` visible (ids; None keeps the current ones), replay ``speed`` (map seconds per
    wall second), a ``note`` for the presenter, and ``pause_at_end`` (stop so the class can
    predict what happens next). Fields left None keep what the previous scene set."""

    title: str
    note: str = ""
    view: ViewSpec | None = None
    time: datetime | None = None
    time_range: TimeRange | None = None
    layers: tuple[str, ...] | None = None
    speed: float | None = None
    pause_at_end: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.title, str) or not self.title.strip():
            raise ValueError("title must be a non-empty string")
        if self.time is not None:
            object.__setattr__(self, "time", utc(self.time))
        if self.time is not None and self.time_range is not None:
            raise ValueError("give either time (a still) or time_range (to play), not both")
        if self.layers is not None:
            object.__setattr__(self, "layers", tuple(self.layers))
            for layer_id in self.layers:
                check_id(layer_id)
            check_unique("layer", self.layers)
        if self.speed is not None:
            check_positive("speed", self.speed)

    @property
    def start_time(self) -> datetime | None:
        """Where the clock goes when the scene opens."""
        return self.time_range.start if self.time_range else self.time


@dataclass(frozen=True)
class Briefing:
    """A saved briefing: what a teacher prepared, ready to present or render headless."""

    title: str = "Untitled briefing"
    notice: str = ""
    description: str = ""
    files: tuple[TrackFileRef, ...] = ()
    layers: tuple[LayerSetting, ...] = ()
    view: ViewSpec = field(default_factory=lambda: ViewSpec.at_scale(121.0, 24.5, 1200.0))
    time_range: TimeRange | None = None
    speed: float = 60.0  # map seconds per wall second
    trail_seconds: float = 600.0
    naming: str = NAMING_EN
    annotations: tuple[Annotation, ...] = ()
    scenes: tuple[Scene, ...] = ()
    underlay: Underlay | None = None
    traced: TracedScenario | None = None
    reported_counts: tuple[ReportedCount, ...] = ()
    archives: tuple[ArchiveRef, ...] = ()  # archives and database queries (viewer.core.archive_ref)
    schema_version: int = SCHEMA_VERSION

    def __post_init__(self) -> None:
        for name in ("files", "layers", "annotations", "scenes", "reported_counts", "archives"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        if not isinstance(self.title, str):
            raise ValueError(f"title must be a string; got {json_kind(self.title)}")
        check_positive("speed", self.speed)
        check_range("trail_seconds", self.trail_seconds, 0.0, math.inf)
        if self.naming not in NAMINGS:
            raise ValueError(f"naming must be one of {NAMINGS}; got {self.naming!r}")
        check_unique("layer", [la.id for la in self.layers])
        check_unique("annotation", [a.id for a in self.annotations])
        if self.schema_version != SCHEMA_VERSION:
            raise ValueError(
                f"schema_version must be {SCHEMA_VERSION} (older files are migrated on load); "
                f"got {self.schema_version!r}"
            )

    def layer_setting(self, layer_id: str) -> LayerSetting | None:
        return next((la for la in self.layers if la.id == layer_id), None)
