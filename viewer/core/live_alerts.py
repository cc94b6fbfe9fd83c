"""Zone alerts as feed messages arrive, with the very definitions used for files.

`ZoneAlerter.process` takes the fixes that just extended their tracks in time order, builds a
small `TrackSet` of the *new segments* — each track's last three fixes seen before (a fix on a
boundary is judged with the fixes on both sides of it) plus its new fixes — and runs
`viewer.core.zones.compute_zone_events` on it: entries, exits and line crossings with crossing
times interpolated along each segment, exactly as for a file; an event found again from the
fixes kept for context is not given twice. What is live-only:

- a track's first fix inside an area gives the entry "at track start" only when it is the first
  fix of the track; later batches begin at a fix already judged, so their "track start" rows are
  not events;
- ``seconds_inside`` is known on the exit (the time since the entry this alerter saw); an entry's
  is NaN, its exit is still to come;
- a fix that arrives late (older than its track's last) is stored but raises no alert: the alerts
  already given stand (the events table of a snapshot recomputes everything, late fixes too).

Rules (`AlertRule`) filter by zone, kind, event, the side crossed to, and the track's side.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import shapely

from viewer.core.constants import KIND_UNKNOWN
from viewer.core.live_store import Fix, seconds
from viewer.core.projection import Projection
from viewer.core.tracks import TrackSet
from viewer.core.zones import AREA, EXIT, Zone, compute_zone_events

NEAR_DEG = 0.01  # about 1 km: closer than this to a zone's edge, a fix or segment is looked at
# Fixes of a track kept before each batch: a fix on a boundary (within the zone analysis's 1 m)
# is judged with the fixes on both sides of it, so the one before it must still be there.
CONTEXT = 3
SAME_S = 0.01  # an event found again from the kept fixes lands within this of its first time


@dataclass(frozen=True)
class AlertRule:
    """Which events alert. Each field is a set of accepted values, or None for any.

    ``zones``: zone ids (a prefix before ':' matches too, e.g. 'pla_exercise');
    ``kinds``: track kinds ('fighter', 'ship', ...); ``events``: 'entry', 'exit', 'crossing';
    ``sides``: the side a line was crossed to ('east', 'west', ...);
    ``affiliations``: the track's side as its feed says ('hostile', 'PLA', ...).
    """

    zones: frozenset[str] | None = None
    kinds: frozenset[str] | None = None
    events: frozenset[str] | None = None
    sides: frozenset[str] | None = None
    affiliations: frozenset[str] | None = None

    def to_dict(self) -> dict[str, list[str] | None]:
        """The rule as JSON-ready lists (sorted), None for "any"."""
        return {
            name: None if value is None else sorted(value)
            for name, value in (
                ("zones", self.zones),
                ("kinds", self.kinds),
                ("events", self.events),
                ("sides", self.sides),
                ("affiliations", self.affiliations),
            )
        }

    @classmethod
    def from_dict(cls, data: object) -> AlertRule:
        """A rule from `to_dict`'s shape; ValueError names what is not a list of words."""
        if not isinstance(data, dict):
            raise ValueError(f"an alert rule is an object of lists; got {type(data).__name__}")
        values: dict[str, frozenset[str] | None] = {}
        for name in ("zones", "kinds", "events", "sides", "affiliations"):
            value = data.get(name)
            if value is not None and not (
                isinstance(value, list) and all(isinstance(v, str) for v in value)
            ):
                raise ValueError(f"alert rule: {name} must be a list of words or null")
            values[name] = None if value is None else frozenset(value)
        return cls(**values)

    def matches(self, alert: Alert) -> bool:
        if self.zones is not None and not (
            alert.zone_id in self.zones or alert.zone_id.split(":")[0] in self.zones
        ):
            return False
        return (
            (self.kinds is None or alert.kind in self.kinds)
            and (self.events is None or alert.event in self.events)
            and (self.sides is None or alert.side in self.sides)
            and (self.affiliations is None or alert.affiliation in self.affiliations)
        )


@dataclass(frozen=True)
class Alert:
    """One zone event of a live track. ``time`` (epoch s) is the interpolated crossing time;
    ``received`` the wall-clock time the message that revealed it arrived."""

    time: float
    track_id: str
    kind: str
    callsign: str
    affiliation: str
    zone_id: str
    zone_title: str
    event: str
    side: str
    lon: float
    lat: float
    seconds_inside: float
    at_track_start: bool
    approximate: bool
    received: float

    def line(self) -> str:
        """One line for a terminal or a log: time, track, zone, event (and what else is known),
        tab-separated: ``2021-10-04T06:12:03.5Z  8a0123  taiwan_adiz  entry ...``."""
        when = datetime.fromtimestamp(self.time, UTC).isoformat(timespec="milliseconds")
        parts = [
            when.replace("+00:00", "Z"),
            self.track_id,
            self.zone_id,
            self.event,
            f"to={self.side}" if self.side else "",
            f"kind={self.kind}",
            f"callsign={self.callsign}" if self.callsign else "",
            f"inside={self.seconds_inside:.0f}s" if math.isfinite(self.seconds_inside) else "",
            "at-track-start" if self.at_track_start else "",
            "approximate-edge" if self.approximate else "",
            f"lon={self.lon:.5f}",
            f"lat={self.lat:.5f}",
        ]
        return "\t".join(p for p in parts if p)


