"""Property-based fuzzing of every reader (issue 9): mutate valid files; each read must give a
table or one clear TrackImportError — never another exception, never a hang."""

import contextlib
import json
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.io.registry import ReadOptions, read_tracks
from viewer.io.report import TrackImportError

# CI runs 120 mutations per format; `ADIZ_FUZZ_EXAMPLES=5000 pytest tests/io/test_fuzz_readers.py`
# is the longer run recorded in the README.
EXAMPLES = int(os.environ.get("ADIZ_FUZZ_EXAMPLES", "120"))

VALID = {
    "t.csv": b"id,time,lat,lon,alt_ft,type\nA,2021-10-04T00:00:00Z,22.5,120.1,30000,J-16\n"
    b"A,2021-10-04T00:01:00Z,22.6,120.2,30000,J-16\nB,2021-10-04T00:00:30Z,21.0,121.5,0,ship\n",
    "t.geojson": json.dumps(
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [120.0, 22.0]},
                    "properties": {"id": "P", "time": "2021-10-04T00:00:00Z"},
                },
                {
                    "type": "Feature",
                    "geometry": {"type": "LineString", "coordinates": [[121, 21], [121.5, 21.5]]},
                    "properties": {
                        "name": "L",
                        "times": ["2021-10-04T00:00:00Z", "2021-10-04T00:10:00Z"],
                    },
                },
            ],
        }
    ).encode(),
    "t.gpx": b'<?xml version="1.0"?><gpx version="1.1" creator="x" '
    b'xmlns="http://www.topografix.com/GPX/1/1"><trk><name>T</name><trkseg>'
    b'<trkpt lat="21.5" lon="119.5"><ele>100</ele><time>2021-10-04T00:00:00Z</time></trkpt>'
    b'<trkpt lat="21.6" lon="119.6"><time>2021-10-04T00:01:00Z</time></trkpt>'
    b"</trkseg></trk></gpx>",
    "t.kml": b'<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">'
    b"<Document><Placemark><name>J-16</name><gx:Track><when>2021-10-04T00:00:00Z</when>"
    b"<when>2021-10-04T00:01:00Z</when><gx:coord>119.5 21.5 7000</gx:coord>"
    b"<gx:coord>119.6 21.6 7100</gx:coord></gx:Track></Placemark></Document></kml>",
    "t.cot": b'<event version="2.0" uid="u1" type="a-h-A-M-F-F" time="2021-10-04T00:00:00Z" '
    b'start="2021-10-04T00:00:00Z" stale="2021-10-04T00:05:00Z" how="m-g">'
    b'<point lat="22" lon="119" hae="7000" ce="10" le="10"/></event>',
    "t.nmea": b"\\c:1633305600*00\\!AIVDO,1,1,,A,168rO0OP1s8mEa0>lO83Q001P000,0*1C\n",
    "trace_full_899123.json": b'{"icao":"899123","t":"A359","timestamp":1633305600.0,"trace":['
    b'[0.0,25.0797,121.2342,"ground",12.0,53.4,0,null,{"flight":"CAL582  ","category":"A5"}],'
    b"[120.0,25.12,121.28,2000,180.5,55.0,2,1800,null],[420.5,25.25,121.6,12000,320.0,90.0,4,"
    b'1500,{"flight":"CAL5825 "}]]}',
    "aircraft.json": b'{"now":1633305600.0,"aircraft":[{"hex":"899123","flight":"CAL5825 ",'
    b'"alt_baro":12000,"gs":320.0,"track":90.0,"lat":25.25,"lon":121.6,"seen_pos":2.5},'
    b'{"hex":"780a23","alt_baro":"ground","lat":25.077,"lon":121.231}]}',
    "t.txt.acmi": b"FileType=text/acmi/tacview\nFileVersion=2.2\n"
    b"0,ReferenceTime=2021-10-04T06:00:00Z\n0,ReferenceLongitude=121\n0,ReferenceLatitude=24\n#0\na01,T=-1.5|-2|7000,Type=Air+FixedWing,"
    b"Name=J-16\nb01,T=1.2|0.5|0,Type=Sea+Watercraft\n#60.5\na01,T=-1.4|-1.9|7100|0|1|90\n-b01\n",
}

# the schema-recognised exports of tests/data (issue 16)
DATA = Path(__file__).resolve().parents[1] / "data"
for _name in (
    "aiscatcher.jsonl",
    "opensky_states_all.json",
    "opensky_states_2021-10-04-00.csv",
    "marinecadastre_ais.csv",
    "dma_ais.csv",
    "flightradar24_flight.csv",
    "traffic_export.csv",
):
    VALID[_name] = (DATA / _name).read_bytes()
VALID["traffic_records.json"] = json.dumps(
    json.loads((DATA / "traffic_belevingsvlucht_slice.json").read_text())[:8]
).encode()


def mutate(data: bytes, edits) -> bytes:
    out = bytearray(data)
    for kind, pos, value in edits:
        if not out:
            out.extend(value)
            continue
        i = pos % len(out)
        if kind == 0:  # flip a byte
            out[i] = value[0] if value else 0
        elif kind == 1:  # insert
            out[i:i] = value
        elif kind == 2:  # delete a run
            del out[i : i + 1 + len(value)]
        else:  # truncate
            del out[i:]
    return bytes(out)


edits = st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, 10_000), st.binary(min_size=0, max_size=6)),
    min_size=1,
    max_size=8,
)


@pytest.mark.parametrize("name", sorted(VALID))
@settings(
    max_examples=EXAMPLES,
    deadline=5000,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(changes=edits)
def test_mutated_files_give_a_table_or_a_clear_error(tmp_path, name, changes):
    path = tmp_path / name
    path.write_bytes(mutate(VALID[name], changes))
    try:
        result = read_tracks(path, ReadOptions(tz="UTC"))
    except TrackImportError as exc:
        assert str(exc).startswith(str(path)), str(exc)
        return
    assert set(result.frame.columns) >= {"track_id", "time", "lon", "lat"}
    assert result.frame["lat"].between(-90, 90).all()
    assert result.frame["lon"].between(-180, 180).all()


@settings(
    max_examples=EXAMPLES // 2,
    deadline=5000,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(changes=edits)
def test_mutated_kmz_gives_a_table_or_a_clear_error(tmp_path, changes):
    path = tmp_path / "t.kmz"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("doc.kml", VALID["t.kml"])
    path.write_bytes(mutate(path.read_bytes(), changes))
    with contextlib.suppress(TrackImportError):
        read_tracks(path)


@settings(
    max_examples=EXAMPLES // 2,
    deadline=5000,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(changes=edits, packed=st.sampled_from(["trace_full_899123.json", "t.zip.acmi"]))
def test_mutated_compressed_files_give_a_table_or_a_clear_error(tmp_path, changes, packed):
    import gzip

    path = tmp_path / packed
    if packed.endswith(".json"):
        path.write_bytes(gzip.compress(VALID[packed]))
    else:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("t.txt.acmi", VALID["t.txt.acmi"])
    path.write_bytes(mutate(path.read_bytes(), changes))
    with contextlib.suppress(TrackImportError):
        read_tracks(path, ReadOptions(tz="UTC"))
