"""Opening a briefing in the window: tracks, notice, annotations, scenes a clicker steps through."""

import json

import pytest
from PySide6.QtCore import Qt

from viewer.qt.main_window import DEFAULT_BRIEFING


@pytest.fixture
def briefed(qtbot, window):
    assert window.briefings.open_briefing(DEFAULT_BRIEFING)
    qtbot.waitUntil(
        lambda: len(window.session.tracks.items) == 1 and not window.track_files._loading,
        timeout=20_000,
    )
    return window


def test_default_briefing_opens_with_its_tracks_and_notice(briefed):
    assert "illustrative" in briefed.windowTitle().lower()
    assert briefed.session.briefing.notice.startswith("Illustrative scenario")
    assert briefed.session.tracks.items[0].trackset.n_tracks > 10
    start = briefed.session.briefing.time_range.start.timestamp()
    assert briefed.session.timeline.time == pytest.approx(start)
    image = briefed.scene.render_image(briefed.canvas.view)
    # the notice banner sits at the top centre: amber-ish pixels there
    c = image.pixelColor(image.width() // 2, 14)
    assert c.red() > 200 and c.green() > 200 and c.blue() < 230


def test_page_down_steps_scenes_like_a_clicker(qtbot, briefed):
    briefed.canvas.setFocus()
    qtbot.keyClick(briefed.canvas, Qt.Key_PageDown)
    assert briefed.session.scene_index == 0
    qtbot.keyClick(briefed.canvas, Qt.Key_PageDown)
    scene = briefed.session.briefing.scenes[1]
    assert briefed.session.scene_index == 1
    assert briefed.session.timeline.in_point == pytest.approx(scene.time_range.start.timestamp())
    assert briefed.session.timeline.playing
    visible = {st.id for st in briefed.state.layers if st.visible}
    assert visible == set(scene.layers)
    view = briefed.presenter.view  # the note goes to the presenter, not to Track details
    assert view.title.text() == scene.title and view.note.toPlainText() == scene.note.strip()
    assert briefed.session.briefing.scenes[2].title in view.next_label.text()
    qtbot.keyClick(briefed.canvas, Qt.Key_PageUp)
    assert briefed.session.scene_index == 0


def test_corrupt_or_moved_briefing_gives_a_clear_message(window, tmp_path):
    bad = tmp_path / "bad.briefing.json"
    bad.write_text("{ not json")
    assert not window.briefings.open_briefing(bad)
    assert "bad.briefing.json" in window.last_error
    doc = json.loads(DEFAULT_BRIEFING.read_text())
    moved = tmp_path / "moved.briefing.json"
    moved.write_text(json.dumps(doc))  # its CSV is not beside it here
    assert window.briefings.open_briefing(moved)
    assert "record_day_2021-10-04.csv" in window.last_error


def test_presentation_mode_hides_panels_and_enlarges_type(briefed):
    briefed.briefings.set_presentation(True)
    assert briefed.scene.font_scale > 1.0 and not briefed.layers_dock.isVisible()
    briefed.briefings.set_presentation(False)
    assert briefed.scene.font_scale == 1.0 and briefed.layers_dock.isVisible()


def test_save_and_reopen_gives_the_same_briefing(qtbot, briefed, tmp_path):
    import shutil

    from viewer.core.briefing import load_briefing

    # a copy of the sample in a class folder: the track path stays relative
    folder = tmp_path / "class"
    folder.mkdir()
    shutil.copy(DEFAULT_BRIEFING.parent / "record_day_2021-10-04.csv", folder)
    shutil.copy(DEFAULT_BRIEFING, folder / "copy.briefing.json")
    assert briefed.briefings.open_briefing(folder / "copy.briefing.json")
    qtbot.waitUntil(
        lambda: not briefed.track_files._loading and bool(briefed.session.tracks.items),
        timeout=20_000,
    )
    briefed.state.update_layer("kadiz", visible=False)
    assert briefed.session.dirty
    out = folder / "lesson.briefing.json"
    assert briefed.briefings.save_briefing_as(str(out))
    assert not briefed.session.dirty
    saved = load_briefing(out)
    assert [f.path for f in saved.files] == ["record_day_2021-10-04.csv"]
    assert not saved.layer_setting("kadiz").visible
    assert len(saved.scenes) == len(briefed.session.briefing.scenes)
    first = out.read_bytes()
    assert briefed.briefings.open_briefing(out)
    qtbot.waitUntil(lambda: not briefed.track_files._loading, timeout=20_000)
    assert briefed.briefings.save_briefing()
    assert out.read_bytes() == first  # save -> open -> save: the same document


def test_scenes_can_be_added_renamed_moved_and_deleted(briefed):
    n = len(briefed.session.briefing.scenes)
    briefed.briefings.show_scene(0)
    briefed.briefings.add_scene()
    assert len(briefed.session.briefing.scenes) == n + 1 and briefed.session.scene_index == 1
    briefed.briefings.rename_scene("My scene")
    assert briefed.session.briefing.scenes[1].title == "My scene"
    briefed.briefings.move_scene(-1)
    assert (
        briefed.session.briefing.scenes[0].title == "My scene" and briefed.session.scene_index == 0
    )
    briefed.briefings.delete_scene()
    assert len(briefed.session.briefing.scenes) == n and briefed.session.dirty


def test_autosave_writes_a_recovery_file(briefed, tmp_path, monkeypatch):
    from viewer.core.briefing import find_recovery

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    briefed.state.update_layer("kadiz", visible=False)
    briefed.briefings.autosave()
    found = find_recovery()
    assert found and not found[0].briefing.layer_setting("kadiz").visible


def test_counts_chart_shows_the_record_day(qtbot, briefed):
    qtbot.waitUntil(
        lambda: briefed.zone_events.counts_panel.bars.counts is not None, timeout=20_000
    )
    counts = briefed.zone_events.counts_panel.bars.counts
    assert counts.zone_id == "taiwan_adiz"
    # MND's day of 4 Oct 2021: the sample follows the record day's 56 aircraft (S9); its
    # coast-guard ships are counted apart, as ships (issue 22)
    assert list(counts.totals) == [56]
    assert "ship" not in counts.table.columns and counts.apart["ship"].iloc[0] > 0
    title = briefed.zone_events.counts_panel.title.text()
    # the zone by its name, the id behind it (issue 19)
    assert "Aircraft entering Taiwan ADIZ per MND day (06:00–06:00 Asia/Taipei)" in title
    zone = briefed.zone_events.counts_panel.zone
    assert zone.currentText() == "Taiwan ADIZ" and zone.currentData() == "taiwan_adiz"
    assert "2021-10-04: 56 aircraft" in title and "ships or unknown, apart" in title
    briefed.zone_events.counts_panel.view.setCurrentIndex(1)
    assert briefed.zone_events.counts_panel.reference.isVisibleTo(briefed.zone_events.counts_panel)
    series = briefed.zone_events.counts_panel.reference.series[0]
    assert series.values[2021] == 969 and "S9" in series.source


def test_png_export_for_slides_keeps_the_extent(briefed, tmp_path):
    from PySide6.QtGui import QImage

    out = tmp_path / "slide.png"
    assert briefed.exports.export_png(str(out), size=(1280, 720), dpi=300)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)
    assert round(image.dotsPerMeterX() * 0.0254) == 300
    view = briefed.canvas.view
    assert view.width * view.scale == pytest.approx(1280 * view.scale * view.width / 1280)


