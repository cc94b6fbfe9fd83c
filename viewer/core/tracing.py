"""Traced tracks: paths a teacher clicks on the map, with times from a simple timing model.

A `TracedTrack` is a list of vertices (lon/lat) plus who flew it (id, kind, how many aircraft the
path stands for: a formation of 4 is one path with count 4) and a `Timing`:

- ``speed``: a start time and a constant ground speed in knots;
- ``start_end``: a start and an end time, the speed implied;
- ``vertices``: times typed at chosen vertices (at least two), the others interpolated by
  geodesic distance along the path (and extrapolated past the first/last timed vertex at the
  speed of the nearest timed stretch).

Times are UTC (`datetime` with tzinfo); the UI shows and takes them in a named zone. Every time a
vertex gets is computed from geodesic distances on the WGS 84 ellipsoid, so a track at 450 kt
covers 450 nmi of geodesic distance per hour, whatever the map projection.

A `TracedScenario` is the set of traced tracks with their provenance ("traced from <image> on
<date>, illustrative"). `scenario_frame` turns it into the canonical track table the readers
produce, so a traced scenario replays exactly like a loaded file.

>>> from datetime import datetime, UTC
>>> t = TracedTrack("A1", "fighter", 1, ((121.0, 22.0), (122.0, 22.0)),
...                 Timing.at_speed(datetime(2021, 10, 4, 2, 0, tzinfo=UTC), 450.0))
>>> round(float(vertex_times(t)[1] - vertex_times(t)[0]))  # 55.7 nmi at 450 kt
446
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Final

import numpy as np
import pandas as pd
from pyproj import Geod

from viewer.core.constants import (
    CALLSIGN,
    COUNT,
    KIND,
    KINDS,
    LABEL,
    LAT,
    LON,
    NMI_IN_M,
    SOURCE,
    TIME,
    TRACK_ID,
)
from viewer.core.tracks import TrackSet

SPEED: Final = "speed"
START_END: Final = "start_end"
VERTICES: Final = "vertices"
TIMING_MODES: Final = (SPEED, START_END, VERTICES)
ILLUSTRATIVE: Final = "illustrative"
# Every traced track's label ends so, on the map and in the files saved from it (as the shipped
# example's do): a drawn path is never taken for a recorded one.
TRACED_MARK: Final = "(traced, illustrative)"
DEFAULT_TZ: Final = "Asia/Taipei"
# The name the traced tracks replay under, beside the loaded files (not a file on disk).
TRACED_NAME: Final = "Traced tracks"
TRACED_PATH: Final = Path(TRACED_NAME)
MAX_SPEED_KT: Final = 2500.0  # above Mach 3.5: a typing error, not an aircraft

_GEOD = Geod(ellps="WGS84")


class TracingError(ValueError):
    """A traced track whose timing cannot give every vertex a time (the message says why)."""


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise TracingError(f"time {value} has no time zone (times are stored in UTC)")
    return value.astimezone(UTC)


@dataclass(frozen=True)
class Timing:
    mode: str
    start: datetime | None = None
    end: datetime | None = None
    speed_kt: float | None = None
    vertex_times: tuple[tuple[int, datetime], ...] = ()  # (vertex index, time), index ascending

    def __post_init__(self) -> None:
        if self.mode not in TIMING_MODES:
            raise TracingError(f"timing must be one of {TIMING_MODES}; got {self.mode!r}")
        if self.mode in (SPEED, START_END):
            if self.start is None:
                raise TracingError("a start time is needed")
            object.__setattr__(self, "start", _utc(self.start))
        if self.mode == SPEED:
            s = self.speed_kt
            if s is None or not math.isfinite(s) or not 0 < s <= MAX_SPEED_KT:
                raise TracingError(f"speed must be between 0 and {MAX_SPEED_KT:.0f} kt; got {s}")
        if self.mode == START_END:
            if self.end is None:
                raise TracingError("an end time is needed")
            object.__setattr__(self, "end", _utc(self.end))
            assert self.start is not None and self.end is not None
            if self.end <= self.start:
                raise TracingError(f"the end time {self.end:%H:%M:%S} is not after the start")
        if self.mode == VERTICES:
            pairs = sorted((int(i), _utc(t)) for i, t in self.vertex_times)
            if len({i for i, _ in pairs}) != len(pairs):
                raise TracingError("a vertex has two times")
            object.__setattr__(self, "vertex_times", tuple(pairs))

    @classmethod
    def at_speed(cls, start: datetime, speed_kt: float) -> Timing:
        return cls(SPEED, start=start, speed_kt=speed_kt)

    @classmethod
    def between(cls, start: datetime, end: datetime) -> Timing:
        return cls(START_END, start=start, end=end)

    @classmethod
    def at_vertices(cls, times: dict[int, datetime] | Iterable[tuple[int, datetime]]) -> Timing:
        items = times.items() if isinstance(times, dict) else times
        return cls(VERTICES, vertex_times=tuple(items))

    def shifted(self, delta: timedelta) -> Timing:
        return replace(
            self,
            start=None if self.start is None else self.start + delta,
            end=None if self.end is None else self.end + delta,
            vertex_times=tuple((i, t + delta) for i, t in self.vertex_times),
        )


@dataclass(frozen=True)
class TracedTrack:
    id: str
    kind: str
    count: int
    points: tuple[tuple[float, float], ...]  # (lon, lat) degrees, WGS 84
    timing: Timing
    callsign: str = ""
    label: str = ""

    def __post_init__(self) -> None:
        if not str(self.id).strip():
            raise TracingError("a traced track needs an id (a callsign or a name)")
        if self.kind not in KINDS:
            raise TracingError(f"kind must be one of {', '.join(KINDS)}; got {self.kind!r}")
        if not isinstance(self.count, int) or isinstance(self.count, bool) or self.count < 1:
            raise TracingError(f"count must be a whole number of aircraft >= 1; got {self.count!r}")
        pts = tuple((float(lon), float(lat)) for lon, lat in self.points)
        for n, (lon, lat) in enumerate(pts, start=1):
            if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                raise TracingError(f"vertex {n}: ({lon}, {lat}) is not a longitude/latitude")
        if len(pts) < 2:
            raise TracingError("a track needs at least two vertices")
        object.__setattr__(self, "points", pts)
        for i, _ in self.timing.vertex_times:
            if not 0 <= i < len(pts):
                raise TracingError(f"a time is set at vertex {i + 1}, but the track has {len(pts)}")

    # ----------------------------------------------------------------- edits (each a new track)
    def moved(self, index: int, lon: float, lat: float) -> TracedTrack:
        pts = list(self.points)
        pts[index] = (lon, lat)
        return replace(self, points=tuple(pts))

    def inserted(self, index: int, lon: float, lat: float) -> TracedTrack:
        """A vertex inserted before ``index`` (``index == len(points)`` appends)."""
        pts = list(self.points)
        pts.insert(index, (lon, lat))
        vt = tuple((i + 1 if i >= index else i, t) for i, t in self.timing.vertex_times)
        return replace(self, points=tuple(pts), timing=replace(self.timing, vertex_times=vt))

    def deleted(self, index: int) -> TracedTrack:
        if len(self.points) <= 2:
            raise TracingError("a track needs at least two vertices: delete the track instead")
        pts = list(self.points)
        del pts[index]
        vt = tuple(
            (i - 1 if i > index else i, t) for i, t in self.timing.vertex_times if i != index
        )
        return replace(self, points=tuple(pts), timing=replace(self.timing, vertex_times=vt))

    def duplicated(self, new_id: str, offset: timedelta) -> TracedTrack:
        """The same path flown again ``offset`` later (a second formation)."""
        return replace(self, id=new_id, timing=self.timing.shifted(offset))


def segment_lengths_m(points: tuple[tuple[float, float], ...]) -> np.ndarray:
    """Geodesic length of each segment between consecutive vertices (WGS 84), metres."""
    arr = np.asarray(points, dtype=float)
    _, _, dist = _GEOD.inv(arr[:-1, 0], arr[:-1, 1], arr[1:, 0], arr[1:, 1])
    return np.atleast_1d(np.asarray(dist, dtype=float))


def vertex_times(track: TracedTrack) -> np.ndarray:
    """Epoch seconds (UTC) at each vertex, from the track's timing model.

    Raises `TracingError` when the timing cannot time every vertex (fewer than two timed
    vertices, times going backwards along the path)."""
    dist = np.concatenate([[0.0], np.cumsum(segment_lengths_m(track.points))])
    tm = track.timing
    if tm.mode == SPEED:
        assert tm.start is not None and tm.speed_kt is not None
        speed = tm.speed_kt * NMI_IN_M / 3600.0
        return tm.start.timestamp() + dist / speed
    if tm.mode == START_END:
        assert tm.start is not None and tm.end is not None
        s0, s1 = tm.start.timestamp(), tm.end.timestamp()
        if dist[-1] == 0:
            raise TracingError("the track has no length: its vertices are all in one place")
        return s0 + (s1 - s0) * dist / dist[-1]
    known = tm.vertex_times
    if len(known) < 2:
        raise TracingError(
            f"{len(known)} vertex time(s) set on track {track.id}: type times at two vertices at "
            "least (the first and the last, say); the others are interpolated"
        )
    idx = np.array([i for i, _ in known])
    secs = np.array([t.timestamp() for _, t in known])
    for (i0, t0), (i1, t1) in itertools.pairwise(known):
        if t1 <= t0:
            raise TracingError(
                f"track {track.id}: vertex {i1 + 1}'s time {t1:%Y-%m-%d %H:%M:%S}Z is not after "
                f"vertex {i0 + 1}'s {t0:%Y-%m-%d %H:%M:%S}Z"
            )
        if dist[i1] == dist[i0]:
            raise TracingError(
                f"track {track.id}: vertices {i0 + 1} and {i1 + 1} are in one place but have "
                "different times"
            )
    # np.interp with the timed vertices' distances; past either end, the nearest stretch's speed.
    times = np.interp(dist, dist[idx], secs)
    first_speed = (dist[idx[1]] - dist[idx[0]]) / (secs[1] - secs[0])
    last_speed = (dist[idx[-1]] - dist[idx[-2]]) / (secs[-1] - secs[-2])
    before = dist < dist[idx[0]]
    after = dist > dist[idx[-1]]
    times[before] = secs[0] - (dist[idx[0]] - dist[before]) / first_speed
    times[after] = secs[-1] + (dist[after] - dist[idx[-1]]) / last_speed
    return times


def implied_speed_kt(track: TracedTrack) -> np.ndarray:
    """Ground speed on each segment, knots (a check for the user: 3,000 kt is a typing error)."""
    t = vertex_times(track)
    with np.errstate(divide="ignore", invalid="ignore"):
        return segment_lengths_m(track.points) / np.diff(t) * 3600.0 / NMI_IN_M


def provenance(image: str, on: datetime | str) -> str:
    """The line a traced file carries: where it came from, when, and that it is illustrative."""
    day = on if isinstance(on, str) else on.strftime("%Y-%m-%d")
    what = f"traced from {image}" if image else "traced by hand"
    return f"{what} on {day}, {ILLUSTRATIVE}"


@dataclass(frozen=True)
class TracedScenario:
    tracks: tuple[TracedTrack, ...] = ()
    source: str = field(default_factory=lambda: provenance("", datetime.now(UTC)))
    tz: str = DEFAULT_TZ  # the zone times are typed and shown in

    def __post_init__(self) -> None:
        object.__setattr__(self, "tracks", tuple(self.tracks))
        ids = [t.id for t in self.tracks]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise TracingError(f"two traced tracks share the id {dupes[0]!r}")

    def track(self, track_id: str) -> TracedTrack:
        for t in self.tracks:
            if t.id == track_id:
                return t
        raise KeyError(track_id)

    def with_track(self, track: TracedTrack, replace_id: str | None = None) -> TracedScenario:
        """Add ``track``, or put it in place of the track ``replace_id`` (same position)."""
        if replace_id is None:
            return replace(self, tracks=(*self.tracks, track))
        return replace(self, tracks=tuple(track if t.id == replace_id else t for t in self.tracks))

    def without(self, track_id: str) -> TracedScenario:
        return replace(self, tracks=tuple(t for t in self.tracks if t.id != track_id))

    def free_id(self, base: str) -> str:
        ids = {t.id for t in self.tracks}
        if base not in ids:
            return base
        n = 2
        while f"{base}-{n}" in ids:
            n += 1
        return f"{base}-{n}"


def shown_label(track: TracedTrack) -> str:
    """The label a traced track is shown and saved with: its label (else callsign, else id), the
    aircraft it stands for when more than one, then `TRACED_MARK`.

    >>> t = TracedTrack("PLA-1", "fighter", 4, ((121, 22), (122, 22)), Timing.at_speed(
    ...     datetime(2021, 10, 4, 2, tzinfo=UTC), 400.0))
    >>> shown_label(t)
    'PLA-1 ×4 (traced, illustrative)'
    """
    base = track.label.strip() or track.callsign.strip() or track.id
    if TRACED_MARK in base:
        return base
    base = base.removesuffix(f"({ILLUSTRATIVE})").rstrip() or track.id  # said once is enough
    n = track.count
    if n > 1 and f"×{n}" not in base and f"x{n}" not in base:
        base += f" ×{n}"
    return f"{base} {TRACED_MARK}"


def typed_label(shown: str) -> str:
    """A label read back from a traced file, without the `TRACED_MARK` `shown_label` added."""
    return shown.removesuffix(TRACED_MARK).rstrip()


def scenario_frame(scenario: TracedScenario) -> pd.DataFrame:
    """The canonical track table (one row per vertex, times in UTC) with a ``source`` column;
    every label ends in `TRACED_MARK` (`shown_label`).

    Raises `TracingError` naming the track when one cannot be timed."""
    parts = []
    for track in scenario.tracks:
        secs = vertex_times(track)
        n = len(track.points)
        pts = np.asarray(track.points)
        parts.append(
            pd.DataFrame(
                {
                    TRACK_ID: [track.id] * n,
                    TIME: pd.to_datetime(
                        np.round(secs * 1000).astype("int64"), unit="ms", utc=True
                    ),
                    LAT: np.round(pts[:, 1], 6),
                    LON: np.round(pts[:, 0], 6),
                    KIND: [track.kind] * n,
                    COUNT: np.full(n, track.count, dtype="int64"),
                    CALLSIGN: [track.callsign] * n,
                    LABEL: [shown_label(track)] * n,
                    SOURCE: [scenario.source] * n,
                }
            )
        )
    if not parts:
        cols = [TRACK_ID, TIME, LAT, LON, KIND, COUNT, CALLSIGN, LABEL, SOURCE]
        return pd.DataFrame({c: [] for c in cols})
    return pd.concat(parts, ignore_index=True)


def traced_trackset(scenario: TracedScenario, projection=None, name: str = TRACED_NAME):
    """The scenario frozen for replay, and a message for each track that cannot be timed (it is
    left out: the others still replay). Returns ``(TrackSet | None, problems)``."""
    good, problems = [], []
    for track in scenario.tracks:
        try:
            vertex_times(track)
        except TracingError as exc:
            problems.append(f"{track.id}: {exc}")
            continue
        good.append(track)
    if not good:
        return None, problems
    frame = scenario_frame(replace(scenario, tracks=tuple(good)))
    trackset = replace(TrackSet.from_frame(frame, projection, name=name), traced=True)
    return trackset, problems
