"""Presenting (#19): the presenter view and its notes, titles and notes edited and undone, the
laser pointer (on the screen, never in an export); and the smaller window items of #22: Undo
names the edit, Track details cleared with another briefing, the degree labels uncovered."""

from __future__ import annotations

import doctest

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage

from tests.qt import test_briefing_window
from viewer.core.briefing import Briefing, Scene, save_briefing
from viewer.qt import presenter_controller
from viewer.qt.notes_dialog import NotesDialog
from viewer.render.map_scene import MapScene

briefed = test_briefing_window.briefed  # the window with the default briefing loaded


def _at(window, lon, lat) -> QPoint:
    sx, sy = window.canvas.screen_of(lon, lat)
    return QPoint(round(sx), round(sy))


def _pixels(image: QImage) -> np.ndarray:
    """An RGB array of ``image`` (rows, columns, 3)."""
    image = image.convertToFormat(QImage.Format_RGB888)
    buf = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    rows = buf.reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 3].reshape(image.height(), image.width(), 3).copy()


def _laser_pixels(image: QImage, x: int, y: int, r: int = 12) -> int:
    """How many of the laser's bright red pixels lie within ``r`` of (x, y)."""
    a = _pixels(image)[max(0, y - r) : y + r, max(0, x - r) : x + r].astype(int)
    return int(((a[..., 0] > 235) & (a[..., 1] < 70) & (a[..., 2] > 30) & (a[..., 2] < 110)).sum())


# the offscreen platform cannot raise a window (the small notes window is raised when shown)
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_presenter_view_follows_the_scenes_and_the_tool(qtbot, briefed):
    w = briefed
    view = w.presenter.view
    assert not view.isVisible()
    w.briefings.set_presentation(True)
    assert not view.isVisible()  # one screen: not shown unless asked (the class could see it)
    qtbot.keyClick(w.canvas, Qt.Key_N)
    assert view.isVisible() and w.presenter.notes_act.isChecked()
    # one screen: nothing to swap (two screens: tests/qt/test_presenter_screens.py)
    assert not w.presenter.swap_act.isEnabled() and not view.swap_button.isVisibleTo(view)
    scenes = w.session.briefing.scenes
    qtbot.keyClick(w.canvas, Qt.Key_PageDown)
    qtbot.keyClick(w.canvas, Qt.Key_PageDown)
    assert view.title.text() == scenes[1].title
    assert view.note.toPlainText() == scenes[1].note.strip()
    assert view.position.text().startswith(f"Scene 2 of {len(scenes)}")
    assert view.next_label.text() == f"Next: 3. {scenes[2].title}"
    assert "presenting 0:0" in view.clock.text() and "map time 2021-10-04" in view.clock.text()
    assert view.tool.text().startswith("No map tool")
    qtbot.keyClick(w.canvas, Qt.Key_A, Qt.ShiftModifier)
    assert view.tool.text() == "Tool: Arrow — Esc ends it"
    view.next.emit()  # its Next button
    assert w.session.scene_index == 2 and view.title.text() == scenes[2].title
    qtbot.keyClick(w.canvas, Qt.Key_Escape)
    qtbot.keyClick(w.canvas, Qt.Key_Escape)
    assert not w.briefings.presenting and view.tool.text().startswith("No map tool")
    qtbot.keyClick(w.canvas, Qt.Key_N)
    assert not view.isVisible()


def test_two_screens_put_the_map_on_the_projector_and_the_notes_on_the_laptop():
    assert doctest.testmod(presenter_controller).failed == 0
    assert presenter_controller.choose_screens(3, 1) == (0, 1)
    assert presenter_controller.choose_screens(3, 0, swap=True) == (0, 1)


def test_titles_and_notes_are_edited_in_one_undoable_step(qtbot, briefed):
    w = briefed
    before = w.session.briefing
    dialogs = []

    def fill(dialog: NotesDialog) -> bool:
        dialogs.append(dialog)
        dialog.title_edit.setText("Lesson 3: the ADIZ")
        dialog.list.setCurrentRow(1)
        dialog.scene_title.setText("The record day")
        dialog.note_edit.setPlainText("Ask: why the south-west corner?")
        dialog.accept()
        return dialog.result() == NotesDialog.Accepted

    w.briefings._run_dialog = fill
    assert w.presenter.edit_notes()
    b = w.session.briefing
    assert b.title == "Lesson 3: the ADIZ" and w.windowTitle().startswith("Lesson 3: the ADIZ")
    assert b.scenes[1].title == "The record day"
    assert b.scenes[1].note == "Ask: why the south-west corner?"
    assert b.scenes[0] == before.scenes[0] and b.scenes[2:] == before.scenes[2:]
    assert "The record day" in [a.text() for a in w.scenes_menu.actions()][-3]
    assert w.briefings.undo_act.text() == "&Undo titles and notes"
    w.briefings.undo()
    assert w.session.briefing.title == before.title and w.session.briefing.scenes == before.scenes
    assert w.briefings.redo_act.text() == "&Redo titles and notes"
    assert w.windowTitle().startswith(before.title)


