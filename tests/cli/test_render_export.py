"""`adiz-viewer render` of tracks and briefings: PNG probes, MP4/GIF frame counts, PNG folders."""

import imageio_ffmpeg
import pytest
from PySide6.QtGui import QColor, QImage

from viewer.app import main
from viewer.qt.main_window import DEFAULT_BRIEFING
from viewer.qt.track_painter import KIND_COLORS

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
    from viewer.qt.map_scene import MapScene

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
    from viewer.export.session import HeadlessSession

    session = HeadlessSession.build([str(DEFAULT_BRIEFING)])
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
    from viewer.qt.map_scene import MapScene

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
