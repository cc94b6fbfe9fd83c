"""The briefing document: a teacher's saved work, as a versioned JSON file.

A `Briefing` holds the loaded track files (paths relative to the briefing file), each layer's
visibility, opacity and colour, the view, the time range, replay speed and trail, the naming usage,
annotations and scenes; and what the teacher authored (schema version 2): a georeferenced picture
underlay, the tracks traced over it with their timing models, and the daily counts a ministry
reported; and, per track file, how to read it where the file does not say (schema version 3): the
columns and units the user confirmed in the import dialog, so reopening does not ask again. It is
plain data (frozen dataclasses); the UI builds one from its state and
applies one to its state.

File format (schema version `SCHEMA_VERSION`, published in ``resources/briefing.schema.json``):
UTF-8 JSON, keys sorted, two-space indent, floats rounded to fixed decimals, times as UTC ISO 8601
with ``Z``; so save → open → save gives byte-identical files. Older versions are migrated on load;
a newer version is refused with a message saying so.

Saving is atomic: the new text goes to a temporary file in the same folder, is flushed and fsynced,
the previous file is kept as ``<name>.bak``, and the temporary file is renamed over the original.
At every instant the file on disk is either the old or the new version.

>>> b = Briefing(title="Demo", files=(TrackFileRef("tracks/day.csv"),))
>>> from_dict(to_dict(b)) == b
True
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import json
import math
import os
import re
import secrets
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from viewer.core import package_data
from viewer.core.archive_ref import ArchiveRef
from viewer.core.constants import ALT_M, MAPPABLE_FIELDS, NAMING_EN, NAMINGS, SPEED_KT
from viewer.core.counts import ReportedCount
from viewer.core.georeference import ControlPoint, Underlay
from viewer.core.tracing import DEFAULT_TZ, Timing, TracedScenario, TracedTrack

if TYPE_CHECKING:
    from viewer.core.map_state import LayerState
    from viewer.core.projection import Projection
    from viewer.core.view import MapView

SCHEMA_VERSION: Final = 3
FORMAT: Final = "adiz-viewer-briefing"
RECOVERY_FORMAT: Final = "adiz-viewer-recovery"
SUFFIX: Final = ".briefing.json"
BACKUP_SUFFIX: Final = ".bak"
APP_STATE_NAME: Final = "adiz-viewer"

TEXT, ARROW, CIRCLE, POLYGON = "text", "arrow", "circle", "polygon"
ANNOTATION_KINDS: Final = (TEXT, ARROW, CIRCLE, POLYGON)

# How a track file may be read where it does not say (as `viewer.io.registry.ReadOptions` takes it):
# the fields a column can be mapped to (`MAPPABLE_FIELDS`, from the constants) and the unit codes
# of the altitude and speed columns.
ALTITUDE_UNITS: Final = ("m", "ft")
SPEED_UNITS: Final = ("kt", "kmh", "mps")
_UNIT_FIELDS: Final = {ALT_M: "altitude_unit", SPEED_KT: "speed_unit"}

# Decimals written for each kind of number (fixed, so files are stable).
_DEG_DIGITS = 6  # ~0.1 m
_M_PER_PX_DIGITS = 4
_FRACTION_DIGITS = 3
_SECONDS_DIGITS = 3
_SPEED_DIGITS = 4
_METRES_DIGITS = 1
_PX_DIGITS = 2

_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
_TIME_FMT = "%Y-%m-%dT%H:%M:%SZ"
_TIME_FMT_US = "%Y-%m-%dT%H:%M:%S.%fZ"


class BriefingError(Exception):
    """A briefing that cannot be read or written; the message names the file and the problem."""

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        self.reason = message
        self.path = Path(path) if path is not None else None
        super().__init__(f"{self.path}: {message}" if self.path is not None else message)

    def in_file(self, path: str | Path) -> BriefingError:
        """The same error, naming ``path``."""
        return BriefingError(self.reason, path)


# ---------------------------------------------------------------------------------------- times
def parse_time(text: str) -> datetime:
    """An ISO 8601 time with a zone ('Z' or an offset) as an aware UTC datetime.

    >>> parse_time("2021-10-04T02:00:00+08:00").isoformat()
    '2021-10-03T18:00:00+00:00'
    """
    if not isinstance(text, str):
        raise ValueError(f"expected an ISO 8601 time string; got {_json_kind(text)}")
    try:
        value = datetime.fromisoformat(text.strip().replace("z", "Z"))
    except ValueError:
        raise ValueError(
            f"expected an ISO 8601 time such as '2021-10-04T02:00:00Z'; got {text!r}"
        ) from None
    if value.tzinfo is None:
        raise ValueError(f"time {text!r} has no zone; write it in UTC with 'Z'")
    return value.astimezone(UTC)


def format_time(value: datetime) -> str:
    """UTC ISO 8601 with 'Z' (microseconds only when there are some)."""
    value = _utc(value)
    return value.strftime(_TIME_FMT_US if value.microsecond else _TIME_FMT)


def _utc(value: datetime) -> datetime:
    if not isinstance(value, datetime):
        raise ValueError(f"expected a datetime; got {_json_kind(value)}")
    if value.tzinfo is None:
        raise ValueError(f"time {value.isoformat()} has no zone; times must be UTC-aware")
    return value.astimezone(UTC)


# ---------------------------------------------------------------------------------------- model
@dataclass(frozen=True)
class TimeRange:
    """A span of map time, ``start`` <= ``end``, both aware (stored in UTC)."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", _utc(self.start))
        object.__setattr__(self, "end", _utc(self.end))
        if self.end < self.start:
            raise ValueError(
                f"end {format_time(self.end)} is before start {format_time(self.start)}"
            )

    @property
    def seconds(self) -> float:
        return (self.end - self.start).total_seconds()

    def contains(self, when: datetime) -> bool:
        return self.start <= _utc(when) <= self.end


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
            _check_tz(self.tz)
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
                        f"column_map.{field_name} must be a column name; got {_json_kind(column)}"
                    )
            _check_unique("column_map field", (f for f, _ in items))
            object.__setattr__(self, "column_map", tuple(sorted(items)) or None)
        for name, units in (("altitude_unit", ALTITUDE_UNITS), ("speed_unit", SPEED_UNITS)):
            value = getattr(self, name)
            if value is not None and value not in units:
                raise ValueError(
                    f"{name} must be one of {', '.join(units)} (or null); got {_json_kind(value)}"
                )
        confirmed = tuple(self.confirmed_units)
        object.__setattr__(self, "confirmed_units", confirmed)
        for field_name in confirmed:
            if field_name not in _UNIT_FIELDS:
                raise ValueError(
                    f"confirmed_units: unknown field {field_name!r}; expected "
                    f"{' or '.join(map(repr, _UNIT_FIELDS))}"
                )
            if getattr(self, _UNIT_FIELDS[field_name]) is None:
                raise ValueError(
                    f"confirmed_units names {field_name!r} but {_UNIT_FIELDS[field_name]} is null"
                )
        _check_unique("confirmed_units field", confirmed)

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
        _check_id(self.id)
        if not isinstance(self.visible, bool):
            raise ValueError(f"visible must be true or false; got {self.visible!r}")
        _check_range("opacity", self.opacity, 0.0, 1.0)
        if self.color is not None:
            _check_color("color", self.color)

    @classmethod
    def from_layer_state(cls, state: LayerState) -> LayerSetting:
        return cls(state.id, bool(state.visible), float(state.opacity), state.color)

    def to_layer_state(self, default_color: str) -> LayerState:
        from viewer.core.map_state import LayerState

        return LayerState(self.id, self.visible, self.opacity, self.color or default_color)


