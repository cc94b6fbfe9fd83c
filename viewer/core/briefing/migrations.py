"""Older briefing documents brought up to the current schema version, one version at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from viewer.core.briefing.model import FORMAT, REFERENCE_SIZE, SCHEMA_VERSION
from viewer.core.briefing.validation import BriefingError, JsonObject, json_kind


# ---------------------------------------------------------------------------------- migrations
def schema_version_of(doc: object) -> int:
    """The schema version a parsed document declares (0 for the pre-release 'version': 0)."""
    if not isinstance(doc, dict):
        raise BriefingError(f"the document must be a JSON object; got {json_kind(doc)}")
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
        raise BriefingError(f"{where} must be a whole number >= 0; got {json_kind(version)}")
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
    o = JsonObject(
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
        vo = JsonObject(value, where, ("lon", "lat", "scale_m_per_px", "crs"))
        return {
            "center_lon": vo.get_num("lon"),
            "center_lat": vo.get_num("lat"),
            "metres_per_pixel": vo.get_num("scale_m_per_px"),
            "crs": vo.get_str("crs", "lcc"),
        }

    layers = o.get("layers", {})
    if not isinstance(layers, dict) or not all(isinstance(v, bool) for v in layers.values()):
        raise BriefingError(f"layers must be an object of id: true/false; got {json_kind(layers)}")
    tracks = o.get_list("tracks", [])
    if not all(isinstance(t, str) for t in tracks):
        raise BriefingError("tracks must be a list of path strings")
    start, end = o.get("start", None), o.get("end", None)
    trail = o.get_num("trail_minutes", 10.0)
    scenes = []
    for i, item in enumerate(o.get_list("scenes", [])):
        so = JsonObject(item, f"scenes[{i}]", ("name", "view", "time", "layers", "note"))
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


def _extent_of(view: object, where: str) -> dict[str, Any] | None:
    """A v3 view (centre and metres per pixel) as the extent a `REFERENCE_SIZE` window showed."""
    if view is None:
        return None
    vo = JsonObject(view, where, ("center_lon", "center_lat", "metres_per_pixel", "crs"))
    mpp = vo.get_num("metres_per_pixel")
    if mpp <= 0:
        raise BriefingError(f"{vo.at('metres_per_pixel')} must be positive; got {mpp:g}")
    width, height = REFERENCE_SIZE
    return {
        "center_lon": vo.get_num("center_lon"),
        "center_lat": vo.get_num("center_lat"),
        "width_m": round(mpp * width, 1),  # to the decimetre, as saved: the file is stable
        "height_m": round(mpp * height, 1),
        "crs": vo.get_str("crs"),
        "region": None,
    }


def _migrate_v3_to_v4(doc: dict[str, Any]) -> dict[str, Any]:
    """v4 keeps an extent, not a scale: each view's centre and metres per pixel become the
    extent the author saw in a `REFERENCE_SIZE` (1920 x 1080) window — the command line's
    default render size, at which the sample briefings' scenes were composed — so any other
    window, projector or export shows that extent whole, with more map beside it."""
    out = {**doc, "schema_version": 4}
    if "view" in doc:
        out["view"] = _extent_of(doc["view"], "view")
    scenes = doc.get("scenes")
    if isinstance(scenes, list):
        out["scenes"] = [
            {**s, "view": _extent_of(s.get("view"), f"scenes[{i}].view")}
            if isinstance(s, dict)
            else s
            for i, s in enumerate(scenes)
        ]
    return out


#: version -> function turning a document of that version into one of the next version.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    0: _migrate_v0_to_v1,
    1: _migrate_v1_to_v2,
    2: _migrate_v2_to_v3,
    3: _migrate_v3_to_v4,
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
