"""Loading track files off the UI thread, with progress and cancel.

`TrackLoader.load(path, options)` starts a worker thread running the reader
(`viewer.io.registry.load_trackset`); it emits ``progress(path, fraction)`` now and then, and
``finished(path, trackset, report)`` or ``failed(path, message, error)`` on the UI thread.
``cancel(path)`` makes the reader stop at its next check; the UI never waits for it.
After ``shutdown()`` (the window closing) nothing more is emitted, not even a result the worker
finished just before: every result passes the UI thread's `_deliver`, which drops it then.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from viewer.core.projection import Projection
from viewer.io.registry import load_trackset
from viewer.io.report import ImportCancelled, TrackImportError
from viewer.qt.i18n import translate


class TrackLoader(QObject):
    progress = Signal(str, float)
    finished = Signal(str, object, object)
    failed = Signal(str, str, object)
    cancelled = Signal(str)
    # from the workers: (what, key, arguments), queued to `_deliver` on the UI thread
    _result = Signal(str, str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="track-loader")
        self._cancel: dict[str, threading.Event] = {}
        self._closed = False
        self._result.connect(self._deliver)

    def _deliver(self, what: str, key: str, args: tuple) -> None:
        if self._closed:
            return
        getattr(self, what).emit(key, *args)

    def load(self, path: str | Path, projection: Projection, options: object = None) -> None:
        key = str(path)
        event = threading.Event()
        self._cancel[key] = event
        self._pool.submit(self._run, key, projection, options, event)

    def cancel(self, path: str | Path) -> None:
        event = self._cancel.get(str(path))
        if event is not None:
            event.set()

    def busy(self) -> bool:
        return bool(self._cancel)

    def shutdown(self) -> None:
        self._closed = True
        for event in self._cancel.values():
            event.set()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _run(
        self, key: str, projection: Projection, options: object, event: threading.Event
    ) -> None:
        try:
            trackset, report = load_trackset(
                key,
                projection=projection,
                options=options,
                progress=lambda f: self._result.emit("progress", key, (float(f),)),
                cancel=event.is_set,
            )
        except ImportCancelled:
            self._cancel.pop(key, None)
            self._result.emit("cancelled", key, ())
        except TrackImportError as exc:
            self._cancel.pop(key, None)
            self._result.emit("failed", key, (str(exc), exc))
        except Exception as exc:  # a reader bug must not take the app down: say what happened
            self._cancel.pop(key, None)
            message = translate("TrackLoader", "{file}: could not be read ({error})").format(
                file=key, error=f"{type(exc).__name__}: {exc}"
            )
            self._result.emit("failed", key, (message, exc))
        else:
            self._cancel.pop(key, None)
            self._result.emit("finished", key, (trackset, report))