@dataclass(frozen=True)
class ViewSpec:
    """What the map shows, independent of window size and CRS: the centre (degrees) and the
    ground distance one pixel covers there (metres), plus the display CRS (a preset key such as
    'lcc', 'EPSG:NNNN' or a PROJ string)."""

    center_lon: float
    center_lat: float
    metres_per_pixel: float
    crs: str = "lcc"

    def __post_init__(self) -> None:
        _check_range("center_lon", self.center_lon, -180.0, 180.0)
        _check_range("center_lat", self.center_lat, -90.0, 90.0)
        _check_positive("metres_per_pixel", self.metres_per_pixel)
        if not isinstance(self.crs, str) or not self.crs.strip():
            raise ValueError("crs must be a non-empty string such as 'lcc' or 'EPSG:3857'")

    def projection(self) -> Projection:
        """The display projection (ValueError for an unknown CRS)."""
        from viewer.core.projection import Projection

        return Projection.from_user_input(self.crs)

    def to_map_view(self, width: int, height: int, projection: Projection | None = None) -> MapView:
        """The `MapView` of a ``width`` x ``height`` canvas showing this view."""
        import numpy as np

        from viewer.core.view import MapView

        projection = projection or self.projection()
        x, y = projection.forward(np.array([self.center_lon]), np.array([self.center_lat]))
        if not (math.isfinite(x[0]) and math.isfinite(y[0])):
            raise ValueError(
                f"the view centre {self.center_lon}, {self.center_lat} is outside the projection "
                f"{projection.title!r}"
            )
        k = map_units_per_metre(projection, self.center_lon, self.center_lat)
        return MapView(float(x[0]), float(y[0]), self.metres_per_pixel * k, width, height)

    @classmethod
    def from_map_view(
        cls, view: MapView, projection: Projection, crs: str | None = None
    ) -> ViewSpec:
        """The view a canvas shows, as a ViewSpec (``crs`` defaults to the projection's)."""
        import numpy as np

        lon, lat = projection.inverse(np.array([view.center_x]), np.array([view.center_y]))
        if not (math.isfinite(lon[0]) and math.isfinite(lat[0])):
            raise ValueError("the view centre is outside the projection's domain")
        k = map_units_per_metre(projection, float(lon[0]), float(lat[0]))
        return cls(float(lon[0]), float(lat[0]), view.scale / k, crs or projection.definition)


def map_units_per_metre(projection: Projection, lon: float, lat: float) -> float:
    """Map units per ground metre at (lon, lat): the mean of the east and north scale factors."""
    import numpy as np

    from viewer.core.geodesy import WGS84_GEOD

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
        _check_color("color", self.color)
        _check_positive("width", self.width)
        if self.fill_color is not None:
            _check_color("fill_color", self.fill_color)
        _check_range("fill_opacity", self.fill_opacity, 0.0, 1.0)
        _check_positive("font_size", self.font_size)


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
        _check_id(self.id)
        if self.kind not in ANNOTATION_KINDS:
            raise ValueError(f"kind must be one of {ANNOTATION_KINDS}; got {self.kind!r}")
        points = tuple((float(lon), float(lat)) for lon, lat in self.points)
        object.__setattr__(self, "points", points)
        for lon, lat in points:
            _check_range("point longitude", lon, -180.0, 180.0)
            _check_range("point latitude", lat, -90.0, 90.0)
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
            _check_positive("radius_m", self.radius_m)
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
            object.__setattr__(self, "time", _utc(self.time))
        if self.time is not None and self.time_range is not None:
            raise ValueError("give either time (a still) or time_range (to play), not both")
        if self.layers is not None:
            object.__setattr__(self, "layers", tuple(self.layers))
            for layer_id in self.layers:
                _check_id(layer_id)
            _check_unique("layer", self.layers)
        if self.speed is not None:
            _check_positive("speed", self.speed)

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
    view: ViewSpec = field(default_factory=lambda: ViewSpec(121.0, 24.5, 1200.0))
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
            raise ValueError(f"title must be a string; got {_json_kind(self.title)}")
        _check_positive("speed", self.speed)
        _check_range("trail_seconds", self.trail_seconds, 0.0, math.inf)
        if self.naming not in NAMINGS:
            raise ValueError(f"naming must be one of {NAMINGS}; got {self.naming!r}")
        _check_unique("layer", [la.id for la in self.layers])
        _check_unique("annotation", [a.id for a in self.annotations])
        if self.schema_version != SCHEMA_VERSION:
            raise ValueError(
                f"schema_version must be {SCHEMA_VERSION} (older files are migrated on load); "
                f"got {self.schema_version!r}"
            )

    def layer_setting(self, layer_id: str) -> LayerSetting | None:
        return next((la for la in self.layers if la.id == layer_id), None)


