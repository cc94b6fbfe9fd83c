"""`Session`: the wiring between the map, the tracks and the clock; a briefing applied and
snapshotted; undoable edits; and the one definition of a scene (`scene_state`) that the window,
the command line and both video exports use."""

from __future__ import annotations

import doctest
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from viewer.core.briefing import (
    Briefing,
    LayerSetting,
    Scene,
    TimeRange,
    TrackFileRef,
    ViewSpec,
)
from viewer.core.catalog import load_catalog
from viewer.core.map_state import MapState
from viewer.core.projection import Projection
from viewer.core.read_options import ReadOptions
from viewer.core.session import Session
from viewer.core.tracing import TRACED_PATH, Timing, TracedScenario, TracedTrack
from viewer.core.tracks import TrackSet

T0 = datetime(2021, 10, 4, 0, 0, tzinfo=UTC)
H = 3600.0


def sortie(lon0: float = 119.0, start: datetime = T0) -> TrackSet:
    """Two fixes an hour apart, west to east along 22°N (a sparse hand-made track)."""
    frame = pd.DataFrame(
        {
            "track_id": ["B1", "B1"],
            "time": pd.to_datetime([start, start + pd.Timedelta(hours=1)], utc=True),
            "lon": [lon0, lon0 + 2.0],
            "lat": [22.0, 22.0],
            "kind": ["fighter", "fighter"],
        }
    )
    return TrackSet.from_frame(frame, Projection.default(), name="one.csv")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture
def session(catalog) -> Session:
    return Session(MapState(catalog))


# ---------------------------------------------------------------------------- the wiring
def test_tracks_set_the_clock_range_and_start_it_at_the_beginning(session: Session) -> None:
    session.add_tracks("/data/one.csv", sortie(), report=None)
    assert (session.timeline.start, session.timeline.end) == (T0.timestamp(), T0.timestamp() + H)
    assert session.timeline.time == T0.timestamp()
    session.timeline.set_time(T0.timestamp() + 600)
    session.add_tracks("/data/one.csv", sortie())  # the same span: the clock stays
    assert session.timeline.time == T0.timestamp() + 600
    later = datetime(2021, 10, 5, tzinfo=UTC)
    session.add_tracks("/data/two.csv", sortie(start=later))  # new data: back to the start
    assert session.timeline.end == later.timestamp() + H
    assert session.timeline.time == T0.timestamp()


def test_a_projection_change_reprojects_every_loaded_track(session: Session) -> None:
    session.add_tracks("/data/one.csv", sortie())
    mercator = Projection.from_user_input("webmercator")
    session.state.set_projection(mercator)
    ts = session.tracks.items[0].trackset
    x, y = mercator.forward(ts.lon, ts.lat)
    assert ts.projection is mercator
    np.testing.assert_allclose(ts.x, x)
    np.testing.assert_allclose(ts.y, y)


def test_the_map_date_follows_the_clock_only_while_tracks_are_loaded(session: Session) -> None:
    before = session.state.when
    session.timeline.set_time(session.timeline.start + 3600.0)  # the clock moves
    assert session.state.when == before  # no replay: the map shows today
    session.add_tracks("/data/one.csv", sortie())
    assert session.state.when.date() == T0.date()  # the zones of 4 Oct 2021, not today's


def test_look_changes_are_edits_unless_a_briefing_is_being_applied(session: Session) -> None:
    session.state.update_layer("kadiz", visible=False)
    assert session.dirty
    session.dirty = False
    with session.applying():
        session.state.update_layer("kadiz", visible=True)
    assert not session.dirty


# ---------------------------------------------------------------------------- the briefing
def briefing_on(folder: Path, **changes) -> Briefing:
    (folder / "one.csv").write_text("written by the test: only its existence matters here\n")
    base = Briefing(
        title="Lesson",
        files=(
            TrackFileRef("one.csv", tz="Asia/Taipei", altitude_unit="ft"),
            TrackFileRef("gone.csv"),
        ),
        layers=(LayerSetting("kadiz", visible=False), LayerSetting("median_line", color="#123456")),
        view=ViewSpec.at_scale(121.0, 24.0, 800.0, "webmercator"),
        time_range=TimeRange(T0, T0.replace(hour=1)),
        speed=120.0,
        trail_seconds=900.0,
        naming="ja",
        scenes=(
            Scene("Overview", view=ViewSpec.at_scale(121.0, 24.0, 1500.0), layers=("taiwan_adiz",)),
            Scene("Play", time_range=TimeRange(T0.replace(minute=10), T0.replace(minute=40))),
            Scene("After", speed=600.0, pause_at_end=True),
        ),
    )
    return replace(base, **changes)


