"""A teacher's own files: File > New briefing, removing a track file (undoable), "add to this
briefing / new briefing" when opening tracks with a briefing open, the map and the timeline going
to the loaded tracks, and the timeline's labels for any span."""

import itertools
from datetime import UTC, datetime

import pytest

from tests.qt import test_briefing_window

# Two sparse hand-made tracks near Okinawa in 2024, fixes an hour apart (UTC times).
OWN_CSV = """track_id,time,lat,lon
A1,2024-06-05T01:00:00Z,26.0,127.0
A1,2024-06-05T02:00:00Z,26.5,128.0
B2,2024-06-05T01:30:00Z,25.5,127.5
B2,2024-06-05T02:30:00Z,26.2,128.4
"""


@pytest.fixture
def own_csv(tmp_path):
    path = tmp_path / "okinawa_flights.csv"
    path.write_text(OWN_CSV)
    return path


briefed = test_briefing_window.briefed  # the window with the default briefing loaded


def loaded(window, n):
    return lambda: len(window.session.tracks.items) == n and not window.track_files.loading


def test_new_briefing_is_empty_with_the_title_given(qtbot, briefed):
    briefed.session.state.update_layer("taiwan_adiz", visible=False)
    assert briefed.documents.new_briefing("Lesson 3: the Miyako Strait")
    s = briefed.session
    assert s.briefing.title == "Lesson 3: the Miyako Strait" and not s.tracks.items
    assert s.briefing.notice == "" and s.briefing.scenes == () and s.briefing_path is None
    assert s.state.layer_state("taiwan_adiz").visible  # the reference layers as shipped
    assert "Lesson 3" in briefed.windowTitle()
    assert not briefed.documents.remove_menu.isEnabled()


def test_new_briefing_from_the_menu_asks_the_title(qtbot, briefed, monkeypatch):
    monkeypatch.setattr(briefed.documents, "_ask_title", lambda default: "Typed title")
    briefed.documents.new_act.trigger()
    assert briefed.session.briefing.title == "Typed title"
    monkeypatch.setattr(briefed.documents, "_ask_title", lambda default: None)  # Cancel
    assert not briefed.documents.new_briefing()
    assert briefed.session.briefing.title == "Typed title"


def test_opening_tracks_asks_and_new_briefing_goes_to_them(qtbot, briefed, own_csv, monkeypatch):
    asked = []
    monkeypatch.setattr(
        briefed.documents, "ask_add_or_new", lambda paths: asked.append(paths) or "new"
    )
    before = briefed.canvas.view
    briefed.open_files([str(own_csv)])  # as the command line and drag and drop do
    qtbot.waitUntil(loaded(briefed, 1), timeout=20_000)
    assert asked == [[str(own_csv)]]
    s = briefed.session
    assert [i.path.name for i in s.tracks.items] == ["okinawa_flights.csv"]  # the sample left
    # the title comes from the file, not "4 October 2021"
    assert s.briefing.title == "okinawa_flights — 5 Jun 2024"
    assert "2021" not in briefed.windowTitle() and s.briefing.notice == ""
    # the timeline spans the file's tracks
    assert s.timeline.start == datetime(2024, 6, 5, 1, tzinfo=UTC).timestamp()
    assert s.timeline.end == datetime(2024, 6, 5, 2, 30, tzinfo=UTC).timestamp()
    # the map went to them: every fix inside the canvas, and much closer than before
    view = briefed.canvas.view
    assert view != before and view.scale < before.scale / 3
    for lon, lat in ((127.0, 26.0), (128.0, 26.5), (127.5, 25.5), (128.4, 26.2)):
        x, y = briefed.canvas.screen_of(lon, lat)
        assert 0 <= x <= briefed.canvas.width() and 0 <= y <= briefed.canvas.height()


def test_add_to_this_briefing_keeps_the_sample(qtbot, briefed, own_csv, monkeypatch):
    monkeypatch.setattr(briefed.documents, "ask_add_or_new", lambda paths: "add")
    title = briefed.session.briefing.title
    briefed.open_files([str(own_csv)])
    qtbot.waitUntil(loaded(briefed, 2), timeout=20_000)
    assert briefed.session.briefing.title == title
    assert briefed.session.timeline.end == datetime(2024, 6, 5, 2, 30, tzinfo=UTC).timestamp()


def test_cancel_opens_nothing(qtbot, briefed, own_csv, monkeypatch):
    monkeypatch.setattr(briefed.documents, "ask_add_or_new", lambda paths: None)
    briefed.open_files([str(own_csv)])
    assert not briefed.track_files.loading and len(briefed.session.tracks.items) == 1


def test_the_choice_can_be_remembered(qtbot, briefed, own_csv, monkeypatch):
    from PySide6.QtCore import QSettings

    from viewer.qt.app_settings import ORG_NAME
    from viewer.qt.document_controller import CHOICE_KEY

    QSettings(ORG_NAME, ORG_NAME).setValue(CHOICE_KEY, "new")
    monkeypatch.setattr(briefed.documents, "ask_add_or_new", lambda paths: pytest.fail("asked"))
    briefed.open_files([str(own_csv)])
    qtbot.waitUntil(loaded(briefed, 1), timeout=20_000)
    assert briefed.session.tracks.items[0].path.name == "okinawa_flights.csv"


def test_remove_a_track_file_and_undo(qtbot, briefed):
    s = briefed.session
    (item,) = s.tracks.items
    menu = briefed.documents.remove_menu
    assert menu.isEnabled() and [a.text() for a in menu.actions()] == [item.path.name]
    menu.actions()[0].trigger()
    assert s.tracks.items == [] and s.dirty
    assert not menu.isEnabled()
    briefed.briefings.undo_act.trigger()
    assert s.tracks.items == [item]  # back, nothing read again
    assert str(item.path) in s.reports
    briefed.briefings.redo_act.trigger()
    assert s.tracks.items == []


@pytest.mark.parametrize(
    "span_s", [300.0, 2 * 3600.0, 3 * 86400.0, 61 * 86400.0, 3 * 365 * 86400.0]
)  # 5 min, 2 h, 3 days, 2 months, 3 years
def test_timeline_labels_never_overlap_or_cut(qtbot, window, span_s):
    strip = window.replay.qt_timeline.strip
    start = datetime(2024, 6, 5, 3, 17, tzinfo=UTC).timestamp()
    window.session.timeline.set_range(start, start + span_s)
    strip.invalidate()
    boxes = strip.label_boxes()
    assert len(boxes) >= 3
    rects = [r for r, _ in boxes]
    assert all(r.left() >= 0 and r.right() <= strip.width() for r in rects)
    assert all(a.right() < b.left() for a, b in itertools.pairwise(rects))
    # each text fits its box as the strip's font measures it
    from PySide6.QtGui import QFontMetricsF

    fm = QFontMetricsF(strip._label_font())
    assert all(fm.horizontalAdvance(text) <= r.width() + 0.01 for r, text in boxes)
