"""Real exports read right (issue 16): each source's documented layout is recognised as a whole,
read through the window's path (`load_trackset`) with the expected tracks, fixes and units, and
its values converted (files and their documentation: `tests/data/README.md`)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.constants import (
    ALT_M,
    CALLSIGN,
    FT_IN_M,
    HEADING_DEG,
    KIND_SHIP,
    KT_IN_MPS,
    SPEED_KT,
    TRACK_ID,
)
from viewer.io.registry import ReadOptions, detect_format, load_trackset, read_tracks
from viewer.io.report import TrackImportError

DATA = Path(__file__).resolve().parents[1] / "data"


def by_id(trackset, track_id: str) -> slice:
    i = list(trackset.ids).index(track_id)
    return slice(int(trackset.offsets[i]), int(trackset.offsets[i + 1]))


# file, schema, tracks, fixes, units
SOURCES = [
    (
        "opensky_states_2021-10-04-00.csv",
        "OpenSky state vectors",
        2,
        5,
        {
            ALT_M: "m (documented: OpenSky state vectors)",
            SPEED_KT: "m/s (documented: OpenSky state vectors)",
        },
    ),
    (
        "pyopensky_history.csv",
        "OpenSky state vectors",
        1,
        3,
        {ALT_M: "m (documented: OpenSky state vectors)"},
    ),
    (
        "opensky_states_all.json",
        "OpenSky REST states",
        2,
        2,
        {SPEED_KT: "m/s (documented: OpenSky REST states)"},
    ),
    ("traffic_export.csv", "traffic export", 2, 5, {ALT_M: "ft (documented: traffic export)"}),
    (
        "traffic_belevingsvlucht_slice.json",
        "traffic export",
        1,
        201,
        {SPEED_KT: "kt (documented: traffic export)"},
    ),
    (
        "marinecadastre_ais.csv",
        "NOAA MarineCadastre AIS",
        2,
        5,
        {SPEED_KT: "kt (documented: NOAA MarineCadastre AIS)"},
    ),
    ("dma_ais.csv", "Danish Maritime Authority AIS", 2, 3, {}),
    ("aiscatcher.jsonl", "AIS-catcher JSON", 2, 3, {}),
    (
        "flightradar24_flight.csv",
        "Flightradar24 CSV",
        1,
        3,
        {ALT_M: "ft (documented: Flightradar24 CSV)"},
    ),
]


@pytest.mark.parametrize(("name", "schema", "tracks", "fixes", "units"), SOURCES)
def test_each_source_reads_with_no_set_up(name, schema, tracks, fixes, units):
    trackset, report = load_trackset(DATA / name, options=ReadOptions(confirm_units=True))
    assert report.schema == schema
    assert (trackset.n_tracks, trackset.n_fixes) == (tracks, fixes)
    assert (report.tracks, report.fixes) == (tracks, fixes)
    for field, how in units.items():
        assert report.units[field] == how
    assert report.column_map  # the map is said
    assert not report.warnings or all("out of order" in w for w in report.warnings)


def test_opensky_state_vectors_are_si_units_converted():
    trackset, report = load_trackset(DATA / "opensky_states_2021-10-04-00.csv")
    eva = by_id(trackset, "899063")
    assert trackset.speed_kt[eva][0] == pytest.approx(231.5 / KT_IN_MPS, rel=1e-6)  # 450.0 kt
    assert trackset.speed_kt[eva][0] == pytest.approx(450.0, abs=0.01)
    assert trackset.alt_m[eva][0] == pytest.approx(10668.0)
    assert trackset.callsigns[list(trackset.ids).index("899063")] == "EVA123"  # unpadded
    assert trackset.heading_deg[eva][2] == pytest.approx(45.5)
    assert report.column_map[TRACK_ID] == "icao24"
    assert any(s.line == 5 and "coordinates" in s.reason for s in report.skipped)


def test_opensky_parquet_reads_like_its_csv(tmp_path):
    frame = pd.read_csv(DATA / "opensky_states_2021-10-04-00.csv", dtype={"icao24": str})
    frame["hour"] = 1633305600
    path = tmp_path / "states_2021-10-04-00.parquet"
    frame.to_parquet(path)
    trackset, report = load_trackset(path)
    assert report.schema == "OpenSky state vectors"
    assert (trackset.n_tracks, trackset.n_fixes) == (2, 5)
    assert np.nanmax(trackset.speed_kt) == pytest.approx(232.0 / KT_IN_MPS, rel=1e-6)


def test_opensky_rest_states_json_takes_the_array_layout():
    assert detect_format(DATA / "opensky_states_all.json") == "json"
    trackset, report = load_trackset(DATA / "opensky_states_all.json")
    cal = by_id(trackset, "7804b3")
    assert trackset.lon[cal][0] == pytest.approx(119.9) and trackset.lat[cal][0] == 24.5
    assert trackset.speed_kt[cal][0] == pytest.approx(180.0 / KT_IN_MPS, rel=1e-6)
    assert trackset.alt_m[cal][0] == pytest.approx(7315.2)
    assert report.skipped_total == 1  # the aircraft without a position


@pytest.mark.parametrize(
    ("layout", "dates"),
    [(layout, "epoch ms") for layout in ("records", "columns", "split")]
    + [(layout, "iso") for layout in ("records", "columns", "split", "table")],
)
def test_traffic_json_in_every_pandas_layout(tmp_path, layout, dates):
    frame = pd.read_csv(DATA / "traffic_export.csv", index_col=0, dtype={"icao24": str})
    frame["timestamp"] = pd.to_datetime(frame["timestamp"], utc=True)
    path = tmp_path / "export.json"
    if dates == "epoch ms":  # what pandas' to_json wrote by default (the traffic samples)
        frame["timestamp"] = frame["timestamp"].astype("int64") // 10**6
        frame.to_json(path, orient=layout)
    else:
        frame.to_json(path, orient=layout, date_format="iso")
    trackset, report = load_trackset(path)
    assert report.schema == "traffic export"
    assert (trackset.n_tracks, trackset.n_fixes) == (2, 5)
    eva = by_id(trackset, "899063")
    assert trackset.alt_m[eva][0] == pytest.approx(35000 * FT_IN_M)  # 10,668 m


def test_traffic_parquet(tmp_path):
    frame = pd.read_csv(DATA / "traffic_export.csv", index_col=0, dtype={"icao24": str})
    frame["timestamp"] = pd.to_datetime(frame["timestamp"], utc=True)
    path = tmp_path / "export.parquet"
    frame.to_parquet(path)
    trackset, report = load_trackset(path)
    assert report.schema == "traffic export"
    assert report.units[ALT_M] == "ft (documented: traffic export)"
    cal = by_id(trackset, "7804b3")
    np.testing.assert_allclose(trackset.alt_m[cal], np.array([24000, 23850]) * FT_IN_M, rtol=1e-6)
    np.testing.assert_allclose(trackset.heading_deg[cal], [270, 270])  # track = course


def test_a_real_traffic_sample_slice():
    """The `belevingsvlucht` sample traffic ships (every 80th record): one aircraft, one
    track, altitudes in feet."""
    trackset, _ = load_trackset(DATA / "traffic_belevingsvlucht_slice.json")
    assert list(trackset.ids) == ["484506"] and list(trackset.callsigns) == ["TRA051"]
    assert trackset.alt_m[0] == pytest.approx(224 * FT_IN_M)  # 68.3 m: the first fix
    assert float(np.median(trackset.alt_m)) == pytest.approx(7924 * FT_IN_M)  # 2,415 m
    assert trackset.speed_kt[0] == 155.0


def test_marinecadastre_not_available_values_are_missing():
    trackset, report = load_trackset(DATA / "marinecadastre_ais.csv")
    ship = by_id(trackset, "416001000")
    np.testing.assert_allclose(trackset.heading_deg[ship][:2], [44.0, 46.0])  # 511: the COG
    assert np.isnan(trackset.heading_deg[ship][2])  # heading 511 and COG 360: none
    assert np.isnan(trackset.speed_kt[ship][2])  # SOG 102.3: not available
    assert trackset.speed_kt[ship][0] == pytest.approx(12.3)
    assert set(trackset.kinds) == {KIND_SHIP}
    assert list(trackset.callsigns) == ["ZHONG GUO HAI JING 2901", "HAI XUN 06"] or set(
        trackset.callsigns
    ) == {"ZHONG GUO HAI JING 2901", "HAI XUN 06"}
    assert (np.abs(trackset.lat) <= 90).all() and (np.abs(trackset.lon) <= 180).all()
    assert any("not available" in n for n in report.notices)
    assert report.time_start.isoformat() == "2021-10-04T00:00:00+00:00"  # BaseDateTime: UTC


def test_dma_times_are_day_first_utc():
    trackset, report = load_trackset(DATA / "dma_ais.csv")
    assert report.time_end.isoformat() == "2021-10-13T23:59:30+00:00"  # 13/10, not month 13
    ship = by_id(trackset, "219000001")
    np.testing.assert_allclose(trackset.heading_deg[ship], [91.0, 90.0])  # empty: the COG
    assert list(trackset.lat[by_id(trackset, "219000002")]) == [54.9]  # 91/181 row skipped


def test_aiscatcher_json_lines():
    trackset, report = load_trackset(DATA / "aiscatcher.jsonl")
    ship = by_id(trackset, "416001000")
    assert trackset.callsigns[list(trackset.ids).index("416001000")] == "HAI XUN 06"
    assert np.isnan(trackset.speed_kt[ship][1])  # 102.3
    assert trackset.heading_deg[ship][1] == pytest.approx(46.0)  # 511: the course
    other = by_id(trackset, "412000003")
    assert np.isnan(trackset.heading_deg[other][0])  # heading 511, course 360
    assert report.time_start.isoformat() == "2021-10-04T00:00:00+00:00"


def test_flightradar24_position_is_split_and_units_converted():
    trackset, _ = load_trackset(DATA / "flightradar24_flight.csv")
    assert list(trackset.ids) == ["CPA402"]
    assert trackset.lat[0] == pytest.approx(22.3089) and trackset.lon[0] == pytest.approx(113.9146)
    assert trackset.alt_m[2] == pytest.approx(35000 * FT_IN_M)
    assert trackset.speed_kt[2] == 480 and trackset.heading_deg[2] == 62


def test_nmea_heading_511_takes_the_course(write):
    from pyais.encode import encode_dict

    def line(second: int, heading: int, course: float) -> str:
        sentence = encode_dict(
            {
                "type": 1,
                "mmsi": 416001000,
                "lon": 120.5,
                "lat": 24.8,
                "speed": 12.0,
                "course": course,
                "heading": heading,
            }
        )[0]
        return f"2021-10-04T00:00:{second:02d}Z {sentence}"

    path = write(
        "ais.nmea", "\n".join([line(0, 511, 45.0), line(10, 90, 45.0), line(20, 511, 360)])
    )
    frame = read_tracks(path).frame
    assert frame[HEADING_DEG].iloc[0] == pytest.approx(45.0)  # 511: not a direction
    assert frame[HEADING_DEG].iloc[1] == pytest.approx(90.0)
    assert np.isnan(frame[HEADING_DEG].iloc[2])


# --- the generic rules, for headers no schema knows ---------------------------------------


@pytest.mark.parametrize("direction", ["track", "course", "cog", "heading", "trk", "dir"])
def test_a_direction_is_never_the_track_id(write, direction):
    text = f"time,lat,lon,{direction}\n" + "".join(
        f"2021-10-04T00:0{i}:00Z,22,120,{45 + i}\n" for i in range(2)
    )
    result = read_tracks(write("d.csv", text))
    assert result.report.column_map.get(TRACK_ID) is None
    assert result.report.column_map[HEADING_DEG] == direction
    assert result.report.tracks == 1


# A teacher's file: "track" names the tracks. Text is not a direction, so it is the id (the
# events command's known-answer file is written this way, tests/cli/test_events_cmd.py).
HAND_NAMED = (
    "track,time,lat,lon\n"
    "N,2021-10-04T00:00:00Z,26.1,121.4\nN,2021-10-04T01:00:00Z,26.1,122.9\n"
    "M,2021-10-04T00:00:00Z,25.5,119.5\nM,2021-10-04T01:00:00Z,25.5,121.5\n"
)


@pytest.mark.parametrize("direction", ["track", "trk", "course"])
def test_a_direction_column_of_names_is_the_track_id(write, direction):
    path = write("lesson.csv", HAND_NAMED.replace("track", direction, 1))
    result = read_tracks(path)
    assert result.report.column_map[TRACK_ID] == direction
    assert HEADING_DEG not in result.report.column_map
    assert any("holds names (e.g. 'N')" in n for n in result.report.notices)
    trackset, report = load_trackset(path)  # the window's way (the fast CSV path)
    assert sorted(trackset.ids) == ["M", "N"] and report.fixes == 4


def test_a_direction_property_of_names_is_the_track_id_in_geojson(write):
    rows = [r.split(",") for r in HAND_NAMED.splitlines()[1:]]
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
            "properties": {"track": name, "time": t},
        }
        for name, t, lat, lon in rows
    ]
    path = write("lesson.geojson", json.dumps({"type": "FeatureCollection", "features": features}))
    trackset, report = load_trackset(path)
    assert sorted(trackset.ids) == ["M", "N"] and report.column_map[TRACK_ID] == "track"


@pytest.mark.parametrize("transponder", ["icao24", "hex", "icao", "mmsi", "uid"])
def test_a_transponder_id_is_preferred_to_a_callsign(write, transponder):
    text = (
        f"callsign,{transponder},time,lat,lon\n"
        "CAL1,abc,2021-10-04T00:00:00Z,22,120\nCAL2,abc,2021-10-04T00:01:00Z,22,120\n"
    )
    result = read_tracks(write("t.csv", text))
    assert result.report.column_map[TRACK_ID] == transponder
    assert result.report.tracks == 1
    assert any("change callsign" in n for n in result.report.notices)  # a label change


# --- hypothesis: column order and unrelated columns do not change the mapping --------------

CSV_SOURCES = [s for s in SOURCES if s[0].endswith(".csv")]
UNRELATED = ["note", "source", "receiver", "quality", "Unnamed: 99", "extra_1", "region"]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    source=st.sampled_from(CSV_SOURCES),
    order=st.randoms(use_true_random=False),
    extra=st.lists(st.sampled_from(UNRELATED), unique=True, max_size=4),
    as_json=st.booleans(),
)
def test_column_order_and_unrelated_columns_do_not_change_the_mapping(
    tmp_path_factory, source, order, extra, as_json
):
    """The same file with its columns shuffled and unrelated ones added, as CSV or as JSON
    records (keys in that order), maps the same columns in the same units."""
    name, schema, tracks, fixes, _ = source
    expected = read_tracks(DATA / name).report
    frame = pd.read_csv(DATA / name, dtype=str, keep_default_na=False)
    columns = list(frame.columns)
    order.shuffle(columns)
    frame = frame[columns]
    for i, column in enumerate(extra):
        frame.insert(order.randrange(len(frame.columns) + 1), column, [f"x{i}"] * len(frame))
    path = tmp_path_factory.mktemp("shuffled") / name
    if as_json:
        path = path.with_suffix(".json")
        records = [{k: v for k, v in row.items() if v != ""} for row in frame.to_dict("records")]
        path.write_text(json.dumps(records), encoding="utf-8")
    else:
        frame.to_csv(path, index=False)
    report = read_tracks(path).report
    assert report.schema == schema
    assert report.column_map == expected.column_map
    assert report.units == expected.units
    assert (report.tracks, report.fixes) == (tracks, fixes)


# --- the two ADS-B files of the issue -------------------------------------------------------


def test_the_issue_adsb_csv_gives_the_aircraft_and_keeps_every_row(tmp_path):
    from tests.io.adsb_samples import quickstart_like

    frame, truth = quickstart_like()
    path = tmp_path / "quickstart.csv"
    frame.to_csv(path)  # as Traffic.to_csv: pandas' index column too
    result = read_tracks(path)
    report = result.report
    assert report.schema == "traffic export"
    assert report.tracks == truth.aircraft  # one track per icao24
    assert report.fixes == truth.rows and report.skipped_total == 0  # every row kept
    median = float(result.frame[ALT_M].median())
    assert median == pytest.approx(truth.alt_median_m, rel=0.05)
    assert median == pytest.approx(truth.alt_median_m, rel=1e-9)
    flights = read_tracks(path, ReadOptions(split_flights=1800)).report
    assert flights.tracks == truth.flights
    assert abs(flights.tracks - truth.aircraft) <= 0.10 * truth.aircraft


def test_the_issue_adsb_geojson_is_one_aircraft(tmp_path):
    from tests.io.adsb_samples import one_aircraft_geojson, write_geojson

    doc, median_m = one_aircraft_geojson()
    path = tmp_path / "one.geojson"
    write_geojson(path, doc)
    trackset, report = load_trackset(path)
    assert trackset.n_tracks == 1 and trackset.n_fixes == 7335
    assert report.schema == "traffic export"
    assert float(np.nanmedian(trackset.alt_m)) == pytest.approx(median_m, rel=0.05)
    assert list(trackset.callsigns) == ["EVA123"]


# --- splitting flights; showing what was read ----------------------------------------------


def test_split_flights_at_a_callsign_change_and_a_gap(write):
    rows = ["icao24,callsign,timestamp,latitude,longitude,altitude,groundspeed,track"]
    minutes = [0, 1, 2, 3, 50, 51]  # a 47-minute gap before the 5th fix
    calls = ["AAA1", "AAA1", "BBB2", "BBB2", "BBB2", "BBB2"]
    for m, c in zip(minutes, calls, strict=True):
        rows.append(f"abc123,{c},2021-10-04T00:{m:02d}:00Z,22,120,30000,400,90")
    path = write("f.csv", "\n".join(rows) + "\n")
    one = read_tracks(path)
    assert one.report.tracks == 1
    split = read_tracks(path, ReadOptions(split_flights=1800))
    assert list(pd.unique(split.frame[TRACK_ID])) == ["abc123/1", "abc123/2", "abc123/3"]
    assert list(split.frame[CALLSIGN]) == calls
    assert split.report.tracks == 3
    trackset, _ = load_trackset(path, options=ReadOptions(split_flights=1800))
    assert trackset.n_tracks == 3 and list(trackset.callsigns) == ["AAA1", "BBB2", "BBB2"]


def test_inspect_json_gives_schema_columns_units_and_stats(capsys):
    from viewer.app import main

    assert main(["inspect", "--json", str(DATA / "traffic_export.csv")]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["schema"] == "traffic export"
    assert out["column_map"][TRACK_ID] == "icao24"
    assert out["units"][ALT_M] == "ft (documented: traffic export)"
    alt = out["stats"][ALT_M]
    assert alt["median"] == pytest.approx(35000 * FT_IN_M)
    assert alt["min"] == pytest.approx(23850 * FT_IN_M) and alt["max"] == pytest.approx(
        35025 * FT_IN_M
    )
    assert out["stats"]["fixes_per_track"] == {"min": 2.0, "median": 2.5, "max": 3.0}
    assert set(out["stats"][SPEED_KT]) == {"min", "median", "max"}


def test_inspect_text_and_split_flights_on_the_command_line(capsys, tmp_path):
    from viewer.app import main

    shutil.copy(DATA / "traffic_export.csv", tmp_path / "t.csv")
    assert main(["inspect", str(tmp_path / "t.csv"), "--split-flights", "30min"]) == 0
    out = capsys.readouterr().out
    assert "recognised as: traffic export" in out
    assert "alt_m (m): min 7,269.5, median 10,668, max 10,675.6" in out  # 23,850 ft: 7,269.48 m
    assert "fixes_per_track (fixes): min 2, median 2.5, max 3" in out
    assert "track_id ← 'icao24'" in out
    with pytest.raises(SystemExit):
        main(["inspect", str(tmp_path / "t.csv"), "--split-flights", "soon"])
    assert "a gap is a positive time" in capsys.readouterr().err


# --- bad input: a clear message, never a crash ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"time": 1, "states": [["abc", "X"]]}', "expected 17 or 18"),
        ('{"a": 1}\n{"b": \n', "not a JSON object on this line"),
        ('{"time": 1633305600, "states": null}', "nothing to replay"),
        ('[{"a": 1}, 2]', "not all objects"),
        ('{"columns": ["a"], "data": [[1, 2]]}', "does not fit"),
    ],
)
def test_bad_json_tables_say_why(write, text, expected):
    path = write("bad.json", text)
    with pytest.raises(TrackImportError) as err:
        load_trackset(path)
    assert expected in str(err.value) and "bad.json" in str(err.value)


def test_json_lines_error_names_the_line(write):
    path = write("bad.jsonl", '{"mmsi": 1, "lat": 2}\n{"mmsi": 1, "lat": 3}\n{oops\n')
    with pytest.raises(TrackImportError) as err:
        read_tracks(path)
    assert err.value.line == 3


def test_ais_messages_without_any_position_say_so(write):
    line = '{"class":"AIS","rxtime":"20211004000000","type":5,"mmsi":1,"shipname":"A"}'
    with pytest.raises(TrackImportError) as err:
        load_trackset(write("static.jsonl", line + "\n" + line + "\n"))
    assert "2 AIS messages, none with a position" in str(err.value)
