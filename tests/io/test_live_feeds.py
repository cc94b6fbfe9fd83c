"""Live feeds end to end on 127.0.0.1: test servers replay recorded streams at speed; the store's
tracks, the alerts and the recording equal what the same data gives when read as a file."""

from __future__ import annotations

import base64
import http.server
import threading
from pathlib import Path
from typing import ClassVar

import numpy as np
import pytest

from tests.io import modes_encode as modes
from tests.io.feed_servers import (
    Background,
    TcpReplayServer,
    free_udp_port,
    send_udp,
    wait_until,
)
from viewer.core.catalog import load_catalog
from viewer.core.tracks import TrackSet
from viewer.core.zones import compute_zone_events
from viewer.io.live.hub import LiveHub
from viewer.io.live.transport import CONNECTED, RECONNECTING, FeedConfig
from viewer.io.registry import ReadOptions, load_trackset

DATA = Path(__file__).resolve().parents[1] / "data" / "live"
FAST = FeedConfig(backoff_s=0.05, backoff_max_s=0.4, read_timeout_s=0.05)


@pytest.fixture
def server():
    srv = TcpReplayServer()
    yield srv
    srv.close()


@pytest.fixture(scope="module")
def zones():
    return load_catalog().analysis_zones()


def make_hub(tmp_path, zones=None, **feed) -> LiveHub:
    return LiveHub(zones=zones, record_dir=tmp_path / "rec", feed_config=FeedConfig(**{
        **FAST.__dict__, **feed}))  # fmt: skip


def pump(hub: LiveHub, until, timeout: float = 15.0) -> list:
    alerts: list = []

    def done() -> bool:
        alerts.extend(hub.poll().alerts)
        return until()

    wait_until(done, timeout)
    return alerts


def assert_same(live: TrackSet, file: TrackSet, text: bool = True) -> None:
    assert list(live.ids) == list(file.ids)
    np.testing.assert_array_equal(live.offsets, file.offsets)
    for name in ("t", "lon", "lat", "x", "y", "alt_m", "speed_kt", "heading_deg"):
        np.testing.assert_array_equal(getattr(live, name), getattr(file, name), err_msg=name)
    if text:
        for name in ("kinds", "callsigns", "labels", "sides"):
            assert list(getattr(live, name)) == list(getattr(file, name)), name


def recorded(hub: LiveHub, suffix: str) -> list[Path]:
    hub.stop()
    (feed,) = hub.feeds
    assert feed.recorder is not None
    return [p for p in feed.recorder.paths if p.name.endswith(suffix)]


def alert_keys(alerts) -> list[tuple]:
    return sorted((a.track_id, round(a.time, 3), a.zone_id, a.event) for a in alerts)


def event_keys(events) -> list[tuple]:
    return sorted(
        (r.track_id, round(r.time.timestamp(), 3), r.zone_id, r.event)
        for r in events.itertuples(index=False)
    )


# ---------------------------------------------------------------------------- replays at speed
@pytest.mark.parametrize(
    ("sample", "scheme", "options"),
    [
        ("taiwan_strait.sbs", "sbs", ReadOptions(tz="Asia/Taipei")),
        ("taiwan_strait.nmea", "nmea+tcp", ReadOptions()),
        ("taiwan_strait.cot", "cot+tcp", ReadOptions()),
    ],
)
def test_a_replayed_stream_gives_the_files_tracks_alerts_and_recording(
    tmp_path, server, zones, sample, scheme, options
):
    path = DATA / sample
    file_ts, _ = load_trackset(path, options=options)
    hub = make_hub(tmp_path, zones)
    tz = "?tz=Asia/Taipei" if scheme == "sbs" else ""
    hub.add_source(f"{scheme}://127.0.0.1:{server.port}{tz}")
    hub.start()
    server.accept()
    server.send(path.read_bytes(), pieces=37)  # as fast as the socket takes it
    alerts = pump(hub, lambda: hub.store.n_fixes == file_ts.n_fixes)
    assert_same(hub.snapshot().trackset, file_ts)
    assert alert_keys(alerts) == event_keys(compute_zone_events(file_ts, zones))
    raw = recorded(hub, Path(sample).suffix)
    assert raw[0].read_bytes().replace(b"\r\n", b"\n") == path.read_bytes().replace(b"\r\n", b"\n")
    assert_same(load_trackset(raw[0], options=options)[0], file_ts)
    (fixes_csv,) = recorded(hub, ".fixes.csv")
    assert_same(load_trackset(fixes_csv)[0], file_ts, text=False)