# ---------------------------------------------------------------------------- validation helpers
def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"a boolean ({json.dumps(value)})"
    if isinstance(value, int | float):
        return f"a number ({value!r})"
    if isinstance(value, str):
        return f"a string ({value[:40]!r})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_range(name: str, value: object, lo: float, hi: float) -> None:
    if not _is_number(value) or not math.isfinite(float(value)):  # type: ignore[arg-type]
        raise ValueError(f"{name} must be a finite number; got {_json_kind(value)}")
    if not lo <= float(value) <= hi:  # type: ignore[arg-type]
        raise ValueError(f"{name} must be in {lo:g}..{hi:g}; got {value!r}")


def _check_positive(name: str, value: object) -> None:
    if not _is_number(value) or not math.isfinite(float(value)):  # type: ignore[arg-type]
        raise ValueError(f"{name} must be a finite number; got {_json_kind(value)}")
    if float(value) <= 0:  # type: ignore[arg-type]
        raise ValueError(f"{name} must be positive; got {value!r}")


def _check_color(name: str, value: object) -> None:
    if not isinstance(value, str) or not _COLOR_RE.match(value):
        raise ValueError(f"{name} must be a colour '#rrggbb'; got {_json_kind(value)}")


def _check_id(value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"id must be a non-empty string; got {_json_kind(value)}")


def _check_tz(value: str) -> None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone {value!r}; expected an IANA name such as 'Asia/Taipei' or 'UTC'"
        ) from None


def _check_unique(what: str, ids: Iterable[str]) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise ValueError(f"{what} id {i!r} appears twice")
        seen.add(i)


# ---------------------------------------------------------------------------- to / from dict
def _num(value: float, digits: int) -> float:
    return round(float(value), digits) + 0.0  # + 0.0 turns -0.0 into 0.0


def _opt_num(value: float | None, digits: int) -> float | None:
    return None if value is None else _num(value, digits)


def _view_dict(view: ViewSpec) -> dict[str, Any]:
    return {
        "center_lon": _num(view.center_lon, _DEG_DIGITS),
        "center_lat": _num(view.center_lat, _DEG_DIGITS),
        "metres_per_pixel": _num(view.metres_per_pixel, _M_PER_PX_DIGITS),
        "crs": view.crs,
    }


def _range_dict(tr: TimeRange | None) -> dict[str, str] | None:
    return None if tr is None else {"start": format_time(tr.start), "end": format_time(tr.end)}


def to_dict(briefing: Briefing) -> dict[str, Any]:
    """The JSON-ready document of the current schema version (floats rounded, times in UTC)."""
    b = briefing
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "title": b.title,
        "notice": b.notice,
        "description": b.description,
        "files": [_file_dict(f) for f in b.files],
        "layers": [
            {
                "id": la.id,
                "visible": la.visible,
                "opacity": _num(la.opacity, _FRACTION_DIGITS),
                "color": la.color,
            }
            for la in b.layers
        ],
        "view": _view_dict(b.view),
        "time_range": _range_dict(b.time_range),
        "speed": _num(b.speed, _SPEED_DIGITS),
        "trail_seconds": _num(b.trail_seconds, _SECONDS_DIGITS),
        "naming": b.naming,
        "annotations": [
            {
                "id": a.id,
                "kind": a.kind,
                "points": [[_num(x, _DEG_DIGITS), _num(y, _DEG_DIGITS)] for x, y in a.points],
                "text": a.text,
                "radius_m": _opt_num(a.radius_m, _METRES_DIGITS),
                "style": {
                    "color": a.style.color,
                    "width": _num(a.style.width, _PX_DIGITS),
                    "fill_color": a.style.fill_color,
                    "fill_opacity": _num(a.style.fill_opacity, _FRACTION_DIGITS),
                    "font_size": _num(a.style.font_size, _PX_DIGITS),
                },
                "time_range": _range_dict(a.time),
            }
            for a in b.annotations
        ],
        "scenes": [
            {
                "title": s.title,
                "note": s.note,
                "view": None if s.view is None else _view_dict(s.view),
                "time": None if s.time is None else format_time(s.time),
                "time_range": _range_dict(s.time_range),
                "layers": None if s.layers is None else list(s.layers),
                "speed": _opt_num(s.speed, _SPEED_DIGITS),
                "pause_at_end": s.pause_at_end,
            }
            for s in b.scenes
        ],
        "underlay": None if b.underlay is None else _underlay_dict(b.underlay),
        "traced": None if b.traced is None else _traced_dict(b.traced),
        "reported_counts": [
            {"date": c.date.isoformat(), "kind": c.kind, "count": c.count, "source": c.source}
            for c in b.reported_counts
        ],
    } | _archives_dict(b.archives)


def _archives_dict(archives: tuple[ArchiveRef, ...]) -> dict[str, Any]:
    """Written only when the briefing has some, so documents without stay as they were."""
    from viewer.core.archive_ref import archive_ref_to_dict

    return {"archives": [archive_ref_to_dict(a, format_time) for a in archives]} if archives else {}


def _file_dict(f: TrackFileRef) -> dict[str, Any]:
    return {
        "path": f.path,
        "tz": f.tz,
        "column_map": f.columns,
        "altitude_unit": f.altitude_unit,
        "speed_unit": f.speed_unit,
        "confirmed_units": list(f.confirmed_units),
    }