class _Last:
    """What the alerter remembers of a track: its last ``CONTEXT`` fixes (t, lon, lat), the
    events already given that they could give again, and its description."""

    __slots__ = ("affiliation", "callsign", "given", "history", "kind")

    def __init__(self) -> None:
        self.history: list[tuple[float, float, float]] = []
        self.given: list[tuple[str, str, float]] = []  # (zone, event, time)
        self.kind = KIND_UNKNOWN
        self.callsign = ""
        self.affiliation = ""


class ZoneAlerter:
    """Zone events of live tracks, batch by batch (see the module docstring)."""

    def __init__(
        self,
        zones: Sequence[Zone],
        rules: Sequence[AlertRule] | None = None,
        projection: Projection | None = None,
    ) -> None:
        self.zones = list(zones)
        self.rules = list(rules) if rules else []
        self.projection = projection or Projection.default()
        self._titles = {z.id: z.title for z in self.zones}
        # each zone's edge (an area's boundary, a line itself), prepared once
        self._edges = [
            (z, z.geometry.boundary if z.kind == AREA else z.geometry) for z in self.zones
        ]
        for zone, edge in self._edges:
            shapely.prepare(edge)
            shapely.prepare(zone.geometry)
        self._last: dict[str, _Last] = {}
        self._entered: dict[tuple[str, str], float] = {}
        self.events_seen = 0

    def tracks(self) -> set[str]:
        """The tracks this alerter keeps state for."""
        return set(self._last)

    def forget(self, track_ids: Iterable[str]) -> None:
        """Drop the state of tracks the store no longer holds."""
        gone = set(track_ids)
        for track_id in gone:
            self._last.pop(track_id, None)
        for key in [k for k in self._entered if k[0] in gone]:
            del self._entered[key]

    def process(self, fixes: Sequence[Fix], received: float) -> list[Alert]:
        """Alerts for fixes that extended their tracks in time order (`AddResult.appended`),
        in time order; ``received``: the wall-clock time they arrived by."""
        if not fixes or not self.zones:
            self._remember(fixes)
            return []
        runs: dict[str, list[Fix]] = {}
        for fix in fixes:
            runs.setdefault(fix.track_id, []).append(fix)
        ids: list[str] = []
        starts = [0]
        t: list[float] = []
        lon: list[float] = []
        lat: list[float] = []
        first_is_new: list[bool] = []
        kinds: list[str] = []
        callsigns: list[str] = []
        sides: list[str] = []
        for track_id, run in runs.items():
            last = self._last.get(track_id)
            is_new = last is None
            if last is None:
                last = self._last[track_id] = _Last()
            first = len(t)
            for when, x, y in last.history:
                t.append(when)
                lon.append(x)
                lat.append(y)
            for fix in run:
                t.append(seconds(fix.t_ns))
                lon.append(fix.lon)
                lat.append(fix.lat)
                last.kind = fix.kind or last.kind
                last.callsign = fix.callsign or last.callsign
                last.affiliation = fix.side or last.affiliation
            last.history = list(zip(t[first:], lon[first:], lat[first:], strict=True))[-CONTEXT:]
            ids.append(track_id)
            starts.append(len(t))
            first_is_new.append(is_new)
            kinds.append(last.kind)
            callsigns.append(last.callsign)
            sides.append(last.affiliation)
        offsets = np.asarray(starts, dtype=np.int64)
        lon_a = np.asarray(lon, dtype=np.float64)
        lat_a = np.asarray(lat, dtype=np.float64)
        t_a = np.asarray(t, dtype=np.float64)
        tracks, zones = self._candidates(offsets, t_a, lon_a, lat_a, np.asarray(first_is_new))
        if not zones:
            return []
        keep = np.asarray(sorted(tracks), dtype=np.int64)
        rows = np.concatenate([np.arange(offsets[k], offsets[k + 1]) for k in keep])
        sub_offsets = np.zeros(len(keep) + 1, dtype=np.int64)
        np.cumsum(offsets[keep + 1] - offsets[keep], out=sub_offsets[1:])
        segments = self._trackset(
            [ids[k] for k in keep],
            sub_offsets,
            t_a[rows],
            lon_a[rows],
            lat_a[rows],
            [kinds[k] for k in keep],
        )
        events = compute_zone_events(segments, zones)
        new_track = dict(zip(ids, first_is_new, strict=True))
        callsign_of = dict(zip(ids, callsigns, strict=True))
        side_of = dict(zip(ids, sides, strict=True))
        alerts = []
        for row in events.itertuples(index=False):
            track_id = str(row.track_id)
            if bool(row.at_track_start) and not new_track[track_id]:
                continue  # the batch begins at a fix already judged: not an event
            when = row.time.timestamp()
            state = self._last[track_id]
            if any(
                z == row.zone_id and e == row.event and abs(w - when) < SAME_S
                for z, e, w in state.given
            ):
                continue  # found again from the fixes kept for context: given already
            state.given.append((str(row.zone_id), str(row.event), when))
            key = (track_id, str(row.zone_id))
            inside = math.nan
            if row.event == EXIT:
                entered = self._entered.pop(key, None)
                if entered is not None:
                    inside = when - entered
            elif row.event == "entry":
                self._entered[key] = when
            alert = Alert(
                time=when,
                track_id=track_id,
                kind=str(row.kind),
                callsign=callsign_of[track_id],
                affiliation=side_of[track_id],
                zone_id=str(row.zone_id),
                zone_title=self._titles.get(str(row.zone_id), str(row.zone_id)),
                event=str(row.event),
                side=str(row.side) if isinstance(row.side, str) else "",
                lon=float(row.lon),
                lat=float(row.lat),
                seconds_inside=inside,
                at_track_start=bool(row.at_track_start),
                approximate=bool(row.approximate),
                received=received,
            )
            self.events_seen += 1
            if not self.rules or any(rule.matches(alert) for rule in self.rules):
                alerts.append(alert)
        for track_id in ids:  # what the kept fixes can no longer give again
            state = self._last[track_id]
            if state.given:
                oldest = state.history[0][0] - SAME_S
                state.given = [g for g in state.given if g[2] >= oldest]
        return alerts

    def _candidates(self, offsets, t, lon, lat, is_new) -> tuple[set[int], list[Zone]]:
        """The tracks (indices) and zones that can have an event in this batch: a new segment
        that comes near the zone's edge, a new track whose first fix is in or near an area, a
        segment during which a time-bound zone comes into force. A necessary condition, and
        cheap (vectorised shapely), so the full `compute_zone_events` runs only where something
        may have happened. "Near" is generous: the zone analysis draws segments straight in the
        display projection and these tests are in lon/lat, where a segment of L degrees bows
        from it by about 0.02 L² degrees around Taiwan; the margin is 0.01 + 0.05 L²."""
        owner = np.repeat(np.arange(len(offsets) - 1), np.diff(offsets))
        seg = np.flatnonzero(owner[:-1] == owner[1:])
        x0, x1, y0, y1 = lon[seg], lon[seg + 1], lat[seg], lat[seg + 1]
        length = np.maximum(np.abs(x1 - x0), np.abs(y1 - y0))
        margin = NEAR_DEG + 0.05 * length**2
        lo_x, hi_x = np.minimum(x0, x1) - margin, np.maximum(x0, x1) + margin
        lo_y, hi_y = np.minimum(y0, y1) - margin, np.maximum(y0, y1) + margin
        firsts = offsets[:-1][is_new & (np.diff(offsets) > 0)]
        tracks: set[int] = set()
        zones: list[Zone] = []
        for zone, edge in self._edges:
            bx0, by0, bx1, by1 = zone.geometry.bounds
            near = np.flatnonzero((hi_x >= bx0) & (lo_x <= bx1) & (hi_y >= by0) & (lo_y <= by1))
            hit: set[int] = set()
            if len(near):
                lines = shapely.linestrings(
                    np.stack(
                        [
                            np.column_stack([x0[near], y0[near]]),
                            np.column_stack([x1[near], y1[near]]),
                        ],
                        axis=1,
                    )
                )
                close = shapely.dwithin(lines, edge, margin[near])
                hit.update(owner[seg[near[close]]].tolist())
            if zone.valid_from is not None and len(seg):
                start = zone.valid_from.timestamp()
                during = (t[seg] <= start) & (start <= t[seg + 1])
                hit.update(owner[seg[during]].tolist())
            if zone.kind == AREA and len(firsts):
                points = shapely.points(lon[firsts], lat[firsts])
                inside = shapely.dwithin(points, zone.geometry, NEAR_DEG)
                hit.update(owner[firsts[inside]].tolist())
            if hit:
                tracks |= hit
                zones.append(zone)
        return tracks, zones

    def _remember(self, fixes: Sequence[Fix]) -> None:
        for fix in fixes:
            last = self._last.setdefault(fix.track_id, _Last())
            last.history = [*last.history, (seconds(fix.t_ns), fix.lon, fix.lat)][-CONTEXT:]

    def _trackset(self, ids, offsets, t, lon_a, lat_a, kinds) -> TrackSet:
        x, y = self.projection.forward(lon_a, lat_a)
        n = len(t)
        nan4 = np.full(n, np.nan, dtype=np.float32)
        m = len(ids)
        return TrackSet(
            ids=np.array(ids, dtype=object),
            offsets=offsets,
            t=t,
            lon=lon_a,
            lat=lat_a,
            x=x,
            y=y,
            alt_m=nan4,
            speed_kt=nan4,
            heading_deg=nan4,
            kinds=np.array(kinds, dtype=object),
            callsigns=np.full(m, "", dtype=object),
            labels=np.full(m, "", dtype=object),
            counts=np.ones(m, dtype=np.int32),
            projection=self.projection,
            name="live segments",
        )
