"""A crash handler: an unexpected error is written to a log file and the user is told where,
instead of the window vanishing. Qt warnings go to the same log."""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from viewer import __version__
from viewer.qt.i18n import translate


def log_dir() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "adiz-viewer" / "logs"


def write_crash_log(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> Path:
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = folder / f"crash-{stamp}-{os.getpid()}.log"
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    path.write_text(
        f"ADIZ Viewer {__version__}, Python {sys.version.split()[0]}, {sys.platform}\n"
        f"{dt.datetime.now().isoformat()}\n\n{text}",
        encoding="utf-8",
    )
    return path


def install_crash_handler() -> None:
    """Route uncaught exceptions (including those raised inside Qt slots) to a log + a dialog."""

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        try:
            path = write_crash_log(exc_type, exc, tb)
            where = translate("Crash", "The details were saved to\n{path}").format(path=path)
        except OSError as err:
            where = translate("Crash", "(the log could not be written: {error})").format(error=err)
        sys.__excepthook__(exc_type, exc, tb)
        app = QApplication.instance()
        if app is not None and QApplication.platformName() not in ("offscreen", "minimal"):
            QMessageBox.critical(
                None,
                translate("Crash", "ADIZ Viewer: unexpected error"),
                translate(
                    "Crash",
                    "Something went wrong: {error}\n\n{where}\n\n"
                    "Your briefing's autosave is kept; please send the log with a description "
                    "of what you were doing.",
                ).format(error=f"{exc_type.__name__}: {exc}", where=where),
            )

    sys.excepthook = hook

    def qt_messages(mode, context, message):
        if mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            folder = log_dir()
            try:
                folder.mkdir(parents=True, exist_ok=True)
                with (folder / "qt.log").open("a", encoding="utf-8") as fh:
                    fh.write(f"{dt.datetime.now().isoformat()} {mode.name}: {message}\n")
            except OSError:
                pass
        sys.stderr.write(f"Qt: {message}\n")

    qInstallMessageHandler(qt_messages)
