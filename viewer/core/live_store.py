"""`LiveTrackStore`: tracks that grow as feed messages arrive, frozen on demand into a `TrackSet`.

Each track keeps its fixes in its own NumPy arrays, sorted by time, with spare room at the end
(capacity doubles when full) and a start index that retention moves forward (the arrays are
compacted when more than half is dead): a fix costs O(1) amortised, never a rebuild. A fix that
arrives out of order is inserted at its place in its track (O(track length)); a second fix at the
same time of the same track is dropped, as the file readers drop duplicates.

Memory is bounded whatever the feed rate: fixes older than ``retention_s`` before the newest fix
time are dropped, and when more than ``max_fixes`` are held the oldest go first (the store then
warns that it keeps less than the retention window; recordings on disk keep everything).

`snapshot` freezes the tracks, ids in text order as the file readers do, into the `TrackSet` the
slicing, painting and zone code take (cached until the next change), with per-track liveness:
a track is *stale* when no message for it arrived for ``stale_after_s`` seconds of wall clock.

>>> store = LiveTrackStore()
>>> accepted = store.add([Fix("a", 0, 121.0, 24.0), Fix("a", 60_000_000_000, 122.0, 24.0)], now=61)
>>> snap = store.snapshot(now=61)
>>> snap.trackset.n_fixes, list(snap.trackset.ids), bool(snap.stale[0])
(2, ['a'], False)
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from viewer.core.constants import KIND_SHIP, KIND_UNKNOWN
from viewer.core.projection import Projection
from viewer.core.tracks import TrackSet

NS = 1_000_000_000


def seconds(t_ns: int) -> float:
    """Epoch seconds from integer nanoseconds, rounded as `TrackSet.from_frame` rounds them
    (int64 to float64, then / 1e9), so a live fix and the same fix read from a file agree."""
    return float(t_ns) / 1e9


class Fix(NamedTuple):
    """One position report as a feed decoder gives it.

    ``t_ns``: integer nanoseconds since 1970-01-01 UTC (exact, so a fix read back from a recording
    has the very same time). ``alt_m``/``speed_kt``/``heading_deg`` NaN where the message has none.
    Text fields are "" where unknown (the track keeps what it had).
    """

    track_id: str
    t_ns: int
    lon: float
    lat: float
    alt_m: float = math.nan
    speed_kt: float = math.nan
    heading_deg: float = math.nan
    kind: str = ""
    callsign: str = ""
    side: str = ""
    label: str = ""


class TrackInfo(NamedTuple):
    """What a message says about a track without a position (an AIS ship name, an SBS callsign)."""

    track_id: str
    callsign: str = ""
    kind: str = ""
    side: str = ""
    label: str = ""


@dataclass(frozen=True)
class StoreConfig:
    """``retention_s``: keep fixes this long before the newest fix time (default 24 h).
    ``max_fixes``: hard cap on fixes held (about 56 bytes each); the oldest go first.
    ``stale_after_s``: wall-clock seconds without a message before a track is stale (ships:
    ``stale_after_ship_s``, AIS reports every 3 minutes at anchor).
    ``max_future_s``: a fix dated further than this after the wall clock is refused (a receiver
    with a wrong clock or a hostile message must not push the store's clock ahead)."""

    retention_s: float = 24 * 3600.0
    max_fixes: int = 5_000_000
    stale_after_s: float = 60.0
    stale_after_ship_s: float = 600.0
    max_future_s: float = 300.0

    def __post_init__(self) -> None:
        if not self.retention_s > 0:
            raise ValueError(f"retention must be > 0 seconds; got {self.retention_s}")
        if self.max_fixes < 1:
            raise ValueError(f"max_fixes must be >= 1; got {self.max_fixes}")


# Why the store refused a fix (keys of `LiveTrackStore.refused`).
REFUSED_POSITION = "position out of range"
REFUSED_FUTURE = "time in the future"
REFUSED_OLD = "older than the retention window"
REFUSED_DUPLICATE = "duplicate (same track and time)"


# rows of a track's blocks
T, LON, LAT, X, Y = range(5)  # float64 block
ALT, SPD, HDG = range(3)  # float32 block


class _Track:
    """One track's fixes: columns ``[start, start + n)`` of two blocks hold them, sorted by
    time — ``f8`` (t, lon, lat, x, y) and ``f4`` (alt_m, speed_kt, heading_deg) — so freezing
    many tracks is two concatenations, each row coming out contiguous."""

    __slots__ = (
        "callsign",
        "cap",
        "f4",
        "f8",
        "id",
        "kind",
        "label",
        "last_arrival",
        "n",
        "side",
        "start",
        "t0",
        "t1",
    )

    def __init__(self, track_id: str, cap: int = 16) -> None:
        self.id = track_id
        self.start = 0
        self.n = 0
        self.cap = cap
        self.f8 = np.empty((5, cap))
        self.f4 = np.empty((3, cap), dtype=np.float32)
        self.kind = KIND_UNKNOWN
        self.callsign = ""
        self.side = ""
        self.label = ""
        self.last_arrival = -math.inf
        self.t0 = math.inf  # first and last fix time, kept as Python floats (read per snapshot)
        self.t1 = -math.inf

    def _make_room(self) -> None:
        """Room for one more fix at the end: compact when half is dead, else double."""
        if self.start + self.n < self.cap:
            return
        s, n = self.start, self.n
        if s >= self.cap // 2:
            self.f8[:, :n] = self.f8[:, s : s + n]
            self.f4[:, :n] = self.f4[:, s : s + n]
        else:
            self.cap *= 2
            f8 = np.empty((5, self.cap))
            f4 = np.empty((3, self.cap), dtype=np.float32)
            f8[:, :n] = self.f8[:, s : s + n]
            f4[:, :n] = self.f4[:, s : s + n]
            self.f8, self.f4 = f8, f4
        self.start = 0

    def times(self) -> np.ndarray:
        return self.f8[T, self.start : self.start + self.n]

    def last_t(self) -> float:
        return self.t1

    def first_t(self) -> float:
        return self.t0

    def put(self, pos: int, f8: tuple, f4: tuple) -> None:
        """Insert a fix at position ``pos`` (0..n) of the track (pos == n: append)."""
        self._make_room()
        s, n = self.start, self.n
        at = s + pos
        if pos < n:
            self.f8[:, at + 1 : s + n + 1] = self.f8[:, at : s + n].copy()
            self.f4[:, at + 1 : s + n + 1] = self.f4[:, at : s + n].copy()
        self.f8[:, at] = f8
        self.f4[:, at] = f4
        self.n += 1
        if pos == 0:
            self.t0 = f8[T]
        if pos == n:
            self.t1 = f8[T]

    def drop_before(self, cutoff: float) -> int:
        """Drop the fixes older than ``cutoff`` (epoch s); how many went."""
        if cutoff <= self.t0:
            return 0
        k = int(self.times().searchsorted(cutoff, side="left"))
        self.start += k
        self.n -= k
        self.t0 = float(self.f8[T, self.start]) if self.n else math.inf
        if not self.n:
            self.t1 = -math.inf
        return k


@dataclass(frozen=True, eq=False)
class LiveSnapshot:
    """The store frozen at one moment: ``trackset`` (ids in text order), per track ``stale``
    (no message for the stale time), ``last_arrival`` (wall-clock epoch s of its last message),
    the store ``version`` it shows and the ``now`` it was judged at; ``limit``: per track, the
    seconds without a message after which it is stale (ships' longer)."""

    trackset: TrackSet
    stale: np.ndarray
    last_arrival: np.ndarray
    version: int
    now: float
    limit: np.ndarray | None = None


@dataclass
class AddResult:
    """What `LiveTrackStore.add` did with a batch: ``appended`` are the fixes that extended their
    track in time order (the ones zone alerts look at), ``inserted`` the late ones put in their
    place, ``new_tracks`` the ids seen for the first time; ``refused`` counts by reason."""

    appended: list[Fix] = field(default_factory=list)
    inserted: list[Fix] = field(default_factory=list)
    new_tracks: set[str] = field(default_factory=set)
    refused: dict[str, int] = field(default_factory=dict)


class LiveTrackStore:
    """Growing tracks for a live feed; see the module docstring. Not thread-safe: one thread
    (the hub's poll) adds, expires and snapshots."""

    def __init__(self, config: StoreConfig | None = None, projection: Projection | None = None):
        self.config = config or StoreConfig()
        self.projection = projection or Projection.default()
        self._tracks: dict[str, _Track] = {}
        self._sorted_ids: list[str] = []
        self._pending_info: dict[str, TrackInfo] = {}
        self.version = 0
        self.n_fixes = 0
        self.clock = -math.inf  # newest fix time seen (epoch s): retention counts back from it
        self.refused: dict[str, int] = {}
        self.dropped_by_cap = 0
        self.warning = ""  # e.g. the memory cap keeping less than the retention window
        self._oldest = math.inf
        self._snapshot: TrackSet | None = None
        self._snapshot_version = -1

    # ------------------------------------------------------------------ adding
    def add(self, fixes: Sequence[Fix], now: float) -> AddResult:
        """Add a batch of fixes that arrived by wall-clock time ``now`` (epoch s)."""
        result = AddResult()
        if not fixes:
            return result
        lon = np.fromiter((f.lon for f in fixes), dtype=np.float64, count=len(fixes))
        lat = np.fromiter((f.lat for f in fixes), dtype=np.float64, count=len(fixes))
        ok = np.isfinite(lon) & np.isfinite(lat) & (np.abs(lon) <= 180) & (np.abs(lat) <= 90)
        x, y = self.projection.forward(np.where(ok, lon, 0.0), np.where(ok, lat, 0.0))
        future = now + self.config.max_future_s
        refused = result.refused
        for k, fix in enumerate(fixes):
            if not ok[k]:
                refused[REFUSED_POSITION] = refused.get(REFUSED_POSITION, 0) + 1
                continue
            t = seconds(fix.t_ns)
            if t > future:
                refused[REFUSED_FUTURE] = refused.get(REFUSED_FUTURE, 0) + 1
                continue
            if t < self.clock - self.config.retention_s:
                refused[REFUSED_OLD] = refused.get(REFUSED_OLD, 0) + 1
                continue
            track = self._tracks.get(fix.track_id)
            if track is None:
                track = self._new_track(fix.track_id)
                result.new_tracks.add(fix.track_id)
            f8 = (t, lon[k], lat[k], x[k], y[k])
            f4 = (fix.alt_m, fix.speed_kt, fix.heading_deg)
            if t > track.last_t():
                track.put(track.n, f8, f4)
                result.appended.append(fix)
            else:
                times = track.times()
                pos = int(np.searchsorted(times, t, side="left"))
                if pos < track.n and times[pos] == t:
                    refused[REFUSED_DUPLICATE] = refused.get(REFUSED_DUPLICATE, 0) + 1
                    track.last_arrival = now
                    continue
                track.put(pos, f8, f4)
                result.inserted.append(fix)
            self._describe(track, fix)
            track.last_arrival = now
            self.n_fixes += 1
            self.clock = max(self.clock, t)
            self._oldest = min(self._oldest, t)
        for reason, count in refused.items():
            self.refused[reason] = self.refused.get(reason, 0) + count
        if result.appended or result.inserted:
            self.version += 1
        return result

    def update_info(self, infos: Iterable[TrackInfo], now: float) -> None:
        """Apply what messages without a position said about tracks (names, callsigns)."""
        for info in infos:
            track = self._tracks.get(info.track_id)
            if track is None:  # kept until the track's first fix
                old = self._pending_info.get(info.track_id)
                self._pending_info[info.track_id] = _merge_info(old, info)
                continue
            if self._describe(track, info):
                self.version += 1
            track.last_arrival = now

    def _new_track(self, track_id: str) -> _Track:
        track = _Track(track_id)
        self._tracks[track_id] = track
        bisect.insort(self._sorted_ids, track_id)
        info = self._pending_info.pop(track_id, None)
        if info is not None:
            self._describe(track, info)
        return track

    @staticmethod
    def _describe(track: _Track, what: Fix | TrackInfo) -> bool:
        """Text a message gives (kind, callsign, side, label) updates the track in place."""
        changed = False
        if what.kind and what.kind != track.kind:
            track.kind, changed = what.kind, True
        if what.callsign and what.callsign != track.callsign:
            track.callsign, changed = what.callsign, True
        if what.side and what.side != track.side:
            track.side, changed = what.side, True
        if what.label and what.label != track.label:
            track.label, changed = what.label, True
        return changed

    # ------------------------------------------------------------------ bounding memory
    def expire(self) -> int:
        """Drop what retention and the fix cap say must go; how many fixes went."""
        dropped = 0
        cutoff = self.clock - self.config.retention_s
        if self._oldest < cutoff:
            dropped += self._drop_before(cutoff)
        if self.n_fixes > self.config.max_fixes:
            keep = int(self.config.max_fixes * 0.9)  # room to grow before the next cut
            times = np.concatenate([tr.times() for tr in self._tracks.values()])
            cut = float(np.partition(times, len(times) - keep)[len(times) - keep])
            went = self._drop_before(cut)
            self.dropped_by_cap += went
            dropped += went
            kept_s = self.clock - cut
            self.warning = (
                f"memory cap of {self.config.max_fixes:,} fixes: keeping the last "
                f"{kept_s / 3600:.1f} h of the {self.config.retention_s / 3600:.0f} h retention "
                "in memory (the recordings keep everything)"
            )
        return dropped

    def _drop_before(self, cutoff: float) -> int:
        dropped = 0
        oldest = math.inf
        for track_id in list(self._tracks):
            track = self._tracks[track_id]
            dropped += track.drop_before(cutoff)
            if track.n == 0:
                del self._tracks[track_id]
                self._sorted_ids.remove(track_id)
            else:
                oldest = min(oldest, track.first_t())
        self._oldest = oldest
        if dropped:
            self.n_fixes -= dropped
            self.version += 1
        return dropped

    # ------------------------------------------------------------------ reading
    @property
    def n_tracks(self) -> int:
        return len(self._tracks)

    def track_ids(self) -> list[str]:
        """The tracks held, in text order (the snapshot's order)."""
        return list(self._sorted_ids)

    def set_projection(self, projection: Projection) -> None:
        """Re-project every fix into another display CRS (a data change)."""
        self.projection = projection
        for track in self._tracks.values():
            live = slice(track.start, track.start + track.n)
            track.f8[X, live], track.f8[Y, live] = projection.forward(
                track.f8[LON, live], track.f8[LAT, live]
            )
        self.version += 1

    def snapshot(
        self,
        now: float,
        since: float | None = None,
        name: str = "live",
        *,
        until: float | None = None,
        thin_s: float = 0.0,
        hold_since: float | None = None,
    ) -> LiveSnapshot:
        """The tracks as a `TrackSet` (ids in text order, fixes by time) and their liveness at
        wall-clock ``now``; the whole store is cached until it changes. A window of it for the
        picture (each track's fixes rebuilt in one concatenation, nothing per fix in Python):

        ``since`` (epoch s): only fixes from then on, plus the one before (so a head can be
        interpolated) — the live view needs its trail, not the day; ``until``: only fixes up to
        then, plus the one after (a DVR window in the past); ``hold_since``: tracks whose last
        fix is older than ``since`` but not than this come with that last fix alone (heads shown
        between messages); ``thin_s``: at most one fix per ``thin_s`` seconds of each track
        (the first of each interval, and always each end: a display that cannot show more)."""
        tracks = [self._tracks[i] for i in self._sorted_ids]
        if since is None and until is None and hold_since is None and not thin_s > 0:
            if self._snapshot is None or self._snapshot_version != self.version:
                self._snapshot = self._freeze(_spans(tracks, None, None, 0.0), name)
                self._snapshot_version = self.version
            trackset = self._snapshot
        else:
            lo = -math.inf if since is None else since
            if hold_since is not None:
                lo = min(lo, hold_since)
            hi = math.inf if until is None else until
            tracks = [tr for tr in tracks if tr.t1 >= lo and tr.t0 <= hi]
            trackset = self._freeze(_spans(tracks, since, until, thin_s), name)
        last = self._arrivals(tracks)
        limit = self.stale_limits(np.array([tr.kind for tr in tracks], dtype=object))
        return LiveSnapshot(trackset, (now - last) > limit, last, self.version, now, limit)

    def stale_limits(self, kinds: np.ndarray) -> np.ndarray:
        """Seconds without a message before a track of each kind is stale."""
        ship = np.asarray(kinds == KIND_SHIP, dtype=bool)
        return np.where(ship, self.config.stale_after_ship_s, self.config.stale_after_s)

    @staticmethod
    def _arrivals(tracks: list[_Track]) -> np.ndarray:
        return np.fromiter((tr.last_arrival for tr in tracks), np.float64, len(tracks))

    def span(self) -> tuple[float, float] | None:
        """The first and the newest fix time held (epoch s), None when empty."""
        if not self._tracks:
            return None
        first = min(tr.t0 for tr in self._tracks.values())
        return first, self.clock

    def activity(self, edges: np.ndarray) -> np.ndarray:
        """How many tracks are live in each bin of ``edges`` (epoch s, ascending): a track
        counts in every bin its first..last fix touches, as `viewer.core.slicing.activity`."""
        n_bins = len(edges) - 1
        counts = np.zeros(max(n_bins, 0), dtype=np.int64)
        if n_bins < 1 or not self._tracks:
            return counts
        t0 = np.fromiter((tr.t0 for tr in self._tracks.values()), np.float64, len(self._tracks))
        t1 = np.fromiter((tr.t1 for tr in self._tracks.values()), np.float64, len(self._tracks))
        keep = (t0 <= edges[-1]) & (t1 >= edges[0])
        a = np.clip(np.searchsorted(edges, t0[keep], side="right") - 1, 0, n_bins - 1)
        b = np.clip(np.searchsorted(edges, t1[keep], side="right") - 1, 0, n_bins - 1)
        delta = np.bincount(a, minlength=n_bins + 1) - np.bincount(b + 1, minlength=n_bins + 1)
        return np.cumsum(delta)[:n_bins].astype(np.int64)

    def _freeze(self, spans: list[tuple[_Track, np.ndarray | slice]], name: str) -> TrackSet:
        if not spans:
            return TrackSet.empty(self.projection, name)
        counts = np.fromiter((_count(tr, k) for tr, k in spans), np.int64, len(spans))
        offsets = np.zeros(len(spans) + 1, dtype=np.int64)
        np.cumsum(counts, out=offsets[1:])
        f8 = np.concatenate([tr.f8[:, k] for tr, k in spans], axis=1)
        f4 = np.concatenate([tr.f4[:, k] for tr, k in spans], axis=1)

        def text(attr: str) -> np.ndarray:
            return np.array([getattr(tr, attr) for tr, _ in spans], dtype=object)

        return TrackSet(
            ids=text("id"),
            offsets=offsets,
            t=f8[T],
            lon=f8[LON],
            lat=f8[LAT],
            x=f8[X],
            y=f8[Y],
            alt_m=f4[ALT],
            speed_kt=f4[SPD],
            heading_deg=f4[HDG],
            kinds=text("kind"),
            callsigns=text("callsign"),
            labels=text("label"),
            counts=np.ones(len(spans), dtype=np.int32),
            projection=self.projection,
            name=name,
            sides=text("side"),
        )


def _spans(
    tracks: list[_Track], since: float | None, until: float | None, thin_s: float
) -> list[tuple[_Track, np.ndarray | slice]]:
    """Per track, the columns of its blocks a window takes: a slice, or the indices kept when
    thinned (see `LiveTrackStore.snapshot`)."""
    out: list[tuple[_Track, np.ndarray | slice]] = []
    for tr in tracks:
        a, b = tr.start, tr.start + tr.n
        if since is not None and tr.t0 < since:  # from the fix before `since` (or the last)
            a = max(tr.start + int(tr.times().searchsorted(since)) - 1, tr.start)
        if until is not None and tr.t1 > until:  # to the fix after `until`
            b = min(tr.start + int(tr.times().searchsorted(until, side="right")) + 1, b)
        if thin_s > 0 and b - a > 2:
            t = tr.f8[T, a:b]
            bucket = np.floor((t - t[0]) / thin_s)
            keep = np.flatnonzero(np.diff(bucket) != 0) + 1
            idx = np.concatenate(([0], keep[keep < b - a - 1], [b - a - 1])) + a
            out.append((tr, idx))
        else:
            out.append((tr, slice(a, b)))
    return out


def _count(track: _Track, k: np.ndarray | slice) -> int:
    if isinstance(k, slice):
        return k.stop - k.start
    return len(k)


def _merge_info(old: TrackInfo | None, new: TrackInfo) -> TrackInfo:
    if old is None:
        return new
    return TrackInfo(
        new.track_id,
        new.callsign or old.callsign,
        new.kind or old.kind,
        new.side or old.side,
        new.label or old.label,
    )