def test_a_briefing_sets_the_map_and_clock_and_names_the_files_to_read(
    session: Session, tmp_path: Path
) -> None:
    files = session.apply_briefing(briefing_on(tmp_path), tmp_path / "l.briefing.json")
    assert files == [(tmp_path / "one.csv", ReadOptions(tz="Asia/Taipei", altitude_unit="ft"))]
    state = session.state
    assert state.projection.definition == Projection.from_user_input("webmercator").definition
    assert state.naming == "ja"
    assert not state.layer_state("kadiz").visible
    assert state.layer_state("median_line").color == "#123456"
    assert (session.timeline.speed, session.timeline.trail) == (120.0, 900.0)
    assert not session.dirty and session.folder == tmp_path
    session.add_tracks(tmp_path / "one.csv", sortie(start=T0.replace(hour=0) - pd.Timedelta("1h")))
    assert session.timeline.time != T0.timestamp()
    session.apply_pending_time()  # once its files are in, the clock goes to the briefing's start
    assert session.timeline.time == T0.timestamp()


def test_an_unknown_projection_changes_nothing(session: Session, tmp_path: Path) -> None:
    bad = briefing_on(tmp_path, view=ViewSpec.at_scale(121.0, 24.0, 800.0, "EPSG:999999"))
    with pytest.raises(ValueError, match="999999"):
        session.apply_briefing(bad, tmp_path / "l.briefing.json")
    assert session.briefing is None


def test_the_snapshot_keeps_how_each_file_was_read(session: Session, tmp_path: Path) -> None:
    session.apply_briefing(briefing_on(tmp_path), tmp_path / "l.briefing.json")
    options = ReadOptions(tz="Asia/Tokyo", speed_unit="kmh", confirm_units=True)
    session.add_tracks(tmp_path / "one.csv", sortie(), options=options)
    session.state.update_layer("kadiz", visible=True)
    snap = session.snapshot(base=tmp_path / "elsewhere")
    assert snap.files == (TrackFileRef("../one.csv", tz="Asia/Tokyo", speed_unit="kmh"),)
    assert snap.layer_setting("kadiz").visible
    assert snap.time_range == TimeRange(T0, T0.replace(hour=1))
    assert snap.scenes == session.briefing.scenes and snap.title == "Lesson"


def test_a_briefing_left_to_the_viewer_shows_the_viewers_names(
    session: Session, tmp_path: Path
) -> None:
    # The window sets the interface language's usage (a Chinese interface: ROC usage).
    session.set_default_naming("zh_TW")
    assert session.state.naming == "zh_TW"
    session.apply_briefing(briefing_on(tmp_path, naming="auto"), tmp_path / "l.briefing.json")
    assert session.state.naming == "zh_TW" and not session.dirty
    assert session.snapshot().naming == "auto"  # it follows whoever opens it next
    session.state.set_naming("all")  # this lesson shows every usage: the briefing keeps it
    assert session.dirty and session.snapshot().naming == "all"
    # a briefing that chose its own naming keeps it whatever the viewer's usage
    session.apply_briefing(briefing_on(tmp_path), tmp_path / "l.briefing.json")
    session.set_default_naming("en")
    assert session.state.naming == "ja" and session.snapshot().naming == "ja"
    assert Briefing().naming == "auto"


def test_zones_are_named_in_the_naming_shown(session: Session) -> None:
    assert session.zone_title("taiwan_adiz") == "Taiwan ADIZ"
    session.state.set_naming("ja")
    assert session.zone_title("taiwan_adiz") == "台湾 防空識別圏"
    assert session.zone_title("median_line") == "台湾海峡中間線"
    assert session.zone_title("exercise_2022_08:zone3").endswith("(zone 3)")
    assert session.zone_title("nowhere") == "nowhere"  # an id found nowhere is shown as it is


def test_traced_tracks_replay_and_say_why_some_do_not(session: Session) -> None:
    good = TracedTrack("T1", "fighter", 2, ((119.0, 22.0), (121.0, 22.0)), Timing.at_speed(T0, 450))
    still = ((119.0, 23.0), (119.0, 23.0))  # no length: start and end cannot time it
    bad = TracedTrack("T2", "bomber", 1, still, Timing.between(T0, T0.replace(hour=1)))
    session.edit(traced=TracedScenario((good, bad)))
    item = next(i for i in session.tracks.items if i.path == TRACED_PATH)
    assert item.trackset.traced and list(item.trackset.ids) == ["T1"]
    assert session.traced_problems == [
        "T2: the track has no length: its vertices are all in one place"
    ]
    session.undo()
    assert all(i.path != TRACED_PATH for i in session.tracks.items)