def _underlay_dict(u: Underlay) -> dict[str, Any]:
    return {
        "path": u.path,
        "crs": u.crs,
        "opacity": _num(u.opacity, _FRACTION_DIGITS),
        "visible": u.visible,
        "control_points": [
            {
                "px": _num(p.px, _PX_DIGITS),
                "py": _num(p.py, _PX_DIGITS),
                "lon": _num(p.lon, _DEG_DIGITS),
                "lat": _num(p.lat, _DEG_DIGITS),
                "enabled": p.enabled,
            }
            for p in u.points
        ],
    }


def _timing_dict(t: Timing) -> dict[str, Any]:
    return {
        "mode": t.mode,
        "start": None if t.start is None else format_time(t.start),
        "end": None if t.end is None else format_time(t.end),
        "speed_kt": _opt_num(t.speed_kt, _SPEED_DIGITS),
        "vertex_times": [[i, format_time(when)] for i, when in t.vertex_times],
    }


def _traced_dict(sc: TracedScenario) -> dict[str, Any]:
    return {
        "source": sc.source,
        "tz": sc.tz,
        "tracks": [
            {
                "id": t.id,
                "kind": t.kind,
                "count": t.count,
                "callsign": t.callsign,
                "label": t.label,
                "points": [[_num(x, _DEG_DIGITS), _num(y, _DEG_DIGITS)] for x, y in t.points],
                "timing": _timing_dict(t.timing),
            }
            for t in sc.tracks
        ],
    }


def dumps(briefing: Briefing) -> str:
    """The file text: sorted keys, two-space indent, UTF-8 characters kept, final newline."""
    text = json.dumps(
        to_dict(briefing), sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False
    )
    return text + "\n"


_MISSING: Any = object()


class _Obj:
    """A JSON object being read, with the path used in error messages ('scenes[2].view')."""

    def __init__(self, value: object, where: str, allowed: Iterable[str]) -> None:
        if not isinstance(value, dict):
            raise BriefingError(
                f"{where or 'the document'} must be an object; got {_json_kind(value)}"
            )
        self.d: dict[str, Any] = value
        self.where = where
        allowed = set(allowed)
        unknown = sorted(set(value) - allowed)
        if unknown:
            raise BriefingError(
                f"unknown field {self._at(unknown[0])!r}; expected {', '.join(sorted(allowed))}"
            )

    def _at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def get(self, key: str, default: Any = _MISSING) -> Any:
        if key not in self.d:
            if default is _MISSING:
                raise BriefingError(f"{self._at(key)} is missing")
            return default
        return self.d[key]

    def get_str(self, key: str, default: Any = _MISSING, nullable: bool = False) -> Any:
        value = self.get(key, default)
        if (value is None and nullable) or isinstance(value, str):
            return value
        raise BriefingError(f"{self._at(key)} must be a string; got {_json_kind(value)}")

    def get_num(self, key: str, default: Any = _MISSING, nullable: bool = False) -> Any:
        value = self.get(key, default)
        if value is None and nullable:
            return None
        if not _is_number(value) or not math.isfinite(value):
            raise BriefingError(f"{self._at(key)} must be a number; got {_json_kind(value)}")
        return float(value)

    def get_bool(self, key: str, default: Any = _MISSING) -> bool:
        value = self.get(key, default)
        if not isinstance(value, bool):
            raise BriefingError(f"{self._at(key)} must be true or false; got {_json_kind(value)}")
        return value

    def get_list(self, key: str, default: Any = _MISSING, nullable: bool = False) -> Any:
        value = self.get(key, default)
        if value is None and nullable:
            return None
        if not isinstance(value, list):
            raise BriefingError(f"{self._at(key)} must be a list; got {_json_kind(value)}")
        return value

    def get_time(self, key: str, nullable: bool = True) -> datetime | None:
        value = self.get(key, None)
        if value is None and nullable:
            return None
        try:
            return parse_time(value)
        except ValueError as exc:
            raise BriefingError(f"{self._at(key)}: {exc}") from None

    def build(self, factory: Callable[..., Any], **kwargs: Any) -> Any:
        """Construct a dataclass, turning its validation errors into BriefingErrors here."""
        try:
            return factory(**kwargs)
        except (ValueError, TypeError) as exc:
            raise BriefingError(f"{self.where or 'the document'}: {exc}") from None


def _view_from(value: object, where: str) -> ViewSpec:
    o = _Obj(value, where, ("center_lon", "center_lat", "metres_per_pixel", "crs"))
    crs = o.get_str("crs")
    view = o.build(
        ViewSpec,
        center_lon=o.get_num("center_lon"),
        center_lat=o.get_num("center_lat"),
        metres_per_pixel=o.get_num("metres_per_pixel"),
        crs=crs,
    )
    try:
        view.projection()
    except ValueError as exc:
        raise BriefingError(f"{where}.crs: {exc}") from None
    return view


def _range_from(value: object, where: str) -> TimeRange | None:
    if value is None:
        return None
    o = _Obj(value, where, ("start", "end"))
    return o.build(TimeRange, start=o.get_time("start", False), end=o.get_time("end", False))


def _points_from(value: list[Any], where: str) -> tuple[tuple[float, float], ...]:
    points = []
    for i, p in enumerate(value):
        ok = isinstance(p, list) and len(p) == 2 and all(_is_number(c) for c in p)
        if not ok:
            raise BriefingError(f"{where}[{i}] must be [lon, lat] in degrees; got {p!r}"[:200])
        points.append((float(p[0]), float(p[1])))
    return tuple(points)


