"""Feed protocols: framing, decoding and what they skip, fed as networks cut bytes."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from tests.io import modes_encode as modes
from viewer.core.live_store import NS, Fix, TrackInfo
from viewer.io.ais_decoder import tag_block
from viewer.io.live.beast import BeastProtocol
from viewer.io.live.opensky import OpenSkyProtocol
from viewer.io.live.protocols import CotProtocol, NmeaProtocol, SbsProtocol
from viewer.io.live.sources import LOOPBACK, parse_source

DATA = Path(__file__).resolve().parents[1] / "data" / "live"
T = 1_633_327_200 * NS  # 2021-10-04T06:00:00Z, 14:00 in Taipei


def chunks(data: bytes, sizes: list[int]) -> list[bytes]:
    out, i, k = [], 0, 0
    while i < len(data):
        size = sizes[k % len(sizes)]
        out.append(data[i : i + size])
        i += size
        k += 1
    return out


def run(protocol, data: bytes, sizes=(7, 1, 300, 64)):
    messages = []
    for chunk in chunks(data, list(sizes)):
        messages += protocol.feed(chunk, T)
    messages += protocol.end(T)
    return messages


def fixes_of(messages) -> list[Fix]:
    return [f for m in messages for f in m.fixes]


# ---------------------------------------------------------------------------- SBS-1
def test_sbs_stream_cut_anywhere_gives_every_line_once():
    data = (DATA / "taiwan_strait.sbs").read_bytes()
    whole = run(SbsProtocol("Asia/Taipei"), data, sizes=[len(data)])
    cut = run(SbsProtocol("Asia/Taipei"), data)
    assert [m.raw for m in cut] == [m.raw for m in whole]
    assert b"".join(m.raw for m in cut) == data.replace(b"\r\n", b"\n")
    assert len(fixes_of(cut)) == 120
    first = fixes_of(cut)[0]
    assert first.track_id == "780a01" and first.t_ns == T  # 14:00 Taipei is 06:00Z
    assert first.alt_m == pytest.approx(31000 * 0.3048)


def test_sbs_garbage_half_lines_and_hostile_lines_are_counted_and_skipped():
    good = (
        b"MSG,3,1,1,780A01,1,2021/10/04,14:00:00.000,2021/10/04,14:00:00.000,,31000,,,24.4,"
        b"119.0,,,0,0,0,0\n"
    )
    sbs = SbsProtocol("Asia/Taipei")
    data = (
        b"\x00\xff garbage\n"
        + b"A" * 5000  # no newline for 5 kB: dropped whole
        + b"\nMSG,3,1,1,ZZZZZZ,1,2021/10/04,14:00:00.000,,,,,,,1,2\n"
        + b"MSG,3,1,1,780A01,1,2021/13/45,25:00:00.000,,,,31000,,,24.4,119.0\n"
        + b"MSG,3,1,1,780A01,1,2021/10/04,14:00:00.000,,,,31000,,,95.0,119.0\n"
        + good
        + b"MSG,3,1,1,780A01,1,2021/10/04,14:00:10.000,2021/10"  # the connection drops here
    )
    messages = run(sbs, data)
    assert [m.raw for m in messages] == [good]
    assert sum(sbs.skipped.values()) == 6
    assert any("half line" in r for r in sbs.skipped)
    assert any("longer than 512" in r for r in sbs.skipped)


def test_sbs_clock_zone_is_inferred_from_a_live_receiver():
    sbs = SbsProtocol(None)
    line = (
        b"MSG,3,1,1,780A01,1,2021/10/04,14:00:01.500,2021/10/04,14:00:01.500,,31000,,,24.4,"
        b"119.0,,,0,0,0,0\n"
    )
    (message,) = sbs.feed(line, T + 3 * NS)  # arrived 1.5 s after it was stamped
    assert message.fixes[0].t_ns == T + 1_500_000_000
    assert sbs.zone == "Etc/GMT-8" and "UTC+08:00 (inferred)" in sbs.notes[0]


def test_sbs_clock_that_is_not_live_gives_arrival_times_and_says_so():
    sbs = SbsProtocol(None)
    line = b"MSG,3,1,1,780A01,1,2008/11/28,14:53:50.594,,,,37000,,,24.4,119.0,,,0,0,0,0\n"
    (message,) = sbs.feed(line, T)
    assert message.fixes[0].t_ns == T and "arrival time" in sbs.notes[0]


# ---------------------------------------------------------------------------- AIS NMEA
def test_nmea_stream_decodes_multipart_names_and_not_available_values():
    data = (DATA / "taiwan_strait.nmea").read_bytes()
    nmea = NmeaProtocol()
    messages = run(nmea, data)
    infos = [i for m in messages for i in m.infos]
    assert infos == [TrackInfo("412000001", callsign="HAIJING 2302")]
    fixes = fixes_of(messages)
    assert len(fixes) == 55 and {f.kind for f in fixes} == {"ship"}
    class_b = [f for f in fixes if f.track_id == "416000002"]
    assert {f.heading_deg for f in class_b} == {90.0}  # heading 511: the course instead
    assert sum(math.isnan(f.speed_kt) for f in class_b) == 1  # SOG 102.3: not available
    assert nmea.skipped == {"position not available (181/91)": 1}
    assert b"".join(m.raw for m in messages) == data.replace(b"\r\n", b"\n")


def test_nmea_without_a_tag_block_gets_the_arrival_time_written_into_the_recording():
    line = b"!AIVDM,1,1,,A,168rO0OP1p8mTBP>EFt00041P000,0*45"
    nmea = NmeaProtocol()
    arrival = T + 123_456_789
    (message,) = nmea.feed_datagram(line, arrival)  # UDP: no newline needed
    ms = (T + 123_456_789) // 1_000_000
    assert message.raw == tag_block(f"c:{ms}").encode() + line + b"\n"
    assert message.fixes[0].t_ns == int(ms / 1000.0 * 1e9)


def test_nmea_bad_checksums_and_garbage_are_not_recorded():
    nmea = NmeaProtocol()
    bad = b"!AIVDM,1,1,,A,168rO0OP1p8mTBP>EFt00041P000,0*46\n"
    messages = run(nmea, b"hello\n" + bad + b"$GPGGA,garbage\n")
    assert messages == [] and sum(nmea.skipped.values()) == 3


# ---------------------------------------------------------------------------- Cursor-on-Target
def test_cot_events_split_across_reads_each_parsed_once():
    data = (DATA / "taiwan_strait.cot").read_bytes()
    cot = CotProtocol()
    messages = run(cot, b'<?xml version="1.0" encoding="UTF-8"?>\n' + data, sizes=[13, 200])
    fixes = fixes_of(messages)
    assert len(fixes) == 40 and cot.skipped == {}
    bandit = fixes[0]
    assert (bandit.track_id, bandit.kind, bandit.side, bandit.callsign) == (
        "J16-01",
        "fighter",
        "hostile",
        "Bandit 1",
    )
    assert bandit.t_ns == T and bandit.alt_m == 7000.0


def test_cot_hostile_and_broken_events_are_counted_and_skipped():
    laughs = (
        b'<!DOCTYPE e [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
        b'<event uid="x" time="2021-10-04T06:00:00Z"><point lat="1" lon="1"/>&b;</event>'
    )
    good = (
        b'<event version="2.0" uid="u" type="a-h-A-M-F-F" time="2021-10-04T06:00:00Z">'
        b'<point lat="25.0" lon="119.5" hae="9999999.0"/></event>'
    )
    cot = CotProtocol()
    messages = run(
        cot,
        laughs
        + b"<event uid='big'>"
        + b"x" * (70 * 1024)
        + b"</event>"
        + b'<event uid="t" time="yesterday"><point lat="1" lon="2"/></event>'
        + b"\xbf\x01\x00protobuf"
        + good
        + b'<event uid="half" time="2021-10-04T06:00:00Z"><point lat',
        sizes=[4096],
    )
    (fix,) = fixes_of(messages)
    assert fix.track_id == "u" and math.isnan(fix.alt_m)  # hae 9999999.0: not known
    reasons = " | ".join(cot.skipped)
    # the DTD before the event is dropped as garbage, and its entity is then undefined
    expected_reasons = ("not CoT XML", "malformed XML", "larger than 64 KiB", "unreadable time")
    for expected in (*expected_reasons, "protobuf"):
        assert expected in reasons
    assert "half event" in reasons


# ---------------------------------------------------------------------------- Beast
def test_beast_frame_from_the_format_page_unescapes():
    # the example frame of the Beast format description: MLAT 9063047285610, signal 0x1a
    frame = bytes.fromhex("1a32083e27b6cb6a1a1a00a1841a1ac3b31d")
    beast = BeastProtocol()
    (message,) = run(beast, frame + b"\x1a3", sizes=[3])  # followed by the start of a frame
    assert message.raw == frame and message.fixes == ()
    assert beast.last_mlat == 9063047285610


def test_beast_adsb_is_decoded_positions_from_the_first_frame():
    icao = "780A01"
    frames = [modes.beast_frame(modes.identification(icao, "CES2185"), mlat=1)]
    frames.append(modes.beast_frame(modes.velocity(icao, 450, 90.0), mlat=2))
    lons = [119.30 + 0.01 * i for i in range(6)]
    for i, lon in enumerate(lons):
        position = modes.airborne_position(icao, 24.4, lon, 31000, odd=i % 2 == 1)
        frames.append(modes.beast_frame(position))
    data = b"\x00\x1a\x1a garbage" + b"".join(frames)
    beast = BeastProtocol()
    messages = run(beast, data, sizes=[5, 50])
    assert len(messages) == 8
    assert messages[0].infos == (TrackInfo("780a01", callsign="CES2185", kind=""),)
    fixes = fixes_of(messages)
    assert len(fixes) == 6  # the first one already, decoded against the Taiwan reference
    np.testing.assert_allclose([f.lon for f in fixes], lons, atol=1e-3)
    np.testing.assert_allclose([f.lat for f in fixes], 24.4, atol=1e-3)
    assert {f.callsign for f in fixes} == {"CES2185"} and fixes[0].speed_kt == 450
    assert fixes[0].alt_m == pytest.approx(31000 * 0.3048)
    assert beast.skipped["bytes outside Beast frames"] > 0


def test_beast_crc_errors_and_cut_frames_are_skipped():
    good = modes.airborne_position("780A01", 24.4, 119.3, 31000, False)
    corrupt = good[:10] + ("0" if good[10] != "0" else "1") + good[11:]
    frame = modes.beast_frame(good)
    beast = BeastProtocol()
    messages = run(beast, frame[:12] + modes.beast_frame(corrupt) + frame, sizes=[64])
    assert len(messages) == 1 and len(messages[0].fixes) == 1
    assert beast.skipped["cut Beast frame (a new frame began inside it)"] == 1
    assert beast.skipped["ADS-B frame with a CRC error"] == 1


# ---------------------------------------------------------------------------- OpenSky JSON
def opensky_body(time: int, states: list) -> bytes:
    return json.dumps({"time": time, "states": states}).encode()


def state(icao="8990a1", t=1633327200, lon=121.5, lat=24.0, alt=10668.0, v=231.5, trk=270.0):
    return [icao, "EVA12   ", "Taiwan", t, t, lon, lat, alt, False, v, trk, 0.0, None, alt,
            "1234", False, 0]  # fmt: skip


def test_opensky_states_become_fixes_once_each():
    proto = OpenSkyProtocol()
    (m1,) = proto.feed(opensky_body(1633327205, [state(), state("abc", lon=None, lat=None)]), T)
    (m2,) = proto.feed(opensky_body(1633327215, [state()]), T)  # the same position again
    assert len(m1.fixes) == 1 and m2.fixes == ()
    fix = m1.fixes[0]
    assert (fix.track_id, fix.callsign, fix.t_ns) == ("8990a1", "EVA12", T)
    assert fix.speed_kt == pytest.approx(231.5 / (1852 / 3600))  # m/s to knots
    assert fix.alt_m == 10668.0
    assert proto.feed(b"<html>busy</html>", T) == [] and proto.skipped


# ---------------------------------------------------------------------------- sources
def test_sources_parse_and_listen_on_loopback_unless_told():
    assert parse_source("nmea+udp://:10110").interface == LOOPBACK
    assert parse_source("nmea+udp://0.0.0.0:10110").interface == "0.0.0.0"
    cot = parse_source("cot+udp://")
    assert (cot.host, cot.port, cot.multicast, cot.interface) == ("239.2.3.1", 6969, True, LOOPBACK)
    sbs = parse_source("sbs://receiver.local?tz=Asia/Taipei")
    assert (sbs.port, sbs.tz) == (30003, "Asia/Taipei")
    web = parse_source("https://me:secret@example.org/api/states/all?lamin=21#poll=5")
    assert web.url == "https://example.org/api/states/all?lamin=21" and web.poll_s == 5
    assert (web.username, web.password) == ("me", "secret")
    for bad in ("ftp://x", "sbs://", "nmea+tcp://host", "beast://h:99999", "nmea+udp://name:1"):
        with pytest.raises(ValueError, match="source"):
            parse_source(bad)
