"""A minimal, Qt-free observer: models emit named events, views connect callbacks.

>>> class Clock(EventedModel):
...     def set_time(self, t):
...         self.time = t
...         self.events.emit("time", t)
>>> c = Clock(); seen = []
>>> c.events.connect("time", seen.append); c.set_time(5); seen
[5]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any


class EventEmitter:
    """Named events, each with a list of callbacks called in connection order."""

    def __init__(self) -> None:
        self._callbacks: defaultdict[str, list[Callable[..., Any]]] = defaultdict(list)
        self._blocked = 0

    def connect(self, name: str, callback: Callable[..., Any]) -> None:
        self._callbacks[name].append(callback)

    def disconnect(self, name: str, callback: Callable[..., Any]) -> None:
        callbacks = self._callbacks.get(name, [])
        if callback in callbacks:
            callbacks.remove(callback)

    def emit(self, name: str, *args: Any) -> None:
        if self._blocked:
            return
        for callback in list(self._callbacks.get(name, ())):
            callback(*args)

    def blocked(self) -> _Blocker:
        """Context manager: no event is emitted inside it."""
        return _Blocker(self)


class _Blocker:
    def __init__(self, emitter: EventEmitter) -> None:
        self._emitter = emitter

    def __enter__(self) -> None:
        self._emitter._blocked += 1

    def __exit__(self, *exc: object) -> None:
        self._emitter._blocked -= 1


class EventedModel:
    """Base for core models: owns an `EventEmitter` at ``self.events``."""

    def __init__(self) -> None:
        self.events = EventEmitter()