def from_dict(doc: object) -> Briefing:
    """A Briefing from a parsed document of any known schema version (older ones are migrated).

    Raises `BriefingError` naming the field that is wrong and what was expected.
    """
    doc = migrate(doc)
    o = _Obj(
        doc,
        "",
        (
            "format",
            "schema_version",
            "title",
            "notice",
            "description",
            "files",
            "layers",
            "view",
            "time_range",
            "speed",
            "trail_seconds",
            "naming",
            "annotations",
            "scenes",
            "underlay",
            "traced",
            "reported_counts",
            "archives",
        ),
    )
    files = [_file_from(item, f"files[{i}]") for i, item in enumerate(o.get_list("files", []))]
    layers = []
    for i, item in enumerate(o.get_list("layers", [])):
        lo = _Obj(item, f"layers[{i}]", ("id", "visible", "opacity", "color"))
        layers.append(
            lo.build(
                LayerSetting,
                id=lo.get_str("id"),
                visible=lo.get_bool("visible", True),
                opacity=lo.get_num("opacity", 1.0),
                color=lo.get_str("color", None, True),
            )
        )
    annotations = []
    for i, item in enumerate(o.get_list("annotations", [])):
        where = f"annotations[{i}]"
        ao = _Obj(item, where, ("id", "kind", "points", "text", "radius_m", "style", "time_range"))
        so = _Obj(
            ao.get("style", {}),
            f"{where}.style",
            ("color", "width", "fill_color", "fill_opacity", "font_size"),
        )
        defaults = AnnotationStyle()
        style = so.build(
            AnnotationStyle,
            color=so.get_str("color", defaults.color),
            width=so.get_num("width", defaults.width),
            fill_color=so.get_str("fill_color", None, True),
            fill_opacity=so.get_num("fill_opacity", defaults.fill_opacity),
            font_size=so.get_num("font_size", defaults.font_size),
        )
        annotations.append(
            ao.build(
                Annotation,
                id=ao.get_str("id"),
                kind=ao.get_str("kind"),
                points=_points_from(ao.get_list("points"), f"{where}.points"),
                text=ao.get_str("text", ""),
                radius_m=ao.get_num("radius_m", None, True),
                style=style,
                time=_range_from(ao.get("time_range", None), f"{where}.time_range"),
            )
        )
    scenes = []
    for i, item in enumerate(o.get_list("scenes", [])):
        where = f"scenes[{i}]"
        so = _Obj(
            item,
            where,
            ("title", "note", "view", "time", "time_range", "layers", "speed", "pause_at_end"),
        )
        view_doc = so.get("view", None)
        layer_ids = so.get_list("layers", None, True)
        if layer_ids is not None:
            for j, lid in enumerate(layer_ids):
                if not isinstance(lid, str):
                    raise BriefingError(
                        f"{where}.layers[{j}] must be a layer id string; got {_json_kind(lid)}"
                    )
        scenes.append(
            so.build(
                Scene,
                title=so.get_str("title"),
                note=so.get_str("note", ""),
                view=None if view_doc is None else _view_from(view_doc, f"{where}.view"),
                time=so.get_time("time"),
                time_range=_range_from(so.get("time_range", None), f"{where}.time_range"),
                layers=None if layer_ids is None else tuple(layer_ids),
                speed=so.get_num("speed", None, True),
                pause_at_end=so.get_bool("pause_at_end", False),
            )
        )
    return o.build(
        Briefing,
        title=o.get_str("title", "Untitled briefing"),
        notice=o.get_str("notice", ""),
        description=o.get_str("description", ""),
        files=tuple(files),
        layers=tuple(layers),
        view=_view_from(o.get("view"), "view"),
        time_range=_range_from(o.get("time_range", None), "time_range"),
        speed=o.get_num("speed", 60.0),
        trail_seconds=o.get_num("trail_seconds", 600.0),
        naming=o.get_str("naming", NAMING_EN),
        annotations=tuple(annotations),
        scenes=tuple(scenes),
        underlay=_underlay_from(o.get("underlay", None), "underlay"),
        traced=_traced_from(o.get("traced", None), "traced"),
        reported_counts=_reported_from(o.get_list("reported_counts", []), "reported_counts"),
        archives=tuple(
            _archive_from(item, f"archives[{i}]")
            for i, item in enumerate(o.get_list("archives", []))
        ),
    )


def _archive_from(value: object, where: str) -> ArchiveRef:
    from viewer.core.archive_ref import ARCHIVE_FIELDS

    ao = _Obj(value, where, ARCHIVE_FIELDS)
    bbox = ao.get_list("bbox", None, True)
    if bbox is not None and (len(bbox) != 4 or not all(_is_number(v) for v in bbox)):
        raise BriefingError(f"{where}.bbox must be [west, south, east, north]; got {bbox!r}")
    tz = ao.get_str("tz", None, True)
    if tz is not None:
        _check_tz(tz)
    return ao.build(
        ArchiveRef,
        source=ao.get_str("source"),
        start=ao.get_time("start"),
        end=ao.get_time("end"),
        bbox=None if bbox is None else tuple(float(v) for v in bbox),
        tz=tz,
    )


def _file_from(value: object, where: str) -> TrackFileRef:
    fo = _Obj(
        value,
        where,
        ("path", "tz", "column_map", "altitude_unit", "speed_unit", "confirmed_units"),
    )
    column_map = fo.get("column_map", None)
    if column_map is not None:
        if not isinstance(column_map, dict):
            raise BriefingError(
                f"{where}.column_map must be an object of field: file column; "
                f"got {_json_kind(column_map)}"
            )
        for key, column in column_map.items():
            if not isinstance(column, str):
                raise BriefingError(
                    f"{where}.column_map.{key} must be a column name string; "
                    f"got {_json_kind(column)}"
                )
    confirmed = fo.get_list("confirmed_units", [])
    for j, field_name in enumerate(confirmed):
        if not isinstance(field_name, str):
            raise BriefingError(
                f"{where}.confirmed_units[{j}] must be a field name string such as 'alt_m'; "
                f"got {_json_kind(field_name)}"
            )
    return fo.build(
        TrackFileRef,
        path=fo.get_str("path"),
        tz=fo.get_str("tz", None, True),
        column_map=column_map,
        altitude_unit=fo.get_str("altitude_unit", None, True),
        speed_unit=fo.get_str("speed_unit", None, True),
        confirmed_units=tuple(confirmed),
    )


