"""GeoJSON, GPX, KML/KMZ, GIS files, Parquet, AIS NMEA and Cursor-on-Target, written by their
own libraries where one exists (gpxpy, pyogrio, pyarrow, pyais)."""

import json
import zipfile

import numpy as np
import pandas as pd
import pytest

from viewer.core.constants import ALT_M, CALLSIGN, KIND, LAT, LON, SPEED_KT, TIME, TRACK_ID
from viewer.io.registry import ReadOptions, detect_format, load_trackset, read_tracks
from viewer.io.report import TrackImportError

T0 = pd.Timestamp("2021-10-04T00:00:00Z")


# ---------------------------------------------------------------------------- GeoJSON
def test_geojson_points_and_lines_with_vertex_times(write):
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [120.0, 22.0]},
                "properties": {"id": "P", "time": "2021-10-04T00:00:00Z", "type": "KJ-500"},
            },
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [120.1, 22.1]},
                "properties": {"id": "P", "time": "2021-10-04T00:01:00Z", "type": "KJ-500"},
            },
            {
                "type": "Feature",
                "geometry": {
                    "type": "LineString",
                    "coordinates": [[121, 21, 100], [121.5, 21.5, 200]],
                },
                "properties": {
                    "name": "L",
                    "coordTimes": ["2021-10-04T00:00:00Z", "2021-10-04T00:10:00Z"],
                },
            },
            {
                "type": "Feature",
                "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
                "properties": {"name": "static"},
            },
        ],
    }
    result = read_tracks(write("t.geojson", json.dumps(doc)))
    out = result.frame
    assert sorted(out[TRACK_ID].unique()) == ["L", "P"]
    line = out[out[TRACK_ID] == "L"]
    np.testing.assert_allclose(line[ALT_M], [100, 200])
    assert line[TIME].iloc[1] == T0 + pd.Timedelta(minutes=10)
    assert set(out[out[TRACK_ID] == "P"][KIND]) == {"isr"}
    assert any("without per-vertex times" in n for n in result.report.notices)


def test_geojson_mismatched_times_are_reported(write):
    doc = {
        "type": "Feature",
        "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
        "properties": {"name": "X", "times": ["2021-10-04T00:00:00Z"]},
    }
    with pytest.raises(TrackImportError, match="no usable fixes"):
        load_trackset(write("m.geojson", json.dumps(doc)))


def test_invalid_json_names_the_line(write):
    with pytest.raises(TrackImportError) as err:
        read_tracks(write("bad.geojson", '{"type": "FeatureCollection",\n "features": [,]}'))
    assert err.value.line == 2


# ---------------------------------------------------------------------------- GPX
def _gpx(with_times=True):
    import datetime as dt

    import gpxpy.gpx

    gpx = gpxpy.gpx.GPX()
    trk = gpxpy.gpx.GPXTrack(name="Y-8 ASW")
    gpx.tracks.append(trk)
    seg = gpxpy.gpx.GPXTrackSegment()
    trk.segments.append(seg)
    trk.segments.append(gpxpy.gpx.GPXTrackSegment())  # an empty segment
    for i in range(3):
        t = dt.datetime(2021, 10, 4, 0, i, tzinfo=dt.UTC) if with_times else None
        elev = None if i == 1 else 1000.0  # a missing elevation
        seg.points.append(gpxpy.gpx.GPXTrackPoint(21.5 + i / 10, 119.5, elevation=elev, time=t))
    rte = gpxpy.gpx.GPXRoute(name="planned")
    rte.points.append(gpxpy.gpx.GPXRoutePoint(22, 120))
    rte.points.append(gpxpy.gpx.GPXRoutePoint(23, 121))
    gpx.routes.append(rte)
    return gpx.to_xml()


def test_gpx_written_by_gpxpy(write):
    result = read_tracks(write("t.gpx", _gpx()))
    out = result.frame
    assert list(out[TRACK_ID].unique()) == ["Y-8 ASW"]
    np.testing.assert_allclose(out[LAT], [21.5, 21.6, 21.7])
    assert np.isnan(out[ALT_M].iloc[1]) and out[ALT_M].iloc[0] == 1000
    assert out[TIME].iloc[2] == T0 + pd.Timedelta(minutes=2)
    assert [name for name, _ in result.static_paths] == ["planned"]
    assert any("empty segment" in n for n in result.report.notices)


