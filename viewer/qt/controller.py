"""`Controller`: a part of the main window (track files, replay, briefing, authoring, display,
exports) — its actions, docks and dialogs — given the session it drives and the window it lives
in, explicitly. The window is a shell of controllers; they share state only through the
session and the window's named widgets, and call each other through the window's attributes
(``window.track_files``, ``window.replay``, ...)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from viewer.core.session import Session


class Controller(QObject):
    """``window`` is the `viewer.qt.main_window.MainWindow` (not imported here: the window
    imports its controllers)."""

    def __init__(self, session: Session, window: Any) -> None:
        super().__init__(window)
        self.session = session
        self.window = window

    def show_message(self, text: str, ms: int) -> None:
        """A message in the window's status bar for ``ms`` milliseconds."""
        self.window.statusBar().showMessage(text, ms)

    def show_error(self, title: str, text: str) -> None:
        self.window.show_error(title, text)
