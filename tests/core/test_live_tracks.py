"""The live feeds as a track source of the session: windows of the store, heads held between
messages, Live / DVR over the timeline, the session's wiring, message-to-screen latency."""

from __future__ import annotations

import doctest
import math

import numpy as np
import pytest

from viewer.core import live_latency
from viewer.core.catalog import load_catalog
from viewer.core.live_alerts import AlertRule
from viewer.core.live_latency import LatencyMeter
from viewer.core.live_store import NS, Fix, LiveTrackStore
from viewer.core.live_tracks import (
    HOLD_FACTOR,
    LIVE_PATH,
    RECENT_S,
    LiveFrame,
    LiveRequest,
    LiveTracks,
)
from viewer.core.map_state import MapState
from viewer.core.session import Session
from viewer.core.slicing import slice_tracks
from viewer.core.timeline import Timeline
from viewer.core.track_layers import LoadedTracks, TrackLayers
from viewer.core.tracks import TrackSet

T0 = 1_633_305_600.0  # 2021-10-04T00:00:00Z


def fix(track: str, seconds: float, lon: float = 121.0, lat: float = 24.0, **kw) -> Fix:
    return Fix(track, round(seconds * NS), lon, lat, **kw)


def two_aircraft(store: LiveTrackStore, now: float) -> None:
    """'a' flies east one fix a second for 10 min; 'b' sent two fixes, 5 min ago and 4 min."""
    store.add([fix("a", T0 + s, 121.0 + s * 1e-3) for s in range(601)], now=now)
    store.add([fix("b", T0 + 300, 120.0), fix("b", T0 + 360, 120.1)], now=now - 240)


# ---------------------------------------------------------------------- store windows
def test_a_window_until_a_time_keeps_the_fix_after_it():
    store = LiveTrackStore()
    two_aircraft(store, T0 + 600)
    snap = store.snapshot(T0 + 600, since=T0 + 100, until=T0 + 200)
    ts = snap.trackset
    a = ts.track_slice(0)
    assert ts.t[a][0] == T0 + 99 and ts.t[a][-1] == T0 + 201  # one before and one after
    assert list(ts.ids) == ["a"]  # 'b' has nothing before 200


def test_a_thinned_window_keeps_one_fix_per_interval_and_both_ends():
    store = LiveTrackStore()
    two_aircraft(store, T0 + 600)
    ts = store.snapshot(T0 + 600, since=T0 + 300, thin_s=30.0).trackset
    t = ts.t[ts.track_slice(0)] - T0
    assert t[0] == 299 and t[-1] == 600
    assert np.all(np.diff(t[1:-1]) == 30.0)
    assert len(t) == 12  # 299, 329 ... 569, 600


def test_hold_since_brings_a_quiet_tracks_last_fix_alone():
    store = LiveTrackStore()
    two_aircraft(store, T0 + 600)
    without = store.snapshot(T0 + 600, since=T0 + 590).trackset
    assert list(without.ids) == ["a"]
    held = store.snapshot(T0 + 600, since=T0 + 590, hold_since=T0 + 300).trackset
    assert list(held.ids) == ["a", "b"]
    assert held.t[held.track_slice(1)].tolist() == [T0 + 360]


def test_stale_limits_and_activity():
    store = LiveTrackStore()
    two_aircraft(store, T0 + 600)
    snap = store.snapshot(T0 + 600)
    assert snap.stale.tolist() == [False, True]  # 'b': 240 s without a message
    assert snap.limit.tolist() == [60.0, 60.0]
    edges = np.array([T0, T0 + 200, T0 + 400, T0 + 600])
    assert store.activity(edges).tolist() == [1, 2, 1]
    assert store.span() == (T0, T0 + 600)


# ---------------------------------------------------------------------- holding heads
def test_a_head_stays_at_its_last_fix_while_held():
    store = LiveTrackStore()
    two_aircraft(store, T0 + 600)
    ts = store.snapshot(T0 + 600).trackset
    assert slice_tracks(ts, T0 + 600).tracks.tolist() == [0]  # 'b' ended at 360
    held = slice_tracks(ts, T0 + 600, hold=300.0)
    assert held.tracks.tolist() == [0, 1]
    assert held.lon[1] == pytest.approx(120.1)  # where its last fix was
    assert not held.in_gap[1]
    per_track = slice_tracks(ts, T0 + 600, hold=np.array([0.0, 200.0]))
    assert per_track.tracks.tolist() == [0]  # 240 s past its last fix, held 200
    with pytest.raises(ValueError, match="hold must be >= 0"):
        slice_tracks(ts, T0, hold=-1.0)


# ---------------------------------------------------------------------- Live / DVR
def frame(store: LiveTrackStore, now: float, window: bool = True) -> LiveFrame:
    span = store.span()
    assert span is not None
    recent = store.snapshot(now, since=span[1] - RECENT_S, hold_since=span[1] - 3000)
    win = store.snapshot(now, since=span[1] - 300) if window else None
    return LiveFrame(
        recent=recent, window=win, window_request=LiveRequest() if window else None, span=span
    )


def test_live_follows_the_newest_fix_and_scrubbing_leaves_it():
    timeline = Timeline(T0 - 86400, T0)
    live = LiveTracks(timeline)
    modes: list[bool] = []
    live.events.connect("mode", modes.append)
    store = LiveTrackStore()
    two_aircraft(store, T0 + 600)
    timeline.set_range(T0, T0 + 600)
    live.apply(frame(store, T0 + 600))
    assert live.active and live.live
    assert timeline.time == T0 + 600
    assert live.current() is live.recent
    timeline.set_time(T0 + 500)  # the slider, a key, an event clicked: behind the edge
    assert not live.live and modes == [False]
    assert live.behind_s == 100.0
    assert live.current() is live.window
    store.add([fix("a", T0 + 610, 121.61)], now=T0 + 610)
    live.apply(frame(store, T0 + 610))
    assert timeline.time == T0 + 500 and timeline.end == T0 + 610  # the range grows
    assert live.behind_s == 110.0
    live.go_live()
    assert live.live and timeline.time == T0 + 610 and modes == [False, True]