def test_presentation_shows_title_and_clock_and_scene_glides(qtbot, briefed):
    briefed.briefings.show_scene(0, animate=False)
    start_scale = briefed.canvas.view.scale
    briefed.briefings.set_presentation(True)
    assert briefed.scene.title_clock.title_visible and not briefed.replay.timeline_dock.isVisible()
    briefed.briefings.show_scene(3)  # the Senkaku scene: much closer
    target = briefed.session.briefing.scenes[3].view
    from PySide6.QtCore import QAbstractAnimation

    stopped = QAbstractAnimation.State.Stopped
    qtbot.waitUntil(lambda: briefed.canvas._animation.state() == stopped, timeout=5000)
    assert briefed.canvas.view.scale < start_scale
    lon, lat = briefed.canvas.lonlat_at(briefed.canvas.width() / 2, briefed.canvas.height() / 2)
    assert (lon, lat) == pytest.approx((target.center_lon, target.center_lat), abs=1e-3)
    briefed.briefings.set_presentation(False)
    assert briefed.replay.timeline_dock.isVisible()


def test_clicker_arrows_step_scenes_while_presenting(qtbot, briefed):
    briefed.briefings.set_presentation(True)
    briefed.canvas.setFocus()
    qtbot.keyClick(briefed.canvas, Qt.Key_Right)
    assert briefed.session.scene_index == 0
    qtbot.keyClick(briefed.canvas, Qt.Key_Right)
    assert briefed.session.scene_index == 1
    qtbot.keyClick(briefed.canvas, Qt.Key_Left)
    assert briefed.session.scene_index == 0
    briefed.briefings.set_presentation(False)
    assert briefed.replay.qt_timeline.step_forward_act.shortcut().toString() == "Right"


def test_export_the_whole_briefing_from_the_window(briefed, tmp_path):
    import imageio_ffmpeg

    out = tmp_path / "all.mp4"
    assert briefed.exports.export_briefing_video(str(out), fps=1, size=(320, 180))
    reader = imageio_ffmpeg.read_frames(str(out))
    assert tuple(next(reader)["size"]) == (320, 180)
    assert sum(1 for _ in reader) >= len(briefed.session.briefing.scenes)


def test_png_export_names_the_software_and_version(briefed, tmp_path):
    from tests.file_metadata import png_text_chunks
    from viewer import __version__

    out = tmp_path / "slide.png"
    assert briefed.exports.export_png(str(out), size=(640, 360))
    assert png_text_chunks(out)["Software"] == f"ADIZ Viewer {__version__}"
