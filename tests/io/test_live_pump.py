"""The pump: a hub polled from its own thread, frames of what the picture needs, and the
recording of a feed read back as one track file."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from tests.io.feed_servers import TcpReplayServer, wait_until
from tests.io.test_live_feeds import FAST, assert_same
from viewer.core.live_tracks import RECENT_S, LiveRequest
from viewer.core.slicing import _INDEXES
from viewer.io.live.hub import LiveHub
from viewer.io.live.pump import LivePump
from viewer.io.registry import ReadOptions, detect_format, load_trackset
from viewer.io.report import TrackImportError

DATA = Path(__file__).resolve().parents[1] / "data" / "live"
SAMPLE = DATA / "taiwan_strait.sbs"
TAIPEI = ReadOptions(tz="Asia/Taipei")


@pytest.fixture
def server():
    srv = TcpReplayServer()
    yield srv
    srv.close()


class Frames:
    def __init__(self) -> None:
        self.frames: list = []
        self.threads: set[str] = set()
        self.lock = threading.Lock()

    def __call__(self, frame) -> None:
        with self.lock:
            self.frames.append(frame)
            self.threads.add(threading.current_thread().name)

    def last(self, what: str):
        with self.lock:
            return next((getattr(f, what) for f in reversed(self.frames) if getattr(f, what)), None)


def test_frames_carry_the_recent_tracks_the_window_and_the_alerts(tmp_path, server):
    file_ts, _ = load_trackset(SAMPLE, options=TAIPEI)
    hub = LiveHub(record_dir=tmp_path / "rec", feed_config=FAST)
    frames = Frames()
    pump = LivePump(hub, frames, poll_s=0.02)
    pump.request = LiveRequest(trail_s=600.0)
    name = pump.call(lambda h: h.add_source(f"sbs://127.0.0.1:{server.port}?tz=Asia/Taipei"))
    pump.call(lambda h: h.start())  # before start: run at once, on this thread
    assert name.done()
    pump.start()
    try:
        server.accept()
        server.send(SAMPLE.read_bytes(), pieces=10)
        wait_until(lambda: hub.store.n_fixes == file_ts.n_fixes)
        wait_until(lambda: frames.last("window") is not None
                   and frames.last("window").trackset.n_fixes == file_ts.n_fixes)  # fmt: skip
    finally:
        pump.stop()
    assert frames.threads == {"live pump"}
    window = frames.last("window").trackset  # the trail (10 min: the whole sample)
    assert_same(window, file_ts)
    recent = frames.last("recent").trackset
    newest = file_ts.t.max()
    for k in range(recent.n_tracks):  # the last seconds of each track, or its last fix alone
        t = recent.t[recent.track_slice(k)]
        assert t[-1] == file_ts.t[file_ts.track_slice(k)][-1]
        assert len(t) == 1 or t[1] >= newest - RECENT_S
    assert recent in _INDEXES and window in _INDEXES  # indexed on the pump's thread
    assert sum(n for f in frames.frames for _, n in f.arrivals) == hub.status()[0].messages
    assert frames.last("feeds")[0].state in ("connected", "stopped")
    assert frames.last("activity") is not None


def test_a_dvr_request_freezes_the_stretch_around_the_time_shown(tmp_path, server):
    file_ts, _ = load_trackset(SAMPLE, options=TAIPEI)
    hub = LiveHub(feed_config=FAST)
    frames = Frames()
    pump = LivePump(hub, frames, poll_s=0.02)
    pump.call(lambda h: h.add_source(f"sbs://127.0.0.1:{server.port}?tz=Asia/Taipei")).result()
    pump.call(lambda h: h.start())
    pump.start()
    try:
        server.accept()
        server.send(SAMPLE.read_bytes())
        wait_until(lambda: hub.store.n_fixes == file_ts.n_fixes)
        t0 = float(file_ts.t.min())
        asked = LiveRequest(trail_s=60.0, dvr=(t0, t0 + 100.0))
        pump.request = asked
        wait_until(lambda: any(f.window_request is asked for f in list(frames.frames)))
    finally:
        pump.stop()
    frame = next(f for f in frames.frames if f.window_request is asked)
    ts = frame.window.trackset
    for k in range(ts.n_tracks):  # up to the fix after the window's end, no further
        t = ts.t[ts.track_slice(k)]
        assert (t[:-1] <= t0 + 100.0).all()


def test_what_the_pump_runs_for_the_window_fails_there_and_is_said(tmp_path):
    hub = LiveHub()
    pump = LivePump(hub, Frames(), poll_s=0.02)
    pump.start()
    try:
        bad = pump.call(lambda h: h.add_source("sbs://"))
        with pytest.raises(ValueError, match="give the host"):
            bad.result(timeout=5)
        with pytest.raises(KeyError, match="no feed named 'x'"):
            pump.call(lambda h: h.remove_source("x")).result(timeout=5)
    finally:
        pump.stop()


def test_a_recording_reads_back_as_one_track_file_across_its_hours(tmp_path, server):
    file_ts, _ = load_trackset(SAMPLE, options=TAIPEI)
    hub = LiveHub(record_dir=tmp_path / "rec", feed_config=FAST)
    hub.add_source(f"sbs://127.0.0.1:{server.port}?tz=Asia/Taipei&name=radar")
    hub.start()
    server.accept()
    server.send(SAMPLE.read_bytes())
    wait_until(lambda: (hub.poll(), hub.store.n_fixes)[1] == file_ts.n_fixes)
    hub.stop()
    folder = tmp_path / "rec" / "radar"
    # the same fixes split over two hours, as a feed running across an hour writes them
    (hour,) = folder.glob("*.fixes.csv")
    lines = hour.read_text().splitlines(True)
    half = 1 + (len(lines) - 1) // 2
    hour.write_text("".join(lines[:half]))
    (folder / "2099-01-01T00Z.fixes.csv").write_text(lines[0] + "".join(lines[half:]))
    assert detect_format(folder) == "recording"
    ts, report = load_trackset(folder)
    assert_same(ts, file_ts, text=False)
    assert ts.n_tracks == file_ts.n_tracks  # one track each, not one per hour
    assert "2 hourly files" in report.format
    assert report.fixes == file_ts.n_fixes
    assert any("sbs://127.0.0.1" in n for n in report.notices)
    assert json.loads((folder / "feed.json").read_text())["zone"] == "Asia/Taipei"


def test_a_recording_folder_without_fixes_is_said(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "feed.json").write_text("{}")
    with pytest.raises(TrackImportError, match=r"no \*\.fixes\.csv file"):
        load_trackset(folder)