def _underlay_from(value: object, where: str) -> Underlay | None:
    if value is None:
        return None
    o = _Obj(value, where, ("path", "crs", "opacity", "visible", "control_points"))
    points = []
    for i, item in enumerate(o.get_list("control_points", [])):
        po = _Obj(item, f"{where}.control_points[{i}]", ("px", "py", "lon", "lat", "enabled"))
        points.append(
            po.build(
                ControlPoint,
                px=po.get_num("px"),
                py=po.get_num("py"),
                lon=po.get_num("lon"),
                lat=po.get_num("lat"),
                enabled=po.get_bool("enabled", True),
            )
        )
    return o.build(
        Underlay,
        path=o.get_str("path"),
        crs=o.get_str("crs", "EPSG:4326"),
        opacity=o.get_num("opacity", 0.6),
        visible=o.get_bool("visible", True),
        points=tuple(points),
    )


def _whole(o: _Obj, key: str, default: Any = _MISSING) -> int:
    value = o.get(key, default)
    if not _is_number(value) or value != int(value):
        raise BriefingError(f"{o._at(key)} must be a whole number; got {value!r}"[:200])
    return int(value)


def _traced_from(value: object, where: str) -> TracedScenario | None:
    if value is None:
        return None
    o = _Obj(value, where, ("source", "tz", "tracks"))
    tz = o.get_str("tz", DEFAULT_TZ)
    try:
        _check_tz(tz)
    except ValueError as exc:
        raise BriefingError(f"{where}.tz: {exc}") from None
    tracks = []
    for i, item in enumerate(o.get_list("tracks", [])):
        tw = f"{where}.tracks[{i}]"
        to = _Obj(item, tw, ("id", "kind", "count", "callsign", "label", "points", "timing"))
        mo = _Obj(
            to.get("timing"), f"{tw}.timing", ("mode", "start", "end", "speed_kt", "vertex_times")
        )
        pairs = []
        for j, pair in enumerate(mo.get_list("vertex_times", [])):
            ok = isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], int)
            if not ok:
                raise BriefingError(f"{tw}.timing.vertex_times[{j}] must be [vertex, time]")
            try:
                pairs.append((pair[0], parse_time(pair[1])))
            except ValueError as exc:
                raise BriefingError(f"{tw}.timing.vertex_times[{j}]: {exc}") from None
        timing = mo.build(
            Timing,
            mode=mo.get_str("mode"),
            start=mo.get_time("start"),
            end=mo.get_time("end"),
            speed_kt=mo.get_num("speed_kt", None, True),
            vertex_times=tuple(pairs),
        )
        tracks.append(
            to.build(
                TracedTrack,
                id=to.get_str("id"),
                kind=to.get_str("kind"),
                count=_whole(to, "count", 1),
                callsign=to.get_str("callsign", ""),
                label=to.get_str("label", ""),
                points=_points_from(to.get_list("points"), f"{tw}.points"),
                timing=timing,
            )
        )
    return o.build(TracedScenario, tracks=tuple(tracks), source=o.get_str("source", ""), tz=tz)


def _reported_from(items: list[Any], where: str) -> tuple[ReportedCount, ...]:
    from datetime import date

    out = []
    for i, item in enumerate(items):
        co = _Obj(item, f"{where}[{i}]", ("date", "kind", "count", "source"))
        try:
            day = date.fromisoformat(co.get_str("date"))
        except ValueError:
            raise BriefingError(f"{where}[{i}].date must be a date such as 2021-10-04") from None
        out.append(
            co.build(
                ReportedCount,
                date=day,
                kind=co.get_str("kind"),
                count=_whole(co, "count"),
                source=co.get_str("source", ""),
            )
        )
    return tuple(out)


# ---------------------------------------------------------------------------------- migrations
def schema_version_of(doc: object) -> int:
    """The schema version a parsed document declares (0 for the pre-release 'version': 0)."""
    if not isinstance(doc, dict):
        raise BriefingError(f"the document must be a JSON object; got {_json_kind(doc)}")
    if "schema_version" in doc:
        version = doc["schema_version"]
        where = "schema_version"
    elif "version" in doc:
        version = doc["version"]
        where = "version"
    else:
        raise BriefingError(
            "not an ADIZ Viewer briefing: it has no 'schema_version' "
            f"(expected {{'format': {FORMAT!r}, 'schema_version': {SCHEMA_VERSION}, ...}})"
        )
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise BriefingError(f"{where} must be a whole number >= 0; got {_json_kind(version)}")
    if version > SCHEMA_VERSION:
        raise BriefingError(
            f"written by a newer ADIZ Viewer (schema version {version}); this version reads "
            f"schema versions 0 to {SCHEMA_VERSION}. Update ADIZ Viewer to open it."
        )
    if version >= 1 and doc.get("format") != FORMAT:
        raise BriefingError(
            f"not an ADIZ Viewer briefing: 'format' is {doc.get('format')!r}, expected {FORMAT!r}"
        )
    return version


