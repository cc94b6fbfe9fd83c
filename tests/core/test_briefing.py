"""The briefing document: round trips, migration, clear errors, atomic saves, autosave recovery."""

from __future__ import annotations

import json
import math
import os
import random
import re
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from viewer.core import briefing as bf
from viewer.core.briefing import (
    Annotation,
    AnnotationStyle,
    Briefing,
    BriefingError,
    LayerSetting,
    Scene,
    TimeRange,
    TrackFileRef,
    ViewSpec,
)
from viewer.core.constants import NAMING_ZH_TW
from viewer.core.counts import ReportedCount
from viewer.core.georeference import ControlPoint, Underlay
from viewer.core.tracing import Timing, TracedScenario, TracedTrack

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2021, 10, 4, 2, 0, tzinfo=UTC)


def full_briefing(title: str = "Full", n_extra_annotations: int = 0) -> Briefing:
    """A briefing using every field and every annotation kind."""
    extra = tuple(
        Annotation(
            f"note-{i}",
            bf.TEXT,
            ((118.0 + i * 1e-3, 22.0),),
            text=f"extra annotation {i} — 註記 {i}",
        )
        for i in range(n_extra_annotations)
    )
    return Briefing(
        title=title,
        notice="Illustrative, not recorded tracks",
        description="Ünïcödé, 中文, 日本語 are kept as they are.",
        files=(
            TrackFileRef("tracks/day one.csv"),
            TrackFileRef("/data/ais.nmea", tz="Asia/Taipei"),
            TrackFileRef(  # read as the user said in the import dialog
                "tracks/radar export.csv",
                tz="Asia/Tokyo",
                column_map={"time": "when", "lat": "north", "lon": "east", "alt_m": "height"},
                altitude_unit="ft",
                speed_unit="kmh",
                confirmed_units=("alt_m",),
            ),
        ),
        layers=(
            LayerSetting("taiwan_adiz", True, 0.8, "#1f4e9c"),
            LayerSetting("median_line", False, 1.0, None),
        ),
        view=ViewSpec.at_scale(121.123456789, 24.5, 987.654321, "lcc"),
        time_range=TimeRange(T0, T0 + timedelta(hours=6, microseconds=250)),
        speed=120.0,
        trail_seconds=900.5,
        naming=NAMING_ZH_TW,
        annotations=(
            Annotation("t", bf.TEXT, ((120.0, 23.0),), text="Hello"),
            Annotation(
                "a",
                bf.ARROW,
                ((122.9, 23.0), (121.6, 23.2)),
                text="12 nmi",
                style=AnnotationStyle("#202020", 3.0, None, 0.2, 12.0),
            ),
            Annotation(
                "c",
                bf.CIRCLE,
                ((123.47, 25.74),),
                radius_m=44448.0,
                time=TimeRange(T0, T0 + timedelta(hours=1)),
            ),
            Annotation(
                "p",
                bf.POLYGON,
                ((117.5, 21.0), (121.0, 21.0), (121.0, 23.5)),
                style=AnnotationStyle("#c0392b", 1.5, "#c0392b", 0.1, 14.0),
            ),
            *extra,
        ),
        scenes=(
            Scene(
                "Region",
                note="Two sentences. For a teacher.",
                view=ViewSpec.at_scale(121.0, 24.6, 1300.0, "EPSG:3857"),
                time=T0,
                layers=("taiwan_adiz",),
                speed=300.0,
            ),
            Scene("Play", time_range=TimeRange(T0, T0 + timedelta(hours=2)), pause_at_end=True),
            Scene("Keep everything"),
        ),
        underlay=Underlay(
            "pictures/mnd 2021-10-04.png",
            (
                ControlPoint(10.5, 20.25, 118.0, 27.0),
                ControlPoint(900.0, 30.0, 125.0, 27.2),
                ControlPoint(20.0, 800.0, 118.3, 20.0, enabled=False),
            ),
            crs="EPSG:3857",
            opacity=0.45,
        ),
        traced=TracedScenario(
            (
                TracedTrack(
                    "J-16 A",
                    "fighter",
                    4,
                    ((119.5, 21.5), (121.0, 21.1), (122.0, 21.9)),
                    Timing.at_speed(T0, 420.5),
                    label="J-16 ×4",
                ),
                TracedTrack(
                    "Y-8",
                    "isr",
                    1,
                    ((119.0, 22.0), (120.0, 21.0)),
                    Timing.between(T0, T0 + timedelta(hours=1)),
                ),
                TracedTrack(
                    "H-6",
                    "bomber",
                    2,
                    ((119.0, 22.0), (120.0, 21.0), (121.0, 20.5)),
                    Timing.at_vertices({0: T0, 2: T0 + timedelta(minutes=40, microseconds=5)}),
                    callsign="H6-1",
                ),
            ),
            source="traced from mnd 2021-10-04.png on 2026-11-25, illustrative",
            tz="Asia/Tokyo",
        ),
        reported_counts=(
            ReportedCount(datetime(2021, 10, 4).date(), "fighter", 38, "MND 2021-10-04"),
            ReportedCount(datetime(2021, 10, 4).date(), "bomber", 12),
        ),
    )


def write_json(path: Path, doc: Any) -> Path:
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


