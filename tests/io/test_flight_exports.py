"""Flight exports as their sources write them (tests/data/README.md cites each layout): readsb /
tar1090 traces and snapshots, Tacview ACMI 2.x, Flightradar24 and FlightAware KML — read
through `load_trackset`, the window's path, with known tracks, fixes, units and values."""

import gzip
import shutil
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from viewer.core.constants import FT_IN_M
from viewer.io.registry import detect_format, load_trackset, read_tracks
from viewer.io.report import TrackImportError

DATA = Path(__file__).resolve().parents[1] / "data"
TRACE = DATA / "readsb" / "trace_full_899123.json"
GLOBE = DATA / "readsb" / "globe_2021-10-04"
SNAPSHOTS = DATA / "readsb" / "snapshots"
ACMI = DATA / "acmi" / "sortie_2021-10-04.txt.acmi"
FR24 = DATA / "kml" / "fr24_CI5825.kml"
FLIGHTAWARE = DATA / "kml" / "flightaware_EVA12.kml"


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def track(trackset, tid):
    i = list(trackset.ids).index(tid)
    return slice(trackset.offsets[i], trackset.offsets[i + 1]), i


def test_readsb_trace_legs_units_ground_and_callsigns() -> None:
    ts_, report = load_trackset(TRACE)
    assert list(ts_.ids) == ["899123", "899123/2"]  # the new-leg flag starts a second track
    first, i = track(ts_, "899123")
    assert first.stop - first.start == 6
    alt = ts_.alt_m[first]
    assert alt[0] == 0.0  # "ground"
    assert alt[2] == pytest.approx(2000 * FT_IN_M)  # 609.6 m, from feet
    assert np.isnan(alt[4])  # null altitude stays unknown
    assert ts_.speed_kt[first][2] == pytest.approx(180.5)  # knots as documented
    assert ts_.heading_deg[first][3] == pytest.approx(90.0)
    t = pd.to_datetime(ts_.t[first.start + 3], unit="s", utc=True)
    assert t == ts("2021-10-04T00:07:00.5Z")  # timestamp + 420.5 s
    assert ts_.callsigns[i] == "CAL582"
    assert report.schema == "readsb/tar1090 trace (globe history)"
    assert report.units["alt_m"].startswith("ft") and report.units["speed_kt"].startswith("kt")
    assert report.column_map["track_id"].startswith("icao")
    assert any("CAL582 → CAL5825 → CAL5826" in n for n in report.notices)


def test_readsb_gzip_compressed_under_a_json_name(tmp_path: Path) -> None:
    path = tmp_path / "trace_full_899123.json"
    path.write_bytes(gzip.compress(TRACE.read_bytes()))
    assert detect_format(path) == "readsb"
    plain = read_tracks(TRACE).frame
    packed = read_tracks(path).frame
    pd.testing.assert_frame_equal(plain, packed)


def test_a_globe_history_folder_prefers_full_traces(tmp_path: Path) -> None:
    ts_, report = load_trackset(GLOBE)
    assert sorted(ts_.ids) == ["780a23", "~e2e045"]
    s, _ = track(ts_, "780a23")
    assert s.stop - s.start == 2  # trace_recent (the tail of trace_full) is not read twice
    assert ts_.alt_m[s][0] == pytest.approx(33000 * FT_IN_M)
    assert ts_.kinds[list(ts_.ids).index("~e2e045")] == "helicopter"  # category A7
    assert report.tracks == 2 and report.fixes == 4


def test_aircraft_json_snapshots_become_tracks() -> None:
    ts_, report = load_trackset(SNAPSHOTS)
    assert sorted(ts_.ids) == ["780a23", "899123"]  # 7c6b2d has no position: not a track
    s, _ = track(ts_, "899123")
    times = pd.to_datetime(ts_.t[s], unit="s", utc=True)
    assert list(times) == [
        ts("2021-10-03T23:59:57.5Z"),
        ts("2021-10-04T00:00:29.5Z"),
    ]  # now-seen_pos
    assert ts_.alt_m[s][1] == pytest.approx(13000 * FT_IN_M)
    g, _ = track(ts_, "780a23")
    assert list(ts_.alt_m[g]) == [0.0, 0.0]
    assert ts_.heading_deg[g][0] == pytest.approx(300.0)  # true_heading where no track
    assert report.schema == "readsb/tar1090 aircraft.json snapshots"
    assert any("without a position" in n for n in report.notices)
    assert not report.warnings


def test_one_aircraft_json(tmp_path: Path) -> None:
    path = tmp_path / "aircraft.json"
    shutil.copy(SNAPSHOTS / "history_0.json", path)
    ts_, _ = load_trackset(path)
    assert sorted(ts_.ids) == ["780a23", "899123"]


def test_acmi_known_answers() -> None:
    ts_, report = load_trackset(ACMI)
    assert sorted(ts_.ids) == ["a01", "a02", "a02/2", "b01"]  # the missile is left out
    s, i = track(ts_, "a01")
    assert s.stop - s.start == 4
    np.testing.assert_allclose(ts_.lon[s], [119.5, 119.55, 119.6, 119.65])  # + ReferenceLongitude
    np.testing.assert_allclose(ts_.lat[s], [22.0, 22.05, 22.1, 22.15])
    np.testing.assert_allclose(ts_.alt_m[s], [7000, 7000, 7300, 7400])  # empty = unchanged
    assert ts_.heading_deg[s][2] == pytest.approx(90.0)  # the 9-value T's Heading
    assert pd.to_datetime(ts_.t[s.start + 2], unit="s", utc=True) == ts("2021-10-04T06:02:00.5Z")
    assert ts_.kinds[i] == "fighter" and ts_.callsigns[i] == "Red 1" and ts_.labels[i] == "J-16"
    s2, i2 = track(ts_, "a02")
    np.testing.assert_allclose(ts_.lon[s2], [119.6, 119.6])  # T=||7200|… keeps lon/lat
    assert ts_.heading_deg[s2][1] == pytest.approx(150.0)  # the 6-value T's Yaw
    assert ts_.kinds[i2] == "isr"
    assert ts_.kinds[list(ts_.ids).index("b01")] == "ship"
    assert ts_.kinds[list(ts_.ids).index("a02/2")] == "helicopter"  # an id used again
    assert report.schema == "Tacview ACMI 2.x"
    assert report.units["alt_m"].startswith("m")
    assert any("neither aircraft nor ships" in n for n in report.notices)


