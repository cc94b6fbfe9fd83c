"""`Session`: one briefing being shown — the map state, the loaded track files, one clock, the
briefing document and its folder, and how each file was read — with the wiring between them.

The window, the headless command line and every export drive a session (napari's `ViewerModel`
under its `Window`); nothing here knows about Qt. Loaded ``(TrackSet, report)`` pairs come in from
outside (`add_tracks`): the window loads in the background, the command line synchronously.

The wiring, done once here:

- the projection changes → every loaded TrackSet is re-projected (a data change);
- the loaded tracks change → the clock's range follows their time span, and new data starts the
  clock at its beginning;
- an archive is open → the clock's range is the window of it chosen (`ArchiveState.chosen`),
  not the loaded tracks' span; a new window keeps the clock's time when it lies inside;
- the clock moves → time-bound layers (exercise zones, Japan's ADIZ before 2010) follow it, while
  tracks are loaded;
- the layers, naming or projection change → the briefing is dirty (not while a briefing or a
  scene is being applied: that is not an edit).

Events: ``briefing`` (the frozenset of `Briefing` fields whose value changed: all of them when a
briefing is applied), ``scene`` (the index of the scene now shown).

>>> from viewer.core.catalog import load_catalog
>>> session = Session(MapState(load_catalog()))
>>> session.edit(title="Lesson 1", action="rename"); session.briefing.title, session.undo_action
('Lesson 1', 'rename')
>>> session.undo() and (session.briefing.title, session.redo_action)
('Untitled briefing', 'rename')
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from viewer.core.archive_state import ArchiveState
from viewer.core.briefing import (
    Briefing,
    LayerSetting,
    Scene,
    TimeRange,
    ViewSpec,
    relative_ref_path,
    resolve_file,
)
from viewer.core.constants import NAMING_EN
from viewer.core.edit_history import EditHistory
from viewer.core.evented import EventedModel
from viewer.core.georeference import Underlay
from viewer.core.live_tracks import LIVE_PATH, LiveFrame, LiveTracks, files_and_live_span
from viewer.core.map_state import MapState
from viewer.core.projection import Projection
from viewer.core.read_options import ReadOptions, options_for_ref, ref_for_options
from viewer.core.session_naming import SessionNaming
from viewer.core.timeline import Timeline
from viewer.core.tracing import TRACED_PATH, TracedScenario, traced_trackset
from viewer.core.track_layers import LoadedTracks, TrackLayers
from viewer.core.tracks import TrackSet
from viewer.core.view import MapView, home_view

#: Every field of a briefing: what changed when a whole briefing arrives.
ALL_FIELDS = frozenset(f.name for f in fields(Briefing))
#: The fields an edit can undo: scenes (first), annotations, what the teacher authored, the title.
EDITABLE = ("scenes", "annotations", "underlay", "traced", "reported_counts", "title")
STILL_SECONDS = 3.0  # how long a still scene lasts in a whole-briefing video
MAX_SCENE_SECONDS = 20.0  # the longest a scene that plays a range lasts in it


@dataclass(frozen=True)
class SceneState:
    """Scene ``index`` as shown, every field resolved: what the scene leaves unset is what the
    scenes before it set (presented in order), else the briefing's.

    ``view``: what the map shows; ``layers``: the ids visible (None: as the briefing sets them);
    ``speed``: map seconds per wall second; ``time``: where the clock goes (epoch s: the range's
    start, the still's time, else where the scene before left it; None: it stays);
    ``time_range``: (start, end) to play; ``loop``: play the range round again."""

    index: int
    title: str
    note: str
    view: ViewSpec
    layers: tuple[str, ...] | None
    speed: float
    time: float | None
    time_range: tuple[float, float] | None
    loop: bool


@dataclass(frozen=True)
class _FileEntry:
    """A track file removed (for undo): the loaded file, its place, how it was read."""

    item: LoadedTracks
    index: int
    options: ReadOptions | None
    report: Any


class Session(SessionNaming, EventedModel):
    """The state of one briefing being shown; see the module docstring for the wiring."""

    EVENTS = ("briefing", "scene")

    def __init__(self, state: MapState, timeline: Timeline | None = None) -> None:
        super().__init__()
        self.state = state
        self.tracks = TrackLayers()
        self.archive = ArchiveState()  # the archive open, if any, and the window chosen of it
        now = datetime.now(UTC).timestamp()
        self.timeline = timeline if timeline is not None else Timeline(now - 86400.0, now)
        self.live = LiveTracks(self.timeline)  # the live feeds, a track source like a file
        self.briefing: Briefing | None = None
        self.briefing_path: Path | None = None
        self.scene_index = -1
        self.read_options: dict[str, ReadOptions | None] = {}  # file path -> how it was read
        self.reports: dict[str, Any] = {}  # file path -> its ImportReport
        self.dirty = False
        self.pending_time: float | None = None  # the briefing's start, once its files are in
        self.traced_problems: list[str] = []  # why traced tracks do not replay, if any
        self.default_naming = NAMING_EN  # `SessionNaming`
        self._applying = 0
        self._span: tuple[float, float] | None = None
        self._traced_shown: TracedScenario | None = None
        self.history = EditHistory()  # ("edit", fields before, name) / ("remove_file", file, name)
        state.events.connect("projection", self._on_projection_changed)
        for name in ("layers", "naming", "projection"):
            state.events.connect(name, self._mark_dirty)
        self.tracks.events.connect("changed", self._on_tracks_changed)
        self.archive.events.connect("window", self._on_tracks_changed)
        self.archive.events.connect("closed", self._on_tracks_changed)
        self.timeline.events.connect("time", self._on_time_changed)

    # ------------------------------------------------------------------ wiring
    def _on_projection_changed(self, projection: Projection) -> None:
        self.tracks.reproject(projection)

    def _on_tracks_changed(self, *_: object) -> None:
        span = self.archive.chosen or files_and_live_span(self.tracks.items, self.live)
        if span is None:
            return
        start, end = span
        if end <= start:  # one instant: a minute to show it in (a live feed grows from it)
            end = start + (1.0 if self.live.active else 60.0)
        if (start, end) != self._span:  # new data: the clock starts at its beginning...
            self._span = (start, end)
            t = self.timeline.time
            keep = self.archive.chosen is not None and start <= t <= end  # a zoom keeps it
            self.timeline.set_range(start, end)
            if not self.live.active:
                self.timeline.set_time(t if keep else start)
            elif self.live.live:  # ...or stays at the live edge
                self.live.go_live()
        self.state.follow_clock(self.timeline.time)

    def _on_time_changed(self, t: float) -> None:
        if self.tracks.items or self.archive.is_open:
            self.state.follow_clock(t)

    def _mark_dirty(self, *_: object) -> None:
        if not self._applying:
            self.dirty = True

    @contextlib.contextmanager
    def applying(self) -> Iterator[None]:
        """Inside it, changes to the map are not edits (a briefing or scene being applied)."""
        self._applying += 1
        try:
            yield
        finally:
            self._applying -= 1

    # ------------------------------------------------------------------ track files
    @property
    def folder(self) -> Path:
        """The folder relative paths are resolved against: the briefing's, else the current."""
        return self.briefing_path.parent if self.briefing_path else Path.cwd()

    def add_tracks(
        self,
        path: str | Path,
        trackset: TrackSet,
        report: Any = None,
        options: ReadOptions | None = None,
    ) -> None:
        """A file read with ``options`` into ``trackset`` (and its ``report``) joins the replay;
        loading the same path again replaces it."""
        key = str(path)
        self.read_options[key] = options
        if report is not None:
            self.reports[key] = report
        self.tracks.add(LoadedTracks(Path(path), trackset, report))

    def show_live(self, frame: LiveFrame | None = None) -> None:
        """A frame from the live feeds (`LiveTracks.show_in`); without one, the snapshot that
        fits the clock now (Live / DVR changed)."""
        self.live.show_in(self.tracks, frame)

    def end_live(self) -> None:
        """The live feeds are gone: their tracks leave the replay."""
        self.live.leave(self.tracks)

    def remove_tracks(self, path: str | Path, action: str = "") -> bool:
        """Unload the track file ``path`` (undoable, the edit named ``action``: Edit > Undo
        loads it back, nothing re-read); False when it is not loaded."""
        path = Path(path)
        found = [i for i, item in enumerate(self.tracks.items) if item.path == path]
        if not found:
            return False
        entry = _FileEntry(
            self.tracks.items[found[0]],
            found[0],
            self.read_options.get(str(path)),
            self.reports.get(str(path)),
        )
        self.history.push("remove_file", entry, action)
        self._remove_file(entry)
        return True

    def _remove_file(self, entry: _FileEntry) -> None:
        key = str(entry.item.path)
        self.read_options.pop(key, None)
        self.reports.pop(key, None)
        self.tracks.remove(entry.item.path)
        self.dirty = True

    def _restore_file(self, entry: _FileEntry) -> None:
        key = str(entry.item.path)
        self.read_options[key] = entry.options
        if entry.report is not None:
            self.reports[key] = entry.report
        items = [i for i in self.tracks.items if i.path != entry.item.path]
        items.insert(min(entry.index, len(items)), entry.item)
        self.tracks.items = items
        self.tracks.events.emit("changed", entry.item.path)
        self.dirty = True

    def apply_pending_time(self) -> None:
        """Once a briefing's files are in, the clock goes to the briefing's start."""
        if self.pending_time is not None:
            self.timeline.set_time(self.pending_time)
            self.pending_time = None

    # ------------------------------------------------------------------ the briefing
    def apply_briefing(
        self,
        briefing: Briefing,
        path: str | Path | None = None,
        projection: Projection | None = None,
    ) -> list[tuple[Path, ReadOptions | None]]:
        """Show ``briefing`` (saved at ``path``): what was loaded goes; its projection
        (``projection`` instead when given; an unknown CRS raises ValueError before anything
        changes), naming, layer settings, clock speed and trail, traced tracks. Returns the track
        files to load that exist, with the options to read each as when it was saved; the clock
        goes to the briefing's start when they are in (`apply_pending_time`)."""
        projection = projection or briefing.view.projection()
        self.briefing = briefing
        self.briefing_path = Path(path) if path is not None else None
        self.scene_index = -1
        self.history.clear()
        with self.applying():
            self.archive.close()  # the briefing's archives are opened again by the caller
            self.tracks.clear()
            self.reports.clear()
            self.read_options.clear()
            self._span = None
            self._traced_shown = None
            self.state.set_projection(projection)
            self.state.set_naming(self._naming_of(briefing))
            self.apply_layer_settings(briefing.layers)
            self.timeline.set_speed(briefing.speed)
            self.timeline.set_trail(briefing.trail_seconds)
            start = briefing.time_range.start if briefing.time_range else None
            self.pending_time = start.timestamp() if start else None
            self._briefing_changed(ALL_FIELDS)
        self.dirty = False
        files = [(resolve_file(ref, self.folder), options_for_ref(ref)) for ref in briefing.files]
        return [(p, options) for p, options in files if p.is_file()]

    def new_briefing(self, title: str) -> None:
        """An empty briefing titled ``title``: the reference layers as the catalog shows them,
        no tracks, the default view; the projection and naming stay as they are."""
        defaults = tuple(
            LayerSetting(la.id, bool(la.visible), 1.0, None) for la in self.state.catalog.layers
        )
        spec = Briefing().view
        view = replace(spec, crs=self.state.projection.definition)
        self.apply_briefing(
            Briefing(title=title, layers=defaults, view=view, naming=self._naming_kept()),
            None,
            self.state.projection,
        )

    def apply_layer_settings(self, settings: tuple[LayerSetting, ...]) -> None:
        """Each layer's visibility, opacity and colour as a briefing keeps them (settings of
        layers the map does not have are left out)."""
        for setting in settings:
            try:
                default = self.state.layer(setting.id).style.color
            except KeyError:
                continue
            st = setting.to_layer_state(default)
            self.state.update_layer(
                setting.id, visible=st.visible, opacity=st.opacity, color=st.color
            )

    def picture_path(self, underlay: Underlay) -> Path:
        """The underlay's picture file (a relative path is relative to the briefing's folder)."""
        p = Path(underlay.path).expanduser()
        return p if p.is_absolute() else self.folder / p

    def snapshot(self, view: MapView | None = None, base: Path | None = None) -> Briefing:
        """The briefing as shown now: files (paths relative to ``base``, default the briefing's
        folder) with how each was read, layers, ``view`` (the map's; None keeps the briefing's),
        the clock's range, speed and trail, the naming."""
        old = self.briefing or Briefing()
        base = base or self.folder
        files = tuple(
            ref_for_options(
                relative_ref_path(item.path, base), self.read_options.get(str(item.path))
            )
            for item in self.tracks.items
            if item.path not in (TRACED_PATH, LIVE_PATH)  # traced: saved in the briefing
            and not self.archive.owns(item.path)  # an archive's window: kept as the archive
        )
        archive = self.archive.briefing_ref(base)
        archives = (archive,) if archive is not None else old.archives
        time_range = None
        if (
            any(item.path != LIVE_PATH for item in self.tracks.items)
            or self.archive.chosen is not None
        ):
            time_range = TimeRange(
                datetime.fromtimestamp(self.timeline.start, UTC),
                datetime.fromtimestamp(self.timeline.end, UTC),
            )
        spec = old.view
        if view is not None:
            crs = old.view.crs
            try:
                if Projection.from_user_input(crs).definition != self.state.projection.definition:
                    crs = self.state.projection.definition
            except ValueError:
                crs = self.state.projection.definition
            spec = ViewSpec.from_map_view(view, self.state.projection, crs)
        underlay = old.underlay
        if underlay is not None:
            underlay = replace(underlay, path=relative_ref_path(self.picture_path(underlay), base))
        return replace(
            old,
            underlay=underlay,
            files=files,
            archives=archives,
            layers=tuple(
                LayerSetting.from_layer_state(st)
                for st in self.state.layers
                if not st.id.startswith("user:")
            ),
            view=spec,
            time_range=time_range,
            speed=self.timeline.speed,
            trail_seconds=min(self.timeline.trail, 1e9),
            naming=self._naming_kept(),
        )

    def saved_as(self, briefing: Briefing, path: str | Path) -> None:
        """``briefing`` was written to ``path``: it is now the document, and clean."""
        self.briefing, self.briefing_path = briefing, Path(path)
        self.dirty = False

    # ------------------------------------------------------------------ edits (undoable)
    def edit(self, undo: bool = True, action: str = "", **changes: Any) -> None:
        """Change fields of the briefing (scenes, annotations, underlay, traced tracks, reported
        counts, title...); ``undo`` puts the state before on the undo stack, named ``action``
        (what Edit > Undo says it undoes: "add arrow")."""
        if undo:
            self._push_undo(action, tuple(changes))
        self._replace_briefing(changes)

    def _replace_briefing(self, changes: dict[str, Any]) -> None:
        """The briefing with ``changes``; the ``briefing`` event names the fields that differ."""
        old = self.briefing or Briefing()
        self.briefing = replace(old, **changes)
        self.dirty = True
        self._briefing_changed(frozenset(k for k, v in changes.items() if getattr(old, k) != v))

    def set_scenes(
        self, scenes: list[Scene] | tuple[Scene, ...], index: int, action: str = ""
    ) -> None:
        """The scenes after an edit (add, rename, move, delete) named ``action``, scene
        ``index`` current."""
        self.scene_index = index
        self.edit(scenes=tuple(scenes), action=action)
        self.events.emit("scene", index)

    def _snapshot_edit(self, fields: tuple[str, ...] = EDITABLE) -> tuple[dict[str, Any], int]:
        """The ``fields`` of the briefing, and the scene: what undoing an edit of them puts back
        (other fields stay, e.g. a title set without undo, a new briefing's from its files)."""
        b = self.briefing or Briefing()
        return {name: getattr(b, name) for name in fields}, self.scene_index

    def _push_undo(self, action: str = "", fields: tuple[str, ...] = EDITABLE) -> None:
        self.history.push("edit", self._snapshot_edit(fields), action)

    @property
    def undo_action(self) -> str | None:
        return self.history.undo_action

    @property
    def redo_action(self) -> str | None:
        return self.history.redo_action

    def undo(self) -> bool:
        """Undo the last edit to scenes, annotations or what was authored; False if none."""
        return self.history.step(True, self._apply_entry)

    def redo(self) -> bool:
        return self.history.step(False, self._apply_entry)

    def _apply_entry(self, kind: str, value: Any, undo: bool) -> Any:
        """Undo (or redo) one entry of the history; what undoes that in turn."""
        if kind == "remove_file":  # undone: the file comes back; redone: it goes again
            (self._restore_file if undo else self._remove_file)(value)
            return value
        before = self._snapshot_edit(tuple(value[0]))
        self._restore(value)
        return before

    def _restore(self, snap: tuple[dict[str, Any], int]) -> None:
        values, index = snap
        scenes = values.get("scenes", (self.briefing or Briefing()).scenes)
        self.scene_index = min(index, len(scenes) - 1)
        self._replace_briefing(values)
        self.events.emit("scene", self.scene_index)

    def _briefing_changed(self, changed: frozenset[str]) -> None:
        if "traced" in changed:
            self.replay_traced()
        self.events.emit("briefing", changed)

    def replay_traced(self) -> None:
        """The briefing's traced tracks replay as a file named `TRACED_PATH` (rebuilt when they
        change); tracks that cannot be timed are left out, ``traced_problems`` says why."""
        scenario = self.briefing.traced if self.briefing else None
        if scenario == self._traced_shown:
            return
        self._traced_shown = scenario
        trackset, self.traced_problems = (None, [])
        if scenario is not None:
            trackset, self.traced_problems = traced_trackset(scenario, self.state.projection)
        if trackset is None:
            if any(i.path == TRACED_PATH for i in self.tracks.items):
                self.tracks.remove(TRACED_PATH)
            return
        self.tracks.add(LoadedTracks(TRACED_PATH, trackset, None))  # the window writes its report

    # ------------------------------------------------------------------ scenes
    def scene_state(self, index: int) -> SceneState:
        """Scene ``index`` with every field resolved (see `SceneState`): the one definition the
        window, the command line and both video exports use."""
        assert self.briefing is not None
        b = self.briefing
        view, layers, speed = b.view, None, b.speed
        time: float | None = b.time_range.start.timestamp() if b.time_range else None
        for scene in b.scenes[:index]:  # where the scenes before leave the clock
            view = scene.view or view
            layers = scene.layers if scene.layers is not None else layers
            speed = scene.speed or speed
            if scene.time_range is not None:
                time = scene.time_range.end.timestamp()
            elif scene.time is not None:
                time = scene.time.timestamp()
        scene = b.scenes[index]
        time_range = None
        if scene.time_range is not None:
            time_range = (scene.time_range.start.timestamp(), scene.time_range.end.timestamp())
            time = time_range[0]
        elif scene.time is not None:
            time = scene.time.timestamp()
        return SceneState(
            index=index,
            title=scene.title,
            note=scene.note,
            view=scene.view or view,
            layers=scene.layers if scene.layers is not None else layers,
            speed=scene.speed or speed,
            time=time,
            time_range=time_range,
            loop=not scene.pause_at_end,
        )

    def apply_scene(self, index: int) -> SceneState:
        """Show scene ``index``: its layers, speed and clock (in/out points on its range, the
        clock paused at its start); the caller shows its view (and plays a range)."""
        st = self.scene_state(index)
        self.scene_index = index
        with self.applying():
            if st.layers is not None:
                wanted = set(st.layers)
                for layer in self.state.layers:
                    if layer.visible != (layer.id in wanted):
                        self.state.update_layer(layer.id, visible=layer.id in wanted)
            self.timeline.set_speed(st.speed)
            self.timeline.pause()
            if self.tracks.items:
                self.timeline.clear_in_out()
                if st.time_range is not None:
                    self.timeline.set_in_point(st.time_range[0])
                    self.timeline.set_out_point(st.time_range[1])
                    self.timeline.set_loop(st.loop)
                if st.time is not None:
                    self.timeline.set_time(st.time)
        self.events.emit("scene", index)
        return st

    def scene_plan(
        self,
        fps: float,
        still_seconds: float = STILL_SECONDS,
        max_seconds: float = MAX_SCENE_SECONDS,
    ) -> list[tuple[int, float]]:
        """(scene index, map time) for every frame of the whole briefing, scenes in order: a
        scene that plays a range lasts range / speed (at most ``max_seconds``), a still
        ``still_seconds``."""
        plan: list[tuple[int, float]] = []
        for i in range(len(self.briefing.scenes) if self.briefing else 0):
            st = self.scene_state(i)
            if st.time_range is not None:
                a, b = st.time_range
                n = max(2, round(fps * min(max_seconds, (b - a) / st.speed)))
                plan += [(i, float(t)) for t in np.linspace(a, b, n)]
            else:
                t = st.time if st.time is not None else self.timeline.time
                plan += [(i, t)] * max(1, round(fps * still_seconds))
        return plan

    def map_view(
        self,
        width: int,
        height: int,
        scene_index: int | None = None,
        insets: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0),
    ) -> MapView:
        """What a ``width`` x ``height`` picture shows: scene ``scene_index``'s extent, else the
        briefing's, else the home view, fitted to the frame (the whole extent shows; the
        scene's region clear of ``insets``, the overlays' margins: left, top, right, bottom px).
        The window, the command line and both video exports fit scenes here."""
        if self.briefing is None:
            return home_view(self.state.projection, width, height)
        spec = self.briefing.view if scene_index is None else self.scene_state(scene_index).view
        return spec.to_map_view(width, height, self.state.projection, insets)

    # ------------------------------------------------------------------ exports
    def fork(self, view: MapView | None = None) -> Session:
        """A session over the same loaded tracks (nothing re-read: TrackSets are shared) with a
        copy of the map state and clock and the briefing as shown now (``view``: the map's), so
        an export can step through scenes without touching what the window shows."""
        other = Session(self.state.copy(), self.timeline.copy())
        shown = self.live.freeze_into(other.live)
        other.tracks.items = [
            replace(i, trackset=shown.trackset) if i.path == LIVE_PATH and shown else i
            for i in self.tracks.items
        ]
        other.briefing = self.snapshot(view) if self.briefing is not None else None
        other.briefing_path = self.briefing_path
        other.read_options = dict(self.read_options)
        other.reports = dict(self.reports)
        other.scene_index = self.scene_index
        other._span = self._span
        other._traced_shown = self._traced_shown
        return other
