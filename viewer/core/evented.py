"""A minimal, Qt-free observer: models declare their events, views connect callbacks.

Each model names its events once, in ``EVENTS``; connecting to, disconnecting from or emitting a
name it does not declare raises at once (a misspelt event is an error, never a silent no-op).

>>> class Clock(EventedModel):
...     EVENTS = ("time",)
...     def set_time(self, t):
...         self.time = t
...         self.events.emit("time", t)
>>> c = Clock(); seen = []
>>> c.events.connect("time", seen.append); c.set_time(5); seen
[5]
>>> c.events.connect("tme", print)
Traceback (most recent call last):
...
ValueError: Clock has no event 'tme'; its events: time
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, ClassVar


class EventEmitter:
    """The declared events of one model, each with a list of callbacks called in connection
    order; ``owner`` names the model in error messages."""

    def __init__(self, owner: str, names: Iterable[str]) -> None:
        self.owner = owner
        self.names: tuple[str, ...] = tuple(names)
        self._callbacks: dict[str, list[Callable[..., Any]]] = {n: [] for n in self.names}
        self._blocked = 0

    def _callbacks_of(self, name: str) -> list[Callable[..., Any]]:
        try:
            return self._callbacks[name]
        except KeyError:
            raise ValueError(
                f"{self.owner} has no event {name!r}; its events: {', '.join(self.names)}"
            ) from None

    def connect(self, name: str, callback: Callable[..., Any]) -> None:
        self._callbacks_of(name).append(callback)

    def disconnect(self, name: str, callback: Callable[..., Any]) -> None:
        callbacks = self._callbacks_of(name)
        if callback in callbacks:
            callbacks.remove(callback)

    def emit(self, name: str, *args: Any) -> None:
        callbacks = self._callbacks_of(name)
        if self._blocked:
            return
        for callback in list(callbacks):
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
    """Base for core models: declares ``EVENTS`` and owns their `EventEmitter` at
    ``self.events``."""

    EVENTS: ClassVar[tuple[str, ...]] = ()

    def __init__(self) -> None:
        self.events = EventEmitter(type(self).__name__, self.EVENTS)
