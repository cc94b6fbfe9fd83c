"""`adiz-viewer render` of tracks and briefings: PNG probes, MP4/GIF frame counts, PNG folders."""

import imageio_ffmpeg
import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from viewer.app import main
from viewer.qt.main_window import DEFAULT_BRIEFING
from viewer.render.track_painter import KIND_COLORS

CSV = (
    "callsign,time,lat,lon,type\n"
    "B1,2021-10-04T00:00:00Z,22.0,119.0,J-16\n"
    "B1,2021-10-04T01:00:00Z,22.0,121.0,J-16\n"
)


@pytest.fixture
def track_file(tmp_path):
    path = tmp_path / "one.csv"
    path.write_text(CSV)
    return path


def test_png_at_start_shows_the_head_where_it_is(tmp_path, track_file, qapp):
    out = tmp_path / "f.png"
    code = main(
        [
            "render",
            str(track_file),
            "--out",
            str(out),
            "--size",
            "800x600",
            "--start",
            "2021-10-04T00:30:00Z",
            "--crs",
            "equirectangular",
        ]
    )
    assert code == 0
    image = QImage(str(out))
    # locate the head: equirectangular home view; find the fighter colour near 120E 22N
    from viewer.core.catalog import load_catalog
    from viewer.core.map_state import MapState
    from viewer.core.projection import Projection
    from viewer.render.map_scene import MapScene

    scene = MapScene(MapState(load_catalog(), Projection.from_user_input("equirectangular")))
    view = scene.home_view(800, 600)
    x, y = scene.state.projection.forward([120.0], [22.0])
    sx, sy = view.to_screen(x, y)
    want = QColor(KIND_COLORS["fighter"])
    hits = [
        image.pixelColor(round(sx[0]) + dx, round(sy[0]) + dy)
        for dx in range(-3, 4)
        for dy in range(-3, 4)
    ]
    assert any(
        abs(c.red() - want.red()) + abs(c.green() - want.green()) + abs(c.blue() - want.blue()) < 60
        for c in hits
    )


@pytest.mark.parametrize("suffix", [".mp4", ".gif"])
def test_video_has_the_frames_and_size_asked_for(tmp_path, track_file, qapp, suffix):
    out = tmp_path / f"replay{suffix}"
    code = main(
        [
            "render",
            str(track_file),
            "--out",
            str(out),
            "--size",
            "320x240",
            "--fps",
            "10",
            "--duration",
            "1.5",
        ]
    )
    assert code == 0
    reader = imageio_ffmpeg.read_frames(str(out))
    meta = next(reader)
    frames = sum(1 for _ in reader)
    assert tuple(meta["size"]) == (320, 240)
    assert frames == 15


def test_folder_receives_numbered_frames(tmp_path, track_file, qapp):
    folder = tmp_path / "frames"
    folder.mkdir()
    assert (
        main(
            [
                "render",
                str(track_file),
                "--out",
                str(folder),
                "--size",
                "160x120",
                "--fps",
                "4",
                "--duration",
                "1",
            ]
        )
        == 0
    )
    assert sorted(p.name for p in folder.iterdir()) == [f"frame_0000{i}.png" for i in range(4)]


def test_briefing_scene_renders_with_its_notice(tmp_path, qapp, capsys):
    out = tmp_path / "scene.png"
    assert (
        main(
            [
                "render",
                str(DEFAULT_BRIEFING),
                "--scene",
                "2",
                "--out",
                str(out),
                "--size",
                "960x540",
            ]
        )
        == 0
    )
    assert "1 frame" in capsys.readouterr().out
    image = QImage(str(out))
    c = image.pixelColor(480, 14)  # the notice banner
    assert c.red() > 200 and c.green() > 200


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--scene", "9"], "--scene must be"),
        (["--end", "2020-01-01T00:00Z"], "before --start"),
    ],
)
def test_bad_requests_are_refused_clearly(tmp_path, qapp, capsys, args, message):
    code = main(["render", str(DEFAULT_BRIEFING), "--out", str(tmp_path / "x.png"), *args])
    assert code == 2
    assert message in capsys.readouterr().err


