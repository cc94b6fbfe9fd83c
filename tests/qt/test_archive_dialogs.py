"""The questions an archive asks in the window: which database (a URL that never carries a
password; OpenSky's hours), and a password asked on the UI thread for a worker that waits."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest

from viewer.qt.archive_dialogs import ConnectDialog, PasswordDialog, url_problem
from viewer.qt.archive_worker import PasswordBridge


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("postgresql://me@db.example/tracks?table=public.fixes", ""),
        ("opensky://me@trino.opensky-network.org", ""),
        ("db.example/tracks", "Type a database URL"),
        ("mysql://me@db/tracks", "mysql:// is not a database here"),
        ("postgresql://me:secret@db/tracks", "Leave the password out of the URL"),
        ("opensky://trino.opensky-network.org", "Give your OpenSky user name"),
        ("postgresql://me@db:99999/tracks", "Not a URL"),
    ],
)
def test_url_problems_are_said(url: str, why: str) -> None:
    problem = url_problem(url)
    assert problem.startswith(why) if why else problem == ""


def test_opensky_asks_for_its_hours(qtbot) -> None:
    dialog = ConnectDialog("postgresql://me@db/tracks")
    qtbot.addWidget(dialog)
    assert dialog.span() is None and not dialog.start.isEnabled()
    dialog.url_edit.setText("opensky://me@trino.opensky-network.org")
    assert dialog.start.isEnabled()
    dialog.start.set_value(datetime(2024, 5, 1, 6, tzinfo=UTC))
    dialog.end.set_value(datetime(2024, 5, 1, 8, tzinfo=UTC))
    assert dialog.span() == (
        datetime(2024, 5, 1, 6, tzinfo=UTC),
        datetime(2024, 5, 1, 8, tzinfo=UTC),
    )
    dialog.end.set_value(datetime(2024, 5, 1, 5, tzinfo=UTC))
    dialog.accept()
    assert dialog.result() == 0 and "ends before it starts" in dialog.error.text()
    dialog.url_edit.setText("opensky://me:pw@trino.opensky-network.org")
    dialog.accept()
    assert "Leave the password out" in dialog.error.text()


def test_a_password_without_a_keyring_is_not_offered_to_be_kept(qtbot) -> None:
    dialog = PasswordDialog("Password for postgresql://me@db/tracks", "no system keyring")
    qtbot.addWidget(dialog)
    dialog.edit.setText("s3cret")
    assert dialog.password() == "s3cret" and not dialog.remember()
    assert not dialog.keep.isEnabled()


def test_a_worker_waits_for_the_password_asked_on_the_ui_thread(qtbot) -> None:
    asked_on = []

    def answer(prompt: str) -> str:
        asked_on.append(threading.current_thread() is threading.main_thread())
        return f"answer to {prompt}"

    bridge = PasswordBridge(answer)
    got = []
    worker = threading.Thread(target=lambda: got.append(bridge.ask("Password for db")))
    worker.start()
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    worker.join()
    assert got == ["answer to Password for db"] and asked_on == [True]