# -------------------------------------------------------------------------------- round trips
def test_save_open_save_is_byte_identical(tmp_path: Path) -> None:
    original = full_briefing()
    first = bf.save_briefing(original, tmp_path / "a.briefing.json")
    loaded = bf.load_briefing(first)
    second = bf.save_briefing(loaded, tmp_path / "b.briefing.json")
    assert first.read_bytes() == second.read_bytes()
    assert bf.load_briefing(second) == loaded
    # Nothing is lost on the way except float digits beyond the fixed precision.
    assert loaded.title == original.title and loaded.scenes == original.scenes
    assert loaded.time_range == original.time_range  # microseconds kept
    assert loaded.view.center_lon == 121.123457
    assert loaded.annotations == original.annotations
    assert loaded.underlay == original.underlay and loaded.traced == original.traced
    assert loaded.reported_counts == original.reported_counts
    assert loaded.files == original.files  # with the columns and units the user confirmed


def test_file_text_is_canonical(tmp_path: Path) -> None:
    text = bf.dumps(full_briefing())
    doc = json.loads(text)
    assert text == json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    assert doc["format"] == bf.FORMAT and doc["schema_version"] == bf.SCHEMA_VERSION == 4
    assert doc["files"][0] == {
        "path": "tracks/day one.csv",
        "tz": None,
        "column_map": None,
        "altitude_unit": None,
        "speed_unit": None,
        "confirmed_units": [],
    }
    assert doc["files"][2] == {
        "path": "tracks/radar export.csv",
        "tz": "Asia/Tokyo",
        "column_map": {"alt_m": "height", "lat": "north", "lon": "east", "time": "when"},
        "altitude_unit": "ft",
        "speed_unit": "kmh",
        "confirmed_units": ["alt_m"],
    }
    assert "中文" in text  # not \u-escaped
    assert doc["time_range"] == {
        "start": "2021-10-04T02:00:00Z",
        "end": "2021-10-04T08:00:00.000250Z",
    }
    assert doc["view"] == {  # the extent of a 1920 x 1080 window at 987.654321 m/px
        "center_lon": 121.123457,
        "center_lat": 24.5,
        "width_m": 1896296.3,
        "height_m": 1066666.7,
        "crs": "lcc",
        "region": None,
    }
    # -0.0 is written as 0.0, so a value that rounds to zero never flips sign between saves.
    tiny = replace(full_briefing(), view=ViewSpec.at_scale(-1e-9, 0.0, 1.0))
    assert '"center_lon": 0.0' in bf.dumps(tiny)


def test_times_in_other_zones_are_stored_in_utc() -> None:
    taipei = datetime(2021, 10, 4, 10, 0, tzinfo=UTC) + timedelta()
    taipei = taipei.astimezone(ZoneInfo("Asia/Taipei"))
    s = Scene("x", time=taipei)
    assert s.time == datetime(2021, 10, 4, 10, 0, tzinfo=UTC)
    assert bf.parse_time("2021-10-04T10:00:00+08:00") == datetime(2021, 10, 4, 2, 0, tzinfo=UTC)
    with pytest.raises(ValueError, match="no zone"):
        Scene("x", time=datetime(2021, 10, 4))


# ---------------------------------------------------------------------------------- migration
V0_FIXTURE = {
    "version": 0,
    "title": "Prototype briefing",
    "tracks": ["tracks/sorties.csv", "../shared/ais.nmea"],
    "layers": {"taiwan_adiz": True, "median_line": False},
    "view": {"lon": 120.5, "lat": 23.5, "scale_m_per_px": 900, "crs": "lcc"},
    "start": "2021-10-04T00:00:00Z",
    "end": "2021-10-04T12:00:00Z",
    "speed": 90,
    "trail_minutes": 15,
    "scenes": [
        {
            "name": "South-west corner",
            "view": {"lon": 119.5, "lat": 22.4, "scale_m_per_px": 400},
            "time": "2021-10-04T03:00:00Z",
            "layers": ["taiwan_adiz"],
            "note": "Look at the south-west corner.",
        },
        {"name": "No view"},
    ],
}


def test_v0_briefing_opens_and_saves_as_current(tmp_path: Path) -> None:
    path = write_json(tmp_path / "old.briefing.json", V0_FIXTURE)
    b = bf.load_briefing(path)
    assert b.schema_version == bf.SCHEMA_VERSION
    assert b.title == "Prototype briefing"
    assert [f.path for f in b.files] == ["tracks/sorties.csv", "../shared/ais.nmea"]
    assert b.layers == (
        LayerSetting("taiwan_adiz", True, 1.0, None),
        LayerSetting("median_line", False, 1.0, None),
    )
    assert b.view == ViewSpec.at_scale(120.5, 23.5, 900.0, "lcc")
    assert b.time_range == TimeRange(
        datetime(2021, 10, 4, tzinfo=UTC), datetime(2021, 10, 4, 12, tzinfo=UTC)
    )
    assert (b.speed, b.trail_seconds) == (90.0, 900.0)
    assert b.scenes[0] == Scene(
        "South-west corner",
        note="Look at the south-west corner.",
        view=ViewSpec.at_scale(119.5, 22.4, 400.0, "lcc"),
        time=datetime(2021, 10, 4, 3, tzinfo=UTC),
        layers=("taiwan_adiz",),
    )
    assert b.scenes[1] == Scene("No view")
    # Saving writes the current version, and that opens to the same briefing.
    saved = bf.save_briefing(b, tmp_path / "new.briefing.json")
    assert json.loads(saved.read_text())["schema_version"] == bf.SCHEMA_VERSION
    assert bf.load_briefing(saved) == b


def _v3_view(view: dict[str, Any] | None) -> dict[str, Any] | None:
    """A current view as version 3 wrote it: the centre and the scale of a 1920 x 1080 window."""
    if view is None:
        return None
    return {
        "center_lon": view["center_lon"],
        "center_lat": view["center_lat"],
        "metres_per_pixel": view["width_m"] / 1920.0,
        "crs": view["crs"],
    }


