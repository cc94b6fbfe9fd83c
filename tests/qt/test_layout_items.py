"""The smaller layout items: the events table's share of the window, the counts axis labels,
the speed words in the interface language, where the briefing dialogs open."""

import itertools
from pathlib import Path

import pytest

from viewer.qt.counts_chart import Y_LABEL_PX, y_ticks
from viewer.qt.document_controller import briefing_folder, remember_briefing_folder
from viewer.qt.qt_timeline import shown_label


@pytest.mark.parametrize(("top", "plot_h"), [(1.15, 100), (64.4, 40), (64.4, 200), (1150, 120)])
def test_count_axis_labels_are_whole_and_apart(top, plot_h):
    ticks = y_ticks(top, plot_h)
    assert ticks and all(v == int(v) and 0 < v <= top for v in ticks)
    ys = [plot_h * (1 - v / top) for v in ticks]
    assert all(a - b >= Y_LABEL_PX for a, b in itertools.pairwise(ys))
    assert len({f"{v:g}" for v in ticks}) == len(ticks)


def test_speed_words_are_translated(monkeypatch):
    from viewer.qt import qt_timeline

    monkeypatch.setattr(
        qt_timeline, "translate", lambda ctx, text: {"{n} s": "{n} 秒", "{n} min": "{n} 分鐘"}[text]
    )
    assert shown_label("1 s = 5 min") == "1 秒 = 5 分鐘"
    assert shown_label("1.5 min") == "1.5 分鐘"


def test_events_table_gets_a_share_of_the_window(qtbot, window):
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.height() >= 1000, timeout=5000)
    dock = window.zone_events.events_dock
    dock.raise_()
    qtbot.waitUntil(lambda: dock.height() >= 0.3 * window.height(), timeout=5000)
    window.replay.timeline_dock.raise_()
    qtbot.waitUntil(lambda: window.replay.timeline_dock.height() < 0.3 * window.height())


def test_briefing_dialogs_open_in_the_briefing_folder(window, tmp_path):
    session = window.session
    docs = briefing_folder(session)
    assert Path(docs).is_dir() and Path(docs).resolve() != Path.cwd().resolve()
    saved = tmp_path / "class" / "lesson.briefing.json"
    saved.parent.mkdir()
    remember_briefing_folder(saved)
    assert briefing_folder(session) == str(saved.parent)  # remembered
    session.briefing_path = tmp_path / "other" / "x.briefing.json"
    assert briefing_folder(session) == str(tmp_path / "other")  # the briefing's own folder