def test_a_scene_title_cannot_be_emptied(qtbot):
    dialog = NotesDialog("Lesson", (Scene("One", note="a"), Scene("Two")))
    qtbot.addWidget(dialog)
    dialog.scene_title.setText("  ")
    dialog.list.setCurrentRow(1)  # refused: stays on scene 1 and says why
    assert dialog.list.currentRow() == 0 and dialog.error_label.text() == "Scene 1 needs a title"
    dialog.accept()
    assert dialog.result() == 0
    dialog.scene_title.setText("First")
    dialog.accept()
    assert dialog.result_scenes == (Scene("First", note="a"), Scene("Two"))


def test_the_laser_shows_on_the_screen_never_in_an_export(qtbot, window, tmp_path):
    w, c = window, window.canvas
    laser = w.presenter.laser
    at = _at(w, 121.0, 23.0)
    qtbot.mouseMove(c, at)
    c.setFocus()
    qtbot.keyPress(c, Qt.Key_X)
    qtbot.mouseMove(c, at + QPoint(3, 0))
    assert laser.on
    shown = c.grab().toImage()
    assert _laser_pixels(shown, at.x() + 3, at.y()) > 40
    assert _laser_pixels(w.scene.render_image(c.view), at.x() + 3, at.y()) == 0
    assert w.exports.export_png(str(tmp_path / "map.png"), size=(c.width(), c.height()))
    assert _laser_pixels(QImage(str(tmp_path / "map.png")), at.x() + 3, at.y()) == 0
    assert w.session.briefing is None or not w.session.briefing.annotations  # no trace left
    qtbot.keyRelease(c, Qt.Key_X)
    assert not laser.on
    qtbot.waitUntil(lambda: not laser.trail, timeout=3000)  # the tail fades out
    assert _laser_pixels(c.grab().toImage(), at.x() + 3, at.y()) == 0


def test_ctrl_and_the_left_button_hold_the_laser_without_panning_or_drawing(qtbot, window):
    w, c = window, window.canvas
    w.briefings.annotate_acts["arrow"].trigger()  # even with a drawing tool on
    view = c.view
    a, b = _at(w, 120.0, 23.0), _at(w, 121.0, 23.5)
    qtbot.mousePress(c, Qt.LeftButton, Qt.ControlModifier, pos=a)
    assert w.presenter.laser.on
    qtbot.mouseMove(c, b)
    assert _laser_pixels(c.grab().toImage(), b.x(), b.y()) > 40
    qtbot.mouseRelease(c, Qt.LeftButton, Qt.ControlModifier, pos=b)
    assert not w.presenter.laser.on
    assert c.view == view and (w.session.briefing is None or not w.session.briefing.annotations)


def test_undo_and_redo_name_the_edit(qtbot, window):
    w, c = window, window.canvas
    assert not w.briefings.undo_act.isEnabled() and w.briefings.undo_act.text() == "&Undo"
    w.briefings.annotation_tool.ask_text = lambda prompt: "Route"
    w.briefings.annotate_acts["arrow"].trigger()
    qtbot.mousePress(c, Qt.LeftButton, pos=_at(w, 120.0, 23.0))
    qtbot.mouseMove(c, _at(w, 121.0, 23.5))
    qtbot.mouseRelease(c, Qt.LeftButton, pos=_at(w, 121.0, 23.5))
    assert w.briefings.undo_act.text() == "&Undo add arrow" and w.briefings.undo_act.isEnabled()
    w.briefings.add_scene()
    assert w.briefings.undo_act.text() == "&Undo add scene"
    w.briefings.undo()
    assert w.briefings.undo_act.text() == "&Undo add arrow"
    assert w.briefings.redo_act.text() == "&Redo add scene"


def test_track_details_are_cleared_when_another_briefing_opens(qtbot, briefed, tmp_path):
    w = briefed
    path = str(w.session.tracks.items[0].path)
    w.replay.on_track_clicked((path, 0, 0))
    assert "closest approach" in w.replay.details.toPlainText()
    other = save_briefing(Briefing(title="Another lesson"), tmp_path / "other.briefing.json")
    assert w.briefings.open_briefing(other)
    assert w.replay.details.toPlainText() == "" and w.replay.track_painter.selected is None


@pytest.mark.parametrize(("font_scale", "size"), [(1.0, (1280, 720)), (1.5, (1920, 1080))])
def test_no_overlay_covers_the_longitude_labels(qapp, state, font_scale, size):
    """The bottom strip where the longitude labels are is the same with and without the
    overlays (source line, legend, scale bar): nothing is drawn over them."""
    scene = MapScene(state)
    scene.font_scale = font_scale
    view = scene.home_view(*size)
    # the first text a process draws comes out a shade different (Qt's glyph cache warming):
    # once drawn and thrown away, the two pictures compared differ only where the overlays are
    scene.render_image(view)
    scene.static_image(view.panned(1, 0))
    with_overlays = _pixels(scene.render_image(view))
    overlays, scene.overlays = scene.overlays, []
    bare = _pixels(scene.render_image(view))
    scene.overlays = overlays
    from viewer.render.layer_painters import degree_label_strip

    strip = int(degree_label_strip(scene.context(view))) - 1
    assert (with_overlays[-strip:] == bare[-strip:]).all()
    # and the labels are there: dark text pixels in the right half of the strip too
    right = bare[-strip:, size[0] // 2 :].astype(int)
    assert (right.sum(axis=2) < 300).sum() > 20
    colour = QColor(*with_overlays[-strip - 8, size[0] - 40])  # the source line's box above
    assert colour.lightness() > 200