def test_playing_into_the_live_edge_is_live_again():
    timeline = Timeline(T0, T0 + 600, loop=False, speed=60.0)
    live = LiveTracks(timeline)
    store = LiveTrackStore()
    two_aircraft(store, T0 + 600)
    live.apply(frame(store, T0 + 600))
    live.scrub(T0 + 590)
    timeline.play()
    timeline.advance(1.0)  # 60 s of map time: runs into the end and stops there
    assert live.live and not timeline.playing


def test_a_dvr_request_covers_the_time_shown_and_is_kept_while_it_does():
    timeline = Timeline(T0, T0 + 7200)
    live = LiveTracks(timeline)
    store = LiveTrackStore()
    two_aircraft(store, T0 + 600)
    live.apply(frame(store, T0 + 600))
    assert live.request().dvr is None
    live.scrub(T0 + 300)
    asked = live.request()
    assert asked.dvr is not None and asked.dvr[0] <= T0 + 300 - timeline.trail <= asked.dvr[1]
    live.apply(LiveFrame(window=store.snapshot(T0 + 600), window_request=asked))
    timeline.set_time(T0 + 400)
    assert live.request() is asked  # still inside it
    timeline.set_time(asked.dvr[1])
    assert live.request() is not asked


def test_the_look_holds_heads_and_says_which_are_stale():
    timeline = Timeline(T0, T0 + 600)
    live = LiveTracks(timeline)
    store = LiveTrackStore()
    two_aircraft(store, T0 + 600)
    live.apply(frame(store, T0 + 600))
    look = live.look(live.recent.trackset)
    assert look is not None and look.edge
    assert look.hold.tolist() == [60.0 * HOLD_FACTOR] * 2
    assert look.stale.tolist() == [False, True]
    assert look.history is live.window.trackset
    assert live.look(TrackSet.empty()) is None  # a file: drawn as a file
    live.scrub(T0 + 500)
    behind = live.look(live.window.trackset)
    assert behind is not None and not behind.edge and behind.stale is None


# ---------------------------------------------------------------------- the session
def test_the_session_shows_the_live_source_like_a_file():
    session = Session(MapState(load_catalog()))
    changes: list[object] = []
    session.tracks.events.connect("changed", changes.append)
    data: list[object] = []
    session.tracks.events.connect("data", data.append)
    store = LiveTrackStore(projection=session.state.projection)
    two_aircraft(store, T0 + 600)
    session.show_live(frame(store, T0 + 600))
    assert [i.path for i in session.tracks.items] == [LIVE_PATH]
    assert changes == [LIVE_PATH] and not data
    assert (session.timeline.start, session.timeline.end) == (T0, T0 + 600)
    assert session.timeline.time == T0 + 600  # live: at the newest fix, not the start
    store.add([fix("a", T0 + 601, 121.7)], now=T0 + 601)
    session.show_live(frame(store, T0 + 601, window=False))
    assert data == [LIVE_PATH] and changes == [LIVE_PATH]  # new data: only the picture
    session.show_live(LiveFrame(span=store.span()))  # nothing new: nothing to redraw
    assert data == [LIVE_PATH]
    assert session.snapshot().files == ()  # never saved as a file of the briefing
    assert session.snapshot().time_range is None
    exported = session.fork()
    (item,) = exported.tracks.items
    assert item.trackset is session.live.window.trackset  # an export draws the trails
    assert exported.live.look(item.trackset) is not None  # ...and holds the heads
    session.end_live()
    assert session.tracks.items == [] and not session.live.active


def test_track_layers_update_is_a_data_change():
    layers = TrackLayers()
    events: list[tuple[str, object]] = []
    layers.events.connect("changed", lambda p: events.append(("changed", p)))
    layers.events.connect("data", lambda p: events.append(("data", p)))
    first = LoadedTracks(LIVE_PATH, TrackSet.empty(), None)
    layers.add(first)
    layers.set_visible(LIVE_PATH, False)
    layers.update(LoadedTracks(LIVE_PATH, TrackSet.empty(), None))
    assert events[-1] == ("data", LIVE_PATH)
    assert layers.items[0].visible is False  # kept
    with pytest.raises(KeyError):
        layers.update(LoadedTracks(LIVE_PATH.with_name("other"), TrackSet.empty(), None))


# ---------------------------------------------------------------------- the rest
def test_latency_is_a_median_weighted_by_messages():
    meter = LatencyMeter()
    assert math.isnan(meter.median())
    meter.add(0.05, 10)
    meter.add(0.10, 1)
    meter.add(0.50, 2)
    assert meter.median() == 0.05
    assert meter.quantile(0.95) == 0.50
    meter.add(float("nan"), 5)  # not counted
    assert meter.messages == 13
    assert doctest.testmod(live_latency).failed == 0


def test_alert_rules_round_trip_and_bad_ones_are_said():
    rule = AlertRule(zones=frozenset({"taiwan_adiz"}), sides=frozenset({"east"}))
    assert AlertRule.from_dict(rule.to_dict()) == rule
    assert AlertRule.from_dict({}) == AlertRule()
    with pytest.raises(ValueError, match="kinds must be a list of words"):
        AlertRule.from_dict({"kinds": "fighter"})
    with pytest.raises(ValueError, match="object of lists"):
        AlertRule.from_dict(["taiwan_adiz"])
