"""The replay in the window: loading in the background, the clock, keys, a pixel probe of a head."""

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from viewer.core.constants import NMI_IN_M
from viewer.core.geodesy import distance_m
from viewer.render.track_painter import KIND_COLORS

T0 = pd.Timestamp("2021-10-04T00:00:00Z").timestamp()


@pytest.fixture
def track_csv(tmp_path):
    path = tmp_path / "sortie.csv"
    path.write_text(
        "callsign,time,lat,lon,type\n"
        "BANDIT1,2021-10-04T00:00:00Z,22.0,120.0,J-16\n"
        "BANDIT1,2021-10-04T00:10:00Z,22.0,121.0,J-16\n"
        "SLOW2,2021-10-04T00:00:00Z,21.0,119.0,Y-8\n"
        "SLOW2,2021-10-04T00:20:00Z,21.2,119.0,Y-8\n"
    )
    return path


@pytest.fixture
def loaded(qtbot, window, track_csv):
    window.open_files([str(track_csv)])
    qtbot.waitUntil(lambda: len(window.session.tracks.items) == 1, timeout=10_000)
    return window


def test_loading_sets_the_timeline_to_the_data(loaded):
    tl = loaded.session.timeline
    assert (tl.start, tl.end) == (T0, T0 + 1200.0)
    assert "2 tracks" in loaded.last_message
    assert all(a.isEnabled() for a in loaded.replay.qt_timeline.actions())


def test_head_is_drawn_at_its_interpolated_position(loaded):
    loaded.session.timeline.set_time(T0 + 300.0)  # halfway along BANDIT1's leg: 120.5°E 22°N
    canvas = loaded.canvas
    image = loaded.scene.render_image(canvas.view)
    sx, sy = canvas.screen_of(120.5, 22.0)
    fighter = QColor(KIND_COLORS["fighter"])
    near = [
        image.pixelColor(round(sx) + dx, round(sy) + dy)
        for dx in range(-3, 4)
        for dy in range(-3, 4)
    ]
    assert any(
        abs(c.red() - fighter.red())
        + abs(c.green() - fighter.green())
        + abs(c.blue() - fighter.blue())
        < 60
        for c in near
    )
    # and not where it was a minute earlier's head would be wrong: 120.4°E is trail, not head
    picked = loaded.replay.track_painter.pick(sx, sy)
    assert picked is not None and picked[1] == 0


def test_space_plays_and_the_clock_advances(qtbot, loaded):
    loaded.activateWindow()
    tl = loaded.session.timeline
    tl.set_time(T0)
    qtbot.keyClick(loaded.canvas, Qt.Key_Space)
    assert tl.playing
    qtbot.waitUntil(lambda: tl.time > T0 + 30.0, timeout=5000)  # 1 s = 10 min: 30 s in 50 ms
    qtbot.keyClick(loaded.canvas, Qt.Key_Space)
    assert not tl.playing


def test_click_on_a_head_shows_its_details(qtbot, loaded):
    loaded.session.timeline.set_time(T0 + 300.0)
    loaded.canvas.repaint()
    sx, sy = loaded.canvas.screen_of(120.5, 22.0)
    qtbot.mouseClick(loaded.canvas, Qt.LeftButton, pos=QPoint(round(sx), round(sy)))
    text = loaded.replay.details.toPlainText()
    expected = float(distance_m(120.0, 22.0, 121.0, 22.0)) / NMI_IN_M
    assert "BANDIT1" in text and f"{expected:,.1f} nmi" in text
    assert "duration:  0 h 10 min" in text


def test_time_bound_layers_follow_the_clock(qtbot, window, tmp_path):
    path = tmp_path / "exercise.csv"
    path.write_text(
        "id,time,lat,lon\nA,2022-08-05T00:00:00Z,25,121\nA,2022-08-05T01:00:00Z,25,122\n"
    )
    window.open_files([str(path)])
    qtbot.waitUntil(lambda: len(window.session.tracks.items) == 1, timeout=10_000)
    ex = window.state.catalog.layer("exercise_2022_08")
    assert len(ex.features_at(window.state.when)) == len(ex.features)  # in force on 5 Aug 2022


def test_a_bad_track_file_gives_a_message_and_the_app_keeps_going(qtbot, window, tmp_path):
    bad = tmp_path / "broken.kml"
    bad.write_text("<kml><Placemark>")
    window.open_files([str(bad)])
    qtbot.waitUntil(lambda: not window.track_files._loading, timeout=10_000)
    assert "broken.kml" in window.last_error and "malformed XML" in window.last_error
    assert not window.track_files.progress_bar.isVisible()
    assert not np.isnan(window.canvas.view.scale)


def test_export_video_from_the_window(loaded, tmp_path):
    import imageio_ffmpeg

    out = tmp_path / "replay.mp4"
    keep = loaded.session.timeline.time
    assert loaded.exports.export_video(str(out), seconds=1.0, fps=8, size=(320, 240))
    reader = imageio_ffmpeg.read_frames(str(out))
    meta = next(reader)
    assert tuple(meta["size"]) == (320, 240) and sum(1 for _ in reader) == 8
    assert loaded.session.timeline.time == keep  # the clock is put back


def test_colour_by_side_uses_the_side_column(qtbot, window, tmp_path):
    from viewer.render.track_painter import SIDE_COLORS

    path = tmp_path / "sides.csv"
    path.write_text(
        "id,time,lat,lon,side\n"
        "R,2021-10-04T00:00:00Z,22.0,120.0,PLA\n"
        "R,2021-10-04T00:10:00Z,22.0,121.0,PLA\n"
    )
    window.open_files([str(path)])
    qtbot.waitUntil(lambda: len(window.session.tracks.items) == 1, timeout=10_000)
    assert list(window.session.tracks.items[0].trackset.sides) == ["PLA"]
    window.replay.set_colour_by("side")
    window.session.timeline.set_time(T0 + 300.0)
    image = window.scene.render_image(window.canvas.view)
    sx, sy = window.canvas.screen_of(120.5, 22.0)
    red = QColor(SIDE_COLORS[0][1])
    near = [
        image.pixelColor(round(sx) + dx, round(sy) + dy)
        for dx in range(-3, 4)
        for dy in range(-3, 4)
    ]
    assert any(
        abs(c.red() - red.red()) + abs(c.green() - red.green()) + abs(c.blue() - red.blue()) < 60
        for c in near
    )


def test_cancelling_a_big_load_leaves_the_app_usable(qtbot, window, tmp_path, track_csv):
    n = 400_000
    t = pd.to_datetime(1633305600 + np.arange(n) % 86400, unit="s", utc=True)
    big = tmp_path / "big.csv"
    pd.DataFrame(
        {
            "id": np.arange(n) // 100,
            "time": t.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "lat": 22.0,
            "lon": 120.0,
        }
    ).to_csv(big, index=False)
    window.open_files([str(big)])
    window.track_files.cancel_loading()
    qtbot.waitUntil(lambda: not window.track_files._loading, timeout=30_000)
    assert not window.session.tracks.items and not window.track_files.progress_bar.isVisible()
    window.open_files([str(track_csv)])  # and the next file loads as usual
    qtbot.waitUntil(lambda: len(window.session.tracks.items) == 1, timeout=10_000)
