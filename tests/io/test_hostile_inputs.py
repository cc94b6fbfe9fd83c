"""Hostile and absurd inputs: one clear TrackImportError each; no crash, no hang, nothing
written outside the temporary folder, no secret file read."""

import io
import zipfile

import pytest

from viewer.io.registry import read_tracks
from viewer.io.report import TrackImportError

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol9 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
]>
<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&lol9;</name></Placemark></kml>"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE kml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&secret;</name>
<TimeStamp><when>2021-10-04T00:00:00Z</when></TimeStamp>
<Point><coordinates>120,22</coordinates></Point></Placemark></kml>"""


@pytest.mark.parametrize("name", ["bomb.kml", "bomb.gpx", "bomb.cot"])
def test_billion_laughs_is_refused(write, name):
    text = BILLION_LAUGHS if name.endswith("kml") else BILLION_LAUGHS.replace("kml", "gpx", 1)
    with pytest.raises(TrackImportError, match="DTD or entities"):
        read_tracks(write(name, text))


def test_xxe_never_reads_the_file(write):
    with pytest.raises(TrackImportError, match="refused") as err:
        read_tracks(write("xxe.kml", XXE))
    assert "root:" not in str(err.value)


def test_deep_nesting_is_refused(write):
    text = "<kml>" + "<Folder>" * 5000 + "</Folder>" * 5000 + "</kml>"
    with pytest.raises(TrackImportError):
        read_tracks(write("deep.kml", text))


def _kmz(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(
    "bad", ["../evil.kml", "/etc/evil.kml", "a/../../evil.kml", "C:\\evil.kml"]
)
def test_kmz_with_unsafe_paths_is_refused(write, tmp_path, bad):
    path = write("evil.kmz", _kmz([("doc.kml", "<kml/>"), (bad, "<kml/>")]))
    with pytest.raises(TrackImportError, match="unsafe path"):
        read_tracks(path)
    assert not (tmp_path.parent / "evil.kml").exists()


def test_kmz_zip_bomb_is_refused(write):
    path = write("bomb.kmz", _kmz([("doc.kml", b"<kml>" + b" " * (200 << 20) + b"</kml>")]))
    with pytest.raises(TrackImportError, match="zip bomb"):
        read_tracks(path)


def test_kmz_symlink_entry_is_refused(write):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        info = zipfile.ZipInfo("doc.kml")
        info.external_attr = 0o120777 << 16  # a symbolic link
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(TrackImportError, match="link"):
        read_tracks(write("link.kmz", buf.getvalue()))


@pytest.mark.parametrize(
    "name", ["empty.csv", "empty.kml", "empty.gpx", "empty.geojson", "empty.kmz", "empty.nmea"]
)
def test_zero_byte_files(write, name):
    with pytest.raises(TrackImportError, match="empty"):
        read_tracks(write(name, b""))


@pytest.mark.parametrize(
    "name", ["x.csv", "x.kml", "x.gpx", "x.geojson", "x.kmz", "x.gpkg", "x.parquet", "x.nmea"]
)
def test_binary_garbage_under_any_extension(write, name):
    garbage = bytes(range(256)) * 64
    with pytest.raises(TrackImportError):
        read_tracks(write(name, garbage))


def test_absurd_values_are_skipped_with_reasons(write):
    text = (
        "id,time,lat,lon\n"
        "A,2021-10-04T00:00:00Z,1e308,120\n"
        "A,2021-10-04T00:00:00Z,NaN,120\n"
        "A,9999-12-31T00:00:00Z,22,120\n"
        "A,2021-10-04T00:00:00Z,22,inf\n"
        "A,2021-10-04T00:01:00Z,22,120\n"
    )
    result = read_tracks(write("absurd.csv", text))
    assert result.report.fixes == 1
    assert [r.line for r in result.report.skipped] == [2, 3, 4, 5]


def test_input_files_are_never_written_to(tmp_path):
    import hashlib

    from tests.io.test_fuzz_readers import VALID

    for name, content in VALID.items():
        path = tmp_path / name
        path.write_bytes(content)
        before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
        read_tracks(path)
        after = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
        assert before == after, name
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(VALID)  # nothing new beside them


def test_a_kmz_needing_a_newer_zip_version_is_a_clear_error(tmp_path):
    """zipfile raises NotImplementedError ("zip file version 6.4") for an entry whose
    'version needed to extract' is too new: said as a damaged KMZ, never a crash (found by
    the mutation fuzzer)."""
    import zipfile

    from viewer.io.registry import read_tracks
    from viewer.io.report import TrackImportError

    path = tmp_path / "new.kmz"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("doc.kml", "<kml/>")
    data = bytearray(path.read_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 6] = 64  # version needed to extract: 6.4
    path.write_bytes(bytes(data))
    with pytest.raises(TrackImportError) as err:
        read_tracks(path)
    assert "not a valid zip file" in str(err.value)


# readsb (gzip-compressed JSON under a .json name) and Tacview's zipped ACMI


def _gzip_bomb(size: int) -> bytes:
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"\0" * (1 << 20)
    out = [packer.compress(b'{"icao":"abc123","timestamp":1,"trace":[')]
    for _ in range(size >> 20):
        out.append(packer.compress(zeros))
    out.append(packer.flush())
    return b"".join(out)


def test_readsb_gzip_bomb_is_refused_before_filling_the_memory(write):
    from viewer.io.readsb_reader import MAX_JSON_BYTES

    bomb = _gzip_bomb(MAX_JSON_BYTES + (16 << 20))  # ~270 KB that expands past the ceiling
    assert len(bomb) < 1 << 20
    with pytest.raises(TrackImportError, match="gzip bomb"):
        read_tracks(write("trace_full_abc123.json", bomb))


def test_readsb_truncated_gzip_is_a_clear_error(write):
    import gzip

    data = gzip.compress(b'{"icao":"abc123","timestamp":1,"trace":[]}' * 100)
    with pytest.raises(TrackImportError, match="gzip"):
        read_tracks(write("trace_full_abc123.json", data[: len(data) // 2]))


def test_huge_readsb_json_is_refused(write, monkeypatch):
    from viewer.io import readsb_reader

    monkeypatch.setattr(readsb_reader, "MAX_JSON_BYTES", 1 << 20)  # the ceiling, made small
    doc = b'{"icao":"abc123","timestamp":1,"trace":[' + b"[0,1,2,3,4,5,0]," * 100_000 + b"[0]]}"
    with pytest.raises(TrackImportError, match="larger than"):
        read_tracks(write("trace_full_abc123.json", doc))


def test_deeply_nested_readsb_json_is_refused(write):
    doc = b'{"now":1,"aircraft":' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with pytest.raises(TrackImportError):
        read_tracks(write("aircraft.json", doc))


@pytest.mark.parametrize(
    "bad", ["../evil.txt.acmi", "/etc/evil.txt.acmi", "a/../../evil.acmi", "C:\\evil.acmi"]
)
def test_zip_acmi_with_unsafe_paths_is_refused(write, tmp_path, bad):
    path = write("evil.zip.acmi", _kmz([(bad, "FileType=text/acmi/tacview\n")]))
    with pytest.raises(TrackImportError, match="unsafe path"):
        read_tracks(path)
    assert not (tmp_path.parent / "evil.txt.acmi").exists()


def test_zip_acmi_bomb_is_refused(write, monkeypatch):
    from viewer.io import acmi_reader

    monkeypatch.setattr(acmi_reader, "MAX_ACMI_BYTES", 8 << 20)
    text = b"FileType=text/acmi/tacview\nFileVersion=2.2\n" + b"//" * (10 << 20)
    with pytest.raises(TrackImportError, match="zip bomb"):
        read_tracks(write("bomb.zip.acmi", _kmz([("bomb.txt.acmi", text)])))
