"""Property-based fuzzing of every reader (issue 9): mutate valid files; each read must give a
table or one clear TrackImportError — never another exception, never a hang."""

import contextlib
import json
import os
import zipfile

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
}


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
