"""The briefing as a JSON document and back: `to_dict` / `dumps` write the current schema
(floats rounded to fixed decimals, times in UTC, keys sorted: byte-stable files), `from_dict`
reads any known version (migrated first) and names the field that is wrong."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from viewer.core.archive_ref import ARCHIVE_FIELDS, ArchiveRef, archive_ref_to_dict
from viewer.core.briefing.migrations import migrate
from viewer.core.briefing.model import (
    FORMAT,
    SCHEMA_VERSION,
    Annotation,
    AnnotationStyle,
    Briefing,
    LayerSetting,
    Scene,
    TimeRange,
    TrackFileRef,
    ViewSpec,
)
from viewer.core.briefing.validation import (
    MISSING,
    BriefingError,
    JsonObject,
    check_tz,
    format_time,
    is_number,
    json_kind,
    parse_time,
)
from viewer.core.constants import NAMING_EN
from viewer.core.counts import ReportedCount
from viewer.core.georeference import ControlPoint, Underlay
from viewer.core.tracing import DEFAULT_TZ, Timing, TracedScenario, TracedTrack

# Decimals written for each kind of number (fixed, so files are stable).
_DEG_DIGITS = 6  # ~0.1 m
_FRACTION_DIGITS = 3
_SECONDS_DIGITS = 3
_SPEED_DIGITS = 4
_METRES_DIGITS = 1
_PX_DIGITS = 2
_REGION_KEYS = ("west", "south", "east", "north")


# ---------------------------------------------------------------------------- to / from dict
def _num(value: float, digits: int) -> float:
    return round(float(value), digits) + 0.0  # + 0.0 turns -0.0 into 0.0


def _opt_num(value: float | None, digits: int) -> float | None:
    return None if value is None else _num(value, digits)


def _view_dict(view: ViewSpec) -> dict[str, Any]:
    return {
        "center_lon": _num(view.center_lon, _DEG_DIGITS),
        "center_lat": _num(view.center_lat, _DEG_DIGITS),
        "width_m": _num(view.width_m, _METRES_DIGITS),
        "height_m": _num(view.height_m, _METRES_DIGITS),
        "crs": view.crs,
        "region": None if view.region is None else _region_dict(view.region),
    }


def _region_dict(box: tuple[float, float, float, float]) -> dict[str, float]:
    return dict(zip(_REGION_KEYS, (_num(v, _DEG_DIGITS) for v in box), strict=True))


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


def _view_from(value: object, where: str) -> ViewSpec:
    o = JsonObject(
        value, where, ("center_lon", "center_lat", "width_m", "height_m", "crs", "region")
    )
    crs = o.get_str("crs")
    region_doc = o.get("region", None)
    region = None
    if region_doc is not None:
        ro = JsonObject(region_doc, f"{where}.region", _REGION_KEYS)
        west, south, east, north = (ro.get_num(k) for k in _REGION_KEYS)
        region = (west, south, east, north)
    view = o.build(
        ViewSpec,
        center_lon=o.get_num("center_lon"),
        center_lat=o.get_num("center_lat"),
        width_m=o.get_num("width_m"),
        height_m=o.get_num("height_m"),
        crs=crs,
        region=region,
    )
    try:
        view.projection()
    except ValueError as exc:
        raise BriefingError(f"{where}.crs: {exc}") from None
    return view


def _range_from(value: object, where: str) -> TimeRange | None:
    if value is None:
        return None
    o = JsonObject(value, where, ("start", "end"))
    return o.build(TimeRange, start=o.get_time("start", False), end=o.get_time("end", False))


def _points_from(value: list[Any], where: str) -> tuple[tuple[float, float], ...]:
    points = []
    for i, p in enumerate(value):
        ok = isinstance(p, list) and len(p) == 2 and all(is_number(c) for c in p)
        if not ok:
            raise BriefingError(f"{where}[{i}] must be [lon, lat] in degrees; got {p!r}"[:200])
        points.append((float(p[0]), float(p[1])))
    return tuple(points)


def from_dict(doc: object) -> Briefing:
    """A Briefing from a parsed document of any known schema version (older ones are migrated).

    Raises `BriefingError` naming the field that is wrong and what was expected.
    """
    doc = migrate(doc)
    o = JsonObject(
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
        lo = JsonObject(item, f"layers[{i}]", ("id", "visible", "opacity", "color"))
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
        ao = JsonObject(
            item, where, ("id", "kind", "points", "text", "radius_m", "style", "time_range")
        )
        so = JsonObject(
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
        so = JsonObject(
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
                        f"{where}.layers[{j}] must be a layer id string; got {json_kind(lid)}"
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
    ao = JsonObject(value, where, ARCHIVE_FIELDS)
    bbox = ao.get_list("bbox", None, True)
    if bbox is not None and (len(bbox) != 4 or not all(is_number(v) for v in bbox)):
        raise BriefingError(f"{where}.bbox must be [west, south, east, north]; got {bbox!r}")
    tz = ao.get_str("tz", None, True)
    if tz is not None:
        check_tz(tz)
    return ao.build(
        ArchiveRef,
        source=ao.get_str("source"),
        start=ao.get_time("start"),
        end=ao.get_time("end"),
        bbox=None if bbox is None else tuple(float(v) for v in bbox),
        tz=tz,
    )


def _file_from(value: object, where: str) -> TrackFileRef:
    fo = JsonObject(
        value,
        where,
        ("path", "tz", "column_map", "altitude_unit", "speed_unit", "confirmed_units"),
    )
    column_map = fo.get("column_map", None)
    if column_map is not None:
        if not isinstance(column_map, dict):
            raise BriefingError(
                f"{where}.column_map must be an object of field: file column; "
                f"got {json_kind(column_map)}"
            )
        for key, column in column_map.items():
            if not isinstance(column, str):
                raise BriefingError(
                    f"{where}.column_map.{key} must be a column name string; "
                    f"got {json_kind(column)}"
                )
    confirmed = fo.get_list("confirmed_units", [])
    for j, field_name in enumerate(confirmed):
        if not isinstance(field_name, str):
            raise BriefingError(
                f"{where}.confirmed_units[{j}] must be a field name string such as 'alt_m'; "
                f"got {json_kind(field_name)}"
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
    o = JsonObject(value, where, ("path", "crs", "opacity", "visible", "control_points"))
    points = []
    for i, item in enumerate(o.get_list("control_points", [])):
        po = JsonObject(item, f"{where}.control_points[{i}]", ("px", "py", "lon", "lat", "enabled"))
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


def _whole(o: JsonObject, key: str, default: Any = MISSING) -> int:
    value = o.get(key, default)
    if not is_number(value) or value != int(value):
        raise BriefingError(f"{o.at(key)} must be a whole number; got {value!r}"[:200])
    return int(value)


def _traced_from(value: object, where: str) -> TracedScenario | None:
    if value is None:
        return None
    o = JsonObject(value, where, ("source", "tz", "tracks"))
    tz = o.get_str("tz", DEFAULT_TZ)
    try:
        check_tz(tz)
    except ValueError as exc:
        raise BriefingError(f"{where}.tz: {exc}") from None
    tracks = []
    for i, item in enumerate(o.get_list("tracks", [])):
        tw = f"{where}.tracks[{i}]"
        to = JsonObject(item, tw, ("id", "kind", "count", "callsign", "label", "points", "timing"))
        mo = JsonObject(
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
    out = []
    for i, item in enumerate(items):
        co = JsonObject(item, f"{where}[{i}]", ("date", "kind", "count", "source"))
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