def _as_v3(doc: dict[str, Any]) -> dict[str, Any]:
    """A current document as version 3 wrote it: views as a centre and a scale."""
    scenes = [{**s, "view": _v3_view(s["view"])} for s in doc["scenes"]]
    return {**doc, "schema_version": 3, "view": _v3_view(doc["view"]), "scenes": scenes}


def _as_v2(doc: dict[str, Any]) -> dict[str, Any]:
    """A current document as version 2 wrote it: track files with only 'path' and 'tz'."""
    files = [{"path": f["path"], "tz": f["tz"]} for f in doc["files"]]
    return {**_as_v3(doc), "schema_version": 2, "files": files}


def test_v2_briefing_opens_as_before_and_saves_as_current(tmp_path: Path) -> None:
    original = full_briefing()
    v2 = _as_v2(bf.to_dict(original))
    path = write_json(tmp_path / "v2.briefing.json", v2)
    b = bf.load_briefing(path)
    assert b.schema_version == bf.SCHEMA_VERSION == 4
    # the files as version 2 kept them: path and zone, read as each file says
    assert b.files == (
        TrackFileRef("tracks/day one.csv"),
        TrackFileRef("/data/ais.nmea", tz="Asia/Taipei"),
        TrackFileRef("tracks/radar export.csv", tz="Asia/Tokyo"),
    )
    assert not any(f.has_read_options for f in b.files[:1])
    assert replace(b, files=original.files) == bf.load_briefing(
        write_json(tmp_path / "v3.briefing.json", _as_v3(bf.to_dict(original)))
    )
    saved = bf.save_briefing(b, tmp_path / "new.briefing.json")
    doc = json.loads(saved.read_text())
    assert doc["schema_version"] == 4
    assert doc["files"][0] == {
        "path": "tracks/day one.csv",
        "tz": None,
        "column_map": None,
        "altitude_unit": None,
        "speed_unit": None,
        "confirmed_units": [],
    }
    assert bf.load_briefing(saved) == b


def test_v1_briefing_migrates_through_v2_to_current(tmp_path: Path) -> None:
    v1 = {
        "format": bf.FORMAT,
        "schema_version": 1,
        "title": "Version 1",
        "files": [{"path": "tracks/a.csv", "tz": "UTC"}],
        "view": {"center_lon": 121.0, "center_lat": 24.5, "metres_per_pixel": 1200.0, "crs": "lcc"},
    }
    b = bf.load_briefing(write_json(tmp_path / "v1.briefing.json", v1))
    assert b.schema_version == bf.SCHEMA_VERSION
    assert b.files == (TrackFileRef("tracks/a.csv", tz="UTC"),)
    assert b.underlay is None and b.traced is None and b.reported_counts == ()
    assert bf.migrate(v1)["schema_version"] == bf.SCHEMA_VERSION


def test_track_file_read_options_are_normalised() -> None:
    a = TrackFileRef("a.csv", column_map={"lon": "x", "lat": "y", "time": "t"})
    b = TrackFileRef("a.csv", column_map=(("time", "t"), ("lat", "y"), ("lon", "x")))
    assert a == b and a.column_map == (("lat", "y"), ("lon", "x"), ("time", "t"))
    assert a.columns == {"lat": "y", "lon": "x", "time": "t"}
    assert TrackFileRef("a.csv", column_map={}).column_map is None
    assert not TrackFileRef("a.csv").has_read_options
    assert TrackFileRef("a.csv", speed_unit="mps").has_read_options
    assert hash(a) == hash(b)  # still usable as a key


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"altitude_unit": "yards"}, "altitude_unit must be one of m, ft"),
        ({"speed_unit": "mph"}, "speed_unit must be one of kt, kmh, mps"),
        ({"column_map": {"altitude": "h"}}, "column_map: unknown field 'altitude'"),
        ({"column_map": {"alt_m": ""}}, "column_map.alt_m must be a column name"),
        ({"column_map": (("lat", "a"), ("lat", "b"))}, "column_map field id 'lat' appears twice"),
        ({"confirmed_units": ("heading_deg",)}, "confirmed_units: unknown field 'heading_deg'"),
        ({"confirmed_units": ("alt_m",)}, "confirmed_units names 'alt_m' but altitude_unit is"),
    ],
)
def test_bad_track_file_read_options_are_refused(kwargs: dict[str, Any], expected: str) -> None:
    with pytest.raises(ValueError, match=re.escape(expected)):
        TrackFileRef("a.csv", **kwargs)


def test_every_older_version_has_a_migration() -> None:
    assert set(bf.MIGRATIONS) == set(range(bf.SCHEMA_VERSION))


def test_broken_v0_names_the_version_and_field(tmp_path: Path) -> None:
    doc = {**V0_FIXTURE, "layers": ["taiwan_adiz"]}
    path = write_json(tmp_path / "old.briefing.json", doc)
    with pytest.raises(BriefingError, match=r"old\.briefing\.json: \(schema version 0\) layers"):
        bf.load_briefing(path)


