"""Traced tracks: timing models give every vertex a time from geodesic distances."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Geod

from viewer.core.constants import NMI_IN_M
from viewer.core.tracing import (
    Timing,
    TracedScenario,
    TracedTrack,
    TracingError,
    implied_speed_kt,
    provenance,
    scenario_frame,
    vertex_times,
)

T0 = datetime(2021, 10, 4, 2, 0, tzinfo=UTC)
# A J-16 formation's path south-west of Taiwan: long and short legs, a turn.
PATH = ((119.2, 21.4), (120.1, 21.0), (120.9, 20.95), (121.3, 21.35), (121.5, 21.9))
GEOD = Geod(ellps="WGS84")


def geodesic_legs_m(points) -> np.ndarray:
    return np.array([GEOD.inv(*a, *b)[2] for a, b in itertools.pairwise(points)], dtype=float)


def track(timing: Timing, points=PATH) -> TracedTrack:
    return TracedTrack("J16-1", "fighter", 4, points, timing)


def test_start_and_speed_give_times_whose_geodesic_spacing_matches_the_speed() -> None:
    t = vertex_times(track(Timing.at_speed(T0, 450.0)))
    assert t[0] == T0.timestamp()
    legs_nmi = geodesic_legs_m(PATH) / NMI_IN_M
    speeds = legs_nmi / (np.diff(t) / 3600.0)
    assert np.all(np.abs(speeds / 450.0 - 1.0) < 0.001)  # the 0.1 %


def test_start_and_end_spread_time_by_distance() -> None:
    end = T0 + timedelta(hours=1, minutes=10)
    t = vertex_times(track(Timing.between(T0, end)))
    assert t[0] == T0.timestamp() and t[-1] == pytest.approx(end.timestamp())
    speeds = implied_speed_kt(track(Timing.between(T0, end)))
    total_nmi = geodesic_legs_m(PATH).sum() / NMI_IN_M
    assert np.allclose(speeds, total_nmi / (70 / 60), rtol=1e-9)


def test_times_at_chosen_vertices_interpolate_and_extrapolate_by_distance() -> None:
    legs = geodesic_legs_m(PATH)
    cum = np.concatenate([[0.0], np.cumsum(legs)])
    t1, t3 = T0 + timedelta(minutes=10), T0 + timedelta(minutes=40)
    t = vertex_times(track(Timing.at_vertices({1: t1, 3: t3})))
    assert t[1] == t1.timestamp() and t[3] == t3.timestamp()
    v = (cum[3] - cum[1]) / (t3 - t1).total_seconds()  # m/s between the timed vertices
    assert t[2] == pytest.approx(t1.timestamp() + (cum[2] - cum[1]) / v)
    assert t[0] == pytest.approx(t1.timestamp() - legs[0] / v)  # before the first: same speed
    assert t[4] == pytest.approx(t3.timestamp() + legs[3] / v)


@pytest.mark.parametrize(
    ("timing", "message"),
    [
        (Timing.at_vertices({2: T0}), "two vertices"),
        (Timing.at_vertices({0: T0, 3: T0 - timedelta(minutes=1)}), "is not after"),
    ],
)
def test_untimeable_tracks_say_why(timing: Timing, message: str) -> None:
    with pytest.raises(TracingError, match=message):
        vertex_times(track(timing))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Timing.at_speed(T0, 0.0), "speed"),
        (lambda: Timing.at_speed(T0, 30000.0), "speed"),
        (lambda: Timing.between(T0, T0), "not after"),
        (lambda: Timing.at_speed(datetime(2021, 10, 4), 300.0), "time zone"),
        (lambda: track(Timing.at_speed(T0, 400), points=((120, 20),)), "two vertices"),
        (lambda: track(Timing.at_speed(T0, 400), points=((120, 20), (200, 20))), "longitude"),
        (lambda: TracedTrack("x", "zeppelin", 1, PATH, Timing.at_speed(T0, 1)), "kind"),
        (lambda: TracedTrack("x", "fighter", 0, PATH, Timing.at_speed(T0, 1)), "count"),
        (lambda: TracedTrack(" ", "fighter", 1, PATH, Timing.at_speed(T0, 1)), "id"),
        (lambda: track(Timing.at_vertices({0: T0, 9: T0})), "vertex 10"),
    ],
)
def test_bad_tracks_are_refused_with_a_reason(make, message: str) -> None:
    with pytest.raises(TracingError, match=message):
        make()


def test_edits_keep_vertex_times_on_their_vertices() -> None:
    t1, t3 = T0 + timedelta(minutes=10), T0 + timedelta(minutes=40)
    tr = track(Timing.at_vertices({1: t1, 3: t3}))
    ins = tr.inserted(2, 120.5, 21.2)
    assert ins.points[2] == (120.5, 21.2) and len(ins.points) == 6
    assert dict(ins.timing.vertex_times) == {1: t1, 4: t3}
    back = ins.deleted(2)
    assert back == tr
    gone = tr.deleted(1)  # deleting a timed vertex drops its time
    assert dict(gone.timing.vertex_times) == {2: t3}
    moved = tr.moved(0, 119.0, 21.0)
    assert moved.points[0] == (119.0, 21.0) and moved.points[1:] == tr.points[1:]
    with pytest.raises(TracingError, match="two vertices"):
        track(Timing.at_speed(T0, 400), points=PATH[:2]).deleted(0)


def test_duplicate_flies_the_same_path_later() -> None:
    tr = track(Timing.at_speed(T0, 420.0))
    dup = tr.duplicated("J16-2", timedelta(minutes=15))
    assert dup.id == "J16-2" and dup.points == tr.points
    assert np.allclose(vertex_times(dup) - vertex_times(tr), 900.0)


def test_scenario_frame_is_the_canonical_track_table() -> None:
    sc = TracedScenario(
        (track(Timing.at_speed(T0, 420.0)),), source=provenance("mnd.png", "2026-11-25")
    )
    frame = scenario_frame(sc)
    assert list(frame.columns[:4]) == ["track_id", "time", "lat", "lon"]
    assert len(frame) == len(PATH) and (frame["count"] == 4).all()
    assert str(frame["time"].dt.tz) == "UTC"
    assert frame["source"].iloc[0] == "traced from mnd.png on 2026-11-25, illustrative"
    with pytest.raises(TracingError, match="share the id"):
        TracedScenario((sc.tracks[0], sc.tracks[0]))
    assert sc.free_id("J16-1") == "J16-1-2"


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.tuples(st.floats(100, 140), st.floats(5, 40)), min_size=2, max_size=10).filter(
        lambda pts: all(GEOD.inv(*a, *b)[2] > 100 for a, b in itertools.pairwise(pts))
    ),
    st.floats(60, 1500),
)
def test_speed_model_holds_on_any_path(points, speed_kt) -> None:
    t = vertex_times(track(Timing.at_speed(T0, speed_kt), points=tuple(points)))
    assert np.all(np.diff(t) > 0)
    got = geodesic_legs_m(points) / NMI_IN_M / (np.diff(t) / 3600.0)
    assert np.allclose(got, speed_kt, rtol=1e-6)


def test_a_newly_traced_track_is_labelled_as_the_shipped_example_is() -> None:
    """Issue 22: the example's labels end "(traced, illustrative)"; a track traced with the same
    id and no label gets the same label, on the map (the replayed table) and in files."""
    from dataclasses import replace as dc_replace
    from pathlib import Path

    from viewer.core.briefing import load_briefing
    from viewer.core.tracing import TRACED_MARK, scenario_frame, shown_label

    example = Path(__file__).resolve().parents[2] / "resources/sample/trace_example.briefing.json"
    traced = load_briefing(example).traced
    assert traced is not None and traced.tracks
    for track in traced.tracks:
        assert track.label.endswith(TRACED_MARK)
        assert shown_label(dc_replace(track, label="")) == track.label
    fresh = dc_replace(traced, tracks=tuple(dc_replace(t, label="") for t in traced.tracks))
    frame = scenario_frame(fresh)
    assert set(frame["label"]) == {t.label for t in traced.tracks}
