"""Questions to an archive off the UI thread, one at a time, the newest of each kind winning.

`ArchiveWorker` owns one `viewer.io.archive.Archive` (opened in its thread by `open`) and one
thread. `ask(kind, fn)` queues ``fn(archive, cancel, progress)``; a newer question of the same
kind cancels the older one (in the engine, through ``cancel``, polled while its query runs) so
a pan or a zoom never waits behind a stale density. ``finished(kind, generation, result)``,
``failed(kind, generation, message, error)`` and ``cancelled(kind, generation)`` arrive on the UI
thread; `cancel_all` (the Cancel button) stops the running question in the engine
(`Archive.cancel`) and drops the queued ones. After `shutdown` nothing more is delivered and
the archive is closed in the worker's thread once its query has stopped.

The password a database asks for while opening is asked on the UI thread (`PasswordBridge`):
the worker waits for the answer.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from viewer.io.archive import ArchiveError, QueryCancelled
from viewer.qt.i18n import translate

OPEN = "open"


@dataclass
class Question:
    kind: str
    generation: int
    fn: Callable[..., Any]
    stop: threading.Event = field(default_factory=threading.Event)


class ArchiveWorker(QObject):
    finished = Signal(str, int, object)
    failed = Signal(str, int, str, object)
    cancelled = Signal(str, int)
    progress = Signal(str, int, float)
    # from the thread: (signal name, kind, generation, arguments), queued to `_deliver`
    _result = Signal(str, str, int, object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archive: Any = None  # viewer.io.archive.Archive, once open
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"archive-{name}")
        self._generations = itertools.count(1)
        self._latest: dict[str, Question] = {}  # kind -> the newest question asked
        self._running: Question | None = None
        self._pending = 0  # questions asked and not yet answered
        self._lock = threading.Lock()
        self._closed = False
        self._result.connect(self._deliver)

    # ------------------------------------------------------------------ asking
    def open(self, opener: Callable[[], Any]) -> int:
        """Open the archive in the worker's thread: ``opener()`` returns it (or raises)."""

        def run(_archive, cancel, progress):
            archive = opener()
            if self._closed:  # the window closed while it opened
                archive.close()
                raise QueryCancelled(archive.source)
            self.archive = archive
            return archive

        return self.ask(OPEN, run)

    def ask(self, kind: str, fn: Callable[..., Any]) -> int:
        """Queue ``fn(archive, cancel, progress)``; a question of this kind still waiting or
        running is cancelled. Returns its generation (results carry it)."""
        question = Question(kind, next(self._generations), fn)
        with self._lock:
            older = self._latest.get(kind)
            self._latest[kind] = question
            self._pending += 1
        if older is not None:
            older.stop.set()  # the engine's watcher interrupts it if it is running
        self._pool.submit(self._run, question)
        return question.generation

    def is_latest(self, kind: str, generation: int) -> bool:
        question = self._latest.get(kind)
        return question is not None and question.generation == generation

    def busy(self) -> bool:
        """A question is running or waiting."""
        return self._pending > 0

    def cancel(self, kind: str) -> None:
        """Cancel the question of ``kind`` (queued or running)."""
        question = self._latest.get(kind)
        if question is not None:
            question.stop.set()

    def cancel_all(self) -> None:
        """Stop everything: the running query in the engine, and the queued questions."""
        with self._lock:
            questions = list(self._latest.values())
            running = self._running
        for q in questions:
            q.stop.set()
        if running is not None and self.archive is not None:
            self.archive.cancel()

    def shutdown(self) -> None:
        """The window closes (or another archive opens): stop, deliver nothing more, close the
        archive in the worker's thread after its query."""
        self._closed = True
        self.cancel_all()

        def close() -> None:
            if self.archive is not None:
                self.archive.close()
                self.archive = None

        self._pool.submit(close)
        self._pool.shutdown(wait=False)

    # ------------------------------------------------------------------ the thread
    def _run(self, q: Question) -> None:
        try:
            if q.stop.is_set() or self._closed:
                self._emit("cancelled", q, ())
                return
            self._answer(q)
        finally:
            with self._lock:
                self._pending -= 1

    def _answer(self, q: Question) -> None:
        with self._lock:
            self._running = q
        try:
            result = q.fn(
                self.archive,
                q.stop.is_set,
                lambda f: self._emit("progress", q, (float(f),)),
            )
        except QueryCancelled:
            self._emit("cancelled", q, ())
        except ArchiveError as exc:
            self._emit("failed", q, (str(exc), exc))
        except Exception as exc:  # an engine or driver bug must not take the app down
            message = translate("Archive", "{source}: the question failed ({error})").format(
                source=getattr(self.archive, "source", ""), error=f"{type(exc).__name__}: {exc}"
            )
            self._emit("failed", q, (message, exc))
        else:
            if q.stop.is_set():  # superseded or cancelled as it finished
                self._emit("cancelled", q, ())
            else:
                self._emit("finished", q, (result,))
        finally:
            with self._lock:
                self._running = None

    def _emit(self, what: str, q: Question, args: tuple) -> None:
        if not self._closed:
            self._result.emit(what, q.kind, q.generation, args)

    def _deliver(self, what: str, kind: str, generation: int, args: tuple) -> None:
        if self._closed:
            return
        getattr(self, what).emit(kind, generation, *args)


class PasswordBridge(QObject):
    """A worker thread's password question, asked on the UI thread: `ask(prompt)` (called from
    the worker) waits for ``answer(prompt) -> str | None``, run on the UI thread."""

    _asked = Signal(str, object)

    def __init__(self, answer: Callable[[str], str | None], parent: QObject | None = None):
        super().__init__(parent)
        self.answer = answer
        self._asked.connect(self._on_asked)
        self._waiting: list[threading.Event] = []

    def ask(self, prompt: str) -> str | None:
        box: dict[str, Any] = {"done": threading.Event(), "value": None}
        self._waiting.append(box["done"])
        self._asked.emit(prompt, box)
        box["done"].wait()
        return box["value"]

    def _on_asked(self, prompt: str, box: dict) -> None:
        try:
            box["value"] = self.answer(prompt)
        finally:
            box["done"].set()

    def release(self) -> None:
        """The window closes: no worker waits for an answer any more (None)."""
        for event in self._waiting:
            event.set()


__all__ = ["OPEN", "ArchiveWorker", "PasswordBridge"]