def _migrate_v0_to_v1(doc: dict[str, Any]) -> dict[str, Any]:
    """v0 (pre-release): 'version': 0, 'tracks' as path strings, 'layers' as {id: visible},
    'view' {lon, lat, scale_m_per_px, crs}, 'start'/'end', 'trail_minutes', scenes with 'name'.
    """
    o = _Obj(
        doc,
        "",
        (
            "version",
            "title",
            "tracks",
            "layers",
            "view",
            "start",
            "end",
            "speed",
            "trail_minutes",
            "scenes",
        ),
    )

    def view(value: object, where: str) -> dict[str, Any] | None:
        if value is None:
            return None
        vo = _Obj(value, where, ("lon", "lat", "scale_m_per_px", "crs"))
        return {
            "center_lon": vo.get_num("lon"),
            "center_lat": vo.get_num("lat"),
            "metres_per_pixel": vo.get_num("scale_m_per_px"),
            "crs": vo.get_str("crs", "lcc"),
        }

    layers = o.get("layers", {})
    if not isinstance(layers, dict) or not all(isinstance(v, bool) for v in layers.values()):
        raise BriefingError(f"layers must be an object of id: true/false; got {_json_kind(layers)}")
    tracks = o.get_list("tracks", [])
    if not all(isinstance(t, str) for t in tracks):
        raise BriefingError("tracks must be a list of path strings")
    start, end = o.get("start", None), o.get("end", None)
    trail = o.get_num("trail_minutes", 10.0)
    scenes = []
    for i, item in enumerate(o.get_list("scenes", [])):
        so = _Obj(item, f"scenes[{i}]", ("name", "view", "time", "layers", "note"))
        scenes.append(
            {
                "title": so.get_str("name"),
                "note": so.get_str("note", ""),
                "view": view(so.get("view", None), f"scenes[{i}].view"),
                "time": so.get("time", None),
                "layers": so.get_list("layers", None, True),
            }
        )
    return {
        "format": FORMAT,
        "schema_version": 1,
        "title": o.get_str("title", "Untitled briefing"),
        "files": [{"path": t, "tz": None} for t in tracks],
        "layers": [{"id": k, "visible": v} for k, v in layers.items()],
        "view": view(o.get("view"), "view"),
        "time_range": None if start is None and end is None else {"start": start, "end": end},
        "speed": o.get_num("speed", 60.0),
        "trail_seconds": trail * 60.0,
        "scenes": scenes,
    }


def _migrate_v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    """v2 adds the optional 'underlay', 'traced' and 'reported_counts': nothing to convert."""
    return {**doc, "schema_version": 2}


def _migrate_v2_to_v3(doc: dict[str, Any]) -> dict[str, Any]:
    """v3 adds to each track file the optional 'column_map', 'altitude_unit', 'speed_unit' and
    'confirmed_units' (how the user said to read it): nothing to convert, the file is read as it
    says, as before."""
    return {**doc, "schema_version": 3}


#: version -> function turning a document of that version into one of the next version.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    0: _migrate_v0_to_v1,
    1: _migrate_v1_to_v2,
    2: _migrate_v2_to_v3,
}


def migrate(doc: object) -> dict[str, Any]:
    """Bring a parsed document of any known version up to `SCHEMA_VERSION`."""
    version = schema_version_of(doc)
    assert isinstance(doc, dict)
    while version < SCHEMA_VERSION:
        try:
            doc = MIGRATIONS[version](doc)
        except BriefingError as exc:
            raise BriefingError(f"(schema version {version}) {exc.reason}") from None
        version = schema_version_of(doc)
    return doc


# ---------------------------------------------------------------------------------- load / save
def backup_path(path: str | Path) -> Path:
    """Where `save_briefing` keeps the previous version: ``<name>.bak`` beside the file."""
    path = Path(path)
    return path.with_name(path.name + BACKUP_SUFFIX)


