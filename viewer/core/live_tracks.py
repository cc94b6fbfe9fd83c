"""`LiveTracks`: the live feeds as a track source of the session — which of the store's tracks
the picture shows at each moment, the Live / DVR clock over the timeline, the alerts raised and
the feeds' states.

The feeds, the store and the alerts run off the window's thread (`viewer.io.live.pump`); what
reaches the session is a `LiveFrame` now and then (every poll that changed something): a
*recent* snapshot (each track's last seconds: the heads at the live edge and the trail pieces
drawn since the last frame) and, every few seconds or when asked for, a *window* (the trail
behind the live edge, or a stretch in the past while the presenter scrubs back, thinned to
what a screen can show). `LiveTracks.apply` takes a frame; `current` is the snapshot to show
(the recent one at the live edge, else the window); the session puts its `TrackSet` among the
loaded tracks under `LIVE_PATH`, so the map, the timeline and the events follow the same paths
as files.

Between messages a track stays on the map at its last fix (`LiveLook.hold`: five times its
stale time), faded and marked stale once no message came for the stale time.

Events: ``frame`` (the `LiveFrame` just applied), ``alerts`` (the list of new `Alert`),
``feeds`` (the feeds' statuses), ``mode`` (True: live, False: behind it, DVR).
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from viewer.core.evented import EventedModel
from viewer.core.live_clock import LIVE_EDGE_S, LiveClock
from viewer.core.live_store import LiveSnapshot
from viewer.core.timeline import Timeline
from viewer.core.track_layers import LoadedTracks, TrackLayers
from viewer.core.tracks import TrackSet

if TYPE_CHECKING:
    from viewer.core.live_alerts import Alert  # the zone analysis: not on the start-up path

#: The path the live feeds' tracks are loaded under (never a file).
LIVE_PATH = Path("<live feeds>")
HOLD_FACTOR = 5.0  # a track stays on the map this many stale times after its last fix
RECENT_S = 10.0  # the recent snapshot: each track's last seconds
DVR_MARGIN_S = 600.0  # a DVR window reaches this far beyond the trail and the time shown
DVR_AHEAD_S = 1800.0  # ...and this far ahead of it (playing forward stays inside for a while)
ALERT_HISTORY = 10_000
DEFAULT_LIVE_TRAIL_S = 300.0  # the trail when a live feed first connects: comet tails
# Display thinning: a fast aircraft (250 m/s) crosses this many pixels between kept fixes.
THIN_PX = 1.0
FAST_M_S = 250.0


@dataclass(frozen=True)
class LiveRequest:
    """What the picture wants of the store, read by the pump from its own thread: ``trail_s``
    behind the live edge, ``thin_s`` (at most one fix per that many seconds of a track), and
    ``dvr``: None at the live edge, else the (since, until) window the presenter is in."""

    trail_s: float = DEFAULT_LIVE_TRAIL_S
    thin_s: float = 0.0
    dvr: tuple[float, float] | None = None


@dataclass(frozen=True, eq=False)
class LiveFrame:
    """What one poll of the feeds gives the picture (see the module docstring). ``span``: the
    store's first and newest fix time; ``window_request``: what ``window`` answers;
    ``arrivals``: (wall-clock epoch s received, messages) per batch taken into ``recent``;
    ``activity``: (tracks live per bin, bin edges) over the whole store, now and then."""

    recent: LiveSnapshot | None = None
    window: LiveSnapshot | None = None
    window_request: LiveRequest | None = None
    span: tuple[float, float] | None = None
    alerts: tuple[Alert, ...] = ()
    feeds: tuple[Any, ...] = ()  # viewer.io.live.transport.FeedStatus
    warnings: tuple[str, ...] = ()
    arrivals: tuple[tuple[float, int], ...] = ()
    activity: tuple[np.ndarray, np.ndarray] | None = None


@dataclass(frozen=True, eq=False)
class LiveLook:
    """How the live tracks are drawn, per track of the TrackSet shown: ``hold`` (s a head stays
    at its last fix), ``limit`` (s without a fix before it is stale), ``stale`` at the live edge
    (no message for the stale time, by the wall clock; None behind it, where staleness is judged
    from the fix times), ``edge`` (at the live edge: the trails only grow, so only the new
    pieces need drawing) and ``history`` (the trail window, to draw the trails from anew)."""

    hold: np.ndarray
    limit: np.ndarray
    stale: np.ndarray | None
    edge: bool
    history: TrackSet | None


def files_and_live_span(items, live: LiveTracks) -> tuple[float, float] | None:
    """The time span of the loaded files (``items``: `LoadedTracks`) and the whole of what the
    live feeds hold."""
    spans = [i.trackset.time_span for i in items if i.path != LIVE_PATH and i.trackset.time_span]
    if live.span is not None and any(i.path == LIVE_PATH for i in items):
        spans.append(live.span)
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans)


class LiveTracks(EventedModel):
    """The live feeds' tracks for one session (see the module docstring)."""

    EVENTS = ("frame", "alerts", "feeds", "mode")

    def __init__(self, timeline: Timeline) -> None:
        super().__init__()
        self.timeline = timeline
        self.clock = LiveClock(timeline)
        self.recent: LiveSnapshot | None = None
        self.window: LiveSnapshot | None = None
        self.window_request: LiveRequest | None = None
        self.span: tuple[float, float] | None = None
        self.alerts: deque[Alert] = deque(maxlen=ALERT_HISTORY)
        self.feeds: tuple[Any, ...] = ()
        self.warnings: tuple[str, ...] = ()
        self.activity: tuple[np.ndarray, np.ndarray] | None = None
        self.metres_per_px = 600.0  # the map's scale, for display thinning (the window sets it)
        self._moving = 0
        timeline.events.connect("time", self._on_time_changed)
        timeline.events.connect("playing", self._on_playing_changed)

    # ------------------------------------------------------------------ state
    @property
    def active(self) -> bool:
        """A feed has brought tracks (the live source is on the map)."""
        return self.span is not None

    @property
    def live(self) -> bool:
        """At the live edge (the picture follows the feed), else behind it (DVR)."""
        return self.clock.live

    @property
    def behind_s(self) -> float:
        return self.clock.behind_s

    def current(self) -> LiveSnapshot | None:
        """The snapshot to show: the recent one at the live edge, else the window."""
        if self.live or self.window is None:
            return self.recent if self.recent is not None else self.window
        return self.window

    def request(self) -> LiveRequest:
        """What the pump should freeze next: the trail at the live edge, or the stretch around
        the time shown while behind it (the one already asked for while it still covers it)."""
        trail = self.timeline.trail if math.isfinite(self.timeline.trail) else 86400.0
        thin = THIN_PX * self.metres_per_px / FAST_M_S
        if self.live:
            return LiveRequest(trail, thin)
        t = self.timeline.time
        asked = self.window_request
        if (
            asked is not None
            and asked.dvr is not None
            and asked.dvr[0] <= t - trail
            and t <= asked.dvr[1] - DVR_MARGIN_S
            and asked.trail_s == trail
        ):
            return asked
        return LiveRequest(trail, thin, (t - trail - DVR_MARGIN_S, t + DVR_AHEAD_S))

    # ------------------------------------------------------------------ frames
    def apply(self, frame: LiveFrame) -> None:
        """Take what the pump froze: snapshots, the clock's new span, alerts, statuses."""
        if frame.recent is not None:
            self.recent = frame.recent
        if frame.window is not None:
            self.window, self.window_request = frame.window, frame.window_request
        if frame.activity is not None:
            self.activity = frame.activity
        if frame.span is not None:
            self.span = frame.span
            was = self.clock.live
            self._moving += 1
            try:
                self.clock.update(*frame.span)  # playing into the live edge: live again
            finally:
                self._moving -= 1
            if self.clock.live != was:
                self.timeline.pause()
                self.events.emit("mode", self.clock.live)
        self.feeds, self.warnings = frame.feeds, frame.warnings
        if frame.alerts:
            self.alerts.extend(frame.alerts)
            self.events.emit("alerts", list(frame.alerts))
        self.events.emit("feeds", frame.feeds)
        self.events.emit("frame", frame)

    def look(self, trackset: TrackSet) -> LiveLook | None:
        """How to draw ``trackset`` when it is the current snapshot's (else None)."""
        snap = self.current()
        if snap is None or snap.trackset is not trackset:
            return None
        limit = snap.limit if snap.limit is not None else np.full(trackset.n_tracks, 60.0)
        edge = self.live and snap is self.recent
        history = self.window.trackset if self.window is not None else None
        if history is not None and self.window_request is not None and self.window_request.dvr:
            history = None  # a stretch in the past: not the trail behind the live edge
        return LiveLook(
            hold=limit * HOLD_FACTOR,
            limit=limit,
            stale=snap.stale if edge else None,
            edge=edge,
            history=history,
        )

    # ------------------------------------------------------------------ Live / DVR
    def go_live(self) -> None:
        """Back to the live edge (the Live button)."""
        self.timeline.pause()
        was = self.clock.live
        self._moving += 1
        try:
            self.clock.go_live()
        finally:
            self._moving -= 1
        if not was:
            self.events.emit("mode", True)

    def scrub(self, t: float) -> None:
        """Show time ``t``: behind the live edge while the feeds keep recording."""
        was = self.clock.live
        self._moving += 1
        try:
            self.clock.scrub(t)
        finally:
            self._moving -= 1
        if was:
            self.events.emit("mode", False)

    def _on_time_changed(self, t: float) -> None:
        # Any move of the clock not made by the live clock itself (slider, keys, a scene, an
        # event clicked) leaves the live edge.
        if self._moving or not self.active or not self.clock.live:
            return
        if t != self.clock.newest:
            self.clock.live = False
            self.events.emit("mode", False)

    def _on_playing_changed(self, playing: bool) -> None:
        # playing forward into the live edge stops there: live again
        if (
            not playing
            and self.active
            and not self.clock.live
            and self.timeline.time >= self.clock.newest - LIVE_EDGE_S
        ):
            self.go_live()

    def freeze_into(self, other: LiveTracks) -> LiveSnapshot | None:
        """``other`` (an export's copy of the session) shows what this shows, its trails
        drawn from the trail window; the snapshot it shows."""
        other.span, other.activity = self.span, self.activity
        other.window, other.window_request = self.window, self.window_request
        other.recent = self.window if self.live and self.window is not None else self.recent
        other.clock.live, other.clock.newest = self.clock.live, self.clock.newest
        return other.current()

    def show_in(self, tracks: TrackLayers, frame: LiveFrame | None = None) -> None:
        """Take ``frame`` (if any); the live tracks in ``tracks`` follow the snapshot shown (a
        ``data`` change of the track layers, or ``changed`` when the live source first
        appears)."""
        if frame is not None:
            self.apply(frame)
        snap = self.current()
        if snap is None:
            return
        shown = next((i for i in tracks.items if i.path == LIVE_PATH), None)
        if shown is None:
            tracks.add(LoadedTracks(LIVE_PATH, snap.trackset, None))
        elif shown.trackset is not snap.trackset:  # else nothing new to draw
            tracks.update(LoadedTracks(LIVE_PATH, snap.trackset, None))

    def leave(self, tracks: TrackLayers) -> None:
        """No feed any more: reset, and the live tracks leave ``tracks``."""
        self.reset()
        if any(i.path == LIVE_PATH for i in tracks.items):
            tracks.remove(LIVE_PATH)

    def reset(self) -> None:
        """No feed any more and nothing kept: the live source leaves the picture."""
        self.recent = self.window = None
        self.window_request = None
        self.span = None
        self.activity = None
        self.feeds = ()
        self.clock = LiveClock(self.timeline)
