"""`LiveHub`: feeds in, a growing store, zone alerts out — what `adiz-viewer listen` and the
window drive.

The feeds' threads record and decode as data arrives and hand their messages to the hub
(thread-safe, bounded). Whoever owns the hub calls `poll` regularly — the command line every
100 ms, the window from a timer — and gets a `LiveUpdate`: the alerts raised since the last poll,
whether the store changed (then take `snapshot`), and each feed's status. Nothing here needs Qt
or a running event loop; a subscriber can also `subscribe(callback)` to be called with each
update from the polling thread.

    hub = LiveHub(zones=load_catalog().analysis_zones(), record_dir=Path("recordings"))
    hub.add_source("sbs://127.0.0.1:30003")
    hub.start()
    while True:
        update = hub.poll()
        for alert in update.alerts:
            print(alert.line())
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from viewer.core.live_alerts import Alert, AlertRule, ZoneAlerter
from viewer.core.live_store import Fix, LiveSnapshot, LiveTrackStore, StoreConfig, TrackInfo
from viewer.core.projection import Projection
from viewer.core.zones import Zone
from viewer.io.live.protocols import Message
from viewer.io.live.recorder import FeedRecorder
from viewer.io.live.sources import FeedSpec, parse_source, protocol_for
from viewer.io.live.transport import Feed, FeedConfig, FeedStatus

MAX_PENDING_FIXES = 500_000  # fixes waiting for a poll; past this a slow poller sheds
EXPIRE_EVERY_S = 1.0
FORGET_EVERY_S = 60.0
ALERT_HISTORY = 10_000


@dataclass
class LiveUpdate:
    """What one `LiveHub.poll` did: ``alerts`` raised (in time order), ``fixes`` added,
    ``changed`` (the store's tracks changed: take a new snapshot), ``version`` of the store,
    ``feeds`` statuses, ``warnings`` (the store's, e.g. a memory cap keeping less than the
    retention window; a poller too slow for the feeds), ``arrivals``: per batch of messages
    taken in, (wall-clock epoch s it was received from the socket, messages in it) — what a
    picture needs to say how long a message took to reach the screen."""

    alerts: list[Alert] = field(default_factory=list)
    fixes: int = 0
    late: int = 0
    changed: bool = False
    version: int = 0
    feeds: list[FeedStatus] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    arrivals: list[tuple[float, int]] = field(default_factory=list)


class LiveHub:
    """Feeds, the live store and the zone alerter (see the module docstring).

    ``zones``: what alerts are computed against (None or empty: no alerts); ``rules``: which
    events alert (none: every event); ``record_dir``: where every feed is recorded (None: not
    recorded); ``clock``: the wall clock (epoch s), replaceable in tests.
    """

    def __init__(
        self,
        zones: Sequence[Zone] | None = None,
        rules: Sequence[AlertRule] | None = None,
        store_config: StoreConfig | None = None,
        record_dir: Path | None = None,
        feed_config: FeedConfig | None = None,
        projection: Projection | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        projection = projection or Projection.default()
        self.store = LiveTrackStore(store_config, projection)
        self.alerter = ZoneAlerter(zones, rules, projection) if zones else None
        self.record_dir = Path(record_dir) if record_dir is not None else None
        self.feed_config = feed_config or FeedConfig()
        self.clock = clock
        self.feeds: list[Feed] = []
        self.alerts: deque[Alert] = deque(maxlen=ALERT_HISTORY)
        self.alert_count = 0
        self._pending: list[tuple[int, list[Message]]] = []
        self._pending_fixes = 0
        self._lock = threading.Lock()
        self.shed_by_hub = 0
        self._subscribers: list[Callable[[LiveUpdate], None]] = []
        self._expired_at = 0.0
        self._forgot_at = 0.0

    # ------------------------------------------------------------------ feeds
    def add_source(self, source: str | FeedSpec, token: str | None = None) -> Feed:
        """Add a feed by URL (`viewer.io.live.sources`); ValueError says what is wrong."""
        spec = source if isinstance(source, FeedSpec) else parse_source(source, token)
        if any(f.spec.name == spec.name for f in self.feeds):
            raise ValueError(f"two feeds named {spec.name!r}: give one another name (#name=...)")
        protocol = protocol_for(spec)
        recorder = None
        if self.record_dir is not None:
            recorder = FeedRecorder(
                self.record_dir / spec.name,
                protocol.suffix,
                {
                    "url": spec.url,
                    "protocol": spec.protocol,
                    "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.clock())),
                    "zone": spec.tz or "",
                },
            )
        feed = Feed(spec, protocol, self._receive, recorder, self.feed_config)
        self.feeds.append(feed)
        return feed

    def remove_source(self, name: str) -> None:
        """Stop the feed named ``name`` and forget it (its recording is closed; the tracks it
        brought stay in the store until retention drops them). KeyError if there is none."""
        feed = next((f for f in self.feeds if f.spec.name == name), None)
        if feed is None:
            raise KeyError(f"no feed named {name!r}; feeds are {[f.spec.name for f in self.feeds]}")
        feed.stop()
        self.feeds.remove(feed)

    def set_rules(self, rules: Sequence[AlertRule]) -> None:
        """Which events alert from now on (none: every event)."""
        if self.alerter is not None:
            self.alerter.rules = list(rules)

    def start(self) -> None:
        for feed in self.feeds:
            feed.start()

    def stop(self) -> None:
        for feed in self.feeds:
            feed.stop()

    def subscribe(self, callback: Callable[[LiveUpdate], None]) -> None:
        """``callback(update)`` after every poll, from the polling thread."""
        self._subscribers.append(callback)

    def _receive(self, name: str, arrival_ns: int, messages: list[Message]) -> None:
        n = sum(len(m.fixes) for m in messages)
        with self._lock:
            if self._pending_fixes + n > MAX_PENDING_FIXES:
                self.shed_by_hub += n
                return
            self._pending.append((arrival_ns, messages))
            self._pending_fixes += n

    # ------------------------------------------------------------------ polling
    def poll(self) -> LiveUpdate:
        """Move what the feeds received into the store, raise the alerts, bound the memory."""
        with self._lock:
            batches, self._pending = self._pending, []
            self._pending_fixes = 0
        now = self.clock()
        fixes: list[Fix] = []
        infos: list[TrackInfo] = []
        first_arrival = None
        arrivals = []
        for arrival_ns, messages in batches:
            if first_arrival is None:
                first_arrival = arrival_ns / 1e9
            arrivals.append((arrival_ns / 1e9, len(messages)))
            for message in messages:
                fixes.extend(message.fixes)
                infos.extend(message.infos)
        before = self.store.version
        result = self.store.add(fixes, now)
        if infos:
            self.store.update_info(infos, now)
        update = LiveUpdate(fixes=len(result.appended) + len(result.inserted), arrivals=arrivals)
        update.late = len(result.inserted)
        if self.alerter is not None and result.appended:
            update.alerts = self.alerter.process(result.appended, first_arrival or now)
            self.alerts.extend(update.alerts)
            self.alert_count += len(update.alerts)
        if now - self._expired_at >= EXPIRE_EVERY_S:
            self._expired_at = now
            self.store.expire()
        if now - self._forgot_at >= FORGET_EVERY_S:
            self._forgot_at = now
            if self.alerter is not None:
                self.alerter.forget(self.alerter.tracks() - set(self.store.track_ids()))
            _trim_memory()
        update.changed = self.store.version != before
        update.version = self.store.version
        update.feeds = self.status(now)
        if self.store.warning:
            update.warnings.append(self.store.warning)
        if self.shed_by_hub:
            update.warnings.append(
                f"the display fell behind the feeds: {self.shed_by_hub:,} fixes not shown "
                "(recorded)"
            )
        for callback in self._subscribers:
            callback(update)
        return update

    def status(self, now: float | None = None) -> list[FeedStatus]:
        now = self.clock() if now is None else now
        return [feed.status(now) for feed in self.feeds]

    def snapshot(self, since: float | None = None, **window: Any) -> LiveSnapshot:
        """The store as a `TrackSet` with each track's liveness (see `LiveTrackStore.snapshot`
        for ``since`` and the other ``window`` options)."""
        return self.store.snapshot(self.clock(), since=since, **window)

    def alerts_since(self, count: int) -> list[Alert]:
        """The alerts after the first ``count`` ever raised (those still in the history)."""
        missing = self.alert_count - count
        if missing <= 0:
            return []
        return list(self.alerts)[-min(missing, len(self.alerts)) :]


def _trim_memory() -> None:
    """Give the C heap's free pages back to the system (glibc's ``malloc_trim``): snapshots and
    decoding allocate and free large arrays from several threads, and without it the resident
    size of a long live session creeps up on memory that is free but kept."""
    global _MALLOC_TRIM
    if _MALLOC_TRIM is None:
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
            _MALLOC_TRIM = libc.malloc_trim
        except (OSError, AttributeError):  # not glibc (macOS, Windows, musl): nothing to do
            _MALLOC_TRIM = False
    if _MALLOC_TRIM:
        _MALLOC_TRIM(0)


_MALLOC_TRIM: Any = None
