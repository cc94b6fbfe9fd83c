"""macOS "Open with" and Finder double-clicks: Finder sends an Apple Event, not argv, which Qt
turns into a `QFileOpenEvent` sent to the application object.

`FileOpenQueue` filters those events on the `QApplication`. A file that arrives before the main
window exists (at launch the event can come before or after the window is built) waits in the
queue and is handed over as soon as the window is attached; later ones go straight to the
window's ``open_files``, which opens a briefing as a briefing and loads anything else as tracks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

_QUEUES: dict[int, FileOpenQueue] = {}


class FileOpenQueue(QObject):
    """The files the system asked the app to open, delivered once there is a window."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.app = app
        self.pending: list[str] = []
        self.received = 0  # files received since start, delivered or not
        self._target: Callable[[list[str]], None] | None = None
        app.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() != QEvent.Type.FileOpen or obj is not self.app:
            return False
        path = event.file() or event.url().toLocalFile()
        if path:
            self.received += 1
            self.pending.append(path)
            if self._target is not None:
                # not inside the event handler: opening may show a dialog (time zone, moved files)
                QTimer.singleShot(0, self.flush)
        return True

    def attach(self, target: Callable[[list[str]], None] | None) -> None:
        """Deliver files to ``target`` (the window's ``open_files``) from now on, starting with
        those already waiting; ``None`` (the window closed) queues them again."""
        self._target = target
        if target is not None and self.pending:
            self.flush()

    def flush(self) -> None:
        if self._target is None or not self.pending:
            return
        paths, self.pending = self.pending, []
        self._target(paths)


def file_open_queue(app: QCoreApplication | None = None) -> FileOpenQueue:
    """The application's queue, created (and its event filter installed) on first use."""
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before its file-open queue")
    queue = _QUEUES.get(id(app))
    if queue is None or queue.app is not app:
        queue = _QUEUES[id(app)] = FileOpenQueue(app)
    return queue