# ------------------------------------------------------------------------------------- errors
def test_corrupt_json_names_the_file_and_the_place(tmp_path: Path) -> None:
    path = tmp_path / "class 7B.briefing.json"
    path.write_text('{"format": "adiz-viewer-briefing", "title": "x",,}', encoding="utf-8")
    with pytest.raises(BriefingError) as info:
        bf.load_briefing(path)
    message = str(info.value)
    assert "class 7B.briefing.json" in message and "not valid JSON" in message
    assert "line 1, column" in message
    assert info.value.path == path


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the file is empty"),
        (b"   \n", "the file is empty"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"[1, 2]", "must be a JSON object"),
        (b'{"title": "x"}', "no 'schema_version'"),
        (b"[" * 100_000 + b"]" * 100_000, "JSON"),
    ],
)
def test_unreadable_content_gives_briefing_error(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "bad.briefing.json"
    path.write_bytes(content)
    with pytest.raises(BriefingError, match=re.escape(expected)) as info:
        bf.load_briefing(path)
    assert "bad.briefing.json" in str(info.value)


def test_missing_file_and_backup_hint(tmp_path: Path) -> None:
    with pytest.raises(BriefingError, match="no such file"):
        bf.load_briefing(tmp_path / "nowhere.briefing.json")
    path = tmp_path / "x.briefing.json"
    bf.save_briefing(full_briefing("one"), path)
    bf.save_briefing(full_briefing("two"), path)
    path.write_text("{", encoding="utf-8")
    with pytest.raises(BriefingError, match=r"previous version is in x\.briefing\.json\.bak"):
        bf.load_briefing(path)


def _mutate(doc: dict[str, Any], dotted: str, value: Any) -> dict[str, Any]:
    doc = json.loads(json.dumps(doc))
    target: Any = doc
    keys = [int(k) if k.isdigit() else k for k in dotted.split(".")]
    for k in keys[:-1]:
        target = target[k]
    if value is _DELETE:
        del target[keys[-1]]
    else:
        target[keys[-1]] = value
    return doc


_DELETE = object()


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("view.center_lat", "north", "view.center_lat must be a number; got a string ('north')"),
        ("view.center_lat", 95.0, "view: center_lat must be in -90..90; got 95.0"),
        ("view.width_m", 0, "width_m must be positive"),
        ("view.region", {"west": 1}, "view.region.south is missing"),
        (
            "view.region",
            {"west": 122, "south": 20, "east": 121, "north": 25},
            "region must have west < east and south < north",
        ),
        ("view.crs", "EPSG:999999", "view.crs: unknown coordinate reference system"),
        ("view", _DELETE, "view is missing"),
        ("layers.0.opacity", 2, "layers[0]: opacity must be in 0..1; got 2"),
        ("layers.0.visible", "yes", "layers[0].visible must be true or false"),
        ("layers.0.color", "blue", "layers[0]: color must be a colour '#rrggbb'"),
        ("layers.1.id", "taiwan_adiz", "layer id 'taiwan_adiz' appears twice"),
        ("files.1.tz", "Mars/Olympus", "unknown time zone 'Mars/Olympus'"),
        ("files.2.altitude_unit", "yards", "files[2]: altitude_unit must be one of m, ft"),
        ("files.2.altitude_unit", 3, "files[2].altitude_unit must be a string; got a number"),
        ("files.2.speed_unit", "mph", "files[2]: speed_unit must be one of kt, kmh, mps"),
        ("files.2.speed_unit", ["kt"], "files[2].speed_unit must be a string; got a list"),
        ("files.2.column_map", ["when"], "files[2].column_map must be an object"),
        ("files.2.column_map.alt_m", 7, "files[2].column_map.alt_m must be a column name"),
        ("files.2.column_map.altitude", "h", "files[2]: column_map: unknown field 'altitude'"),
        ("files.2.confirmed_units", "alt_m", "files[2].confirmed_units must be a list"),
        ("files.2.confirmed_units", [1], "files[2].confirmed_units[0] must be a field name"),
        ("files.2.confirmed_units", ["height"], "files[2]: confirmed_units: unknown field"),
        ("files.2.altitude_unit", None, "confirmed_units names 'alt_m' but altitude_unit is"),
        ("files.2.units", "ft", "unknown field 'files[2].units'"),
        ("files", {"path": "a.csv"}, "files must be a list; got an object"),
        ("speed", True, "speed must be a number; got a boolean (true)"),
        ("speed", -1, "speed must be positive"),
        ("naming", "klingon", "naming must be one of"),
        ("time_range.start", "yesterday", "time_range.start: expected an ISO 8601 time"),
        ("time_range.start", "2021-10-04T00:00:00", "has no zone"),
        ("time_range.end", "2021-10-01T00:00:00Z", "is before start"),
        ("annotations.0.kind", "star", "annotations[0]: kind must be one of"),
        ("annotations.1.points", [[1.0, 2.0]], "a arrow needs 2 point(s); got 1"),
        ("annotations.2.radius_m", None, "a circle needs radius_m"),
        ("annotations.3.points.0", [1.0], "annotations[3].points[0] must be [lon, lat]"),
        ("annotations.0.style.width", "thick", "annotations[0].style.width must be a number"),
        (
            "scenes.0.time_range",
            {"start": "2021-10-04T00:00:00Z", "end": "2021-10-04T01:00:00Z"},
            "scenes[0]: give either time (a still) or time_range (to play), not both",
        ),
        ("scenes.0.layers", ["taiwan_adiz", 3], "scenes[0].layers[1] must be a layer id string"),
        ("scenes.1.title", "", "scenes[1]: title must be a non-empty string"),
        ("scenes.2.pause_at_end", 1, "scenes[2].pause_at_end must be true or false"),
        ("scenes.2.colour", "red", "unknown field 'scenes[2].colour'"),
        ("surprise", 1, "unknown field 'surprise'"),
        ("format", "something-else", "'format' is 'something-else'"),
        ("schema_version", "1", "schema_version must be a whole number"),
    ],
)
def test_wrong_types_and_values_name_the_field(
    tmp_path: Path, field: str, value: Any, expected: str
) -> None:
    doc = _mutate(bf.to_dict(full_briefing()), field, value)
    path = write_json(tmp_path / "lesson.briefing.json", doc)
    with pytest.raises(BriefingError) as info:
        bf.load_briefing(path)
    message = str(info.value)
    assert message.startswith(str(path) + ": "), message
    assert expected in message, message


