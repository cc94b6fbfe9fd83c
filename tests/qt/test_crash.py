"""The crash handler writes a log the user is told about."""

import sys

from viewer.qt import crash


def test_uncaught_exception_is_logged(tmp_path, monkeypatch, qapp):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    crash.install_crash_handler()
    try:
        raise ValueError("boom at line 42")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    logs = list((tmp_path / "adiz-viewer" / "logs").glob("crash-*.log"))
    assert len(logs) == 1
    text = logs[0].read_text()
    assert "ValueError: boom at line 42" in text and "ADIZ Viewer" in text
