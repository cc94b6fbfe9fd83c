"""Which live tracks' labels come first when there is not room for all: a track that alerted a
moment ago, then one inside a zone (its last event an entry), then the rest. The track painter
labels heads in this order (the selected track before all), as many as fit without overlapping
(`viewer.render.label_sprites`).

`LabelPriority` keeps each track's last zone event as the alerts arrive (a dict update per
alert, never a pass over the history) and answers, per track of a snapshot's TrackSet, its rank.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

from viewer.core.tracks import TrackSet

if TYPE_CHECKING:
    from viewer.core.live_alerts import Alert  # the zone analysis: not on the start-up path

ALERTING, INSIDE, OTHER = 0, 1, 2  # ranks: lower is labelled first
ALERTING_S = 60.0  # feed seconds a track counts as alerting after its event
MAX_TRACKED = 50_000  # tracks remembered (a day of a busy feed); the oldest go first


class LabelPriority:
    """Each track's last zone event (time, event) by track id, and the ranks it gives."""

    def __init__(self) -> None:
        self._last: dict[str, tuple[float, str]] = {}
        self.version = 0
        self._cache: tuple[weakref.ref[TrackSet], tuple, np.ndarray] | None = None
        self._sorted: tuple[int, np.ndarray, np.ndarray, np.ndarray] | None = None

    def add(self, alerts: Iterable[Alert]) -> None:
        """Take new alerts (in the order they came)."""
        for alert in alerts:
            self._last.pop(alert.track_id, None)  # re-inserted last: the dict stays in age order
            self._last[alert.track_id] = (alert.time, alert.event)
            self.version += 1
        while len(self._last) > MAX_TRACKED:
            del self._last[next(iter(self._last))]

    def clear(self) -> None:
        self._last.clear()
        self.version += 1

    def ranks(self, trackset: TrackSet, t: float) -> np.ndarray:
        """Per track of ``trackset``: `ALERTING` (an event in the `ALERTING_S` before ``t``),
        `INSIDE` (its last event an entry) or `OTHER`."""
        key = (self.version, int(t))  # and the trackset itself (a new snapshot may reuse its id)
        if self._cache is not None and self._cache[0]() is trackset and self._cache[1] == key:
            return self._cache[2]
        ranks = np.full(trackset.n_tracks, OTHER, dtype=np.int8)
        if self._last and trackset.n_tracks:
            ids, times, entered = self._arrays()
            shown = np.asarray(trackset.ids).astype(str)
            at = np.minimum(np.searchsorted(ids, shown), len(ids) - 1)
            known = ids[at] == shown
            w = at[known]
            rank = np.where(entered[w], INSIDE, OTHER)
            rank = np.where((times[w] >= t - ALERTING_S) & (times[w] <= t + 1.0), ALERTING, rank)
            ranks[known] = rank
        self._cache = (weakref.ref(trackset), key, ranks)
        return ranks

    def _arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The last events as arrays sorted by track id (made again when alerts came)."""
        if self._sorted is None or self._sorted[0] != self.version:
            ids = np.array(list(self._last), dtype=str)
            times = np.array([v[0] for v in self._last.values()])
            entered = np.array([v[1] == "entry" for v in self._last.values()])
            order = np.argsort(ids)
            self._sorted = (self.version, ids[order], times[order], entered[order])
        return self._sorted[1:]
