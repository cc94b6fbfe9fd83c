"""macOS "Open with": a `QFileOpenEvent` posted to the application opens a briefing as a
briefing and a track file as tracks, whether it arrives before the window exists or after."""

import shutil

import pytest
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QFileOpenEvent

from viewer.qt.main_window import DEFAULT_BRIEFING

TRACK = (
    "callsign,time,lat,lon,type\n"
    "OPEN1,2021-10-04T00:00:00Z,22.0,120.0,J-16\n"
    "OPEN1,2021-10-04T00:10:00Z,22.0,121.0,J-16\n"
)


@pytest.fixture
def queue(qapp):
    from viewer.qt.main_window import make_application

    make_application()
    from viewer.qt.file_open import file_open_queue

    q = file_open_queue(qapp)
    q.attach(None)  # one queue per application, shared by the tests: start empty
    q.pending.clear()
    yield q
    q.attach(None)
    q.pending.clear()


@pytest.fixture
def briefing(tmp_path):
    """A copy of the default briefing and its track files, in a folder of its own."""
    folder = tmp_path / "lesson"
    shutil.copytree(DEFAULT_BRIEFING.parent, folder)
    return folder / DEFAULT_BRIEFING.name


def post_open(path, qtbot, as_url: bool = False) -> None:
    event = QFileOpenEvent(QUrl.fromLocalFile(str(path)) if as_url else str(path))
    QCoreApplication.postEvent(QCoreApplication.instance(), event)
    qtbot.wait(20)  # the event loop delivers it


def test_a_file_sent_before_the_window_waits_then_opens(qtbot, queue, state, briefing):
    from viewer.core.session import Session
    from viewer.qt.main_window import MainWindow

    post_open(briefing, qtbot)
    assert queue.pending == [str(briefing)] and queue.received >= 1
    window = MainWindow(Session(state))
    qtbot.addWidget(window)
    assert window.session.briefing_path is None  # nothing opened it yet
    queue.attach(window.open_files)
    assert queue.pending == []
    assert window.session.briefing_path == briefing  # opened as a briefing, not read as tracks
    assert window.session.briefing is not None and window.session.briefing.scenes
    qtbot.waitUntil(
        lambda: len(window.session.tracks.items) == len(window.session.briefing.files),
        timeout=20_000,
    )


def test_a_track_file_sent_to_the_running_window_loads_as_tracks(qtbot, queue, window, tmp_path):
    queue.attach(window.open_files)
    path = tmp_path / "sortie.csv"
    path.write_text(TRACK)
    post_open(path, qtbot, as_url=True)
    qtbot.waitUntil(lambda: len(window.session.tracks.items) == 1, timeout=10_000)
    assert window.session.tracks.items[0].path == path.resolve()
    assert window.session.briefing_path is None
    assert queue.pending == []


def test_a_briefing_sent_to_the_running_window_opens_as_a_briefing(qtbot, queue, window, briefing):
    queue.attach(window.open_files)
    post_open(briefing, qtbot)
    qtbot.waitUntil(lambda: window.session.briefing_path == briefing, timeout=10_000)


def test_other_events_pass_through(qtbot, queue):
    from PySide6.QtCore import QEvent

    assert queue.eventFilter(QCoreApplication.instance(), QEvent(QEvent.Type.User)) is False
    assert queue.pending == []