def test_gpx_without_times_is_a_static_path_not_an_error(write):
    result = read_tracks(write("route.gpx", _gpx(with_times=False)))
    assert len(result.frame) == 0
    assert {n for n, _ in result.static_paths} == {"Y-8 ASW", "planned"}
    assert any("static path" in n for n in result.report.notices)


# ---------------------------------------------------------------------------- KML / KMZ
KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">
<Document>
 <Placemark><name>J-16 #1</name>
  <gx:Track>
   <when>2021-10-04T00:00:00Z</when><when>2021-10-04T00:01:00Z</when>
   <gx:coord>119.5 21.5 7000</gx:coord><gx:coord>119.6 21.6 7100</gx:coord>
  </gx:Track>
 </Placemark>
 <Placemark><name>CCG 2302</name><TimeStamp><when>2021-10-04T01:00:00Z</when></TimeStamp>
  <Point><coordinates>123.6,25.9,0</coordinates></Point></Placemark>
 <Placemark><name>CCG 2302</name><TimeSpan><begin>2021-10-04T02:00:00Z</begin></TimeSpan>
  <Point><coordinates>123.7,25.95</coordinates></Point></Placemark>
 <Placemark><name>route</name><LineString><coordinates>0,0 1,1</coordinates></LineString>
 </Placemark>