def test_nmea_datagrams_without_tag_blocks_replay_from_the_recording(tmp_path):
    lines = [
        line.split(b"\\")[-1]  # the bare sentence, as a receiver sends it over UDP
        for line in (DATA / "taiwan_strait.nmea").read_bytes().splitlines()
    ]
    port = free_udp_port()
    hub = make_hub(tmp_path)
    hub.add_source(f"nmea+udp://127.0.0.1:{port}")
    hub.start()
    wait_until(lambda: hub.status()[0].state == "listening")
    # spaced: untimed sentences take their arrival time, to the millisecond
    send_udp(lines, port, pause=0.003)
    pump(hub, lambda: hub.store.n_fixes == 55)
    live = hub.snapshot().trackset
    (raw,) = recorded(hub, ".nmea")
    assert_same(load_trackset(raw)[0], live)  # the arrival times were written as tag blocks


def test_cot_over_udp_multicast_on_the_loopback_interface(tmp_path):
    events = (DATA / "taiwan_strait.cot").read_bytes().splitlines()
    port = free_udp_port()
    hub = make_hub(tmp_path)
    hub.add_source(f"cot+udp://239.2.3.1:{port}")
    hub.start()
    wait_until(lambda: hub.status()[0].state == "listening")
    send_udp(events, port, group="239.2.3.1")
    pump(hub, lambda: hub.store.n_fixes == 40)
    assert_same(hub.snapshot().trackset, load_trackset(DATA / "taiwan_strait.cot")[0])


def test_beast_frames_decode_into_the_store_and_the_fixes_file(tmp_path, server):
    frames = [modes.beast_frame(modes.identification("780A01", "CES2185"))]
    frames += [modes.beast_frame(modes.velocity("780A01", 450, 90.0))]
    for i in range(40):
        frames.append(
            modes.beast_frame(
                modes.airborne_position("780A01", 24.4, 119.0 + i * 0.03, 31000, i % 2 == 1),
                mlat=12_000_000 * (i + 1),  # 0 would mean "no MLAT data"
            )
        )
    hub = make_hub(tmp_path)
    hub.add_source(f"beast://127.0.0.1:{server.port}")
    hub.start()
    server.accept()
    server.send(b"".join(frames))  # all in one read: the MLAT counter tells them apart
    pump(hub, lambda: hub.store.n_fixes == 40)
    live = hub.snapshot().trackset
    np.testing.assert_allclose(live.lon, 119.0 + np.arange(40) * 0.03, atol=1e-3)
    np.testing.assert_allclose(np.diff(live.t), 1.0)  # 12,000,000 ticks of the 12 MHz counter
    assert list(live.callsigns) == ["CES2185"]
    (fixes_csv,) = recorded(hub, ".fixes.csv")
    assert_same(load_trackset(fixes_csv)[0], live, text=False)
    (raw,) = recorded(hub, ".beast")
    assert raw.read_bytes() == b"".join(frames)


# ---------------------------------------------------------------------------- faults
def test_drops_garbage_half_lines_late_times_and_a_burst_lose_nothing_valid(tmp_path, server):
    valid = (DATA / "taiwan_strait.sbs").read_bytes().replace(b"\r\n", b"\n").splitlines(True)
    hub = make_hub(tmp_path)
    hub.add_source(f"sbs://127.0.0.1:{server.port}?tz=Asia/Taipei")
    hub.start()

    def script() -> None:
        server.accept()
        server.send(b"".join(valid[:100]), pieces=9)
        server.send(b"\x00\x01\x02 garbage \xff\xfe\n" * 50)  # garbage
        server.send(valid[100][:30])  # half a line, then the connection drops
        server.drop()
        server.accept()  # the feed reconnects with backoff
        late = valid[150:200][::-1]  # out-of-order times
        server.send(b"".join(late) + b"".join(valid[100:150]) + b"".join(valid[200:]))
        server.drop()

    play = Background(script)
    states = set()
    pump(hub, lambda: states.add(hub.status()[0].state) or hub.store.n_fixes == 120)
    play.join()
    assert RECONNECTING in states or hub.status()[0].reconnects >= 1
    status = hub.status()[0]
    assert status.messages == len(valid)
    assert "half line at a dropped connection" in status.skipped
    assert status.skipped_total == 51
    file_ts, _ = load_trackset(DATA / "taiwan_strait.sbs", options=ReadOptions(tz="Asia/Taipei"))
    assert_same(hub.snapshot().trackset, file_ts)
    (raw,) = recorded(hub, ".sbs")
    assert sorted(raw.read_bytes().splitlines(True)) == sorted(valid)


def test_a_burst_of_10000_messages_in_a_second_is_recorded_whole(tmp_path, server):
    line = (
        "MSG,3,1,1,{hex},1,2021/10/04,14:00:{s:02d}.{ms:03d},2021/10/04,14:00:00.000,,31000,,,"
        "24.{lat:04d},120.{lon:04d},,,0,0,0,0\n"
    )
    burst = "".join(
        line.format(hex=f"{0x780000 + k % 2000:06X}", s=k // 2000, ms=k % 1000, lat=k % 9999,
                    lon=k % 9973)
        for k in range(10_000)
    ).encode()  # fmt: skip
    hub = make_hub(tmp_path)
    hub.add_source(f"sbs://127.0.0.1:{server.port}?tz=Asia/Taipei")
    hub.start()
    server.accept()
    server.send(burst, pieces=100)
    server.drop()
    # the feed thread counts a read's messages before it hands them over: wait for the store
    # too (a lost fix makes this time out and fail)
    pump(
        hub,
        lambda: hub.status()[0].messages == 10_000 and hub.store.n_fixes == 10_000,
        timeout=30,
    )
    assert hub.status()[0].shed == 0 and hub.store.n_fixes == 10_000
    (raw,) = recorded(hub, ".sbs")
    assert raw.read_bytes() == burst


