"""Times typed key by key into the time fields are stored as typed (issue 22: a QDateTimeEdit
turned 2021-10-04 11:45:00 into 11:00:45); what is not a time is refused with a message."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from viewer.core.tracing import SPEED, START_END, VERTICES, Timing, TracedTrack, vertex_times
from viewer.qt.time_entry import TimeEntry
from viewer.qt.traced_panel import TrackDialog

T0 = datetime(2021, 10, 4, 2, 0, tzinfo=UTC)  # 10:00 in Taipei
TYPED = [  # (what is typed in Taipei's panel, the UTC time it must be stored as)
    ("10:20", "2021-10-04T02:20:00"),
    ("10:20:00", "2021-10-04T02:20:00"),
    ("11:45:00", "2021-10-04T03:45:00"),
    ("2021-10-04 11:45:00", "2021-10-04T03:45:00"),
    ("2022-03-05 10:20:00", "2022-03-05T02:20:00"),
    ("2021-10-04 10:20", "2021-10-04T02:20:00"),
    ("2021-10-04T10:20Z", "2021-10-04T10:20:00"),
    ("2021-10-04T10:20:00+09:00", "2021-10-04T01:20:00"),
    ("2021-10-05 06:00 +08:00", "2021-10-04T22:00:00"),
]


def _type(qtbot, entry: TimeEntry, text: str, finish=Qt.Key_Return) -> None:
    entry.edit.setFocus()
    qtbot.keyClick(entry.edit, Qt.Key_A, Qt.ControlModifier)  # select what is there
    qtbot.keyClick(entry.edit, Qt.Key_Delete)
    qtbot.keyClicks(entry.edit, text)
    qtbot.keyClick(entry.edit, finish)  # Return in a dialog presses OK: there, Tab


@pytest.mark.parametrize(("text", "utc"), TYPED)
def test_typed_time_is_stored_as_typed(qtbot, text: str, utc: str) -> None:
    entry = TimeEntry("Asia/Taipei", T0)
    qtbot.addWidget(entry)
    with qtbot.waitSignal(entry.value_changed):
        _type(qtbot, entry, text)
    expected = datetime.fromisoformat(utc).replace(tzinfo=UTC)
    assert entry.value() == expected
    # shown back unambiguously, in the panel's zone
    local = expected.astimezone(datetime.fromisoformat("2021-01-01T00:00+08:00").tzinfo)
    assert entry.edit.text() == f"{local:%Y-%m-%d %H:%M:%S} Asia/Taipei (UTC+8)"
    assert entry.hint.text() == f"= {expected:%Y-%m-%d %H:%M:%S} UTC"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2021-10-04 25:00", "hour 25 is out of range"),
        ("11:450", "is not a time"),
        ("04/10/2021 11:45", "year first"),
        ("2021-10-04", "has no time of day"),
    ],
)
def test_malformed_entry_is_refused_with_a_message(qtbot, text: str, words: str) -> None:
    entry = TimeEntry("Asia/Taipei", T0)
    qtbot.addWidget(entry)
    _type(qtbot, entry, text)
    assert entry.value() is None
    assert words in entry.hint.text() and words in entry.error()
    assert entry.edit.text() == text  # left as typed, never reinterpreted


def test_a_bare_time_stays_on_the_date_shown_and_the_zone_can_change(qtbot) -> None:
    entry = TimeEntry("Asia/Tokyo", datetime(2022, 3, 5, 23, 0, tzinfo=UTC))  # 6 Mar in Tokyo
    qtbot.addWidget(entry)
    _type(qtbot, entry, "08:15")
    assert entry.value() == datetime(2022, 3, 5, 23, 15, tzinfo=UTC)
    entry.set_zone("UTC")
    assert entry.edit.text() == "2022-03-05 23:15:00 UTC"
    empty = TimeEntry("Asia/Taipei", None, default_date=date(2021, 10, 4))
    qtbot.addWidget(empty)
    _type(qtbot, empty, "10:20")
    assert empty.value() == datetime(2021, 10, 4, 2, 20, tzinfo=UTC)


def test_the_calendar_sets_the_date_and_keeps_the_time(qtbot) -> None:
    entry = TimeEntry("Asia/Taipei", T0)
    qtbot.addWidget(entry)
    entry.calendar.clicked.emit(QDate(2021, 10, 7))
    assert entry.value() == datetime(2021, 10, 7, 2, 0, tzinfo=UTC)
    assert entry.edit.text() == "2021-10-07 10:00:00 Asia/Taipei (UTC+8)"


def _dialog(qtbot) -> TrackDialog:
    base = TracedTrack(
        "Y-8", "isr", 1, ((119.0, 22.0), (120.0, 21.5), (121.0, 21.5)), Timing.at_speed(T0, 280.0)
    )
    d = TrackDialog(base, "Asia/Taipei", set())
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


@pytest.mark.parametrize(("text", "utc"), TYPED)
def test_traced_track_dialog_stores_the_typed_start(qtbot, text: str, utc: str) -> None:
    d = _dialog(qtbot)
    _type(qtbot, d.start_edit, text, Qt.Key_Tab)
    qtbot.keyClick(d, Qt.Key_Return)  # OK
    assert d.result() == QDialog.Accepted
    timing = d.result_track.timing
    assert timing.mode == SPEED
    assert timing.start == datetime.fromisoformat(utc).replace(tzinfo=UTC)


def test_traced_track_dialog_start_and_end_typed(qtbot) -> None:
    d = _dialog(qtbot)
    d.mode_combo.setCurrentIndex(d.mode_combo.findData(START_END))
    _type(qtbot, d.start2_edit, "2021-10-04 11:45:00", Qt.Key_Tab)
    _type(qtbot, d.end_edit, "12:30", Qt.Key_Tab)
    d.accept()
    t = d.result_track
    assert t.timing.start == datetime(2021, 10, 4, 3, 45, tzinfo=UTC)
    assert t.timing.end == datetime(2021, 10, 4, 4, 30, tzinfo=UTC)


def test_traced_track_dialog_refuses_a_malformed_time(qtbot) -> None:
    d = _dialog(qtbot)
    _type(qtbot, d.start_edit, "11:45:00:00", Qt.Key_Tab)
    qtbot.keyClick(d, Qt.Key_Return)
    assert d.result() == 0 and d.isVisible()  # stays open
    assert "Start" in d.error_label.text() and "is not a time" in d.error_label.text()
    _type(qtbot, d.start_edit, "11:45", Qt.Key_Tab)
    d.accept()
    assert d.result() == QDialog.Accepted
    assert d.result_track.timing.start == datetime(2021, 10, 4, 3, 45, tzinfo=UTC)


def _type_cell(qtbot, d: TrackDialog, row: int, text: str) -> None:
    table = d.vertex_table
    table.setFocus()
    table.setCurrentCell(row, 1)
    table.editItem(table.item(row, 1))
    editor = next(e for e in table.viewport().findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClick(editor, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key_Return)  # the delegate commits on the next turn of the loop
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)


def test_vertex_times_typed_in_the_table(qtbot) -> None:
    d = _dialog(qtbot)
    d.mode_combo.setCurrentIndex(d.mode_combo.findData(VERTICES))
    _type_cell(qtbot, d, 0, "2021-10-04 11:45:00")
    assert d.vertex_table.item(0, 1).text() == "2021-10-04 11:45:00 Asia/Taipei (UTC+8)"
    _type_cell(qtbot, d, 2, "12:45")  # on the date of the time above
    times = vertex_times(d.build())
    assert times[0] == datetime(2021, 10, 4, 3, 45, tzinfo=UTC).timestamp()
    assert times[2] == datetime(2021, 10, 4, 4, 45, tzinfo=UTC).timestamp()
    _type_cell(qtbot, d, 2, "12:4")
    assert "Vertex 3" in d.error_label.text() and "is not a time" in d.error_label.text()
    assert d.vertex_table.item(2, 1).text() == "12:4"  # as typed
    d.accept()
    assert d.result() == 0 and d.isVisible()


def test_replay_time_and_in_out_points_typed(qtbot) -> None:
    from viewer.core.timeline import Timeline
    from viewer.qt.time_range_dialog import TimeRangeDialog

    day0 = datetime(2021, 10, 4, tzinfo=UTC).timestamp()
    tl = Timeline(day0, day0 + 86_400.0, zone="Asia/Taipei")
    tl.set_time(day0 + 3600.0)  # 09:00 in Taipei
    d = TimeRangeDialog(tl)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    assert d.time_edit.edit.text() == "2021-10-04 09:00:00 Asia/Taipei (UTC+8)"
    _type(qtbot, d.in_edit, "10:20", Qt.Key_Tab)  # bare: on the date shown
    _type(qtbot, d.out_edit, "2021-10-04T05:00Z", Qt.Key_Tab)
    _type(qtbot, d.time_edit, "2021-10-04 11:45:00", Qt.Key_Tab)
    qtbot.keyClick(d, Qt.Key_Return)
    assert d.result() == QDialog.Accepted
    assert tl.in_point == datetime(2021, 10, 4, 2, 20, tzinfo=UTC).timestamp()
    assert tl.out_point == datetime(2021, 10, 4, 5, 0, tzinfo=UTC).timestamp()
    assert tl.time == datetime(2021, 10, 4, 3, 45, tzinfo=UTC).timestamp()
    # refused: outside the tracks, out before in, malformed; nothing changes
    for name, text, words in (
        ("time_edit", "2021-10-06 10:00", "outside the tracks' time"),
        ("out_edit", "10:00", "not after the in point"),
        ("in_edit", "10:2O", "is not a time"),
    ):
        d2 = TimeRangeDialog(tl)
        qtbot.addWidget(d2)
        d2.show()
        _type(qtbot, getattr(d2, name), text, Qt.Key_Tab)
        d2.accept()
        assert d2.result() == 0 and words in d2.error_label.text()
        assert d2.isVisible()
    assert tl.time == datetime(2021, 10, 4, 3, 45, tzinfo=UTC).timestamp()
    assert tl.in_point == datetime(2021, 10, 4, 2, 20, tzinfo=UTC).timestamp()


def test_the_time_zone_question_shows_a_file_time_as_it_will_be_read(qtbot) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from viewer.qt.time_zone_dialog import TimeZoneDialog

    d = TimeZoneDialog("naive.csv", "no zone", "2021-10-04 10:20:00", ["UTC", "Asia/Taipei"])
    qtbot.addWidget(d)
    d.show()
    ok = d.buttons.button(QDialogButtonBox.Ok)
    assert d.zone() == "Asia/Taipei"
    assert (
        "'2021-10-04 10:20:00' in the file is then 2021-10-04 10:20:00 Asia/Taipei (UTC+8) "
        "= 2021-10-04 02:20:00 UTC"
    ) in d.preview.text()
    line = d.combo.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, "Asia/Tokyo")
    assert d.zone() == "Asia/Tokyo" and "(UTC+9) = 2021-10-04 01:20:00 UTC" in d.preview.text()
    line.selectAll()
    qtbot.keyClicks(line, "Mars/Base")
    assert not ok.isEnabled() and "not a time zone" in d.preview.text()
    other = TimeZoneDialog("us.csv", "no zone", "10/04/2021 10:20", ["UTC"], default="UTC")
    qtbot.addWidget(other)
    assert "e.g. '10/04/2021 10:20', read as a time in UTC" in other.preview.text()