def test_unreadable_track_file_is_refused(tmp_path, qapp, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("nothing useful\n")
    assert main(["render", str(bad), "--out", str(tmp_path / "x.png")]) == 2
    assert "bad.csv" in capsys.readouterr().err


def test_whole_briefing_video_plays_every_scene_in_order(tmp_path, qapp, capsys):
    from viewer.cli.headless import open_session

    session = open_session([str(DEFAULT_BRIEFING)])
    plan = session.scene_plan(2.0)
    assert [i for i, _ in plan] == sorted(i for i, _ in plan)  # scenes in order
    assert {i for i, _ in plan} == set(range(len(session.briefing.scenes)))
    out = tmp_path / "briefing.mp4"
    assert (
        main(
            ["render", str(DEFAULT_BRIEFING), "--out", str(out), "--size", "320x180", "--fps", "2"]
        )
        == 0
    )
    reader = imageio_ffmpeg.read_frames(str(out))
    next(reader)
    assert sum(1 for _ in reader) == len(plan)


def test_units_and_high_contrast_options(tmp_path, track_file, qapp):
    from tests.qt.test_units import expected_bar_px, scale_bar_px
    from viewer.core.catalog import load_catalog
    from viewer.core.map_state import MapState
    from viewer.render.map_scene import MapScene

    out = tmp_path / "km.png"
    assert main(["render", "--out", str(out), "--size", "800x600", "--units", "km"]) == 0
    image = QImage(str(out))
    scene = MapScene(MapState(load_catalog()))
    view = scene.home_view(800, 600)
    assert scale_bar_px(image) == pytest.approx(
        expected_bar_px(view, scene.state.projection, 1000.0), abs=2
    )
    assert image.pixelColor(790, 300) != QColor("#ffffff")  # the normal sea is pale blue
    hc = tmp_path / "hc.png"
    assert main(["render", "--out", str(hc), "--size", "800x600", "--high-contrast"]) == 0
    assert QImage(str(hc)).pixelColor(790, 300) == QColor("#ffffff")


def test_a_scene_rendered_alone_is_that_scene_of_the_whole_briefing_video(tmp_path, qapp):
    """``render --scene N`` shows the N-th scene as the whole-briefing video does, pixel for
    pixel at the same map time: one definition of a scene (`Session.scene_state`). Scene 3 here
    leaves its layers unset, so it shows scene 2's (no median line), as when the scenes are
    presented in order — not the briefing's."""
    from dataclasses import replace
    from datetime import UTC, datetime

    from viewer.cli.headless import open_session
    from viewer.core.briefing import load_briefing, resolve_file, save_briefing

    lesson = load_briefing(DEFAULT_BRIEFING)
    assert lesson.layer_setting("median_line").visible  # it runs across scene 3's view
    scenes = list(lesson.scenes)
    scenes[1] = replace(scenes[1], layers=("landmarks",))  # no median line from scene 2 on
    scenes[2] = replace(scenes[2], layers=None)
    files = tuple(
        replace(f, path=str(resolve_file(f, DEFAULT_BRIEFING.parent))) for f in lesson.files
    )
    doc = tmp_path / "lesson.briefing.json"
    save_briefing(replace(lesson, scenes=tuple(scenes), files=files), doc)
    frames = tmp_path / "frames"
    frames.mkdir()
    size = ["--size", "320x180"]
    assert main(["render", str(doc), "--out", str(frames), *size, "--fps", "1"]) == 0
    plan = open_session([str(doc)]).scene_plan(1.0)
    assert len(list(frames.glob("frame_*.png"))) == len(plan)
    for scene in (2, 3):
        rows = [k for k, (i, _) in enumerate(plan) if i == scene - 1]
        for k in (rows[0], rows[-1]):  # where its range starts and ends: whole minutes
            t = plan[k][1]
            assert t == int(t)
            when = datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            png = tmp_path / f"scene{scene}-{k}.png"
            args = ["render", str(doc), "--scene", str(scene), "--start", when, "--out", str(png)]
            assert main([*args, *size]) == 0
            alone, in_video = _rgb(png), _rgb(frames / f"frame_{k:05d}.png")
            assert alone.shape == in_video.shape == (180, 320, 3)
            # the same picture: Qt's rasteriser varies by 1 or 2 levels on anti-aliased text
            # from one paint to the next; a layer, a head or a view out of place differs by far more
            worst = np.abs(alone - in_video).max()
            assert worst <= 3, f"scene {scene} at {when} is not the video's frame {k} ({worst})"


def _rgb(path) -> np.ndarray:
    """The picture as an (height, width, 3) array of ints."""
    image = QImage(str(path)).convertToFormat(QImage.Format_RGB888)
    w, h, stride = image.width(), image.height(), image.bytesPerLine()
    rows = np.frombuffer(image.constBits(), np.uint8, count=stride * h).reshape(h, stride)
    return rows[:, : 3 * w].reshape(h, w, 3).astype(np.int16)