def test_future_schema_version_is_refused_clearly(tmp_path: Path) -> None:
    doc = {**bf.to_dict(full_briefing()), "schema_version": bf.SCHEMA_VERSION + 1}
    path = write_json(tmp_path / "from the future.briefing.json", doc)
    with pytest.raises(BriefingError) as info:
        bf.load_briefing(path)
    message = str(info.value)
    assert "from the future.briefing.json" in message
    assert f"schema version {bf.SCHEMA_VERSION + 1}" in message and "newer" in message


# ------------------------------------------------------------------------------ atomic saving
def _leftovers(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.tmp"))


def test_save_keeps_the_previous_version_as_bak(tmp_path: Path) -> None:
    path = tmp_path / "lesson.briefing.json"
    bak = bf.backup_path(path)
    assert bak.name == "lesson.briefing.json.bak"
    bf.save_briefing(full_briefing("one"), path)
    assert not bak.exists()
    one = path.read_bytes()
    bf.save_briefing(full_briefing("two"), path)
    assert bak.read_bytes() == one
    two = path.read_bytes()
    bf.save_briefing(full_briefing("three"), path)
    assert bak.read_bytes() == two
    assert bf.load_briefing(path).title == "three"
    # Saving the same text again changes nothing: the backup still holds the version before.
    bf.save_briefing(full_briefing("three"), path)
    assert bak.read_bytes() == two
    assert _leftovers(tmp_path) == []
    # No backup asked for: none written.
    other = tmp_path / "other.briefing.json"
    bf.save_briefing(full_briefing("a"), other, backup=False)
    bf.save_briefing(full_briefing("b"), other, backup=False)
    assert not bf.backup_path(other).exists()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_save_keeps_the_file_mode(tmp_path: Path) -> None:
    path = bf.save_briefing(full_briefing("one"), tmp_path / "x.briefing.json")
    path.chmod(0o640)
    bf.save_briefing(full_briefing("two"), path)
    assert path.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("fail_at", ["fsync", "backup-rename", "final-rename", "write"])
def test_crash_mid_save_leaves_the_original_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail_at: str
) -> None:
    path = tmp_path / "lesson.briefing.json"
    bf.save_briefing(full_briefing("one"), path)
    bf.save_briefing(full_briefing("two"), path)
    before, bak_before = path.read_bytes(), bf.backup_path(path).read_bytes()

    real_replace, real_fdopen = os.replace, os.fdopen
    calls = {"replace": 0}

    def failing_replace(src: Any, dst: Any) -> None:
        calls["replace"] += 1
        is_final = Path(dst) == path
        if (fail_at == "final-rename" and is_final) or (
            fail_at == "backup-rename" and not is_final
        ):
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    def failing_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    class HalfWriter:
        def __init__(self, fh: Any) -> None:
            self.fh = fh

        def write(self, data: bytes) -> int:
            self.fh.write(data[: len(data) // 2])
            self.fh.flush()
            raise OSError(28, "No space left on device")

        def __getattr__(self, name: str) -> Any:
            return getattr(self.fh, name)

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()

    if fail_at in ("backup-rename", "final-rename"):
        monkeypatch.setattr(os, "replace", failing_replace)
    elif fail_at == "fsync":
        monkeypatch.setattr(os, "fsync", failing_fsync)
    else:
        monkeypatch.setattr(os, "fdopen", lambda *a, **k: HalfWriter(real_fdopen(*a, **k)))

    with pytest.raises(BriefingError, match=r"lesson\.briefing\.json: cannot save") as info:
        bf.save_briefing(full_briefing("three"), path)
    assert isinstance(info.value.__cause__, OSError)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert bf.load_briefing(path).title == "two"
    assert bf.backup_path(path).read_bytes() in (bak_before, before)
    assert _leftovers(tmp_path) == []
    # And the next save works.
    bf.save_briefing(full_briefing("three"), path)
    assert bf.load_briefing(path).title == "three"
    assert bf.backup_path(path).read_bytes() == before


_SAVER = textwrap.dedent(
    """
    import json, os, sys, time
    sys.path.insert(0, {root!r})
    from viewer.core import briefing as bf

    real_fsync = os.fsync
    def slow_fsync(fd):  # a slow disk widens the window between write and rename
        real_fsync(fd)
        time.sleep(0.004)
    os.fsync = slow_fsync

    path, versions_file, i = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(versions_file, encoding="utf-8") as fh:
        versions = [bf.from_dict(doc) for doc in json.load(fh)]
    print("ready", flush=True)
    while True:
        i += 1
        bf.save_briefing(versions[i % len(versions)], path)
    """
)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill_during_save_leaves_old_or_new_version(tmp_path: Path) -> None:
    """Issue 9: kill -9 a process saving in a loop, many times at random moments; the file on
    disk (and its backup) always parse, as one of the versions written."""
    path = tmp_path / "lesson.briefing.json"
    titles = {f"version {i}" for i in range(4)}
    bf.save_briefing(full_briefing("version 0", 300), path)
    script = tmp_path / "saver.py"
    script.write_text(_SAVER.format(root=str(ROOT)), encoding="utf-8")
    versions = tmp_path / "versions.json"
    docs = [bf.to_dict(full_briefing(title, 300)) for title in sorted(titles)]
    versions.write_text(json.dumps(docs), encoding="utf-8")
    rng = random.Random(9)
    # 20 kills at least, whatever the machine's load (each one starts a Python process); up to
    # 40 while within 15 s; the hard limit only guards against a hang.
    kills, mid_save, start = 0, 0, time.monotonic()
    while kills < 40 and (kills < 20 or time.monotonic() < start + 15.0):
        assert time.monotonic() < start + 300.0, f"only {kills} kills in 300 s"
        proc = subprocess.Popen(
            [sys.executable, str(script), str(path), str(versions), str(kills)],
            stdout=subprocess.PIPE,
            cwd=ROOT,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.08))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        kills += 1
        assert proc.returncode == -signal.SIGKILL
        assert bf.load_briefing(path).title in titles
        if bf.backup_path(path).exists():
            assert bf.load_briefing(bf.backup_path(path)).title in titles
        leftovers = _leftovers(tmp_path)
        if leftovers:  # a temporary file proves the kill landed inside a save
            mid_save += 1
            for tmp in leftovers:
                tmp.unlink()
    print(f"{kills} kills, {mid_save} inside a save")
    assert kills >= 20
    assert mid_save >= 1, "no kill landed inside a save: the test proves nothing"


def test_stale_temporaries_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "x.briefing.json"
    stale = tmp_path / ".x.briefing.json.0123456789ab.tmp"
    fresh = tmp_path / ".x.briefing.json.ba9876543210.tmp"
    other = tmp_path / ".y.briefing.json.0123456789ab.tmp"
    for p in (stale, fresh, other):
        p.write_text("partial")
    old = time.time() - 7200
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    assert bf.remove_stale_temporaries(path) == [stale]
    assert fresh.exists() and other.exists()


# ---------------------------------------------------------------------------------- recovery
@pytest.fixture
def state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(home))
    return home


