"""`LivePump`: a `LiveHub` driven from a thread of its own, so a window never polls, freezes or
indexes on its own thread.

Every ``poll_s`` (100 ms) the pump polls the hub (the feeds' messages into the store, the zone
alerts), and when the store changed (and once a second anyway, so tracks that fall quiet go
stale on screen) it freezes what the picture needs as a `viewer.core.live_tracks.LiveFrame`: the
*recent* snapshot (each track's last seconds, with the last fix of every track still held on
the map) and, every ``window_every_s`` or as soon as the picture asks for another stretch
(`request`: the trail behind the live edge, or a window in the past while the presenter scrubs
back), the thinned *window*. Each snapshot's time index is built here too, so slicing it on the
window's thread costs only the slice. ``deliver(frame)`` is called from the pump's thread (the
window queues it to its own: a Qt signal).

The hub's store is not thread-safe: everything that touches the hub — adding or removing a
feed, the alert rules — goes through `call`, run by the pump's thread between two polls.

    pump = LivePump(hub, deliver=print)
    pump.call(lambda hub: hub.add_source("sbs://127.0.0.1:30003"))
    pump.start()
"""

from __future__ import annotations

import math
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

import numpy as np

from viewer.core.live_tracks import HOLD_FACTOR, RECENT_S, LiveFrame, LiveRequest
from viewer.core.slicing import time_index
from viewer.io.live.hub import LiveHub

ACTIVITY_BINS = 288
STALE_EVERY_S = 1.0  # a quiet store is frozen anew this often: tracks go stale by the clock


class LivePump:
    """See the module docstring. ``deliver`` must not block (it is called from the pump)."""

    def __init__(
        self,
        hub: LiveHub,
        deliver: Callable[[LiveFrame], None],
        *,
        poll_s: float = 0.1,
        window_every_s: float = 2.0,
        activity_every_s: float = 5.0,
    ) -> None:
        self.hub = hub
        self.deliver = deliver
        self.poll_s = poll_s
        self.window_every_s = window_every_s
        self.activity_every_s = activity_every_s
        self.request = LiveRequest()  # replaced whole by the window's thread (atomic)
        self.errors: list[str] = []
        self._commands: queue.SimpleQueue[tuple[Callable[[LiveHub], Any], Future]] = (
            queue.SimpleQueue()
        )
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._window_at = -math.inf
        self._window_request: LiveRequest | None = None
        self._window_version = -1
        self._recent_at = -math.inf
        self._activity_at = -math.inf
        self._version = -1

    # ------------------------------------------------------------------ control
    def call(self, fn: Callable[[LiveHub], Any]) -> Future:
        """Run ``fn(hub)`` on the pump's thread before its next poll; the future holds what it
        returned or raised. Before `start` (or after `stop`) it runs at once, here."""
        future: Future = Future()
        if self._thread is None:
            _run(fn, self.hub, future)
        else:
            self._commands.put((fn, future))
        return future

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="live pump", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop polling, then every feed (their recordings closed)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._run_commands()
        self.hub.stop()

    def refresh_window(self) -> None:
        """Freeze the window anew at the next poll (its tracks were re-projected)."""
        self._window_request = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # ------------------------------------------------------------------ the thread
    def _run(self) -> None:
        while not self._stop.is_set():
            started = time.monotonic()
            self._run_commands()
            try:
                frame = self.step()
            except Exception as exc:  # a bug must not stop the live picture silently
                message = f"the live picture stopped updating: {type(exc).__name__}: {exc}"
                self.errors.append(message)
                frame = LiveFrame(warnings=(message,))
                self._stop.wait(1.0)
            self.deliver(frame)
            self._stop.wait(max(0.0, self.poll_s - (time.monotonic() - started)))

    def _run_commands(self) -> None:
        while True:
            try:
                fn, future = self._commands.get_nowait()
            except queue.Empty:
                return
            _run(fn, self.hub, future)

    def step(self) -> LiveFrame:
        """One poll and what it gives the picture (what the thread does every ``poll_s``)."""
        hub = self.hub
        update = hub.poll()
        store = hub.store
        span = store.span()
        request = self.request
        wall = time.monotonic()
        recent = window = None
        changed = store.version != self._version
        if span is not None and (changed or wall - self._recent_at >= STALE_EVERY_S):
            self._version, self._recent_at = store.version, wall
            newest = span[1]
            hold = store.config.stale_after_ship_s * HOLD_FACTOR
            recent = hub.snapshot(since=newest - RECENT_S, hold_since=newest - hold)
            time_index(recent.trackset)
        if span is not None and (
            request != self._window_request
            or (
                store.version != self._window_version
                and wall - self._window_at >= self.window_every_s
            )
        ):
            window = self._window(request, span)
            self._window_at, self._window_request = wall, request
            self._window_version = store.version
        activity = None
        if span is not None and changed and wall - self._activity_at >= self.activity_every_s:
            self._activity_at = wall
            edges = np.linspace(span[0], max(span[1], span[0] + 60.0), ACTIVITY_BINS + 1)
            activity = (store.activity(edges), edges)
        warnings = tuple(update.warnings)
        for status in update.feeds:
            warnings += tuple(status.warnings)
        return LiveFrame(
            recent=recent,
            window=window,
            window_request=request if window is not None else None,
            span=span,
            alerts=tuple(update.alerts),
            feeds=tuple(update.feeds),
            warnings=warnings,
            arrivals=tuple(update.arrivals) if recent is not None else (),
            activity=activity,
        )

    def _window(self, request: LiveRequest, span: tuple[float, float]):
        hub = self.hub
        hold = hub.store.config.stale_after_ship_s * HOLD_FACTOR
        if request.dvr is None:
            newest = span[1]
            since = newest - request.trail_s
            snap = hub.snapshot(since=since, thin_s=request.thin_s, hold_since=newest - hold)
        else:
            since, until = request.dvr
            snap = hub.snapshot(
                since=since, until=until, thin_s=request.thin_s, hold_since=since - hold
            )
        time_index(snap.trackset)
        return snap


def _run(fn: Callable[[LiveHub], Any], hub: LiveHub, future: Future) -> None:
    try:
        future.set_result(fn(hub))
    except BaseException as exc:  # the caller sees it through the future
        future.set_exception(exc)
