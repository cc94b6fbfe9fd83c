"""Live feeds in the window, against test servers on 127.0.0.1: connecting, the tracks on the map
(pixel probes), Live / scrub back / Live, a dropped connection and its return in the status bar,
alerts on the map and in the events table, stale tracks, recordings replayed as files."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QColor

from tests.io.feed_servers import TcpReplayServer, free_udp_port
from tests.qt.live_helpers import eastbound, forget_live_settings, sbs_callsign
from viewer.core.catalog import load_catalog
from viewer.core.live_alerts import AlertRule
from viewer.core.live_store import StoreConfig
from viewer.core.live_tracks import LIVE_PATH
from viewer.core.zones import compute_zone_events
from viewer.io.registry import ReadOptions, load_trackset
from viewer.io.sbs_reader import SbsDecoder
from viewer.qt.live_settings import LiveSettings
from viewer.render.track_painter import KIND_COLORS

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "live" / "taiwan_strait.sbs"
SPEED = 40.0  # the 400 s recording played in 10 s
ALERT_LIMIT_S = 1.0  # an alert in the window within a second of the message that crosses
GREY = QColor(KIND_COLORS["unknown"])  # SBS says nothing of the kind: unknown, grey


@pytest.fixture
def live_window(window, tmp_path):
    forget_live_settings()
    window.live.settings = LiveSettings()
    window.live.settings.record_dir = tmp_path / "recordings"  # never the user's Documents
    yield window
    window.live.shutdown()
    forget_live_settings()


@pytest.fixture
def server():
    srv = TcpReplayServer()
    yield srv
    srv.close()


def live_item(window):
    return next((i for i in window.session.tracks.items if i.path == LIVE_PATH), None)


def has_track(window, callsign: str) -> bool:
    item = live_item(window)
    return item is not None and callsign in list(item.trackset.callsigns)


def status_text(window) -> str:
    return " | ".join(item.plain_text() for item in window.live.status_items.values())


def near_colour(
    image, x: float, y: float, colour: QColor, radius: int = 4, tol: int = 40, at_least: int = 1
):
    """Whether ``at_least`` pixels within ``radius`` of (x, y) have ``colour`` (sum of channel
    differences under ``tol``)."""
    found = 0
    for dx in range(-radius, radius + 1):
        for dy in range(-radius, radius + 1):
            c = image.pixelColor(round(x) + dx, round(y) + dy)
            d = abs(c.red() - colour.red()) + abs(c.green() - colour.green())
            if d + abs(c.blue() - colour.blue()) < tol:
                found += 1
                if found >= at_least:
                    return True
    return False


def connect_eastbound(qtbot, window, server, n: int = 6, lon0: float = 121.6, lat: float = 22.5):
    """A feed with one aircraft, TEST1, flying east; returns the (lon, lat) of its last fix."""
    assert window.live.connect_feed(f"sbs://127.0.0.1:{server.port}?tz=UTC&name=receiver")
    server.accept()
    t0 = time.time() - 120
    lines = [
        sbs_callsign("7c0001", t0 - 1, "TEST1"),
        *eastbound("7c0001", t0, lon0, lat, n, 10.0, 0.05),
    ]
    server.send(b"".join(lines))
    qtbot.waitUntil(lambda: has_track(window, "TEST1"), timeout=10_000)
    item = live_item(window)
    qtbot.waitUntil(lambda: live_item(window).trackset.n_fixes >= 1, timeout=5_000)
    return lon0 + 0.05 * (n - 1), lat, item


def test_connecting_shows_the_feeds_aircraft_on_the_map(qtbot, live_window, server):
    lon, lat, _ = connect_eastbound(qtbot, live_window, server)
    qtbot.waitUntil(lambda: "connected" in status_text(live_window), timeout=10_000)
    canvas = live_window.canvas
    image = canvas.grab().toImage()
    sx, sy = canvas.screen_of(lon, lat)
    assert near_colour(image, sx, sy, GREY), "no head at the last fix"
    # held there between messages: 120 s after its last fix the aircraft is still shown
    assert not near_colour(image, *canvas.screen_of(lon - 0.6, lat), GREY)
    assert live_window.live.live_button.isVisible()
    assert "LIVE" in live_window.live.live_button.text()
    assert "receiver: connected" in status_text(live_window)
    assert "msg/s" in status_text(live_window)


def test_live_scrub_back_while_recording_then_live_again(qtbot, live_window, server):
    connect_eastbound(qtbot, live_window, server)
    session, live = live_window.session, live_window.session.live
    timeline = session.timeline
    qtbot.waitUntil(lambda: timeline.time == live.clock.newest, timeout=5_000)
    newest = live.clock.newest
    # drag the slider back 30 s: behind the live edge
    slider = live_window.replay.qt_timeline.slider
    slider.setValue(slider.value() - 30)
    assert not live.live
    assert timeline.time == pytest.approx(newest - 30, abs=1)
    button = live_window.live.live_button
    assert button.text() == "−30 s"
    # the feed keeps coming: recorded and stored while the picture stays where it was
    t1 = time.time() - 30
    server.send(b"".join(eastbound("7c0001", t1, 122.0, 22.5, 3, 5.0, 0.05)))
    qtbot.waitUntil(lambda: live.clock.newest >= t1 + 9.9, timeout=10_000)  # ms in SBS
    assert timeline.time == pytest.approx(newest - 30, abs=1)
    assert timeline.end >= t1 + 9.9
    qtbot.waitUntil(lambda: button.text().startswith("−") and "min" in button.text(),
                    timeout=5_000)  # fmt: skip
    # the picture behind the edge comes from the window around the time shown
    qtbot.waitUntil(lambda: live.window_request is not None and bool(live.window_request.dvr),
                    timeout=5_000)  # fmt: skip
    # Live: back to the newest fix
    button.click()
    assert live.live
    assert timeline.time == live.clock.newest
    assert "LIVE" in button.text()


def test_a_dropped_feed_reconnects_with_backoff_and_says_so(qtbot, live_window):
    first = TcpReplayServer()
    port = first.port
    assert live_window.live.connect_feed(f"sbs://127.0.0.1:{port}?tz=UTC&name=radar")
    first.accept()
    first.send(sbs_callsign("7c0002", time.time() - 5, "DROP1"))
    qtbot.waitUntil(lambda: "radar: connected" in status_text(live_window), timeout=10_000)
    first.close()  # the receiver goes away: refused, with backoff
    qtbot.waitUntil(lambda: "reconnecting in" in status_text(live_window), timeout=10_000)
    text = status_text(live_window)
    assert "(attempt" in text
    assert live_window.live.status_items["radar"].colour == "wait"
    again = TcpReplayServer(port)  # it comes back on the same port
    try:
        again.accept(timeout=40)
        again.send(b"".join(eastbound("7c0002", time.time() - 20, 121.0, 23.0, 2, 5.0, 0.01)))
        qtbot.waitUntil(lambda: "radar: connected" in status_text(live_window), timeout=10_000)
        qtbot.waitUntil(lambda: live_window.live.status_items["radar"].colour == "ok",
                        timeout=10_000)  # fmt: skip
    finally:
        again.close()


def test_zone_alerts_show_on_the_map_and_in_the_events_table(qtbot, live_window, server, tmp_path):
    live_window.live.set_rule(AlertRule(events=frozenset({"entry"})))
    assert live_window.live.connect_feed(f"sbs://127.0.0.1:{server.port}?tz=Asia/Taipei&name=sbs")
    server.accept()
    server.send(SAMPLE.read_bytes(), pieces=20, pause=0.02)
    file_ts, _ = load_trackset(SAMPLE, options=ReadOptions(tz="Asia/Taipei"))
    expected = compute_zone_events(file_ts, load_catalog().analysis_zones())
    panel = live_window.zone_events.events_panel
    qtbot.waitUntil(lambda: len(panel.all_events) == len(expected), timeout=20_000)
    events = panel.all_events
    assert events["live"].all()
    assert sorted(zip(events["track_id"], events["zone_id"], events["event"], strict=True)) == (
        sorted(zip(expected["track_id"], expected["zone_id"], expected["event"], strict=True))
    )
    notes = panel.model.data(panel.model.index(0, 7))
    assert "live" in notes
    # the notices on the map: the entries only (the rule), in words, near an edge
    toasts = live_window.live.toasts
    entries = expected[expected["event"] == "entry"]
    texts = [t.text for t in toasts.toasts]
    assert len(texts) == min(len(entries), 4)
    assert all(" entered " in t for t in texts)
    live_window.canvas.repaint()
    assert toasts.rects, "no notice drawn"
    image = live_window.canvas.grab().toImage()
    rect = toasts.rects[0]
    assert near_colour(image, rect.left() + 2, rect.center().y(), GREY, radius=1, tol=60)
    canvas_w = live_window.canvas.width()
    assert rect.right() > canvas_w - 40 or rect.left() < 40  # at an edge
    # ...and over none of the overlays (north arrow, legend, notice, scale bar... where the
    # layout put them on this frame)
    boxes = live_window.scene.overlay_layout.last.boxes
    assert "north_arrow" in boxes or "legend" in boxes, boxes.keys()
    assert not [
        (name, box) for name, box in boxes.items() for r in toasts.rects if r.intersects(box)
    ]
    assert live_window.last_message.endswith("UTC")


def test_a_recording_replays_as_a_file(qtbot, live_window, server, tmp_path):
    assert live_window.live.connect_feed(f"sbs://127.0.0.1:{server.port}?tz=Asia/Taipei&name=rec1")
    server.accept()
    server.send(SAMPLE.read_bytes())
    file_ts, _ = load_trackset(SAMPLE, options=ReadOptions(tz="Asia/Taipei"))
    hub = live_window.live.hub
    qtbot.waitUntil(lambda: hub.store.n_fixes == file_ts.n_fixes, timeout=20_000)
    live_window.live.disconnect_feed("rec1")
    assert not live_window.live.status_items
    folder = tmp_path / "recordings" / "rec1"
    live_window.live.open_recording(tmp_path / "recordings")  # the top folder: each feed
    qtbot.waitUntil(
        lambda: any(i.path == folder for i in live_window.session.tracks.items), timeout=20_000
    )
    replayed = next(i for i in live_window.session.tracks.items if i.path == folder).trackset
    assert list(replayed.ids) == list(file_ts.ids)
    assert replayed.n_fixes == file_ts.n_fixes
    assert (replayed.t == file_ts.t).all()


def test_a_track_with_no_message_fades_and_is_marked_stale(qtbot, live_window, server):
    lon, lat, _ = connect_eastbound(qtbot, live_window, server)
    hub = live_window.live.hub
    canvas = live_window.canvas
    sx, sy = canvas.screen_of(lon, lat)
    before = canvas.grab().toImage()
    assert near_colour(before, sx, sy, GREY, at_least=3)
    # stale after half a second without a message (the store's setting), on the next frame
    live_window.live.pump.call(lambda h: setattr(h.store, "config", StoreConfig(stale_after_s=0.5)))
    live = live_window.session.live
    qtbot.waitUntil(lambda: live.recent is not None and bool(live.recent.stale.all()),
                    timeout=10_000)  # fmt: skip
    # faded: no longer drawn grey (one anti-aliased edge pixel of the lighter icon may still
    # come within the tolerance, depending on where the head falls between pixels)
    qtbot.waitUntil(
        lambda: not near_colour(canvas.grab().toImage(), sx, sy, GREY, at_least=3), timeout=5_000
    )
    item = live_item(live_window)
    look = live.look(item.trackset)
    assert look is not None and look.stale is not None and look.stale.all()
    # still on the map (held), lighter: faded towards the sea under it
    faded = canvas.grab().toImage()
    darkest = min(
        faded.pixelColor(round(sx) + dx, round(sy) + dy).lightness()
        for dx in range(-3, 4)
        for dy in range(-3, 4)
    )
    assert darkest < 235  # something is drawn there
    assert hub.store.n_tracks == 1


def test_a_bad_feed_url_is_said_and_nothing_breaks(qtbot, live_window):
    assert not live_window.live.connect_feed("sbs://")
    assert "give the host" in live_window.last_error
    assert not live_window.live.connect_feed("ftp://example.org/feed")
    assert "expected a URL starting with" in live_window.last_error
    assert not live_window.live.status_items


def test_listening_feeds_bind_to_this_computer_unless_told(qtbot, live_window):
    port = free_udp_port()
    assert live_window.live.connect_feed(f"nmea+udp://:{port}?name=ais")
    feed = live_window.live.hub.feeds[0]
    assert feed.spec.interface == "127.0.0.1"
    qtbot.waitUntil(lambda: "ais: listening" in status_text(live_window), timeout=10_000)


def test_alerts_reach_the_window_within_a_second_of_the_crossing_message(
    qtbot, live_window, server
):
    """The recorded stream paced by its own clock (40x): each alert's row and notice are in the
    window within a second of the message that revealed it (the track's first position at or
    after the crossing time), measured on the wall clock from its send to the window's thread."""
    lines = SAMPLE.read_bytes().splitlines(True)
    decoder = SbsDecoder("Asia/Taipei")
    stamps = [getattr(decoder.decode(line.decode()), "t_ns", None) for line in lines]
    stamps = [s / 1e9 if s is not None else None for s in stamps]
    shown: list[tuple[float, object]] = []  # (wall clock, alert) as the window shows it
    live_window.session.live.events.connect(
        "alerts", lambda alerts: shown.extend((time.time(), a) for a in alerts)
    )
    assert live_window.live.connect_feed(f"sbs://127.0.0.1:{server.port}?tz=Asia/Taipei&name=pace")
    server.accept()
    sent_at: dict[int, float] = {}

    def play() -> None:  # the receiver, off the window's thread
        start, t0 = time.monotonic(), next(s for s in stamps if s is not None)
        for i, line in enumerate(lines):
            if stamps[i] is not None:
                time.sleep(max(0.0, start + (stamps[i] - t0) / SPEED - time.monotonic()))
            sent_at[i] = time.time()
            server.send(line)

    player = threading.Thread(target=play, daemon=True)
    player.start()
    file_ts, _ = load_trackset(SAMPLE, options=ReadOptions(tz="Asia/Taipei"))
    expected = compute_zone_events(file_ts, load_catalog().analysis_zones())
    qtbot.waitUntil(lambda: len(shown) >= len(expected) and not player.is_alive(), timeout=40_000)
    panel = live_window.zone_events.events_panel
    assert len(panel.all_events) == len(expected)
    latencies = []
    for seen, alert in shown:
        revealing = next(
            i
            for i, line in enumerate(lines)
            if stamps[i] is not None
            and stamps[i] >= alert.time - 1e-6
            and line.split(b",")[4].decode().lower() == alert.track_id
        )
        latencies.append(seen - sent_at[revealing])
    print(f"alert latencies in the window (s): {[round(x, 3) for x in latencies]}")
    assert len(latencies) == len(expected) and max(latencies) <= ALERT_LIMIT_S, latencies


def test_garbage_lines_are_skipped_and_the_status_item_says_so(qtbot, live_window, server):
    connect_eastbound(qtbot, live_window, server)
    server.send(b"hello there\r\nMSG,3,1,1,zzzz\r\n\xff\xfe\x00binary\n")
    server.send(b"".join(eastbound("7c0001", time.time() - 60, 122.0, 22.5, 2, 5.0, 0.05)))
    qtbot.waitUntil(lambda: "3 not understood, skipped" in status_text(live_window),
                    timeout=10_000)  # fmt: skip
    item = live_window.live.status_items["receiver"]
    assert item.colour == "ok"  # the valid lines still flow
    assert "not text (bytes outside ASCII)" in item.toolTip()
    assert live_item(live_window).trackset.n_fixes >= 1