def test_state_dir_follows_xdg(state_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert bf.state_dir() == state_home / "adiz-viewer"
    monkeypatch.delenv("XDG_STATE_HOME")
    monkeypatch.setenv("HOME", str(state_home / "home"))
    if os.name == "posix":
        assert bf.state_dir() == state_home / "home" / ".local" / "state" / "adiz-viewer"


def test_recovery_round_trip(state_home: Path, tmp_path: Path) -> None:
    assert bf.find_recovery() == []
    doc = tmp_path / "lessons" / "week 3.briefing.json"
    other = tmp_path / "lessons" / "week 4.briefing.json"
    assert bf.recovery_path(doc) != bf.recovery_path(other) != bf.recovery_path(None)
    assert bf.recovery_path(doc).parent == state_home / "adiz-viewer" / "recovery"
    b = full_briefing("unsaved scenes")
    written = bf.write_recovery(b, doc)
    bf.write_recovery(full_briefing("untitled"))
    (written.parent / "garbage.recovery.json").write_text("{not json")
    found = bf.find_recovery()
    assert {r.briefing.title for r in found} == {"unsaved scenes", "untitled"}
    mine = next(r for r in found if r.document is not None)
    assert mine.path == written and mine.document == doc.absolute()
    assert mine.base == doc.absolute().parent
    assert mine.briefing == bf.from_dict(bf.to_dict(b))
    assert abs(mine.saved_at - datetime.now(UTC)) < timedelta(minutes=1)
    bf.discard_recovery(doc)
    bf.discard_recovery(doc)  # twice is fine
    assert [r.briefing.title for r in bf.find_recovery()] == ["untitled"]
    bf.discard_recovery(None)
    assert bf.find_recovery() == []


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_autosave_survives_kill_9(state_home: Path, tmp_path: Path) -> None:
    code = textwrap.dedent(
        f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from viewer.core import briefing as bf
        b = bf.Briefing(title="class 7B", scenes=tuple(bf.Scene(f"scene {{i}}") for i in range(3)))
        bf.write_recovery(b, {str(tmp_path / "7B.briefing.json")!r})
        print("saved", flush=True)
        time.sleep(60)
        """
    )
    env = {**os.environ, "XDG_STATE_HOME": str(state_home)}
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, env=env)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == b"saved"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    (found,) = bf.find_recovery()
    assert found.briefing.title == "class 7B"
    assert [s.title for s in found.briefing.scenes] == ["scene 0", "scene 1", "scene 2"]
    assert found.document == tmp_path / "7B.briefing.json"


# ------------------------------------------------------------------------------- track files
def test_missing_and_relocated_track_files(tmp_path: Path) -> None:
    folder = tmp_path / "lesson"
    (folder / "tracks").mkdir(parents=True)
    (folder / "tracks" / "day one.csv").write_text("x")
    (folder / "tracks" / "radar export.csv").write_text("x")
    b = full_briefing()
    assert bf.resolve_files(b, folder)[0] == folder / "tracks" / "day one.csv"
    missing = bf.missing_files(b, folder)
    assert missing == [TrackFileRef("/data/ais.nmea", tz="Asia/Taipei")]
    moved = tmp_path / "elsewhere" / "ais.nmea"
    moved.parent.mkdir()
    moved.write_text("x")
    fixed = bf.relocate_file(b, missing[0], moved, folder)
    assert fixed.files[1] == TrackFileRef("../elsewhere/ais.nmea", tz="Asia/Taipei")
    assert bf.missing_files(fixed, folder) == []
    # Save As into another folder keeps relative paths pointing at the same files.
    (tmp_path / "copy" / "deeper").mkdir(parents=True)
    rebased = bf.rebase(fixed, folder, tmp_path / "copy" / "deeper")
    assert [f.path for f in rebased.files] == [
        "../../lesson/tracks/day one.csv",
        "../../elsewhere/ais.nmea",
        "../../lesson/tracks/radar export.csv",
    ]
    assert bf.missing_files(rebased, tmp_path / "copy" / "deeper") == []
    # a moved file is still read as the user said
    assert replace(rebased.files[2], path=b.files[2].path) == b.files[2]


# ------------------------------------------------------------------------------- view and layers
def test_view_spec_is_crs_independent() -> None:
    from viewer.core.projection import Projection

    spec = ViewSpec.at_scale(121.0, 25.0, 1000.0, "lcc")
    for crs in ("lcc", "webmercator", "EPSG:3826"):
        proj = Projection.from_user_input(crs)
        view = spec.to_map_view(1920, 1080, proj)
        back = ViewSpec.from_map_view(view, proj, crs="lcc")
        assert back.center_lon == pytest.approx(121.0, abs=1e-7)
        assert back.center_lat == pytest.approx(25.0, abs=1e-7)
        assert back.width_m == pytest.approx(1920 * 1000.0, rel=1e-9)
        assert back.height_m == pytest.approx(1080 * 1000.0, rel=1e-9)
    # Web Mercator stretches by 1/cos(lat): the same ground scale is more map units per pixel.
    merc = spec.to_map_view(1920, 1080, Projection.from_user_input("webmercator"))
    assert merc.scale == pytest.approx(1000.0 / math.cos(math.radians(25.0)), rel=5e-3)


def test_layer_settings_convert_to_map_state() -> None:
    from viewer.core.map_state import LayerState

    st = LayerState("taiwan_adiz", False, 0.5, "#123456")
    setting = LayerSetting.from_layer_state(st)
    assert setting == LayerSetting("taiwan_adiz", False, 0.5, "#123456")
    assert setting.to_layer_state("#000000") == st
    assert LayerSetting("x").to_layer_state("#abcdef").color == "#abcdef"


def test_annotation_visibility_in_time() -> None:
    circle = full_briefing().annotations[2]
    assert circle.visible_at(T0 + timedelta(minutes=30))
    assert not circle.visible_at(T0 + timedelta(hours=2))
    assert circle.visible_at(None)


# ------------------------------------------------------------------------------------ schema
_SUPPORTED = {
    "$schema", "$id", "$ref", "$defs", "title", "description", "type", "const", "enum",
    "properties", "required", "additionalProperties", "items", "prefixItems", "minItems",
    "maxItems", "minimum", "maximum", "exclusiveMinimum", "minLength", "pattern", "anyOf",
    "propertyNames",
}  # fmt: skip
_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
}


def validate(
    value: Any, schema: dict[str, Any], root: dict[str, Any], where: str = "$"
) -> list[str]:
    """The errors of ``value`` against the subset of JSON Schema 2020-12 in `_SUPPORTED`."""
    unknown = set(schema) - _SUPPORTED
    assert not unknown, f"schema uses keywords the test validator does not know: {unknown}"
    errors: list[str] = []
    if "$ref" in schema:
        ref = schema["$ref"]
        assert ref.startswith("#/$defs/"), ref
        errors += validate(value, root["$defs"][ref.removeprefix("#/$defs/")], root, where)
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_TYPES[t](value) for t in types):
            return [*errors, f"{where}: expected {types}, got {value!r:.40}"]
    if "const" in schema and value != schema["const"]:
        errors.append(f"{where}: expected {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} not in {schema['enum']}")
    if "anyOf" in schema and all(validate(value, s, root, where) for s in schema["anyOf"]):
        errors.append(f"{where}: matches none of anyOf")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        errors += [f"{where}: missing {k}" for k in schema.get("required", []) if k not in value]
        extra = schema.get("additionalProperties", True)
        for k, v in value.items():
            if "propertyNames" in schema:
                errors += validate(k, schema["propertyNames"], root, f"{where} name {k!r}")
            if k in props:
                errors += validate(v, props[k], root, f"{where}.{k}")
            elif extra is False:
                errors.append(f"{where}: unexpected {k}")
            elif isinstance(extra, dict):
                errors += validate(v, extra, root, f"{where}.{k}")
    if isinstance(value, list):
        prefix = schema.get("prefixItems", [])
        for i, item in enumerate(value):
            sub = prefix[i] if i < len(prefix) else schema.get("items")
            if sub is not None:
                errors += validate(item, sub, root, f"{where}[{i}]")
        if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", 1e9):
            errors.append(f"{where}: {len(value)} items")
    if _TYPES["number"](value):
        if value < schema.get("minimum", -math.inf) or value > schema.get("maximum", math.inf):
            errors.append(f"{where}: {value} out of range")
        if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
            errors.append(f"{where}: {value} <= {schema['exclusiveMinimum']}")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            errors.append(f"{where}: too short")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{where}: {value!r} does not match {schema['pattern']}")
    return errors


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    doc = json.loads(bf.schema_path().read_text(encoding="utf-8"))
    assert doc["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    return doc


def test_default_and_full_briefings_match_the_schema(schema: dict[str, Any]) -> None:
    default = bf.load_briefing(bf.default_briefing_path())
    assert validate(bf.to_dict(default), schema, schema) == []
    assert validate(bf.to_dict(full_briefing()), schema, schema) == []
    assert schema["properties"]["schema_version"]["const"] == bf.SCHEMA_VERSION
    # Every field the writer emits is required by the schema, so the two cannot drift apart.
    assert set(schema["required"]) == set(bf.to_dict(default))
    track_file = schema["$defs"]["trackFile"]
    assert set(track_file["required"]) == set(bf.to_dict(full_briefing())["files"][0])
    # the values the loader accepts are the schema's
    assert schema["$defs"]["mappableField"]["enum"] == list(bf.MAPPABLE_FIELDS)
    assert track_file["properties"]["altitude_unit"]["enum"] == [None, *bf.ALTITUDE_UNITS]
    assert track_file["properties"]["speed_unit"]["enum"] == [None, *bf.SPEED_UNITS]


def test_schema_rejects_what_the_loader_rejects(schema: dict[str, Any]) -> None:
    doc = bf.to_dict(full_briefing())
    for field, value in [
        ("view.center_lat", "north"),
        ("layers.0.opacity", 2),
        ("annotations.0.kind", "star"),
        ("scenes.0.pause_at_end", 1),
        ("time_range.start", "2021-10-04 00:00"),
        ("surprise", 1),
        ("schema_version", bf.SCHEMA_VERSION - 1),
        ("files.2.altitude_unit", "yards"),
        ("files.2.speed_unit", 3),
        ("files.2.column_map", ["when"]),
        ("files.2.column_map.altitude", "h"),
        ("files.2.column_map.alt_m", ""),
        ("files.2.confirmed_units", ["height"]),
        ("files.2.units", "ft"),
        ("underlay.crs", "EPSG:2263"),
        ("traced.tracks.0.count", 0),
        ("traced.tracks.0.timing.mode", "teleport"),
        ("reported_counts.0.date", "4 Oct"),
    ]:
        assert validate(_mutate(doc, field, value), schema, schema), field


# ------------------------------------------------------------------------ extents (schema 4)
def test_v3_view_becomes_the_extent_of_a_1920x1080_window(tmp_path: Path) -> None:
    """Version 3 stored a centre and a scale; the author composed at 1920 x 1080 (the command
    line's default size, where the sample's scenes were made): that window's extent is kept."""
    v3 = _as_v3(bf.to_dict(full_briefing()))
    v3["view"] = {"center_lon": 121.0, "center_lat": 24.5, "metres_per_pixel": 1200.0, "crs": "lcc"}
    v3["scenes"][0]["view"] = {
        "center_lon": 119.6,
        "center_lat": 22.5,
        "metres_per_pixel": 420.0,
        "crs": "lcc",
    }
    b = bf.load_briefing(write_json(tmp_path / "v3.briefing.json", v3))
    assert b.view == ViewSpec(121.0, 24.5, 1200.0 * 1920, 1200.0 * 1080, "lcc")
    assert b.scenes[0].view == ViewSpec(119.6, 22.5, 420.0 * 1920, 420.0 * 1080, "lcc")
    # shown in the window it was made for, the map is what it was: same centre, same scale
    from viewer.core.projection import Projection

    proj = Projection.default()
    view = b.scenes[0].view.to_map_view(1920, 1080, proj)
    k = bf.map_units_per_metre(proj, 119.6, 22.5)
    assert view.scale == pytest.approx(420.0 * k, rel=1e-9)
    bad = {**v3, "view": {**v3["view"], "metres_per_pixel": -1}}
    with pytest.raises(BriefingError, match=r"view\.metres_per_pixel must be positive"):
        bf.load_briefing(write_json(tmp_path / "bad.briefing.json", bad))


@pytest.mark.parametrize(
    "size", [(1280, 720), (1920, 1080), (3840, 2160), (1024, 768), (720, 1280)]
)
def test_any_frame_shows_the_whole_extent_and_the_region(size) -> None:
    """The extent fits any frame (the other direction shows more map), the region stays
    clear of the insets where the overlays are."""
    from viewer.core.projection import Projection

    proj = Projection.default()
    spec = ViewSpec.at_scale(119.9, 24.0, 800.0, "lcc", region=(117.8, 22.8, 122.2, 27.2))
    insets = (10.0, 60.0, 10.0, 120.0)
    view = spec.to_map_view(*size, proj, insets)
    k = bf.map_units_per_metre(proj, 119.9, 24.0)
    xmin, ymin, xmax, ymax = view.extent()
    assert xmax - xmin >= spec.width_m * k * (1 - 1e-9)
    assert ymax - ymin >= spec.height_m * k * (1 - 1e-9)
    assert (
        (xmax - xmin == pytest.approx(spec.width_m * k))
        or (ymax - ymin == pytest.approx(spec.height_m * k))
        or size[0] < size[1]
    )  # fitted: one direction exactly (a portrait frame fits the region)
    lons = np.array([117.8, 122.2, 122.2, 117.8, 120.0, 120.0])
    lats = np.array([22.8, 22.8, 27.2, 27.2, 22.8, 27.2])
    sx, sy = view.to_screen(*proj.forward(lons, lats))
    assert (sx >= insets[0] - 1e-6).all() and (sx <= size[0] - insets[2] + 1e-6).all()
    assert (sy >= insets[1] - 1e-6).all() and (sy <= size[1] - insets[3] + 1e-6).all()


def test_a_region_larger_than_the_extent_zooms_out() -> None:
    from viewer.core.projection import Projection

    proj = Projection.default()
    small = ViewSpec.at_scale(121.0, 24.0, 100.0, "lcc", region=(118.0, 21.0, 124.0, 27.0))
    view = small.to_map_view(1920, 1080, proj)
    sx, sy = view.to_screen(*proj.forward(np.array([118.0, 124.0]), np.array([21.0, 27.0])))
    assert (sx >= 0).all() and (sx <= 1920).all() and (sy >= 0).all() and (sy <= 1080).all()
    assert view.scale > 100.0 * 5
