"""Scene timing and annotation time ranges typed with the app's time entry (issue 22)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from viewer.core.briefing import Annotation, TimeRange
from viewer.qt.timing_dialog import NONE, RANGE, STILL


def _type(qtbot, entry, text: str) -> None:
    entry.edit.setFocus()
    entry.edit.selectAll()
    qtbot.keyClicks(entry.edit, text)
    qtbot.keyClick(entry.edit, Qt.Key_Tab)


def _answering(qtbot, mode: str, **typed: str):
    """A stand-in for the modal loop: choose ``mode``, type into the fields, press OK."""

    def run(dialog) -> bool:
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData(mode))
        for name, text in typed.items():
            _type(qtbot, getattr(dialog, name), text)
        dialog.accept()
        run.dialog = dialog
        return bool(dialog.result())

    return run


def test_scene_timing_typed(qtbot, window, monkeypatch) -> None:
    w = window
    w.session.timeline.set_zone("Asia/Taipei")
    w.briefings.add_scene()
    assert w.session.scene_index == 0
    run = _answering(qtbot, RANGE, start_edit="2021-10-04 10:20", end_edit="11:45")
    monkeypatch.setattr(w.briefings, "_run_dialog", run)
    w.briefings.edit_scene_timing()
    scene = w.session.briefing.scenes[0]
    assert scene.time is None
    assert scene.time_range == TimeRange(
        datetime(2021, 10, 4, 2, 20, tzinfo=UTC), datetime(2021, 10, 4, 3, 45, tzinfo=UTC)
    )
    monkeypatch.setattr(
        w.briefings, "_run_dialog", _answering(qtbot, STILL, still_edit="2021-10-04T06:00Z")
    )
    w.briefings.edit_scene_timing()
    scene = w.session.briefing.scenes[0]
    assert scene.time == datetime(2021, 10, 4, 6, 0, tzinfo=UTC) and scene.time_range is None
    # a malformed time keeps the dialog open and the scene as it was
    run = _answering(qtbot, STILL, still_edit="2021-10-04 6 am")
    monkeypatch.setattr(w.briefings, "_run_dialog", run)
    w.briefings.edit_scene_timing()
    assert "is not a time" in run.dialog.error_label.text()
    assert w.session.briefing.scenes[0].time == datetime(2021, 10, 4, 6, 0, tzinfo=UTC)
    monkeypatch.setattr(w.briefings, "_run_dialog", _answering(qtbot, NONE))
    w.briefings.edit_scene_timing()
    assert w.session.briefing.scenes[0].start_time is None


def test_annotation_time_range_typed_and_undone(qtbot, window, monkeypatch) -> None:
    w = window
    w.session.timeline.set_zone("Asia/Tokyo")
    w.briefings.add_annotation(Annotation("a1", "text", ((121.5, 25.0),), text="Taipei"))
    run = _answering(qtbot, RANGE, start_edit="2021-10-04 10:20:00", end_edit="2021-10-04 12:00")
    monkeypatch.setattr(w.briefings, "_run_dialog", run)
    w.briefings.edit_annotation_timing()
    assert w.session.briefing.annotations[-1].time == TimeRange(
        datetime(2021, 10, 4, 1, 20, tzinfo=UTC), datetime(2021, 10, 4, 3, 0, tzinfo=UTC)
    )
    w.briefings.undo()
    assert w.session.briefing.annotations[-1].time is None