</Document></kml>"""


def test_kml_tracks_and_timed_placemarks(write):
    result = read_tracks(write("t.kml", KML))
    out = result.frame
    j16 = out[out[TRACK_ID] == "J-16 #1"]
    np.testing.assert_allclose(j16[ALT_M], [7000, 7100])
    assert set(j16[KIND]) == {"fighter"}
    ccg = out[out[TRACK_ID] == "CCG 2302"]
    assert list(ccg[TIME]) == [T0 + pd.Timedelta(hours=1), T0 + pd.Timedelta(hours=2)]
    assert set(ccg[KIND]) == {"ship"}
    assert any("static path" in n for n in result.report.notices)


def test_kmz_is_read_in_memory(tmp_path):
    path = tmp_path / "t.kmz"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("doc.kml", KML)
        zf.writestr("files/icon.png", b"\x89PNG")
    before = set(tmp_path.iterdir())
    frame = read_tracks(path).frame
    assert len(frame) == 4
    assert set(tmp_path.iterdir()) == before  # nothing extracted
    assert detect_format(path) == "kmz"


# ---------------------------------------------------------------------------- GIS and Parquet
@pytest.mark.parametrize("suffix", ["gpkg", "shp", "fgb"])
def test_gis_points_with_a_time_field(tmp_path, suffix):
    import geopandas as gpd
    import shapely

    gdf = gpd.GeoDataFrame(
        {
            "track": ["A", "A"],
            "time": ["2021-10-04T00:00:00Z", "2021-10-04T00:01:00Z"],
            "speed_kt": [400.0, 410.0],
        },
        geometry=[shapely.Point(120, 22), shapely.Point(120.1, 22.1)],
        crs="EPSG:4326",
    )
    path = tmp_path / f"t.{suffix}"
    gdf.to_file(path)
    out = read_tracks(path).frame
    np.testing.assert_allclose(out[LON], [120, 120.1])
    np.testing.assert_allclose(out[SPEED_KT], [400, 410])


def test_gis_lines_are_refused_with_advice(tmp_path):
    import geopandas as gpd
    import shapely

    path = tmp_path / "l.gpkg"
    gpd.GeoDataFrame(
        {"time": ["2021-10-04T00:00:00Z"]},
        geometry=[shapely.LineString([(0, 0), (1, 1)])],
        crs="EPSG:4326",
    ).to_file(path)
    with pytest.raises(TrackImportError, match="map layer"):
        read_tracks(path)


def test_geoparquet_and_partitioned_parquet_with_time_pushdown(tmp_path):
    import geopandas as gpd
    import pyarrow as pa
    import pyarrow.parquet as pq
    import shapely

    times = pd.date_range("2021-10-04", periods=48, freq="h", tz="UTC")
    gdf = gpd.GeoDataFrame(
        {"id": ["A"] * 48, "time": times},
        geometry=[shapely.Point(120 + i / 100, 22) for i in range(48)],
        crs="EPSG:4326",
    )
    gdf.to_parquet(tmp_path / "g.parquet")
    assert len(read_tracks(tmp_path / "g.parquet").frame) == 48

    folder = tmp_path / "parts"
    table = pa.table(
        {
            "id": ["A"] * 48,
            "time": times,
            "lat": [22.0] * 48,
            "lon": np.linspace(120, 121, 48),
            "day": [t.day for t in times],
        }
    )
    pq.write_to_dataset(table, folder, partition_cols=["day"])
    opts = ReadOptions(time_range=("2021-10-04T06:00:00Z", "2021-10-04T11:00:00Z"))
    result = read_tracks(folder, opts)
    assert len(result.frame) == 6
    assert result.frame[TIME].min() == pd.Timestamp("2021-10-04T06:00:00Z")


# ---------------------------------------------------------------------------- AIS NMEA
def test_ais_nmea_written_by_pyais(write):
    from pyais.encode import encode_dict

    lines = []
    for i in range(3):
        (s,) = encode_dict(
            {
                "type": 1,
                "mmsi": 412000001,
                "lon": 123.5 + i / 100,
                "lat": 25.9,
                "speed": 12.3,
                "course": 90.0,
            },
            talker_id="AI",
        )
        lines.append(f"\\c:{1633305600 + 60 * i}*00\\{s}")
    lines += encode_dict({"type": 5, "mmsi": 412000001, "shipname": "HAIJING 2302"}, talker_id="AI")
    lines.append("garbage line")
    lines.append(encode_dict({"type": 1, "mmsi": 1, "lon": 1, "lat": 1}, talker_id="AI")[0])
    result = read_tracks(write("ais.nmea", "\n".join(lines) + "\n"))
    out = result.frame
    assert list(out[TRACK_ID].unique()) == ["412000001"]
    np.testing.assert_allclose(out[LON], [123.5, 123.51, 123.52], atol=1e-4)
    assert out[TIME].iloc[0] == T0
    assert set(out[CALLSIGN]) == {"HAIJING 2302"} and set(out[KIND]) == {"ship"}
    reasons = {r.line: r.reason for r in result.report.skipped}
    assert "not an AIS sentence" in reasons[6]
    assert "without a time" in reasons[7]


# ---------------------------------------------------------------------------- Cursor-on-Target
def test_cursor_on_target_event_stream(write):
    ev = (
        '<event version="2.0" uid="{uid}" type="{t}" time="{time}" start="{time}" '
        'stale="{time}" how="m-g"><point lat="{lat}" lon="{lon}" hae="{hae}" ce="10" le="10"/>'
        '<detail><contact callsign="{cs}"/></detail></event>'
    )
    text = "\n".join(
        [
            ev.format(
                uid="u1",
                t="a-h-A-M-F-F",
                time="2021-10-04T00:00:00Z",
                lat=22,
                lon=119,
                hae=7000,
                cs="Bandit 1",
            ),
            ev.format(
                uid="u1",
                t="a-h-A-M-F-F",
                time="2021-10-04T00:01:00Z",
                lat=22.1,
                lon=119.1,
                hae=7100,
                cs="Bandit 1",
            ),
            ev.format(
                uid="s1",
                t="a-n-S-X",
                time="2021-10-04T00:00:00Z",
                lat=25.9,
                lon=123.6,
                hae=0,
                cs="CCG",
            ),
        ]
    )
    out = read_tracks(write("feed.cot", text)).frame
    assert set(out[TRACK_ID]) == {"u1", "s1"}
    assert set(out[out[TRACK_ID] == "u1"][KIND]) == {"fighter"}
    assert set(out[out[TRACK_ID] == "s1"][KIND]) == {"ship"}