def test_edits_undo_and_redo_and_say_which_fields_changed(session: Session) -> None:
    seen: list[frozenset[str]] = []
    session.events.connect("briefing", seen.append)
    session.set_scenes([Scene("One")], 0)
    session.edit(title="Renamed", undo=False)
    assert seen == [frozenset({"scenes"}), frozenset({"title"})]
    assert session.undo() and session.briefing.title == "Renamed"  # titles are not undone
    assert session.briefing.scenes == () and session.scene_index == -1
    assert seen[-1] == frozenset({"scenes"})  # only the scenes changed back
    assert session.redo() and session.briefing.scenes == (Scene("One"),)
    assert not session.redo()


# ---------------------------------------------------------------------------- scenes
def test_a_scene_keeps_what_the_scenes_before_set(session: Session, tmp_path: Path) -> None:
    session.apply_briefing(briefing_on(tmp_path), tmp_path / "l.briefing.json")
    first, play, after = (session.scene_state(i) for i in range(3))
    assert first.view == ViewSpec.at_scale(121.0, 24.0, 1500.0) and first.layers == ("taiwan_adiz",)
    assert first.speed == 120.0 and first.time == T0.timestamp()  # the briefing's start
    assert play.view == first.view and play.layers == ("taiwan_adiz",)  # kept from scene 1
    assert play.time_range == (T0.replace(minute=10).timestamp(), T0.replace(minute=40).timestamp())
    assert play.time == play.time_range[0] and play.loop
    assert after.time == play.time_range[1]  # where the range left the clock
    assert after.speed == 600.0 and after.time_range is None and not after.loop


def test_showing_a_scene_sets_layers_speed_and_clock(session: Session, tmp_path: Path) -> None:
    session.apply_briefing(briefing_on(tmp_path), tmp_path / "l.briefing.json")
    session.add_tracks(tmp_path / "one.csv", sortie())
    shown: list[int] = []
    session.events.connect("scene", shown.append)
    st = session.apply_scene(1)
    tl = session.timeline
    assert shown == [1] and session.scene_index == 1
    assert [s.id for s in session.state.layers if s.visible] == ["taiwan_adiz"]
    assert (tl.in_point, tl.out_point, tl.time) == (*st.time_range, st.time_range[0])
    assert not tl.playing and not session.dirty  # showing a scene is not an edit
    session.apply_scene(2)
    assert (tl.in_point, tl.out_point, tl.speed) == (None, None, 600.0)


def test_the_whole_briefing_plays_each_scene_in_order(session: Session, tmp_path: Path) -> None:
    session.apply_briefing(briefing_on(tmp_path), tmp_path / "l.briefing.json")
    plan = session.scene_plan(fps=2.0)
    assert [i for i, _ in plan] == [0] * 6 + [1] * 30 + [2] * 6
    play = [t for i, t in plan if i == 1]  # 30 min at 1 s = 2 min: 15 s, 2 frames a second
    assert play[0] == T0.replace(minute=10).timestamp()
    assert play[-1] == T0.replace(minute=40).timestamp()
    assert {t for i, t in plan if i == 2} == {play[-1]}


def test_a_fork_shares_the_tracks_but_not_the_state(session: Session, tmp_path: Path) -> None:
    session.apply_briefing(briefing_on(tmp_path), tmp_path / "l.briefing.json")
    session.add_tracks(tmp_path / "one.csv", sortie())
    fork = session.fork()
    assert fork.tracks.items[0].trackset is session.tracks.items[0].trackset  # nothing re-read
    fork.apply_scene(1)
    fork.state.set_projection(Projection.from_user_input("equirectangular"))
    assert session.timeline.in_point is None and session.state.layer_state("kadiz").visible is False
    assert session.scene_index == -1
    assert session.tracks.items[0].trackset.projection is not fork.state.projection


def test_the_edit_history_names_each_step_and_the_session_docstring_runs() -> None:
    from viewer.core import edit_history
    from viewer.core import session as session_module

    assert doctest.testmod(edit_history).attempted > 0
    assert doctest.testmod(edit_history).failed == 0
    assert doctest.testmod(session_module).failed == 0