def load_briefing(path: str | Path) -> Briefing:
    """Read, validate and (for older schema versions) migrate a briefing file.

    Raises `BriefingError` naming the file and what is wrong with it.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BriefingError("no such file", path) from None
    except OSError as exc:
        raise BriefingError(f"cannot read the file ({exc.strerror or exc})", path) from None
    hint = f" (the previous version is in {backup_path(path).name})"
    hint = hint if backup_path(path).exists() else ""
    if not raw.strip():
        raise BriefingError(f"the file is empty{hint}", path)
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise BriefingError(f"not UTF-8 text (byte {exc.start}){hint}", path) from None
    except json.JSONDecodeError as exc:
        raise BriefingError(
            f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}{hint}", path
        ) from None
    except RecursionError:
        raise BriefingError(f"not valid JSON: nested too deeply{hint}", path) from None
    try:
        return from_dict(doc)
    except BriefingError as exc:
        raise exc.in_file(path) from None


def save_briefing(briefing: Briefing, path: str | Path, *, backup: bool = True) -> Path:
    """Write ``briefing`` to ``path`` atomically, keeping the previous file as ``<name>.bak``.

    Saving text identical to what is on disk does nothing (so the backup keeps the version before).
    Raises `BriefingError` (with the OS error as its cause) when the file cannot be written; the
    file on disk is then unchanged.
    """
    path = Path(path)
    data = dumps(briefing).encode("utf-8")
    try:
        atomic_write(path, data, backup=backup)
    except OSError as exc:
        raise BriefingError(f"cannot save ({exc.strerror or exc})", path) from exc
    return path


def atomic_write(path: Path, data: bytes, *, backup: bool = False) -> None:
    """Replace ``path`` with ``data`` so that a crash at any point leaves the old or new bytes.

    Temporary files are ``.<name>.<random>.tmp`` in the same folder; a kill leaves at most one
    behind (never read, removed by `remove_stale_temporaries`).
    """
    try:
        if path.read_bytes() == data:
            return
        mode: int | None = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = None
    tmp = _temp_name(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            tmp.chmod(mode)
        if backup and mode is not None:
            _keep_backup(path)
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def _temp_name(path: Path, tag: str = "") -> Path:
    return path.with_name(f".{path.name}{tag}.{secrets.token_hex(6)}.tmp")


def _keep_backup(path: Path) -> None:
    """Make ``<name>.bak`` the current file, atomically: a hard link to it (or a copy where links
    are not supported) under a temporary name, renamed over the old backup."""
    bak = backup_path(path)
    tmp = _temp_name(path, ".bak")
    try:
        os.link(path, tmp)
    except OSError:
        data = path.read_bytes()
        try:
            with tmp.open("xb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
    try:
        tmp.replace(bak)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where folders cannot be opened (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_temporaries(path: str | Path, older_than_s: float = 3600.0) -> list[Path]:
    """Delete temporary files a killed save left beside ``path`` (older than ``older_than_s``)."""
    import time

    path = Path(path)
    removed = []
    now = time.time()
    for tmp in path.parent.glob(f".{glob.escape(path.name)}*.tmp"):
        with contextlib.suppress(OSError):
            if now - tmp.stat().st_mtime >= older_than_s:
                tmp.unlink()
                removed.append(tmp)
    return removed


# ------------------------------------------------------------------------------- track files
def resolve_file(ref: TrackFileRef, base: str | Path) -> Path:
    """The file a reference points to; ``base`` is the folder holding the briefing."""
    p = Path(ref.path).expanduser()
    return p if p.is_absolute() else Path(base) / p


def resolve_files(briefing: Briefing, base: str | Path) -> list[Path]:
    return [resolve_file(f, base) for f in briefing.files]


def missing_files(briefing: Briefing, base: str | Path) -> list[TrackFileRef]:
    """The track files that are no longer where the briefing says (the UI asks where they are)."""
    return [f for f in briefing.files if not resolve_file(f, base).is_file()]


def relative_ref_path(target: str | Path, base: str | Path) -> str:
    """``target`` relative to ``base`` with '/' separators; absolute when there is no relative
    path (another drive on Windows)."""
    target = Path(target).expanduser().absolute()
    try:
        rel = os.path.relpath(target, Path(base).expanduser().absolute())
    except ValueError:
        return target.as_posix()
    return Path(rel).as_posix()


def relocate_file(
    briefing: Briefing, ref: TrackFileRef, new_path: str | Path, base: str | Path
) -> Briefing:
    """The briefing with ``ref`` pointing at ``new_path`` (stored relative to ``base``)."""
    moved = replace(ref, path=relative_ref_path(new_path, base))
    return replace(briefing, files=tuple(moved if f == ref else f for f in briefing.files))


def rebase(briefing: Briefing, old_base: str | Path, new_base: str | Path) -> Briefing:
    """The briefing with relative paths (track files, the underlay picture) rewritten for a file
    saved in ``new_base``."""
    files = tuple(
        f
        if Path(f.path).is_absolute()
        else replace(f, path=relative_ref_path(resolve_file(f, old_base), new_base))
        for f in briefing.files
    )
    underlay = briefing.underlay
    if underlay is not None and not Path(underlay.path).is_absolute():
        moved = relative_ref_path(Path(old_base) / underlay.path, new_base)
        underlay = replace(underlay, path=moved)
    return replace(briefing, files=files, underlay=underlay)


# ---------------------------------------------------------------------------------- recovery
def state_dir() -> Path:
    """Per-user state folder: ``$XDG_STATE_HOME/adiz-viewer`` or ``~/.local/state/adiz-viewer``
    (``%LOCALAPPDATA%/adiz-viewer`` on Windows)."""
    env = os.environ.get("XDG_STATE_HOME")
    if env and Path(env).is_absolute():
        return Path(env) / APP_STATE_NAME
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / APP_STATE_NAME
    return Path.home() / ".local" / "state" / APP_STATE_NAME


def recovery_dir() -> Path:
    return state_dir() / "recovery"


def recovery_path(document: str | Path | None) -> Path:
    """The autosave file for a briefing saved at ``document`` (None: an untitled briefing)."""
    if document is None:
        return recovery_dir() / "untitled.recovery.json"
    p = Path(document).expanduser().absolute()
    digest = hashlib.sha256(str(p).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    stem = p.name.removesuffix(SUFFIX).removesuffix(".json")
    stem = re.sub(r"[^\w.-]+", "_", stem)[:60] or "briefing"
    return recovery_dir() / f"{stem}-{digest}.recovery.json"


@dataclass(frozen=True)
class Recovery:
    """An autosaved briefing found after a crash."""

    path: Path  # the recovery file
    document: Path | None  # the briefing file it belongs to; None when it was never saved
    saved_at: datetime
    briefing: Briefing

    @property
    def base(self) -> Path | None:
        """The folder relative track paths are resolved against."""
        return self.document.parent if self.document else None


def write_recovery(briefing: Briefing, document: str | Path | None = None) -> Path:
    """Autosave ``briefing`` (unsaved changes to ``document``, or an untitled one); atomic."""
    path = recovery_path(document)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {
        "format": RECOVERY_FORMAT,
        "document": None if document is None else str(Path(document).expanduser().absolute()),
        "saved_at": format_time(datetime.now(UTC)),
        "briefing": to_dict(briefing),
    }
    data = json.dumps(doc, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
    atomic_write(path, data.encode("utf-8"))
    return path


def find_recovery() -> list[Recovery]:
    """Autosaves left by a session that did not close cleanly, newest first (unreadable ones
    are skipped)."""
    folder = recovery_dir()
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.recovery.json"):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != RECOVERY_FORMAT:
                continue
            document = doc.get("document")
            found.append(
                Recovery(
                    path=path,
                    document=Path(document) if isinstance(document, str) else None,
                    saved_at=parse_time(doc["saved_at"]),
                    briefing=from_dict(doc["briefing"]),
                )
            )
        except (OSError, ValueError, KeyError, BriefingError):
            continue
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def discard_recovery(document: str | Path | None = None) -> None:
    """Delete the autosave of ``document`` (after a save, a clean close or a declined restore)."""
    with contextlib.suppress(FileNotFoundError):
        recovery_path(document).unlink()


# ---------------------------------------------------------------------------------- resources
def resources_dir() -> Path:
    """The bundled resources (`viewer.core.package_data`, the one data lookup)."""
    return package_data.resources_dir()


def default_briefing_path() -> Path:
    """The briefing that opens on first start (the bundled illustrative sample)."""
    return resources_dir() / "sample" / f"default{SUFFIX}"


def schema_path() -> Path:
    """The published JSON Schema of the current version."""
    return resources_dir() / "briefing.schema.json"