def test_zipped_acmi(tmp_path: Path) -> None:
    path = tmp_path / "sortie.zip.acmi"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("sortie.txt.acmi", ACMI.read_bytes())
    assert detect_format(path) == "acmi"
    pd.testing.assert_frame_equal(read_tracks(ACMI).frame, read_tracks(path).frame)
    assert read_tracks(path).report.format == "Tacview ACMI (zip)"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("FileType=text/csv\nFileVersion=2.2\n", ":1: not a Tacview ACMI"),
        ("FileType=text/acmi/tacview\nFileVersion=1.0\n", ":2: expected .FileVersion=2"),
        ("FileType=text/acmi/tacview\nFileVersion=2.2\n#0\n1,T=1|2|3\n", "ReferenceTime"),
        (
            "FileType=text/acmi/tacview\nFileVersion=2.2\n0,ReferenceTime=2021-10-04T00:00:00Z\n"
            "#zero\n",
            ":4: time frame",
        ),
        (
            "FileType=text/acmi/tacview\nFileVersion=2.2\n0,ReferenceTime=2021-10-04T00:00:00Z\n",
            "nothing to replay",
        ),
    ],
)
def test_bad_acmi_names_the_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.txt.acmi"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TrackImportError, match=message):
        load_trackset(path)


def test_acmi_bad_transform_is_skipped_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "t.txt.acmi"
    path.write_text(
        "FileType=text/acmi/tacview\nFileVersion=2.2\n0,ReferenceTime=2021-10-04T00:00:00Z\n"
        "#0\n1,T=121|24|1000\n#10\n1,T=121|24\n#20\n1,T=121.1|24.1|1100\n",
        encoding="utf-8",
    )
    _, report = load_trackset(path)
    assert report.fixes == 2
    assert [r.line for r in report.skipped] == [7]


def test_flightradar24_kml_is_one_flight() -> None:
    ts_, report = load_trackset(FR24)
    assert list(ts_.ids) == ["CI5825/CAL5825"]  # not one track per placemark
    assert len(ts_.t) == 4
    np.testing.assert_allclose(ts_.alt_m, [0.0, 792.48, 3048.0, 10668.0])  # metres
    assert ts_.alt_m[1] == pytest.approx(2600 * FT_IN_M)  # = the description's 2,600 ft
    np.testing.assert_allclose(ts_.speed_kt, [10, 170, 290, 452])
    np.testing.assert_allclose(ts_.heading_deg, [53, 47, 95, 120])
    assert pd.to_datetime(ts_.t[1], unit="s", utc=True) == ts("2021-10-04T00:24:18Z")
    assert ts_.callsigns[0] == "CAL5825"
    assert report.schema == "Flightradar24 flight KML"
    assert not report.warnings and not report.skipped


def test_flightaware_kml_track_and_airports() -> None:
    ts_, report = load_trackset(FLIGHTAWARE)
    assert list(ts_.ids) == ["EVA12"]
    np.testing.assert_allclose(ts_.alt_m, [120, 587, 7308, 10972])
    assert ts_.callsigns[0] == "EVA12"
    assert report.schema == "FlightAware flight KML"
    assert not report.skipped  # the two airports are places, not errors
    assert report.units == {"alt_m": "m (KML gx:coord, documented by KML 2.2)"}


def test_a_kml_with_only_untimed_points_says_why(tmp_path: Path) -> None:
    path = tmp_path / "p.kml"
    path.write_text(
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>waypoint'
        "</name><Point><coordinates>121,24,0</coordinates></Point></Placemark></Document></kml>",
        encoding="utf-8",
    )
    with pytest.raises(TrackImportError, match=r"nothing to replay: placemark 1 .* without Time"):
        load_trackset(path)


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        (b'{"icao":"abc123","trace":[]}', "timestamp|nothing to replay"),
        (b'{"icao":"abc123","timestamp":1633305600,"trace":[[1,2]]}', "nothing to replay"),
        (b'{"now":1633305600,"aircraft":[{"hex":"abc123"}]}', "nothing to replay"),
        (b'{"trace": [', "not valid JSON"),
    ],
)
def test_readsb_without_positions_says_why(tmp_path: Path, doc: bytes, message: str) -> None:
    path = tmp_path / "trace_full_abc123.json"
    path.write_bytes(doc)
    with pytest.raises(TrackImportError, match=message):
        load_trackset(path)


def test_a_folder_without_tracks_says_what_was_expected(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(TrackImportError, match="trace_full"):
        load_trackset(tmp_path)


def test_geojson_with_readsb_like_keys_stays_geojson(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":'
        '{"ac":"A","now":1,"time":"2021-10-04T00:00:00Z"},"geometry":{"type":"Point",'
        '"coordinates":[121,24]}}]}',
        encoding="utf-8",
    )
    assert detect_format(path) == "geojson"