def test_a_flood_over_the_rate_limit_is_recorded_shed_from_the_display_and_said(tmp_path, server):
    lines = (DATA / "taiwan_strait.sbs").read_bytes().replace(b"\r\n", b"\n")
    hub = make_hub(tmp_path, max_rate=50.0, burst=50.0)
    hub.add_source(f"sbs://127.0.0.1:{server.port}?tz=Asia/Taipei")
    hub.start()
    server.accept()
    server.send(lines, pieces=3)
    pump(hub, lambda: hub.status()[0].messages == len(lines.splitlines()))
    status = hub.status()[0]
    assert status.shed > 0 and hub.store.n_fixes < 120
    assert "flood" in status.warnings[0] and "recorded but not shown" in status.warnings[0]
    (raw,) = recorded(hub, ".sbs")
    assert raw.read_bytes() == lines


def test_a_refused_connection_backs_off_and_says_so(tmp_path):
    server = TcpReplayServer()
    port = server.port
    server.close()  # nothing listens there now
    hub = make_hub(tmp_path)
    hub.add_source(f"sbs://127.0.0.1:{port}?tz=UTC")
    hub.start()
    wait_until(lambda: hub.status()[0].errors >= 3)
    status = hub.status()[0]
    hub.stop()
    assert status.state == RECONNECTING
    assert "connection refused; retrying in" in status.detail and "attempt" in status.detail


def test_a_feed_that_comes_back_is_connected_again(tmp_path, server):
    hub = make_hub(tmp_path)
    hub.add_source(f"sbs://127.0.0.1:{server.port}?tz=UTC")
    hub.start()
    server.accept()
    wait_until(lambda: hub.status()[0].state == CONNECTED)
    server.drop()
    server.accept()
    wait_until(lambda: hub.status()[0].state == CONNECTED and hub.status()[0].reconnects == 1)
    hub.stop()


# ---------------------------------------------------------------------------- polled JSON
class _OpenSkyHandler(http.server.BaseHTTPRequestHandler):
    bodies: ClassVar[list[bytes]] = []
    auth = "Basic " + base64.b64encode(b"teacher:s3cret").decode()

    def do_GET(self) -> None:
        if self.headers.get("Authorization") != self.auth:
            self.send_response(401)
            self.end_headers()
            return
        body = self.bodies[min(self.server.polls, len(self.bodies) - 1)]  # type: ignore[attr-defined]
        self.server.polls += 1  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def opensky():
    import json

    def body(t: int, lon: float) -> bytes:
        state = ["8990a1", "EVA12   ", "Taiwan", t, t, lon, 24.0, 10668.0, False, 231.5, 270.0,
                 0.0, None, 10700.0, "1234", False, 0]  # fmt: skip
        return json.dumps({"time": t + 1, "states": [state]}).encode()

    _OpenSkyHandler.bodies = [body(1633327200 + 10 * i, 123.6 - 0.05 * i) for i in range(5)]
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _OpenSkyHandler)
    httpd.polls = 0  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def test_a_polled_json_endpoint_with_credentials(tmp_path, opensky):
    port = opensky.server_address[1]
    hub = make_hub(tmp_path)
    hub.add_source(f"http://teacher:s3cret@127.0.0.1:{port}/api/states/all#poll=0.05")
    hub.start()
    pump(hub, lambda: hub.store.n_fixes == 5)
    ts = hub.snapshot().trackset
    np.testing.assert_allclose(ts.lon, 123.6 - 0.05 * np.arange(5))
    assert list(ts.callsigns) == ["EVA12"]
    (raw,) = recorded(hub, ".json")
    assert b"s3cret" not in (raw.parent / "feed.json").read_bytes()
    assert len(raw.read_bytes().splitlines()) >= 5
    # the responses, one a line, read back as OpenSky states: the same fixes
    assert_same(load_trackset(raw)[0], ts, text=False)


def test_wrong_credentials_are_said_not_retried_in_a_loop(tmp_path, opensky):
    port = opensky.server_address[1]
    hub = make_hub(tmp_path)
    hub.add_source(f"http://teacher:wrong@127.0.0.1:{port}/api/states/all#poll=0.05")
    hub.start()
    wait_until(lambda: hub.status()[0].errors >= 2)
    status = hub.status()[0]
    hub.stop()
    assert "HTTP 401: check the credentials" in status.detail
